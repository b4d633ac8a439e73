//! The whole workshop as one report: details, roster, the boundary critique, every concept map
//! and rich picture, the scores of every round, and the notes. As Markdown (for a wiki or an
//! e-mail) and as one self-contained HTML file (inline style, no scripts, nothing fetched),
//! whose figures are the same SVG the other exports write.
//!
//! The sections reuse the other exports rather than repeating them: the critique's Markdown
//! from [`super::boundary`], the scoring summary from [`super::scoring`], Mermaid from
//! [`super::map::mermaid`], and the SVG of maps, pictures and charts. User text is escaped by
//! the one escaper of each language: [`super::boundary::escape_markdown`] (through `inline`
//! and `quote`) for Markdown and [`super::xml::escape`] for HTML.

use std::fmt::Write;

use super::boundary::{self, inline, quote};
use super::by_group;
use super::map::{label_with_sign, mermaid::mermaid, svg::svg as map_svg};
use super::picture::svg as picture_svg;
use super::scoring::{comments, ranked, summary_markdown};
use super::scoring_svg::Chart;
use super::xml::escape;
use crate::analysis::findings::findings;
use crate::analysis::stats;
use crate::content::csh::{self, Mode};
use crate::model::boundary::{Level, ReflectionPart, Role};
use crate::model::map::{ConceptMap, Direction};
use crate::model::picture::{Item, Picture};
use crate::model::{Involvement, Workshop};

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

/// One line of the date and the facilitator, unescaped, or empty.
fn facts(w: &Workshop) -> Vec<(&'static str, &str)> {
    let mut out = Vec::new();
    for (label, value) in [
        ("Date", &w.date),
        ("Facilitator", &w.facilitator),
        ("Purpose", &w.purpose),
    ] {
        if !value.trim().is_empty() {
            out.push((label, value.as_str()));
        }
    }
    out
}

/// Markdown made for a document of its own, moved one heading level down, starting at its
/// first second-level heading (what comes before repeats the report's own header).
/// Only real headings start with `#`: user text in those exports is escaped or quoted.
fn nested(md: &str) -> String {
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

fn direction_arrow(d: Direction) -> &'static str {
    match d {
        Direction::Forward => "\u{2192}",
        Direction::Both => "\u{2194}",
        Direction::None => "\u{2014}",
    }
}

fn node_label(map: &ConceptMap, id: crate::model::map::NodeId) -> String {
    map.node(id)
        .map(|n| n.label.clone())
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "(no label)".into())
}

fn stakeholder_name(w: &Workshop, id: &str) -> Option<String> {
    w.roster.iter().find(|s| s.id == id).map(|s| s.name.clone())
}

fn no_label(text: &str, fallback: &str) -> String {
    if text.trim().is_empty() {
        fallback.to_string()
    } else {
        text.to_string()
    }
}

