//! Damaged saved workshops: a truncated document is refused with the line where it stops,
//! wrong types and dangling ids are repaired and each repair is reported, nothing panics.

use cstw_core::model::{Involvement, Workshop};
use cstw_core::persist::document::{
    ReadError, Restored, SavedWorkshop, read_import, read_workshop,
};
use serde_json::json;

use crate::document::{assert_ids_unique, assert_reported, assert_sentence, ids, restored};
use crate::fixtures::load;

// --- Damaged documents ------------------------------------------------------------------------

#[test]
fn a_truncated_document_is_refused_with_the_line_where_it_stops() {
    let text = load("damaged-truncated.json");
    assert!(
        !text.ends_with('\n'),
        "damaged-truncated.json must end mid-string, without a final newline"
    );
    let lines = text.lines().count();
    let last_line = text.lines().last().unwrap();
    let e = read_workshop(&text, "x").unwrap_err();
    assert_eq!(
        e,
        ReadError::NotJson {
            line: 14,
            column: last_line.len(),
            detail: "it ends too early".into()
        }
    );
    assert_eq!(lines, 14);
    let message = e.to_string();
    assert_sentence(&message);
    assert_eq!(
        message,
        format!(
            "The file is damaged or is not a workshop file: it stops making sense at line 14, \
             column {} (it ends too early).",
            last_line.len()
        )
    );
    // The same refusal on import.
    assert_eq!(read_import(&text, &|i| format!("f{i}")).unwrap_err(), e);
}

#[test]
fn every_prefix_of_the_full_fixture_is_refused_without_panicking() {
    let text = load("workshop-v1-full.json");
    let body = text.trim_end();
    for (cut, _) in body.char_indices() {
        match read_workshop(&body[..cut], "x") {
            Err(ReadError::Empty) => assert_eq!(cut, 0),
            Err(ReadError::NotJson { line, .. }) => {
                assert_eq!(line, 1 + body[..cut].matches('\n').count(), "cut at {cut}")
            }
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    assert!(read_workshop(body, "x").is_ok());
}

#[test]
fn wrong_types_are_repaired_and_each_is_reported() {
    let Restored { saved, repairs } = restored("damaged-wrong-types.json");
    let w = &saved.workshop;
    // What was usable is kept.
    assert_eq!(w.id, "w-wrong-types");
    assert_eq!(w.date, "2024-11-21");
    assert_eq!(saved.saved_at, 1_732_377_600_000.0);
    // A number where text belongs is read as its text.
    assert_eq!(w.facilitator, "42");
    assert_eq!(w.notes, "");
    // What was not is replaced by a default.
    assert_eq!(w.title, "");
    assert_eq!(w.display_title(), cstw_core::model::workshop::UNTITLED);
    assert_eq!(w.purpose, "");
    assert_eq!(w.created_at, 0.0);
    assert!(w.roster.is_empty());
    assert_eq!(saved.revision, 0);

    assert_reported(&repairs, &["revision", "text", "reset"]);
    assert_reported(&repairs, &["title", "a list instead of text"]);
    assert_reported(&repairs, &["purpose", "an object instead of text"]);
    assert_reported(&repairs, &["created_at", "text instead of a number"]);
    assert_reported(
        &repairs,
        &["roster", "an object instead of a list", "emptied"],
    );
    assert_eq!(repairs.len(), 5, "{repairs:#?}");
    for r in &repairs {
        assert!(
            r.starts_with("the "),
            "a repair note reads as a clause: {r}"
        );
    }
}

#[test]
fn wrong_types_in_roster_entries_are_repaired_and_reported() {
    let Restored { saved, repairs } = restored("damaged-wrong-types-roster.json");
    let w = &saved.workshop;
    assert_eq!(ids(w), ["s-1", "s-2", "s-3", "s-4"]);
    // An unknown involvement becomes "involved"; the name is kept.
    assert_eq!(w.roster[0].name, "Link workers");
    assert_eq!(w.roster[0].involvement, Involvement::Involved);
    // A list for a name is dropped; a number for a group is read as text.
    assert_eq!(w.roster[1].name, "");
    assert_eq!(w.roster[1].group, "7");
    assert_eq!(w.roster[1].involvement, Involvement::Involved);
    // A missing (null) involvement is the default, and no damage.
    assert_eq!(w.roster[2].involvement, Involvement::Involved);
    // Involvement is matched exactly: "Affected" is not "affected".
    assert_eq!(w.roster[3].involvement, Involvement::Involved);

    assert_reported(
        &repairs,
        &["roster entry 1", "\"sideways\"", "\"involved\""],
    );
    assert_reported(&repairs, &["roster entry 2", "unknown involvement 3"]);
    assert_reported(&repairs, &["roster entry 4", "\"Affected\""]);
    assert_reported(
        &repairs,
        &["roster entry 2's name", "a list instead of text"],
    );
    assert_eq!(repairs.len(), 4, "{repairs:#?}");
    assert_ids_unique(w);
}

#[test]
fn dangling_ids_are_repaired_and_stay_unique() {
    let Restored { saved, repairs } = restored("damaged-dangling.json");
    let w = &saved.workshop;
    // The workshop had no id: it takes the one the caller gave.
    assert_eq!(w.id, "w-fallback");
    assert_eq!(w.title, "Roster with broken ids");
    assert_reported(&repairs, &["workshop had no id"]);

    // Five of the nine entries are entries; the four that are not are dropped and named.
    let names: Vec<&str> = w.roster.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Link workers",
            "GPs",
            "Practice manager",
            "Service users",
            "Disadvantaged and minority groups"
        ]
    );
    for entry in [4, 5, 6, 7] {
        assert_reported(&repairs, &[&format!("roster entry {entry} "), "dropped"]);
    }
    // Repeated ids are renamed and reported; missing or empty ids are given one.
    assert_eq!(w.roster[0].id, "s-1");
    assert_ne!(w.roster[1].id, "s-1");
    assert_ne!(w.roster[4].id, "s-1");
    assert_reported(&repairs, &["roster entry 2", "repeated an id"]);
    assert_reported(&repairs, &["roster entry 9", "repeated an id"]);
    assert_reported(&repairs, &["roster entry 3", "had no id"]);
    assert_ids_unique(w);
    assert_eq!(w.roster[4].involvement, Involvement::Affected);
    assert_eq!(repairs.len(), 9, "{repairs:#?}");

    // The repair is stable: reading the repaired document again changes nothing.
    let again = read_workshop(&saved.to_json(), "w-other").unwrap();
    assert_eq!(again.saved, saved);
    assert!(again.repairs.is_empty(), "{:?}", again.repairs);
}

