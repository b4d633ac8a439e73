//! The app's own map file: one map exactly as it is saved, wrapped so an import can tell it
//! from other JSON. The same text is what SVG and PNG exports carry.

use serde_json::{Value, json};

use crate::model::map::ConceptMap;

/// The `format` field of a map file.
pub const FORMAT: &str = "cst-workbench-map";
/// The version of the map file; an import refuses newer ones.
pub const VERSION: u64 = 1;

pub fn value(map: &ConceptMap) -> Value {
    // The map written as text and read back (the same value as `json!`'s `to_value`): its
    // types are compiled for the text serializer only (issue 23).
    let text = serde_json::to_string(map).expect("maps always serialise");
    let map: Value = serde_json::from_str(&text).expect("what we write reads back");
    json!({
        "format": FORMAT,
        "version": VERSION,
        "map": map,
    })
}

/// Pretty-printed, for a person to read.
pub fn json(map: &ConceptMap) -> String {
    serde_json::to_string_pretty(&value(map)).expect("maps always serialise")
}

/// On one line, for carrying inside SVG and PNG.
pub fn compact(map: &ConceptMap) -> String {
    serde_json::to_string(&value(map)).expect("maps always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map is read back from its text (issue 23): the same value `to_value` gives.
    #[test]
    fn the_value_is_what_to_value_gives() {
        let mut map = crate::analysis::layout::bench_map(40);
        map.nodes[0].x = -0.0;
        map.nodes[1].y = 0.1 + 0.2;
        map.nodes[2].label = "\u{fffe} \"quoted\" \\ <b>".into();
        let old = json!({"format": FORMAT, "version": VERSION, "map": serde_json::to_value(&map).unwrap()});
        assert_eq!(value(&map), old);
        assert_eq!(json(&map), serde_json::to_string_pretty(&old).unwrap());
    }
}
