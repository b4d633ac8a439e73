//! Exports are pure functions from the model to text or bytes: no clock, no browser. The UI
//! decides file names and offers the result as a download.

pub mod blocks;
pub mod boundary;
pub mod by_group;
pub mod csv;
pub mod map;
pub mod margins;
pub mod picture;
pub mod report;
pub mod scoring;
pub mod scoring_svg;
pub mod xml;
