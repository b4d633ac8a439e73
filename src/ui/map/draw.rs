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
//! again when the model changes (the sync effect in `mod.rs` notifies `Ed::redraw`), when an
//! animation moves nodes (it notifies too), and when the selection, the dragged set, the
//! highlight, halos, lanes, frames or the theme change. While nodes are dragged they and their
//! links keep their drawn place here (hidden, as `lifted`) and are drawn on the lift layer by
//! `canvas.rs`'s views, so a drag does not run this effect.
//!
//! Events need nothing here: the canvas handles them once and finds the node or link by its
//! `data-node` / `data-link` attribute.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::{Ed, Look};
use crate::model::map::{
    Direction, Link, LinkId, NodeId, Point, Polarity, Shape, Size, wrap_label,
};

/// One drawn node or link: the attributes that change and the inner markup.
#[derive(Clone, Debug, Default, PartialEq)]
struct Piece {
    class: String,
    /// A node's accessible name; a link's `hidden` (both ends in one collapsed group).
    aria: String,
    hidden: bool,
    inner: String,
}

/// What a node's piece was made from: the piece is made again only when this differs.
#[derive(Clone, Debug, PartialEq)]
struct NodeKey {
    at: Point,
    size: Size,
    look: Look,
    /// Selected, traced, lifted.
    flags: (bool, bool, bool),
    halo: Option<f64>,
}

/// What a link's piece was made from; `ends` are its nodes' generations (see [`Drawn`]).
#[derive(Clone, Debug, PartialEq)]
struct LinkKey {
    link: Link,
    ends: (u64, u64),
    flags: (bool, bool, bool),
}