/// The whole workshop as Markdown: one `##` heading per [`SECTIONS`] entry.
pub fn markdown(w: &Workshop) -> String {
    let mut md = format!("# {}\n\n", inline(&title(w)));
    for (label, value) in facts(w) {
        let _ = write!(md, "{label}: {}\n\n", inline(value));
    }

    md.push_str("## What we found\n\n");
    let found = findings(w);
    if found.is_empty() {
        md.push_str(
            "Nothing found yet: no tensions marked, no results revealed, no reflection.\n\n",
        );
    } else {
        for f in &found {
            let _ = writeln!(md, "- **{}:** {}", inline(&f.label), inline(&f.text));
        }
        md.push('\n');
    }

    md.push_str("## Roster\n\n");
    if w.roster.is_empty() {
        md.push_str("Nobody is on the roster yet.\n\n");
    }
    for inv in Involvement::ALL {
        let people: Vec<_> = w.roster.iter().filter(|s| s.involvement == inv).collect();
        if people.is_empty() {
            continue;
        }
        let _ = write!(md, "### {}\n\n", inv.label());
        for s in people {
            let name = inline(&no_label(&s.name, "(no name)"));
            if s.group.trim().is_empty() {
                let _ = writeln!(md, "- {name}");
            } else {
                let _ = writeln!(md, "- {name} ({})", inline(&s.group));
            }
        }
        md.push('\n');
    }

    md.push_str("## Boundary critique\n\n");
    md.push_str(&nested(&boundary::markdown(w)));

    md.push_str("## Concept maps\n\n");
    if w.maps.is_empty() {
        md.push_str("No concept maps yet.\n\n");
    }
    for map in &w.maps {
        let _ = write!(md, "### Map: {}\n\n", inline(map.display_title()));
        if !map.focus_question.trim().is_empty() {
            let _ = write!(md, "Focus question: {}\n\n", inline(&map.focus_question));
        }
        let _ = write!(
            md,
            "{} concepts, {} links.\n\n",
            map.nodes.len(),
            map.links.len()
        );
        if !map.nodes.is_empty() {
            md.push_str("Concepts:\n\n");
            for n in &map.nodes {
                let label = inline(&no_label(&n.label, "(no label)"));
                match n.kind.and_then(|k| map.kind(k)) {
                    Some(k) if !k.name.trim().is_empty() => {
                        let _ = write!(md, "- {label} ({})", inline(&k.name));
                    }
                    _ => {
                        let _ = write!(md, "- {label}");
                    }
                }
                // The node's notes, on one line after it (a list item holds no block).
                if !n.notes.trim().is_empty() {
                    let _ = write!(md, ": {}", inline(&n.notes));
                }
                md.push('\n');
            }
            md.push('\n');
        }
        if !map.links.is_empty() {
            md.push_str("Links:\n\n");
            for l in &map.links {
                let _ = write!(
                    md,
                    "- {} {} {}",
                    inline(&node_label(map, l.from)),
                    direction_arrow(l.direction),
                    inline(&node_label(map, l.to))
                );
                let label = label_with_sign(l);
                if !label.trim().is_empty() {
                    let _ = write!(md, ": {}", inline(&label));
                }
                md.push('\n');
            }
            md.push('\n');
        }
        if !map.nodes.is_empty() {
            // Mermaid writes every special character as an entity, backticks included, so a
            // label can never close the fence.
            let _ = write!(md, "```mermaid\n{}```\n\n", mermaid(map));
        }
    }

    md.push_str("## Rich pictures\n\n");
    if w.pictures.is_empty() {
        md.push_str("No rich pictures yet.\n\n");
    }
    for p in &w.pictures {
        let _ = write!(md, "### Picture: {}\n\n", inline(p.display_title()));
        let (stickers, texts) = picture_parts(p);
        if stickers.is_empty() && texts.is_empty() {
            md.push_str("No stickers or text on this picture.\n\n");
        }
        if !stickers.is_empty() {
            md.push_str("Stickers:\n\n");
            for s in stickers {
                let _ = write!(md, "- {}", s.icon.name());
                if !s.caption.trim().is_empty() {
                    let _ = write!(md, ": {}", inline(&s.caption));
                }
                if let Some(name) = s
                    .stakeholder
                    .as_deref()
                    .and_then(|id| stakeholder_name(w, id))
                {
                    let _ = write!(md, " (stands for {})", inline(&name));
                }
                md.push('\n');
            }
            md.push('\n');
        }
        if !texts.is_empty() {
            md.push_str("Text:\n\n");
            for t in texts {
                let _ = writeln!(md, "- {}", inline(t));
            }
            md.push('\n');
        }
        md.push_str(&missing_line(w, p, inline));
        md.push_str("\n\n");
    }

    md.push_str("## Scoring\n\n");
    if w.scoring.rounds.is_empty() {
        md.push_str("Nothing has been scored yet.\n\n");
    } else {
        let s = &w.scoring;
        let _ = write!(
            md,
            "Framework: {}. Scale {} to {}.\n\n",
            inline(&s.framework.name),
            s.scale.min,
            s.scale.max
        );
        let _ = write!(md, "{}\n\n", stats::RULE);
        md.push_str(&nested(&summary_markdown(s, w.display_title())));
        for r in &s.rounds {
            let tables = by_group::markdown(s, r, &w.roster);
            if !tables.is_empty() {
                let _ = write!(
                    md,
                    "### {}: scores by perspective\n\n",
                    inline(&no_label(&r.name, "Unnamed round"))
                );
                md.push_str(&tables);
            }
        }
    }

    md.push_str("## Notes\n\n");
    if w.notes.trim().is_empty() {
        md.push_str("No notes.\n");
    } else {
        md.push_str(&quote(&w.notes));
    }

    md.push_str("\n## Closing reflection\n\n");
    let reflection = &w.boundary.reflection;
    if reflection.is_empty() {
        md.push_str("No closing reflection yet.\n");
    } else {
        for (part, (label, _)) in ReflectionPart::ALL.iter().zip(csh::REFLECTION) {
            let text = reflection.get(*part);
            if !text.trim().is_empty() {
                let _ = write!(md, "### {label}\n\n{}\n", quote(text));
            }
        }
    }
    md
}

