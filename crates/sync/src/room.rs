//! A live room over a standard Yjs websocket relay, with the relay reading nothing.
//!
//! Two Yjs documents per browser. The *replica* (`Replica`) is the workshop in plaintext and
//! never leaves the browser. The *envelope* is what the relay sees: one root `Y.Array` named
//! `sealed` of binary values, each an encrypted replica update (`crypto`). A local edit becomes
//! a replica update, is sealed, and is appended to the envelope; the envelope's own update goes
//! to the relay as an ordinary y-sync `Update` message, which the relay applies to its copy,
//! stores and forwards. So the relay runs unchanged (`@y/websocket-server` parses sync messages
//! and drops message types it does not know, so a custom type would not be forwarded) while it
//! holds only ciphertext. A browser opens every sealed value it has not opened before (known by
//! its random nonce) and merges it into its replica; Yjs updates merge in any order and any
//! number of times, so the order the relay delivers them in does not matter. A value that does
//! not open (a wrong key, another room, altered) is counted and skipped.
//!
//! Offline edits stay in the envelope and reach the relay with the next sync exchange
//! (`hello`: step 1 with the envelope's state vector, answered by the relay's step 2).

use std::collections::{BTreeMap, HashMap, HashSet};

use cstw_core::model::Workshop;
use yrs::sync::awareness::AwarenessUpdateEntry;
use yrs::sync::{AwarenessUpdate, Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Any, Array, ArrayRef, Doc, Options, Out, ReadTxn, StateVector, Transact, Update};

use crate::crypto::{RoomLink, nonce_of, random};
use crate::hex::{hex, unhex};
use crate::replica::Replica;
use crate::sealed::{EntryId, Outcome};
use crate::updates;

/// The envelope's root array of sealed updates.
const SEALED: &str = "sealed";

/// How many sealed values [`Room::compact`] lets the envelope gather before folding them.
pub const COMPACT_AT: u32 = 256;

/// What a message from the relay did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Received {
    /// Messages to send back (the answer to a sync step 1).
    pub replies: Vec<Vec<u8>>,
    /// Whether the workshop or the step changed: the page reads them again.
    pub changed: bool,
    /// The relay's answer to this browser's `hello` arrived: from now on this browser holds
    /// everything the relay had (an empty room stays empty: the page may share its workshop).
    pub synced: bool,
    /// Someone arrived, left or changed their name.
    pub presence: bool,
    /// Sealed values opened for the first time from this message (others' changes).
    pub opened: usize,
    /// Sealed values the relay lacked and this browser sends back in answer to its sync step 1
    /// (changes made here, or kept here, while the relay did not have them).
    pub sent_back: usize,
    /// Participants' responses waiting in the drop (a drop's only content): each entry's
    /// identity and its text, opened with the room's private key, with no receipt yet; not yet
    /// read as responses.
    pub responses: Vec<(EntryId, String)>,
}

/// One side of a y-sync exchange with the relay, as the page's connection drives it: a room,
/// or a room's drop of responses (`Desk`).
pub trait Channel {
    /// The name at the relay (the websocket path).
    fn relay_path(&self) -> String;
    /// The first message on a new connection.
    fn hello(&self) -> Vec<u8>;
    /// Takes one message from the relay. Never panics.
    fn receive(&mut self, bytes: &[u8]) -> Received;
}

impl Channel for Room {
    fn relay_path(&self) -> String {
        self.link.relay_path()
    }
    fn hello(&self) -> Vec<u8> {
        Room::hello(self)
    }
    fn receive(&mut self, bytes: &[u8]) -> Received {
        Room::receive(self, bytes)
    }
}

/// How many values `ours` has beyond `theirs` (each sealed value is one Yjs clock tick).
pub(crate) fn ahead(ours: &StateVector, theirs: &StateVector) -> usize {
    ours.iter()
        .map(|(client, clock)| clock.saturating_sub(theirs.get(client)) as usize)
        .sum()
}

