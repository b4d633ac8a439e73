//! The Markdown renderer of the document tree, and the one Markdown escaper every export
//! uses for user text ([`escape_markdown`], through [`inline`] and [`quote`]).

use std::fmt::Write;

use super::{Block, Cell, Format, Span};

/// Backslash-escapes every character that could begin Markdown or HTML markup anywhere in a
/// line, and the markers that only count at the start of a line (`-`, `+`, `=`, `1.`).
pub fn escape_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut at_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '0'..='9' if at_start => {
                // "1." or "1)" at the start of a line would begin an ordered list.
                out.push(c);
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() {
                        out.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if let Some(&d) = chars.peek()
                    && (d == '.' || d == ')')
                {
                    out.push('\\');
                    out.push(d);
                    chars.next();
                }
            }
            _ => out.push(c),
        }
        if !(at_start && c == ' ') {
            at_start = false;
        }
    }
    out
}

/// User text on one line (names, notes, titles): line breaks become spaces, then escaped.
pub fn inline(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_markdown(&joined)
}

/// User text as a block quote that keeps its line breaks (CommonMark hard breaks).
pub fn quote(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.trim_end().lines().collect();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let escaped = escape_markdown(line.trim_end());
        if escaped.trim().is_empty() {
            out.push_str(">\n");
            continue;
        }
        let next_has_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        out.push_str("> ");
        out.push_str(&escaped);
        if next_has_text {
            out.push('\\');
        }
        out.push('\n');
    }
    out
}

/// Markdown made for a document of its own, moved one heading level down, starting at its
/// first second-level heading (what comes before repeats the outer document's header).
/// Only real headings start with `#`: user text in those exports is escaped or quoted.
pub fn nested(md: &str) -> String {
    let start = md.find("\n## ").map_or(md.len(), |i| i + 1);
    let mut out = String::new();
    for line in md[start..].lines() {
        if line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The blocks as Markdown, the title (depth 0) a `#` heading; blocks are parted by a blank
/// line and the text ends with one line break.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks);
    let end = out.trim_end_matches('\n').len();
    out.truncate(end);
    out.push('\n');
    out
}

/// The blocks as Markdown as they stand inside a longer text: each ends with a blank line.
pub fn render_part(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks);
    out
}

fn write_blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        write_block(out, b);
    }
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { depth, text, .. } => {
            let hashes = "#".repeat(usize::from(*depth) + 1);
            let _ = write!(out, "{hashes} {}\n\n", inline(text));
        }
        Block::Paragraph { spans, .. } => {
            let _ = write!(out, "{}\n\n", line(spans));
        }
        Block::Label(text) => {
            let _ = write!(out, "{text}:\n\n");
        }
        Block::Terms { rows, .. } => {
            for (term, spans) in rows {
                let _ = write!(out, "{}: {}\n\n", inline(term), line(spans));
            }
        }
        Block::List { ordered, items, .. } => {
            for (i, item) in items.iter().enumerate() {
                if *ordered {
                    let _ = writeln!(out, "{}. {}", i + 1, line(item));
                } else {
                    let _ = writeln!(out, "- {}", line(item));
                }
            }
            out.push('\n');
        }
        Block::Table { head, rows, .. } => {
            out.push('|');
            for h in head {
                let _ = write!(out, " {} |", inline(h));
            }
            out.push_str("\n|");
            for _ in head {
                out.push_str("---|");
            }
            out.push('\n');
            for row in rows {
                out.push('|');
                for cell in row {
                    let _ = write!(out, " {} |", cell_text(cell));
                }
                out.push('\n');
            }
            out.push('\n');
        }
        // Markdown carries no pictures: the builders give it its own view where it needs one
        // (a Mermaid source for a map).
        Block::Figure { .. } => {}
        Block::Code { lang, text } => {
            let _ = write!(out, "```{lang}\n{text}");
            if !text.ends_with('\n') {
                out.push('\n');
            }
            out.push_str("```\n\n");
        }
        Block::Quote(text) => {
            let _ = writeln!(out, "{}", quote(text));
        }
        Block::Group { blocks, .. } | Block::Only(Format::Markdown, blocks) => {
            write_blocks(out, blocks)
        }
        Block::Details {
            summary, blocks, ..
        } => {
            let _ = write!(out, "{summary}:\n\n");
            write_blocks(out, blocks);
        }
        Block::Only(Format::Html, _) => {}
        Block::Nested(md) => out.push_str(&nested(md)),
    }
}

/// Runs of text on one line.
fn line(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) | Span::Kept(t) | Span::Lines(t) => out.push_str(&inline(t)),
            Span::Strong(t) => {
                let _ = write!(out, "**{}**", inline(t));
            }
            Span::Emphasis(t) => {
                let _ = write!(out, "*{}*", inline(t));
            }
            Span::Missing(t) => out.push_str(t),
            Span::Plain(t) => out.push_str(t),
        }
    }
    out
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Spans(spans) => line(spans),
        Cell::List(items) => items.iter().map(|i| line(i)).collect::<Vec<_>>().join("; "),
        Cell::Missing(t) => (*t).to_string(),
    }
}
