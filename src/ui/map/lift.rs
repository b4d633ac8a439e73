//! The lift layer: while nodes are dragged they and their links are drawn here, on an SVG of
//! their own above the map, so a drag repaints only this layer (the map's own copies are hidden
//! and keep still, `draw.rs`).
//!
//! A drag moves its nodes all by the same offset, so the dragged nodes, and the links between
//! two of them, are drawn once where they were when the drag began, inside one group that the
//! offset translates: a move sets one attribute for all of them. Only the links from a dragged
//! node to one that stays change their shape (one path each: the lift layer takes no events, so
//! no wide path to click). Measured at 1,000 nodes (`node tests/e2e/bench/profile.mjs 1000 1
//! 3000 --js`): a view per dragged node and two paths per link, each following the live places,
//! spent most of a move's script in `setAttribute`.
//!
//! The views are made when a drag lifts its nodes; a move then runs no reactive code at all
//! ([`moved`]): the live places are written without notifying anyone (`gestures.rs`), and the
//! group's offset and each stretched link's path (its label and sign, when it has them) are
//! written straight onto their elements by the functions the views left in `Ed::moves`. Through
//! signals, each move re-ran a memo and four effects per stretched link in a microtask, 0.7 ms
//! of a move's 0.8 ms of script at 1,000 nodes.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use super::Ed;
use super::state::Live;
use crate::model::map::{Curve, Direction, LinkId, NodeId, Point, Polarity, Shape, wrap_label};

/// Leaves `f` for each move until the view that left it goes.
fn each_move(ed: Ed, f: impl Fn() + 'static) {
    let key = ed.moves.try_update_value(|m| {
        m.next += 1;
        m.parts.insert(m.next, Box::new(f));
        m.next
    });
    on_cleanup(move || {
        if let Some(key) = key {
            let _ = ed.moves.try_update_value(|m| m.parts.remove(&key));
        }
    });
}

/// The dragged nodes' live places changed (written without notifying): the lift layer follows,
/// by a few attributes written straight onto its elements.
pub(super) fn moved(ed: Ed) {
    ed.moves.with_value(|m| {
        if let Some(group) = &m.group {
            group();
        }
        for part in m.parts.values() {
            part();
        }
    });
}

/// The arrowhead marker a layer's links point with (`url(#id)`).
pub(super) fn arrowhead(id: &'static str) -> impl IntoView {
    view! {
        <marker id=id viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
            orient="auto-start-reverse" markerUnits="strokeWidth">
            <path d="M0,0 L10,5 L0,10 z" class="arrowhead"></path>
        </marker>
    }
}

/// Where each dragged node was drawn when the drag began (read once, when the lifted set
/// changes); the layer translates them all by how far the first of them has moved since.
type Bases = HashMap<NodeId, Point>;

