//! A workshop: its details and its roster of stakeholders. Every activity links to the roster.

use serde::Serialize;
use serde_json::{Map, Value};

use super::agenda::Agenda;
use super::boundary::BoundaryCritique;
use super::map::ConceptMap;
use super::picture::Picture;
pub use super::roster::{Involvement, Stakeholder};
use super::scoring::Scoring;
use super::shared::Shared;

/// One workshop: what it is about and who it concerns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Workshop {
    pub id: String,
    pub title: String,
    /// The purpose or focus question.
    pub purpose: String,
    /// The day it takes place, `YYYY-MM-DD`, or empty.
    pub date: String,
    pub facilitator: String,
    pub notes: String,
    pub roster: Vec<Stakeholder>,
    /// Ulrich's twelve questions, answered from several perspectives. Not written while empty.
    #[serde(skip_serializing_if = "BoundaryCritique::is_empty")]
    pub boundary: BoundaryCritique,
    /// The steering group's scores of a framework, round by round. Not written while empty.
    #[serde(default, skip_serializing_if = "Scoring::is_empty")]
    pub scoring: Scoring,
    /// Concept maps, in the order they were made. Not written while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maps: Vec<Shared<ConceptMap>>,
    /// Rich pictures, in the order they were made. Not written while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<Shared<Picture>>,
    /// How the facilitator arranged the presentation. Not written while in the default order.
    #[serde(default, skip_serializing_if = "Agenda::is_empty")]
    pub agenda: Agenda,
    /// Milliseconds since 1970.
    pub created_at: f64,
    /// Fields written by a newer version of the app, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The editable text fields of a workshop's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DetailField {
    Title,
    Purpose,
    Date,
    Facilitator,
    Notes,
}

/// The editable text fields of a roster entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StakeholderField {
    Name,
    Group,
}

pub const UNTITLED: &str = "Untitled workshop";

impl Workshop {
    /// A new, empty workshop.
    pub fn new(id: String, title: &str, created_at: f64) -> Workshop {
        let title = title.trim();
        Workshop {
            id,
            title: if title.is_empty() {
                UNTITLED.into()
            } else {
                title.into()
            },
            purpose: String::new(),
            date: String::new(),
            facilitator: String::new(),
            notes: String::new(),
            roster: Vec::new(),
            boundary: BoundaryCritique::default(),
            scoring: Scoring::default(),
            maps: Vec::new(),
            pictures: Vec::new(),
            agenda: Agenda::default(),
            created_at,
            extra: Map::new(),
        }
    }

