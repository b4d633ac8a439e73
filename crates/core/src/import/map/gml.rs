//! GML (Graph Modelling Language) as NetworkX, igraph, yEd, Cytoscape, PRSM and Newman's data
//! sets write it: `graph [ directed 0|1 node [ id … label "…" graphics [ x … y … fill "#…" ] ]
//! edge [ source … target … label "…" ] ]`. Strings may run over several lines and carry
//! character references (`&quot;`, `&amp;`, `&#10;`, `&#x1F331;`); `#` starts a comment.
//! A node without a label is called by its `name` (igraph) or its id; yEd's `LabelGraphics [ text "…" ]` is read too.
//! yEd's arrowheads (`sourceArrow` / `targetArrow` in an edge's `graphics`) and GML's own
//! `arrow "first" | "last" | "both" | "none"` give its direction (an arrow at the source only
//! points the link back; a yEd edge without one has none).
//! `kind`/`type`/`group` give kinds (coloured by the node's `fill`), `direction` and
//! `polarity` (ours) or `sign` give a link's looks.
//!
//! The file is read into a tree without recursion (an explicit stack, at most [`MAX_DEPTH`]
//! lists deep), so no input can overflow the stack.

use super::{Builder, Imported, Source, direction, polarity};
use crate::model::map::{Direction, Point, Polarity, Shape};

/// Lists nested deeper than this are refused.
pub const MAX_DEPTH: usize = 64;

/// A GML value: a number, a string or a list of key–value pairs.
#[derive(Debug)]
enum Value {
    Num(f64),
    Str(String),
    List(Vec<(String, Value)>),
}

impl Value {
    fn list(&self) -> &[(String, Value)] {
        match self {
            Value::List(l) => l,
            _ => &[],
        }
    }

    /// The value as text (a number as GML wrote it, integers without a decimal point).
    fn text(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.clone()),
            Value::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            Value::Num(n) => Some(n.to_string()),
            Value::List(_) => None,
        }
    }

    fn num(&self) -> Option<f64> {
        match self {
            Value::Num(n) => Some(*n),
            Value::Str(s) => s.trim().parse().ok().filter(|x: &f64| x.is_finite()),
            Value::List(_) => None,
        }
    }
}

/// A list being read: its key, its items so far, the line it opened on.
type Open = (String, Vec<(String, Value)>, usize);

/// The first value under `key` in a list.
fn get<'a>(list: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Reads character references: `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&apos;`, `&nbsp;`,
/// `&#N;`, `&#xH;`; anything else stays as written.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 12);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = super::html::char_ref(name, false);
            c.map(|c| (c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses GML text into its top-level list, or a message naming the line.
fn parse(text: &str) -> Result<Vec<(String, Value)>, String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line = 1usize;
    let mut stack: Vec<Open> = vec![(String::new(), vec![], 1)];
    let mut key: Option<String> = None;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            _ if c.is_ascii_whitespace() => i += 1,
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'[' => {
                let Some(k) = key.take() else {
                    return Err(format!(
                        "Line {line}: a list \u{201c}[\u{201d} has no key before it."
                    ));
                };
                if stack.len() > MAX_DEPTH {
                    return Err(format!(
                        "Line {line}: lists are nested deeper than this app reads (at most {MAX_DEPTH})."
                    ));
                }
                stack.push((k, Vec::new(), line));
                i += 1;
            }
            b']' => {
                if key.is_some() {
                    return Err(format!(
                        "Line {line}: \u{201c}{}\u{201d} has no value before \u{201c}]\u{201d}.",
                        short(key.as_deref().unwrap_or(""))
                    ));
                }
                if stack.len() == 1 {
                    return Err(format!("Line {line}: a \u{201c}]\u{201d} closes no list."));
                }
                let (k, items, _) = stack.pop().expect("more than one");
                stack
                    .last_mut()
                    .expect("the top")
                    .1
                    .push((k, Value::List(items)));
                i += 1;
            }
            b'"' => {
                let Some(k) = key.take() else {
                    return Err(format!("Line {line}: a string has no key before it."));
                };
                let start = i + 1;
                let Some(len) = bytes[start..].iter().position(|&b| b == b'"') else {
                    return Err(format!(
                        "Line {line}: a string is never closed (a \u{201c}\"\u{201d} is missing)."
                    ));
                };
                let raw = &text[start..start + len];
                line += raw.matches('\n').count();
                stack
                    .last_mut()
                    .expect("the top")
                    .1
                    .push((k, Value::Str(unescape(raw))));
                i = start + len + 1;
            }
            _ => {
                let start = i;
                while i < bytes.len()
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'[' | b']' | b'"' | b'#')
                {
                    i += 1;
                }
                let word = &text[start..i];
                if let Some(k) = key.take() {
                    let n = word
                        .parse::<f64>()
                        .map_err(|_| format!("Line {line}: \u{201c}{}\u{201d} should be a number, a string or a list (the value of \u{201c}{}\u{201d}).", short(word), short(&k)))?;
                    stack
                        .last_mut()
                        .expect("the top")
                        .1
                        .push((k, Value::Num(n)));
                } else if word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                    key = Some(word.to_string());
                } else {
                    return Err(format!(
                        "Line {line}: expected a key (a name such as \u{201c}node\u{201d}) but found \u{201c}{}\u{201d}.",
                        short(word)
                    ));
                }
            }
        }
    }
    if let Some(k) = key {
        return Err(format!(
            "Line {line}: the file ends after \u{201c}{}\u{201d}, before its value.",
            short(&k)
        ));
    }
    if stack.len() > 1 {
        let (k, _, at) = stack.pop().expect("more than one");
        return Err(format!(
            "The list \u{201c}{}\u{201d} opened on line {at} is never closed (a \u{201c}]\u{201d} is missing).",
            short(&k)
        ));
    }
    Ok(stack.pop().expect("the top").1)
}

