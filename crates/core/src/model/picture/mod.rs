//! Rich pictures as data (Checkland's drawings of the messy situation): freehand strokes (pen
//! or highlighter), stickers from a built-in library with a caption and an optional link to a
//! roster entry, text, arrows that can stay attached to stickers, and simple shapes. Items are
//! kept in drawing order (last on top) with ids that are never reused. Strokes are simplified
//! on release; in memory they are points, on disk the compact text form of [`codec`].

use serde::{Deserialize, Serialize};

use crate::analysis::ink;
use crate::geometry::{Point, Rect};
use crate::model::map::Viewport;

pub mod codec;
mod icon;
mod items;
mod repair;

pub use icon::Icon;
pub use items::{Frame, bounds_of, frame_of, text_block, text_size};

pub type ItemId = u32;

/// How far a simplified stroke may stray from what was drawn, in picture units.
pub const SIMPLIFY_TOLERANCE: f64 = 0.8;
/// Colours chosen for projectors: strong, distinct in greyscale steps, readable on white.
pub const PALETTE: [&str; 8] = [
    "#1a1a1a", "#c0392b", "#1f6fb2", "#2f7d32", "#c35a00", "#7b3fa0", "#9a7b00", "#5f6b76",
];
/// Stroke widths offered, in picture units.
pub const WIDTHS: [f64; 4] = [2.0, 4.0, 8.0, 16.0];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tool {
    #[default]
    Pen,
    Highlighter,
}

/// A freehand line. In memory its points are points; on disk they take the compact text form
/// of [`codec::encode`] (see [`codec::StoredStroke`]), which holds whole picture units, so the
/// points are kept whole here too ([`Stroke::set_points`]) and read back unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "codec::StoredStroke", into = "codec::StoredStroke")]
pub struct Stroke {
    pub id: ItemId,
    pub tool: Tool,
    /// An index into [`PALETTE`].
    pub colour: u8,
    pub width: f64,
    /// The points, in whole picture units.
    pub points: Vec<Point>,
    /// The stored text of points that could not be read: written back as it was until
    /// [`Picture::repair`] drops the stroke (and reports it).
    pub unreadable: Option<String>,
}

