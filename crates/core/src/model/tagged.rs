//! Tagged JSON objects (`{"type": "sticker", …}`) read from a [`Value`] by hand.
//!
//! serde's derive reads an internally tagged enum (`#[serde(tag = …)]`), an untagged one or a
//! flattened field by first copying the value into serde's own `Content` tree, then reading
//! the variant from that tree: a second compiled deserializer of every type inside, beside the
//! one from `Value` that the lenient restore uses (issue 23: ~60 KB of wasm for the worker's
//! replies, layout jobs, picture items and agenda steps). The tagged types of the file format
//! and of the worker's protocol take their tag out with [`Fields::tagged`] and read their
//! fields with [`Fields::take`], so everything is read from `Value` only. The JSON written and
//! accepted is the derive's: the tag beside the variant's fields, unknown fields ignored (or
//! refused, [`Fields::deny_unknown`]), a missing `Option` field read as `None`.

use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde_json::{Error, Map, Value};

/// The fields of a JSON object, taken out one by one.
pub struct Fields(Map<String, Value>);

impl Fields {
    /// The fields of an object; anything else is an error.
    pub fn of(value: Value) -> Result<Fields, Error> {
        match value {
            Value::Object(map) => Ok(Fields(map)),
            other => Err(Error::invalid_type(unexpected(&other), &"an object")),
        }
    }

    /// The text of the object's tag `tag` and its other fields.
    pub fn tagged(value: Value, tag: &'static str) -> Result<(String, Fields), Error> {
        let mut fields = Fields::of(value)?;
        match fields.0.remove(tag) {
            Some(Value::String(t)) => Ok((t, fields)),
            Some(other) => Err(Error::invalid_type(unexpected(&other), &"a tag")),
            None => Err(Error::missing_field(tag)),
        }
    }

    /// The field `key`, read as a `T`. A missing field is an error unless `T` reads `null`
    /// (an `Option`: `None`), as serde's derive reads it.
    pub fn take<T: DeserializeOwned>(&mut self, key: &'static str) -> Result<T, Error> {
        match self.0.remove(key) {
            Some(v) => serde_json::from_value(v),
            None => serde_json::from_value(Value::Null).map_err(|_| Error::missing_field(key)),
        }
    }

    /// The field `key` as it is (a missing one is `null`).
    pub fn take_value(&mut self, key: &str) -> Value {
        self.0.remove(key).unwrap_or(Value::Null)
    }

    /// The field `key`, or `T`'s default when it is missing (`#[serde(default)]`).
    pub fn take_or_default<T: DeserializeOwned + Default>(
        &mut self,
        key: &'static str,
    ) -> Result<T, Error> {
        match self.0.remove(key) {
            Some(v) => serde_json::from_value(v),
            None => Ok(T::default()),
        }
    }

    /// The fields not taken, as an object (a newtype variant reads its value from them).
    pub fn rest(self) -> Value {
        Value::Object(self.0)
    }

    /// An error naming a field that was not taken (`#[serde(deny_unknown_fields)]`).
    pub fn deny_unknown(&self, expected: &'static [&'static str]) -> Result<(), Error> {
        match self.0.keys().next() {
            Some(key) => Err(Error::unknown_field(key, expected)),
            None => Ok(()),
        }
    }
}

/// The error for a tag that names no variant.
pub fn unknown_variant(tag: &str, expected: &'static [&'static str]) -> Error {
    Error::unknown_variant(tag, expected)
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => n
            .as_f64()
            .map_or(Unexpected::Other("a number"), Unexpected::Float),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// A `Deserialize` for a type read by hand from a [`Value`] (`$read: fn(Value) -> Result<T,
/// serde_json::Error>`), for whatever reads it inside a derived type or from text: the value
/// is read as a `Value`, then by `$read`. The app itself reads these types from `Value`.
macro_rules! deserialize_via_value {
    ($ty:ty, $read:path) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                $read(value).map_err(<D::Error as serde::de::Error>::custom)
            }
        }
    };
}
pub(crate) use deserialize_via_value;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_read_as_the_derive_reads_them() {
        let (tag, mut f) = Fields::tagged(json!({"t": "a", "n": 3, "s": "x"}), "t").unwrap();
        assert_eq!(tag, "a");
        assert_eq!(f.take::<u32>("n").unwrap(), 3);
        assert_eq!(f.take::<Option<u32>>("missing").unwrap(), None);
        let e = f.take::<u32>("gone").unwrap_err().to_string();
        assert_eq!(e, "missing field `gone`");
        assert!(!f.take_or_default::<bool>("flag").unwrap());
        assert!(f.deny_unknown(&["t", "n"]).is_err());
        assert_eq!(f.take::<String>("s").unwrap(), "x");
        assert!(f.deny_unknown(&["t", "n", "s"]).is_ok());
        assert!(Fields::tagged(json!({"n": 3}), "t").is_err());
        assert!(Fields::tagged(json!({"t": 3}), "t").is_err());
        assert!(Fields::tagged(json!([1]), "t").is_err());
        assert!(Fields::of(json!("text")).is_err());
    }
}
