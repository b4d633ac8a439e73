//! The closing reflection: who was not in the room, the facilitator's own boundary judgments,
//! and Ulrich's triangle of facts, values and boundary judgments.

use serde::{Deserialize, Serialize};

use super::BoundaryCritique;

/// The closing reflection: who was not in the room, the facilitator's own boundary
/// judgments, and the triangle of facts, values and boundary judgments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub not_in_room: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub own_judgments: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facts: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub values: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub boundaries: String,
}

/// The parts of a [`Reflection`], in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReflectionPart {
    NotInRoom,
    OwnJudgments,
    Facts,
    Values,
    Boundaries,
}

impl ReflectionPart {
    pub const ALL: [ReflectionPart; 5] = [
        ReflectionPart::NotInRoom,
        ReflectionPart::OwnJudgments,
        ReflectionPart::Facts,
        ReflectionPart::Values,
        ReflectionPart::Boundaries,
    ];
}

impl Reflection {
    pub fn is_empty(&self) -> bool {
        ReflectionPart::ALL
            .iter()
            .all(|p| self.get(*p).trim().is_empty())
    }

    pub fn get(&self, part: ReflectionPart) -> &str {
        match part {
            ReflectionPart::NotInRoom => &self.not_in_room,
            ReflectionPart::OwnJudgments => &self.own_judgments,
            ReflectionPart::Facts => &self.facts,
            ReflectionPart::Values => &self.values,
            ReflectionPart::Boundaries => &self.boundaries,
        }
    }

    pub fn set(&mut self, part: ReflectionPart, text: String) {
        *match part {
            ReflectionPart::NotInRoom => &mut self.not_in_room,
            ReflectionPart::OwnJudgments => &mut self.own_judgments,
            ReflectionPart::Facts => &mut self.facts,
            ReflectionPart::Values => &mut self.values,
            ReflectionPart::Boundaries => &mut self.boundaries,
        } = text;
    }
}

impl BoundaryCritique {
    /// Reads a stored reflection; an unreadable one is left empty with a note.
    pub(super) fn restore_reflection(
        &mut self,
        value: &serde_json::Value,
        report: &mut Vec<String>,
    ) {
        if let Some(v) = value.get("reflection") {
            match serde_json::from_value::<Reflection>(v.clone()) {
                Ok(r) => self.reflection = r,
                Err(_) => report.push(
                    "the closing reflection could not be read and was left empty".to_string(),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn the_reflection_is_kept_and_an_unreadable_one_is_noted() {
        let mut c = BoundaryCritique::default();
        assert!(c.is_empty());
        c.reflection
            .set(ReflectionPart::Values, "Health as belonging".into());
        assert!(!c.is_empty(), "a reflection alone is worth saving");
        assert_eq!(
            c.reflection.get(ReflectionPart::Values),
            "Health as belonging"
        );
        let text = serde_json::to_value(&c).unwrap();
        let mut report = Vec::new();
        assert_eq!(BoundaryCritique::restore(text, &[], &mut report), c);
        assert!(report.is_empty());
        let bad = serde_json::json!({"reflection": {"facts": 3}});
        let back = BoundaryCritique::restore(bad, &[], &mut report);
        assert!(back.reflection.is_empty());
        assert_eq!(report.len(), 1);
    }
}
