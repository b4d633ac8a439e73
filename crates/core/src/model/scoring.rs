//! Scoring as data: a framework of elements (copied from a built-in one, then the group's own),
//! a scale, the scorers, and rounds of scores. Each round holds individual scores (each with an
//! optional comment, "don't know" allowed) and show-of-hands tallies; the statistics combine
//! both (see `crate::analysis::stats`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::stats::{self, Range, Summary};
use crate::content::frameworks::Builtin;

/// One element the group scores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Element {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Where it sits in the picture (`heart`, `operational`, `relational`; `top`, `left`,
    /// `right`); free text for a custom framework.
    #[serde(default)]
    pub group: String,
    /// What it is made of, shown as help (e.g. the four foundations of emotional buy-in).
    #[serde(default)]
    pub parts: Vec<String>,
}

/// The elements being scored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    #[serde(default)]
    pub name: String,
    /// The built-in it was copied from (`cycle`, `flowchart`), or empty for a custom one.
    #[serde(default)]
    pub based_on: String,
    #[serde(default)]
    pub elements: Vec<Element>,
}

impl Framework {
    /// Moves an element `by` places (negative: earlier), staying within the list.
    pub fn move_element(&mut self, id: &str, by: isize) {
        let Some(from) = self.elements.iter().position(|e| e.id == id) else {
            return;
        };
        let to = (from as isize + by).clamp(0, self.elements.len() as isize - 1) as usize;
        let e = self.elements.remove(from);
        self.elements.insert(to, e);
    }

    pub fn from_builtin(b: &Builtin) -> Framework {
        Framework {
            name: b.name.to_string(),
            based_on: b.key.to_string(),
            elements: b
                .elements
                .iter()
                .map(|e| Element {
                    id: e.id.to_string(),
                    name: e.name.to_string(),
                    description: e.description.to_string(),
                    group: e.group.to_string(),
                    parts: e.parts.iter().map(|p| p.to_string()).collect(),
                })
                .collect(),
        }
    }
}

/// The scale: whole numbers from `min` to `max`, each level optionally labelled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
    /// Labels by level, from `min` up; an empty label shows the number alone.
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default = "yes")]
    pub allow_dont_know: bool,
}

fn yes() -> bool {
    true
}

/// The scales offered when setting up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScalePreset {
    OneToFive,
    OneToSeven,
    ZeroToTen,
    Levels,
}

impl ScalePreset {
    pub const ALL: [ScalePreset; 4] = [
        ScalePreset::OneToFive,
        ScalePreset::OneToSeven,
        ScalePreset::ZeroToTen,
        ScalePreset::Levels,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ScalePreset::OneToFive => "1-5",
            ScalePreset::OneToSeven => "1-7",
            ScalePreset::ZeroToTen => "0-10",
            ScalePreset::Levels => "levels",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ScalePreset::OneToFive => "1 to 5",
            ScalePreset::OneToSeven => "1 to 7",
            ScalePreset::ZeroToTen => "0 to 10",
            ScalePreset::Levels => "Named levels (absent to embedded)",
        }
    }

    pub fn from_key(key: &str) -> Option<ScalePreset> {
        ScalePreset::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn scale(self) -> Scale {
        let labels = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        let (min, max, labels) = match self {
            ScalePreset::OneToFive => (
                1,
                5,
                labels(&["Very weak", "Weak", "Mixed", "Strong", "Very strong"]),
            ),
            ScalePreset::OneToSeven => (
                1,
                7,
                labels(&["Very weak", "", "", "Mixed", "", "", "Very strong"]),
            ),
            ScalePreset::ZeroToTen => (
                0,
                10,
                labels(&[
                    "Not at all",
                    "",
                    "",
                    "",
                    "",
                    "Half way",
                    "",
                    "",
                    "",
                    "",
                    "Completely",
                ]),
            ),
            ScalePreset::Levels => (
                1,
                4,
                labels(&["Absent", "Emerging", "Established", "Embedded"]),
            ),
        };
        Scale {
            min,
            max,
            labels,
            allow_dont_know: true,
        }
    }
}

impl Default for Scale {
    fn default() -> Scale {
        ScalePreset::OneToFive.scale()
    }
}

impl Scale {
    pub fn range(&self) -> Range {
        Range {
            min: self.min,
            max: self.max.max(self.min),
        }
    }

    /// The levels, lowest first.
    pub fn levels(&self) -> impl Iterator<Item = i32> + use<> {
        self.min..=self.max.max(self.min)
    }

    /// "3", or "3 · Mixed" when the level has a label.
    pub fn level_label(&self, value: i32) -> String {
        match self.labels.get((value - self.min) as usize) {
            Some(l) if !l.trim().is_empty() => format!("{value} \u{b7} {}", l.trim()),
            _ => value.to_string(),
        }
    }

    /// Which preset this scale is, if it is one.
    pub fn preset(&self) -> Option<ScalePreset> {
        ScalePreset::ALL
            .into_iter()
            .find(|p| p.scale() == *self)
            .or_else(|| {
                ScalePreset::ALL.into_iter().find(|p| {
                    let s = p.scale();
                    s.min == self.min && s.max == self.max && s.labels == self.labels
                })
            })
    }
}

