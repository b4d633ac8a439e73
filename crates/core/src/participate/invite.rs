//! Invitations: everything a phone needs to take part, and nothing else. A scoring invite
//! names the round and carries its elements and scale; a boundary invite carries the chosen
//! questions (by number: the phone has the question texts built in) and the perspective.

use super::code::{self, Kind, Reader, Writer};
use super::{Refusal, caps};
use crate::model::boundary::QUESTIONS;
use crate::model::workshop::Workshop;

/// One element as the phone shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InviteElement {
    pub name: String,
    pub description: String,
}

/// An invitation to score one round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScoringInvite {
    pub workshop: String,
    pub round: String,
    pub round_name: String,
    /// The round's check value ([`super::round_check`]); the response carries it back.
    pub check: u32,
    pub elements: Vec<InviteElement>,
    pub min: i32,
    pub max: i32,
    /// Anchors by level from `min` up; empty means the number alone.
    pub labels: Vec<String>,
    pub allow_dont_know: bool,
    /// The descriptions were left out to keep the QR code readable.
    pub descriptions_dropped: bool,
}

impl ScoringInvite {
    /// The invitation to one round of a workshop, or `None` if there is no such round.
    pub fn for_round(w: &Workshop, round: &str) -> Option<ScoringInvite> {
        let s = &w.scoring;
        let r = s.round(round)?;
        let levels = s.scale.levels().count();
        Some(ScoringInvite {
            workshop: w.id.clone(),
            round: r.id.clone(),
            round_name: r.name.clone(),
            check: super::round_check(&w.id, s, round),
            elements: s
                .framework
                .elements
                .iter()
                .map(|e| InviteElement {
                    name: e.name.clone(),
                    description: e.description.clone(),
                })
                .collect(),
            min: s.scale.min,
            max: s.scale.max.max(s.scale.min),
            labels: s.scale.labels.iter().take(levels).cloned().collect(),
            allow_dont_know: s.scale.allow_dont_know,
            descriptions_dropped: false,
        })
    }

    /// The same invitation without element descriptions.
    pub fn without_descriptions(&self) -> ScoringInvite {
        let mut out = self.clone();
        out.descriptions_dropped = out.elements.iter().any(|e| !e.description.is_empty());
        for e in &mut out.elements {
            e.description.clear();
        }
        out
    }

    /// The levels, lowest first.
    pub fn levels(&self) -> impl Iterator<Item = i32> + use<> {
        self.min..=self.max.max(self.min)
    }

    /// A level's anchor ("Very weak"), if it has one.
    pub fn anchor(&self, level: i32) -> Option<&str> {
        let i = usize::try_from(level.checked_sub(self.min)?).ok()?;
        self.labels
            .get(i)
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
    }

    pub fn encode(&self) -> String {
        let mut w = Writer::default();
        w.text(&self.workshop, caps::ID);
        w.text(&self.round, caps::ID);
        w.text(&self.round_name, caps::ROUND_NAME);
        w.u32(self.check);
        w.int(i64::from(self.min));
        w.int(i64::from(self.max));
        w.byte(u8::from(self.allow_dont_know) | u8::from(self.descriptions_dropped) << 1);
        let labels = &self.labels[..self.labels.len().min(caps::LEVELS)];
        w.uint(labels.len() as u64);
        for l in labels {
            w.text(l, caps::LABEL);
        }
        let elements = &self.elements[..self.elements.len().min(caps::ELEMENTS)];
        w.uint(elements.len() as u64);
        for e in elements {
            w.text(&e.name, caps::ELEMENT_NAME);
            w.text(&e.description, caps::DESCRIPTION);
        }
        code::encode(Kind::ScoringInvite, &w.bytes)
    }

    pub fn decode(text: &str) -> Result<ScoringInvite, Refusal> {
        let body = expect(text, Kind::ScoringInvite)?;
        let mut r = Reader::new(&body);
        let workshop = r.text(caps::ID)?;
        let round = r.text(caps::ID)?;
        let round_name = r.text(caps::ROUND_NAME)?;
        let check = r.u32()?;
        let min = r.i32()?;
        let max = r.i32()?;
        if max < min || i64::from(max) - i64::from(min) >= caps::LEVELS as i64 {
            return Err(Refusal::Damaged);
        }
        let flags = r.byte()?;
        if flags > 3 {
            return Err(Refusal::Damaged);
        }
        let n = r.count(caps::LEVELS)?;
        let labels = (0..n)
            .map(|_| r.text(caps::LABEL))
            .collect::<Result<_, _>>()?;
        let n = r.count(caps::ELEMENTS)?;
        let mut elements = Vec::with_capacity(n);
        for _ in 0..n {
            elements.push(InviteElement {
                name: r.text(caps::ELEMENT_NAME)?,
                description: r.text(caps::DESCRIPTION)?,
            });
        }
        r.finish()?;
        Ok(ScoringInvite {
            workshop,
            round,
            round_name,
            check,
            elements,
            min,
            max,
            labels,
            allow_dont_know: flags & 1 != 0,
            descriptions_dropped: flags & 2 != 0,
        })
    }
}

