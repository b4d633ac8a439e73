//! Files that are not a workshop this version can read: foreign files, newer versions, empty,
//! oversized and overfull files and libraries are refused with a plain sentence.

use cstw_core::persist::document::{
    self, MAX_IMPORT_BYTES, MAX_IMPORT_WORKSHOPS, ReadError, read_import, read_workshop,
};
use serde_json::{Value, json};

use crate::document::{assert_reported, assert_sentence};
use crate::fixtures::load;

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
