//! Mermaid flowchart (rendered by GitHub, GitLab, Notion, Obsidian). Nodes are `n<id>` with a
//! quoted label; kinds become `classDef`s. Mermaid has no escape character inside a quoted
//! label, only entity codes (`#quot;`, `#35;`...), so every character that means something to
//! it or to HTML is written as one; line breaks become `<br>`.

use std::fmt::Write;

use super::{kind_hex, label_with_sign, tint};
use crate::model::map::{ConceptMap, Direction, Shape};

/// A label as a Mermaid quoted string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            ';' => out.push_str("#59;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn mermaid(map: &ConceptMap) -> String {
    let mut out = String::from("flowchart LR\n");
    // Nodes are written inside their subgraphs: Mermaid puts a node in the subgraph it is
    // first named in.
    super::nested(
        map,
        &mut out,
        &mut |out, g, depth| {
            let pad = "  ".repeat(depth + 1);
            let _ = writeln!(out, "{pad}subgraph g{}[{}]", g.id, quote(&g.name));
        },
        &mut |out, n, depth| {
            let shape = n.kind.and_then(|k| map.kind(k)).map(|k| k.shape);
            let (open, close) = match shape {
                Some(Shape::Box) => ("[", "]"),
                Some(Shape::Pill) => ("([", "])"),
                _ => ("(", ")"),
            };
            let pad = "  ".repeat(depth + 1);
            let _ = writeln!(out, "{pad}n{}{open}{}{close}", n.id, quote(&n.label));
        },
        &mut |out, _, depth| {
            let _ = writeln!(out, "{}end", "  ".repeat(depth + 1));
        },
    );
    for l in &map.links {
        let arrow = match l.direction {
            Direction::Forward => "-->",
            Direction::Both => "<-->",
            Direction::None => "---",
        };
        let label = label_with_sign(l);
        // A link may end on a subgraph (a group), by its id.
        let (from, to) = (super::end_id(map, l.from), super::end_id(map, l.to));
        if label.is_empty() {
            let _ = writeln!(out, "  {from} {arrow} {to}");
        } else {
            let _ = writeln!(out, "  {from} {arrow}|{}| {to}", quote(&label));
        }
    }
    for k in &map.kinds {
        let hex = kind_hex(Some(k));
        let dash = if k.shape == Shape::Dashed {
            ",stroke-dasharray:6 4"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  classDef k{} fill:{},stroke:{hex},stroke-width:2px,color:#1a1a1a{dash}",
            k.id,
            tint(hex, 0.16)
        );
        let members: Vec<String> = map
            .nodes
            .iter()
            .filter(|n| n.kind == Some(k.id))
            .map(|n| format!("n{}", n.id))
            .collect();
        if !members.is_empty() {
            let _ = writeln!(out, "  class {} k{}", members.join(","), k.id);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_leave_their_quotes() {
        assert_eq!(
            quote("a\"b|c<script>#1;\nd"),
            "\"a#quot;b#124;c#lt;script#gt;#35;1#59;<br>d\""
        );
    }
}
