//! The cipher refuses what it should and never panics: a wrong key reads nothing, a changed or
//! cut message is refused, bytes of any kind are refused quietly.

use cstw_sync::crypto::{RoomId, RoomKey};
use cstw_sync::{Refused, RoomLink};
use proptest::prelude::*;

fn link(seed: u8) -> RoomLink {
    RoomLink {
        room: RoomId([seed; 16]),
        key: RoomKey([seed.wrapping_add(1); 32]),
    }
}

#[test]
fn a_sealed_message_opens_with_its_key_only() {
    let a = link(1);
    let sealed = a.seal(b"Team vision");
    assert_eq!(a.open(&sealed).unwrap(), b"Team vision");
    let wrong_key = RoomLink {
        room: a.room,
        key: RoomKey([9; 32]),
    };
    assert_eq!(wrong_key.open(&sealed), Err(Refused::NotAuthentic));
    let other_room = RoomLink {
        room: RoomId([7; 16]),
        key: a.key.clone(),
    };
    assert_eq!(other_room.open(&sealed), Err(Refused::NotAuthentic));
}

#[test]
fn every_changed_bit_and_every_cut_is_refused() {
    let a = link(3);
    let sealed = a.seal(b"The patients' voice");
    for i in 0..sealed.len() {
        for bit in 0..8 {
            let mut changed = sealed.clone();
            changed[i] ^= 1 << bit;
            assert!(a.open(&changed).is_err(), "byte {i} bit {bit}");
        }
    }
    for n in 0..sealed.len() {
        assert!(a.open(&sealed[..n]).is_err(), "cut at {n}");
    }
}

#[test]
fn the_ciphertext_does_not_hold_the_text_and_nonces_differ() {
    let a = link(5);
    let one = a.seal(b"Team vision Team vision");
    let two = a.seal(b"Team vision Team vision");
    assert_ne!(one, two, "a fresh nonce per message");
    assert!(!one.windows(4).any(|w| w == b"Team"));
}

#[test]
fn a_link_reads_back_and_never_holds_the_key_in_its_relay_path() {
    let a = RoomLink::generate();
    let b = RoomLink::generate();
    assert_ne!(a, b);
    assert_eq!(RoomLink::decode(&a.encode()), Some(a.clone()));
    assert_eq!(a.encode().len(), 32 + 1 + 64);
    assert_eq!(a.relay_path().len(), 32);
    assert!(!a.relay_path().contains(&a.encode()[33..]));
    for bad in [
        "",
        ".",
        "zz.zz",
        &a.encode()[1..],
        &format!("{}x", a.encode()),
        "é.é",
    ] {
        assert_eq!(RoomLink::decode(bad), None, "{bad:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn byte_soup_is_refused_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        prop_assert!(link(1).open(&bytes).is_err());
    }

    #[test]
    fn any_text_as_a_link_never_panics(text in "\\PC{0,120}") {
        let _ = RoomLink::decode(&text);
    }
}
