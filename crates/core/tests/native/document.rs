//! The saved-workshop format: every fixture restores to exactly what it holds; damaged documents
//! are repaired with a report that names each problem, or refused with a clear message.

use std::collections::HashSet;

use cstw_core::model::{Involvement, Workshop};
use cstw_core::persist::document::{
    self, MAX_IMPORT_BYTES, MAX_IMPORT_WORKSHOPS, ReadError, Restored, SavedWorkshop, read_import,
    read_workshop,
};
use serde_json::{Value, json};

use crate::fixtures::load;

fn read(name: &str) -> Result<Restored, ReadError> {
    read_workshop(&load(name), "w-fallback")
}

fn restored(name: &str) -> Restored {
    read(name).unwrap_or_else(|e| panic!("{name} should open: {e}"))
}

fn ids(w: &Workshop) -> Vec<&str> {
    w.roster.iter().map(|s| s.id.as_str()).collect()
}

fn assert_ids_unique(w: &Workshop) {
    let unique: HashSet<_> = w.roster.iter().map(|s| &s.id).collect();
    assert_eq!(unique.len(), w.roster.len(), "ids repeat: {:?}", ids(w));
    assert!(
        w.roster.iter().all(|s| !s.id.is_empty()),
        "an empty id: {:?}",
        ids(w)
    );
}

/// A report line that mentions every one of `words`.
fn assert_reported(repairs: &[String], words: &[&str]) {
    assert!(
        repairs.iter().any(|r| words.iter().all(|w| r.contains(w))),
        "no repair mentions {words:?}; the report was {repairs:#?}"
    );
}