    /// The title to show: never blank.
    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            UNTITLED
        } else {
            &self.title
        }
    }

    pub fn detail(&self, field: DetailField) -> &str {
        match field {
            DetailField::Title => &self.title,
            DetailField::Purpose => &self.purpose,
            DetailField::Date => &self.date,
            DetailField::Facilitator => &self.facilitator,
            DetailField::Notes => &self.notes,
        }
    }

    pub fn set_detail(&mut self, field: DetailField, value: String) {
        let slot = match field {
            DetailField::Title => &mut self.title,
            DetailField::Purpose => &mut self.purpose,
            DetailField::Date => &mut self.date,
            DetailField::Facilitator => &mut self.facilitator,
            DetailField::Notes => &mut self.notes,
        };
        *slot = value;
    }

    /// Adds a stakeholder and returns its id.
    pub fn add_stakeholder(
        &mut self,
        id: String,
        name: &str,
        group: &str,
        involvement: Involvement,
    ) -> String {
        self.roster.push(Stakeholder {
            id: id.clone(),
            name: name.trim().into(),
            group: group.trim().into(),
            involvement,
            extra: Map::new(),
        });
        id
    }

    pub fn stakeholder_mut(&mut self, id: &str) -> Option<&mut Stakeholder> {
        self.roster.iter_mut().find(|s| s.id == id)
    }

    pub fn set_stakeholder_text(&mut self, id: &str, field: StakeholderField, value: String) {
        if let Some(s) = self.stakeholder_mut(id) {
            match field {
                StakeholderField::Name => s.name = value,
                StakeholderField::Group => s.group = value,
            }
        }
    }

    pub fn set_involvement(&mut self, id: &str, involvement: Involvement) {
        if let Some(s) = self.stakeholder_mut(id) {
            s.involvement = involvement;
        }
    }

    pub fn remove_stakeholder(&mut self, id: &str) {
        self.roster.retain(|s| s.id != id);
        // Its place in the boundary analysis goes with it.
        self.boundary
            .margins
            .placed
            .retain(|p| p.roster_id.as_deref() != Some(id));
    }

    /// A copy under a new id, titled "… (copy)".
    pub fn duplicate(&self, id: String, created_at: f64) -> Workshop {
        Workshop {
            id,
            title: format!("{} (copy)", self.display_title()),
            created_at,
            ..self.clone()
        }
    }

    /// Rebuilds a workshop from stored JSON, repairing what it can and noting each repair in
    /// `report`. Never fails: a value that is not an object gives an empty workshop.
    pub fn restore(value: Value, fallback_id: &str, report: &mut Vec<String>) -> Workshop {
        let mut map = match value {
            Value::Object(map) => map,
            other => {
                report.push(format!(
                    "the workshop was {} instead of an object",
                    kind(&other)
                ));
                Map::new()
            }
        };
        let mut r = Reader {
            map: &mut map,
            report,
            what: "the workshop",
        };
        let id = r.string("id").filter(|s| !s.is_empty());
        let title = r.string("title").unwrap_or_default();
        let purpose = r.string("purpose").unwrap_or_default();
        let date = r.string("date").unwrap_or_default();
        let facilitator = r.string("facilitator").unwrap_or_default();
        let notes = r.string("notes").unwrap_or_default();
        let created_at = r.number("created_at").unwrap_or(0.0);
        let roster_value = r.map.remove("roster");
        let boundary_value = r.map.remove("boundary");
        let scoring_value = r.map.remove("scoring");
        let maps_value = r.map.remove("maps");
        let pictures_value = r.map.remove("pictures");
        let agenda = match r.map.remove("agenda") {
            None | Some(Value::Null) => Agenda::default(),
            Some(v) => Agenda::restore(v, r.report),
        };
        let id = id.unwrap_or_else(|| {
            r.report
                .push("the workshop had no id; it was given one".into());
            fallback_id.to_string()
        });
        let roster = restore_roster(roster_value, r.report);
        let boundary = match boundary_value {
            None | Some(Value::Null) => BoundaryCritique::default(),
            Some(v) => BoundaryCritique::restore(v, &roster, r.report),
        };
        let scoring = match scoring_value {
            None | Some(Value::Null) => Scoring::default(),
            Some(v) => match serde_json::from_value::<Scoring>(v.clone()) {
                Ok(mut s) => {
                    s.repair(r.report);
                    s
                }
                Err(e) => {
                    // Kept aside, not lost: a later version (or a person) can still recover it.
                    r.report.push(format!(
                        "the scores could not be read ({e}); they were kept aside, unused"
                    ));
                    r.map.insert("scoring_unreadable".into(), v);
                    Scoring::default()
                }
            },
        };
        let maps = restore_list::<ConceptMap>(maps_value, &mut r, "map");
        let pictures = restore_list::<Picture>(pictures_value, &mut r, "picture");
        // A blank title stays blank (the user may have cleared it); `display_title` shows it.
        Workshop {
            id,
            title,
            purpose,
            date,
            facilitator,
            notes,
            roster,
            boundary,
            scoring,
            maps,
            pictures,
            agenda,
            created_at,
            extra: map,
        }
    }
}

/// What the workshop keeps a list of, read one by one by [`restore_list`].
trait Listed: serde::de::DeserializeOwned {
    fn id_mut(&mut self) -> &mut String;
    fn repair(&mut self, report: &mut Vec<String>);
    /// Why it is larger than the app holds (the same limits as a file imported on its own).
    fn too_large(&self) -> Option<String> {
        None
    }
}

impl Listed for ConceptMap {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn repair(&mut self, report: &mut Vec<String>) {
        ConceptMap::repair(self, report);
    }
    fn too_large(&self) -> Option<String> {
        use crate::import::map::{MAX_LINKS, MAX_NODES};
        if self.nodes.len() > MAX_NODES {
            Some(format!(
                "it has {} nodes; a map can hold up to {MAX_NODES}",
                self.nodes.len()
            ))
        } else if self.links.len() > MAX_LINKS {
            Some(format!(
                "it has {} links; a map can hold up to {MAX_LINKS}",
                self.links.len()
            ))
        } else {
            None
        }
    }
}

