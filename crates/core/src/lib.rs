//! CST Workbench's pure core: the workshop as data and everything done to it without a browser.
//!
//! No browser or UI crate is in this crate's dependency tree (leptos, web-sys, wasm-bindgen,
//! js-sys, gloo), so the compiler keeps the boundary: the core compiles and is tested natively
//! with `cargo test -p cstw-core`, in seconds. The web crate (`cst_workbench`) re-exports these
//! modules at its root and adds the UI and the storage adapter. See ARCHITECTURE.md.

/// Analysis: statistics of scores, graph measures, layouts, placement, freehand geometry.
pub mod analysis;
/// Built-in material: activity descriptions and the sources the app cites.
pub mod content;
/// Exports: pure functions from the model to Markdown, CSV and other formats.
pub mod export;
pub mod geometry;
/// Undo and redo, one step per gesture.
pub mod history;
/// Imports: files from other tools, and our own exports, read into the model.
pub mod import;
/// Gestures as data: pointer and key events in, previews, commands and views out.
pub mod interact;
/// Heavy work off the page's thread: the Web Worker's message protocol and the jobs it runs.
pub mod jobs;
/// The workshop as data.
pub mod model;
/// One small stable sort for the whole app (each use of the standard sort is its own copy).
pub mod order;
/// Taking part from phones with no server: invites, responses, QR codes, merging.
pub mod participate;
/// Saving's pure half: the versioned document format and the library index.
pub mod persist;
/// Which page a URL fragment names.
pub mod route;
/// Preferences (projector theme, colour scheme, learning mode), the tour flag, lenient restore.
pub mod settings;