/// A picture's stickers and its texts (non-empty), in drawing order.
fn picture_parts(p: &Picture) -> (Vec<&crate::model::picture::Sticker>, Vec<&str>) {
    let mut stickers = Vec::new();
    let mut texts = Vec::new();
    for item in &p.items {
        match item {
            Item::Sticker(s) => stickers.push(s),
            Item::Text(t) if !t.text.trim().is_empty() => texts.push(t.text.as_str()),
            _ => {}
        }
    }
    (stickers, texts)
}

/// Who on the roster no sticker stands for, with names escaped by `esc`.
fn missing_line(w: &Workshop, p: &Picture, esc: fn(&str) -> String) -> String {
    if w.roster.is_empty() {
        return "The roster is empty, so nobody can be missing.".into();
    }
    let missing = p.missing(&w.roster);
    if missing.is_empty() {
        "Everyone on the roster has a sticker.".into()
    } else {
        let names: Vec<String> = missing
            .iter()
            .map(|s| esc(&no_label(&s.name, "(no name)")))
            .collect();
        format!("Not on this picture: {}.", names.join(", "))
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

fn heading(out: &mut String, level: u8, id: Option<&str>, text: &str) {
    let level = level.min(6);
    match id {
        Some(id) => {
            let _ = writeln!(out, "<h{level} id=\"{id}\">{}</h{level}>", escape(text));
        }
        None => {
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
    }
}

fn para(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p>{}</p>", escape(text));
}

/// A `<figure>` with an SVG and its caption.
fn figure(out: &mut String, svg: &str, prefix: &str, caption: &str) {
    let _ = writeln!(
        out,
        "<figure class=\"report-figure\">\n{}\n<figcaption>{}</figcaption>\n</figure>",
        inline_svg(svg, prefix),
        escape(caption)
    );
}

/// The report as an HTML fragment: one `<article class="report">` whose title is a heading
/// of `level` (1 in the file, 2 inside the app's page) and whose sections are one level below.
/// No scripts, no `style` attributes, no external references; all user text escaped.
pub fn article(w: &Workshop, level: u8) -> String {
    let h1 = level;
    let h2 = level + 1;
    let h3 = level + 2;
    let mut out = String::from("<article class=\"report\">\n<header class=\"report-head\">\n");
    heading(&mut out, h1, None, &title(w));
    let f = facts(w);
    if !f.is_empty() {
        out.push_str("<dl class=\"report-facts\">\n");
        for (label, value) in f {
            let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", escape(value));
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</header>\n");

    // What we found
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-findings\">\n");
    heading(&mut out, h2, Some("report-findings"), "What we found");
    let found = findings(w);
    if found.is_empty() {
        para(
            &mut out,
            "Nothing found yet: no tensions marked, no results revealed, no reflection.",
        );
    } else {
        out.push_str("<ul class=\"report-findings\">\n");
        for f in &found {
            let _ = writeln!(
                out,
                "<li><strong>{}:</strong> <span class=\"report-text\">{}</span></li>",
                escape(&f.label),
                escape(&f.text)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    // Roster
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-roster\">\n");
    heading(&mut out, h2, Some("report-roster"), "Roster");
    if w.roster.is_empty() {
        para(&mut out, "Nobody is on the roster yet.");
    } else {
        out.push_str("<table>\n<thead><tr><th scope=\"col\">Name or role</th><th scope=\"col\">Group</th><th scope=\"col\">Involvement</th></tr></thead>\n<tbody>\n");
        for inv in Involvement::ALL {
            for s in w.roster.iter().filter(|s| s.involvement == inv) {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(&no_label(&s.name, "(no name)")),
                    escape(&s.group),
                    inv.label()
                );
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");

    // Boundary critique
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-boundary\">\n");
    heading(&mut out, h2, Some("report-boundary"), "Boundary critique");
    boundary_html(&mut out, w, h3);
    out.push_str("</section>\n");

    // Concept maps
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-maps\">\n");
    heading(&mut out, h2, Some("report-maps"), "Concept maps");
    if w.maps.is_empty() {
        para(&mut out, "No concept maps yet.");
    }
    for (i, map) in w.maps.iter().enumerate() {
        heading(&mut out, h3, None, &format!("Map: {}", map.display_title()));
        if !map.focus_question.trim().is_empty() {
            para(&mut out, &format!("Focus question: {}", map.focus_question));
        }
        figure(
            &mut out,
            &map_svg(map),
            &format!("report-map-{}", i + 1),
            &format!(
                "{}: {} concepts, {} links",
                map.display_title(),
                map.nodes.len(),
                map.links.len()
            ),
        );
        let noted: Vec<_> = map
            .nodes
            .iter()
            .filter(|n| !n.notes.trim().is_empty())
            .collect();
        if !noted.is_empty() {
            // What the group wrote about its concepts, line breaks kept.
            out.push_str("<div class=\"report-notes\">\n<p>Notes on concepts:</p>\n<dl>\n");
            for n in noted {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape(&no_label(&n.label, "(no label)")),
                    escape(&n.notes.trim().replace("\r\n", "\n")).replace("&#10;", "<br>")
                );
            }
            out.push_str("</dl>\n</div>\n");
        }
        if !map.links.is_empty() {
            out.push_str(
                "<details class=\"report-list\"><summary>Links as a list</summary>\n<ul>\n",
            );
            for l in &map.links {
                let label = label_with_sign(l);
                let _ = write!(
                    out,
                    "<li>{} {} {}",
                    escape(&node_label(map, l.from)),
                    direction_arrow(l.direction),
                    escape(&node_label(map, l.to))
                );
                if !label.trim().is_empty() {
                    let _ = write!(out, ": {}", escape(&label));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n</details>\n");
        }
    }
    out.push_str("</section>\n");

    // Rich pictures
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-pictures\">\n");
    heading(&mut out, h2, Some("report-pictures"), "Rich pictures");
    if w.pictures.is_empty() {
        para(&mut out, "No rich pictures yet.");
    }
    for (i, p) in w.pictures.iter().enumerate() {
        heading(
            &mut out,
            h3,
            None,
            &format!("Picture: {}", p.display_title()),
        );
        figure(
            &mut out,
            &picture_svg(p),
            &format!("report-picture-{}", i + 1),
            p.display_title(),
        );
        let (stickers, texts) = picture_parts(p);
        if !stickers.is_empty() {
            out.push_str("<p class=\"report-label\">Stickers</p>\n<ul>\n");
            for s in stickers {
                let _ = write!(out, "<li>{}", s.icon.name());
                if !s.caption.trim().is_empty() {
                    let _ = write!(out, ": {}", escape(&s.caption));
                }
                if let Some(name) = s
                    .stakeholder
                    .as_deref()
                    .and_then(|id| stakeholder_name(w, id))
                {
                    let _ = write!(out, " (stands for {})", escape(&name));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        if !texts.is_empty() {
            out.push_str("<p class=\"report-label\">Text</p>\n<ul>\n");
            for t in texts {
                let _ = writeln!(out, "<li class=\"report-text\">{}</li>", escape(t));
            }
            out.push_str("</ul>\n");
        }
        para_raw(&mut out, &missing_line(w, p, escape));
    }
    out.push_str("</section>\n");

    // Scoring
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-scoring\">\n");
    heading(&mut out, h2, Some("report-scoring"), "Scoring");
    scoring_html(&mut out, w, h3);
    out.push_str("</section>\n");

    // Notes
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-notes\">\n");
    heading(&mut out, h2, Some("report-notes"), "Notes");
    if w.notes.trim().is_empty() {
        para(&mut out, "No notes.");
    } else {
        let _ = writeln!(
            out,
            "<p class=\"report-notes\">{}</p>",
            escape(w.notes.trim_end())
        );
    }
    out.push_str("</section>\n");

    // Closing reflection
    out.push_str("<section class=\"report-part\" aria-labelledby=\"report-reflection\">\n");
    heading(
        &mut out,
        h2,
        Some("report-reflection"),
        "Closing reflection",
    );
    let reflection = &w.boundary.reflection;
    if reflection.is_empty() {
        para(&mut out, "No closing reflection yet.");
    } else {
        for (part, (label, _)) in ReflectionPart::ALL.iter().zip(csh::REFLECTION) {
            let text = reflection.get(*part);
            if !text.trim().is_empty() {
                heading(&mut out, h3, None, label);
                let _ = writeln!(
                    out,
                    "<p class=\"report-notes\">{}</p>",
                    escape(text.trim_end())
                );
            }
        }
    }
    out.push_str("</section>\n</article>\n");
    out
}

/// A paragraph of markup already escaped.
fn para_raw(out: &mut String, html: &str) {
    let _ = writeln!(out, "<p>{html}</p>");
}

fn boundary_html(out: &mut String, w: &Workshop, h3: u8) {
    let b = &w.boundary;
    heading(out, h3, None, "Tensions, strongest first");
    let tensions = b.tension_summary();
    if tensions.is_empty() {
        para(out, "No tensions marked yet.");
    } else {
        out.push_str("<ol>\n");
        for t in tensions {
            let name = csh::category(t.question).map_or("", |c| c.name);
            let who = b.tension_between(t, str::to_string);
            let level = if t.level == Level::Strong {
                "Strong"
            } else {
                "Some"
            };
            let _ = write!(
                out,
                "<li><strong>{level}</strong>: question {}, {name}: {}",
                t.question,
                escape(&who)
            );
            if !t.note.trim().is_empty() {
                let _ = write!(out, ". {}", escape(&t.note));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }

    heading(out, h3, None, "Questions nobody has answered yet");
    let open = b.unanswered();
    if open.is_empty() {
        para(out, "Every question has at least one answer.");
    } else {
        out.push_str("<ul>\n");
        for q in open {
            let name = csh::category(q).map_or("", |c| c.name);
            let _ = writeln!(out, "<li>Question {q}: {name}</li>");
        }
        out.push_str("</ul>\n");
    }

    heading(out, h3, None, "Affected groups no perspective speaks for");
    let missing = b.unrepresented(&w.roster);
    if !w
        .roster
        .iter()
        .any(|s| s.involvement == Involvement::Affected)
    {
        para(out, "The roster marks nobody as affected but not involved.");
    } else if missing.is_empty() {
        para(
            out,
            "None: every affected group on the roster has a perspective.",
        );
    } else {
        out.push_str("<ul>\n");
        for s in missing {
            let _ = writeln!(out, "<li>{}</li>", escape(&s.name));
        }
        out.push_str("</ul>\n");
    }

    if !b.roles.is_empty() {
        heading(out, h3, None, "Roles: who holds them, and who should");
        out.push_str("<ul>\n");
        for role in Role::ALL {
            let names = |is| {
                let list: Vec<String> = b
                    .holders(role, is, &w.roster)
                    .iter()
                    .map(|s| escape(&s.name))
                    .collect();
                if list.is_empty() {
                    "nobody marked".to_string()
                } else {
                    list.join(", ")
                }
            };
            let _ = writeln!(
                out,
                "<li>{} (question {}): now {}; should be {}</li>",
                role.label(),
                role.question(),
                names(true),
                names(false)
            );
        }
        out.push_str("</ul>\n");
    }

    if !b.challenges.is_empty() {
        heading(out, h3, None, "Challenges and replies");
        out.push_str("<ol>\n");
        for ch in &b.challenges {
            let name = csh::category(ch.question).map_or("", |c| c.name);
            let reply = if ch.reply.trim().is_empty() {
                "<em>No reply yet.</em>".to_string()
            } else {
                format!("Reply: {}", escape(&ch.reply))
            };
            let _ = writeln!(
                out,
                "<li>Question {}, {name}: {} {reply}</li>",
                ch.question,
                escape(&ch.challenge)
            );
        }
        out.push_str("</ol>\n");
    }

    if !b.margins.is_empty() {
        super::margins::html(out, w, h3);
    }

    if b.perspectives.is_empty() {
        para(out, "No perspectives yet, so nothing has been answered.");
        return;
    }
    for p in &b.perspectives {
        heading(out, h3, None, &format!("Perspective: {}", b.name_of(&p.id)));
        let _ = writeln!(out, "<p>{} of 24 answered.</p>", b.progress(&p.id));
        out.push_str("<table class=\"report-critique\">\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Is</th><th scope=\"col\">Ought</th></tr></thead>\n<tbody>\n");
        for c in csh::CATEGORIES.iter() {
            let answer = p.answers.get(&c.number);
            let cell = |mode: Mode| {
                let text = answer.map_or("", |a| match mode {
                    Mode::Is => a.is.as_str(),
                    Mode::Ought => a.ought.as_str(),
                });
                if text.trim().is_empty() {
                    "<span class=\"report-empty\">Not answered</span>".to_string()
                } else {
                    escape(text.trim_end())
                }
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}. {}</th><td>{}</td><td>{}</td></tr>",
                c.number,
                c.name,
                cell(Mode::Is),
                cell(Mode::Ought)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}

fn scoring_html(out: &mut String, w: &Workshop, h3: u8) {
    let s = &w.scoring;
    if s.rounds.is_empty() {
        para(out, "Nothing has been scored yet.");
        return;
    }
    para(
        out,
        &format!(
            "Framework: {}. Scale {} to {}.",
            s.framework.name, s.scale.min, s.scale.max
        ),
    );
    para(out, stats::RULE);
    let f = |x: Option<f64>| {
        x.map(|v| format!("{v:.1}"))
            .unwrap_or_else(|| "\u{2014}".into())
    };
    for (i, r) in s.rounds.iter().enumerate() {
        let round = no_label(&r.name, "Unnamed round");
        heading(out, h3, None, &round);
        out.push_str("<table class=\"report-scores\">\n<thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Element</th><th scope=\"col\">n</th><th scope=\"col\">Mean</th><th scope=\"col\">Median</th><th scope=\"col\">SD</th><th scope=\"col\">IQR</th><th scope=\"col\">Don\u{2019}t know</th><th scope=\"col\">Disagreement</th></tr></thead>\n<tbody>\n");
        let mut rows = ranked(s, r);
        rows.sort_by_key(|(.., rank)| *rank);
        for (name, _, m, rank) in rows {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                if m.n > 0 {
                    rank.to_string()
                } else {
                    "\u{2014}".into()
                },
                escape(&name),
                m.n,
                f(m.mean),
                f(m.median),
                f(m.sd),
                f(m.iqr()),
                m.dont_know,
                m.disagreement.map_or("", |d| d.label())
            );
        }
        out.push_str("</tbody>\n</table>\n");
        comments_html(out, s, r, h3 + 1);
        by_group::html(out, s, r, &w.roster, h3 + 1);
        let results = s.results(r);
        for chart in [Chart::Picture, Chart::Radar, Chart::Distribution] {
            let svg = chart.render(&results, s.scale.range(), &s.framework.based_on, &round);
            let caption = match chart {
                Chart::Picture => "Mean score of each element; dashed borders mark disagreement",
                Chart::Radar => "Mean and interquartile range of each element",
                Chart::Distribution => "How many chose each level, element by element",
            };
            figure(
                out,
                &svg,
                &format!("report-round-{}-{}", i + 1, chart.key()),
                &format!("{round}: {caption}"),
            );
        }
    }
}

/// A round's comments, element by element: who said it (or anonymous) and what, escaped, line
/// breaks kept. Nothing when nobody commented.
fn comments_html(
    out: &mut String,
    s: &crate::model::scoring::Scoring,
    r: &crate::model::scoring::Round,
    level: u8,
) {
    let by_element = comments(s, r);
    if by_element.is_empty() {
        return;
    }
    out.push_str("<section class=\"report-comments\">\n");
    heading(out, level, None, "Comments");
    for ec in by_element {
        heading(
            out,
            level + 1,
            None,
            &no_label(&ec.element.name, "Unnamed element"),
        );
        out.push_str("<ul>\n");
        for c in &ec.comments {
            let text =
                escape(&c.text.replace("\r\n", "\n").replace('\r', "\n")).replace("&#10;", "<br>");
            let _ = writeln!(
                out,
                "<li><strong>{}:</strong> {text}</li>",
                escape(c.said_by())
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The style of the HTML file: readable on screen, A4 and black on white in print.
pub const STYLE: &str = "\
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #111; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
.report { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid #111; padding-bottom: 0.2rem; }
h3 { font-size: 1.15rem; margin: 1.4rem 0 0.4rem; }
.report-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
.report-facts dt { font-weight: 600; }
.report-facts dd { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #777; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
thead th { background: #eee; }
.report-scores td:not(:nth-child(2)) { white-space: nowrap; overflow-wrap: normal; }
.report-empty { color: #555; font-style: italic; }
.report-figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
.report-figure svg { display: block; max-width: 100%; height: auto; border: 1px solid #ccc; background: #fff; }
figcaption { font-size: 0.9rem; color: #333; margin-top: 0.3rem; }
.report-label { font-weight: 600; margin-bottom: 0.2rem; }
.report-text, .report-notes { white-space: pre-wrap; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 11pt; color: #000; background: #fff; }
  .report { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, figure, .report-figure { break-inside: avoid; page-break-inside: avoid; }
  .report-figure svg { max-height: 240mm; width: auto; border: none; }
  thead th { background: none; }
  details > summary { display: none; }
}
";

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