impl Listed for Picture {
    fn id_mut(&mut self) -> &mut String {
        &mut self.id
    }
    fn repair(&mut self, report: &mut Vec<String>) {
        Picture::repair(self, report);
    }
}

/// Reads maps or pictures one by one: one that cannot be read is kept aside in
/// `<noun>s_unreadable` (not lost), the others are repaired and given unique ids.
fn restore_list<T: Listed>(value: Option<Value>, r: &mut Reader, noun: &str) -> Vec<Shared<T>> {
    let aside = format!("{noun}s_unreadable");
    let items = match value {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            r.report.push(format!(
                "the {noun}s were {} instead of a list; they were kept aside, unused",
                kind(&other)
            ));
            r.map.insert(aside, other);
            return Vec::new();
        }
    };
    let mut out: Vec<Shared<T>> = Vec::with_capacity(items.len());
    let mut unreadable = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for (index, item) in items.into_iter().enumerate() {
        match serde_json::from_value::<T>(item.clone()) {
            Ok(x) if x.too_large().is_some() => {
                r.report.push(format!(
                    "{noun} {} is too large ({}); it was kept aside, unused",
                    index + 1,
                    x.too_large().unwrap_or_default()
                ));
                unreadable.push(item);
            }
            Ok(mut x) => {
                let id = x.id_mut();
                if id.is_empty() || taken.contains(id) {
                    *id = free_id(&format!("{noun}-{}", index + 1), &taken);
                    r.report.push(format!(
                        "{noun} {} had no id of its own; it was given one",
                        index + 1
                    ));
                }
                taken.insert(x.id_mut().clone());
                x.repair(r.report);
                out.push(Shared::new(x));
            }
            Err(e) => {
                r.report.push(format!(
                    "{noun} {} could not be read ({e}); it was kept aside, unused",
                    index + 1
                ));
                unreadable.push(item);
            }
        }
    }
    if !unreadable.is_empty() {
        r.map.insert(aside, Value::Array(unreadable));
    }
    out
}

fn restore_roster(value: Option<Value>, report: &mut Vec<String>) -> Vec<Stakeholder> {
    let items = match value {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            report.push(format!(
                "the roster was {} instead of a list; it was emptied",
                kind(&other)
            ));
            return Vec::new();
        }
    };
    let mut roster: Vec<Stakeholder> = Vec::with_capacity(items.len());
    let mut taken = std::collections::HashSet::new();
    for (index, item) in items.into_iter().enumerate() {
        let n = index + 1;
        let Value::Object(mut map) = item else {
            report.push(format!("roster entry {n} was not an entry and was dropped"));
            continue;
        };
        let what = format!("roster entry {n}");
        let mut r = Reader {
            map: &mut map,
            report,
            what: &what,
        };
        let id = r.string("id").filter(|s| !s.is_empty());
        let name = r.string("name").unwrap_or_default();
        let group = r.string("group").unwrap_or_default();
        let involvement = match r.map.remove("involvement") {
            None | Some(Value::Null) => Involvement::default(),
            Some(Value::String(s)) if Involvement::from_str_opt(&s).is_some() => {
                Involvement::from_str_opt(&s).expect("checked")
            }
            Some(other) => {
                r.report.push(format!(
                    "roster entry {n} had an unknown involvement {other}; it is now \"involved\""
                ));
                Involvement::default()
            }
        };
        let id = match id {
            Some(id) if !taken.contains(&id) => id,
            Some(id) => {
                report.push(format!(
                    "roster entry {n} repeated an id; it was given a new one"
                ));
                free_id(&id, &taken)
            }
            None => {
                report.push(format!("roster entry {n} had no id; it was given one"));
                free_id(&format!("s-{n}"), &taken)
            }
        };
        taken.insert(id.clone());
        roster.push(Stakeholder {
            id,
            name,
            group,
            involvement,
            extra: map,
        });
    }
    roster
}

/// `base` followed by the first `-2`, `-3`, … that no entry has taken.
fn free_id(base: &str, taken: &std::collections::HashSet<String>) -> String {
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("an unbounded range always yields a free id")
}

/// Takes known fields out of a JSON object, leaving the unknown ones behind to be kept.
struct Reader<'a> {
    map: &'a mut Map<String, Value>,
    report: &'a mut Vec<String>,
    what: &'a str,
}

