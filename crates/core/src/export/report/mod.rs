//! The whole workshop as one report: details, roster, the boundary critique, every concept map
//! and rich picture, the scores of every round, and the notes. As Markdown (for a wiki or an
//! e-mail) and as one self-contained HTML file (inline style, no scripts, nothing fetched),
//! whose figures are the same SVG the other exports write.
//!
//! [`blocks`] builds the report once as a tree of [`Block`]s; [`markdown`] and [`article`]
//! are the two renderers of [`crate::export::blocks`] walking it. Where one format shows a
//! view the other cannot (a Mermaid source, an SVG figure), the tree says so with
//! [`Block::Only`]. The sections reuse the other exports rather than repeating them: the
//! critique's Markdown from [`super::boundary`], the scoring summary from [`super::scoring`],
//! the tables by group from [`super::by_group`], the boundary analysis from
//! [`super::margins`], Mermaid from [`super::map::mermaid`], and the SVG of maps, pictures
//! and charts. User text is escaped by the renderers alone.

mod critique;
mod figures;

use super::blocks::{Block, Span, Tag, html as to_html, markdown as to_markdown};
use super::xml::escape;
use crate::analysis::findings::findings;
use crate::content::csh;
use crate::model::boundary::ReflectionPart;
use crate::model::{Involvement, Workshop};

pub use super::blocks::html::inline_svg;

/// The report's section headings, in order; every report has all of them.
pub const SECTIONS: [&str; 8] = [
    "What we found",
    "Roster",
    "Boundary critique",
    "Concept maps",
    "Rich pictures",
    "Scoring",
    "Notes",
    "Closing reflection",
];

/// The report's title line.
pub fn title(w: &Workshop) -> String {
    format!("Workshop report: {}", w.display_title())
}

/// The date, the facilitator and the purpose, where given.
fn facts(w: &Workshop) -> Vec<(String, Vec<Span>)> {
    [
        ("Date", &w.date),
        ("Facilitator", &w.facilitator),
        ("Purpose", &w.purpose),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(label, value)| (label.to_string(), vec![Span::Text(value.clone())]))
    .collect()
}

/// `text`, or `fallback` when it is blank.
pub(crate) fn no_label(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text.to_string()
    }
}

/// The whole report as one tree: the `<article>` with its header and one part per
/// [`SECTIONS`] entry.
pub fn blocks(w: &Workshop) -> Vec<Block> {
    let mut head = vec![Block::heading(0, title(w))];
    let f = facts(w);
    if !f.is_empty() {
        head.push(Block::Terms {
            class: Some("report-facts"),
            rows: f,
        });
    }
    let reflection = &w.boundary.reflection;
    let parts = vec![
        Block::Group {
            tag: Tag::Header,
            class: "report-head",
            labelled_by: None,
            blocks: head,
        },
        Block::part("report-findings", SECTIONS[0], found(w)),
        Block::part("report-roster", SECTIONS[1], roster(w)),
        Block::part("report-boundary", SECTIONS[2], critique::critique(w)),
        Block::part("report-maps", SECTIONS[3], figures::maps(w)),
        Block::part("report-pictures", SECTIONS[4], figures::pictures(w)),
        Block::part("report-scoring", SECTIONS[5], figures::scoring(w)),
        Block::part(
            "report-notes",
            SECTIONS[6],
            vec![if w.notes.trim().is_empty() {
                Block::plain("No notes.")
            } else {
                Block::Quote(w.notes.clone())
            }],
        ),
        Block::part("report-reflection", SECTIONS[7], {
            let mut out = Vec::new();
            if reflection.is_empty() {
                out.push(Block::plain("No closing reflection yet."));
            }
            for (part, (label, _)) in ReflectionPart::ALL.iter().zip(csh::REFLECTION) {
                let text = reflection.get(*part);
                if !text.trim().is_empty() {
                    out.push(Block::heading(2, label));
                    out.push(Block::Quote(text.to_string()));
                }
            }
            out
        }),
    ];
    vec![Block::Group {
        tag: Tag::Article,
        class: "report",
        labelled_by: None,
        blocks: parts,
    }]
}

