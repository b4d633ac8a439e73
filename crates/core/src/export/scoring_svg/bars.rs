//! Distribution bars: a row per element, a bar per level with its count, and the "don't know"
//! count, so the spread can be read at a glance; drawn for a [`Frame`].

use std::fmt::Write;

use super::{Drawn, Frame, INK, MUTED, PALETTE, open, text, wrap_at_most};
use crate::analysis::stats::Range;
use crate::model::scoring::ElementResult;

pub fn distribution(frame: Frame, results: &[ElementResult], range: Range, title: &str) -> Drawn {
    let f = frame.font;
    let levels = range.levels().max(1);
    let row_h = 2.0 * frame.line() + f * 0.3;
    let dk_w = frame.text_width("don't know") + f;
    let label_w = (frame.width * 0.38).min(f * 16.0);
    let bar_w = ((frame.width - label_w - dk_w) / levels as f64).clamp(f * 1.4, f * 4.0);
    let width = frame.width.max(label_w + bar_w * levels as f64 + dk_w);
    let head = frame.line() * 1.5;
    let height = frame
        .height
        .max(head + row_h * results.len() as f64 + f * 0.5);
    let most = results
        .iter()
        .flat_map(|r| r.summary.distribution.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = open("distribution", width, height, title);
    // Level numbers: all of them when the bars are wide enough, else every other one.
    let every = if bar_w >= f * 1.6 { 1 } else { 2 };
    for l in 0..levels {
        if l % every == 0 || l + 1 == levels {
            let x = label_w + l as f64 * bar_w + bar_w / 2.0;
            text(
                &mut svg,
                x,
                head / 2.0,
                f,
                "middle",
                &format!(" font-weight=\"700\" fill=\"{INK}\""),
                &(range.min + l as i32).to_string(),
            );
        }
    }
    let dk_x = label_w + levels as f64 * bar_w + f * 0.5;
    text(
        &mut svg,
        dk_x,
        head / 2.0,
        f,
        "start",
        &format!(" fill=\"{MUTED}\""),
        "don't know",
    );
    let chars = frame.chars(label_w - f * 0.5);
    for (k, r) in results.iter().enumerate() {
        let top = head + row_h * k as f64;
        let name = wrap_at_most(&r.element.name, chars, 2);
        for (i, line) in name.iter().enumerate() {
            let y = top + row_h / 2.0 + (i as f64 - (name.len() as f64 - 1.0) / 2.0) * frame.line();
            text(
                &mut svg,
                f * 0.3,
                y,
                f,
                "start",
                &format!(" fill=\"{INK}\""),
                line,
            );
        }
        // Bars stand on the row's foot and leave a line above them for the count.
        let room = row_h - frame.line() - f * 0.4;
        for (l, &count) in r.summary.distribution.iter().enumerate() {
            let h = room * count as f64 / most as f64;
            let x = label_w + l as f64 * bar_w + 3.0;
            let base = top + row_h - f * 0.2;
            let (fill, _) = PALETTE[(l * 5 / levels).min(4)];
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{fill}\" stroke=\"{INK}\" stroke-width=\"1\"/>",
                base - h,
                bar_w - 6.0,
            );
            text(
                &mut svg,
                x + (bar_w - 6.0) / 2.0,
                base - h - frame.line() / 2.0,
                f,
                "middle",
                &format!(" fill=\"{INK}\""),
                &count.to_string(),
            );
        }
        text(
            &mut svg,
            dk_x + f,
            top + row_h / 2.0,
            f,
            "start",
            &format!(" fill=\"{MUTED}\""),
            &r.summary.dont_know.to_string(),
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
    fn a_bar_and_a_count_per_level_for_every_element() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.framework.elements[0].name = "A & <B>".into();
        s.set_hands("r", "support", Some(2), 3);
        s.set_hands("r", "support", None, 2);
        let d = distribution(Frame::PAGE, &s.results(&s.rounds[0]), s.scale.range(), "t");
        assert_eq!(d.svg.matches("<rect x=").count(), 9 * 5);
        assert!(d.svg.contains("A &amp; &lt;B&gt;"));
        assert!(d.svg.contains(">3</text>"), "the count is printed");
        assert!(d.svg.contains(">2</text>"), "don't know printed");
    }
}
