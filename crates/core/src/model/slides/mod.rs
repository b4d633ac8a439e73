//! Slides: the presented steps ([`agenda::shown`]) cut into slides that fit the screen.
//!
//! A step whose content is taller than the slide (a question with many perspectives' answers
//! and tension notes, a long summary, a long roster) continues on the next slide ("Question 3:
//! … (continued, 2 of 2)"). The cut falls between blocks (a row of answer cards, a tension, a
//! finding, a roster row), never inside one; a single block taller than a slide gets a slide of
//! its own and the "more below" cue. Heights are estimated here from the text and the slide's
//! size in CSS pixels, with the same measures `style/present.css` gives the present classes, and
//! on the wide side (DejaVu Sans's widths, the widest common sans), so a slide that is estimated
//! to fit does; the browser suite confirms it.

use std::ops::Range;

use super::Workshop;
use super::agenda::{self, Entry, Step};
use crate::analysis::findings;
use crate::content::csh::{self, Mode};
use crate::model::Involvement;
use crate::model::boundary::{Level, Stance};

mod measure;

use measure::Measure;
pub use measure::paginate;

/// The slide's room: the step region's inner size, the body text size and line height, and
/// the root size (`rem`), all in CSS pixels as the browser measured them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub font: f64,
    pub line: f64,
    pub rem: f64,
}

/// Which part of its step a slide shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// All of it (steps that are never cut, or one that fits).
    Whole,
    /// A question: the questions' text on the first slide only, then perspectives' cards (by
    /// index in `boundary.perspectives`, `cols` to a row) and the tensions (by index in
    /// [`question_tensions`]).
    Question {
        head: bool,
        cards: Range<usize>,
        cols: usize,
        tensions: Range<usize>,
    },
    /// The roster: the involved and the affected shown on this slide (indices into each list).
    Roster {
        involved: Range<usize>,
        affected: Range<usize>,
        /// The two lists side by side (else one under the other), as the cut assumed.
        side_by_side: bool,
    },
    /// The summary: findings (indices into [`findings::findings`]) and the lines of the notes
    /// (indices into [`note_lines`]) on this slide; the notes' heading goes with their first line.
    Summary {
        findings: Range<usize>,
        notes: Range<usize>,
    },
}

/// One slide: its step, which part of how many, and what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slide {
    pub entry: Entry,
    /// 0 for the first slide of a step.
    pub part: usize,
    pub parts: usize,
    pub page: Page,
}

impl Slide {
    /// The slide's part of the address: the step's slug, then `~2`, `~3` for continuations.
    pub fn slug(&self) -> String {
        slug(&self.entry.step, self.part)
    }

    /// The slide's heading: the step's title, and "(continued, 2 of 3)" on a continuation
    /// ("(1 of 3)" on the first slide of a step that continues).
    pub fn title(&self, w: &Workshop) -> String {
        format!("{}{}", self.entry.step.title(w), self.suffix())
    }

    /// What the heading adds to the step's title for a step cut into parts.
    pub fn suffix(&self) -> String {
        match (self.part, self.parts) {
            (_, 0 | 1) => String::new(),
            (0, n) => format!(" (1 of {n})"),
            (k, n) => format!(" (continued, {} of {n})", k + 1),
        }
    }
}

/// A slide's slug from its step and part (0-based).
pub fn slug(step: &Step, part: usize) -> String {
    if part == 0 {
        step.slug()
    } else {
        format!("{}~{}", step.slug(), part + 1)
    }
}

