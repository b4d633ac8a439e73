//! A figure on a slide (a map, a picture, a results chart), shown so the back of the room can
//! read it: never smaller than the size at which its smallest text is [`ROOM_TEXT`] pixels,
//! as large as the slide allows, with keys to zoom (+, −), pan (arrows, once the figure has the
//! focus), fit again (0) and focus one part (F, Shift+F; Esc lets go). When the figure is
//! larger than the slide, the edges it runs past say "more" and a key says how to get there.
//!
//! The SVG is shown through its `viewBox`: the figure's own drawing is never rescaled by CSS,
//! so the type size on screen is exactly the drawing's times [`View::scale`].

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Presenting;
use crate::ui::lean::effect;

/// The smallest text the room can read, in CSS pixels (the projector theme's minimum).
pub(super) const ROOM_TEXT: f64 = 24.0;
/// A figure is never enlarged more than this to fill a slide.
const MAX_SCALE: f64 = 3.0;

/// One part of a figure to focus on: its name, the CSS selector of the elements in it, and
/// the selector of every element that dims while a part is in focus.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Part {
    pub name: String,
    pub select: String,
    pub dims: &'static str,
}

/// What is shown: the centre of the view in the figure's units and the scale (screen pixels
/// per unit).
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    cx: f64,
    cy: f64,
    scale: f64,
}

/// The figure's box in its own units.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct Bounds {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// The effective `font-size` of every text in `svg`: the nearest one set on it or above it.
fn smallest_text(svg: &web_sys::Element) -> Option<f64> {
    let texts = svg.query_selector_all("text, tspan").ok()?;
    let mut least: Option<f64> = None;
    for i in 0..texts.length() {
        let Some(el) = texts
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if el.text_content().is_none_or(|t| t.trim().is_empty()) {
            continue;
        }
        let mut at = Some(el);
        let mut size = 16.0;
        while let Some(e) = at {
            if let Some(v) = e
                .get_attribute("font-size")
                .and_then(|v| v.trim_end_matches("px").trim().parse::<f64>().ok())
            {
                size = v;
                break;
            }
            if e.tag_name().eq_ignore_ascii_case("svg") {
                break;
            }
            at = e.parent_element();
        }
        least = Some(least.map_or(size, |l: f64| l.min(size)));
    }
    least
}

fn view_box(svg: &web_sys::Element) -> Option<Bounds> {
    let v: Vec<f64> = svg
        .get_attribute("viewBox")?
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    (v.len() == 4 && v[2] > 0.0 && v[3] > 0.0).then(|| Bounds {
        x: v[0],
        y: v[1],
        w: v[2],
        h: v[3],
    })
}

