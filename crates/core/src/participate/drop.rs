//! A participant's response sent through a live room (issue 25), the phone's half, pure and
//! without yrs (the phone page stays small): the *drop link* a facilitator in a live room adds
//! to an invitation (`…#/join/<code>?live=<drop id>.<drop key>`), and the few bytes of the
//! Yjs sync protocol the phone speaks with the room's relay.
//!
//! The drop is a room of its own at the relay (its own id, its own key, both derived one way
//! from the room's key by the facilitator's browser, `cstw_sync::crypto`): a participant holding
//! it can add a sealed response and nothing else: it neither reaches the workshop's room nor
//! holds its key. Each response is one Yjs update inserting one binary value (the response code,
//! sealed with the drop key by the phone's WebCrypto) into the drop's `sealed` array, written
//! here by hand (the format is Yjs's update v1, checked natively against yrs in
//! `crates/sync/tests/native/drops.rs`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// A drop's id (16 bytes) and key (32 bytes), as the invitation's `live=` carries them: the 48
/// bytes in URL-safe base64 (64 characters, to keep the invitation's QR code small).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DropLink {
    pub room: [u8; 16],
    pub key: [u8; 32],
}

impl DropLink {
    pub fn encode(&self) -> String {
        let mut bytes = self.room.to_vec();
        bytes.extend_from_slice(&self.key);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    pub fn decode(text: &str) -> Option<DropLink> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        if bytes.len() != 48 {
            return None;
        }
        Some(DropLink {
            room: bytes[..16].try_into().ok()?,
            key: bytes[16..].try_into().ok()?,
        })
    }

    /// The drop in a join address's fragment (`#/join/<code>?live=<drop>`), if it has one.
    pub fn in_address(address: &str) -> Option<DropLink> {
        let (_, query) = address.split_once('?')?;
        query
            .split('&')
            .find_map(|p| p.strip_prefix("live="))
            .and_then(DropLink::decode)
    }

    /// The drop's name at the relay (its websocket path).
    pub fn relay_path(&self) -> String {
        hex(&self.room)
    }

    /// The invitation suffix carrying this drop.
    pub fn suffix(&self) -> String {
        format!("?live={}", self.encode())
    }
}

/// The root array of sealed values, as the room's envelope names it.
pub const SEALED: &str = "sealed";

/// The sealed message layout shared with `cstw_sync::crypto`: `[1][nonce 12][ciphertext+tag]`
/// (WebCrypto's AES-GCM output is the ciphertext followed by its 16-byte tag, as aes-gcm's).
pub fn sealed(nonce: &[u8; 12], ciphertext_and_tag: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(13 + ciphertext_and_tag.len());
    out.push(1);
    out.extend_from_slice(nonce);
    out.extend_from_slice(ciphertext_and_tag);
    out
}

fn var_uint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn var_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    var_uint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// The Yjs update (v1) by which client `client` inserts `value` into the root array `sealed`:
/// one struct (clock 0) with no neighbours, so it needs nothing of the document's state, and an
/// empty delete set. Each response takes a fresh random client id.
pub fn insert_update(client: u32, value: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 24);
    var_uint(&mut out, 1); // one client
    var_uint(&mut out, 1); // one struct
    var_uint(&mut out, u64::from(client));
    var_uint(&mut out, 0); // its clock
    out.push(3); // info: ContentBinary, no origins, no parent sub key
    var_uint(&mut out, 1); // the parent is a root type, named:
    var_bytes(&mut out, SEALED.as_bytes());
    var_bytes(&mut out, value);
    var_uint(&mut out, 0); // an empty delete set
    out
}

/// The y-sync `Update` message carrying [`insert_update`].
pub fn insert_message(client: u32, value: &[u8]) -> Vec<u8> {
    let mut out = vec![0, 2]; // messageSync, messageYjsUpdate
    var_bytes(&mut out, &insert_update(client, value));
    out
}

/// Reads one unsigned LEB128 number at `*at`.
fn read_var(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

/// Whether a message from the relay is its sync step 1 (the state vector of what it holds,
/// sent to every new connection) and, if so, whether it holds `client`'s insert: `None` for any
/// other message. How the phone learns its response was stored. Never panics.
pub fn relay_holds(message: &[u8], client: u32) -> Option<bool> {
    let mut at = 0;
    if read_var(message, &mut at)? != 0 || read_var(message, &mut at)? != 0 {
        return None;
    }
    let len = read_var(message, &mut at)? as usize;
    let sv = message.get(at..at.checked_add(len)?)?;
    let mut at = 0;
    let count = read_var(sv, &mut at)?;
    for _ in 0..count.min(1 << 20) {
        let c = read_var(sv, &mut at)?;
        let clock = read_var(sv, &mut at)?;
        if c == u64::from(client) && clock > 0 {
            return Some(true);
        }
    }
    Some(false)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drop_link_travels_in_a_join_address_and_the_code_still_reads() {
        let link = DropLink {
            room: [7; 16],
            key: [9; 32],
        };
        let address = format!("https://x/join.html#/join/AbC-_9{}", link.suffix());
        assert_eq!(DropLink::in_address(&address), Some(link.clone()));
        assert_eq!(super::super::code_in(&address), "AbC-_9");
        assert_eq!(DropLink::in_address("https://x/join.html#/join/AbC"), None);
        assert_eq!(DropLink::in_address("#/join/A?live=zz.yy"), None);
        assert_eq!(link.encode().len(), 64);
        assert_eq!(DropLink::decode(&link.encode()[..63]), None);
    }

    #[test]
    fn the_relays_state_vector_says_whether_it_holds_an_insert() {
        // sync, step 1, a state vector of two clients: 5 → 1, 300 → 2.
        let sv = [2u8, 5, 1, 0xac, 0x02, 2];
        let mut message = vec![0, 0, sv.len() as u8];
        message.extend_from_slice(&sv);
        assert_eq!(relay_holds(&message, 5), Some(true));
        assert_eq!(relay_holds(&message, 300), Some(true));
        assert_eq!(relay_holds(&message, 6), Some(false));
        assert_eq!(relay_holds(&[1, 0, 0], 5), None);
        assert_eq!(relay_holds(&[0, 0, 9, 1], 5), None);
        for cut in 0..message.len() {
            let _ = relay_holds(&message[..cut], 5);
        }
    }
}
