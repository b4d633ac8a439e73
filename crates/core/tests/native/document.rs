//! The saved-workshop format: every fixture restores to exactly what it holds (the full,
//! minimal and library fixtures, and those of scoring, maps, the method and the margins).
//! Damaged documents are in `document_damaged`, refused files in `document_refusals`; the
//! helpers here are shared by the three.

use std::collections::HashSet;

use cstw_core::model::{Involvement, Workshop};
use cstw_core::persist::document::{
    self, ReadError, Restored, SavedWorkshop, read_import, read_workshop,
};
use serde_json::{Value, json};

use crate::fixtures::load;

pub(crate) fn read(name: &str) -> Result<Restored, ReadError> {
    read_workshop(&load(name), "w-fallback")
}

pub(crate) fn restored(name: &str) -> Restored {
    read(name).unwrap_or_else(|e| panic!("{name} should open: {e}"))
}

pub(crate) fn ids(w: &Workshop) -> Vec<&str> {
    w.roster.iter().map(|s| s.id.as_str()).collect()
}

pub(crate) fn assert_ids_unique(w: &Workshop) {
    let unique: HashSet<_> = w.roster.iter().map(|s| &s.id).collect();
    assert_eq!(unique.len(), w.roster.len(), "ids repeat: {:?}", ids(w));
    assert!(
        w.roster.iter().all(|s| !s.id.is_empty()),
        "an empty id: {:?}",
        ids(w)
    );
}

/// A report line that mentions every one of `words`.
pub(crate) fn assert_reported(repairs: &[String], words: &[&str]) {
    assert!(
        repairs.iter().any(|r| words.iter().all(|w| r.contains(w))),
        "no repair mentions {words:?}; the report was {repairs:#?}"
    );
}

/// A user-facing message: one or more plain sentences, no debug output.
pub(crate) fn assert_sentence(message: &str) {
    let first = message.chars().next().expect("a message");
    assert!(first.is_uppercase(), "does not start a sentence: {message}");
    assert!(message.ends_with('.'), "does not end a sentence: {message}");
    for debug in ["Error(", "\\n", "Some(", "None", "Value::", "Object {"] {
        assert!(
            !message.contains(debug),
            "debug output {debug:?} in: {message}"
        );
    }
}

// --- Valid fixtures ------------------------------------------------------------------------

#[test]
fn the_full_v1_fixture_restores_every_field() {
    let Restored { saved, repairs } = restored("workshop-v1-full.json");
    assert!(repairs.is_empty(), "{repairs:?}");
    assert_eq!(saved.revision, 7);
    assert_eq!(saved.saved_at, 1_732_377_600_000.0);
    assert_eq!(saved.last_exported_at, Some(1_732_291_200_000.0));
    assert!(saved.needs_export(), "saved after the last export");

    let w = &saved.workshop;
    assert_eq!(w.id, "w-m3t0k0-5a1c9e");
    assert_eq!(w.title, "Shropshire social prescribing: boundary critique");
    assert_eq!(
        w.purpose,
        "Who ought to benefit from social prescribing in Shropshire, and who is affected but has \
         no say?"
    );
    assert_eq!(w.date, "2024-11-21");
    assert_eq!(w.facilitator, "Evaluation team");
    assert_eq!(
        w.notes,
        "Referrals come mostly from GPs.\nAsk: what counts as \"success\" <for whom> & who \
         decides? 🌱"
    );
    assert_eq!(w.created_at, 1_732_204_800_000.0);

    let roster: Vec<(&str, &str, &str, Involvement)> = w
        .roster
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.name.as_str(),
                s.group.as_str(),
                s.involvement,
            )
        })
        .collect();
    use Involvement::{Affected, Involved};
    assert_eq!(
        roster,
        [
            (
                "s-link-workers",
                "Link workers",
                "Social prescribing service",
                Involved
            ),
            ("s-gps", "GPs", "GP practices", Involved),
            (
                "s-practice-manager",
                "Practice manager",
                "GP practices",
                Involved
            ),
            (
                "s-public-health",
                "Public health team",
                "Shropshire Council",
                Involved
            ),
            (
                "s-dwp",
                "DWP advisers",
                "Department for Work and Pensions",
                Involved
            ),
            (
                "s-service-users",
                "Service users",
                "People referred to the scheme",
                Involved
            ),
            (
                "s-vcs",
                "Voluntary and community sector",
                "Local charities and community groups",
                Affected
            ),
            (
                "s-minority",
                "Disadvantaged and minority groups",
                "Not reached by the scheme",
                Affected
            ),
        ]
    );
}