fn found(w: &Workshop) -> Vec<Block> {
    let found = findings(w);
    if found.is_empty() {
        return vec![Block::plain(
            "Nothing found yet: no tensions marked, no results revealed, no reflection.",
        )];
    }
    vec![Block::List {
        ordered: false,
        class: Some("report-findings"),
        item_class: None,
        items: found
            .iter()
            .map(|f| {
                vec![
                    Span::Strong(format!("{}:", f.label)),
                    Span::Plain(" ".into()),
                    Span::Kept(f.text.clone()),
                ]
            })
            .collect(),
    }]
}

/// The roster: a list per kind of involvement in Markdown, one table in HTML.
fn roster(w: &Workshop) -> Vec<Block> {
    if w.roster.is_empty() {
        return vec![Block::plain("Nobody is on the roster yet.")];
    }
    let mut lists = Vec::new();
    let mut rows = Vec::new();
    for inv in Involvement::ALL {
        let people: Vec<_> = w.roster.iter().filter(|s| s.involvement == inv).collect();
        if people.is_empty() {
            continue;
        }
        lists.push(Block::heading(2, inv.label()));
        let mut items = Vec::new();
        for s in people {
            let name = no_label(&s.name, "(no name)");
            let mut item = vec![Span::Text(name.clone())];
            if !s.group.trim().is_empty() {
                item.extend([
                    Span::Plain(" (".into()),
                    Span::Text(s.group.clone()),
                    Span::Plain(")".into()),
                ]);
            }
            items.push(item);
            rows.push(vec![
                super::blocks::Cell::Spans(vec![Span::Text(name)]),
                super::blocks::Cell::Spans(vec![Span::Text(s.group.clone())]),
                super::blocks::Cell::Spans(vec![Span::Plain(inv.label().into())]),
            ]);
        }
        lists.push(Block::list(items));
    }
    vec![
        Block::Only(super::blocks::Format::Markdown, lists),
        Block::Only(
            super::blocks::Format::Html,
            vec![Block::Table {
                class: None,
                head: vec!["Name or role".into(), "Group".into(), "Involvement".into()],
                row_heads: false,
                rows,
            }],
        ),
    ]
}

/// The whole workshop as Markdown: one `##` heading per [`SECTIONS`] entry.
pub fn markdown(w: &Workshop) -> String {
    to_markdown::render(&blocks(w))
}

/// The report as an HTML fragment: one `<article class="report">` whose title is a heading
/// of `level` (1 in the file, 2 inside the app's page) and whose sections are one level below.
/// No scripts, no `style` attributes, no external references; all user text escaped.
pub fn article(w: &Workshop, level: u8) -> String {
    to_html::render(&blocks(w), level)
}

/// The style of the HTML file: readable on screen, A4 and black on white in print.
pub const STYLE: &str = include_str!("report.css");

/// The whole workshop as one self-contained HTML file: the [`article`] with an inline
/// `<style>`; no scripts and nothing loaded from anywhere.
pub fn html(w: &Workshop) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        escape(&title(w)),
        article(w, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::blocks::markdown::nested;

    #[test]
    fn nested_markdown_moves_headings_down_from_the_first_section() {
        let md = "# Title\n\nDate: x\n\n## One\n\ntext \\# not\n\n### Two\n";
        assert_eq!(nested(md), "### One\n\ntext \\# not\n\n#### Two\n");
        assert_eq!(nested("# Only a title\n"), "");
    }

    #[test]
    fn inlined_svg_loses_its_prolog_and_metadata_and_prefixes_ids() {
        let svg = "<?xml version=\"1.0\"?>\n<svg aria-labelledby=\"t\"><title id=\"t\">a url(#b)</title>\n<metadata><x>{}</x></metadata>\n<path marker-end=\"url(#arrow)\"/></svg>\n";
        assert_eq!(
            inline_svg(svg, "p"),
            "<svg aria-labelledby=\"p-t\"><title id=\"p-t\">a url(#b)</title>\n<path marker-end=\"url(#p-arrow)\"/></svg>"
        );
    }
}
