//! Links: labelled, with a direction and an optional polarity. Two nodes may be joined by
//! several links ("A funds B" and "A advises B" are two propositions); only exact repeats (same
//! ends, label, direction and polarity) are merged. Parallel links are drawn as separate curves
//! ([`Lane`], [`curve`]), the same way on the canvas and in every picture export.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{ConceptMap, LinkId, NodeId, Point, Size};

/// Which way a link points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From `from` to `to`.
    #[default]
    Forward,
    /// Both ways (mutual influence).
    Both,
    /// A plain line: related, no direction.
    None,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Forward, Direction::Both, Direction::None];

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Forward => "forward",
            Direction::Both => "both",
            Direction::None => "none",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Direction::Forward => "One way \u{2192}",
            Direction::Both => "Both ways \u{2194}",
            Direction::None => "No direction \u{2014}",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A causal link's sign: more of the cause gives more (+) or less (−) of the effect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    #[default]
    None,
    Positive,
    Negative,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::None, Polarity::Positive, Polarity::Negative];

    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::None => "none",
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }

    /// The sign as drawn on the map, or empty.
    pub fn sign(self) -> &'static str {
        match self {
            Polarity::None => "",
            Polarity::Positive => "+",
            Polarity::Negative => "\u{2212}",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Polarity::None => "No polarity",
            Polarity::Positive => "+ (same way)",
            Polarity::Negative => "\u{2212} (opposite way)",
        }
    }

    pub fn parse(s: &str) -> Option<Polarity> {
        Polarity::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub id: LinkId,
    pub from: NodeId,
    pub to: NodeId,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub polarity: Polarity,
}

impl Link {
    /// The two ends, smaller id first: the pair the link joins, whatever its direction.
    pub fn pair(&self) -> (NodeId, NodeId) {
        (self.from.min(self.to), self.from.max(self.to))
    }

    /// True when `other` says exactly what this link says: the same ends (either way round
    /// unless one-way), label, direction and polarity.
    pub fn repeats(&self, other: &Link) -> bool {
        let ends = if self.direction == Direction::Forward {
            (self.from, self.to) == (other.from, other.to)
        } else {
            self.pair() == other.pair()
        };
        ends && self.label == other.label
            && self.direction == other.direction
            && self.polarity == other.polarity
    }

    /// What makes a link an exact repeat, as a key: see [`Link::repeats`].
    pub fn repeat_key_owned(&self) -> RepeatKey {
        let (a, b) = if self.direction == Direction::Forward {
            (self.from, self.to)
        } else {
            self.pair()
        };
        (a, b, self.direction, self.polarity, self.label.clone())
    }
}

/// Ends, direction, polarity and label: links with the same key are exact repeats.
pub type RepeatKey = (NodeId, NodeId, Direction, Polarity, String);

/// A link's place among the `count` links that join the same two nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lane {
    pub index: u32,
    pub count: u32,
}

impl Lane {
    pub const SINGLE: Lane = Lane { index: 0, count: 1 };
    /// Map units between neighbouring parallel links at their middle.
    pub const SPACING: f64 = 34.0;

    /// How far the link's middle sits from the straight line between the two centres, to the
    /// left of the direction from the smaller node id to the larger (so links in opposite
    /// directions share one fan). 0 for a single link.
    pub fn offset(self) -> f64 {
        (f64::from(self.index) - f64::from(self.count.max(1) - 1) / 2.0) * Lane::SPACING
    }
}

/// A link as drawn: from `p` to `q`, bending through the quadratic control point `c`; `mid` is
/// the curve's middle (where its label goes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    pub p: Point,
    pub c: Point,
    pub q: Point,
    pub mid: Point,
}

impl Curve {
    /// SVG path data: a straight line when it does not bend, else a quadratic curve.
    pub fn d(&self) -> String {
        let straight = (self.c.x - (self.p.x + self.q.x) / 2.0).abs() < 1e-6
            && (self.c.y - (self.p.y + self.q.y) / 2.0).abs() < 1e-6;
        if straight {
            format!(
                "M{:.1} {:.1}L{:.1} {:.1}",
                self.p.x, self.p.y, self.q.x, self.q.y
            )
        } else {
            format!(
                "M{:.1} {:.1}Q{:.1} {:.1} {:.1} {:.1}",
                self.p.x, self.p.y, self.c.x, self.c.y, self.q.x, self.q.y
            )
        }
    }

    /// Where a polarity sign goes: beside the arrowhead, on the left of the way in.
    pub fn sign_at(&self) -> Point {
        let (dx, dy) = (self.q.x - self.c.x, self.q.y - self.c.y);
        let len = dx.hypot(dy).max(1.0);
        Point::new(
            self.q.x - dx / len * 22.0 + dy / len * 14.0,
            self.q.y - dy / len * 22.0 - dx / len * 14.0,
        )
    }
}