#[test]
fn unknown_fields_in_the_full_fixture_are_kept_after_restore() {
    let saved = restored("workshop-v1-full.json").saved;
    // Only the unknown field is left over at each level.
    assert_eq!(
        Value::Object(saved.extra.clone()),
        json!({"thumbnail": {"kind": "svg", "width": 320}})
    );
    assert_eq!(
        Value::Object(saved.workshop.extra.clone()),
        json!({"colour": "teal"})
    );
    assert_eq!(
        Value::Object(saved.workshop.roster[1].extra.clone()),
        json!({"seat": {"table": 2, "chair": "B"}})
    );
    for (i, s) in saved.workshop.roster.iter().enumerate() {
        if i != 1 {
            assert!(s.extra.is_empty(), "{} gained fields: {:?}", s.id, s.extra);
        }
    }
}

#[test]
fn unknown_fields_in_the_full_fixture_are_kept_after_saving_again() {
    let saved = restored("workshop-v1-full.json").saved;
    let text = saved.to_json();
    let v: Value = serde_json::from_str(&text).expect("to_json writes JSON");
    assert_eq!(v["thumbnail"], json!({"kind": "svg", "width": 320}));
    assert_eq!(v["workshop"]["colour"], "teal");
    assert_eq!(
        v["workshop"]["roster"][1]["seat"],
        json!({"table": 2, "chair": "B"})
    );
    assert_eq!(v["workshop"]["roster"][1]["id"], "s-gps");
    // Known fields are written in their current form.
    assert_eq!(v["format"], document::WORKSHOP_FORMAT);
    assert_eq!(v["version"], document::VERSION);
    assert_eq!(v["app_version"], document::APP_VERSION);
    assert_eq!(v["revision"], 7);
    assert_eq!(v["workshop"]["roster"][6]["involvement"], "affected");
    assert_eq!(v["workshop"]["roster"][0]["involvement"], "involved");
    // And the saved text reads back the same, with nothing to repair.
    let again = read_workshop(&text, "w-other").expect("re-reads");
    assert_eq!(again.saved, saved);
    assert!(again.repairs.is_empty(), "{:?}", again.repairs);
}

#[test]
fn the_minimal_v1_fixture_takes_defaults_for_everything_missing() {
    let Restored { saved, repairs } = restored("workshop-v1-minimal.json");
    assert!(
        repairs.is_empty(),
        "missing fields are not damage: {repairs:?}"
    );
    let expected = SavedWorkshop::new(
        Workshop::new("w-minimal".into(), "Minimal workshop", 0.0),
        0.0,
    );
    assert_eq!(saved, expected);
    assert_eq!(saved.last_exported_at, None);
    assert!(saved.needs_export());
    assert!(saved.workshop.roster.is_empty());
    assert_eq!(saved.workshop.purpose, "");
}

#[test]
fn the_library_fixture_imports_both_workshops_in_order() {
    let text = load("library-v1.json");
    // The fallback ids are offered for every entry, and not needed: each entry has its id.
    let imported =
        read_import(&text, &|i| format!("w-unused-{i}")).expect("a library export opens");
    assert_eq!(imported.len(), 2);
    assert!(imported.iter().all(|r| r.repairs.is_empty()));

    let a = &imported[0].saved;
    assert_eq!(a.workshop.id, "w-sp-referrals");
    assert_eq!(a.workshop.title, "Social prescribing: referral pathways");
    assert_eq!(a.revision, 3);
    assert_eq!(a.last_exported_at, None);
    assert_eq!(ids(&a.workshop), ["s-1", "s-2", "s-3"]);
    assert_eq!(a.workshop.roster[2].name, "Carers");
    assert_eq!(a.workshop.roster[2].involvement, Involvement::Affected);

    let b = &imported[1].saved;
    assert_eq!(b.workshop.id, "w-sp-outcomes");
    assert_eq!(
        b.workshop.title,
        "Social prescribing: what counts as an outcome"
    );
    assert_eq!(b.revision, 1);
    assert_eq!(b.last_exported_at, Some(b.saved_at));
    assert!(!b.needs_export());
    assert!(b.workshop.roster.is_empty());
}

