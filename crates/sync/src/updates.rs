//! The ways every Yjs document here (the replica, a room's envelope, a desk's drop) turns
//! into bytes: the update a change made, the whole document, the hello that opens a connection,
//! and an update as the y-sync message the relay applies, stores and forwards.

use yrs::sync::{Message, SyncMessage};
use yrs::updates::encoder::Encode;
use yrs::{Doc, ReadTxn, StateVector, Transact};

/// Runs `change` (which edits `doc` in transactions of its own) and returns what it returned
/// with the update (v1) carrying everything it changed in `doc`.
pub(crate) fn update_of<R>(doc: &Doc, change: impl FnOnce() -> R) -> (R, Vec<u8>) {
    let before = doc.transact().state_vector();
    let out = change();
    (out, doc.transact().encode_state_as_update_v1(&before))
}

/// The whole document as one update (v1): for a newcomer, a snapshot or a test.
pub(crate) fn whole(doc: &Doc) -> Vec<u8> {
    doc.transact()
        .encode_state_as_update_v1(&StateVector::default())
}

/// The first message on a new connection: sync step 1 with the state vector of `doc`.
pub(crate) fn hello(doc: &Doc) -> Vec<u8> {
    Message::Sync(SyncMessage::SyncStep1(doc.transact().state_vector())).encode_v1()
}

/// An update as the y-sync `Update` message.
pub(crate) fn message(update: Vec<u8>) -> Vec<u8> {
    Message::Sync(SyncMessage::Update(update)).encode_v1()
}

#[cfg(test)]
mod tests {
    use super::*;
    use yrs::{GetString, Text, Update, updates::decoder::Decode};

    #[test]
    fn the_update_of_a_change_carries_that_change_only() {
        let doc = Doc::new();
        let text = doc.get_or_insert_text("t");
        text.insert(&mut doc.transact_mut(), 0, "before ");
        let (len, update) = update_of(&doc, || {
            text.push(&mut doc.transact_mut(), "after");
            text.len(&doc.transact())
        });
        assert_eq!(len, 12);
        // Applied to a copy that has the first edit, the update gives the same text; applied
        // to an empty copy it cannot (the first edit is not in it), so the text stays empty.
        let copy = Doc::new();
        let copy_text = copy.get_or_insert_text("t");
        copy.transact_mut()
            .apply_update(Update::decode_v1(&update).unwrap())
            .unwrap();
        assert_eq!(copy_text.get_string(&copy.transact()), "");
        copy.transact_mut()
            .apply_update(Update::decode_v1(&whole(&doc)).unwrap())
            .unwrap();
        assert_eq!(copy_text.get_string(&copy.transact()), "before after");
        assert!(update.len() < whole(&doc).len());
    }
}
