//! Link labels against each other and against other links' lines (issue 20): a label drawn
//! over another label hides both ("funds orts to ses nds"), and a line through another link's
//! label hides the line or the words under the label's background. `untangle`
//! (`placement.rs`) treats the first as a clash it must resolve and the second as one it
//! reduces; this module finds both and says which nodes to move, and how far.
//!
//! A label moves with its link's middle: moving both ends of a link by `v` moves its label by
//! `v`, moving one end by `2v` does too. Two parallel links (the same two nodes) cannot be
//! separated that way, since their labels move together: their lanes stack their labels
//! across the link, so the pair is turned level, where the labels sit one above the other
//! (the lanes' spacing is more than a label's height), and lengthened to hold the widest.

use std::collections::HashMap;

use crate::model::map::{
    ConceptMap, Curve, Lane, Link, LinkId, Metrics, NodeId, Point, Rect, Size, curve,
};

/// One link as drawn at some metrics: its ends, its curve and its label's box.
#[derive(Clone, Debug)]
pub struct Drawn {
    pub link: LinkId,
    pub from: NodeId,
    pub to: NodeId,
    pub curve: Curve,
    pub label: Option<Rect>,
}

/// Every link whose two nodes exist, with the curve it is drawn along at these metrics.
pub(crate) fn curves(map: &ConceptMap, metrics: Metrics) -> impl Iterator<Item = (&Link, Curve)> {
    let lanes = map.lanes();
    map.links.iter().filter_map(move |l| {
        let (a, b) = (map.node(l.from)?, map.node(l.to)?);
        let lane = lanes.get(&l.id).copied().unwrap_or(Lane::SINGLE);
        let k = curve(
            a.at(),
            metrics.node_size(&a.label),
            b.at(),
            metrics.node_size(&b.label),
            (l.from, l.to),
            lane,
        );
        Some((l, k))
    })
}

/// Every link whose two nodes exist, as drawn at these metrics.
pub fn drawn(map: &ConceptMap, metrics: Metrics) -> Vec<Drawn> {
    curves(map, metrics)
        .map(|(l, k)| Drawn {
            link: l.id,
            from: l.from,
            to: l.to,
            curve: k,
            label: label_box(&l.label, k.mid, metrics),
        })
        .collect()
}

/// Label boxes bucketed on a grid of cells as large as the largest, so a query looks at a few
/// cells.
struct Cells {
    cell: f64,
    map: HashMap<(i64, i64), Vec<usize>>,
}

