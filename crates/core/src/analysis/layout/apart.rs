//! Keeping boxes apart: whether any two overlap, and pushing overlapping boxes apart with
//! the least movement (some boxes may be pinned). Every layout ends here.

use std::collections::HashMap;

use crate::model::map::{NodeId, Point, Rect, Size};

/// The least clear space between two boxes after a layout.
pub const GAP: f64 = 24.0;

pub(super) fn centroid(points: &[Point]) -> Point {
    if points.is_empty() {
        return Point::default();
    }
    let n = points.len() as f64;
    Point::new(
        points.iter().map(|p| p.x).sum::<f64>() / n,
        points.iter().map(|p| p.y).sum::<f64>() / n,
    )
}

/// Moves `points` so their centroid is `to`.
pub(super) fn recentre(points: &mut [Point], to: Point) {
    let c = centroid(points);
    for p in points.iter_mut() {
        p.x += to.x - c.x;
        p.y += to.y - c.y;
    }
}

/// True when no two boxes overlap.
pub fn no_overlaps(positions: &[(NodeId, Point)], sizes: &[Size]) -> bool {
    let boxes: Vec<Rect> = positions
        .iter()
        .zip(sizes)
        .map(|((_, p), s)| Rect::around(*p, *s))
        .collect();
    pairs_near(&boxes)
        .iter()
        .all(|(i, j)| !boxes[*i].overlaps(&boxes[*j]))
}

/// Pairs of boxes that might overlap (in the same or neighbouring grid cells), each once.
fn pairs_near(boxes: &[Rect]) -> Vec<(usize, usize)> {
    let cell = boxes
        .iter()
        .map(|b| b.w().max(b.h()))
        .fold(1.0f64, f64::max);
    let key = |b: &Rect| {
        (
            ((b.x0 + b.x1) / 2.0 / cell).floor() as i64,
            ((b.y0 + b.y1) / 2.0 / cell).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, b) in boxes.iter().enumerate() {
        grid.entry(key(b)).or_default().push(i);
    }
    let mut out = Vec::new();
    for (i, b) in boxes.iter().enumerate() {
        let (cx, cy) = key(b);
        for dx in -1..=1 {
            for dy in -1..=1 {
                if let Some(cell) = grid.get(&(cx + dx, cy + dy)) {
                    out.extend(cell.iter().filter(|j| **j > i).map(|j| (i, *j)));
                }
            }
        }
    }
    out
}

/// Pushes overlapping boxes apart (each kept `GAP` clear of the others), moving only boxes that
/// overlap, each pair along the axis where it overlaps least, half each way.
pub(crate) fn separate(points: &mut [Point], sizes: &[Size]) {
    separate_pinned(points, sizes, &[]);
}

/// [`separate`] where the boxes marked in `pinned` stay put (the others move the whole way
/// round them): an empty group's frame, whose place a layout does not return.
pub(crate) fn separate_pinned(points: &mut [Point], sizes: &[Size], pinned: &[bool]) {
    let fixed = |i: usize| pinned.get(i).copied().unwrap_or(false);
    let inflated: Vec<Size> = sizes
        .iter()
        .map(|s| Size {
            w: s.w + GAP,
            h: s.h + GAP,
        })
        .collect();
    // Boxes on exactly the same spot first fan out on a spiral around it (pushing alone would
    // only part them along one line).
    let mut same: HashMap<(u64, u64), usize> = HashMap::new();
    let step = inflated.iter().map(|s| s.h).fold(1.0, f64::max);
    for (i, p) in points.iter_mut().enumerate() {
        let count = same.entry((p.x.to_bits(), p.y.to_bits())).or_insert(0);
        if *count > 0 && !fixed(i) {
            let a = *count as f64 * 2.399_963;
            let r = step * (*count as f64).sqrt();
            p.x += r * a.cos() * 1.5;
            p.y += r * a.sin();
        }
        *count += 1;
    }
    for _ in 0..500 {
        let boxes: Vec<Rect> = points
            .iter()
            .zip(&inflated)
            .map(|(p, s)| Rect::around(*p, *s))
            .collect();
        let mut moved = false;
        for (i, j) in pairs_near(&boxes) {
            let (a, b) = (points[i], points[j]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let ox = (inflated[i].w + inflated[j].w) / 2.0 - dx.abs();
            let oy = (inflated[i].h + inflated[j].h) / 2.0 - dy.abs();
            if ox <= 1e-6 || oy <= 1e-6 {
                continue;
            }
            moved = true;
            // Boxes on the same spot part by their order, so the result stays deterministic.
            let sign = |d: f64| {
                if d > 0.0 || (d == 0.0 && j > i) {
                    1.0
                } else {
                    -1.0
                }
            };
            // Half each way, or all of it by the one that may move.
            let (wi, wj) = match (fixed(i), fixed(j)) {
                (true, true) => continue,
                (true, false) => (0.0, 2.0),
                (false, true) => (2.0, 0.0),
                (false, false) => (1.0, 1.0),
            };
            if ox < oy {
                let push = ox / 2.0 + 0.01;
                points[i].x -= sign(dx) * push * wi;
                points[j].x += sign(dx) * push * wj;
            } else {
                let push = oy / 2.0 + 0.01;
                points[i].y -= sign(dy) * push * wi;
                points[j].y += sign(dy) * push * wj;
            }
        }
        if !moved {
            return;
        }
    }
    // Still crowded after many passes (very dense maps): rows in reading order never overlap.
    let mut order: Vec<usize> = (0..points.len()).filter(|i| !fixed(*i)).collect();
    order.sort_by(|a, b| {
        points[*a]
            .y
            .total_cmp(&points[*b].y)
            .then(points[*a].x.total_cmp(&points[*b].x))
    });
    let centre = centroid(points);
    let per_row = (points.len() as f64).sqrt().ceil() as usize;
    let mut y = 0.0;
    for row in order.chunks(per_row.max(1)) {
        let h = row.iter().map(|i| inflated[*i].h).fold(0.0, f64::max);
        let mut x = 0.0;
        for i in row {
            points[*i] = Point::new(x + inflated[*i].w / 2.0, y + h / 2.0);
            x += inflated[*i].w;
        }
        y += h;
    }
    let below = (0..points.len())
        .filter(|i| fixed(*i))
        .map(|i| points[i].y + inflated[i].h / 2.0)
        .reduce(f64::max);
    match below {
        None => recentre(points, centre),
        // The rows go under the boxes that stay.
        Some(b) => {
            for i in &order {
                points[*i].y += b;
            }
        }
    }
}
