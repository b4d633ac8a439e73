//! The scanner's decoder on frames like a camera's: QR codes rendered by the `qrcode` crate at
//! several sizes, placed in a larger frame, scaled by odd factors, turned, blurred, noisy, low in
//! contrast, inverted and as RGBA; and frames with no code (blank, noise, byte soup, many finder
//! patterns) that give nothing, quickly, without a panic.

use cstw_core::participate::qr_decode::{
    Layout, MAX_CODES, MAX_PIXELS, decode, decode_grey, decode_rgba,
};
use proptest::prelude::*;
use qrcode::{Color, EcLevel, QrCode};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so every run sees the same frames.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A greyscale frame, 0 black, 255 white.
struct Frame {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// How the code is drawn into the frame.
struct Look {
    /// Pixels a module (may be fractional: the code is resampled).
    module: f64,
    /// Turned by this many degrees about its centre.
    turn: f64,
    /// Dark and light levels.
    dark: u8,
    light: u8,
    /// Uniform noise added to each pixel, ± this much.
    noise: u8,
    /// A 3×3 box blur, this many times.
    blur: usize,
}

impl Default for Look {
    fn default() -> Self {
        Look {
            module: 4.0,
            turn: 0.0,
            dark: 20,
            light: 235,
            noise: 0,
            blur: 0,
        }
    }
}

/// The code for `text`, drawn as a camera would see it in a `width × height` frame: quiet zone
/// of four modules, centred, on a mid-grey background.
fn render(text: &str, ec: EcLevel, look: &Look, width: usize, height: usize) -> Frame {
    render_flipped(text, ec, look, width, height, &[])
}

/// [`render`] with the modules at `flipped` (column, row) drawn the other colour: a smudge.
fn render_flipped(
    text: &str,
    ec: EcLevel,
    look: &Look,
    width: usize,
    height: usize,
    flipped: &[(i64, i64)],
) -> Frame {
    let code = QrCode::with_error_correction_level(text.as_bytes(), ec).expect("text fits");
    let n = code.width() as i64;
    let mut colors = code.to_colors();
    for &(x, y) in flipped {
        let c = &mut colors[(y * n + x) as usize];
        *c = if *c == Color::Dark {
            Color::Light
        } else {
            Color::Dark
        };
    }
    let quiet = 4i64;
    let side = (n + 2 * quiet) as f64 * look.module;
    let (cx, cy) = (width as f64 / 2.0, height as f64 / 2.0);
    let (sin, cos) = look.turn.to_radians().sin_cos();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (text.len() as u64));
    let mut pixels = vec![128u8; width * height];
    for y in 0..height {
        for x in 0..width {
            // Back from the frame into the code's own square (turned the other way).
            let (dx, dy) = (x as f64 + 0.5 - cx, y as f64 + 0.5 - cy);
            let u = cos * dx + sin * dy + side / 2.0;
            let v = -sin * dx + cos * dy + side / 2.0;
            if u < 0.0 || v < 0.0 || u >= side || v >= side {
                continue;
            }
            let (mx, my) = (
                (u / look.module) as i64 - quiet,
                (v / look.module) as i64 - quiet,
            );
            let dark = (0..n).contains(&mx)
                && (0..n).contains(&my)
                && colors[(my * n + mx) as usize] == Color::Dark;
            pixels[y * width + x] = if dark { look.dark } else { look.light };
        }
    }
    for _ in 0..look.blur {
        pixels = box_blur(&pixels, width, height);
    }
    if look.noise > 0 {
        let span = 2 * u64::from(look.noise) + 1;
        for p in &mut pixels {
            let delta = rng.below(span) as i32 - i32::from(look.noise);
            *p = (i32::from(*p) + delta).clamp(0, 255) as u8;
        }
    }
    Frame {
        width,
        height,
        pixels,
    }
}

fn box_blur(src: &[u8], w: usize, h: usize) -> Vec<u8> {
    let mut out = src.to_vec();
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            let mut sum = 0u32;
            for yy in y - 1..=y + 1 {
                for xx in x - 1..=x + 1 {
                    sum += u32::from(src[yy * w + xx]);
                }
            }
            out[y * w + x] = (sum / 9) as u8;
        }
    }
    out
}

fn inverted(frame: &Frame) -> Frame {
    Frame {
        width: frame.width,
        height: frame.height,
        pixels: frame.pixels.iter().map(|p| 255 - p).collect(),
    }
}

fn rgba(frame: &Frame) -> Vec<u8> {
    frame
        .pixels
        .iter()
        .flat_map(|&g| [g, g.saturating_add(10), g, 255])
        .collect()
}

/// A response's size of text: what a phone sends for a round of a dozen elements.
fn response_like() -> String {
    let mut s = String::from("https://example.org/cst/#/r/");
    let mut rng = Rng(42);
    let digits = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for _ in 0..260 {
        s.push(digits[rng.below(64) as usize] as char);
    }
    s
}

