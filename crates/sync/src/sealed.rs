//! Participants' responses sealed to the room (issue 25): the facilitator's half of
//! `cstw_core::participate::drop`, whose module text gives the design.
//!
//! The room's key pair (P-256) is derived one way from the room's key (HKDF-SHA256), so every
//! browser that holds the room's link, and only those, holds the private key: whichever leads
//! the desk opens the responses, with nothing to share or keep and no two browsers making two
//! pairs at once. A participant's link carries the public key only.
//!
//! [`seal`] is what a phone does with WebCrypto, the same steps in RustCrypto: for the native
//! tests, which check the desk against it and that a participant's material opens no one else's
//! response.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use cstw_core::participate::drop::{self, DropLink, MAX_ENTRY, MIN_ENTRY, NONCE, POINT, Receipts};
use hkdf::Hkdf;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use sha2::{Digest, Sha256};

use crate::crypto::{Refused, RoomLink, random};

/// A response's identity in the drop: the first 16 bytes of SHA-256 of the sealed value, so the
/// same value added again is the same response, and any altered copy another.
pub type EntryId = [u8; 16];

/// What the desk did with a response, as its receipt says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Added to the workshop, or already in it.
    Taken,
    /// The workshop did not accept it (another workshop, a closed round, damaged).
    Refused,
}

/// A response opened by the desk: its text and its receipts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub text: Vec<u8>,
    pub receipts: Receipts,
}

/// The room's drop: the key pair, the id at the relay.
pub struct DropKeys {
    secret: SecretKey,
    pub public: [u8; POINT],
    pub id: [u8; 16],
}

impl std::fmt::Debug for DropKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DropKeys({})", drop::relay_path(&self.id))
    }
}

/// The drop's id for a public key: SHA-256 of [`DropLink::id_input`], first 16 bytes.
pub fn drop_id(link: &DropLink) -> [u8; 16] {
    let digest = Sha256::digest(link.id_input());
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

/// The identity of a value in the drop.
pub fn entry_id(value: &[u8]) -> EntryId {
    let digest = Sha256::digest(value);
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

fn encoded(public: &PublicKey) -> [u8; POINT] {
    let mut out = [0u8; POINT];
    out.copy_from_slice(public.to_encoded_point(false).as_bytes());
    out
}

/// HKDF-SHA256 over an ECDH secret: 32 bytes of AES key, then the two receipt tokens.
fn okm(shared: &[u8], id: &[u8; 16], ephemeral: &[u8; POINT], public: &[u8; POINT]) -> [u8; 64] {
    let mut out = [0u8; 64];
    // 64 bytes is far below HKDF-SHA256's limit (255 × 32): expand cannot fail.
    let _ =
        Hkdf::<Sha256>::new(Some(&id[..]), shared).expand(&drop::info(ephemeral, public), &mut out);
    out
}

impl DropKeys {
    /// The drop of the room `room` names, derived one way from its key.
    pub fn of(room: &RoomLink) -> DropKeys {
        let hk = Hkdf::<Sha256>::new(Some(&room.room.0[..]), &room.key.0);
        // A scalar is refused only when it is zero or past the group's order (about 2^-32 of
        // 256-bit strings): the next counter gives another.
        let secret = (0u8..=255)
            .find_map(|counter| {
                let mut bytes = [0u8; 32];
                let _ = hk.expand(
                    &[b"cstw drop secret v2 ".as_slice(), &[counter]].concat(),
                    &mut bytes,
                );
                SecretKey::from_bytes((&bytes).into()).ok()
            })
            .expect("one of 256 derived scalars is valid");
        let public = encoded(&secret.public_key());
        let id = drop_id(&DropLink { public });
        DropKeys { secret, public, id }
    }

    /// What a participant's invitation carries: the public key only.
    pub fn link(&self) -> DropLink {
        DropLink {
            public: self.public,
        }
    }

    pub fn relay_path(&self) -> String {
        drop::relay_path(&self.id)
    }

    /// Opens a sealed response: its text and receipts, or why not. Never panics, whatever the
    /// bytes (a value too long for a response is refused unread).
    pub fn open(&self, value: &[u8]) -> Result<Opened, Refused> {
        if value.len() < MIN_ENTRY || value.len() > MAX_ENTRY || value[0] != drop::ENTRY {
            return Err(Refused::Malformed);
        }
        let ephemeral: [u8; POINT] = value[1..1 + POINT]
            .try_into()
            .map_err(|_| Refused::Malformed)?;
        let point = PublicKey::from_sec1_bytes(&ephemeral).map_err(|_| Refused::Malformed)?;
        let shared = p256::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), point.as_affine());
        let okm = okm(
            shared.raw_secret_bytes(),
            &self.id,
            &ephemeral,
            &self.public,
        );
        let nonce = &value[1 + POINT..1 + POINT + NONCE];
        let text = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&okm[..32]))
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: &value[1 + POINT + NONCE..],
                    aad: &self.id[..],
                },
            )
            .map_err(|_| Refused::NotAuthentic)?;
        let receipts = Receipts::from_okm(&okm).ok_or(Refused::Malformed)?;
        Ok(Opened { text, receipts })
    }
}

