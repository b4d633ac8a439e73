//! The workshop's saved JSON as a Yjs document, and back, so concurrent edits merge field by
//! field instead of one copy replacing the other.
//!
//! The mapping follows the JSON the model already saves (`serde_json::to_value(&workshop)`,
//! read back through `Workshop::restore`), so every part of the workshop syncs, including
//! fields a newer version adds:
//! - an object is a `Y.Map`, one entry per field, so two people changing different fields of one
//!   node, answer or item both keep their change;
//! - a free-text field (a label, an answer, a note: [`TEXT_KEYS`]) is a `Y.Text`, written as the
//!   smallest splice from the text before, so two people typing in one label both keep what they
//!   typed and every copy ends with the same text;
//! - a list of objects (nodes, links, items, perspectives, tensions, rounds…) is a `Y.Array` of
//!   `Y.Map`s: lists whose objects carry an `id` are matched by id (an edited node is the same
//!   `Y.Map`, a new one is inserted where it belongs, a removed one deleted), others by position;
//!   concurrent additions are all kept;
//! - anything else (numbers, flags, ids, choices such as a level or a tool, lists of ids, a
//!   stroke's compact points) is one value, the last writer's.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::{Map as JsonMap, Number as JsonNumber, Value};
use yrs::{
    Any, Array, ArrayPrelim, ArrayRef, GetString, Map, MapPrelim, MapRef, Out, ReadTxn, Text,
    TextPrelim, TextRef, TransactionMut,
};

/// The fields whose strings people type into: each is a `Y.Text`, so concurrent typing merges.
/// Every other string is one value (ids, choices, dates, stroke points): merging two of those
/// character by character would make a value neither side chose.
pub const TEXT_KEYS: &[&str] = &[
    "title",
    "purpose",
    "facilitator",
    "notes",
    "note",
    "name",
    "group",
    "label",
    "is",
    "ought",
    "text",
    "caption",
    "description",
    "comment",
    "challenge",
    "reply",
    "primary",
    "secondary",
    "holds",
    "not_in_room",
    "own_judgments",
    "facts",
    "values",
    "boundaries",
    "focus_question",
];

fn is_text_key(key: &str) -> bool {
    TEXT_KEYS.contains(&key)
}

/// Writes `new` into `map` (the document's copy of an object whose value was `old`), touching
/// only what differs. `old` must be what `read_map` gives for `map` now.
pub fn write_map(
    txn: &mut TransactionMut,
    map: &MapRef,
    old: &JsonMap<String, Value>,
    new: &JsonMap<String, Value>,
) {
    for key in old.keys() {
        if !new.contains_key(key) {
            map.remove(txn, key);
        }
    }
    for (key, value) in new {
        let before = old.get(key);
        if before == Some(value) {
            continue;
        }
        write_entry(txn, map, key, before, value);
    }
}

/// Fills a new, empty `Y.Map` with an object.
fn fill_map(txn: &mut TransactionMut, map: &MapRef, new: &JsonMap<String, Value>) {
    for (key, value) in new {
        write_entry(txn, map, key, None, value);
    }
}

/// How a list is kept in the document.
enum ListShape {
    /// Objects with unique `id`s (strings or numbers): matched by id.
    Keyed,
    /// Objects without (unique) ids: matched by position.
    Objects,
    /// Anything else (ids, numbers, mixed): one value.
    Atomic,
}

fn list_shape(items: &[Value]) -> ListShape {
    if !items.iter().all(Value::is_object) {
        return ListShape::Atomic;
    }
    let mut seen = HashSet::new();
    let keyed = items.iter().all(|item| match item.get("id") {
        Some(id @ (Value::String(_) | Value::Number(_))) => seen.insert(id_key(id)),
        _ => false,
    });
    if keyed {
        ListShape::Keyed
    } else {
        ListShape::Objects
    }
}

/// An id as a hashable key that keeps `1` and `"1"` apart.
fn id_key(id: &Value) -> String {
    match id {
        Value::String(s) => format!("s{s}"),
        other => format!("n{other}"),
    }
}

