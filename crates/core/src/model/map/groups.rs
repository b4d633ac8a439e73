//! Groups: a named, coloured frame around nodes (yEd groups, Graphviz clusters, Mermaid
//! subgraphs, GEXF parents, CmapTools nested groups). A node belongs to at most one group; a
//! group may sit inside another (at most [`MAX_DEPTH`] deep). A group is drawn as the box
//! around its members and its subgroups, moves as one, and can be collapsed to a single box.
//! Group ids come from the map's one id counter, so they never clash with node or link ids.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{COLOURS, ConceptMap, Metrics, NodeId, Point, Rect};

/// A group's id, unique within its map among every id.
pub type GroupId = u32;

/// Groups nest at most this deep (a deeper parent chain is cut on repair).
pub const MAX_DEPTH: usize = 16;
/// The space between a group's frame and what it holds, in map units.
pub const PAD: f64 = 18.0;
/// The height of the band at a frame's top that carries the group's name.
pub const TITLE: f64 = 26.0;
/// The least size of an empty group's frame, room to drop a node into.
pub const EMPTY: super::Size = super::Size { w: 220.0, h: 130.0 };

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: GroupId,
    #[serde(default)]
    pub name: String,
    /// An index into [`COLOURS`].
    #[serde(default)]
    pub colour: u8,
    /// The group this one sits in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<GroupId>,
    /// Drawn as one box, its members hidden.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collapsed: bool,
    /// Where an empty group's frame is (its centre): a group with nothing in it still has a
    /// place, so it can be seen, moved and have nodes dropped into it. Ignored while the group
    /// holds something (its frame is then the box around what it holds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Point>,
}

impl Group {
    pub fn colour_name(&self) -> &'static str {
        COLOURS[self.colour as usize % COLOURS.len()]
    }

    /// The name for lists and messages.
    pub fn display_name(&self) -> String {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            "(unnamed group)".into()
        } else {
            name
        }
    }
}

impl ConceptMap {
    /// A group by id (groups are sorted by id, as nodes are).
    pub fn group(&self, id: GroupId) -> Option<&Group> {
        let i = self.groups.binary_search_by_key(&id, |g| g.id).ok()?;
        Some(&self.groups[i])
    }

    /// Adds a group around `members` (nodes only; each leaves its former group for the new
    /// one). The new group sits in the group the members shared, if they all shared one.
    pub fn add_group(&mut self, name: &str, members: &[NodeId]) -> GroupId {
        let mut parents = members
            .iter()
            .filter_map(|id| self.node(*id))
            .map(|n| n.group);
        let first = parents.next().flatten();
        let parent = if parents.all(|p| p == first) {
            first
        } else {
            None
        };
        let parent = parent.filter(|p| self.depth(*p) + 1 < MAX_DEPTH);
        self.keep_places_of_groups_left_empty(members);
        let id = self.fresh_id();
        let colour = (self.groups.len() % COLOURS.len()) as u8;
        // Fresh ids are larger than every id so far, so the list stays sorted.
        self.groups.push(Group {
            id,
            name: name.to_string(),
            colour,
            parent,
            collapsed: false,
            at: None,
        });
        for m in members {
            if let Some(n) = self.node_mut(*m) {
                n.group = Some(id);
            }
        }
        id
    }

    pub fn edit_group(&mut self, id: GroupId, change: impl FnOnce(&mut Group)) {
        if let Ok(i) = self.groups.binary_search_by_key(&id, |g| g.id) {
            let g = &mut self.groups[i];
            let parent = g.parent;
            change(g);
            g.colour %= COLOURS.len() as u8;
            g.parent = parent;
        }
    }

    /// Puts a group inside another (or at the top, `None`); refused when that would make a
    /// cycle or nest too deep. Returns whether it moved.
    pub fn set_group_parent(&mut self, id: GroupId, parent: Option<GroupId>) -> bool {
        if let Some(p) = parent
            && (self.group(p).is_none()
                || self.ancestors(p).contains(&id)
                || p == id
                || self.depth(p) + 1 >= MAX_DEPTH)
        {
            return false;
        }
        match self.groups.binary_search_by_key(&id, |g| g.id) {
            Ok(i) => {
                self.groups[i].parent = parent;
                true
            }
            Err(_) => false,
        }
    }

    /// Puts a node in a group (or in none).
    pub fn set_node_group(&mut self, node: NodeId, group: Option<GroupId>) {
        let group = group.filter(|g| self.group(*g).is_some());
        if self.node(node).is_some_and(|n| n.group != group) {
            self.keep_places_of_groups_left_empty(&[node]);
        }
        if let Some(n) = self.node_mut(node) {
            n.group = group;
        }
    }