/// A fresh P-256 secret from the system's random source.
pub fn random_secret() -> SecretKey {
    loop {
        if let Ok(s) = SecretKey::from_bytes((&random::<32>()).into()) {
            return s;
        }
    }
}

/// Seals `plain` to the room `link` names, as a phone does with WebCrypto: a fresh ephemeral
/// key pair, ECDH with the room's public key, HKDF-SHA256, AES-256-GCM. The drop's value and
/// the receipts the phone waits for; `None` if `link`'s key is not a point of P-256.
pub fn seal(link: &DropLink, plain: &[u8]) -> Option<(Vec<u8>, Receipts)> {
    seal_with(link, &random_secret(), plain)
}

/// [`seal`] with a given ephemeral secret (tests: what a participant who keeps theirs holds).
pub fn seal_with(
    link: &DropLink,
    ephemeral: &SecretKey,
    plain: &[u8],
) -> Option<(Vec<u8>, Receipts)> {
    let room = PublicKey::from_sec1_bytes(&link.public).ok()?;
    let e = encoded(&ephemeral.public_key());
    let id = drop_id(link);
    let shared = p256::ecdh::diffie_hellman(ephemeral.to_nonzero_scalar(), room.as_affine());
    let okm = okm(shared.raw_secret_bytes(), &id, &e, &link.public);
    let nonce: [u8; NONCE] = random();
    let sealed = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&okm[..32]))
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &id[..],
            },
        )
        .ok()?;
    Some((drop::entry(&e, &nonce, &sealed), Receipts::from_okm(&okm)?))
}

/// Tries to open `value` with everything a participant holds: the link's public key and their
/// own ephemeral secret (the ECDH of their secret with the value's ephemeral key, and with the
/// room's key, each through the same HKDF). For the tests that show it opens nothing but their
/// own response.
pub fn open_as_participant(link: &DropLink, mine: &SecretKey, value: &[u8]) -> Option<Vec<u8>> {
    if value.len() < MIN_ENTRY || value[0] != drop::ENTRY {
        return None;
    }
    let ephemeral: [u8; POINT] = value[1..1 + POINT].try_into().ok()?;
    let id = drop_id(link);
    let room = PublicKey::from_sec1_bytes(&link.public).ok()?;
    let theirs = PublicKey::from_sec1_bytes(&ephemeral).ok()?;
    let nonce = &value[1 + POINT..1 + POINT + NONCE];
    [room, theirs].iter().find_map(|other| {
        let shared = p256::ecdh::diffie_hellman(mine.to_nonzero_scalar(), other.as_affine());
        let okm = okm(shared.raw_secret_bytes(), &id, &ephemeral, &link.public);
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&okm[..32]))
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: &value[1 + POINT + NONCE..],
                    aad: &id[..],
                },
            )
            .ok()
    })
}
