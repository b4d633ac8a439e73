//! Property tests of the saved format: whatever the app can hold, it saves and reads back
//! unchanged with nothing to repair; and no input, however damaged, makes reading panic.

use std::collections::HashSet;

use cstw_core::model::Workshop;
use cstw_core::persist::document::{
    ReadError, SavedWorkshop, library_to_json, read_import, read_workshop,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value, json};

use crate::arbitrary::{TRICKY, config, json_value, saved_workshop, timestamp};
use crate::fixtures::load;

fn assert_ids_unique(w: &Workshop) -> Result<(), TestCaseError> {
    let ids: HashSet<&str> = w.roster.iter().map(|s| s.id.as_str()).collect();
    prop_assert_eq!(ids.len(), w.roster.len(), "ids repeat: {:?}", w.roster);
    prop_assert!(w.roster.iter().all(|s| !s.id.is_empty()));
    Ok(())
}

/// Reading never panics; what it reads it can save, and the saved text reads back the same
/// with nothing more to repair.
fn check_reads_safely(text: &str) -> Result<(), TestCaseError> {
    if let Ok(first) = read_workshop(text, "w-fallback") {
        prop_assert!(!first.saved.workshop.display_title().trim().is_empty());
        prop_assert!(!first.saved.workshop.id.is_empty());
        let again = read_workshop(&first.saved.to_json(), "w-other").map_err(|e| {
            TestCaseError::fail(format!("a restored document does not re-read: {e}"))
        })?;
        prop_assert!(again.repairs.is_empty(), "{:?}", again.repairs);
        prop_assert_eq!(as_json(&again.saved), as_json(&first.saved));
    }
    let _ = read_import(text, &|i| format!("w-fallback-{i}"));
    Ok(())
}

