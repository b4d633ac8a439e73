//! Concept maps as data: nodes with labels and kinds, labelled links with a direction and an
//! optional polarity, the map's kinds (colour and shape, shown in a legend), and the view the
//! user left it at. Ids are small numbers that are never reused within a map, so exports and
//! undo can rely on them. Analysis and layout live in `crate::analysis`; they build what they
//! need (a petgraph graph, node sizes) from this on demand.

use serde::{Deserialize, Serialize};

mod groups;
mod links;
mod metrics;
mod repair;
mod view;

pub use crate::geometry::{Point, Rect, Size};
pub use groups::{Group, GroupId, MAX_DEPTH as MAX_GROUP_DEPTH};
pub use links::{Curve, Direction, Lane, Link, Polarity, RepeatKey, curve, link_ends};
pub use metrics::{Metrics, wrap_label};
pub use view::Viewport;

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

/// Places stay within this distance of the origin (read from storage or a file, a place
/// further out is moved to the middle).
pub const MAX_COORD: f64 = 1e7;
/// Ids at or past this are renumbered on restore, so adding to a map never runs out of ids.
pub const ID_CEILING: u32 = 1 << 30;

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
}

/// `one` for a count of 1, else `many`: "1 link", "2 links".
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests;
