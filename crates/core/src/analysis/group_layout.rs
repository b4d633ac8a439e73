//! Layouts that respect groups. Every layout places nodes as if there were no groups; then
//! [`gather`] pulls each group's members together and [`keep_apart`] makes the frames honest:
//! within each group (and at the top of the map) the things side by side, nodes and the frames
//! of subgroups, are pushed apart as whole boxes, deepest groups first. So no node sits inside
//! a frame it does not belong to and no two frames overlap unless one holds the other.
//! `placement::untangle` runs [`keep_apart`] in its loop, at every theme's box sizes.

use std::collections::HashMap;

use super::layout;
use crate::model::map::{ConceptMap, GroupId, Metrics, Node, NodeId, Point, Rect, Size};

/// One thing side by side with others inside a group (or at the top): a node or a subgroup.
#[derive(Clone, Copy)]
enum Unit {
    Node(NodeId),
    Group(GroupId),
}

/// Groups by depth, deepest first, then the top (`None`), each with its units.
fn levels(m: &ConceptMap) -> Vec<(Option<GroupId>, Vec<Unit>)> {
    let mut inside: HashMap<Option<GroupId>, Vec<Unit>> = HashMap::new();
    for n in &m.nodes {
        inside.entry(n.group).or_default().push(Unit::Node(n.id));
    }
    for g in &m.groups {
        inside.entry(g.parent).or_default().push(Unit::Group(g.id));
    }
    let mut order: Vec<(usize, GroupId)> = m.groups.iter().map(|g| (m.depth(g.id), g.id)).collect();
    crate::order::sort_by(&mut order, |a, b| b.cmp(a));
    order
        .into_iter()
        .map(|(_, g)| Some(g))
        .chain([None])
        .map(|g| (g, inside.remove(&g).unwrap_or_default()))
        .collect()
}

/// Each unit's box now: a node's box or a subgroup's frame.
fn boxes(
    m: &ConceptMap,
    units: &[Unit],
    frames: &HashMap<GroupId, Rect>,
    size: &dyn Fn(&Node) -> Size,
) -> Vec<Option<Rect>> {
    units
        .iter()
        .map(|u| match u {
            Unit::Node(id) => m.node(*id).map(|n| Rect::around(n.at(), size(n))),
            Unit::Group(g) => frames.get(g).copied(),
        })
        .collect()
}

fn shift(m: &mut ConceptMap, unit: Unit, dx: f64, dy: f64) {
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return;
    }
    match unit {
        Unit::Node(id) => {
            if let Some(p) = m.node(id).map(|n| Point::new(n.x + dx, n.y + dy)) {
                m.move_nodes(&[(id, p)]);
            }
        }
        Unit::Group(g) => m.move_group(g, dx, dy),
    }
}

