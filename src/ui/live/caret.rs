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

/// Where a caret at `at` (UTF-16 units) in `old` belongs in `new`.
pub fn shifted(old: &str, new: &str, at: u32) -> u32 {
    let (a, b): (Vec<u16>, Vec<u16>) = (old.encode_utf16().collect(), new.encode_utf16().collect());
    let at = (at as usize).min(a.len());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if at <= prefix {
        return at as u32;
    }
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    if at >= a.len() - suffix {
        // After the change: moves with the text after it.
        (at + b.len() - a.len()) as u32
    } else {
        // Inside the changed run: the end of what replaced it.
        (b.len() - suffix) as u32
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

#[cfg(test)]
mod tests {
    use super::shifted;

    #[test]
    fn a_caret_moves_with_text_changed_before_it_and_stays_for_text_after() {
        assert_eq!(shifted("hello world", "hello world!", 5), 5);
        assert_eq!(shifted("hello world", "oh hello world", 5), 8);
        assert_eq!(shifted("hello world", "world", 8), 2);
        assert_eq!(shifted("abc", "abc", 1), 1);
        assert_eq!(shifted("é😀x", "é😀yx", 3), 3);
        assert_eq!(shifted("aXXb", "aYb", 2), 2);
        assert_eq!(shifted("", "new", 0), 0);
    }
}