#[test]
fn a_library_file_is_not_a_single_workshop_record() {
    let e = read_workshop(&load("library-v1.json"), "x").unwrap_err();
    assert_eq!(
        e,
        ReadError::Foreign {
            found: "its format is \u{201c}cst-workbench/library\u{201d}".into()
        }
    );
    assert_sentence(&e.to_string());
}

#[test]
fn importing_a_single_workshop_file_gives_that_workshop() {
    for name in ["workshop-v1-full.json", "workshop-v1-minimal.json"] {
        let text = load(name);
        let imported = read_import(&text, &|i| format!("w-import-{i}")).expect("opens");
        assert_eq!(
            imported,
            vec![read_workshop(&text, "w-import-0").unwrap()],
            "{name}"
        );
    }
}

// --- Fixtures of each part ------------------------------------------------------------------

#[test]
fn the_scoring_fixture_restores_rounds_scores_and_tallies() {
    let r = restored("workshop-v1-scoring.json");
    let s = &r.saved.workshop.scoring;
    assert_eq!(s.framework.based_on, "cycle");
    assert_eq!(s.framework.elements.len(), 3);
    assert_eq!(s.framework.elements[0].parts.len(), 4);
    assert_eq!(s.scorer_label("s-b"), "Scorer 2");
    assert_eq!(s.rounds.len(), 2);
    assert_eq!(
        s.rounds[0].scores["s-a"]["support"].comment,
        "Staff are \"exhausted\" <really>"
    );
    // Round 1: support 1, 2, 1; learning one "don't know" and a 3.
    let one = s.results(&s.rounds[0]);
    assert_eq!(one[1].summary.n, 3);
    assert!((one[1].summary.mean.unwrap() - 4.0 / 3.0).abs() < 1e-12);
    assert_eq!((one[2].summary.n, one[2].summary.dont_know), (1, 1));
    // Round 2 by show of hands: one 3, two 4s, one "don't know".
    let two = s.results(&s.rounds[1]);
    assert_eq!((two[1].summary.n, two[1].summary.dont_know), (3, 1));
    assert_eq!(two[1].summary.median, Some(4.0));
    assert_eq!(two[0].summary.n, 0, "nobody scored buy-in in round 2");
    // Saved again, it reads back the same.
    let again = read_workshop(&r.saved.to_json(), "x").expect("re-reads");
    assert_eq!(again.saved.workshop.scoring, *s);
}