fn write_entry(
    txn: &mut TransactionMut,
    map: &MapRef,
    key: &str,
    old: Option<&Value>,
    new: &Value,
) {
    let current = map.get(txn, key);
    match new {
        Value::String(s) if is_text_key(key) => {
            if let (Some(Out::YText(text)), Some(Value::String(before))) = (&current, old) {
                splice(txn, text, before, s);
            } else {
                map.insert(txn, key, TextPrelim::new(s.as_str()));
            }
        }
        Value::Object(fields) => {
            if let (Some(Out::YMap(inner)), Some(Value::Object(before))) = (&current, old) {
                write_map(txn, inner, before, fields);
            } else {
                let inner = map.insert(txn, key, MapPrelim::default());
                fill_map(txn, &inner, fields);
            }
        }
        Value::Array(items) if !matches!(list_shape(items), ListShape::Atomic) => {
            match (&current, old) {
                (Some(Out::YArray(array)), Some(Value::Array(before)))
                    if before.iter().all(Value::is_object) =>
                {
                    write_list(txn, array, before, items);
                }
                _ => {
                    let array = map.insert(txn, key, ArrayPrelim::default());
                    write_list(txn, &array, &[], items);
                }
            }
        }
        other => {
            map.insert(txn, key, to_any(other));
        }
    }
}

/// Writes a list of objects into `array`, whose current contents are `old`.
fn write_list(txn: &mut TransactionMut, array: &ArrayRef, old: &[Value], new: &[Value]) {
    let keyed = matches!(list_shape(new), ListShape::Keyed)
        && (old.is_empty() || matches!(list_shape(old), ListShape::Keyed));
    if keyed {
        write_keyed(txn, array, old, new);
    } else {
        write_positional(txn, array, old, new);
    }
}

fn insert_object(txn: &mut TransactionMut, array: &ArrayRef, at: u32, value: &Value) {
    let inner = array.insert(txn, at, MapPrelim::default());
    if let Value::Object(fields) = value {
        fill_map(txn, &inner, fields);
    }
}

fn update_object(txn: &mut TransactionMut, array: &ArrayRef, at: u32, old: &Value, new: &Value) {
    if old == new {
        return;
    }
    match (array.get(txn, at), old, new) {
        (Some(Out::YMap(inner)), Value::Object(before), Value::Object(after)) => {
            write_map(txn, &inner, before, after);
        }
        _ => {
            array.remove(txn, at);
            insert_object(txn, array, at, new);
        }
    }
}

/// Lists of objects with ids: an object keeps its `Y.Map` while its id stays, wherever the rest
/// of the list moved; one that moved past others is removed and inserted again.
fn write_keyed(txn: &mut TransactionMut, array: &ArrayRef, old: &[Value], new: &[Value]) {
    let key = |v: &Value| v.get("id").map(id_key).unwrap_or_default();
    let old_keys: Vec<String> = old.iter().map(key).collect();
    let new_keys: Vec<String> = new.iter().map(key).collect();
    let in_new: HashSet<&str> = new_keys.iter().map(String::as_str).collect();
    let in_old: HashSet<&str> = old_keys.iter().map(String::as_str).collect();
    let mut moved: HashSet<&str> = HashSet::new();
    let (mut i, mut j, mut at) = (0usize, 0usize, 0u32);
    while i < old.len() || j < new.len() {
        if i < old.len() && !in_new.contains(old_keys[i].as_str()) {
            array.remove(txn, at);
            i += 1;
        } else if i < old.len() && j < new.len() && old_keys[i] == new_keys[j] {
            update_object(txn, array, at, &old[i], &new[j]);
            (i, j, at) = (i + 1, j + 1, at + 1);
        } else if j < new.len()
            && (!in_old.contains(new_keys[j].as_str()) || moved.contains(new_keys[j].as_str()))
        {
            insert_object(txn, array, at, &new[j]);
            (j, at) = (j + 1, at + 1);
        } else if i < old.len() {
            // Kept but out of order: taken out here, put back where the new order has it.
            moved.insert(old_keys[i].as_str());
            array.remove(txn, at);
            i += 1;
        } else {
            // Unreachable while ids are unique; never loop forever if they are not.
            insert_object(txn, array, at, &new[j]);
            (j, at) = (j + 1, at + 1);
        }
    }
}

