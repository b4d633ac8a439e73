//! Where a partial painting goes: everything a node's or a link's painting may cover, and what
//! the painting left out last time ([`Shown`]), so that a change of only what the SVG draws (the
//! front) or of the dragged set repaints only where the nodes and links that joined or left it
//! are.

use std::collections::HashSet;

use leptos::prelude::*;

use super::super::Ed;
use crate::model::map::{Curve, LinkId, Metrics, NodeId, Point, Polarity, Rect, Size};

/// A curve's bounding box (its control point included: the curve lies inside).
pub(super) fn curve_box(k: &Curve) -> Rect {
    Rect {
        x0: k.p.x.min(k.c.x).min(k.q.x),
        y0: k.p.y.min(k.c.y).min(k.q.y),
        x1: k.p.x.max(k.c.x).max(k.q.x),
        y1: k.p.y.max(k.c.y).max(k.q.y),
    }
}

pub(super) fn meets(a: &Rect, b: &Rect) -> bool {
    a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1
}

/// Everything a link's painting may cover: its curve, its arrowheads (14 units back from the
/// tip and 7 aside), its label on its background and its polarity sign.
pub(super) fn link_extent(
    k: &Curve,
    label: &str,
    words: bool,
    pol: Polarity,
    metrics: Metrics,
) -> Rect {
    let mut r = curve_box(k).grow(16.0);
    if words
        && !label.is_empty()
        && let Some(b) = crate::analysis::placement::label_box(label, k.mid, metrics)
    {
        r = r.union(b.grow(2.0));
    }
    if pol != Polarity::None {
        let at = k.sign_at();
        r = r.union(Rect::around(at, Size::default()).grow(metrics.font * 1.2 + 5.0));
    }
    r
}

/// Everything a node's painting may cover: its box and stroke, and its halo.
pub(super) fn node_extent(p: Point, s: Size, halo: Option<f64>) -> Rect {
    let r = Rect::around(p, s).grow(6.0);
    match halo {
        Some(v) => r.union(
            Rect::around(p, Size::default()).grow(s.w.max(s.h) / 2.0 + 8.0 + v * 60.0 + 1.0),
        ),
        None => r,
    }
}

/// What the painting left out when it was last painted (what the SVG drew and what was
/// dragged), so that a change of only those repaints only where they are.
#[derive(Default)]
pub(super) struct Shown {
    pub(super) nodes: HashSet<NodeId>,
    pub(super) links: HashSet<LinkId>,
}

impl Shown {
    /// What is left out now: the front, the lifted nodes and their links.
    pub(super) fn now(ed: Ed) -> Shown {
        let front = ed.front.get_value();
        let lifted = ed.lifted.get_untracked();
        let mut links = front.links;
        if !lifted.is_empty() {
            ed.links.with_value(|all| {
                for (id, l) in all {
                    if l.with_untracked(|l| lifted.contains(&l.from) || lifted.contains(&l.to)) {
                        links.insert(*id);
                    }
                }
            });
        }
        let mut nodes = front.nodes;
        nodes.extend(lifted);
        Shown { nodes, links }
    }
}

/// A whole painting at most joins or leaves this many nodes and links with a partial one.
pub(super) const PARTIAL_MAX: usize = 64;

/// The part of the map (map units) the nodes and links in `changed` may cover, placed by `end`.
pub(super) fn of(
    ed: Ed,
    changed: &Shown,
    end: &dyn Fn(NodeId) -> (Point, Size),
    halo_of: &dyn Fn(&NodeId) -> Option<f64>,
    link_words: bool,
    metrics: Metrics,
) -> Option<Rect> {
    let mut region: Option<Rect> = None;
    let mut add = |r: Rect| region = Some(region.map_or(r, |g| g.union(r)));
    for id in &changed.nodes {
        let (p, s) = end(*id);
        add(node_extent(p, s, halo_of(id)));
    }
    super::with_around(ed, |around| {
        ed.links.with_value(|links| {
            for id in &changed.links {
                let Some(l) = links.get(id) else { continue };
                l.with_untracked(|l| {
                    let k = super::super::frames::curve_in(
                        around,
                        *id,
                        (l.from, l.to),
                        end(l.from),
                        end(l.to),
                    );
                    if let Some(k) = k {
                        add(link_extent(&k, &l.label, link_words, l.polarity, metrics));
                    }
                });
            }
        })
    });
    region
}
