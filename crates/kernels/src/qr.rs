//! QR codes found and read in a greyscale frame by `rqrr`, here so that rqrr's generic code is
//! compiled at `opt-level = 3` (its instantiations are made in this crate).
//!
//! rqrr looks at every pair of finder patterns ("capstones") it sees, and copies the whole frame
//! for each pair it tries: a frame full of finder-like squares (a chequered shirt, a poster of
//! codes) took minutes. So the frame is first scanned the way rqrr scans it, and one that shows
//! more than [`MAX_FINDERS`] candidate finder patterns is not searched at all.

use rqrr::PreparedImage;

/// A frame with more finder patterns than this is not searched: four codes' worth. rqrr's time
/// grows with each one (about 5 ms each natively on a busy machine, measured on a grid of them).
pub const MAX_FINDERS: usize = 12;

/// The texts of the QR codes in a greyscale frame (`width × height` bytes, 0 black), each
/// once, at most `max_codes`. Dark codes on a light ground are looked for first; if there are
/// none, light codes on a dark ground (a phone in its dark scheme). A frame whose byte count is
/// not `width × height` gives nothing.
///
/// rqrr's own search (which copies the frame for each pair of finders it tries) runs only when
/// three to [`MAX_FINDERS`] finder patterns are seen, as a code has three: a frame with no code
/// is done with after the count.
pub fn read_qr(width: usize, height: usize, grey: &[u8], max_codes: usize) -> Vec<String> {
    if width == 0 || height == 0 || width.checked_mul(height) != Some(grey.len()) {
        return Vec::new();
    }
    let image = PreparedImage::prepare_from_greyscale(width, height, |x, y| grey[y * width + x]);
    let mut dark = Vec::with_capacity(grey.len());
    for y in 0..height {
        for x in 0..width {
            dark.push(u8::from(image.get_pixel_at(x, y)) == 1);
        }
    }
    let regions = Regions::new(width, height, &dark);
    let mut first = Some(image);
    for inverted in [false, true] {
        let finders = capstone_count(width, height, &dark, inverted, &regions);
        if !(3..=MAX_FINDERS).contains(&finders) {
            continue;
        }
        // The same thresholding read the other way round: regions are the same, colours swap.
        let mut image = match first.take() {
            Some(image) if !inverted => image,
            _ => PreparedImage::prepare_from_bitmap(width, height, |x, y| {
                dark[y * width + x] != inverted
            }),
        };
        let mut texts: Vec<String> = Vec::new();
        for grid in image.detect_grids().into_iter().take(max_codes) {
            if let Ok((_, text)) = grid.decode()
                && !texts.contains(&text)
            {
                texts.push(text);
            }
        }
        if !texts.is_empty() {
            return texts;
        }
    }
    Vec::new()
}

/// How many finder patterns ("capstones") rqrr will find in a thresholded frame (`dark`, row by
/// row): its own test, made without changing the frame. Along each row, runs of dark / light /
/// dark / light / dark in the ratio 1:1:3:1:1, where the outer dark runs are one region (the
/// ring), the middle one another (the stone), and the stone's area is 10–70 % of the ring's.
/// Regions are 4-connected, as rqrr's flood fill makes them; each ring is counted once.
/// `inverted` counts light patterns on a dark ground instead.
fn capstone_count(
    width: usize,
    height: usize,
    dark: &[bool],
    inverted: bool,
    regions: &Regions,
) -> usize {
    let mut rings: Vec<u32> = Vec::new();
    for y in 0..height {
        let row = &dark[y * width..(y + 1) * width];
        let mut runs = [0usize; 5];
        let mut run = 1;
        let mut changes = 0;
        let mut last = row[0] != inverted;
        for x in 1..=width {
            // A light pixel past the end closes a pattern that touches the right edge.
            let colour = row.get(x).is_some_and(|&d| d != inverted);
            if colour == last {
                run += 1;
                continue;
            }
            last = colour;
            runs.rotate_left(1);
            runs[4] = run;
            run = 1;
            changes += 1;
            if colour || changes < 5 || !ratio_fits(&runs) {
                continue;
            }
            let left = x - runs.iter().sum::<usize>();
            let stone = x - runs[2..].iter().sum::<usize>();
            let right = x - runs[4];
            let ring = regions.root(y * width + right);
            let middle = regions.root(y * width + stone);
            if ring != regions.root(y * width + left) || ring == middle {
                continue;
            }
            let ratio = regions.area(middle) * 100 / regions.area(ring);
            if 10 < ratio && ratio < 70 && !rings.contains(&ring) {
                rings.push(ring);
                if rings.len() > MAX_FINDERS {
                    // Past the limit: no need to look further.
                    return rings.len();
                }
            }
        }
    }
    rings.len()
}

