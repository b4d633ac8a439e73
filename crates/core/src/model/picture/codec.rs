//! The compact stored form of a stroke's points, and the serde adapter that writes a
//! [`Stroke`] with it: the document format is unchanged (`"points": "x,y:…"`), while the model
//! holds points. Items (tagged by `type`) and arrow ends (an item or a point, untagged) are
//! read back by hand from a `Value` ([`crate::model::tagged`]), as the derive would read them.

use serde::de::Error as _;
use serde::{Deserialize, Serialize};
use serde_json::{Error, Value};

use super::{End, Item, ItemId, Stroke, Tool};
use crate::geometry::Point;
use crate::model::tagged::{Fields, deserialize_via_value, unknown_variant};

impl Item {
    /// An item from its stored JSON: `{"type": "sticker", …}`.
    pub fn from_json(value: Value) -> Result<Item, Error> {
        let (tag, f) = Fields::tagged(value, "type")?;
        let rest = f.rest();
        Ok(match tag.as_str() {
            "stroke" => Item::Stroke(serde_json::from_value(rest)?),
            "sticker" => Item::Sticker(serde_json::from_value(rest)?),
            "text" => Item::Text(serde_json::from_value(rest)?),
            "arrow" => Item::Arrow(serde_json::from_value(rest)?),
            "shape" => Item::Shape(serde_json::from_value(rest)?),
            _ => {
                return Err(unknown_variant(
                    &tag,
                    &["stroke", "sticker", "text", "arrow", "shape"],
                ));
            }
        })
    }
}

impl End {
    /// An arrow's end from its stored JSON: `{"item": 3}` (a whole number that fits an item
    /// id), else `{"x": …, "y": …}`; other fields are ignored.
    pub fn from_json(value: Value) -> Result<End, Error> {
        let field = |key: &str| match &value {
            Value::Object(map) => map.get(key),
            _ => None,
        };
        if let Some(item) = field("item")
            .and_then(Value::as_u64)
            .and_then(|i| ItemId::try_from(i).ok())
        {
            return Ok(End::Item { item });
        }
        match (
            field("x").and_then(Value::as_f64),
            field("y").and_then(Value::as_f64),
        ) {
            (Some(x), Some(y)) => Ok(End::Point { x, y }),
            _ => Err(Error::custom(
                "data did not match any variant of untagged enum End",
            )),
        }
    }
}

deserialize_via_value!(Item, Item::from_json);
deserialize_via_value!(End, End::from_json);

/// A stroke as it is stored: its points in [`encode`]'s text.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoredStroke {
    pub id: ItemId,
    #[serde(default)]
    pub tool: Tool,
    #[serde(default)]
    pub colour: u8,
    pub width: f64,
    pub points: String,
}

impl From<StoredStroke> for Stroke {
    /// Text that is not [`encode`]'s form is kept as `unreadable` (for repair to drop and
    /// report), never half-read.
    fn from(s: StoredStroke) -> Stroke {
        let (points, unreadable) = match decode(&s.points) {
            Some(points) => (points, None),
            None => (Vec::new(), Some(s.points)),
        };
        Stroke {
            id: s.id,
            tool: s.tool,
            colour: s.colour,
            width: s.width,
            points,
            unreadable,
        }
    }
}

impl From<Stroke> for StoredStroke {
    fn from(s: Stroke) -> StoredStroke {
        StoredStroke {
            id: s.id,
            tool: s.tool,
            colour: s.colour,
            width: s.width,
            points: s.unreadable.unwrap_or_else(|| encode(&s.points)),
        }
    }
}

/// A coordinate as the stored form keeps it: rounded to a whole unit (saturating, as the
/// encoder's integer conversion does).
pub fn whole(v: f64) -> f64 {
    v.round() as i64 as f64
}

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Points in a compact text form for storage: whole picture units, the first point as
/// `x,y`, then each step from the point before as two zigzag varints in URL-safe base64
/// digits (5 data bits a digit, the sixth says "more follows"). A step of up to 15 units in
/// each direction takes two characters; a typical simplified stroke of 20 points, about 50.
pub fn encode(points: &[Point]) -> String {
    let Some(first) = points.first() else {
        return String::new();
    };
    let (mut px, mut py) = (first.x.round() as i64, first.y.round() as i64);
    let mut out = format!("{px},{py}:");
    for p in &points[1..] {
        let (x, y) = (p.x.round() as i64, p.y.round() as i64);
        for d in [x - px, y - py] {
            let mut z = ((d << 1) ^ (d >> 63)) as u64;
            loop {
                let part = (z & 31) as usize;
                z >>= 5;
                if z == 0 {
                    out.push(DIGITS[part] as char);
                    break;
                }
                out.push(DIGITS[part | 32] as char);
            }
        }
        (px, py) = (x, y);
    }
    out
}

