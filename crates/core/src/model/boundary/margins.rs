//! Midgley's boundary analysis (Midgley 2000, *Systemic Intervention*, ch. 7): two boundaries
//! drawn round the same situation, a narrower *primary* one and a wider *secondary* one, and
//! the *marginal zone* between them. Stakeholders (from the roster) and issues are placed
//! inside the primary boundary, in the margin, or outside the secondary one; what sits in the
//! margin may be treated as *sacred* (valued, protected) or *profane* (looked down on, pushed
//! out). The group also notes what holds the boundaries in place: the two ethics in conflict
//! and the rituals that settle, for a time, which way the margin goes.

use serde::{Deserialize, Serialize};

use super::BoundaryCritique;
use crate::model::roster::Stakeholder;

/// Where an element sits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// Inside the primary (narrower) boundary.
    #[default]
    Inside,
    /// Between the primary and the secondary boundary.
    Marginal,
    /// Outside the secondary (wider) boundary.
    Outside,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Inside, Zone::Marginal, Zone::Outside];

    /// The zone's key in documents and addresses.
    pub fn key(self) -> &'static str {
        match self {
            Zone::Inside => "inside",
            Zone::Marginal => "marginal",
            Zone::Outside => "outside",
        }
    }

    pub fn from_key(key: &str) -> Option<Zone> {
        Zone::ALL.into_iter().find(|z| z.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Zone::Inside => "Inside the primary boundary",
            Zone::Marginal => "Marginal zone",
            Zone::Outside => "Outside the secondary boundary",
        }
    }

    /// A short name, for a select or a list.
    pub fn short(self) -> &'static str {
        match self {
            Zone::Inside => "inside",
            Zone::Marginal => "marginal",
            Zone::Outside => "outside",
        }
    }
}

/// How a marginal element is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// Valued: its place is defended, the narrow boundary gives way to it.
    Sacred,
    /// Devalued: looked down on, and so kept out.
    Profane,
}

impl Mark {
    pub const ALL: [Mark; 2] = [Mark::Sacred, Mark::Profane];

    pub fn key(self) -> &'static str {
        match self {
            Mark::Sacred => "sacred",
            Mark::Profane => "profane",
        }
    }

    pub fn from_key(key: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Mark::Sacred => "sacred (valued)",
            Mark::Profane => "profane (devalued)",
        }
    }
}

/// One stakeholder or issue placed in the analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placed {
    pub id: String,
    /// The roster entry this is (a stakeholder); `None` for an issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roster_id: Option<String>,
    /// An issue's words (a stakeholder's name comes from the roster).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default)]
    pub zone: Zone,
    /// Sacred or profane; meaningful in the marginal zone (kept, but not shown, elsewhere, so
    /// a move out and back loses nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
}

impl Placed {
    pub fn is_issue(&self) -> bool {
        self.roster_id.is_none()
    }

    /// The mark as it counts: only in the marginal zone.
    pub fn shown_mark(&self) -> Option<Mark> {
        self.mark.filter(|_| self.zone == Zone::Marginal)
    }
}

/// The boundary analysis of one workshop.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Margins {
    /// What (and whose ethic) the primary, narrower boundary takes in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub primary: String,
    /// What (and whose ethic) the secondary, wider boundary takes in.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub secondary: String,
    /// What holds the boundaries in place: the conflict of ethics, and the rituals.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holds: String,
    /// Stakeholders and issues, in the order they were placed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placed: Vec<Placed>,
}

/// The longest issue text kept.
pub const MAX_ISSUE: usize = 300;

