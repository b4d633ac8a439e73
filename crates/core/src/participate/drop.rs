//! A participant's response sent through a live room (issue 25), the phone's half, pure and
//! without yrs or a cipher (the phone page stays small): the *drop link* a facilitator in a live
//! room adds to an invitation (`…#/join/<code>?live=<room's public key>`), the layout of what a
//! phone adds to the drop and of the facilitator's receipts, and the few bytes of the Yjs sync
//! protocol the phone speaks with the room's relay.
//!
//! Sealed to the facilitators: the link carries only the room's P-256 public key (65 bytes,
//! uncompressed, as WebCrypto imports it). The phone makes an ephemeral key pair per response,
//! derives 64 bytes by HKDF-SHA256 from the ECDH secret (salt: the drop's id, info: [`info`],
//! which binds both public keys), seals the response code with AES-256-GCM under the first 32,
//! and adds `[ENTRY][ephemeral public key][nonce][ciphertext+tag]` to the drop's `sealed` array.
//! The other 32 are two receipt tokens only the room's desk and this phone can know: the desk
//! adds `[RECEIPT][token]` once it has taken the response (or refused it), and the phone, while
//! its page is open, adds its entry again whenever it is gone from the relay before a receipt
//! came. So another participant holding the same link reads nothing of anyone's response and
//! loses nobody's by deleting entries: what the desk took is in the room, and what it had not
//! yet taken comes back. The facilitator's side is `cstw_sync::sealed` and `cstw_sync::Desk`;
//! the phone's WebCrypto calls are `src/ui/phone/live.rs`; both are checked against each other
//! natively in `crates/sync/tests/native/drops.rs` (the same steps, RustCrypto for WebCrypto).
//!
//! The drop's room at the relay is named by a hash of the public key ([`DropLink::id_input`]):
//! the relay, which sees the name, cannot learn the public key from it, so it cannot seal a
//! response of its own either.
//!
//! Each entry is one Yjs update inserting one binary value into the drop's `sealed` array,
//! written here by hand (the format is Yjs's update v1, checked natively against yrs).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The root array of the drop's values, as the room's envelope names it.
pub const SEALED: &str = "sealed";

/// The format byte of a sealed response in the drop.
pub const ENTRY: u8 = 2;
/// The format byte of a desk's receipt in the drop.
pub const RECEIPT: u8 = 3;
/// An uncompressed P-256 public key: `04 ‖ x ‖ y`.
pub const POINT: usize = 65;
/// A receipt token.
pub const TOKEN: usize = 16;
/// The AES-GCM nonce.
pub const NONCE: usize = 12;
/// The shortest entry: a point, a nonce and an AES-GCM tag around an empty text.
pub const MIN_ENTRY: usize = 1 + POINT + NONCE + 16;
/// The longest entry a desk opens: a response code's cap and the sealing around it.
pub const MAX_ENTRY: usize = super::code::MAX_CODE_CHARS + MIN_ENTRY;
/// What the drop's id hashes before the public key (SHA-256, first 16 bytes).
pub const ID_LABEL: &[u8] = b"cstw drop id v2 ";
/// What HKDF's info starts with, before the ephemeral and the room's public keys.
pub const INFO_LABEL: &[u8] = b"cstw drop v2 ";

/// What a join address's `live=` holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invited {
    /// A room's public key: responses are sealed to it.
    Sealed(DropLink),
    /// An invitation made before responses were sealed to the room (a 48-byte drop id and
    /// shared key): refused, the phone asks for a fresh invitation.
    Outdated,
}

/// The room's public key, as the invitation's `live=` carries it: the 65 bytes in URL-safe
/// base64 (87 characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DropLink {
    pub public: [u8; POINT],
}

impl DropLink {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.public)
    }

    /// An uncompressed point's 65 bytes (`04 …`), `None` for anything else.
    pub fn decode(text: &str) -> Option<DropLink> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        let public: [u8; POINT] = bytes.try_into().ok()?;
        (public[0] == 4).then_some(DropLink { public })
    }

    /// The drop in a join address's fragment (`#/join/<code>?live=<key>`), if it has one: a
    /// key, an outdated invitation's drop (48 bytes), or `None` (none, or unreadable).
    pub fn in_address(address: &str) -> Option<Invited> {
        let (_, query) = address.split_once('?')?;
        let value = query.split('&').find_map(|p| p.strip_prefix("live="))?;
        if let Some(link) = DropLink::decode(value) {
            return Some(Invited::Sealed(link));
        }
        let old = URL_SAFE_NO_PAD.decode(value.trim()).ok()?;
        (old.len() == 48).then_some(Invited::Outdated)
    }

    /// What SHA-256 hashes for the drop's id (its first 16 bytes): [`ID_LABEL`] and the key.
    pub fn id_input(&self) -> Vec<u8> {
        [ID_LABEL, &self.public[..]].concat()
    }

    /// The invitation suffix carrying this drop.
    pub fn suffix(&self) -> String {
        format!("?live={}", self.encode())
    }
}

