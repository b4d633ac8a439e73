//! Rich pictures from files: our own SVG (the picture's JSON in `<metadata>`), our own PNG (the
//! same JSON in an `iTXt` chunk), and the bare picture JSON. The picture is read leniently, item
//! by item, then [`Picture::repair`]ed: anything that can be mended is, and what cannot (an item
//! nobody can read) is left out with a note. A concept map offered here is named as one. Files
//! over [`MAX_BYTES`] are refused before they are read. Nothing here panics on any input.
//!
//! The picture keeps the id it had in the file; the caller gives it a fresh one.

use serde_json::Value;

use crate::export::map::{json as map_json, png, svg as map_svg};
use crate::export::picture::{META_NS, PNG_KEYWORD};
use crate::import::map::parse_xml;
use crate::model::picture::{Item, Picture};
use crate::persist::document::{LIBRARY_FORMAT, WORKSHOP_FORMAT};

/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

const A_MAP: &str =
    "This file holds a concept map, not a rich picture: import it under Concept maps.";
const WHAT_WE_READ: &str = "Pictures can be imported from the SVG, PNG or JSON files that \
                            CST Workbench's rich pictures export.";

/// Reads a picture from a file's bytes.
pub fn read(bytes: &[u8]) -> Result<Picture, String> {
    read_with_notes(bytes).map(|(p, _)| p)
}

/// [`read`], with plain-language notes on what was mended or left out.
pub fn read_with_notes(bytes: &[u8]) -> Result<(Picture, Vec<String>), String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "This file is {:.1} MB; pictures up to {} MB can be imported.",
            bytes.len() as f64 / 1e6,
            MAX_BYTES / 1_000_000
        ));
    }
    if bytes.is_empty() {
        return Err("This file is empty.".into());
    }
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        return from_png(bytes);
    }
    let Ok(text) = crate::import::text::decode(bytes) else {
        return Err(format!(
            "This file is neither a PNG image nor text, so it holds no picture. {WHAT_WE_READ}"
        ));
    };
    let text = text.as_ref();
    let head = text.trim_start();
    if head.starts_with('{') {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "This JSON file is damaged or cut short (at line {}, column {}), so the picture cannot be read.",
                e.line(),
                e.column()
            )
        })?;
        from_value(value)
    } else if head.starts_with('<') {
        from_svg(text)
    } else {
        Err(format!(
            "This file is not a rich picture from CST Workbench. {WHAT_WE_READ}"
        ))
    }
}

fn from_png(bytes: &[u8]) -> Result<(Picture, Vec<String>), String> {
    if let Some(text) = png::extract_keyword(bytes, PNG_KEYWORD)? {
        return carried(&text);
    }
    if png::extract(bytes)?.is_some() {
        return Err(A_MAP.into());
    }
    Err(
        "This PNG was not made by CST Workbench's rich pictures, so it has no picture inside."
            .into(),
    )
}

fn from_svg(text: &str) -> Result<(Picture, Vec<String>), String> {
    let doc = parse_xml(text, |e| {
        format!("This SVG is damaged or cut short ({e}), so the picture inside cannot be read.")
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(format!(
            "This is an XML file but not an SVG picture. {WHAT_WE_READ}"
        ));
    }
    let find = |ns: &str, name: &str| {
        root.descendants()
            .find(|n| n.tag_name().namespace() == Some(ns) && n.tag_name().name() == name)
    };
    match find(META_NS, "picture") {
        Some(node) => carried(node.text().unwrap_or("")),
        None if find(map_svg::META_NS, "map").is_some() => Err(A_MAP.into()),
        None => Err(
            "This SVG was not made by CST Workbench's rich pictures, so it has no picture inside."
                .into(),
        ),
    }
}

/// The JSON an SVG or PNG of ours carries.
fn carried(text: &str) -> Result<(Picture, Vec<String>), String> {
    if text.trim().is_empty() {
        return Err("The picture inside this file is empty, so it cannot be read.".into());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "The picture inside this file is damaged (at line {}, column {}), so it cannot be read.",
            e.line(),
            e.column()
        )
    })?;
    from_value(value)
}

