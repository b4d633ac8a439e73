//! The facilitator's side of a room's *drop* (`sealed::DropKeys`): the relay room where
//! participants' phones add their responses, each sealed to the room's public key, in the
//! drop's `sealed` array (written by the phone without yrs: `cstw_core::participate::drop`).
//!
//! The desk syncs the drop's envelope with the relay, opens each entry it has not opened before
//! with the room's private key, and hands over the text of every entry present that has no
//! receipt yet (`Received::responses`); the page takes it (or finds it taken) and asks for the
//! receipt ([`Desk::receipt`]), which goes into the drop for the phone to see. Whether a text
//! is a response, and whether it fits the workshop, is for the response parser and the collect
//! path to say (`cstw_core::participate::response`): a value that does not open, or is not
//! UTF-8, is counted and skipped here, never a panic.
//!
//! Deletions in the drop cost nothing: a response the desk took is in the room (its outcome
//! recorded there, `Room::outcome`), and a later deletion of its entry or its receipt only makes
//! the desk write the receipt again when the phone adds the entry again.

use std::collections::{HashMap, HashSet};

use cstw_core::participate::drop::{self, RECEIPT, TOKEN};
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::{Any, Array, ArrayRef, Doc, Out, Transact, Update};

use crate::crypto::RoomLink;
use crate::room::{Channel, Received, answer_step1};
use crate::sealed::{DropKeys, EntryId, Opened, Outcome, entry_id};
use crate::updates;

/// A drop's entries in order: identity and bytes.
type Entries = Vec<(EntryId, Vec<u8>)>;

pub struct Desk {
    keys: DropKeys,
    envelope: Doc,
    sealed: ArrayRef,
    /// Every entry looked at: opened, or `None` when it did not open.
    opened: HashMap<EntryId, Option<Opened>>,
    /// Values that did not open with the room's key, or were not text.
    pub unreadable: usize,
}

impl Desk {
    /// The desk of the room `room` names (its drop, derived from the room's key).
    pub fn new(room: &RoomLink) -> Desk {
        let envelope = Doc::new();
        let sealed = envelope.get_or_insert_array(drop::SEALED);
        Desk {
            keys: DropKeys::of(room),
            envelope,
            sealed,
            opened: HashMap::new(),
            unreadable: 0,
        }
    }

    /// The drop's keys: participants are given the public one only.
    pub fn keys(&self) -> &DropKeys {
        &self.keys
    }

    /// The receipts present in the drop, and its entries (identity, bytes) in order.
    fn contents(&self) -> (HashSet<[u8; TOKEN]>, Entries) {
        let txn = self.envelope.transact();
        let mut receipts = HashSet::new();
        let mut entries = Vec::new();
        for out in self.sealed.iter(&txn) {
            let Out::Any(Any::Buffer(bytes)) = out else {
                continue;
            };
            match bytes.first() {
                Some(&RECEIPT) => {
                    if let Ok(token) = bytes[1..].try_into() {
                        receipts.insert(token);
                    }
                }
                // Longer than any response: left unread (and not hashed on every message).
                Some(&drop::ENTRY) if bytes.len() <= drop::MAX_ENTRY => {
                    entries.push((entry_id(&bytes), bytes.to_vec()))
                }
                _ => {}
            }
        }
        (receipts, entries)
    }

    fn merge(&mut self, update: &[u8]) -> Vec<(EntryId, String)> {
        let Ok(update) = Update::decode_v1(update) else {
            return Vec::new();
        };
        if self.envelope.transact_mut().apply_update(update).is_err() {
            return Vec::new();
        }
        self.waiting()
    }

    /// Every entry present that opens and has no receipt yet, once each.
    pub fn waiting(&mut self) -> Vec<(EntryId, String)> {
        let (receipts, entries) = self.contents();
        let mut out: Vec<(EntryId, String)> = Vec::new();
        for (id, bytes) in entries {
            let opened = self.opened.entry(id).or_insert_with(|| {
                let opened = self
                    .keys
                    .open(&bytes)
                    .ok()
                    .filter(|o| std::str::from_utf8(&o.text).is_ok());
                if opened.is_none() {
                    self.unreadable += 1;
                }
                opened
            });
            let Some(o) = opened else { continue };
            let r = o.receipts;
            if receipts.contains(&r.taken) || receipts.contains(&r.refused) {
                continue;
            }
            if out.iter().all(|(seen, _)| *seen != id) {
                out.push((id, String::from_utf8_lossy(&o.text).into_owned()));
            }
        }
        out
    }

    /// Writes the receipt of response `id` into the drop: the message to send, `None` if it
    /// is already there or the desk never opened that response.
    pub fn receipt(&mut self, id: &EntryId, outcome: Outcome) -> Option<Vec<u8>> {
        let r = self.opened.get(id)?.as_ref()?.receipts;
        let token = match outcome {
            Outcome::Taken => r.taken,
            Outcome::Refused => r.refused,
        };
        if self.contents().0.contains(&token) {
            return None;
        }
        let ((), diff) = updates::update_of(&self.envelope, || {
            let mut txn = self.envelope.transact_mut();
            self.sealed
                .push_back(&mut txn, Any::Buffer(drop::receipt(&token).into()));
        });
        Some(updates::message(diff))
    }

    /// The drop as this desk holds it (tests: no plaintext in it).
    pub fn envelope_state(&self) -> Vec<u8> {
        updates::whole(&self.envelope)
    }
}

impl Channel for Desk {
    fn relay_path(&self) -> String {
        self.keys.relay_path()
    }

    fn hello(&self) -> Vec<u8> {
        updates::hello(&self.envelope)
    }

    fn receive(&mut self, bytes: &[u8]) -> Received {
        let mut out = Received::default();
        let Ok(message) = Message::decode_v1(bytes) else {
            return out;
        };
        match message {
            Message::Sync(SyncMessage::SyncStep1(sv)) => {
                let (sent_back, reply) = answer_step1(&self.envelope, &sv);
                out.sent_back = sent_back;
                out.replies.push(reply);
            }
            Message::Sync(SyncMessage::SyncStep2(update)) => {
                out.responses = self.merge(&update);
                out.synced = true;
            }
            Message::Sync(SyncMessage::Update(update)) => out.responses = self.merge(&update),
            _ => {}
        }
        out.opened = out.responses.len();
        out
    }
}
