//! A Mermaid file's lines as the reader takes them: past a Markdown code fence and YAML front
//! matter, blank and `%%` lines left out, quoted labels over several lines joined.

use std::borrow::Cow;

/// The diagram's lines with their index: inside a Markdown code fence (```` ```mermaid ````
/// or `~~~mermaid`, as a block copied from a README or exported from Notion) when the text
/// starts with one, up to the closing fence; otherwise all of them.
fn diagram_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut lines = text.lines().enumerate().peekable();
    while lines.peek().is_some_and(|(_, l)| l.trim().is_empty()) {
        lines.next();
    }
    let fence = lines.peek().and_then(|(_, l)| {
        let l = l.trim();
        ["```", "~~~"]
            .into_iter()
            .find(|f| l.starts_with(f) && l[3..].trim_start_matches(['`', '~']).trim() == "mermaid")
    });
    if fence.is_some() {
        lines.next();
    }
    lines.take_while(move |(_, l)| fence.is_none_or(|f| !l.trim().starts_with(f)))
}

/// Whether text starts with a Mermaid code fence (and so is Mermaid, whatever follows).
pub(super) fn fenced(head: &str) -> bool {
    let first = head.trim_start().lines().next().unwrap_or("").trim();
    (first.starts_with("```") || first.starts_with("~~~"))
        && first[3..].trim_start_matches(['`', '~']).trim() == "mermaid"
}

/// The lines after any YAML front matter, with their numbers, blank and `%%` lines left out. A
/// quoted label may run over several lines (`A["`**Two**\nlines`"]`, as Mermaid allows): a
/// line that leaves a quote open is joined with the next ones until it closes.
pub(super) fn body_lines(text: &str) -> impl Iterator<Item = (usize, Cow<'_, str>)> {
    let mut open: Option<(usize, String)> = None;
    let mut out = Vec::new();
    for (i, l) in raw_body_lines(text) {
        let odd = l.bytes().filter(|&c| c == b'"').count() % 2 == 1;
        match open.take() {
            Some((at, mut joined)) => {
                joined.push('\n');
                joined.push_str(l);
                if odd {
                    out.push((at, Cow::Owned(joined)));
                } else {
                    open = Some((at, joined));
                }
            }
            None if odd => open = Some((i, l.to_string())),
            None if !l.is_empty() && !l.starts_with("%%") => out.push((i, Cow::Borrowed(l))),
            None => {}
        }
    }
    out.extend(open.map(|(at, l)| (at, Cow::Owned(l))));
    out.into_iter()
}

/// The lines after any YAML front matter, trimmed, with their numbers.
pub(super) fn raw_body_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut lines = diagram_lines(text).peekable();
    // Front matter: `---` on the first line, up to the next `---`.
    if lines.peek().is_some_and(|(_, l)| l.trim() == "---") {
        lines.next();
        for (_, l) in lines.by_ref() {
            if l.trim() == "---" {
                break;
            }
        }
    }
    lines.map(|(i, l)| (i + 1, l.trim()))
}

/// The `title:` of the front matter, if any.
pub(super) fn front_title(text: &str) -> Option<String> {
    let mut lines = diagram_lines(text).map(|(_, l)| l);
    if lines.next()?.trim() != "---" {
        return None;
    }
    for l in lines {
        let l = l.trim();
        if l == "---" {
            break;
        }
        if let Some(v) = l.strip_prefix("title:") {
            return Some(v.trim().trim_matches(['"', '\'']).to_string());
        }
    }
    None
}
