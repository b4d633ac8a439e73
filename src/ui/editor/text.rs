//! Text typed in place on a canvas (a caption, a text, a node's label): the keys that end the
//! typing, and the character a key press on the canvas types.

use leptos::ev;

/// Whether a key pressed in an in-place editor ends the typing: Enter (Shift+Enter adds a
/// line) and Esc both keep what was typed, so nothing typed is lost.
pub fn ends_typing(e: &ev::KeyboardEvent) -> bool {
    (e.key() == "Enter" && !e.shift_key()) || e.key() == "Escape"
}

/// A key pressed in an in-place editor: it stays with the field (no canvas shortcut), and a key
/// that [`ends_typing`] calls `finish` (its default, a new line, prevented).
pub fn typing_key(e: &ev::KeyboardEvent, finish: impl Fn()) {
    e.stop_propagation();
    if ends_typing(e) {
        e.prevent_default();
        finish();
    }
}

/// The character a key press types, if it types one: a single printable character that is
/// not one of `kept` (keys that keep their canvas meaning even with text to type into).
pub fn typed(key: &str, kept: impl IntoIterator<Item = char>) -> Option<char> {
    let mut chars = key.chars();
    let c = chars.next()?;
    if chars.next().is_some() || c.is_control() || c.is_whitespace() {
        return None;
    }
    if kept.into_iter().any(|k| k == c) {
        return None;
    }
    Some(c)
}
