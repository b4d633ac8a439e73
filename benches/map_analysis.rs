//! Map analysis benchmark (placeholder, being written).
fn main() {}
