//! "What we found": the workshop's findings in one list, for the last presenting step and the
//! report. The strongest tensions, the weakest element and the disagreements of the latest
//! revealed round, the affected nobody spoke for, what sits in the marginal zone (Midgley
//! 2000), and the closing reflection: who was not in the room, the facilitator's own boundary
//! judgments, and the facts, values and boundary judgments that hang together (Ulrich's
//! triangle). Plain text; each caller escapes it for its medium.

use crate::content::csh;
use crate::model::Workshop;
use crate::model::boundary::{Level, ReflectionPart};
use crate::model::scoring::Scoring;

/// Where a finding comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Tension,
    Scoring,
    Unrepresented,
    Margins,
    Reflection,
}

/// One finding: a short label and what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub source: Source,
    /// Strong findings (a strong tension, a flagged element) are shown first in their kind.
    pub label: String,
    pub text: String,
}

/// The most tensions listed.
pub const MAX_TENSIONS: usize = 5;

/// The reflection's parts as findings are labelled: (part, label).
pub const REFLECTION_LABELS: [(ReflectionPart, &str); 5] = [
    (ReflectionPart::NotInRoom, "Not in the room"),
    (
        ReflectionPart::OwnJudgments,
        "The facilitator\u{2019}s own boundary judgments",
    ),
    (ReflectionPart::Facts, "Facts we relied on"),
    (ReflectionPart::Values, "Values that made them matter"),
    (
        ReflectionPart::Boundaries,
        "Boundary judgments that would change both",
    ),
];

