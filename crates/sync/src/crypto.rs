//! End-to-end encryption of a live room: AES-256-GCM with a random 96-bit nonce per message,
//! and the room link whose fragment carries the room id and the key.
//!
//! The fragment of a URL never reaches a server, so the relay sees the room id only as the
//! websocket path it derives from it (`relay_path`: the id in hex), never the key.
//! A sealed message is `[version 1][nonce 12][ciphertext + 16-byte tag]`, with the room id as
//! associated data, so a message from another room or altered by one bit is refused.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

use crate::hex::{hex, unhex_exactly};

/// The format byte in front of every sealed message.
const VERSION: u8 = 1;
const NONCE: usize = 12;
const TAG: usize = 16;

/// A room's id: 128 random bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RoomId(pub [u8; 16]);

/// A room's key: 256 random bits.
#[derive(Clone, PartialEq, Eq)]
pub struct RoomKey(pub [u8; 32]);

impl std::fmt::Debug for RoomKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RoomKey(…)")
    }
}

/// Everything a browser needs to join a room: what the link's fragment holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomLink {
    pub room: RoomId,
    pub key: RoomKey,
}

/// Why a sealed message was not opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Too short, or an unknown format.
    Malformed,
    /// The wrong key, another room, or altered on the way.
    NotAuthentic,
}

/// Random bytes from the system (the OS natively, `crypto.getRandomValues` in a browser).
pub fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // A browser or OS without a random source cannot hold a room; zeros would be guessable,
    // so this fails loudly in that (unseen) case rather than silently.
    getrandom::getrandom(&mut bytes).expect("no random source");
    bytes
}

impl RoomLink {
    /// A new room with a fresh id and key.
    pub fn generate() -> RoomLink {
        RoomLink {
            room: RoomId(random()),
            key: RoomKey(random()),
        }
    }

    /// The link's secret part, `<room id: 32 hex>.<key: 64 hex>`, for a URL fragment.
    pub fn encode(&self) -> String {
        format!("{}.{}", hex(&self.room.0), hex(&self.key.0))
    }

    /// Reads [`RoomLink::encode`]'s form back; `None` for anything else.
    pub fn decode(text: &str) -> Option<RoomLink> {
        let (room, key) = text.trim().split_once('.')?;
        Some(RoomLink {
            room: RoomId(unhex_exactly(room)?),
            key: RoomKey(unhex_exactly(key)?),
        })
    }

    /// The room's name at the relay (its websocket path): the id, never the key.
    pub fn relay_path(&self) -> String {
        hex(&self.room.0)
    }

    /// Seals `plain` with a fresh random nonce.
    pub fn seal(&self, plain: &[u8]) -> Vec<u8> {
        self.seal_with_nonce(plain, random())
    }

    /// Seals with a given nonce (tests; every real message takes a random one).
    pub fn seal_with_nonce(&self, plain: &[u8], nonce: [u8; NONCE]) -> Vec<u8> {
        let cipher = Aes256Gcm::new((&self.key.0).into());
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: &self.room.0,
                },
            )
            // Encryption fails only for messages over 64 GiB.
            .unwrap_or_default();
        let mut out = Vec::with_capacity(1 + NONCE + sealed.len());
        out.push(VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Opens a sealed message: the plaintext, or why not. Never panics, whatever the bytes.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, Refused> {
        if sealed.len() < 1 + NONCE + TAG || sealed[0] != VERSION {
            return Err(Refused::Malformed);
        }
        let cipher = Aes256Gcm::new((&self.key.0).into());
        cipher
            .decrypt(
                Nonce::from_slice(&sealed[1..1 + NONCE]),
                Payload {
                    msg: &sealed[1 + NONCE..],
                    aad: &self.room.0,
                },
            )
            .map_err(|_| Refused::NotAuthentic)
    }
}

/// The nonce of a sealed message (its identity: random, never repeated), if it has one.
pub fn nonce_of(sealed: &[u8]) -> Option<[u8; NONCE]> {
    sealed.get(1..1 + NONCE)?.try_into().ok()
}
