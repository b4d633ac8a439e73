//! The workshop as data: plain serde types with stable ids. No Leptos, no web-sys.
//!
//! Edits are pure functions on these types (see [`workshop`]); the UI applies them and records
//! the previous state in [`crate::history`].

pub mod agenda;
pub mod boundary;
pub mod id;
pub mod map;
pub mod picture;
pub mod roster;
pub mod samples;
pub mod scoring;
pub mod shared;
pub mod slides;
pub mod tagged;
pub mod workshop;

pub use id::{new_id, slug};
pub use shared::Shared;
pub use workshop::{Involvement, Stakeholder, Workshop};
