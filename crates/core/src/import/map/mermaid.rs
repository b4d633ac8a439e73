//! Mermaid flowcharts (`flowchart` or `graph`, any direction), as GitHub, LangGraph and this
//! app write them: nodes with any shape (`A[…]`, `A(…)`, `A((…))`, `A{…}`, `A[[…]]`, `A[(…)]`,
//! `A>…]`, `A{{…}}`, `A[/…/]`, `A@{ label: "…" }`), labels quoted or not, links of every
//! kind (`-->`, `---`, `-.->`, `==>`, `<-->`, `--o`, `--x`, with an id: `e1@-->`) with `|label|`
//! or `-- label -->`; invisible links (`~~~`) left out with a note;
//! chains (`A --> B --> C`) and `&` (`A & B --> C`). YAML front matter gives the title; `%%`
//! lines, `classDef`, `class`, `style`, `linkStyle`, `click` and `direction` are skipped;
//! `subgraph … end` (nested) becomes a group (nested); a node belongs to the first subgraph that names it
//! (named outside any before or not), as Mermaid draws it; a Markdown code fence around the
//! diagram (```` ```mermaid ````) is read past; a quoted label may run over several lines.
//! Labels lose their HTML (`<br>` becomes a line break, other tags go, `&amp;` and Mermaid's
//! `#quot;`/`#35;` codes are read); a trailing ` (+)` or ` (−)`, as our export writes polarity,
//! gives the link's polarity back.
//!
//! The reader works line by line, statement by statement, with no recursion.

use std::borrow::Cow;
use std::collections::HashMap;

#[path = "mermaid_lines.rs"]
mod lines;
use lines::{body_lines, fenced, front_title, raw_body_lines};

use super::{Builder, Imported, Source, short};
use crate::model::map::{Direction, Polarity};

/// Statement keywords whose lines carry looks or actions only.
const SKIPPED: [&str; 8] = [
    "classDef",
    "class",
    "style",
    "linkStyle",
    "click",
    "direction",
    "accTitle",
    "accDescr",
];

/// Whether text is a Mermaid diagram: after front matter and `%%` lines, its first word is
/// `flowchart` or `graph` followed by at most a direction, or another Mermaid diagram's name.
pub fn sniff(head: &str) -> bool {
    if fenced(head) {
        return true;
    }
    let Some(first) = raw_body_lines(head)
        .map(|(_, l)| l)
        .find(|l| !l.is_empty() && !l.starts_with("%%"))
    else {
        return false;
    };
    let mut words = first.trim_end_matches(';').split_whitespace();
    match words.next().unwrap_or("") {
        "flowchart" | "graph" | "flowchart-elk" => {
            words.next().is_none_or(is_direction) && words.next().is_none()
        }
        w => DIAGRAMS.contains(&w),
    }
}

/// Other Mermaid diagrams, named in the message that refuses them.
const DIAGRAMS: [&str; 12] = [
    "sequenceDiagram",
    "classDiagram",
    "stateDiagram",
    "stateDiagram-v2",
    "erDiagram",
    "journey",
    "gantt",
    "pie",
    "mindmap",
    "timeline",
    "gitGraph",
    "quadrantChart",
];

fn is_direction(w: &str) -> bool {
    matches!(w, "TB" | "TD" | "BT" | "RL" | "LR")
}

/// Label text as a person reads it: quotes, Markdown backticks and emphasis marks gone, HTML tags gone (`<br>`
/// as a line break), HTML entities and Mermaid's `#…;` codes read.
pub fn label_text(raw: &str) -> String {
    let mut s = Cow::Borrowed(raw.trim());
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        s = Cow::Borrowed(&raw.trim()[1..s.len() - 1]);
        if s.len() >= 2 && s.starts_with('`') && s.ends_with('`') {
            // A Markdown string: its emphasis marks (`**bold**`, `*italic*`, `__bold__`) are
            // looks, not text.
            s = Cow::Owned(
                s[1..s.len() - 1]
                    .replace("**", "")
                    .replace("__", "")
                    .replace('*', ""),
            );
        }
    }
    let plain = super::html::to_text(&s, false);
    super::html::entities(&plain, '#')
}

/// A link as written: its ends' heads and its label.
struct Arrow {
    back: bool,
    forward: bool,
    label: Option<String>,
}