/// The drop's id from SHA-256 of [`DropLink::id_input`].
pub fn drop_id(digest: &[u8]) -> Option<[u8; 16]> {
    digest.get(..16)?.try_into().ok()
}

/// The drop's name at the relay (its websocket path): the id in hex.
pub fn relay_path(id: &[u8; 16]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// HKDF's info for one response: [`INFO_LABEL`], the ephemeral key, the room's key.
pub fn info(ephemeral: &[u8; POINT], public: &[u8; POINT]) -> Vec<u8> {
    [INFO_LABEL, &ephemeral[..], &public[..]].concat()
}

/// A sealed response as the drop holds it: `[ENTRY][ephemeral][nonce][ciphertext+tag]`
/// (WebCrypto's AES-GCM output is the ciphertext followed by its 16-byte tag, as aes-gcm's).
pub fn entry(ephemeral: &[u8; POINT], nonce: &[u8; NONCE], ciphertext_and_tag: &[u8]) -> Vec<u8> {
    [&[ENTRY][..], &ephemeral[..], &nonce[..], ciphertext_and_tag].concat()
}

/// The two receipts of a response, from HKDF's last 32 bytes: taken (added, or already there),
/// and refused (the workshop did not accept it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipts {
    pub taken: [u8; TOKEN],
    pub refused: [u8; TOKEN],
}

impl Receipts {
    /// From the 64 bytes HKDF gives (`None` if shorter).
    pub fn from_okm(okm: &[u8]) -> Option<Receipts> {
        Some(Receipts {
            taken: okm.get(32..48)?.try_into().ok()?,
            refused: okm.get(48..64)?.try_into().ok()?,
        })
    }
}

/// A receipt as the drop holds it: `[RECEIPT][token]`.
pub fn receipt(token: &[u8; TOKEN]) -> Vec<u8> {
    [&[RECEIPT][..], &token[..]].concat()
}

/// Whether `haystack` holds `needle` (a receipt, or an entry's ephemeral key, in what the relay
/// sent: a binary value stands verbatim in a Yjs update).
pub fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Sync step 1 with an empty state vector: the relay answers with all it holds (step 2).
pub const ASK_STATE: [u8; 4] = [0, 0, 1, 0];

/// Whether a message from the relay is its sync step 2 (the answer to [`ASK_STATE`]).
pub fn is_state(message: &[u8]) -> bool {
    message.starts_with(&[0, 1])
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
/// empty delete set. Each insert (a response, or the same response added again) takes a fresh
/// random client id: Yjs skips a struct whose id it has seen, even a deleted one.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn link() -> DropLink {
        let mut public = [9u8; POINT];
        public[0] = 4;
        DropLink { public }
    }

    #[test]
    fn a_drop_link_travels_in_a_join_address_and_the_code_still_reads() {
        let link = link();
        let address = format!("https://x/join.html#/join/AbC-_9{}", link.suffix());
        assert_eq!(
            DropLink::in_address(&address),
            Some(Invited::Sealed(link.clone()))
        );
        assert_eq!(super::super::code_in(&address), "AbC-_9");
        assert_eq!(DropLink::in_address("https://x/join.html#/join/AbC"), None);
        assert_eq!(DropLink::in_address("#/join/A?live=zz.yy"), None);
        assert_eq!(link.encode().len(), 87);
        assert_eq!(DropLink::decode(&link.encode()[..86]), None);
        // Not an uncompressed point.
        let mut compressed = link.clone();
        compressed.public[0] = 2;
        assert_eq!(DropLink::decode(&compressed.encode()), None);
    }

    #[test]
    fn an_invitation_from_before_sealing_is_known_as_outdated() {
        let old = URL_SAFE_NO_PAD.encode([7u8; 48]);
        assert_eq!(old.len(), 64);
        assert_eq!(
            DropLink::in_address(&format!("#/join/AbC?live={old}")),
            Some(Invited::Outdated)
        );
    }

    #[test]
    fn entries_receipts_and_the_relays_state_are_read_by_their_bytes() {
        let e = [4u8; POINT];
        let sealed = entry(&e, &[1; NONCE], &[5; 20]);
        assert_eq!(sealed.len(), 1 + POINT + NONCE + 20);
        assert_eq!(sealed[0], ENTRY);
        let okm: Vec<u8> = (0..64).collect();
        let r = Receipts::from_okm(&okm).unwrap();
        assert_eq!(r.taken[0], 32);
        assert_eq!(r.refused[15], 63);
        assert_eq!(Receipts::from_okm(&okm[..63]), None);
        let message = insert_message(7, &receipt(&r.taken));
        assert!(holds(&message, &receipt(&r.taken)));
        assert!(!holds(&message, &receipt(&r.refused)));
        assert!(!holds(&message, &[]));
        assert!(is_state(&[0, 1, 0]));
        assert!(!is_state(&message));
        assert_eq!(relay_path(&[0xab; 16]).len(), 32);
        assert_eq!(drop_id(&[1; 32]), Some([1; 16]));
        assert_eq!(drop_id(&[1; 15]), None);
        assert_eq!(info(&e, &e).len(), INFO_LABEL.len() + 2 * POINT);
    }
}
