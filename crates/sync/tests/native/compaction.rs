//! The room's envelope folded into one sealed snapshot once it holds `COMPACT_AT` values
//! (`Room::compact`): what the relay stores and what a browser keeps for a reload stay bounded
//! however long the workshop goes on, and nothing is lost: the other browser, a newcomer, a
//! browser that was offline with edits of its own and an envelope kept across a reload all end
//! with the same workshop.

use cstw_core::model::Workshop;
use cstw_sync::room::COMPACT_AT;
use cstw_sync::{Room, RoomLink};

use super::relay::Net;
use super::workshops::base;

fn read(room: &Room) -> Workshop {
    room.workshop("x", &mut Vec::new()).expect("a workshop")
}

/// `n` edits by browser 0, each sent, with a compaction offered after each.
fn edits(net: &mut Net, w: &mut Workshop, from: usize, n: usize, compact: bool) {
    for i in 0..n {
        w.notes = format!("edit {from} {i}");
        let e = net.rooms[from].edit(w);
        net.send(from, e);
        if compact {
            let c = net.rooms[from].compact();
            net.send(from, c);
        }
        net.settle(false);
    }
}

#[test]
fn a_long_workshop_keeps_a_bounded_envelope_and_every_copy_ends_the_same() {
    let link = RoomLink::generate();
    let mut w = base();
    let mut net = Net::new();
    let a = net.join(Room::with_client(link.clone(), 1));
    let b = net.join(Room::with_client(link.clone(), 2));
    edits(&mut net, &mut w, a, 1, false);
    edits(&mut net, &mut w, a, 400, true);
    let early = net.stored().len();
    // B goes offline and edits; A goes on for a long while, compacting as it goes.
    net.disconnect(b);
    let mut wb = read(&net.rooms[b]);
    wb.title = "Typed offline by B".into();
    let e = net.rooms[b].edit(&wb);
    net.send(b, e);
    edits(&mut net, &mut w, a, 1200, true);
    let late = net.stored().len();
    let count = net.rooms[a].sealed_count();
    assert!(count <= COMPACT_AT + 1, "{count} values in the envelope");
    // Three times the edits, and the relay stores about as much (the last snapshot and the
    // values since), not three times as much.
    assert!(
        late < early * 3 / 2,
        "stored {early} bytes after 400 edits, {late} after 1,600"
    );
    // B comes back: its offline edit and all of A's are in both copies.
    net.connect(b);
    net.settle(false);
    let (wa, wb) = (read(&net.rooms[a]), read(&net.rooms[b]));
    assert_eq!(wa, wb);
    assert_eq!(wa.title, "Typed offline by B");
    assert_eq!(wa.notes, "edit 0 1199");
    // B's copy was compacted too (the deletions travel like any change).
    assert!(net.rooms[b].sealed_count() <= COMPACT_AT + 2);
    // A newcomer gets the same workshop from what the relay stores.
    let c = net.join(Room::with_client(link.clone(), 3));
    net.settle(false);
    assert_eq!(read(&net.rooms[c]), wa);
    // What a browser keeps for a reload is bounded too, and gives the workshop back.
    let kept = net.rooms[b].envelope_state();
    assert!(kept.len() < early * 3 / 2);
    let mut again = Room::with_client(link.clone(), 9);
    assert!(again.restore(&kept) > 0);
    assert_eq!(read(&again), wa);
    // And no plaintext in it.
    assert!(!kept.windows(12).any(|x| x == b"Typed offlin"));
}

#[test]
fn nothing_is_folded_below_the_threshold_or_before_the_workshop_arrived() {
    let link = RoomLink::generate();
    let mut fresh = Room::with_client(link.clone(), 1);
    assert_eq!(fresh.compact(), None);
    let mut w = base();
    for i in 0..COMPACT_AT - 1 {
        w.notes = format!("n{i}");
        fresh.edit(&w);
    }
    assert_eq!(fresh.compact(), None);
    w.notes = "last".into();
    fresh.edit(&w);
    let before = fresh.envelope_state().len();
    assert!(fresh.compact().is_some());
    assert_eq!(fresh.sealed_count(), 1);
    assert!(fresh.envelope_state().len() < before);
    assert_eq!(read(&fresh).notes, "last");
    assert_eq!(fresh.compact(), None);
}
