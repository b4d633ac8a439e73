//! The shared editor frame: the pieces a canvas editor (the rich picture board, the concept
//! map canvas) carries around its drawing, written once.
//!
//! - [`view`]: the view (pan and zoom), the canvas's measured size, zooming about the middle,
//!   fitting, and keeping the view with the picture or map after a pause (`keep_view`).
//! - [`input`]: a browser pointer, mouse or wheel event in the canvas's own pixels, as the
//!   gesture machines read it.
//! - [`focus`]: focus mode (the canvas fills the screen; Esc or leaving ends it).
//! - [`text`]: the keys of a text typed in place (Enter or Esc keep it), and the one character a
//!   key press types.
//! - [`export`]: the PNG size and background controls, and downloads that leave a notice.
//! - [`notice`]: the message an import or export leaves (a status line, or an alert).
//!
//! The gestures themselves are pure machines in `crate::interact`; an editor turns browser
//! events into their inputs and applies their outputs (see ARCHITECTURE.md, "Gestures").

pub mod export;
pub mod focus;
pub mod input;
pub mod notice;
pub mod text;
pub mod view;
