//! Text typed in place on the board: a sticker's caption or a text item. Nothing typed is
//! lost: Enter, Esc and leaving the field all keep what was typed, as one undo step (Ctrl+Z
//! takes it back); a text left empty is removed. With the board focused and one sticker or
//! text selected, Enter or F2 opens its editor with the caption selected, and a typed
//! character opens it with that character added at the end. The keys that act on the
//! selection or the view (Space, `[ ] { }`, `+ = - 0`, `?`) keep their meaning; tool letters
//! switch tools only when nothing captionable is selected.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::board::{Board, TEXT_SIZE};
use crate::export::picture as ex;
use crate::geometry::Point;
use crate::interact::picture::Mode;
use crate::interact::shortcuts::{self, Action, Area, Press};
use crate::model::picture::{Item, ItemId, Picture, Text, text_size};
use crate::ui::lean::effect;

/// The gesture key of one item's caption: typing into it, on the board or in the side panel,
/// folds into one undo step.
pub fn key(picture: &str, item: ItemId) -> String {
    format!("picture:{picture}:caption:{item}")
}

/// The character a key press types into a caption, if it types one: a single printable
/// character that is not one of the board's own keys (Space pans, the brackets restack,
/// `+ = - 0` zoom and fit: the shortcut table's symbols) nor `?` (the shortcuts sheet).
pub fn typed(key: &str) -> Option<char> {
    crate::ui::editor::text::typed(key, shortcuts::symbol_keys(Area::Picture).chain(['?']))
}

impl Board {
    /// The one selected item, when it has a caption to type into (a sticker or a text).
    pub fn captionable(&self) -> Option<ItemId> {
        let sel = self.selection();
        let [id] = sel[..] else { return None };
        self.with(|p| matches!(p.item(id), Some(Item::Sticker(_) | Item::Text(_))))
            .unwrap_or(false)
            .then_some(id)
    }

    /// Opens the caption editor of `id` with the caption selected; with `seed`, that character
    /// is typed at the end instead (the first keystroke of the typing's undo step).
    pub fn edit_caption(&self, id: ItemId, seed: Option<char>) {
        if let Some(c) = seed {
            self.edit(Some(&key(&self.id.get_value(), id)), |p| {
                match p.item_mut(id) {
                    Some(Item::Sticker(s)) => s.caption.push(c),
                    Some(Item::Text(t)) => t.text.push(c),
                    _ => {}
                }
            });
        }
        self.typed_first.set_value(seed.is_some());
        self.selected.set(BTreeSet::from([id]));
        self.editing.set(Some(id));
    }

    /// Writes text at `at`, starting to type at once. Placing it and what is typed into it are
    /// one undo step.
    pub fn add_text(&self, at: Point) {
        let colour = self.colour.get_untracked();
        // The id the new text will get (ids are never reused), so it joins its typing's step.
        let Some(next) = self.with(|p| p.next_id.max(1)) else {
            return;
        };
        let made = self.edit(Some(&key(&self.id.get_value(), next)), |p| {
            p.add(Item::Text(Text {
                id: 0,
                x: at.x.round(),
                y: at.y.round(),
                text: String::new(),
                colour,
                size: TEXT_SIZE,
                rotation: 0.0,
            }))
        });
        if let Some(id) = made {
            self.mode.set(Mode::Select);
            self.edit_caption(id, None);
        }
    }
}

/// A key pressed on the board (not in a field): Enter or F2 edits the selected caption (or, in
/// the Text tool, writes new text in the middle); a typed character edits the selected caption
/// starting with it. True when the key was used.
pub fn on_board_key(board: Board, e: &ev::KeyboardEvent) -> bool {
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
        return false;
    }
    let key = e.key();
    let press = Press {
        key: &key,
        ctrl: false,
        alt: false,
        shift: e.shift_key(),
    };
    let edit = shortcuts::action(Area::Picture, &press) == Some(Action::EditText);
    let one = board.captionable();
    match (edit, one) {
        (true, Some(id)) => board.edit_caption(id, None),
        (true, None) if board.mode.get_untracked() == Mode::Text => {
            board.add_text(board.centre());
        }
        (_, Some(id)) => match typed(&key) {
            Some(c) => board.edit_caption(id, Some(c)),
            None => return false,
        },
        _ => return false,
    }
    true
}

