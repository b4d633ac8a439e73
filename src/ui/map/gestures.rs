//! The canvas's side of the map's gesture machine (`crate::interact::map`): what the pointer
//! is over (a [`Target`], found by the `data-*` attribute of what was pressed or, on a large
//! painted map, by geometry), what the machine may read ([`MapScene`]: the selection, each
//! node's live place, the view), and its outputs applied in order: a preview on the live
//! signals, a command as one undo step, a selection, a label opened, a view.
//!
//! A move is committed as a delta from where the nodes were (`MapCommand::MoveNodes`), added
//! to the model's places: the live signals are only ever a preview.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;

use super::{Ed, frames};
use crate::interact::Output;
use crate::interact::map::{
    Drop, MapCommand, MapGestures, MapItem, MapOutput, MapPreview, MapScene, Target,
};
use crate::model::map::{LinkId, NodeId, Point, Rect, plural};
use crate::ui::browser::target_attr;

impl Ed {
    /// The topmost shown node whose box holds `p` (map units).
    pub(super) fn node_at(&self, p: Point) -> Option<NodeId> {
        let ids = self.node_ids.get_untracked();
        self.live.with_value(|live| {
            ids.into_iter().rev().find(|id| {
                live.get(id).is_some_and(|l| {
                    !l.look.with_untracked(|k| k.hidden)
                        && Rect::around(l.pos.get_untracked(), l.size.get_untracked()).contains(p)
                })
            })
        })
    }

    /// A link by its geometry, for a click beside its thin line (within 7 map units, as the
    /// wide invisible path once under each line gave, and at least 4 pixels on screen).
    pub(super) fn link_near(&self, p: Point) -> Option<LinkId> {
        let zoom = self.frame.view.get_untracked().zoom.max(1e-6);
        frames::link_near(*self, p, 7.0_f64.max(4.0 / zoom))
    }

    /// What a press at `p` (map units) is on. On a large map most nodes are painted
    /// (`paint/`): found under the pointer by geometry, before the groups' frames.
    pub(super) fn target(&self, e: &web_sys::Event, p: Point) -> Target {
        let handle = target_attr(e, "data-handle");
        if self.large.get_untracked()
            && handle.is_none()
            && let Some(id) = target_attr(e, "data-node").or_else(|| self.node_at(p))
        {
            return Target::Node(id);
        }
        if let Some(id) = handle {
            return Target::Handle(id);
        }
        if let Some(group) = target_attr(e, "data-frame") {
            let members = self
                .with_untracked(|m| m.members(group))
                .unwrap_or_default();
            return Target::Frame { group, members };
        }
        if let Some(id) = target_attr(e, "data-node") {
            return Target::Node(id);
        }
        match target_attr(e, "data-link").or_else(|| self.link_near(p)) {
            Some(l) => Target::Link(l),
            None => Target::Nothing,
        }
    }

    /// What a double click at `p` is on: a node (its handle too), a link, or nothing (a group's
    /// frame is nothing here: a double click inside a group adds a node there).
    pub(super) fn double_click_target(&self, e: &web_sys::Event, p: Point) -> Target {
        let node = target_attr(e, "data-node").or_else(|| {
            self.large
                .get_untracked()
                .then(|| self.node_at(p))
                .flatten()
        });
        if let Some(id) = node {
            return Target::Node(id);
        }
        match target_attr(e, "data-link").or_else(|| self.link_near(p)) {
            Some(l) => Target::Link(l),
            None => Target::Nothing,
        }
    }

    /// What is under a pointer released at `p`: a node (a link's end), a group's title (a
    /// link to the group) and the innermost open frame (nodes dropped there join it).
    pub(super) fn drop_at(&self, p: Point) -> Drop {
        Drop {
            node: self.node_at(p),
            title: frames::title_at(*self, p),
            frame: frames::frame_at(*self, p),
        }
    }

    /// Runs the gesture machine on the map as it is drawn now.
    pub(super) fn gesture(
        &self,
        f: impl FnOnce(&mut MapGestures, &MapScene) -> Vec<MapOutput>,
    ) -> Vec<MapOutput> {
        let ed = *self;
        let selected = self.selected.get_untracked();
        let place = move |id: NodeId| {
            ed.live
                .with_value(|live| live.get(&id).map(|l| l.pos.get_untracked()))
        };
        let inside = move |r: Rect| {
            let ids = ed.node_ids.get_untracked();
            ed.live.with_value(|live| {
                ids.into_iter()
                    .filter(|id| {
                        live.get(id)
                            .is_some_and(|l| r.contains(l.pos.get_untracked()))
                    })
                    .collect()
            })
        };
        let scene = MapScene {
            selected: &selected,
            place: &place,
            inside: &inside,
            view: self.frame.view.get_untracked(),
        };
        self.gestures
            .try_update_value(|g| f(g, &scene))
            .unwrap_or_default()
    }

