//! The polemical use of boundary judgments: challenges those affected put to those involved,
//! on a question, and the replies.

use serde::{Deserialize, Serialize};

use super::{BoundaryCritique, QUESTIONS};

/// One challenge in the polemical use of boundary judgments: on a question, what those
/// affected put to those involved, and the reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    pub id: String,
    pub question: u8,
    #[serde(default)]
    pub challenge: String,
    #[serde(default)]
    pub reply: String,
}

impl BoundaryCritique {
    /// Records a challenge on `question` (1 to 12); returns whether it was recorded.
    pub fn add_challenge(&mut self, id: String, question: u8, challenge: &str) -> bool {
        if !(1..=QUESTIONS).contains(&question) || challenge.trim().is_empty() {
            return false;
        }
        self.challenges.push(Challenge {
            id,
            question,
            challenge: challenge.to_string(),
            reply: String::new(),
        });
        true
    }

    /// Reads stored challenges one by one; one that cannot be read is dropped with a note.
    pub(super) fn restore_challenges(
        &mut self,
        value: &serde_json::Value,
        report: &mut Vec<String>,
    ) {
        if let Some(serde_json::Value::Array(items)) = value.get("challenges") {
            for (i, item) in items.iter().enumerate() {
                match serde_json::from_value::<Challenge>(item.clone()) {
                    Ok(ch) if (1..=QUESTIONS).contains(&ch.question) && !ch.id.is_empty() => {
                        self.challenges.push(ch)
                    }
                    _ => report.push(format!(
                        "challenge {} could not be read and was dropped",
                        i + 1
                    )),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn challenges_are_recorded_on_a_question_and_restored() {
        let mut c = BoundaryCritique::default();
        assert!(!c.add_challenge("c-0".into(), 13, "x"));
        assert!(!c.add_challenge("c-0".into(), 3, "  "));
        assert!(c.add_challenge("c-1".into(), 3, "Whose improvement?"));
        c.challenges[0].reply = "Ours, so far".into();
        assert!(!c.is_empty());
        let v = serde_json::to_value(&c).unwrap();
        let mut report = Vec::new();
        assert_eq!(BoundaryCritique::restore(v, &[], &mut report), c);
        let bad = serde_json::json!({"challenges": [{"id": "a", "question": 40}, 5]});
        assert!(
            BoundaryCritique::restore(bad, &[], &mut report)
                .challenges
                .is_empty()
        );
        assert_eq!(report.len(), 2);
    }
}
