//! Participants' responses collected on the facilitator's laptop.
//!
//! - [`scan`]: the camera scanner (`QrScanner`) of the Collect view.

// Until the Collect view (the phones branch) mounts it.
#[allow(dead_code)]
pub mod scan;
