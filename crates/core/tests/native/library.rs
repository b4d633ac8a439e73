//! The library index reconciled against stored records made from the fixtures: the records are
//! the truth, damaged ones are listed (never dropped), and index entries without a record go.

use cstw_core::persist::document::{read_import, read_workshop};
use cstw_core::persist::library::{Entry, Index, Listed, SortBy, TrashEntry, reconcile, view};

use crate::fixtures::load;

/// Stored records as the browser adapter hands them over: `(id from the key, raw text)`.
fn records() -> Vec<(String, String)> {
    [
        ("w-full", "workshop-v1-full.json"),
        ("w-minimal", "workshop-v1-minimal.json"),
        ("w-truncated", "damaged-truncated.json"),
        ("w-wrong", "damaged-wrong-types.json"),
        ("w-dangling", "damaged-dangling.json"),
        ("w-kumu", "foreign-kumu.json"),
        ("w-newer", "newer-v2.json"),
    ]
    .into_iter()
    .map(|(id, name)| (id.to_string(), load(name)))
    .collect()
}

fn entry(listed: &Listed) -> &Entry {
    match listed {
        Listed::Ok(e) => e,
        Listed::Damaged { id, problem, .. } => panic!("{id} is damaged: {problem}"),
    }
}

#[test]
fn every_record_is_listed_in_order_and_unreadable_ones_are_marked_damaged() {
    let records = records();
    let (listed, fixed) = reconcile(&Index::default(), &records);
    let ids: Vec<&str> = listed.iter().map(Listed::id).collect();
    assert_eq!(
        ids,
        [
            "w-full",
            "w-minimal",
            "w-truncated",
            "w-wrong",
            "w-dangling",
            "w-kumu",
            "w-newer"
        ]
    );
    for (l, (id, raw)) in listed.iter().zip(&records) {
        match read_workshop(raw, id) {
            Ok(_) => assert!(matches!(l, Listed::Ok(_)), "{id} should load"),
            Err(e) => assert_eq!(
                l,
                &Listed::Damaged {
                    id: id.clone(),
                    bytes: raw.len(),
                    problem: e.to_string()
                }
            ),
        }
    }
    let damaged: Vec<&str> = listed
        .iter()
        .filter(|l| matches!(l, Listed::Damaged { .. }))
        .map(Listed::id)
        .collect();
    assert_eq!(damaged, ["w-truncated", "w-kumu", "w-newer"]);

    // The index is rebuilt with the readable records only; damaged ones stay listed.
    let fixed = fixed.expect("an empty index disagrees with the records");
    let indexed: Vec<&str> = fixed.workshops.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(indexed, ["w-full", "w-minimal", "w-wrong", "w-dangling"]);
}

#[test]
fn entries_show_what_the_records_hold_under_the_records_key() {
    let records = records();
    let (listed, _) = reconcile(&Index::default(), &records);
    let full = entry(&listed[0]);
    assert_eq!(
        full,
        &Entry {
            id: "w-full".into(),
            title: "Shropshire social prescribing: boundary critique".into(),
            purpose: "Who ought to benefit from social prescribing in Shropshire, and who is \
                      affected but has no say?"
                .into(),
            facilitator: "Evaluation team".into(),
            date: "2024-11-21".into(),
            saved_at: 1_732_377_600_000.0,
            revision: 7,
            bytes: records[0].1.len(),
            last_exported_at: Some(1_732_291_200_000.0),
            // An older record (no content fingerprint): saved after it was exported.
            changed_since_export: true,
        }
    );
    assert!(full.needs_export());
    let minimal = entry(&listed[1]);
    assert_eq!(minimal.title, "Minimal workshop");
    assert_eq!(minimal.revision, 0);
    // A repaired record shows with its repairs: never a blank title.
    assert_eq!(entry(&listed[3]).title, "Untitled workshop");
    assert_eq!(entry(&listed[3]).revision, 0);
    // The dangling record has no workshop id: it is listed under its key.
    assert_eq!(entry(&listed[4]).id, "w-dangling");
    assert_eq!(entry(&listed[4]).title, "Roster with broken ids");
}

