//! One person's copy of a live workshop: the model on one side, its Yjs document on the other.
//!
//! A local edit is written into the document as the smallest change from what the document
//! held (`mapping`), giving one Yjs update to send; a remote update is merged into the document
//! and the workshop read back from it through the model's own lenient `restore`, so whatever
//! arrives is repaired the way a stored file is, and nothing panics.

use cstw_core::model::Workshop;
use serde_json::{Map as JsonMap, Value};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use yrs::updates::decoder::Decode;

use yrs::undo::UndoManager;
use yrs::{Any, Doc, Map, MapRef, OffsetKind, Options, Transact, Update};

use crate::mapping::{read_map, write_map};
use crate::updates;

/// The document's root map holding the workshop's fields.
const WORKSHOP: &str = "workshop";
/// The document's root map for the room itself: the presentation's current step.
const ROOM: &str = "room";

/// Why a remote update was not applied. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadUpdate(pub String);

/// The origin of this person's own edits: the only ones their undo takes back.
const LOCAL: &str = "local";
/// Edits of one person closer together than this are one undo step (typing a word).
const UNDO_GROUP_MS: u64 = 800;

pub struct Replica {
    doc: Doc,
    workshop: MapRef,
    room: MapRef,
    /// This person's history: their own edits only (`LOCAL`), never what arrived from others,
    /// so undo takes back their last change and leaves everyone else's.
    undo: UndoManager<()>,
    /// The time the page gives for grouping undo steps (ms; see [`Replica::set_time`]).
    now: Arc<AtomicU64>,
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
        let now = Arc::new(AtomicU64::new(0));
        let clock = now.clone();
        let mut undo = UndoManager::with_options(yrs::undo::Options {
            capture_timeout_millis: UNDO_GROUP_MS,
            timestamp: Arc::new(move || clock.load(Ordering::Relaxed)),
            // Written out: `Options::default` has no clock in a browser (no system time in wasm).
            tracked_origins: Default::default(),
            capture_transaction: None,
            init_undo_stack: Vec::new(),
            init_redo_stack: Vec::new(),
        });
        undo.include_origin(LOCAL);
        undo.expand_scope(&doc, &workshop);
        Replica {
            doc,
            workshop,
            room,
            undo,
            now,
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
        let ((), update) = updates::update_of(&self.doc, || {
            // The first workshop written (sharing it, or the one a room gave) is no one's edit:
            // it cannot be undone.
            let mut txn = if self.last.is_empty() {
                self.doc.transact_mut()
            } else {
                self.doc.transact_mut_with(LOCAL)
            };
            write_map(&mut txn, &self.workshop, &self.last, &new);
        });
        self.last = new;
        Some(update)
    }

    /// The page's clock (ms), for grouping this person's edits into undo steps.
    pub fn set_time(&self, ms: u64) {
        self.now.store(ms, Ordering::Relaxed);
    }

    /// Takes back this person's last edit (not anyone else's); the update, `None` if there was
    /// nothing to undo.
    pub fn undo(&mut self) -> Option<Vec<u8>> {
        self.travel(true)
    }

    /// Puts back what [`Replica::undo`] took back.
    pub fn redo(&mut self) -> Option<Vec<u8>> {
        self.travel(false)
    }

    fn travel(&mut self, back: bool) -> Option<Vec<u8>> {
        let undo = &mut self.undo;
        let (done, update) = updates::update_of(&self.doc, || {
            if back {
                undo.undo_blocking()
            } else {
                undo.redo_blocking()
            }
        });
        if !done {
            return None;
        }
        self.last = read_map(&self.doc.transact(), &self.workshop);
        Some(update)
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
        let ((), update) = updates::update_of(&self.doc, || {
            let mut txn = self.doc.transact_mut();
            self.room.insert(&mut txn, "step", step);
        });
        Some(update)
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
        let ((), update) = updates::update_of(&self.doc, || {
            let mut txn = self.doc.transact_mut();
            self.room.insert(&mut txn, key, true);
        });
        Some(update)
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
        let (mended, update) = updates::update_of(&self.doc, || {
            let mut txn = self.doc.transact_mut();
            crate::ids::mend(&mut txn, &self.workshop, &self.room)
        });
        self.last = read_map(&self.doc.transact(), &self.workshop);
        Ok(mended.then_some(update))
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
        updates::whole(&self.doc)
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