/// Reads the statement text of one line, cursor by cursor.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn skip_ws(&mut self) {
        let r = self.rest();
        self.i += r.len() - r.trim_start().len();
    }

    fn eat(&mut self, p: &str) -> bool {
        if self.rest().starts_with(p) {
            self.i += p.len();
            true
        } else {
            false
        }
    }

    /// An id: letters, digits, `_`, and `-` or `.` between them.
    fn id(&mut self) -> Option<&'a str> {
        let r = self.rest();
        let mut end = 0;
        let mut chars = r.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|(_, n)| *n);
            let ok = c.is_alphanumeric()
                || c == '_'
                || (matches!(c, '-' | '.')
                    && end > 0
                    && next.is_some_and(|n| n.is_alphanumeric() || n == '_'));
            if !ok {
                break;
            }
            end = i + c.len_utf8();
        }
        (end > 0).then(|| {
            self.i += end;
            &r[..end]
        })
    }

    /// Text up to `close` (a quoted part may hold it), the cursor after it.
    fn until(&mut self, closers: &[&str]) -> Option<&'a str> {
        let r = self.rest();
        let start = r.len() - r.trim_start().len();
        let search_from = if r[start..].starts_with('"') {
            r[start + 1..].find('"').map(|j| start + j + 2)?
        } else {
            0
        };
        let (at, len) = closers
            .iter()
            .filter_map(|c| r[search_from..].find(c).map(|j| (search_from + j, c.len())))
            .min()?;
        self.i += at + len;
        Some(&r[..at])
    }

    /// A node's shape and label after its id, if it has one.
    fn shape(&mut self) -> Result<Option<&'a str>, ()> {
        const SHAPES: [(&str, &[&str]); 14] = [
            ("(((", &[")))"]),
            ("((", &["))"]),
            ("([", &["])"]),
            ("(", &[")"]),
            ("[[", &["]]"]),
            ("[(", &[")]"]),
            ("[/", &["/]", "\\]"]),
            ("[\\", &["\\]", "/]"]),
            ("[", &["]"]),
            ("{{", &["}}"]),
            ("{", &["}"]),
            (">", &["]"]),
            ("@{", &["}"]),
            ("", &[]),
        ];
        for (open, close) in SHAPES {
            if open.is_empty() {
                return Ok(None);
            }
            if self.eat(open) {
                let inside = self.until(close).ok_or(())?;
                if open == "@{" {
                    return Ok(Some(at_label(inside).unwrap_or("")));
                }
                return Ok(Some(inside));
            }
        }
        Ok(None)
    }

    /// A link between nodes, if one starts here.
    fn arrow(&mut self) -> Option<Arrow> {
        let start = self.i;
        let r = self.rest();
        let back = r.starts_with(['<', 'o', 'x']) && r[1..].starts_with(['-', '=', '.']);
        if back {
            self.i += 1;
        }
        let body = self.line_body();
        if body.len() < 2 {
            self.i = start;
            return None;
        }
        let forward = self.head();
        let mut label = None;
        if !forward
            && matches!(body, "--" | "==" | "-.")
            && self.rest().starts_with(char::is_whitespace)
        {
            // `A -- text --> B`: the text runs to the next arrow.
            let r = self.rest();
            let ends = ["--", "==", ".-"];
            // Quoted text may hold what looks like a link: look for the arrow after it.
            let lead = r.len() - r.trim_start().len();
            let from = match r[lead..].strip_prefix('"').and_then(|q| q.find('"')) {
                Some(q) => lead + q + 2,
                None => 0,
            };
            if let Some(at) = ends
                .iter()
                .filter_map(|e| r[from..].find(e).map(|at| at + from))
                .min()
            {
                let text = &r[..at];
                self.i += at;
                self.line_body();
                let f = self.head();
                label = Some(text.trim().to_string());
                self.skip_ws();
                return Some(Arrow {
                    back,
                    forward: f,
                    label,
                });
            }
        }
        self.skip_ws();
        if self.eat("|") {
            let r = self.rest();
            let end = if let Some(q) = r.strip_prefix('"') {
                q.find('"')
                    .and_then(|q| r[q + 2..].find('|').map(|p| q + 2 + p))
            } else {
                r.find('|')
            };
            if let Some(end) = end {
                label = Some(r[..end].to_string());
                self.i += end + 1;
            }
        }
        Some(Arrow {
            back,
            forward,
            label,
        })
    }

    /// The run of `-`, `=` and `.` that makes a link's line.
    fn line_body(&mut self) -> &'a str {
        let r = self.rest();
        let len = r.len() - r.trim_start_matches(['-', '=', '.']).len();
        self.i += len;
        &r[..len]
    }

    /// An arrow's head: `>`, or `o`/`x` standing alone.
    fn head(&mut self) -> bool {
        let r = self.rest();
        if r.starts_with('>') {
            self.i += 1;
            return true;
        }
        if r.starts_with(['o', 'x'])
            && r[1..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == '|')
        {
            self.i += 1;
            return true;
        }
        false
    }
}

