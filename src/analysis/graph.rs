//! Concept-map analysis on a petgraph graph built on demand (placeholder, being written).
