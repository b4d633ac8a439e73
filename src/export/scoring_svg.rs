//! Pictures of scoring results as SVG text, made by the core so that the screen, the exports
//! and the report show the same picture: the relational cycle drawn as the paper draws it (a
//! ring of elements, emotional buy-in at the heart) and the flowchart (a top box over a left
//! and a right column), each box coloured by its mean and labelled with the numbers.
//!
//! Colour is never the only carrier of meaning: each box prints its mean and interquartile
//! range, and a flagged disagreement is drawn with a dashed border and the word "disagree".
//! The colours are ColorBrewer's RdYlBu, a diverging scale safe for colour-blind readers.

use std::f64::consts::PI;
use std::fmt::Write;

use crate::analysis::stats::{Range, Summary};
use crate::content::frameworks::{HEART, LEFT, OPERATIONAL, RELATIONAL, RIGHT, TOP};
use crate::model::scoring::ElementResult;

/// RdYlBu, five classes, weak (red) to strong (blue), with a text colour readable on each.
pub const PALETTE: [(&str, &str); 5] = [
    ("#d7191c", "#ffffff"),
    ("#fdae61", "#000000"),
    ("#ffffbf", "#000000"),
    ("#abd9e9", "#000000"),
    ("#2c7bb6", "#ffffff"),
];
/// Fill for an element nobody scored.
pub const UNSCORED: (&str, &str) = ("#e0e0e0", "#000000");

/// The fill and text colour for a mean on a scale.
pub fn colour(mean: Option<f64>, range: Range) -> (&'static str, &'static str) {
    let Some(m) = mean else { return UNSCORED };
    let width = range.width();
    let t = if width > 0.0 {
        ((m - f64::from(range.min)) / width).clamp(0.0, 1.0)
    } else {
        0.5
    };
    PALETTE[((t * 5.0).floor() as usize).min(4)]
}

/// Escapes text for SVG/XML content and attribute values (shared with the map exports).
pub use crate::export::xml::escape;

/// Splits a name into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Where one box goes: centre and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

// Boxes and type sized so that the picture, shown about 1000 px wide on a projector, has
// text of 23 px or more.
const BOX_W: f64 = 250.0;
const BOX_H: f64 = 140.0;

/// The cycle's layout in a 1000 × 760 picture: the heart in the middle, relational elements on
/// the right half of the ring (clockwise from the top), operational ones on the left, any
/// others after them. Returns places in the order of `groups`' elements.
pub fn cycle_layout(groups: &[&str]) -> Vec<Place> {
    let (cx, cy, rx, ry) = (500.0, 380.0, 370.0, 270.0);
    let mut ring: Vec<usize> = Vec::new();
    for wanted in [RELATIONAL, OPERATIONAL] {
        ring.extend((0..groups.len()).filter(|&i| groups[i] == wanted));
    }
    ring.extend(
        (0..groups.len()).filter(|&i| ![HEART, RELATIONAL, OPERATIONAL].contains(&groups[i])),
    );
    let mut places = vec![
        Place {
            x: cx,
            y: cy,
            w: BOX_W,
            h: BOX_H
        };
        groups.len()
    ];
    let n = ring.len().max(1) as f64;
    for (k, &i) in ring.iter().enumerate() {
        let angle = -PI / 2.0 + 2.0 * PI * (k as f64 + 0.5) / n;
        places[i] = Place {
            x: cx + rx * angle.cos(),
            y: cy + ry * angle.sin(),
            w: BOX_W,
            h: BOX_H,
        };
    }
    places
}

