//! A radar chart of the means (solid line and points, each labelled) over the interquartile
//! band (shaded), with a ring for each level of the scale, drawn for a [`Frame`].

use std::f64::consts::PI;
use std::fmt::Write;

use super::{Drawn, Frame, INK, MUTED, escape, number, open, text, wrap, wrap_at_most};
use crate::analysis::stats::Range;
use crate::model::scoring::ElementResult;

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

const KEY: &str =
    "Line: mean. Band: the middle half of the scores. \u{2691} red: the group disagrees.";

pub fn radar(frame: Frame, results: &[ElementResult], range: Range, title: &str) -> Drawn {
    let f = frame.font;
    let n = results.len();
    let label_chars = 17;
    let label_w = frame.text_width(&"m".repeat(label_chars));
    let key = wrap(KEY, frame.chars(frame.width - f));
    let key_h = key.len() as f64 * frame.line() + f * 0.5;
    // The radius the frame allows, but never so small the rings run together.
    let r_fit = (frame.width / 2.0 - label_w - f * 1.5)
        .min((frame.height - key_h) / 2.0 - frame.line() * 2.0);
    let r = r_fit.max(f * 4.0);
    let width = frame.width.max(2.0 * (r + label_w + f * 1.5));
    let height = frame.height.max(2.0 * (r + frame.line() * 2.0) + key_h);
    let (cx, cy) = (width / 2.0, (height - key_h) / 2.0);
    let mut svg = open("radar", width, height, title);
    if n < 3 {
        text(
            &mut svg,
            cx,
            cy,
            f,
            "middle",
            &format!(" fill=\"{INK}\""),
            "A radar needs at least three elements.",
        );
        svg.push_str("</svg>");
        return Drawn { svg, width, height };
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
    // Rings; their numbers only where there is room (every level when they are far apart).
    let levels = range.levels().max(1);
    let every = ((f * 1.1) / (r / levels as f64)).ceil().max(1.0) as i32;
    for level in range.min..=range.max {
        let ring = path(&vec![f64::from(level); n]);
        let _ = write!(
            svg,
            "<polygon points=\"{ring}\" fill=\"none\" stroke=\"#c9c5bb\" stroke-width=\"1.5\"/>"
        );
        if (level - range.min) % every == 0 || level == range.max {
            let (x, y) = polar(0, n, f64::from(level), range, r, cx, cy);
            text(
                &mut svg,
                x + 6.0,
                y - f * 0.5,
                f,
                "start",
                &format!(" fill=\"{MUTED}\""),
                &level.to_string(),
            );
        }
    }
    for (i, res) in results.iter().enumerate() {
        let (x, y) = polar(i, n, f64::from(range.max), range, r, cx, cy);
        let _ = write!(
            svg,
            "<line x1=\"{cx:.1}\" y1=\"{cy:.1}\" x2=\"{x:.1}\" y2=\"{y:.1}\" stroke=\"#c9c5bb\" stroke-width=\"1.5\"/>"
        );
        let (lx, ly) = polar(i, n, f64::from(range.max), range, r + f * 1.2, cx, cy);
        let anchor = if (lx - cx).abs() < f {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let lines = wrap_at_most(&res.element.name, label_chars, 3);
        // Labels above the centre grow upwards, below it downwards, so none covers the rim.
        let shift = if (ly - cy).abs() < f {
            -(lines.len() as f64 - 1.0) / 2.0
        } else if ly < cy {
            -(lines.len() as f64 - 1.0)
        } else {
            0.0
        };
        for (k, line) in lines.iter().enumerate() {
            text(
                &mut svg,
                lx,
                ly + (k as f64 + shift) * frame.line(),
                f,
                anchor,
                &format!(" font-weight=\"600\" fill=\"{INK}\""),
                line,
            );
        }
    }
    if results.iter().all(|x| x.summary.n > 0) {
        let q = |f: fn(&ElementResult) -> Option<f64>| {
            results
                .iter()
                .map(|x| f(x).unwrap_or(0.0))
                .collect::<Vec<_>>()
        };
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"#abd9e9\" fill-opacity=\"0.55\" stroke=\"none\"/><polygon points=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.8\" stroke=\"none\"/>",
            path(&q(|x| x.summary.q3)),
            path(&q(|x| x.summary.q1))
        );
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"none\" stroke=\"#2c7bb6\" stroke-width=\"4\"/>",
            path(&q(|x| x.summary.mean))
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
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{}\" stroke=\"{INK}\" stroke-width=\"2\"/>",
            f * 0.35,
            if flagged { "#d7191c" } else { "#2c7bb6" },
        );
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{f:.1}\" font-weight=\"700\" fill=\"{INK}\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">{}{}</text>",
            x + f * 0.4,
            y - f * 0.4,
            escape(&number(m)),
            if flagged { " \u{2691}" } else { "" }
        );
    }
    for (k, line) in key.iter().enumerate() {
        let y = height - key_h + f * 0.25 + (k as f64 + 0.5) * frame.line();
        text(
            &mut svg,
            f * 0.5,
            y,
            f,
            "start",
            &format!(" fill=\"{MUTED}\""),
            line,
        );
    }
    svg.push_str("</svg>");
    Drawn { svg, width, height }
}

#[cfg(test)]
mod tests {
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
        let d = radar(Frame::PAGE, &s.results(&s.rounds[0]), s.scale.range(), "t");
        assert_eq!(d.svg.matches("<circle ").count(), 9);
        assert!(d.svg.contains("&lt;b&gt;Buy-in&lt;/b&gt;"));
        assert_eq!(
            d.svg.matches("<polygon ").count(),
            5 + 3,
            "a ring per level, band, mean"
        );
        // Every label stays inside the picture.
        for x in d
            .svg
            .split("<text x=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
        {
            assert!((0.0..=d.width).contains(&x), "{x}");
        }
    }
}
