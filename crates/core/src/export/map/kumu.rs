//! Kumu's JSON import: `elements` (label, type, description (a node's notes) and any other
//! fields) and `connections` (from,
//! to, direction, type, label). Kumu matches `from` and `to` to element labels, so those hold
//! labels; `id`, `from id` and `to id` keep the link exact for our own import when labels repeat.

use serde_json::{Value, json};

use super::{kind_hex, kind_name, kumu_direction};
use crate::model::map::ConceptMap;

pub fn kumu(map: &ConceptMap) -> String {
    let elements: Vec<Value> = map
        .nodes
        .iter()
        .map(|n| {
            let kind = n.kind.and_then(|k| map.kind(k));
            let mut e = json!({
                "id": format!("n{}", n.id),
                "label": n.label,
                "color": kind_hex(kind),
                "x": n.x,
                "y": n.y,
            });
            if !n.notes.is_empty() {
                e["description"] = json!(n.notes);
            }
            if let Some(k) = kind {
                e["type"] = json!(kind_name(map, n));
                e["shape"] = json!(k.shape.as_str());
            }
            // Kumu clusters by a field: the node's own group's name (nesting is not kept).
            if let Some(g) = n.group.and_then(|g| map.group(g)) {
                e["group"] = json!(g.name);
            }
            e
        })
        .collect();
    let connections: Vec<Value> = super::node_links(map)
        .map(|l| {
            let label = |id| map.node(id).map_or("", |n| n.label.as_str());
            let direction = kumu_direction(l.direction);
            let mut c = json!({
                "id": format!("e{}", l.id),
                "from": label(l.from),
                "to": label(l.to),
                "from id": format!("n{}", l.from),
                "to id": format!("n{}", l.to),
                "direction": direction,
                "polarity": l.polarity.as_str(),
            });
            if !l.label.is_empty() {
                c["label"] = json!(l.label);
            }
            c
        })
        .collect();
    let doc = json!({
        "title": map.title,
        "focus question": map.focus_question,
        "elements": elements,
        "connections": connections,
    });
    serde_json::to_string_pretty(&doc).expect("JSON values always serialise")
}