fn centre(r: &Rect) -> Point {
    Point::new((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0)
}

/// One pass over the levels, deepest first: `squeeze` pulls a group's units towards their
/// middle when they are spread far wider than they need (a layout that ignored the group
/// scattered them); then overlapping units are pushed apart as whole boxes.
fn pass(m: &mut ConceptMap, metrics: Metrics, size: &dyn Fn(&Node) -> Size, squeeze: bool) {
    for (group, units) in levels(m) {
        if units.len() < 2 && group.is_some() {
            continue;
        }
        let frames = m.group_frames_with(metrics, size);
        let found = boxes(m, &units, &frames, size);
        let (units, rects): (Vec<Unit>, Vec<Rect>) = units
            .into_iter()
            .zip(found)
            .filter_map(|(u, r)| Some((u, r?)))
            .unzip();
        // A group with no node in it is where its place says: a layout cannot move it.
        let pinned: Vec<bool> = units
            .iter()
            .map(|u| matches!(u, Unit::Group(g) if m.members(*g).is_empty()))
            .collect();
        let mut points: Vec<Point> = rects.iter().map(centre).collect();
        let sizes: Vec<Size> = rects.iter().map(|r| Size { w: r.w(), h: r.h() }).collect();
        if squeeze && group.is_some() && points.len() > 1 {
            let need: f64 = sizes
                .iter()
                .map(|s| (s.w + layout::GAP) * (s.h + layout::GAP))
                .sum::<f64>()
                * 2.0;
            let spread = rects
                .iter()
                .copied()
                .reduce(Rect::union)
                .expect("two or more");
            let area = spread.w() * spread.h();
            if area > need {
                let f = (need / area).sqrt();
                let n = points.len() as f64;
                let c = Point::new(
                    points.iter().map(|p| p.x).sum::<f64>() / n,
                    points.iter().map(|p| p.y).sum::<f64>() / n,
                );
                for (p, pin) in points.iter_mut().zip(&pinned) {
                    if !pin {
                        *p = Point::new(c.x + (p.x - c.x) * f, c.y + (p.y - c.y) * f);
                    }
                }
            }
        }
        layout::separate_pinned(&mut points, &sizes, &pinned);
        for ((u, r), p) in units.iter().zip(&rects).zip(&points) {
            let c = centre(r);
            shift(m, *u, p.x - c.x, p.y - c.y);
        }
    }
}

/// Pulls each group's members together (a layout placed them ignoring groups), then keeps
/// everything apart as [`keep_apart`] does. `size` gives each node's box.
pub fn gather(m: &mut ConceptMap, metrics: Metrics, size: &dyn Fn(&Node) -> Size) {
    if m.groups.is_empty() {
        return;
    }
    pass(m, metrics, size, true);
}

/// Pushes apart, inside each group and at the top, whatever overlaps, moving subgroups as
/// whole boxes: afterwards no node is inside a frame it does not belong to and frames side by
/// side do not overlap. Returns whether anything moved.
pub fn keep_apart(m: &mut ConceptMap, metrics: Metrics, size: &dyn Fn(&Node) -> Size) -> bool {
    if m.groups.is_empty() {
        return false;
    }
    let before: Vec<Point> = m.nodes.iter().map(|n| n.at()).collect();
    pass(m, metrics, size, false);
    m.nodes
        .iter()
        .zip(before)
        .any(|(n, p)| (n.x - p.x).abs() > 1e-6 || (n.y - p.y).abs() > 1e-6)
}

/// What breaks a group's frame: a node inside a frame it does not belong to, or two frames
/// that overlap where neither holds the other.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupClash {
    Stranger { node: NodeId, group: GroupId },
    Frames(GroupId, GroupId),
}

/// Every [`GroupClash`] at `metrics` (boxes from the labels).
pub fn group_clashes(m: &ConceptMap, metrics: Metrics) -> Vec<GroupClash> {
    let mut out = Vec::new();
    if m.groups.is_empty() {
        return out;
    }
    let frames = m.group_frames(metrics);
    let mut within: HashMap<GroupId, Vec<GroupId>> = HashMap::new();
    for g in &m.groups {
        let mut chain = vec![g.id];
        chain.extend(m.ancestors(g.id));
        within.insert(g.id, chain);
    }
    for n in &m.nodes {
        let r = Rect::around(n.at(), metrics.node_size(&n.label));
        let mine = n
            .group
            .and_then(|g| within.get(&g))
            .cloned()
            .unwrap_or_default();
        for (g, f) in &frames {
            if !mine.contains(g) && f.overlaps(&r) {
                out.push(GroupClash::Stranger {
                    node: n.id,
                    group: *g,
                });
            }
        }
    }
    let ids: Vec<GroupId> = frames.keys().copied().collect();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            let nested = within[a].contains(b) || within[b].contains(a);
            if !nested && frames[a].overlaps(&frames[b]) {
                out.push(GroupClash::Frames(*a.min(b), *a.max(b)));
            }
        }
    }
    out
}
