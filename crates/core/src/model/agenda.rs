//! The presentation agenda: the steps a facilitator walks the room through, in the order they
//! chose, with the ones they skip and the minutes they planned.
//!
//! The steps come from the workshop itself (its details, roster, the twelve boundary questions
//! once there is a perspective, each map, each picture, each scoring round and its reveal, and a
//! summary). The agenda stores only what the facilitator changed: an order, skips and minutes.
//! [`steps`] joins the two, so a map added after the agenda was arranged still appears (next to
//! where it would have been), and a deleted map's step quietly goes.

use serde::{Deserialize, Serialize};
use serde_json::{Error, Value};

use super::Workshop;
use super::tagged::{Fields, deserialize_via_value, unknown_variant};
use crate::content::csh;

/// What one step shows. Content steps name their map, picture or round by id. Stored tagged
/// by `step`, beside its entry's fields; read by hand ([`Entry::from_json`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The workshop's title, purpose, date and facilitator.
    Title,
    /// Who is involved and who is affected.
    Roster,
    /// One of Ulrich's twelve questions, every perspective's is and ought.
    Question {
        number: u8,
    },
    /// Midgley's boundary analysis: the three zones and what sits in them.
    Margins,
    Map {
        id: String,
    },
    Picture {
        id: String,
    },
    /// Scorers score one round (results stay hidden).
    Scoring {
        round: String,
    },
    /// One round's results: hidden until revealed in the room.
    Results {
        round: String,
    },
    /// What the workshop found: strongest tensions, weakest elements, who is missing.
    Summary,
}

/// A step as the facilitator arranged it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub step: Step,
    /// Left out of the presentation (still listed in the agenda, to bring back); `None` is the
    /// default for the step ([`default_skip`]: a question nobody answered is left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip: Option<bool>,
    /// Minutes planned for the step; the timer counts down from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

impl Entry {
    /// An entry from its stored JSON (`{"step": "question", "number": 3, "skip": true}`), read
    /// without serde's buffering of flattened and tagged enums; unknown fields are ignored.
    pub fn from_json(value: Value) -> Result<Entry, Error> {
        let (tag, mut f) = Fields::tagged(value, "step")?;
        let step = match tag.as_str() {
            "title" => Step::Title,
            "roster" => Step::Roster,
            "question" => Step::Question {
                number: f.take("number")?,
            },
            "margins" => Step::Margins,
            "map" => Step::Map { id: f.take("id")? },
            "picture" => Step::Picture { id: f.take("id")? },
            "scoring" => Step::Scoring {
                round: f.take("round")?,
            },
            "results" => Step::Results {
                round: f.take("round")?,
            },
            "summary" => Step::Summary,
            _ => return Err(unknown_variant(&tag, STEPS)),
        };
        Ok(Entry {
            step,
            skip: f.take("skip")?,
            minutes: f.take("minutes")?,
        })
    }

    /// Whether the step is left out: as the facilitator set it, else [`default_skip`].
    pub fn skipped(&self, w: &Workshop) -> bool {
        self.skip.unwrap_or_else(|| default_skip(&self.step, w))
    }
}

/// Whether a step is left out unless the facilitator brings it back: a question nobody
/// answered (no perspective wrote anything for it and no tension is marked on it), since it
/// would only show a slide of dashes.
pub fn default_skip(step: &Step, w: &Workshop) -> bool {
    match step {
        Step::Question { number } => {
            let b = &w.boundary;
            !b.perspectives
                .iter()
                .any(|p| p.answers.get(number).is_some_and(|a| !a.is_empty()))
                && !b
                    .tensions
                    .iter()
                    .any(|t| t.question == *number && t.level > crate::model::boundary::Level::None)
        }
        _ => false,
    }
}

deserialize_via_value!(Entry, Entry::from_json);

const STEPS: &[&str] = &[
    "title", "roster", "question", "margins", "map", "picture", "scoring", "results", "summary",
];

/// The arrangement the facilitator made. Empty means the default order, nothing skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// The most minutes a step can be planned for (a whole day).
pub const MAX_MINUTES: u32 = 600;

