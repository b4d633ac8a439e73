//! The Leptos user interface: the app shell and one folder per page or activity.
//!
//! Components read and change the pure core (`model`, `route`, `settings`) through signals and
//! store through `persist::browser`; they hold no logic that a native test could pin instead.

mod boundary;
mod browser;
pub mod crash;
pub mod jobs;
mod learn;
mod library;
mod map;
mod pages;
mod participate;
pub mod parts;
pub mod phone;
mod picture;
mod present;
mod report;
mod scoring;
mod shell;
mod workshop;

pub use shell::App;
