//! The lift layer: while nodes are dragged they and their links are drawn here, on an SVG of
//! their own above the map, a view per node and per link following the live places, so a drag
//! repaints only this layer (the map's own copies are hidden and keep still, `draw.rs`).

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::Ed;
use crate::model::map::{Curve, Direction, LinkId, NodeId, Point, Polarity, Shape, wrap_label};

/// The arrowhead marker a layer's links point with (`url(#id)`).
pub(super) fn arrowhead(id: &'static str) -> impl IntoView {
    view! {
        <marker id=id viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
            orient="auto-start-reverse" markerUnits="strokeWidth">
            <path d="M0,0 L10,5 L0,10 z" class="arrowhead"></path>
        </marker>
    }
}

/// The dragged nodes and the links that move with them, over the map.
#[component]
pub(super) fn LiftLayer(ed: Ed) -> impl IntoView {
    let transform = move || {
        let v = ed.frame.view.get();
        format!("scale({}) translate({} {})", v.zoom, -v.x, -v.y)
    };
    let font = move || ed.metrics.get().font;
    let lifted_nodes = move || ed.lifted.get().into_iter().collect::<Vec<NodeId>>();
    // The links that move with the lifted nodes, found once when a drag starts.
    let lifted_links = Memo::new(move |_| {
        ed.lifted.with(|lifted| {
            if lifted.is_empty() {
                return Vec::new();
            }
            ed.link_ids
                .get_untracked()
                .into_iter()
                .filter(|l| {
                    let (from, to) = ed.live_link(*l).with_untracked(|k| (k.from, k.to));
                    lifted.contains(&from) || lifted.contains(&to)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <svg class="map-canvas map-lift" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"
            hidden=move || ed.lifted.with(BTreeSet::is_empty)>
            <defs>{arrowhead("map-arrow-lift")}</defs>
            <g transform=transform font-size=font>
                <g class="links">
                    <For each=move || lifted_links.get() key=|id| *id children=move |id| view! { <LinkView ed=ed id=id ghost=true /> } />
                </g>
                <g class="nodes">
                    <For each=lifted_nodes key=|id| *id
                        children=move |id| view! { <NodeView ed=ed id=id ghost=true /> } />
                </g>
            </g>
        </svg>
    }
}

/// One node. The `ghost` copy is the one drawn on the lift layer while it is dragged: it follows
/// the pointer and takes no focus or events; meanwhile the map's own copy is hidden and keeps
/// still (it stops reading the node's place), so nothing on the map's layer changes.
#[component]
fn NodeView(ed: Ed, id: NodeId, ghost: bool) -> impl IntoView {
    let live = ed.live(id);
    let look = live.look.clone();
    let node = Memo::new(move |_| {
        look.with(|l| (l.label.clone(), l.colour, l.shape, l.kind.clone(), l.links))
    });
    let (pos, size) = (live.pos, live.size);
    let hidden = live.look.clone();
    let hidden = Memo::new(move |_| hidden.with(|l| l.hidden));
    let lifted = Memo::new(move |_| !ghost && ed.marks.lifted.has(id));
    // Where the node is drawn: its live place; while it is lifted, the map's copy stays where
    // it was. Each part is placed in map coordinates rather than under a `translate` of its own:
    // a transform per node is a paint chunk per node, and Chromium re-layerizes every chunk of
    // the page on each frame of a drag (two in five of the main thread's time at 1,000 nodes).
    let at = Memo::new(move |prev: Option<&Point>| {
        if lifted.get()
            && let Some(p) = prev
        {
            return *p;
        }
        pos.get()
    });
    let class = move || {
        let up = if lifted.get() { " lifted" } else { "" };
        node.with(|(_, colour, shape, _, _)| {
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
            let gone = if hidden.get() { " hidden" } else { "" };
            format!(
                "node c-{colour} s-{}{sel}{traced}{up}{gone}",
                shape.as_str()
            )
        })
    };
    let label = move || {
        node.with(|(label, _, _, kind, links)| {
            super::pieces::node_name(label, kind.as_deref(), *links)
        })
    };
    let lines = Memo::new(move |_| node.with(|(label, ..)| wrap_label(label)));
    let size2 = size.clone();
    let rect = move || {
        let s = size2.get();
        let rx = match node.with(|n| n.2) {
            Shape::Box => 2.0,
            Shape::Pill => s.h / 2.0,
            Shape::Rounded | Shape::Dashed => 10.0,
        };
        (s, rx)
    };
    let rect2 = rect.clone();
    let rect3 = rect.clone();
    let rect4 = rect.clone();
    let rect5 = rect.clone();
    let text = move || {
        let lh = ed.metrics.get().line_height();
        let font = ed.metrics.get().font;
        lines.with(|ls| {
            let top = -(ls.len() as f64 - 1.0) * lh / 2.0 + font * 0.35;
            ls.iter()
                .enumerate()
                // A space before each later line keeps the words apart in the text's content,
                // which is what screen readers and search read.
                .map(|(i, l)| {
                    let l = if i == 0 { l.clone() } else { format!(" {l}") };
                    let dy = top + i as f64 * lh;
                    view! { <tspan x=move || at.get().x y=move || at.get().y + dy>{l}</tspan> }
                })
                .collect_view()
        })
    };
    let halo = move || {
        ed.halo
            .with(|h| h.get(&id).copied())
            .filter(|v| *v > 0.0)
            .map(|v| {
                let s = size.get_untracked();
                view! { <circle class="halo" cx=move || at.get().x cy=move || at.get().y
                r=s.w.max(s.h) / 2.0 + 8.0 + v * 60.0></circle> }
            })
    };
    view! {
        <g class=class data-node=(!ghost).then_some(id)
            tabindex=(!ghost).then_some("0") role=(!ghost).then_some("button")
            aria-label=move || (!ghost).then(label)>
            {halo}
            <rect x=move || at.get().x - rect().0.w / 2.0 y=move || at.get().y - rect2().0.h / 2.0
                width=move || rect3().0.w height=move || rect4().0.h rx=move || rect5().1></rect>
            <text>{text}</text>
            <circle class="handle" data-handle=(!ghost).then_some(id)
                cx=move || at.get().x + pos_handle(&ed, id) cy=move || at.get().y r="7"></circle>
        </g>
    }
}

fn pos_handle(ed: &Ed, id: NodeId) -> f64 {
    ed.live(id).size.get().w / 2.0
}

/// One link; the `ghost` copy is drawn on the lift layer, as for [`NodeView`].
#[component]
fn LinkView(ed: Ed, id: LinkId, ghost: bool) -> impl IntoView {
    let live = ed.live_link(id);
    let link = Memo::new(move |_| live.get());
    let lifted = Memo::new(move |_| {
        let (from, to) = link.with(|l| (l.from, l.to));
        !ghost && (ed.marks.lifted.has(from) || ed.marks.lifted.has(to))
    });
    let geom = Memo::new(move |prev: Option<&Option<Curve>>| {
        if lifted.get()
            && let Some(p) = prev
        {
            return *p;
        }
        let (from, to) = link.with(|l| (l.from, l.to));
        let (a, b) = (ed.live(from), ed.live(to));
        let (pa, sa, pb, sb) = (a.pos.get(), a.size.get(), b.pos.get(), b.size.get());
        super::frames::link_curve(ed, id, (from, to), pa, sa, pb, sb)
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
        let up = if lifted.get() { " lifted" } else { "" };
        format!("link d-{dir}{sel}{traced}{up}")
    };
    let arrow = if ghost {
        "url(#map-arrow-lift)"
    } else {
        "url(#map-arrow)"
    };
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
    let name = move || link.with(|l| super::link_keys::link_name(ed, l));
    view! {
        <g class=class data-link=(!ghost).then_some(id) hidden=move || geom.with(Option::is_none)
            tabindex=(!ghost).then_some("-1")>
            {(!ghost).then(|| view! { <title>{name}</title> })}
            <path class="hit" d=d></path>
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