#[track_caller]
fn reads(frame: &Frame, want: &str) {
    let got = decode_grey(frame.width, frame.height, &frame.pixels);
    assert_eq!(got, vec![want.to_string()]);
}

/// Phones' texts: a short one (a round of three elements), a link-sized one (a dozen elements
/// with a comment) and a long one (the length at which rqrr still reads a sharp code).
fn texts() -> [String; 3] {
    let long = response_like();
    ["r1:abc:3,4,5".to_string(), long[..100].to_string(), long]
}

/// Smudged modules in the data area (between the finder patterns, clear of the timing and
/// format modules) are put right by the code's Reed-Solomon correction, which runs on the
/// Galois field arithmetic of our copy of g2gen (vendor/README.md); more than it can correct
/// reads nothing rather than something wrong.
#[test]
fn smudged_codes_are_corrected_and_too_many_smudges_read_nothing() {
    let text = "r1:abc:3,4,5";
    let look = Look {
        module: 5.0,
        ..Look::default()
    };
    let smudge: Vec<(i64, i64)> = (9..12).flat_map(|y| (9..12).map(move |x| (x, y))).collect();
    reads(
        &render_flipped(text, EcLevel::H, &look, 640, 480, &smudge),
        text,
    );
    reads(
        &render_flipped(text, EcLevel::M, &look, 640, 480, &smudge[..4]),
        text,
    );
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).expect("fits");
    let n = code.width() as i64;
    let ruin: Vec<(i64, i64)> = (9..n)
        .flat_map(|y| (9..n).map(move |x| (x, y)))
        .filter(|&(x, y)| (x + y) % 2 == 0)
        .collect();
    let got = decode_grey(
        640,
        480,
        &render_flipped(text, EcLevel::L, &look, 640, 480, &ruin).pixels,
    );
    assert!(
        !got.contains(&text.to_string()) && got.is_empty(),
        "{got:?}"
    );
}

#[test]
fn codes_are_read_at_several_sizes() {
    let [short, medium, long] = texts();
    for (text, modules) in [
        (&short, &[2.0, 3.0, 5.0, 9.0][..]),
        (&medium, &[3.0, 4.0, 6.0][..]),
        (&long, &[3.0, 4.0][..]),
    ] {
        for &module in modules {
            let look = Look {
                module,
                ..Look::default()
            };
            reads(&render(text, EcLevel::M, &look, 640, 480), text);
        }
    }
}

#[test]
fn codes_are_read_at_odd_scales_and_turned() {
    let [_, medium, long] = texts();
    for (module, turn) in [(3.3, 0.0), (3.7, 8.0), (4.2, -20.0), (5.5, 45.0)] {
        let look = Look {
            module,
            turn,
            ..Look::default()
        };
        reads(&render(&medium, EcLevel::M, &look, 640, 480), &medium);
    }
    for (module, turn) in [(3.3, 0.0), (4.2, -20.0)] {
        let look = Look {
            module,
            turn,
            ..Look::default()
        };
        reads(&render(&long, EcLevel::M, &look, 640, 480), &long);
    }
}

#[test]
fn codes_are_read_through_noise_blur_and_low_contrast() {
    let [_, medium, long] = texts();
    let noisy = Look {
        module: 3.5,
        noise: 40,
        ..Look::default()
    };
    reads(&render(&long, EcLevel::M, &noisy, 640, 480), &long);
    for blur in [1, 2] {
        let soft = Look {
            module: 4.0,
            blur,
            noise: 12,
            ..Look::default()
        };
        reads(&render(&medium, EcLevel::M, &soft, 640, 480), &medium);
    }
    for (dark, light) in [(60, 190), (90, 170)] {
        let dim = Look {
            module: 4.0,
            dark,
            light,
            noise: 10,
            ..Look::default()
        };
        reads(&render(&long, EcLevel::M, &dim, 640, 480), &long);
    }
}

#[test]
fn light_on_dark_codes_are_read() {
    let [short, medium, _] = texts();
    for text in [short, medium] {
        let look = Look {
            module: 5.0,
            noise: 20,
            ..Look::default()
        };
        reads(
            &inverted(&render(&text, EcLevel::M, &look, 640, 480)),
            &text,
        );
    }
}

#[test]
fn rgba_frames_and_large_frames_are_read() {
    let text = response_like();
    let frame = render(&text, EcLevel::M, &Look::default(), 640, 480);
    assert_eq!(decode_rgba(640, 480, &rgba(&frame)), vec![text.clone()]);
    // A full-HD frame is shrunk below the cap first, and the code still reads.
    let big = Look {
        module: 9.0,
        ..Look::default()
    };
    let frame = render(&text, EcLevel::M, &big, 1920, 1080);
    const { assert!(1920 * 1080 > MAX_PIXELS) };
    assert_eq!(
        decode(1920, 1080, &frame.pixels, Layout::Grey),
        vec![text.clone()]
    );
}

