//! Imports: files from other tools (and our own exports) read into the model. Pure functions;
//! each returns what it read and plain-language notes on what it skipped.

pub mod csv;
pub mod limits;
pub mod map;
pub mod picture;
pub mod scores;
pub mod text;