/// Reads [`encode`]'s form back; `None` for text that is not one (so a damaged stroke can be
/// reported and dropped, never half-read).
pub fn decode(text: &str) -> Option<Vec<Point>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let (head, rest) = text.split_once(':')?;
    let (x, y) = head.split_once(',')?;
    let (mut x, mut y): (i64, i64) = (x.parse().ok()?, y.parse().ok()?);
    const LIMIT: i64 = 1 << 40;
    if x.abs() > LIMIT || y.abs() > LIMIT {
        return None;
    }
    let mut out = vec![Point::new(x as f64, y as f64)];
    let mut values = Vec::with_capacity(2);
    let (mut z, mut shift) = (0u64, 0u32);
    for b in rest.bytes() {
        let v = DIGITS.iter().position(|&c| c == b)? as u64;
        if shift > 40 {
            return None;
        }
        z |= (v & 31) << shift;
        shift += 5;
        if v & 32 == 0 {
            let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
            values.push(d);
            (z, shift) = (0, 0);
            if values.len() == 2 {
                x = x.checked_add(values[0])?;
                y = y.checked_add(values[1])?;
                if x.abs() > LIMIT || y.abs() > LIMIT {
                    return None;
                }
                out.push(Point::new(x as f64, y as f64));
                values.clear();
            }
        }
    }
    (shift == 0 && values.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(v: &[(f64, f64)]) -> Vec<Point> {
        v.iter().map(|&(x, y)| Point::new(x, y)).collect()
    }

    #[test]
    fn the_stored_form_round_trips_and_is_small() {
        let line = pts(&[
            (100.0, -20.0),
            (103.0, -18.0),
            (90.0, 5.0),
            (90.0, 5.0),
            (5000.0, -70000.0),
        ]);
        let text = encode(&line);
        assert_eq!(decode(&text).unwrap(), line);
        // Small steps take one digit each.
        assert_eq!(encode(&pts(&[(0.0, 0.0), (3.0, -2.0)])), "0,0:GD");
        assert_eq!(decode("").unwrap(), vec![]);
        for bad in ["x", "1,2", "1,2:!", "1,2:G", "a,b:", "1,2:////////////"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_stroke_reads_and_writes_the_stored_form_and_keeps_unreadable_text() {
        let json = r#"{"id":3,"tool":"pen","colour":1,"width":2.0,"points":"0,0:GD"}"#;
        let s: Stroke = serde_json::from_str(json).unwrap();
        assert_eq!(s.points, pts(&[(0.0, 0.0), (3.0, -2.0)]));
        assert_eq!(serde_json::to_string(&s).unwrap(), json);
        let bad: Stroke =
            serde_json::from_str(r#"{"id":4,"width":2.0,"points":"broken"}"#).unwrap();
        assert!(bad.points.is_empty());
        assert_eq!(bad.unreadable.as_deref(), Some("broken"));
        assert!(
            serde_json::to_string(&bad)
                .unwrap()
                .contains(r#""points":"broken""#)
        );
        // Inside a picture's items, tagged by type, byte for byte.
        let item = r#"{"type":"stroke","id":7,"tool":"highlighter","colour":2,"width":4.5,"points":"10,-20:GDAB"}"#;
        let read: super::super::Item = serde_json::from_str(item).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), item);
        assert_eq!(
            Item::from_json(serde_json::from_str(item).unwrap()).unwrap(),
            read
        );
        for bad in [
            r#"{"id":7,"width":1,"points":""}"#,
            r#"{"type":"blob","id":7}"#,
            r#"{"type":"sticker","id":7}"#,
            r#"[1]"#,
        ] {
            assert!(serde_json::from_str::<Item>(bad).is_err(), "{bad}");
        }
        assert_eq!(whole(2.5), 3.0);
        assert_eq!(whole(f64::NAN), 0.0);
    }
}
