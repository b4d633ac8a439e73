//! Gestures as data: pure state machines that take pointer and key events and say what the
//! editor should do, so the rules of drawing and editing are tested natively, without a
//! browser. The UI translates a browser event into an [`Input`], hands it to a machine with
//! what the machine may read (the picture or map, the selection, the view), and applies the
//! [`Output`]s in order: show a preview, commit a command (one undo step), change the
//! selection, move the view.
//!
//! - [`caret`]: where a caret goes when a remote change rewrites the text around it.
//! - [`view`]: panning, pinching and wheel zoom, the same on every canvas.
//! - [`picture`]: the rich picture board's gestures (draw, erase, move, resize, turn, marquee,
//!   arrows, shapes, text) and the commands they commit.
//! - [`map`]: the concept map's gestures (drag nodes or a group's frame, draw a link, marquee,
//!   pan, pinch, wheel), in the same terms, and the commands they commit.
//! - [`shortcuts`]: the one table of keyboard shortcuts: the key handlers look keys up in it,
//!   the "?" sheet and the hints under the board and the map canvas are written from it.

pub mod caret;
pub mod map;
pub mod picture;
pub mod shortcuts;
pub mod view;

use std::collections::BTreeSet;

use crate::geometry::Point;
use crate::model::map::Viewport;

/// What kind of pointer pressed: a mouse, a pen (with pressure) or a finger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerKind {
    Mouse,
    Pen,
    Touch,
}

impl PointerKind {
    /// From the browser's `pointerType` ("mouse", "pen", "touch"; anything else is a mouse).
    pub fn from_name(name: &str) -> PointerKind {
        match name {
            "pen" => PointerKind::Pen,
            "touch" => PointerKind::Touch,
            _ => PointerKind::Mouse,
        }
    }
}

/// Which button pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Button {
    /// The main button, a pen's tip or a finger.
    Main,
    /// The middle button (pans).
    Middle,
    /// Any other (the context menu's): ignored.
    Other,
}

impl Button {
    /// From the browser's `button` number.
    pub fn from_number(n: i16) -> Button {
        match n {
            0 => Button::Main,
            1 => Button::Middle,
            _ => Button::Other,
        }
    }
}

/// One pointer event, in the canvas's own pixels (from its top-left corner).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pointer {
    /// The browser's pointer id: a gesture follows the pointer that began it.
    pub id: i32,
    pub kind: PointerKind,
    pub button: Button,
    /// Where, in canvas pixels.
    pub at: Point,
    /// A pen's pressure, 0 to 1 (0.5 for a mouse button held, 0 for none).
    pub pressure: f64,
    pub shift: bool,
    /// When, in milliseconds (any clock that only goes forward).
    pub time: f64,
}

impl Pointer {
    /// A main-button mouse event at (x, y): the common case, for tests and callers.
    pub fn mouse(x: f64, y: f64) -> Pointer {
        Pointer {
            id: 1,
            kind: PointerKind::Mouse,
            button: Button::Main,
            at: Point::new(x, y),
            pressure: 0.5,
            shift: false,
            time: 0.0,
        }
    }
}

/// How a pointer let go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Release {
    /// Lifted: the gesture is kept.
    Lifted,
    /// The browser took the pointer away (`pointercancel`): the gesture is undone.
    Cancelled,
}

/// What a machine asks the editor to do, in order. `P` is what a preview shows, `C` the
/// commands, `I` the ids of what can be selected.
#[derive(Clone, Debug, PartialEq)]
pub enum Output<P, C, I: Ord> {
    /// Show something that is not the model yet (a stroke being drawn, a marquee, items
    /// being moved).
    Preview(P),
    /// Change the model: one undo step, or a part of one (see the command).
    Commit(C),
    /// The selection becomes this.
    Select(BTreeSet<I>),
    /// Open the in-place text editor of this item.
    Edit(I),
    /// The view becomes this (not an edit: panning and zooming are not undone).
    View(Viewport),
    /// The view has settled: remember it with the picture or map.
    KeepView,
    /// Steps folded under one key have ended (an eraser sweep): the next edit is a new step.
    Seal,
    /// Give the canvas the keyboard focus.
    Focus,
    /// Keep this pointer's events on the canvas until it is released, and do not let the
    /// browser act on the press (scrolling, selecting text).
    Capture,
}
