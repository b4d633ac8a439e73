//! What a phone sends back, and how the facilitator's app takes it in.
//!
//! A scoring response becomes a scorer of the round ("Participant N", or the name the
//! participant gave) with their levels and comments; boundary answers become a perspective's
//! text, attributed. Both are idempotent by the response id: the same response twice counts
//! once. A merge checks everything first and changes nothing when it refuses.

use super::code::{self, Kind, Reader, Writer, cap_text};
use super::invite::expect;
use super::{Refusal, caps};
use crate::model::boundary::{Perspective, QUESTIONS};
use crate::model::workshop::{Involvement, Workshop};

/// One element's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Answer {
    #[default]
    Blank,
    DontKnow,
    Level(i32),
}

/// A participant's scores for one round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoringResponse {
    pub workshop: String,
    pub round: String,
    pub check: u32,
    /// Made on the phone; the same response collected twice counts once.
    pub response: String,
    /// Empty: anonymous.
    pub name: String,
    /// One per element of the invitation, in its order.
    pub answers: Vec<(Answer, String)>,
}

/// The scorer id a response becomes.
pub fn scorer_id(response: &str) -> String {
    format!("resp-{response}")
}

impl ScoringResponse {
    pub fn encode(&self) -> String {
        let mut w = Writer::default();
        w.text(&self.workshop, caps::ID);
        w.text(&self.round, caps::ID);
        w.u32(self.check);
        w.text(&self.response, caps::ID);
        w.text(&self.name, caps::NAME);
        let answers = &self.answers[..self.answers.len().min(caps::ELEMENTS)];
        w.uint(answers.len() as u64);
        for (a, comment) in answers {
            match a {
                Answer::Blank => w.byte(0),
                Answer::DontKnow => w.byte(1),
                Answer::Level(v) => {
                    w.byte(2);
                    w.int(i64::from(*v));
                }
            }
            w.text(comment, caps::COMMENT);
        }
        code::encode(Kind::ScoringResponse, &w.bytes)
    }

    pub fn decode(text: &str) -> Result<ScoringResponse, Refusal> {
        let body = expect(text, Kind::ScoringResponse)?;
        let mut r = Reader::new(&body);
        let workshop = r.text(caps::ID)?;
        let round = r.text(caps::ID)?;
        let check = r.u32()?;
        let response = r.text(caps::ID)?;
        if response.is_empty() {
            return Err(Refusal::Damaged);
        }
        let name = r.text(caps::NAME)?;
        let n = r.count(caps::ELEMENTS)?;
        let mut answers = Vec::with_capacity(n);
        for _ in 0..n {
            let a = match r.byte()? {
                0 => Answer::Blank,
                1 => Answer::DontKnow,
                2 => Answer::Level(r.i32()?),
                _ => return Err(Refusal::Damaged),
            };
            answers.push((a, r.text(caps::COMMENT)?));
        }
        r.finish()?;
        Ok(ScoringResponse {
            workshop,
            round,
            check,
            response,
            name,
            answers,
        })
    }

    /// Checks the response against the workshop without changing it: the label its scorer
    /// would get, or why it is refused.
    pub fn check_against(&self, w: &Workshop) -> Result<String, Refusal> {
        if self.workshop != w.id {
            return Err(Refusal::OtherWorkshop);
        }
        let s = &w.scoring;
        if s.round(&self.round).is_none() {
            return Err(Refusal::OtherRound);
        }
        if super::round_check(&w.id, s, &self.round) != self.check
            || self.answers.len() != s.framework.elements.len()
        {
            return Err(Refusal::RoundChanged);
        }
        let id = scorer_id(&self.response);
        if s.scorers.iter().any(|x| x.id == id) {
            return Err(Refusal::Duplicate(s.scorer_label(&id)));
        }
        for (a, _) in &self.answers {
            match a {
                Answer::Level(v) if !(s.scale.min..=s.scale.max).contains(v) => {
                    return Err(Refusal::Damaged);
                }
                Answer::DontKnow if !s.scale.allow_dont_know => return Err(Refusal::Damaged),
                _ => {}
            }
        }
        let name = self.name.trim();
        Ok(if name.is_empty() {
            let n = s
                .scorers
                .iter()
                .filter(|x| x.id.starts_with("resp-"))
                .count();
            format!("Participant {}", n + 1)
        } else {
            name.to_string()
        })
    }

