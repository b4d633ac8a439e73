//! Kumu JSON: the flat import shape (`elements` with `label`, `type`...; `connections` with
//! `from`, `to`, `direction`...) and Kumu's project export, where each item keeps its fields
//! under `attributes` and has an `_id`. `from` and `to` are matched to element ids first,
//! then to labels. An element's `group` (or `cluster`) field puts it in the group of that name.

use serde_json::Value;

use super::{Builder, Imported, Source, direction, polarity};
use crate::model::map::{Direction, Point, Shape};

/// A field of an item, looked up directly and under `attributes`, by any of `names`.
fn field<'a>(item: &'a Value, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| {
        item.get(*n)
            .or_else(|| item.get("attributes").and_then(|a| a.get(*n)))
    })
}

fn text(item: &Value, names: &[&str]) -> Option<String> {
    field(item, names).and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => a.first().and_then(|x| x.as_str()).map(str::to_string),
        _ => None,
    })
}

pub fn import(doc: &Value, id: String) -> Result<Imported, String> {
    let list = |name: &str| -> Result<Vec<Value>, String> {
        match doc.get(name) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(a)) => Ok(a.clone()),
            Some(_) => Err(format!("The field \u{201c}{name}\u{201d} is not a list.")),
        }
    };
    let elements = list("elements")?;
    let connections = list("connections")?;
    let title = text(doc, &["title", "name"]).unwrap_or_default();
    let mut b = Builder::new(id, &title, Source::Kumu);
    b.focus(&text(doc, &["focus question"]).unwrap_or_default());
    let mut by_label: std::collections::HashMap<String, String> = Default::default();
    for (i, e) in elements.iter().enumerate() {
        if !e.is_object() {
            return Err(format!("elements[{i}] is not an object."));
        }
        let label = text(e, &["label", "Label", "name"]).unwrap_or_default();
        let key = text(e, &["_id", "id", "ID"]).unwrap_or_else(|| format!("#element-{i}"));
        let num = |k: &str| field(e, &[k]).and_then(Value::as_f64);
        let at = num("x").zip(num("y")).map(|(x, y)| Point::new(x, y));
        let node = b.node(&key, &label, at)?;
        if let Some(notes) = text(e, &["description", "Description", "notes"]) {
            b.describe(node, &notes);
        }
        by_label.entry(label.clone()).or_insert(key);
        // Kumu has no frames of its own; maps cluster elements by a field, and the one people
        // name for it (and our export writes) is "group" (or "cluster"): one group per value.
        if let Some(name) = text(e, &["group", "Group", "cluster", "Cluster"])
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty())
        {
            let g = b.group(&format!("\u{0}kumu:{name}"), &name, None);
            b.in_group(node, g);
        }
        if let Some(kind) = text(e, &["type", "element type", "Type"]) {
            let colour = text(e, &["color", "colour"]);
            let shape = text(e, &["shape"]).and_then(|s| Shape::parse(&s));
            b.kind(node, &kind, colour.as_deref(), shape);
        }
    }
    for (i, c) in connections.iter().enumerate() {
        if !c.is_object() {
            return Err(format!("connections[{i}] is not an object."));
        }
        let end = |ids: &[&str], names: &[&str]| -> Result<String, String> {
            if let Some(k) = text(c, ids).filter(|k| b.has(k)) {
                return Ok(k);
            }
            let v = text(c, names)
                .ok_or_else(|| format!("connections[{i}] has no \u{201c}{}\u{201d}.", names[0]))?;
            if b.has(&v) {
                return Ok(v);
            }
            Ok(by_label.get(&v).cloned().unwrap_or(v))
        };
        let from = end(&["from id"], &["from", "From"])?;
        let to = end(&["to id"], &["to", "To"])?;
        let dir = text(c, &["direction"])
            .and_then(|d| direction(&d))
            .unwrap_or(Direction::Forward);
        let pol = polarity(&text(c, &["polarity"]).unwrap_or_default());
        let label = text(c, &["label", "Label"]).unwrap_or_default();
        b.link(&from, &to, &label, dir, pol, true)?;
    }
    Ok(b.finish())
}
