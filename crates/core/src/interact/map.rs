//! The concept map canvas's gestures, in the same terms as the picture board's: pointer
//! events (with what the canvas found under the pointer) in, previews, commands, selections and
//! views out. A press on a node selects it (Shift toggles) and a drag moves the selection; on a
//! node's handle it draws a link (dropped on a node: a link; on a group's title: a link to the
//! group; on empty space: a new node, linked, its label ready to type); on a group's frame it
//! moves the group; on a link it selects the link; on empty space it pans, or with Shift draws
//! a marquee that adds what it holds. Two fingers pinch; the wheel zooms. A move is committed
//! once, at release, as a delta from where the nodes were. The map canvas (`src/ui/map/`,
//! `canvas.rs` and `gestures.rs`) feeds it and applies what it asks for (ARCHITECTURE.md,
//! "Gestures and the editor frame").

use std::collections::BTreeSet;

use super::view::{Lifted, Pan, Pinch, Pointers, lift};
use super::{Button, Output, Pointer, Release};
use crate::geometry::{Point, Rect};
use crate::model::map::{GroupId, LinkId, NodeId, Viewport};

/// What the pointer does on the map canvas, in one sentence: the first part of the hint under
/// the canvas (the keys follow, written from the shortcut table).
pub const POINTER_HINT: &str = "Drag nodes to move them; drag from a node's dot to link it. Drag the background to pan, Shift+drag to select several, wheel or pinch to zoom; double-click to add an idea or type a label.";

/// What the canvas found under the pointer (by its `data-*` attributes or by geometry).
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Node(NodeId),
    /// A node's link handle.
    Handle(NodeId),
    /// A group's frame, with the nodes that move with it.
    Frame {
        group: GroupId,
        members: Vec<NodeId>,
    },
    Link(LinkId),
    Nothing,
}

/// What is under the pointer where it is released.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Drop {
    pub node: Option<NodeId>,
    /// A group's title (a link may end on a group).
    pub title: Option<GroupId>,
    /// A group's frame (nodes dropped there join the group).
    pub frame: Option<GroupId>,
}

/// What can be selected on a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MapItem {
    Node(NodeId),
    Link(LinkId),
}

/// What a map gesture may read.
pub struct MapScene<'a> {
    pub selected: &'a BTreeSet<NodeId>,
    /// Where a node's centre is now.
    pub place: &'a dyn Fn(NodeId) -> Option<Point>,
    /// The nodes whose centres are inside an area.
    pub inside: &'a dyn Fn(Rect) -> Vec<NodeId>,
    pub view: Viewport,
}

/// What a map gesture draws while it runs.
#[derive(Clone, Debug, PartialEq)]
pub enum MapPreview {
    /// These nodes are drawn here (a drag in progress, or back where they were).
    Nodes(Vec<(NodeId, Point)>),
    /// These nodes go onto the drag layer (none: back onto the map).
    Lift(Vec<NodeId>),
    /// A group's frame dragged this far.
    Frame {
        group: GroupId,
        dx: f64,
        dy: f64,
    },
    /// A link being drawn from a node to the pointer.
    Link {
        from: NodeId,
        to: Point,
    },
    Band(Rect),
    Clear,
}

/// A change to the map, one undo step.
#[derive(Clone, Debug, PartialEq)]
pub enum MapCommand {
    /// Nodes moved by a delta; dropped on a group's frame, they join that group.
    MoveNodes {
        ids: Vec<NodeId>,
        dx: f64,
        dy: f64,
        into: Option<GroupId>,
    },
    /// A group and its members moved by a delta.
    MoveGroup { group: GroupId, dx: f64, dy: f64 },
    /// A link between two nodes (or a node and a group); the shell selects it.
    AddLink { from: NodeId, to: NodeId },
    /// A new node at a point, linked from `from`, its label open for typing.
    AddLinkedNode { from: NodeId, at: Point },
    /// A new node at a point, its label open for typing.
    AddNode { at: Point },
}

pub type MapOutput = Output<MapPreview, MapCommand, MapItem>;