#[test]
fn the_maps_fixture_restores_repairs_and_keeps_what_it_cannot_read() {
    use cstw_core::model::map::{Direction, Polarity, Shape, Viewport};
    let r = restored("workshop-v1-maps.json");
    let maps = &r.saved.workshop.maps;
    assert_eq!(
        maps.len(),
        2,
        "the unreadable map is kept aside, not listed"
    );
    let v = &maps[0];
    assert_eq!(v.focus_question, "What is the scheme for?");
    assert_eq!(v.kinds[0].shape, Shape::Pill);
    assert_eq!(v.nodes.len(), 3);
    assert_eq!(v.node(4).unwrap().label, "Loneliness and\nisolation");
    assert_eq!(v.node(5).unwrap().label, "<b>Health</b> \"inequalities\"");
    let both = v.link(7).unwrap();
    assert_eq!(
        (both.direction, both.polarity),
        (Direction::Both, Polarity::Negative)
    );
    assert_eq!(v.link(6).unwrap().label, "shows up as");
    assert_eq!(v.view.zoom, 1.25);
    // The damaged map: nodes sorted and deduplicated, the unknown kind cleared, links that
    // point nowhere or loop on one node dropped (2 -> 1 beside 1 -> 2 is a second, parallel
    // link, kept), the view and next id repaired.
    let d = &maps[1];
    assert_eq!(d.nodes.iter().map(|n| n.id).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(d.node(1).unwrap().kind, None);
    assert_eq!(d.links.iter().map(|l| l.id).collect::<Vec<_>>(), vec![3, 4]);
    assert_eq!(d.view, Viewport::default());
    assert!(d.next_id > 3, "past every id it kept");
    assert!(
        r.repairs
            .iter()
            .any(|m| m.contains("map 3 could not be read")),
        "{:?}",
        r.repairs
    );
    let kept = &r.saved.workshop.extra["maps_unreadable"];
    assert_eq!(kept[0]["title"], "Not a map");
    // Saved again, it reads back the same, the kept-aside map included.
    let again = read_workshop(&r.saved.to_json(), "x").expect("re-reads");
    assert_eq!(again.saved.workshop.maps, *maps);
    assert_eq!(again.saved.workshop.extra["maps_unreadable"], *kept);
}

#[test]
fn the_method_fixture_restores_ought_first_roles_and_gaps() {
    use cstw_core::model::boundary::{Level, Role};
    let r = restored("workshop-v1-method.json");
    assert!(r.repairs.is_empty(), "{:?}", r.repairs);
    let w = &r.saved.workshop;
    let b = &w.boundary;
    assert!(b.ought_first);
    let names = |role, is| {
        b.holders(role, is, &w.roster)
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(Role::DecisionMaker, true), ["Project team"]);
    assert_eq!(
        names(Role::DecisionMaker, false),
        ["Service users"],
        "who should decide"
    );
    assert_eq!(
        names(Role::Beneficiary, false),
        ["Service users", "People on no list"]
    );
    let gaps = b.gaps("p-team");
    assert_eq!(
        gaps.iter().map(|g| g.question).collect::<Vec<_>>(),
        [3, 1, 9]
    );
    assert_eq!(gaps[0].level, Level::Strong);
    assert_eq!(b.reflection.not_in_room, "People on no list");
    assert_eq!(b.reflection.values, "Belonging");
    assert!(b.reflection.facts.is_empty());
    // Saved again, it reads back the same, and the new fields are kept.
    let text = r.saved.to_json();
    let again = read_workshop(&text, "x").expect("re-reads");
    assert_eq!(again.saved.workshop.boundary, *b);
    assert!(text.contains("\"ought_first\":true") && text.contains("\"decision-maker\""));
}

#[test]
fn the_margins_fixture_restores_the_boundary_analysis_and_scores_by_perspective() {
    use cstw_core::analysis::by_group::{GroupBy, UNASSIGNED, by_group};
    use cstw_core::analysis::findings::findings;
    use cstw_core::analysis::stats::Disagreement;
    use cstw_core::model::boundary::{Mark, Zone};
    let r = restored("workshop-v1-method-margins.json");
    assert!(r.repairs.is_empty(), "{:?}", r.repairs);
    let w = &r.saved.workshop;
    let m = &w.boundary.margins;
    assert_eq!(m.in_zone(Zone::Inside).count(), 1);
    assert_eq!(
        m.marginalised(&w.roster),
        [
            ("People on no list".to_string(), Some(Mark::Profane)),
            (
                "Bus fares in a rural county".to_string(),
                Some(Mark::Sacred)
            ),
        ]
    );
    assert!(m.holds.starts_with("The monthly referral form"));
    // Scorers linked to roster entries: the GPs agree high; the others scatter.
    let s = &w.scoring;
    let g = by_group(s, &s.rounds[0], &w.roster, GroupBy::Group);
    let names: Vec<&str> = g.groups.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Project team", "Service users", "GPs", UNASSIGNED]);
    let v = by_group(s, &s.rounds[0], &w.roster, GroupBy::Involvement);
    let involved = &v.elements[0].groups[0];
    assert_eq!(involved.group, "Involved");
    // 5, 5, 4, 1: the service users' 1 is alone far below, so no flag within the involved.
    assert_eq!(involved.summary.n, 4);
    assert_eq!(involved.summary.disagreement, None);
    let whole = &v.elements[0].overall;
    assert_eq!(whole.n, 5);
    assert_eq!(whole.disagreement, Some(Disagreement::Dissent));
    // The reflection and the margin feed what we found.
    let found: Vec<String> = findings(w).iter().map(|f| f.label.clone()).collect();
    for label in [
        "In the marginal zone",
        "What holds the boundaries in place",
        "Not in the room",
        "Values that made them matter",
        "Flagged in Steering group, spring",
    ] {
        assert!(found.iter().any(|f| f == label), "{label} in {found:?}");
    }
    let text = r.saved.to_json();
    let again = read_workshop(&text, "x").expect("re-reads");
    assert_eq!(again.saved.workshop.boundary, w.boundary);
    assert_eq!(again.saved.workshop.scoring, w.scoring);
}