impl Reader<'_> {
    fn string(&mut self, key: &str) -> Option<String> {
        match self.map.remove(key)? {
            Value::String(s) => Some(s),
            Value::Null => None,
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.report.push(format!(
                    "{}'s {key} was {} instead of text and was dropped",
                    self.what,
                    kind(&other)
                ));
                None
            }
        }
    }

    fn number(&mut self, key: &str) -> Option<f64> {
        match self.map.remove(key)? {
            Value::Number(n) => n.as_f64(),
            Value::Null => None,
            other => {
                self.report.push(format!(
                    "{}'s {key} was {} instead of a number and was dropped",
                    self.what,
                    kind(&other)
                ));
                None
            }
        }
    }
}

/// "a list", "text", … for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundary::Mode;
    use serde_json::json;

    fn restore(v: Value) -> (Workshop, Vec<String>) {
        let mut report = Vec::new();
        let w = Workshop::restore(v, "w-fallback", &mut report);
        (w, report)
    }

    #[test]
    fn a_new_workshop_is_never_untitled_blank() {
        assert_eq!(Workshop::new("w-1".into(), "   ", 0.0).title, UNTITLED);
        assert_eq!(Workshop::new("w-1".into(), " Pilot ", 0.0).title, "Pilot");
    }

    #[test]
    fn serialised_workshops_restore_unchanged() {
        let mut w = Workshop::new("w-1".into(), "Pilot", 5.0);
        w.purpose = "Who benefits?".into();
        w.add_stakeholder("s-1".into(), "GPs", "Practices", Involvement::Involved);
        w.add_stakeholder("s-2".into(), "Service users", "", Involvement::Affected);
        w.extra.insert("from_the_future".into(), json!({"x": 1}));
        w.boundary.add_perspective("p-1".into(), "Core team");
        w.boundary
            .set_answer("p-1", 1, Mode::Is, "Frequent attenders".into());
        let (back, report) = restore(serde_json::to_value(&w).unwrap());
        assert_eq!(back, w);
        assert!(report.is_empty(), "{report:?}");
    }

    #[test]
    fn missing_fields_take_defaults_and_unknown_ones_are_kept() {
        let (w, report) = restore(json!({"title": "T", "colour": "teal"}));
        assert_eq!(w.id, "w-fallback");
        assert_eq!(w.purpose, "");
        assert_eq!(w.extra.get("colour"), Some(&json!("teal")));
        assert_eq!(report.len(), 1, "{report:?}");
    }

    #[test]
    fn wrong_types_are_repaired_and_reported() {
        let (w, report) = restore(json!({
            "id": "w-9", "title": ["not", "text"], "created_at": "yesterday",
            "roster": [
                {"id": "s-1", "name": "GPs", "involvement": "sideways"},
                42,
                {"id": "s-1", "name": "Twin"},
                {"name": "No id"}
            ]
        }));
        assert_eq!(w.display_title(), UNTITLED);
        assert_eq!(w.created_at, 0.0);
        assert_eq!(w.roster.len(), 3);
        let ids: std::collections::HashSet<_> = w.roster.iter().map(|s| &s.id).collect();
        assert_eq!(ids.len(), 3, "ids stay unique");
        assert_eq!(w.roster[0].involvement, Involvement::Involved);
        assert_eq!(report.len(), 6, "{report:?}");
    }

    #[test]
    fn a_non_object_gives_an_empty_workshop() {
        let (w, report) = restore(json!("hello"));
        assert_eq!(w.display_title(), UNTITLED);
        assert!(w.roster.is_empty());
        assert!(!report.is_empty());
    }

    #[test]
    fn roster_edits() {
        let mut w = Workshop::new("w".into(), "T", 0.0);
        let id = w.add_stakeholder("s-1".into(), " GP ", "", Involvement::Involved);
        w.set_stakeholder_text(&id, StakeholderField::Group, "Practice".into());
        w.set_involvement(&id, Involvement::Affected);
        assert_eq!(w.roster[0].name, "GP");
        assert_eq!(w.roster[0].group, "Practice");
        assert_eq!(w.roster[0].involvement, Involvement::Affected);
        w.remove_stakeholder(&id);
        assert!(w.roster.is_empty());
    }

    #[test]
    fn duplicates_get_a_new_id_and_say_they_are_copies() {
        let w = Workshop::new("w-1".into(), "Pilot", 0.0);
        let d = w.duplicate("w-2".into(), 1.0);
        assert_eq!(d.id, "w-2");
        assert_eq!(d.title, "Pilot (copy)");
    }
}