#[derive(Clone, Debug)]
enum Gesture {
    Pan(Pan),
    Pinch(Pinch),
    Move {
        start: Point,
        origins: Vec<(NodeId, Point)>,
        frame: Option<GroupId>,
        moved: bool,
    },
    Link {
        from: NodeId,
    },
    Band {
        start: Point,
        add_to: BTreeSet<NodeId>,
    },
}

/// The map canvas's gesture machine.
#[derive(Clone, Debug, Default)]
pub struct MapGestures {
    now: Option<(i32, Gesture)>,
    pointers: Pointers,
}

fn nodes(ids: impl IntoIterator<Item = NodeId>) -> BTreeSet<MapItem> {
    ids.into_iter().map(MapItem::Node).collect()
}

impl MapGestures {
    pub fn busy(&self) -> bool {
        self.now.is_some()
    }

    pub fn down(&mut self, s: &MapScene, e: &Pointer, target: Target) -> Vec<MapOutput> {
        self.pointers.press(e.id, e.at);
        let mut out = vec![Output::Capture];
        if let Some((a, b)) = self.pointers.two() {
            // A second finger: pinch. A drag in progress stops where it is.
            out.extend([
                Output::Preview(MapPreview::Clear),
                Output::Preview(MapPreview::Lift(Vec::new())),
            ]);
            self.now = Some((e.id, Gesture::Pinch(Pinch::start(a, b, s.view))));
            return out;
        }
        if e.button == Button::Other {
            return out;
        }
        let p = s.view.to_map(e.at.x, e.at.y);
        let start_move = |ids: Vec<NodeId>, frame: Option<GroupId>| Gesture::Move {
            start: p,
            origins: ids
                .into_iter()
                .filter_map(|id| (s.place)(id).map(|at| (id, at)))
                .collect(),
            frame,
            moved: false,
        };
        let g = if e.button == Button::Middle {
            Gesture::Pan(Pan::start(e.at))
        } else {
            match target {
                Target::Handle(from) => {
                    out.push(Output::Preview(MapPreview::Link { from, to: p }));
                    Gesture::Link { from }
                }
                Target::Frame { group, members } => {
                    out.push(Output::Select(BTreeSet::new()));
                    start_move(members, Some(group))
                }
                Target::Node(id) => {
                    let mut sel = s.selected.clone();
                    if e.shift {
                        if !sel.remove(&id) {
                            sel.insert(id);
                        }
                        out.push(Output::Select(nodes(sel.iter().copied())));
                    } else if !sel.contains(&id) {
                        sel = BTreeSet::from([id]);
                        out.push(Output::Select(nodes([id])));
                    }
                    start_move(sel.into_iter().collect(), None)
                }
                Target::Link(l) => {
                    out.push(Output::Select(BTreeSet::from([MapItem::Link(l)])));
                    return out;
                }
                Target::Nothing if e.shift => Gesture::Band {
                    start: p,
                    add_to: s.selected.clone(),
                },
                Target::Nothing => {
                    out.push(Output::Select(BTreeSet::new()));
                    Gesture::Pan(Pan::start(e.at))
                }
            }
        };
        self.now = Some((e.id, g));
        out
    }