/// The caption of a sticker, or a text, typed in place. Enter keeps it (Shift+Enter adds a
/// line), and so do Esc and leaving the field: one undo step; a text left empty is removed.
#[component]
pub fn CaptionEditor(board: Board, id: ItemId) -> impl IntoView {
    let field = NodeRef::<html::Textarea>::new();
    let Some(item) = board.with(|p| p.item(id).cloned()).flatten() else {
        return ().into_any();
    };
    let (before, x, y, w, h, font, label) = match &item {
        Item::Sticker(s) => {
            let font = ex::caption_font(s);
            let w = (font * 16.0).max(240.0);
            (
                s.caption.clone(),
                s.x - w / 2.0,
                s.y + s.size / 2.0 + 4.0,
                w,
                font * 4.6,
                font,
                "Caption",
            )
        }
        Item::Text(t) => {
            let (tw, th) = text_size(t);
            let (w, h) = (tw.max(280.0) + 24.0, th.max(t.size * 2.6) + 16.0);
            (
                t.text.clone(),
                t.x - w / 2.0,
                t.y - h / 2.0,
                w,
                h,
                t.size,
                "Text",
            )
        }
        _ => return ().into_any(),
    };
    let key = key(&board.id.get_value(), id);
    let set = move |p: &mut Picture, v: String| {
        if let Some(i) = p.item_mut(id) {
            match i {
                Item::Sticker(s) => s.caption = v,
                Item::Text(t) => t.text = v,
                _ => {}
            }
        }
    };
    // Opened by a typed character: the caret goes after it rather than selecting everything.
    let typed_first = board.typed_first.get_value();
    board.typed_first.set_value(false);
    let shown = before.clone();
    // Focused once it is on the page, with the caption selected (Enter, F2, a double click) or
    // the caret after the character that opened it.
    // Focused at once, so no keystroke after the first goes astray; the value is set here too,
    // as the selection needs it in place.
    let value = shown.clone();
    effect(move || {
        if let Some(el) = field.get() {
            el.set_value(&value);
            let _ = el.focus();
            let end = value.encode_utf16().count() as u32;
            let start = if typed_first { end } else { 0 };
            let _ = el.set_selection_range(start, end);
        }
    });
    let finish = {
        let key = key.clone();
        move || {
            if board.editing.get_untracked() != Some(id) {
                return;
            }
            board.editing.set(None);
            let now = board.with(|p| match p.item(id) {
                Some(Item::Text(t)) => Some(t.text.clone()),
                Some(Item::Sticker(s)) => Some(s.caption.clone()),
                _ => None,
            });
            let empty_text = board
                .with(|p| matches!(p.item(id), Some(Item::Text(t)) if t.text.trim().is_empty()))
                .unwrap_or(false);
            if empty_text {
                board.edit(Some(&key), |p| p.remove(&[id]));
            } else if typed_first || now.flatten().is_some_and(|n| n != before) {
                board
                    .announce
                    .set(format!("{label} kept. Ctrl+Z takes it back."));
            }
            board.session.seal();
            board.focus_board();
        }
    };
    let finish2 = finish.clone();
    view! {
        <foreignObject x=x y=y width=w height=h font-size=font>
            <textarea node_ref=field class="label-editor caption-editor" aria-label=label
                prop:value=shown
                on:input=move |e| {
                    let v = event_target_value(&e);
                    board.edit(Some(&key), |p| set(p, v));
                }
                // Enter and Esc both keep what was typed: nothing typed is lost.
                on:keydown=move |e: ev::KeyboardEvent| crate::ui::editor::text::typing_key(&e, &finish)
                on:pointerdown=move |e: ev::PointerEvent| e.stop_propagation()
                on:blur=move |_| finish2()></textarea>
        </foreignObject>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::typed;

    #[test]
    fn letters_digits_and_punctuation_type() {
        for (k, c) in [
            ("a", 'a'),
            ("T", 'T'),
            ("7", '7'),
            ("é", 'é'),
            ("!", '!'),
            ("ß", 'ß'),
        ] {
            assert_eq!(typed(k), Some(c), "{k}");
        }
    }

    #[test]
    fn named_keys_and_the_boards_own_keys_do_not() {
        for k in [
            "Enter",
            "Escape",
            "F2",
            "Tab",
            "ArrowLeft",
            "Dead",
            "Process",
            "Shift",
            " ",
            "[",
            "]",
            "{",
            "}",
            "+",
            "=",
            "-",
            "0",
            "?",
            "",
            "\u{7f}",
        ] {
            assert_eq!(typed(k), None, "{k:?}");
        }
    }
}