/// The answer to the relay's first sync step: what our envelope holds that its state vector
/// lacks (as a SyncStep2 message), and how many of our changes that carries back.
pub(crate) fn answer_step1(envelope: &Doc, theirs: &StateVector) -> (usize, Vec<u8>) {
    let txn = envelope.transact();
    let sent_back = ahead(&txn.state_vector(), theirs);
    let diff = txn.encode_state_as_update_v1(theirs);
    (
        sent_back,
        Message::Sync(SyncMessage::SyncStep2(diff)).encode_v1(),
    )
}

pub struct Room {
    link: RoomLink,
    envelope: Doc,
    sealed: ArrayRef,
    /// Nonces of the sealed values already opened (or refused): each is looked at once.
    seen: HashSet<[u8; 12]>,
    /// Nonces of the sealed values whose update the replica holds (opened and merged, or
    /// made here): what a compaction may fold into a snapshot.
    held: HashSet<[u8; 12]>,
    replica: Replica,
    /// Sealed values that did not open with this link's key.
    pub unreadable: usize,
    client: u64,
    presence_clock: u32,
    /// Who else is here: Yjs client id → the name they chose (opened with the key).
    peers: BTreeMap<u64, String>,
    /// Messages made while merging (mends), sent with the replies of the message that caused them.
    outbox: Vec<Vec<u8>>,
}

impl Room {
    /// A browser's side of the room named by `link`, with an empty replica.
    pub fn new(link: RoomLink) -> Room {
        let client = u64::from_le_bytes(random()) & ((1 << 53) - 1);
        Room::with_client(link, client)
    }

    /// As [`Room::new`] with a chosen Yjs client id (tests).
    pub fn with_client(link: RoomLink, client: u64) -> Room {
        let envelope = Doc::with_options(Options::with_client_id(yrs::ClientID::new(client)));
        let sealed = envelope.get_or_insert_array(SEALED);
        Room {
            link,
            envelope,
            sealed,
            seen: HashSet::new(),
            held: HashSet::new(),
            replica: Replica::new(client),
            unreadable: 0,
            client,
            presence_clock: 0,
            peers: BTreeMap::new(),
            outbox: Vec::new(),
        }
    }

    /// This browser's Yjs client id (also its id in the room's awareness).
    pub fn client(&self) -> u64 {
        self.client
    }

    pub fn link(&self) -> &RoomLink {
        &self.link
    }

    pub fn replica(&self) -> &Replica {
        &self.replica
    }

    /// The first message on a new connection: sync step 1 with what this browser has.
    pub fn hello(&self) -> Vec<u8> {
        updates::hello(&self.envelope)
    }