impl Margins {
    pub fn is_empty(&self) -> bool {
        self.primary.trim().is_empty()
            && self.secondary.trim().is_empty()
            && self.holds.trim().is_empty()
            && self.placed.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Placed> {
        self.placed.iter().find(|p| p.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Placed> {
        self.placed.iter_mut().find(|p| p.id == id)
    }

    /// Where a roster entry is placed, if it is.
    pub fn of_roster(&self, roster_id: &str) -> Option<&Placed> {
        self.placed
            .iter()
            .find(|p| p.roster_id.as_deref() == Some(roster_id))
    }

    /// Places a roster entry in `zone` (moving it if it is placed already); `id` is used only
    /// for a new placement. Returns the placement's id.
    pub fn place_stakeholder(&mut self, id: String, roster_id: &str, zone: Zone) -> String {
        if let Some(p) = self
            .placed
            .iter_mut()
            .find(|p| p.roster_id.as_deref() == Some(roster_id))
        {
            p.zone = zone;
            return p.id.clone();
        }
        self.placed.push(Placed {
            id: id.clone(),
            roster_id: Some(roster_id.to_string()),
            label: String::new(),
            zone,
            mark: None,
        });
        id
    }

    /// Adds an issue in `zone`; blank text adds nothing. Returns whether it was added.
    pub fn add_issue(&mut self, id: String, text: &str, zone: Zone) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        self.placed.push(Placed {
            id,
            roster_id: None,
            label: text.chars().take(MAX_ISSUE).collect(),
            zone,
            mark: None,
        });
        true
    }

    /// Moves an element to another zone.
    pub fn set_zone(&mut self, id: &str, zone: Zone) {
        if let Some(p) = self.get_mut(id) {
            p.zone = zone;
        }
    }

    /// Marks (or unmarks) a marginal element sacred or profane; elsewhere nothing changes.
    pub fn set_mark(&mut self, id: &str, mark: Option<Mark>) {
        if let Some(p) = self.get_mut(id).filter(|p| p.zone == Zone::Marginal) {
            p.mark = mark;
        }
    }

    /// Takes an element out of the analysis (a stakeholder goes back to "not placed").
    pub fn remove(&mut self, id: &str) {
        self.placed.retain(|p| p.id != id);
    }

    /// The element's name: the roster entry's name, or the issue's words.
    pub fn name_of(&self, p: &Placed, roster: &[Stakeholder]) -> String {
        match &p.roster_id {
            Some(rid) => roster
                .iter()
                .find(|s| &s.id == rid)
                .map(|s| s.name.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "(no name)".to_string()),
            None => p.label.trim().to_string(),
        }
    }

    /// The elements in one zone, in the order placed.
    pub fn in_zone(&self, zone: Zone) -> impl Iterator<Item = &Placed> {
        self.placed.iter().filter(move |p| p.zone == zone)
    }

    /// Roster entries not placed yet, in roster order.
    pub fn unplaced<'a>(&self, roster: &'a [Stakeholder]) -> Vec<&'a Stakeholder> {
        roster
            .iter()
            .filter(|s| self.of_roster(&s.id).is_none())
            .collect()
    }

    /// The marginalised elements as (name, mark), for findings and reports.
    pub fn marginalised(&self, roster: &[Stakeholder]) -> Vec<(String, Option<Mark>)> {
        self.in_zone(Zone::Marginal)
            .map(|p| (self.name_of(p, roster), p.shown_mark()))
            .collect()
    }

    /// Repairs placements read from storage: those without an id or with a repeated one,
    /// stakeholders whose roster entry is gone, a roster entry placed twice (the first
    /// placement stays), and issues with no words are dropped, each counted in `report`.
    pub fn repair(&mut self, roster: &[Stakeholder], report: &mut Vec<String>) {
        let mut ids = std::collections::HashSet::new();
        let mut people = std::collections::HashSet::new();
        let before = self.placed.len();
        self.placed.retain(|p| {
            if p.id.is_empty() || !ids.insert(p.id.clone()) {
                return false;
            }
            match &p.roster_id {
                Some(rid) => roster.iter().any(|s| &s.id == rid) && people.insert(rid.clone()),
                None => !p.label.trim().is_empty(),
            }
        });
        for p in &mut self.placed {
            if p.label.chars().count() > MAX_ISSUE {
                p.label = p.label.chars().take(MAX_ISSUE).collect();
            }
        }
        if self.placed.len() < before {
            report.push(format!(
                "{} element(s) of the boundary analysis pointed to nothing or were repeated, and were dropped",
                before - self.placed.len()
            ));
        }
    }
}

