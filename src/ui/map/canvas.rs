//! The SVG canvas: nodes and links drawn from live signals, pointer gestures (drag, link from a
//! handle, rubber band, pan, pinch, wheel zoom), labels typed in place, and the keyboard.
//!
//! Events are handled once, on the `<svg>`, and find their node or link through `data-node` /
//! `data-link` attributes: a thousand nodes carry no closures of their own.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Ed;
use crate::model::map::{
    Curve, Direction, LinkId, NodeId, Point, Polarity, Rect, Shape, Viewport, wrap_label,
};
use crate::ui::browser::target_attr;

/// What the pointer is doing.
#[derive(Clone, Debug)]
enum Gesture {
    Pan {
        start: (f64, f64),
        view: Viewport,
    },
    /// Nodes dragged; with `frame`, that group dragged by its frame (its members are the nodes).
    Move {
        start: Point,
        origins: Vec<(NodeId, Point)>,
        moved: bool,
        frame: Option<crate::model::map::GroupId>,
    },
    Link {
        from: NodeId,
    },
    Band {
        start: Point,
        add_to: BTreeSet<NodeId>,
    },
    Pinch {
        dist: f64,
        view: Viewport,
    },
}

#[component]
pub(super) fn Canvas(ed: Ed) -> impl IntoView {
    let wrap = ed.wrap;
    let gesture = StoredValue::new(None::<(i32, Gesture)>);
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let band = RwSignal::new(None::<Rect>);
    let pending = RwSignal::new(None::<(NodeId, Point)>);
    let announce = RwSignal::new(String::new());

    // The canvas's size, for fit, zoom buttons and new nodes in view.
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 {
                ed.px.set((r.width(), r.height()));
            }
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let screen = move |x: f64, y: f64| -> (f64, f64) {
        wrap.get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (x - r.left(), y - r.top())
            })
            .unwrap_or((x, y))
    };
    let to_map = move |x: f64, y: f64| {
        let (sx, sy) = screen(x, y);
        ed.view.get_untracked().to_map(sx, sy)
    };
    let node_at = move |p: Point| -> Option<NodeId> {
        let ids = ed.node_ids.get_untracked();
        ed.live.with_value(|live| {
            ids.into_iter().rev().find(|id| {
                live.get(id).is_some_and(|l| {
                    !l.look.with_untracked(|k| k.hidden)
                        && Rect::around(l.pos.get_untracked(), l.size.get_untracked()).contains(p)
                })
            })
        })
    };
    // On a large map most nodes are painted (`paint.rs`): found under the pointer by geometry.
    let painted_node = move |e: &web_sys::Event, p: Point| -> Option<NodeId> {
        if !ed.large.get_untracked() || target_attr(e, "data-handle").is_some() {
            return None;
        }
        target_attr(e, "data-node").or_else(|| node_at(p))
    };

    // A link by its geometry, for a click beside its thin line (within 7 map units, as the wide
    // invisible path once under each line gave, and at least 4 pixels on screen).
    let link_near = move |p: Point| -> Option<LinkId> {
        let zoom = ed.view.get_untracked().zoom.max(1e-6);
        super::frames::link_near(ed, p, 7.0_f64.max(4.0 / zoom))
    };

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
            let node = node_at(p);
            let link = if node.is_none() { link_near(p) } else { None };
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
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        pointers.update_value(|ps| {
            ps.retain(|p| p.0 != e.pointer_id());
            ps.push((e.pointer_id(), x, y));
        });
        if let Some(el) = wrap.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        let two: Vec<_> = pointers.get_value();
        if two.len() == 2 {
            // A second finger: pinch to zoom. A drag in progress stops where it is.
            let dist = (two[0].1 - two[1].1).hypot(two[0].2 - two[1].2).max(1.0);
            gesture.set_value(Some((
                e.pointer_id(),
                Gesture::Pinch {
                    dist,
                    view: ed.view.get_untracked(),
                },
            )));
            band.set(None);
            pending.set(None);
            ed.lift(BTreeSet::new());
            return;
        }
        let p = to_map(x, y);
        let shift = e.shift_key();
        // Pressing on a node (drawn or painted): select it (Shift adds or takes it away) and
        // start moving the selection from where each node is now.
        let grab_node = |id: NodeId| {
            ed.link.set(None);
            if shift {
                ed.selected.update(|s| {
                    if !s.remove(&id) {
                        s.insert(id);
                    }
                });
            } else if !ed.selected.with_untracked(|s| s.contains(&id)) {
                ed.selected.set(BTreeSet::from([id]));
            }
            let origins = ed
                .selected
                .get_untracked()
                .into_iter()
                .map(|n| (n, ed.live(n).pos.get_untracked()))
                .collect();
            Gesture::Move {
                start: p,
                origins,
                moved: false,
                frame: None,
            }
        };
        let g = if e.button() == 1 {
            Gesture::Pan {
                start: (x, y),
                view: ed.view.get_untracked(),
            }
        } else if let Some(id) = painted_node(&e, p) {
            grab_node(id)
        } else if let Some(from) = target_attr(&e, "data-handle") {
            e.prevent_default();
            pending.set(Some((from, p)));
            Gesture::Link { from }
        } else if let Some(g) = target_attr(&e, "data-frame") {
            ed.link.set(None);
            ed.selected.set(BTreeSet::new());
            let origins = super::frames::members_at(ed, g);
            Gesture::Move {
                start: p,
                origins,
                moved: false,
                frame: Some(g),
            }
        } else if let Some(id) = target_attr(&e, "data-node") {
            grab_node(id)
        } else if let Some(l) = target_attr(&e, "data-link").or_else(|| link_near(p)) {
            ed.link.set(Some(l));
            ed.selected.set(BTreeSet::new());
            ed.walk.set_value(None);
            return;
        } else if shift {
            Gesture::Band {
                start: p,
                add_to: ed.selected.get_untracked(),
            }
        } else {
            ed.selected.set(BTreeSet::new());
            ed.link.set(None);
            Gesture::Pan {
                start: (x, y),
                view: ed.view.get_untracked(),
            }
        };
        gesture.set_value(Some((e.pointer_id(), g)));
    };

    let pointermove = move |e: ev::PointerEvent| {
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        pointers.update_value(|ps| {
            if let Some(p) = ps.iter_mut().find(|p| p.0 == e.pointer_id()) {
                p.1 = x;
                p.2 = y;
            }
        });
        let Some((_, g)) = gesture.get_value() else {
            if ed.large.get_untracked() {
                hover_at(to_map(x, y));
            }
            return;
        };
        match g {
            Gesture::Pinch { dist, view } => {
                let ps = pointers.get_value();
                if ps.len() == 2 {
                    let d = (ps[0].1 - ps[1].1).hypot(ps[0].2 - ps[1].2).max(1.0);
                    let (mx, my) = screen((ps[0].1 + ps[1].1) / 2.0, (ps[0].2 + ps[1].2) / 2.0);
                    ed.view.set(view.zoom_at(d / dist, mx, my));
                }
            }
            Gesture::Pan { start, view } => {
                ed.view.set(Viewport {
                    x: view.x - (x - start.0) / view.zoom,
                    y: view.y - (y - start.1) / view.zoom,
                    zoom: view.zoom,
                });
            }
            Gesture::Move {
                start,
                origins,
                frame,
                ..
            } => {
                let p = to_map(x, y);
                let (dx, dy) = (p.x - start.x, p.y - start.y);
                for (id, o) in &origins {
                    ed.live(*id).pos.set(Point::new(o.x + dx, o.y + dy));
                }
                if let Some(g) = frame {
                    ed.frame_drag.set(Some((g, dx, dy)));
                }
                if dx != 0.0 || dy != 0.0 {
                    let mut first = false;
                    gesture.update_value(|g| {
                        if let Some((_, Gesture::Move { moved, .. })) = g {
                            first = !*moved;
                            *moved = true;
                        }
                    });
                    if first {
                        ed.lift(origins.iter().map(|(id, _)| *id).collect());
                    }
                }
            }
            Gesture::Link { from } => pending.set(Some((from, to_map(x, y)))),
            Gesture::Band { start, add_to } => {
                let r = Rect::from_corners(start, to_map(x, y));
                band.set(Some(r));
                let inside: BTreeSet<NodeId> = ed
                    .node_ids
                    .get_untracked()
                    .into_iter()
                    .filter(|id| r.contains(ed.live(*id).pos.get_untracked()))
                    .chain(add_to)
                    .collect();
                if ed.selected.with_untracked(|s| *s != inside) {
                    ed.selected.set(inside);
                }
            }
        }
    };

    let pointerup = move |e: ev::PointerEvent| {
        pointers.update_value(|ps| ps.retain(|p| p.0 != e.pointer_id()));
        let Some((_, g)) = gesture.get_value() else {
            return;
        };
        gesture.set_value(None);
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        match g {
            Gesture::Pinch { .. } | Gesture::Pan { .. } => ed.keep_view(),
            Gesture::Move {
                origins,
                moved,
                frame,
                ..
            } => {
                if let Some(g) = frame {
                    if let Some(said) = super::frames::drop_frame(ed, g) {
                        announce.set(said);
                    }
                } else if moved {
                    let moves: Vec<(NodeId, Point)> = origins
                        .iter()
                        .map(|(id, _)| (*id, ed.live(*id).pos.get_untracked()))
                        .collect();
                    let n = moves.len();
                    // Dropped on a group's frame: the nodes go into that group.
                    let into = super::frames::frame_at(ed, to_map(x, y));
                    ed.edit(None, |m| {
                        m.move_nodes(&moves);
                        if let Some(g) = into {
                            for (id, _) in &moves {
                                if m.node(*id).is_some_and(|n| n.group != Some(g)) {
                                    m.set_node_group(*id, Some(g));
                                }
                            }
                        }
                    });
                    ed.lift(BTreeSet::new());
                    announce.set(format!("Moved {n} node{}.", if n == 1 { "" } else { "s" }));
                }
            }
            Gesture::Link { from } => {
                pending.set(None);
                let p = to_map(x, y);
                match node_at(p) {
                    Some(to) if to != from => {
                        if let Some(Some(l)) = ed.edit(None, |m| m.add_link(from, to)) {
                            ed.selected.set(BTreeSet::new());
                            ed.link.set(Some(l));
                        }
                    }
                    Some(_) => {}
                    // Dropped on a group's title: a link that ends on the group.
                    None if super::frames::title_at(ed, p).is_some() => {
                        let g = super::frames::title_at(ed, p).unwrap_or_default();
                        if let Some(Some(l)) = ed.edit(None, |m| m.add_link(from, g)) {
                            ed.selected.set(BTreeSet::new());
                            ed.link.set(Some(l));
                        }
                    }
                    None => {
                        // Dropped on empty space: a new idea there, linked, ready for its label.
                        let made = ed.edit(None, |m| {
                            let id = m.add_node("", p, None);
                            m.add_link(from, id);
                            id
                        });
                        if let Some(id) = made {
                            ed.selected.set(BTreeSet::from([id]));
                            ed.link.set(None);
                            ed.editing.set(Some(id));
                        }
                    }
                }
            }
            Gesture::Band { .. } => band.set(None),
        }
    };

    let pointercancel = move |e: ev::PointerEvent| {
        pointers.update_value(|ps| ps.retain(|p| p.0 != e.pointer_id()));
        if let Some((_, Gesture::Move { origins, .. })) = gesture.get_value() {
            for (id, o) in origins {
                ed.live(id).pos.set(o);
            }
            ed.lift(BTreeSet::new());
            ed.frame_drag.set(None);
        }
        gesture.set_value(None);
        band.set(None);
        pending.set(None);
    };

    let wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        let (sx, sy) = screen(f64::from(e.client_x()), f64::from(e.client_y()));
        let factor = (-e.delta_y() * if e.ctrl_key() { 0.01 } else { 0.0015 }).exp();
        ed.view.update(|v| *v = v.zoom_at(factor, sx, sy));
        ed.keep_view();
    };

    let dblclick = move |e: ev::MouseEvent| {
        let p = to_map(f64::from(e.client_x()), f64::from(e.client_y()));
        if let Some(id) = target_attr(&e, "data-node")
            .or_else(|| ed.large.get_untracked().then(|| node_at(p)).flatten())
        {
            ed.selected.set(BTreeSet::from([id]));
            ed.editing.set(Some(id));
        } else if let Some(l) = target_attr(&e, "data-link")
            .or_else(|| link_near(to_map(f64::from(e.client_x()), f64::from(e.client_y()))))
        {
            ed.selected.set(BTreeSet::new());
            ed.link.set(Some(l));
            ed.editing_link.set(Some(l));
        } else {
            let p = to_map(f64::from(e.client_x()), f64::from(e.client_y()));
            let made = ed.edit(None, |m| m.add_node("", p, None));
            if let Some(id) = made {
                ed.selected.set(BTreeSet::from([id]));
                ed.editing.set(Some(id));
            }
        }
    };

    let keydown = move |e: ev::KeyboardEvent| {
        if ed.editing.get_untracked().is_some() || ed.editing_link.get_untracked().is_some() {
            return;
        }
        // Links: Alt+arrows from a node, and the keys of a focused or selected link.
        if super::link_keys::keydown(ed, &e, announce) {
            e.prevent_default();
            return;
        }
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let focused = target_attr(&e, "data-node");
        let key = e.key();
        let step = if e.shift_key() { 50.0 } else { 10.0 };
        let handled = match key.as_str() {
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown"
                if focused.is_none() && target_attr(&e, "data-group").is_some() =>
            {
                let g = target_attr(&e, "data-group").unwrap_or_default();
                super::frames::nudge_group(ed, g, &key, step);
                true
            }
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" if focused.is_some() => {
                let (dx, dy) = match key.as_str() {
                    "ArrowLeft" => (-step, 0.0),
                    "ArrowRight" => (step, 0.0),
                    "ArrowUp" => (0.0, -step),
                    _ => (0.0, step),
                };
                let mut ids: Vec<NodeId> = ed.selected.get_untracked().into_iter().collect();
                if let Some(f) = focused
                    && !ids.contains(&f)
                {
                    ids = vec![f];
                }
                let gesture = format!("map:nudge:{ids:?}");
                ed.edit(Some(&gesture), |m| {
                    let moves: Vec<_> = ids
                        .iter()
                        .filter_map(|id| m.node(*id).map(|n| (*id, Point::new(n.x + dx, n.y + dy))))
                        .collect();
                    m.move_nodes(&moves);
                });
                true
            }
            "Enter" | "F2" => {
                if let Some(id) = focused {
                    ed.editing.set(Some(id));
                    true
                } else {
                    false
                }
            }
            "Delete" | "Backspace" => {
                if let Some(f) = focused
                    && ed.selected.with_untracked(BTreeSet::is_empty)
                {
                    ed.selected.set(BTreeSet::from([f]));
                }
                ed.remove_selection();
                if let Some(el) = wrap.get_untracked() {
                    let _ = el.focus();
                }
                true
            }
            "l" | "L" => {
                if let Some(id) = focused {
                    ed.linking.set(Some(id));
                    true
                } else {
                    false
                }
            }
            "n" | "N" | "Insert" => {
                // A free place in view: beside the focused node (linked to it with Shift), or
                // near the middle of the canvas.
                let near = focused
                    .map(|f| ed.live(f).pos.get_untracked())
                    .unwrap_or_else(|| ed.centre());
                let from = focused.filter(|_| e.shift_key());
                ed.add_node_from(near, from);
                true
            }
            "Escape" => {
                // Clears a selection; with nothing selected, Esc is left to focus mode.
                let had = ed.selected.with_untracked(|s| !s.is_empty())
                    || ed.link.get_untracked().is_some();
                ed.selected.set(BTreeSet::new());
                ed.link.set(None);
                had
            }
            "+" | "=" => {
                ed.zoom_by(1.25);
                true
            }
            "-" | "_" => {
                ed.zoom_by(0.8);
                true
            }
            "0" => {
                ed.fit();
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };

    let focusin = move |e: ev::FocusEvent| {
        if super::draw::refocusing() {
            return;
        }
        if let Some(l) = target_attr(&e, "data-link") {
            if ed.link.get_untracked() != Some(l) {
                ed.selected.set(BTreeSet::new());
                ed.link.set(Some(l));
            }
            return;
        }
        if let Some(id) = target_attr(&e, "data-node")
            && !ed.selected.with_untracked(|s| s.contains(&id))
            && ed.editing.get_untracked().is_none()
        {
            ed.selected.set(BTreeSet::from([id]));
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
            super::draw::name_link(ed, &el, id);
        }
    };

    let transform = move || {
        let v = ed.view.get();
        format!("scale({}) translate({} {})", v.zoom, -v.x, -v.y)
    };
    let font = move || ed.metrics.get().font;
    let empty = move || ed.node_ids.with(Vec::is_empty);
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
    // The map's own nodes and links, drawn in bulk (`draw.rs`); the lift layer below keeps a
    // view per dragged node and link.
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

    view! {
        <LinkPicker ed=ed />
        <div class="map-canvas-wrap" node_ref=wrap tabindex="0" role="group"
            aria-label=move || format!("Map canvas: {}", title())
            aria-describedby="map-keys"
            on:pointerdown=pointerdown on:pointermove=pointermove on:pointerup=pointerup
            on:pointercancel=pointercancel on:wheel=wheel on:dblclick=dblclick
            on:keydown=keydown on:focusin=focusin on:pointerover=pointerover
            on:pointerleave=pointerleave>
            <svg class="map-canvas" xmlns="http://www.w3.org/2000/svg" aria-hidden=move || empty().then_some("true")>
                <defs>
                    <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
                        orient="auto-start-reverse" markerUnits="strokeWidth">
                        <path d="M0,0 L10,5 L0,10 z" class="arrowhead"></path>
                    </marker>
                </defs>
                <g transform=transform font-size=font>
                    <super::frames::GroupFrames ed=ed />
                </g>
                // A large map's nodes and links, painted (`paint.rs`) above the groups' frames
                // and below what the SVG draws of it.
                <foreignObject class="map-paint-host" x="0" y="0" width="100%" height="100%"
                    hidden=move || !ed.large.get()>
                    <canvas class="map-paint" node_ref=paint_canvas aria-hidden="true"></canvas>
                </foreignObject>
                <g class="paint-probe" node_ref=probe aria-hidden="true"></g>
                <g transform=transform font-size=font>
                    <g class="links" node_ref=links_layer></g>
                    {move || pending.get().map(|(from, to)| {
                        let a = ed.live(from).pos.get_untracked();
                        view! { <line class="pending-link" x1=a.x y1=a.y x2=to.x y2=to.y></line> }
                    })}
                    <g class="nodes" node_ref=nodes_layer></g>
                    {move || band.get().map(|r| view! {
                        <rect class="band" x=r.x0 y=r.y0 width=r.w() height=r.h()></rect>
                    })}
                    {move || ed.editing.get().map(|id| view! { <LabelEditor ed=ed id=id /> })}
                    {move || ed.editing_link.get().map(|id| view! { <super::link_keys::LinkLabelEditor ed=ed id=id /> })}
                </g>
            </svg>
            <svg class="map-canvas map-lift" xmlns="http://www.w3.org/2000/svg" aria-hidden="true"
                hidden=move || ed.lifted.with(BTreeSet::is_empty)>
                <defs>
                    <marker id="map-arrow-lift" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
                        orient="auto-start-reverse" markerUnits="strokeWidth">
                        <path d="M0,0 L10,5 L0,10 z" class="arrowhead"></path>
                    </marker>
                </defs>
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
        <p id="map-keys" class="hint">"Drag nodes to move them; drag from a node's dot to link it. Drag the background to pan, Shift+drag to select several, wheel or pinch to zoom. Keys on a node: arrows move, Enter edits, L links, N adds a node (Shift+N adds one linked), Alt+arrows go through its links (Enter edits a link's label, Esc goes back to the node), Delete removes."</p>
        <p class="visually-hidden" role="status">{move || announce.get()}</p>
        <super::frames::GroupPanel ed=ed />
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
            super::draw::node_name(label, kind.as_deref(), *links)
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

/// Types a node's label in place: Enter keeps it, Shift+Enter starts a new line; Escape stops
/// typing and keeps what was typed too (nothing typed is lost; one Undo takes it back).
#[component]
fn LabelEditor(ed: Ed, id: NodeId) -> impl IntoView {
    let field = NodeRef::<html::Textarea>::new();
    let live = ed.live(id);
    let at = live.pos.get_untracked();
    let size = live.size.get_untracked();
    let w = size.w.max(260.0);
    let h = size.h.max(96.0);
    let gesture = format!("map:label:{id}");
    // The text is put in and selected after mounting, so typing replaces it.
    let start = ed
        .with_untracked(|m| m.node(id).map(|n| n.label.clone()))
        .flatten()
        .unwrap_or_default();
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            el.set_value(&start);
            let _ = el.focus();
            el.select();
        }
    });
    let finish = move || {
        if ed.editing.get_untracked() != Some(id) {
            return;
        }
        ed.editing.set(None);
        ed.session.seal();
        ed.focus_node(id);
    };
    view! {
        <foreignObject x=at.x - w / 2.0 y=at.y - h / 2.0 width=w height=h>
            <textarea node_ref=field class="label-editor" aria-label="Label"
                on:input=move |e| {
                    let v = event_target_value(&e);
                    ed.edit(Some(&gesture), |m| m.set_label(id, v));
                }
                on:keydown=move |e: ev::KeyboardEvent| {
                    e.stop_propagation();
                    if (e.key() == "Enter" && !e.shift_key()) || e.key() == "Escape" {
                        e.prevent_default();
                        finish();
                    }
                }
                on:blur=move |_| finish()></textarea>
        </foreignObject>
    }
}

