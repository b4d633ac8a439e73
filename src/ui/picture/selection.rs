//! What can be done to the selection on the board, each one undo step: remove, duplicate,
//! join with arrows, restack, nudge, turn, scale, recolour. The picture's own geometry is in
//! `crate::model::picture`.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::board::Board;
use crate::interact::shortcuts::Stack;
use crate::model::picture::{End, Item, ItemId, Picture};

impl Board {
    pub fn remove_selection(&self) {
        let ids = self.selection();
        if ids.is_empty() {
            return;
        }
        self.edit(None, |p| p.remove(&ids));
        self.selected.set(BTreeSet::new());
        self.announce.set(format!("{} removed.", plural(ids.len())));
    }

    pub fn duplicate_selection(&self) {
        let ids = self.selection();
        if ids.is_empty() {
            return;
        }
        if let Some(made) = self.edit(None, |p| p.duplicate(&ids, 24.0)) {
            self.announce
                .set(format!("{} duplicated.", plural(made.len())));
            self.selected.set(made.into_iter().collect());
        }
    }

    /// Joins the selected stickers, texts and shapes with arrows, each to the next in the
    /// order they were made: the keyboard's way to draw arrows.
    pub fn connect_selection(&self) {
        let ids = self.selection();
        let (colour, width) = (self.colour.get_untracked(), self.width.get_untracked());
        let made = self.edit(None, |p| {
            let ends: Vec<ItemId> = ids
                .iter()
                .copied()
                .filter(|id| p.anchor(*id).is_some())
                .collect();
            ends.windows(2)
                .map(|w| {
                    p.add(Item::Arrow(crate::model::picture::Arrow {
                        id: 0,
                        from: End::Item { item: w[0] },
                        to: End::Item { item: w[1] },
                        colour,
                        width: width.max(2.0),
                    }))
                })
                .count()
        });
        if let Some(n) = made.filter(|n| *n > 0) {
            self.announce
                .set(format!("{n} arrow{} added.", if n == 1 { "" } else { "s" }));
        }
    }

    /// Moves the selection in the drawing order.
    pub fn restack(&self, to: Stack) {
        let ids = self.selection();
        if ids.is_empty() {
            return;
        }
        self.edit(None, |p| p.restack(&ids, to));
    }

    /// Moves the selection by (dx, dy) picture units; presses of one key fold into one step.
    pub fn nudge(&self, dx: f64, dy: f64) {
        let ids = self.selection();
        if !ids.is_empty() {
            let key = format!("picture:{}:nudge", self.id.get_value());
            self.edit(Some(&key), |p| p.move_items(&ids, dx, dy));
        }
    }

    /// Turns each selected item about its own centre.
    pub fn turn_selection(&self, degrees: f64) {
        self.each_selected(|p, item| {
            let c = p.frame(item).map(|f| f.c)?;
            Some(item.rotated(c, degrees))
        });
    }

    /// Scales each selected item about its own centre.
    pub fn scale_selection(&self, factor: f64) {
        self.each_selected(|p, item| {
            let c = p.frame(item).map(|f| f.c)?;
            Some(item.scaled(c, factor, factor))
        });
    }

    /// Gives the selection the chosen colour (what has a colour: strokes, text, arrows,
    /// shapes).
    pub fn colour_selection(&self, colour: u8) {
        self.each_selected(|_, item| {
            let mut item = item.clone();
            match &mut item {
                Item::Stroke(s) => s.colour = colour,
                Item::Text(t) => t.colour = colour,
                Item::Arrow(a) => a.colour = colour,
                Item::Shape(s) => s.colour = colour,
                Item::Sticker(_) => return None,
            }
            Some(item)
        });
    }

    fn each_selected(&self, f: impl Fn(&Picture, &Item) -> Option<Item>) {
        let ids = self.selection();
        if ids.is_empty() {
            return;
        }
        self.edit(None, |p| {
            let new: Vec<Item> = ids
                .iter()
                .filter_map(|id| p.item(*id).and_then(|i| f(p, i)))
                .collect();
            for item in new {
                p.replace(item);
            }
        });
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 item".into()
    } else {
        format!("{n} items")
    }
}
