//! Boundary critique as data: perspectives that answer Ulrich's twelve questions in *is* and
//! *ought* mode, linked to the roster, and the tensions a facilitator marks between answers.
//!
//! The questions themselves are content (`crate::content::csh`); here a question is its number,
//! 1 to 12. Everything is pure: the views and the tension summary are computed from this data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::roster::{Involvement, Stakeholder};

mod challenges;
mod gaps;
mod margins;
mod mode;
mod reflection;
mod roles;
mod same_name;

pub use challenges::Challenge;
pub use gaps::Gap;
pub use margins::{Margins, Mark, Placed, Zone};
pub use mode::Mode;
pub use reflection::{Reflection, ReflectionPart};
pub use roles::{Role, Roles};
pub use same_name::same_name_links;

/// The number of boundary questions.
pub const QUESTIONS: u8 = 12;

/// One answer to one question: what is the case, and what ought to be.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub is: String,
    #[serde(default)]
    pub ought: String,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.is.trim().is_empty() && self.ought.trim().is_empty()
    }

    /// The text on one side.
    pub fn text(&self, mode: Mode) -> &str {
        match mode {
            Mode::Is => &self.is,
            Mode::Ought => &self.ought,
        }
    }

    pub fn text_mut(&mut self, mode: Mode) -> &mut String {
        match mode {
            Mode::Is => &mut self.is,
            Mode::Ought => &mut self.ought,
        }
    }
}

/// A point of view the group answers from ("core team", "service users").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perspective {
    pub id: String,
    #[serde(default)]
    pub name: String,
    /// Roster entries this perspective speaks for.
    #[serde(default)]
    pub roster_ids: Vec<String>,
    /// Answers by question number.
    #[serde(default)]
    pub answers: BTreeMap<u8, Answer>,
    /// Ids of participants' responses already taken into this perspective (so the same
    /// response collected twice counts once; see `crate::participate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collected: Vec<String>,
}

/// How far apart two answers are, as the facilitator judges it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    #[default]
    None,
    Some,
    Strong,
}

/// A gap marked on one question: within one perspective (its is against its ought), or
/// between two perspectives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tension {
    pub question: u8,
    /// One perspective id (is against ought), or two (one against the other), in order.
    pub perspectives: Vec<String>,
    #[serde(default)]
    pub level: Level,
    #[serde(default)]
    pub note: String,
}

/// How a perspective stands towards the programme, from the roster entries it speaks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stance {
    Involved,
    Affected,
    /// Linked to no roster entry, or to both kinds.
    Unclear,
}

/// The boundary critique of one workshop.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundaryCritique {
    #[serde(default)]
    pub perspectives: Vec<Perspective>,
    #[serde(default)]
    pub tensions: Vec<Tension>,
    /// Ask what ought to be before what is ("ideal mapping", as Ulrich and Reynolds print
    /// the questions). Absent in older documents: is first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ought_first: bool,
    /// CSH roles by roster entry id, as the group marks them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, Roles>,
    /// The closing reflection.
    #[serde(default, skip_serializing_if = "Reflection::is_empty")]
    pub reflection: Reflection,
    /// Challenges put to those involved, and their replies, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge>,
    /// Midgley's boundary analysis: the primary and secondary boundary, and what sits in the
    /// marginal zone between them.
    #[serde(default, skip_serializing_if = "Margins::is_empty")]
    pub margins: Margins,
}

impl BoundaryCritique {
    pub fn is_empty(&self) -> bool {
        self.perspectives.is_empty()
            && self.tensions.is_empty()
            && !self.ought_first
            && self.roles.is_empty()
            && self.reflection.is_empty()
            && self.challenges.is_empty()
            && self.margins.is_empty()
    }

    pub fn perspective(&self, id: &str) -> Option<&Perspective> {
        self.perspectives.iter().find(|p| p.id == id)
    }

    pub fn add_perspective(&mut self, id: String, name: &str) -> String {
        self.perspectives.push(Perspective {
            id: id.clone(),
            name: name.trim().to_string(),
            ..Perspective::default()
        });
        id
    }

    /// Removes a perspective and every tension that names it.
    pub fn remove_perspective(&mut self, id: &str) {
        self.perspectives.retain(|p| p.id != id);
        self.tensions
            .retain(|t| !t.perspectives.iter().any(|p| p == id));
    }

    /// Sets one side of one answer; an answer left empty on both sides is dropped.
    pub fn set_answer(&mut self, perspective: &str, question: u8, mode: Mode, text: String) {
        if !(1..=QUESTIONS).contains(&question) {
            return;
        }
        let Some(p) = self.perspectives.iter_mut().find(|p| p.id == perspective) else {
            return;
        };
        let answer = p.answers.entry(question).or_default();
        *answer.text_mut(mode) = text;
        if answer.is_empty() {
            p.answers.remove(&question);
        }
    }

