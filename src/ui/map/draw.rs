//! The map's own layer of nodes and links, drawn in bulk (issue 23, "opening a large map").
//!
//! One reactive view per node and per link (a dozen signals, memos and attribute effects each,
//! and an element made by its own script calls) made the first render of a 1,000-node map take
//! 0.75 s of script alone, most of it Leptos's bookkeeping. Here one effect draws both layers:
//! each node and link becomes a piece of SVG text (its attributes and its inner markup, user
//! text escaped), the first time all of them in one `innerHTML` each for nodes and links (the
//! browser's parser makes the elements), afterwards only the pieces that differ from what is
//! drawn: attributes set in place (so the element, its focus and a click in progress stay) and
//! inner markup replaced. When most of the map changed (a layout, an undo of one, a theme change)
//! the layer is drawn again whole and the focused node or link keeps the focus.
//!
//! Positions come from the live signals (`Ed::live`), read without tracking: the effect runs
//! again when the model changes (the sync effect in `state.rs` notifies `Ed::redraw`), when an
//! animation moves nodes (it notifies too), and when the selection, the dragged set, the
//! highlight, halos, lanes, frames or the theme change. While nodes are dragged they and their
//! links keep their drawn place here (hidden, as `lifted`) and are drawn on the lift layer by
//! `lift.rs`'s views, so a drag does not run this effect.
//!
//! Events need nothing here: the canvas handles them once and finds the node or link by its
//! `data-node` / `data-link` attribute.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Ed;
use super::paint::LABEL_MIN_PX;
use super::pieces::{
    Ends, LinkKey, NodeKey, Piece, Sets, TITLED, link_flags, link_markup, link_piece, node_key,
    node_markup, node_piece,
};
use crate::model::map::{LinkId, NodeId};

/// What is on the map's layer now, and what each piece was made from. A node's generation
/// grows whenever its key changes, so a link (whose path and title follow its ends) is made
/// again only when an end changed.
#[derive(Default)]
pub(super) struct Drawn {
    nodes: Pieces,
    links: Pieces,
    node_keys: HashMap<NodeId, (NodeKey, u64)>,
    link_keys: HashMap<LinkId, LinkKey>,
    /// `Structure`'s count when last drawn: lanes, frames, hidden nodes, theme, group names.
    structure: u64,
    /// Whether every link was drawn with its name (see [`TITLED`]).
    titled: bool,
    generation: u64,
}

thread_local! {
    /// Set while the layer gives the focus back after drawing itself whole, so the canvas's
    /// focus handler does not take that for the user choosing a node.
    static REFOCUS: Cell<bool> = const { Cell::new(false) };
}

/// Whether a focus event comes from the layer giving the focus back (see [`REFOCUS`]).
pub(super) fn refocusing() -> bool {
    REFOCUS.with(Cell::get)
}

/// A layer drawn whole puts at most this many pieces in one parse; the rest follow, this many
/// a frame, so a large map's first drawing is several tasks and the page answers between them.
const CHUNK: usize = 1500;

/// The pieces of a layer by id; shared, so a piece that did not change is not copied.
type Pieces = BTreeMap<u32, Rc<Piece>>;

fn same(a: Option<&Rc<Piece>>, b: &Rc<Piece>) -> bool {
    a.is_some_and(|a| Rc::ptr_eq(a, b) || **a == **b)
}

/// The state of one layer besides its pieces.
#[derive(Default)]
struct LayerState {
    /// Each drawn element by its id, made when many pieces change at once (a layout's slice)
    /// and forgotten when elements come or go.
    index: Option<HashMap<u32, web_sys::Element>>,
    /// Pieces not drawn yet (a large layer drawn whole goes on in the next frames).
    pending: BTreeSet<u32>,
}

