//! The results picture: the relational cycle (a ring of boxes round the heart, arrows from
//! each to the next) or the flowchart (top boxes over two columns), each box coloured by its
//! mean, with a legend for the colours and the disagreement mark.
//!
//! The ring is laid out on the border of a grid (clockwise, starting right of the top middle,
//! so the first group sits on the right half as in the paper's figure), the heart inside it.
//! Cells are sized so that between any two boxes an arrow has room to be seen: the geometry is
//! checked by the tests (no arrow's visible part crosses any box).

use std::fmt::Write;

use super::{
    Drawn, Frame, INK, MUTED, PALETTE, UNSCORED, class_bounds, colour, escape, number, open, text,
    wrap_at_most,
};
use crate::analysis::stats::Range;
use crate::content::frameworks::{HEART, LEFT, OPERATIONAL, RELATIONAL, RIGHT, TOP};
use crate::model::scoring::ElementResult;

mod cycle;
mod flowchart;

pub use cycle::cycle_layout;
pub use flowchart::flowchart_layout;

/// Where one box goes: centre and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Place {
    /// Whether the open segment from `p` to `q` passes through this box grown by `pad`.
    pub fn crossed_by(&self, p: (f64, f64), q: (f64, f64), pad: f64) -> bool {
        // Liang–Barsky clipping of the segment against the box.
        let (x0, x1) = (self.x - self.w / 2.0 - pad, self.x + self.w / 2.0 + pad);
        let (y0, y1) = (self.y - self.h / 2.0 - pad, self.y + self.h / 2.0 + pad);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (d, lo, hi, v) in [(dx, x0, x1, p.0), (dy, y0, y1, p.1)] {
            if d.abs() < 1e-12 {
                if v <= lo || v >= hi {
                    return false;
                }
            } else {
                let (a, b) = ((lo - v) / d, (hi - v) / d);
                let (a, b) = if a < b { (a, b) } else { (b, a) };
                t0 = t0.max(a);
                t1 = t1.min(b);
                if t0 >= t1 {
                    return false;
                }
            }
        }
        t1 - t0 > 1e-9
    }
}

/// The picture's geometry: a box per element (in the order given), the arrows, the column
/// headings (flowchart), the legend's top and the picture's size.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub places: Vec<Place>,
    pub arrows: Vec<((f64, f64), (f64, f64))>,
    pub headings: Vec<(f64, f64, &'static str)>,
    pub legend_top: f64,
    pub width: f64,
    pub height: f64,
    /// Lines of each box: the name's lines (bold), then the numbers.
    pub lines: Vec<Vec<String>>,
}

/// Space between a box and the end of an arrow.
const GAP: f64 = 6.0;

/// The shortest arrow worth drawing, for text of `font` px.
fn arrow_min(font: f64) -> f64 {
    font
}