    /// Adds the response to its round as a new scorer; returns that scorer's label. On a
    /// refusal the workshop is unchanged.
    pub fn merge_into(&self, w: &mut Workshop) -> Result<String, Refusal> {
        let label = self.check_against(w)?;
        let id = scorer_id(&self.response);
        let s = &mut w.scoring;
        s.add_scorer(id.clone(), &label);
        let elements: Vec<String> = s.framework.elements.iter().map(|e| e.id.clone()).collect();
        for (element, (a, comment)) in elements.iter().zip(&self.answers) {
            match a {
                Answer::Blank => {}
                Answer::DontKnow => s.set_score(&self.round, &id, element, None, true),
                Answer::Level(v) => s.set_score(&self.round, &id, element, Some(*v), false),
            }
            let comment = cap_text(comment.trim(), caps::COMMENT);
            if !comment.is_empty() {
                s.set_comment(&self.round, &id, element, comment.to_string());
            }
        }
        Ok(label)
    }
}

/// How a participant says they stand towards the scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stance {
    #[default]
    Unsaid,
    Involved,
    Affected,
}

/// A participant's answers to boundary questions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoundaryResponse {
    pub workshop: String,
    pub invite: String,
    pub check: u32,
    pub response: String,
    pub name: String,
    /// The perspective answered for (empty: a new one, named in `new_perspective`).
    pub perspective: String,
    pub new_perspective: String,
    pub stance: Stance,
    /// (question, is: true / ought: false, text)
    pub answers: Vec<(u8, bool, String)>,
}

impl BoundaryResponse {
    pub fn encode(&self) -> String {
        let mut w = Writer::default();
        w.text(&self.workshop, caps::ID);
        w.text(&self.invite, caps::ID);
        w.u32(self.check);
        w.text(&self.response, caps::ID);
        w.text(&self.name, caps::NAME);
        w.text(&self.perspective, caps::ID);
        w.text(&self.new_perspective, caps::PERSPECTIVE);
        w.byte(self.stance as u8);
        let answers: Vec<_> = self
            .answers
            .iter()
            .filter(|(q, ..)| (1..=QUESTIONS).contains(q))
            .take(2 * QUESTIONS as usize)
            .collect();
        w.uint(answers.len() as u64);
        for (q, is, text) in answers {
            w.byte(*q);
            w.byte(u8::from(*is));
            w.text(text, caps::ANSWER);
        }
        code::encode(Kind::BoundaryResponse, &w.bytes)
    }

    pub fn decode(text: &str) -> Result<BoundaryResponse, Refusal> {
        let body = expect(text, Kind::BoundaryResponse)?;
        let mut r = Reader::new(&body);
        let workshop = r.text(caps::ID)?;
        let invite = r.text(caps::ID)?;
        let check = r.u32()?;
        let response = r.text(caps::ID)?;
        if response.is_empty() {
            return Err(Refusal::Damaged);
        }
        let name = r.text(caps::NAME)?;
        let perspective = r.text(caps::ID)?;
        let new_perspective = r.text(caps::PERSPECTIVE)?;
        let stance = match r.byte()? {
            0 => Stance::Unsaid,
            1 => Stance::Involved,
            2 => Stance::Affected,
            _ => return Err(Refusal::Damaged),
        };
        let n = r.count(2 * QUESTIONS as usize)?;
        let mut answers = Vec::with_capacity(n);
        for _ in 0..n {
            let q = r.byte()?;
            if !(1..=QUESTIONS).contains(&q) {
                return Err(Refusal::Damaged);
            }
            let is = r.bool()?;
            answers.push((q, is, r.text(caps::ANSWER)?));
        }
        r.finish()?;
        Ok(BoundaryResponse {
            workshop,
            invite,
            check,
            response,
            name,
            perspective,
            new_perspective,
            stance,
            answers,
        })
    }