    /// A group's chain of parents, nearest first (cut at [`MAX_DEPTH`]).
    pub fn ancestors(&self, id: GroupId) -> Vec<GroupId> {
        let mut out = Vec::new();
        let mut at = self.group(id).and_then(|g| g.parent);
        while let Some(p) = at {
            if out.len() >= MAX_DEPTH || out.contains(&p) || p == id {
                break;
            }
            out.push(p);
            at = self.group(p).and_then(|g| g.parent);
        }
        out
    }

    /// How many groups this one sits in.
    pub fn depth(&self, id: GroupId) -> usize {
        self.ancestors(id).len()
    }

    /// The groups inside `id` at any depth, `id` first.
    pub fn subgroups(&self, id: GroupId) -> Vec<GroupId> {
        let mut children: HashMap<GroupId, Vec<GroupId>> = HashMap::new();
        for g in &self.groups {
            if let Some(p) = g.parent {
                children.entry(p).or_default().push(g.id);
            }
        }
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() && out.len() <= self.groups.len() {
            if let Some(c) = children.get(&out[i]) {
                for g in c {
                    if !out.contains(g) {
                        out.push(*g);
                    }
                }
            }
            i += 1;
        }
        out
    }

    /// The nodes in a group or any group inside it.
    pub fn members(&self, id: GroupId) -> Vec<NodeId> {
        let inside: HashSet<GroupId> = self.subgroups(id).into_iter().collect();
        self.nodes
            .iter()
            .filter(|n| n.group.is_some_and(|g| inside.contains(&g)))
            .map(|n| n.id)
            .collect()
    }

    /// Moves every member of a group by `(dx, dy)`.
    pub fn move_group(&mut self, id: GroupId, dx: f64, dy: f64) {
        if !(dx.is_finite() && dy.is_finite()) {
            return;
        }
        let moves: Vec<(NodeId, Point)> = self
            .members(id)
            .into_iter()
            .filter_map(|n| self.node(n).map(|n| (n.id, Point::new(n.x + dx, n.y + dy))))
            .collect();
        self.move_nodes(&moves);
        // Empty groups inside (or this one, when empty) keep their place relative to the rest.
        let inside: HashSet<GroupId> = self.subgroups(id).into_iter().collect();
        for g in &mut self.groups {
            if inside.contains(&g.id)
                && let Some(p) = &mut g.at
            {
                *p = Point::new(p.x + dx, p.y + dy);
            }
        }
    }

    /// True when `id` is a group of this map (a link may end on one).
    pub fn is_group(&self, id: u32) -> bool {
        self.group(id).is_some()
    }

    /// True when a link may end at `id`: a node or a group of this map.
    pub fn is_end(&self, id: u32) -> bool {
        self.node(id).is_some() || self.group(id).is_some()
    }

    /// Before `nodes` leave their groups (removed, or put elsewhere): a group they leave empty
    /// keeps a place where they were, so its frame stays where the person saw it.
    pub fn keep_places_of_groups_left_empty(&mut self, nodes: &[NodeId]) {
        if self.groups.is_empty() || nodes.is_empty() {
            return;
        }
        let leaving: HashSet<NodeId> = nodes.iter().copied().collect();
        let mut places: Vec<(GroupId, Point)> = Vec::new();
        for g in &self.groups {
            let members = self.members(g.id);
            if members.is_empty() || !members.iter().all(|m| leaving.contains(m)) {
                continue;
            }
            let n = members.len() as f64;
            let (sx, sy) = members
                .iter()
                .filter_map(|m| self.node(*m))
                .fold((0.0, 0.0), |(x, y), m| (x + m.x, y + m.y));
            places.push((g.id, Point::new(sx / n, sy / n)));
        }
        for (id, p) in places {
            self.edit_group(id, |g| g.at = Some(p));
        }
    }