/// Brings one layer (`attr`: `data-node` or `data-link`) in step with `now`. A large layer
/// drawn for the first time is left wholly for the next frames (`more`), so the page first
/// shows that it is being drawn.
fn patch(
    layer: &web_sys::Element,
    attr: &str,
    old: &Pieces,
    now: &Pieces,
    markup: fn(&mut String, u32, &Piece),
    st: &mut LayerState,
    chunk: usize,
) {
    let changed = now.iter().filter(|(id, p)| !same(old.get(id), p)).count()
        + old.keys().filter(|id| !now.contains_key(id)).count();
    if changed == 0 {
        return;
    }
    let query = |id: u32| {
        layer
            .query_selector(&format!(":scope > [{attr}=\"{id}\"]"))
            .ok()
            .flatten()
    };
    // Most of it changed (or nothing was drawn): draw it whole, in one parse.
    if old.is_empty() || changed > 64.max(now.len() / 6) {
        st.index = None;
        st.pending.clear();
        let first = if old.is_empty() && now.len() > chunk {
            0
        } else {
            chunk
        };
        let focused = document()
            .active_element()
            .filter(|el| layer.contains(Some(el)))
            .and_then(|el| el.closest(&format!("[{attr}]")).ok().flatten())
            .and_then(|el| el.get_attribute(attr));
        let mut all = String::with_capacity(now.len().min(first) * 300);
        for (i, (id, p)) in now.iter().enumerate() {
            if i < first {
                markup(&mut all, *id, p);
            } else {
                st.pending.insert(*id);
            }
        }
        layer.set_inner_html(&all);
        if let Some(el) = focused
            .and_then(|id| id.parse().ok())
            .and_then(query)
            .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok())
        {
            REFOCUS.with(|r| r.set(true));
            let _ = el.focus();
            REFOCUS.with(|r| r.set(false));
        }
        return;
    }
    if changed > 16 && st.index.is_none() {
        let children = layer.children();
        let mut map = HashMap::with_capacity(children.length() as usize);
        for i in 0..children.length() {
            if let Some(el) = children.item(i)
                && let Some(id) = el.get_attribute(attr).and_then(|v| v.parse().ok())
            {
                map.insert(id, el);
            }
        }
        st.index = Some(map);
    }
    let map = st.index.take();
    let find = |id: u32| match &map {
        Some(map) => map.get(&id).cloned(),
        None => query(id),
    };
    // Unless elements come or go below (the index would go stale), it is kept.
    let keep =
        old.keys().all(|id| now.contains_key(id)) && now.keys().all(|id| old.contains_key(id));
    for id in old.keys().filter(|id| !now.contains_key(id)) {
        if st.pending.remove(id) {
            continue;
        }
        if let Some(el) = find(*id) {
            el.remove();
        }
    }
    for (id, p) in now {
        // Not drawn yet: drawn as it is then.
        if st.pending.contains(id) {
            continue;
        }
        match old.get(id) {
            Some(o) if Rc::ptr_eq(o, p) || o == p => {}
            None if !st.pending.is_empty() => {
                st.pending.insert(*id);
            }
            Some(o) => {
                let Some(el) = find(*id) else { continue };
                if o.class != p.class {
                    let _ = el.set_attribute("class", &p.class);
                }
                if o.aria != p.aria && attr == "data-node" {
                    let _ = el.set_attribute("aria-label", &p.aria);
                }
                if o.hidden != p.hidden {
                    let _ = if p.hidden {
                        el.set_attribute("hidden", "")
                    } else {
                        el.remove_attribute("hidden")
                    };
                }
                if o.inner != p.inner {
                    el.set_inner_html(&p.inner);
                }
            }
            None => {
                // In id order, as a whole drawing would put it.
                let mut html = String::new();
                markup(&mut html, *id, p);
                let next = old
                    .range(id + 1..)
                    .find(|(next, _)| now.contains_key(next))
                    .and_then(|(next, _)| find(*next));
                let _ = match next {
                    Some(next) => next.insert_adjacent_html("beforebegin", &html),
                    None => layer.insert_adjacent_html("beforeend", &html),
                };
            }
        }
    }
    if keep {
        st.index = map;
    }
}

/// How far the drawing of the map is: pieces drawn of all, while some wait for a frame.
fn progress(d: &Drawn, ls: &LayerState, ns: &LayerState) -> Option<(usize, usize)> {
    let left = ls.pending.len() + ns.pending.len();
    let all = d.nodes.len() + d.links.len();
    (left > 0).then(|| (all.saturating_sub(left), all))
}

