//! The rounds of the force-directed layout (`cstw_core::analysis::layout::force`): repulsion
//! between nodes nearer than a cutoff (found through a grid rebuilt each round), attraction
//! along links, a weak pull to the middle, and a step capped by a falling temperature. Here,
//! compiled for speed, because at `"z"` every index into a slice was a call (measured: a
//! 5,000-node layout in the worker).
//!
//! Floors and caps are written as comparisons, not `f64::max` / `min`, which in wasm are calls
//! to `fmax` / `fmin`; the values are the same, NaN included.

/// What a layout starts from: the nodes' places (changed in place), the links as pairs of
/// indices into them, the middle they are pulled to, and the ideal distance `k`.
pub struct Force<'a> {
    pub xs: &'a mut [f64],
    pub ys: &'a mut [f64],
    pub edges: &'a [(u32, u32)],
    pub centre: (f64, f64),
    pub k: f64,
    pub rounds: usize,
}

#[inline]
fn at_least(v: f64, floor: f64) -> f64 {
    if v >= floor { v } else { floor }
}

/// Runs the rounds; `progress` hears the share done after each.
pub fn run(f: Force<'_>, progress: &mut dyn FnMut(f64)) {
    let Force {
        xs,
        ys,
        edges,
        centre,
        k,
        rounds,
    } = f;
    let n = xs.len().min(ys.len());
    if n == 0 {
        return;
    }
    let cutoff = 2.0 * k;
    let mut dx_of = vec![0.0f64; n];
    let mut dy_of = vec![0.0f64; n];
    // A flat grid rebuilt each round by counting sort: cell `c` holds
    // `members[starts[c]..starts[c + 1]]`.
    let mut cell_of = vec![0usize; n];
    let mut starts: Vec<usize> = Vec::new();
    let mut members = vec![0usize; n];
    let mut fill: Vec<usize> = Vec::new();
    for round in 0..rounds {
        let t = k * 2.0 * (1.0 - round as f64 / rounds as f64) + k * 0.02;
        dx_of.fill(0.0);
        dy_of.fill(0.0);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..n {
            let (x, y) = (xs[i], ys[i]);
            if x < x0 {
                x0 = x;
            }
            if x > x1 {
                x1 = x;
            }
            if y < y0 {
                y0 = y;
            }
            if y > y1 {
                y1 = y;
            }
        }
        // Never more than about four cells a node: a spread-out map gets bigger cells.
        let mut cell = cutoff;
        while ((x1 - x0) / cell + 1.0) * ((y1 - y0) / cell + 1.0) > 4.0 * n as f64 + 16.0 {
            cell *= 1.5;
        }
        let cols = ((x1 - x0) / cell) as usize + 1;
        let rows = ((y1 - y0) / cell) as usize + 1;
        starts.clear();
        starts.resize(cols * rows + 1, 0);
        for i in 0..n {
            let c = ((ys[i] - y0) / cell) as usize * cols + ((xs[i] - x0) / cell) as usize;
            cell_of[i] = c;
            starts[c + 1] += 1;
        }
        for c in 0..cols * rows {
            starts[c + 1] += starts[c];
        }
        fill.clear();
        fill.extend_from_slice(&starts);
        for (i, c) in cell_of.iter().enumerate() {
            members[fill[*c]] = i;
            fill[*c] += 1;
        }
        let (px, py) = (&*xs, &*ys);
        let mut repel = |i: usize, j: usize| {
            let (dx, dy) = (px[i] - px[j], py[i] - py[j]);
            let d2 = at_least(dx * dx + dy * dy, 1.0);
            if d2 < cutoff * cutoff {
                let f = k * k / d2;
                dx_of[i] += dx * f;
                dy_of[i] += dy * f;
                dx_of[j] -= dx * f;
                dy_of[j] -= dy * f;
            }
        };
        // Each pair once: a cell with itself, and with the four neighbours after it.
        for cy in 0..rows {
            for cx in 0..cols {
                let c = cy * cols + cx;
                let here = &members[starts[c]..starts[c + 1]];
                for (a, &i) in here.iter().enumerate() {
                    for &j in &here[a + 1..] {
                        repel(i, j);
                    }
                }
                let after = [
                    (cx + 1 < cols).then(|| c + 1),
                    (cy + 1 < rows && cx > 0).then(|| c + cols - 1),
                    (cy + 1 < rows).then(|| c + cols),
                    (cy + 1 < rows && cx + 1 < cols).then(|| c + cols + 1),
                ];
                for o in after.into_iter().flatten() {
                    for &i in here {
                        for &j in &members[starts[o]..starts[o + 1]] {
                            repel(i, j);
                        }
                    }
                }
            }
        }
        for &(a, b) in edges {
            let (a, b) = (a as usize, b as usize);
            if a >= n || b >= n {
                continue;
            }
            let (dx, dy) = (xs[a] - xs[b], ys[a] - ys[b]);
            let d = at_least((dx * dx + dy * dy).sqrt(), 1.0);
            let f = d / k;
            dx_of[a] -= dx * f;
            dy_of[a] -= dy * f;
            dx_of[b] += dx * f;
            dy_of[b] += dy * f;
        }
        for i in 0..n {
            // A weak pull to the middle keeps separate pieces from drifting apart.
            dx_of[i] -= (xs[i] - centre.0) * 0.002;
            dy_of[i] -= (ys[i] - centre.1) * 0.002;
            let len = dx_of[i].hypot(dy_of[i]);
            if len > 0.0 {
                let step = if len <= t { len } else { t };
                xs[i] += dx_of[i] / len * step;
                ys[i] += dy_of[i] / len * step;
            }
        }
        progress((round + 1) as f64 / rounds as f64);
    }
}