    pub fn moved(&mut self, s: &MapScene, e: &Pointer) -> Vec<MapOutput> {
        self.pointers.moved(e.id, e.at);
        let Some((owner, mut g)) = self.now.take() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let p = s.view.to_map(e.at.x, e.at.y);
        match &mut g {
            Gesture::Pinch(pinch) => {
                if let Some((a, b)) = self.pointers.two() {
                    out.push(Output::View(pinch.to(a, b)));
                }
            }
            _ if owner != e.id => {}
            Gesture::Pan(pan) => out.push(Output::View(pan.to(e.at, s.view))),
            Gesture::Move {
                start,
                origins,
                frame,
                moved,
            } => {
                let (dx, dy) = (p.x - start.x, p.y - start.y);
                out.push(Output::Preview(MapPreview::Nodes(
                    origins
                        .iter()
                        .map(|(id, o)| (*id, Point::new(o.x + dx, o.y + dy)))
                        .collect(),
                )));
                if let Some(group) = frame {
                    out.push(Output::Preview(MapPreview::Frame {
                        group: *group,
                        dx,
                        dy,
                    }));
                }
                if !*moved && (dx != 0.0 || dy != 0.0) {
                    *moved = true;
                    let ids = origins.iter().map(|(id, _)| *id).collect();
                    out.push(Output::Preview(MapPreview::Lift(ids)));
                }
            }
            Gesture::Link { from } => {
                out.push(Output::Preview(MapPreview::Link { from: *from, to: p }));
            }
            Gesture::Band { start, add_to } => {
                let r = Rect::from_corners(*start, p);
                out.push(Output::Preview(MapPreview::Band(r)));
                let mut now: BTreeSet<NodeId> = (s.inside)(r).into_iter().collect();
                now.extend(add_to.iter().copied());
                if now != *s.selected {
                    out.push(Output::Select(nodes(now)));
                }
            }
        }
        self.now = Some((owner, g));
        out
    }

    pub fn up(&mut self, s: &MapScene, e: &Pointer, drop: Drop, how: Release) -> Vec<MapOutput> {
        let g = match lift(&mut self.now, &mut self.pointers, e.id, |g| {
            matches!(g, Gesture::Pinch(_))
        }) {
            Lifted::Nothing => return Vec::new(),
            Lifted::PinchOver => return vec![Output::KeepView],
            Lifted::Own(g) => g,
        };
        let mut out = vec![Output::Preview(MapPreview::Clear)];
        let p = s.view.to_map(e.at.x, e.at.y);
        match g {
            Gesture::Move { origins, .. } if how == Release::Cancelled => {
                out.push(Output::Preview(MapPreview::Nodes(origins)));
                out.push(Output::Preview(MapPreview::Lift(Vec::new())));
            }
            _ if how == Release::Cancelled => {}
            Gesture::Pan(_) | Gesture::Pinch(_) => out.push(Output::KeepView),
            Gesture::Move {
                start,
                origins,
                frame,
                moved,
            } => {
                let (dx, dy) = (p.x - start.x, p.y - start.y);
                if let Some(group) = frame {
                    out.push(Output::Commit(MapCommand::MoveGroup { group, dx, dy }));
                } else if moved {
                    out.push(Output::Commit(MapCommand::MoveNodes {
                        ids: origins.iter().map(|(id, _)| *id).collect(),
                        dx,
                        dy,
                        into: drop.frame,
                    }));
                }
                if moved {
                    out.push(Output::Preview(MapPreview::Lift(Vec::new())));
                }
            }
            Gesture::Link { from } => match (drop.node, drop.title) {
                (Some(to), _) if to != from => {
                    out.push(Output::Commit(MapCommand::AddLink { from, to }));
                }
                (Some(_), _) => {}
                (None, Some(group)) => {
                    out.push(Output::Commit(MapCommand::AddLink { from, to: group }));
                }
                (None, None) => out.push(Output::Commit(MapCommand::AddLinkedNode { from, at: p })),
            },
            Gesture::Band { .. } => {}
        }
        out
    }

    /// A double click: on a node or a link, its label opens; on nothing, a new node there.
    pub fn double_click(&self, s: &MapScene, at: Point, target: Target) -> Vec<MapOutput> {
        let item = match target {
            Target::Node(id) => MapItem::Node(id),
            Target::Link(l) => MapItem::Link(l),
            Target::Nothing => {
                let at = s.view.to_map(at.x, at.y);
                return vec![Output::Commit(MapCommand::AddNode { at })];
            }
            _ => return Vec::new(),
        };
        vec![Output::Select(BTreeSet::from([item])), Output::Edit(item)]
    }

    /// The wheel turned over `at`.
    pub fn wheel(&self, s: &MapScene, at: Point, delta_y: f64, ctrl: bool) -> Vec<MapOutput> {
        vec![
            Output::View(super::view::wheel(s.view, at, delta_y, ctrl)),
            Output::KeepView,
        ]
    }
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
