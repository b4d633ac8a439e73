//! One person's copy of a live workshop: the model on one side, its Yjs document on the other.
//!
//! A local edit is written into the document as the smallest change from what the document
//! held (`mapping`), giving one Yjs update to send; a remote update is merged into the document
//! and the workshop read back from it through the model's own lenient `restore`, so whatever
//! arrives is repaired the way a stored file is, and nothing panics.

use cstw_core::model::Workshop;
use serde_json::{Map as JsonMap, Value};
use yrs::updates::decoder::Decode;
use yrs::{Any, Doc, Map, MapRef, OffsetKind, Options, ReadTxn, StateVector, Transact, Update};

use crate::mapping::{read_map, write_map};

/// The document's root map holding the workshop's fields.
const WORKSHOP: &str = "workshop";
/// The document's root map for the room itself: the presentation's current step.
const ROOM: &str = "room";

/// Why a remote update was not applied. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadUpdate(pub String);

pub struct Replica {
    doc: Doc,
    workshop: MapRef,
    room: MapRef,
    /// What the document's workshop map holds, as (normalised) JSON: the base of the next diff.
    last: JsonMap<String, Value>,
}

impl Replica {
    /// An empty copy, to be filled by updates from the room.
    pub fn new(client_id: u64) -> Replica {
        let mut options = Options::with_client_id(yrs::ClientID::new(client_id));
        options.offset_kind = OffsetKind::Bytes;
        let doc = Doc::with_options(options);
        let workshop = doc.get_or_insert_map(WORKSHOP);
        let room = doc.get_or_insert_map(ROOM);
        Replica {
            doc,
            workshop,
            room,
            last: JsonMap::new(),
        }
    }

    /// Records `workshop` as the current state; returns the Yjs update (v1) that carries the
    /// change, or `None` when nothing changed.
    pub fn write(&mut self, workshop: &Workshop) -> Option<Vec<u8>> {
        let new = match normalise(serde_json::to_value(workshop).unwrap_or(Value::Null)) {
            Value::Object(map) => map,
            _ => JsonMap::new(),
        };
        if new == self.last {
            return None;
        }
        let before = self.doc.transact().state_vector();
        {
            let mut txn = self.doc.transact_mut();
            write_map(&mut txn, &self.workshop, &self.last, &new);
        }
        self.last = new;
        Some(self.doc.transact().encode_state_as_update_v1(&before))
    }

    /// The presentation step the room is on (a step slug), if anyone set one.
    pub fn step(&self) -> Option<String> {
        let txn = self.doc.transact();
        match self.room.get(&txn, "step") {
            Some(yrs::Out::Any(Any::String(s))) => Some(s.to_string()),
            _ => None,
        }
    }

    /// Moves the room to a presentation step; returns the update, `None` if it was there.
    pub fn set_step(&mut self, step: &str) -> Option<Vec<u8>> {
        if self.step().as_deref() == Some(step) {
            return None;
        }
        let before = self.doc.transact().state_vector();
        {
            let mut txn = self.doc.transact_mut();
            self.room.insert(&mut txn, "step", step);
        }
        Some(self.doc.transact().encode_state_as_update_v1(&before))
    }

    /// Whether the room's map holds `key` as set ([`Replica::set_flag`]).
    pub fn flag(&self, key: &str) -> bool {
        let txn = self.doc.transact();
        matches!(
            self.room.get(&txn, key),
            Some(yrs::Out::Any(Any::Bool(true)))
        )
    }

    /// Sets `key` in the room's map; the update, `None` if it was set.
    pub fn set_flag(&mut self, key: &str) -> Option<Vec<u8>> {
        if self.flag(key) {
            return None;
        }
        let before = self.doc.transact().state_vector();
        {
            let mut txn = self.doc.transact_mut();
            self.room.insert(&mut txn, key, true);
        }
        Some(self.doc.transact().encode_state_as_update_v1(&before))
    }

    /// Merges an update from the room (any order, any number of times). Refused with nothing
    /// changed when it is not a Yjs update. When the merge gave two entries of a map one id
    /// (two people adding at once), they are mended (`ids`): the update that mends them, for the
    /// room (every copy writes the same mend, so sending it is harmless).
    pub fn apply(&mut self, update: &[u8]) -> Result<Option<Vec<u8>>, BadUpdate> {
        let update = Update::decode_v1(update).map_err(|e| BadUpdate(e.to_string()))?;
        {
            let mut txn = self.doc.transact_mut();
            txn.apply_update(update)
                .map_err(|e| BadUpdate(e.to_string()))?;
        }
        let before = self.doc.transact().state_vector();
        let mended = {
            let mut txn = self.doc.transact_mut();
            crate::ids::mend(&mut txn, &self.workshop, &self.room)
        };
        self.last = read_map(&self.doc.transact(), &self.workshop);
        Ok(mended.then(|| self.doc.transact().encode_state_as_update_v1(&before)))
    }

    /// Whether the document holds a workshop yet (a new joiner's copy is empty until the room's
    /// state arrives).
    pub fn has_workshop(&self) -> bool {
        !self.last.is_empty()
    }

    /// The workshop the document holds, read and repaired like a stored one; `report` lists
    /// the repairs. `fallback_id` names it if the document has no id.
    pub fn workshop(&self, fallback_id: &str, report: &mut Vec<String>) -> Workshop {
        Workshop::restore(Value::Object(self.last.clone()), fallback_id, report)
    }

    /// The whole document as one update, for a newcomer or a snapshot.
    pub fn state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }

    /// The document's JSON view of the workshop (as merged), for tests and diagnostics.
    pub fn json(&self) -> &JsonMap<String, Value> {
        &self.last
    }
}

/// Whole numbers written as floats (a position of 120.0) become integers, as the document gives
/// them back, so the next diff sees no change where there is none.
pub fn normalise(value: Value) -> Value {
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => match n.as_f64() {
            Some(f) if f.trunc() == f && f.abs() <= 9_007_199_254_740_991.0 => {
                Value::from(f as i64)
            }
            _ => Value::Number(n),
        },
        Value::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            // Above i64: Yjs carries it as a float.
            None => serde_json::Number::from_f64(n.as_f64().unwrap_or(0.0))
                .map_or(Value::Null, Value::Number),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(normalise).collect()),
        Value::Object(fields) => {
            Value::Object(fields.into_iter().map(|(k, v)| (k, normalise(v))).collect())
        }
        other => other,
    }
}