/// `svg` markup shown as a figure of the slide. `stage` (if given) learns the space the figure
/// has, so a chart can be redrawn for it.
#[component]
pub(super) fn FigureView(
    pr: Presenting,
    #[prop(into)] svg: Signal<String>,
    #[prop(into)] label: String,
    #[prop(optional, into)] parts: Option<Signal<Vec<Part>>>,
    #[prop(optional)] stage: Option<RwSignal<(f64, f64)>>,
) -> impl IntoView {
    let wrap = NodeRef::<html::Div>::new();
    let holder = NodeRef::<html::Div>::new();
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    let bounds = RwSignal::new(None::<Bounds>);
    let least = RwSignal::new(None::<f64>);
    let view = RwSignal::new(None::<View>);
    let focused = RwSignal::new(None::<usize>);
    let parts = parts.unwrap_or_else(|| Signal::derive(Vec::new));

    let svg_el = move || {
        holder
            .get_untracked()
            .and_then(|h| h.query_selector("svg").ok().flatten())
    };
    let measure = move || {
        if let Some(w) = wrap.get_untracked() {
            let r = w.get_bounding_client_rect();
            let s = (r.width().floor(), r.height().floor());
            if s != size.get_untracked() && s.0 > 0.0 && s.1 > 0.0 {
                size.set(s);
                if let Some(st) = stage {
                    st.set(s);
                }
            }
        }
    };
    // The scale at which the smallest text is the room's size, and the scale that fits.
    let legible = move || {
        least
            .get_untracked()
            .map_or(0.0, |l| ROOM_TEXT / l.max(1.0))
    };
    let fit_of = move |b: Bounds| {
        let (w, h) = size.get_untracked();
        (w / b.w).min(h / b.h)
    };
    let start = move |b: Bounds| -> View {
        let (w, h) = size.get_untracked();
        let scale = fit_of(b).min(MAX_SCALE).max(legible());
        // Along an axis that does not fit, start at the beginning (top, left).
        let along = |c: f64, len: f64, room: f64| {
            if len * scale <= room + 1.0 {
                c + len / 2.0
            } else {
                c + room / scale / 2.0
            }
        };
        View {
            cx: along(b.x, b.w, w),
            cy: along(b.y, b.h, h),
            scale,
        }
    };
    // Redraws: a new SVG is read, measured and shown at its starting view.
    effect(move || {
        let markup = svg.get();
        let Some(h) = holder.get() else { return };
        h.set_inner_html(&markup);
        measure();
        let el = svg_el();
        let b = el.as_ref().and_then(view_box);
        least.set(el.as_ref().and_then(smallest_text));
        bounds.set(b);
        focused.set(None);
        view.set(b.map(start));
    });
    // A new size (the window changed): back to the starting view.
    Effect::new(move |prev: Option<(f64, f64)>| {
        let s = size.get();
        if prev.is_some_and(|p| p != s)
            && let Some(b) = bounds.get_untracked()
        {
            focused.set(None);
            view.set(Some(start(b)));
        }
        s
    });
    // Shows the view: the SVG as large as the stage, its viewBox the part in view.
    effect(move || {
        let (Some(v), (w, h)) = (view.get(), size.get()) else {
            return;
        };
        let Some(el) = svg_el() else { return };
        let (vw, vh) = (w / v.scale, h / v.scale);
        let _ = el.set_attribute("width", &format!("{w:.0}"));
        let _ = el.set_attribute("height", &format!("{h:.0}"));
        let _ = el.set_attribute(
            "viewBox",
            &format!(
                "{:.2} {:.2} {:.2} {:.2}",
                v.cx - vw / 2.0,
                v.cy - vh / 2.0,
                vw,
                vh
            ),
        );
    });
    // Dims everything but the part in focus.
    effect(move || {
        let f = focused.get();
        let list = parts.get();
        let _ = view.get();
        let Some(el) = svg_el() else { return };
        if let Ok(all) = el.query_selector_all(".dim") {
            for i in 0..all.length() {
                if let Some(e) = all
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = e.class_list().remove_1("dim");
                }
            }
        }
        let Some(part) = f.and_then(|i| list.get(i)) else {
            return;
        };
        if let Ok(all) = el.query_selector_all(part.dims) {
            for i in 0..all.length() {
                if let Some(e) = all
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    && !e.matches(&part.select).unwrap_or(false)
                {
                    let _ = e.class_list().add_1("dim");
                }
            }
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    request_animation_frame(measure);

    let zoom = move |by: f64| {
        let (Some(v), Some(b)) = (view.get_untracked(), bounds.get_untracked()) else {
            return;
        };
        // Out no further than the whole figure; in up to eight times the room's size.
        let least_scale = fit_of(b).min(legible()).min(v.scale);
        let most = (legible().max(fit_of(b)) * 8.0).max(v.scale);
        view.set(Some(View {
            scale: (v.scale * by).clamp(least_scale, most),
            ..v
        }));
    };
    let pan = move |dx: f64, dy: f64| {
        let (Some(v), Some(b)) = (view.get_untracked(), bounds.get_untracked()) else {
            return;
        };
        let (w, h) = size.get_untracked();
        let (vw, vh) = (w / v.scale, h / v.scale);
        // The centre stays where some of the figure is in view.
        let cx = (v.cx + dx * vw * 0.2)
            .clamp(b.x - vw / 2.0 + vw * 0.1, b.x + b.w + vw / 2.0 - vw * 0.1);
        let cy = (v.cy + dy * vh * 0.2)
            .clamp(b.y - vh / 2.0 + vh * 0.1, b.y + b.h + vh / 2.0 - vh * 0.1);
        view.set(Some(View { cx, cy, ..v }));
    };
    // Focus part `i`: zoom to its elements, as large as fits (never below the room's size).
    let focus = move |i: Option<usize>| {
        focused.set(i);
        let Some(b) = bounds.get_untracked() else {
            return;
        };
        let Some(part) = i.and_then(|i| parts.with_untracked(|p| p.get(i).cloned())) else {
            view.set(Some(start(b)));
            return;
        };
        let (Some(el), Some(v)) = (svg_el(), view.get_untracked()) else {
            return;
        };
        let Some(w) = wrap.get_untracked() else {
            return;
        };
        let origin = w.get_bounding_client_rect();
        let (sw, sh) = size.get_untracked();
        let (vx, vy) = (v.cx - sw / v.scale / 2.0, v.cy - sh / v.scale / 2.0);
        let mut area: Option<(f64, f64, f64, f64)> = None;
        if let Ok(all) = el.query_selector_all(&part.select) {
            for k in 0..all.length() {
                let Some(e) = all
                    .item(k)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let r = e.get_bounding_client_rect();
                let x0 = vx + (r.left() - origin.left()) / v.scale;
                let y0 = vy + (r.top() - origin.top()) / v.scale;
                let (x1, y1) = (x0 + r.width() / v.scale, y0 + r.height() / v.scale);
                area = Some(match area {
                    None => (x0, y0, x1, y1),
                    Some(a) => (a.0.min(x0), a.1.min(y0), a.2.max(x1), a.3.max(y1)),
                });
            }
        }
        let Some((x0, y0, x1, y1)) = area else { return };
        let pad = 20.0 / v.scale;
        let pb = Bounds {
            x: x0 - pad,
            y: y0 - pad,
            w: (x1 - x0 + 2.0 * pad).max(1.0),
            h: (y1 - y0 + 2.0 * pad).max(1.0),
        };
        let scale = fit_of(pb).min(MAX_SCALE).max(legible());
        view.set(Some(View {
            cx: pb.x + pb.w / 2.0,
            cy: pb.y + pb.h / 2.0,
            scale,
        }));
    };
    let figure_has_focus = move || {
        let active = document().active_element();
        wrap.get_untracked()
            .zip(active)
            .is_some_and(|(w, a)| w.contains(Some(&a)))
    };
    let keys = Callback::new(move |e: web_sys::KeyboardEvent| -> bool {
        let key = e.key();
        let n = parts.with_untracked(Vec::len);
        match key.as_str() {
            "+" | "=" => zoom(1.25),
            "-" | "_" | "\u{2212}" => zoom(0.8),
            "0" => focus(None),
            "f" | "F" if n > 0 => {
                let next = match (focused.get_untracked(), e.shift_key()) {
                    (None, false) => 0,
                    (None, true) => n - 1,
                    (Some(i), false) => (i + 1) % n,
                    (Some(i), true) => (i + n - 1) % n,
                };
                focus(Some(next));
            }
            "Escape" if focused.get_untracked().is_some() => focus(None),
            "ArrowLeft" if figure_has_focus() => pan(-1.0, 0.0),
            "ArrowRight" if figure_has_focus() => pan(1.0, 0.0),
            "ArrowUp" if figure_has_focus() => pan(0.0, -1.0),
            "ArrowDown" if figure_has_focus() => pan(0.0, 1.0),
            _ => return false,
        }
        true
    });
    pr.figure_keys.set_value(Some(keys));
    on_cleanup(move || pr.figure_keys.set_value(None));

    // What is out of view, edge by edge (in screen pixels, with a pixel's tolerance).
    let beyond = move || {
        let (Some(v), Some(b)) = (view.get(), bounds.get()) else {
            return [false; 4];
        };
        let (w, h) = size.get();
        let (vx, vy) = (v.cx - w / v.scale / 2.0, v.cy - h / v.scale / 2.0);
        let tol = 1.5 / v.scale;
        [
            b.y < vy - tol,
            b.x + b.w > vx + w / v.scale + tol,
            b.y + b.h > vy + h / v.scale + tol,
            b.x < vx - tol,
        ]
    };
    let cut = move || beyond().iter().any(|b| *b);
    let small = move || {
        least.track();
        view.get().is_some_and(|v| v.scale < legible() - 1e-6)
    };
    let has_parts = move || parts.with(|p| !p.is_empty());
    let status = move || {
        let part = focused
            .get()
            .and_then(|i| parts.with(|p| p.get(i).map(|p| p.name.clone())));
        let mut out = Vec::new();
        if let Some(name) = part {
            out.push(format!("Focus: {name} (Esc shows all)."));
        }
        if small() {
            out.push(
                "Zoomed out: the text is smaller than the room can read; + or 0 zooms back.".into(),
            );
        } else if cut() {
            out.push("Part of the figure is shown.".into());
        }
        out.join(" ")
    };
    let key = move || {
        let mut k = vec!["+ \u{2212} zoom", "0 fit"];
        if cut() || small() {
            k.push("click the figure, then arrows pan");
        }
        if has_parts() {
            k.push("F focus a part");
        }
        k.join(" \u{00b7} ")
    };
    let edge = move |i: usize, class: &'static str, text: &'static str| {
        view! { <span class=format!("figure-more {class}") aria-hidden="true" hidden=move || !beyond()[i]>{text}</span> }
    };
    view! {
        <div class="present-figure" node_ref=wrap tabindex="0" role="group" aria-label=label
            aria-describedby="figure-key" class:cut=move || cut()
            on:click=move |_| { if let Some(w) = wrap.get_untracked() { let _ = w.focus(); } }>
            <div class="figure-holder" node_ref=holder></div>
            {edge(0, "top", "\u{25b2} more")}
            {edge(1, "right", "more \u{25b6}")}
            {edge(2, "bottom", "\u{25bc} more")}
            {edge(3, "left", "\u{25c0} more")}
        </div>
        <p class="figure-key" id="figure-key">
            <span class="figure-status" role="status">{move || status()}</span>
            " "<span>{move || key()}</span>
        </p>
    }
}
