//! The map editor's shared state ([`Ed`]): the map it shows, one live place, box and look per
//! node and one live link per link (kept in step with the model by one effect, so an edit
//! re-renders only what it changed), the selection and its flags, what is being typed or
//! linked, the view (the editor frame's [`ViewFrame`]) and the gesture machine; edits as undo
//! steps.

use std::collections::{BTreeSet, HashMap, HashSet};

use leptos::prelude::*;

use super::marks::Marks;
use super::{frames, paint};
use crate::analysis::placement;
use crate::interact::map::MapGestures;
use crate::model::Shared;
use crate::model::map::{ConceptMap, LinkId, Metrics, NodeId, Point, Rect, Size};
use crate::settings::{Settings, Theme};
use crate::ui::editor::view::ViewFrame;
use crate::ui::workshop::Session;

/// A node's place and box as drawn now (during a drag, ahead of the model).
#[derive(Clone)]
pub(crate) struct Live {
    pub pos: ArcRwSignal<Point>,
    pub size: ArcRwSignal<Size>,
    /// What the node shows besides its place.
    pub look: ArcRwSignal<Look>,
}

/// A node's label, kind and number of links, as drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Look {
    pub label: String,
    pub colour: &'static str,
    pub shape: crate::model::map::Shape,
    pub kind: Option<String>,
    pub links: usize,
    /// Hidden inside a collapsed group.
    pub hidden: bool,
}

impl Look {
    fn of(m: &ConceptMap, n: &crate::model::map::Node, links: usize) -> Look {
        let kind = n.kind.and_then(|k| m.kind(k));
        Look {
            label: n.label.clone(),
            colour: kind.map_or("none", |k| k.colour_name()),
            shape: kind.map(|k| k.shape).unwrap_or_default(),
            kind: kind.map(|k| k.name.clone()),
            links,
            hidden: n.group.is_some() && m.hidden_in(n.id).is_some(),
        }
    }
}

/// What a move writes on the lift layer, left there by its views: the moving group's offset,
/// the stretched links' paths (one a class) and their labels and signs. Run by `lift::moved`,
/// never by a signal.
#[derive(Default)]
pub(crate) struct Moves {
    pub group: Option<Box<dyn Fn()>>,
    pub parts: HashMap<u64, Box<dyn Fn()>>,
    pub next: u64,
}

/// Nodes and links picked out by an analysis (a loop, a path, a neighbourhood).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Highlight {
    pub nodes: HashSet<NodeId>,
    pub links: HashSet<LinkId>,
}

/// How the map is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Show {
    Canvas,
    Outline,
}

/// Per-node and per-link flags that follow the editor's sets (see [`Marks`]): what each node's
/// and link's view reads instead of the whole set.
#[derive(Clone, Copy)]
pub(crate) struct EdMarks {
    pub selected: Marks<NodeId>,
    pub link: Marks<LinkId>,
    pub traced_nodes: Marks<NodeId>,
    pub traced_links: Marks<LinkId>,
}