impl Stroke {
    /// Sets the points, rounded to whole picture units as the stored form keeps them.
    pub fn set_points(&mut self, points: impl IntoIterator<Item = Point>) {
        self.points = points
            .into_iter()
            .map(|p| Point::new(codec::whole(p.x), codec::whole(p.y)))
            .collect();
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sticker {
    pub id: ItemId,
    pub icon: Icon,
    /// Centre.
    pub x: f64,
    pub y: f64,
    /// Width and height of the icon's square.
    pub size: f64,
    /// Degrees, clockwise.
    #[serde(default)]
    pub rotation: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// The roster entry it stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stakeholder: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub id: ItemId,
    pub x: f64,
    pub y: f64,
    pub text: String,
    #[serde(default)]
    pub colour: u8,
    pub size: f64,
    #[serde(default)]
    pub rotation: f64,
}

/// Where restacked items go in the drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stack {
    /// One step up.
    Forward,
    /// One step down.
    Backward,
    /// To the very top.
    ToFront,
    /// To the very bottom.
    ToBack,
}

/// One end of an arrow: attached to an item (it follows it), or a free point. Read by hand
/// ([`End::from_json`]), without serde's buffering of untagged enums.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum End {
    Item { item: ItemId },
    Point { x: f64, y: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arrow {
    pub id: ItemId,
    pub from: End,
    pub to: End,
    #[serde(default)]
    pub colour: u8,
    pub width: f64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outline {
    #[default]
    Rectangle,
    Ellipse,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    pub id: ItemId,
    pub outline: Outline,
    /// Centre and size.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    #[serde(default)]
    pub rotation: f64,
    #[serde(default)]
    pub colour: u8,
    pub width: f64,
}

/// Stored tagged by `type`; read by hand ([`Item::from_json`]), without serde's buffering of
/// tagged enums.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Item {
    Stroke(Stroke),
    Sticker(Sticker),
    Text(Text),
    Arrow(Arrow),
    Shape(Shape),
}

/// One rich picture.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// In drawing order: later items are on top.
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub view: Viewport,
    #[serde(default)]
    pub next_id: u32,
}

/// Sizes of stickers and text are kept between these (picture units).
pub const MIN_SIZE: f64 = 16.0;
pub const MIN_TEXT: f64 = 10.0;
pub const MAX_SIZE: f64 = 800.0;

impl Picture {
    pub fn new(id: String, title: &str) -> Picture {
        Picture {
            id,
            title: title.to_string(),
            next_id: 1,
            // Picture units start as the board's pixels: (0, 0) at its top-left corner.
            view: Viewport {
                x: 0.0,
                y: 0.0,
                zoom: 1.0,
            },
            ..Picture::default()
        }
    }

    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            "Untitled picture"
        } else {
            &self.title
        }
    }

    fn fresh_id(&mut self) -> ItemId {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.items.iter().find(|i| i.id() == id)
    }

    pub fn item_mut(&mut self, id: ItemId) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.id() == id)
    }

    /// Adds an item on top, with a fresh id; returns the id.
    pub fn add(&mut self, mut item: Item) -> ItemId {
        let id = self.fresh_id();
        item.set_id(id);
        self.items.push(item);
        id
    }

    /// Adds a drawn stroke, simplified; `None` for a stroke with no points.
    pub fn add_stroke(
        &mut self,
        drawn: &[Point],
        tool: Tool,
        colour: u8,
        width: f64,
    ) -> Option<ItemId> {
        if drawn.is_empty() {
            return None;
        }
        let mut stroke = Stroke {
            id: 0,
            tool,
            colour: colour % PALETTE.len() as u8,
            width,
            points: Vec::new(),
            unreadable: None,
        };
        stroke.set_points(ink::simplify(drawn, SIMPLIFY_TOLERANCE));
        Some(self.add(Item::Stroke(stroke)))
    }

    /// The centre of an item that arrows can attach to (stickers, text, shapes).
    pub fn anchor(&self, id: ItemId) -> Option<Point> {
        match self.item(id)? {
            Item::Sticker(s) => Some(Point::new(s.x, s.y)),
            Item::Text(t) => Some(Point::new(t.x, t.y)),
            Item::Shape(s) => Some(Point::new(s.x, s.y)),
            Item::Stroke(_) | Item::Arrow(_) => None,
        }
    }

    /// Where an arrow's end is now (an attached end follows its item).
    pub fn end_point(&self, end: End) -> Option<Point> {
        match end {
            End::Point { x, y } => Some(Point::new(x, y)),
            End::Item { item } => self.anchor(item),
        }
    }

    /// Where an arrow's two ends are now.
    pub fn ends(&self, a: &Arrow) -> Option<(Point, Point)> {
        Some((self.end_point(a.from)?, self.end_point(a.to)?))
    }

    /// An item's box (strokes: their points grown by half their width).
    pub fn bounds(&self, item: &Item) -> Option<Rect> {
        let ends = match item {
            Item::Arrow(a) => Some(self.ends(a)?),
            _ => None,
        };
        bounds_of(item, ends)
    }

    /// Whether `p` touches the item, within `slack` picture units.
    pub fn hits(&self, item: &Item, p: Point, slack: f64) -> bool {
        match item {
            Item::Stroke(s) => ink::to_polyline(p, &s.points) <= s.width / 2.0 + slack,
            Item::Sticker(s) => ink::in_rotated_box(
                p,
                Point::new(s.x, s.y),
                s.size + 2.0 * slack,
                s.size + 2.0 * slack,
                s.rotation,
            ),
            Item::Text(t) => {
                let (w, h) = text_size(t);
                ink::in_rotated_box(
                    p,
                    Point::new(t.x, t.y),
                    w + 2.0 * slack,
                    h + 2.0 * slack,
                    t.rotation,
                )
            }
            // An arrow runs to the centres of what it joins but is drawn only between their
            // edges: inside an attached item, the item is what is under the pointer.
            Item::Arrow(a) => match (self.end_point(a.from), self.end_point(a.to)) {
                (Some(f), Some(t)) => {
                    ink::to_segment(p, f, t) <= a.width / 2.0 + slack
                        && ![a.from, a.to].iter().any(|e| match e {
                            End::Item { item } => self.item(*item).is_some_and(|i| {
                                !matches!(i, Item::Arrow(_)) && self.hits(i, p, 0.0)
                            }),
                            End::Point { .. } => false,
                        })
                }
                _ => false,
            },
            Item::Shape(s) => ink::in_rotated_box(
                p,
                Point::new(s.x, s.y),
                s.w + 2.0 * slack,
                s.h + 2.0 * slack,
                s.rotation,
            ),
        }
    }

    /// The topmost item under `p`, if any.
    pub fn hit(&self, p: Point, slack: f64) -> Option<ItemId> {
        self.items
            .iter()
            .rev()
            .find(|i| self.hits(i, p, slack))
            .map(Item::id)
    }

    /// Moves items by (dx, dy); arrows attached to them follow by themselves, free arrow ends
    /// of moved arrows move too.
    pub fn move_items(&mut self, ids: &[ItemId], dx: f64, dy: f64) {
        for item in self.items.iter_mut().filter(|i| ids.contains(&i.id())) {
            *item = item.translated(dx, dy);
        }
    }

    /// Puts `item` in the place of the item with its id (nothing if there is none).
    pub fn replace(&mut self, item: Item) {
        if let Some(old) = self.item_mut(item.id()) {
            *old = item;
        }
    }

    /// Arrows with an end attached to one of `ids` (they move when those items move).
    pub fn attached_arrows(&self, ids: &[ItemId]) -> Vec<ItemId> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Arrow(a)
                    if [a.from, a.to]
                        .iter()
                        .any(|e| matches!(e, End::Item { item } if ids.contains(item))) =>
                {
                    Some(a.id)
                }
                _ => None,
            })
            .collect()
    }

    /// The turned box of an item, for its selection frame and handles. Strokes and arrows have
    /// an upright box around their points.
    pub fn frame(&self, item: &Item) -> Option<Frame> {
        let ends = match item {
            Item::Arrow(a) => Some(self.ends(a)?),
            _ => None,
        };
        frame_of(item, ends)
    }

    /// Items whose box lies wholly inside `area` (what a rubber band selects).
    pub fn inside(&self, area: Rect) -> Vec<ItemId> {
        self.items
            .iter()
            .filter(|i| {
                self.bounds(i).is_some_and(|b| {
                    b.x0 >= area.x0 && b.y0 >= area.y0 && b.x1 <= area.x1 && b.y1 <= area.y1
                })
            })
            .map(Item::id)
            .collect()
    }

    /// A centre near `near` where a `w` × `h` box overlaps no sticker, text or shape (strokes
    /// and arrows may run under it): the nearest free spot on a grid around `near`, or `near`
    /// itself when all are taken.
    pub fn free_spot(&self, near: Point, w: f64, h: f64) -> Point {
        let solid: Vec<Rect> = self
            .items
            .iter()
            .filter(|i| matches!(i, Item::Sticker(_) | Item::Text(_) | Item::Shape(_)))
            .filter_map(|i| self.bounds(i))
            .collect();
        let mut spots: Vec<(f64, Point)> = (-4..=4)
            .flat_map(|i| (-3..=3).map(move |j| (f64::from(i), f64::from(j))))
            .map(|(i, j)| {
                let p = Point::new(near.x + i * w, near.y + j * h);
                // Beside before above or below: rows of stickers read better.
                ((i * w).hypot(j * h * 1.5), p)
            })
            .collect();
        crate::order::sort_by(&mut spots, |a, b| a.0.total_cmp(&b.0));
        spots
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| {
                let b = Rect {
                    x0: p.x - w / 2.0,
                    y0: p.y - h / 2.0,
                    x1: p.x + w / 2.0,
                    y1: p.y + h / 2.0,
                };
                !solid.iter().any(|s| s.intersects(&b))
            })
            .unwrap_or(near)
    }

    /// The box around every item, if there are any.
    pub fn extent(&self) -> Option<Rect> {
        self.items
            .iter()
            .filter_map(|i| self.bounds(i))
            .reduce(Rect::union)
    }

    /// Removes items; arrows attached to a removed item keep their end where it was.
    pub fn remove(&mut self, ids: &[ItemId]) {
        let places: Vec<(ItemId, Point)> = ids
            .iter()
            .filter_map(|id| Some((*id, self.anchor(*id)?)))
            .collect();
        self.items.retain(|i| !ids.contains(&i.id()));
        for item in &mut self.items {
            if let Item::Arrow(a) = item {
                for end in [&mut a.from, &mut a.to] {
                    if let End::Item { item } = *end
                        && let Some((_, p)) = places.iter().find(|(id, _)| *id == item)
                    {
                        *end = End::Point { x: p.x, y: p.y };
                    }
                }
            }
        }
    }

    /// Moves items in the drawing order, keeping their order among themselves.
    pub fn restack(&mut self, ids: &[ItemId], to: Stack) {
        match to {
            Stack::Forward => self.step(ids, true),
            Stack::Backward => self.step(ids, false),
            Stack::ToFront => self.send_to_end(ids, true),
            Stack::ToBack => self.send_to_end(ids, false),
        }
    }

    /// Moves items one step up (`true`) or down the drawing order; an item already at the top
    /// (bottom) stays.
    fn step(&mut self, ids: &[ItemId], up: bool) {
        let n = self.items.len();
        let order: Vec<usize> = if up {
            (0..n).rev().collect()
        } else {
            (0..n).collect()
        };
        // Walk from the end they move towards, so a block of selected items moves as one.
        let mut blocked = true;
        for i in order {
            let chosen = ids.contains(&self.items[i].id());
            if !chosen {
                blocked = false;
                continue;
            }
            if blocked {
                continue;
            }
            let j = if up { i + 1 } else { i - 1 };
            self.items.swap(i, j);
        }
    }

    /// Moves items to the very top (`true`) or bottom, keeping their order among themselves.
    fn send_to_end(&mut self, ids: &[ItemId], top: bool) {
        let (mut chosen, rest): (Vec<Item>, Vec<Item>) =
            self.items.drain(..).partition(|i| ids.contains(&i.id()));
        if top {
            self.items = rest;
            self.items.append(&mut chosen);
        } else {
            self.items = chosen;
            self.items.extend(rest);
        }
    }

    /// Copies of items, offset, on top; arrows between copied items attach to the copies.
    pub fn duplicate(&mut self, ids: &[ItemId], offset: f64) -> Vec<ItemId> {
        let copies: Vec<Item> = self
            .items
            .iter()
            .filter(|i| ids.contains(&i.id()))
            .cloned()
            .collect();
        let mut map = Vec::new();
        let mut made = Vec::new();
        for c in copies {
            let old = c.id();
            let id = self.add(c);
            map.push((old, id));
            made.push(id);
        }
        self.move_items(&made, offset, offset);
        for item in self.items.iter_mut().filter(|i| made.contains(&i.id())) {
            if let Item::Arrow(a) = item {
                for end in [&mut a.from, &mut a.to] {
                    if let End::Item { item } = end
                        && let Some((_, new)) = map.iter().find(|(o, _)| o == item)
                    {
                        *item = *new;
                    }
                }
            }
        }
        made
    }

    /// The roster entries (by id) that no sticker in the picture stands for, in roster order.
    pub fn missing<'a>(
        &self,
        roster: &'a [crate::model::Stakeholder],
    ) -> Vec<&'a crate::model::Stakeholder> {
        let linked = self.linked_stakeholders();
        roster
            .iter()
            .filter(|s| !linked.contains(&s.id.as_str()))
            .collect()
    }

    /// Roster entries linked from a sticker.
    pub fn linked_stakeholders(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Sticker(s) => s.stakeholder.as_deref(),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
