//! Geometry of freehand drawing, pure and tested natively: simplifying a stroke on release
//! (Ramer–Douglas–Peucker), smoothing it for display (quadratic curves through midpoints),
//! hit-testing (distance to a polyline, to a rotated box). The compact text form strokes are
//! stored in is [`crate::model::picture::codec`].

use crate::geometry::Point;

/// The distance from `p` to the segment `a`–`b`.
pub fn to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
}

/// The distance from `p` to a polyline (to its only point, if it has one).
pub fn to_polyline(p: Point, line: &[Point]) -> f64 {
    match line {
        [] => f64::INFINITY,
        [a] => (p.x - a.x).hypot(p.y - a.y),
        _ => line
            .windows(2)
            .map(|w| to_segment(p, w[0], w[1]))
            .fold(f64::INFINITY, f64::min),
    }
}

/// Ramer–Douglas–Peucker: the fewest points of `line` such that no dropped point is farther
/// than `tolerance` from the simplified line. The ends are always kept. Iterative, so a long
/// stroke cannot overflow the stack.
pub fn simplify(line: &[Point], tolerance: f64) -> Vec<Point> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut far, mut at) = (0.0, a);
        for (i, p) in line.iter().enumerate().take(b).skip(a + 1) {
            let d = to_segment(*p, line[a], line[b]);
            if d > far {
                far = d;
                at = i;
            }
        }
        if far > tolerance {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// An SVG path through the points, smoothed: straight to the first midpoint, then quadratic
/// curves with each inner point as the control point, ending at the last point. A single
/// point becomes a dot (a zero-length line, drawn with round caps).
pub fn smooth_path(line: &[Point]) -> String {
    use std::fmt::Write;
    let r = |v: f64| (v * 10.0).round() / 10.0;
    let mut d = String::with_capacity(line.len() * 16);
    match line {
        [] => {}
        [a] => {
            let _ = write!(d, "M{} {}l0 0", r(a.x), r(a.y));
        }
        [a, b] => {
            let _ = write!(d, "M{} {}L{} {}", r(a.x), r(a.y), r(b.x), r(b.y));
        }
        _ => {
            let _ = write!(d, "M{} {}", r(line[0].x), r(line[0].y));
            for w in line.windows(2).skip(1) {
                let (c, n) = (w[0], w[1]);
                let mid = Point::new((c.x + n.x) / 2.0, (c.y + n.y) / 2.0);
                let _ = write!(d, "Q{} {} {} {}", r(c.x), r(c.y), r(mid.x), r(mid.y));
            }
            let last = line[line.len() - 1];
            let _ = write!(d, "L{} {}", r(last.x), r(last.y));
        }
    }
    d
}

/// `p` rotated by `degrees` (clockwise on screen, y down) about `c`.
pub fn rotate(p: Point, c: Point, degrees: f64) -> Point {
    let (s, k) = degrees.to_radians().sin_cos();
    let (dx, dy) = (p.x - c.x, p.y - c.y);
    Point::new(c.x + dx * k - dy * s, c.y + dx * s + dy * k)
}

/// Whether `p` is inside a `w` × `h` box centred on `c` and turned by `degrees`.
pub fn in_rotated_box(p: Point, c: Point, w: f64, h: f64, degrees: f64) -> bool {
    let q = rotate(p, c, -degrees);
    (q.x - c.x).abs() <= w / 2.0 && (q.y - c.y).abs() <= h / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Rect;

    fn pts(v: &[(f64, f64)]) -> Vec<Point> {
        v.iter().map(|&(x, y)| Point::new(x, y)).collect()
    }

    #[test]
    fn distances_to_segments_and_lines() {
        let (a, b) = (Point::new(0.0, 0.0), Point::new(10.0, 0.0));
        assert_eq!(to_segment(Point::new(5.0, 3.0), a, b), 3.0);
        assert_eq!(to_segment(Point::new(-4.0, 3.0), a, b), 5.0);
        assert_eq!(to_segment(Point::new(1.0, 1.0), a, a), 2f64.sqrt());
        assert_eq!(
            to_polyline(
                Point::new(10.0, 5.0),
                &pts(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)])
            ),
            0.0
        );
        assert_eq!(to_polyline(Point::new(0.0, 0.0), &[]), f64::INFINITY);
    }

    #[test]
    fn simplification_keeps_the_shape_within_tolerance() {
        // A straight line with jitter below the tolerance becomes its two ends.
        let line: Vec<Point> = (0..=100)
            .map(|i| Point::new(i as f64, if i % 2 == 0 { 0.2 } else { -0.2 }))
            .collect();
        assert_eq!(simplify(&line, 0.5), pts(&[(0.0, 0.2), (100.0, 0.2)]));
        // A corner is kept.
        let corner = pts(&[
            (0.0, 0.0),
            (5.0, 0.0),
            (10.0, 0.0),
            (10.0, 5.0),
            (10.0, 10.0),
        ]);
        assert_eq!(
            simplify(&corner, 0.5),
            pts(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)])
        );
        // A circle: every dropped point is within tolerance of the result.
        let circle: Vec<Point> = (0..=360)
            .map(|d| {
                let a = f64::from(d).to_radians();
                Point::new(100.0 * a.cos(), 100.0 * a.sin())
            })
            .collect();
        let s = simplify(&circle, 1.0);
        assert!(s.len() < 60 && s.len() > 8, "{}", s.len());
        assert!(circle.iter().all(|p| to_polyline(*p, &s) <= 1.0 + 1e-9));
    }

    #[test]
    fn smoothing_draws_curves_through_the_points() {
        assert_eq!(smooth_path(&pts(&[(1.0, 2.0)])), "M1 2l0 0");
        assert_eq!(smooth_path(&pts(&[(0.0, 0.0), (10.0, 0.0)])), "M0 0L10 0");
        assert_eq!(
            smooth_path(&pts(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)])),
            "M0 0Q10 0 10 5L10 10"
        );
    }

    #[test]
    fn boxes_and_rotation() {
        let b = Rect::of(&pts(&[(3.0, 4.0), (-1.0, 8.0)])).unwrap();
        assert_eq!((b.x0, b.y0, b.x1, b.y1), (-1.0, 4.0, 3.0, 8.0));
        let r = rotate(Point::new(1.0, 0.0), Point::new(0.0, 0.0), 90.0);
        assert!((r.x).abs() < 1e-12 && (r.y - 1.0).abs() < 1e-12);
        // A 100 × 10 box turned 90° is tall: (0, 40) is in, (40, 0) is not.
        let c = Point::new(0.0, 0.0);
        assert!(in_rotated_box(Point::new(0.0, 40.0), c, 100.0, 10.0, 90.0));
        assert!(!in_rotated_box(Point::new(40.0, 0.0), c, 100.0, 10.0, 90.0));
    }
}