fn as_json(s: &SavedWorkshop) -> Value {
    serde_json::from_str(&s.to_json()).expect("to_json writes JSON")
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_saved_workshop_reads_back_unchanged(s in saved_workshop()) {
        let text = s.to_json();
        let restored = read_workshop(&text, "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(restored.repairs.is_empty(), "{:?}", restored.repairs);
        prop_assert_eq!(&restored.saved, &s);
        // Saving what was read writes the same text again.
        prop_assert_eq!(restored.saved.to_json(), text);
        // So the content's fingerprint survives a save and a reload: a workshop exported and
        // reloaded unchanged is not "changed since the last export".
        prop_assert_eq!(restored.saved.content_hash(), s.content_hash());
        let mut exported = s.clone();
        exported.mark_exported(1.0);
        exported.saved_at = 2.0;
        let back = read_workshop(&exported.to_json(), "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!back.saved.needs_export());
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in any::<String>()) {
        // Almost all of these are refused at once; a few are bare JSON values.
        check_reads_safely(&text)?;
    }

    #[test]
    fn reading_arbitrary_json_text_never_panics(text in "[\\[\\]{}\",:0-9a-z_ .\\-\\\\]{0,64}") {
        check_reads_safely(&text)?;
    }

    #[test]
    fn any_json_in_any_field_is_repaired_without_panicking(
        fields in prop::collection::btree_map(
            prop::sample::select(vec![
                "revision", "saved_at", "last_exported_at", "workshop", "app_version", "x_new",
            ]),
            json_value(),
            0..6,
        ),
        workshop_fields in prop::collection::btree_map(
            prop::sample::select(vec![
                "id", "title", "purpose", "date", "facilitator", "notes", "created_at", "roster",
                "x_new",
            ]),
            json_value(),
            0..9,
        ),
        roster in prop::collection::vec(json_value(), 0..6),
    ) {
        let mut doc: Map<String, Value> =
            fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        doc.insert("format".into(), "cst-workbench/workshop".into());
        doc.insert("version".into(), 1.into());
        let mut w: Map<String, Value> =
            workshop_fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        w.entry("roster").or_insert(Value::Array(roster));
        doc.entry("workshop").or_insert(Value::Object(w));
        let text = Value::Object(doc).to_string();
        let restored = read_workshop(&text, "w-fallback")
            .map_err(|e| TestCaseError::fail(format!("a marked v1 document is refused: {e}")))?;
        assert_ids_unique(&restored.saved.workshop)?;
        check_reads_safely(&text)?;
    }

    #[test]
    fn roster_ids_stay_unique_whatever_the_ids(
        entries in prop::collection::vec(
            (
                prop::sample::select(vec![
                    json!("a"), json!("b"), json!("c"), json!(""), json!(7), json!(null),
                    json!(true), json!(["a"]), Value::Null,
                ]),
                any::<bool>(),
            ),
            0..12,
        ),
    ) {
        let roster: Vec<Value> = entries
            .into_iter()
            .map(|(id, has_id)| {
                if has_id {
                    json!({"id": id, "name": "n"})
                } else {
                    json!({"name": "n"})
                }
            })
            .collect();
        let text = json!({
            "format": "cst-workbench/workshop", "version": 1,
            "workshop": {"id": "w", "title": "T", "roster": roster},
        })
        .to_string();
        let restored = read_workshop(&text, "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_ids_unique(&restored.saved.workshop)?;
        check_reads_safely(&text)?;
    }

    #[test]
    fn roster_ids_stay_unique_even_when_an_id_looks_like_a_renamed_one(
        ids in prop::collection::vec(
            prop::sample::select(vec![
                "s-1", "s-1-1", "s-1-2", "s-1-3", "s-0-000000", "s-2-000000", "",
            ]),
            0..8,
        ),
    ) {
        // Regression: restore_roster once renamed a repeated id "{id}-{index}" without checking
        // that the new name was free, e.g. for ["s-1-2", "s-1", "s-1"].
        let roster: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
        let text = json!({
            "format": "cst-workbench/workshop", "version": 1,
            "workshop": {"id": "w", "title": "T", "roster": roster},
        })
        .to_string();
        let restored = read_workshop(&text, "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_ids_unique(&restored.saved.workshop)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_mangled_document_never_panics(
        s in saved_workshop(),
        at in any::<Index>(),
        len in 0usize..16,
        insert in prop::sample::select(TRICKY),
    ) {
        // Remove a few characters somewhere and put something else in their place.
        let text = s.to_json();
        let chars: Vec<char> = text.chars().collect();
        let start = at.index(chars.len());
        let end = (start + len).min(chars.len());
        let mangled: String = chars[..start]
            .iter()
            .chain(insert.chars().collect::<Vec<_>>().iter())
            .chain(&chars[end..])
            .collect();
        check_reads_safely(&mangled)?;
    }

    #[test]
    fn a_workshop_imports_as_itself(s in saved_workshop()) {
        let imported = read_import(&s.to_json(), &|i| format!("f{i}"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(imported.len(), 1);
        prop_assert_eq!(&imported[0].saved, &s);
        prop_assert!(imported[0].repairs.is_empty());
    }

    #[test]
    fn a_truncated_document_is_refused_and_never_panics(
        s in saved_workshop(),
        cut in any::<Index>(),
    ) {
        let text = s.to_json();
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match read_workshop(&text[..at], "x") {
            Err(ReadError::NotJson { .. }) => prop_assert!(at > 0),
            Err(ReadError::Empty) => prop_assert_eq!(at, 0),
            other => prop_assert!(false, "cut at {}: {:?}", at, other),
        }
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn a_library_export_imports_every_workshop_unchanged(
        workshops in prop::collection::vec(saved_workshop(), 0..5),
        exported_at in timestamp(),
    ) {
        let text = library_to_json(&workshops, exported_at);
        let imported = read_import(&text, &|i| format!("f{i}"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(imported.iter().all(|r| r.repairs.is_empty()));
        let back: Vec<SavedWorkshop> = imported.into_iter().map(|r| r.saved).collect();
        prop_assert_eq!(back, workshops);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_finite_timestamp_survives_a_save(
        saved_at in any::<f64>().prop_filter("JSON holds finite numbers", |f| f.is_finite()),
        created_at in (1i64 << 50..1i64 << 53).prop_map(|n| n as f64),
    ) {
        // Regression: without serde_json's float_roundtrip, created_at -8063546412101017.0 read
        // back as -8063546412101018.0, and a mean score 39.430133835633676 as 39.43013383563367.
        let mut s = SavedWorkshop::new(Workshop::new("w".into(), "T", created_at), saved_at);
        s.last_exported_at = Some(saved_at);
        let back =
            read_workshop(&s.to_json(), "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.saved, s);
    }
}

#[test]
fn every_fixture_cut_at_every_character_never_panics() {
    for name in [
        "workshop-v1-full.json",
        "library-v1.json",
        "damaged-dangling.json",
        "damaged-wrong-types.json",
    ] {
        let text = load(name);
        for (cut, _) in text.char_indices() {
            let _ = read_workshop(&text[..cut], "x");
            let _ = read_import(&text[..cut], &|i| format!("f{i}"));
        }
    }
}