/// Which answers a boundary invitation asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modes {
    pub is: bool,
    pub ought: bool,
}

/// An invitation to answer chosen boundary questions, for one perspective or as a new one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoundaryInvite {
    pub workshop: String,
    /// This invitation's own id (the facilitator may make several).
    pub invite: String,
    pub check: u32,
    /// Question numbers, 1 to 12, in the order asked.
    pub questions: Vec<u8>,
    pub modes: Modes,
    /// The perspective answered for, by id and name; `None`: each participant speaks as a new
    /// perspective they name.
    pub perspective: Option<(String, String)>,
    /// Whether to ask participants if they are involved in the scheme or affected by it.
    pub ask_stance: bool,
}

impl BoundaryInvite {
    /// A new invitation; questions outside 1–12 and repeats are dropped.
    pub fn new(
        workshop: &str,
        invite: &str,
        questions: &[u8],
        modes: Modes,
        perspective: Option<(String, String)>,
        ask_stance: bool,
    ) -> BoundaryInvite {
        let mut qs: Vec<u8> = Vec::new();
        for &q in questions {
            if (1..=QUESTIONS).contains(&q) && !qs.contains(&q) {
                qs.push(q);
            }
        }
        let pid = perspective.as_ref().map_or("", |(id, _)| id.as_str());
        BoundaryInvite {
            workshop: workshop.to_string(),
            invite: invite.to_string(),
            check: super::boundary_check(workshop, invite, pid),
            questions: qs,
            modes,
            perspective,
            ask_stance,
        }
    }

    pub fn encode(&self) -> String {
        let mut w = Writer::default();
        w.text(&self.workshop, caps::ID);
        w.text(&self.invite, caps::ID);
        w.u32(self.check);
        let qs: Vec<u8> = self
            .questions
            .iter()
            .copied()
            .filter(|q| (1..=QUESTIONS).contains(q))
            .take(QUESTIONS as usize)
            .collect();
        w.uint(qs.len() as u64);
        for q in qs {
            w.byte(q);
        }
        w.byte(
            u8::from(self.modes.is)
                | u8::from(self.modes.ought) << 1
                | u8::from(self.ask_stance) << 2
                | u8::from(self.perspective.is_some()) << 3,
        );
        if let Some((id, name)) = &self.perspective {
            w.text(id, caps::ID);
            w.text(name, caps::PERSPECTIVE);
        }
        code::encode(Kind::BoundaryInvite, &w.bytes)
    }

    pub fn decode(text: &str) -> Result<BoundaryInvite, Refusal> {
        let body = expect(text, Kind::BoundaryInvite)?;
        let mut r = Reader::new(&body);
        let workshop = r.text(caps::ID)?;
        let invite = r.text(caps::ID)?;
        let check = r.u32()?;
        let n = r.count(QUESTIONS as usize)?;
        let mut questions = Vec::with_capacity(n);
        for _ in 0..n {
            let q = r.byte()?;
            if !(1..=QUESTIONS).contains(&q) || questions.contains(&q) {
                return Err(Refusal::Damaged);
            }
            questions.push(q);
        }
        let flags = r.byte()?;
        if flags > 15 {
            return Err(Refusal::Damaged);
        }
        let perspective = if flags & 8 != 0 {
            Some((r.text(caps::ID)?, r.text(caps::PERSPECTIVE)?))
        } else {
            None
        };
        r.finish()?;
        Ok(BoundaryInvite {
            workshop,
            invite,
            check,
            questions,
            modes: Modes {
                is: flags & 1 != 0,
                ought: flags & 2 != 0,
            },
            perspective,
            ask_stance: flags & 4 != 0,
        })
    }
}

/// Either kind of invitation, as read from a join address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invite {
    Scoring(ScoringInvite),
    Boundary(BoundaryInvite),
}

impl Invite {
    pub fn decode(text: &str) -> Result<Invite, Refusal> {
        let text = super::code_in(text);
        match code::decode(&text)?.0 {
            Kind::BoundaryInvite => BoundaryInvite::decode(&text).map(Invite::Boundary),
            Kind::ScoringInvite => ScoringInvite::decode(&text).map(Invite::Scoring),
            found => Err(Refusal::WrongKind {
                expected: Kind::ScoringInvite,
                found,
            }),
        }
    }
}

/// The body of a code of the expected kind.
pub(super) fn expect(text: &str, expected: Kind) -> Result<Vec<u8>, Refusal> {
    let (found, body) = code::decode(text)?;
    if found != expected {
        return Err(Refusal::WrongKind { expected, found });
    }
    Ok(body)
}
