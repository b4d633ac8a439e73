//! A participant's answers while they are being written: kept in the phone's own storage (one
//! key per invitation) so a locked screen or a reload loses nothing, and read back leniently
//! against the invitation it belongs to.

use serde::{Deserialize, Serialize};

use super::caps;
use super::code::cap_text;
use super::invite::{BoundaryInvite, ScoringInvite};
use super::response::{Answer, BoundaryResponse, ScoringResponse, Stance};

/// The storage key prefix for drafts (`cst-workbench.draft.<invitation>`).
pub const DRAFT_PREFIX: &str = "cst-workbench.draft.";

/// The storage key of the draft for a scoring invitation.
pub fn scoring_key(invite: &ScoringInvite) -> String {
    format!(
        "{DRAFT_PREFIX}s.{}.{:08x}",
        cap_text(&invite.round, caps::ID),
        invite.check
    )
}

/// The storage key of the draft for a boundary invitation.
pub fn boundary_key(invite: &BoundaryInvite) -> String {
    format!(
        "{DRAFT_PREFIX}b.{}.{:08x}",
        cap_text(&invite.invite, caps::ID),
        invite.check
    )
}

/// One element's answer in the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftAnswer {
    /// A level, if chosen.
    #[serde(default)]
    pub level: Option<i32>,
    #[serde(default)]
    pub dont_know: bool,
    #[serde(default)]
    pub comment: String,
}

impl DraftAnswer {
    pub fn answer(&self) -> Answer {
        match (self.level, self.dont_know) {
            (Some(v), _) => Answer::Level(v),
            (None, true) => Answer::DontKnow,
            _ => Answer::Blank,
        }
    }
}

/// A participant's scores for one invitation, as stored on their phone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringDraft {
    /// Made once, when the draft is first made, so a response sent twice counts once.
    #[serde(default)]
    pub response: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub answers: Vec<DraftAnswer>,
    /// The element shown (one at a time).
    #[serde(default)]
    pub at: usize,
    /// All elements on one page instead of one at a time.
    #[serde(default)]
    pub list: bool,
    /// "Send my answers" was pressed: the response is shown.
    #[serde(default)]
    pub sent: bool,
}

impl ScoringDraft {
    /// A fresh draft for an invitation.
    pub fn new(invite: &ScoringInvite, response: String) -> ScoringDraft {
        ScoringDraft {
            response,
            answers: vec![DraftAnswer::default(); invite.elements.len()],
            ..ScoringDraft::default()
        }
    }

    /// The stored draft, repaired to fit the invitation (levels outside its scale are
    /// forgotten, the list is sized to its elements), or a fresh one if there is none or it
    /// cannot be read.
    pub fn restore(raw: Option<&str>, invite: &ScoringInvite, fresh: String) -> ScoringDraft {
        let Some(mut d) = raw.and_then(|r| serde_json::from_str::<ScoringDraft>(r).ok()) else {
            return ScoringDraft::new(invite, fresh);
        };
        if d.response.is_empty() || d.response.chars().count() > caps::ID {
            d.response = fresh;
        }
        d.answers
            .resize(invite.elements.len(), DraftAnswer::default());
        for a in &mut d.answers {
            if a.level
                .is_some_and(|v| !(invite.min..=invite.max).contains(&v))
            {
                a.level = None;
            }
            if !invite.allow_dont_know {
                a.dont_know = false;
            }
            a.comment = cap_text(&a.comment, caps::COMMENT).to_string();
        }
        d.name = cap_text(&d.name, caps::NAME).to_string();
        // `at` may be one past the last element: the page with the name and "Send".
        d.at = d.at.min(invite.elements.len());
        d
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// How many elements have a level or "don't know".
    pub fn answered(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| a.answer() != Answer::Blank)
            .count()
    }

    /// The response this draft sends.
    pub fn response(&self, invite: &ScoringInvite) -> ScoringResponse {
        ScoringResponse {
            workshop: invite.workshop.clone(),
            round: invite.round.clone(),
            check: invite.check,
            response: self.response.clone(),
            name: self.name.trim().to_string(),
            answers: self
                .answers
                .iter()
                .map(|a| (a.answer(), a.comment.trim().to_string()))
                .collect(),
        }
    }
}