/// The legend's items: a swatch (fill, dashed?) and its words.
fn legend_items(range: Range, unscored: bool) -> Vec<(&'static str, bool, String)> {
    let mut items: Vec<(&'static str, bool, String)> = (0..5)
        .map(|k| {
            let (lo, hi) = class_bounds(k, range);
            (
                PALETTE[k].0,
                false,
                format!("{}\u{2013}{}", number(lo), number(hi)),
            )
        })
        .collect();
    if unscored {
        items.push((UNSCORED.0, false, "not scored".into()));
    }
    items.push((
        "#ffffff",
        true,
        "\u{2691} the group disagrees: dissent, split or spread".into(),
    ));
    items
}

/// Where each legend item goes (x, row), and how many rows, in `frame`'s width.
fn legend_flow(frame: Frame, items: &[(&str, bool, String)]) -> (Vec<(f64, usize)>, usize) {
    let f = frame.font;
    let mut x = frame.text_width("Mean:") + f;
    let mut row = 0;
    let mut out = Vec::with_capacity(items.len());
    for (_, _, words) in items {
        let w = f * 1.4 + frame.text_width(words) + f;
        if x + w > frame.width && x > 0.0 {
            row += 1;
            x = 0.0;
        }
        out.push((x, row));
        x += w;
    }
    (out, row + 1)
}

/// The legend's height in `frame`.
pub fn legend_height(frame: Frame, range: Range, unscored: bool) -> f64 {
    let (_, rows) = legend_flow(frame, &legend_items(range, unscored));
    rows as f64 * frame.line() * 1.2 + frame.font * 0.6
}

fn draw_legend(svg: &mut String, frame: Frame, top: f64, range: Range, unscored: bool) {
    let f = frame.font;
    let items = legend_items(range, unscored);
    let (at, _) = legend_flow(frame, &items);
    let row_y = |row: usize| top + f * 0.6 + frame.line() * 1.2 * (row as f64 + 0.5);
    svg.push_str("<g class=\"legend\">");
    text(
        svg,
        0.0,
        row_y(0),
        f,
        "start",
        &format!(" fill=\"{INK}\" font-weight=\"700\""),
        "Mean:",
    );
    for ((fill, dashed, words), (x, row)) in items.iter().zip(at) {
        let y = row_y(row);
        let dash = if *dashed {
            " stroke-dasharray=\"6 4\" stroke-width=\"3\""
        } else {
            " stroke-width=\"1\""
        };
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\" fill=\"{fill}\" stroke=\"{INK}\"{dash}/>",
            y - f * 0.45,
            f * 1.1,
            f * 0.9
        );
        text(
            svg,
            x + f * 1.4,
            y,
            f,
            "start",
            &format!(" fill=\"{INK}\""),
            words,
        );
    }
    svg.push_str("</g>");
}

/// The lines a box shows: its name (at most three lines), the numbers, and the mark.
fn box_lines(r: &ElementResult, chars: usize) -> Vec<String> {
    let s = &r.summary;
    let mut lines = wrap_at_most(&r.element.name, chars, 3);
    lines.push(match (s.mean, s.iqr()) {
        (Some(m), Some(iqr)) => format!("mean {} \u{b7} IQR {}", number(m), number(iqr)),
        _ => "not scored".to_string(),
    });
    // The flag names its kind on a line of its own (the box's title says what it means).
    if let Some(words) = flag_line(s) {
        lines.push(words);
    }
    lines
}

/// "⚑ split", "⚑ many don't know", "⚑ dissent, many don't know", or `None` when not flagged.
fn flag_line(s: &crate::analysis::stats::Summary) -> Option<String> {
    let words = crate::analysis::by_group::flag_words(s);
    (!words.is_empty()).then(|| format!("\u{2691} {words}"))
}

/// The box height that holds the most lines any of `lines` has.
fn box_height(frame: Frame, lines: &[Vec<String>]) -> f64 {
    let most = lines.iter().map(Vec::len).max().unwrap_or(1).max(2);
    most as f64 * frame.line() + frame.font * 0.5
}

/// The visible part of the arrow from box `a` to box `b`, if they are far enough apart.
fn arrow(a: Place, b: Place, min: f64) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = dx.hypot(dy);
    if len < 1e-9 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let exit = |p: Place| {
        let tx = if ux.abs() > 1e-9 {
            p.w / 2.0 / ux.abs()
        } else {
            f64::INFINITY
        };
        let ty = if uy.abs() > 1e-9 {
            p.h / 2.0 / uy.abs()
        } else {
            f64::INFINITY
        };
        tx.min(ty) + GAP
    };
    let (ta, tb) = (exit(a), exit(b));
    (len - ta - tb >= min).then_some({
        (
            (a.x + ux * ta, a.y + uy * ta),
            (b.x - ux * tb, b.y - uy * tb),
        )
    })
}

