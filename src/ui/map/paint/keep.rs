//! When the canvas is painted: an animation frame after anything it shows changed, whole, or
//! only where the nodes and links that joined or left what the SVG draws are (`region.rs`).

use leptos::prelude::*;

use super::super::Ed;
use super::super::inks::Inks;
use super::paint;
use super::region::{PARTIAL_MAX, Shown};

/// Keeps the canvas painted: an animation frame after anything it shows changed.
pub(in super::super) fn keep_painted(
    ed: Ed,
    canvas: NodeRef<leptos::html::Canvas>,
    probe: NodeRef<leptos::svg::G>,
    wrap: NodeRef<leptos::html::Div>,
) {
    let inks = StoredValue::new_local(Inks::default());
    let asked = StoredValue::new(false);
    // What the painting left out last time; `None`: the next painting is whole.
    let shown = StoredValue::new_local(None::<Shown>);
    // The theme and colour scheme (the header's picker changes them with no resize).
    let settings = use_context::<RwSignal<crate::settings::Settings>>();
    let ask = move || {
        if asked.get_value() {
            return;
        }
        asked.set_value(true);
        request_animation_frame(move || {
            let _ = asked.try_set_value(false);
            let (Some(c), Some(p), Some(w)) = (
                canvas.get_untracked(),
                probe.get_untracked(),
                wrap.get_untracked(),
            ) else {
                return;
            };
            if !ed.large.try_get_untracked().unwrap_or(false) {
                return;
            }
            let now = Shown::now(ed);
            // Only the front or the dragged set changed: what joined or left them.
            let changed = shown
                .try_with_value(|s| {
                    s.as_ref().map(|s| Shown {
                        nodes: s.nodes.symmetric_difference(&now.nodes).copied().collect(),
                        links: s.links.symmetric_difference(&now.links).copied().collect(),
                    })
                })
                .flatten();
            if changed
                .as_ref()
                .is_some_and(|c| c.nodes.is_empty() && c.links.is_empty())
            {
                return;
            }
            let changed = changed.filter(|c| c.nodes.len() + c.links.len() <= PARTIAL_MAX);
            let done = inks
                .try_update_value(|inks| {
                    crate::ui::browser::timed("cstw-paint", || {
                        paint(ed, &c, &p, inks, changed.as_ref())
                    })
                })
                .flatten();
            let _ = shown.try_set_value(Some(now));
            // What was painted and what the SVG draws: for the benchmarks, which wait for it.
            if ed.drawing.get_untracked().is_some() {
                ed.drawing.set(None);
            }
            if let Some((n, l)) = done {
                let front = ed.front.with_value(|f| (f.nodes.len(), f.links.len()));
                let _ =
                    w.set_attribute("data-painted", &format!("{} {}", n + front.0, l + front.1));
            }
        });
    };
    // Everything the painting shows besides the front: a change paints it whole.
    Effect::new(move |_| {
        let large = ed.large.get();
        if let Some(s) = settings {
            s.track();
        }
        ed.redraw.track();
        ed.frame.view.track();
        ed.frame.px.track();
        ed.highlight.track();
        ed.halo.track();
        ed.metrics.track();
        ed.lanes.track();
        ed.frames.track();
        ed.hidden.track();
        ed.node_ids.track();
        ed.link_ids.track();
        shown.set_value(None);
        if !large {
            if let Some(c) = canvas.get_untracked() {
                // A map that was large and is not any more: nothing painted stays.
                c.set_width(0);
                c.set_height(0);
            }
            if let Some(w) = wrap.get_untracked() {
                let _ = w.remove_attribute("data-painted");
            }
            return;
        }
        ask();
    });
    // What the SVG draws instead (`draw.rs` chooses it from these) and the dragged nodes.
    Effect::new(move |_| {
        ed.lifted.track();
        ed.selected.track();
        ed.link.track();
        ed.hover.track();
        ed.hover_link.track();
        if ed.large.get_untracked() {
            ask();
        }
    });
}
