//! An in-memory relay doing what `@y/websocket-server` does with a room: it keeps a Yjs
//! document, answers a sync step 1 with its step 2, sends its own step 1 to a newcomer, applies
//! every update it gets and forwards it to every connection. It never sees a key.

use std::collections::VecDeque;

use cstw_sync::Room;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Doc, ReadTxn, StateVector, Transact, Update};

pub struct Net {
    pub relay: Doc,
    pub rooms: Vec<Room>,
    /// Which rooms are connected.
    pub online: Vec<bool>,
    /// (to the relay?, room index, message)
    queue: VecDeque<(bool, usize, Vec<u8>)>,
    /// Every awareness message the relay passed on, as it saw them.
    awareness: Vec<u8>,
}

impl Net {
    pub fn new() -> Net {
        Net {
            relay: Doc::new(),
            rooms: Vec::new(),
            online: Vec::new(),
            queue: VecDeque::new(),
            awareness: Vec::new(),
        }
    }

    /// A browser joins and connects.
    pub fn join(&mut self, room: Room) -> usize {
        self.rooms.push(room);
        self.online.push(false);
        let i = self.rooms.len() - 1;
        self.connect(i);
        i
    }

    /// The connection opens: both sides send sync step 1.
    pub fn connect(&mut self, i: usize) {
        self.online[i] = true;
        let sv = self.relay.transact().state_vector();
        let step1 = Message::Sync(SyncMessage::SyncStep1(sv)).encode_v1();
        self.queue.push_back((false, i, step1));
        let hello = self.rooms[i].hello();
        self.queue.push_back((true, i, hello));
    }

    pub fn disconnect(&mut self, i: usize) {
        self.online[i] = false;
        self.queue.retain(|(_, j, _)| *j != i);
    }

    /// A message from room `i` (an edit's) to the relay, if it is online.
    pub fn send(&mut self, i: usize, message: Option<Vec<u8>>) {
        if let (Some(m), true) = (message, self.online[i]) {
            self.queue.push_back((true, i, m));
        }
    }

    /// Delivers everything queued; `reverse` takes the newest message first each time.
    pub fn settle(&mut self, reverse: bool) {
        while let Some((to_relay, i, message)) = if reverse {
            self.queue.pop_back()
        } else {
            self.queue.pop_front()
        } {
            if !self.online[i] {
                continue;
            }
            if to_relay {
                self.relay_receives(i, &message);
            } else {
                let received = self.rooms[i].receive(&message);
                for reply in received.replies {
                    self.queue.push_back((true, i, reply));
                }
            }
        }
    }

    fn relay_receives(&mut self, from: usize, bytes: &[u8]) {
        match Message::decode_v1(bytes) {
            Ok(Message::Sync(SyncMessage::SyncStep1(sv))) => {
                let diff = self.relay.transact().encode_state_as_update_v1(&sv);
                let step2 = Message::Sync(SyncMessage::SyncStep2(diff)).encode_v1();
                self.queue.push_back((false, from, step2));
            }
            Ok(Message::Sync(SyncMessage::SyncStep2(u) | SyncMessage::Update(u))) => {
                let update = Update::decode_v1(&u).expect("rooms send updates the relay reads");
                self.relay.transact_mut().apply_update(update).unwrap();
                let forward = Message::Sync(SyncMessage::Update(u)).encode_v1();
                for j in 0..self.rooms.len() {
                    if self.online[j] && j != from {
                        self.queue.push_back((false, j, forward.clone()));
                    }
                }
            }
            Ok(Message::Awareness(_)) => {
                // The relay forwards awareness to every connection (it keeps the states too).
                self.awareness.extend_from_slice(bytes);
                for j in 0..self.rooms.len() {
                    if self.online[j] && j != from {
                        self.queue.push_back((false, j, bytes.to_vec()));
                    }
                }
            }
            _ => {}
        }
    }

    /// What the relay saw of who is here.
    pub fn awareness_seen(&self) -> &[u8] {
        &self.awareness
    }

    /// Room `i`'s connection closes: the relay tells the others its state is gone (`null`).
    pub fn leave(&mut self, i: usize) {
        use yrs::sync::AwarenessUpdate;
        use yrs::sync::awareness::AwarenessUpdateEntry;
        self.disconnect(i);
        let client = self.rooms[i].client();
        let update = AwarenessUpdate {
            clients: std::collections::HashMap::from([(
                yrs::ClientID::new(client),
                AwarenessUpdateEntry {
                    clock: u32::MAX,
                    json: "null".into(),
                },
            )]),
        };
        let message = Message::Awareness(update).encode_v1();
        for j in 0..self.rooms.len() {
            if self.online[j] {
                self.queue.push_back((false, j, message.clone()));
            }
        }
    }

    /// What the relay would store for the room.
    pub fn stored(&self) -> Vec<u8> {
        self.relay
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }
}