fn node(
    svg: &mut String,
    frame: Frame,
    p: Place,
    r: &ElementResult,
    lines: &[String],
    range: Range,
) {
    let s = &r.summary;
    let (fill, ink) = colour(s.mean, range);
    let flagged = s.disagreement.is_some();
    let dash = if flagged {
        " stroke-dasharray=\"10 6\" stroke-width=\"5\""
    } else {
        " stroke-width=\"2\""
    };
    let title = match s.mean {
        Some(m) => format!(
            "{}: mean {}, median {}, n {}{}",
            r.element.name,
            number(m),
            s.median.map_or(String::new(), number),
            s.n,
            crate::analysis::stats::flag_text(s)
                .map(|t| format!(". \u{2691} {t}"))
                .unwrap_or_default()
        ),
        None => format!("{}: not scored", r.element.name),
    };
    let _ = write!(
        svg,
        "<g class=\"element\" data-element=\"{}\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"14\" fill=\"{fill}\" stroke=\"{INK}\"{dash}/>",
        escape(&r.element.id),
        escape(&title),
        p.x - p.w / 2.0,
        p.y - p.h / 2.0,
        p.w,
        p.h
    );
    let numbers = 1 + usize::from(flag_line(s).is_some());
    let top = p.y - (lines.len() as f64 - 1.0) * frame.line() / 2.0;
    for (k, line) in lines.iter().enumerate() {
        let weight = if k + numbers < lines.len() {
            "700"
        } else {
            "400"
        };
        text(
            svg,
            p.x,
            top + k as f64 * frame.line(),
            frame.font,
            "middle",
            &format!(" fill=\"{ink}\" font-weight=\"{weight}\""),
            line,
        );
    }
    svg.push_str("</g>");
}

