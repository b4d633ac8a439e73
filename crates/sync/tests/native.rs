//! The live room's native tests: the mapping's round trip and convergence, the cipher, and
//! rooms talking through an in-memory relay that behaves as `@y/websocket-server` does.

mod native {
    pub mod compaction;
    pub mod convergence;
    pub mod crypto;
    pub mod drops;
    pub mod mapping;
    pub mod relay;
    pub mod rooms;
    pub mod workshops;
}