/// The dragged nodes and the links that move with them, over the map.
#[component]
pub(super) fn LiftLayer(ed: Ed) -> impl IntoView {
    let transform = move || {
        let v = ed.frame.view.get();
        format!("scale({}) translate({} {})", v.zoom, -v.x, -v.y)
    };
    let font = move || ed.metrics.get().font;
    let lifted_nodes = move || ed.lifted.get().into_iter().collect::<Vec<NodeId>>();
    let bases: Memo<Bases> = Memo::new(move |_| {
        ed.lifted.with(|lifted| {
            lifted
                .iter()
                .map(|id| (*id, ed.live(*id).pos.get_untracked()))
                .collect()
        })
    });
    // How far the dragged nodes are from their bases: the first one's live place tells. Written
    // when the nodes are lifted and then by each move (`moved`), straight onto the group.
    let moving = NodeRef::<leptos::svg::G>::new();
    Effect::new(move |_| {
        bases.track();
        let Some(g) = moving.get() else { return };
        let first = ed.lifted.with_untracked(|l| l.first().copied());
        let live = first.map(|id| (id, ed.live(id)));
        let set = move || {
            let Some((id, live)) = &live else { return };
            let Some(base) = bases.with_untracked(|b| b.get(id).copied()) else {
                return;
            };
            let at = live.pos.get_untracked();
            let _ = g.set_attribute(
                "transform",
                &format!("translate({} {})", at.x - base.x, at.y - base.y),
            );
        };
        set();
        ed.moves.update_value(|m| m.group = Some(Box::new(set)));
    });
    on_cleanup(move || {
        let _ = ed.moves.try_update_value(|m| m.group = None);
    });
    // The links that move with the lifted nodes, found once when a drag starts: those between
    // two of them move whole with the group, the others stretch.
    let lifted_links = Memo::new(move |_| {
        ed.lifted.with(|lifted| {
            let (mut whole, mut stretched) = (Vec::new(), Vec::new());
            if lifted.is_empty() {
                return (whole, stretched);
            }
            for l in ed.link_ids.get_untracked() {
                let (from, to) = ed.live_link(l).with_untracked(|k| (k.from, k.to));
                match (lifted.contains(&from), lifted.contains(&to)) {
                    (true, true) => whole.push(l),
                    (false, false) => {}
                    _ => stretched.push(l),
                }
            }
            (whole, stretched)
        })
    });
    view! {
        <svg class="map-canvas map-lift" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"
            hidden=move || ed.lifted.with(BTreeSet::is_empty)>
            <defs>{arrowhead("map-arrow-lift")}</defs>
            <g transform=transform font-size=font>
                <g class="links">
                    <For each=move || stretched_by_class(ed, lifted_links) key=|g| g.clone()
                        children=move |(class, ids)| view! { <StretchedLines ed=ed class=class ids=ids /> } />
                    <For each=move || lifted_links.with(|(_, s)| s.clone()) key=|id| *id
                        children=move |id| view! { <StretchedWords ed=ed id=id /> } />
                </g>
                <g class="moving" node_ref=moving>
                    <g class="links">
                        <For each=move || lifted_links.with(|(w, _)| w.clone()) key=|id| *id
                            children=move |id| view! { <LinkView ed=ed id=id bases=bases /> } />
                    </g>
                    <g class="nodes">
                        <For each=lifted_nodes key=|id| *id
                            children=move |id| view! { <NodeView ed=ed id=id bases=bases /> } />
                    </g>
                </g>
            </g>
        </svg>
    }
}