/// Draws the next pieces a layer drawn whole left for later, one chunk a frame.
fn more(
    ed: Ed,
    drawn: StoredValue<Drawn, LocalStorage>,
    state: StoredValue<(LayerState, LayerState), LocalStorage>,
    links: NodeRef<leptos::svg::G>,
    nodes: NodeRef<leptos::svg::G>,
) {
    request_animation_frame(move || {
        let (Some(lg), Some(ng)) = (links.get_untracked(), nodes.get_untracked()) else {
            return;
        };
        let left = state
            .try_update_value(|(ls, ns)| {
                drawn.with_value(|d| {
                    // Nodes first, then links.
                    let (layer, st, pieces, markup): (
                        &web_sys::Element,
                        _,
                        _,
                        fn(&mut String, u32, &Piece),
                    ) = if ns.pending.is_empty() {
                        (&lg, &mut *ls, &d.links, link_markup)
                    } else {
                        (&ng, &mut *ns, &d.nodes, node_markup)
                    };
                    let ids: Vec<u32> = st.pending.iter().take(CHUNK).copied().collect();
                    let mut html = String::with_capacity(ids.len() * 300);
                    for id in ids {
                        st.pending.remove(&id);
                        if let Some(p) = pieces.get(&id) {
                            markup(&mut html, id, p);
                        }
                    }
                    let _ = layer.insert_adjacent_html("beforeend", &html);
                    st.index = None;
                    progress(d, ls, ns)
                })
            })
            .flatten();
        if ed.drawing.get_untracked() != left {
            ed.drawing.set(left);
        }
        if left.is_some() {
            more(ed, drawn, state, links, nodes);
        }
    });
}

/// What the SVG draws whole of a large map: the selected nodes, the hovered node, the selected
/// and hovered links, the links of the selected nodes (a few) and the nodes at their ends.
fn front(ed: Ed, sets: &Sets) -> super::paint::Front {
    let mut f = super::paint::Front::default();
    f.nodes.extend(sets.selected.iter().copied());
    f.nodes.extend(ed.hover.get_untracked());
    f.links.extend(sets.link);
    f.links.extend(ed.hover_link.get_untracked());
    // The neighbourhood of a node being worked on: where Alt+arrows go from it.
    if (1..=8).contains(&sets.selected.len()) {
        ed.map.with_untracked(|m| {
            if let Some(m) = m {
                for id in &sets.selected {
                    f.links.extend(m.links_of(*id).map(|l| l.id));
                }
            }
        });
    }
    for l in &f.links {
        let (a, b) = ed.live_link(*l).with_untracked(|k| (k.from, k.to));
        f.nodes.insert(a);
        f.nodes.insert(b);
    }
    f
}