impl Step {
    /// The step's part of the address (`#/w/<id>/present/<slug>`), so a reload returns to it.
    pub fn slug(&self) -> String {
        match self {
            Step::Title => "title".into(),
            Step::Roster => "roster".into(),
            Step::Question { number } => format!("q{number}"),
            Step::Margins => "margins".into(),
            Step::Map { id } => format!("map-{id}"),
            Step::Picture { id } => format!("picture-{id}"),
            Step::Scoring { round } => format!("scoring-{round}"),
            Step::Results { round } => format!("results-{round}"),
            Step::Summary => "summary".into(),
        }
    }

    /// The inverse of [`Step::slug`]; anything else is `None`.
    pub fn from_slug(slug: &str) -> Option<Step> {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Some(match slug {
            "title" => Step::Title,
            "roster" => Step::Roster,
            "summary" => Step::Summary,
            "margins" => Step::Margins,
            _ => {
                if let Some(n) = slug.strip_prefix('q') {
                    let number: u8 = n.parse().ok()?;
                    csh::category(number)?;
                    Step::Question { number }
                } else if let Some(id) = slug.strip_prefix("map-") {
                    Step::Map { id: some(id)? }
                } else if let Some(id) = slug.strip_prefix("picture-") {
                    Step::Picture { id: some(id)? }
                } else if let Some(id) = slug.strip_prefix("scoring-") {
                    Step::Scoring { round: some(id)? }
                } else if let Some(id) = slug.strip_prefix("results-") {
                    Step::Results { round: some(id)? }
                } else {
                    return None;
                }
            }
        })
    }

    /// What the step is called on screen and in the agenda.
    pub fn title(&self, w: &Workshop) -> String {
        match self {
            Step::Title => "Welcome".into(),
            Step::Roster => "Who is involved, who is affected".into(),
            Step::Question { number } => {
                let name = csh::category(*number).map_or("", |c| c.name);
                format!("Question {number}: {name}")
            }
            Step::Margins => "Boundary analysis: the marginal zone".into(),
            Step::Map { id } => w
                .maps
                .iter()
                .find(|m| &m.id == id)
                .map_or_else(String::new, |m| format!("Map: {}", m.display_title())),
            Step::Picture { id } => w
                .pictures
                .iter()
                .find(|p| &p.id == id)
                .map_or_else(String::new, |p| format!("Picture: {}", p.display_title())),
            Step::Scoring { round } => format!("Scoring: {}", round_name(w, round)),
            Step::Results { round } => format!("Results: {}", round_name(w, round)),
            Step::Summary => "What we found".into(),
        }
    }
}

fn round_name(w: &Workshop, id: &str) -> String {
    w.scoring
        .round(id)
        .map(|r| r.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "round".into())
}

/// The steps the workshop has, in the default order.
pub fn default_steps(w: &Workshop) -> Vec<Step> {
    let mut out = vec![Step::Title, Step::Roster];
    if !w.boundary.perspectives.is_empty() {
        out.extend((1..=12).map(|number| Step::Question { number }));
    }
    if !w.boundary.margins.is_empty() {
        out.push(Step::Margins);
    }
    out.extend(w.maps.iter().map(|m| Step::Map { id: m.id.clone() }));
    out.extend(
        w.pictures
            .iter()
            .map(|p| Step::Picture { id: p.id.clone() }),
    );
    if !w.scoring.framework.elements.is_empty() {
        for r in &w.scoring.rounds {
            out.push(Step::Scoring {
                round: r.id.clone(),
            });
            out.push(Step::Results {
                round: r.id.clone(),
            });
        }
    }
    out.push(Step::Summary);
    out
}

