//! Concept maps as data: nodes with labels and kinds, labelled links with a direction and an
//! optional polarity, the map's kinds (colour and shape, shown in a legend), and the view the
//! user left it at. Ids are small numbers that are never reused within a map, so exports and
//! undo can rely on them. Analysis and layout live in `crate::analysis`; they build what they
//! need (a petgraph graph, node sizes) from this on demand.

use serde::{Deserialize, Serialize};

mod groups;
mod links;

pub use crate::geometry::{Point, Rect, Size};
pub use groups::{Group, GroupId, MAX_DEPTH as MAX_GROUP_DEPTH};
pub use links::{Curve, Direction, Lane, Link, Polarity, RepeatKey, curve, link_ends};

/// A node's id, unique within its map and never reused.
pub type NodeId = u32;
/// A link's id, unique within its map and never reused.
pub type LinkId = u32;
/// A kind's id, unique within its map.
pub type KindId = u32;

/// The outline of a kind's nodes. Shapes differ by more than colour, so a legend reads in
/// greyscale and for people who do not see colour differences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    #[default]
    Rounded,
    Box,
    Pill,
    Dashed,
}

impl Shape {
    pub const ALL: [Shape; 4] = [Shape::Rounded, Shape::Box, Shape::Pill, Shape::Dashed];

    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Rounded => "rounded",
            Shape::Box => "box",
            Shape::Pill => "pill",
            Shape::Dashed => "dashed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Shape::Rounded => "Rounded box",
            Shape::Box => "Square box",
            Shape::Pill => "Pill",
            Shape::Dashed => "Dashed box",
        }
    }

    pub fn parse(s: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Colours a kind can take: names of the app's map palette (see `style/tokens.css`), each
/// readable with dark text in the light scheme and light text in the dark scheme.
pub const COLOURS: [&str; 8] = [
    "blue", "orange", "green", "purple", "yellow", "teal", "pink", "grey",
];

/// A kind of node in one map ("target area", "stakeholder", "barrier").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    pub id: KindId,
    #[serde(default)]
    pub name: String,
    /// An index into [`COLOURS`].
    #[serde(default)]
    pub colour: u8,
    #[serde(default)]
    pub shape: Shape,
}

impl Kind {
    pub fn colour_name(&self) -> &'static str {
        COLOURS[self.colour as usize % COLOURS.len()]
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: NodeId,
    #[serde(default)]
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<KindId>,
    /// The centre of the node's box.
    #[serde(default)]
    pub x: f64,
    #[serde(default)]
    pub y: f64,
    /// The group it sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupId>,
    /// A description or notes: what the group meant by the idea, sources, open questions.
    /// Additive (old files have none); written only when there are some.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Node {
    pub fn at(&self) -> Point {
        Point::new(self.x, self.y)
    }
}

/// Where the user left the canvas: the map point at the top-left corner and the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            x: -600.0,
            y: -350.0,
            zoom: 1.0,
        }
    }
}

/// Places stay within this distance of the origin (read from storage or a file, a place
/// further out is moved to the middle).
pub const MAX_COORD: f64 = 1e7;
/// Ids at or past this are renumbered on restore, so adding to a map never runs out of ids.
pub const ID_CEILING: u32 = 1 << 30;

impl Viewport {
    pub const MIN_ZOOM: f64 = 0.05;
    pub const MAX_ZOOM: f64 = 4.0;

    /// The map point under a screen point (relative to the canvas's top-left corner).
    pub fn to_map(&self, sx: f64, sy: f64) -> Point {
        Point::new(self.x + sx / self.zoom, self.y + sy / self.zoom)
    }

    /// Zooms by `factor` keeping the map point under the screen point `(sx, sy)` in place.
    pub fn zoom_at(&self, factor: f64, sx: f64, sy: f64) -> Viewport {
        let zoom = (self.zoom * factor).clamp(Viewport::MIN_ZOOM, Viewport::MAX_ZOOM);
        let anchor = self.to_map(sx, sy);
        Viewport {
            x: anchor.x - sx / zoom,
            y: anchor.y - sy / zoom,
            zoom,
        }
    }

