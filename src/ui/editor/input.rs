//! Browser events in the gesture machines' terms (`crate::interact`), the same for every
//! canvas: where an event is in the canvas's own pixels, and a pointer event as a [`Pointer`].

use leptos::ev;

use super::view::ViewFrame;
use crate::geometry::Point;
use crate::interact::{Button, Pointer, PointerKind};
use crate::ui::browser::now;

/// Where a mouse, pointer or wheel event is, in the pixels of `canvas` (its top-left corner
/// is 0, 0); in the page's pixels while there is no canvas.
pub fn at(canvas: Option<&web_sys::Element>, e: &ev::MouseEvent) -> Point {
    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
    match canvas {
        Some(el) => ViewFrame::on_canvas(el, x, y),
        None => Point::new(x, y),
    }
}

/// A pointer event as the machines read it: which pointer, its kind and button, where on
/// `canvas`, its pressure, Shift, and when.
pub fn pointer(canvas: Option<&web_sys::Element>, e: &ev::PointerEvent) -> Pointer {
    Pointer {
        id: e.pointer_id(),
        kind: PointerKind::from_name(&e.pointer_type()),
        button: Button::from_number(e.button()),
        at: at(canvas, e),
        pressure: f64::from(e.pressure()),
        shift: e.shift_key(),
        time: now(),
    }
}