    /// Takes one message from the relay. Anything unreadable is ignored: never panics.
    pub fn receive(&mut self, bytes: &[u8]) -> Received {
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
                (out.changed, out.opened) = self.merge_envelope(&update);
                out.synced = true;
            }
            Message::Sync(SyncMessage::Update(update)) => {
                (out.changed, out.opened) = self.merge_envelope(&update);
            }
            Message::Awareness(update) => out.presence = self.merge_presence(update),
            _ => {}
        }
        out.replies.append(&mut self.outbox);
        out
    }

    /// Merges an envelope update and opens the sealed values it brought: whether the workshop
    /// or the room changed, and how many values were opened.
    fn merge_envelope(&mut self, update: &[u8]) -> (bool, usize) {
        let Ok(update) = Update::decode_v1(update) else {
            return (false, 0);
        };
        if self.envelope.transact_mut().apply_update(update).is_err() {
            return (false, 0);
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
        let mut changed = false;
        let mut opened = 0;
        let mut mends = Vec::new();
        for bytes in fresh {
            let nonce = nonce_of(&bytes);
            if let Some(nonce) = nonce {
                self.seen.insert(nonce);
            }
            match self.link.open(&bytes) {
                Ok(plain) => {
                    let applied = self.replica.apply(&plain);
                    if let (Ok(_), Some(nonce)) = (&applied, nonce) {
                        self.held.insert(nonce);
                    }
                    changed |= applied.is_ok();
                    opened += usize::from(applied.is_ok());
                    mends.extend(applied.ok().flatten());
                }
                Err(_) => self.unreadable += 1,
            }
        }
        // Mends of ids made twice go to the room like edits (sent with the next replies).
        for mend in mends {
            let message = self.publish(mend);
            self.outbox.push(message);
        }
        (changed, opened)
    }

    /// Takes back an envelope this browser kept ([`Room::envelope_state`], stored before a
    /// reload): its sealed values are opened as if they had just arrived, so edits made offline
    /// before the reload are in the replica and reach the relay on the next sync exchange.
    /// How many values it opened; bytes that are not an envelope change nothing.
    pub fn restore(&mut self, envelope: &[u8]) -> usize {
        self.merge_envelope(envelope).1
    }

    /// Whether this browser takes the participants' responses for the room: the one with the
    /// smallest client id among those here (so two facilitators never both add one).
    pub fn leads(&self) -> bool {
        self.peers.keys().all(|&other| other > self.client)
    }

    /// What was done with the response `id` (by any browser in the room), `None` if nothing
    /// yet: a response taken is recorded in the room, whatever later happens in the drop.
    pub fn outcome(&self, id: &EntryId) -> Option<Outcome> {
        if self.replica.flag(&outcome_key(id, Outcome::Taken)) {
            Some(Outcome::Taken)
        } else if self.replica.flag(&outcome_key(id, Outcome::Refused)) {
            Some(Outcome::Refused)
        } else {
            None
        }
    }

    /// Records what was done with the response `id`; the message to send.
    pub fn record(&mut self, id: &EntryId, outcome: Outcome) -> Option<Vec<u8>> {
        let update = self.replica.set_flag(&outcome_key(id, outcome))?;
        Some(self.publish(update))
    }

    /// Who is here, from the relay's awareness messages: each state is `{"sealed": hex}`, a
    /// name sealed with the room's key (the relay sees no name); `null` means they left.
    fn merge_presence(&mut self, update: AwarenessUpdate) -> bool {
        let mut changed = false;
        for (client, entry) in update.clients {
            let client = client.get();
            if client == self.client {
                continue;
            }
            let name = serde_json::from_str::<serde_json::Value>(&entry.json)
                .ok()
                .and_then(|v| v.get("sealed")?.as_str().map(String::from))
                .and_then(|hex| unhex(&hex))
                .and_then(|sealed| self.link.open(&sealed).ok())
                .and_then(|plain| String::from_utf8(plain).ok());
            changed |= match name {
                Some(n) => self.peers.insert(client, n.clone()).as_deref() != Some(n.as_str()),
                None => self.peers.remove(&client).is_some(),
            };
        }
        changed
    }

    /// The message telling the others this browser is here under `name` (sent on joining and
    /// every few seconds, as the relay forgets a state after 30 s without news).
    pub fn presence(&mut self, name: &str) -> Vec<u8> {
        self.presence_clock += 1;
        let sealed = self.link.seal(name.trim().as_bytes());
        let hex: String = sealed.iter().map(|b| format!("{b:02x}")).collect();
        let json = serde_json::json!({ "sealed": hex }).to_string();
        let clients = HashMap::from([(
            yrs::ClientID::new(self.client),
            AwarenessUpdateEntry {
                clock: self.presence_clock,
                json: json.into(),
            },
        )]);
        Message::Awareness(AwarenessUpdate { clients }).encode_v1()
    }

    /// The names of the others here, in a stable order.
    pub fn peers(&self) -> Vec<String> {
        let mut names: Vec<String> = self.peers.values().cloned().collect();
        names.sort();
        names
    }

    /// Seals a replica update into the envelope; the message that carries it to the relay.
    fn publish(&mut self, update: Vec<u8>) -> Vec<u8> {
        let sealed = self.link.seal(&update);
        if let Some(nonce) = nonce_of(&sealed) {
            self.seen.insert(nonce);
            self.held.insert(nonce);
        }
        let ((), diff) = updates::update_of(&self.envelope, || {
            let mut txn = self.envelope.transact_mut();
            self.sealed.push_back(&mut txn, Any::Buffer(sealed.into()));
        });
        updates::message(diff)
    }

    /// Records the local workshop; the message to send, or `None` when nothing changed.
    pub fn edit(&mut self, workshop: &Workshop) -> Option<Vec<u8>> {
        let update = self.replica.write(workshop)?;
        Some(self.publish(update))
    }

    /// Takes back this person's last edit (others' stay); the message to send, `None` if there
    /// was nothing of theirs to undo.
    pub fn undo(&mut self) -> Option<Vec<u8>> {
        let update = self.replica.undo()?;
        Some(self.publish(update))
    }

    /// Puts back what [`Room::undo`] took back.
    pub fn redo(&mut self) -> Option<Vec<u8>> {
        let update = self.replica.redo()?;
        Some(self.publish(update))
    }

    /// The page's clock (ms), for grouping edits into undo steps.
    pub fn set_time(&self, ms: u64) {
        self.replica.set_time(ms);
    }

    /// Moves the room's presentation to `step`; the message to send, if it moved.
    pub fn set_step(&mut self, step: &str) -> Option<Vec<u8>> {
        let update = self.replica.set_step(step)?;
        Some(self.publish(update))
    }

    /// The workshop as merged so far, `None` until the room's state has arrived (or while this
    /// link's key opens nothing). `report` lists what reading repaired.
    pub fn workshop(&self, fallback_id: &str, report: &mut Vec<String>) -> Option<Workshop> {
        self.replica
            .has_workshop()
            .then(|| self.replica.workshop(fallback_id, report))
    }

    /// The room's presentation step, if one was set.
    pub fn step(&self) -> Option<String> {
        self.replica.step()
    }

    /// Folds the sealed values whose updates the replica holds into one sealed snapshot of the
    /// replica, when there are at least [`COMPACT_AT`]: they are deleted from the envelope, and
    /// the deletion reaches the relay and every copy like any change (each copy and the relay
    /// then drop their bytes by Yjs's garbage collection), so the envelope, the relay's copy
    /// and the copy kept for a reload stay bounded. Every copy already holds what the snapshot
    /// holds, so merging it changes nothing; a value this browser could not open, or has not
    /// received, is left as it is. The message to send, `None` when there is nothing to fold.
    pub fn compact(&mut self) -> Option<Vec<u8>> {
        if !self.replica.has_workshop() {
            return None;
        }
        let folded: Vec<u32> = {
            let txn = self.envelope.transact();
            self.sealed
                .iter(&txn)
                .enumerate()
                .filter_map(|(i, out)| match out {
                    Out::Any(Any::Buffer(bytes))
                        if nonce_of(&bytes).is_some_and(|n| self.held.contains(&n)) =>
                    {
                        u32::try_from(i).ok()
                    }
                    _ => None,
                })
                .collect()
        };
        if folded.len() < COMPACT_AT as usize {
            return None;
        }
        let snapshot = self.link.seal(&self.replica.state());
        if let Some(nonce) = nonce_of(&snapshot) {
            self.seen.insert(nonce);
            self.held.insert(nonce);
        }
        let ((), diff) = updates::update_of(&self.envelope, || {
            let mut txn = self.envelope.transact_mut();
            for &i in folded.iter().rev() {
                self.sealed.remove(&mut txn, i);
            }
            self.sealed
                .push_back(&mut txn, Any::Buffer(snapshot.into()));
        });
        Some(updates::message(diff))
    }

    /// The envelope as the relay would store it (tests: no plaintext in it).
    pub fn envelope_state(&self) -> Vec<u8> {
        updates::whole(&self.envelope)
    }

    /// How many sealed values the envelope holds.
    pub fn sealed_count(&self) -> u32 {
        self.sealed.len(&self.envelope.transact())
    }
}

fn outcome_key(id: &EntryId, outcome: Outcome) -> String {
    match outcome {
        Outcome::Taken => format!("taken.{}", hex(id)),
        Outcome::Refused => format!("refused.{}", hex(id)),
    }
}
