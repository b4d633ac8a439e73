//! The HTML renderer of the document tree: every run of text goes through
//! [`crate::export::xml::escape`], so user text is always text; no `style` attribute, no
//! script, nothing fetched.

use std::fmt::Write;

use super::{Block, Cell, Format, Span};
use crate::export::xml::escape;

/// The blocks as an HTML fragment; a heading of depth `d` is `<h{title_level + d}>` (at most
/// `<h6>`).
pub fn render(blocks: &[Block], title_level: u8) -> String {
    let mut out = String::new();
    write_blocks(&mut out, blocks, title_level);
    out
}

fn write_blocks(out: &mut String, blocks: &[Block], title_level: u8) {
    for b in blocks {
        write_block(out, b, title_level);
    }
}

/// ` class="…"` or nothing.
fn class(c: Option<&str>) -> String {
    c.map(|c| format!(" class=\"{}\"", escape(c)))
        .unwrap_or_default()
}

fn write_block(out: &mut String, block: &Block, title_level: u8) {
    match block {
        Block::Heading { depth, text, id } => {
            let level = title_level.saturating_add(*depth).min(6);
            let id = id
                .map(|id| format!(" id=\"{}\"", escape(id)))
                .unwrap_or_default();
            let _ = writeln!(out, "<h{level}{id}>{}</h{level}>", escape(text));
        }
        Block::Paragraph { class: c, spans } => {
            let _ = writeln!(out, "<p{}>{}</p>", class(*c), line(spans));
        }
        Block::Label(text) => {
            let _ = writeln!(out, "<p class=\"report-label\">{}</p>", escape(text));
        }
        Block::Terms { class: c, rows } => {
            let _ = writeln!(out, "<dl{}>", class(*c));
            for (term, spans) in rows {
                let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(term), line(spans));
            }
            out.push_str("</dl>\n");
        }
        Block::List {
            ordered,
            class: c,
            item_class,
            items,
        } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}{}>", class(*c));
            for item in items {
                let _ = writeln!(out, "<li{}>{}</li>", class(*item_class), line(item));
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table {
            class: c,
            head,
            row_heads,
            rows,
        } => {
            let _ = write!(out, "<table{}>\n<thead><tr>", class(*c));
            for h in head {
                let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in rows {
                out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    if i == 0 && *row_heads {
                        let _ = write!(out, "<th scope=\"row\">{}</th>", cell_html(cell));
                    } else {
                        let _ = write!(out, "<td>{}</td>", cell_html(cell));
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Figure { svg, id, caption } => {
            let _ = writeln!(
                out,
                "<figure class=\"report-figure\">\n{}\n<figcaption>{}</figcaption>\n</figure>",
                inline_svg(svg, id),
                escape(caption)
            );
        }
        Block::Code { lang, text } => {
            let _ = writeln!(
                out,
                "<pre><code class=\"language-{}\">{}</code></pre>",
                escape(lang),
                escape(text).replace("&#10;", "\n")
            );
        }
        Block::Quote(text) => {
            let _ = writeln!(
                out,
                "<p class=\"report-notes\">{}</p>",
                escape(text.trim_end())
            );
        }
        Block::Group {
            tag,
            class: c,
            labelled_by,
            blocks,
        } => {
            let labelled = labelled_by
                .map(|id| format!(" aria-labelledby=\"{}\"", escape(id)))
                .unwrap_or_default();
            let _ = writeln!(out, "<{}{}{labelled}>", tag.name(), class(Some(c)));
            write_blocks(out, blocks, title_level);
            let _ = writeln!(out, "</{}>", tag.name());
        }
        Block::Details {
            class: c,
            summary,
            blocks,
        } => {
            let _ = writeln!(
                out,
                "<details{}><summary>{}</summary>",
                class(Some(c)),
                escape(summary)
            );
            write_blocks(out, blocks, title_level);
            out.push_str("</details>\n");
        }
        Block::Only(Format::Html, blocks) => write_blocks(out, blocks, title_level),
        Block::Only(Format::Markdown, _) | Block::Nested(_) => {}
    }
}

/// Runs of text, escaped.
fn line(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) | Span::Plain(t) => out.push_str(&escape(t)),
            Span::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", escape(t));
            }
            Span::Emphasis(t) => {
                let _ = write!(out, "<em>{}</em>", escape(t));
            }
            Span::Kept(t) => {
                let _ = write!(out, "<span class=\"report-text\">{}</span>", escape(t));
            }
            Span::Lines(t) => {
                let text = t.replace("\r\n", "\n").replace('\r', "\n");
                out.push_str(&escape(&text).replace("&#10;", "<br>"));
            }
            Span::Missing(t) => {
                let _ = write!(out, "<span class=\"report-empty\">{}</span>", escape(t));
            }
        }
    }
    out
}

fn cell_html(cell: &Cell) -> String {
    match cell {
        Cell::Spans(spans) => line(spans),
        Cell::List(items) => {
            let mut out = String::from("<ul>");
            for item in items {
                let _ = write!(out, "<li>{}</li>", line(item));
            }
            out.push_str("</ul>");
            out
        }
        Cell::Missing(t) => line(&[Span::Missing(t)]),
    }
}

/// An SVG document as a figure inside HTML: the XML prolog and the `<metadata>` (the file's
/// JSON, useless here) removed, and every id (and what refers to it) given `prefix`, so that
/// several figures on one page never share an id. Our SVG writers put user text only through
/// [`escape`], so `id="`, `="url(#` and `</metadata>` occur only as markup.
pub fn inline_svg(svg: &str, prefix: &str) -> String {
    let mut s = svg.trim_start();
    if s.starts_with("<?xml")
        && let Some(end) = s.find("?>")
    {
        s = s[end + 2..].trim_start();
    }
    let mut out = s.to_string();
    if let (Some(a), Some(b)) = (out.find("<metadata>"), out.find("</metadata>")) {
        let mut b = b + "</metadata>".len();
        if out[b..].starts_with('\n') {
            b += 1;
        }
        out.replace_range(a..b, "");
    }
    out.replace(" id=\"", &format!(" id=\"{prefix}-"))
        .replace("=\"url(#", &format!("=\"url(#{prefix}-"))
        .replace(
            "aria-labelledby=\"",
            &format!("aria-labelledby=\"{prefix}-"),
        )
        .trim_end()
        .to_string()
}
