//! CST Workbench: a browser app for critical systems thinking workshops.
//!
//! Everything but `ui` and `persist` is the pure core: it compiles and is tested natively with
//! plain `cargo test`, and never touches the browser. See ARCHITECTURE.md.

/// Analysis: statistics of scores, and (later) graph measures and layout.
pub mod analysis;
/// Built-in material: activity descriptions and the sources the app cites.
pub mod content;
/// Exports: pure functions from the model to Markdown, CSV and other formats.
pub mod export;
/// Undo and redo, one step per gesture.
pub mod history;
/// Imports: files from other tools, and our own exports, read into the model.
pub mod import;
/// Heavy work off the page's thread: the Web Worker's message protocol and the jobs it runs.
pub mod jobs;
/// The workshop as data.
pub mod model;
/// Taking part from phones with no server: invites, responses, QR codes, merging.
pub mod participate;
/// Saving: the versioned document format, the library index, and the storage adapter.
pub mod persist;
/// Which page a URL fragment names.
pub mod route;
/// Preferences (projector theme, colour scheme, learning mode), the tour flag, lenient restore.
pub mod settings;
/// Leptos components: the shell and the pages.
pub mod ui;
