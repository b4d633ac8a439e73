//! Keeping the caret where it was when a remote change rewrites the field someone is typing in.
//!
//! A remote edit replaces the workshop on screen; a field showing a changed text gets its new
//! value, and a browser puts the caret at the end of a field whose value is set. So before the
//! change the focused field's text and selection are noted, and after the page has drawn it
//! the selection is put back, shifted by what changed before it: text inserted or removed ahead
//! of the caret moves it along, text after it leaves it where it was.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};

use crate::interact::caret::shifted;

#[derive(Clone)]
enum Field {
    Input(HtmlInputElement),
    Area(HtmlTextAreaElement),
}

impl Field {
    fn focused() -> Option<Field> {
        let el = document().active_element()?;
        match el.dyn_into::<HtmlInputElement>() {
            Ok(i) => Some(Field::Input(i)),
            Err(el) => el.dyn_into::<HtmlTextAreaElement>().ok().map(Field::Area),
        }
    }
    fn value(&self) -> String {
        match self {
            Field::Input(i) => i.value(),
            Field::Area(a) => a.value(),
        }
    }
    fn selection(&self) -> Option<(u32, u32)> {
        match self {
            Field::Input(i) => Some((i.selection_start().ok()??, i.selection_end().ok()??)),
            Field::Area(a) => Some((a.selection_start().ok()??, a.selection_end().ok()??)),
        }
    }
    fn select(&self, start: u32, end: u32) {
        let _ = match self {
            Field::Input(i) => i.set_selection_range(start, end),
            Field::Area(a) => a.set_selection_range(start, end),
        };
    }
    fn is_focused(&self) -> bool {
        let el: &web_sys::Element = match self {
            Field::Input(i) => i,
            Field::Area(a) => a,
        };
        document().active_element().as_ref() == Some(el)
    }
}

/// Applies `change` (a remote edit), keeping the focused field's caret where the person left it.
pub fn keeping_caret(change: impl FnOnce()) {
    let before = Field::focused().and_then(|f| {
        let sel = f.selection()?;
        Some((f.value(), sel, f))
    });
    change();
    let Some((old, (start, end), field)) = before else {
        return;
    };
    // After the page has redrawn the field (effects run before a timeout).
    set_timeout(
        move || {
            if !field.is_focused() {
                return;
            }
            let new = field.value();
            field.select(shifted(&old, &new, start), shifted(&old, &new, end));
        },
        std::time::Duration::ZERO,
    );
}
