//! What an item is in space: moved, scaled and turned (strokes point by point), its box and
//! its turned frame, and how large a block of text is.

use super::{End, Item, ItemId, MAX_SIZE, MIN_SIZE, MIN_TEXT, Stroke, Text};
use crate::analysis::ink;
use crate::geometry::{Point, Rect};

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
            Item::Stroke(s) => map_points(s, |p| Point::new(p.x + dx, p.y + dy)),
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
    pub fn scaled(&self, c: Point, fx: f64, fy: f64) -> Item {
        let mut out = self.clone();
        if !(fx.is_finite() && fy.is_finite() && fx > 0.0 && fy > 0.0) {
            return out;
        }
        let at = |x: f64, y: f64| Point::new(c.x + (x - c.x) * fx, c.y + (y - c.y) * fy);
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
    pub fn rotated(&self, c: Point, degrees: f64) -> Item {
        let mut out = self.clone();
        if !degrees.is_finite() {
            return out;
        }
        let turn = |r: f64| (r + degrees).rem_euclid(360.0);
        match &mut out {
            Item::Stroke(s) => map_points(s, |p| ink::rotate(p, c, degrees)),
            Item::Sticker(s) => {
                let p = ink::rotate(Point::new(s.x, s.y), c, degrees);
                (s.x, s.y, s.rotation) = (p.x, p.y, turn(s.rotation));
            }
            Item::Text(t) => {
                let p = ink::rotate(Point::new(t.x, t.y), c, degrees);
                (t.x, t.y, t.rotation) = (p.x, p.y, turn(t.rotation));
            }
            Item::Shape(s) => {
                let p = ink::rotate(Point::new(s.x, s.y), c, degrees);
                (s.x, s.y, s.rotation) = (p.x, p.y, turn(s.rotation));
            }
            Item::Arrow(a) => {
                for end in [&mut a.from, &mut a.to] {
                    if let End::Point { x, y } = end {
                        let p = ink::rotate(Point::new(*x, *y), c, degrees);
                        (*x, *y) = (p.x, p.y);
                    }
                }
            }
        }
        out
    }

    pub(super) fn set_id(&mut self, id: ItemId) {
        match self {
            Item::Stroke(s) => s.id = id,
            Item::Sticker(s) => s.id = id,
            Item::Text(t) => t.id = id,
            Item::Arrow(a) => a.id = id,
            Item::Shape(s) => s.id = id,
        }
    }
}

/// A stroke with each point changed by `f` (an unreadable stroke stays as it is).
pub(super) fn map_points(s: &mut Stroke, f: impl Fn(Point) -> Point) {
    if s.unreadable.is_none() {
        let moved: Vec<Point> = s.points.iter().copied().map(f).collect();
        s.set_points(moved);
    }
}

/// A turned box: what a selection frame is drawn around, and what handles act on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub c: Point,
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

/// An item's box, given where its ends are if it is an arrow.
pub fn bounds_of(item: &Item, ends: Option<(Point, Point)>) -> Option<Rect> {
    match item {
        Item::Stroke(s) => Rect::of(&s.points).map(|b| b.grow(s.width / 2.0)),
        Item::Sticker(s) => {
            let r = s.size / 2.0 * std::f64::consts::SQRT_2;
            Rect::of(&[Point::new(s.x - r, s.y - r), Point::new(s.x + r, s.y + r)])
        }
        Item::Text(t) => {
            let (w, h) = text_size(t);
            let r = w.hypot(h) / 2.0;
            Rect::of(&[Point::new(t.x - r, t.y - r), Point::new(t.x + r, t.y + r)])
        }
        Item::Arrow(a) => {
            let (f, t) = ends?;
            Rect::of(&[f, t]).map(|b| b.grow(a.width))
        }
        Item::Shape(s) => {
            let r = s.w.hypot(s.h) / 2.0;
            Rect::of(&[Point::new(s.x - r, s.y - r), Point::new(s.x + r, s.y + r)])
        }
    }
}

/// An item's turned box (see [`Picture::frame`]), given where its ends are if it is an arrow.
pub fn frame_of(item: &Item, ends: Option<(Point, Point)>) -> Option<Frame> {
    let upright = |b: Rect| Frame {
        c: Point::new((b.x0 + b.x1) / 2.0, (b.y0 + b.y1) / 2.0),
        w: b.x1 - b.x0,
        h: b.y1 - b.y0,
        rotation: 0.0,
    };
    Some(match item {
        Item::Sticker(s) => Frame {
            c: Point::new(s.x, s.y),
            w: s.size,
            h: s.size,
            rotation: s.rotation,
        },
        Item::Text(t) => {
            let (w, h) = text_size(t);
            Frame {
                c: Point::new(t.x, t.y),
                w,
                h,
                rotation: t.rotation,
            }
        }
        Item::Shape(s) => Frame {
            c: Point::new(s.x, s.y),
            w: s.w,
            h: s.h,
            rotation: s.rotation,
        },
        Item::Stroke(_) | Item::Arrow(_) => upright(bounds_of(item, ends)?),
    })
}