    /// Removes a group. Keeping members, its nodes and subgroups move to its parent; else its
    /// nodes, its subgroups and their nodes go too (with their links).
    pub fn remove_group(&mut self, id: GroupId, keep_members: bool) {
        let Some(parent) = self.group(id).map(|g| g.parent) else {
            return;
        };
        if keep_members {
            for n in &mut self.nodes {
                if n.group == Some(id) {
                    n.group = parent;
                }
            }
            for g in &mut self.groups {
                if g.parent == Some(id) {
                    g.parent = parent;
                }
            }
            self.groups.retain(|g| g.id != id);
            // Links that ended on the group have nothing left to end on.
            self.links.retain(|l| l.from != id && l.to != id);
        } else {
            let gone: HashSet<GroupId> = self.subgroups(id).into_iter().collect();
            let nodes = self.members(id);
            self.remove_nodes(&nodes);
            self.groups.retain(|g| !gone.contains(&g.id));
            self.links
                .retain(|l| !gone.contains(&l.from) && !gone.contains(&l.to));
        }
    }

    /// The collapsed group a node is hidden in (the outermost one), if any.
    pub fn hidden_in(&self, node: NodeId) -> Option<GroupId> {
        let g = self.node(node)?.group?;
        let mut chain = vec![g];
        chain.extend(self.ancestors(g));
        chain
            .into_iter()
            .rev()
            .find(|g| self.group(*g).is_some_and(|g| g.collapsed))
    }

    /// Every group's frame: the box around its members' boxes and its subgroups' frames, with
    /// [`PAD`] around and a [`TITLE`] band on top; a collapsed group (or an empty one) is a box
    /// the size of its name, where its members' middle is. Groups with nothing in them and no
    /// place are left out.
    pub fn group_frames(&self, metrics: Metrics) -> HashMap<GroupId, Rect> {
        self.group_frames_with(metrics, &|n| metrics.node_size(&n.label))
    }

    /// [`ConceptMap::group_frames`] with each node's box given by `size` (a layout's boxes).
    pub fn group_frames_with(
        &self,
        metrics: Metrics,
        size: &dyn Fn(&super::Node) -> super::Size,
    ) -> HashMap<GroupId, Rect> {
        let mut own: HashMap<GroupId, Rect> = HashMap::new();
        for n in &self.nodes {
            if let Some(g) = n.group {
                let r = Rect::around(n.at(), size(n));
                own.entry(g).and_modify(|b| *b = b.union(r)).or_insert(r);
            }
        }
        // Deepest groups first, so a parent's box includes its children's frames.
        let mut order: Vec<(usize, GroupId)> = self
            .groups
            .iter()
            .map(|g| (self.depth(g.id), g.id))
            .collect();
        crate::order::sort_by(&mut order, |a, b| b.cmp(a));
        let mut frames: HashMap<GroupId, Rect> = HashMap::new();
        for (_, id) in order {
            let g = self.group(id).expect("listed");
            let Some(inner) = own.get(&id).copied() else {
                // Nothing in it: a frame of its own at its place, room to drop nodes into.
                if let Some(at) = g.at.filter(|p| p.x.is_finite() && p.y.is_finite()) {
                    let name = g.display_name().chars().count() as f64 * metrics.font * 0.9 * 0.62;
                    let size = super::Size {
                        w: EMPTY.w.max(name + 24.0),
                        h: EMPTY.h,
                    };
                    let frame = Rect::around(at, size);
                    frames.insert(id, frame);
                    if let Some(p) = g.parent {
                        own.entry(p)
                            .and_modify(|b| *b = b.union(frame))
                            .or_insert(frame);
                    }
                }
                continue;
            };
            let frame = if g.collapsed {
                let s = metrics.node_size(&g.name);
                let c = Point::new((inner.x0 + inner.x1) / 2.0, (inner.y0 + inner.y1) / 2.0);
                Rect::around(
                    c,
                    super::Size {
                        w: s.w + PAD,
                        h: s.h + PAD,
                    },
                )
            } else {
                // Wide enough for its name (drawn bold at 0.9 of the font, from the left).
                let name = g.display_name().chars().count() as f64 * metrics.font * 0.9 * 0.62;
                let x1 = (inner.x1 + PAD).max(inner.x0 - PAD + name + 24.0);
                Rect {
                    x0: inner.x0 - PAD,
                    y0: inner.y0 - PAD - TITLE,
                    x1,
                    y1: inner.y1 + PAD,
                }
            };
            frames.insert(id, frame);
            if let Some(p) = g.parent {
                own.entry(p)
                    .and_modify(|b| *b = b.union(frame))
                    .or_insert(frame);
            }
        }
        frames
    }

