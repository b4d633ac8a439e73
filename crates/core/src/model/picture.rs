//! Rich pictures as data (Checkland's drawings of the messy situation): freehand strokes (pen
//! or highlighter), stickers from a built-in library with a caption and an optional link to a
//! roster entry, text, arrows that can stay attached to stickers, and simple shapes. Items are
//! kept in drawing order (last on top) with ids that are never reused. Strokes are simplified
//! on release and stored in the compact form of [`crate::analysis::ink::encode`].

use serde::{Deserialize, Serialize};

use crate::analysis::ink::{self, Bounds, P};
use crate::model::map::Viewport;

pub type ItemId = u32;

/// How far a simplified stroke may stray from what was drawn, in picture units.
pub const SIMPLIFY_TOLERANCE: f64 = 0.8;
/// Colours chosen for projectors: strong, distinct in greyscale steps, readable on white.
pub const PALETTE: [&str; 8] = [
    "#1a1a1a", "#c0392b", "#1f6fb2", "#2f7d32", "#c35a00", "#7b3fa0", "#9a7b00", "#5f6b76",
];
/// Stroke widths offered, in picture units.
pub const WIDTHS: [f64; 4] = [2.0, 4.0, 8.0, 16.0];

/// The built-in stickers: the cast and props of a rich picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Icon {
    Person,
    Group,
    Organisation,
    Clinic,
    Home,
    Eye,
    Conflict,
    Heart,
    Money,
    Clock,
    Speech,
    Thought,
    Worry,
    Lightning,
    Question,
    Transport,
    Computer,
}