    /// Marks (or clears, with `Level::None` and no note) the tension on `question` for one
    /// perspective or between two.
    pub fn set_tension(&mut self, question: u8, perspectives: &[&str], level: Level, note: &str) {
        let mut key: Vec<String> = perspectives.iter().map(|s| s.to_string()).collect();
        crate::order::sort(&mut key);
        key.dedup();
        if key.is_empty() || key.len() > 2 || !(1..=QUESTIONS).contains(&question) {
            return;
        }
        self.tensions
            .retain(|t| !(t.question == question && t.perspectives == key));
        if level != Level::None || !note.trim().is_empty() {
            self.tensions.push(Tension {
                question,
                perspectives: key,
                level,
                note: note.to_string(),
            });
        }
    }

    /// Tensions strongest first, then by question.
    pub fn tension_summary(&self) -> Vec<&Tension> {
        let mut out: Vec<&Tension> = self
            .tensions
            .iter()
            .filter(|t| t.level > Level::None)
            .collect();
        crate::order::sort_by(&mut out, |a, b| {
            b.level.cmp(&a.level).then(a.question.cmp(&b.question))
        });
        out
    }

    /// A perspective's name as shown, or "Unnamed perspective".
    pub fn name_of(&self, id: &str) -> String {
        self.perspective(id)
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "Unnamed perspective".to_string())
    }

    /// Who a tension is between, in words: "A, is against ought" (one perspective) or
    /// "A and B" (two), each name passed through `show` (for escaping in an export).
    pub fn tension_between(&self, t: &Tension, show: impl Fn(&str) -> String) -> String {
        match t.perspectives.as_slice() {
            [one] => format!("{}, is against ought", show(&self.name_of(one))),
            [x, y] => format!("{} and {}", show(&self.name_of(x)), show(&self.name_of(y))),
            _ => String::new(),
        }
    }

    /// Questions that no perspective has answered at all.
    pub fn unanswered(&self) -> Vec<u8> {
        (1..=QUESTIONS)
            .filter(|q| {
                !self
                    .perspectives
                    .iter()
                    .any(|p| p.answers.get(q).is_some_and(|a| !a.is_empty()))
            })
            .collect()
    }

    /// How many of a perspective's 24 fields (12 questions × is/ought) have text.
    pub fn progress(&self, perspective: &str) -> usize {
        self.perspective(perspective).map_or(0, |p| {
            p.answers
                .values()
                .map(|a| {
                    usize::from(!a.is.trim().is_empty()) + usize::from(!a.ought.trim().is_empty())
                })
                .sum()
        })
    }

    /// Whether a perspective speaks for those involved or those affected.
    pub fn stance(&self, perspective: &str, roster: &[Stakeholder]) -> Stance {
        let Some(p) = self.perspective(perspective) else {
            return Stance::Unclear;
        };
        let kinds: Vec<Involvement> = roster
            .iter()
            .filter(|s| p.roster_ids.contains(&s.id))
            .map(|s| s.involvement)
            .collect();
        match (
            kinds.contains(&Involvement::Involved),
            kinds.contains(&Involvement::Affected),
        ) {
            (true, false) => Stance::Involved,
            (false, true) => Stance::Affected,
            _ => Stance::Unclear,
        }
    }

    /// Roster entries marked affected but not involved that no perspective speaks for: the
    /// people the witness question asks about.
    pub fn unrepresented<'a>(&self, roster: &'a [Stakeholder]) -> Vec<&'a Stakeholder> {
        roster
            .iter()
            .filter(|s| s.involvement == Involvement::Affected)
            .filter(|s| {
                !self
                    .perspectives
                    .iter()
                    .any(|p| p.roster_ids.contains(&s.id))
            })
            .collect()
    }

    /// Reads a stored critique element by element: a perspective or tension that cannot be read
    /// is dropped with a note, the rest is kept; then [`Self::repair`] runs.
    pub fn restore(
        value: serde_json::Value,
        roster: &[Stakeholder],
        report: &mut Vec<String>,
    ) -> BoundaryCritique {
        let mut c = BoundaryCritique {
            ought_first: value
                .get("ought_first")
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false),
            ..BoundaryCritique::default()
        };
        c.restore_reflection(&value, report);
        c.restore_challenges(&value, report);
        c.restore_roles(&value, report);
        c.restore_margins(&value, report);
        let list = |key: &str| match value.get(key) {
            Some(serde_json::Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        for (i, item) in list("perspectives").into_iter().enumerate() {
            match serde_json::from_value::<Perspective>(item) {
                Ok(p) => c.perspectives.push(p),
                Err(_) => report.push(format!(
                    "boundary perspective {} could not be read and was dropped",
                    i + 1
                )),
            }
        }
        for (i, item) in list("tensions").into_iter().enumerate() {
            match serde_json::from_value::<Tension>(item) {
                Ok(t) => c.tensions.push(t),
                Err(_) => report.push(format!(
                    "boundary tension {} could not be read and was dropped",
                    i + 1
                )),
            }
        }
        c.repair(roster, report);
        c
    }

    /// Repairs a critique read from storage against the workshop's roster: answers to questions
    /// outside 1–12, links to roster entries that no longer exist, repeated perspective ids and
    /// tensions naming missing perspectives are dropped, each with a note in `report`.
    pub fn repair(&mut self, roster: &[Stakeholder], report: &mut Vec<String>) {
        let mut seen = std::collections::HashSet::new();
        let before = self.perspectives.len();
        self.perspectives
            .retain(|p| !p.id.is_empty() && seen.insert(p.id.clone()));
        if self.perspectives.len() < before {
            report.push(format!(
                "{} perspective(s) without an id or with a repeated id were dropped",
                before - self.perspectives.len()
            ));
        }
        for p in &mut self.perspectives {
            let stray: Vec<u8> = p
                .answers
                .keys()
                .copied()
                .filter(|q| !(1..=QUESTIONS).contains(q))
                .collect();
            for q in stray {
                p.answers.remove(&q);
                report.push(format!(
                    "an answer to question {q}, which does not exist, was dropped"
                ));
            }
            let links = p.roster_ids.len();
            p.roster_ids.retain(|id| roster.iter().any(|s| &s.id == id));
            if p.roster_ids.len() < links {
                report.push(format!(
                    "perspective \u{201c}{}\u{201d} linked to roster entries that no longer exist; the links were dropped",
                    p.name
                ));
            }
        }
        self.repair_roles(roster, report);
        self.repair_margins(roster, report);
        let ids: Vec<String> = self.perspectives.iter().map(|p| p.id.clone()).collect();
        let before = self.tensions.len();
        self.tensions.retain(|t| {
            (1..=QUESTIONS).contains(&t.question)
                && (1..=2).contains(&t.perspectives.len())
                && t.perspectives.iter().all(|p| ids.contains(p))
        });
        if self.tensions.len() < before {
            report.push(format!(
                "{} tension(s) that named a missing perspective or question were dropped",
                before - self.tensions.len()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    pub(super) fn person(id: &str, involvement: Involvement) -> Stakeholder {
        Stakeholder {
            id: id.into(),
            name: id.into(),
            group: String::new(),
            involvement,
            extra: Map::new(),
        }
    }

    fn critique() -> BoundaryCritique {
        let mut c = BoundaryCritique::default();
        c.add_perspective("p-team".into(), "Core team");
        c.add_perspective("p-users".into(), "Service users");
        c
    }

    #[test]
    fn answers_are_set_per_side_and_empty_ones_vanish() {
        let mut c = critique();
        c.set_answer("p-team", 1, Mode::Is, "Frequent attenders".into());
        c.set_answer("p-team", 1, Mode::Ought, "People with low agency".into());
        assert_eq!(c.progress("p-team"), 2);
        c.set_answer("p-team", 1, Mode::Is, String::new());
        c.set_answer("p-team", 1, Mode::Ought, "  ".into());
        assert!(c.perspective("p-team").unwrap().answers.is_empty());
        c.set_answer("p-team", 13, Mode::Is, "no such question".into());
        c.set_answer("p-nobody", 2, Mode::Is, "no such perspective".into());
        assert_eq!(c.progress("p-team"), 0);
    }

    #[test]
    fn unanswered_questions_are_those_nobody_answered() {
        let mut c = critique();
        c.set_answer("p-team", 2, Mode::Is, "Reduce GP load".into());
        c.set_answer("p-users", 12, Mode::Ought, "Wellbeing first".into());
        let open = c.unanswered();
        assert_eq!(open.len(), 10);
        assert!(!open.contains(&2) && !open.contains(&12));
    }

    #[test]
    fn tensions_are_upserted_cleared_and_summarised_strongest_first() {
        let mut c = critique();
        c.set_tension(3, &["p-team"], Level::Some, "Measures cost, not wellbeing");
        c.set_tension(1, &["p-users", "p-team"], Level::Strong, "Who is it for?");
        c.set_tension(5, &["p-team", "p-users"], Level::Some, "");
        c.set_tension(
            1,
            &["p-team", "p-users"],
            Level::Strong,
            "Who is it for, really?",
        );
        assert_eq!(
            c.tensions.len(),
            3,
            "the same pair in another order is the same tension"
        );
        let summary: Vec<u8> = c.tension_summary().iter().map(|t| t.question).collect();
        assert_eq!(summary, [1, 3, 5]);
        c.set_tension(5, &["p-users", "p-team"], Level::None, "");
        assert_eq!(c.tensions.len(), 2);
        c.set_tension(4, &["a", "b", "c"], Level::Strong, "three is too many");
        assert_eq!(c.tensions.len(), 2);
    }

    #[test]
    fn tensions_say_who_they_are_between() {
        let mut b = BoundaryCritique::default();
        b.add_perspective("a".into(), "Team");
        b.add_perspective("b".into(), "  ");
        b.set_tension(1, &["a"], Level::Some, "");
        b.set_tension(2, &["a", "b"], Level::Strong, "");
        let said: Vec<String> = b
            .tensions
            .iter()
            .map(|t| b.tension_between(t, str::to_string))
            .collect();
        assert!(said.contains(&"Team, is against ought".to_string()));
        assert!(said.contains(&"Team and Unnamed perspective".to_string()));
        let t = b.tensions.iter().find(|t| t.question == 1).unwrap();
        assert_eq!(
            b.tension_between(t, |n| format!("<{n}>")),
            "<Team>, is against ought"
        );
    }

    #[test]
    fn removing_a_perspective_removes_its_tensions() {
        let mut c = critique();
        c.set_tension(1, &["p-users", "p-team"], Level::Strong, "");
        c.set_tension(2, &["p-team"], Level::Some, "");
        c.remove_perspective("p-users");
        assert_eq!(c.tensions.len(), 1);
        assert_eq!(c.tensions[0].question, 2);
    }

    #[test]
    fn stance_and_the_affected_nobody_speaks_for() {
        let roster = vec![
            person("gp", Involvement::Involved),
            person("vcs", Involvement::Affected),
            person("minority", Involvement::Affected),
        ];
        let mut c = critique();
        c.perspectives[0].roster_ids = vec!["gp".into()];
        c.perspectives[1].roster_ids = vec!["vcs".into()];
        assert_eq!(c.stance("p-team", &roster), Stance::Involved);
        assert_eq!(c.stance("p-users", &roster), Stance::Affected);
        let missing: Vec<&str> = c
            .unrepresented(&roster)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(missing, ["minority"]);
        c.perspectives[1].roster_ids.push("gp".into());
        assert_eq!(c.stance("p-users", &roster), Stance::Unclear);
    }

    #[test]
    fn repair_drops_what_points_nowhere() {
        let roster = vec![person("gp", Involvement::Involved)];
        let mut c = critique();
        c.perspectives.push(Perspective {
            id: "p-team".into(),
            ..Perspective::default()
        });
        c.perspectives[0].roster_ids = vec!["gp".into(), "gone".into()];
        c.perspectives[0].answers.insert(0, Answer::default());
        c.perspectives[0].answers.insert(99, Answer::default());
        c.tensions.push(Tension {
            question: 1,
            perspectives: vec!["ghost".into()],
            level: Level::Some,
            note: String::new(),
        });
        c.tensions.push(Tension {
            question: 40,
            perspectives: vec!["p-team".into()],
            level: Level::Some,
            note: String::new(),
        });
        let mut report = Vec::new();
        c.repair(&roster, &mut report);
        assert_eq!(c.perspectives.len(), 2);
        assert_eq!(c.perspectives[0].roster_ids, ["gp"]);
        assert!(c.perspectives[0].answers.is_empty());
        assert!(c.tensions.is_empty());
        assert_eq!(report.len(), 5, "{report:?}");
    }

    #[test]
    fn restore_keeps_what_it_can_read() {
        let roster = vec![person("gp", Involvement::Involved)];
        let value = serde_json::json!({
            "perspectives": [
                {"id": "p-1", "name": "GPs", "roster_ids": ["gp"], "answers": {"4": {"is": "Commissioners"}}},
                {"id": 7},
                "nonsense"
            ],
            "tensions": [{"question": 4, "perspectives": ["p-1"], "level": "strong"}, {"level": "huge"}]
        });
        let mut report = Vec::new();
        let c = BoundaryCritique::restore(value, &roster, &mut report);
        assert_eq!(c.perspectives.len(), 1);
        assert_eq!(c.perspectives[0].answers[&4].is, "Commissioners");
        assert_eq!(c.tensions.len(), 1);
        assert_eq!(report.len(), 3, "{report:?}");
    }

    #[test]
    fn serialised_critiques_read_back_the_same() {
        let mut c = critique();
        c.set_answer("p-team", 9, Mode::Is, "Expert consensus".into());
        c.set_tension(9, &["p-team"], Level::Strong, "Nobody asked users");
        let text = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<BoundaryCritique>(&text).unwrap(), c);
    }
}
