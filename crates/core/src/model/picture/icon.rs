//! The built-in stickers.

use serde::{Deserialize, Serialize};

/// The built-in stickers: the cast and props of a rich picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Icon {
    Person,
    Group,
    Organisation,
    Clinic,
    Home,
    Eye,
    Conflict,
    Heart,
    Money,
    Clock,
    Speech,
    Thought,
    Worry,
    Lightning,
    Question,
    Transport,
    Computer,
}

impl Icon {
    pub const ALL: [Icon; 17] = [
        Icon::Person,
        Icon::Group,
        Icon::Organisation,
        Icon::Clinic,
        Icon::Home,
        Icon::Eye,
        Icon::Conflict,
        Icon::Heart,
        Icon::Money,
        Icon::Clock,
        Icon::Speech,
        Icon::Thought,
        Icon::Worry,
        Icon::Lightning,
        Icon::Question,
        Icon::Transport,
        Icon::Computer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Icon::Person => "Person",
            Icon::Group => "Group",
            Icon::Organisation => "Organisation",
            Icon::Clinic => "Clinic or GP",
            Icon::Home => "Home",
            Icon::Eye => "Observer",
            Icon::Conflict => "Conflict",
            Icon::Heart => "Emotion",
            Icon::Money => "Money",
            Icon::Clock => "Time",
            Icon::Speech => "Speech",
            Icon::Thought => "Thought",
            Icon::Worry => "Worry",
            Icon::Lightning => "Problem",
            Icon::Question => "Question",
            Icon::Transport => "Transport",
            Icon::Computer => "Phone or computer",
        }
    }

    /// Whether the sticker stands for people, and so can be linked to a roster entry.
    pub fn is_people(self) -> bool {
        matches!(
            self,
            Icon::Person | Icon::Group | Icon::Organisation | Icon::Clinic
        )
    }
}
