//! The drawing board of one picture: its shared state ([`Pb`]), the toolbar, and the canvas
//! with one set of pointer, wheel and key handlers. Every gesture is one undo step: a stroke,
//! an eraser sweep, a move, a resize, a turn, a new arrow or shape. While a gesture runs only
//! the items it touches change on screen (their live signals); the model changes once, at the
//! end. Geometry (hit-testing, moving, scaling, turning, frames) is in `crate::model::picture`.

use std::collections::{BTreeSet, HashMap, HashSet};

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::items::{Chrome, ItemView, Shown, shown_of};
use crate::analysis::ink;
use crate::geometry::{Point, Rect};
use crate::model::map::Viewport;
use crate::model::picture::{
    End, Frame, Icon, Item, ItemId, Outline, PALETTE, Picture, Shape, Sticker, Tool, WIDTHS,
};
use crate::ui::browser::now;
use crate::ui::workshop::Session;

/// Colour names, in [`PALETTE`]'s order.
pub const COLOUR_NAMES: [&str; 8] = [
    "Black", "Red", "Blue", "Green", "Orange", "Purple", "Ochre", "Grey",
];
/// A sticker's size when it is placed.
pub const STICKER_SIZE: f64 = 72.0;
/// Text's size when it is placed.
pub const TEXT_SIZE: f64 = 24.0;

/// What the pointer does on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Select,
    Pen,
    Highlighter,
    Eraser,
    Text,
    Arrow,
    Rectangle,
    Ellipse,
    Hand,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Select,
        Mode::Pen,
        Mode::Highlighter,
        Mode::Eraser,
        Mode::Text,
        Mode::Arrow,
        Mode::Rectangle,
        Mode::Ellipse,
        Mode::Hand,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Select => "Select",
            Mode::Pen => "Pen",
            Mode::Highlighter => "Highlighter",
            Mode::Eraser => "Eraser",
            Mode::Text => "Text",
            Mode::Arrow => "Arrow",
            Mode::Rectangle => "Box",
            Mode::Ellipse => "Oval",
            Mode::Hand => "Pan",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Mode::Select => "V",
            Mode::Pen => "P",
            Mode::Highlighter => "M",
            Mode::Eraser => "E",
            Mode::Text => "T",
            Mode::Arrow => "A",
            Mode::Rectangle => "R",
            Mode::Ellipse => "O",
            Mode::Hand => "H",
        }
    }

    fn from_key(k: &str) -> Option<Mode> {
        Mode::ALL
            .into_iter()
            .find(|m| m.key().eq_ignore_ascii_case(k))
    }
}

/// A gesture in progress, with the pointer that drives it.
#[derive(Clone)]
enum Gesture {
    Draw,
    Erase,
    /// Items being moved: where the pointer started, the items as they were, and a working
    /// copy of the picture the preview is computed from.
    Move {
        start: Point,
        orig: Vec<Item>,
        work: Picture,
        affected: Vec<ItemId>,
        moved: bool,
    },
    Resize {
        frame: Frame,
        start: Point,
        orig: Item,
        work: Picture,
        affected: Vec<ItemId>,
    },
    Rotate {
        centre: Point,
        start: f64,
        orig: Item,
        work: Picture,
        affected: Vec<ItemId>,
    },
    Band {
        start: Point,
        add: BTreeSet<ItemId>,
    },
    Arrow {
        from: End,
        start: Point,
    },
    Shape {
        outline: Outline,
        start: Point,
    },
    Pan {
        last: (f64, f64),
    },
    Pinch {
        dist: f64,
        mid: (f64, f64),
        view: Viewport,
    },
}

/// What is drawn while a gesture runs, above the items.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Band(Rect),
    Arrow(Point, Point),
    Shape(Outline, Rect),
    /// A sticker dragged in from the column, where it would land.
    Sticker(Icon, Point),
}

/// The open picture's board: shared by the canvas, the items, the toolbar and the side panel.
#[derive(Clone, Copy)]
pub struct Pb {
    pub session: Session,
    pub id: StoredValue<String>,
    pub mode: RwSignal<Mode>,
    pub colour: RwSignal<u8>,
    pub width: RwSignal<f64>,
    pub selected: RwSignal<BTreeSet<ItemId>>,
    pub editing: RwSignal<Option<ItemId>>,
    pub view: RwSignal<Viewport>,
    pub focus: RwSignal<bool>,
    /// The canvas's size in pixels.
    pub px: RwSignal<(f64, f64)>,
    pub item_ids: Memo<Vec<ItemId>>,
    pub pending: RwSignal<Option<Pending>>,
    pub live: RwSignal<Vec<Point>>,
    pub announce: RwSignal<String>,
    /// The caption editor opens after a character typed on the board (caret at the end).
    pub typed_first: StoredValue<bool>,
    shown: StoredValue<HashMap<ItemId, ArcRwSignal<Shown>>>,
    view_timer: StoredValue<Option<TimeoutHandle>>,
    pub wrap: NodeRef<html::Div>,
}

