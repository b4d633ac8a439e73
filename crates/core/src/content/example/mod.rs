//! The example workshop: the paper's case (a rural social prescribing scheme in Shropshire,
//! 2018–2019; Fixsen et al. 2020), fully worked so that a student or a new facilitator can see
//! every activity filled in. Everything in it is written for the app and is **illustrative**:
//! the names, answers, drawings and scores are invented to fit the published account, not data
//! from the study. It is built with the model's own constructors and commands, so it is exactly
//! what a facilitator could have made by hand, and it is deterministic (the only clock is the
//! `now` argument).

use crate::content::frameworks::CYCLE;
use crate::content::map_templates::Template;
use crate::model::boundary::{Level, Mode};
use crate::model::map::{ConceptMap, Direction, Metrics, Point, Polarity, Shape, Viewport};
use crate::model::picture::{Arrow, End, Icon, Item, ItemId, Picture, Sticker, Text, Tool};
use crate::model::scoring::Scoring;
use crate::model::{Involvement, Workshop};

mod boundary;
mod map;
mod picture;
mod scoring;
#[cfg(test)]
mod tests;

use boundary::*;
use map::*;
use picture::*;
use scoring::*;

/// The example's fixed id: opening the example again finds it under this id.
pub const EXAMPLE_ID: &str = "w-example-shropshire";
/// What every example's id starts with.
pub const EXAMPLE_PREFIX: &str = "w-example";
pub const EXAMPLE_TITLE: &str = "Example: Shropshire social prescribing (illustrative)";

/// Whether a workshop id is one of the built-in examples.
pub fn is_example(id: &str) -> bool {
    id.starts_with(EXAMPLE_PREFIX)
}

/// The one-line description shown beside "Open the example workshop".
pub const EXAMPLE_SUMMARY: &str = "The paper's case, a rural social prescribing scheme, worked \
    through every activity. Illustrative: written for this app, not data from the study.";

const NOTES: &str = "Illustrative only. Everything in this workshop was written for CST Workbench \
    to show how the activities fit together. It follows the situation described in Fixsen, Seers, \
    Polley and Robins (2020), \u{201c}Applying critical systems thinking to social prescribing: a \
    relational model of stakeholder buy-in\u{201d}, BMC Health Services Research 20:580, but the \
    people, answers, drawings and scores are invented: they are not data from the study.\n\n\
    Change anything you like. \u{201c}Reset the example\u{201d} on the home page brings back a \
    fresh copy.";

/// The example workshop under `id`, created at `now`.
pub fn example_workshop(id: String, now: f64) -> Workshop {
    let mut w = Workshop::new(id, EXAMPLE_TITLE, now);
    w.purpose = "Who is the county's social prescribing scheme for, who decides what it does, \
                 and what keeps the people in it committed? (An illustrative example based on \
                 the published case: not data from the study.)"
        .into();
    w.facilitator = "Example facilitator".into();
    w.notes = NOTES.into();
    roster(&mut w);
    boundary(&mut w);
    w.maps.push(vision_map(&w).into());
    w.pictures.push(picture().into());
    w.scoring = scoring();
    w
}

// ---- roster ----

/// (id, name, group, involvement), in the order the roster shows them.
const ROSTER: &[(&str, &str, &str, Involvement)] = &[
    (
        "s-link",
        "Link workers",
        "Social prescribing team",
        Involvement::Involved,
    ),
    (
        "s-ph-manager",
        "Public health manager",
        "County council public health",
        Involvement::Involved,
    ),
    (
        "s-ph-consultant",
        "Public health consultant",
        "County council public health",
        Involvement::Involved,
    ),
    (
        "s-project",
        "Project manager",
        "Social prescribing team",
        Involvement::Involved,
    ),
    (
        "s-it",
        "IT manager",
        "County council",
        Involvement::Involved,
    ),
    (
        "s-service",
        "Service manager",
        "Social prescribing team",
        Involvement::Involved,
    ),
    ("s-gps", "GPs", "GP practices", Involvement::Involved),
    (
        "s-practice",
        "Practice managers",
        "GP practices",
        Involvement::Involved,
    ),
    (
        "s-dwp",
        "DWP advisers",
        "Department for Work and Pensions",
        Involvement::Involved,
    ),
    (
        "s-asc",
        "Adult social care workers",
        "County council adult social care",
        Involvement::Involved,
    ),
    (
        "s-users",
        "Service users",
        "People who have met a link worker: the scheme's intended beneficiaries",
        Involvement::Involved,
    ),
    (
        "s-vcs",
        "Voluntary and community sector members",
        "Take the referrals; in steering-group talks and the early visionary events",
        Involvement::Involved,
    ),
    (
        "s-disadvantaged",
        "Disadvantaged and minority groups",
        "Not yet reached by the scheme",
        Involvement::Affected,
    ),
    (
        "s-housebound",
        "Housebound and isolated people",
        "Rarely seen at a GP practice",
        Involvement::Affected,
    ),
    (
        "s-ccc",
        "Community care coordinators",
        "Work alongside the link workers",
        Involvement::Affected,
    ),
    (
        "s-future",
        "Future service users and carers",
        "",
        Involvement::Affected,
    ),
];

fn roster(w: &mut Workshop) {
    for &(id, name, group, involvement) in ROSTER {
        w.add_stakeholder(id.into(), name, group, involvement);
    }
}