#[test]
fn two_codes_in_one_frame_are_both_read_once_each() {
    let look = Look {
        module: 4.0,
        ..Look::default()
    };
    let a = render("first", EcLevel::M, &look, 320, 480);
    let b = render("second", EcLevel::M, &look, 320, 480);
    let mut pixels = Vec::with_capacity(640 * 480);
    for y in 0..480 {
        pixels.extend_from_slice(&a.pixels[y * 320..(y + 1) * 320]);
        pixels.extend_from_slice(&b.pixels[y * 320..(y + 1) * 320]);
    }
    let mut got = decode_grey(640, 480, &pixels);
    got.sort();
    assert_eq!(got, vec!["first".to_string(), "second".to_string()]);
    assert!(got.len() <= MAX_CODES);
}

#[test]
fn frames_without_a_code_give_nothing() {
    let blank = vec![255u8; 640 * 480];
    assert!(decode_grey(640, 480, &blank).is_empty());
    let black = vec![0u8; 640 * 480];
    assert!(decode_grey(640, 480, &black).is_empty());
    let mut rng = Rng(7);
    let noise: Vec<u8> = (0..640 * 480).map(|_| rng.next() as u8).collect();
    assert!(decode_grey(640, 480, &noise).is_empty());
    let stripes: Vec<u8> = (0..640 * 480)
        .map(|i| if (i % 640) / 3 % 2 == 0 { 0 } else { 255 })
        .collect();
    assert!(decode_grey(640, 480, &stripes).is_empty());
}

/// A damaged code (a third of it painted over) gives nothing rather than wrong text.
#[test]
fn a_damaged_code_gives_nothing() {
    let text = response_like();
    let mut frame = render(&text, EcLevel::L, &Look::default(), 640, 480);
    for y in 0..480 {
        for x in 280..400 {
            frame.pixels[y * 640 + x] = 255;
        }
    }
    assert!(decode_grey(640, 480, &frame.pixels).is_empty());
}

/// Many finder-like squares in one frame (a chequered shirt, a tiled poster) cost rqrr a
/// search over pairs of them that took minutes a frame: such a frame is not searched, and
/// gives nothing at once.
#[test]
fn a_frame_full_of_finder_patterns_finishes() {
    let (w, h) = (640, 480);
    let mut pixels = vec![255u8; w * h];
    let finder = |x: usize, y: usize| -> bool {
        let d = x.abs_diff(3).max(y.abs_diff(3));
        d != 2
    };
    for cell in [7usize, 9, 14] {
        pixels.fill(255);
        for y in 0..h {
            for x in 0..w {
                let (cx, cy) = (x / cell, y / cell);
                let (ux, uy) = ((x % cell) * 9 / cell, (y % cell) * 9 / cell);
                if (cx + cy) % 2 == 0 && ux < 7 && uy < 7 && finder(ux, uy) {
                    pixels[y * w + x] = 0;
                }
            }
        }
        let start = Instant::now();
        let got = decode_grey(w, h, &pixels);
        let took = start.elapsed();
        assert!(got.is_empty());
        assert!(
            took < Duration::from_millis(500),
            "a frame of finder patterns ({cell} px) took {took:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Byte soup of any size, in either layout, never panics.
    #[test]
    fn byte_soup_never_panics(
        width in 0usize..200,
        height in 0usize..200,
        rgba_layout in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let layout = if rgba_layout { Layout::Rgba } else { Layout::Grey };
        let bpp = if rgba_layout { 4 } else { 1 };
        let mut rng = Rng(seed | 1);
        let bytes: Vec<u8> = (0..width * height * bpp).map(|_| rng.next() as u8).collect();
        let got = decode(width, height, &bytes, layout);
        prop_assert!(got.len() <= MAX_CODES);
    }

    /// A real code with random damage (pixels flipped in blocks) never panics, and anything it
    /// reads is the code's own text.
    #[test]
    fn damaged_codes_never_panic_or_misread(
        blocks in proptest::collection::vec((0usize..600, 0usize..440, 1usize..40, any::<bool>()), 0..30),
        module in 2.0f64..6.0,
    ) {
        let text = "damaged:1234567890";
        let look = Look { module, ..Look::default() };
        let mut frame = render(text, EcLevel::M, &look, 640, 480);
        for (x, y, size, dark) in blocks {
            for yy in y..(y + size).min(480) {
                for xx in x..(x + size).min(640) {
                    frame.pixels[yy * 640 + xx] = if dark { 0 } else { 255 };
                }
            }
        }
        let got = decode_grey(640, 480, &frame.pixels);
        prop_assert!(got.iter().all(|t| t == text), "misread: {got:?}");
    }
}
