//! Graphviz DOT, the common subset: nodes, edges (chains and subgraphs flattened), labels and
//! attributes, read by the `dot-parser` crate (Graphviz's published grammar). HTML labels are
//! not supported by that parser and are refused with a message. Labels are unescaped as
//! Graphviz does (`\"`, `\\`, `\n`/`\l`/`\r` line breaks, `\N` the node's name); `pos` gives
//! positions (points, y up), `kind` (ours) gives kinds with `color` and the node's style.
//!
//! The parser recurses once per attribute in a list, per edge in a chain and per nested
//! subgraph, so `import::limits::dot_depth` refuses files that would go deeper than the browser's stack
//! allows before parsing.

use super::{Builder, Imported, Source, number, polarity};
use crate::model::map::{Direction, Point, Polarity, Shape};

/// A DOT ID as text: quotes removed and escapes read.
pub fn unquote(raw: &str, node_name: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('n' | 'l' | 'r') => out.push('\n'),
            Some('N') => out.push_str(node_name),
            Some('\n') => {}
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

pub fn import(text: &str, id: String) -> Result<Imported, String> {
    use dot_parser::{ast, canonical};
    crate::import::limits::dot_depth(text)?;
    let parsed = ast::Graph::try_from(text).map_err(|e| {
        format!(
            "The DOT file cannot be read: {}",
            e.to_string().replace('\n', " ")
        )
    })?;
    let g: canonical::Graph<(String, String)> =
        canonical::Graph::from(
            parsed.filter_map(&|(k, v)| Some((Into::<String>::into(k), Into::<String>::into(v)))),
        );
    let mut title = String::new();
    let mut focus = String::new();
    for stmt in &g.attr {
        if let canonical::AttrStmt::Graph((k, v)) = stmt {
            match k.as_str() {
                "label" => title = unquote(v, ""),
                "focus_question" => focus = unquote(v, ""),
                _ => {}
            }
        }
    }
    for eq in &g.ideqs {
        if eq.lhs == "label" && title.is_empty() {
            title = unquote(&eq.rhs, "");
        }
    }
    let mut b = Builder::new(id, &title, Source::Dot);
    b.focus(&focus);
    // Nodes in a stable order: by name, numbers inside names compared as numbers (n2 < n10).
    let mut nodes: Vec<&canonical::Node<(String, String)>> = g.nodes.set.values().collect();
    nodes.sort_by(|a, b| natural(&a.id).cmp(&natural(&b.id)).then(a.id.cmp(&b.id)));
    for n in nodes {
        let name = unquote(&n.id, "");
        let attr = |k: &str| {
            n.attr
                .elems
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| unquote(v, &name))
        };
        let label = attr("full_label")
            .or_else(|| attr("label"))
            .unwrap_or_else(|| name.clone());
        let at = attr("pos").and_then(|p| {
            let mut xy = p.trim_end_matches('!').split(',');
            let x = number(xy.next())?;
            let y = number(xy.next())?;
            Some(Point::new(x / 0.75, -y / 0.75))
        });
        let node = b.node(&name, &label, at)?;
        if let Some(kind) = attr("kind") {
            let style = attr("style").unwrap_or_default();
            let shape = if attr("shape").as_deref() == Some("ellipse") {
                Shape::Pill
            } else if style.contains("dashed") {
                Shape::Dashed
            } else if style.contains("rounded") {
                Shape::Rounded
            } else {
                Shape::Box
            };
            b.kind(node, &kind, attr("color").as_deref(), Some(shape));
        }
    }
    for e in &g.edges.set {
        let (mut from, mut to) = (unquote(&e.from, ""), unquote(&e.to, ""));
        let attr = |k: &str| {
            e.attr
                .elems
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| unquote(v, ""))
        };
        let mut dir = if g.is_digraph {
            Direction::Forward
        } else {
            Direction::None
        };
        match attr("dir").as_deref() {
            Some("both") => dir = Direction::Both,
            Some("none") => dir = Direction::None,
            Some("forward") => dir = Direction::Forward,
            Some("back") => {
                std::mem::swap(&mut from, &mut to);
                dir = Direction::Forward;
            }
            _ => {}
        }
        let pol = attr("polarity").map_or(Polarity::None, |p| polarity(&p));
        let label = attr("link_label")
            .or_else(|| attr("label"))
            .unwrap_or_default();
        if !b.has(&from) {
            b.node(&from, &from, None)?;
        }
        if !b.has(&to) {
            b.node(&to, &to, None)?;
        }
        b.link(&from, &to, &label, dir, pol, true)?;
    }
    Ok(b.finish())
}

/// A sort key that compares runs of digits as numbers.
fn natural(s: &str) -> Vec<(u8, u64, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut n: u64 = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u64::from(d));
                chars.next();
            }
            out.push((0, n, String::new()));
        } else {
            let mut t = String::new();
            while let Some(&c) = chars.peek().filter(|c| !c.is_ascii_digit()) {
                t.push(c);
                chars.next();
            }
            out.push((1, 0, t));
        }
    }
    out
}