/// The flowchart's layout in a 1000 × 760 picture: top boxes side by side across the top, the
/// left and right columns below; anything else in a row at the bottom.
pub fn flowchart_layout(groups: &[&str]) -> Vec<Place> {
    let mut places = vec![
        Place {
            x: 500.0,
            y: 380.0,
            w: BOX_W,
            h: BOX_H
        };
        groups.len()
    ];
    let column = |wanted: &str| -> Vec<usize> {
        (0..groups.len()).filter(|&i| groups[i] == wanted).collect()
    };
    let tops = column(TOP);
    for (k, &i) in tops.iter().enumerate() {
        let w = 900.0 / tops.len() as f64;
        places[i] = Place {
            x: 50.0 + w * (k as f64 + 0.5),
            y: 90.0,
            w: w - 20.0,
            h: BOX_H,
        };
    }
    for (wanted, x) in [(LEFT, 270.0), (RIGHT, 730.0)] {
        let items = column(wanted);
        let step = 520.0 / items.len().max(1) as f64;
        for (k, &i) in items.iter().enumerate() {
            places[i] = Place {
                x,
                y: 230.0 + step * (k as f64 + 0.5),
                w: 400.0,
                h: (step - 24.0).min(BOX_H),
            };
        }
    }
    let others: Vec<usize> = (0..groups.len())
        .filter(|&i| ![TOP, LEFT, RIGHT].contains(&groups[i]))
        .collect();
    for (k, &i) in others.iter().enumerate() {
        let w = 900.0 / others.len() as f64;
        places[i] = Place {
            x: 50.0 + w * (k as f64 + 0.5),
            y: 700.0,
            w: w - 20.0,
            h: 80.0,
        };
    }
    places
}

fn number(x: f64) -> String {
    format!("{x:.1}")
}

fn node(svg: &mut String, p: Place, r: &ElementResult, range: Range, title: &str) {
    let s: &Summary = &r.summary;
    let (fill, ink) = colour(s.mean, range);
    let flagged = s.disagreement.is_some();
    let dash = if flagged {
        " stroke-dasharray=\"10 6\" stroke-width=\"5\""
    } else {
        " stroke-width=\"2\""
    };
    let _ = write!(
        svg,
        "<g class=\"element\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"14\" fill=\"{fill}\" stroke=\"#1d2125\"{dash}/>",
        escape(title),
        p.x - p.w / 2.0,
        p.y - p.h / 2.0,
        p.w,
        p.h
    );
    let chars = ((p.w / 15.0) as usize).max(8);
    let mut lines = wrap(&r.element.name, chars);
    lines.truncate(3);
    let stats = match (s.mean, s.iqr()) {
        (Some(m), Some(iqr)) => format!("mean {} \u{b7} IQR {}", number(m), number(iqr)),
        _ => "not scored".to_string(),
    };
    lines.push(stats);
    if flagged {
        lines.push("\u{2691} disagree".into());
    }
    let top = p.y - (lines.len() as f64 - 1.0) * 13.0;
    for (k, line) in lines.iter().enumerate() {
        let weight = if k + 1 < lines.len() - usize::from(flagged) {
            "700"
        } else {
            "400"
        };
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{ink}\" font-size=\"23\" font-weight=\"{weight}\" text-anchor=\"middle\" dominant-baseline=\"middle\">{}</text>",
            p.x,
            top + k as f64 * 26.0,
            escape(line)
        );
    }
    svg.push_str("</g>");
}

