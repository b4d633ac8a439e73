//! Model → document → model gives the model back, for the example workshop under any edits,
//! and any JSON written over any other reads back as written.

use cstw_core::model::samples::large_workshop;
use cstw_sync::Replica;
use cstw_sync::mapping::{read_map, write_map};
use cstw_sync::replica::normalise;
use proptest::prelude::*;
use serde_json::{Map, Value};
use yrs::{Doc, Transact};

use super::workshops::{apply, base, op};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Writes `w` into a fresh replica, sends its whole state to another, and reads it there.
fn through_a_document(w: &cstw_core::model::Workshop) -> cstw_core::model::Workshop {
    let mut a = Replica::new(1);
    a.write(w).expect("a new workshop is a change");
    let mut b = Replica::new(2);
    b.apply(&a.state()).expect("a replica's state applies");
    let mut report = Vec::new();
    let back = b.workshop("fallback", &mut report);
    assert!(report.is_empty(), "nothing to repair: {report:?}");
    back
}

#[test]
fn the_example_workshop_round_trips() {
    let w = base();
    assert_eq!(through_a_document(&w), w);
}

#[test]
fn a_large_workshop_round_trips() {
    let w = large_workshop(500, 100);
    assert_eq!(through_a_document(&w), w);
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        super::workshops::text().prop_map(Value::String),
    ]
}

/// JSON shaped like the model's: objects whose keys include text keys, lists of objects with
/// ids (numbers or strings, sometimes repeated), lists without, lists of scalars.
fn json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "id", "label", "x", "note", "kind", "items", "is", "values",
    ]);
    json_leaf().prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key.clone().prop_map(String::from), inner.clone(), 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            prop::collection::vec((0u8..6, inner), 0..6).prop_map(|items| {
                Value::Array(
                    items
                        .into_iter()
                        .map(|(id, v)| serde_json::json!({"id": id, "label": format!("n{id}"), "v": v}))
                        .collect(),
                )
            }),
        ]
    })
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => Map::from_iter([("root".to_string(), other)]),
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn an_edited_workshop_round_trips(ops in prop::collection::vec(op(), 0..24)) {
        let mut w = base();
        for o in &ops {
            super::workshops::apply(&mut w, o);
        }
        // Through restore once, as the page holds it (a stored workshop is read this way).
        let mut report = Vec::new();
        let w = cstw_core::model::Workshop::restore(serde_json::to_value(&w).unwrap(), "x", &mut report);
        prop_assert_eq!(through_a_document(&w), w);
    }

    #[test]
    fn successive_edits_read_back_after_each(ops in prop::collection::vec(op(), 1..16)) {
        let mut w = base();
        let mut a = Replica::new(1);
        let mut b = Replica::new(2);
        b.apply(&a.write(&w).unwrap()).unwrap();
        for o in &ops {
            apply(&mut w, o);
            if let Some(update) = a.write(&w) {
                b.apply(&update).unwrap();
            }
            let mut report = Vec::new();
            let w2 = cstw_core::model::Workshop::restore(serde_json::to_value(&w).unwrap(), "x", &mut report);
            prop_assert_eq!(b.workshop("x", &mut Vec::new()), w2);
        }
    }

    #[test]
    fn any_json_written_over_any_other_reads_back(first in json(), second in json()) {
        let doc = Doc::new();
        let root = doc.get_or_insert_map("workshop");
        let (first, second) = (object(normalise(first)), object(normalise(second)));
        write_map(&mut doc.transact_mut(), &root, &Map::new(), &first);
        prop_assert_eq!(&read_map(&doc.transact(), &root), &first);
        write_map(&mut doc.transact_mut(), &root, &first, &second);
        prop_assert_eq!(&read_map(&doc.transact(), &root), &second);
    }
}