/// What is on the map's layer now, and what each piece was made from. A node's generation
/// grows whenever its key changes, so a link (whose path and title follow its ends) is made
/// again only when an end changed.
#[derive(Default)]
pub(super) struct Drawn {
    nodes: BTreeMap<NodeId, Piece>,
    links: BTreeMap<LinkId, Piece>,
    node_keys: HashMap<NodeId, (NodeKey, u64)>,
    link_keys: HashMap<LinkId, LinkKey>,
    /// `Structure`'s count when last drawn: lanes, frames, hidden nodes, theme, group names.
    structure: u64,
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

/// Escapes text for SVG markup (element content and double-quoted attributes).
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A node's accessible name: its label on one line, its kind and how many links it has.
pub(super) fn node_name(label: &str, kind: Option<&str>, links: usize) -> String {
    let text = if label.trim().is_empty() {
        "(no label)".to_string()
    } else {
        label.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let kind = kind.map(|k| format!(", {k}")).unwrap_or_default();
    format!(
        "{text}{kind}, {links} link{}",
        if links == 1 { "" } else { "s" }
    )
}

fn node_key(ed: Ed, id: NodeId) -> NodeKey {
    let live = ed.live(id);
    NodeKey {
        at: live.pos.get_untracked(),
        size: live.size.get_untracked(),
        look: live.look.get_untracked(),
        flags: (
            ed.selected.with_untracked(|s| s.contains(&id)),
            ed.highlight.with_untracked(|h| h.nodes.contains(&id)),
            ed.lifted.with_untracked(|l| l.contains(&id)),
        ),
        halo: ed
            .halo
            .with_untracked(|h| h.get(&id).copied())
            .filter(|v| *v > 0.0),
    }
}

fn node_piece(ed: Ed, id: NodeId, key: &NodeKey, prev: Option<&Piece>) -> Piece {
    let look = &key.look;
    let (selected, traced, lifted) = key.flags;
    let sel = if selected { " selected" } else { "" };
    let traced = if traced { " traced" } else { "" };
    let up = if lifted { " lifted" } else { "" };
    let gone = if look.hidden { " hidden" } else { "" };
    let class = format!(
        "node c-{} s-{}{sel}{traced}{up}{gone}",
        look.colour,
        look.shape.as_str()
    );
    let aria = node_name(&look.label, look.kind.as_deref(), look.links);
    // While it is dragged, the map's copy stays where it was (drawn on the lift layer instead).
    if lifted && let Some(p) = prev {
        return Piece {
            class,
            aria,
            hidden: false,
            inner: p.inner.clone(),
        };
    }
    let (at, s) = (key.at, key.size);
    let metrics = ed.metrics.get_untracked();
    let mut inner = String::with_capacity(256);
    if let Some(v) = key.halo {
        let _ = write!(
            inner,
            r#"<circle class="halo" cx="{}" cy="{}" r="{}"></circle>"#,
            at.x,
            at.y,
            s.w.max(s.h) / 2.0 + 8.0 + v * 60.0
        );
    }
    let rx = match look.shape {
        Shape::Box => 2.0,
        Shape::Pill => s.h / 2.0,
        Shape::Rounded | Shape::Dashed => 10.0,
    };
    let _ = write!(
        inner,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"></rect><text>"#,
        at.x - s.w / 2.0,
        at.y - s.h / 2.0,
        s.w,
        s.h,
        rx
    );
    let lines = wrap_label(&look.label);
    let lh = metrics.line_height();
    let top = -(lines.len() as f64 - 1.0) * lh / 2.0 + metrics.font * 0.35;
    for (i, l) in lines.iter().enumerate() {
        // A space before each later line keeps the words apart in the text's content, which
        // is what screen readers and search read.
        let _ = write!(
            inner,
            r#"<tspan x="{}" y="{}">{}{}</tspan>"#,
            at.x,
            at.y + top + i as f64 * lh,
            if i == 0 { "" } else { " " },
            esc(l)
        );
    }
    let _ = write!(
        inner,
        r#"</text><circle class="handle" data-handle="{id}" cx="{}" cy="{}" r="7"></circle>"#,
        at.x + s.w / 2.0,
        at.y
    );
    Piece {
        class,
        aria,
        hidden: false,
        inner,
    }
}

fn link_key(ed: Ed, id: LinkId, gen_of: impl Fn(NodeId) -> u64) -> LinkKey {
    let link = ed.live_link(id).get_untracked();
    let flags = (
        ed.link.get_untracked() == Some(id),
        ed.highlight.with_untracked(|h| h.links.contains(&id)),
        ed.lifted
            .with_untracked(|l| l.contains(&link.from) || l.contains(&link.to)),
    );
    LinkKey {
        ends: (gen_of(link.from), gen_of(link.to)),
        link,
        flags,
    }
}

/// Link labels smaller than this on screen (CSS pixels of font) are left out, as vis-network
/// leaves out labels under its `drawThreshold` (5 px): unreadable, they cost a large map most of
/// its elements (8,000 labels are 16,000). The label stays in the link's name (its `<title>`),
/// and zooming in draws them.
const LABEL_MIN_PX: f64 = 5.0;

fn link_piece(ed: Ed, id: LinkId, key: &LinkKey, prev: Option<&Piece>, tiny: bool) -> Piece {
    let link = &key.link;
    let (selected, traced, lifted) = key.flags;
    let sel = if selected { " selected" } else { "" };
    let traced = if traced { " traced" } else { "" };
    let up = if lifted { " lifted" } else { "" };
    let class = format!("link d-{}{sel}{traced}{up}", link.direction.as_str());
    if lifted && let Some(p) = prev {
        return Piece { class, ..p.clone() };
    }
    let (a, b) = (ed.live(link.from), ed.live(link.to));
    let geom = super::frames::link_curve(
        ed,
        id,
        (link.from, link.to),
        a.pos.get_untracked(),
        a.size.get_untracked(),
        b.pos.get_untracked(),
        b.size.get_untracked(),
    );
    let mut inner = String::with_capacity(256);
    let name = super::link_keys::link_name(ed, link);
    let _ = write!(inner, "<title>{}</title>", esc(&name));
    let Some(k) = geom else {
        return Piece {
            class,
            aria: String::new(),
            hidden: true,
            inner,
        };
    };
    let d = k.d();
    let arrow = r#""url(#map-arrow)""#;
    let _ = write!(
        inner,
        r#"<path class="hit" d="{d}"></path><path class="line" d="{d}"{}{}></path>"#,
        if link.direction != Direction::None {
            format!(" marker-end={arrow}")
        } else {
            String::new()
        },
        if link.direction == Direction::Both {
            format!(" marker-start={arrow}")
        } else {
            String::new()
        },
    );
    if link.polarity != Polarity::None {
        // Beside the arrowhead, on the left of the line's direction.
        let at = k.sign_at();
        let _ = write!(
            inner,
            r#"<text class="polarity" x="{}" y="{}">{}</text>"#,
            at.x,
            at.y,
            esc(link.polarity.sign())
        );
    }
    // A background the size the placement code gives the label, so a line never runs through
    // its words and nothing placed covers it.
    let mid: Point = k.mid;
    if !tiny
        && let Some(r) =
            crate::analysis::placement::label_box(&link.label, mid, ed.metrics.get_untracked())
    {
        let _ = write!(
            inner,
            r#"<rect class="link-label-back" x="{}" y="{}" width="{}" height="{}" rx="4"></rect><text class="link-label" x="{}" y="{}" dominant-baseline="central">{}</text>"#,
            r.x0,
            r.y0,
            r.w(),
            r.h(),
            (r.x0 + r.x1) / 2.0,
            (r.y0 + r.y1) / 2.0,
            esc(&link.label)
        );
    }
    Piece {
        class,
        aria: String::new(),
        hidden: false,
        inner,
    }
}

fn node_markup(out: &mut String, id: NodeId, p: &Piece) {
    let _ = write!(
        out,
        r#"<g class="{}" data-node="{id}" tabindex="0" role="button" aria-label="{}">{}</g>"#,
        p.class,
        esc(&p.aria),
        p.inner
    );
}

fn link_markup(out: &mut String, id: LinkId, p: &Piece) {
    let _ = write!(
        out,
        r#"<g class="{}" data-link="{id}" tabindex="-1"{}>{}</g>"#,
        p.class,
        if p.hidden { " hidden" } else { "" },
        p.inner
    );
}

/// A layer drawn whole puts at most this many pieces in one parse; the rest follow, this many
/// a frame, so a large map's first drawing is several tasks and the page answers between them.
const CHUNK: usize = 2500;

/// The state of one layer besides its pieces.
#[derive(Default)]
struct LayerState {
    /// Each drawn element by its id, made when many pieces change at once (a layout's slice)
    /// and forgotten when elements come or go.
    index: Option<HashMap<u32, web_sys::Element>>,
    /// Pieces not drawn yet (a large layer drawn whole goes on in the next frames).
    pending: BTreeSet<u32>,
}

/// Brings one layer (`attr`: `data-node` or `data-link`) in step with `now`.
fn patch(
    layer: &web_sys::Element,
    attr: &str,
    old: &BTreeMap<u32, Piece>,
    now: &BTreeMap<u32, Piece>,
    markup: fn(&mut String, u32, &Piece),
    st: &mut LayerState,
) {
    let changed = now.iter().filter(|(id, p)| old.get(id) != Some(p)).count()
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
        let focused = document()
            .active_element()
            .filter(|el| layer.contains(Some(el)))
            .and_then(|el| el.closest(&format!("[{attr}]")).ok().flatten())
            .and_then(|el| el.get_attribute(attr));
        let mut all = String::with_capacity(now.len().min(CHUNK) * 300);
        for (i, (id, p)) in now.iter().enumerate() {
            if i < CHUNK {
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
            Some(o) if o == p => {}
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

/// Draws the next pieces a layer drawn whole left for later, one chunk a frame.
fn more(
    drawn: StoredValue<Drawn>,
    state: StoredValue<(LayerState, LayerState), LocalStorage>,
    links: NodeRef<leptos::svg::G>,
    nodes: NodeRef<leptos::svg::G>,
) {
    request_animation_frame(move || {
        let (Some(lg), Some(ng)) = (links.get_untracked(), nodes.get_untracked()) else {
            return;
        };
        let again = state
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
                });
                !(ls.pending.is_empty() && ns.pending.is_empty())
            })
            .unwrap_or(false);
        if again {
            more(drawn, state, links, nodes);
        }
    });
}

/// Draws the map's layer of links and nodes into `links` and `nodes`, and keeps it in step.
pub(super) fn draw(ed: Ed, links: NodeRef<leptos::svg::G>, nodes: NodeRef<leptos::svg::G>) {
    let drawn = StoredValue::new(Drawn::default());
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
    let tiny =
        Memo::new(move |_| ed.view.with(|v| v.zoom) * ed.metrics.with(|m| m.font) < LABEL_MIN_PX);
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
        let (Some(lg), Some(ng)) = (links.get(), nodes.get()) else {
            return;
        };
        untrack(|| {
            crate::ui::browser::timed("cstw-draw", || {
                drawn.update_value(|d| {
                    let all = d.structure != structure;
                    d.structure = structure;
                    let mut now_nodes = BTreeMap::new();
                    let mut node_keys = HashMap::with_capacity(node_ids.len());
                    for id in &node_ids {
                        let key = node_key(ed, *id);
                        let (piece, generation) = match (d.node_keys.get(id), d.nodes.get(id)) {
                            (Some((k, g)), Some(p)) if !all && *k == key => (p.clone(), *g),
                            (_, prev) => {
                                d.generation += 1;
                                (node_piece(ed, *id, &key, prev), d.generation)
                            }
                        };
                        now_nodes.insert(*id, piece);
                        node_keys.insert(*id, (key, generation));
                    }
                    let gen_of = |id: NodeId| node_keys.get(&id).map_or(0, |(_, g)| *g);
                    let mut now_links = BTreeMap::new();
                    let mut link_keys = HashMap::with_capacity(link_ids.len());
                    for id in &link_ids {
                        let key = link_key(ed, *id, gen_of);
                        let piece = match (d.link_keys.get(id), d.links.get(id)) {
                            (Some(k), Some(p)) if !all && *k == key => p.clone(),
                            (_, prev) => link_piece(ed, *id, &key, prev, tiny.get_untracked()),
                        };
                        now_links.insert(*id, piece);
                        link_keys.insert(*id, key);
                    }
                    let (waiting, left) = state
                        .try_update_value(|(ls, ns)| {
                            let waiting = !(ls.pending.is_empty() && ns.pending.is_empty());
                            patch(&lg, "data-link", &d.links, &now_links, link_markup, ls);
                            patch(&ng, "data-node", &d.nodes, &now_nodes, node_markup, ns);
                            (waiting, !(ls.pending.is_empty() && ns.pending.is_empty()))
                        })
                        .unwrap_or_default();
                    // A frame is already asked for when pieces were waiting before.
                    if left && !waiting {
                        more(drawn, state, links, nodes);
                    }
                    d.links = now_links;
                    d.nodes = now_nodes;
                    d.node_keys = node_keys;
                    d.link_keys = link_keys;
                });
            });
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_text() {
        assert_eq!(
            esc(r#"<b>"A" & 'B'</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn names_read_as_before() {
        assert_eq!(node_name("  a\nb ", Some("Actor"), 1), "a b, Actor, 1 link");
        assert_eq!(node_name("", None, 2), "(no label), 2 links");
    }
}