fn from_value(value: Value) -> Result<(Picture, Vec<String>), String> {
    let Value::Object(mut obj) = value else {
        return Err(format!(
            "This JSON is not a rich picture from CST Workbench. {WHAT_WE_READ}"
        ));
    };
    let format = obj.get("format").and_then(Value::as_str);
    if format == Some(map_json::FORMAT) || obj.contains_key("map") || obj.contains_key("nodes") {
        return Err(A_MAP.into());
    }
    if format == Some(WORKSHOP_FORMAT) || format == Some(LIBRARY_FORMAT) {
        return Err(
            "This file holds whole workshops, not one picture: import it on the home page, with the list of workshops."
                .into(),
        );
    }
    let items = match obj.remove("items") {
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(
                "This picture's list of items is damaged (\u{201c}items\u{201d} is not a list), so it cannot be read."
                    .into(),
            );
        }
        None => {
            return Err(format!(
                "This JSON is not a rich picture from CST Workbench (it has no \u{201c}items\u{201d}). {WHAT_WE_READ}"
            ));
        }
    };
    let mut notes = Vec::new();
    // The picture's own fields: anything unreadable takes its default (repair fixes next_id).
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        _ => String::new(),
    };
    obj.insert("id".into(), Value::String(id.clone()));
    if obj.get("title").is_some_and(|t| !t.is_string()) {
        obj.remove("title");
        notes.push("The picture's title could not be read and was left empty.".to_string());
    }
    if obj
        .get("next_id")
        .is_some_and(|v| v.as_u64().is_none_or(|v| v > u64::from(u32::MAX)))
    {
        obj.remove("next_id");
    }
    let rest = Value::Object(obj);
    let mut picture: Picture = match serde_json::from_value(rest.clone()) {
        Ok(p) => p,
        Err(_) => {
            let mut bare = rest;
            if let Some(o) = bare.as_object_mut() {
                o.remove("view");
            }
            match serde_json::from_value(bare) {
                Ok(p) => {
                    notes.push("The picture's saved view could not be read and was reset.".into());
                    p
                }
                Err(_) => {
                    notes.push(
                        "Some of the picture's settings could not be read and were reset.".into(),
                    );
                    Picture::new(id, "")
                }
            }
        }
    };
    let total = items.len();
    picture.items = items
        .into_iter()
        .filter_map(|v| Item::from_json(v).ok())
        .collect();
    let lost = total - picture.items.len();
    if lost > 0 {
        notes.push(format!(
            "{lost} of the picture's {total} items could not be read and were left out."
        ));
    }
    picture.repair(&mut notes);
    Ok((picture, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_parts_are_mended_or_left_out() {
        let text = r#"{"id": 5, "title": ["x"], "view": "wide", "next_id": -3, "items": [
            {"type": "sticker", "id": 2, "icon": "person", "x": 1, "y": 2, "size": 64},
            {"type": "sticker", "id": 3, "icon": "unicorn", "x": 1, "y": 2, "size": 64},
            {"type": "arrow", "id": 4, "from": {"item": 2}, "to": {"item": 9}, "width": 2}
        ]}"#;
        let (p, notes) = read_with_notes(text.as_bytes()).unwrap();
        assert_eq!(p.id, "");
        assert_eq!(p.title, "");
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.next_id, 5);
        assert_eq!(notes.len(), 4, "{notes:?}");
    }

    #[test]
    fn other_files_are_named() {
        let says = |bytes: &[u8], what: &str| {
            let e = read(bytes).unwrap_err();
            assert!(e.contains(what), "{e}");
        };
        says(b"", "empty");
        says(b"hello", "not a rich picture");
        says(b"[1, 2]", "not a rich picture");
        says(b"{\"nodes\": []}", "concept map");
        says(
            b"{\"format\": \"cst-workbench/workshop\", \"workshop\": {}}",
            "home page",
        );
        says(b"{\"items\": 3}", "not a list");
        says(b"{\"items\": [", "damaged");
        says(b"<graphml/>", "not an SVG");
        says(b"<!DOCTYPE svg [<!ENTITY a \"b\">]><svg/>", "DTD");
        says(b"\x89PNG\r\n\x1a\n", "cut short");
    }
}
