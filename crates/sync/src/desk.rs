//! The facilitator's side of a room's *drop* (`RoomLink::drop_link`): the relay room where
//! participants' phones add their responses, each a value sealed with the drop's key in the
//! drop's `sealed` array (written by the phone without yrs: `cstw_core::participate::drop`).
//!
//! The desk only reads: it syncs the drop's envelope with the relay, opens each value it has
//! not seen with the drop's key and hands over the texts. Whether a text is a response, and
//! whether it fits the workshop, is for the response parser and the collect path to say
//! (`cstw_core::participate::response`): a value that does not open, or is not UTF-8, is counted
//! and dropped here.

use std::collections::HashSet;

use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Any, Array, ArrayRef, Doc, Out, ReadTxn, Transact, Update};

use crate::crypto::{RoomLink, nonce_of};
use crate::room::{Channel, Received, answer_step1};

pub struct Desk {
    link: RoomLink,
    envelope: Doc,
    sealed: ArrayRef,
    seen: HashSet<[u8; 12]>,
    /// Values that did not open with the drop's key, or were not text.
    pub unreadable: usize,
}

impl Desk {
    /// The desk of the room `room` names (its drop, derived from the room's key).
    pub fn new(room: &RoomLink) -> Desk {
        let envelope = Doc::new();
        let sealed = envelope.get_or_insert_array(cstw_core::participate::drop::SEALED);
        Desk {
            link: room.drop_link(),
            envelope,
            sealed,
            seen: HashSet::new(),
            unreadable: 0,
        }
    }

    /// The link participants are given: the drop's id and key, never the room's.
    pub fn drop_link(&self) -> &RoomLink {
        &self.link
    }

    fn merge(&mut self, update: &[u8]) -> Vec<([u8; 12], String)> {
        let Ok(update) = Update::decode_v1(update) else {
            return Vec::new();
        };
        if self.envelope.transact_mut().apply_update(update).is_err() {
            return Vec::new();
        }
        let fresh: Vec<Vec<u8>> = {
            let txn = self.envelope.transact();
            self.sealed
                .iter(&txn)
                .filter_map(|out| match out {
                    Out::Any(Any::Buffer(bytes)) => Some(bytes.to_vec()),
                    _ => None,
                })
                .filter(|bytes| nonce_of(bytes).is_some_and(|n| !self.seen.contains(&n)))
                .collect()
        };
        let mut out = Vec::new();
        for bytes in fresh {
            let Some(nonce) = nonce_of(&bytes) else {
                continue;
            };
            self.seen.insert(nonce);
            match self
                .link
                .open(&bytes)
                .ok()
                .and_then(|plain| String::from_utf8(plain).ok())
            {
                Some(text) => out.push((nonce, text)),
                None => self.unreadable += 1,
            }
        }
        out
    }
}

impl Channel for Desk {
    fn relay_path(&self) -> String {
        self.link.relay_path()
    }

    fn hello(&self) -> Vec<u8> {
        let sv = self.envelope.transact().state_vector();
        Message::Sync(SyncMessage::SyncStep1(sv)).encode_v1()
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
