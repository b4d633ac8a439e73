//! Saving's pure half: the versioned document format and the library's index, tested natively.
//! The adapter that talks to browser storage lives in the web crate (`persist::browser`).

pub mod document;
pub mod library;