/// The editor's state, shared by its parts.
#[derive(Clone, Copy)]
pub(crate) struct Ed {
    pub session: Session,
    pub id: StoredValue<String>,
    pub map: Memo<Option<Shared<ConceptMap>>>,
    pub node_ids: Memo<Vec<NodeId>>,
    pub link_ids: Memo<Vec<LinkId>>,
    /// How many links touch each node, counted once per change (nodes read theirs from here).
    pub link_counts: Memo<HashMap<NodeId, usize>>,
    /// Parallel links' lanes, groups' frames, nodes hidden in collapsed groups (`frames.rs`).
    pub lanes: Memo<HashMap<LinkId, crate::model::map::Lane>>,
    pub frames: Memo<HashMap<crate::model::map::GroupId, crate::model::map::Rect>>,
    pub hidden: Memo<HashMap<NodeId, crate::model::map::GroupId>>,
    /// A group frame being dragged and how far (its frames follow; the model moves at the end).
    pub frame_drag: RwSignal<Option<(crate::model::map::GroupId, f64, f64)>>,
    pub metrics: Signal<Metrics>,
    /// The view as shown now (written to the map, without an undo step, after a pause), the
    /// canvas's size as last measured (see [`Ed::size`]) and focus mode.
    pub frame: ViewFrame,
    /// The canvas's box, measured again whenever a size is needed: the theme, learning mode or
    /// focus mode change it without resizing the window.
    pub wrap: NodeRef<leptos::html::Div>,
    /// The gesture machine (`crate::interact::map`), fed by `canvas.rs`, its outputs applied
    /// by `gestures.rs`.
    pub gestures: StoredValue<MapGestures>,
    /// A link being drawn from a node's handle to the pointer.
    pub pending_link: RwSignal<Option<(NodeId, Point)>>,
    /// The marquee being drawn (Shift+drag).
    pub band: RwSignal<Option<Rect>>,
    /// What the canvas last did, for screen readers ("Moved 2 nodes.").
    pub announce: RwSignal<String>,
    pub selected: RwSignal<BTreeSet<NodeId>>,
    /// Nodes being dragged: drawn, with their links, on a layer of their own above the map
    /// (the map's copies are hidden and keep still), so a drag repaints only that layer.
    pub lifted: RwSignal<BTreeSet<NodeId>>,
    /// `selected`, `link` and `highlight` as one flag per node or link.
    pub marks: EdMarks,
    pub link: RwSignal<Option<LinkId>>,
    /// The node whose label is being typed on the canvas.
    pub editing: RwSignal<Option<NodeId>>,
    /// The node a keyboard link starts from (the target list is open).
    pub linking: RwSignal<Option<NodeId>>,
    /// The link whose label is being typed on the canvas (`link_keys.rs`).
    pub editing_link: RwSignal<Option<LinkId>>,
    /// The node whose links the keyboard is walking through (Alt+arrows, `link_keys.rs`).
    pub walk: StoredValue<Option<NodeId>>,
    pub live: StoredValue<HashMap<NodeId, Live>>,
    /// Notified when live places change outside a drag (the model followed, an animation
    /// frame): the map's layer is drawn again from them (`draw.rs`).
    pub redraw: Trigger,
    /// While a large map is drawn a chunk a frame: pieces (nodes and links) drawn, of all.
    pub drawing: RwSignal<Option<(usize, usize)>>,
    /// Each link as drawn, kept in step with the model like `live`.
    pub links: StoredValue<HashMap<LinkId, ArcRwSignal<crate::model::map::Link>>>,
    pub highlight: RwSignal<Highlight>,
    /// Halo radius factor per node (betweenness), when shown.
    pub halo: RwSignal<HashMap<NodeId, f64>>,
    pub show: RwSignal<Show>,
    /// A large map (more than [`paint::LARGE`] nodes and links): painted on a `<canvas>`, the
    /// SVG keeping only what a person is working with (`paint/`, `draw.rs`).
    pub large: Memo<bool>,
    /// The node and the link under the pointer (on a large map they are drawn in the SVG).
    pub hover: RwSignal<Option<NodeId>>,
    pub hover_link: RwSignal<Option<LinkId>>,
    /// What the SVG draws on a large map (its "front"), written by `draw.rs` for the painter.
    pub front: StoredValue<paint::Front>,
    /// What a drag's move writes on the lift layer (`lift.rs`), with no reactive work.
    pub moves: StoredValue<Moves, LocalStorage>,
}