impl BoundaryCritique {
    /// Reads a stored boundary analysis: its texts if readable, and each placement one by one
    /// (one that cannot be read is dropped with a note).
    pub(super) fn restore_margins(&mut self, value: &serde_json::Value, report: &mut Vec<String>) {
        let Some(v) = value.get("margins") else {
            return;
        };
        let Some(obj) = v.as_object() else {
            report.push("the boundary analysis could not be read and was left empty".into());
            return;
        };
        let text = |key: &str| {
            obj.get(key)
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        self.margins.primary = text("primary");
        self.margins.secondary = text("secondary");
        self.margins.holds = text("holds");
        if let Some(serde_json::Value::Array(items)) = obj.get("placed") {
            for (i, item) in items.iter().enumerate() {
                match serde_json::from_value::<Placed>(item.clone()) {
                    Ok(p) => self.margins.placed.push(p),
                    Err(_) => report.push(format!(
                        "element {} of the boundary analysis could not be read and was dropped",
                        i + 1
                    )),
                }
            }
        }
    }

    pub(super) fn repair_margins(&mut self, roster: &[Stakeholder], report: &mut Vec<String>) {
        self.margins.repair(roster, report);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::person;
    use super::super::*;
    use super::MAX_ISSUE;
    use crate::model::Involvement;

    #[test]
    fn stakeholders_are_placed_once_and_moved() {
        let roster = vec![
            person("gp", Involvement::Involved),
            person("vcs", Involvement::Affected),
        ];
        let mut m = Margins::default();
        assert!(m.is_empty());
        let a = m.place_stakeholder("m-1".into(), "gp", Zone::Inside);
        let b = m.place_stakeholder("m-2".into(), "gp", Zone::Marginal);
        assert_eq!(a, b, "placing again moves, it does not copy");
        assert_eq!(m.placed.len(), 1);
        assert_eq!(m.get("m-1").unwrap().zone, Zone::Marginal);
        let left: Vec<&str> = m.unplaced(&roster).iter().map(|s| s.id.as_str()).collect();
        assert_eq!(left, ["vcs"]);
        m.remove("m-1");
        assert_eq!(m.unplaced(&roster).len(), 2);
    }

    #[test]
    fn marks_count_only_in_the_margin_and_survive_a_move_out_and_back() {
        let mut m = Margins::default();
        assert!(!m.add_issue("i-0".into(), "   ", Zone::Marginal));
        assert!(m.add_issue("i-1".into(), " Transport costs ", Zone::Inside));
        m.set_mark("i-1", Some(Mark::Profane));
        assert_eq!(m.get("i-1").unwrap().mark, None, "inside: no mark to give");
        m.set_zone("i-1", Zone::Marginal);
        m.set_mark("i-1", Some(Mark::Profane));
        assert_eq!(m.get("i-1").unwrap().shown_mark(), Some(Mark::Profane));
        m.set_zone("i-1", Zone::Outside);
        assert_eq!(m.get("i-1").unwrap().shown_mark(), None);
        m.set_zone("i-1", Zone::Marginal);
        assert_eq!(
            m.marginalised(&[]),
            [("Transport costs".to_string(), Some(Mark::Profane))]
        );
    }

    #[test]
    fn names_come_from_the_roster_or_the_issue() {
        let mut roster = vec![person("carers", Involvement::Affected)];
        roster[0].name = "Carers".into();
        let mut m = Margins::default();
        m.place_stakeholder("m-1".into(), "carers", Zone::Marginal);
        m.add_issue("i-1".into(), "Data sharing", Zone::Outside);
        let names: Vec<String> = m.placed.iter().map(|p| m.name_of(p, &roster)).collect();
        assert_eq!(names, ["Carers", "Data sharing"]);
        assert_eq!(m.in_zone(Zone::Outside).count(), 1);
        assert!(m.get("i-1").unwrap().is_issue());
    }

    #[test]
    fn the_analysis_is_additive_and_restores_leniently() {
        let roster = vec![person("gp", Involvement::Involved)];
        let old = serde_json::to_value(BoundaryCritique::default()).unwrap();
        assert!(old.get("margins").is_none(), "absent from older documents");
        let value = serde_json::json!({
            "margins": {
                "primary": "The pilot's referral pathway",
                "secondary": 7,
                "holds": "Funding rules",
                "placed": [
                    {"id": "a", "roster_id": "gp", "zone": "marginal", "mark": "sacred"},
                    {"id": "b", "roster_id": "gone", "zone": "inside"},
                    {"id": "c", "roster_id": "gp", "zone": "outside"},
                    {"id": "d", "label": "Bus fares", "zone": "outside"},
                    {"id": "d", "label": "Repeated id", "zone": "outside"},
                    {"id": "e", "label": "  ", "zone": "inside"},
                    {"id": "f", "label": "Odd", "zone": "nowhere"},
                    "nonsense"
                ]
            }
        });
        let mut report = Vec::new();
        let c = BoundaryCritique::restore(value, &roster, &mut report);
        let m = &c.margins;
        assert_eq!(m.primary, "The pilot's referral pathway");
        assert_eq!(m.secondary, "", "a field of the wrong type is left empty");
        assert_eq!(m.holds, "Funding rules");
        let ids: Vec<&str> = m.placed.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        assert_eq!(m.placed[0].shown_mark(), Some(Mark::Sacred));
        assert_eq!(report.len(), 3, "{report:?}");
        let back: BoundaryCritique =
            serde_json::from_value(serde_json::to_value(&c).unwrap()).unwrap();
        assert_eq!(back, c);
        let mut report = Vec::new();
        let bad = BoundaryCritique::restore(serde_json::json!({"margins": [1]}), &[], &mut report);
        assert!(bad.margins.is_empty());
        assert_eq!(report.len(), 1);
    }

    #[test]
    fn long_issues_are_cut_to_the_limit() {
        let mut m = Margins::default();
        m.add_issue("i".into(), &"x".repeat(MAX_ISSUE * 2), Zone::Inside);
        assert_eq!(m.placed[0].label.chars().count(), MAX_ISSUE);
    }
}
