//! Rooms through the in-memory relay: a newcomer sees the workshop, concurrent edits converge,
//! the relay holds no plaintext, a wrong key reads nothing and breaks nothing, offline edits and
//! a relay that lost everything still end with every edit in every copy.

use cstw_core::model::Workshop;
use cstw_core::model::boundary::Mode;
use cstw_sync::crypto::RoomKey;
use cstw_sync::{Room, RoomLink};
use proptest::prelude::*;
use yrs::Doc;

use super::relay::Net;
use super::workshops::base;

fn read(room: &Room) -> Option<Workshop> {
    room.workshop("x", &mut Vec::new())
}

/// A room whose creator (0) shared the example workshop and a second browser (1) that joined.
fn two() -> (Net, RoomLink, Workshop) {
    let link = RoomLink::generate();
    let w = base();
    let mut net = Net::new();
    let a = net.join(Room::with_client(link.clone(), 1));
    let edit = net.rooms[a].edit(&w);
    net.send(a, edit);
    net.settle(false);
    net.join(Room::with_client(link.clone(), 2));
    net.settle(false);
    (net, link, w)
}

#[test]
fn a_browser_opening_the_link_sees_the_workshop() {
    let (net, _, w) = two();
    assert_eq!(read(&net.rooms[1]), Some(w));
}

#[test]
fn concurrent_edits_to_a_label_and_an_answer_converge_and_the_relay_reads_none_of_it() {
    let (mut net, _, w) = two();
    let node = w.maps[0].nodes[0].id;
    let label = w.maps[0].nodes[0].label.clone();
    let p = w.boundary.perspectives[0].id.clone();
    let (mut wa, mut wb) = (w.clone(), w.clone());
    wa.maps[0].set_label(node, format!("{label} Zanzibar"));
    wb.maps[0].set_label(node, format!("Quokka {label}"));
    wa.boundary.set_answer(&p, 1, Mode::Ought, "Alpha".into());
    wb.boundary.set_answer(&p, 2, Mode::Ought, "Bravo".into());
    let ea = net.rooms[0].edit(&wa);
    let eb = net.rooms[1].edit(&wb);
    net.send(0, ea);
    net.send(1, eb);
    net.settle(true);
    let (a, b) = (read(&net.rooms[0]).unwrap(), read(&net.rooms[1]).unwrap());
    assert_eq!(a, b);
    assert_eq!(a.maps[0].nodes[0].label, format!("Quokka {label} Zanzibar"));
    let answers = &a.boundary.perspectives[0].answers;
    assert_eq!(
        (answers[&1].ought.as_str(), answers[&2].ought.as_str()),
        ("Alpha", "Bravo")
    );
    let stored = net.stored();
    for plain in [
        "Zanzibar",
        "Quokka",
        "Alpha",
        "Bravo",
        label.as_str(),
        &w.title,
    ] {
        assert!(
            !stored.windows(plain.len()).any(|s| s == plain.as_bytes()),
            "the relay holds {plain:?} in plaintext"
        );
    }
}

#[test]
fn a_wrong_key_reads_nothing_and_breaks_nothing() {
    let (mut net, link, w) = two();
    let wrong = RoomLink {
        room: link.room,
        key: RoomKey([0x42; 32]),
    };
    let c = net.join(Room::with_client(wrong, 3));
    net.settle(false);
    assert_eq!(read(&net.rooms[c]), None);
    assert!(net.rooms[c].unreadable > 0);
    // Even if it pushed its own workshop, the others ignore it.
    let mut other = w.clone();
    other.title = "Intruder".into();
    let e = net.rooms[c].edit(&other);
    net.send(c, e);
    let mut wa = w.clone();
    wa.notes = "still working".into();
    let e = net.rooms[0].edit(&wa);
    net.send(0, e);
    net.settle(false);
    assert_eq!(read(&net.rooms[1]).unwrap().notes, "still working");
    assert_eq!(read(&net.rooms[1]).unwrap().title, w.title);
    assert!(net.rooms[1].unreadable >= 1);
}

