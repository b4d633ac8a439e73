//! GraphML, with every property as a declared key: node label, kind, colour (hex), shape and
//! position, description (the node's notes); link label, direction and polarity; the map's title and focus question. NetworkX,
//! Gephi, Cytoscape and yEd read the keys as attributes (yEd's Properties Mapper can turn them
//! into labels and colours). Ids are `n<id>` and `e<id>`.

use std::fmt::Write;

use super::{kind_hex, kind_name};
use crate::export::xml::escape;
use crate::model::map::ConceptMap;

pub const NS: &str = "http://graphml.graphdrawing.org/xmlns";

/// Key ids, `for`, `attr.name` and `attr.type` of every declared key.
pub const KEYS: [(&str, &str, &str, &str); 13] = [
    ("g_title", "graph", "title", "string"),
    ("g_focus", "graph", "focus_question", "string"),
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_colour", "node", "colour", "string"),
    ("n_shape", "node", "shape", "string"),
    ("n_x", "node", "x", "double"),
    ("n_y", "node", "y", "double"),
    ("n_notes", "node", "description", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_direction", "edge", "direction", "string"),
    ("e_polarity", "edge", "polarity", "string"),
    ("e_sign", "edge", "sign", "int"),
];

fn data(out: &mut String, indent: &str, key: &str, value: &str) {
    let _ = writeln!(out, "{indent}<data key=\"{key}\">{}</data>", escape(value));
}

pub fn graphml(map: &ConceptMap) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<graphml xmlns=\"{NS}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    );
    for (id, target, name, ty) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    out.push_str("  <graph id=\"map\" edgedefault=\"directed\">\n");
    data(&mut out, "    ", "g_title", &map.title);
    data(&mut out, "    ", "g_focus", &map.focus_question);
    // Groups are nodes holding a graph of their members (GraphML's nesting, as yEd writes
    // groups); links stay in the top graph, which GraphML allows.
    super::nested(
        map,
        &mut out,
        &mut |out, g, depth| {
            let pad = "  ".repeat(depth * 2 + 2);
            let _ = writeln!(
                out,
                "{pad}<node id=\"g{}\" yfiles.foldertype=\"group\">",
                g.id
            );
            data(out, &format!("{pad}  "), "n_label", &g.name);
            data(
                out,
                &format!("{pad}  "),
                "n_colour",
                super::HEX[g.colour as usize % super::HEX.len()],
            );
            let _ = writeln!(
                out,
                "{pad}  <graph id=\"g{}:\" edgedefault=\"directed\">",
                g.id
            );
        },
        &mut |out, n, depth| {
            let pad = "  ".repeat(depth * 2 + 2);
            let inner = format!("{pad}  ");
            let kind = n.kind.and_then(|k| map.kind(k));
            let _ = writeln!(out, "{pad}<node id=\"n{}\">", n.id);
            data(out, &inner, "n_label", &n.label);
            if let Some(k) = kind {
                data(out, &inner, "n_kind", kind_name(map, n));
                data(out, &inner, "n_shape", k.shape.as_str());
            }
            data(out, &inner, "n_colour", kind_hex(kind));
            data(out, &inner, "n_x", &n.x.to_string());
            data(out, &inner, "n_y", &n.y.to_string());
            if !n.notes.is_empty() {
                data(out, &inner, "n_notes", &n.notes);
            }
            let _ = writeln!(out, "{pad}</node>");
        },
        &mut |out, _, depth| {
            let pad = "  ".repeat(depth * 2 + 2);
            let _ = writeln!(out, "{pad}  </graph>\n{pad}</node>");
        },
    );
    for l in &map.links {
        let _ = writeln!(
            out,
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">",
            l.id,
            super::end_id(map, l.from),
            super::end_id(map, l.to)
        );
        if !l.label.is_empty() {
            data(&mut out, "      ", "e_label", &l.label);
        }
        data(&mut out, "      ", "e_direction", l.direction.as_str());
        data(&mut out, "      ", "e_polarity", l.polarity.as_str());
        let sign = match l.polarity {
            crate::model::map::Polarity::None => "0",
            crate::model::map::Polarity::Positive => "1",
            crate::model::map::Polarity::Negative => "-1",
        };
        data(&mut out, "      ", "e_sign", sign);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
