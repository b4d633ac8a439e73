//! The open picture's board: the state its parts share ([`Board`]): the picture it shows, the
//! pen, the selection, the view (the shared editor frame's), what a gesture is drawing, and a
//! live signal per item so an edit re-renders only what it changed. What the selection can
//! have done to it is in `selection`; the pointer and key handlers in `canvas`.

use std::collections::{BTreeSet, HashMap, HashSet};

use leptos::html;
use leptos::prelude::*;

use super::shown::{Shown, shown_of};
use crate::geometry::Point;
use crate::interact::picture::{Gestures, Mode, PenChoice, Preview};
use crate::model::map::Viewport;
use crate::model::picture::{Item, ItemId, Picture, Sticker, WIDTHS};
use crate::ui::editor::view::ViewFrame;
use crate::ui::lean::effect;
use crate::ui::workshop::Session;

/// Colour names, in [`crate::model::picture::PALETTE`]'s order.
pub const COLOUR_NAMES: [&str; 8] = [
    "Black", "Red", "Blue", "Green", "Orange", "Purple", "Ochre", "Grey",
];
/// A sticker's size when it is placed.
pub const STICKER_SIZE: f64 = 72.0;
/// Text's size when it is placed.
pub const TEXT_SIZE: f64 = 24.0;

/// The open picture's board: shared by the canvas, the items, the toolbar and the side panel.
#[derive(Clone, Copy)]
pub struct Board {
    pub session: Session,
    pub id: StoredValue<String>,
    pub mode: RwSignal<Mode>,
    pub colour: RwSignal<u8>,
    pub width: RwSignal<f64>,
    pub selected: RwSignal<BTreeSet<ItemId>>,
    pub editing: RwSignal<Option<ItemId>>,
    /// The view, the canvas's size and focus mode.
    pub frame: ViewFrame,
    pub item_ids: Memo<Vec<ItemId>>,
    /// What a gesture draws above the items (a marquee, an arrow, a shape, a sticker).
    pub pending: RwSignal<Option<Preview>>,
    /// The stroke being drawn.
    pub live: RwSignal<Vec<Point>>,
    pub announce: RwSignal<String>,
    /// The caption editor opens after a character typed on the board (caret at the end).
    pub typed_first: StoredValue<bool>,
    /// The gesture machine (`crate::interact::picture`).
    pub gestures: StoredValue<Gestures>,
    shown: StoredValue<HashMap<ItemId, ArcRwSignal<Shown>>>,
    pub wrap: NodeRef<html::Div>,
}

