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
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::paint::LABEL_MIN_PX;
use super::{Ed, Look};
use crate::model::map::{
    Direction, Link, LinkId, Metrics, NodeId, Point, Polarity, Shape, Size, wrap_label,
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
    /// Drawn whole: false for a large map's node that the canvas paints (`paint.rs`), which
    /// keeps only its name and focus here (and its place does not matter to its piece).
    whole: bool,
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

/// A coordinate of a link's path to a tenth (as `Curve::d` writes them), with integer
/// arithmetic: formatting floats was a tenth of a large map's drawing time.
struct Fx(f64);

impl std::fmt::Display for Fx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = (self.0 * 10.0).round();
        if !t.is_finite() || t.abs() > 1e15 {
            return write!(f, "{:.1}", self.0);
        }
        let t = t as i64;
        let (whole, tenth) = (t / 10, (t % 10).abs());
        if t < 0 && whole == 0 {
            f.write_str("-")?;
        }
        if tenth == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{tenth}")
        }
    }
}

/// A curve's SVG path data, as `Curve::d` writes it.
fn path_d(out: &mut String, k: &crate::model::map::Curve) {
    let straight = (k.c.x - (k.p.x + k.q.x) / 2.0).abs() < 1e-6
        && (k.c.y - (k.p.y + k.q.y) / 2.0).abs() < 1e-6;
    let _ = if straight {
        write!(
            out,
            "M{} {}L{} {}",
            Fx(k.p.x),
            Fx(k.p.y),
            Fx(k.q.x),
            Fx(k.q.y)
        )
    } else {
        write!(
            out,
            "M{} {}Q{} {} {} {}",
            Fx(k.p.x),
            Fx(k.p.y),
            Fx(k.c.x),
            Fx(k.c.y),
            Fx(k.q.x),
            Fx(k.q.y)
        )
    };
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
    let plain = !label.is_empty()
        && !label.starts_with(' ')
        && !label.ends_with(' ')
        && !label.contains("  ")
        && !label.contains(|c: char| c.is_whitespace() && c != ' ');
    let text = if plain {
        label.to_string()
    } else if label.trim().is_empty() {
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

/// The editor's sets a piece's flags come from, read once for a whole drawing.
struct Sets {
    selected: BTreeSet<NodeId>,
    lifted: BTreeSet<NodeId>,
    link: Option<LinkId>,
    highlight: super::Highlight,
    halo: HashMap<NodeId, f64>,
}

impl Sets {
    fn read(ed: Ed) -> Sets {
        Sets {
            selected: ed.selected.get_untracked(),
            lifted: ed.lifted.get_untracked(),
            link: ed.link.get_untracked(),
            highlight: ed.highlight.get_untracked(),
            halo: ed.halo.get_untracked(),
        }
    }
}

fn node_key(ed: Ed, id: NodeId, sets: &Sets, front: Option<&super::paint::Front>) -> NodeKey {
    let live = ed.live(id);
    let whole = front.is_none_or(|f| f.nodes.contains(&id));
    NodeKey {
        whole,
        at: if whole {
            live.pos.get_untracked()
        } else {
            Point::default()
        },
        size: if whole {
            live.size.get_untracked()
        } else {
            Size::default()
        },
        look: live.look.get_untracked(),
        flags: (
            sets.selected.contains(&id),
            sets.highlight.nodes.contains(&id),
            sets.lifted.contains(&id),
        ),
        halo: sets.halo.get(&id).copied().filter(|v| *v > 0.0),
    }
}

fn node_piece(id: NodeId, key: &NodeKey, prev: Option<&Piece>, metrics: Metrics) -> Piece {
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
    // Painted on the canvas: here only its name and its focus.
    if !key.whole {
        return Piece {
            class,
            aria,
            hidden: false,
            inner: String::new(),
        };
    }
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
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"></rect><text"#,
        at.x - s.w / 2.0,
        at.y - s.h / 2.0,
        s.w,
        s.h,
        rx
    );
    let lines = wrap_label(&look.label);
    let lh = metrics.line_height();
    let top = -(lines.len() as f64 - 1.0) * lh / 2.0 + metrics.font * 0.35;
    if let [line] = lines.as_slice() {
        // One line (most labels): the text itself, one element fewer a node.
        let _ = write!(inner, r#" x="{}" y="{}">{}"#, at.x, at.y + top, esc(line));
    } else {
        inner.push('>');
        for (i, l) in lines.iter().enumerate() {
            // A space before each later line keeps the words apart in the text's content,
            // which is what screen readers and search read.
            let _ = write!(
                inner,
                r#"<tspan x="{}" y="{}">{}{}</tspan>"#,
                at.x,
                at.y + top + i as f64 * lh,
                if i == 0 { "" } else { " " },
                esc(l)
            );
        }
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

fn link_flags(link: &Link, id: LinkId, sets: &Sets) -> (bool, bool, bool) {
    (
        sets.link == Some(id),
        sets.highlight.links.contains(&id),
        sets.lifted.contains(&link.from) || sets.lifted.contains(&link.to),
    )
}

/// Where each end of a link is drawn (nodes' places and boxes), and the facts its curve needs.
struct Ends<'a> {
    nodes: &'a HashMap<NodeId, (NodeKey, u64)>,
    around: super::frames::Around<'a>,
    metrics: Metrics,
    tiny: bool,
    /// Every link carries its name (a map of at most [`TITLED`] links).
    titled: bool,
}

/// Maps with at most this many links name every link in the markup.
const TITLED: usize = 500;

impl Ends<'_> {
    fn of(&self, ed: Ed, id: NodeId) -> (Point, Size) {
        match self.nodes.get(&id) {
            Some((k, _)) => (k.at, k.size),
            // An end on a group: its frame is looked up by the curve.
            None => {
                let live = ed.live(id);
                (live.pos.get_untracked(), live.size.get_untracked())
            }
        }
    }
}

fn link_piece(ed: Ed, id: LinkId, key: &LinkKey, prev: Option<&Piece>, ends: &Ends) -> Piece {
    let link = &key.link;
    let (selected, traced, lifted) = key.flags;
    let sel = if selected { " selected" } else { "" };
    let traced = if traced { " traced" } else { "" };
    let up = if lifted { " lifted" } else { "" };
    let class = format!("link d-{}{sel}{traced}{up}", link.direction.as_str());
    if lifted && let Some(p) = prev {
        return Piece { class, ..p.clone() };
    }
    let geom = super::frames::curve_in(
        &ends.around,
        id,
        (link.from, link.to),
        ends.of(ed, link.from),
        ends.of(ed, link.to),
    );
    let mut inner = String::with_capacity(192);
    // The name (a `<title>`): on a large map made only for the selected link, which is the
    // focused one, and on hover (see [`name_link`]): 8,000 titles were a third of its elements.
    if selected || ends.titled {
        let name = super::link_keys::link_name(ed, link);
        let _ = write!(inner, "<title>{}</title>", esc(&name));
    }
    let Some(k) = geom else {
        return Piece {
            class,
            aria: String::new(),
            hidden: true,
            inner,
        };
    };
    let arrow = r#""url(#map-arrow)""#;
    // One path a link: a click near it finds it by its geometry (`frames::link_near`), as the
    // wide invisible path that used to lie under each line did (8,000 elements fewer).
    inner.push_str(r#"<path class="line" d=""#);
    path_d(&mut inner, &k);
    let _ = write!(
        inner,
        r#""{}{}></path>"#,
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
    if !ends.tiny
        && let Some(r) = crate::analysis::placement::label_box(&link.label, mid, ends.metrics)
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

/// Gives a drawn link its name (a `<title>`: the tooltip, and what a screen reader reads) when
/// the pointer comes over it, if it has none yet.
pub(super) fn name_link(ed: Ed, el: &web_sys::Element, id: LinkId) {
    if el.query_selector(":scope > title").ok().flatten().is_some() {
        return;
    }
    let name = ed
        .live_link(id)
        .with_untracked(|l| super::link_keys::link_name(ed, l));
    let _ = el.insert_adjacent_html("afterbegin", &format!("<title>{}</title>", esc(&name)));
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
                // A large map's first painting is said until it is done (`paint.rs` clears it).
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
    fn coordinates_to_a_tenth() {
        let s = |v: f64| Fx(v).to_string();
        assert_eq!(s(12.0), "12");
        assert_eq!(s(12.34), "12.3");
        assert_eq!(s(-0.25), "-0.3");
        assert_eq!(s(-0.04), "0");
        assert_eq!(s(-3.5), "-3.5");
        assert_eq!(s(f64::NAN), "NaN");
    }

    #[test]
    fn names_read_as_before() {
        assert_eq!(node_name("  a\nb ", Some("Actor"), 1), "a b, Actor, 1 link");
        assert_eq!(node_name("", None, 2), "(no label), 2 links");
    }
}