    /// Does what the machine asked, in order; `press` is the pointer event it came from.
    pub(super) fn apply(&self, outputs: Vec<MapOutput>, press: Option<&ev::PointerEvent>) {
        for o in outputs {
            match o {
                Output::Capture => {
                    if let (Some(e), Some(w)) = (press, self.wrap.get_untracked()) {
                        let _ = w.set_pointer_capture(e.pointer_id());
                    }
                }
                Output::Preview(p) => self.show_preview(p),
                Output::Commit(c) => self.commit(c),
                Output::Select(items) => self.select(&items),
                Output::Edit(MapItem::Node(id)) => self.editing.set(Some(id)),
                Output::Edit(MapItem::Link(l)) => self.editing_link.set(Some(l)),
                Output::View(v) => self.frame.set(v),
                Output::KeepView => self.frame.keep_view(),
                Output::Seal => self.session.seal(),
                Output::Focus => {
                    if let Some(w) = self.wrap.get_untracked() {
                        let _ = w.focus();
                    }
                }
            }
        }
    }

    /// The selection becomes these nodes, or this link (a link clicked ends a keyboard walk).
    fn select(&self, items: &BTreeSet<MapItem>) {
        let mut nodes = BTreeSet::new();
        let mut link = None;
        for item in items {
            match item {
                MapItem::Node(n) => _ = nodes.insert(*n),
                MapItem::Link(l) => link = Some(*l),
            }
        }
        if self.selected.with_untracked(|s| *s != nodes) {
            self.selected.set(nodes);
        }
        if self.link.get_untracked() != link {
            self.link.set(link);
        }
        if link.is_some() {
            self.walk.set_value(None);
        }
    }

    fn show_preview(&self, p: MapPreview) {
        match p {
            MapPreview::Nodes(places) => {
                // Written without notifying: nothing tracks a node's place but the lift layer,
                // which follows by writing its few attributes itself (`lift::moved`), and the
                // map's layer and the painting read the places when the nodes are put back.
                self.live.with_value(|live| {
                    for (id, at) in places {
                        if let Some(l) = live.get(&id) {
                            l.pos.update_untracked(|p| *p = at);
                        }
                    }
                });
                super::lift::moved(*self);
            }
            MapPreview::Lift(ids) => self.lift(ids.into_iter().collect()),
            MapPreview::Frame { group, dx, dy } => self.frame_drag.set(Some((group, dx, dy))),
            MapPreview::Link { from, to } => self.pending_link.set(Some((from, to))),
            MapPreview::Band(r) => self.band.set(Some(r)),
            MapPreview::Clear => {
                if self.band.get_untracked().is_some() {
                    self.band.set(None);
                }
                if self.pending_link.get_untracked().is_some() {
                    self.pending_link.set(None);
                }
                if self.frame_drag.get_untracked().is_some() {
                    self.frame_drag.set(None);
                }
            }
        }
    }

    /// One undo step; a move that ends where it began changes nothing.
    fn commit(&self, c: MapCommand) {
        match c {
            MapCommand::MoveNodes { ids, dx, dy, into } => {
                if dx == 0.0 && dy == 0.0 && into.is_none() {
                    return;
                }
                self.edit(None, |m| {
                    let moves: Vec<(NodeId, Point)> = ids
                        .iter()
                        .filter_map(|id| m.node(*id).map(|n| (*id, Point::new(n.x + dx, n.y + dy))))
                        .collect();
                    m.move_nodes(&moves);
                    // Dropped on a group's frame: the nodes go into that group.
                    if let Some(g) = into {
                        for id in &ids {
                            if m.node(*id).is_some_and(|n| n.group != Some(g)) {
                                m.set_node_group(*id, Some(g));
                            }
                        }
                    }
                });
                let n = ids.len();
                self.announce
                    .set(format!("Moved {n} {}.", plural(n, "node", "nodes")));
            }
            MapCommand::MoveGroup { group, dx, dy } => {
                if dx == 0.0 && dy == 0.0 {
                    return;
                }
                self.edit(None, |m| m.move_group(group, dx, dy));
                let name = self
                    .with_untracked(|m| m.group(group).map(|g| g.display_name()))
                    .flatten()
                    .unwrap_or_default();
                self.announce.set(format!("Moved group {name}."));
            }
            MapCommand::AddLink { from, to } => {
                if let Some(Some(l)) = self.edit(None, |m| m.add_link(from, to)) {
                    self.selected.set(BTreeSet::new());
                    self.link.set(Some(l));
                }
            }
            MapCommand::AddLinkedNode { from, at } => {
                // Dropped on empty space: a new idea there, linked, ready for its label.
                let made = self.edit(None, |m| {
                    let id = m.add_node("", at, None);
                    m.add_link(from, id);
                    id
                });
                self.open_new(made);
            }
            MapCommand::AddNode { at } => {
                let made = self.edit(None, |m| m.add_node("", at, None));
                self.open_new(made);
            }
        }
    }

    /// A node just made: selected, its label open for typing.
    fn open_new(&self, made: Option<NodeId>) {
        if let Some(id) = made {
            self.selected.set(BTreeSet::from([id]));
            self.link.set(None);
            self.editing.set(Some(id));
        }
    }
}
