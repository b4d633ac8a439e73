//! Participants' responses through a room's drop: the phone's hand-written Yjs insert (the
//! core's `participate::drop`, no yrs on the phone) is read by yrs and by the relay as any
//! update; the facilitator's desk opens it with the drop's key and gets the response's text,
//! which the response parser reads; the drop's key opens nothing of the room, and the room's
//! key opens nothing of the drop; values that do not open are counted, never handed over.

use cstw_core::participate::drop::{DropLink, insert_message, insert_update, relay_holds};
use cstw_core::participate::response::{Answer, Response, ScoringResponse};
use cstw_sync::{Channel, Desk, Room, RoomLink};
use proptest::prelude::*;
use yrs::sync::{Message, SyncMessage};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{Array, Doc, ReadTxn, StateVector, Transact, Update};

use super::workshops::base;

/// What a phone does with a drop link: seal the text (here with aes-gcm; the phone uses
/// WebCrypto, same format) and write the insert.
fn phone_message(drop: &DropLink, client: u32, text: &str) -> Vec<u8> {
    let link = RoomLink {
        room: cstw_sync::crypto::RoomId(drop.room),
        key: cstw_sync::crypto::RoomKey(drop.key),
    };
    insert_message(client, &link.seal(text.as_bytes()))
}

/// The relay's side: applies a client's update message as @y/websocket-server does.
fn relay_applies(relay: &Doc, message: &[u8]) {
    match Message::decode_v1(message).expect("a y-sync message") {
        Message::Sync(SyncMessage::Update(u)) => {
            let update = Update::decode_v1(&u).expect("yrs reads the phone's update");
            relay.transact_mut().apply_update(update).unwrap();
        }
        other => panic!("not an update: {other:?}"),
    }
}

/// The relay's sync step 2 for a newcomer.
fn relay_state(relay: &Doc) -> Vec<u8> {
    let diff = relay
        .transact()
        .encode_state_as_update_v1(&StateVector::default());
    Message::Sync(SyncMessage::SyncStep2(diff)).encode_v1()
}

fn drop_of(link: &RoomLink) -> DropLink {
    let d = link.drop_link();
    let drop = DropLink {
        room: d.room.0,
        key: d.key.0,
    };
    assert_eq!(DropLink::decode(&drop.encode()), Some(drop.clone()));
    drop
}

fn response(i: usize) -> String {
    ScoringResponse {
        workshop: "w".into(),
        round: "r".into(),
        check: 7,
        response: format!("resp{i}"),
        name: format!("Participant {i}"),
        answers: vec![(Answer::Level(2), String::new())],
    }
    .encode()
}

#[test]
fn twenty_five_phones_drop_responses_and_the_desk_opens_each_once() {
    let link = RoomLink::generate();
    let drop = drop_of(&link);
    let relay = Doc::new();
    let mut desk = Desk::new(&link);
    assert_eq!(desk.relay_path(), drop.relay_path());
    assert_ne!(desk.relay_path(), link.relay_path());
    let mut got = Vec::new();
    for i in 0..25 {
        let m = phone_message(&drop, 1000 + i as u32, &response(i));
        relay_applies(&relay, &m);
        // The relay forwards the same update to the desk.
        got.extend(desk.receive(&m).responses);
        // …and its next newcomer's sync step 1 says it holds it.
        let sv = relay.transact().state_vector();
        let step1 = Message::Sync(SyncMessage::SyncStep1(sv)).encode_v1();
        assert_eq!(relay_holds(&step1, 1000 + i as u32), Some(true));
        assert_eq!(relay_holds(&step1, 5), Some(false));
    }
    assert_eq!(got.len(), 25);
    for (i, (_, text)) in got.iter().enumerate() {
        assert_eq!(Response::decode(text).unwrap().workshop(), "w", "{i}");
    }
    // A second desk (a co-facilitator, or after a reload) gets all 25 from the relay's state.
    let mut other = Desk::new(&link);
    let again = other.receive(&relay_state(&relay));
    assert!(again.synced);
    assert_eq!(again.responses.len(), 25);
    // The same message delivered twice opens nothing new.
    let m = phone_message(&drop, 77, &response(99));
    assert_eq!(desk.receive(&m).responses.len(), 1);
    assert_eq!(desk.receive(&m).responses.len(), 0);
    let arr = relay.get_or_insert_array("sealed");
    assert_eq!(arr.len(&relay.transact()), 25);
}

#[test]
fn the_drop_key_opens_nothing_of_the_room_and_the_room_key_nothing_of_the_drop() {
    let link = RoomLink::generate();
    let d = link.drop_link();
    assert_ne!(d.key, link.key);
    assert_ne!(d.room, link.room);
    // The same room link always gives the same drop; another room, another drop.
    assert_eq!(link.drop_link(), d);
    assert_ne!(RoomLink::generate().drop_link(), d);
    // A room edit sealed with the room's key does not open with the drop's key.
    let mut room = Room::with_client(link.clone(), 1);
    room.edit(&base()).unwrap();
    let sealed = link.seal(b"a room update");
    assert!(d.open(&sealed).is_err());
    // A participant who seals with a wrong key (or the room's own key) is not read as a response.
    let mut desk = Desk::new(&link);
    let forged = insert_message(9, &link.seal(response(1).as_bytes()));
    let r = desk.receive(&forged);
    assert!(r.responses.is_empty());
    assert_eq!(desk.unreadable, 1);
    // Not UTF-8: counted, not handed over.
    let binary = insert_message(10, &d.seal(&[0xff, 0xfe, 0]));
    assert!(desk.receive(&binary).responses.is_empty());
    assert_eq!(desk.unreadable, 2);
}

#[test]
fn a_response_is_taken_once_by_the_room_and_by_whoever_leads() {
    let link = RoomLink::generate();
    let mut a = Room::with_client(link.clone(), 3);
    let mut b = Room::with_client(link.clone(), 8);
    assert!(a.leads() && b.leads(), "alone, each leads");
    // b hears a's presence: a has the smaller id, so a takes responses.
    let hello = a.presence("Ana");
    b.receive(&hello);
    assert!(!b.leads());
    let nonce = [4u8; 12];
    assert!(!a.is_taken(&nonce));
    let m = a.mark_taken(&nonce).expect("a message");
    assert!(a.is_taken(&nonce));
    assert_eq!(a.mark_taken(&nonce), None);
    b.receive(&m);
    assert!(b.is_taken(&nonce), "the mark travels with the room");
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

    #[test]
    fn relay_holds_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64), client in any::<u32>()) {
        let _ = relay_holds(&bytes, client);
    }
}