impl Ed {
    pub(super) fn new(session: Session, id: String) -> Ed {
        let key = id.clone();
        let map = Memo::new(move |_| {
            session
                .workshop
                .with(|w| w.maps.iter().find(|m| m.id == key).cloned())
        });
        let settings = use_context::<RwSignal<Settings>>();
        let metrics = Signal::derive(move || match settings.map(|s| s.get().theme) {
            Some(Theme::Projector) => Metrics::PROJECTOR,
            _ => Metrics::STANDARD,
        });
        let view = map.with_untracked(|m| m.as_ref().map(|m| m.view).unwrap_or_default());
        // The view is remembered in the map without an undo step (panning is not an edit).
        let kept = id.clone();
        let frame = ViewFrame::new(view, move |view| {
            session.edit_quietly(|w| {
                if let Some(m) = w.maps.iter_mut().find(|m| m.id == kept) {
                    m.view = view;
                }
            });
        });
        let frame_drag = RwSignal::new(None);
        let node_ids: Memo<Vec<NodeId>> = Memo::new(move |_| {
            map.with(|m| {
                m.iter()
                    .flat_map(|m| m.nodes.iter().map(|n| n.id))
                    .collect()
            })
        });
        let link_ids: Memo<Vec<LinkId>> = Memo::new(move |_| {
            map.with(|m| {
                m.iter()
                    .flat_map(|m| m.links.iter().map(|l| l.id))
                    .collect()
            })
        });
        let ed = Ed {
            session,
            id: StoredValue::new(id),
            map,
            node_ids,
            link_ids,
            link_counts: Memo::new(move |_| {
                let mut counts = HashMap::new();
                map.with(|m| {
                    for l in m.iter().flat_map(|m| m.links.iter()) {
                        *counts.entry(l.from).or_insert(0) += 1;
                        *counts.entry(l.to).or_insert(0) += 1;
                    }
                });
                counts
            }),
            lanes: frames::lanes(map),
            frames: frames::frames(map, metrics, frame_drag),
            frame_drag,
            hidden: frames::hidden(map),
            metrics,
            frame,
            wrap: NodeRef::new(),
            gestures: StoredValue::new(MapGestures::default()),
            pending_link: RwSignal::new(None),
            band: RwSignal::new(None),
            announce: RwSignal::new(String::new()),
            selected: RwSignal::new(BTreeSet::new()),
            lifted: RwSignal::new(BTreeSet::new()),
            marks: EdMarks {
                selected: Marks::new(),
                link: Marks::new(),
                traced_nodes: Marks::new(),
                traced_links: Marks::new(),
            },
            link: RwSignal::new(None),
            editing: RwSignal::new(None),
            linking: RwSignal::new(None),
            editing_link: RwSignal::new(None),
            walk: StoredValue::new(None),
            live: StoredValue::new(HashMap::new()),
            redraw: Trigger::new(),
            drawing: RwSignal::new(None),
            links: StoredValue::new(HashMap::new()),
            highlight: RwSignal::new(Highlight::default()),
            halo: RwSignal::new(HashMap::new()),
            show: RwSignal::new(Show::Canvas),
            large: Memo::new(move |_| {
                node_ids.with(Vec::len) + link_ids.with(Vec::len) > paint::LARGE
            }),
            hover: RwSignal::new(None),
            hover_link: RwSignal::new(None),
            front: StoredValue::new(paint::Front::default()),
            moves: StoredValue::new_local(Moves::default()),
        };
        // The model is the truth: after every change (an edit, undo, another tab), the live
        // signals follow it. This loop is the only thing that reads the whole map; a signal is
        // set only when its value changed, so an edit re-renders only the nodes and links it
        // touched. The map's layer is drawn again only when a live signal changed: a change
        // that moves nothing (the view kept after a pan, a title) costs no drawing.
        Effect::new(move |first: Option<()>| {
            let metrics = metrics.get();
            let counts = ed.link_counts.get();
            crate::ui::browser::mark("cstw-map-sync-start");
            let mut moved = first.is_none();
            map.with(|m| {
                let Some(m) = m else { return };
                ed.marks.selected.retain(|id| m.node(*id).is_some());
                ed.marks.traced_nodes.retain(|id| m.node(*id).is_some());
                ed.marks.link.retain(|id| m.link(*id).is_some());
                ed.marks.traced_links.retain(|id| m.link(*id).is_some());
                ed.live.update_value(|live| {
                    let before = live.len();
                    live.retain(|id, _| m.node(*id).is_some());
                    moved |= live.len() != before;
                    for n in &m.nodes {
                        let size = metrics.node_size(&n.label);
                        let look = Look::of(m, n, counts.get(&n.id).copied().unwrap_or(0));
                        match live.get(&n.id) {
                            Some(l) => {
                                if l.pos.get_untracked() != n.at() {
                                    l.pos.set(n.at());
                                    moved = true;
                                }
                                if l.size.get_untracked() != size {
                                    l.size.set(size);
                                    moved = true;
                                }
                                if l.look.with_untracked(|x| *x != look) {
                                    l.look.set(look);
                                    moved = true;
                                }
                            }
                            None => {
                                moved = true;
                                live.insert(
                                    n.id,
                                    Live {
                                        pos: ArcRwSignal::new(n.at()),
                                        size: ArcRwSignal::new(size),
                                        look: ArcRwSignal::new(look),
                                    },
                                );
                            }
                        }
                    }
                });
                ed.links.update_value(|links| {
                    let before = links.len();
                    links.retain(|id, _| m.link(*id).is_some());
                    moved |= links.len() != before;
                    for l in &m.links {
                        match links.get(&l.id) {
                            Some(sig) => {
                                if sig.with_untracked(|x| x != l) {
                                    sig.set(l.clone());
                                    moved = true;
                                }
                            }
                            None => {
                                moved = true;
                                links.insert(l.id, ArcRwSignal::new(l.clone()));
                            }
                        }
                    }
                });
            });
            // Selections of removed nodes and links go.
            let ids = ed.node_ids.get_untracked();
            if ed
                .selected
                .with_untracked(|s| s.iter().any(|id| ids.binary_search(id).is_err()))
            {
                ed.selected
                    .update(|s| s.retain(|id| ids.binary_search(id).is_ok()));
            }
            if let Some(l) = ed.link.get_untracked()
                && ed
                    .link_ids
                    .with_untracked(|ls| ls.binary_search(&l).is_err())
            {
                ed.link.set(None);
            }
            crate::ui::browser::measure_since("cstw-map-sync", "cstw-map-sync-start");
            if moved {
                ed.redraw.notify();
            }
        });
        // The flags follow their sets.
        Effect::new(move |_| {
            ed.selected
                .with(|s| ed.marks.selected.follow(s.iter().copied()))
        });
        Effect::new(move |_| ed.link.with(|l| ed.marks.link.follow(l.iter().copied())));
        Effect::new(move |_| {
            ed.highlight.with(|h| {
                ed.marks.traced_nodes.follow(h.nodes.iter().copied());
                ed.marks.traced_links.follow(h.links.iter().copied());
            })
        });
        ed
    }

