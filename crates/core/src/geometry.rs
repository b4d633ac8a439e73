//! The one geometry vocabulary of maps and pictures: a [`Point`], a [`Size`] and an
//! axis-aligned [`Rect`], in map or picture units (CSS pixels at zoom 1, y down).

use serde::{Deserialize, Serialize};

/// A point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// A width and a height (a node's box, in map units).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

/// An axis-aligned rectangle, `x0 <= x1`, `y0 <= y1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn around(centre: Point, size: Size) -> Rect {
        Rect {
            x0: centre.x - size.w / 2.0,
            y0: centre.y - size.h / 2.0,
            x1: centre.x + size.w / 2.0,
            y1: centre.y + size.h / 2.0,
        }
    }

    pub fn from_corners(a: Point, b: Point) -> Rect {
        Rect {
            x0: a.x.min(b.x),
            y0: a.y.min(b.y),
            x1: a.x.max(b.x),
            y1: a.y.max(b.y),
        }
    }

    /// The smallest rectangle holding every point; `None` for no points.
    pub fn of(points: &[Point]) -> Option<Rect> {
        let first = points.first()?;
        Some(points.iter().fold(
            Rect {
                x0: first.x,
                y0: first.y,
                x1: first.x,
                y1: first.y,
            },
            |b, p| Rect {
                x0: b.x0.min(p.x),
                y0: b.y0.min(p.y),
                x1: b.x1.max(p.x),
                y1: b.y1.max(p.y),
            },
        ))
    }

    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Grown by `by` on every side.
    pub fn grow(self, by: f64) -> Rect {
        Rect {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    pub fn union(self, o: Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x0 && p.x <= self.x1 && p.y >= self.y0 && p.y <= self.y1
    }

    /// True when the two overlap by more than a hair (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        const EPS: f64 = 1e-6;
        self.x0 < o.x1 - EPS && o.x0 < self.x1 - EPS && self.y0 < o.y1 - EPS && o.y0 < self.y1 - EPS
    }

    /// True when the two share any point, touching edges included.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }

    /// True when the segment from `p` to `q` passes through the rectangle, its edge included
    /// (Liang–Barsky clipping: some part of the segment lies inside).
    pub fn meets_segment(&self, p: Point, q: Point) -> bool {
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (pk, qk) in [
            (-dx, p.x - self.x0),
            (dx, self.x1 - p.x),
            (-dy, p.y - self.y0),
            (dy, self.y1 - p.y),
        ] {
            if pk.abs() < 1e-12 {
                if qk < 0.0 {
                    return false;
                }
            } else {
                let t = qk / pk;
                if pk < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}
