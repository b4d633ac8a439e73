//! The [`Builder`] every importer reads into: it keeps the limits and the model's rules.

use super::*;

/// Builds a map from what an importer reads, keeping the limits and the model's rules.
pub(crate) struct Builder {
    pub(super) map: ConceptMap,
    pub(super) keys: HashMap<String, NodeId>,
    pub(super) kinds: HashMap<String, KindId>,
    pub notes: Vec<String>,
    pub(super) placed: bool,
    /// Nodes the file gave no place, in case others have one.
    pub(super) unplaced: Vec<NodeId>,
    /// What each link so far says, so an exact repeat is found at once.
    pub(super) said: std::collections::HashSet<RepeatKey>,
    /// Groups by the file's own key.
    pub(super) groups: HashMap<String, GroupId>,
    pub(super) self_links: usize,
    pub(super) repeats: usize,
    /// Links the map refused (an end on a group that is gone).
    pub(super) group_links: usize,
    pub(super) source: Source,
}

impl Builder {
    pub fn new(id: String, title: &str, source: Source) -> Builder {
        let mut map = ConceptMap::new(id, title.trim());
        map.template = "import".into();
        Builder {
            map,
            keys: HashMap::new(),
            kinds: HashMap::new(),
            notes: Vec::new(),
            placed: false,
            unplaced: Vec::new(),
            said: std::collections::HashSet::new(),
            groups: HashMap::new(),
            self_links: 0,
            repeats: 0,
            group_links: 0,
            source,
        }
    }

    pub fn focus(&mut self, question: &str) {
        self.map.focus_question = question.trim().to_string();
    }

    pub fn has(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }

    /// Adds a node under the file's own key; a key seen before gives the same node.
    pub fn node(&mut self, key: &str, label: &str, at: Option<Point>) -> Result<NodeId, String> {
        if let Some(id) = self.keys.get(key) {
            return Ok(*id);
        }
        if self.map.nodes.len() >= MAX_NODES {
            return Err(too_many_nodes(MAX_NODES + 1));
        }
        let at =
            at.filter(|p| p.x.is_finite() && p.y.is_finite() && p.x.abs() < 1e7 && p.y.abs() < 1e7);
        self.placed |= at.is_some();
        let id = self.map.add_node(label, at.unwrap_or_default(), None);
        if at.is_none() {
            self.unplaced.push(id);
        }
        self.keys.insert(key.to_string(), id);
        Ok(id)
    }

    /// Gives a node its description or notes, as the file has them (blank text: none).
    pub fn describe(&mut self, node: NodeId, notes: &str) {
        if !notes.trim().is_empty() {
            self.map.set_notes(node, notes.to_string());
        }
    }