/// One dragged node, drawn where it was when the drag began (the group around it moves); it
/// takes no focus or events (the map's own copy, hidden meanwhile, keeps those).
#[component]
fn NodeView(ed: Ed, id: NodeId, bases: Memo<Bases>) -> impl IntoView {
    let live = ed.live(id);
    let look = live.look.clone();
    let node = Memo::new(move |_| {
        look.with(|l| (l.label.clone(), l.colour, l.shape, l.kind.clone(), l.hidden))
    });
    let size = live.size;
    let at = Memo::new(move |_| {
        bases
            .with(|b| b.get(&id).copied())
            .unwrap_or_else(|| ed.live(id).pos.get_untracked())
    });
    let class = move || {
        node.with(|(_, colour, shape, _, hidden)| {
            let sel = if ed.marks.selected.has(id) {
                " selected"
            } else {
                ""
            };
            let traced = if ed.marks.traced_nodes.has(id) {
                " traced"
            } else {
                ""
            };
            let gone = if *hidden { " hidden" } else { "" };
            format!("node c-{colour} s-{}{sel}{traced}{gone}", shape.as_str())
        })
    };
    let lines = Memo::new(move |_| node.with(|(label, ..)| wrap_label(label)));
    let size2 = size.clone();
    let rect = Memo::new(move |_| {
        let s = size2.get();
        let rx = match node.with(|n| n.2) {
            Shape::Box => 2.0,
            Shape::Pill => s.h / 2.0,
            Shape::Rounded | Shape::Dashed => 10.0,
        };
        let p = at.get();
        (p.x - s.w / 2.0, p.y - s.h / 2.0, s.w, s.h, rx)
    });
    let text = move || {
        let lh = ed.metrics.get().line_height();
        let font = ed.metrics.get().font;
        let p = at.get();
        lines.with(|ls| {
            let top = -(ls.len() as f64 - 1.0) * lh / 2.0 + font * 0.35;
            ls.iter()
                .enumerate()
                // A space before each later line keeps the words apart in the text's content.
                .map(|(i, l)| {
                    let l = if i == 0 { l.clone() } else { format!(" {l}") };
                    let y = p.y + top + i as f64 * lh;
                    view! { <tspan x=p.x y=y>{l}</tspan> }
                })
                .collect_view()
        })
    };
    let halo = move || {
        ed.halo
            .with(|h| h.get(&id).copied())
            .filter(|v| *v > 0.0)
            .map(|v| {
                let (s, p) = (size.get_untracked(), at.get());
                view! { <circle class="halo" cx=p.x cy=p.y r=s.w.max(s.h) / 2.0 + 8.0 + v * 60.0></circle> }
            })
    };
    view! {
        <g class=class>
            {halo}
            <rect x=move || rect.get().0 y=move || rect.get().1
                width=move || rect.get().2 height=move || rect.get().3 rx=move || rect.get().4></rect>
            <text>{text}</text>
            <circle class="handle" cx=move || rect.with(|r| r.0 + r.2) cy=move || at.get().y r="7"></circle>
        </g>
    }
}

/// One link between two dragged nodes, drawn where it was when the drag began (the group
/// around it moves).
#[component]
fn LinkView(ed: Ed, id: LinkId, bases: Memo<Bases>) -> impl IntoView {
    let live = ed.live_link(id);
    let link = Memo::new(move |_| live.get());
    let geom = Memo::new(move |_| {
        let (from, to) = link.with(|l| (l.from, l.to));
        let (a, b) = (ed.live(from), ed.live(to));
        let place = |n: NodeId, pos: &ArcRwSignal<Point>| {
            bases
                .with(|b| b.get(&n).copied())
                .unwrap_or_else(|| pos.get_untracked())
        };
        let (pa, pb) = (place(from, &a.pos), place(to, &b.pos));
        super::frames::link_curve(ed, id, (from, to), pa, a.size.get(), pb, b.size.get())
    });
    let d = move || geom.with(|k| k.map(|k| k.d()).unwrap_or_default());
    let mid = move || geom.with(|k| k.map_or(Point::default(), |k| k.mid));
    let sign = move || {
        let pol = link.with(|l| l.polarity);
        geom.get().filter(|_| pol != Polarity::None).map(|k| {
            // Beside the arrowhead, on the left of the line's direction.
            let at = k.sign_at();
            view! { <text class="polarity" x=at.x y=at.y>{pol.sign()}</text> }
        })
    };
    let words = move || {
        // A background the size the placement code gives the label, so a line never runs
        // through its words and nothing placed covers it.
        let text = link.with(|l| l.label.clone());
        let r = crate::analysis::placement::label_box(&text, mid(), ed.metrics.get())?;
        Some(view! {
            <rect class="link-label-back" x=r.x0 y=r.y0 width=r.w() height=r.h() rx="4"></rect>
            <text class="link-label" x=(r.x0 + r.x1) / 2.0 y=(r.y0 + r.y1) / 2.0 dominant-baseline="central">{text}</text>
        })
    };
    view! {
        <g class=link_class(ed, id, link) hidden=move || geom.with(Option::is_none)>
            <path class="line" d=d marker-end=marker(link, false) marker-start=marker(link, true)></path>
            {sign}
            {words}
        </g>
    }
}

/// A lifted link's classes: its direction, selected, traced.
fn link_class(ed: Ed, id: LinkId, link: Memo<crate::model::map::Link>) -> impl Fn() -> String {
    move || link.with(|l| classes(ed, id, l))
}