#[test]
fn offline_edits_merge_on_reconnect() {
    let (mut net, _, w) = two();
    net.disconnect(1);
    let (mut wa, mut wb) = (w.clone(), w.clone());
    for i in 0..20 {
        wb.maps[0].set_label(w.maps[0].nodes[1].id, format!("offline {i}"));
        let e = net.rooms[1].edit(&wb);
        net.send(1, e);
        wa.notes = format!("online {i}");
        let e = net.rooms[0].edit(&wa);
        net.send(0, e);
        net.settle(false);
    }
    assert_eq!(
        read(&net.rooms[0]).unwrap().maps[0].nodes[1].label,
        w.maps[0].nodes[1].label
    );
    net.connect(1);
    net.settle(false);
    let (a, b) = (read(&net.rooms[0]).unwrap(), read(&net.rooms[1]).unwrap());
    assert_eq!(a, b);
    assert_eq!(a.maps[0].nodes[1].label, "offline 19");
    assert_eq!(a.notes, "online 19");
}

#[test]
fn a_relay_that_restarted_empty_is_refilled_and_a_newcomer_gets_everything() {
    let (mut net, link, w) = two();
    net.relay = Doc::new();
    net.disconnect(0);
    net.disconnect(1);
    let mut wa = w.clone();
    wa.title = "After the restart".into();
    let e = net.rooms[0].edit(&wa);
    net.send(0, e);
    net.connect(0);
    net.connect(1);
    net.settle(false);
    let c = net.join(Room::with_client(link, 4));
    net.settle(false);
    assert_eq!(read(&net.rooms[c]).unwrap().title, "After the restart");
    assert_eq!(read(&net.rooms[1]).unwrap(), read(&net.rooms[c]).unwrap());
}

#[test]
fn the_presentation_step_follows() {
    let (mut net, _, _) = two();
    let e = net.rooms[0].set_step("q3");
    net.send(0, e);
    net.settle(false);
    assert_eq!(net.rooms[1].step().as_deref(), Some("q3"));
    assert_eq!(net.rooms[0].set_step("q3"), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn byte_soup_from_the_relay_never_panics(
        soup in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..64), 1..8),
    ) {
        let mut room = Room::with_client(RoomLink::generate(), 9);
        for bytes in &soup {
            let mut m = bytes.clone();
            // Half of them look like sync messages, so the decoders get past the first byte.
            if m.len() > 2 && m[0] % 2 == 0 {
                m[0] = 0;
                m[1] %= 3;
            }
            room.receive(&m);
        }
        prop_assert_eq!(read(&room), None);
    }
}

#[test]
fn who_is_here_travels_sealed_and_leaving_clears_it() {
    let (mut net, link, _) = two();
    let hello = net.rooms[0].presence("Ana");
    net.send(0, Some(hello));
    let hello = net.rooms[1].presence("Ben");
    net.send(1, Some(hello));
    net.settle(false);
    assert_eq!(net.rooms[1].peers(), vec!["Ana".to_string()]);
    assert_eq!(net.rooms[0].peers(), vec!["Ben".to_string()]);
    assert!(!net.awareness_seen().windows(3).any(|w| w == b"Ana"));
    // A wrong key sees nobody.
    let wrong = RoomLink {
        room: link.room,
        key: RoomKey([7; 32]),
    };
    let c = net.join(Room::with_client(wrong, 5));
    let hello = net.rooms[0].presence("Ana again");
    net.send(0, Some(hello));
    net.settle(false);
    assert!(net.rooms[c].peers().is_empty());
    assert_eq!(net.rooms[1].peers(), vec!["Ana again".to_string()]);
    // The relay says Ana's connection closed: her state is null.
    net.leave(0);
    net.settle(false);
    assert!(net.rooms[1].peers().is_empty());
}
