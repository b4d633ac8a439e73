//! The canvas: the map's layers (groups' frames, the painted canvas of a large map, the links
//! and nodes drawn in bulk, what a gesture draws, the label being typed, the lift layer) and
//! one set of pointer, wheel and key handlers on it. The handlers only translate: a browser
//! event becomes an input of the map's gesture machine (`crate::interact::map`) with what the
//! pointer is over, and its outputs are applied in order (`gestures.rs`); a key is looked up in
//! the shortcut table (`keys.rs`), which the `?` sheet and the hint below the canvas are
//! written from too.
//!
//! Events are handled once, on the canvas, and find their node or link through `data-node` /
//! `data-link` attributes: a thousand nodes carry no closures of their own.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Ed;
use crate::interact::Release;
use crate::interact::map::{Drop, MapGestures, POINTER_HINT, Target};
use crate::interact::shortcuts::{self, Area};
use crate::model::map::{NodeId, Point};
use crate::ui::browser::target_attr;
use crate::ui::editor::input;

#[component]
pub(super) fn Canvas(ed: Ed) -> impl IntoView {
    let wrap = ed.wrap;
    // The canvas's size, for fit, zoom buttons and new nodes in view.
    let canvas = move || {
        wrap.get_untracked()
            .map(|el| el.unchecked_into::<web_sys::Element>())
    };
    ed.frame
        .track_size(move || wrap.get().map(|el| el.unchecked_into::<web_sys::Element>()));

    let to_map = move |at: Point| ed.frame.view.get_untracked().to_map(at.x, at.y);

    // A large map: the node or link under the pointer is drawn in the SVG (its handle, its
    // name), looked for once a frame however often the pointer moves.
    let hover_to = StoredValue::new(None::<Point>);
    let hover_at = move |p: Point| {
        let asked = hover_to.get_value().is_some();
        hover_to.set_value(Some(p));
        if asked {
            return;
        }
        request_animation_frame(move || {
            let Some(Some(p)) = hover_to.try_get_value() else {
                return;
            };
            hover_to.set_value(None);
            let node = ed.node_at(p);
            let link = if node.is_none() {
                ed.link_near(p)
            } else {
                None
            };
            if ed.hover.get_untracked() != node {
                ed.hover.set(node);
            }
            if ed.hover_link.get_untracked() != link {
                ed.hover_link.set(link);
            }
        });
    };
    let pointerleave = move |_: ev::PointerEvent| {
        hover_to.set_value(None);
        if ed.hover.get_untracked().is_some() {
            ed.hover.set(None);
        }
        if ed.hover_link.get_untracked().is_some() {
            ed.hover_link.set(None);
        }
    };

    let pointerdown = move |e: ev::PointerEvent| {
        if ed.editing.get_untracked().is_some() || ed.editing_link.get_untracked().is_some() {
            return;
        }
        let p = input::pointer(canvas().as_ref(), &e);
        let target = ed.target(&e, to_map(p.at));
        if let Target::Handle(_) = target {
            // Drawing a link: the browser must not start selecting or dragging anything.
            e.prevent_default();
        }
        let outs = ed.gesture(|g, s| g.down(s, &p, target));
        ed.apply(outs, Some(&e));
    };
    let pointermove = move |e: ev::PointerEvent| {
        let busy = ed.gestures.with_value(MapGestures::busy);
        if !busy && !ed.large.get_untracked() {
            return;
        }
        let p = input::pointer(canvas().as_ref(), &e);
        if !busy {
            // A large map: what is under the pointer is drawn in the SVG.
            hover_at(to_map(p.at));
            return;
        }
        let outs = ed.gesture(|g, s| g.moved(s, &p));
        ed.apply(outs, None);
    };
    let finish = move |e: ev::PointerEvent, how: Release| {
        let p = input::pointer(canvas().as_ref(), &e);
        let drop = if how == Release::Lifted && ed.gestures.with_value(MapGestures::busy) {
            ed.drop_at(to_map(p.at))
        } else {
            Drop::default()
        };
        let outs = ed.gesture(|g, s| g.up(s, &p, drop, how));
        ed.apply(outs, None);
    };
    // A double click opens a label or adds a node; the wheel zooms about the pointer.
    let dblclick = move |e: ev::MouseEvent| {
        let at = input::at(canvas().as_ref(), &e);
        let target = ed.double_click_target(&e, to_map(at));
        ed.apply(ed.gesture(|g, s| g.double_click(s, at, target)), None);
    };
    let wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        let at = input::at(canvas().as_ref(), &e);
        ed.apply(
            ed.gesture(|g, s| g.wheel(s, at, e.delta_y(), e.ctrl_key())),
            None,
        );
    };
    let keydown = move |e: ev::KeyboardEvent| {
        if super::keys::keydown(ed, &e) {
            e.prevent_default();
        }
    };

    let focusin = move |e: ev::FocusEvent| {
        if super::draw::refocusing() {
            return;
        }
        if let Some(l) = target_attr(&e, "data-link") {
            if ed.link.get_untracked() != Some(l) {
                ed.selected.set(Default::default());
                ed.link.set(Some(l));
            }
            return;
        }
        if let Some(id) = target_attr(&e, "data-node")
            && !ed.selected.with_untracked(|s| s.contains(&id))
            && ed.editing.get_untracked().is_none()
        {
            ed.selected.set([id].into());
            ed.link.set(None);
        }
    };

    // A link is named (its `<title>`, the tooltip) when the pointer first comes over it.
    let pointerover = move |e: ev::PointerEvent| {
        let Some(el) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-link]").ok().flatten())
        else {
            return;
        };
        if let Some(id) = el.get_attribute("data-link").and_then(|v| v.parse().ok()) {
            super::pieces::name_link(ed, &el, id);
        }
    };

    let transform = move || {
        let v = ed.frame.view.get();
        format!("scale({}) translate({} {})", v.zoom, -v.x, -v.y)
    };
    let font = move || ed.metrics.get().font;
    let empty = move || ed.node_ids.with(Vec::is_empty);
    // The map's own nodes and links, drawn in bulk (`draw.rs`); the lift layer (`lift.rs`)
    // keeps a view per dragged node and link.
    let links_layer = NodeRef::<leptos::svg::G>::new();
    let nodes_layer = NodeRef::<leptos::svg::G>::new();
    super::draw::draw(ed, links_layer, nodes_layer);
    let paint_canvas = NodeRef::<html::Canvas>::new();
    let probe = NodeRef::<leptos::svg::G>::new();
    super::paint::keep_painted(ed, paint_canvas, probe, wrap);
    let title = move || {
        ed.with(|m| m.display_title().to_string())
            .unwrap_or_default()
    };
    let pending = move |(from, to): (NodeId, Point)| {
        let a = ed.live(from).pos.get_untracked();
        view! { <line class="pending-link" x1=a.x y1=a.y x2=to.x y2=to.y></line> }
    };
    let hint = format!("{POINTER_HINT} {}", shortcuts::hint(Area::Map));

    view! {
        <super::picker::LinkPicker ed=ed />
        <div class="map-canvas-wrap" node_ref=wrap tabindex="0" role="group"
            aria-label=move || format!("Map canvas: {}", title())
            aria-describedby="map-keys"
            on:pointerdown=pointerdown on:pointermove=pointermove
            on:pointerup=move |e| finish(e, Release::Lifted)
            on:pointercancel=move |e| finish(e, Release::Cancelled)
            on:wheel=wheel on:dblclick=dblclick
            on:keydown=keydown on:focusin=focusin on:pointerover=pointerover
            on:pointerleave=pointerleave>
            <svg class="map-canvas" xmlns="http://www.w3.org/2000/svg" aria-hidden=move || empty().then_some("true")>
                <defs>{super::lift::arrowhead("map-arrow")}</defs>
                <g transform=transform font-size=font>
                    <super::frames::GroupFrames ed=ed />
                </g>
                // A large map's nodes and links, painted (`paint/`) above the groups' frames
                // and below what the SVG draws of it.
                <foreignObject class="map-paint-host" x="0" y="0" width="100%" height="100%"
                    hidden=move || !ed.large.get()>
                    <canvas class="map-paint" node_ref=paint_canvas aria-hidden="true"></canvas>
                </foreignObject>
                <g class="paint-probe" node_ref=probe aria-hidden="true"></g>
                <g transform=transform font-size=font>
                    <g class="links" node_ref=links_layer></g>
                    {move || ed.pending_link.get().map(pending)}
                    <g class="nodes" node_ref=nodes_layer></g>
                    {move || ed.band.get().map(|r| view! {
                        <rect class="band" x=r.x0 y=r.y0 width=r.w() height=r.h()></rect>
                    })}
                    {move || ed.editing.get().map(|id| view! { <super::label::LabelEditor ed=ed id=id /> })}
                    {move || ed.editing_link.get().map(|id| view! { <super::label::LinkLabelEditor ed=ed id=id /> })}
                </g>
            </svg>
            <super::lift::LiftLayer ed=ed />
            {move || empty().then(|| view! {
                <p class="map-empty">"Double-click anywhere, or press N, to add the first idea."</p>
            })}
            // A large map is drawn a chunk a frame (`draw.rs`): how far it is, over the canvas.
            {move || ed.drawing.get().map(|(done, all)| view! {
                <div class="busy map-empty map-drawing" role="status">
                    <span class="busy-what">{format!("Drawing the map\u{2026} {done} of {all} nodes and links")}</span>
                    <progress max=all value=done aria-label=format!("{:.0} % drawn", 100.0 * done as f64 / all.max(1) as f64)></progress>
                </div>
            })}
        </div>
        <p id="map-keys" class="hint">{hint}</p>
        <p class="visually-hidden" role="status">{move || ed.announce.get()}</p>
        <super::frames::GroupPanel ed=ed />
    }
}