#[test]
fn the_index_fixture_is_brought_in_step_with_the_records() {
    let index = Index::restore(Some(&load("index-v1.json")));
    assert_eq!(index.workshops.len(), 2);
    assert_eq!(index.workshops[1].id, "w-gone");
    assert_eq!(index.workshops[1].bytes, 0, "missing fields take defaults");
    assert_eq!(
        index.trash,
        [TrashEntry {
            id: "w-deleted".into(),
            title: "Deleted pilot".into(),
            deleted_at: 1_731_900_000_000.0
        }]
    );

    let records = records();
    let (listed, fixed) = reconcile(&index, &records);
    assert_eq!(listed.len(), records.len());
    let fixed = fixed.expect("the index was stale");
    // The ghost entry is gone, the stale one is refreshed, the trash is untouched.
    assert!(fixed.workshops.iter().all(|e| e.id != "w-gone"));
    let full = fixed.workshops.iter().find(|e| e.id == "w-full").unwrap();
    assert_eq!(full.revision, 7);
    assert_eq!(
        full.title,
        "Shropshire social prescribing: boundary critique"
    );
    assert_eq!(fixed.trash, index.trash);

    // Stored and read back, the fixed index is in step: nothing more to change.
    let stored = Index::restore(Some(&fixed.to_json()));
    assert_eq!(stored, fixed);
    let (again, unchanged) = reconcile(&stored, &records);
    assert_eq!(again, listed);
    assert_eq!(unchanged, None);
}

#[test]
fn a_damaged_index_is_rebuilt_from_the_records() {
    for raw in [
        None,
        Some(""),
        Some("{\"workshops\": 7}"),
        Some(load("damaged-truncated.json").as_str()),
    ] {
        let index = Index::restore(raw);
        assert_eq!(index, Index::default(), "{raw:?}");
        let (listed, fixed) = reconcile(&index, &records());
        assert_eq!(listed.len(), 7);
        assert_eq!(fixed.unwrap().workshops.len(), 4);
    }
}

#[test]
fn damaged_records_always_show_first_and_whatever_the_search() {
    let (listed, _) = reconcile(&Index::default(), &records());
    for sort in SortBy::ALL {
        let shown: Vec<&str> = view(&listed, "", sort)
            .iter()
            .map(Listed::id)
            .map(|s| match s {
                "w-truncated" | "w-kumu" | "w-newer" => "damaged",
                _ => "ok",
            })
            .collect();
        assert_eq!(
            shown,
            ["damaged", "damaged", "damaged", "ok", "ok", "ok", "ok"],
            "{sort:?}"
        );
    }
    let found: Vec<String> = view(&listed, "SHROPSHIRE evaluation", SortBy::Title)
        .iter()
        .map(|l| l.id().to_string())
        .collect();
    assert_eq!(found, ["w-truncated", "w-kumu", "w-newer", "w-full"]);
}

#[test]
fn an_imported_library_stores_as_records_that_reconcile_cleanly() {
    let imported = read_import(&load("library-v1.json"), &|i| format!("w-import-{i}")).unwrap();
    let records: Vec<(String, String)> = imported
        .iter()
        .map(|r| (r.saved.workshop.id.clone(), r.saved.to_json()))
        .collect();
    let (listed, fixed) = reconcile(&Index::default(), &records);
    let titles: Vec<&str> = listed.iter().map(|l| entry(l).title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Social prescribing: referral pathways",
            "Social prescribing: what counts as an outcome"
        ]
    );
    let fixed = fixed.unwrap();
    assert!(fixed.workshops[0].needs_export());
    assert!(!fixed.workshops[1].needs_export());
    assert_eq!(reconcile(&fixed, &records).1, None);
}