/// The `label` in a `@{ shape: …, label: "…" }` block.
fn at_label(inside: &str) -> Option<&str> {
    let at = inside.find("label:")?;
    let v = inside[at + 6..].trim_start();
    if let Some(q) = v.strip_prefix('"') {
        return q.find('"').map(|e| &q[..e]);
    }
    Some(v.split(',').next().unwrap_or("").trim())
}

/// Splits a line into statements at `;` outside quotes and brackets.
fn statements(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '[' | '(' | '{' if !quoted => depth += 1,
            ']' | ')' | '}' if !quoted => depth -= 1,
            ';' if !quoted && depth <= 0 => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out
}

/// A subgraph's key and title: `id [Title]`, `id["Title"]`, or a title alone (its own key).
fn subgraph_title(rest: &str) -> (String, String) {
    let rest = rest.trim().trim_end_matches(';').trim();
    if let Some(open) = rest.find('[')
        && rest.ends_with(']')
    {
        let key = rest[..open].trim().to_string();
        let inner = rest[open + 1..rest.len() - 1].trim();
        let inner = inner
            .strip_prefix('"')
            .and_then(|i| i.strip_suffix('"'))
            .unwrap_or(inner);
        let title = label_text(inner);
        let key = if key.is_empty() { title.clone() } else { key };
        return (key, title);
    }
    let plain = rest.trim_matches('"').to_string();
    (plain.clone(), label_text(&plain))
}

/// What the file says, before it becomes a map.
#[derive(Default)]
struct Read {
    order: Vec<String>,
    labels: HashMap<String, String>,
    links: Vec<(String, String, Direction, String)>,
    /// Subgraphs: key, title, the subgraph around it.
    groups: Vec<(String, String, Option<String>)>,
    /// The subgraphs open at this point, innermost last.
    open: Vec<String>,
    /// The first subgraph a node was named in.
    member: HashMap<String, String>,
    styles: usize,
    /// Invisible links (`~~~`) left out.
    hidden: usize,
    /// Edge ids (`A e1@--> B`), so `e1@{ … }` is read as the edge's looks, not a node.
    edge_ids: std::collections::HashSet<String>,
}

impl Read {
    fn node(&mut self, id: &str, label: Option<&str>) {
        if !self.labels.contains_key(id) {
            self.order.push(id.to_string());
            self.labels.insert(id.to_string(), id.to_string());
        }
        // As Mermaid draws it: in the first subgraph that names it, even when it was named
        // outside any subgraph before.
        if let Some(g) = self.open.last()
            && !self.member.contains_key(id)
        {
            self.member.insert(id.to_string(), g.clone());
        }
        if let Some(l) = label {
            self.labels.insert(id.to_string(), label_text(l));
        }
    }
}

pub fn import(text: &str, id: String) -> Result<Imported, String> {
    let mut read = Read::default();
    let mut lines = body_lines(text);
    let (_, first) = lines
        .next()
        .ok_or("The Mermaid file has no diagram in it.")?;
    let kind = first.split_whitespace().next().unwrap_or("");
    if !matches!(
        kind.trim_end_matches(';'),
        "flowchart" | "graph" | "flowchart-elk"
    ) {
        return Err(format!(
            "This Mermaid file is a {}; the app reads flowcharts (\u{201c}flowchart\u{201d} or \u{201c}graph\u{201d}).",
            short(kind)
        ));
    }
    // A header may carry a first statement after `;` (`graph LR; A-->B`).
    let header_rest = first.split_once(';').map_or("", |(_, r)| r).to_string();
    let all = std::iter::once((1usize, Cow::Owned(header_rest))).chain(lines);
    for (line, text_line) in all {
        for st in statements(&text_line) {
            let st = st.trim();
            if st.is_empty() {
                continue;
            }
            let word = st.split_whitespace().next().unwrap_or("");
            if SKIPPED.contains(&word) {
                read.styles += usize::from(word != "direction");
                continue;
            }
            if word == "subgraph" {
                let (key, title) = subgraph_title(st["subgraph".len()..].trim());
                let key = if key.is_empty() {
                    format!("subgraph {}", read.groups.len() + 1)
                } else {
                    key
                };
                read.groups
                    .push((key.clone(), title, read.open.last().cloned()));
                read.open.push(key);
                continue;
            }
            if word == "end" && st == "end" {
                read.open.pop();
                continue;
            }
            statement(st, &mut read)
                .map_err(|what| format!("Line {line}: {what} in \u{201c}{}\u{201d}.", short(st)))?;
        }
    }
    let mut b = Builder::new(id, &front_title(text).unwrap_or_default(), Source::Mermaid);
    for (key, title, parent) in &read.groups {
        b.group(key, title, parent.as_deref());
    }
    for key in &read.order {
        if b.group_of(key).is_some() {
            continue;
        }
        let node = b.node(key, &read.labels[key], None)?;
        if let Some(g) = read.member.get(key).and_then(|g| b.group_of(g)) {
            b.in_group(node, g);
        }
    }
    for (from, to, dir, label) in &read.links {
        let (label, pol) = polarity_of(label);
        b.link(from, to, &label, *dir, pol, false)?;
    }
    if read.hidden > 0 {
        b.notes.push(format!(
            "{} invisible {} (\u{201c}~~~\u{201d}, which Mermaid draws as nothing) left out.",
            read.hidden,
            if read.hidden == 1 {
                "link was"
            } else {
                "links were"
            }
        ));
    }
    if read.styles > 0 {
        b.notes.push(format!(
            "{} style, class and click lines were left out.",
            read.styles
        ));
    }
    Ok(b.finish())
}

