//! The lift layer: while nodes are dragged they and their links are drawn here, on an SVG of
//! their own above the map, so a drag repaints only this layer (the map's own copies are hidden
//! and keep still, `draw.rs`).
//!
//! A drag moves its nodes all by the same offset, so the dragged nodes, and the links between
//! two of them, are drawn once where they were when the drag began, inside one group that the
//! offset translates: a move sets one attribute for all of them. Only the links from a dragged
//! node to one that stays change their shape, a view each following the live places (one path
//! each: the lift layer takes no events, so no wide path to click). Measured at 1,000 nodes
//! (`node tests/e2e/bench/profile.mjs 1000 1 3000 --js`): a view per dragged node and two paths
//! per link, each following the live places, spent most of a move's script in `setAttribute`.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use super::Ed;
use crate::model::map::{Direction, LinkId, NodeId, Point, Polarity, Shape, wrap_label};

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
    // How far the dragged nodes are from their bases: the first one's live place tells.
    let offset = move || {
        let id = ed.lifted.with(|l| l.first().copied())?;
        let base = bases.with(|b| b.get(&id).copied())?;
        let at = ed.live(id).pos.get();
        Some(format!("translate({} {})", at.x - base.x, at.y - base.y))
    };
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
                    <For each=move || lifted_links.with(|(_, s)| s.clone()) key=|id| *id
                        children=move |id| view! { <LinkView ed=ed id=id bases=None /> } />
                </g>
                <g class="moving" transform=offset>
                    <g class="links">
                        <For each=move || lifted_links.with(|(w, _)| w.clone()) key=|id| *id
                            children=move |id| view! { <LinkView ed=ed id=id bases=Some(bases) /> } />
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

/// One link that moves with the dragged nodes: with `bases`, one between two of them, drawn
/// where it was when the drag began (the group around it moves); without, one that stretches
/// from a dragged node to one that stays, following the live places.
#[component]
fn LinkView(ed: Ed, id: LinkId, bases: Option<Memo<Bases>>) -> impl IntoView {
    let live = ed.live_link(id);
    let link = Memo::new(move |_| live.get());
    let geom = Memo::new(move |_| {
        let (from, to) = link.with(|l| (l.from, l.to));
        let (a, b) = (ed.live(from), ed.live(to));
        let place = |n: NodeId, pos: &ArcRwSignal<Point>| match bases {
            Some(bases) => bases
                .with(|b| b.get(&n).copied())
                .unwrap_or_else(|| pos.get_untracked()),
            None => pos.get(),
        };
        let (pa, pb) = (place(from, &a.pos), place(to, &b.pos));
        super::frames::link_curve(ed, id, (from, to), pa, a.size.get(), pb, b.size.get())
    });
    let d = move || geom.with(|k| k.map(|k| k.d()).unwrap_or_default());
    let class = move || {
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
        let dir = link.with(|l| l.direction.as_str());
        format!("link d-{dir}{sel}{traced}")
    };
    let arrow = "url(#map-arrow-lift)";
    let end = move || link.with(|l| (l.direction != Direction::None).then_some(arrow));
    let start = move || link.with(|l| (l.direction == Direction::Both).then_some(arrow));
    let mid = move || geom.with(|k| k.map_or(Point::default(), |k| k.mid));
    let label = move || link.with(|l| l.label.clone());
    let sign = move || {
        let pol = link.with(|l| l.polarity);
        geom.get().filter(|_| pol != Polarity::None).map(|k| {
            // Beside the arrowhead, on the left of the line's direction.
            let at = k.sign_at();
            view! { <text class="polarity" x=at.x y=at.y>{pol.sign()}</text> }
        })
    };
    view! {
        <g class=class hidden=move || geom.with(Option::is_none)>
            <path class="line" d=d marker-end=end marker-start=start></path>
            {sign}
            {move || {
                // A background the size the placement code gives the label, so a line never
                // runs through its words and nothing placed covers it.
                let text = label();
                let r = crate::analysis::placement::label_box(&text, mid(), ed.metrics.get())?;
                Some(view! {
                    <rect class="link-label-back" x=r.x0 y=r.y0 width=r.w() height=r.h() rx="4"></rect>
                    <text class="link-label" x=(r.x0 + r.x1) / 2.0 y=(r.y0 + r.y1) / 2.0 dominant-baseline="central">{text}</text>
                })
            }}
        </g>
    }
}