/// Scale ends stay within this distance of zero.
pub const SCALE_LIMIT: i32 = 1_000;
/// A scale has at most this many levels (0 to 20: the distribution chart draws a bar per level,
/// and past about 80 its bars would have no width).
pub const MAX_LEVELS: i32 = 21;
/// The most hands one level (or "don't know") can count in a show of hands.
pub const MAX_HANDS: u32 = 10_000;

impl Scale {
    /// Brings a stored scale within what the app can draw (ends within [`SCALE_LIMIT`], at
    /// most [`MAX_LEVELS`] levels); says what changed.
    fn repair(&mut self, report: &mut Vec<String>) {
        let (min, max) = (self.min, self.max);
        self.min = min.clamp(-SCALE_LIMIT, SCALE_LIMIT);
        self.max = max.clamp(self.min, self.min + MAX_LEVELS - 1);
        if (self.min, self.max) != (min, max) {
            report.push(format!(
                "the scoring scale ran from {min} to {max}; it now runs from {} to {}",
                self.min, self.max
            ));
        }
    }
}

/// Someone who scores: named, or anonymous ("Scorer 3").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scorer {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// The roster entry this scorer is, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_id: Option<String>,
}

/// One person's score for one element: a level or "don't know" (or, with only a comment,
/// neither yet), and a comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    #[serde(default)]
    pub value: Option<i32>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub dont_know: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl Score {
    /// Whether the scorer has answered (a level or "don't know").
    pub fn is_answered(&self) -> bool {
        self.value.is_some() || self.dont_know
    }
}

/// A show of hands for one element: how many chose each level (from the scale's minimum up),
/// and how many did not know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hands {
    #[serde(default)]
    pub counts: Vec<u32>,
    #[serde(default)]
    pub dont_know: u32,
}

impl Hands {
    pub fn is_empty(&self) -> bool {
        self.dont_know == 0 && self.counts.iter().all(|&c| c == 0)
    }
}

/// One round of scoring ("Phase 1, 2018").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// Results are hidden until the facilitator reveals them.
    #[serde(default)]
    pub revealed: bool,
    /// Scores by scorer id, then element id.
    #[serde(default)]
    pub scores: BTreeMap<String, BTreeMap<String, Score>>,
    /// Show-of-hands tallies by element id.
    #[serde(default)]
    pub hands: BTreeMap<String, Hands>,
}

/// Scoring in one workshop.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scoring {
    #[serde(default)]
    pub framework: Framework,
    #[serde(default)]
    pub scale: Scale,
    #[serde(default)]
    pub scorers: Vec<Scorer>,
    #[serde(default)]
    pub rounds: Vec<Round>,
}

/// One element's results in one round.
#[derive(Clone, Debug, PartialEq)]
pub struct ElementResult {
    pub element: Element,
    pub summary: Summary,
}

impl Scoring {
    /// Nothing set up yet: then the workshop does not write it. (Anything changed, even only
    /// the scale, counts as set up and is saved.)
    pub fn is_empty(&self) -> bool {
        *self == Scoring::default()
    }

    /// Starts scoring with a framework, the default scale and a first round.
    pub fn start(builtin: &Builtin, round_id: String) -> Scoring {
        Scoring {
            framework: Framework::from_builtin(builtin),
            scale: Scale::default(),
            scorers: Vec::new(),
            rounds: vec![Round {
                id: round_id,
                name: "Round 1".into(),
                ..Round::default()
            }],
        }
    }

