//! Participants taking part from their own phones.
//!
//! - [`qr_decode`]: QR codes read from camera frames (the Collect view's scanner).

pub mod qr_decode;
