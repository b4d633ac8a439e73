//! Participants' responses through a room's drop, sealed to the room: the phone's hand-written
//! Yjs insert (the core's `participate::drop`, no yrs on the phone) is read by yrs and by the
//! relay as any update; the desk opens it with the room's private key (derived from the room's
//! key) and gets the response's text; a participant holding the link opens no one else's
//! response; a hostile participant who deletes or overwrites entries and receipts loses no
//! honest response, and none is taken twice; byte soup in the drop is skipped, never a panic.
//!
//! The phone's steps are WebCrypto calls in `src/ui/phone/live.rs`; here they are
//! `cstw_sync::sealed::seal` (the same algorithms in RustCrypto), and the phone's loop (add the
//! entry, watch the relay for a receipt, add it again when it is gone) is [`Phone`], built on
//! the same core functions the page uses (`insert_message`, `holds`, `receipt`).

use std::collections::HashMap;

use cstw_core::participate::drop::{
    self, DropLink, ENTRY, MAX_ENTRY, RECEIPT, Receipts, holds, insert_message, insert_update,
    receipt,
};
use cstw_core::participate::response::{Answer, Response, ScoringResponse};
use cstw_sync::sealed::{
    DropKeys, EntryId, Outcome, open_as_participant, random_secret, seal, seal_with,
};
use cstw_sync::{Channel, Desk, Room, RoomLink};
use proptest::prelude::*;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Any, Array, Doc, ReadTxn, StateVector, Transact, Update};

use super::workshops::base;

/// The relay's side: applies a client's update message as @y/websocket-server does.
fn relay_applies(relay: &Doc, message: &[u8]) {
    match Message::decode_v1(message).expect("a y-sync message") {
        Message::Sync(SyncMessage::Update(u)) => {
            let update = Update::decode_v1(&u).expect("yrs reads the update");
            relay.transact_mut().apply_update(update).unwrap();
        }
        other => panic!("not an update: {other:?}"),
    }
}

/// The relay's sync step 2 for a newcomer: all it holds (what a phone's `ASK_STATE` gets).
fn relay_state(relay: &Doc) -> Vec<u8> {
    let diff = relay
        .transact()
        .encode_state_as_update_v1(&StateVector::default());
    Message::Sync(SyncMessage::SyncStep2(diff)).encode_v1()
}

fn response(i: usize) -> String {
    ScoringResponse {
        workshop: "w".into(),
        round: "r".into(),
        check: 7,
        response: format!("resp{i}"),
        name: format!("Participant {i}"),
        answers: vec![(Answer::Level(2), format!("comment of participant {i}"))],
    }
    .encode()
}

/// A phone with its page open: its sealed entry, the receipts it waits for, and the loop the
/// page runs (`src/ui/phone/live.rs`).
struct Phone {
    entry: Vec<u8>,
    receipts: Receipts,
    got: Option<Outcome>,
    adds: u32,
    client: u32,
    /// States seen since the last add (the page asks every 2.5 s and adds again after 10 s).
    polls: u32,
}

impl Phone {
    fn new(link: &DropLink, text: &str, client: u32) -> Phone {
        let (entry, receipts) = seal(link, text.as_bytes()).expect("a valid public key");
        Phone {
            entry,
            receipts,
            got: None,
            adds: 0,
            client,
            polls: 0,
        }
    }

    /// The insert message of one more add (each under a fresh client id).
    fn add(&mut self) -> Vec<u8> {
        self.adds += 1;
        self.polls = 0;
        self.client = self.client.wrapping_add(7919);
        insert_message(self.client, &self.entry)
    }

    /// Looks at a message from the relay (a forwarded update, or its state): a receipt ends
    /// the wait; a state without this phone's entry (deleted before a receipt) adds it again,
    /// and so does the fourth state without a receipt (a copy of the entry inside someone's
    /// junk would otherwise pass for it).
    fn sees(&mut self, message: &[u8]) -> Option<Vec<u8>> {
        if self.got.is_some() {
            return None;
        }
        if holds(message, &receipt(&self.receipts.taken)) {
            self.got = Some(Outcome::Taken);
        } else if holds(message, &receipt(&self.receipts.refused)) {
            self.got = Some(Outcome::Refused);
        } else if drop::is_state(message) {
            self.polls += 1;
            if !holds(message, &self.entry) || self.polls >= 4 {
                return Some(self.add());
            }
        }
        None
    }
}

