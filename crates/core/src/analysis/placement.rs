//! Where things go on a concept map so nothing lands on anything: a new node in a free place in
//! view (`free_place`), a new linked node far enough from its source that the link's label has
//! room (`linked_place`), and `untangle`, which every layout and template ends with, so no node
//! sits over another node or over a link's label. Link labels have boxes of their own
//! (`label_box`), drawn by the canvas as the label's background, so the same geometry decides
//! where labels are drawn and what counts as covering one.

use std::collections::HashMap;

use crate::analysis::group_layout::{self, group_clashes};
use crate::analysis::labels;
pub use crate::analysis::labels::{label_box, label_size};
use crate::analysis::layout::{self, GAP};
use crate::model::map::{ConceptMap, LinkId, Metrics, NodeId, Point, Rect, Size, link_ends};

/// Clear space kept around a node placed by `free_place` or `linked_place`.
pub const MARGIN: f64 = 24.0;

/// The room a new node is given: a label of two full lines, since its label is typed after it
/// is placed and must not then grow over a neighbour.
pub fn new_node_room(metrics: Metrics) -> Size {
    let line = "m".repeat(Metrics::LINE_CHARS);
    metrics.node_size(&format!("{line} {line}"))
}

/// A layout the map editor offers; `arrange` runs one and untangles the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Radial,
    Force,
    Layered,
    Tidy,
}

impl Layout {
    pub const ALL: [Layout; 4] = [Layout::Radial, Layout::Force, Layout::Layered, Layout::Tidy];
}

/// Where a link's label is drawn: the middle of the visible line between the two boxes.
pub fn label_centre(a: Point, sa: Size, b: Point, sb: Size) -> Point {
    let (p, q) = link_ends(a, sa, b, sb);
    Point::new((p.x + q.x) / 2.0, (p.y + q.y) / 2.0)
}

/// Each labelled link's label box, with its link: at the middle of the link as drawn (parallel
/// links bow apart, so their labels sit on their own curves).
pub fn label_boxes(map: &ConceptMap, metrics: Metrics) -> Vec<(LinkId, Rect)> {
    labels::curves(map, metrics)
        .filter_map(|(l, k)| Some((l.id, label_box(&l.label, k.mid, metrics)?)))
        .collect()
}

/// Boxes bucketed on a grid of cells as large as the largest box, so finding what a box
/// overlaps looks at a few cells instead of every box.
struct Grid {
    cell: f64,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl Grid {
    fn new(boxes: &[Rect]) -> Grid {
        let cell = boxes
            .iter()
            .map(|b| b.w().max(b.h()))
            .fold(1.0f64, f64::max);
        let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, b) in boxes.iter().enumerate() {
            for key in Grid::keys(cell, b) {
                cells.entry(key).or_default().push(i);
            }
        }
        Grid { cell, cells }
    }

