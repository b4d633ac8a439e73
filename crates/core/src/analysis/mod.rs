//! Analysis of workshop data: pure functions, tested natively.

pub mod by_group;
pub mod findings;
pub mod graph;
pub mod group_layout;
pub mod ink;
pub mod labels;
pub mod layout;
pub mod placement;
pub mod stats;