#[test]
fn a_roster_entry_renamed_for_a_repeated_id_never_takes_another_entrys_id() {
    // Regression: restore_roster once renamed a repeated id "{id}-{index}" without checking
    // that the name was free. Here entry 3 repeats "s-1" and must not become "s-1-2", which
    // entry 1 already has.
    let text = json!({
        "format": "cst-workbench/workshop", "version": 1,
        "workshop": {"id": "w-1", "title": "T", "roster": [
            {"id": "s-1-2", "name": "Link workers"},
            {"id": "s-1", "name": "GPs"},
            {"id": "s-1", "name": "Practice manager"}
        ]}
    })
    .to_string();
    let Restored { saved, repairs } = read_workshop(&text, "x").unwrap();
    assert_reported(&repairs, &["roster entry 3", "repeated an id"]);
    assert_ids_unique(&saved.workshop);
}

#[test]
fn a_document_without_a_workshop_gets_an_empty_one_and_says_so() {
    let r = read_workshop(
        r#"{"format": "cst-workbench/workshop", "version": 1, "revision": 2}"#,
        "w-new",
    )
    .unwrap();
    assert_eq!(r.saved.workshop.id, "w-new");
    assert_eq!(r.saved.revision, 2);
    assert_reported(&r.repairs, &["no workshop", "empty one"]);

    for (workshop, kind) in [
        ("null", "empty"),
        ("[1]", "a list"),
        ("\"text\"", "text"),
        ("7", "a number"),
    ] {
        let text = format!(
            r#"{{"format": "cst-workbench/workshop", "version": 1, "workshop": {workshop}}}"#
        );
        let r = read_workshop(&text, "w-new").unwrap();
        assert_reported(
            &r.repairs,
            &[&format!("the workshop was {kind} instead of an object")],
        );
        assert_eq!(r.saved.workshop.id, "w-new");
        assert_eq!(
            r.saved.workshop.display_title(),
            cstw_core::model::workshop::UNTITLED
        );
    }
}

#[test]
fn a_wrong_saved_at_is_reported() {
    // Regression: a saved_at or last_exported_at of the wrong type was once replaced (0 / none)
    // without a word in the report, unlike revision.
    let text = r#"{"format": "cst-workbench/workshop", "version": 1, "saved_at": "yesterday",
                   "last_exported_at": [1], "workshop": {"id": "w-1", "title": "T"}}"#;
    let r = read_workshop(text, "x").unwrap();
    assert_eq!(r.saved.saved_at, 0.0);
    assert_eq!(r.saved.last_exported_at, None);
    assert_reported(&r.repairs, &["saved_at"]);
    assert_reported(&r.repairs, &["last_exported_at"]);
}

#[test]
fn a_blank_title_survives_a_save() {
    // The details form can clear the title (set_detail(Title, "")); display_title() already
    // shows "Untitled workshop" for it. Restore instead writes that text into the title, so
    // after a reload the form holds "Untitled workshop" and the round trip is not exact.
    let mut w = Workshop::new("w-1".into(), "Pilot", 0.0);
    w.set_detail(
        cstw_core::model::workshop::DetailField::Title,
        String::new(),
    );
    let s = SavedWorkshop::new(w, 1.0);
    let back = read_workshop(&s.to_json(), "x").unwrap();
    assert!(back.repairs.is_empty(), "{:?}", back.repairs);
    assert_eq!(back.saved.workshop.title, "");
}