    /// Lifts these nodes onto the drag layer (none: puts them back).
    pub fn lift(&self, ids: BTreeSet<NodeId>) {
        self.lifted.set(ids);
    }

    /// A node's live place, box and look, made on first use (links may ask before their nodes).
    pub fn live(&self, id: NodeId) -> Live {
        if let Some(l) = self.live.with_value(|m| m.get(&id).cloned()) {
            return l;
        }
        let metrics = self.metrics.get_untracked();
        let (at, size, look) = self
            .map
            .with_untracked(|m| {
                let m = m.as_ref()?;
                let n = m.node(id)?;
                let links = m.links_of(id).count();
                Some((n.at(), metrics.node_size(&n.label), Look::of(m, n, links)))
            })
            .unwrap_or_default();
        let l = Live {
            pos: ArcRwSignal::new(at),
            size: ArcRwSignal::new(size),
            look: ArcRwSignal::new(look),
        };
        self.live.update_value(|m| {
            m.insert(id, l.clone());
        });
        l
    }

    /// A link as drawn, made on first use.
    pub fn live_link(&self, id: LinkId) -> ArcRwSignal<crate::model::map::Link> {
        if let Some(l) = self.links.with_value(|m| m.get(&id).cloned()) {
            return l;
        }
        let link = self
            .map
            .with_untracked(|m| m.as_ref().and_then(|m| m.link(id).cloned()))
            .unwrap_or_default();
        let sig = ArcRwSignal::new(link);
        self.links.update_value(|m| {
            m.insert(id, sig.clone());
        });
        sig
    }

    /// Reads the map (reactive); `None` once it has been deleted.
    pub fn with<T>(&self, f: impl FnOnce(&ConceptMap) -> T) -> Option<T> {
        self.map.with(|m| m.as_ref().map(|m| f(m)))
    }

    pub fn with_untracked<T>(&self, f: impl FnOnce(&ConceptMap) -> T) -> Option<T> {
        self.map.with_untracked(|m| m.as_ref().map(|m| f(m)))
    }

    /// Changes the map as one undoable edit (edits with the same `gesture` fold together).
    pub fn edit<T>(
        &self,
        gesture: Option<&str>,
        f: impl FnOnce(&mut ConceptMap) -> T,
    ) -> Option<T> {
        let mut f = Some(f);
        let mut out = None;
        self.edit_dyn(gesture, &mut |m| {
            if let Some(f) = f.take() {
                out = Some(f(m));
            }
        });
        out
    }

