//! The Leptos user interface: the app shell and one folder per page or activity.
//!
//! Components read and change the pure core (`route`, `settings`, later `model`) through
//! signals; they hold no logic that a native test could pin instead.

mod pages;
mod shell;

pub use shell::App;