/// The curve of a link from the box at `a` (size `sa`, node id `from`) to the box at `b`
/// (`to`), in its `lane`: straight for a single link; parallel links bow apart, each ending
/// just outside its boxes.
pub fn curve(
    a: Point,
    sa: Size,
    b: Point,
    sb: Size,
    (from, to): (NodeId, NodeId),
    lane: Lane,
) -> Curve {
    let offset = lane.offset();
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = dx.hypot(dy);
    if offset.abs() < 1e-9 || len < 1e-9 {
        let (p, q) = link_ends(a, sa, b, sb);
        let mid = Point::new((p.x + q.x) / 2.0, (p.y + q.y) / 2.0);
        return Curve { p, c: mid, q, mid };
    }
    // The normal to the left of smaller id -> larger id, so both directions agree.
    let sign = if from <= to { 1.0 } else { -1.0 };
    let (nx, ny) = (dy / len * sign, -dx / len * sign);
    // A quadratic curve's middle is half way from the chord to its control point.
    let m = Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    let c = Point::new(m.x + nx * offset * 2.0, m.y + ny * offset * 2.0);
    let none = Size { w: 0.0, h: 0.0 };
    let (p, _) = link_ends(a, sa, c, none);
    let (_, q) = link_ends(c, none, b, sb);
    let mid = Point::new(
        0.25 * p.x + 0.5 * c.x + 0.25 * q.x,
        0.25 * p.y + 0.5 * c.y + 0.25 * q.y,
    );
    Curve { p, c, q, mid }
}

/// Where a link between two boxes starts and ends: on the line between their centres, just
/// outside each box, so arrowheads touch the box instead of hiding under it.
pub fn link_ends(a: Point, sa: Size, b: Point, sb: Size) -> (Point, Point) {
    const GAP: f64 = 3.0;
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let exit = |s: Size| {
        // The fraction of the centre-to-centre line inside a box of size s.
        let tx = if dx.abs() < 1e-9 {
            f64::INFINITY
        } else {
            (s.w / 2.0 + GAP) / dx.abs()
        };
        let ty = if dy.abs() < 1e-9 {
            f64::INFINITY
        } else {
            (s.h / 2.0 + GAP) / dy.abs()
        };
        tx.min(ty).min(0.5)
    };
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return (a, b);
    }
    let (ta, tb) = (exit(sa), exit(sb));
    (
        Point::new(a.x + dx * ta, a.y + dy * ta),
        Point::new(b.x - dx * tb, b.y - dy * tb),
    )
}

impl ConceptMap {
    /// Links two different nodes (or a node and a group, or two groups), as a person drawing a
    /// link does: an unlabelled one-way link
    /// that already goes from `from` to `to` is returned instead of an exact repeat; any other
    /// link between them (labelled, the other way, both ways) gets a parallel one beside it.
    /// This looks only at the links of `from` (a scan of the map's links, fine for one gesture);
    /// code that adds many links uses [`ConceptMap::push_link`].
    pub fn add_link(&mut self, from: NodeId, to: NodeId) -> Option<LinkId> {
        if from == to || !self.is_end(from) || !self.is_end(to) {
            return None;
        }
        let blank = Link {
            from,
            to,
            ..Link::default()
        };
        if let Some(l) = self.links.iter().find(|l| l.repeats(&blank)) {
            return Some(l.id);
        }
        self.push_link(from, to, String::new(), Direction::Forward, Polarity::None)
    }

    /// Adds a link between two different existing nodes (or groups) without looking for repeats, in
    /// constant time (imports, merges, templates).
    pub fn push_link(
        &mut self,
        from: NodeId,
        to: NodeId,
        label: String,
        direction: Direction,
        polarity: Polarity,
    ) -> Option<LinkId> {
        if from == to || !self.is_end(from) || !self.is_end(to) {
            return None;
        }
        let id = self.fresh_id();
        // Fresh ids are larger than every id so far, so the list stays sorted.
        self.links.push(Link {
            id,
            from,
            to,
            label,
            direction,
            polarity,
        });
        Some(id)
    }

    pub fn edit_link(&mut self, id: LinkId, change: impl FnOnce(&mut Link)) {
        if let Some(l) = self.link_mut(id) {
            change(l);
        }
    }

    /// Points a link the other way (its polarity stays).
    pub fn reverse_link(&mut self, id: LinkId) {
        self.edit_link(id, |l| std::mem::swap(&mut l.from, &mut l.to));
    }

    pub fn remove_link(&mut self, id: LinkId) {
        self.links.retain(|l| l.id != id);
    }