    /// The view that shows `bounds` (with a margin) in a canvas of `width` × `height` pixels,
    /// never zooming in past 1.5.
    pub fn fit(bounds: Rect, width: f64, height: f64) -> Viewport {
        let margin = 40.0;
        let bw = (bounds.w()).max(1.0) + 2.0 * margin;
        let bh = (bounds.h()).max(1.0) + 2.0 * margin;
        let zoom = (width / bw).min(height / bh).clamp(Viewport::MIN_ZOOM, 1.5);
        let cx = (bounds.x0 + bounds.x1) / 2.0;
        let cy = (bounds.y0 + bounds.y1) / 2.0;
        Viewport {
            x: cx - width / 2.0 / zoom,
            y: cy - height / 2.0 / zoom,
            zoom,
        }
    }

    /// A view the canvas can draw: finite, within [`MAX_COORD`], zoom within its limits.
    pub fn is_valid(&self) -> bool {
        self.x.abs() <= MAX_COORD
            && self.y.abs() <= MAX_COORD
            && self.zoom.is_finite()
            && (Viewport::MIN_ZOOM..=Viewport::MAX_ZOOM).contains(&self.zoom)
    }
}

/// Text metrics for laying out labels: the font size in map units. Widths are estimated
/// (0.56 em a character, a little generous for most sans-serif text), so boxes never need the
/// browser to measure and layout stays a pure function.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub font: f64,
}

impl Metrics {
    pub const STANDARD: Metrics = Metrics { font: 16.0 };
    pub const PROJECTOR: Metrics = Metrics { font: 24.0 };
    /// Characters a line before wrapping.
    pub const LINE_CHARS: usize = 22;
    /// At most this many lines are drawn; the rest is marked with an ellipsis.
    pub const MAX_LINES: usize = 6;

    pub fn line_height(&self) -> f64 {
        self.font * 1.25
    }

    /// The box a label needs: its wrapped lines plus padding, at least a small square.
    pub fn node_size(&self, label: &str) -> Size {
        let lines = wrap_label(label);
        let longest = lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(4);
        Size {
            w: longest as f64 * self.font * 0.56 + self.font * 1.5,
            h: lines.len().max(1) as f64 * self.line_height() + self.font,
        }
    }
}

/// A label broken into lines of at most [`Metrics::LINE_CHARS`] characters at spaces (a word
/// longer than a line is cut), keeping the user's own line breaks, at most
/// [`Metrics::MAX_LINES`] lines (the last ends in "…" when text was left out).
pub fn wrap_label(label: &str) -> Vec<String> {
    let max = Metrics::LINE_CHARS;
    let mut lines: Vec<String> = Vec::new();
    for para in label.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in para.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > max {
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                lines.push(word.drain(..max).collect());
            }
            let wl = word.len();
            if wl == 0 {
                continue;
            }
            if len > 0 && len + 1 + wl > max {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(word);
            len += wl;
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() > Metrics::MAX_LINES {
        lines.truncate(Metrics::MAX_LINES);
        let last = lines.last_mut().expect("six lines");
        let kept: String = last.chars().take(max - 1).collect();
        *last = format!("{kept}\u{2026}");
    }
    lines
}

/// One concept map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConceptMap {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// The question the map answers (Novak's focus question).
    #[serde(default)]
    pub focus_question: String,
    /// The template it started from (`blank`, `vision`, `stakeholders`, `cycle`).
    #[serde(default)]
    pub template: String,
    #[serde(default)]
    pub kinds: Vec<Kind>,
    /// Sorted by id (restore sorts), so lookups are binary searches.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// Sorted by id, like the nodes.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Frames around nodes, in the order they were made (see [`groups`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub view: Viewport,
    /// The next id for a node, link or kind.
    #[serde(default)]
    pub next_id: u32,
}

