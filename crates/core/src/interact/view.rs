//! Moving the view, the same on every canvas: a drag pans, two fingers pinch (zoom about
//! their middle and pan with it), the wheel zooms about the pointer (faster with Ctrl, which
//! is how a trackpad's pinch arrives). All in canvas pixels; the results are [`Viewport`]s.

use crate::geometry::Point;
use crate::model::map::Viewport;

/// A pan in progress: where the pointer was last.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pan {
    last: Point,
}

impl Pan {
    pub fn start(at: Point) -> Pan {
        Pan { last: at }
    }

    /// The view after the pointer moved to `at`: the content follows the pointer.
    pub fn to(&mut self, at: Point, view: Viewport) -> Viewport {
        let (dx, dy) = (
            (at.x - self.last.x) / view.zoom,
            (at.y - self.last.y) / view.zoom,
        );
        self.last = at;
        Viewport {
            x: view.x - dx,
            y: view.y - dy,
            zoom: view.zoom,
        }
    }
}

/// A pinch in progress: the fingers' distance and middle when it began, and the view then.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pinch {
    dist: f64,
    mid: Point,
    view: Viewport,
}

fn apart(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y).max(1.0)
}

fn middle(a: Point, b: Point) -> Point {
    Point::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0)
}

impl Pinch {
    pub fn start(a: Point, b: Point, view: Viewport) -> Pinch {
        Pinch {
            dist: apart(a, b),
            mid: middle(a, b),
            view,
        }
    }

    /// The view with the fingers now at `a` and `b`: zoomed by how much further apart they
    /// are, about where their middle began, and panned as far as the middle moved.
    pub fn to(&self, a: Point, b: Point) -> Viewport {
        let m = middle(a, b);
        let zoomed = self
            .view
            .zoom_at(apart(a, b) / self.dist, self.mid.x, self.mid.y);
        Viewport {
            x: zoomed.x - (m.x - self.mid.x) / zoomed.zoom,
            y: zoomed.y - (m.y - self.mid.y) / zoomed.zoom,
            zoom: zoomed.zoom,
        }
    }
}

/// The view after a wheel turn of `delta_y` pixels over `at` (Ctrl: a trackpad pinch).
pub fn wheel(view: Viewport, at: Point, delta_y: f64, ctrl: bool) -> Viewport {
    let factor = (-delta_y * if ctrl { 0.01 } else { 0.0015 }).exp();
    view.zoom_at(factor, at.x, at.y)
}

/// What lifting a pointer does to the gesture under way (held with the pointer that began it).
#[derive(Debug, PartialEq)]
pub enum Lifted<G> {
    /// Nothing ends: no gesture, another pointer's, or a pinch with a finger still down.
    Nothing,
    /// The last finger of a pinch lifted: the view it left is kept.
    PinchOver,
    /// The pointer's own gesture ends, handed back to be finished.
    Own(G),
}

/// Releases pointer `id` and says what that ends of the gesture in `now` (`is_pinch` tells a
/// pinch, which any finger may end). Every canvas's machine starts its `up` here.
pub fn lift<G>(
    now: &mut Option<(i32, G)>,
    pointers: &mut Pointers,
    id: i32,
    is_pinch: impl Fn(&G) -> bool,
) -> Lifted<G> {
    pointers.release(id);
    let Some((owner, g)) = now.take() else {
        return Lifted::Nothing;
    };
    if is_pinch(&g) {
        if pointers.is_empty() {
            return Lifted::PinchOver;
        }
    } else if owner == id {
        return Lifted::Own(g);
    }
    *now = Some((owner, g));
    Lifted::Nothing
}

/// The pointers down on a canvas, in the order they pressed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pointers(Vec<(i32, Point)>);

impl Pointers {
    pub fn press(&mut self, id: i32, at: Point) {
        self.0.retain(|p| p.0 != id);
        self.0.push((id, at));
    }

    pub fn moved(&mut self, id: i32, at: Point) {
        if let Some(p) = self.0.iter_mut().find(|p| p.0 == id) {
            p.1 = at;
        }
    }

    pub fn release(&mut self, id: i32) {
        self.0.retain(|p| p.0 != id);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first two, when two or more are down.
    pub fn two(&self) -> Option<(Point, Point)> {
        (self.0.len() >= 2).then(|| (self.0[0].1, self.0[1].1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Viewport = Viewport {
        x: 0.0,
        y: 0.0,
        zoom: 2.0,
    };

    #[test]
    fn a_pan_moves_the_content_with_the_pointer_at_any_zoom() {
        let mut pan = Pan::start(Point::new(100.0, 100.0));
        let v = pan.to(Point::new(140.0, 80.0), VIEW);
        assert_eq!((v.x, v.y, v.zoom), (-20.0, 10.0, 2.0));
        // The point under the pointer stays under it.
        assert_eq!(VIEW.to_map(100.0, 100.0), v.to_map(140.0, 80.0));
        let v2 = pan.to(Point::new(150.0, 80.0), v);
        assert_eq!((v2.x, v2.y), (-25.0, 10.0));
    }

    #[test]
    fn a_pinch_zooms_about_the_fingers_middle_and_follows_it() {
        let pinch = Pinch::start(Point::new(100.0, 100.0), Point::new(200.0, 100.0), VIEW);
        // Twice as far apart, middle unchanged: twice the zoom, the middle's point still there.
        let v = pinch.to(Point::new(50.0, 100.0), Point::new(250.0, 100.0));
        assert_eq!(v.zoom, 4.0);
        assert_eq!(v.to_map(150.0, 100.0), VIEW.to_map(150.0, 100.0));
        // Same distance, middle moved 30 px right: a pan, the point follows the fingers.
        let v = pinch.to(Point::new(130.0, 100.0), Point::new(230.0, 100.0));
        assert_eq!(v.zoom, 2.0);
        assert_eq!(v.to_map(180.0, 100.0), VIEW.to_map(150.0, 100.0));
    }

    #[test]
    fn the_wheel_zooms_about_the_pointer_faster_with_ctrl_and_within_limits() {
        let at = Point::new(300.0, 200.0);
        let slow = wheel(VIEW, at, -100.0, false);
        let fast = wheel(VIEW, at, -100.0, true);
        assert!(slow.zoom > VIEW.zoom && fast.zoom > slow.zoom);
        let held = VIEW.to_map(at.x, at.y);
        let now = slow.to_map(at.x, at.y);
        assert!((held.x - now.x).abs() < 1e-9 && (held.y - now.y).abs() < 1e-9);
        assert_eq!(wheel(VIEW, at, -1e6, true).zoom, Viewport::MAX_ZOOM);
        assert_eq!(wheel(VIEW, at, 1e6, true).zoom, Viewport::MIN_ZOOM);
    }

    #[test]
    fn pointers_keep_their_order_and_positions() {
        let mut ps = Pointers::default();
        assert_eq!(ps.two(), None);
        ps.press(5, Point::new(1.0, 1.0));
        ps.press(7, Point::new(2.0, 2.0));
        ps.moved(5, Point::new(3.0, 3.0));
        assert_eq!(ps.two(), Some((Point::new(3.0, 3.0), Point::new(2.0, 2.0))));
        ps.release(5);
        assert_eq!(ps.len(), 1);
        ps.release(7);
        assert!(ps.is_empty());
    }
}
