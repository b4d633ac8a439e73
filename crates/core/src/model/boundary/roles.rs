//! CSH's four social roles (beneficiary, decision-maker, expert, witness), marked on the
//! roster as held now (*is*) and as they should be held (*ought*); questions 1, 4, 7 and 10
//! list the holders.

use serde::{Deserialize, Serialize};

use super::BoundaryCritique;
use crate::model::roster::Stakeholder;

/// The four social roles of critical systems heuristics, each the subject of one question in
/// the first column of the table (1, 4, 7, 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Beneficiary,
    DecisionMaker,
    Expert,
    Witness,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Beneficiary,
        Role::DecisionMaker,
        Role::Expert,
        Role::Witness,
    ];

    /// The question that asks who holds the role.
    pub fn question(self) -> u8 {
        match self {
            Role::Beneficiary => 1,
            Role::DecisionMaker => 4,
            Role::Expert => 7,
            Role::Witness => 10,
        }
    }

    /// The role a question asks about, if it is one of 1, 4, 7, 10.
    pub fn of_question(question: u8) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.question() == question)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Beneficiary => "Beneficiary (client)",
            Role::DecisionMaker => "Decision-maker",
            Role::Expert => "Expert",
            Role::Witness => "Witness",
        }
    }
}

/// The roles one roster entry holds now (`is`) and should hold (`ought`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roles {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub is: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ought: Vec<Role>,
}

impl Roles {
    pub fn is_empty(&self) -> bool {
        self.is.is_empty() && self.ought.is_empty()
    }
}

impl BoundaryCritique {
    /// Marks or clears one role of one roster entry, now (`is`) or as it should be.
    pub fn set_role(&mut self, roster_id: &str, role: Role, is: bool, on: bool) {
        let roles = self.roles.entry(roster_id.to_string()).or_default();
        let list = if is { &mut roles.is } else { &mut roles.ought };
        list.retain(|r| *r != role);
        if on {
            list.push(role);
            crate::order::sort(list);
        }
        if roles.is_empty() {
            self.roles.remove(roster_id);
        }
    }

    /// Whether a roster entry holds (`is`) or should hold a role.
    pub fn has_role(&self, roster_id: &str, role: Role, is: bool) -> bool {
        self.roles.get(roster_id).is_some_and(|r| {
            if is {
                r.is.contains(&role)
            } else {
                r.ought.contains(&role)
            }
        })
    }

    /// The roster entries that hold a role now (`is`) or should, in roster order.
    pub fn holders<'a>(
        &self,
        role: Role,
        is: bool,
        roster: &'a [Stakeholder],
    ) -> Vec<&'a Stakeholder> {
        roster
            .iter()
            .filter(|s| self.has_role(&s.id, role, is))
            .collect()
    }

    /// Reads stored roles leniently: an entry that cannot be read is dropped with a note.
    pub(super) fn restore_roles(&mut self, value: &serde_json::Value, report: &mut Vec<String>) {
        if let Some(serde_json::Value::Object(roles)) = value.get("roles") {
            for (id, item) in roles {
                match serde_json::from_value::<Roles>(item.clone()) {
                    Ok(r) if !r.is_empty() => {
                        self.roles.insert(id.clone(), r);
                    }
                    Ok(_) => {}
                    Err(_) => report.push(format!(
                        "the roles of roster entry {id} could not be read and were dropped"
                    )),
                }
            }
        }
    }

    /// Drops the roles of roster entries that no longer exist; sorts each list, once each.
    pub(super) fn repair_roles(&mut self, roster: &[Stakeholder], report: &mut Vec<String>) {
        let before = self.roles.len();
        self.roles
            .retain(|id, _| roster.iter().any(|s| &s.id == id));
        if self.roles.len() < before {
            report.push(format!(
                "roles of {} roster entr(ies) that no longer exist were dropped",
                before - self.roles.len()
            ));
        }
        for r in self.roles.values_mut() {
            for list in [&mut r.is, &mut r.ought] {
                crate::order::sort(list);
                list.dedup();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::person;
    use super::super::*;
    use crate::model::Involvement;

    #[test]
    fn roles_are_marked_is_and_ought_and_listed_in_roster_order() {
        let roster = vec![
            person("a", Involvement::Involved),
            person("b", Involvement::Affected),
        ];
        let mut c = BoundaryCritique::default();
        c.set_role("b", Role::DecisionMaker, false, true);
        c.set_role("a", Role::DecisionMaker, true, true);
        c.set_role("a", Role::DecisionMaker, false, true);
        let names = |v: Vec<&Stakeholder>| v.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(names(c.holders(Role::DecisionMaker, true, &roster)), ["a"]);
        assert_eq!(
            names(c.holders(Role::DecisionMaker, false, &roster)),
            ["a", "b"]
        );
        c.set_role("b", Role::DecisionMaker, false, false);
        assert!(
            !c.roles.contains_key("b"),
            "an entry with no roles is dropped"
        );
        assert_eq!(Role::of_question(7), Some(Role::Expert));
        assert_eq!(Role::of_question(2), None);
        let qs: Vec<u8> = Role::ALL.iter().map(|r| r.question()).collect();
        assert_eq!(qs, [1, 4, 7, 10]);
    }

    #[test]
    fn ought_first_and_roles_restore_and_stay_out_of_old_documents() {
        let old = serde_json::to_value(BoundaryCritique::default()).unwrap();
        assert_eq!(old, serde_json::json!({"perspectives": [], "tensions": []}));
        let roster = vec![person("a", Involvement::Involved)];
        let value = serde_json::json!({
            "perspectives": [], "tensions": [], "ought_first": true,
            "roles": {
                "a": {"is": ["expert", "expert"], "ought": ["witness"]},
                "gone": {"is": ["expert"]},
                "b": {"is": ["king"]}
            }
        });
        let mut report = Vec::new();
        let c = BoundaryCritique::restore(value, &roster, &mut report);
        assert!(c.ought_first);
        assert_eq!(c.roles.len(), 1);
        assert_eq!(c.roles["a"].is, [Role::Expert]);
        assert_eq!(c.roles["a"].ought, [Role::Witness]);
        assert_eq!(report.len(), 2, "{report:?}");
    }
}