/// Lists of objects without ids: the unchanged ends stay, the middle is updated in place pair
/// by pair, and what is left over is removed or inserted.
fn write_positional(txn: &mut TransactionMut, array: &ArrayRef, old: &[Value], new: &[Value]) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let rest = old.len().min(new.len()) - prefix;
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take(rest)
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];
    let pairs = old_mid.len().min(new_mid.len());
    for k in 0..pairs {
        update_object(txn, array, to_u32(prefix + k), &old_mid[k], &new_mid[k]);
    }
    let at = to_u32(prefix + pairs);
    if old_mid.len() > pairs {
        array.remove_range(txn, at, to_u32(old_mid.len() - pairs));
    }
    for (k, value) in new_mid[pairs..].iter().enumerate() {
        insert_object(txn, array, at + to_u32(k), value);
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Changes `text` (now `before`) into `after` by one splice: the common start and end stay, so
/// another person's concurrent typing elsewhere in the text survives. Offsets are UTF-8 bytes
/// (the document's offset kind), cut on character boundaries.
fn splice(txn: &mut TransactionMut, text: &TextRef, before: &str, after: &str) {
    let prefix: usize = before
        .chars()
        .zip(after.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = before[prefix..]
        .chars()
        .rev()
        .zip(after[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let removed = before.len() - prefix - suffix;
    if removed > 0 {
        text.remove_range(txn, to_u32(prefix), to_u32(removed));
    }
    let inserted = &after[prefix..after.len() - suffix];
    if !inserted.is_empty() {
        text.insert(txn, to_u32(prefix), inserted);
    }
}

/// A JSON value as one Yjs value.
pub fn to_any(value: &Value) -> Any {
    match value {
        Value::Null => Any::Null,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Any::Number(yrs::Number::Int(i)),
            None => Any::Number(yrs::Number::Float(n.as_f64().unwrap_or(0.0))),
        },
        Value::String(s) => Any::String(Arc::from(s.as_str())),
        Value::Array(items) => Any::Array(items.iter().map(to_any).collect()),
        Value::Object(fields) => Any::Map(Arc::new(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), to_any(v)))
                .collect::<HashMap<_, _>>(),
        )),
    }
}

/// A Yjs value as JSON. Whole numbers come back as integers (Yjs may carry a large integer as a
/// float), so an id or a count reads back as the integer it was.
pub fn from_any(any: &Any) -> Value {
    match any {
        Any::Null | Any::Undefined => Value::Null,
        Any::Bool(b) => Value::Bool(*b),
        Any::Number(yrs::Number::Int(i)) => Value::from(*i),
        Any::Number(yrs::Number::Float(f)) => {
            const SAFE: f64 = 9_007_199_254_740_991.0;
            if f.trunc() == *f && f.abs() <= SAFE {
                Value::from(*f as i64)
            } else {
                JsonNumber::from_f64(*f).map_or(Value::Null, Value::Number)
            }
        }
        Any::String(s) => Value::String(s.to_string()),
        Any::Buffer(_) => Value::Null,
        Any::Array(items) => Value::Array(items.iter().map(from_any).collect()),
        Any::Map(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), from_any(v)))
                .collect(),
        ),
    }
}

/// What the document holds at a map, as JSON.
pub fn read_map<T: ReadTxn>(txn: &T, map: &MapRef) -> JsonMap<String, Value> {
    map.iter(txn)
        .map(|(key, out)| (key.to_string(), read_out(txn, &out)))
        .collect()
}

fn read_out<T: ReadTxn>(txn: &T, out: &Out) -> Value {
    match out {
        Out::Any(any) => from_any(any),
        Out::YText(text) => Value::String(text.get_string(txn)),
        Out::YMap(map) => Value::Object(read_map(txn, map)),
        Out::YArray(array) => Value::Array(array.iter(txn).map(|o| read_out(txn, &o)).collect()),
        _ => Value::Null,
    }
}
