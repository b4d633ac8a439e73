//! CST Workbench: a browser app for critical systems thinking workshops.
//!
//! This is the web crate: the Leptos UI, the storage adapter and the binaries. The pure core is
//! the `cstw-core` crate (crates/core), whose modules are re-exported here so `crate::model`,
//! `crate::export`, … name the same modules from the UI. See ARCHITECTURE.md.

pub use cstw_core::{
    analysis, content, export, geometry, history, import, interact, jobs, model, order,
    participate, route, settings,
};

/// Saving: the versioned document format and the library index (the core's), and the storage
/// adapter.
pub mod persist;
/// Leptos components: the shell and the pages.
pub mod ui;
/// The Web Worker's side of the jobs: the app's own wasm, run in a worker (src/main.rs).
pub mod worker;