    /// [`Ed::edit`]'s work, written once: the session's edit (a signal's update, the history)
    /// would otherwise be compiled again into each of the editor's ~40 kinds of edit.
    fn edit_dyn(&self, gesture: Option<&str>, f: &mut dyn FnMut(&mut ConceptMap)) {
        let id = self.id.get_value();
        self.session.edit(gesture, |w| {
            if let Some(m) = w.maps.iter_mut().find(|m| m.id == id) {
                f(m);
            }
        });
    }

    /// The canvas size in CSS pixels, measured now. Measured here rather than kept from the
    /// last window resize: leaving the projector theme changes the canvas's box with no resize,
    /// and a stale size put Fit's map off-centre (issue 20).
    pub fn size(&self) -> (f64, f64) {
        if let Some(el) = self.wrap.get_untracked() {
            self.frame.measure(&el);
        }
        self.frame.px.get_untracked()
    }

    /// Zooms by `factor` about the canvas centre.
    pub fn zoom_by(&self, factor: f64) {
        self.size();
        self.frame.zoom_by(factor);
    }

    /// Shows the whole map.
    pub fn fit(&self) {
        let metrics = self.metrics.get_untracked();
        if let Some(Some(b)) = self.with_untracked(|m| m.bounds(metrics)) {
            self.size();
            self.frame.fit(b);
        }
    }

    /// The map point at the middle of the canvas.
    pub fn centre(&self) -> Point {
        self.size();
        self.frame.centre()
    }

    /// The part of the map on screen, in map units.
    pub fn in_view(&self) -> Option<Rect> {
        let (w, h) = self.size();
        if w <= 0.0 || h <= 0.0 {
            return None;
        }
        let v = self.frame.view.get_untracked();
        Some(Rect::from_corners(v.to_map(0.0, 0.0), v.to_map(w, h)))
    }

    /// Adds a node near `near` in a free place in view (over no node and no link label),
    /// selects it and starts typing its label. With `from`, the new node is linked from that
    /// node, far enough away for the link's label (one undo step).
    pub fn add_node_near(&self, near: Point) -> Option<NodeId> {
        self.add_node_from(near, None)
    }

    pub fn add_node_from(&self, near: Point, from: Option<NodeId>) -> Option<NodeId> {
        let metrics = self.metrics.get_untracked();
        let view = self.in_view();
        let id = self.edit(None, |m| {
            let size = placement::new_node_room(metrics);
            let at = match from {
                Some(f) => placement::linked_place(m, metrics, f, size, view),
                None => placement::free_place(m, metrics, near, size, view),
            };
            let id = m.add_node("", at, None);
            if let Some(f) = from {
                m.add_link(f, id);
            }
            id
        })?;
        // No free place in view: bring the new node into view.
        let at = self
            .with_untracked(|m| m.node(id).map(|n| n.at()))
            .flatten();
        if let (Some(at), Some(v)) = (at, view)
            && !v.contains(at)
        {
            let (w, h) = self.size();
            let mut view = self.frame.view.get_untracked();
            view.x = at.x - w / 2.0 / view.zoom;
            view.y = at.y - h / 2.0 / view.zoom;
            self.frame.show(view);
        }
        self.selected.set(BTreeSet::from([id]));
        self.link.set(None);
        if self.show.get_untracked() == Show::Canvas {
            self.editing.set(Some(id));
        }
        Some(id)
    }

    /// Removes the selected nodes (or the selected link).
    pub fn remove_selection(&self) {
        let nodes: Vec<NodeId> = self.selected.get_untracked().into_iter().collect();
        if !nodes.is_empty() {
            self.edit(None, |m| m.remove_nodes(&nodes));
            self.selected.set(BTreeSet::new());
        } else if let Some(l) = self.link.get_untracked() {
            self.edit(None, |m| m.remove_link(l));
            self.link.set(None);
        }
    }

    /// Moves keyboard focus to a node on the canvas.
    pub fn focus_node(&self, id: NodeId) {
        super::focus_on_canvas(format!("[data-node=\"{id}\"]"));
    }
}