/// 4-connected regions of equal colour, by union–find over the pixels.
struct Regions {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl Regions {
    fn new(width: usize, height: usize, dark: &[bool]) -> Regions {
        let n = width * height;
        let mut r = Regions {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        };
        for y in 0..height {
            for x in 0..width {
                let i = y * width + x;
                if x > 0 && dark[i - 1] == dark[i] {
                    r.union(i - 1, i);
                }
                if y > 0 && dark[i - width] == dark[i] {
                    r.union(i - width, i);
                }
            }
        }
        r
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] as usize != i {
            let up = self.parent[self.parent[i] as usize];
            self.parent[i] = up;
            i = up as usize;
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (big, small) = if self.size[a] >= self.size[b] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small] = big as u32;
        self.size[big] += self.size[small];
    }

    /// The region of pixel `i` (read-only: follows parents without compressing).
    fn root(&self, mut i: usize) -> u32 {
        while self.parent[i] as usize != i {
            i = self.parent[i] as usize;
        }
        i as u32
    }

    fn area(&self, root: u32) -> usize {
        self.size[root as usize] as usize
    }
}

/// rqrr's test: the five runs are 1:1:3:1:1 within three quarters of the average unit.
fn ratio_fits(runs: &[usize; 5]) -> bool {
    const CHECK: [usize; 5] = [1, 1, 3, 1, 1];
    let avg = (runs[0] + runs[1] + runs[3] + runs[4]) / 4;
    let err = avg * 3 / 4;
    runs.iter()
        .zip(CHECK)
        .all(|(&r, c)| r + err >= c * avg && r <= c * avg + err)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 7 × 7 finder pattern drawn at `module` pixels, top left at (x0, y0).
    fn finder(x: usize, y: usize, x0: usize, y0: usize, module: usize) -> bool {
        if x < x0 || y < y0 {
            return false;
        }
        let (mx, my) = ((x - x0) / module, (y - y0) / module);
        if mx >= 7 || my >= 7 {
            return false;
        }
        mx.abs_diff(3).max(my.abs_diff(3)) != 2
    }

    fn count(w: usize, h: usize, dark: impl Fn(usize, usize) -> bool) -> usize {
        let bits: Vec<bool> = (0..w * h).map(|i| dark(i % w, i / w)).collect();
        let regions = Regions::new(w, h, &bits);
        let inverted: Vec<bool> = bits.iter().map(|b| !b).collect();
        let n = capstone_count(w, h, &bits, false, &regions);
        assert_eq!(n, capstone_count(w, h, &inverted, true, &regions));
        n
    }

    #[test]
    fn one_finder_counts_once() {
        for module in [1, 2, 3, 5, 8] {
            let n = count(100, 100, |x, y| finder(x, y, 10, 20, module));
            assert_eq!(n, 1, "module {module}");
        }
    }

    #[test]
    fn a_blank_frame_has_none_and_a_grid_many() {
        assert_eq!(count(50, 50, |_, _| false), 0);
        let grid = count(120, 120, |x, y| finder(x % 40, y % 40, 5, 5, 3));
        assert_eq!(grid, 9);
        let many = count(400, 400, |x, y| finder(x % 40, y % 40, 5, 5, 3));
        assert_eq!(many, MAX_FINDERS + 1, "counting stops past the limit");
    }

    #[test]
    fn wrong_sizes_give_nothing() {
        assert!(read_qr(0, 5, &[], 8).is_empty());
        assert!(read_qr(4, 4, &[0; 15], 8).is_empty());
    }
}
