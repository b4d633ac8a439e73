//! CST Workbench's live room, the pure half: a workshop shared by several browsers through a
//! standard Yjs websocket relay, end-to-end encrypted. No browser crate of its own (the page's
//! `src/ui/live/` drives the websocket); tested natively.
//!
//! - `mapping`: the workshop's JSON as a Yjs document (maps, arrays, texts) and back.
//! - `ids`: mends a map id two people made at once (each copy the same way).
//! - `replica`: one person's copy: the model ⇄ the document, local edits out as updates,
//!   remote updates in.
//! - `crypto`: AES-256-GCM sealing, the room link (room id + key in the URL fragment).
//! - `room`: the y-sync protocol with a relay, carrying sealed replica updates inside an
//!   envelope document the relay stores and forwards without reading.
//! - `sealed`: participants' responses sealed to the room's public key (ECDH P-256, HKDF,
//!   AES-GCM), the room's key pair derived from the room's key, receipts.
//! - `updates`: a change, a whole document and a sync message as bytes, for all three.
//! - `desk`: the room's drop, where participants' phones add sealed responses (they hold the
//!   room's public key only: they can add a response, not read anyone's or change the
//!   workshop), and the desk's receipts.

pub mod ids;
pub mod mapping;
pub mod replica;

pub use replica::{BadUpdate, Replica};
pub mod crypto;
pub mod desk;
pub mod hex;
pub mod room;
pub mod sealed;
mod updates;

pub use crypto::{Refused, RoomLink};
pub use desk::Desk;
pub use room::{Channel, Received, Room};