/// The presented steps as slides for a slide of `frame`; `None` (not measured yet) gives one
/// slide per step.
pub fn slides(w: &Workshop, frame: Option<Frame>) -> Vec<Slide> {
    agenda::shown(w)
        .into_iter()
        .flat_map(|entry| {
            let pages = frame
                .map(|f| pages(w, &entry.step, f))
                .unwrap_or_else(|| vec![Page::Whole]);
            let parts = pages.len();
            pages
                .into_iter()
                .enumerate()
                .map(move |(part, page)| Slide {
                    entry: entry.clone(),
                    part,
                    parts,
                    page,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Where the slide a slug names is in `slides`: the slide itself, else (a slide that went
/// when the screen grew) the last slide of its step, else none.
pub fn find(slides: &[Slide], slug: &str) -> Option<usize> {
    if let Some(i) = slides.iter().position(|s| s.slug() == slug) {
        return Some(i);
    }
    let base = slug.rsplit_once('~').map_or(slug, |(b, _)| b);
    slides.iter().rposition(|s| s.entry.step.slug() == base)
}

/// The tensions a question's slide lists, in order: (strong?, "between whom", note).
pub fn question_tensions(w: &Workshop, number: u8) -> Vec<(bool, String, String)> {
    w.boundary
        .tensions
        .iter()
        .filter(|t| t.question == number && t.level > Level::None)
        .map(|t| {
            (
                t.level == Level::Strong,
                w.boundary.tension_between(t, str::to_string),
                t.note.trim().to_string(),
            )
        })
        .collect()
}

/// How a perspective is named on a question's card.
pub fn card_name(w: &Workshop, pid: &str) -> String {
    let name = w
        .boundary
        .perspective(pid)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    match w.boundary.stance(pid, &w.roster) {
        Stance::Involved => format!("{name} (involved)"),
        Stance::Affected => format!("{name} (affected)"),
        Stance::Unclear => name,
    }
}

/// The widest a card may be drawn narrower than, in `em` of the body text.
const CARD_MIN_EM: f64 = 16.0;
/// The most cards to a row.
const MAX_COLS: usize = 3;

/// The number of answer cards to a row on a slide of `width`.
pub fn card_columns(f: Frame) -> usize {
    let gap = f.rem;
    let fit = ((f.width + gap) / (CARD_MIN_EM * f.font + gap)).floor();
    (fit as usize).clamp(1, MAX_COLS)
}

/// Whether the roster's two columns sit side by side (`.present-columns` at 60rem and more).
fn roster_side_by_side(f: Frame) -> bool {
    f.width > 60.0 * f.rem
}

/// How the step is cut for `f`: one page when it fits or is never cut.
pub fn pages(w: &Workshop, step: &Step, f: Frame) -> Vec<Page> {
    let m = Measure(f);
    // What every slide of the step spends on its heading (sized for the longest suffix) and
    // the region's own padding (0.2rem + 0.6rem), with a margin for what the estimate misses.
    let title = format!("{} (continued, 99 of 99)", step.title(w));
    let heading = m.lines(&title, f.width, 1.75 * f.font, true) as f64 * 1.75 * f.font * 1.15
        + 0.5 * 1.75 * f.font;
    let room = (f.height - 0.8 * f.rem - heading) * 0.94 - 0.5 * f.font;
    if room <= 0.0 {
        return vec![Page::Whole];
    }
    let out = match step {
        Step::Question { number } => question(w, *number, f, room),
        Step::Roster => roster(w, f, room),
        Step::Summary => summary(w, f, room),
        _ => Vec::new(),
    };
    // One slide shows all of it; the roster keeps the columns its cut assumed.
    if out.is_empty() || (out.len() == 1 && !matches!(step, Step::Roster)) {
        vec![Page::Whole]
    } else {
        out
    }
}

fn question(w: &Workshop, number: u8, f: Frame, room: f64) -> Vec<Page> {
    let Some(category) = csh::category(number) else {
        return Vec::new();
    };
    let m = Measure(f);
    let (font, line, rem) = (f.font, f.font * f.line, f.rem);
    // The head: the meta line, then the is and ought questions beside their tags.
    let meta = format!(
        "{} \u{00b7} {}",
        category.source.label(),
        category.kind.label()
    );
    let dl_width = f.width.min(60.0 * font) - m.width("Ought", true) - rem;
    let head = m.lines(&meta, f.width, font, false) as f64 * line
        + 0.9 * font
        + m.lines(category.question(Mode::Is), dl_width, font, false) as f64 * line
        + m.lines(category.question(Mode::Ought), dl_width, font, false) as f64 * line
        + 0.2 * rem
        + rem;
    // Rows of cards, each as tall as its tallest card, with the grid's gap.
    let cols = card_columns(f);
    let card_w = (f.width - (cols as f64 - 1.0) * rem) / cols as f64;
    let inner = card_w - 1.8 * rem - 4.0;
    let card = |pid: &str| {
        let answer = w
            .boundary
            .perspective(pid)
            .and_then(|p| p.answers.get(&number));
        let text = |mode: Mode| {
            let t = answer
                .map(|a| match mode {
                    Mode::Is => a.is.clone(),
                    Mode::Ought => a.ought.clone(),
                })
                .unwrap_or_default();
            if t.trim().is_empty() {
                "\u{2014}".to_string()
            } else {
                t
            }
        };
        let field = |mode: Mode| {
            // The tag (uppercase, bold, spaced, padded) starts the first line.
            let tag =
                m.width(&mode.label().to_uppercase(), true) * 1.1 + 1.4 * font + 4.0 + 0.4 * font;
            m.lines_after(&text(mode), inner, font, false, tag) as f64 * line + 0.5 * rem
        };
        4.0 + 1.2 * rem
            + m.lines(&card_name(w, pid), inner, 1.05 * font, true) as f64 * 1.05 * font * 1.2
            + 0.3 * rem
            + field(Mode::Is)
            + field(Mode::Ought)
    };
    let ids: Vec<&str> = w
        .boundary
        .perspectives
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let rows: Vec<f64> = ids
        .chunks(cols)
        .map(|row| row.iter().map(|p| card(p)).fold(0.0, f64::max) + rem)
        .collect();
    let tensions: Vec<f64> = question_tensions(w, number)
        .iter()
        .map(|(strong, what, note)| {
            let level = if *strong {
                "Strong tension"
            } else {
                "Some tension"
            };
            let note = if note.is_empty() {
                String::new()
            } else {
                format!(" \u{2014} {note}")
            };
            m.lines(
                &format!("{level}, {what}{note}"),
                f.width - 1.2 * font,
                font,
                false,
            ) as f64
                * line
        })
        .collect();
    // The first slide starts with the head; each list ends with its margin.
    let mut blocks = vec![head];
    blocks.extend(&rows);
    blocks.extend(&tensions);
    let cut = paginate(&blocks, room - 0.9 * font);
    let (r, t) = (rows.len(), tensions.len());
    cut.into_iter()
        .map(|range| {
            let rows = range.start.clamp(1, r + 1) - 1..range.end.clamp(1, r + 1) - 1;
            let ts = range.start.clamp(r + 1, r + 1 + t) - r - 1
                ..range.end.clamp(r + 1, r + 1 + t) - r - 1;
            Page::Question {
                head: range.start == 0,
                cards: (rows.start * cols).min(ids.len())..(rows.end * cols).min(ids.len()),
                cols,
                tensions: ts,
            }
        })
        .collect()
}

fn roster(w: &Workshop, f: Frame, room: f64) -> Vec<Page> {
    let m = Measure(f);
    let (font, line) = (f.font, f.font * f.line);
    let two = roster_side_by_side(f);
    let col_w = if two {
        (f.width - 2.0 * f.rem) / 2.0
    } else {
        f.width
    } - 1.2 * font;
    let item = |s: &crate::model::Stakeholder| {
        let group = if s.group.trim().is_empty() {
            String::new()
        } else {
            format!(" \u{00b7} {}", s.group)
        };
        m.lines(&format!("{}{group}", s.name), col_w, font, false) as f64 * line
    };
    let of = |kind: Involvement| -> Vec<f64> {
        w.roster
            .iter()
            .filter(|s| s.involvement == kind)
            .map(item)
            .collect()
    };
    let (inv, aff) = (of(Involvement::Involved), of(Involvement::Affected));
    // Each column's heading and list margins on every slide.
    let h3 = 1.12 * font * 1.2 + 1.7 * 1.12 * font + 0.9 * font;
    if two {
        let rows: Vec<f64> = (0..inv.len().max(aff.len()))
            .map(|i| {
                inv.get(i)
                    .copied()
                    .unwrap_or(0.0)
                    .max(aff.get(i).copied().unwrap_or(0.0))
            })
            .collect();
        paginate(&rows, room - h3)
            .into_iter()
            .map(|r| Page::Roster {
                involved: r.start.min(inv.len())..r.end.min(inv.len()),
                affected: r.start.min(aff.len())..r.end.min(aff.len()),
                side_by_side: true,
            })
            .collect()
    } else {
        let mut blocks = inv.clone();
        blocks.extend(&aff);
        let n = inv.len();
        paginate(&blocks, room - 2.0 * h3)
            .into_iter()
            .map(|r| Page::Roster {
                involved: r.start.min(n)..r.end.min(n),
                affected: r.start.max(n) - n..r.end.max(n) - n,
                side_by_side: false,
            })
            .collect()
    }
}

fn summary(w: &Workshop, f: Frame, room: f64) -> Vec<Page> {
    let m = Measure(f);
    let (font, line) = (f.font, f.font * f.line);
    let found = findings::findings(w);
    let mut blocks: Vec<f64> = found
        .iter()
        .map(|x| {
            m.lines(
                &format!("{}: {}", x.label, x.text),
                f.width - 1.2 * font,
                font,
                false,
            ) as f64
                * line
                + 0.4 * f.rem
        })
        .collect();
    // The notes under their heading, a line (as typed) a block: a paragraph is never cut.
    let heading = 1.12 * font * 1.2 + 1.7 * 1.12 * font;
    let lines = note_lines(w);
    for (k, l) in lines.iter().enumerate() {
        let h = m.lines(l, f.width, font, false) as f64 * line;
        blocks.push(if k == 0 { heading + h } else { h });
    }
    let n = found.len();
    let all = lines.len();
    paginate(&blocks, room - 0.9 * font)
        .into_iter()
        .map(|r| Page::Summary {
            findings: r.start.min(n)..r.end.min(n),
            notes: r.start.max(n) - n..(r.end.max(n) - n).min(all),
        })
        .collect()
}

/// The summary's notes as the slides show them, a line each (a note not written yet is a
/// prompt to write it).
pub fn note_lines(w: &Workshop) -> Vec<String> {
    if w.notes.trim().is_empty() {
        vec!["Press E to write them down.".to_string()]
    } else {
        w.notes.split('\n').map(str::to_string).collect()
    }
}

#[cfg(test)]
mod tests;
