//! The roster's types: a stakeholder, and whether they take part or are affected. Every
//! activity links to roster entries by id; the boundary critique, its roles and margins read
//! them, so they live apart from the workshop that holds them (no import circle).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Whether a stakeholder takes part, or is affected without taking part (CSH's "witnesses").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Involvement {
    #[default]
    Involved,
    Affected,
}

impl Involvement {
    pub const ALL: [Involvement; 2] = [Involvement::Involved, Involvement::Affected];

    pub fn as_str(self) -> &'static str {
        match self {
            Involvement::Involved => "involved",
            Involvement::Affected => "affected",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Involvement::Involved => "Involved",
            Involvement::Affected => "Affected but not involved",
        }
    }

    pub fn from_str_opt(value: &str) -> Option<Involvement> {
        Involvement::ALL.into_iter().find(|i| i.as_str() == value)
    }
}

/// A person, role or group on the workshop's roster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stakeholder {
    pub id: String,
    /// A name or a role ("practice manager").
    pub name: String,
    /// Group or organisation.
    pub group: String,
    pub involvement: Involvement,
    /// Fields written by a newer version of the app, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
