//! Graphviz DOT. Nodes are `n<id>` with the label as an attribute, so any label is safe (the
//! drawn `label` is wrapped like the canvas; `full_label` keeps the exact text when it differs);
//! kinds become fill and border colours and a `kind` attribute; a node's notes its `tooltip`; links keep their label,
//! direction (`dir`) and polarity (a `polarity` attribute, and the sign beside the label).
//! Positions go in `pos` (points, y up, as Graphviz has it) for `neato -n`; `dot` lays the map
//! out afresh.
//!
//! One thing does not survive: a label that ends in a backslash gets a space after it, as no
//! DOT string can end in one.

use std::fmt::Write;

use super::{kind_hex, kind_name, label_with_sign, tint};
use crate::model::map::{ConceptMap, Direction, Node, Polarity, Shape, wrap_label};

/// A DOT double-quoted string. Inside one, Graphviz reads `\"` as a quote and, in labels,
/// `\\` as a backslash, `\n` as a line break and `\N`, `\G`, `\l`, `\r`... as escapes; so
/// backslashes are doubled, quotes and line feeds escaped. Characters Graphviz cannot read
/// (controls other than tab and CR) become U+FFFD.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' | '\r' => out.push(c),
            c if crate::export::xml::allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    // `\"` would read as an escaped quote (Graphviz's lexer knows only `\"`), so a string
    // cannot end in a backslash: such a label gets a space after it.
    if text.ends_with('\\') {
        out.push(' ');
    }
    out.push('"');
    out
}

/// A label as drawn: wrapped as on the canvas (at most six lines), since Graphviz refuses
/// drawings wider than 65,535 points. The exact text goes in `full_label` / `link_label`.
fn wrapped(label: &str) -> String {
    wrap_label(label).join("\n")
}

/// One node's statement.
fn node(out: &mut String, map: &ConceptMap, n: &Node) {
    let kind = n.kind.and_then(|k| map.kind(k));
    let hex = kind_hex(kind);
    let (shape, style) = match kind.map(|k| k.shape).unwrap_or_default() {
        Shape::Rounded => ("box", "rounded,filled"),
        Shape::Box => ("box", "filled"),
        Shape::Pill => ("ellipse", "filled"),
        Shape::Dashed => ("box", "rounded,filled,dashed"),
    };
    let shown = wrapped(&n.label);
    let _ = write!(
        out,
        "  n{} [label={}, shape={shape}, style=\"{style}\", color=\"{hex}\", fillcolor=\"{}\", pos=\"{},{}\"",
        n.id,
        quote(&shown),
        tint(hex, 0.16),
        n.x * 0.75,
        -n.y * 0.75,
    );
    if shown != n.label {
        let _ = write!(out, ", full_label={}", quote(&n.label));
    }
    if kind.is_some() {
        let _ = write!(out, ", kind={}", quote(kind_name(map, n)));
    }
    if !n.notes.is_empty() {
        let _ = write!(out, ", tooltip={}", quote(&n.notes));
    }
    out.push_str("];\n");
}

pub fn dot(map: &ConceptMap) -> String {
    let mut out = String::new();
    out.push_str("digraph map {\n");
    if map
        .links
        .iter()
        .any(|l| map.is_group(l.from) || map.is_group(l.to))
    {
        // Links that end on a group are drawn to its cluster's edge.
        out.push_str("  compound=true;\n");
    }
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"Helvetica\", focus_question={}, overlap=false];",
        quote(&map.title),
        quote(&map.focus_question)
    );
    out.push_str(
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", penwidth=2];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", color=\"#5f6b76\"];\n");
    super::nested(
        map,
        &mut out,
        &mut |out, g, depth| {
            let pad = "  ".repeat(depth + 1);
            let hex = super::HEX[g.colour as usize % super::HEX.len()];
            let _ = writeln!(
                out,
                "{pad}subgraph cluster_g{} {{\n{pad}  label={}; color=\"{hex}\"; style=\"rounded,filled\"; fillcolor=\"{}\";",
                g.id,
                quote(&g.name),
                tint(hex, 0.08)
            );
        },
        &mut |out, n, _| node(out, map, n),
        &mut |out, _, depth| {
            let _ = writeln!(out, "{}}}", "  ".repeat(depth + 1));
        },
    );
    for l in &map.links {
        let dir = match l.direction {
            Direction::Forward => "forward",
            Direction::Both => "both",
            Direction::None => "none",
        };
        let shown = wrapped(&label_with_sign(l));
        // An end on a group is drawn to its cluster: the edge goes to a node inside it, with
        // `lhead`/`ltail` naming the cluster (Graphviz's compound edges). A group with no node
        // in it cannot carry one, and the link is left out.
        let end = |id: u32| -> Option<(u32, Option<u32>)> {
            if map.is_group(id) {
                map.members(id).first().map(|n| (*n, Some(id)))
            } else {
                Some((id, None))
            }
        };
        let (Some((from, tail)), Some((to, head))) = (end(l.from), end(l.to)) else {
            continue;
        };
        let _ = write!(out, "  n{from} -> n{to} [id=\"e{}\", dir={dir}", l.id);
        if let Some(g) = tail {
            let _ = write!(out, ", ltail=cluster_g{g}");
        }
        if let Some(g) = head {
            let _ = write!(out, ", lhead=cluster_g{g}");
        }
        if !shown.is_empty() {
            let _ = write!(out, ", label={}", quote(&shown));
        }
        if shown != l.label {
            let _ = write!(out, ", link_label={}", quote(&l.label));
        }
        if l.polarity != Polarity::None {
            let _ = write!(out, ", polarity={}", l.polarity.as_str());
        }
        out.push_str("];\n");
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_labels_inside_their_string() {
        assert_eq!(quote(r#"a "b" \N"#), r#""a \"b\" \\N""#);
        assert_eq!(quote("one\ntwo\tthree"), "\"one\\ntwo\tthree\"");
        assert_eq!(quote("\u{0}"), "\"\u{FFFD}\"");
    }
}