/// A lifted link's arrowhead at its end (or, `start`, at its start for a link both ways).
fn marker(link: Memo<crate::model::map::Link>, start: bool) -> impl Fn() -> Option<&'static str> {
    move || {
        link.with(|l| {
            let on = if start {
                l.direction == Direction::Both
            } else {
                l.direction != Direction::None
            };
            on.then_some("url(#map-arrow-lift)")
        })
    }
}

/// Where a stretched link runs now, from its ends' live places (read without tracking).
fn stretched_curve(
    ed: Ed,
    id: LinkId,
    ends: (NodeId, NodeId),
    a: &Live,
    b: &Live,
) -> Option<Curve> {
    let (pa, sa) = (a.pos.get_untracked(), a.size.get_untracked());
    let (pb, sb) = (b.pos.get_untracked(), b.size.get_untracked());
    super::paint::with_around(ed, |around| {
        super::frames::curve_in(around, id, ends, (pa, sa), (pb, sb))
    })
}

/// A stretched link as a move reads it: its id, ends, direction and the ends' live places.
type Stretch = (LinkId, (NodeId, NodeId), Direction, Live, Live);

/// The stretched links by their classes (a path each): the lift layer's few paths.
fn stretched_by_class(
    ed: Ed,
    lifted_links: Memo<(Vec<LinkId>, Vec<LinkId>)>,
) -> Vec<(String, Vec<LinkId>)> {
    let mut out: Vec<(String, Vec<LinkId>)> = Vec::new();
    lifted_links.with(|(_, stretched)| {
        for id in stretched {
            let class = ed.live_link(*id).with(|l| classes(ed, *id, l));
            match out.iter_mut().find(|(c, _)| *c == class) {
                Some((_, ids)) => ids.push(*id),
                None => out.push((class, vec![*id])),
            }
        }
    });
    out
}

/// A link's classes on the lift layer: its direction, selected, traced.
fn classes(ed: Ed, id: LinkId, l: &crate::model::map::Link) -> String {
    let sel = if ed.marks.link.has(id) {
        " selected"
    } else {
        ""
    };
    let traced = if ed.marks.traced_links.has(id) {
        " traced"
    } else {
        ""
    };
    format!("link d-{}{sel}{traced}", l.direction.as_str())
}

/// The stretched links of one class: one path for their lines and one for their arrowheads
/// (drawn as the marker draws them, in the stroke's width), written by each move: two
/// attributes however many links stretch, where a path each with its marker cost one
/// attribute and the marker's upkeep a link.
#[component]
fn StretchedLines(ed: Ed, class: String, ids: Vec<LinkId>) -> impl IntoView {
    // The line's width, which the arrowhead scales with (`style/map.css`).
    let width = if class.contains(" traced") {
        5.0
    } else if class.contains(" selected") {
        4.0
    } else {
        2.0
    };
    let links: Vec<Stretch> = ids
        .iter()
        .map(|id| {
            let (from, to, dir) = ed
                .live_link(*id)
                .with_untracked(|l| (l.from, l.to, l.direction));
            (*id, (from, to), dir, ed.live(from), ed.live(to))
        })
        .collect();
    let shapes = move || {
        let (mut lines, mut heads) = (String::new(), String::new());
        for (id, ends, dir, a, b) in &links {
            let Some(k) = stretched_curve(ed, *id, *ends, a, b) else {
                continue;
            };
            lines.push_str(&k.d());
            for (tip, dx, dy) in super::paint::arrow_tips(&k, *dir) {
                if let Some([p, q, r]) = super::paint::arrow_points(tip, dx, dy, width) {
                    use std::fmt::Write;
                    let _ = write!(
                        heads,
                        "M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
                        p.x, p.y, q.x, q.y, r.x, r.y
                    );
                }
            }
        }
        (lines, heads)
    };
    let line = NodeRef::<leptos::svg::Path>::new();
    let head = NodeRef::<leptos::svg::Path>::new();
    let (d0, h0) = shapes();
    each_move(ed, move || {
        let (Some(line), Some(head)) = (line.get_untracked(), head.get_untracked()) else {
            return;
        };
        let (d, h) = shapes();
        let _ = line.set_attribute("d", &d);
        let _ = head.set_attribute("d", &h);
    });
    view! {
        <g class=class>
            <path class="line" node_ref=line d=d0></path>
            <path class="arrowhead" node_ref=head d=h0></path>
        </g>
    }
}