use super::short;

/// Whether text looks like GML: after any comments, `graph [`, or `Creator`/`Version` lines
/// and then `graph [`.
pub fn sniff(head: &str) -> bool {
    let end = head.char_indices().nth(4096).map_or(head.len(), |(i, _)| i);
    let mut words = head[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(|l| l.split_whitespace());
    loop {
        match words.next() {
            Some("graph") => return words.next() == Some("["),
            Some(w) if w.starts_with("graph[") => return true,
            Some("Creator" | "Version" | "creator" | "version") => {
                // Its value: a number or a string of one or more words.
                let v = words.next().unwrap_or("");
                if v.starts_with('"') && !(v.len() > 1 && v.ends_with('"')) {
                    for w in words.by_ref() {
                        if w.ends_with('"') {
                            break;
                        }
                    }
                }
            }
            _ => return false,
        }
    }
}

pub fn import(text: &str, id: String) -> Result<Imported, String> {
    let top = parse(text)?;
    let graph = get(&top, "graph")
        .map(Value::list)
        .ok_or("The GML file has no \u{201c}graph [ \u{2026} ]\u{201d}.")?;
    let directed = get(graph, "directed").and_then(Value::num) == Some(1.0);
    let title = ["label", "name", "title"]
        .iter()
        .find_map(|k| get(graph, k).and_then(Value::text))
        .unwrap_or_default();
    let mut b = Builder::new(id, &title, Source::Gml);
    if let Some(f) = get(graph, "focus_question").and_then(Value::text) {
        b.focus(&f);
    }
    // yEd's groups: a node with `isGroup 1` is a group; `gid` names the group a node (or a
    // group) sits in.
    let is_group = |n: &[(String, Value)]| get(n, "isGroup").and_then(Value::num) == Some(1.0);
    let nodes = || {
        graph
            .iter()
            .filter(|(k, _)| k == "node")
            .map(|(_, v)| v.list())
    };
    for n in nodes().filter(|n| is_group(n)) {
        if let Some(key) = get(n, "id").and_then(Value::text) {
            let name = get(n, "label").and_then(Value::text).unwrap_or_default();
            b.group(&key, &name, None);
        }
    }
    for n in nodes().filter(|n| is_group(n)) {
        let key = get(n, "id").and_then(Value::text);
        let parent = get(n, "gid").and_then(Value::text);
        if let (Some(g), Some(p)) = (
            key.and_then(|k| b.group_of(&k)),
            parent.and_then(|p| b.group_of(&p)),
        ) {
            b.nest(g, p);
        }
    }
    let mut unnamed = 0usize;
    for (k, v) in graph {
        if k != "node" {
            continue;
        }
        let n = v.list();
        if is_group(n) {
            continue;
        }
        let Some(key) = get(n, "id").and_then(Value::text) else {
            unnamed += 1;
            continue;
        };
        let graphics = get(n, "graphics").map(Value::list).unwrap_or(&[]);
        // igraph names vertices by `name`.
        let label = get(n, "label")
            .and_then(Value::text)
            .or_else(|| {
                get(n, "LabelGraphics")
                    .map(Value::list)
                    .and_then(|l| get(l, "text"))
                    .and_then(Value::text)
            })
            .or_else(|| get(n, "name").and_then(Value::text))
            .unwrap_or_else(|| key.clone());
        let at = get(graphics, "x")
            .and_then(Value::num)
            .zip(get(graphics, "y").and_then(Value::num))
            .map(|(x, y)| Point::new(x, y));
        let node = b.node(&key, &label, at)?;
        if let Some(notes) = ["description", "notes"]
            .iter()
            .find_map(|k| get(n, k).and_then(Value::text))
        {
            b.describe(node, &notes);
        }
        if let Some(g) = get(n, "gid")
            .and_then(Value::text)
            .and_then(|g| b.group_of(&g))
        {
            b.in_group(node, g);
        }
        let kind = ["kind", "type", "group"]
            .iter()
            .find_map(|k| get(n, k).and_then(Value::text));
        if let Some(kind) = kind {
            let fill = get(graphics, "fill")
                .or_else(|| get(n, "colour"))
                .or_else(|| get(n, "color"))
                .and_then(Value::text);
            let shape = get(n, "shape").and_then(Value::text);
            b.kind(
                node,
                &kind,
                fill.as_deref(),
                shape.as_deref().and_then(Shape::parse),
            );
        }
    }
    if unnamed > 0 {
        b.notes
            .push(format!("{unnamed} nodes had no id and were left out."));
    }
    let mut loose = 0usize;
    // yEd writes `directed 1` whatever it draws and shows each edge's arrowheads as
    // `sourceArrow` / `targetArrow` in its graphics (none for a plain line).
    let yed = get(&top, "Creator")
        .and_then(Value::text)
        .is_some_and(|c| c.contains("yFiles"));
    for (k, v) in graph {
        if k != "edge" {
            continue;
        }
        let e = v.list();
        let (Some(mut from), Some(mut to)) = (
            get(e, "source").and_then(Value::text),
            get(e, "target").and_then(Value::text),
        ) else {
            loose += 1;
            continue;
        };
        let group = |k: &str| b.group_of(k).is_some();
        if (!b.has(&from) && !group(&from)) || (!b.has(&to) && !group(&to)) {
            let missing = if b.has(&from) { &to } else { &from };
            return Err(format!(
                "An edge goes from {} to {}, but there is no node with id {}.",
                short(&from),
                short(&to),
                short(missing)
            ));
        }
        let mut dir = if directed {
            Direction::Forward
        } else {
            Direction::None
        };
        let graphics = get(e, "graphics").map(Value::list).unwrap_or(&[]);
        let head = |end: &str| {
            get(graphics, end)
                .and_then(Value::text)
                .is_some_and(|a| a != "none")
        };
        let (source, target) = (head("sourceArrow"), head("targetArrow"));
        // GML's own `arrow "none" | "first" | "last" | "both"` (Cytoscape, Tulip).
        let arrow = get(graphics, "arrow").and_then(Value::text);
        let (source, target) = match arrow.as_deref() {
            Some("first") => (true, false),
            Some("last") => (false, true),
            Some("both") => (true, true),
            Some("none") => (false, false),
            _ => (source, target),
        };
        if yed || arrow.is_some() || source || target {
            dir = match (source, target) {
                (true, true) => Direction::Both,
                (false, false) => Direction::None,
                _ => Direction::Forward,
            };
            if source && !target {
                std::mem::swap(&mut from, &mut to);
            }
        }
        if let Some(d) = get(e, "direction")
            .and_then(Value::text)
            .and_then(|t| direction(&t))
        {
            dir = d;
        }
        let pol = ["polarity", "sign"]
            .iter()
            .find_map(|k| get(e, k).and_then(Value::text))
            .map_or(Polarity::None, |p| polarity(&p));
        let label = get(e, "label")
            .and_then(Value::text)
            .or_else(|| {
                get(e, "LabelGraphics")
                    .map(Value::list)
                    .and_then(|l| get(l, "text"))
                    .and_then(Value::text)
            })
            .unwrap_or_default();
        b.link(&from, &to, &label, dir, pol, false)?;
    }
    if loose > 0 {
        b.notes.push(format!(
            "{loose} edges had no source or target and were left out."
        ));
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_lists_numbers_and_comments() {
        let top = parse("# made by hand\ngraph [\n directed 1 label \"a &quot;b&quot;\nc &#10;&#x1F331; &bogus; & x\"\n node [ id -2 x 1.5e2 ] ]").expect("parses");
        let g = get(&top, "graph").expect("graph").list();
        assert_eq!(get(g, "directed").and_then(Value::num), Some(1.0));
        assert_eq!(
            get(g, "label").and_then(Value::text).as_deref(),
            Some("a \"b\"\nc \n\u{1f331} &bogus; & x")
        );
        let n = get(g, "node").expect("node").list();
        assert_eq!(get(n, "id").and_then(Value::text).as_deref(), Some("-2"));
        assert_eq!(get(n, "x").and_then(Value::num), Some(150.0));
    }

    #[test]
    fn damage_is_named_by_line() {
        for (text, want) in [
            ("graph [\n node [ id 1 ]\n", "never closed"),
            ("graph [\n label \"x\n\n", "Line 2"),
            ("graph [ ] ]", "closes no list"),
            ("graph [ node [ id ] ]", "no value"),
            ("graph [ id 1x ]", "number"),
            ("[ ]", "no key"),
            ("graph [\n\n 12 ]", "Line 3"),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(want), "{text:?}: {e}");
        }
        let deep = "a [ ".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().contains("deeper"));
        let ok = "a [ ".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn sniffs_gml_but_not_dot() {
        assert!(sniff("graph [\n"));
        assert!(sniff("# comment\ngraph\n[\n"));
        assert!(sniff("Creator \"igraph\"\nVersion 1\ngraph\n["));
        assert!(!sniff("graph { a -- b }"));
        assert!(!sniff("graph G {"));
    }
}
