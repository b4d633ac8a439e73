//! The relational cycle: a ring of boxes on the border of a grid round the heart, an arrow
//! from each to the next.

use super::*;

/// The grid whose border holds `n` boxes: columns, rows (landscape, smallest border first).
fn grid(n: usize, heart: bool) -> (usize, usize) {
    let least = if heart { 3 } else { 2 };
    let mut best = (least, least);
    let mut key = (usize::MAX, usize::MAX);
    for c in least..=40 {
        for r in least..=c {
            let border = 2 * c + 2 * r - 4;
            if border >= n && (border, c - r) < key {
                key = (border, c - r);
                best = (c, r);
            }
        }
    }
    best
}

/// The border cells of a `c` × `r` grid, clockwise, starting just right of the top middle.
fn border(c: usize, r: usize) -> Vec<(usize, usize)> {
    let mut cells: Vec<(usize, usize)> = (0..c).map(|col| (col, 0)).collect();
    cells.extend((1..r).map(|row| (c - 1, row)));
    cells.extend((0..c.saturating_sub(1)).rev().map(|col| (col, r - 1)));
    cells.extend((1..r.saturating_sub(1)).rev().map(|row| (0, row)));
    let start = c.div_ceil(2).min(c - 1);
    cells.rotate_left(start);
    cells
}

/// The cycle: the heart in the middle, the ring round it (relational elements first, then
/// operational ones, then any others), arrows clockwise from each ring box to the next.
pub fn cycle_layout(results: &[ElementResult], frame: Frame, legend: f64) -> Layout {
    let f = frame.font;
    let groups: Vec<&str> = results.iter().map(|r| r.element.group.as_str()).collect();
    let mut ring: Vec<usize> = Vec::new();
    for wanted in [RELATIONAL, OPERATIONAL] {
        ring.extend((0..groups.len()).filter(|&i| groups[i] == wanted));
    }
    ring.extend(
        (0..groups.len()).filter(|&i| ![HEART, RELATIONAL, OPERATIONAL].contains(&groups[i])),
    );
    let hearts: Vec<usize> = (0..groups.len()).filter(|&i| groups[i] == HEART).collect();
    let (c, r) = grid(ring.len(), !hearts.is_empty());
    let min_gap = arrow_min(f) + 2.0 * GAP + 2.0;
    // Columns share the width; a box is at most 14 em wide and never under 6 em.
    let width = frame.width.max(c as f64 * (6.0 * f + min_gap));
    let cw = width / c as f64;
    let bw = (cw - min_gap).min(14.0 * f);
    let chars = frame.chars(bw - f);
    let lines: Vec<Vec<String>> = results.iter().map(|r| box_lines(r, chars)).collect();
    let bh = box_height(frame, &lines);
    let ch = ((frame.height - legend) / r as f64).max(bh + min_gap);
    let height = (ch * r as f64 + legend).max(frame.height);
    let at = |col: f64, row: f64| Place {
        x: cw * (col + 0.5),
        y: ch * (row + 0.5),
        w: bw,
        h: bh,
    };
    let mut places = vec![at((c as f64 - 1.0) / 2.0, (r as f64 - 1.0) / 2.0); groups.len()];
    // More than one heart: side by side inside the ring.
    let inside = (c as f64 - 2.0).max(1.0);
    for (k, &i) in hearts.iter().enumerate() {
        let col = 1.0 + inside * (k as f64 + 0.5) / hearts.len() as f64 - 0.5;
        places[i] = at(col, (r as f64 - 1.0) / 2.0);
        places[i].w = (bw * inside / hearts.len() as f64).min(bw);
    }
    // The ring on the border: spread evenly when there are more cells than boxes, turned
    // until no arrow runs under a box (or, failing that, side by side from the start).
    let cells = border(c, r);
    let n = ring.len();
    let arrows_of = |places: &[Place]| -> Vec<((f64, f64), (f64, f64))> {
        // Two boxes: one arrow (one each way would lie on one line).
        let count = if n == 2 {
            1
        } else if n > 2 {
            n
        } else {
            0
        };
        (0..count)
            .filter_map(|k| arrow(places[ring[k]], places[ring[(k + 1) % n]], arrow_min(f)))
            .collect()
    };
    let spread = |turn: usize, even: bool| -> Vec<Place> {
        let mut p = places.clone();
        for (k, &i) in ring.iter().enumerate() {
            let at_k = if even { k * cells.len() / n.max(1) } else { k };
            let (col, row) = cells[(at_k + turn) % cells.len()];
            p[i] = at(col as f64, row as f64);
        }
        p
    };
    let expected = match n {
        0 | 1 => 0,
        2 => 1,
        _ => n,
    };
    let candidates = (0..cells.len())
        .map(|t| (t, true))
        .chain((0..cells.len()).map(|t| (t, false)));
    let mut chosen = spread(0, true);
    for (turn, even) in candidates {
        let p = spread(turn, even);
        let a = arrows_of(&p);
        let clear = a.len() == expected
            && a.iter()
                .all(|&(s, e)| p.iter().all(|b| !b.crossed_by(s, e, 0.0)));
        if clear {
            chosen = p;
            break;
        }
    }
    places = chosen;
    let arrows = arrows_of(&places);
    Layout {
        places,
        arrows,
        headings: Vec::new(),
        legend_top: height - legend,
        width,
        height,
        lines,
    }
}