/// Draws results as the cycle (if the framework has a heart or relational/operational
/// groups) or the flowchart; `title` names the picture for screen readers.
pub fn picture(results: &[ElementResult], range: Range, based_on: &str, title: &str) -> String {
    let groups: Vec<&str> = results.iter().map(|r| r.element.group.as_str()).collect();
    let cycle = based_on != "flowchart";
    let places = if cycle {
        cycle_layout(&groups)
    } else {
        flowchart_layout(&groups)
    };
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"760\" viewBox=\"0 0 1000 760\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"system-ui, sans-serif\"><title id=\"chart-title\">{}</title><rect width=\"1000\" height=\"760\" fill=\"#ffffff\"/>",
        escape(title)
    );
    svg.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4f5861\"/></marker></defs>");
    if cycle {
        // Arrows round the ring, in ring order (by angle).
        let mut ring: Vec<(f64, Place)> = places
            .iter()
            .zip(&groups)
            .filter(|(_, g)| **g != HEART)
            .map(|(p, _)| ((p.y - 380.0).atan2(p.x - 500.0), *p))
            .collect();
        ring.sort_by(|a, b| a.0.total_cmp(&b.0));
        for k in 0..ring.len() {
            if ring.len() < 2 {
                break;
            }
            let (a, b) = (ring[k].1, ring[(k + 1) % ring.len()].1);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            let (ux, uy) = (dx / len, dy / len);
            // How far along the line the box's edge is, plus a small gap.
            let edge = |p: Place| {
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
                tx.min(ty) + 6.0
            };
            let (x1, y1) = (a.x + ux * edge(a), a.y + uy * edge(a));
            let (x2, y2) = (b.x - ux * edge(b), b.y - uy * edge(b));
            let _ = write!(
                svg,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"#4f5861\" stroke-width=\"3\" marker-end=\"url(#arrow)\"/>"
            );
        }
    }
    if !cycle {
        // Column headings, and arrows down from the top box and down each column.
        for (wanted, x, label) in [
            (LEFT, 270.0, "Operational processes"),
            (RIGHT, 730.0, "Relational processes"),
        ] {
            let column: Vec<Place> = groups
                .iter()
                .zip(&places)
                .filter(|(g, _)| **g == wanted)
                .map(|(_, p)| *p)
                .collect();
            let Some(first) = column.first() else {
                continue;
            };
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{:.1}\" fill=\"#1d2125\" font-size=\"23\" font-style=\"italic\" text-anchor=\"middle\">{label}</text>",
                first.y - first.h / 2.0 - 14.0
            );
            // The top box's bottom edge is at 150.
            let mut from = groups.contains(&TOP).then_some(156.0);
            for (k, p) in column.iter().enumerate() {
                if let Some(y1) = from {
                    // The first arrow stops above the column's heading.
                    let gap = if k == 0 { 38.0 } else { 6.0 };
                    let y2 = p.y - p.h / 2.0 - gap;
                    if y2 > y1 + 8.0 {
                        let _ = write!(
                            svg,
                            "<line x1=\"{x:.1}\" y1=\"{y1:.1}\" x2=\"{x:.1}\" y2=\"{y2:.1}\" stroke=\"#4f5861\" stroke-width=\"3\" marker-end=\"url(#arrow)\"/>"
                        );
                    }
                }
                from = Some(p.y + p.h / 2.0 + 6.0);
            }
        }
    }
    for (r, p) in results.iter().zip(&places) {
        let s = &r.summary;
        let title = match s.mean {
            Some(m) => format!(
                "{}: mean {}, median {}, n {}{}",
                r.element.name,
                number(m),
                s.median.map_or(String::new(), number),
                s.n,
                s.disagreement
                    .map(|d| format!(", disagreement: {}", d.label()))
                    .unwrap_or_default()
            ),
            None => format!("{}: not scored", r.element.name),
        };
        node(&mut svg, *p, r, range, &title);
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::{CYCLE, FLOWCHART};
    use crate::model::scoring::Scoring;

    const FIVE: Range = Range { min: 1, max: 5 };

    #[test]
    fn colours_run_from_weak_to_strong() {
        assert_eq!(colour(Some(1.0), FIVE), PALETTE[0]);
        assert_eq!(colour(Some(3.0), FIVE), PALETTE[2]);
        assert_eq!(colour(Some(5.0), FIVE), PALETTE[4]);
        assert_eq!(colour(None, FIVE), UNSCORED);
    }

    #[test]
    fn the_heart_is_in_the_middle_and_relational_elements_on_the_right() {
        let groups: Vec<&str> = CYCLE.elements.iter().map(|e| e.group).collect();
        let places = cycle_layout(&groups);
        for (g, p) in groups.iter().zip(&places) {
            match *g {
                HEART => assert_eq!((p.x, p.y), (500.0, 380.0)),
                RELATIONAL => assert!(p.x > 500.0, "{p:?}"),
                OPERATIONAL => assert!(p.x < 500.0, "{p:?}"),
                _ => unreachable!(),
            }
        }
        // No two boxes overlap.
        for (i, a) in places.iter().enumerate() {
            for b in &places[i + 1..] {
                let apart = (a.x - b.x).abs() >= (a.w + b.w) / 2.0
                    || (a.y - b.y).abs() >= (a.h + b.h) / 2.0;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn flowchart_columns() {
        let groups: Vec<&str> = FLOWCHART.elements.iter().map(|e| e.group).collect();
        let places = flowchart_layout(&groups);
        for (g, p) in groups.iter().zip(&places) {
            match *g {
                TOP => assert!(p.y < 200.0),
                LEFT => assert!(p.x < 500.0 && p.y > 200.0),
                RIGHT => assert!(p.x > 500.0 && p.y > 200.0),
                _ => unreachable!(),
            }
        }
    }

    #[test]
    fn user_text_is_escaped_and_numbers_are_printed() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.framework.elements[1].name = "<script>alert('x')</script> & co".into();
        s.add_scorer("a".into(), "");
        s.set_score(
            "r",
            "a",
            &s.framework.elements[1].id.clone(),
            Some(2),
            false,
        );
        let results = s.results(&s.rounds[0]);
        let svg = picture(&results, s.scale.range(), "cycle", "Round <1>");
        assert!(!svg.contains("<script"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Round &lt;1&gt;"));
        assert!(svg.contains("mean 2.0 \u{b7} IQR 0.0"));
        assert!(svg.contains("not scored"));
        assert!(
            !svg.contains("Operational processes"),
            "no column headings on the cycle"
        );
        assert_eq!(svg.matches("<g class=\"element\">").count(), 9);
        assert_eq!(svg.matches("<line ").count(), 8, "arrows round the ring");
    }

    #[test]
    fn the_flowchart_has_its_columns_and_arrows() {
        let s = Scoring::start(&FLOWCHART, "r".into());
        let svg = picture(&s.results(&s.rounds[0]), s.scale.range(), "flowchart", "t");
        assert!(svg.contains("Operational processes") && svg.contains("Relational processes"));
        // Top box to each column, then down each column of two.
        assert_eq!(svg.matches("<line ").count(), 4);
        assert_eq!(svg.matches("<g class=\"element\">").count(), 5);
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap("Access to information and resources", 18),
            vec!["Access to", "information and", "resources"]
        );
    }
}

/// Where value `v` of axis `i` of `n` lands on a radar of radius `r` centred at (`cx`, `cy`):
/// axis 0 points up, the rest follow clockwise; `min` sits at the centre, `max` on the rim.
pub fn polar(i: usize, n: usize, v: f64, range: Range, r: f64, cx: f64, cy: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64;
    let t = if range.width() > 0.0 {
        ((v - f64::from(range.min)) / range.width()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (cx + r * t * angle.cos(), cy + r * t * angle.sin())
}

/// A radar chart of the means (solid line and points, each labelled) over the interquartile
/// band (shaded), with a ring for each level of the scale.
pub fn radar(results: &[ElementResult], range: Range, title: &str) -> String {
    let (cx, cy, r) = (500.0, 380.0, 240.0);
    let n = results.len();
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"780\" viewBox=\"0 0 1000 780\" role=\"img\" aria-labelledby=\"radar-title\" font-family=\"system-ui, sans-serif\"><title id=\"radar-title\">{}</title><rect width=\"1000\" height=\"780\" fill=\"#ffffff\"/>",
        escape(title)
    );
    if n < 3 {
        svg.push_str("<text x=\"500\" y=\"390\" font-size=\"22\" text-anchor=\"middle\">A radar needs at least three elements.</text></svg>");
        return svg;
    }
    let path = |values: &[f64]| {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                let (x, y) = polar(i, n, v, range, r, cx, cy);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    for level in range.min..=range.max {
        let ring = path(&vec![f64::from(level); n]);
        let _ = write!(
            svg,
            "<polygon points=\"{ring}\" fill=\"none\" stroke=\"#c9c5bb\" stroke-width=\"1.5\"/>"
        );
        let (x, y) = polar(0, n, f64::from(level), range, r, cx, cy);
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"20\" fill=\"#4f5861\">{level}</text>",
            x + 6.0,
            y - 4.0
        );
    }
    for (i, res) in results.iter().enumerate() {
        let (x, y) = polar(i, n, f64::from(range.max), range, r, cx, cy);
        let _ = write!(
            svg,
            "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#c9c5bb\" stroke-width=\"1.5\"/>"
        );
        let (lx, ly) = polar(i, n, f64::from(range.max), range, r + 40.0, cx, cy);
        let anchor = if (lx - cx).abs() < 20.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let lines = wrap(&res.element.name, 17);
        for (k, line) in lines.iter().take(3).enumerate() {
            let _ = write!(
                svg,
                "<text x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"23\" font-weight=\"600\" fill=\"#1d2125\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\">{}</text>",
                ly + (k as f64 - (lines.len().min(3) as f64 - 1.0) / 2.0) * 26.0,
                escape(line)
            );
        }
    }
    let scored: Vec<&ElementResult> = results.iter().filter(|x| x.summary.n > 0).collect();
    if scored.len() == n {
        let q1: Vec<f64> = results
            .iter()
            .map(|x| x.summary.q1.unwrap_or(0.0))
            .collect();
        let q3: Vec<f64> = results
            .iter()
            .map(|x| x.summary.q3.unwrap_or(0.0))
            .collect();
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"#abd9e9\" fill-opacity=\"0.55\" stroke=\"none\"/><polygon points=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.8\" stroke=\"none\"/>",
            path(&q3),
            path(&q1)
        );
        let means: Vec<f64> = results
            .iter()
            .map(|x| x.summary.mean.unwrap_or(0.0))
            .collect();
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"none\" stroke=\"#2c7bb6\" stroke-width=\"4\"/>",
            path(&means)
        );
    }
    for (i, res) in results.iter().enumerate() {
        let Some(m) = res.summary.mean else {
            continue;
        };
        let (x, y) = polar(i, n, m, range, r, cx, cy);
        let flagged = res.summary.disagreement.is_some();
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"8\" fill=\"{}\" stroke=\"#1d2125\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"23\" font-weight=\"700\" fill=\"#1d2125\">{}{}</text>",
            if flagged { "#d7191c" } else { "#2c7bb6" },
            x + 10.0,
            y - 10.0,
            number(m),
            if flagged { " \u{2691}" } else { "" }
        );
    }
    let _ = write!(
        svg,
        "<text x=\"20\" y=\"765\" font-size=\"20\" fill=\"#4f5861\">Line: mean. Band: the middle half of the scores. \u{2691} red: the group disagrees.</text></svg>"
    );
    svg
}

#[cfg(test)]
mod radar_tests {
    use super::*;
    use crate::content::frameworks::CYCLE;
    use crate::model::scoring::Scoring;

    #[test]
    fn polar_projection_puts_min_at_the_centre_and_max_on_the_rim() {
        let range = Range { min: 1, max: 5 };
        assert_eq!(polar(0, 4, 1.0, range, 100.0, 0.0, 0.0), (0.0, 0.0));
        let (x, y) = polar(0, 4, 5.0, range, 100.0, 0.0, 0.0);
        assert!(
            x.abs() < 1e-9 && (y + 100.0).abs() < 1e-9,
            "axis 0 points up"
        );
        let (x, y) = polar(1, 4, 3.0, range, 100.0, 0.0, 0.0);
        assert!(
            (x - 50.0).abs() < 1e-9 && y.abs() < 1e-9,
            "axis 1 points right, half way"
        );
    }

    #[test]
    fn radar_draws_a_point_per_scored_element_and_escapes_names() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.framework.elements[0].name = "<b>Buy-in</b>".into();
        s.add_scorer("a".into(), "");
        for e in s.framework.elements.clone() {
            s.set_score("r", "a", &e.id, Some(3), false);
        }
        let svg = radar(&s.results(&s.rounds[0]), s.scale.range(), "t");
        assert_eq!(svg.matches("<circle ").count(), 9);
        assert!(svg.contains("&lt;b&gt;Buy-in&lt;/b&gt;"));
        assert_eq!(
            svg.matches("<polygon ").count(),
            5 + 3,
            "a ring per level, band, mean"
        );
    }
}