    /// Brings scores read from storage or a file within what the app can draw: the scale (see
    /// [`Scale::repair`]) and tallies of at most [`MAX_HANDS`] each (the results list every
    /// vote). Scores outside the scale are kept (the scale may have been changed after them).
    /// Reports each change.
    pub fn repair(&mut self, report: &mut Vec<String>) {
        self.scale.repair(report);
        let mut capped = 0;
        for hands in self.rounds.iter_mut().flat_map(|r| r.hands.values_mut()) {
            for c in hands.counts.iter_mut().chain([&mut hands.dont_know]) {
                if *c > MAX_HANDS {
                    *c = MAX_HANDS;
                    capped += 1;
                }
            }
        }
        if capped > 0 {
            report.push(format!(
                "{capped} show-of-hands tallies were larger than {MAX_HANDS} and were cut down"
            ));
        }
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    fn round_mut(&mut self, id: &str) -> Option<&mut Round> {
        self.rounds.iter_mut().find(|r| r.id == id)
    }

    /// A scorer's name to show: theirs, or "Scorer n" by position.
    pub fn scorer_label(&self, id: &str) -> String {
        match self.scorers.iter().position(|s| s.id == id) {
            Some(i) if !self.scorers[i].name.trim().is_empty() => {
                self.scorers[i].name.trim().to_string()
            }
            Some(i) => format!("Scorer {}", i + 1),
            None => "Unknown scorer".into(),
        }
    }

    pub fn add_scorer(&mut self, id: String, name: &str) {
        self.scorers.push(Scorer {
            id,
            name: name.trim().to_string(),
            roster_id: None,
        });
    }

    /// Removes a scorer and their scores in every round.
    pub fn remove_scorer(&mut self, id: &str) {
        self.scorers.retain(|s| s.id != id);
        for r in &mut self.rounds {
            r.scores.remove(id);
        }
    }

    /// A new round, named, placed last; the framework and scale carry over.
    pub fn add_round(&mut self, id: String, name: &str) {
        let name = if name.trim().is_empty() {
            format!("Round {}", self.rounds.len() + 1)
        } else {
            name.trim().to_string()
        };
        self.rounds.push(Round {
            id,
            name,
            ..Round::default()
        });
    }

    /// Sets a score: a level, or "don't know" (`value` = `None`, `dont_know`), or neither (the
    /// answer is cleared; a comment stays). A level outside the scale, or "don't know" on a
    /// scale without it, is refused.
    pub fn set_score(
        &mut self,
        round: &str,
        scorer: &str,
        element: &str,
        value: Option<i32>,
        dont_know: bool,
    ) {
        if value.is_some_and(|v| !(self.scale.min..=self.scale.max).contains(&v))
            || (value.is_none() && dont_know && !self.scale.allow_dont_know)
        {
            return;
        }
        let Some(r) = self.round_mut(round) else {
            return;
        };
        let mine = r.scores.entry(scorer.to_string()).or_default();
        let score = mine.entry(element.to_string()).or_default();
        score.value = value;
        score.dont_know = value.is_none() && dont_know;
        if !score.is_answered() && score.comment.is_empty() {
            mine.remove(element);
        }
        if mine.is_empty() {
            r.scores.remove(scorer);
        }
    }

    pub fn set_comment(&mut self, round: &str, scorer: &str, element: &str, comment: String) {
        let Some(r) = self.round_mut(round) else {
            return;
        };
        r.scores
            .entry(scorer.to_string())
            .or_default()
            .entry(element.to_string())
            .or_default()
            .comment = comment;
    }

    /// Sets the show-of-hands count for one level (`None` = "don't know"), at most
    /// [`MAX_HANDS`].
    pub fn set_hands(&mut self, round: &str, element: &str, level: Option<i32>, count: u32) {
        let count = count.min(MAX_HANDS);
        let levels = self.scale.range().levels();
        let min = self.scale.min;
        let Some(r) = self.round_mut(round) else {
            return;
        };
        let hands = r.hands.entry(element.to_string()).or_default();
        hands.counts.resize(levels, 0);
        match level {
            None => hands.dont_know = count,
            Some(v) => {
                if let Some(c) = usize::try_from(v - min)
                    .ok()
                    .and_then(|i| hands.counts.get_mut(i))
                {
                    *c = count;
                }
            }
        }
        if hands.is_empty() {
            r.hands.remove(element);
        }
    }

    /// Every score for one element in one round, individual and by show of hands: the values
    /// and the number of "don't know" answers.
    pub fn values(&self, round: &Round, element: &str) -> (Vec<i32>, usize) {
        let mut values = Vec::new();
        let mut dont_know = 0;
        for by_element in round.scores.values() {
            match by_element.get(element) {
                Some(Score { value: Some(v), .. }) => values.push(*v),
                Some(Score {
                    dont_know: true, ..
                }) if self.scale.allow_dont_know => dont_know += 1,
                _ => {}
            }
        }
        if let Some(h) = round.hands.get(element) {
            for (i, &count) in h.counts.iter().enumerate() {
                let v = self.scale.min + i as i32;
                values.extend(std::iter::repeat_n(v, count as usize));
            }
            if self.scale.allow_dont_know {
                dont_know += h.dont_know as usize;
            }
        }
        (values, dont_know)
    }

    /// The results of one round, element by element in framework order.
    pub fn results(&self, round: &Round) -> Vec<ElementResult> {
        self.framework
            .elements
            .iter()
            .map(|e| {
                let (values, dont_know) = self.values(round, &e.id);
                ElementResult {
                    element: e.clone(),
                    summary: stats::summarise(&values, dont_know, self.scale.range()),
                }
            })
            .collect()
    }

    /// The weakest element of a round's results (lowest mean, as the ranking orders them),
    /// or `None` when nothing has been scored.
    pub fn weakest(results: &[ElementResult]) -> Option<&ElementResult> {
        let summaries: Vec<stats::Summary> = results.iter().map(|r| r.summary.clone()).collect();
        let first = *stats::rank_weakest_first(&summaries).first()?;
        results.get(first).filter(|r| r.summary.mean.is_some())
    }

    /// How many elements a scorer has answered in a round.
    pub fn answered_by(&self, round: &Round, scorer: &str) -> usize {
        round.scores.get(scorer).map_or(0, |m| {
            self.framework
                .elements
                .iter()
                .filter(|e| m.get(&e.id).is_some_and(Score::is_answered))
                .count()
        })
    }
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