/// Every step of the workshop, as the facilitator arranged them: stored entries whose content
/// still exists keep their order, skip and minutes; a step the agenda does not know yet goes
/// just after the step that precedes it in the default order (or first).
pub fn steps(w: &Workshop) -> Vec<Entry> {
    let defaults = default_steps(w);
    let mut out: Vec<Entry> = Vec::with_capacity(defaults.len());
    for e in &w.agenda.entries {
        if defaults.contains(&e.step) && !out.iter().any(|o| o.step == e.step) {
            out.push(e.clone());
        }
    }
    for (i, step) in defaults.iter().enumerate() {
        if out.iter().any(|o| &o.step == step) {
            continue;
        }
        let at = defaults[..i]
            .iter()
            .rev()
            .find_map(|before| out.iter().position(|o| &o.step == before))
            .map_or(0, |p| p + 1);
        out.insert(
            at,
            Entry {
                step: step.clone(),
                skip: None,
                minutes: None,
            },
        );
    }
    out
}

/// The steps that are presented: [`steps`] without the skipped ones.
pub fn shown(w: &Workshop) -> Vec<Entry> {
    steps(w).into_iter().filter(|e| !e.skipped(w)).collect()
}

/// Changes to the arrangement. Each starts from [`steps`], so the stored agenda always lists
/// every step once the facilitator has changed anything.
impl Workshop {
    fn arrange(&mut self, f: impl FnOnce(&mut Vec<Entry>)) {
        let mut entries = steps(self);
        f(&mut entries);
        self.agenda.entries = entries;
    }

    /// Moves a step one place earlier (`by` < 0) or later, among all steps.
    pub fn move_step(&mut self, step: &Step, by: isize) {
        self.arrange(|entries| {
            let Some(i) = entries.iter().position(|e| &e.step == step) else {
                return;
            };
            let j = i.saturating_add_signed(by).min(entries.len() - 1);
            let e = entries.remove(i);
            entries.insert(j, e);
        });
    }

    pub fn set_skipped(&mut self, step: &Step, skip: bool) {
        self.arrange(|entries| {
            if let Some(e) = entries.iter_mut().find(|e| &e.step == step) {
                e.skip = Some(skip);
            }
        });
    }

    /// Plans minutes for a step; `None` or 0 removes the plan; more than [`MAX_MINUTES`] is
    /// taken as the maximum.
    pub fn set_minutes(&mut self, step: &Step, minutes: Option<u32>) {
        self.arrange(|entries| {
            if let Some(e) = entries.iter_mut().find(|e| &e.step == step) {
                e.minutes = minutes.filter(|m| *m > 0).map(|m| m.min(MAX_MINUTES));
            }
        });
    }

    /// Back to the default order, nothing skipped, no minutes.
    pub fn reset_agenda(&mut self) {
        self.agenda = Agenda::default();
    }
}