impl Pb {
    pub fn new(session: Session, id: String) -> Pb {
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
        let pb = Pb {
            session,
            id: StoredValue::new(id),
            mode: RwSignal::new(Mode::Pen),
            colour: RwSignal::new(0),
            width: RwSignal::new(WIDTHS[1]),
            selected: RwSignal::new(BTreeSet::new()),
            editing: RwSignal::new(None),
            view: RwSignal::new(view),
            focus: RwSignal::new(false),
            px: RwSignal::new((1000.0, 600.0)),
            item_ids,
            pending: RwSignal::new(None),
            live: RwSignal::new(Vec::new()),
            announce: RwSignal::new(String::new()),
            typed_first: StoredValue::new(false),
            shown: StoredValue::new(HashMap::new()),
            view_timer: StoredValue::new(None),
            wrap: NodeRef::new(),
        };
        // One walk over the picture after each change sets only the item signals that differ,
        // so an edit re-renders what it changed and nothing else.
        Effect::new(move |_| {
            let changed: Vec<(ArcRwSignal<Shown>, Shown)> = pb.session.workshop.with(|w| {
                let Some(p) = w.pictures.iter().find(|p| p.id == pb.id.get_value()) else {
                    return Vec::new();
                };
                let mut out = Vec::new();
                pb.shown.update_value(|m| {
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
            let ids = pb.item_ids.get_untracked();
            if pb
                .selected
                .with_untracked(|s| s.iter().any(|i| !ids.contains(i)))
            {
                pb.selected.update(|s| s.retain(|i| ids.contains(i)));
            }
        });
        pb
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

    /// Shows a gesture's working copy for the items it touches.
    fn preview(&self, work: &Picture, affected: &[ItemId]) {
        for id in affected {
            if let (Some(sig), Some(item)) = (self.shown(*id), work.item(*id)) {
                sig.set(shown_of(work, item));
            }
        }
    }

    /// Shows the model again for items a cancelled gesture touched.
    fn restore(&self, affected: &[ItemId]) {
        if let Some(p) = self.with(Clone::clone) {
            self.preview(&p, affected);
        }
    }

    /// Remembers the view in the picture after a short pause (saved, not an undo step).
    /// The view and the picture are read now, not when the pause ends: by then the board may
    /// be gone (another section opened), and its signals with it.
    pub fn keep_view(&self) {
        let (Some(view), Some(id)) = (self.view.try_get_untracked(), self.id.try_get_value())
        else {
            return;
        };
        let session = self.session;
        crate::ui::browser::debounce(self.view_timer, 400, move || {
            session.edit_quietly(|w| {
                if let Some(p) = w.pictures.iter_mut().find(|p| p.id == id) {
                    p.view = view;
                }
            });
        });
    }

    pub fn zoom_by(&self, factor: f64) {
        let (w, h) = self.px.get_untracked();
        self.view
            .update(|v| *v = v.zoom_at(factor, w / 2.0, h / 2.0));
        self.keep_view();
    }

    /// Shows the whole picture (or, when empty, the start of the board at 100%).
    pub fn fit(&self) {
        let (w, h) = self.px.get_untracked();
        let view = match self.with(Picture::extent).flatten() {
            Some(b) => Viewport::fit(b, w, h),
            None => Viewport {
                x: 0.0,
                y: 0.0,
                zoom: 1.0,
            },
        };
        self.view.set(view);
        self.keep_view();
    }

    /// The picture point in the middle of the canvas.
    pub fn centre(&self) -> Point {
        let (w, h) = self.px.get_untracked();
        self.view.get_untracked().to_map(w / 2.0, h / 2.0)
    }

    /// A spot near the middle that no sticker, text or shape is on yet (room for a caption
    /// below a sticker too).
    fn free_spot(&self) -> Point {
        let c = self.centre();
        self.with(|pic| pic.free_spot(c, STICKER_SIZE * 2.4, STICKER_SIZE * 1.9))
            .unwrap_or(c)
    }

    /// Places a sticker near the middle, selected, with its caption ready to type.
    pub fn add_sticker(&self, icon: Icon, caption: &str, stakeholder: Option<String>) {
        self.sticker_at(self.free_spot(), icon, caption, stakeholder);
    }

    /// Places a sticker centred at `at` (one undo step), as [`Pb::add_sticker`] does.
    pub fn sticker_at(&self, at: Point, icon: Icon, caption: &str, stakeholder: Option<String>) {
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

    pub fn restack(&self, up: bool, to_end: bool) {
        let ids = self.selection();
        if ids.is_empty() {
            return;
        }
        self.edit(None, |p| {
            if to_end {
                p.restack_to_end(&ids, up);
            } else {
                p.restack(&ids, up);
            }
        });
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

    pub fn focus_board(&self) {
        if let Some(el) = self.wrap.get_untracked() {
            let _ = el.focus();
        }
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 item".into()
    } else {
        format!("{n} items")
    }
}

/// Where the handles of a single selected item are, in picture units: (resize, rotate).
pub fn handles(f: &Frame, zoom: f64) -> (Point, Point) {
    let pad = 6.0 / zoom;
    let corner = ink::rotate(
        Point::new(f.c.x + f.w / 2.0 + pad, f.c.y + f.h / 2.0 + pad),
        f.c,
        f.rotation,
    );
    let top = ink::rotate(
        Point::new(f.c.x, f.c.y - f.h / 2.0 - pad - 28.0 / zoom),
        f.c,
        f.rotation,
    );
    (corner, top)
}

fn dist(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

fn angle(c: Point, p: Point) -> f64 {
    (p.y - c.y).atan2(p.x - c.x).to_degrees()
}

/// The toolbar: tools, colour, width, zoom and focus mode.
#[component]
pub fn Toolbar(pb: Pb) -> impl IntoView {
    let pick_colour = move |i: u8| {
        pb.colour.set(i);
        // What is selected takes the colour too.
        pb.colour_selection(i);
    };
    view! {
        <div class="map-toolbar picture-toolbar" role="toolbar" aria-label="Drawing" aria-orientation="vertical">
            <div class="view-switch tools" role="group" aria-label="Tool">
                {Mode::ALL.into_iter().map(|m| view! {
                    <button type="button" aria-pressed=move || (pb.mode.get() == m).to_string()
                        aria-keyshortcuts=m.key() title=format!("{} ({})", m.label(), m.key())
                        on:click=move |_| { pb.mode.set(m); pb.editing.set(None); }>{m.label()}</button>
                }).collect_view()}
            </div>
            <div class="swatches" role="group" aria-label="Colour">
                {PALETTE.iter().enumerate().map(|(i, hex)| {
                    let i = i as u8;
                    view! {
                        <button type="button" class="swatch-button" aria-label=COLOUR_NAMES[i as usize]
                            title=COLOUR_NAMES[i as usize]
                            aria-pressed=move || (pb.colour.get() == i).to_string()
                            on:click=move |_| pick_colour(i)>
                            <svg width="20" height="20" aria-hidden="true"><circle cx="10" cy="10" r="8" fill=*hex></circle></svg>
                        </button>
                    }
                }).collect_view()}
            </div>
            <label><span class="visually-hidden">"Width"</span>
                <select title="Stroke width" on:change=move |e| pb.width.set(event_target_value(&e).parse().unwrap_or(WIDTHS[1]))>
                    {WIDTHS.iter().map(|w| view! {
                        <option value=w.to_string() selected=*w == WIDTHS[1]>{format!("{w} px")}</option>
                    }).collect_view()}
                </select>
            </label>
            <span class="spacer"></span>
            <div class="zoom-row">
            <button type="button" on:click=move |_| pb.zoom_by(0.8) aria-label="Zoom out" title="Zoom out (\u{2212})">"\u{2212}"</button>
            <output class="zoom" aria-label="Zoom">{move || format!("{:.0}%", pb.view.get().zoom * 100.0)}</output>
            <button type="button" on:click=move |_| pb.zoom_by(1.25) aria-label="Zoom in" title="Zoom in (+)">"+"</button>
            </div>
            <button type="button" on:click=move |_| pb.fit() title="Show the whole picture (0)">"Fit"</button>
            <button type="button" class="focus-toggle" aria-pressed=move || pb.focus.get().to_string()
                on:click=move |_| pb.focus.update(|f| *f = !*f)
                title="The board fills the screen, for the projector (Esc leaves)">
    "Focus mode"</button>
        </div>
    }
}

/// The canvas: items from live signals, the selection, what a gesture is drawing, and the
/// event handlers.
#[component]
pub fn Canvas(pb: Pb) -> impl IntoView {
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let gesture = StoredValue::new(None::<(i32, Gesture)>);
    let pressure = StoredValue::new(Vec::<f64>::new());
    let last_pen = StoredValue::new(f64::NEG_INFINITY);
    let erase_count = StoredValue::new(0u32);
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let space = RwSignal::new(false);
    let session = pb.session;

    let measure = move || {
        if let Some(el) = svg.get_untracked() {
            let el: &web_sys::Element = el.unchecked_ref();
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 {
                pb.px.set((r.width(), r.height()));
            }
        }
    };
    Effect::new(move |_| {
        if svg.get().is_some() {
            measure();
        }
    });
    Effect::new(move |_| {
        // Focus mode changes the board's size.
        pb.focus.get();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    let space_up = window_event_listener(ev::keyup, move |e| {
        if e.key() == " " {
            space.set(false);
        }
    });
    on_cleanup(move || {
        resize.remove();
        space_up.remove();
    });

    let screen = move |cx: f64, cy: f64| -> (f64, f64) {
        let Some(el) = svg.get_untracked() else {
            return (cx, cy);
        };
        let el: &web_sys::Element = el.unchecked_ref();
        let r = el.get_bounding_client_rect();
        (cx - r.left(), cy - r.top())
    };
    let to_pic = move |cx: f64, cy: f64| -> Point {
        let (sx, sy) = screen(cx, cy);
        pb.view.get_untracked().to_map(sx, sy)
    };
    let client = |e: &web_sys::PointerEvent| (f64::from(e.client_x()), f64::from(e.client_y()));
    let zoom = move || pb.view.get_untracked().zoom;

    let erase_at = move |p: Point| {
        let slack = 6.0 / zoom();
        let hit = pb
            .with(|pic| {
                pic.items
                    .iter()
                    .rev()
                    .find(|i| matches!(i, Item::Stroke(_)) && pic.hits(i, p, slack))
                    .map(Item::id)
            })
            .flatten();
        if let Some(hit) = hit {
            let key = format!(
                "picture:{}:erase:{}",
                pb.id.get_value(),
                erase_count.get_value()
            );
            pb.edit(Some(&key), |pic| pic.remove(&[hit]));
        }
    };

    // What a press in the Select tool starts: a handle, an item (moving the selection), or a
    // rubber band.
    let select_start = move |p: Point, shift: bool| -> Option<Gesture> {
        let z = zoom();
        let sel = pb.selection();
        if let [one] = sel[..] {
            let found = pb
                .with(|pic| {
                    let item = pic.item(one)?;
                    if matches!(item, Item::Arrow(_)) {
                        return None;
                    }
                    Some((pic.clone(), item.clone(), pic.frame(item)?))
                })
                .flatten();
            if let Some((work, orig, frame)) = found {
                let (corner, top) = handles(&frame, z);
                let affected = {
                    let mut a = vec![one];
                    a.extend(work.attached_arrows(&[one]));
                    a
                };
                if dist(p, corner) <= 14.0 / z {
                    let start = ink::rotate(p, frame.c, -frame.rotation);
                    return Some(Gesture::Resize {
                        frame,
                        start,
                        orig,
                        work,
                        affected,
                    });
                }
                if dist(p, top) <= 14.0 / z {
                    return Some(Gesture::Rotate {
                        centre: frame.c,
                        start: angle(frame.c, p),
                        orig,
                        work,
                        affected,
                    });
                }
            }
        }
        let hit = pb.with(|pic| pic.hit(p, 6.0 / z)).flatten();
        match hit {
            Some(id) => {
                if shift {
                    pb.selected.update(|s| {
                        if !s.remove(&id) {
                            s.insert(id);
                        }
                    });
                    return None;
                }
                if !pb.selected.with_untracked(|s| s.contains(&id)) {
                    pb.selected.set(BTreeSet::from([id]));
                }
                let ids = pb.selection();
                pb.with(|pic| {
                    let orig: Vec<Item> =
                        ids.iter().filter_map(|i| pic.item(*i).cloned()).collect();
                    let mut affected = ids.clone();
                    affected.extend(pic.attached_arrows(&ids));
                    Gesture::Move {
                        start: p,
                        orig,
                        work: pic.clone(),
                        affected,
                        moved: false,
                    }
                })
            }
            None => {
                let add = if shift {
                    pb.selected.get_untracked()
                } else {
                    pb.selected.set(BTreeSet::new());
                    BTreeSet::new()
                };
                Some(Gesture::Band { start: p, add })
            }
        }
    };

    let pointerdown = move |e: ev::PointerEvent| {
        let (cx, cy) = client(&e);
        let kind = e.pointer_type();
        if kind == "pen" {
            last_pen.set_value(now());
        } else if kind == "touch" && now() - last_pen.get_value() < 1500.0 {
            // A palm on the screen while a pen is in use: ignored.
            return;
        }
        pointers.update_value(|ps| ps.push((e.pointer_id(), cx, cy)));
        pb.focus_board();
        // A second finger turns whatever the first began into a pinch.
        if kind == "touch" && pointers.with_value(Vec::len) == 2 {
            if let Some((_, g)) = gesture.try_update_value(Option::take).flatten() {
                cancel(pb, &g);
            }
            let (a, b) = pointers.with_value(|ps| (ps[0], ps[1]));
            gesture.set_value(Some((
                e.pointer_id(),
                Gesture::Pinch {
                    dist: (a.1 - b.1).hypot(a.2 - b.2).max(1.0),
                    mid: screen((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0),
                    view: pb.view.get_untracked(),
                },
            )));
            return;
        }
        if gesture.with_value(Option::is_some) {
            return;
        }
        if e.button() != 0 && e.button() != 1 {
            return;
        }
        e.prevent_default();
        // Captured by the board itself: the element under the pointer may go (the eraser).
        if let Some(w) = pb.wrap.get_untracked() {
            let _ = w.set_pointer_capture(e.pointer_id());
        }
        let p = to_pic(cx, cy);
        let mode = pb.mode.get_untracked();
        let g = if e.button() == 1 || space.get_untracked() || mode == Mode::Hand {
            Some(Gesture::Pan { last: (cx, cy) })
        } else {
            match mode {
                Mode::Pen | Mode::Highlighter => {
                    pressure.set_value(vec![f64::from(e.pressure())]);
                    pb.live.set(vec![p]);
                    Some(Gesture::Draw)
                }
                Mode::Eraser => {
                    erase_count.update_value(|c| *c += 1);
                    erase_at(p);
                    Some(Gesture::Erase)
                }
                Mode::Select => select_start(p, e.shift_key()),
                Mode::Text => {
                    let hit = pb
                        .with(|pic| {
                            pic.hit(p, 4.0)
                                .filter(|id| matches!(pic.item(*id), Some(Item::Text(_))))
                        })
                        .flatten();
                    match hit {
                        Some(id) => {
                            pb.selected.set(BTreeSet::from([id]));
                            pb.editing.set(Some(id));
                        }
                        None => pb.add_text(p),
                    }
                    None
                }
                Mode::Arrow => {
                    let from = pb
                        .with(|pic| {
                            pic.hit(p, 4.0 / zoom())
                                .filter(|id| pic.anchor(*id).is_some())
                        })
                        .flatten()
                        .map_or(End::Point { x: p.x, y: p.y }, |item| End::Item { item });
                    pb.pending.set(Some(Pending::Arrow(p, p)));
                    Some(Gesture::Arrow { from, start: p })
                }
                Mode::Rectangle | Mode::Ellipse => {
                    let outline = if mode == Mode::Rectangle {
                        Outline::Rectangle
                    } else {
                        Outline::Ellipse
                    };
                    Some(Gesture::Shape { outline, start: p })
                }
                Mode::Hand => None,
            }
        };
        if let Some(g) = g {
            gesture.set_value(Some((e.pointer_id(), g)));
        }
    };

    let pointermove = move |e: ev::PointerEvent| {
        let (cx, cy) = client(&e);
        pointers.update_value(|ps| {
            if let Some(p) = ps.iter_mut().find(|p| p.0 == e.pointer_id()) {
                (p.1, p.2) = (cx, cy);
            }
        });
        // Taken out and put back, never cloned: a move carries a copy of the picture.
        let Some((owner, mut g)) = gesture.try_update_value(Option::take).flatten() else {
            return;
        };
        let put_back = move |g: Gesture| gesture.set_value(Some((owner, g)));
        if let Gesture::Pinch { dist, mid, view } = g {
            put_back(g);
            let Some((a, b)) = pointers.with_value(|ps| (ps.len() >= 2).then(|| (ps[0], ps[1])))
            else {
                return;
            };
            let d = (a.1 - b.1).hypot(a.2 - b.2).max(1.0);
            let m = screen((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0);
            let zoomed = view.zoom_at(d / dist, mid.0, mid.1);
            pb.view.set(Viewport {
                x: zoomed.x - (m.0 - mid.0) / zoomed.zoom,
                y: zoomed.y - (m.1 - mid.1) / zoomed.zoom,
                zoom: zoomed.zoom,
            });
            return;
        }
        if owner != e.pointer_id() {
            put_back(g);
            return;
        }
        if e.pointer_type() == "pen" {
            last_pen.set_value(now());
        }
        let p = to_pic(cx, cy);
        match &mut g {
            Gesture::Draw => {
                pressure.update_value(|v| v.push(f64::from(e.pressure())));
                pb.live.update(|v| v.push(p));
            }
            Gesture::Erase => {
                erase_at(p);
            }
            Gesture::Pan { last } => {
                let z = zoom();
                let (dx, dy) = ((cx - last.0) / z, (cy - last.1) / z);
                pb.view.update(|v| {
                    v.x -= dx;
                    v.y -= dy;
                });
                *last = (cx, cy);
            }
            Gesture::Move {
                start,
                orig,
                work,
                affected,
                moved,
            } => {
                let (dx, dy) = (p.x - start.x, p.y - start.y);
                // A press that barely moves is a click, not a move.
                if *moved || dx.hypot(dy) * zoom() >= 3.0 {
                    *moved = true;
                    for item in orig.iter() {
                        work.replace(item.translated(dx, dy));
                    }
                    pb.preview(work, affected);
                }
            }
            Gesture::Resize {
                frame,
                start,
                orig,
                work,
                affected,
            } => {
                let now = ink::rotate(p, frame.c, -frame.rotation);
                let factor = |n: f64, s: f64| (n.abs() / s.abs().max(1.0)).max(0.05);
                let (mut fx, mut fy) = (
                    factor(now.x - frame.c.x, start.x - frame.c.x),
                    factor(now.y - frame.c.y, start.y - frame.c.y),
                );
                if e.shift_key() {
                    let f = fx.max(fy);
                    (fx, fy) = (f, f);
                }
                work.replace(orig.scaled(frame.c, fx, fy));
                pb.preview(work, affected);
            }
            Gesture::Rotate {
                centre,
                start,
                orig,
                work,
                affected,
            } => {
                let mut turn = angle(*centre, p) - *start;
                if e.shift_key() {
                    turn = (turn / 15.0).round() * 15.0;
                }
                work.replace(orig.rotated(*centre, turn));
                pb.preview(work, affected);
            }
            Gesture::Band { start, .. } => {
                pb.pending
                    .set(Some(Pending::Band(Rect::of(&[*start, p]).unwrap_or(
                        Rect {
                            x0: p.x,
                            y0: p.y,
                            x1: p.x,
                            y1: p.y,
                        },
                    ))));
            }
            Gesture::Arrow { start, .. } => {
                pb.pending.set(Some(Pending::Arrow(*start, p)));
            }
            Gesture::Shape { outline, start } => {
                if let Some(b) = Rect::of(&[*start, p]) {
                    pb.pending.set(Some(Pending::Shape(*outline, b)));
                }
            }
            Gesture::Pinch { .. } => {}
        }
        put_back(g);
    };

    let finish = move |e: ev::PointerEvent, keep: bool| {
        pointers.update_value(|ps| ps.retain(|p| p.0 != e.pointer_id()));
        let Some((owner, g)) = gesture.try_update_value(Option::take).flatten() else {
            return;
        };
        if let Gesture::Pinch { .. } = g {
            if pointers.with_value(Vec::is_empty) {
                pb.keep_view();
            } else {
                gesture.set_value(Some((owner, g)));
            }
            return;
        }
        if owner != e.pointer_id() {
            gesture.set_value(Some((owner, g)));
            return;
        }
        pb.pending.set(None);
        if !keep {
            cancel(pb, &g);
            return;
        }
        let p = to_pic(f64::from(e.client_x()), f64::from(e.client_y()));
        match g {
            Gesture::Draw => {
                let points = pb.live.get_untracked();
                pb.live.set(Vec::new());
                let tool = if pb.mode.get_untracked() == Mode::Highlighter {
                    Tool::Highlighter
                } else {
                    Tool::Pen
                };
                let mut w = pb.width.get_untracked();
                if e.pointer_type() == "pen" {
                    // Pressure thickens or thins the whole stroke around the chosen width.
                    let ps = pressure.get_value();
                    let avg = ps.iter().sum::<f64>() / ps.len().max(1) as f64;
                    if avg > 0.0 {
                        w = ((w * (0.5 + avg)) * 10.0).round().max(10.0) / 10.0;
                    }
                }
                let c = pb.colour.get_untracked();
                pb.edit(None, |pic| pic.add_stroke(&points, tool, c, w));
            }
            Gesture::Erase => session.seal(),
            Gesture::Pan { .. } => pb.keep_view(),
            Gesture::Move {
                start, orig, moved, ..
            } => {
                if moved {
                    let ids: Vec<ItemId> = orig.iter().map(Item::id).collect();
                    let (dx, dy) = (p.x - start.x, p.y - start.y);
                    pb.edit(None, |pic| pic.move_items(&ids, dx, dy));
                }
            }
            Gesture::Resize { orig, work, .. } | Gesture::Rotate { orig, work, .. } => {
                if let Some(new) = work.item(orig.id()).cloned() {
                    pb.edit(None, |pic| pic.replace(new));
                }
            }
            Gesture::Band { start, mut add } => {
                if let Some(b) = Rect::of(&[start, p]) {
                    add.extend(pb.with(|pic| pic.inside(b)).unwrap_or_default());
                }
                pb.selected.set(add);
            }
            Gesture::Arrow { from, start } => {
                let to = pb
                    .with(|pic| {
                        pic.hit(p, 4.0 / zoom()).filter(|id| {
                            pic.anchor(*id).is_some() && End::Item { item: *id } != from
                        })
                    })
                    .flatten()
                    .map_or(End::Point { x: p.x, y: p.y }, |item| End::Item { item });
                let long_enough = dist(start, p) * zoom() >= 10.0;
                if long_enough || matches!((from, to), (End::Item { .. }, End::Item { .. })) {
                    let (colour, width) = (pb.colour.get_untracked(), pb.width.get_untracked());
                    pb.edit(None, |pic| {
                        pic.add(Item::Arrow(crate::model::picture::Arrow {
                            id: 0,
                            from,
                            to,
                            colour,
                            width: width.max(2.0),
                        }))
                    });
                }
            }
            Gesture::Shape { outline, start } => {
                let (mut w, mut h) = ((p.x - start.x).abs(), (p.y - start.y).abs());
                let mut c = Point::new((p.x + start.x) / 2.0, (p.y + start.y) / 2.0);
                if w * zoom() < 8.0 && h * zoom() < 8.0 {
                    // A click: a box of a useful size, centred there.
                    (w, h, c) = (160.0, 100.0, start);
                }
                let (colour, width) = (pb.colour.get_untracked(), pb.width.get_untracked());
                let made = pb.edit(None, |pic| {
                    pic.add(Item::Shape(Shape {
                        id: 0,
                        outline,
                        x: c.x,
                        y: c.y,
                        w: w.max(8.0),
                        h: h.max(8.0),
                        rotation: 0.0,
                        colour,
                        width,
                    }))
                });
                if let Some(id) = made {
                    pb.selected.set(BTreeSet::from([id]));
                }
            }
            Gesture::Pinch { .. } => {}
        }
    };

    let wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        let (sx, sy) = screen(f64::from(e.client_x()), f64::from(e.client_y()));
        let factor = (-e.delta_y() * if e.ctrl_key() { 0.01 } else { 0.0015 }).exp();
        pb.view.update(|v| *v = v.zoom_at(factor, sx, sy));
        pb.keep_view();
    };

    let dblclick = move |e: ev::MouseEvent| {
        if pb.mode.get_untracked() != Mode::Select {
            return;
        }
        let p = to_pic(f64::from(e.client_x()), f64::from(e.client_y()));
        let hit = pb.with(|pic| pic.hit(p, 6.0 / zoom())).flatten();
        match hit {
            Some(id)
                if pb
                    .with(|pic| matches!(pic.item(id), Some(Item::Sticker(_) | Item::Text(_))))
                    .unwrap_or(false) =>
            {
                pb.selected.set(BTreeSet::from([id]));
                pb.editing.set(Some(id));
            }
            None => pb.add_text(p),
            _ => {}
        }
    };

    let keydown = move |e: ev::KeyboardEvent| {
        if pb.editing.get_untracked().is_some() || e.alt_key() {
            return;
        }
        if super::caption::on_board_key(pb, &e) {
            e.prevent_default();
            return;
        }
        let key = e.key();
        let ctrl = e.ctrl_key() || e.meta_key();
        let step = if e.shift_key() { 20.0 } else { 2.0 };
        let handled = match key.as_str() {
            " " => {
                space.set(true);
                true
            }
            "Delete" | "Backspace" if !ctrl => {
                pb.remove_selection();
                true
            }
            "d" | "D" if ctrl => {
                pb.duplicate_selection();
                true
            }
            "a" | "A" if ctrl => {
                pb.mode.set(Mode::Select);
                pb.selected
                    .set(pb.item_ids.get_untracked().into_iter().collect());
                true
            }
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" if !ctrl => {
                if pb.selected.with_untracked(BTreeSet::is_empty) {
                    false
                } else {
                    let z = zoom();
                    let (dx, dy) = match key.as_str() {
                        "ArrowLeft" => (-step, 0.0),
                        "ArrowRight" => (step, 0.0),
                        "ArrowUp" => (0.0, -step),
                        _ => (0.0, step),
                    };
                    pb.nudge(dx / z, dy / z);
                    true
                }
            }
            "]" if !ctrl => {
                pb.restack(true, false);
                true
            }
            "[" if !ctrl => {
                pb.restack(false, false);
                true
            }
            "}" if !ctrl => {
                pb.restack(true, true);
                true
            }
            "{" if !ctrl => {
                pb.restack(false, true);
                true
            }
            "Escape" => {
                if pb.selected.with_untracked(BTreeSet::is_empty) {
                    return;
                }
                pb.selected.set(BTreeSet::new());
                true
            }
            "+" | "=" if !ctrl => {
                pb.zoom_by(1.25);
                true
            }
            "-" if !ctrl => {
                pb.zoom_by(0.8);
                true
            }
            "0" if !ctrl => {
                pb.fit();
                true
            }
            k if !ctrl && !e.shift_key() => match Mode::from_key(k) {
                Some(m) => {
                    pb.mode.set(m);
                    true
                }
                None => false,
            },
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    };

    let transform = move || {
        let v = pb.view.get();
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            -v.x * v.zoom,
            -v.y * v.zoom,
            v.zoom
        )
    };
    let live_d = Memo::new(move |_| pb.live.with(|v| ink::smooth_path(v)));
    let live_look = move || {
        let (c, w) = (pb.colour.get(), pb.width.get());
        let hl = pb.mode.get() == Mode::Highlighter;
        (
            PALETTE[c as usize % PALETTE.len()],
            if hl { w * 3.0 } else { w },
            hl,
        )
    };
    let count = move || pb.item_ids.with(Vec::len);
    let title = move || {
        pb.track(|p| p.display_title().to_string())
            .unwrap_or_default()
    };
    let cursor = move || {
        if space.get() {
            return "tool-hand";
        }
        match pb.mode.get() {
            Mode::Select => "tool-select",
            Mode::Hand => "tool-hand",
            Mode::Text => "tool-text",
            _ => "tool-draw",
        }
    };
    // Two layers: the finished items below, and above them the stroke being drawn and the
    // selection, on a layer of their own, so drawing repaints only the top one.
    view! {
        <div class="picture-stage-main">
        <div class="picture-canvas-wrap" node_ref=pb.wrap tabindex="0" role="group"
            aria-label=move || format!("Drawing board: {}, {} items", title(), count())
            aria-describedby="picture-keys"
            on:keydown=keydown on:pointerdown=pointerdown on:pointermove=pointermove
            on:pointerup=move |e| finish(e, true)
            on:pointercancel=move |e| finish(e, false)
            on:wheel=wheel on:dblclick=dblclick
            on:contextmenu=move |e: ev::MouseEvent| e.prevent_default()>
            <svg class=move || format!("picture-canvas {}", cursor()) node_ref=svg xmlns="http://www.w3.org/2000/svg"
                role="img" aria-label=move || format!("Rich picture: {} items. Draw with the mouse, a pen or a finger.", count())>
                <g transform=transform>
                    <g class="items">
                        <For each=move || pb.item_ids.get() key=|id| *id children=move |id| {
                            view! { <ItemView pb=pb id=id /> }
                        } />
                    </g>
                </g>
            </svg>
            <svg class="picture-overlay" xmlns="http://www.w3.org/2000/svg">
                <g transform=transform>
                    <path class="live-stroke" d=move || live_d.get() fill="none"
                        stroke=move || live_look().0 stroke-width=move || live_look().1
                        stroke-opacity=move || if live_look().2 { "0.35" } else { "1" }
                        stroke-linecap="round" stroke-linejoin="round"></path>
                    <Chrome pb=pb />
                </g>
            </svg>
            {move || (count() == 0).then(|| view! {
                <p class="map-empty">"Draw with the pen, or drag a sticker onto the board from the column of stickers to its left."</p>
            })}
        </div>
        <p id="picture-keys" class="hint">"Tools: V select, P pen, M highlighter, E eraser, T text, A arrow, R box, O oval, H pan (or hold Space, or drag with the middle button). Wheel or pinch to zoom, 0 fits. With items selected: drag to move, the corner handle resizes, the top handle turns (Shift snaps), arrows nudge, Delete removes, Ctrl+D duplicates, ] and [ bring forward and send back. With one sticker or text selected, type (or press Enter or F2) to edit its caption; Enter or Esc keeps it, Ctrl+Z takes it back."</p>
        <p class="visually-hidden" role="status">{move || pb.announce.get()}</p>
        </div>
    }
}

/// Ends a gesture without keeping it: the items it touched show the model again.
fn cancel(pb: Pb, g: &Gesture) {
    pb.pending.set(None);
    match g {
        Gesture::Draw => pb.live.set(Vec::new()),
        Gesture::Erase => pb.session.seal(),
        Gesture::Move { affected, .. }
        | Gesture::Resize { affected, .. }
        | Gesture::Rotate { affected, .. } => pb.restore(affected),
        _ => {}
    }
}