/// The facilitator's room as the page uses it: outcomes recorded in the room, responses in the
/// workshop (each response id once, as `take_response` does).
#[derive(Default)]
struct Facilitator {
    outcomes: HashMap<EntryId, Outcome>,
    workshop: Vec<String>,
    refused: usize,
    /// Responses read and decided on (each entry once, whatever was added again).
    takes: usize,
}

impl Facilitator {
    /// Takes what the desk handed over; the receipts to send to the drop.
    fn take(&mut self, desk: &mut Desk, waiting: Vec<(EntryId, String)>) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for (id, text) in waiting {
            let outcome = *self.outcomes.entry(id).or_insert_with(|| {
                self.takes += 1;
                match Response::decode(&text) {
                    Ok(r) if r.workshop() == "w" => {
                        if !self.workshop.contains(&text) {
                            self.workshop.push(text.clone());
                        }
                        Outcome::Taken
                    }
                    _ => {
                        self.refused += 1;
                        Outcome::Refused
                    }
                }
            });
            out.extend(desk.receipt(&id, outcome));
        }
        out
    }
}

/// A participant with the link and a client of their own: reads the relay's state and deletes
/// what they like (`keep` says what stays), then adds `junk`.
fn hostile(relay: &Doc, keep: impl Fn(&[u8]) -> bool, junk: &[Vec<u8>]) -> Vec<u8> {
    let doc = Doc::new();
    let state = relay
        .transact()
        .encode_state_as_update_v1(&StateVector::default());
    doc.transact_mut()
        .apply_update(Update::decode_v1(&state).unwrap())
        .unwrap();
    let arr = doc.get_or_insert_array(drop::SEALED);
    let before = doc.transact().state_vector();
    {
        let mut txn = doc.transact_mut();
        let values: Vec<yrs::Out> = arr.iter(&txn).collect();
        for (i, v) in values.iter().enumerate().rev() {
            let yrs::Out::Any(Any::Buffer(b)) = v else {
                continue;
            };
            if !keep(b) {
                arr.remove(&mut txn, i as u32);
            }
        }
        for j in junk {
            arr.push_back(&mut txn, Any::Buffer(j.clone().into()));
        }
    }
    let diff = doc.transact().encode_state_as_update_v1(&before);
    Message::Sync(SyncMessage::Update(diff)).encode_v1()
}

#[test]
fn twenty_five_phones_seal_to_the_room_and_the_desk_opens_each_once() {
    let link = RoomLink::generate();
    let keys = DropKeys::of(&link);
    let drop = keys.link();
    assert_eq!(DropLink::decode(&drop.encode()), Some(drop.clone()));
    let relay = Doc::new();
    let mut desk = Desk::new(&link);
    assert_eq!(desk.relay_path(), keys.relay_path());
    assert_ne!(desk.relay_path(), link.relay_path());
    let mut fac = Facilitator::default();
    let mut phones: Vec<Phone> = (0..25)
        .map(|i| Phone::new(&drop, &response(i), 1000 + i as u32))
        .collect();
    for p in &mut phones {
        let m = p.add();
        relay_applies(&relay, &m);
        // The relay forwards the same update to the desk, which takes it and writes a receipt,
        // which the relay forwards to the phone.
        let waiting = desk.receive(&m).responses;
        assert_eq!(waiting.len(), 1);
        for r in fac.take(&mut desk, waiting) {
            relay_applies(&relay, &r);
            assert!(p.sees(&r).is_none());
        }
        assert_eq!(p.got, Some(Outcome::Taken));
    }
    assert_eq!(fac.workshop.len(), 25);
    for (i, text) in fac.workshop.iter().enumerate() {
        assert_eq!(Response::decode(text).unwrap().workshop(), "w", "{i}");
    }
    // A second desk (a co-facilitator, or after a reload) finds every entry receipted: nothing
    // waits, nothing is taken twice.
    let mut other = Desk::new(&link);
    let again = other.receive(&relay_state(&relay));
    assert!(again.synced);
    assert!(again.responses.is_empty());
    // The same message delivered twice hands over nothing new.
    let mut p = Phone::new(&drop, &response(99), 77);
    let m = p.add();
    assert_eq!(desk.receive(&m).responses.len(), 1);
    let waiting = desk.waiting();
    let r = fac.take(&mut desk, waiting);
    assert_eq!(r.len(), 1);
    assert_eq!(desk.receive(&m).responses.len(), 0);
    let arr = relay.get_or_insert_array(drop::SEALED);
    assert_eq!(arr.len(&relay.transact()), 50, "25 entries and 25 receipts");
    // The relay holds no participant's name or comment.
    let stored = relay_state(&relay);
    assert!(!holds(&stored, b"Participant"));
    assert!(!holds(&stored, b"comment"));
}