/// A stretched link's label and polarity sign, when it has them, following its middle.
#[component]
fn StretchedWords(ed: Ed, id: LinkId) -> impl IntoView {
    let live = ed.live_link(id);
    let link = Memo::new(move |_| live.get());
    let (from, to) = link.with_untracked(|l| (l.from, l.to));
    let (a, b) = (ed.live(from), ed.live(to));
    let now = move || stretched_curve(ed, id, (from, to), &a, &b);
    let g = NodeRef::<leptos::svg::G>::new();
    let sign = NodeRef::<leptos::svg::Text>::new();
    let back = NodeRef::<leptos::svg::Rect>::new();
    let words = NodeRef::<leptos::svg::Text>::new();
    let k0 = now();
    let sign_view = move || {
        let pol = link.with(|l| l.polarity);
        (pol != Polarity::None).then(|| {
            let at = k0.map(|k| k.sign_at()).unwrap_or_default();
            view! { <text class="polarity" node_ref=sign x=at.x y=at.y>{pol.sign()}</text> }
        })
    };
    let words_view = move || {
        let text = link.with(|l| l.label.clone());
        let mid = k0.map_or(Point::default(), |k| k.mid);
        let r = crate::analysis::placement::label_box(&text, mid, ed.metrics.get())?;
        Some(view! {
            <rect class="link-label-back" node_ref=back x=r.x0 y=r.y0 width=r.w() height=r.h() rx="4"></rect>
            <text class="link-label" node_ref=words x=(r.x0 + r.x1) / 2.0 y=(r.y0 + r.y1) / 2.0 dominant-baseline="central">{text}</text>
        })
    };
    // Each move, for a link with a label or a sign: where they are now.
    let hidden = std::cell::Cell::new(k0.is_none());
    each_move(ed, move || {
        let Some(g) = g.get_untracked() else { return };
        let (sign, back, words) = (
            sign.get_untracked(),
            back.get_untracked(),
            words.get_untracked(),
        );
        if sign.is_none() && back.is_none() {
            return;
        }
        let Some(k) = now() else {
            if !hidden.replace(true) {
                let _ = g.set_attribute("hidden", "");
            }
            return;
        };
        if hidden.replace(false) {
            let _ = g.remove_attribute("hidden");
        }
        if let Some(t) = sign {
            let at = k.sign_at();
            let _ = t.set_attribute("x", &at.x.to_string());
            let _ = t.set_attribute("y", &at.y.to_string());
        }
        if let (Some(back), Some(words)) = (back, words) {
            let r = link.with_untracked(|l| {
                crate::analysis::placement::label_box(&l.label, k.mid, ed.metrics.get_untracked())
            });
            if let Some(r) = r {
                for (el, name, v) in [
                    (&back, "x", r.x0),
                    (&back, "y", r.y0),
                    (&back, "width", r.w()),
                    (&back, "height", r.h()),
                    (&words, "x", (r.x0 + r.x1) / 2.0),
                    (&words, "y", (r.y0 + r.y1) / 2.0),
                ] {
                    let _ = el.set_attribute(name, &v.to_string());
                }
            }
        }
    });
    view! {
        <g class=link_class(ed, id, link) node_ref=g hidden=k0.is_none()>
            {sign_view}
            {words_view}
        </g>
    }
}
