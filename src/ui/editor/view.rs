//! The view of a canvas: pan and zoom, the canvas's size, and keeping the view with the
//! picture or map it shows (saved after a short pause, never an undo step); the zoom buttons.

use std::sync::Arc;

use leptos::prelude::*;

use crate::geometry::{Point, Rect};
use crate::model::map::Viewport;
use crate::ui::lean::effect;

/// Where the view is saved: called with the view once it has settled.
type Keep = Arc<dyn Fn(Viewport) + Send + Sync>;

/// A canvas's view and size.
#[derive(Clone, Copy)]
pub struct ViewFrame {
    pub view: RwSignal<Viewport>,
    /// The canvas's size in CSS pixels, as last measured.
    pub px: RwSignal<(f64, f64)>,
    /// Focus mode: the canvas fills the screen.
    pub focus: RwSignal<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
    keep: StoredValue<Keep>,
}

impl ViewFrame {
    /// A frame starting at `view`; `keep` saves a settled view with the picture or map.
    pub fn new(view: Viewport, keep: impl Fn(Viewport) + Send + Sync + 'static) -> ViewFrame {
        ViewFrame {
            view: RwSignal::new(view),
            px: RwSignal::new((1000.0, 600.0)),
            focus: RwSignal::new(false),
            timer: StoredValue::new(None),
            keep: StoredValue::new(Arc::new(keep)),
        }
    }

    /// Remembers the view after a short pause (saved, not an undo step). The view is read now,
    /// not when the pause ends: by then the editor may be gone (another section opened), and
    /// its signals with it.
    pub fn keep_view(&self) {
        let (Some(view), Some(keep)) = (self.view.try_get_untracked(), self.keep.try_get_value())
        else {
            return;
        };
        crate::ui::browser::debounce(self.timer, 400, move || keep(view));
    }

    /// Sets the view (a pan, a pinch) without keeping it yet.
    pub fn set(&self, view: Viewport) {
        self.view.set(view);
    }

    /// Shows `view` and keeps it.
    pub fn show(&self, view: Viewport) {
        self.view.set(view);
        self.keep_view();
    }

    /// Zooms by `factor` about the middle of the canvas.
    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.px.get_untracked();
        self.show(self.view.get_untracked().zoom_at(factor, w / 2.0, h / 2.0));
    }

    /// Shows all of `extent`.
    pub fn fit(&self, extent: Rect) {
        let (w, h) = self.px.get_untracked();
        self.show(Viewport::fit(extent, w, h));
    }

    /// The content point in the middle of the canvas.
    pub fn centre(&self) -> Point {
        let (w, h) = self.px.get_untracked();
        self.view.get_untracked().to_map(w / 2.0, h / 2.0)
    }

    /// Measures the canvas (an element with a size; ignored while it has none).
    pub fn measure(&self, el: &web_sys::Element) {
        let r = el.get_bounding_client_rect();
        if r.width() > 0.0 && r.height() > 0.0 && self.px.get_untracked() != (r.width(), r.height())
        {
            self.px.set((r.width(), r.height()));
        }
    }

    /// A point of the page (client pixels) in the canvas's own pixels.
    pub fn on_canvas(el: &web_sys::Element, client_x: f64, client_y: f64) -> Point {
        let r = el.get_bounding_client_rect();
        Point::new(client_x - r.left(), client_y - r.top())
    }

    /// Keeps the measured size up to date: when the canvas appears, on window resizes, and
    /// when focus mode changes the canvas's box. `canvas` gives the element to measure.
    pub fn track_size(&self, canvas: impl Fn() -> Option<web_sys::Element> + Copy + 'static) {
        let frame = *self;
        let measure = move || {
            if let Some(el) = canvas() {
                frame.measure(&el);
            }
        };
        effect(measure);
        effect(move || {
            frame.focus.get();
            request_animation_frame(measure);
        });
        let resize = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || resize.remove());
    }
}

/// The zoom buttons with the zoom shown between them; − and + call `zoom` with 0.8 and 1.25.
#[component]
pub fn ZoomRow(frame: ViewFrame, #[prop(into)] zoom: Callback<f64>) -> impl IntoView {
    view! {
        <div class="zoom-row">
            <button type="button" on:click=move |_| zoom.run(0.8) aria-label="Zoom out" title="Zoom out (\u{2212})">"\u{2212}"</button>
            <output class="zoom" aria-label="Zoom">{move || format!("{:.0}%", frame.view.get().zoom * 100.0)}</output>
            <button type="button" on:click=move |_| zoom.run(1.25) aria-label="Zoom in" title="Zoom in (+)">"+"</button>
        </div>
    }
}