#[test]
fn a_participant_holding_the_link_opens_no_other_participants_response() {
    let link = RoomLink::generate();
    let drop = DropKeys::of(&link).link();
    let (mine, theirs) = (random_secret(), random_secret());
    let (my_entry, _) = seal_with(&drop, &mine, response(1).as_bytes()).unwrap();
    let (their_entry, _) = seal_with(&drop, &theirs, response(2).as_bytes()).unwrap();
    // With their own ephemeral secret a participant opens their own response (the attempt
    // works)…
    assert_eq!(
        open_as_participant(&drop, &mine, &my_entry).as_deref(),
        Some(response(1).as_bytes())
    );
    // …and with the same material nobody else's.
    assert_eq!(open_as_participant(&drop, &mine, &their_entry), None);
    for _ in 0..8 {
        let (other, _) = seal(&drop, response(3).as_bytes()).unwrap();
        assert_eq!(open_as_participant(&drop, &mine, &other), None);
    }
    // The room's desk opens both.
    let keys = DropKeys::of(&link);
    assert_eq!(
        keys.open(&their_entry).unwrap().text,
        response(2).as_bytes()
    );
    assert_eq!(keys.open(&my_entry).unwrap().text, response(1).as_bytes());
    // Another room's desk opens neither; one bit changed opens nothing.
    assert!(
        DropKeys::of(&RoomLink::generate())
            .open(&their_entry)
            .is_err()
    );
    let mut altered = their_entry.clone();
    *altered.last_mut().unwrap() ^= 1;
    assert!(keys.open(&altered).is_err());
}

#[test]
fn the_rooms_key_pair_is_the_same_in_every_browser_and_the_link_holds_no_secret() {
    let link = RoomLink::generate();
    let a = DropKeys::of(&link);
    let b = DropKeys::of(&RoomLink::decode(&link.encode()).unwrap());
    assert_eq!(a.public, b.public);
    assert_eq!(a.id, b.id);
    let other = DropKeys::of(&RoomLink::generate());
    assert_ne!(other.public, a.public);
    assert_ne!(other.id, a.id);
    // The invitation's suffix holds the public key; neither the room's id nor its key.
    let suffix = a.link().suffix();
    assert_eq!(suffix.len(), "?live=".len() + 87);
    let room_key: String = link.encode().split('.').nth(1).unwrap().into();
    assert!(!suffix.contains(&room_key));
    // The relay's path for the drop is a hash: it does not show the public key.
    assert!(!a.link().encode().contains(&a.relay_path()));
    assert_ne!(a.relay_path(), link.relay_path());
    // The room's own messages do not open as responses, nor responses with the room's key.
    let sealed_room = link.seal(response(1).as_bytes());
    assert!(a.open(&sealed_room).is_err());
    let (entry, _) = seal(&a.link(), b"x").unwrap();
    assert!(link.open(&entry).is_err());
}

#[test]
fn a_response_is_recorded_once_in_the_room_whoever_leads() {
    let link = RoomLink::generate();
    let mut a = Room::with_client(link.clone(), 3);
    let mut b = Room::with_client(link.clone(), 8);
    assert!(a.leads() && b.leads(), "alone, each leads");
    // b hears a's presence: a has the smaller id, so a takes responses.
    let hello = a.presence("Ana");
    b.receive(&hello);
    assert!(!b.leads());
    let id = [4u8; 16];
    assert_eq!(a.outcome(&id), None);
    let m = a.record(&id, Outcome::Taken).expect("a message");
    assert_eq!(a.outcome(&id), Some(Outcome::Taken));
    assert_eq!(a.record(&id, Outcome::Taken), None);
    b.receive(&m);
    assert_eq!(
        b.outcome(&id),
        Some(Outcome::Taken),
        "the outcome travels with the room"
    );
    let refused = [5u8; 16];
    let m = b.record(&refused, Outcome::Refused).unwrap();
    a.receive(&m);
    assert_eq!(a.outcome(&refused), Some(Outcome::Refused));
}