    fn keys(cell: f64, r: &Rect) -> impl Iterator<Item = (i64, i64)> {
        let clamp = |v: f64| (v / cell).floor().clamp(-1e9, 1e9) as i64;
        let (x0, x1, y0, y1) = (clamp(r.x0), clamp(r.x1), clamp(r.y0), clamp(r.y1));
        // A box wider than a cell (a long label) spans several; cap the walk for safety.
        let x1 = x1.min(x0 + 64);
        let y1 = y1.min(y0 + 64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Indices of the boxes that overlap `r`, each once, in order.
    fn hits(&self, boxes: &[Rect], r: &Rect) -> Vec<usize> {
        let mut out: Vec<usize> = Grid::keys(self.cell, r)
            .filter_map(|k| self.cells.get(&k))
            .flatten()
            .copied()
            .filter(|i| boxes[*i].overlaps(r))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Something on a map covering something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clash {
    /// Two node boxes overlap.
    Nodes(NodeId, NodeId),
    /// A node's box covers part of a link's label.
    OnLabel(NodeId, LinkId),
    /// Two links' labels overlap (the first link's id is the smaller).
    Labels(LinkId, LinkId),
}

/// Every node over another node, every node over a link label and every label over another
/// label, at these metrics.
pub fn clashes(map: &ConceptMap, metrics: Metrics) -> Vec<Clash> {
    let boxes: Vec<Rect> = map
        .nodes
        .iter()
        .map(|n| Rect::around(n.at(), metrics.node_size(&n.label)))
        .collect();
    let grid = Grid::new(&boxes);
    let mut out = Vec::new();
    for (i, r) in boxes.iter().enumerate() {
        for j in grid.hits(&boxes, r) {
            if j > i {
                out.push(Clash::Nodes(map.nodes[i].id, map.nodes[j].id));
            }
        }
    }
    for (l, rl) in label_boxes(map, metrics) {
        for i in grid.hits(&boxes, &rl) {
            out.push(Clash::OnLabel(map.nodes[i].id, l));
        }
    }
    let d = if has_labels(map) {
        labels::drawn(map, metrics)
    } else {
        Vec::new()
    };
    for (i, j) in labels::label_overlaps(&d) {
        let (a, b) = (d[i].link, d[j].link);
        out.push(Clash::Labels(a.min(b), a.max(b)));
    }
    out
}

/// Whether any link has a label (so labels can clash at all).
fn has_labels(map: &ConceptMap) -> bool {
    map.links.iter().any(|l| !l.label.trim().is_empty())
}

/// Maps with more links than this are not searched for lines through labels while untangling
/// (each search walks every line; the layouts of very large maps stay quick).
pub const LINES_CHECKED_UP_TO: usize = 600;

/// How many rounds of taking labels off lines `untangle` tries once nothing else clashes.
const LINE_ROUNDS: usize = 30;

/// True when the segment from `p` to `q` passes through the rectangle (its edge included).
fn crosses(p: Point, q: Point, r: &Rect) -> bool {
    r.meets_segment(p, q)
}

/// What a new box must keep clear of: node boxes and label boxes (with a margin), and the
/// links' lines (a soft rule, dropped when nothing is free otherwise).
struct Obstacles {
    boxes: Vec<Rect>,
    lines: Vec<(Point, Point)>,
}

impl Obstacles {
    fn of(map: &ConceptMap, metrics: Metrics) -> Obstacles {
        let mut boxes: Vec<Rect> = map
            .nodes
            .iter()
            .map(|n| Rect::around(n.at(), metrics.node_size(&n.label)).grow(MARGIN))
            .collect();
        boxes.extend(
            label_boxes(map, metrics)
                .into_iter()
                .map(|(_, r)| r.grow(MARGIN / 2.0)),
        );
        // A curved link as the two segments through its middle.
        let lines = labels::curves(map, metrics)
            .flat_map(|(_, k)| [(k.p, k.mid), (k.mid, k.q)])
            .collect();
        Obstacles { boxes, lines }
    }

    fn free(&self, r: &Rect, strict: bool) -> bool {
        !self.boxes.iter().any(|b| b.overlaps(r))
            && (!strict || !self.lines.iter().any(|(p, q)| crosses(*p, *q, r)))
    }
}

/// Points on a spiral around `near`, wider than tall (boxes are), about `step` apart.
fn spiral(near: Point, step: f64) -> impl Iterator<Item = Point> {
    (0..3_000u32).map(move |i| {
        let turn = f64::from(i).sqrt() * 2.0;
        let radius = step * f64::from(i).sqrt() * 0.7;
        Point::new(
            near.x + radius * turn.cos() * 1.6,
            near.y + radius * turn.sin(),
        )
    })
}

fn inside(r: &Rect, view: &Rect) -> bool {
    r.x0 >= view.x0 && r.x1 <= view.x1 && r.y0 >= view.y0 && r.y1 <= view.y1
}

/// A place for a new box of `size` near `near`: over no node and no link label (with
/// `MARGIN` to spare), crossing no link's line if that can be had, and inside `view` (the part
/// of the map on screen) when a free place is there. `near` itself when it is free.
pub fn free_place(
    map: &ConceptMap,
    metrics: Metrics,
    near: Point,
    size: Size,
    view: Option<Rect>,
) -> Point {
    let obstacles = Obstacles::of(map, metrics);
    let step = size.h.max(metrics.font * 2.0);
    let fits = |p: Point, strict: bool, in_view: bool| {
        let r = Rect::around(p, size);
        obstacles.free(&r, strict) && (!in_view || view.as_ref().is_none_or(|v| inside(&r, v)))
    };
    for (strict, in_view) in [(true, true), (false, true), (true, false), (false, false)] {
        if in_view && view.is_none() {
            continue;
        }
        if let Some(p) = spiral(near, step).find(|p| fits(*p, strict, in_view)) {
            return p;
        }
    }
    near
}

/// A place for a new node of `size` linked from `from`: a link's length away (room for a label
/// between the boxes), the new box and the middle of the new link free, the new line crossing
/// no other node, in view when it can be. Tries right, below, left, above and the diagonals,
/// then further out; falls back to `free_place`.
pub fn linked_place(
    map: &ConceptMap,
    metrics: Metrics,
    from: NodeId,
    size: Size,
    view: Option<Rect>,
) -> Point {
    let Some(source) = map.node(from) else {
        return free_place(map, metrics, Point::default(), size, view);
    };
    let (a, sa) = (source.at(), metrics.node_size(&source.label));
    let obstacles = Obstacles::of(map, metrics);
    let others: Vec<Rect> = map
        .nodes
        .iter()
        .filter(|n| n.id != from)
        .map(|n| Rect::around(n.at(), metrics.node_size(&n.label)))
        .collect();
    // Room for a label of a dozen characters between the two boxes.
    let room = label_size("a label here", metrics);
    // Right, below, left, above first, then the diagonals, then every sixteenth of a turn.
    let mut directions: Vec<(f64, f64)> = vec![
        (1.0, 0.0),
        (0.0, 1.0),
        (-1.0, 0.0),
        (0.0, -1.0),
        (1.0, 1.0),
        (-1.0, 1.0),
        (-1.0, -1.0),
        (1.0, -1.0),
    ];
    directions.extend((0..16).map(|i| {
        let t = std::f64::consts::TAU * (f64::from(i) + 0.5) / 16.0;
        (t.cos(), t.sin())
    }));
    // Strict: the new box clear of every line and the new line clear of every box; then
    // either may cross, so long as no box and no label is covered.
    for (strict, in_view) in [(true, true), (false, true), (true, false), (false, false)] {
        if in_view && view.is_none() {
            continue;
        }
        // Further out each time, past the edge of a crowded map in the end.
        for reach in 0..16 {
            let extra = 1.5f64.powi(reach);
            for &(dx, dy) in &directions {
                let gap_x = room.w + MARGIN * extra;
                let gap_y = room.h * 2.0 + MARGIN * extra;
                let p = Point::new(
                    a.x + dx * ((sa.w + size.w) / 2.0 + gap_x),
                    a.y + dy * ((sa.h + size.h) / 2.0 + gap_y),
                );
                let r = Rect::around(p, size);
                if !obstacles.free(&r, strict) {
                    continue;
                }
                if in_view && view.as_ref().is_some_and(|v| !inside(&r, v)) {
                    continue;
                }
                let mid = label_centre(a, sa, p, size);
                let label = Rect::around(mid, room);
                if !obstacles.free(&label, false)
                    || label.overlaps(&Rect::around(a, sa))
                    || label.overlaps(&r)
                {
                    continue;
                }
                let (s, e) = link_ends(a, sa, p, size);
                if strict && others.iter().any(|o| crosses(s, e, o)) {
                    continue;
                }
                return p;
            }
        }
    }
    free_place(
        map,
        metrics,
        Point::new(a.x + sa.w + MARGIN, a.y),
        size,
        view,
    )
}

/// Moves nodes (starting from `placed`, a centre per node in the order of `map.nodes`) until no
/// node covers another node or a link label at any of `sizes`: boxes are pushed apart as the
/// tidy layout does, a node on a label is pushed off it (off its own link's label by moving away
/// along the link), and if that does not settle, the whole picture is spread out a little and
/// tried again. Deterministic.
///
/// Labels overlapping other labels are pushed apart as nodes on labels are; once nothing
/// clashes, labels that other links' lines run through are pushed off those lines for up to
/// `LINE_ROUNDS` rounds, keeping the clear arrangement with the fewest (maps of up to
/// [`LINES_CHECKED_UP_TO`] links).
pub fn untangle(map: &ConceptMap, sizes: &[Metrics], placed: &mut [(NodeId, Point)]) {
    untangle_with(map, sizes, placed, LINE_ROUNDS);
}

/// [`untangle`] with at most `line_rounds` rounds against lines through labels (0: none, the
/// behaviour before they counted).
pub fn untangle_with(
    map: &ConceptMap,
    sizes: &[Metrics],
    placed: &mut [(NodeId, Point)],
    line_rounds: usize,
) {
    if placed.is_empty() || sizes.is_empty() {
        return;
    }
    let mut m = map.clone();
    m.move_nodes(placed);
    let biggest = sizes
        .iter()
        .copied()
        .fold(sizes[0], |a, b| if b.font > a.font { b } else { a });
    // Lines through labels are reduced, not required away: the best clear arrangement found
    // (fewest lines through labels) is kept, trying at most `LINE_ROUNDS` pushes.
    let line_rounds = if m.links.len() <= LINES_CHECKED_UP_TO {
        line_rounds
    } else {
        0
    };
    // Labels do not change while untangling: a map with none skips their work.
    let labelled = has_labels(&m);
    let mut tried = 0;
    let mut best: Option<(usize, ConceptMap)> = None;
    let through = |m: &ConceptMap| {
        sizes
            .iter()
            .map(|s| labels::lines_through_labels_count(m, *s))
            .sum::<usize>()
    };
    for _round in 0..40 {
        for _ in 0..40 {
            let box_sizes = m.sizes(biggest);
            let mut points: Vec<Point> = m.nodes.iter().map(|n| n.at()).collect();
            layout::separate(&mut points, &box_sizes);
            let moves: Vec<(NodeId, Point)> = m.nodes.iter().map(|n| n.id).zip(points).collect();
            m.move_nodes(&moves);
            let mut pushed = false;
            for metrics in sizes {
                let boxes: Vec<Rect> = m
                    .nodes
                    .iter()
                    .map(|n| Rect::around(n.at(), metrics.node_size(&n.label)))
                    .collect();
                let grid = Grid::new(&boxes);
                let labels = label_boxes(&m, *metrics);
                let mut moves: Vec<(NodeId, Point)> = Vec::new();
                for (l, rl) in labels {
                    let Some(link) = m.link(l) else { continue };
                    let (from, to) = (link.from, link.to);
                    for i in grid.hits(&boxes, &rl) {
                        let node = &m.nodes[i];
                        let n = node.id;
                        if moves.iter().any(|(id, _)| *id == n) {
                            continue;
                        }
                        let (p, s) = (node.at(), metrics.node_size(&node.label));
                        let own = n == from || n == to;
                        let away = if own {
                            // Its own label: lengthen the link.
                            let other = if n == from { to } else { from };
                            m.node(other).map(|o| o.at()).unwrap_or(p)
                        } else {
                            Point::new((rl.x0 + rl.x1) / 2.0, (rl.y0 + rl.y1) / 2.0)
                        };
                        let (dx, dy) = (p.x - away.x, p.y - away.y);
                        let ox = (s.w + rl.w()) / 2.0 - (p.x - (rl.x0 + rl.x1) / 2.0).abs();
                        let oy = (s.h + rl.h()) / 2.0 - (p.y - (rl.y0 + rl.y1) / 2.0).abs();
                        let sign = |d: f64| if d >= 0.0 { 1.0 } else { -1.0 };
                        let to_point = if own {
                            let len = dx.hypot(dy);
                            let by = ox.min(oy) * 2.0 + GAP;
                            if len < 1e-6 {
                                Point::new(p.x + by, p.y)
                            } else {
                                Point::new(p.x + dx / len * by, p.y + dy / len * by)
                            }
                        } else if ox < oy {
                            Point::new(p.x + sign(dx) * (ox + GAP / 2.0), p.y)
                        } else {
                            Point::new(p.x, p.y + sign(dy) * (oy + GAP / 2.0))
                        };
                        moves.push((n, to_point));
                    }
                }
                if !moves.is_empty() {
                    m.move_nodes(&moves);
                    pushed = true;
                }
                // Labels over labels: apart, or (parallel links) level and longer.
                if !labelled {
                    continue;
                }
                let d = labels::drawn(&m, *metrics);
                let apart = labels::label_pushes(&m, *metrics, &d);
                if !apart.is_empty() {
                    m.move_nodes(&apart.places(&m));
                    pushed = true;
                }
            }
            // Groups: nothing inside a frame it does not belong to, frames apart.
            for metrics in sizes {
                pushed |=
                    group_layout::keep_apart(&mut m, *metrics, &|n| metrics.node_size(&n.label));
            }
            if !pushed
                && sizes
                    .iter()
                    .all(|s| clashes(&m, *s).is_empty() && group_clashes(&m, *s).is_empty())
            {
                // Clear: keep it if fewer lines run through labels than before, then push the
                // labels off the lines and untangle again, while rounds are left.
                let count = if line_rounds > 0 { through(&m) } else { 0 };
                if best.as_ref().is_none_or(|(b, _)| count < *b) {
                    best = Some((count, m.clone()));
                }
                if count == 0 || tried >= line_rounds {
                    break;
                }
                tried += 1;
                for metrics in sizes {
                    let off = labels::line_pushes(&labels::drawn(&m, *metrics));
                    m.move_nodes(&off.places(&m));
                }
            }
        }
        if let Some((_, clear)) = &best {
            write_back(clear, placed);
            return;
        }
        // Crowded: spread everything 15% about the middle and try again.
        let c = centre(&m);
        let moves: Vec<(NodeId, Point)> = m
            .nodes
            .iter()
            .map(|n| {
                (
                    n.id,
                    Point::new(c.x + (n.x - c.x) * 1.15, c.y + (n.y - c.y) * 1.15),
                )
            })
            .collect();
        m.move_nodes(&moves);
    }
    write_back(&m, placed);
}

fn centre(m: &ConceptMap) -> Point {
    let n = m.nodes.len().max(1) as f64;
    Point::new(
        m.nodes.iter().map(|n| n.x).sum::<f64>() / n,
        m.nodes.iter().map(|n| n.y).sum::<f64>() / n,
    )
}

fn write_back(m: &ConceptMap, placed: &mut [(NodeId, Point)]) {
    for (id, p) in placed.iter_mut() {
        if let Some(n) = m.node(*id) {
            *p = n.at();
        }
    }
}

/// Runs a layout at the editor's metrics and untangles it: a centre per node, in the order of
/// `map.nodes`. `focus` is the radial layout's centre (the first node without one). Tidy only
/// moves what covers something.
pub fn arrange(
    map: &ConceptMap,
    metrics: Metrics,
    which: Layout,
    focus: Option<NodeId>,
) -> Vec<(NodeId, Point)> {
    arrange_with(map, &map.sizes(metrics), metrics, which, focus, &mut |_| {})
}

/// [`arrange`] with the boxes given (`sizes[i]` of `map.nodes[i]`) and the force layout's
/// progress reported (0 to 1): what the Web Worker runs for the editor (`jobs::layout_of`).
pub fn arrange_with(
    map: &ConceptMap,
    sizes: &[Size],
    metrics: Metrics,
    which: Layout,
    focus: Option<NodeId>,
    progress: &mut dyn FnMut(f64),
) -> Vec<(NodeId, Point)> {
    let centre = focus
        .filter(|f| map.node(*f).is_some())
        .or_else(|| map.nodes.first().map(|n| n.id));
    let mut placed = match which {
        Layout::Radial => match centre {
            Some(f) => layout::radial(map, sizes, f),
            None => Vec::new(),
        },
        Layout::Force => layout::force_with(map, sizes, progress),
        Layout::Layered => layout::layered(map, sizes),
        Layout::Tidy => layout::tidy(map, sizes),
    };
    if !map.groups.is_empty() {
        // Each group's members together, frames apart (the layouts themselves ignore groups).
        let by_id: std::collections::HashMap<NodeId, Size> = map
            .nodes
            .iter()
            .map(|n| n.id)
            .zip(sizes.iter().copied())
            .collect();
        let mut m = map.clone();
        m.move_nodes(&placed);
        group_layout::gather(&mut m, metrics, &|n| {
            by_id
                .get(&n.id)
                .copied()
                .unwrap_or_else(|| metrics.node_size(&n.label))
        });
        write_back(&m, &mut placed);
    }
    untangle(map, &[metrics], &mut placed);
    placed
}

/// Untangles a map in place for both themes' box sizes (templates and imports, which are
/// built once and shown in either theme).
pub fn untangle_map(map: &mut ConceptMap) {
    let mut placed: Vec<(NodeId, Point)> = map.nodes.iter().map(|n| (n.id, n.at())).collect();
    untangle(map, &[Metrics::STANDARD, Metrics::PROJECTOR], &mut placed);
    map.move_nodes(&placed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_through_a_box_crosses_it_and_one_beside_it_does_not() {
        let r = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        assert!(crosses(Point::new(-5.0, 5.0), Point::new(15.0, 5.0), &r));
        assert!(!crosses(Point::new(-5.0, 15.0), Point::new(15.0, 15.0), &r));
        assert!(crosses(Point::new(5.0, 5.0), Point::new(5.0, 6.0), &r));
    }

    #[test]
    fn an_unlabelled_link_has_no_label_box() {
        assert!(label_box("  ", Point::default(), Metrics::STANDARD).is_none());
        let r = label_box("refers", Point::default(), Metrics::PROJECTOR).unwrap();
        assert!(r.w() > r.h());
    }
}