/// Picks the node a keyboard link goes to.
#[component]
fn LinkPicker(ed: Ed) -> impl IntoView {
    let choice = RwSignal::new(String::new());
    let field = NodeRef::<html::Select>::new();
    Effect::new(move |_| {
        if ed.linking.get().is_some()
            && let Some(el) = field.get()
        {
            let _ = el.focus();
        }
    });
    let close = move || {
        if let Some(from) = ed.linking.get_untracked() {
            ed.linking.set(None);
            ed.focus_node(from);
        }
    };
    let create = move || {
        let Some(from) = ed.linking.get_untracked() else {
            return;
        };
        let Ok(to) = choice.get_untracked().parse::<NodeId>() else {
            return;
        };
        if let Some(Some(l)) = ed.edit(None, |m| m.add_link(from, to)) {
            ed.selected.set(BTreeSet::new());
            ed.link.set(Some(l));
        }
        close();
    };
    move || {
        ed.linking.get().map(|from| {
            // Other ideas, then the groups (a link may end on a group, as when dropped on a
            // group's title with the mouse).
            let (options, groups) = ed
                .with_untracked(|m| {
                    let mut others: Vec<(String, NodeId)> = m
                        .nodes
                        .iter()
                        .filter(|n| n.id != from)
                        .map(|n| (m.node_name(n.id), n.id))
                        .collect();
                    others.sort();
                    let mut groups: Vec<(String, NodeId)> = m
                        .groups
                        .iter()
                        .map(|g| (format!("group {}", g.display_name()), g.id))
                        .collect();
                    groups.sort();
                    (others, groups)
                })
                .unwrap_or_default();
            let first = options.first().or(groups.first());
            choice.set(first.map(|o| o.1.to_string()).unwrap_or_default());
            let has_groups = !groups.is_empty();
            let name = ed.with_untracked(|m| m.node_name(from)).unwrap_or_default();
            view! {
                <form class="link-picker" on:submit=move |e| { e.prevent_default(); create(); }
                    on:keydown=move |e: ev::KeyboardEvent| { if e.key() == "Escape" { e.prevent_default(); close(); } }>
                    <label for="link-target">{format!("Link \u{201c}{name}\u{201d} to ")}</label>
                    <select id="link-target" node_ref=field on:change=move |e| choice.set(event_target_value(&e))
                        on:keydown=move |e: ev::KeyboardEvent| { if e.key() == "Enter" { e.prevent_default(); choice.set(event_target_value(&e)); create(); } }>
                        {if has_groups {
                            view! {
                                <optgroup label="Ideas">
                                    {options.into_iter().map(|(label, id)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                                </optgroup>
                                <optgroup label="Groups">
                                    {groups.into_iter().map(|(label, id)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                                </optgroup>
                            }.into_any()
                        } else {
                            options.into_iter().map(|(label, id)| view! { <option value=id.to_string()>{label}</option> }).collect_view().into_any()
                        }}
                    </select>
                    <button type="submit" class="primary">"Link"</button>
                    <button type="button" on:click=move |_| close()>"Cancel"</button>
                </form>
            }
        })
    }
}