    /// Makes groups safe after a read: unique ids, parents that exist without cycles or too
    /// deep a chain, node groups that exist. Returns how many things were fixed.
    pub(super) fn repair_groups(&mut self) -> usize {
        let mut fixed = 0;
        crate::order::sort_by_key(&mut self.groups, |g| g.id);
        let mut seen = HashSet::new();
        let before = self.groups.len();
        self.groups.retain(|g| seen.insert(g.id));
        fixed += before - self.groups.len();
        for g in &mut self.groups {
            g.colour %= COLOURS.len() as u8;
        }
        let ids: HashSet<GroupId> = self.groups.iter().map(|g| g.id).collect();
        let parents: HashMap<GroupId, Option<GroupId>> =
            self.groups.iter().map(|g| (g.id, g.parent)).collect();
        for g in &mut self.groups {
            // Walk up: a missing parent, a cycle or a chain too deep is cut here.
            let mut at = g.parent;
            let mut steps = 0;
            let mut bad = false;
            while let Some(p) = at {
                steps += 1;
                if !ids.contains(&p) || p == g.id || steps >= MAX_DEPTH {
                    bad = true;
                    break;
                }
                at = parents.get(&p).copied().flatten();
            }
            if bad {
                g.parent = None;
                fixed += 1;
            }
        }
        for n in &mut self.nodes {
            if n.group.is_some_and(|g| !ids.contains(&g)) {
                n.group = None;
                fixed += 1;
            }
        }
        self.place_empty_groups();
        fixed
    }

    /// Gives every group with nothing in it and no place one: stacked to the right of the map,
    /// so a file's empty cluster or subgraph shows as a frame that can be moved and filled.
    fn place_empty_groups(&mut self) {
        let holding: HashSet<GroupId> = self.nodes.iter().filter_map(|n| n.group).collect();
        let parents: HashMap<GroupId, Option<GroupId>> =
            self.groups.iter().map(|g| (g.id, g.parent)).collect();
        let mut full: HashSet<GroupId> = HashSet::new();
        for g in &holding {
            let mut at = Some(*g);
            let mut steps = 0;
            while let Some(x) = at {
                if !full.insert(x) || steps > MAX_DEPTH {
                    break;
                }
                steps += 1;
                at = parents.get(&x).copied().flatten();
            }
        }
        let has_child: HashSet<GroupId> = self.groups.iter().filter_map(|g| g.parent).collect();
        let lacking: Vec<GroupId> = self
            .groups
            .iter()
            .filter(|g| g.at.is_none() && !full.contains(&g.id) && !has_child.contains(&g.id))
            .map(|g| g.id)
            .collect();
        if lacking.is_empty() {
            return;
        }
        let right = self
            .nodes
            .iter()
            .map(|n| n.x)
            .fold(f64::NEG_INFINITY, f64::max);
        let top = self.nodes.iter().map(|n| n.y).fold(f64::INFINITY, f64::min);
        let (x, y) = if right.is_finite() && top.is_finite() {
            (right + 150.0 + EMPTY.w / 2.0, top + EMPTY.h / 2.0)
        } else {
            (0.0, 0.0)
        };
        for (i, id) in lacking.into_iter().enumerate() {
            let p = Point::new(x, y + i as f64 * (EMPTY.h + 2.0 * PAD + TITLE));
            self.edit_group(id, |g| g.at = Some(p));
        }
    }

    /// The group a link ending on group `id` is drawn to: the outermost collapsed group it
    /// sits in, else itself.
    pub fn shown_group(&self, id: GroupId) -> GroupId {
        self.ancestors(id)
            .into_iter()
            .rev()
            .find(|g| self.group(*g).is_some_and(|g| g.collapsed))
            .unwrap_or(id)
    }

    /// Where a link's end is drawn: the node's own box, or the frame of the collapsed group it
    /// is hidden in (with that group's id); for a link that ends on a group, that group's frame
    /// (or the collapsed group's it sits in). `None` for an end that does not exist or a group
    /// with no frame.
    pub fn end_box(
        &self,
        node: NodeId,
        frames: &HashMap<GroupId, Rect>,
        metrics: Metrics,
    ) -> Option<(u32, Point, super::Size)> {
        if self.is_group(node) {
            let g = self.shown_group(node);
            let r = frames.get(&g)?;
            let c = Point::new((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
            return Some((g, c, super::Size { w: r.w(), h: r.h() }));
        }
        let n = self.node(node)?;
        if let Some(g) = self.hidden_in(node)
            && let Some(r) = frames.get(&g)
        {
            let c = Point::new((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
            return Some((g, c, super::Size { w: r.w(), h: r.h() }));
        }
        Some((n.id, n.at(), metrics.node_size(&n.label)))
    }
}