impl Agenda {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reads a stored agenda entry by entry: an entry that cannot be read (a step kind from a
    /// newer version, say) is left out and reported; the rest keep their order.
    pub fn restore(value: serde_json::Value, report: &mut Vec<String>) -> Agenda {
        let entries = match value.get("entries") {
            Some(serde_json::Value::Array(items)) => items,
            _ => {
                report.push(
                    "the presentation agenda could not be read; the default order is used".into(),
                );
                return Agenda::default();
            }
        };
        let mut out = Vec::with_capacity(entries.len());
        let mut dropped = 0;
        for item in entries {
            match Entry::from_json(item.clone()) {
                Ok(mut e) => {
                    e.minutes = e.minutes.filter(|m| *m > 0).map(|m| m.min(MAX_MINUTES));
                    out.push(e);
                }
                Err(_) => dropped += 1,
            }
        }
        if dropped > 0 {
            report.push(format!(
                "{dropped} step(s) of the presentation agenda could not be read and were left out"
            ));
        }
        Agenda { entries: out }
    }
}

/// A timer's reading: `m:ss`, with a minus sign once a planned time is over.
pub fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "\u{2212}" } else { "" };
    let s = seconds.unsigned_abs();
    if s >= 3600 {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::BUILTINS;
    use crate::model::boundary::Mode;
    use crate::model::map::ConceptMap;
    use crate::model::picture::Picture;
    use crate::model::scoring::Scoring;

    fn workshop() -> Workshop {
        let mut w = Workshop::new("w1".into(), "Test", 0.0);
        w.boundary.add_perspective("p1".into(), "Link workers");
        for q in 1..=12 {
            w.boundary
                .set_answer("p1", q, Mode::Is, format!("answer {q}"));
        }
        w.maps.push(ConceptMap::new("m1".into(), "Vision").into());
        w.pictures.push(Picture::new("pic1".into(), "Today").into());
        w.scoring = Scoring::start(BUILTINS[0], "r1".into());
        w
    }

    fn slugs(entries: &[Entry]) -> Vec<String> {
        entries.iter().map(|e| e.step.slug()).collect()
    }

    #[test]
    fn default_order_follows_the_workshop() {
        let w = workshop();
        let s = slugs(&steps(&w));
        assert_eq!(s.len(), 2 + 12 + 1 + 1 + 2 + 1);
        assert_eq!(&s[..3], ["title", "roster", "q1"]);
        assert_eq!(
            &s[14..],
            [
                "map-m1",
                "picture-pic1",
                "scoring-r1",
                "results-r1",
                "summary"
            ]
        );
    }

    #[test]
    fn an_empty_workshop_has_title_roster_and_summary() {
        let w = Workshop::new("w1".into(), "", 0.0);
        assert_eq!(slugs(&steps(&w)), ["title", "roster", "summary"]);
    }

    #[test]
    fn the_boundary_analysis_is_a_step_after_the_questions_once_there_is_one() {
        let mut w = workshop();
        assert!(!slugs(&steps(&w)).contains(&"margins".to_string()));
        w.boundary.margins.add_issue(
            "i".into(),
            "Bus fares",
            crate::model::boundary::Zone::Marginal,
        );
        let s = slugs(&steps(&w));
        let at = s
            .iter()
            .position(|x| x == "margins")
            .expect("a margins step");
        assert_eq!(s[at - 1], "q12");
        assert_eq!(Step::from_slug("margins"), Some(Step::Margins));
        assert_eq!(
            Step::Margins.title(&w),
            "Boundary analysis: the marginal zone"
        );
    }

    #[test]
    fn slugs_round_trip_and_strangers_are_refused() {
        for e in steps(&workshop()) {
            assert_eq!(Step::from_slug(&e.step.slug()), Some(e.step.clone()));
        }
        for bad in ["", "q0", "q13", "qx", "map-", "results-", "nonsense", "q1x"] {
            assert_eq!(Step::from_slug(bad), None, "{bad}");
        }
    }

    #[test]
    fn moving_skipping_and_minutes_are_kept() {
        let mut w = workshop();
        let map = Step::Map { id: "m1".into() };
        w.move_step(&map, -20);
        w.set_skipped(&Step::Roster, true);
        w.set_minutes(&map, Some(10));
        let s = steps(&w);
        assert_eq!(s[0].step, map);
        assert_eq!(s[0].minutes, Some(10));
        assert!(
            s.iter()
                .find(|e| e.step == Step::Roster)
                .unwrap()
                .skipped(&w)
        );
        assert!(!shown(&w).iter().any(|e| e.step == Step::Roster));
        // Moving past the end stops at the end.
        w.move_step(&Step::Title, 100);
        assert_eq!(steps(&w).last().unwrap().step, Step::Title);
        w.set_minutes(&map, Some(0));
        assert_eq!(steps(&w)[0].minutes, None);
        w.set_minutes(&map, Some(100_000));
        assert_eq!(steps(&w)[0].minutes, Some(MAX_MINUTES));
        w.reset_agenda();
        assert_eq!(slugs(&steps(&w)), slugs(&steps(&workshop())));
    }

    #[test]
    fn new_content_joins_next_to_its_default_neighbour_and_deleted_content_goes() {
        let mut w = workshop();
        let summary = Step::Summary;
        w.move_step(&summary, -100); // the facilitator starts with the summary
        w.maps.push(ConceptMap::new("m2".into(), "Second").into());
        let s = slugs(&steps(&w));
        let m1 = s.iter().position(|x| x == "map-m1").unwrap();
        assert_eq!(s[m1 + 1], "map-m2");
        assert_eq!(s[0], "summary");
        w.maps.retain(|m| m.id != "m1");
        let s = slugs(&steps(&w));
        assert!(!s.contains(&"map-m1".to_string()));
        assert!(s.contains(&"map-m2".to_string()));
        assert_eq!(s.len(), steps(&w).len());
    }

    #[test]
    fn restore_keeps_what_it_can() {
        let mut report = Vec::new();
        let v = serde_json::json!({"entries": [
            {"step": "roster", "skip": true},
            {"step": "hologram"},
            {"step": "question", "number": 3, "minutes": 5000},
        ]});
        let a = Agenda::restore(v, &mut report);
        assert_eq!(a.entries.len(), 2);
        assert_eq!(a.entries[0].skip, Some(true));
        assert_eq!(a.entries[1].minutes, Some(MAX_MINUTES));
        assert_eq!(report.len(), 1);
        let a = Agenda::restore(serde_json::json!(7), &mut report);
        assert!(a.is_empty());
        assert_eq!(report.len(), 2);
    }

    #[test]
    fn the_example_workshop_has_twenty_one_steps_with_unique_titles() {
        let w = crate::content::example::example_workshop("w-example".into(), 0.0);
        let all = steps(&w);
        assert_eq!(all.len(), 21);
        let titles: std::collections::BTreeSet<String> =
            all.iter().map(|e| e.step.title(&w)).collect();
        assert_eq!(titles.len(), 21);
        assert!(titles.iter().all(|t| !t.is_empty()));
        assert!(titles.contains("Results: Steering group, summer 2019"));
    }

    #[test]
    fn an_arranged_agenda_is_saved_and_restored_with_the_workshop() {
        let mut w = workshop();
        w.set_skipped(&Step::Roster, true);
        w.set_minutes(&Step::Question { number: 2 }, Some(4));
        let value = serde_json::to_value(&w).unwrap();
        let mut report = Vec::new();
        let back = Workshop::restore(value, "x", &mut report);
        assert_eq!(report, Vec::<String>::new());
        assert_eq!(back.agenda, w.agenda);
        // In the default order nothing is written.
        let plain = serde_json::to_value(workshop()).unwrap();
        assert!(plain.get("agenda").is_none());
    }

    /// Issue 20: questions nobody answered showed slides of dashes. They are left out by
    /// default, listed in the agenda, and come back when answered or when brought back.
    #[test]
    fn questions_nobody_answered_are_left_out_until_answered_or_brought_back() {
        let mut w = Workshop::new("w1".into(), "Test", 0.0);
        w.boundary.add_perspective("p1".into(), "Link workers");
        w.boundary
            .set_answer("p1", 3, Mode::Ought, "ought three".into());
        let q = |n: u8| Step::Question { number: n };
        assert_eq!(
            steps(&w).len(),
            2 + 12 + 1,
            "every question is in the agenda"
        );
        let shown_q: Vec<Step> = shown(&w)
            .into_iter()
            .map(|e| e.step)
            .filter(|s| matches!(s, Step::Question { .. }))
            .collect();
        assert_eq!(shown_q, vec![q(3)]);
        // Brought back by hand, kept when the agenda is arranged again.
        w.set_skipped(&q(5), false);
        w.move_step(&Step::Roster, 1);
        assert!(shown(&w).iter().any(|e| e.step == q(5)));
        // Answering a question brings it back; an arranged agenda does not freeze the default.
        w.boundary.set_answer("p1", 7, Mode::Is, "is seven".into());
        assert!(shown(&w).iter().any(|e| e.step == q(7)));
        // An old stored agenda ("skip": true / absent) reads as before.
        let old: Entry =
            serde_json::from_value(serde_json::json!({"step": "roster", "skip": true})).unwrap();
        assert_eq!(old.skip, Some(true));
        let plain: Entry =
            serde_json::from_value(serde_json::json!({"step": "question", "number": 1})).unwrap();
        assert_eq!(plain.skip, None);
    }

    #[test]
    fn clock_reads_like_a_timer() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(75), "1:15");
        assert_eq!(clock(-5), "\u{2212}0:05");
        assert_eq!(clock(3725), "1:02:05");
    }
}
