//! Time to decode one 640 × 480 camera frame, natively: a frame with a response-sized QR code,
//! one with a light-on-dark code (read on the second pass), a small one (two pixels a module:
//! read at full size after the half-size pass), and one of camera-like noise with no code (the
//! common case while nobody holds up a phone). Each beside the full-size-only decode that the
//! half-size first pass replaced.
//!
//! `cargo bench -p cstw-core --bench qr_decode` prints the median and p95 over many runs. Not a pass/fail
//! test: the numbers depend on the machine. The browser's figure is the `cstw-qr-decode`
//! performance measure the scanner records for each frame (see README).

use std::time::Instant;

use cstw_core::participate::qr_decode::{Layout, decode_full_size, decode_rgba};
use qrcode::{Color, EcLevel, QrCode};

const W: usize = 640;
const H: usize = 480;

/// An RGBA frame with the code for `text` in its middle, `module` pixels a module, on a grey ground
/// with a little noise.
fn frame(text: Option<&str>, inverted: bool, module: usize) -> Vec<u8> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut grey = vec![128u8; W * H];
    if let Some(text) = text {
        let code = QrCode::with_error_correction_level(text, EcLevel::M).expect("fits");
        let n = code.width();
        let colors = code.to_colors();
        let side = (n + 8) * module;
        let (x0, y0) = ((W - side) / 2, (H - side) / 2);
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / module) as isize - 4, (y / module) as isize - 4);
                let inside = (0..n as isize).contains(&mx) && (0..n as isize).contains(&my);
                let dark = inside && colors[my as usize * n + mx as usize] == Color::Dark;
                grey[(y0 + y) * W + x0 + x] = if dark != inverted { 25 } else { 230 };
            }
        }
    }
    grey.iter()
        .flat_map(|&g| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let v = (i32::from(g) + (seed % 21) as i32 - 10).clamp(0, 255) as u8;
            [v, v, v, 255]
        })
        .collect()
}

fn time(name: &str, rgba: &[u8], expect: usize) {
    assert_eq!(decode_rgba(W, H, rgba).len(), expect, "{name}");
    assert_eq!(
        decode_full_size(W, H, rgba, Layout::Rgba).len(),
        expect,
        "{name}"
    );
    // Interleaved, so both see the same load: the decode as the scanner does it (half size
    // first) and the full-size-only decode it replaced.
    let (mut now, mut full) = (Vec::new(), Vec::new());
    for _ in 0..60 {
        let start = Instant::now();
        std::hint::black_box(decode_rgba(W, H, std::hint::black_box(rgba)));
        now.push(start.elapsed().as_secs_f64() * 1000.0);
        let start = Instant::now();
        std::hint::black_box(decode_full_size(
            W,
            H,
            std::hint::black_box(rgba),
            Layout::Rgba,
        ));
        full.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    for runs in [&mut now, &mut full] {
        runs.sort_by(f64::total_cmp);
    }
    println!(
        "qr_decode 640x480 {name:<26} median {:6.2} ms  p95 {:6.2} ms   (full size only: median {:6.2} ms  p95 {:6.2} ms)",
        now[now.len() / 2],
        now[now.len() * 95 / 100],
        full[full.len() / 2],
        full[full.len() * 95 / 100]
    );
}

fn main() {
    let text = format!("https://example.org/cst/#/r/{}", "Ab3-_x9Q".repeat(25));
    time("with a code", &frame(Some(&text), false, 4), 1);
    time("with a light-on-dark code", &frame(Some(&text), true, 4), 1);
    // A small (distant) code: too fine at half size, so the full frame is read too.
    time("with a small code", &frame(Some(&text), false, 2), 1);
    time("without a code", &frame(None, false, 4), 0);
}
