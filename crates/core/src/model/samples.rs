//! Generated material for benchmarks and tests: a picture of hand-like strokes, and a large
//! workshop holding a generated map and picture. Deterministic (fixed seeds).

use crate::analysis::layout::bench_map;
use crate::geometry::Point;

use super::Workshop;
use super::boundary::Mode;
use super::picture::{Picture, Tool};

/// A stroke like a hand draws one: 30 to 90 samples, 3 units apart, turning gently.
pub fn hand_stroke(seed: &mut u64) -> Vec<Point> {
    let mut next = || {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % 10_000) as f64 / 10_000.0
    };
    let (mut x, mut y) = (next() * 1600.0, next() * 1000.0);
    let mut heading = next() * std::f64::consts::TAU;
    let n = 30 + (next() * 60.0) as usize;
    (0..n)
        .map(|_| {
            heading += (next() - 0.5) * 0.5;
            x += 3.0 * heading.cos() + (next() - 0.5) * 0.6;
            y += 3.0 * heading.sin() + (next() - 0.5) * 0.6;
            Point::new(x, y)
        })
        .collect()
}

/// A picture of `strokes` hand-like strokes (one in ten a highlighter), eight colours.
pub fn hand_drawn_picture(strokes: usize) -> Picture {
    let mut p = Picture::new("p-big".into(), "The situation");
    let mut seed = 0x2545_f491_4f6c_dd1d;
    for i in 0..strokes {
        let tool = if i % 10 == 0 {
            Tool::Highlighter
        } else {
            Tool::Pen
        };
        p.add_stroke(&hand_stroke(&mut seed), tool, (i % 8) as u8, 4.0);
    }
    p
}

/// A workshop as large as a long day makes it: a map of `nodes` nodes (`bench_map`), a picture
/// of `strokes` strokes, and one boundary perspective, `p-team`, with every question answered.
pub fn large_workshop(nodes: usize, strokes: usize) -> Workshop {
    let mut w = Workshop::new("w-large".into(), "Large workshop", 0.0);
    w.maps.push(bench_map(nodes).into());
    w.pictures.push(hand_drawn_picture(strokes).into());
    let p = w.boundary.add_perspective("p-team".into(), "The team");
    for q in 1..=12 {
        w.boundary.set_answer(
            &p,
            q,
            Mode::Is,
            format!("What is the case for question {q}."),
        );
        w.boundary.set_answer(
            &p,
            q,
            Mode::Ought,
            format!("What ought to be the case for {q}."),
        );
    }
    w
}