/// A user-facing message: one or more plain sentences, no debug output.
fn assert_sentence(message: &str) {
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

// --- Refusals ---------------------------------------------------------------------------------

#[test]
fn a_kumu_file_is_refused_as_foreign() {
    let text = load("foreign-kumu.json");
    let e = read_workshop(&text, "x").unwrap_err();
    assert_eq!(
        e,
        ReadError::Foreign {
            found: "it has no format marker".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "This is not a CST Workbench file (it has no format marker). Choose a file exported \
         from CST Workbench."
    );
    assert_sentence(&e.to_string());
    assert_eq!(read_import(&text, &|i| format!("f{i}")).unwrap_err(), e);
}

#[test]
fn other_foreign_files_are_refused_and_say_what_they_hold() {
    for (text, found) in [
        ("[]", "it holds a list"),
        ("42", "it holds a number"),
        ("\"cst-workbench/workshop\"", "it holds text"),
        ("null", "it holds empty"),
        (r#"{"format": 1}"#, "it has no format marker"),
        (
            r#"{"format": "excalidraw"}"#,
            "its format is \u{201c}excalidraw\u{201d}",
        ),
    ] {
        let e = read_workshop(text, "x").unwrap_err();
        assert_eq!(
            e,
            ReadError::Foreign {
                found: found.into()
            },
            "{text}"
        );
        let message = e.to_string();
        assert_sentence(&message);
        assert_eq!(
            message.matches("line").count(),
            usize::from(matches!(e, ReadError::NotJson { .. }))
        );
    }
}

#[test]
fn a_newer_version_is_refused_with_advice_to_update() {
    let text = load("newer-v2.json");
    let e = read_workshop(&text, "x").unwrap_err();
    assert_eq!(e, ReadError::Newer { found: 2 });
    assert!(
        2 > u64::from(document::VERSION),
        "update this test when the format moves to v2"
    );
    let message = e.to_string();
    assert_sentence(&message);
    assert!(
        message.contains("newer version of CST Workbench"),
        "{message}"
    );
    assert!(message.contains("format version 2"), "{message}");
    assert!(
        message.contains(&format!("reads up to {}", document::VERSION)),
        "{message}"
    );
    assert!(message.contains("Update the app"), "{message}");
    assert_eq!(read_import(&text, &|i| format!("f{i}")).unwrap_err(), e);
}

#[test]
fn a_newer_library_or_a_newer_workshop_inside_a_library_is_refused() {
    let newer_library = json!({"format": "cst-workbench/library", "version": 3, "workshops": []});
    assert_eq!(
        read_import(&newer_library.to_string(), &|i| format!("f{i}")).unwrap_err(),
        ReadError::Newer { found: 3 }
    );
    let newer_inside = json!({
        "format": "cst-workbench/library", "version": 1,
        "workshops": [serde_json::from_str::<Value>(&load("newer-v2.json")).unwrap()]
    });
    assert_eq!(
        read_import(&newer_inside.to_string(), &|i| format!("f{i}")).unwrap_err(),
        ReadError::Newer { found: 2 }
    );
}

#[test]
fn empty_and_oversized_files_are_refused_with_a_sentence() {
    for blank in ["", "   ", "\n\t\n"] {
        assert_eq!(read_workshop(blank, "x").unwrap_err(), ReadError::Empty);
    }
    assert_eq!(ReadError::Empty.to_string(), "The file is empty.");

    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    let e = read_import(&huge, &|i| format!("f{i}")).unwrap_err();
    assert_eq!(
        e,
        ReadError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1,
            limit: MAX_IMPORT_BYTES
        }
    );
    assert_eq!(
        e.to_string(),
        "The file is 20.0 MB; the largest file this app opens is 20 MB."
    );
}

#[test]
fn a_library_with_too_many_workshops_is_refused() {
    let one: Value = serde_json::from_str(&load("workshop-v1-minimal.json")).unwrap();
    let count = MAX_IMPORT_WORKSHOPS + 1;
    let text =
        json!({"format": "cst-workbench/library", "version": 1, "workshops": vec![one; count]})
            .to_string();
    let e = read_import(&text, &|i| format!("f{i}")).unwrap_err();
    assert_eq!(
        e,
        ReadError::TooMany {
            count,
            limit: MAX_IMPORT_WORKSHOPS
        }
    );
    assert_eq!(
        e.to_string(),
        "The file holds 501 workshops; at most 500 can be imported at once."
    );
}

#[test]
fn a_library_entry_without_an_id_takes_the_fallback_for_its_position() {
    let text = json!({
        "format": "cst-workbench/library", "version": 1,
        "workshops": [
            {"format": "cst-workbench/workshop", "version": 1,
             "workshop": {"id": "w-a", "title": "A"}},
            {"format": "cst-workbench/workshop", "version": 1, "workshop": {"title": "B"}}
        ]
    })
    .to_string();
    let imported = read_import(&text, &|i| format!("w-new-{i}")).unwrap();
    assert_eq!(imported[0].saved.workshop.id, "w-a");
    assert_eq!(imported[1].saved.workshop.id, "w-new-1");
    assert_reported(&imported[1].repairs, &["no id"]);
}

#[test]
fn a_library_without_a_list_of_workshops_imports_nothing() {
    for workshops in ["", r#", "workshops": null"#, r#", "workshops": {"a": 1}"#] {
        let text = format!(r#"{{"format": "cst-workbench/library", "version": 1{workshops}}}"#);
        assert_eq!(
            read_import(&text, &|i| format!("f{i}")).unwrap(),
            vec![],
            "{text}"
        );
    }
}

#[test]
fn a_library_holding_something_that_is_not_a_workshop_is_refused_without_panicking() {
    let text =
        json!({"format": "cst-workbench/library", "version": 1, "workshops": [42]}).to_string();
    assert!(matches!(
        read_import(&text, &|i| format!("f{i}")),
        Err(ReadError::Foreign { .. })
    ));
}

#[test]
fn every_read_error_message_is_a_sentence() {
    for e in [
        ReadError::TooLarge {
            bytes: 25 * 1_048_576,
            limit: MAX_IMPORT_BYTES,
        },
        ReadError::Empty,
        ReadError::NotJson {
            line: 3,
            column: 9,
            detail: "expected `,` or `}`".into(),
        },
        ReadError::Foreign {
            found: "it holds a list".into(),
        },
        ReadError::Newer { found: 2 },
        ReadError::TooMany {
            count: 900,
            limit: MAX_IMPORT_WORKSHOPS,
        },
    ] {
        let message = e.to_string();
        assert_sentence(&message);
        assert_eq!(
            message.matches("line").count(),
            usize::from(matches!(e, ReadError::NotJson { .. }))
        );
    }
}

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
