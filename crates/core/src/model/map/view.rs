//! The view a map was left at: pan and zoom, and the conversions between screen and map.

use serde::{Deserialize, Serialize};

use super::{MAX_COORD, Point, Rect};

/// Where the user left the canvas: the map point at the top-left corner and the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            x: -600.0,
            y: -350.0,
            zoom: 1.0,
        }
    }
}

impl Viewport {
    pub const MIN_ZOOM: f64 = 0.05;
    pub const MAX_ZOOM: f64 = 4.0;

    /// The map point under a screen point (relative to the canvas's top-left corner).
    pub fn to_map(&self, sx: f64, sy: f64) -> Point {
        Point::new(self.x + sx / self.zoom, self.y + sy / self.zoom)
    }

    /// Zooms by `factor` keeping the map point under the screen point `(sx, sy)` in place.
    pub fn zoom_at(&self, factor: f64, sx: f64, sy: f64) -> Viewport {
        let zoom = (self.zoom * factor).clamp(Viewport::MIN_ZOOM, Viewport::MAX_ZOOM);
        let anchor = self.to_map(sx, sy);
        Viewport {
            x: anchor.x - sx / zoom,
            y: anchor.y - sy / zoom,
            zoom,
        }
    }

    /// The view that shows `bounds` (with a margin) in a canvas of `width` × `height` pixels,
    /// never zooming in past 1.5.
    pub fn fit(bounds: Rect, width: f64, height: f64) -> Viewport {
        let margin = 40.0;
        let bw = (bounds.w()).max(1.0) + 2.0 * margin;
        let bh = (bounds.h()).max(1.0) + 2.0 * margin;
        let zoom = (width / bw).min(height / bh).clamp(Viewport::MIN_ZOOM, 1.5);
        let cx = (bounds.x0 + bounds.x1) / 2.0;
        let cy = (bounds.y0 + bounds.y1) / 2.0;
        Viewport {
            x: cx - width / 2.0 / zoom,
            y: cy - height / 2.0 / zoom,
            zoom,
        }
    }

    /// A view the canvas can draw: finite, within [`MAX_COORD`], zoom within its limits.
    pub fn is_valid(&self) -> bool {
        self.x.abs() <= MAX_COORD
            && self.y.abs() <= MAX_COORD
            && self.zoom.is_finite()
            && (Viewport::MIN_ZOOM..=Viewport::MAX_ZOOM).contains(&self.zoom)
    }
}
