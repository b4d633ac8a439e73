//! Midgley's boundary analysis as Markdown and as HTML (for the boundary critique's Markdown and
//! the report): the two boundaries, what sits in each zone (marginal elements with their
//! sacred / profane mark), and what holds the boundaries in place. User text goes through
//! [`super::blocks::markdown::inline`] / [`super::blocks::markdown::quote`], or the HTML renderer of
//! [`super::blocks`].

use std::fmt::Write;

use super::blocks::markdown::{inline, quote};
use super::blocks::{Block, Cell, Span};
use crate::content::margins::CITE;
use crate::model::Workshop;
use crate::model::boundary::{Margins, Placed, Zone};

/// The section's heading.
pub const HEADING: &str = "Boundary analysis: the marginal zone";

/// How one element is listed (plain text): its name, "issue" for an issue, and its mark.
fn item(m: &Margins, p: &Placed, w: &Workshop) -> (String, String) {
    let mut tags = Vec::new();
    if p.is_issue() {
        tags.push("issue");
    }
    if let Some(mark) = p.shown_mark() {
        tags.push(mark.key());
    }
    (m.name_of(p, &w.roster), tags.join(", "))
}

/// The analysis as Markdown, under a `##` heading; empty when there is no analysis.
pub fn markdown(w: &Workshop) -> String {
    let m = &w.boundary.margins;
    if m.is_empty() {
        return String::new();
    }
    let mut md = format!("## {HEADING}\n\n{CITE}\n\n");
    for (label, text) in [
        ("Primary boundary", &m.primary),
        ("Secondary boundary", &m.secondary),
    ] {
        if !text.trim().is_empty() {
            let _ = write!(md, "{label}: {}\n\n", inline(text));
        }
    }
    for zone in Zone::ALL {
        let items: Vec<_> = m.in_zone(zone).collect();
        let _ = write!(md, "**{}:**", zone.label());
        if items.is_empty() {
            md.push_str(" nothing placed.\n\n");
            continue;
        }
        md.push_str("\n\n");
        for p in items {
            let (name, tags) = item(m, p, w);
            if tags.is_empty() {
                let _ = writeln!(md, "- {}", inline(&name));
            } else {
                let _ = writeln!(md, "- {} ({tags})", inline(&name));
            }
        }
        md.push('\n');
    }
    if !m.holds.trim().is_empty() {
        let _ = write!(
            md,
            "**What holds the boundaries in place:**\n\n{}\n",
            quote(&m.holds)
        );
    }
    md
}

/// The analysis as blocks under a heading of `depth`; a sentence when there is none.
pub fn blocks(w: &Workshop, depth: u8) -> Vec<Block> {
    let m = &w.boundary.margins;
    let mut out = vec![Block::heading(depth, HEADING)];
    if m.is_empty() {
        out.push(Block::plain("No boundary analysis yet."));
        return out;
    }
    out.push(Block::plain(CITE));
    for (label, text) in [
        ("Primary boundary", &m.primary),
        ("Secondary boundary", &m.secondary),
    ] {
        if !text.trim().is_empty() {
            out.push(Block::Paragraph {
                class: None,
                spans: vec![
                    Span::Strong(format!("{label}:")),
                    Span::Plain(" ".into()),
                    Span::Text(text.clone()),
                ],
            });
        }
    }
    let zones = Zone::ALL
        .iter()
        .map(|&zone| {
            let items: Vec<Vec<Span>> = m
                .in_zone(zone)
                .map(|p| {
                    let (name, tags) = item(m, p, w);
                    let mut spans = vec![Span::Text(name)];
                    if !tags.is_empty() {
                        spans
                            .extend([Span::Plain(" ".into()), Span::Emphasis(format!("({tags})"))]);
                    }
                    spans
                })
                .collect();
            if items.is_empty() {
                Cell::Missing("Nothing placed")
            } else {
                Cell::List(items)
            }
        })
        .collect();
    out.push(Block::Table {
        class: Some("report-margins"),
        head: Zone::ALL.iter().map(|z| z.label().to_string()).collect(),
        row_heads: false,
        rows: vec![zones],
    });
    if !m.holds.trim().is_empty() {
        out.push(Block::Paragraph {
            class: None,
            spans: vec![Span::Strong("What holds the boundaries in place:".into())],
        });
        out.push(Block::Quote(m.holds.clone()));
    }
    out
}

/// The analysis as HTML under a heading of `level`; a sentence when there is none.
pub fn html(out: &mut String, w: &Workshop, level: u8) {
    out.push_str(&super::blocks::html::render(&blocks(w, 0), level));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundary::Mark;

    fn workshop() -> Workshop {
        let mut w = Workshop::new("w".into(), "Margins", 0.0);
        let b = &mut w.boundary.margins;
        b.primary = "The <pilot>".into();
        b.add_issue("i1".into(), "# Bus fares", Zone::Marginal);
        b.set_mark("i1", Some(Mark::Profane));
        b.add_issue("i2".into(), "Referral counts", Zone::Inside);
        b.holds = "The funder's *form*\nand the monthly meeting".into();
        w
    }

    #[test]
    fn markdown_lists_each_zone_with_marks_and_escapes_user_text() {
        let md = markdown(&workshop());
        assert!(md.starts_with("## Boundary analysis"));
        assert!(md.contains("Primary boundary: The \\<pilot\\>"));
        assert!(md.contains("- \\# Bus fares (issue, profane)"));
        assert!(md.contains("**Outside the secondary boundary:** nothing placed."));
        assert!(md.contains("> The funder's \\*form\\*\\\n> and the monthly meeting"));
        assert_eq!(markdown(&Workshop::new("e".into(), "", 0.0)), "");
    }

    #[test]
    fn html_escapes_and_says_when_there_is_nothing() {
        let mut out = String::new();
        html(&mut out, &workshop(), 3);
        assert!(out.contains("The &lt;pilot&gt;"));
        assert!(out.contains("<li># Bus fares <em>(issue, profane)</em></li>"));
        assert!(!out.contains("<pilot>"));
        let mut none = String::new();
        html(&mut none, &Workshop::new("e".into(), "", 0.0), 3);
        assert!(none.contains("No boundary analysis yet."));
    }
}