#[test]
fn an_envelope_kept_across_a_reload_gives_back_every_offline_edit() {
    let link = RoomLink::generate();
    let mut w = base();
    let mut before = Room::with_client(link.clone(), 1);
    before.edit(&w).unwrap();
    w.notes = "typed offline".into();
    before.edit(&w).unwrap();
    let kept = before.envelope_state();
    let mut after = Room::new(link.clone());
    assert_eq!(after.restore(&kept), 2);
    assert_eq!(
        after.workshop("x", &mut Vec::new()).unwrap().notes,
        "typed offline"
    );
    // On reconnecting, the relay (which had neither) is sent both.
    let relay = Doc::new();
    let step1 = Message::Sync(SyncMessage::SyncStep1(relay.transact().state_vector())).encode_v1();
    let r = after.receive(&step1);
    assert_eq!(r.sent_back, 2);
    // Bytes that are not an envelope change nothing.
    assert_eq!(after.restore(b"not an envelope"), 0);
}

/// One run of a workshop with a hostile participant: `plan` says, step by step, whether the
/// desk is online, and what the hostile client does.
fn hostile_run(plan: &[(bool, u8)], phones_n: usize) {
    let link = RoomLink::generate();
    let drop = DropKeys::of(&link).link();
    let relay = Doc::new();
    let mut desk = Desk::new(&link);
    let mut fac = Facilitator::default();
    let mut phones: Vec<Phone> = (0..phones_n)
        .map(|i| Phone::new(&drop, &response(i), 100 * i as u32))
        .collect();
    // Junk the hostile client adds: a fake receipt, a bad key, a point off the curve, a
    // truncated entry, an overwrite (an honest entry with a byte changed), an honest entry with
    // bytes after it, a huge value.
    let junk = |relay: &Doc| -> Vec<Vec<u8>> {
        let mut j = vec![
            receipt(&[9; 16]),
            [&[ENTRY][..], &[0xff; 120][..]].concat(),
            [&[ENTRY, 4][..], &[1; 64][..], &[0; 40][..]].concat(),
            vec![RECEIPT],
            vec![0; MAX_ENTRY + 1],
        ];
        let arr = relay.get_or_insert_array(drop::SEALED);
        let txn = relay.transact();
        for v in arr.iter(&txn) {
            if let yrs::Out::Any(Any::Buffer(b)) = v
                && b.first() == Some(&ENTRY)
                && b.len() > 100
            {
                let mut o = b.to_vec();
                o[90] ^= 0x40;
                j.push(o.clone());
                j.push(o[..o.len() - 5].to_vec());
                // The honest entry whole inside a longer value: its bytes are there, it is not.
                j.push([&b[..], &[0xaa; 3][..]].concat());
            }
        }
        j
    };
    // Every phone sends once.
    let mut wire: Vec<Vec<u8>> = phones.iter_mut().map(|p| p.add()).collect();
    let mut desk_online = false;
    for (step, &(online, act)) in plan.iter().enumerate() {
        // What was sent reaches the relay, then everyone connected (the desk if online, and
        // every phone, whose page keeps its connection).
        while !wire.is_empty() {
            let batch: Vec<Vec<u8>> = std::mem::take(&mut wire);
            for m in batch {
                relay_applies(&relay, &m);
                if desk_online {
                    let waiting = desk.receive(&m).responses;
                    wire.extend(fac.take(&mut desk, waiting));
                }
                for p in &mut phones {
                    wire.extend(p.sees(&m));
                }
            }
        }
        // The desk comes and goes (a reload, a laptop closed): on coming back it syncs.
        if online && !desk_online {
            desk = Desk::new(&link);
            let waiting = desk.receive(&relay_state(&relay)).responses;
            wire.extend(fac.take(&mut desk, waiting));
        }
        desk_online = online;
        match act % 4 {
            // Deletes every entry and receipt.
            0 => wire.push(hostile(&relay, |_| false, &[])),
            // Deletes the receipts only.
            1 => wire.push(hostile(&relay, |b| b.first() != Some(&RECEIPT), &[])),
            // Overwrites: deletes the entries and adds altered copies and junk.
            2 => {
                let j = junk(&relay);
                wire.push(hostile(&relay, |b| b.first() != Some(&ENTRY), &j));
            }
            // Quiet.
            _ => {}
        }
        // Every few steps each waiting phone asks for the relay's state (its poll).
        if step % 2 == 1 {
            let state = relay_state(&relay);
            for p in &mut phones {
                wire.extend(p.sees(&state));
            }
        }
    }
    // Then the hostile client stops, the desk stays online, and the phones keep polling.
    if !desk_online {
        desk = Desk::new(&link);
        let waiting = desk.receive(&relay_state(&relay)).responses;
        wire.extend(fac.take(&mut desk, waiting));
    }
    for _ in 0..6 {
        while !wire.is_empty() {
            for m in std::mem::take(&mut wire) {
                relay_applies(&relay, &m);
                let waiting = desk.receive(&m).responses;
                wire.extend(fac.take(&mut desk, waiting));
                for p in &mut phones {
                    wire.extend(p.sees(&m));
                }
            }
        }
        let state = relay_state(&relay);
        for p in &mut phones {
            wire.extend(p.sees(&state));
        }
    }
    // Every honest response is in the workshop exactly once, and every phone saw it taken.
    let mut got = fac.workshop.clone();
    got.sort();
    let mut want: Vec<String> = (0..phones_n).map(response).collect();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(fac.takes, phones_n, "each response decided on once");
    for (i, p) in phones.iter().enumerate() {
        assert_eq!(
            p.got,
            Some(Outcome::Taken),
            "phone {i} after {} adds",
            p.adds
        );
    }
    // Nothing the hostile client added was taken (all junk, none opened as a response).
    assert_eq!(fac.refused, 0);
    assert!(desk.unreadable <= 1000);
}

