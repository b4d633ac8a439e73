//! The saved-document format's tests: reading back, restoring, refusing, revisions.
use super::*;
use crate::model::Involvement;

fn sample() -> SavedWorkshop {
    let mut w = Workshop::new("w-1".into(), "Pilot", 1.0);
    w.add_stakeholder("s-1".into(), "GPs", "", Involvement::Involved);
    SavedWorkshop {
        revision: 4,
        saved_at: 10.0,
        last_exported_at: Some(9.0),
        exported_content: None,
        workshop: w,
        extra: Map::new(),
    }
}

#[test]
fn a_stored_workshop_reads_back_the_same() {
    let s = sample();
    let r = read_workshop(&s.to_json(), "x").unwrap();
    assert_eq!(r.saved, s);
    assert!(r.repairs.is_empty());
}

#[test]
fn unknown_top_level_fields_survive_a_save() {
    let mut v: Value = serde_json::from_str(&sample().to_json()).unwrap();
    v["thumbnail"] = "abc".into();
    let r = read_workshop(&v.to_string(), "x").unwrap();
    let again: Value = serde_json::from_str(&r.saved.to_json()).unwrap();
    assert_eq!(again["thumbnail"], "abc");
}

#[test]
fn refusals_name_the_problem() {
    let foreign = read_workshop(r#"{"nodes": []}"#, "x").unwrap_err();
    assert!(
        foreign.to_string().contains("not a CST Workbench file"),
        "{foreign}"
    );
    let newer = read_workshop(r#"{"format":"cst-workbench/workshop","version":9}"#, "x");
    assert_eq!(newer.unwrap_err(), ReadError::Newer { found: 9 });
    let broken = read_workshop("{\n \"format\": ", "x").unwrap_err();
    assert!(
        matches!(broken, ReadError::NotJson { line: 2, .. }),
        "{broken:?}"
    );
    assert_eq!(read_workshop("  ", "x").unwrap_err(), ReadError::Empty);
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert!(matches!(
        read_workshop(&huge, "x"),
        Err(ReadError::TooLarge { .. })
    ));
}

#[test]
fn a_library_export_imports_every_workshop() {
    let a = sample();
    let mut b = sample();
    b.workshop.id = "w-2".into();
    let text = library_to_json(&[a.clone(), b.clone()], 99.0);
    let back = read_import(&text, &|i| format!("f{i}")).unwrap();
    assert_eq!(
        back.iter().map(|r| r.saved.clone()).collect::<Vec<_>>(),
        vec![a, b]
    );
}

#[test]
fn the_revision_is_found_at_the_start_of_a_stored_record() {
    let mut s = sample();
    s.workshop.notes = "x".repeat(10_000);
    s.revision = 123_456;
    let text = s.to_json();
    assert_eq!(revision_in_prefix(&text[..512]), Some(123_456));
    assert_eq!(revision_in_prefix(&text[..512]), revision_of(&text));
    assert_eq!(revision_in_prefix(r#"{"revision":12"#), None, "cut short");
    assert_eq!(revision_in_prefix(r#"{"format":"x"}"#), None);
}

#[test]
fn export_files_are_named_after_the_workshop_and_the_day() {
    let mut s = sample();
    s.workshop.title = "Pilot: <Phase 2>".into();
    assert_eq!(
        s.file_name("2026-11-23"),
        "pilot-phase-2-2026-11-23.cstw.json"
    );
    s.workshop.title = "".into();
    assert_eq!(
        s.file_name("2026-11-23"),
        "untitled-workshop-2026-11-23.cstw.json"
    );
}

#[test]
fn export_reminder_follows_changes() {
    let mut s = sample();
    s.last_exported_at = Some(s.saved_at);
    assert!(!s.needs_export());
    s.saved_at = 11.0;
    assert!(s.needs_export());
    s.last_exported_at = None;
    assert!(s.needs_export());
}

#[test]
fn export_reminder_compares_content_not_times() {
    let mut s = sample();
    s.mark_exported(10.0);
    // The save right after the export moves the time on; the content is the same.
    s.saved_at = 10.007;
    assert!(!s.needs_export());
    let back = read_workshop(&s.to_json(), "x").unwrap().saved;
    assert_eq!(back.exported_content, s.exported_content);
    assert!(!back.needs_export(), "still exported after a reload");
    // An edit brings it back; undoing it takes it away again.
    let before = s.workshop.clone();
    s.workshop.notes = "more".into();
    assert!(s.needs_export());
    s.workshop = before;
    assert!(!s.needs_export());
    // The same content under another id (an import) counts as exported.
    s.workshop.id = "w-2".into();
    assert!(!s.needs_export());
    // The hash `encode` gives is the one `content_hash` gives.
    assert_eq!(s.encode().1, s.content_hash());
}

#[test]
fn a_file_without_the_fingerprint_compares_times_and_a_damaged_one_is_dropped() {
    let mut v: Value = serde_json::from_str(&sample().to_json()).unwrap();
    assert!(v.get("exported_content").is_none());
    let old = read_workshop(&v.to_string(), "x").unwrap();
    assert_eq!(old.saved.exported_content, None);
    assert!(old.saved.needs_export(), "saved at 10, exported at 9");
    v["exported_content"] = 12.into();
    let damaged = read_workshop(&v.to_string(), "x").unwrap();
    assert_eq!(damaged.saved.exported_content, None);
    assert!(
        damaged.repairs[0].contains("fingerprint"),
        "{:?}",
        damaged.repairs
    );
}

/// A library export writes each workshop as `serde_json::to_value` would (its stored text is
/// read back instead, issue 23): the same value for a workshop with every part, odd numbers
/// and fields from a newer version.
#[test]
fn a_library_export_holds_each_workshop_as_to_value_writes_it() {
    let mut w = crate::content::example::example_workshop("w-ex".into(), 1.5);
    w.maps
        .push(crate::model::samples::large_workshop(30, 5).maps[0].clone());
    w.pictures
        .push(crate::model::samples::hand_drawn_picture(12).into());
    w.created_at = -0.0;
    w.extra.insert(
        "from_the_future".into(),
        serde_json::json!({"deep": [[[1e300]]]}),
    );
    let mut s = sample();
    s.workshop = w;
    s.saved_at = 0.1 + 0.2;
    s.extra.insert("thumbnail".into(), "abc".into());
    let mut old = s.head();
    old.insert(
        "workshop".into(),
        serde_json::to_value(&s.workshop).unwrap(),
    );
    assert_eq!(s.to_value(), Value::Object(old.clone()));
    let text = library_to_json(std::slice::from_ref(&s), 2.0);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["workshops"][0], Value::Object(old));
}