impl ConceptMap {
    pub fn new(id: String, title: &str) -> ConceptMap {
        ConceptMap {
            id,
            title: title.to_string(),
            template: "blank".into(),
            next_id: 1,
            ..ConceptMap::default()
        }
    }

    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            "Untitled map"
        } else {
            &self.title
        }
    }

    fn fresh_id(&mut self) -> u32 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    /// Gives nodes, links and kinds the ids 1, 2, 3… (in their order) when any id is at or
    /// past [`ID_CEILING`]; returns whether it did. Links follow their nodes, nodes their kind.
    fn renumber_if_near_the_end(&mut self) -> bool {
        let near = |id: u32| id >= ID_CEILING;
        if !(self.nodes.iter().any(|n| near(n.id))
            || self.links.iter().any(|l| near(l.id))
            || self.kinds.iter().any(|k| near(k.id))
            || self.groups.iter().any(|g| near(g.id))
            || near(self.next_id))
        {
            return false;
        }
        let mut next = 0u32;
        let mut fresh = || {
            next += 1;
            next
        };
        let kinds: std::collections::HashMap<KindId, KindId> = self
            .kinds
            .iter_mut()
            .map(|k| (k.id, std::mem::replace(&mut k.id, fresh())))
            .collect();
        let nodes: std::collections::HashMap<NodeId, NodeId> = self
            .nodes
            .iter_mut()
            .map(|n| (n.id, std::mem::replace(&mut n.id, fresh())))
            .collect();
        let groups: std::collections::HashMap<GroupId, GroupId> = self
            .groups
            .iter_mut()
            .map(|g| (g.id, std::mem::replace(&mut g.id, fresh())))
            .collect();
        for g in &mut self.groups {
            g.parent = g.parent.and_then(|p| groups.get(&p).copied());
        }
        for n in &mut self.nodes {
            n.kind = n.kind.and_then(|k| kinds.get(&k).copied());
            n.group = n.group.and_then(|g| groups.get(&g).copied());
        }
        let end = |id: u32| nodes.get(&id).or_else(|| groups.get(&id)).copied();
        for l in &mut self.links {
            l.id = fresh();
            l.from = end(l.from).unwrap_or(0);
            l.to = end(l.to).unwrap_or(0);
        }
        self.next_id = fresh();
        true
    }

    pub fn node_index(&self, id: NodeId) -> Option<usize> {
        self.nodes.binary_search_by_key(&id, |n| n.id).ok()
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.node_index(id).map(|i| &self.nodes[i])
    }

    pub fn node_mut(&mut self, id: NodeId) -> Option<&mut Node> {
        self.node_index(id).map(|i| &mut self.nodes[i])
    }

    pub fn link(&self, id: LinkId) -> Option<&Link> {
        let i = self.links.binary_search_by_key(&id, |l| l.id).ok()?;
        Some(&self.links[i])
    }

    pub fn link_mut(&mut self, id: LinkId) -> Option<&mut Link> {
        let i = self.links.binary_search_by_key(&id, |l| l.id).ok()?;
        Some(&mut self.links[i])
    }

    pub fn kind(&self, id: KindId) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    /// A node's label for lists and messages: its first line, or "(no label)".
    pub fn node_name(&self, id: NodeId) -> String {
        match self.node(id) {
            Some(n) if !n.label.trim().is_empty() => {
                n.label.split_whitespace().collect::<Vec<_>>().join(" ")
            }
            Some(_) => "(no label)".into(),
            None => "(removed)".into(),
        }
    }

    pub fn add_node(&mut self, label: &str, at: Point, kind: Option<KindId>) -> NodeId {
        let id = self.fresh_id();
        // Fresh ids are larger than every id so far, so the list stays sorted.
        self.nodes.push(Node {
            id,
            label: label.to_string(),
            kind,
            x: at.x,
            y: at.y,
            group: None,
            notes: String::new(),
        });
        id
    }

    /// Sets a node's description or notes.
    pub fn set_notes(&mut self, id: NodeId, notes: impl Into<String>) {
        if let Some(n) = self.node_mut(id) {
            n.notes = notes.into();
        }
    }

    pub fn set_label(&mut self, id: NodeId, label: String) {
        if let Some(n) = self.node_mut(id) {
            n.label = label;
        }
    }

    pub fn set_kind(&mut self, id: NodeId, kind: Option<KindId>) {
        let kind = kind.filter(|k| self.kind(*k).is_some());
        if let Some(n) = self.node_mut(id) {
            n.kind = kind;
        }
    }

    /// Puts nodes at new places (non-finite coordinates are ignored).
    pub fn move_nodes(&mut self, moves: &[(NodeId, Point)]) {
        for (id, p) in moves {
            if p.x.is_finite()
                && p.y.is_finite()
                && let Some(n) = self.node_mut(*id)
            {
                n.x = p.x;
                n.y = p.y;
            }
        }
    }

    /// Removes nodes and every link that touches them.
    pub fn remove_nodes(&mut self, ids: &[NodeId]) {
        self.keep_places_of_groups_left_empty(ids);
        self.nodes.retain(|n| !ids.contains(&n.id));
        self.links
            .retain(|l| !ids.contains(&l.from) && !ids.contains(&l.to));
    }

    pub fn add_kind(&mut self, name: &str) -> KindId {
        let id = self.fresh_id();
        let colour = (self.kinds.len() % COLOURS.len()) as u8;
        let shape = Shape::ALL[(self.kinds.len() / COLOURS.len()) % Shape::ALL.len()];
        self.kinds.push(Kind {
            id,
            name: name.to_string(),
            colour,
            shape,
        });
        id
    }

    pub fn edit_kind(&mut self, id: KindId, change: impl FnOnce(&mut Kind)) {
        if let Some(k) = self.kinds.iter_mut().find(|k| k.id == id) {
            change(k);
            k.colour %= COLOURS.len() as u8;
        }
    }

    /// Removes a kind; its nodes keep their place and label and become kind-less.
    pub fn remove_kind(&mut self, id: KindId) {
        self.kinds.retain(|k| k.id != id);
        for n in &mut self.nodes {
            if n.kind == Some(id) {
                n.kind = None;
            }
        }
    }

    /// The box around every node and group frame, or `None` for an empty map.
    pub fn bounds(&self, metrics: Metrics) -> Option<Rect> {
        let nodes = self
            .nodes
            .iter()
            .map(|n| Rect::around(n.at(), metrics.node_size(&n.label)))
            .reduce(Rect::union);
        if self.groups.is_empty() {
            return nodes;
        }
        self.group_frames(metrics)
            .into_values()
            .chain(nodes)
            .reduce(Rect::union)
    }

    /// A place near `near` where a new box of `size` overlaps no node: `near` itself if it is
    /// free, else the first free place on a spiral around it.
    pub fn free_spot(&self, metrics: Metrics, near: Point, size: Size) -> Point {
        let boxes: Vec<Rect> = self
            .nodes
            .iter()
            .map(|n| {
                let s = metrics.node_size(&n.label);
                Rect::around(
                    n.at(),
                    Size {
                        w: s.w + 24.0,
                        h: s.h + 24.0,
                    },
                )
            })
            .collect();
        let free = |p: Point| {
            let r = Rect::around(p, size);
            !boxes.iter().any(|b| b.overlaps(&r))
        };
        let step = size.h.max(40.0);
        for i in 0..2_000u32 {
            let turn = f64::from(i).sqrt() * 2.0;
            let radius = step * f64::from(i).sqrt();
            let p = Point::new(
                near.x + radius * turn.cos() * 1.6,
                near.y + radius * turn.sin(),
            );
            if free(p) {
                return p;
            }
        }
        near
    }

    /// Every node's box, in the order of `nodes`.
    pub fn sizes(&self, metrics: Metrics) -> Vec<Size> {
        self.nodes
            .iter()
            .map(|n| metrics.node_size(&n.label))
            .collect()
    }

    /// Makes a map read from storage (or an import) safe to use, reporting each fix: nodes sorted
    /// with unique ids and finite places, links only between existing different nodes (any
    /// number of them between two nodes: what a person drew is kept), kinds unique, node kinds that
    /// exist, groups that nest without cycles, a usable view and a `next_id` past every id.
    pub fn repair(&mut self, report: &mut Vec<String>) {
        let what = format!("map \u{201c}{}\u{201d}", self.display_title());
        self.nodes.sort_by_key(|n| n.id);
        let before = self.nodes.len();
        self.nodes.dedup_by_key(|n| n.id);
        if self.nodes.len() < before {
            report.push(format!(
                "{what}: {} nodes repeated an id and were dropped",
                before - self.nodes.len()
            ));
        }
        let mut moved = 0;
        for n in &mut self.nodes {
            if !(n.x.abs() <= MAX_COORD && n.y.abs() <= MAX_COORD) {
                n.x = 0.0;
                n.y = 0.0;
                moved += 1;
            }
        }
        if moved > 0 {
            report.push(format!(
                "{what}: {moved} nodes had no place and were put in the middle"
            ));
        }
        let mut seen_kinds = std::collections::HashSet::new();
        self.kinds.retain(|k| seen_kinds.insert(k.id));
        for k in &mut self.kinds {
            k.colour %= COLOURS.len() as u8;
        }
        let kinds: std::collections::HashSet<KindId> = self.kinds.iter().map(|k| k.id).collect();
        for n in &mut self.nodes {
            if n.kind.is_some_and(|k| !kinds.contains(&k)) {
                n.kind = None;
            }
        }
        // A link ends on a node or on a group (ids never clash: one counter makes them all).
        let nodes: std::collections::HashSet<NodeId> = self
            .nodes
            .iter()
            .map(|n| n.id)
            .chain(self.groups.iter().map(|g| g.id))
            .collect();
        self.links.sort_by_key(|l| l.id);
        let mut link_ids = std::collections::HashSet::new();
        let before = self.links.len();
        self.links.retain(|l| {
            l.from != l.to
                && nodes.contains(&l.from)
                && nodes.contains(&l.to)
                && link_ids.insert(l.id)
        });
        if self.links.len() < before {
            report.push(format!(
                "{what}: {} {} pointed nowhere or repeated another's id and {} dropped",
                before - self.links.len(),
                plural(before - self.links.len(), "link", "links"),
                if before - self.links.len() == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        let fixed = self.repair_groups();
        if fixed > 0 {
            report.push(format!(
                "{what}: {fixed} group {} pointed to a missing group or made a cycle and {} undone",
                plural(fixed, "setting", "settings"),
                if fixed == 1 { "was" } else { "were" }
            ));
        }
        if !self.view.is_valid() {
            self.view = Viewport::default();
        }
        if self.renumber_if_near_the_end() {
            report.push(format!(
                "{what}: its ids were near the largest an id can be and were renumbered"
            ));
        }
        let max = self
            .nodes
            .iter()
            .map(|n| n.id)
            .chain(self.links.iter().map(|l| l.id))
            .chain(self.kinds.iter().map(|k| k.id))
            .chain(self.groups.iter().map(|g| g.id))
            .max()
            .unwrap_or(0);
        if self.next_id <= max {
            self.next_id = max + 1;
        }
    }
}

/// `one` for a count of 1, else `many`: "1 link", "2 links".
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> (ConceptMap, NodeId, NodeId, NodeId) {
        let mut m = ConceptMap::new("m".into(), "Test");
        let a = m.add_node("a", Point::new(0.0, 0.0), None);
        let b = m.add_node("b", Point::new(100.0, 0.0), None);
        let c = m.add_node("c", Point::new(0.0, 100.0), None);
        (m, a, b, c)
    }

    #[test]
    fn ids_are_never_reused() {
        let (mut m, a, b, c) = three();
        m.remove_nodes(&[c]);
        let d = m.add_node("d", Point::default(), None);
        assert!(d > c);
        assert!(a < b && b < c);
        assert_eq!(m.node(d).unwrap().label, "d");
    }

    #[test]
    fn links_join_two_different_existing_nodes_once() {
        let (mut m, a, b, c) = three();
        let ab = m.add_link(a, b).unwrap();
        assert_eq!(m.add_link(a, b), Some(ab), "an exact repeat is not added");
        let ba = m.add_link(b, a).unwrap();
        assert_ne!(ba, ab, "the other way is a second, parallel link");
        m.edit_link(ab, |l| l.label = "funds".into());
        let second = m.add_link(a, b).unwrap();
        assert_ne!(second, ab, "a labelled link gets a parallel one beside it");
        assert_eq!(m.links.len(), 3);
        let lanes = m.lanes();
        let mut offsets: Vec<f64> = m.links.iter().map(|l| lanes[&l.id].offset()).collect();
        offsets.sort_by(f64::total_cmp);
        assert_eq!(offsets, [-Lane::SPACING, 0.0, Lane::SPACING]);
        m.remove_link(ba);
        m.remove_link(second);
        assert_eq!(m.add_link(a, a), None);
        assert_eq!(m.add_link(a, 99), None);
        m.add_link(b, c).unwrap();
        m.remove_nodes(&[b]);
        assert!(m.links.is_empty(), "removing a node removes its links");
    }

    #[test]
    fn reversing_keeps_polarity() {
        let (mut m, a, b, _) = three();
        let l = m.add_link(a, b).unwrap();
        m.edit_link(l, |l| l.polarity = Polarity::Negative);
        m.reverse_link(l);
        let l = m.link(l).unwrap();
        assert_eq!((l.from, l.to, l.polarity), (b, a, Polarity::Negative));
    }

    #[test]
    fn removing_a_kind_keeps_its_nodes() {
        let (mut m, a, _, _) = three();
        let k = m.add_kind("Target area");
        m.set_kind(a, Some(k));
        m.set_kind(a, Some(999));
        assert_eq!(m.node(a).unwrap().kind, None, "an unknown kind is refused");
        m.set_kind(a, Some(k));
        m.remove_kind(k);
        assert_eq!(m.node(a).unwrap().kind, None);
        assert_eq!(m.nodes.len(), 3);
    }

    #[test]
    fn labels_wrap_at_spaces_and_keep_line_breaks() {
        assert_eq!(wrap_label(""), vec![""]);
        assert_eq!(
            wrap_label("high cost to NHS and social services"),
            vec!["high cost to NHS and", "social services"]
        );
        assert_eq!(wrap_label("one\ntwo"), vec!["one", "two"]);
        let long = "x".repeat(50);
        assert_eq!(
            wrap_label(&long),
            vec!["x".repeat(22), "x".repeat(22), "x".repeat(6)]
        );
        let many = "word ".repeat(100);
        let lines = wrap_label(&many);
        assert_eq!(lines.len(), Metrics::MAX_LINES);
        assert!(lines.last().unwrap().ends_with('\u{2026}'));
        assert!(
            lines
                .iter()
                .all(|l| l.chars().count() <= Metrics::LINE_CHARS)
        );
    }

    #[test]
    fn boxes_grow_with_their_text() {
        let m = Metrics::STANDARD;
        let small = m.node_size("a");
        let long = m.node_size("loneliness and isolation");
        let two = m.node_size("a\nb");
        assert!(long.w > small.w);
        assert!(two.h > small.h);
        assert!(Metrics::PROJECTOR.node_size("a").w > small.w);
    }

    #[test]
    fn links_end_outside_both_boxes() {
        let s = Size { w: 100.0, h: 40.0 };
        let (p, q) = link_ends(Point::new(0.0, 0.0), s, Point::new(300.0, 0.0), s);
        assert_eq!((p.x, p.y, q.x, q.y), (53.0, 0.0, 247.0, 0.0));
        let (p, q) = link_ends(Point::new(0.0, 0.0), s, Point::new(0.0, 200.0), s);
        assert_eq!((p.y, q.y), (23.0, 177.0));
        let (p, _) = link_ends(Point::new(0.0, 0.0), s, Point::new(0.0, 0.0), s);
        assert!(p.x.is_finite());
    }

    #[test]
    fn a_free_spot_overlaps_nothing() {
        let (m, _, _, _) = three();
        let metrics = Metrics::STANDARD;
        let size = metrics.node_size("new");
        let p = m.free_spot(metrics, Point::new(0.0, 0.0), size);
        let r = Rect::around(p, size);
        for n in &m.nodes {
            assert!(!Rect::around(n.at(), metrics.node_size(&n.label)).overlaps(&r));
        }
        let far = Point::new(5_000.0, 5_000.0);
        assert_eq!(m.free_spot(metrics, far, size), far);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let v = Viewport {
            x: 10.0,
            y: 20.0,
            zoom: 1.0,
        };
        let before = v.to_map(300.0, 200.0);
        let z = v.zoom_at(2.0, 300.0, 200.0);
        let after = z.to_map(300.0, 200.0);
        assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
        assert_eq!(v.zoom_at(1000.0, 0.0, 0.0).zoom, Viewport::MAX_ZOOM);
    }

    #[test]
    fn fit_shows_the_whole_map() {
        let b = Rect {
            x0: -500.0,
            y0: -100.0,
            x1: 1500.0,
            y1: 900.0,
        };
        let v = Viewport::fit(b, 1000.0, 500.0);
        let tl = v.to_map(0.0, 0.0);
        let br = v.to_map(1000.0, 500.0);
        assert!(tl.x <= b.x0 && tl.y <= b.y0 && br.x >= b.x1 && br.y >= b.y1);
    }

    #[test]
    fn repair_makes_a_damaged_map_safe() {
        let (mut m, a, b, c) = three();
        m.add_link(a, b);
        m.links.push(Link {
            id: 50,
            from: a,
            to: 77,
            ..Link::default()
        });
        m.links.push(Link {
            id: 51,
            from: c,
            to: c,
            ..Link::default()
        });
        m.nodes.push(Node {
            id: a,
            label: "dup".into(),
            ..Node::default()
        });
        m.links.push(Link {
            id: 52,
            from: a,
            to: b,
            label: "funds".into(),
            ..Link::default()
        });
        m.links.push(Link {
            id: 53,
            from: a,
            to: b,
            label: "funds".into(),
            ..Link::default()
        });
        m.nodes.swap(0, 2);
        m.nodes[1].x = f64::NAN;
        m.nodes[1].kind = Some(5);
        m.view.zoom = 0.0;
        m.next_id = 0;
        let mut report = Vec::new();
        m.repair(&mut report);
        assert_eq!(report.len(), 3, "{report:?}");
        assert!(m.nodes.windows(2).all(|w| w[0].id < w[1].id));
        assert_eq!(m.nodes.len(), 3);
        assert_eq!(
            m.links.len(),
            3,
            "parallel links are kept, even an exact repeat"
        );
        assert!(m.nodes.iter().all(|n| n.x.is_finite() && n.kind.is_none()));
        assert_eq!(m.view, Viewport::default());
        assert!(m.next_id > 53);
    }
}
