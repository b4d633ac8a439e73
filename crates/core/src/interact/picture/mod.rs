//! The rich picture board's gestures. [`Gestures`] takes pointer events (in canvas pixels)
//! with a [`Scene`] to read (the picture, the selection, the view, the pen) and returns what
//! to do. Every gesture is one undo step: a stroke, an eraser sweep (its removals fold under
//! one key), a move, a resize, a turn, a new arrow or shape. While a gesture runs it works on
//! a copy of the picture and asks for a preview of the items it touches; the model changes
//! once, at the end, by a [`Command`].
//!
//! The rules kept here: pressure thickens or thins a whole stroke ([`pressed_width`]); a
//! click with a shape tool makes a default-size box ([`DEFAULT_SHAPE`]); a press that barely
//! moves selects and does not move; a palm on the screen while a pen is in use is ignored;
//! a second finger turns what the first began into a pinch; Shift snaps a turn to 15° and a
//! resize to the same factor both ways.

mod gestures;
mod scene;

pub use gestures::Gestures;
pub use scene::{
    Command, DEFAULT_SHAPE, Mode, PALM_MS, POINTER_HINT, PenChoice, PictureOutput, Preview, Scene,
    handles, pressed_width,
};

#[cfg(test)]
mod tests;