/// The height of [`distribution`]'s picture for `elements` rows (it is 1000 wide).
pub fn distribution_height(elements: usize) -> u32 {
    110 + 64 * elements as u32
}

/// Distribution bars: a row per element, a bar per level with its count, and the "don't know"
/// count, so the spread can be read at a glance.
pub fn distribution(results: &[ElementResult], range: Range, title: &str) -> String {
    let levels = range.levels().max(1);
    let row_h = 64.0;
    let (label_w, bar_w, gap) = (380.0, (520.0 / levels as f64).min(80.0), 6.0);
    let height = f64::from(distribution_height(results.len()));
    let most = results
        .iter()
        .flat_map(|r| r.summary.distribution.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"{height:.0}\" viewBox=\"0 0 1000 {height:.0}\" role=\"img\" aria-labelledby=\"distribution-title\" font-family=\"system-ui, sans-serif\"><title id=\"distribution-title\">{}</title><rect width=\"1000\" height=\"{height:.0}\" fill=\"#ffffff\"/>",
        escape(title)
    );
    for l in 0..levels {
        let x = label_w + l as f64 * bar_w + bar_w / 2.0;
        let _ = write!(
            svg,
            "<text x=\"{x:.1}\" y=\"40\" font-size=\"22\" font-weight=\"700\" fill=\"#1d2125\" text-anchor=\"middle\">{}</text>",
            range.min + l as i32
        );
    }
    let dk_x = label_w + levels as f64 * bar_w + 20.0;
    let _ = write!(
        svg,
        "<text x=\"{dk_x:.1}\" y=\"40\" font-size=\"20\" fill=\"#4f5861\">don't know</text>"
    );
    for (k, r) in results.iter().enumerate() {
        let top = 60.0 + row_h * k as f64;
        let mut name = wrap(&r.element.name, 28);
        name.truncate(2);
        for (i, line) in name.iter().enumerate() {
            let _ = write!(
                svg,
                "<text x=\"10\" y=\"{:.1}\" font-size=\"22\" fill=\"#1d2125\" dominant-baseline=\"middle\">{}</text>",
                top + row_h / 2.0 + (i as f64 - (name.len() as f64 - 1.0) / 2.0) * 24.0,
                escape(line)
            );
        }
        for (l, &count) in r.summary.distribution.iter().enumerate() {
            let h = (row_h - 26.0) * count as f64 / most as f64;
            let x = label_w + l as f64 * bar_w + gap / 2.0;
            let base = top + row_h - 8.0;
            let (fill, _) = PALETTE[(l * 5 / levels).min(4)];
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{fill}\" stroke=\"#1d2125\" stroke-width=\"1\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"20\" fill=\"#1d2125\" text-anchor=\"middle\">{count}</text>",
                base - h,
                bar_w - gap,
                x + (bar_w - gap) / 2.0,
                base - h - 4.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"22\" fill=\"#4f5861\">{}</text>",
            dk_x + 40.0,
            top + row_h - 12.0,
            r.summary.dont_know
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod distribution_tests {
    use super::*;
    use crate::content::frameworks::CYCLE;
    use crate::model::scoring::Scoring;

    #[test]
    fn a_bar_and_a_count_per_level_for_every_element() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.framework.elements[0].name = "A & <B>".into();
        s.set_hands("r", "support", Some(2), 3);
        s.set_hands("r", "support", None, 2);
        let svg = distribution(&s.results(&s.rounds[0]), s.scale.range(), "t");
        assert_eq!(svg.matches("<rect x=").count(), 9 * 5);
        assert!(svg.contains("A &amp; &lt;B&gt;"));
        assert!(svg.contains(">3</text>"), "the count is printed");
        assert!(svg.contains(">2</text>"), "don't know printed");
    }
}

/// The charts of one round's results, as the results screen shows them and offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// The cycle or the flowchart, whichever the framework is.
    Picture,
    Radar,
    Distribution,
}

impl Chart {
    /// The chart's name in file names.
    pub fn key(self) -> &'static str {
        match self {
            Chart::Picture => "picture",
            Chart::Radar => "radar",
            Chart::Distribution => "distribution",
        }
    }

    /// Draws the chart of `results` for the round called `round`.
    pub fn render(
        self,
        results: &[ElementResult],
        range: Range,
        based_on: &str,
        round: &str,
    ) -> String {
        match self {
            Chart::Picture => picture(
                results,
                range,
                based_on,
                &format!("{round}: mean score of each element; dashed borders mark disagreement"),
            ),
            Chart::Radar => radar(
                results,
                range,
                &format!("{round}: radar of the mean and interquartile range of each element"),
            ),
            Chart::Distribution => distribution(
                results,
                range,
                &format!("{round}: how many chose each level, element by element"),
            ),
        }
    }

    /// The chart's size in SVG units (its width is always 1000).
    pub fn height(self, elements: usize) -> u32 {
        match self {
            Chart::Picture => 760,
            Chart::Radar => 780,
            Chart::Distribution => distribution_height(elements),
        }
    }
}

#[cfg(test)]
mod chart_tests {
    use super::*;
    use crate::content::frameworks::CYCLE;
    use crate::model::scoring::Scoring;

    #[test]
    fn every_chart_declares_the_height_it_draws() {
        let s = Scoring::start(&CYCLE, "r".into());
        let results = s.results(&s.rounds[0]);
        for chart in [Chart::Picture, Chart::Radar, Chart::Distribution] {
            let svg = chart.render(&results, s.scale.range(), "cycle", "Round <1>");
            let height = chart.height(results.len());
            assert!(
                svg.contains(&format!("width=\"1000\" height=\"{height}\"")),
                "{chart:?}"
            );
            assert!(svg.contains("Round &lt;1&gt;"), "{chart:?}");
        }
    }
}
