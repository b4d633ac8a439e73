//! Concept-map layouts (placeholder, being written).