/// Everything the workshop found, in the order above.
pub fn findings(w: &Workshop) -> Vec<Finding> {
    let mut out = Vec::new();
    let b = &w.boundary;
    for t in b.tension_summary().into_iter().take(MAX_TENSIONS) {
        let level = if t.level == Level::Strong {
            "Strong"
        } else {
            "Some"
        };
        let q = csh::category(t.question).map_or("", |c| c.name);
        let mut text = b.tension_between(t, str::to_string);
        if !t.note.trim().is_empty() {
            text = format!("{text}: {}", t.note.trim());
        }
        out.push(Finding {
            source: Source::Tension,
            label: format!("{level} tension on {q}"),
            text,
        });
    }
    let s = &w.scoring;
    if let Some(r) = s.rounds.iter().rev().find(|r| r.revealed) {
        let results = s.results(r);
        if let Some(e) = Scoring::weakest(&results)
            && let Some(mean) = e.summary.mean
        {
            out.push(Finding {
                source: Source::Scoring,
                label: format!("Weakest in {}", r.name),
                text: format!("{} (mean {mean:.1})", e.element.name),
            });
        }
        let flagged: Vec<String> = results
            .iter()
            .filter_map(|e| {
                let words = super::by_group::flag_words(&e.summary);
                (!words.is_empty()).then(|| format!("{} ({words})", e.element.name))
            })
            .collect();
        if !flagged.is_empty() {
            out.push(Finding {
                source: Source::Scoring,
                label: format!("Flagged in {}", r.name),
                text: flagged.join("; "),
            });
        }
    }
    let missing: Vec<String> = b
        .unrepresented(&w.roster)
        .into_iter()
        .map(|s| s.name.clone())
        .collect();
    if !b.perspectives.is_empty() && !missing.is_empty() {
        out.push(Finding {
            source: Source::Unrepresented,
            label: "Affected, and nobody spoke for them".into(),
            text: missing.join(", "),
        });
    }
    let marginal: Vec<String> = b
        .margins
        .marginalised(&w.roster)
        .into_iter()
        .map(|(name, mark)| match mark {
            Some(m) => format!("{name} ({})", m.key()),
            None => name,
        })
        .collect();
    if !marginal.is_empty() {
        out.push(Finding {
            source: Source::Margins,
            label: "In the marginal zone".into(),
            text: marginal.join(", "),
        });
    }
    if !b.margins.holds.trim().is_empty() {
        out.push(Finding {
            source: Source::Margins,
            label: "What holds the boundaries in place".into(),
            text: b.margins.holds.trim().to_string(),
        });
    }
    for (part, label) in REFLECTION_LABELS {
        let text = b.reflection.get(part).trim();
        if !text.is_empty() {
            out.push(Finding {
                source: Source::Reflection,
                label: label.into(),
                text: text.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundary::{Mark, Zone};
    use crate::model::{Involvement, Stakeholder};
    use serde_json::Map;

    fn workshop() -> Workshop {
        let mut w = Workshop::new("w".into(), "Findings", 0.0);
        w.roster.push(Stakeholder {
            id: "carers".into(),
            name: "Carers".into(),
            group: String::new(),
            involvement: Involvement::Affected,
            extra: Map::new(),
        });
        w
    }

    #[test]
    fn an_empty_workshop_finds_nothing() {
        assert!(findings(&workshop()).is_empty());
    }

    #[test]
    fn the_reflection_and_the_margin_feed_the_findings_in_order() {
        let mut w = workshop();
        let b = &mut w.boundary;
        b.add_perspective("p".into(), "Team");
        b.set_tension(3, &["p"], Level::Strong, " Counts, not change ");
        b.margins
            .place_stakeholder("m".into(), "carers", Zone::Marginal);
        b.margins.set_mark("m", Some(Mark::Profane));
        b.margins.add_issue("i".into(), "Bus fares", Zone::Marginal);
        b.margins.holds = "The funder's form".into();
        b.reflection.set(
            ReflectionPart::NotInRoom,
            "Carers; people on no list".into(),
        );
        b.reflection
            .set(ReflectionPart::OwnJudgments, "I chose the roster".into());
        b.reflection.set(ReflectionPart::Values, "Belonging".into());
        let f = findings(&w);
        let pairs: Vec<(Source, &str, &str)> = f
            .iter()
            .map(|f| (f.source, f.label.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                (
                    Source::Tension,
                    "Strong tension on Measure of improvement",
                    "Team, is against ought: Counts, not change"
                ),
                (
                    Source::Unrepresented,
                    "Affected, and nobody spoke for them",
                    "Carers"
                ),
                (
                    Source::Margins,
                    "In the marginal zone",
                    "Carers (profane), Bus fares"
                ),
                (
                    Source::Margins,
                    "What holds the boundaries in place",
                    "The funder's form"
                ),
                (
                    Source::Reflection,
                    "Not in the room",
                    "Carers; people on no list"
                ),
                (
                    Source::Reflection,
                    "The facilitator\u{2019}s own boundary judgments",
                    "I chose the roster"
                ),
                (
                    Source::Reflection,
                    "Values that made them matter",
                    "Belonging"
                ),
            ]
        );
    }

    #[test]
    fn a_revealed_round_gives_its_weakest_element_and_its_flags_by_kind() {
        let mut w = workshop();
        let mut s = Scoring::start(&crate::content::frameworks::CYCLE, "r".into());
        for i in 0..6 {
            s.add_scorer(format!("s{i}"), "");
        }
        for (i, v) in [2, 2, 2, 4, 4, 4].iter().enumerate() {
            s.set_score("r", &format!("s{i}"), "learning", Some(*v), false);
            s.set_score("r", &format!("s{i}"), "shared-vision", Some(4), false);
        }
        w.scoring = s.clone();
        assert!(findings(&w).is_empty(), "hidden results are not findings");
        w.scoring.rounds[0].revealed = true;
        let f = findings(&w);
        assert_eq!(f[0].label, "Weakest in Round 1");
        assert!(f[0].text.starts_with("Learning"), "{}", f[0].text);
        assert_eq!(f[1].label, "Flagged in Round 1");
        assert!(f[1].text.ends_with("(split)"), "{}", f[1].text);
    }
}
