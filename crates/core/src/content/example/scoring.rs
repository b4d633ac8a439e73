//! The example's scoring: rounds of the positive relational cycle, with scorers' comments.

use super::*;

/// The scorers: (id, name, roster entry).
pub(super) const SCORERS: [(&str, &str, &str); 8] = [
    ("sc-amira", "Amira (link worker)", "s-link"),
    ("sc-ben", "Ben (project manager)", "s-project"),
    ("sc-clare", "Clare (public health)", "s-ph-manager"),
    ("sc-dev", "Dev (GP)", "s-gps"),
    ("sc-fiona", "Fiona (practice manager)", "s-practice"),
    ("sc-gareth", "Gareth (DWP adviser)", "s-dwp"),
    ("sc-hannah", "Hannah (adult social care)", "s-asc"),
    ("sc-iris", "Iris (service user)", "s-users"),
];

/// Scores by element, one per scorer in [`SCORERS`] order; 0 is "don't know".
pub(super) type Sheet = [(&'static str, [i32; 8]); 9];

pub(super) const FIRST: Sheet = [
    ("buy-in", [4, 4, 4, 3, 2, 3, 3, 4]),
    // The core team sees the vision clearly; the practices do not (flagged: split).
    ("shared-vision", [4, 5, 5, 2, 1, 2, 3, 4]),
    ("confidence", [4, 4, 4, 3, 2, 3, 3, 4]),
    ("motivation", [3, 4, 4, 3, 3, 3, 3, 4]),
    ("support", [2, 3, 3, 2, 2, 3, 3, 3]),
    ("collaboration", [3, 4, 3, 2, 2, 2, 2, 3]),
    ("communication", [2, 3, 3, 2, 1, 2, 2, 2]),
    ("access", [2, 3, 2, 1, 2, 3, 3, 0]),
    ("learning", [4, 4, 4, 3, 3, 3, 3, 0]),
];

pub(super) const SECOND: Sheet = [
    ("buy-in", [5, 5, 4, 3, 3, 4, 4, 5]),
    ("shared-vision", [5, 5, 5, 4, 4, 3, 4, 5]),
    ("confidence", [4, 5, 4, 4, 3, 4, 4, 4]),
    ("motivation", [4, 4, 4, 4, 3, 4, 4, 4]),
    ("support", [3, 4, 3, 3, 2, 3, 4, 3]),
    ("collaboration", [4, 4, 4, 3, 3, 3, 4, 4]),
    // Better inside the practices; referrers outside them hear less than before (flagged).
    ("communication", [4, 4, 4, 2, 2, 1, 1, 4]),
    ("access", [3, 4, 3, 2, 3, 3, 3, 0]),
    ("learning", [5, 4, 5, 4, 3, 4, 4, 4]),
];

/// (round, scorer, element, comment).
pub(super) const COMMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "r-first",
        "sc-fiona",
        "shared-vision",
        "We were told what the scheme was for, not asked.",
    ),
    (
        "r-first",
        "sc-amira",
        "support",
        "Some days are hard going; supervision is patchy.",
    ),
    (
        "r-first",
        "sc-dev",
        "access",
        "The link worker cannot see the notes, so we repeat ourselves.",
    ),
    (
        "r-first",
        "sc-iris",
        "learning",
        "I would not know what the team has learned.",
    ),
    (
        "r-second",
        "sc-gareth",
        "communication",
        "Referrals dropped once the link worker stopped coming to our office.",
    ),
    (
        "r-second",
        "sc-hannah",
        "communication",
        "We still hear nothing back about the people we refer.",
    ),
    (
        "r-second",
        "sc-ben",
        "shared-vision",
        "Sharing the vision map with the practices helped.",
    ),
];

pub(super) fn scoring() -> Scoring {
    let mut s = Scoring::start(&CYCLE, "r-first".into());
    if let Some(r) = s.rounds.first_mut() {
        r.name = "Steering group, autumn 2018".into();
    }
    s.add_round("r-second".into(), "Steering group, summer 2019");
    for (id, name, roster_id) in SCORERS {
        s.add_scorer(id.into(), name);
        if let Some(x) = s.scorers.iter_mut().find(|x| x.id == id) {
            x.roster_id = Some(roster_id.into());
        }
    }
    for (round, sheet) in [("r-first", &FIRST), ("r-second", &SECOND)] {
        for (element, values) in sheet {
            for ((scorer, _, _), &v) in SCORERS.iter().zip(values) {
                match v {
                    0 => s.set_score(round, scorer, element, None, true),
                    v => s.set_score(round, scorer, element, Some(v), false),
                }
            }
        }
    }
    for &(round, scorer, element, comment) in COMMENTS {
        s.set_comment(round, scorer, element, comment.into());
    }
    for r in &mut s.rounds {
        r.revealed = true;
    }
    s
}
