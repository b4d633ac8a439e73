//! Graphviz DOT, the common subset: nodes, edges (chains and subgraph ends), labels and
//! attributes, read by our own linear reader ([`super::dot_parse`]; the `dot-parser` crate's
//! grammar took about 50 µs a link). HTML-like values (`label=<<TABLE>…</TABLE>>`,
//! `label=<<b>x</b>>`) are reduced to their text (rows become lines). Quoted ids lose their
//! quote marks (`"Audit"` is the node Audit). Labels are unescaped as Graphviz does (`\"`,
//! `\\`, `\n`/`\l`/`\r` line breaks (a last `\l`/`\r` ends the last line), `\N` the node's
//! name; an edge without a `label` takes its `xlabel`; a record shape's label is its fields,
//! one a line); `pos` gives positions (points, y
//! up), `kind` (ours) gives kinds with `color` and the node's style. Clusters
//! (`subgraph cluster_…`, nested) become groups named by their `label`; only the top graph's
//! `label` is the map's title.
//!
//! The reader recurses once per nested subgraph, so `import::limits::dot_depth` refuses files
//! that would go deeper than the browser's stack allows before reading.

use super::dot_parse::unquote;
use super::{Builder, Imported, Source, number, polarity};
use crate::model::map::{Direction, Point, Polarity, Shape};

pub fn import(text: &str, id: String) -> Result<Imported, String> {
    crate::import::limits::dot_depth(text)?;
    let g = super::dot_parse::parse(text)?;
    let graph_attr = |k: &str| {
        g.graph
            .iter()
            .rev()
            .find(|(key, _)| key == k)
            .map(|(_, v)| unquote(v, ""))
    };
    // The map's title is the top graph's label; a cluster's label names its group.
    let title = graph_attr("label").unwrap_or_default();
    let focus = graph_attr("focus_question").unwrap_or_default();
    let mut b = Builder::new(id, &title, Source::Dot);
    b.focus(&focus);
    let mut groups = Vec::with_capacity(g.clusters.len());
    for (i, c) in g.clusters.iter().enumerate() {
        let name = c
            .attrs
            .iter()
            .rev()
            .find(|(k, _)| k == "label")
            .map(|(_, v)| unquote(v, ""))
            .unwrap_or_else(|| {
                let bare = unquote(&c.id, "");
                // "cluster" in any case, then any `_`.
                let rest = bare.get(7..).unwrap_or("");
                rest.strip_prefix('_').unwrap_or(rest).to_string()
            });
        let parent = c.parent.map(|p| format!("\u{0}cluster{p}"));
        groups.push(b.group(&format!("\u{0}cluster{i}"), &name, parent.as_deref()));
    }
    // Nodes in a stable order: by name, numbers inside names compared as numbers (n2 < n10).
    let names: Vec<String> = g.nodes.iter().map(|n| unquote(&n.id, "")).collect();
    let mut order: Vec<usize> = (0..g.nodes.len()).collect();
    crate::order::sort_by_cached_key(&mut order, |&i| (natural(&names[i]), names[i].clone()));
    for i in order {
        let n = &g.nodes[i];
        let name = &names[i];
        let attr = |k: &str| {
            n.attrs
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| unquote(v, name))
        };
        let record = matches!(attr("shape").as_deref(), Some("record" | "Mrecord"));
        let label = match attr("full_label") {
            Some(full) => full,
            None => match attr("label") {
                Some(l) if record => record_text(&l),
                Some(l) => l,
                None => name.clone(),
            },
        };
        let label = justified(&label, raw(&n.attrs, "label"));
        let at = attr("pos").and_then(|p| {
            let mut xy = p.trim_end_matches('!').split(',');
            let x = number(xy.next())?;
            let y = number(xy.next())?;
            Some(Point::new(x / 0.75, -y / 0.75))
        });
        let node = b.node(name, label, at)?;
        if let Some(notes) = attr("tooltip") {
            b.describe(node, &notes);
        }
        if let Some(c) = n.cluster {
            b.in_group(node, groups[c]);
        }
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
    // `lhead`/`ltail` name a cluster an edge is drawn to (compound edges): the link ends on
    // that cluster's group.
    let cluster_keys: std::collections::HashMap<String, String> = g
        .clusters
        .iter()
        .enumerate()
        .map(|(i, c)| (unquote(&c.id, ""), format!("\u{0}cluster{i}")))
        .collect();
    for e in &g.edges {
        let attr = |k: &str| {
            e.attrs
                .iter()
                .rev()
                .find(|(key, _)| key == k)
                .map(|(_, v)| unquote(v, ""))
        };
        let on = |k: &str| attr(k).and_then(|c| cluster_keys.get(&c).map(String::as_str));
        let (mut from, mut to) = (
            on("ltail").unwrap_or(names[e.from].as_str()),
            on("lhead").unwrap_or(names[e.to].as_str()),
        );
        let mut dir = if g.directed {
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
        // `xlabel` is the text on an edge where `label`s are not drawn (`splines=ortho`).
        let label = attr("link_label")
            .or_else(|| attr("label"))
            .filter(|l| !l.is_empty())
            .or_else(|| attr("xlabel"))
            .unwrap_or_default();
        let label = justified(&label, raw(&e.attrs, "label").or(raw(&e.attrs, "xlabel")));
        b.link(from, to, label, dir, pol, true)?;
    }
    Ok(b.finish())
}

/// An attribute's last value as written.
fn raw<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// A label without the line break its last `\l` or `\r` made: those end a (left- or
/// right-justified) line, the last one too, and Graphviz shows no empty line after it. A last
/// `\n` stays, as our own export writes a label's own line break so.
fn justified<'a>(label: &'a str, raw: Option<&str>) -> &'a str {
    let raw = raw.map(|r| r.strip_suffix('"').unwrap_or(r)).unwrap_or("");
    let escapes = raw.len() - raw.trim_end_matches(['l', 'r']).len() == 1
        && (raw.len() - 1 - raw[..raw.len() - 1].trim_end_matches('\\').len()) % 2 == 1;
    if escapes {
        label.strip_suffix('\n').unwrap_or(label)
    } else {
        label
    }
}

/// The text a record shape's label shows (`shape=record`): each field on its own line, `{…}`
/// rows and `|` separators gone, `<port>` names left out, `\{ \} \| \< \>` and `\ ` as the
/// characters they escape.
fn record_text(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut chars = label.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e @ ('{' | '}' | '|' | '<' | '>' | ' ')) => out.push(e),
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '{' | '}' | '|' => out.push('\n'),
            '<' => {
                // A port name: up to the closing `>`.
                for p in chars.by_ref() {
                    if p == '>' {
                        break;
                    }
                }
            }
            c => out.push(c),
        }
    }
    out.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
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
