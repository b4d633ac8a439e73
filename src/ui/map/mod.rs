//! Concept maps section of a workshop (`#/w/<id>/maps[/<map>]`): the workshop's maps, a new map
//! from a template, and the editor: the SVG canvas (`canvas.rs`) or the outline (`outline.rs`),
//! with the inspector and legend (`inspect.rs`), layouts and analysis (`analyse.rs`) beside it.
//!
//! The canvas keeps one live position signal per node. Dragging moves only those signals (the
//! dragged node and the links that touch it re-render, nothing else); the model changes once,
//! when the gesture ends, as one undoable edit.

mod analyse;
mod canvas;
mod draw;
mod files;
mod frames;
mod inspect;
mod link_keys;
mod marks;
mod node_notes;
mod outline;
mod paint;
mod rail;

use std::collections::{BTreeSet, HashMap, HashSet};

use leptos::ev;
use leptos::prelude::*;

use crate::analysis::placement;
use crate::content::map_templates::Template;
use crate::model::Shared;
use crate::model::map::{ConceptMap, LinkId, Metrics, NodeId, Point, Rect, Size, Viewport};
use crate::route::Route;
use crate::settings::{Settings, Theme};
use crate::ui::browser::fresh_id;
use crate::ui::workshop::Session;

use marks::Marks;

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
    pub lifted: Marks<NodeId>,
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
    /// The canvas view as shown now; written to the map (without an undo step) after a pause.
    pub view: RwSignal<Viewport>,
    /// The canvas size in CSS pixels, as last measured (see [`Ed::size`]).
    pub px: RwSignal<(f64, f64)>,
    /// The canvas's box, measured again whenever a size is needed: the theme, learning mode or
    /// focus mode change it without resizing the window.
    pub wrap: NodeRef<leptos::html::Div>,
    pub selected: RwSignal<BTreeSet<NodeId>>,
    /// Nodes being dragged: drawn, with their links, on a layer of their own above the map
    /// (the map's copies are hidden and keep still), so a drag repaints only that layer.
    pub lifted: RwSignal<BTreeSet<NodeId>>,
    /// `selected`, `lifted`, `link` and `highlight` as one flag per node or link.
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
    /// Focus mode: the canvas fills the screen (for the projector); Esc leaves it.
    pub focus: RwSignal<bool>,
    /// A large map (more than [`paint::LARGE`] nodes and links): painted on a `<canvas>`, the
    /// SVG keeping only what a person is working with (`paint.rs`, `draw.rs`).
    pub large: Memo<bool>,
    /// The node and the link under the pointer (on a large map they are drawn in the SVG).
    pub hover: RwSignal<Option<NodeId>>,
    pub hover_link: RwSignal<Option<LinkId>>,
    /// What the SVG draws on a large map (its "front"), written by `draw.rs` for the painter.
    pub front: StoredValue<paint::Front>,
    view_timer: StoredValue<Option<TimeoutHandle>>,
}