/// Draws results as the cycle (unless the framework is the flowchart) in `frame`; `title`
/// names the picture for screen readers.
pub fn picture(
    frame: Frame,
    results: &[ElementResult],
    range: Range,
    based_on: &str,
    title: &str,
) -> Drawn {
    let unscored = results.iter().any(|r| r.summary.mean.is_none());
    let legend = legend_height(frame, range, unscored);
    let layout = if based_on == "flowchart" {
        flowchart_layout(results, frame, legend)
    } else {
        cycle_layout(results, frame, legend)
    };
    let mut svg = open("chart", layout.width, layout.height, title);
    let _ = write!(
        svg,
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{MUTED}\"/></marker></defs>"
    );
    for &((x1, y1), (x2, y2)) in &layout.arrows {
        let _ = write!(
            svg,
            "<line class=\"arrow\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{MUTED}\" stroke-width=\"4\" marker-end=\"url(#arrow)\"/>"
        );
    }
    for &(x, y, label) in &layout.headings {
        text(
            &mut svg,
            x,
            y,
            frame.font,
            "middle",
            &format!(" fill=\"{INK}\" font-style=\"italic\""),
            label,
        );
    }
    for ((r, p), lines) in results.iter().zip(&layout.places).zip(&layout.lines) {
        node(&mut svg, frame, *p, r, lines, range);
    }
    let frame_now = Frame {
        width: layout.width,
        ..frame
    };
    draw_legend(&mut svg, frame_now, layout.legend_top, range, unscored);
    svg.push_str("</svg>");
    Drawn {
        svg,
        width: layout.width,
        height: layout.height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::{CYCLE, FLOWCHART};
    use crate::model::scoring::{Element, Scoring};

    const FIVE: Range = Range { min: 1, max: 5 };

    fn frames() -> Vec<Frame> {
        let mut out = vec![Frame::PAGE];
        for (w, h) in [
            (960.0, 480.0),
            (1240.0, 420.0),
            (700.0, 900.0),
            (1900.0, 900.0),
            (400.0, 300.0),
        ] {
            for font in [16.0, 24.0, 32.0] {
                out.push(
                    Frame {
                        width: w,
                        height: h,
                        font,
                    }
                    .sane(),
                );
            }
        }
        out
    }

    fn results_with(n_ring: usize, hearts: usize) -> Vec<ElementResult> {
        let s = Scoring::start(&CYCLE, "r".into());
        let base = s.results(&s.rounds[0]);
        let mut out = Vec::new();
        for k in 0..hearts + n_ring {
            let mut r = base[k % base.len()].clone();
            r.element = Element {
                id: format!("e{k}"),
                name: format!("Element number {k} with a longish name"),
                group: if k < hearts {
                    HEART.into()
                } else if k % 2 == 0 {
                    RELATIONAL.into()
                } else {
                    OPERATIONAL.into()
                },
                ..r.element.clone()
            };
            out.push(r);
        }
        out
    }

    fn overlaps(a: &Place, b: &Place) -> bool {
        (a.x - b.x).abs() < (a.w + b.w) / 2.0 && (a.y - b.y).abs() < (a.h + b.h) / 2.0
    }

    /// The cycle picture showed four of its eight arrows under the boxes (issue 20): every
    /// arrow's visible segment must lie outside every box, and the ring must be complete.
    #[test]
    fn no_cycle_arrow_is_hidden_under_a_box_and_the_ring_is_complete() {
        for frame in frames() {
            for hearts in [0, 1] {
                for n in 0..=16 {
                    let results = results_with(n, hearts);
                    let l = cycle_layout(&results, frame, 40.0);
                    let expected = match n {
                        0 | 1 => 0,
                        2 => 1,
                        _ => n,
                    };
                    assert_eq!(l.arrows.len(), expected, "n {n} heart {hearts} {frame:?}");
                    for &(p, q) in &l.arrows {
                        let len = (q.0 - p.0).hypot(q.1 - p.1);
                        assert!(len >= arrow_min(frame.font) - 1e-9);
                        for b in &l.places {
                            assert!(
                                !b.crossed_by(p, q, 0.0),
                                "arrow {p:?}→{q:?} under {b:?} (n {n}, {frame:?})"
                            );
                        }
                    }
                    for (i, a) in l.places.iter().enumerate() {
                        for b in &l.places[i + 1..] {
                            assert!(!overlaps(a, b), "{a:?} overlaps {b:?} (n {n})");
                        }
                        assert!(a.y + a.h / 2.0 <= l.legend_top + 1e-9, "above the legend");
                        assert!(a.x - a.w / 2.0 >= 0.0 && a.x + a.w / 2.0 <= l.width + 1e-9);
                    }
                }
            }
        }
    }

    #[test]
    fn the_built_in_cycle_keeps_the_heart_in_the_middle_and_relational_boxes_on_the_right() {
        let s = Scoring::start(&CYCLE, "r".into());
        let results = s.results(&s.rounds[0]);
        let l = cycle_layout(&results, Frame::PAGE, 40.0);
        let mid = l.width / 2.0;
        let mut right = 0;
        for (r, p) in results.iter().zip(&l.places) {
            match r.element.group.as_str() {
                HEART => assert!((p.x - mid).abs() < 1e-9),
                RELATIONAL => right += usize::from(p.x > mid),
                OPERATIONAL => assert!(p.x <= mid + 1e-9, "{p:?}"),
                _ => unreachable!(),
            }
        }
        assert!(right >= 3, "relational elements on the right half");
        assert_eq!(l.arrows.len(), 8);
    }

    #[test]
    fn the_flowchart_has_its_columns_and_arrows_and_none_is_hidden() {
        let s = Scoring::start(&FLOWCHART, "r".into());
        let results = s.results(&s.rounds[0]);
        for frame in frames() {
            let l = flowchart_layout(&results, frame, 40.0);
            for (g, p) in results
                .iter()
                .map(|r| r.element.group.as_str())
                .zip(&l.places)
            {
                match g {
                    TOP => assert!(p.y < l.height / 3.0),
                    LEFT => assert!(p.x < l.width / 2.0),
                    RIGHT => assert!(p.x > l.width / 2.0),
                    _ => unreachable!(),
                }
            }
            assert_eq!(l.arrows.len(), 4, "{frame:?}");
            for &(p, q) in &l.arrows {
                for b in &l.places {
                    assert!(!b.crossed_by(p, q, 0.0), "{p:?}→{q:?} under {b:?}");
                }
            }
        }
        let d = picture(Frame::PAGE, &results, FIVE, "flowchart", "t");
        assert!(d.svg.contains("Operational processes") && d.svg.contains("Relational processes"));
        assert_eq!(d.svg.matches("<g class=\"element\"").count(), 5);
    }

    #[test]
    fn the_picture_carries_its_legend_and_escapes_user_text() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.framework.elements[1].name = "<script>alert('x')</script> & co".into();
        s.add_scorer("a".into(), "");
        let id = s.framework.elements[1].id.clone();
        s.set_score("r", "a", &id, Some(2), false);
        let results = s.results(&s.rounds[0]);
        let d = picture(Frame::PAGE, &results, s.scale.range(), "cycle", "Round <1>");
        assert!(!d.svg.contains("<script"));
        assert!(d.svg.contains("&lt;script&gt;"));
        assert!(d.svg.contains("Round &lt;1&gt;"));
        assert!(d.svg.contains("mean 2.0 \u{b7} IQR 0.0"));
        assert!(d.svg.contains("not scored"));
        assert!(
            !d.svg.contains("Operational processes"),
            "no column headings on the cycle"
        );
        assert_eq!(d.svg.matches("<g class=\"element\"").count(), 9);
        assert_eq!(
            d.svg.matches("<line class=\"arrow\"").count(),
            8,
            "arrows round the ring"
        );
        // The legend: the five colours with their ranges, and the disagreement mark.
        assert!(d.svg.contains("<g class=\"legend\">"));
        for (fill, _) in PALETTE {
            assert!(d.svg.contains(&format!("fill=\"{fill}\" stroke")), "{fill}");
        }
        assert!(d.svg.contains("1.0\u{2013}1.8") && d.svg.contains("4.2\u{2013}5.0"));
        assert!(d.svg.contains("\u{2691} the group disagrees"));
    }

    #[test]
    fn a_flag_names_its_kind_and_its_title_explains_it() {
        use crate::analysis::stats::{DONT_KNOW_RULE, Range, summarise};
        let five = Range { min: 1, max: 5 };
        let element = Element {
            id: "e".into(),
            name: "Shared vision".into(),
            ..Element::default()
        };
        let result = |scores: &[i32], dk: usize| ElementResult {
            element: element.clone(),
            summary: summarise(scores, dk, five),
        };
        let split = result(&[2, 2, 2, 4, 4, 4], 0);
        assert_eq!(box_lines(&split, 40).last().unwrap(), "\u{2691} split");
        let dissent = result(&[1, 1, 4, 4, 4], 4);
        assert_eq!(
            box_lines(&dissent, 40).last().unwrap(),
            "\u{2691} dissent, many don\u{2019}t know"
        );
        let calm = result(&[3, 3, 4], 0);
        assert!(box_lines(&calm, 40).last().unwrap().starts_with("mean"));
        let mut svg = String::new();
        let frame = frames()[0];
        let place = Place {
            x: 100.0,
            y: 100.0,
            w: 200.0,
            h: 100.0,
        };
        node(
            &mut svg,
            frame,
            place,
            &dissent,
            &box_lines(&dissent, 40),
            five,
        );
        assert!(svg.contains("dissent: Some people scored two or more levels away"));
        assert!(svg.contains(&escape(DONT_KNOW_RULE)));
    }

    #[test]
    fn segments_that_cross_boxes_are_seen() {
        let b = Place {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(b.crossed_by((-20.0, 0.0), (20.0, 0.0), 0.0));
        assert!(b.crossed_by((-20.0, -20.0), (20.0, 20.0), 0.0));
        assert!(!b.crossed_by((-20.0, 6.0), (20.0, 6.0), 0.0));
        assert!(!b.crossed_by((6.0, -20.0), (6.0, 20.0), 0.0));
        assert!(!b.crossed_by((-20.0, 0.0), (-6.0, 0.0), 0.0));
        assert!(b.crossed_by((-20.0, 0.0), (-4.0, 0.0), 0.0));
    }
}
