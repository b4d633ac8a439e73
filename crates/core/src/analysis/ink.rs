//! Geometry of freehand drawing, pure and tested natively: simplifying a stroke on release
//! (Ramer–Douglas–Peucker), smoothing it for display (quadratic curves through midpoints),
//! hit-testing (distance to a polyline, to a rotated box), bounds, and the compact text form
//! strokes are stored in.

/// A point in picture units (CSS pixels at zoom 1).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct P {
    pub x: f64,
    pub y: f64,
}

impl P {
    pub fn new(x: f64, y: f64) -> P {
        P { x, y }
    }
}

/// The distance from `p` to the segment `a`–`b`.
pub fn to_segment(p: P, a: P, b: P) -> f64 {
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
pub fn to_polyline(p: P, line: &[P]) -> f64 {
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
pub fn simplify(line: &[P], tolerance: f64) -> Vec<P> {
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
pub fn smooth_path(line: &[P]) -> String {
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
                let mid = P::new((c.x + n.x) / 2.0, (c.y + n.y) / 2.0);
                let _ = write!(d, "Q{} {} {} {}", r(c.x), r(c.y), r(mid.x), r(mid.y));
            }
            let last = line[line.len() - 1];
            let _ = write!(d, "L{} {}", r(last.x), r(last.y));
        }
    }
    d
}

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Bounds {
    pub fn of(points: &[P]) -> Option<Bounds> {
        let first = points.first()?;
        Some(points.iter().fold(
            Bounds {
                x0: first.x,
                y0: first.y,
                x1: first.x,
                y1: first.y,
            },
            |b, p| Bounds {
                x0: b.x0.min(p.x),
                y0: b.y0.min(p.y),
                x1: b.x1.max(p.x),
                y1: b.y1.max(p.y),
            },
        ))
    }

    /// Grown by `by` on every side.
    pub fn grow(self, by: f64) -> Bounds {
        Bounds {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    pub fn union(self, o: Bounds) -> Bounds {
        Bounds {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    pub fn contains(&self, p: P) -> bool {
        p.x >= self.x0 && p.x <= self.x1 && p.y >= self.y0 && p.y <= self.y1
    }

    pub fn intersects(&self, o: &Bounds) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }
}

/// `p` rotated by `degrees` (clockwise on screen, y down) about `c`.
pub fn rotate(p: P, c: P, degrees: f64) -> P {
    let (s, k) = degrees.to_radians().sin_cos();
    let (dx, dy) = (p.x - c.x, p.y - c.y);
    P::new(c.x + dx * k - dy * s, c.y + dx * s + dy * k)
}

/// Whether `p` is inside a `w` × `h` box centred on `c` and turned by `degrees`.
pub fn in_rotated_box(p: P, c: P, w: f64, h: f64, degrees: f64) -> bool {
    let q = rotate(p, c, -degrees);
    (q.x - c.x).abs() <= w / 2.0 && (q.y - c.y).abs() <= h / 2.0
}

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Points in a compact text form for storage: whole picture units, the first point as
/// `x,y`, then each step from the point before as two zigzag varints in URL-safe base64
/// digits (5 data bits a digit, the sixth says "more follows"). A step of up to 15 units in
/// each direction takes two characters; a typical simplified stroke of 20 points, about 50.
pub fn encode(points: &[P]) -> String {
    let Some(first) = points.first() else {
        return String::new();
    };
    let (mut px, mut py) = (first.x.round() as i64, first.y.round() as i64);
    let mut out = format!("{px},{py}:");
    for p in &points[1..] {
        let (x, y) = (p.x.round() as i64, p.y.round() as i64);
        for d in [x - px, y - py] {
            let mut z = ((d << 1) ^ (d >> 63)) as u64;
            loop {
                let part = (z & 31) as usize;
                z >>= 5;
                if z == 0 {
                    out.push(DIGITS[part] as char);
                    break;
                }
                out.push(DIGITS[part | 32] as char);
            }
        }
        (px, py) = (x, y);
    }
    out
}

/// Reads [`encode`]'s form back; `None` for text that is not one (so a damaged stroke can be
/// reported and dropped, never half-read).
pub fn decode(text: &str) -> Option<Vec<P>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let (head, rest) = text.split_once(':')?;
    let (x, y) = head.split_once(',')?;
    let (mut x, mut y): (i64, i64) = (x.parse().ok()?, y.parse().ok()?);
    const LIMIT: i64 = 1 << 40;
    if x.abs() > LIMIT || y.abs() > LIMIT {
        return None;
    }
    let mut out = vec![P::new(x as f64, y as f64)];
    let mut values = Vec::with_capacity(2);
    let (mut z, mut shift) = (0u64, 0u32);
    for b in rest.bytes() {
        let v = DIGITS.iter().position(|&c| c == b)? as u64;
        if shift > 40 {
            return None;
        }
        z |= (v & 31) << shift;
        shift += 5;
        if v & 32 == 0 {
            let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
            values.push(d);
            (z, shift) = (0, 0);
            if values.len() == 2 {
                x = x.checked_add(values[0])?;
                y = y.checked_add(values[1])?;
                if x.abs() > LIMIT || y.abs() > LIMIT {
                    return None;
                }
                out.push(P::new(x as f64, y as f64));
                values.clear();
            }
        }
    }
    (shift == 0 && values.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(v: &[(f64, f64)]) -> Vec<P> {
        v.iter().map(|&(x, y)| P::new(x, y)).collect()
    }

    #[test]
    fn distances_to_segments_and_lines() {
        let (a, b) = (P::new(0.0, 0.0), P::new(10.0, 0.0));
        assert_eq!(to_segment(P::new(5.0, 3.0), a, b), 3.0);
        assert_eq!(to_segment(P::new(-4.0, 3.0), a, b), 5.0);
        assert_eq!(to_segment(P::new(1.0, 1.0), a, a), 2f64.sqrt());
        assert_eq!(
            to_polyline(
                P::new(10.0, 5.0),
                &pts(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)])
            ),
            0.0
        );
        assert_eq!(to_polyline(P::new(0.0, 0.0), &[]), f64::INFINITY);
    }

    #[test]
    fn simplification_keeps_the_shape_within_tolerance() {
        // A straight line with jitter below the tolerance becomes its two ends.
        let line: Vec<P> = (0..=100)
            .map(|i| P::new(i as f64, if i % 2 == 0 { 0.2 } else { -0.2 }))
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
        let circle: Vec<P> = (0..=360)
            .map(|d| {
                let a = f64::from(d).to_radians();
                P::new(100.0 * a.cos(), 100.0 * a.sin())
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
        let b = Bounds::of(&pts(&[(3.0, 4.0), (-1.0, 8.0)])).unwrap();
        assert_eq!((b.x0, b.y0, b.x1, b.y1), (-1.0, 4.0, 3.0, 8.0));
        let r = rotate(P::new(1.0, 0.0), P::new(0.0, 0.0), 90.0);
        assert!((r.x).abs() < 1e-12 && (r.y - 1.0).abs() < 1e-12);
        // A 100 × 10 box turned 90° is tall: (0, 40) is in, (40, 0) is not.
        let c = P::new(0.0, 0.0);
        assert!(in_rotated_box(P::new(0.0, 40.0), c, 100.0, 10.0, 90.0));
        assert!(!in_rotated_box(P::new(40.0, 0.0), c, 100.0, 10.0, 90.0));
    }

    #[test]
    fn the_stored_form_round_trips_and_is_small() {
        let line = pts(&[
            (100.0, -20.0),
            (103.0, -18.0),
            (90.0, 5.0),
            (90.0, 5.0),
            (5000.0, -70000.0),
        ]);
        let text = encode(&line);
        assert_eq!(decode(&text).unwrap(), line);
        // Small steps take one digit each.
        assert_eq!(encode(&pts(&[(0.0, 0.0), (3.0, -2.0)])), "0,0:GD");
        assert_eq!(decode("").unwrap(), vec![]);
        for bad in ["x", "1,2", "1,2:!", "1,2:G", "a,b:", "1,2:////////////"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
