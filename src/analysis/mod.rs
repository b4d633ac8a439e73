//! Analysis of workshop data: pure functions, tested natively.

pub mod stats;