impl Icon {
    pub const ALL: [Icon; 17] = [
        Icon::Person,
        Icon::Group,
        Icon::Organisation,
        Icon::Clinic,
        Icon::Home,
        Icon::Eye,
        Icon::Conflict,
        Icon::Heart,
        Icon::Money,
        Icon::Clock,
        Icon::Speech,
        Icon::Thought,
        Icon::Worry,
        Icon::Lightning,
        Icon::Question,
        Icon::Transport,
        Icon::Computer,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Icon::Person => "Person",
            Icon::Group => "Group",
            Icon::Organisation => "Organisation",
            Icon::Clinic => "Clinic or GP",
            Icon::Home => "Home",
            Icon::Eye => "Observer",
            Icon::Conflict => "Conflict",
            Icon::Heart => "Emotion",
            Icon::Money => "Money",
            Icon::Clock => "Time",
            Icon::Speech => "Speech",
            Icon::Thought => "Thought",
            Icon::Worry => "Worry",
            Icon::Lightning => "Problem",
            Icon::Question => "Question",
            Icon::Transport => "Transport",
            Icon::Computer => "Phone or computer",
        }
    }

    /// Whether the sticker stands for people, and so can be linked to a roster entry.
    pub fn is_people(self) -> bool {
        matches!(
            self,
            Icon::Person | Icon::Group | Icon::Organisation | Icon::Clinic
        )
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tool {
    #[default]
    Pen,
    Highlighter,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stroke {
    pub id: ItemId,
    #[serde(default)]
    pub tool: Tool,
    /// An index into [`PALETTE`].
    #[serde(default)]
    pub colour: u8,
    pub width: f64,
    /// The points in [`ink::encode`]'s form.
    pub points: String,
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

/// One end of an arrow: attached to an item (it follows it), or a free point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Item {
    Stroke(Stroke),
    Sticker(Sticker),
    Text(Text),
    Arrow(Arrow),
    Shape(Shape),
}

impl Item {
    pub fn id(&self) -> ItemId {
        match self {
            Item::Stroke(s) => s.id,
            Item::Sticker(s) => s.id,
            Item::Text(t) => t.id,
            Item::Arrow(a) => a.id,
            Item::Shape(s) => s.id,
        }
    }

    /// The item moved by (dx, dy). Free arrow ends move; attached ends stay with their item.
    pub fn translated(&self, dx: f64, dy: f64) -> Item {
        let mut out = self.clone();
        if !dx.is_finite() || !dy.is_finite() {
            return out;
        }
        match &mut out {
            Item::Stroke(s) => map_points(s, |p| P::new(p.x + dx, p.y + dy)),
            Item::Sticker(s) => (s.x, s.y) = (s.x + dx, s.y + dy),
            Item::Text(t) => (t.x, t.y) = (t.x + dx, t.y + dy),
            Item::Shape(s) => (s.x, s.y) = (s.x + dx, s.y + dy),
            Item::Arrow(a) => {
                for end in [&mut a.from, &mut a.to] {
                    if let End::Point { x, y } = end {
                        (*x, *y) = (*x + dx, *y + dy);
                    }
                }
            }
        }
        out
    }

    /// The item scaled by (fx, fy) about `c` (stickers and text keep their proportions and take
    /// the mean of the two factors). Sizes never shrink below a readable minimum.
    pub fn scaled(&self, c: P, fx: f64, fy: f64) -> Item {
        let mut out = self.clone();
        if !(fx.is_finite() && fy.is_finite() && fx > 0.0 && fy > 0.0) {
            return out;
        }
        let at = |x: f64, y: f64| P::new(c.x + (x - c.x) * fx, c.y + (y - c.y) * fy);
        let mean = (fx * fy).sqrt();
        match &mut out {
            Item::Stroke(s) => map_points(s, |p| at(p.x, p.y)),
            Item::Sticker(s) => {
                let p = at(s.x, s.y);
                (s.x, s.y) = (p.x, p.y);
                s.size = (s.size * mean).clamp(MIN_SIZE, MAX_SIZE);
            }
            Item::Text(t) => {
                let p = at(t.x, t.y);
                (t.x, t.y) = (p.x, p.y);
                t.size = (t.size * mean).clamp(MIN_TEXT, MAX_SIZE);
            }
            Item::Shape(s) => {
                let p = at(s.x, s.y);
                (s.x, s.y) = (p.x, p.y);
                s.w = (s.w * fx).clamp(MIN_SIZE / 4.0, 20.0 * MAX_SIZE);
                s.h = (s.h * fy).clamp(MIN_SIZE / 4.0, 20.0 * MAX_SIZE);
            }
            Item::Arrow(a) => {
                for end in [&mut a.from, &mut a.to] {
                    if let End::Point { x, y } = end {
                        let p = at(*x, *y);
                        (*x, *y) = (p.x, p.y);
                    }
                }
            }
        }
        out
    }

    /// The item turned by `degrees` (clockwise) about `c`: stickers, text and shapes turn in
    /// place and move round `c`; strokes and free arrow ends turn point by point.
    pub fn rotated(&self, c: P, degrees: f64) -> Item {
        let mut out = self.clone();
        if !degrees.is_finite() {
            return out;
        }
        let turn = |r: f64| (r + degrees).rem_euclid(360.0);
        match &mut out {
            Item::Stroke(s) => map_points(s, |p| ink::rotate(p, c, degrees)),
            Item::Sticker(s) => {
                let p = ink::rotate(P::new(s.x, s.y), c, degrees);
                (s.x, s.y, s.rotation) = (p.x, p.y, turn(s.rotation));
            }
            Item::Text(t) => {
                let p = ink::rotate(P::new(t.x, t.y), c, degrees);
                (t.x, t.y, t.rotation) = (p.x, p.y, turn(t.rotation));
            }
            Item::Shape(s) => {
                let p = ink::rotate(P::new(s.x, s.y), c, degrees);
                (s.x, s.y, s.rotation) = (p.x, p.y, turn(s.rotation));
            }
            Item::Arrow(a) => {
                for end in [&mut a.from, &mut a.to] {
                    if let End::Point { x, y } = end {
                        let p = ink::rotate(P::new(*x, *y), c, degrees);
                        (*x, *y) = (p.x, p.y);
                    }
                }
            }
        }
        out
    }

    fn set_id(&mut self, id: ItemId) {
        match self {
            Item::Stroke(s) => s.id = id,
            Item::Sticker(s) => s.id = id,
            Item::Text(t) => t.id = id,
            Item::Arrow(a) => a.id = id,
            Item::Shape(s) => s.id = id,
        }
    }
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

/// A stroke with each point changed by `f`.
fn map_points(s: &mut Stroke, f: impl Fn(P) -> P) {
    if let Some(pts) = ink::decode(&s.points) {
        let moved: Vec<P> = pts.into_iter().map(f).collect();
        s.points = ink::encode(&moved);
    }
}

/// A turned box: what a selection frame is drawn around, and what handles act on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub c: P,
    pub w: f64,
    pub h: f64,
    /// Degrees, clockwise.
    pub rotation: f64,
}

/// A rough text width for hit-testing and bounds (0.56 em a character, as map labels).
pub fn text_size(t: &Text) -> (f64, f64) {
    text_block(&t.text, t.size)
}

/// The box of a block of text at `size`: 0.56 em a character of its longest line, 1.25 em a
/// line. Text items, captions and the SVG export all measure with this.
pub fn text_block(text: &str, size: f64) -> (f64, f64) {
    let lines: Vec<&str> = text.split('\n').collect();
    let longest = lines
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
        .max(1);
    (
        longest as f64 * size * 0.56,
        lines.len() as f64 * size * 1.25,
    )
}

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
        drawn: &[P],
        tool: Tool,
        colour: u8,
        width: f64,
    ) -> Option<ItemId> {
        if drawn.is_empty() {
            return None;
        }
        let points = ink::encode(&ink::simplify(drawn, SIMPLIFY_TOLERANCE));
        Some(self.add(Item::Stroke(Stroke {
            id: 0,
            tool,
            colour: colour % PALETTE.len() as u8,
            width,
            points,
        })))
    }

    /// The centre of an item that arrows can attach to (stickers, text, shapes).
    pub fn anchor(&self, id: ItemId) -> Option<P> {
        match self.item(id)? {
            Item::Sticker(s) => Some(P::new(s.x, s.y)),
            Item::Text(t) => Some(P::new(t.x, t.y)),
            Item::Shape(s) => Some(P::new(s.x, s.y)),
            Item::Stroke(_) | Item::Arrow(_) => None,
        }
    }

    /// Where an arrow's end is now (an attached end follows its item).
    pub fn end_point(&self, end: End) -> Option<P> {
        match end {
            End::Point { x, y } => Some(P::new(x, y)),
            End::Item { item } => self.anchor(item),
        }
    }

    /// Where an arrow's two ends are now.
    pub fn ends(&self, a: &Arrow) -> Option<(P, P)> {
        Some((self.end_point(a.from)?, self.end_point(a.to)?))
    }

    /// An item's box (strokes: their points grown by half their width).
    pub fn bounds(&self, item: &Item) -> Option<Bounds> {
        let ends = match item {
            Item::Arrow(a) => Some(self.ends(a)?),
            _ => None,
        };
        bounds_of(item, ends)
    }

    /// Whether `p` touches the item, within `slack` picture units.
    pub fn hits(&self, item: &Item, p: P, slack: f64) -> bool {
        match item {
            Item::Stroke(s) => ink::decode(&s.points)
                .is_some_and(|pts| ink::to_polyline(p, &pts) <= s.width / 2.0 + slack),
            Item::Sticker(s) => ink::in_rotated_box(
                p,
                P::new(s.x, s.y),
                s.size + 2.0 * slack,
                s.size + 2.0 * slack,
                s.rotation,
            ),
            Item::Text(t) => {
                let (w, h) = text_size(t);
                ink::in_rotated_box(
                    p,
                    P::new(t.x, t.y),
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
                P::new(s.x, s.y),
                s.w + 2.0 * slack,
                s.h + 2.0 * slack,
                s.rotation,
            ),
        }
    }

    /// The topmost item under `p`, if any.
    pub fn hit(&self, p: P, slack: f64) -> Option<ItemId> {
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
    pub fn inside(&self, area: Bounds) -> Vec<ItemId> {
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
    pub fn free_spot(&self, near: P, w: f64, h: f64) -> P {
        let solid: Vec<Bounds> = self
            .items
            .iter()
            .filter(|i| matches!(i, Item::Sticker(_) | Item::Text(_) | Item::Shape(_)))
            .filter_map(|i| self.bounds(i))
            .collect();
        let mut spots: Vec<(f64, P)> = (-4..=4)
            .flat_map(|i| (-3..=3).map(move |j| (f64::from(i), f64::from(j))))
            .map(|(i, j)| {
                let p = P::new(near.x + i * w, near.y + j * h);
                // Beside before above or below: rows of stickers read better.
                ((i * w).hypot(j * h * 1.5), p)
            })
            .collect();
        spots.sort_by(|a, b| a.0.total_cmp(&b.0));
        spots
            .into_iter()
            .map(|(_, p)| p)
            .find(|p| {
                let b = Bounds {
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
    pub fn extent(&self) -> Option<Bounds> {
        self.items
            .iter()
            .filter_map(|i| self.bounds(i))
            .reduce(Bounds::union)
    }

    /// Removes items; arrows attached to a removed item keep their end where it was.
    pub fn remove(&mut self, ids: &[ItemId]) {
        let places: Vec<(ItemId, P)> = ids
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

    /// Moves items one step up (`true`) or down the drawing order, keeping their order among
    /// themselves; an item already at the top (bottom) stays.
    pub fn restack(&mut self, ids: &[ItemId], up: bool) {
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
    pub fn restack_to_end(&mut self, ids: &[ItemId], top: bool) {
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

    /// Makes a picture read from storage safe: unique ids, finite numbers, readable strokes,
    /// arrows that point at items that exist, a `next_id` past every id. Reports each fix.
    pub fn repair(&mut self, report: &mut Vec<String>) {
        let what = format!("picture \u{201c}{}\u{201d}", self.display_title());
        let mut seen = std::collections::HashSet::new();
        let before = self.items.len();
        self.items.retain(|i| seen.insert(i.id()));
        let finite = |v: f64| v.is_finite();
        self.items.retain(|i| match i {
            Item::Stroke(s) => finite(s.width) && ink::decode(&s.points).is_some(),
            Item::Sticker(s) => finite(s.x) && finite(s.y) && finite(s.size) && finite(s.rotation),
            Item::Text(t) => finite(t.x) && finite(t.y) && finite(t.size) && finite(t.rotation),
            Item::Arrow(a) => finite(a.width),
            Item::Shape(s) => [s.x, s.y, s.w, s.h, s.rotation, s.width]
                .into_iter()
                .all(finite),
        });
        if self.items.len() < before {
            report.push(format!(
                "{what}: {} items were damaged or repeated an id and were dropped",
                before - self.items.len()
            ));
        }
        let ids: std::collections::HashSet<ItemId> = self.items.iter().map(Item::id).collect();
        let anchors: Vec<(ItemId, P)> = ids
            .iter()
            .filter_map(|id| Some((*id, self.anchor(*id)?)))
            .collect();
        let mut loose = 0;
        for item in &mut self.items {
            if let Item::Arrow(a) = item {
                for end in [&mut a.from, &mut a.to] {
                    match *end {
                        End::Item { item } if !anchors.iter().any(|(id, _)| *id == item) => {
                            *end = End::Point { x: 0.0, y: 0.0 };
                            loose += 1;
                        }
                        End::Point { x, y } if !x.is_finite() || !y.is_finite() => {
                            *end = End::Point { x: 0.0, y: 0.0 };
                            loose += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        if loose > 0 {
            report.push(format!(
                "{what}: {loose} arrow ends pointed nowhere and were put in the middle"
            ));
        }
        for item in &mut self.items {
            match item {
                Item::Stroke(s) => s.colour %= PALETTE.len() as u8,
                Item::Text(t) => t.colour %= PALETTE.len() as u8,
                Item::Arrow(a) => a.colour %= PALETTE.len() as u8,
                Item::Shape(s) => s.colour %= PALETTE.len() as u8,
                Item::Sticker(_) => {}
            }
        }
        let mut clamped = 0;
        let mut bound = |v: &mut f64, lo: f64, hi: f64| {
            let c = v.clamp(lo, hi);
            clamped += usize::from(c != *v);
            *v = c;
        };
        let (far, wide) = (crate::model::map::MAX_COORD, 20.0 * MAX_SIZE);
        for item in &mut self.items {
            match item {
                Item::Stroke(s) => bound(&mut s.width, 0.5, 64.0),
                Item::Sticker(s) => {
                    bound(&mut s.x, -far, far);
                    bound(&mut s.y, -far, far);
                    bound(&mut s.size, MIN_SIZE, MAX_SIZE);
                    bound(&mut s.rotation, -360.0, 360.0);
                }
                Item::Text(t) => {
                    bound(&mut t.x, -far, far);
                    bound(&mut t.y, -far, far);
                    bound(&mut t.size, MIN_TEXT, MAX_SIZE);
                    bound(&mut t.rotation, -360.0, 360.0);
                }
                Item::Arrow(a) => {
                    bound(&mut a.width, 0.5, 64.0);
                    for end in [&mut a.from, &mut a.to] {
                        if let End::Point { x, y } = end {
                            bound(x, -far, far);
                            bound(y, -far, far);
                        }
                    }
                }
                Item::Shape(s) => {
                    bound(&mut s.x, -far, far);
                    bound(&mut s.y, -far, far);
                    bound(&mut s.w, MIN_SIZE / 4.0, wide);
                    bound(&mut s.h, MIN_SIZE / 4.0, wide);
                    bound(&mut s.rotation, -360.0, 360.0);
                    bound(&mut s.width, 0.5, 64.0);
                }
            }
        }
        if clamped > 0 {
            report.push(format!(
                "{what}: {clamped} sizes or places were out of range and were brought within it"
            ));
        }
        if !self.view.is_valid() {
            self.view = Picture::new(String::new(), "").view;
        }
        let max = ids.iter().copied().max().unwrap_or(0);
        if max >= crate::model::map::ID_CEILING || self.next_id >= crate::model::map::ID_CEILING {
            // Ids 1, 2, 3… in drawing order, arrows' ends following what they join.
            let new: std::collections::HashMap<ItemId, ItemId> = self
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| (item.id(), i as ItemId + 1))
                .collect();
            for item in &mut self.items {
                item.set_id(new[&item.id()]);
                if let Item::Arrow(a) = item {
                    for end in [&mut a.from, &mut a.to] {
                        if let End::Item { item } = end {
                            *item = new.get(&*item).copied().unwrap_or(*item);
                        }
                    }
                }
            }
            self.next_id = self.items.len() as ItemId + 1;
            report.push(format!(
                "{what}: its ids were near the largest an id can be and were renumbered"
            ));
        } else if self.next_id <= max {
            self.next_id = max + 1;
        }
    }
}

/// An item's box, given where its ends are if it is an arrow.
pub fn bounds_of(item: &Item, ends: Option<(P, P)>) -> Option<Bounds> {
    match item {
        Item::Stroke(s) => Bounds::of(&ink::decode(&s.points)?).map(|b| b.grow(s.width / 2.0)),
        Item::Sticker(s) => {
            let r = s.size / 2.0 * std::f64::consts::SQRT_2;
            Bounds::of(&[P::new(s.x - r, s.y - r), P::new(s.x + r, s.y + r)])
        }
        Item::Text(t) => {
            let (w, h) = text_size(t);
            let r = w.hypot(h) / 2.0;
            Bounds::of(&[P::new(t.x - r, t.y - r), P::new(t.x + r, t.y + r)])
        }
        Item::Arrow(a) => {
            let (f, t) = ends?;
            Bounds::of(&[f, t]).map(|b| b.grow(a.width))
        }
        Item::Shape(s) => {
            let r = s.w.hypot(s.h) / 2.0;
            Bounds::of(&[P::new(s.x - r, s.y - r), P::new(s.x + r, s.y + r)])
        }
    }
}

/// An item's turned box (see [`Picture::frame`]), given where its ends are if it is an arrow.
pub fn frame_of(item: &Item, ends: Option<(P, P)>) -> Option<Frame> {
    let upright = |b: Bounds| Frame {
        c: P::new((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0),
        w: b.x1 - b.x0,
        h: b.y1 - b.y0,
        rotation: 0.0,
    };
    Some(match item {
        Item::Sticker(s) => Frame {
            c: P::new(s.x, s.y),
            w: s.size,
            h: s.size,
            rotation: s.rotation,
        },
        Item::Text(t) => {
            let (w, h) = text_size(t);
            Frame {
                c: P::new(t.x, t.y),
                w,
                h,
                rotation: t.rotation,
            }
        }
        Item::Shape(s) => Frame {
            c: P::new(s.x, s.y),
            w: s.w,
            h: s.h,
            rotation: s.rotation,
        },
        Item::Stroke(_) | Item::Arrow(_) => upright(bounds_of(item, ends)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sticker(p: &mut Picture, icon: Icon, x: f64, y: f64) -> ItemId {
        p.add(Item::Sticker(Sticker {
            id: 0,
            icon,
            x,
            y,
            size: 64.0,
            rotation: 0.0,
            caption: String::new(),
            stakeholder: None,
        }))
    }

    #[test]
    fn hit_testing_finds_the_topmost_item_under_a_point() {
        let mut p = Picture::new("p".into(), "Test");
        let line: Vec<P> = (0..=50).map(|i| P::new(f64::from(i) * 2.0, 0.0)).collect();
        let s = p.add_stroke(&line, Tool::Pen, 0, 4.0).unwrap();
        // Simplified to its two ends.
        let Some(Item::Stroke(st)) = p.item(s) else {
            panic!()
        };
        assert_eq!(ink::decode(&st.points).unwrap().len(), 2);
        assert_eq!(p.hit(P::new(50.0, 1.5), 0.0), Some(s));
        assert_eq!(p.hit(P::new(50.0, 6.0), 0.0), None);
        assert_eq!(p.hit(P::new(50.0, 6.0), 5.0), Some(s));
        let a = sticker(&mut p, Icon::Person, 50.0, 0.0);
        assert_eq!(
            p.hit(P::new(50.0, 1.5), 0.0),
            Some(a),
            "the sticker is on top"
        );
        let b = sticker(&mut p, Icon::Clinic, 300.0, 0.0);
        let arrow = p.add(Item::Arrow(Arrow {
            id: 0,
            from: End::Item { item: a },
            to: End::Item { item: b },
            colour: 0,
            width: 3.0,
        }));
        assert_eq!(p.hit(P::new(175.0, 1.0), 0.0), Some(arrow));
        // Inside a sticker it joins, the sticker is what is hit, though the arrow is on top.
        assert_eq!(p.hit(P::new(300.0, 1.0), 0.0), Some(b));
        // Rotated text: a tall box after 90°.
        let t = p.add(Item::Text(Text {
            id: 0,
            x: 0.0,
            y: 500.0,
            text: "abcdefghij".into(),
            colour: 0,
            size: 20.0,
            rotation: 90.0,
        }));
        assert_eq!(p.hit(P::new(0.0, 550.0), 0.0), Some(t));
        assert_eq!(p.hit(P::new(50.0, 500.0), 0.0), None);
    }

    #[test]
    fn arrows_follow_their_stickers_and_survive_their_removal() {
        let mut p = Picture::new("p".into(), "");
        let a = sticker(&mut p, Icon::Person, 0.0, 0.0);
        let b = sticker(&mut p, Icon::Home, 100.0, 0.0);
        let arrow = p.add(Item::Arrow(Arrow {
            id: 0,
            from: End::Item { item: a },
            to: End::Item { item: b },
            colour: 1,
            width: 3.0,
        }));
        p.move_items(&[b], 0.0, 50.0);
        let Some(Item::Arrow(ar)) = p.item(arrow).cloned() else {
            panic!()
        };
        assert_eq!(p.end_point(ar.to), Some(P::new(100.0, 50.0)));
        p.remove(&[a]);
        let Some(Item::Arrow(ar)) = p.item(arrow).cloned() else {
            panic!()
        };
        assert_eq!(ar.from, End::Point { x: 0.0, y: 0.0 });
        // Duplicating the arrow with its sticker attaches the copy to the copy.
        let copies = p.duplicate(&[b, arrow], 20.0);
        let Some(Item::Arrow(c)) = p.item(copies[1]).cloned() else {
            panic!()
        };
        assert_eq!(c.to, End::Item { item: copies[0] });
        assert_eq!(c.from, End::Point { x: 20.0, y: 20.0 });
    }

    #[test]
    fn restacking_and_repair() {
        let mut p = Picture::new("p".into(), "");
        let a = sticker(&mut p, Icon::Person, 0.0, 0.0);
        let b = sticker(&mut p, Icon::Home, 0.0, 0.0);
        p.restack(&[a], true);
        assert_eq!(p.hit(P::new(0.0, 0.0), 0.0), Some(a));
        let mut damaged: Picture = serde_json::from_value(serde_json::json!({
            "id": "p", "next_id": 1, "items": [
                {"type": "stroke", "id": 4, "width": 2.0, "points": "0,0:!!"},
                {"type": "sticker", "id": 5, "icon": "person", "x": 1.0, "y": 2.0, "size": 64.0},
                {"type": "sticker", "id": 5, "icon": "home", "x": 1.0, "y": 2.0, "size": 64.0},
                {"type": "arrow", "id": 6, "from": {"item": 5}, "to": {"item": 99}, "width": 2.0, "colour": 200}
            ]})).unwrap();
        let mut report = Vec::new();
        damaged.repair(&mut report);
        assert_eq!(damaged.items.len(), 2);
        assert_eq!(damaged.next_id, 7);
        assert_eq!(report.len(), 2, "{report:?}");
        let Some(Item::Arrow(ar)) = damaged.item(6) else {
            panic!()
        };
        assert_eq!(
            (ar.from, ar.to, ar.colour),
            (End::Item { item: 5 }, End::Point { x: 0.0, y: 0.0 }, 0)
        );
        let _ = b;
    }

    #[test]
    fn items_move_scale_and_turn_about_a_centre() {
        let mut p = Picture::new("p".into(), "");
        let a = sticker(&mut p, Icon::Person, 100.0, 0.0);
        let c = P::new(0.0, 0.0);
        let Item::Sticker(s) = p.item(a).unwrap().rotated(c, 90.0) else {
            panic!()
        };
        assert!((s.x - 0.0).abs() < 1e-9 && (s.y - 100.0).abs() < 1e-9);
        assert_eq!(s.rotation, 90.0);
        let Item::Sticker(s) = p.item(a).unwrap().rotated(c, -450.0) else {
            panic!()
        };
        assert_eq!(s.rotation, 270.0, "turns stay within 0..360");
        let Item::Sticker(s) = p.item(a).unwrap().scaled(P::new(100.0, 0.0), 2.0, 2.0) else {
            panic!()
        };
        assert_eq!((s.x, s.size), (100.0, 128.0));
        let Item::Sticker(s) = p.item(a).unwrap().scaled(c, 0.001, 0.001) else {
            panic!()
        };
        assert_eq!(s.size, MIN_SIZE, "never smaller than a readable minimum");
        // A stroke scales and turns point by point, and a bad factor changes nothing.
        let line = [P::new(0.0, 0.0), P::new(10.0, 0.0)];
        let st = p.add_stroke(&line, Tool::Pen, 0, 2.0).unwrap();
        let item = p.item(st).unwrap().clone();
        let Item::Stroke(s) = item.scaled(c, 3.0, 1.0) else {
            panic!()
        };
        assert_eq!(ink::decode(&s.points).unwrap()[1], P::new(30.0, 0.0));
        let Item::Stroke(s) = item.rotated(c, 90.0) else {
            panic!()
        };
        assert_eq!(ink::decode(&s.points).unwrap()[1], P::new(0.0, 10.0));
        assert_eq!(item.scaled(c, f64::NAN, 1.0), item);
        assert_eq!(item.translated(f64::INFINITY, 0.0), item);
    }

    #[test]
    fn a_block_of_selected_items_restacks_together() {
        let mut p = Picture::new("p".into(), "");
        let ids: Vec<ItemId> = (0..4)
            .map(|i| sticker(&mut p, Icon::Person, f64::from(i), 0.0))
            .collect();
        let order = |p: &Picture| p.items.iter().map(Item::id).collect::<Vec<_>>();
        p.restack(&[ids[0], ids[1]], true);
        assert_eq!(order(&p), [ids[2], ids[0], ids[1], ids[3]]);
        p.restack(&[ids[0], ids[1]], true);
        p.restack(&[ids[0], ids[1]], true);
        assert_eq!(
            order(&p),
            [ids[2], ids[3], ids[0], ids[1]],
            "the top stays the top"
        );
        p.restack_to_end(&[ids[1], ids[3]], false);
        assert_eq!(order(&p), [ids[3], ids[1], ids[2], ids[0]]);
        p.restack(&[ids[3]], false);
        assert_eq!(order(&p)[0], ids[3]);
    }

    #[test]
    fn rubber_band_attached_arrows_and_who_is_missing() {
        let mut p = Picture::new("p".into(), "");
        let a = sticker(&mut p, Icon::Person, 0.0, 0.0);
        let b = sticker(&mut p, Icon::Home, 300.0, 0.0);
        let arrow = p.add(Item::Arrow(Arrow {
            id: 0,
            from: End::Item { item: a },
            to: End::Point { x: 150.0, y: 200.0 },
            colour: 0,
            width: 3.0,
        }));
        assert_eq!(p.attached_arrows(&[a]), vec![arrow]);
        assert!(p.attached_arrows(&[b]).is_empty());
        let band = Bounds {
            x0: -60.0,
            y0: -60.0,
            x1: 200.0,
            y1: 220.0,
        };
        assert_eq!(p.inside(band), vec![a, arrow]);
        let frame = p.frame(p.item(b).unwrap()).unwrap();
        assert_eq!(
            (frame.c, frame.w, frame.rotation),
            (P::new(300.0, 0.0), 64.0, 0.0)
        );
        let person = |id: &str, name: &str| crate::model::Stakeholder {
            id: id.into(),
            name: name.into(),
            group: String::new(),
            involvement: crate::model::Involvement::Involved,
            extra: Default::default(),
        };
        let roster = [person("s1", "GPs"), person("s2", "Carers")];
        if let Some(Item::Sticker(s)) = p.item_mut(a) {
            s.stakeholder = Some("s1".into());
        }
        let missing: Vec<&str> = p.missing(&roster).iter().map(|s| s.name.as_str()).collect();
        assert_eq!(missing, ["Carers"]);
    }

    #[test]
    fn new_stickers_find_a_free_spot_near_the_middle() {
        let mut p = Picture::new("p".into(), "");
        let c = P::new(500.0, 300.0);
        assert_eq!(p.free_spot(c, 160.0, 130.0), c);
        let mut placed = Vec::new();
        for _ in 0..6 {
            let at = p.free_spot(c, 160.0, 130.0);
            placed.push(at);
            sticker(&mut p, Icon::Person, at.x, at.y);
        }
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(
                    (a.x - b.x).abs() >= 160.0 || (a.y - b.y).abs() >= 130.0,
                    "{a:?} and {b:?} overlap"
                );
            }
            assert!((a.x - c.x).abs() <= 320.0 && (a.y - c.y).abs() <= 260.0);
        }
    }
}
