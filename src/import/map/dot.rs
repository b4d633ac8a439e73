//! Graphviz DOT, the common subset: nodes, edges (chains and subgraphs flattened), labels and
//! attributes, read by the `dot-parser` crate (Graphviz's published grammar). HTML-like values
//! (`label=<<TABLE>…</TABLE>>`, `label=<<b>x</b>>`), which that parser cannot read, are first
//! reduced to their text ([`html_values`]: rows become lines) and written as quoted strings.
//! Quoted ids lose their quote marks (`"Audit"` is the node Audit). Labels are unescaped as
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
    let raw = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if !inner.ends_with('\\') || inner.ends_with("\\\\") => inner,
        _ => raw,
    };
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
    let text = &html_values(text);
    crate::import::limits::dot_depth(text)?;
    let parsed = ast::Graph::try_from(text.as_str()).map_err(|e| plain_error(&e.to_string()))?;
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
    nodes.sort_by_cached_key(|n| {
        let name = unquote(&n.id, "");
        (natural(&name), name)
    });
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

/// Every HTML-like value after `=` (`<…>` with its nested `<…>`) as a quoted string of its
/// text; quoted strings and comments are left as they are. A `<` that never closes is left
/// for the parser to report.
pub fn html_values(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut copied) = (0, 0);
    let mut after_eq = false;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                after_eq = false;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |j| i + 2 + j + 2);
            }
            b'=' => {
                after_eq = true;
                i += 1;
            }
            b'<' if after_eq => {
                let mut depth = 0usize;
                let mut j = i;
                while j < b.len() {
                    match b[j] {
                        b'<' => depth += 1,
                        b'>' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                if j >= b.len() {
                    break;
                }
                out.push_str(&text[copied..i]);
                let inner = super::html::to_text(&text[i + 1..j], true);
                out.push_str(&crate::export::map::dot::quote(&inner));
                i = j + 1;
                copied = i;
                after_eq = false;
            }
            c => {
                if !c.is_ascii_whitespace() {
                    after_eq = false;
                }
                i += 1;
            }
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

/// The parser's message in words: `Line 23: expected a node name or “}”.`
fn plain_error(raw: &str) -> String {
    // pest writes ` --> 23:11`, the line, a caret, then `= expected ident or …`.
    let at = raw
        .split("--> ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|p| p.split_once(':'))
        .and_then(|(l, c)| Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?)));
    let said = raw.rsplit("= ").next().unwrap_or("").trim();
    let words = |list: &str| -> String {
        let mut names: Vec<&str> = Vec::new();
        for rule in list
            .split([',', ' '])
            .filter(|w| !w.is_empty() && *w != "or")
        {
            let name = match rule {
                "ident" | "ident1" | "numeral" | "quote" | "html" | "node_id" => {
                    "a node name or value"
                }
                "attr_list" | "a_list" => "an attribute list \u{201c}[\u{2026}]\u{201d}",
                "edge_rhs" | "edgeop" => "a link \u{201c}->\u{201d} or \u{201c}--\u{201d}",
                "stmt" | "stmt_list" | "edge_stmt" | "node_stmt" | "attr_stmt" | "id_eq" => {
                    "a node, a link or an attribute"
                }
                "subgraph" => "a subgraph \u{201c}{\u{2026}}\u{201d}",
                "dotgraph" | "graph" | "digraph" | "strict" | "dotfile" => {
                    "\u{201c}graph\u{201d} or \u{201c}digraph\u{201d}"
                }
                "port" | "compass_pt" => "a port",
                "EOI" => "the end of the file",
                _ => "something else",
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        match names.split_last() {
            None => "something else".into(),
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        }
    };
    let what = if let Some(list) = said.strip_prefix("expected ") {
        format!("expected {}", words(list))
    } else if let Some(list) = said.strip_prefix("unexpected ") {
        format!(
            "did not expect {}",
            words(list.split(';').next().unwrap_or(""))
        )
    } else {
        "this could not be read".to_string()
    };
    match at {
        Some((line, col)) => {
            format!("The DOT file cannot be read. Line {line}, column {col}: {what}.")
        }
        None => format!("The DOT file cannot be read: {what}."),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<String> {
        let i = import(text, "m".into()).unwrap_or_else(|e| panic!("{e}"));
        i.map.nodes.iter().map(|n| n.label.clone()).collect()
    }

    #[test]
    fn html_labels_become_text_and_quoted_ids_lose_their_quotes() {
        let got = labels(
            "digraph {\n  a [label=<<TABLE><TR><TD><B>Audit</B></TD></TR><TR><TD>id</TD><TD>int</TD></TR></TABLE>>];\n  b [label=<bun:sqlite>]\n  c [label=<<b>x</b> &amp; y>, shape=none]\n  \"Quoted \\\"id\\\"\" -> a\n}",
        );
        // Nodes by name ("Q" before "a").
        assert_eq!(
            got,
            ["Quoted \"id\"", "Audit\nid int", "bun:sqlite", "x & y"]
        );
        let i = import(
            "graph { \"a\" -- a; \"b\" -- \"c\" [label=\"x\"] }",
            "m".into(),
        )
        .expect("reads");
        assert_eq!(i.map.nodes.len(), 3);
        assert_eq!(i.map.links[0].label, "x");
    }

    #[test]
    fn parse_errors_are_words_with_the_line() {
        let e = import("digraph {\n a -> b\n c -> [label=x]\n}", "m".into()).unwrap_err();
        assert!(
            e.contains("Line 3, column") && e.contains("expected a node name"),
            "{e}"
        );
        assert!(!e.contains("-->") && !e.contains("ident"), "{e}");
        let e = import("digraph {\n a -> b\n", "m".into()).unwrap_err();
        assert!(e.contains("Line 3") || e.contains("Line 2"), "{e}");
    }
}