    /// Gives a node the kind called `name` (made on first use, with the colour and shape given).
    pub fn kind(&mut self, node: NodeId, name: &str, colour: Option<&str>, shape: Option<Shape>) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let kind = match self.kinds.get(name) {
            Some(k) => *k,
            None => {
                let k = self.map.add_kind(name);
                let count = self.kinds.len();
                self.map.edit_kind(k, |kind| {
                    kind.colour = colour.map_or((count % 8) as u8, nearest_colour);
                    kind.shape = shape.unwrap_or_default();
                });
                self.kinds.insert(name.to_string(), k);
                k
            }
        };
        self.map.set_kind(node, Some(kind));
    }

    /// Links two nodes by their keys; `create` adds nodes the file never declared (DOT, CSV).
    pub fn link(
        &mut self,
        from: &str,
        to: &str,
        label: &str,
        direction: Direction,
        polarity: Polarity,
        create: bool,
    ) -> Result<(), String> {
        // An end may be a group (yEd and GraphML edges to a group node, GEXF edges to a parent,
        // Mermaid links to a subgraph): the link ends on the group's frame.
        let end = |b: &mut Builder, key: &str| -> Result<Option<NodeId>, String> {
            if let Some(g) = b.groups.get(key) {
                return Ok(Some(*g));
            }
            match b.keys.get(key) {
                Some(id) => Ok(Some(*id)),
                None if create => b.node(key, key, None).map(Some),
                None => Ok(None),
            }
        };
        let (Some(a), Some(b)) = (end(self, from)?, end(self, to)?) else {
            return Err(format!(
                "A link goes from \u{201c}{}\u{201d} to \u{201c}{}\u{201d}, but the file has no node called {}.",
                short(from),
                short(to),
                if self.keys.contains_key(from) {
                    short(to)
                } else {
                    short(from)
                }
            ));
        };
        if a == b {
            self.self_links += 1;
            return Ok(());
        }
        let link = Link {
            id: 0,
            from: a,
            to: b,
            label: label.to_string(),
            direction,
            polarity,
        };
        if !self.said.insert(link.repeat_key_owned()) {
            self.repeats += 1;
            return Ok(());
        }
        if self.map.links.len() >= MAX_LINKS {
            return Err(too_many_links(MAX_LINKS + 1));
        }
        if self
            .map
            .push_link(a, b, link.label, direction, polarity)
            .is_none()
        {
            self.group_links += 1;
        }
        Ok(())
    }

    /// Adds a group under the file's own key (a key seen before gives the same group), inside
    /// the group `parent` (a key) when given and known.
    pub fn group(&mut self, key: &str, name: &str, parent: Option<&str>) -> GroupId {
        if let Some(g) = self.groups.get(key) {
            return *g;
        }
        let parent = parent.and_then(|p| self.groups.get(p).copied());
        let id = self.map.add_group(name.trim(), &[]);
        self.map.set_group_parent(id, parent);
        self.groups.insert(key.to_string(), id);
        id
    }

    /// Puts a group inside another (by the ids the builder gave).
    pub fn nest(&mut self, group: GroupId, parent: GroupId) {
        self.map.set_group_parent(group, Some(parent));
    }

    /// Puts a node in a group (both by the ids the builder gave).
    pub fn in_group(&mut self, node: NodeId, group: GroupId) {
        self.map.set_node_group(node, Some(group));
    }

    /// True when `key` is a node or a group the file declared (what a link may end on).
    pub fn has_end(&self, key: &str) -> bool {
        self.has(key) || self.groups.contains_key(key)
    }

    /// The group the file called `key`, if there is one.
    pub fn group_of(&self, key: &str) -> Option<GroupId> {
        self.groups.get(key).copied()
    }

    pub fn finish(mut self) -> Imported {
        if self.self_links > 0 {
            self.notes.push(format!(
                "{} {} from a node to itself {} left out (a map links two different ideas).",
                self.self_links,
                plural(self.self_links, "link", "links"),
                plural(self.self_links, "was", "were")
            ));
        }
        if self.group_links > 0 {
            self.notes.push(format!(
                "{} {} pointed at nothing the map has and {} left out.",
                self.group_links,
                plural(self.group_links, "link", "links"),
                plural(self.group_links, "was", "were")
            ));
        }
        if self.repeats > 0 {
            self.notes.push(format!(
                "{} {} exactly repeated another (same ends, label and direction) and {} merged with it.",
                self.repeats,
                plural(self.repeats, "link", "links"),
                plural(self.repeats, "was", "were")
            ));
        }
        // Positions the file gave are kept exactly (a round trip must not move anything);
        // a file without them is laid out and tidied. A few nodes without a place among placed
        // ones (rows added by hand to an exported table) go to free places beside the map;
        // when most have none, the whole map is laid out.
        let few = self.unplaced.len() <= 200 && self.unplaced.len() * 2 <= self.map.nodes.len();
        let partly = self.placed && !self.unplaced.is_empty();
        if partly && few {
            self.place_beside();
        } else if partly {
            self.placed = false;
        }
        if !self.placed && !self.map.nodes.is_empty() {
            let sizes = self.map.sizes(Metrics::STANDARD);
            let placed = layout::force(&self.map, &sizes);
            self.map.move_nodes(&placed);
            let tidy = layout::tidy(&self.map, &sizes);
            self.map.move_nodes(&tidy);
            self.notes.push(if partly {
                "Most nodes had no place in the file, so the map was laid out automatically.".into()
            } else {
                "The file had no positions, so the map was laid out automatically.".into()
            });
        }
        let mut repairs = Vec::new();
        self.map.repair(&mut repairs);
        self.notes.extend(repairs);
        if let Some(b) = self.map.bounds(Metrics::STANDARD) {
            self.map.view = crate::model::map::Viewport::fit(b, 1000.0, 600.0);
        }
        Imported {
            map: self.map,
            source: self.source,
            notes: self.notes,
        }
    }
}

impl Builder {
    /// Puts each node the file gave no place at a free place right of the placed ones.
    fn place_beside(&mut self) {
        let metrics = Metrics::STANDARD;
        let unplaced = std::mem::take(&mut self.unplaced);
        let placed: ConceptMap = {
            let mut m = self.map.clone();
            m.nodes.retain(|n| unplaced.binary_search(&n.id).is_err());
            m
        };
        let Some(bounds) = placed.bounds(metrics) else {
            return;
        };
        let mut around = placed;
        let near = Point::new(bounds.x1 + 120.0, (bounds.y0 + bounds.y1) / 2.0);
        let mut moves = Vec::with_capacity(unplaced.len());
        for id in &unplaced {
            let Some(node) = self.map.node(*id) else {
                continue;
            };
            let size = metrics.node_size(&node.label);
            let at = around.free_spot(metrics, near, size);
            let mut placed_node = node.clone();
            (placed_node.x, placed_node.y) = (at.x, at.y);
            around.nodes.push(placed_node);
            moves.push((*id, at));
        }
        self.map.move_nodes(&moves);
        self.notes.push(format!(
            "{} {} no place in the file and {} put beside the others.",
            moves.len(),
            plural(moves.len(), "node had", "nodes had"),
            plural(moves.len(), "was", "were")
        ));
    }
}

/// A key or label cut to a length a message can show.
pub(super) fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('\u{2026}');
    }
    out
}

impl Builder {
    /// Refuses a link whose end is not a node the file declared, naming the line.
    pub(super) fn require_ends(
        &self,
        at: At,
        element: &str,
        from: &str,
        to: &str,
    ) -> Result<(), String> {
        match [from, to]
            .into_iter()
            .find(|k| !self.has(k) && !self.groups.contains_key(*k))
        {
            None => Ok(()),
            Some(missing) => Err(format!(
                "Line {at}: a <{element}> goes from \u{201c}{from}\u{201d} to \u{201c}{to}\u{201d}, but there is no node with id \u{201c}{missing}\u{201d}."
            )),
        }
    }
}
