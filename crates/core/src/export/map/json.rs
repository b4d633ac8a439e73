//! The app's own map file: one map exactly as it is saved, wrapped so an import can tell it
//! from other JSON. The same text is what SVG and PNG exports carry.

use serde_json::{Value, json};

use crate::model::map::ConceptMap;

/// The `format` field of a map file.
pub const FORMAT: &str = "cst-workbench-map";
/// The version of the map file; an import refuses newer ones.
pub const VERSION: u64 = 1;

pub fn value(map: &ConceptMap) -> Value {
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