    /// The label the participant's answers are attributed to, or why they are refused.
    pub fn check_against(&self, w: &Workshop) -> Result<String, Refusal> {
        if self.workshop != w.id {
            return Err(Refusal::OtherWorkshop);
        }
        if super::boundary_check(&w.id, &self.invite, &self.perspective) != self.check {
            return Err(Refusal::Tampered);
        }
        let b = &w.boundary;
        let collected: Vec<&String> = b
            .perspectives
            .iter()
            .flat_map(|p| p.collected.iter())
            .collect();
        if collected.contains(&&self.response)
            || b.perspective(&new_perspective_id(&self.response)).is_some()
        {
            let who = self.name.trim();
            return Err(Refusal::Duplicate(if who.is_empty() {
                "an anonymous participant".into()
            } else {
                who.to_string()
            }));
        }
        if !self.perspective.is_empty() && b.perspective(&self.perspective).is_none() {
            return Err(Refusal::PerspectiveGone);
        }
        let name = self.name.trim();
        Ok(if name.is_empty() {
            format!("Participant {}", collected.len() + 1)
        } else {
            name.to_string()
        })
    }

    /// Takes the answers in: appended to the perspective's text, each attributed ("Ana: …"),
    /// or, for a new perspective, as a perspective of its own; with `to_roster`, a new
    /// perspective also joins the roster (involved or affected as the participant said) and
    /// is linked to it. Returns the participant's label; on a refusal nothing changes.
    pub fn merge_into(&self, w: &mut Workshop, to_roster: bool) -> Result<String, Refusal> {
        let who = self.check_against(w)?;
        let pid = if self.perspective.is_empty() {
            let id = new_perspective_id(&self.response);
            let name = cap_text(self.new_perspective.trim(), caps::PERSPECTIVE);
            let name = if name.is_empty() {
                format!("{who}'s perspective")
            } else {
                name.to_string()
            };
            let mut roster_ids = Vec::new();
            if to_roster {
                let involvement = match self.stance {
                    Stance::Affected => Involvement::Affected,
                    _ => Involvement::Involved,
                };
                let sid = format!("s-{}", self.response);
                if !w.roster.iter().any(|s| s.id == sid) {
                    w.add_stakeholder(sid.clone(), &name, "", involvement);
                }
                roster_ids.push(sid);
            }
            w.boundary.perspectives.push(Perspective {
                id: id.clone(),
                name,
                roster_ids,
                ..Perspective::default()
            });
            id
        } else {
            self.perspective.clone()
        };
        let Some(p) = w.boundary.perspectives.iter_mut().find(|p| p.id == pid) else {
            return Err(Refusal::PerspectiveGone);
        };
        p.collected.push(self.response.clone());
        for (q, is, text) in &self.answers {
            let text = cap_text(text.trim(), caps::ANSWER);
            if text.is_empty() {
                continue;
            }
            let answer = p.answers.entry(*q).or_default();
            let slot = if *is {
                &mut answer.is
            } else {
                &mut answer.ought
            };
            if !slot.trim().is_empty() {
                slot.push_str("\n\n");
            }
            slot.push_str(&format!("{who}: {text}"));
        }
        Ok(who)
    }
}

/// The id of the perspective a "new perspective" response becomes.
pub fn new_perspective_id(response: &str) -> String {
    format!("p-resp-{response}")
}

/// Either kind of response, as read from a response address or a pasted code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Response {
    Scoring(ScoringResponse),
    Boundary(BoundaryResponse),
}

impl Response {
    pub fn decode(text: &str) -> Result<Response, Refusal> {
        let text = super::code_in(text);
        match code::decode(&text)?.0 {
            Kind::ScoringResponse => ScoringResponse::decode(&text).map(Response::Scoring),
            Kind::BoundaryResponse => BoundaryResponse::decode(&text).map(Response::Boundary),
            found => Err(Refusal::WrongKind {
                expected: Kind::ScoringResponse,
                found,
            }),
        }
    }

    pub fn workshop(&self) -> &str {
        match self {
            Response::Scoring(r) => &r.workshop,
            Response::Boundary(r) => &r.workshop,
        }
    }
}