/// One statement: nodes (`A & B`), then any number of links each followed by nodes.
fn statement(st: &str, read: &mut Read) -> Result<(), String> {
    let mut c = Cursor { s: st, i: 0 };
    // `e1@{ animate: true }`: an edge's looks, given by its id.
    if let Some((id, rest)) = st.split_once("@{")
        && read.edge_ids.contains(id.trim())
        && rest.trim_end().ends_with('}')
    {
        read.styles += 1;
        return Ok(());
    }
    let mut prev = group(&mut c, read)?;
    loop {
        c.skip_ws();
        if c.rest().is_empty() {
            return Ok(());
        }
        // An edge id before its line (`A e1@--> B`, Mermaid 11).
        let r = c.rest();
        if let Some(at) = r.find('@')
            && at > 0
            && r[..at].chars().all(|ch| ch.is_alphanumeric() || ch == '_')
            && r[at + 1..].starts_with(['-', '=', '.', '<', '~', 'o', 'x'])
        {
            read.edge_ids.insert(r[..at].to_string());
            c.i += at + 1;
        }
        if c.rest().starts_with("~~~") {
            // An invisible link: the nodes after it are read, no link is made.
            let tildes = c.rest().len() - c.rest().trim_start_matches('~').len();
            c.i += tildes;
            c.skip_ws();
            let next = group(&mut c, read)?;
            read.hidden += prev.len() * next.len();
            prev = next;
            continue;
        }
        let Some(arrow) = c.arrow() else {
            return Err(format!(
                "expected a link such as \u{201c}-->\u{201d} before \u{201c}{}\u{201d}",
                short(c.rest())
            ));
        };
        c.skip_ws();
        let next = group(&mut c, read)?;
        let dir = match (arrow.back, arrow.forward) {
            (true, true) => Direction::Both,
            (false, false) => Direction::None,
            _ => Direction::Forward,
        };
        let label = arrow.label.as_deref().map(label_text).unwrap_or_default();
        for a in &prev {
            for b in &next {
                let (from, to) = if arrow.back && !arrow.forward {
                    (b, a)
                } else {
                    (a, b)
                };
                read.links
                    .push((from.clone(), to.clone(), dir, label.clone()));
            }
        }
        prev = next;
    }
}

/// Nodes joined by `&`.
fn group(c: &mut Cursor, read: &mut Read) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    loop {
        c.skip_ws();
        let Some(id) = c.id() else {
            return Err(if c.rest().is_empty() {
                "a link has no node at its end".to_string()
            } else {
                format!(
                    "expected a node name before \u{201c}{}\u{201d}",
                    short(c.rest())
                )
            });
        };
        let label = c
            .shape()
            .map_err(|()| format!("the shape of \u{201c}{}\u{201d} is never closed", short(id)))?;
        if c.eat(":::") {
            c.id();
        }
        read.node(id, label);
        out.push(id.to_string());
        c.skip_ws();
        if !c.eat("&") {
            return Ok(out);
        }
    }
}

/// A label's polarity as our export writes it (`refer (+)`, or the sign alone).
fn polarity_of(label: &str) -> (String, Polarity) {
    for (sign, p) in [("+", Polarity::Positive), ("\u{2212}", Polarity::Negative)] {
        if label == sign {
            return (String::new(), p);
        }
        if let Some(l) = label.strip_suffix(&format!(" ({sign})")) {
            return (l.to_string(), p);
        }
    }
    (label.to_string(), Polarity::None)
}

#[cfg(test)]
#[path = "mermaid_tests.rs"]
mod tests;
