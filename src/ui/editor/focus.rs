//! Focus mode: the canvas fills the screen (classes on `<html>` hide the page's chrome, as
//! the boundary critique's focus mode does). Esc, when nothing on the page used it, or
//! leaving the editor ends it.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::lean::effect;

/// Follows `on` with the `focus-mode` class and the editor's own (`picture-focus`,
/// `map-focus`) on `<html>`; `entered` runs after the page scrolled to the top on entering.
pub fn focus_mode(on: RwSignal<bool>, class: &'static str, entered: impl Fn() + 'static) {
    effect(move || {
        let now = on.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("focus-mode", now);
            let _ = root.class_list().toggle_with_force(class, now);
        }
        if now {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            entered();
        }
    });
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && !e.default_prevented() && on.get_untracked() {
            on.set(false);
        }
    });
    on_cleanup(move || {
        keys.remove();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_2("focus-mode", class);
        }
    });
}