/// Draws the map's layer of links and nodes into `links` and `nodes`, and keeps it in step.
pub(super) fn draw(ed: Ed, links: NodeRef<leptos::svg::G>, nodes: NodeRef<leptos::svg::G>) {
    let drawn = StoredValue::new_local(Drawn::default());
    let state = StoredValue::new_local((LayerState::default(), LayerState::default()));
    // Counts changes of what every piece may depend on besides its own key.
    let group_names = Memo::new(move |_| {
        ed.with(|m| {
            m.groups
                .iter()
                .map(|g| (g.id, g.display_name()))
                .collect::<Vec<_>>()
        })
    });
    let tiny = Memo::new(move |_| {
        ed.frame.view.with(|v| v.zoom) * ed.metrics.with(|m| m.font) < LABEL_MIN_PX
    });
    let structure = Memo::new(move |n: Option<&u64>| {
        ed.metrics.track();
        tiny.track();
        ed.lanes.track();
        ed.frames.track();
        ed.hidden.track();
        group_names.track();
        n.map_or(1, |n| n + 1)
    });
    Effect::new(move |_| {
        // What the drawing depends on; everything else is read without tracking.
        ed.redraw.track();
        ed.selected.track();
        ed.lifted.track();
        ed.link.track();
        ed.highlight.track();
        ed.halo.track();
        let structure = structure.get();
        let node_ids = ed.node_ids.get();
        let link_ids = ed.link_ids.get();
        let large = ed.large.get();
        ed.hover.track();
        ed.hover_link.track();
        let (Some(lg), Some(ng)) = (links.get(), nodes.get()) else {
            return;
        };
        untrack(|| {
            crate::ui::browser::timed("cstw-draw", || {
                let sets = Sets::read(ed);
                let metrics = ed.metrics.get_untracked();
                let tiny = tiny.get_untracked();
                // A large map: the SVG draws only its front, the canvas paints the rest.
                let front = large.then(|| front(ed, &sets));
                let link_ids: Vec<LinkId> = match &front {
                    Some(f) => link_ids
                        .iter()
                        .copied()
                        .filter(|l| f.links.contains(l))
                        .collect(),
                    None => link_ids,
                };
                ed.front.set_value(front.clone().unwrap_or_default());
                let fresh = drawn.with_value(|d| d.nodes.is_empty());
                let shown = drawn.try_update_value(|d| {
                    let titled = large || link_ids.len() <= TITLED;
                    let all = d.structure != structure || d.titled != titled;
                    d.structure = structure;
                    d.titled = titled;
                    let mut now_nodes = BTreeMap::new();
                    let mut node_keys = HashMap::with_capacity(node_ids.len());
                    for id in &node_ids {
                        let key = node_key(ed, *id, &sets, front.as_ref());
                        let (piece, generation) = match (d.node_keys.get(id), d.nodes.get(id)) {
                            (Some((k, g)), Some(p)) if !all && *k == key => (p.clone(), *g),
                            (_, prev) => {
                                d.generation += 1;
                                let p = node_piece(*id, &key, prev.map(|p| &**p), metrics);
                                (Rc::new(p), d.generation)
                            }
                        };
                        now_nodes.insert(*id, piece);
                        node_keys.insert(*id, (key, generation));
                    }
                    let gen_of = |id: NodeId| node_keys.get(&id).map_or(0, |(_, g)| *g);
                    let mut now_links = BTreeMap::new();
                    let mut link_keys = HashMap::with_capacity(link_ids.len());
                    let mut old_keys = std::mem::take(&mut d.link_keys);
                    let old_links = &d.links;
                    ed.lanes.with_untracked(|lanes| {
                        ed.hidden.with_untracked(|hidden| {
                            ed.frames.with_untracked(|frames| {
                                ed.map.with_untracked(|m| {
                                    let ends = Ends {
                                        nodes: &node_keys,
                                        around: super::frames::Around {
                                            lanes,
                                            hidden,
                                            frames,
                                            map: m.as_deref(),
                                        },
                                        metrics,
                                        tiny,
                                        titled,
                                    };
                                    for id in &link_ids {
                                        let (piece, key) = ed.live_link(*id).with_untracked(|l| {
                                            let flags = link_flags(l, *id, &sets);
                                            let gens = (gen_of(l.from), gen_of(l.to));
                                            let old = old_keys.remove(id);
                                            match (old, old_links.get(id)) {
                                                (Some(k), Some(p))
                                                    if !all
                                                        && k.flags == flags
                                                        && k.ends == gens
                                                        && k.link == *l =>
                                                {
                                                    (p.clone(), k)
                                                }
                                                (_, prev) => {
                                                    let key = LinkKey {
                                                        link: l.clone(),
                                                        ends: gens,
                                                        flags,
                                                    };
                                                    let p = link_piece(
                                                        ed,
                                                        *id,
                                                        &key,
                                                        prev.map(|p| &**p),
                                                        &ends,
                                                    );
                                                    (Rc::new(p), key)
                                                }
                                            }
                                        });
                                        now_links.insert(*id, piece);
                                        link_keys.insert(*id, key);
                                    }
                                })
                            })
                        })
                    });
                    let (waiting, shown) = state
                        .try_update_value(|(ls, ns)| {
                            let waiting = !(ls.pending.is_empty() && ns.pending.is_empty());
                            // A large map's nodes here are small (a name and a focus): one parse.
                            let chunk = if large { usize::MAX } else { CHUNK };
                            patch(
                                &lg,
                                "data-link",
                                &d.links,
                                &now_links,
                                link_markup,
                                ls,
                                chunk,
                            );
                            patch(
                                &ng,
                                "data-node",
                                &d.nodes,
                                &now_nodes,
                                node_markup,
                                ns,
                                chunk,
                            );
                            d.links = now_links;
                            d.nodes = now_nodes;
                            (waiting, progress(d, ls, ns))
                        })
                        .unwrap_or_default();
                    // A frame is already asked for when pieces were waiting before.
                    if shown.is_some() && !waiting {
                        more(ed, drawn, state, links, nodes);
                    }
                    d.node_keys = node_keys;
                    d.link_keys = link_keys;
                    shown
                });
                let mut shown = shown.flatten();
                // A large map's first painting is said until it is done (`paint/` clears it).
                if large && fresh && !node_ids.is_empty() {
                    shown = Some((0, node_ids.len() + ed.link_ids.with_untracked(Vec::len)));
                } else if large && ed.drawing.get_untracked().is_some() {
                    return;
                }
                if ed.drawing.get_untracked() != shown {
                    ed.drawing.set(shown);
                }
            });
        });
    });
}
