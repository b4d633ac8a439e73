//! Saving: the versioned document format, the library's index, and the one adapter that talks
//! to browser storage.
//!
//! `document` and `library` are pure and tested natively; `browser` is the only module in the
//! crate that calls gloo-storage / `localStorage`.

pub mod browser;
pub mod document;
pub mod library;