    /// The links that touch a node, in the map's order.
    pub fn links_of(&self, id: NodeId) -> impl Iterator<Item = &Link> {
        self.links
            .iter()
            .filter(move |l| l.from == id || l.to == id)
    }

    /// The links that touch a node, clockwise from twelve o'clock by where their other end is
    /// (as a person sees them around the node on the canvas: y grows downwards); links to the
    /// same place in the order they were made. What the keyboard walks through from a node.
    pub fn links_around(&self, id: NodeId) -> Vec<LinkId> {
        let Some(at) = self.node(id).map(|n| n.at()) else {
            return Vec::new();
        };
        let mut around: Vec<(f64, LinkId)> = self
            .links_of(id)
            .map(|l| {
                let other = if l.from == id { l.to } else { l.from };
                let p = self.node(other).map_or(at, |n| n.at());
                // atan2(dx, -dy): 0 straight up, growing clockwise, in [0, 2π).
                let turn = (p.x - at.x).atan2(at.y - p.y);
                let turn = if turn < 0.0 {
                    turn + std::f64::consts::TAU
                } else {
                    turn
                };
                (turn, l.id)
            })
            .collect();
        crate::order::sort_by(&mut around, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        around.into_iter().map(|(_, l)| l).collect()
    }

    /// The next (or, backwards, the previous) link around a node after `current`, wrapping
    /// round; from no link (or one that does not touch the node), the first (or last) one.
    pub fn step_link(&self, id: NodeId, current: Option<LinkId>, forward: bool) -> Option<LinkId> {
        let around = self.links_around(id);
        let n = around.len();
        if n == 0 {
            return None;
        }
        let at = current.and_then(|c| around.iter().position(|l| *l == c));
        let i = match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        Some(around[i])
    }

    /// Every link's place among the links joining the same two nodes (either way), for drawing
    /// parallel links as separate curves. One pass over the links.
    pub fn lanes(&self) -> HashMap<LinkId, Lane> {
        let mut by_pair: HashMap<(NodeId, NodeId), Vec<LinkId>> = HashMap::new();
        for l in &self.links {
            by_pair.entry(l.pair()).or_default().push(l.id);
        }
        let mut out = HashMap::with_capacity(self.links.len());
        for ids in by_pair.values() {
            let count = ids.len() as u32;
            for (index, id) in ids.iter().enumerate() {
                out.insert(
                    *id,
                    Lane {
                        index: index as u32,
                        count,
                    },
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hub with four neighbours at the compass points, linked in a jumbled order.
    fn compass() -> (ConceptMap, NodeId, [LinkId; 4]) {
        let mut m = ConceptMap::new("m".into(), "Compass");
        let hub = m.add_node("hub", Point::new(0.0, 0.0), None);
        let west = m.add_node("west", Point::new(-200.0, 0.0), None);
        let south = m.add_node("south", Point::new(0.0, 200.0), None);
        let north = m.add_node("north", Point::new(0.0, -200.0), None);
        let east = m.add_node("east", Point::new(200.0, 0.0), None);
        let w = m.add_link(west, hub).unwrap();
        let s = m.add_link(hub, south).unwrap();
        let n = m.add_link(hub, north).unwrap();
        let e = m.add_link(east, hub).unwrap();
        (m, hub, [n, e, s, w])
    }

    #[test]
    fn links_around_a_node_go_clockwise_from_the_top_whichever_way_they_point() {
        let (m, hub, clockwise) = compass();
        assert_eq!(m.links_around(hub), clockwise.to_vec());
        // A node with one link, and a node that is not there.
        let north = m.nodes.iter().find(|n| n.label == "north").unwrap().id;
        assert_eq!(m.links_around(north), vec![clockwise[0]]);
        assert!(m.links_around(999).is_empty());
    }

    #[test]
    fn stepping_through_links_wraps_round_both_ways() {
        let (mut m, hub, [n, e, s, w]) = compass();
        assert_eq!(m.step_link(hub, None, true), Some(n));
        assert_eq!(m.step_link(hub, None, false), Some(w));
        assert_eq!(m.step_link(hub, Some(n), true), Some(e));
        assert_eq!(m.step_link(hub, Some(w), true), Some(n));
        assert_eq!(m.step_link(hub, Some(n), false), Some(w));
        // A parallel link to the same place comes right after the first, by age.
        let south = m.nodes.iter().find(|x| x.label == "south").unwrap().id;
        let again = m.push_link(
            south,
            hub,
            "again".into(),
            Direction::Forward,
            Polarity::None,
        );
        assert_eq!(m.step_link(hub, Some(s), true), again);
        assert_eq!(m.step_link(hub, again, true), Some(w));
        // A lone node has none to step to.
        let lone = m.add_node("lone", Point::new(900.0, 900.0), None);
        assert_eq!(m.step_link(lone, None, true), None);
    }
}