impl Ed {
    fn new(session: Session, id: String) -> Ed {
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
            view: RwSignal::new(view),
            px: RwSignal::new((1000.0, 600.0)),
            wrap: NodeRef::new(),
            selected: RwSignal::new(BTreeSet::new()),
            lifted: RwSignal::new(BTreeSet::new()),
            marks: EdMarks {
                selected: Marks::new(),
                lifted: Marks::new(),
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
            focus: RwSignal::new(false),
            large: Memo::new(move |_| {
                node_ids.with(Vec::len) + link_ids.with(Vec::len) > paint::LARGE
            }),
            hover: RwSignal::new(None),
            hover_link: RwSignal::new(None),
            front: StoredValue::new(paint::Front::default()),
            view_timer: StoredValue::new(None),
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
                ed.marks.lifted.retain(|id| m.node(*id).is_some());
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
        // The flags follow their sets (the lifted ones are set with the set, by `lift`).
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

    /// Lifts these nodes onto the drag layer (none: puts them back), flags and set together.
    pub fn lift(&self, ids: BTreeSet<NodeId>) {
        self.marks.lifted.follow(ids.iter().copied());
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
        let id = self.id.get_value();
        let mut out = None;
        self.session.edit(gesture, |w| {
            if let Some(m) = w.maps.iter_mut().find(|m| m.id == id) {
                out = Some(f(m));
            }
        });
        out
    }

    /// Remembers the view in the map after a short pause (no undo step: panning is not an edit).
    /// The view and the map are read now, not when the pause ends: by then the map editor may
    /// be gone (another section opened), and its signals with it.
    pub fn keep_view(&self) {
        let (Some(view), Some(id)) = (self.view.try_get_untracked(), self.id.try_get_value())
        else {
            return;
        };
        let session = self.session;
        crate::ui::browser::debounce(self.view_timer, 400, move || {
            session.edit_quietly(|w| {
                if let Some(m) = w.maps.iter_mut().find(|m| m.id == id) {
                    m.view = view;
                }
            });
        });
    }

    /// The canvas size in CSS pixels, measured now. Measured here rather than kept from the
    /// last window resize: leaving the projector theme changes the canvas's box with no resize,
    /// and a stale size put Fit's map off-centre (issue 20).
    pub fn size(&self) -> (f64, f64) {
        if let Some(el) = self.wrap.get_untracked() {
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 && r.height() > 0.0 {
                let now = (r.width(), r.height());
                if self.px.get_untracked() != now {
                    self.px.set(now);
                }
                return now;
            }
        }
        self.px.get_untracked()
    }

    /// Zooms by `factor` about the canvas centre.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.size();
        self.view
            .update(|v| *v = v.zoom_at(factor, w / 2.0, h / 2.0));
        self.keep_view();
    }

    /// Shows the whole map.
    pub fn fit(&self) {
        let metrics = self.metrics.get_untracked();
        if let Some(Some(b)) = self.with_untracked(|m| m.bounds(metrics)) {
            let (w, h) = self.size();
            self.view.set(Viewport::fit(b, w, h));
            self.keep_view();
        }
    }

    /// The map point at the middle of the canvas.
    pub fn centre(&self) -> Point {
        let (w, h) = self.size();
        self.view.get_untracked().to_map(w / 2.0, h / 2.0)
    }

    /// The part of the map on screen, in map units.
    pub fn in_view(&self) -> Option<Rect> {
        let (w, h) = self.size();
        if w <= 0.0 || h <= 0.0 {
            return None;
        }
        let v = self.view.get_untracked();
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
            self.view.update(|view| {
                view.x = at.x - w / 2.0 / view.zoom;
                view.y = at.y - h / 2.0 / view.zoom;
            });
            self.keep_view();
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
        focus_on_canvas(format!("[data-node=\"{id}\"]"));
    }
}

/// The maps of a workshop and the open one.
#[component]
pub fn MapsView(session: Session) -> impl IntoView {
    let workshop_id = session.id();
    let map_ids = Memo::new(move |_| {
        session
            .workshop
            .with(|w| w.maps.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
    });
    let asked = RwSignal::new(Route::map_in(
        &window().location().hash().unwrap_or_default(),
    ));
    let listener = window_event_listener(ev::hashchange, move |_| {
        asked.set(Route::map_in(
            &window().location().hash().unwrap_or_default(),
        ));
    });
    on_cleanup(move || listener.remove());
    let open = Memo::new(move |_| {
        let ids = map_ids.get();
        asked
            .get()
            .filter(|a| ids.contains(a))
            .or_else(|| ids.first().cloned())
    });
    let choosing = RwSignal::new(false);
    provide_context(files::Notice(RwSignal::new(None)));
    provide_context(files::FitOnOpen(StoredValue::new(None)));
    let wid = workshop_id.clone();
    view! {
        <section class="maps" aria-labelledby="maps-heading">
            <h2 id="maps-heading">"Concept maps"</h2>
            <div class="rounds-bar">
                <nav class="perspective-tabs" aria-label="Maps">
                    <For each=move || map_ids.get() key=|id| id.clone() children=move |mid| {
                        let href = Route::map_href(&wid, &mid);
                        let name = {
                            let mid = mid.clone();
                            move || session.workshop.with(|w| {
                                w.maps.iter().find(|m| m.id == mid).map(|m| m.display_title().to_string()).unwrap_or_default()
                            })
                        };
                        view! {
                            <a class="perspective-tab" href=href
                                aria-current=move || (open.get().as_deref() == Some(mid.as_str())).then_some("page")>{name}</a>
                        }
                    } />
                </nav>
                <button type="button" aria-expanded=move || choosing.get().to_string()
                    on:click=move |_| choosing.update(|c| *c = !*c)>"New map"</button>
            </div>
            <files::ImportNotice />
            {move || (choosing.get() || map_ids.with(Vec::is_empty)).then(|| {
                view! { <Templates session=session choosing=choosing /> }
            })}
            {move || open.get().map(|id| view! { <Editor session=session id=id /> })}
        </section>
    }
}

/// The templates a new map can start from.
#[component]
fn Templates(session: Session, choosing: RwSignal<bool>) -> impl IntoView {
    let create = move |t: Template| {
        let id = fresh_id("m");
        let wid = session.id();
        let href = Route::map_href(&wid, &id);
        session.edit(None, |w| {
            let map = t.build(id, &w.title, &w.roster);
            w.maps.push(map.into());
        });
        choosing.set(false);
        let _ = window().location().set_hash(&href);
    };
    let roster_empty = Memo::new(move |_| session.workshop.with(|w| w.roster.is_empty()));
    view! {
        <p class="lead">"A concept map shows ideas and how they link. Start from a blank page or from one of the paper's maps, then make it your group's own."</p>
        <ul class="cards">
            {Template::ALL.into_iter().map(|t| view! {
                <li class="card">
                    <h3>{t.name()}</h3>
                    <p>{t.description()}</p>
                    {(t == Template::Stakeholders).then(|| view! {
                        <p class="hint" hidden=move || !roster_empty.get()>"The roster is empty, so this map will have the programme alone. Add stakeholders under Details and roster first."</p>
                    })}
                    <button type="button" class="primary" on:click=move |_| create(t)>{format!("Start a {}", t.name().to_lowercase())}</button>
                </li>
            }).collect_view()}
        </ul>
        <files::Import session=session />
    }
}

/// One map's editor, for a step of the presentation.
#[component]
pub fn MapStep(session: Session, id: String) -> impl IntoView {
    provide_context(files::Notice(RwSignal::new(None)));
    view! {
        <section class="maps">
            <files::ImportNotice />
            <Editor session=session id=id />
        </section>
    }
}

/// One map: its details, the canvas or outline, and the side panel.
#[component]
fn Editor(session: Session, id: String) -> impl IntoView {
    // A map an import just made is shown whole on this screen's canvas (once it is measured).
    let just_imported = use_context::<files::FitOnOpen>().is_some_and(|f| {
        f.0.try_update_value(|v| v.take_if(|m| *m == id))
            .flatten()
            .is_some()
    });
    let ed = Ed::new(session, id);
    if just_imported {
        request_animation_frame(move || ed.fit());
    }
    let title = move || ed.with(|m| m.title.clone()).unwrap_or_default();
    let focus = move || ed.with(|m| m.focus_question.clone()).unwrap_or_default();
    let gesture = move |field: &str| format!("map:{}:{field}", ed.id.get_value());
    let remove = move |_| {
        let name = ed
            .with_untracked(|m| m.display_title().to_string())
            .unwrap_or_default();
        let ok = window()
            .confirm_with_message(&format!(
                "Delete the map \u{201c}{name}\u{201d}? Undo brings it back."
            ))
            .unwrap_or(false);
        if ok {
            let id = ed.id.get_value();
            session.edit(None, |w| w.maps.retain(|m| m.id != id));
        }
    };
    // Focus mode hides the page's chrome through classes on <html>, as the boundary critique's
    // does; Esc (when the canvas did not use it) or leaving the map ends it.
    Effect::new(move |_| {
        let on = ed.focus.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("focus-mode", on);
            let _ = root.class_list().toggle_with_force("map-focus", on);
        }
        if !on {
            return;
        }
        // The canvas now starts at the top and changes size: show it all, and the map in it.
        window().scroll_to_with_x_and_y(0.0, 0.0);
        request_animation_frame(move || ed.fit());
    });
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && !e.default_prevented() && ed.focus.get_untracked() {
            ed.focus.set(false);
        }
    });
    on_cleanup(move || {
        keys.remove();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_2("focus-mode", "map-focus");
        }
    });
    view! {
        <div class="map-editor">
            <div class="map-layout">
                <div class="map-main">
                    <rail::Rail ed=ed />
                    <div class="map-work">
                        {move || match ed.show.get() {
                            Show::Canvas => view! { <canvas::Canvas ed=ed /> }.into_any(),
                            Show::Outline => view! { <outline::Outline ed=ed /> }.into_any(),
                        }}
                    </div>
                </div>
                <aside class="map-side" aria-label="Map tools">
                    <section class="panel map-details" aria-label="This map">
                        <label>"Title "
                            <input type="text" prop:value=title
                                on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture("title")), |m| m.title = v); }
                                on:blur=move |_| session.seal() />
                        </label>
                        <label class="grow">"Focus question "
                            <input type="text" prop:value=focus placeholder="What question does this map answer?"
                                on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture("focus")), |m| m.focus_question = v); }
                                on:blur=move |_| session.seal() />
                        </label>
                        <button type="button" class="danger" on:click=remove>"Delete map"</button>
                    </section>
                    <inspect::Inspector ed=ed />
                    <inspect::Kinds ed=ed />
                    <analyse::Layouts ed=ed />
                    <analyse::Analysis ed=ed />
                    <files::Export ed=ed />
                    <files::Import session=session into=ed />
                </aside>
            </div>
        </div>
    }
}

/// Moves keyboard focus to the canvas element matching `selector` (a node's or a link's): at
/// once when it is drawn already, so the next key press reaches it; one made in this same turn
/// is drawn by the next frame.
pub(super) fn focus_on_canvas(selector: String) {
    fn try_focus(selector: &str) -> bool {
        use leptos::wasm_bindgen::JsCast;
        document()
            .query_selector(&format!(".map-canvas {selector}"))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok())
            .is_some_and(|el| el.focus().is_ok())
    }
    if !try_focus(&selector) {
        request_animation_frame(move || {
            try_focus(&selector);
        });
    }
}
