//! Ought first ("ideal mapping", as Ulrich and Reynolds print the questions: what ought to be,
//! then what is) and one perspective's is/ought gaps, largest first.

use super::{BoundaryCritique, Level, QUESTIONS};

/// One question's is/ought gap for one perspective, for the gaps view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub question: u8,
    /// The gap as the facilitator marked it (`Level::None` when not judged yet).
    pub level: Level,
    pub note: String,
    pub is: String,
    pub ought: String,
}

impl Gap {
    /// Whether both sides are answered, so the gap can be judged.
    pub fn both_answered(&self) -> bool {
        !self.is.trim().is_empty() && !self.ought.trim().is_empty()
    }
}

impl BoundaryCritique {
    /// One perspective's is/ought gaps, largest first: the facilitator's mark (strong, some,
    /// not judged), then questions with both sides answered before those with one, then by
    /// number. Questions with no answer and no mark are left out.
    pub fn gaps(&self, perspective: &str) -> Vec<Gap> {
        let Some(p) = self.perspective(perspective) else {
            return Vec::new();
        };
        let key = vec![perspective.to_string()];
        let mut out: Vec<Gap> = (1..=QUESTIONS)
            .filter_map(|q| {
                let mark = self
                    .tensions
                    .iter()
                    .find(|t| t.question == q && t.perspectives == key);
                let answer = p.answers.get(&q).cloned().unwrap_or_default();
                if answer.is_empty() && mark.is_none_or(|t| t.level == Level::None) {
                    return None;
                }
                Some(Gap {
                    question: q,
                    level: mark.map_or(Level::None, |t| t.level),
                    note: mark.map(|t| t.note.clone()).unwrap_or_default(),
                    is: answer.is,
                    ought: answer.ought,
                })
            })
            .collect();
        crate::order::sort_by(&mut out, |a, b| {
            b.level
                .cmp(&a.level)
                .then(b.both_answered().cmp(&a.both_answered()))
                .then(a.question.cmp(&b.question))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn gaps_come_largest_first() {
        let mut c = BoundaryCritique::default();
        c.add_perspective("p".into(), "Team");
        for (q, is, ought) in [(1, "a", "b"), (2, "c", ""), (3, "d", "e"), (5, "f", "g")] {
            c.set_answer("p", q, Mode::Is, is.into());
            c.set_answer("p", q, Mode::Ought, ought.into());
        }
        c.set_tension(3, &["p"], Level::Strong, "far apart");
        c.set_tension(5, &["p"], Level::Some, "");
        c.set_tension(9, &["p"], Level::Some, "no answers yet");
        let order: Vec<u8> = c.gaps("p").iter().map(|g| g.question).collect();
        // Strong 3; some 5 (answered) before some 9 (not); then unjudged: 1 (both) before 2.
        assert_eq!(order, [3, 5, 9, 1, 2]);
        assert_eq!(c.gaps("p")[0].note, "far apart");
        assert!(c.gaps("nobody").is_empty());
    }
}