impl Board {
    pub fn new(session: Session, id: String) -> Board {
        let key = id.clone();
        let item_ids = Memo::new(move |_| {
            session.workshop.with(|w| {
                w.pictures
                    .iter()
                    .find(|p| p.id == key)
                    .map(|p| p.items.iter().map(Item::id).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        });
        let view = session
            .workshop
            .with_untracked(|w| w.pictures.iter().find(|p| p.id == id).map(|p| p.view))
            .unwrap_or_default();
        let kept = id.clone();
        let frame = ViewFrame::new(view, move |view| {
            session.edit_quietly(|w| {
                if let Some(p) = w.pictures.iter_mut().find(|p| p.id == kept) {
                    p.view = view;
                }
            });
        });
        let board = Board {
            session,
            id: StoredValue::new(id),
            mode: RwSignal::new(Mode::Pen),
            colour: RwSignal::new(0),
            width: RwSignal::new(WIDTHS[1]),
            selected: RwSignal::new(BTreeSet::new()),
            editing: RwSignal::new(None),
            frame,
            item_ids,
            pending: RwSignal::new(None),
            live: RwSignal::new(Vec::new()),
            announce: RwSignal::new(String::new()),
            typed_first: StoredValue::new(false),
            gestures: StoredValue::new(Gestures::default()),
            shown: StoredValue::new(HashMap::new()),
            wrap: NodeRef::new(),
        };
        // One walk over the picture after each change sets only the item signals that differ,
        // so an edit re-renders what it changed and nothing else.
        effect(move || {
            let changed: Vec<(ArcRwSignal<Shown>, Shown)> = board.session.workshop.with(|w| {
                let Some(p) = w.pictures.iter().find(|p| p.id == board.id.get_value()) else {
                    return Vec::new();
                };
                let mut out = Vec::new();
                board.shown.update_value(|m| {
                    let ids: HashSet<ItemId> = p.items.iter().map(Item::id).collect();
                    m.retain(|id, _| ids.contains(id));
                    for item in &p.items {
                        if let Some(sig) = m.get(&item.id()) {
                            let now = shown_of(p, item);
                            if sig.with_untracked(|s| *s != now) {
                                out.push((sig.clone(), now));
                            }
                        }
                    }
                });
                out
            });
            for (sig, s) in changed {
                sig.set(s);
            }
            // Items that went (undo, delete) leave the selection.
            let ids = board.item_ids.get_untracked();
            if board
                .selected
                .with_untracked(|s| s.iter().any(|i| !ids.contains(i)))
            {
                board.selected.update(|s| s.retain(|i| ids.contains(i)));
            }
        });
        board
    }

    /// The picture as it is now, read without tracking.
    pub fn with<T>(&self, f: impl FnOnce(&Picture) -> T) -> Option<T> {
        let id = self.id.get_value();
        self.session
            .workshop
            .with_untracked(|w| w.pictures.iter().find(|p| p.id == id).map(|p| f(p)))
    }

    /// The picture, tracked (for things that must follow every change, like the side panel).
    pub fn track<T>(&self, f: impl FnOnce(&Picture) -> T) -> Option<T> {
        let id = self.id.get_value();
        self.session
            .workshop
            .with(|w| w.pictures.iter().find(|p| p.id == id).map(|p| f(p)))
    }

    /// One undo step (or part of one, with a `gesture` key) on this picture.
    pub fn edit<T>(&self, gesture: Option<&str>, f: impl FnOnce(&mut Picture) -> T) -> Option<T> {
        let id = self.id.get_value();
        let mut out = None;
        self.session.edit(gesture, |w| {
            if let Some(p) = w.pictures.iter_mut().find(|p| p.id == id) {
                out = Some(f(p));
            }
        });
        out
    }

    /// The pen as the toolbar has it.
    pub fn pen(&self) -> PenChoice {
        PenChoice {
            mode: self.mode.get_untracked(),
            colour: self.colour.get_untracked(),
            width: self.width.get_untracked(),
        }
    }

    /// The view's zoom now.
    pub fn zoom(&self) -> f64 {
        self.frame.view.get_untracked().zoom
    }

    /// The live signal of one item (made on first use).
    pub fn shown(&self, id: ItemId) -> Option<ArcRwSignal<Shown>> {
        if let Some(s) = self.shown.with_value(|m| m.get(&id).cloned()) {
            return Some(s);
        }
        let now = self
            .with(|p| p.item(id).map(|i| shown_of(p, i)))
            .flatten()?;
        let sig = ArcRwSignal::new(now);
        self.shown.update_value(|m| _ = m.insert(id, sig.clone()));
        Some(sig)
    }

    /// Shows items as they are in `work` (a gesture's working copy, or the model).
    pub fn preview(&self, work: &Picture, affected: &[ItemId]) {
        for id in affected {
            if let (Some(sig), Some(item)) = (self.shown(*id), work.item(*id)) {
                sig.set(shown_of(work, item));
            }
        }
    }

    /// Shows the model again for items a cancelled gesture touched.
    pub fn restore(&self, affected: &[ItemId]) {
        if let Some(p) = self.with(Clone::clone) {
            self.preview(&p, affected);
        }
    }

    pub fn zoom_by(&self, factor: f64) {
        self.frame.zoom_by(factor);
    }

    /// Shows the whole picture (or, when empty, the start of the board at 100%).
    pub fn fit(&self) {
        match self.with(Picture::extent).flatten() {
            Some(b) => self.frame.fit(b),
            None => self.frame.show(Viewport {
                x: 0.0,
                y: 0.0,
                zoom: 1.0,
            }),
        }
    }

    /// The picture point in the middle of the canvas.
    pub fn centre(&self) -> Point {
        self.frame.centre()
    }

    /// A spot near the middle that no sticker, text or shape is on yet (room for a caption
    /// below a sticker too).
    fn free_spot(&self) -> Point {
        let c = self.centre();
        self.with(|pic| pic.free_spot(c, STICKER_SIZE * 2.4, STICKER_SIZE * 1.9))
            .unwrap_or(c)
    }

    /// Places a sticker near the middle, selected, with its caption ready to type.
    pub fn add_sticker(
        &self,
        icon: crate::model::picture::Icon,
        caption: &str,
        who: Option<String>,
    ) {
        self.sticker_at(self.free_spot(), icon, caption, who);
    }

    /// Places a sticker centred at `at` (one undo step), as [`Board::add_sticker`] does.
    pub fn sticker_at(
        &self,
        at: Point,
        icon: crate::model::picture::Icon,
        caption: &str,
        stakeholder: Option<String>,
    ) {
        let made = self.edit(None, |p| {
            p.add(Item::Sticker(Sticker {
                id: 0,
                icon,
                x: at.x.round(),
                y: at.y.round(),
                size: STICKER_SIZE,
                rotation: 0.0,
                caption: caption.to_string(),
                stakeholder,
            }))
        });
        if let Some(id) = made {
            self.mode.set(Mode::Select);
            self.selected.set(BTreeSet::from([id]));
            self.announce.set(format!("{} sticker added.", icon.name()));
            if caption.is_empty() {
                self.editing.set(Some(id));
            } else {
                self.focus_board();
            }
        }
    }

    pub fn selection(&self) -> Vec<ItemId> {
        self.selected.get_untracked().into_iter().collect()
    }

    pub fn focus_board(&self) {
        if let Some(el) = self.wrap.get_untracked() {
            let _ = el.focus();
        }
    }
}