/// A participant's boundary answers, as stored on their phone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundaryDraft {
    #[serde(default)]
    pub response: String,
    #[serde(default)]
    pub name: String,
    /// The perspective they speak as, when the invitation asks for a new one.
    #[serde(default)]
    pub perspective: String,
    /// "involved", "affected" or empty.
    #[serde(default)]
    pub stance: String,
    /// (question, is, text), one per question and mode asked.
    #[serde(default)]
    pub answers: Vec<(u8, bool, String)>,
    #[serde(default)]
    pub sent: bool,
}

impl BoundaryDraft {
    /// The stored draft fitted to the invitation: one slot per question and mode it asks,
    /// text kept where it matches.
    pub fn restore(raw: Option<&str>, invite: &BoundaryInvite, fresh: String) -> BoundaryDraft {
        let stored = raw
            .and_then(|r| serde_json::from_str::<BoundaryDraft>(r).ok())
            .unwrap_or_default();
        let mut slots = Vec::new();
        for &q in &invite.questions {
            for (asked, is) in [(invite.modes.is, true), (invite.modes.ought, false)] {
                if asked {
                    let text = stored
                        .answers
                        .iter()
                        .find(|(sq, sis, _)| *sq == q && *sis == is)
                        .map(|(_, _, t)| cap_text(t, caps::ANSWER).to_string())
                        .unwrap_or_default();
                    slots.push((q, is, text));
                }
            }
        }
        let response = if stored.response.is_empty() || stored.response.chars().count() > caps::ID {
            fresh
        } else {
            stored.response
        };
        BoundaryDraft {
            response,
            name: cap_text(&stored.name, caps::NAME).to_string(),
            perspective: cap_text(&stored.perspective, caps::PERSPECTIVE).to_string(),
            stance: if invite.ask_stance {
                stored.stance
            } else {
                String::new()
            },
            answers: slots,
            sent: stored.sent,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn response(&self, invite: &BoundaryInvite) -> BoundaryResponse {
        BoundaryResponse {
            workshop: invite.workshop.clone(),
            invite: invite.invite.clone(),
            check: invite.check,
            response: self.response.clone(),
            name: self.name.trim().to_string(),
            perspective: invite
                .perspective
                .as_ref()
                .map(|(id, _)| id.clone())
                .unwrap_or_default(),
            new_perspective: if invite.perspective.is_none() {
                self.perspective.trim().to_string()
            } else {
                String::new()
            },
            stance: match self.stance.as_str() {
                "involved" => Stance::Involved,
                "affected" => Stance::Affected,
                _ => Stance::Unsaid,
            },
            answers: self
                .answers
                .iter()
                .filter(|(_, _, t)| !t.trim().is_empty())
                .map(|(q, is, t)| (*q, *is, t.trim().to_string()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::participate::invite::InviteElement;

    fn invite() -> ScoringInvite {
        ScoringInvite {
            workshop: "w".into(),
            round: "r".into(),
            min: 1,
            max: 5,
            allow_dont_know: true,
            elements: vec![InviteElement::default(); 3],
            ..ScoringInvite::default()
        }
    }

    #[test]
    fn a_stored_draft_is_fitted_to_its_invitation() {
        let i = invite();
        let mut d = ScoringDraft::new(&i, "x1".into());
        d.answers[0].level = Some(4);
        d.answers[1].dont_know = true;
        d.answers[2].comment = "ok".into();
        d.at = 2;
        let back = ScoringDraft::restore(Some(&d.to_json()), &i, "fresh".into());
        assert_eq!(back, d);
        assert_eq!(back.answered(), 2);
        // A level the scale no longer has is forgotten; garbage gives a fresh draft.
        let raw = r#"{"response":"x1","answers":[{"level":9}],"at":7}"#;
        let back = ScoringDraft::restore(Some(raw), &i, "fresh".into());
        assert_eq!(
            (back.answers.len(), back.answers[0].level, back.at),
            (3, None, 3)
        );
        let back = ScoringDraft::restore(Some("{nope"), &i, "fresh".into());
        assert_eq!(back.response, "fresh");
    }
}