#[test]
fn a_hostile_participant_deleting_entries_while_the_desk_is_away_loses_nothing() {
    // Desk away while everything is deleted, overwritten, deleted again; then back.
    hostile_run(
        &[
            (false, 0),
            (false, 2),
            (false, 0),
            (false, 1),
            (true, 0),
            (true, 1),
            (true, 2),
        ],
        6,
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn whatever_a_hostile_participant_deletes_each_honest_response_arrives_once(
        plan in prop::collection::vec((any::<bool>(), any::<u8>()), 1..10),
        phones in 1usize..5,
    ) {
        hostile_run(&plan, phones);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_value_dropped_by_any_client_reads_back_in_yrs(client in any::<u32>(), value in prop::collection::vec(any::<u8>(), 0..600)) {
        let doc = Doc::new();
        let update = Update::decode_v1(&insert_update(client, &value)).expect("decodes");
        doc.transact_mut().apply_update(update).unwrap();
        let arr = doc.get_or_insert_array("sealed");
        let txn = doc.transact();
        let got: Vec<_> = arr.iter(&txn).collect();
        prop_assert_eq!(got.len(), 1);
        prop_assert_eq!(got[0].clone(), yrs::Out::Any(yrs::Any::Buffer(value.into())));
    }
}

/// Byte soup shaped like drop values: entries with random or real points, cut anywhere,
/// receipts of any length, values of any size.
fn soup() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| [&[ENTRY][..], &b].concat()),
        (
            prop::collection::vec(any::<u8>(), 64),
            prop::collection::vec(any::<u8>(), 0..120)
        )
            .prop_map(|(p, b)| [&[ENTRY, 4][..], &p, &b].concat()),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(|b| [&[RECEIPT][..], &b].concat()),
        (0usize..4).prop_map(|k| vec![ENTRY; MAX_ENTRY - 1 + k]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_or_hostile_drop_values_are_skipped_without_a_panic(
        values in prop::collection::vec(soup(), 1..6),
        cut in any::<prop::sample::Index>(),
        raw in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let link = RoomLink::generate();
        let keys = DropKeys::of(&link);
        let mut desk = Desk::new(&link);
        // One honest entry, and a copy of it cut short.
        let (honest, _) = seal(&keys.link(), response(1).as_bytes()).unwrap();
        let short = honest[..cut.index(honest.len())].to_vec();
        prop_assert!(keys.open(&short).is_err());
        let mut handed = 0;
        for (i, v) in values.iter().chain([&short]).enumerate() {
            prop_assert!(keys.open(v).is_err());
            handed += desk.receive(&insert_message(i as u32 + 1, v)).responses.len();
        }
        prop_assert_eq!(handed, 0);
        // The honest one still opens among the junk; raw bytes as a message break nothing.
        let r = desk.receive(&insert_message(999, &honest));
        prop_assert_eq!(r.responses.len(), 1);
        let _ = desk.receive(&raw);
        let _ = Desk::new(&link).receive(&[&[0u8, 1][..], &raw].concat());
    }
}
