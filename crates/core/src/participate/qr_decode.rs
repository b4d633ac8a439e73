//! QR codes read from camera frames: pure, bounded, never panics.
//!
//! The Collect view's scanner grabs a frame from the camera about five times a second, as RGBA
//! pixels from a canvas, and asks [`decode_rgba`] for the texts of the QR codes in it. Decoding
//! is done by the `rqrr` crate (a port of quirc) in Rust, so it works the same in every browser.
//!
//! Work is bounded: a frame larger than [`MAX_PIXELS`] is first shrunk by an integer factor
//! (box average), at most [`MAX_CODES`] codes are read from one frame, a frame with more
//! finder-like patterns than `cstw_kernels::qr::MAX_FINDERS` is not searched, and a frame whose
//! size does not match its bytes gives nothing. Light codes on a dark ground are read too (a
//! second pass); a frame that holds no code gives an empty list.

use cstw_kernels::qr::read_qr;

/// The largest frame decoded as it is; larger frames are shrunk first. 1280 × 960: twice the
/// scanner's own frames (≤ 640 px wide) in each direction, so a caller's frame is never cut.
pub const MAX_PIXELS: usize = 1280 * 960;

/// At most this many codes are read from one frame.
pub const MAX_CODES: usize = 4;

/// How a frame's bytes are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One byte a pixel: luminance, 0 black, 255 white.
    Grey,
    /// Four bytes a pixel: red, green, blue, alpha (what a canvas's `getImageData` gives).
    Rgba,
}

impl Layout {
    fn bytes_per_pixel(self) -> usize {
        match self {
            Layout::Grey => 1,
            Layout::Rgba => 4,
        }
    }
}

/// The texts of the QR codes in an RGBA frame (`width × height × 4` bytes), each once, in the
/// order found. Nothing for a frame whose byte count does not match its size.
pub fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    decode(width, height, rgba, Layout::Rgba)
}

/// The texts of the QR codes in a greyscale frame (`width × height` bytes).
pub fn decode_grey(width: usize, height: usize, grey: &[u8]) -> Vec<String> {
    decode(width, height, grey, Layout::Grey)
}

/// A frame at least this wide and high is first read at half its size.
pub const HALF_FIRST: usize = 320;

/// The texts of the QR codes in a frame of either layout.
///
/// A frame of at least [`HALF_FIRST`] pixels each way is first read at half its size (a quarter
/// of the pixels): a participant's phone held up to the camera fills a good part of the
/// picture, so that usually reads it, and a frame with no code at all (most frames: nobody is
/// holding anything up) is done with there. Only when the half frame shows a finder pattern
/// but reads nothing (a small or distant code) is the full frame read.
pub fn decode(width: usize, height: usize, bytes: &[u8], layout: Layout) -> Vec<String> {
    let Some(frame) = to_grey(width, height, bytes, layout) else {
        return Vec::new();
    };
    if frame.width >= HALF_FIRST && frame.height >= HALF_FIRST {
        let half = frame.halved();
        let texts = read_qr(half.width, half.height, &half.pixels, MAX_CODES);
        if !texts.is_empty() {
            return texts;
        }
    }
    read_qr(frame.width, frame.height, &frame.pixels, MAX_CODES)
}

/// As [`decode`], always at full size: the benchmark's baseline (`benches/qr_decode.rs`).
pub fn decode_full_size(width: usize, height: usize, bytes: &[u8], layout: Layout) -> Vec<String> {
    match to_grey(width, height, bytes, layout) {
        Some(frame) => read_qr(frame.width, frame.height, &frame.pixels, MAX_CODES),
        None => Vec::new(),
    }
}

/// A greyscale frame no larger than [`MAX_PIXELS`].
#[derive(Debug, Clone)]
struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl Grey {
    /// The frame at half its size each way, each pixel the mean of a 2 × 2 block.
    fn halved(&self) -> Grey {
        let (w, h) = (self.width / 2, self.height / 2);
        let mut pixels = Vec::with_capacity(w * h);
        for y in 0..h {
            let top = &self.pixels[2 * y * self.width..][..2 * w];
            let bottom = &self.pixels[(2 * y + 1) * self.width..][..2 * w];
            for (t, b) in top.chunks_exact(2).zip(bottom.chunks_exact(2)) {
                let sum = u16::from(t[0]) + u16::from(t[1]) + u16::from(b[0]) + u16::from(b[1]);
                pixels.push((sum / 4) as u8);
            }
        }
        Grey {
            width: w,
            height: h,
            pixels,
        }
    }
}

/// The frame as luminance, shrunk by an integer factor to at most [`MAX_PIXELS`]; `None` for an
/// empty frame or one whose byte count is not `width × height × bytes a pixel`.
fn to_grey(width: usize, height: usize, bytes: &[u8], layout: Layout) -> Option<Grey> {
    let bpp = layout.bytes_per_pixel();
    let count = width.checked_mul(height)?;
    if count == 0 || count.checked_mul(bpp)? != bytes.len() {
        return None;
    }
    let mut factor = 1;
    while (width / factor) * (height / factor) > MAX_PIXELS {
        factor += 1;
    }
    let (w, h) = (width / factor, height / factor);
    if w == 0 || h == 0 {
        return None;
    }
    let luma = |i: usize| -> u32 {
        match layout {
            Layout::Grey => u32::from(bytes[i]),
            Layout::Rgba => {
                let p = &bytes[i * 4..i * 4 + 4];
                // Rec. 601 weights in fixed point; a transparent pixel counts as white.
                let y = (77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8;
                let a = u32::from(p[3]);
                (y * a + 255 * (255 - a)) / 255
            }
        }
    };
    if factor == 1 && layout == Layout::Grey {
        return Some(Grey {
            width,
            height,
            pixels: bytes.to_vec(),
        });
    }
    let mut pixels = Vec::with_capacity(w * h);
    let area = (factor * factor) as u32;
    for y in 0..h {
        for x in 0..w {
            let mut sum = 0u32;
            for dy in 0..factor {
                let row = (y * factor + dy) * width;
                for dx in 0..factor {
                    sum += luma(row + x * factor + dx);
                }
            }
            pixels.push((sum / area) as u8);
        }
    }
    Some(Grey {
        width: w,
        height: h,
        pixels,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_sizes_give_nothing() {
        assert!(decode_grey(0, 0, &[]).is_empty());
        assert!(decode_grey(10, 10, &[0; 99]).is_empty());
        assert!(decode_rgba(10, 10, &[0; 100]).is_empty());
        assert!(decode_grey(usize::MAX, 2, &[0; 4]).is_empty());
    }

    #[test]
    fn large_frames_are_shrunk_below_the_cap() {
        let g = to_grey(2000, 1500, &vec![200; 2000 * 1500], Layout::Grey).unwrap();
        assert!(g.width * g.height <= MAX_PIXELS);
        assert_eq!((g.width, g.height), (1000, 750));
        assert!(g.pixels.iter().all(|&v| v == 200));
    }

    #[test]
    fn rgba_is_read_as_luminance_and_transparency_as_white() {
        let px = [255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0];
        let g = to_grey(3, 1, &px, Layout::Rgba).unwrap();
        assert_eq!(g.pixels[1], 0);
        assert!(g.pixels[0] >= 254);
        assert_eq!(g.pixels[2], 255);
    }
}