impl Cells {
    fn of(d: &[Drawn]) -> Cells {
        let cell = d
            .iter()
            .filter_map(|x| x.label)
            .map(|r| r.w().max(r.h()))
            .fold(1.0f64, f64::max);
        let mut map: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, x) in d.iter().enumerate() {
            if let Some(r) = x.label {
                for k in Cells::keys(cell, &r) {
                    map.entry(k).or_default().push(i);
                }
            }
        }
        Cells { cell, map }
    }

    fn keys(cell: f64, r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let at = |v: f64| (v / cell).floor().clamp(-1e9, 1e9) as i64;
        let (x0, y0) = (at(r.x0), at(r.y0));
        let (x1, y1) = (at(r.x1).min(x0 + 8), at(r.y1).min(y0 + 8));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Indices of labels whose cells `r` touches, each once, in order.
    fn near(&self, r: &Rect) -> Vec<usize> {
        let mut out: Vec<usize> = Cells::keys(self.cell, r)
            .filter_map(|k| self.map.get(&k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Pairs of links (indices into `d`, the smaller first) whose labels overlap.
pub fn label_overlaps(d: &[Drawn]) -> Vec<(usize, usize)> {
    let cells = Cells::of(d);
    let mut out = Vec::new();
    for (i, x) in d.iter().enumerate() {
        let Some(r) = x.label else { continue };
        for j in cells.near(&r) {
            if j > i && d[j].label.is_some_and(|o| o.overlaps(&r)) {
                out.push((i, j));
            }
        }
    }
    out
}

/// The pieces a link is drawn as: its curve in eight straight pieces.
fn pieces(k: &Curve) -> impl Iterator<Item = (Point, Point)> + '_ {
    let at = |t: f64| {
        let u = 1.0 - t;
        Point::new(
            u * u * k.p.x + 2.0 * u * t * k.c.x + t * t * k.q.x,
            u * u * k.p.y + 2.0 * u * t * k.c.y + t * t * k.q.y,
        )
    };
    (0..8).map(move |i| (at(f64::from(i) / 8.0), at(f64::from(i + 1) / 8.0)))
}

/// Every (line, label) where link `line`'s drawn line runs through the label of another link
/// `label` (indices into `d`), each pair once, with the piece of line that crosses it.
pub fn lines_through_labels(d: &[Drawn]) -> Vec<(usize, usize, (Point, Point))> {
    let cells = Cells::of(d);
    let mut out = Vec::new();
    for (i, x) in d.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        for (p, q) in pieces(&x.curve) {
            // Long pieces are looked up a cell at a time.
            let n = ((q.x - p.x).hypot(q.y - p.y) / cells.cell).ceil().max(1.0) as usize;
            for s in 0..n {
                let (t0, t1) = (s as f64 / n as f64, (s + 1) as f64 / n as f64);
                let a = Point::new(p.x + (q.x - p.x) * t0, p.y + (q.y - p.y) * t0);
                let b = Point::new(p.x + (q.x - p.x) * t1, p.y + (q.y - p.y) * t1);
                let bbox = Rect {
                    x0: a.x.min(b.x),
                    y0: a.y.min(b.y),
                    x1: a.x.max(b.x),
                    y1: a.y.max(b.y),
                };
                for j in cells.near(&bbox) {
                    if j == i || seen.contains(&j) {
                        continue;
                    }
                    let Some(r) = d[j].label else { continue };
                    if crosses(a, b, &r) {
                        seen.push(j);
                        out.push((i, j, (p, q)));
                    }
                }
            }
        }
    }
    out
}

/// True when the segment from `p` to `q` passes through the inside of the rectangle (touching
/// its edge does not count).
pub fn crosses(p: Point, q: Point, r: &Rect) -> bool {
    const EPS: f64 = 1e-6;
    r.grow(-EPS).meets_segment(p, q)
}

/// The size of a link label's box: one line of text at the map's font, with a little padding
/// (the same 0.56 em a character as node boxes).
pub fn label_size(label: &str, metrics: Metrics) -> Size {
    let chars = label.chars().count() as f64;
    Size {
        w: chars * metrics.font * 0.56 + metrics.font * 0.6,
        h: metrics.font * 1.3,
    }
}

/// The box of a label centred at `at`, or `None` for a link with no label.
pub fn label_box(label: &str, at: Point, metrics: Metrics) -> Option<Rect> {
    let label = label.trim();
    (!label.is_empty()).then(|| Rect::around(at, label_size(label, metrics)))
}

/// Moves accumulated per node: the sum of every push it was given.
#[derive(Default)]
pub struct Pushes(HashMap<NodeId, (f64, f64)>);

impl Pushes {
    fn add(&mut self, n: NodeId, dx: f64, dy: f64) {
        let e = self.0.entry(n).or_insert((0.0, 0.0));
        e.0 += dx;
        e.1 += dy;
    }

    /// Moves link `x`'s label by `(dx, dy)` without moving the nodes it shares with `other`.
    fn label(&mut self, x: &Drawn, other: &Drawn, dx: f64, dy: f64) {
        let shared = |n: NodeId| n == other.from || n == other.to;
        let free: Vec<NodeId> = [x.from, x.to].into_iter().filter(|n| !shared(*n)).collect();
        let k = if free.len() == 1 { 2.0 } else { 1.0 };
        for n in free {
            self.add(n, dx * k, dy * k);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The new places of the nodes pushed, in node order (deterministic).
    pub fn places(&self, map: &ConceptMap) -> Vec<(NodeId, Point)> {
        map.nodes
            .iter()
            .filter_map(|n| {
                let (dx, dy) = self.0.get(&n.id)?;
                Some((n.id, Point::new(n.x + dx, n.y + dy)))
            })
            .collect()
    }
}

/// Clear space wanted between two labels, and between a label and a line.
const SPACE: f64 = 6.0;

/// The pushes that take overlapping labels apart: apart along the axis they overlap least on,
/// half each; parallel links turned level and lengthened instead.
pub fn label_pushes(map: &ConceptMap, metrics: Metrics, d: &[Drawn]) -> Pushes {
    let mut out = Pushes::default();
    let mut levelled: Vec<(NodeId, NodeId)> = Vec::new();
    for (i, j) in label_overlaps(d) {
        let (x, y) = (&d[i], &d[j]);
        let (Some(rx), Some(ry)) = (x.label, y.label) else {
            continue;
        };
        let pair = (x.from.min(x.to), x.from.max(x.to));
        if pair == (y.from.min(y.to), y.from.max(y.to)) {
            if levelled.contains(&pair) {
                continue;
            }
            levelled.push(pair);
            let (Some(a), Some(b)) = (map.node(pair.0), map.node(pair.1)) else {
                continue;
            };
            let widest = d
                .iter()
                .filter(|z| (z.from.min(z.to), z.from.max(z.to)) == pair)
                .filter_map(|z| z.label.map(|r| r.w()))
                .fold(0.0f64, f64::max);
            let (sa, sb) = (metrics.node_size(&a.label), metrics.node_size(&b.label));
            let c = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
            let now = (b.x - a.x).hypot(b.y - a.y);
            let level = (b.y - a.y).abs() < 1.0;
            let need = (sa.w + sb.w) / 2.0 + widest + 4.0 * SPACE;
            // Already level and still overlapping: longer still.
            let len = if level {
                now.max(need) + widest
            } else {
                now.max(need)
            };
            let (left, right) = if (a.x, a.id) <= (b.x, b.id) {
                (a, b)
            } else {
                (b, a)
            };
            out.add(left.id, c.x - len / 2.0 - left.x, c.y - left.y);
            out.add(right.id, c.x + len / 2.0 - right.x, c.y - right.y);
            continue;
        }
        let cx = |r: &Rect| (r.x0 + r.x1) / 2.0;
        let cy = |r: &Rect| (r.y0 + r.y1) / 2.0;
        let ox = (rx.w() + ry.w()) / 2.0 - (cx(&rx) - cx(&ry)).abs();
        let oy = (rx.h() + ry.h()) / 2.0 - (cy(&rx) - cy(&ry)).abs();
        // The sign: from x's label to y's, the first link first when they sit on one spot.
        let sign = |v: f64| if v > 1e-9 { 1.0 } else { -1.0 };
        let (dx, dy) = if ox <= oy {
            (sign(cx(&ry) - cx(&rx)) * (ox + SPACE) / 2.0, 0.0)
        } else {
            (0.0, sign(cy(&ry) - cy(&rx)) * (oy + SPACE) / 2.0)
        };
        out.label(y, x, dx, dy);
        out.label(x, y, -dx, -dy);
    }
    out
}

/// The pushes that take labels off other links' lines: each label crossed moved across the
/// line, clear of it, by the ends of its link not shared with the line's.
pub fn line_pushes(d: &[Drawn]) -> Pushes {
    let mut out = Pushes::default();
    for (i, j, (p, q)) in lines_through_labels(d) {
        let (line, x) = (&d[i], &d[j]);
        let Some(r) = x.label else { continue };
        let same = |n: NodeId| n == line.from || n == line.to;
        if same(x.from) && same(x.to) {
            continue;
        }
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let len = dx.hypot(dy);
        if len < 1e-9 {
            continue;
        }
        let (nx, ny) = (-dy / len, dx / len);
        let c = Point::new((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
        let dist = (c.x - p.x) * nx + (c.y - p.y) * ny;
        let side = if dist >= 0.0 { 1.0 } else { -1.0 };
        let reach = r.w() / 2.0 * nx.abs() + r.h() / 2.0 * ny.abs();
        let by = reach - dist.abs() + SPACE;
        if by > 0.0 {
            out.label(x, line, nx * side * by, ny * side * by);
        }
    }
    out
}

/// How many times a line runs through another link's label at these metrics.
pub fn lines_through_labels_count(map: &ConceptMap, metrics: Metrics) -> usize {
    lines_through_labels(&drawn(map, metrics)).len()
}
