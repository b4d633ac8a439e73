//! Saving: the versioned document format and the library's index (pure, in the core crate and
//! re-exported here), and the one adapter that talks to browser storage.
//!
//! `browser` is the only module that calls gloo-storage / `localStorage`.

pub mod browser;
pub use cstw_core::persist::{document, kib, library};
