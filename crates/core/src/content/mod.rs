//! Built-in material written for the app: what each activity is for, the sources it draws on,
//! the CSH categories, the paper's models, map templates and the example workshop.
//! Plain data, rendered by the UI and by the exports (the report among them); no Leptos here.

pub mod csh;
pub mod example;
pub mod frameworks;
pub mod learn;
pub mod map_templates;
pub mod margins;
mod sources;
pub mod stickers;
pub mod tour;

pub use sources::{SOURCES, Source};

/// One of the four activities a workshop can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Activity {
    pub name: &'static str,
    /// One or two sentences in plain words for the home page.
    pub summary: &'static str,
}

/// The four activities, in the order a workshop usually meets them.
pub const ACTIVITIES: [Activity; 4] = [
    Activity {
        name: "Boundary critique",
        summary: "Ask Ulrich's twelve boundary questions, each as it is and as it ought to be, \
                  from several stakeholder perspectives, and see where they pull apart.",
    },
    Activity {
        name: "Concept maps",
        summary: "Draw ideas and the links between them, such as a team's shared vision, then lay \
                  the map out, analyse it and hand it on to other tools.",
    },
    Activity {
        name: "Rich pictures",
        summary: "Sketch the messy situation as the group sees it: people, places, worries, \
                  conflicts and flows, with a pen, stickers and text.",
    },
    Activity {
        name: "Scoring",
        summary: "Let a steering group score the elements of stakeholder buy-in, then look at the \
                  averages, the spread and above all where people disagree, round after round.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activity_has_a_name_and_a_summary() {
        for a in ACTIVITIES {
            assert!(!a.name.is_empty());
            assert!(a.summary.len() > 40, "{} needs a real summary", a.name);
        }
    }
}
