//! Pictures of scoring results as SVG text, made by the core so that the screen, the exports,
//! the report and the presentation show the same picture: the relational cycle drawn as a ring
//! of elements round emotional buy-in, the flowchart (a top box over a left and a right column),
//! a radar of the means and distribution bars.
//!
//! Every chart is drawn *for* a [`Frame`]: the width and height it will be shown at, in pixels,
//! and the size of its smallest text. The presentation passes the slide's own size and the
//! room's type size, so a chart is redrawn for the screen instead of a small picture being
//! scaled down; files and the report use [`Frame::PAGE`]. A chart that cannot fit its frame at
//! that type size grows past it (and says so in [`Drawn`]) rather than shrinking its text.
//!
//! Colour is never the only carrier of meaning: each box prints its mean and interquartile
//! range, a flagged disagreement is drawn with a dashed border and a flag mark, and the
//! picture carries its own legend. The colours are ColorBrewer's RdYlBu, a diverging scale safe
//! for colour-blind readers.

mod bars;
mod picture;
mod radar;

pub use bars::distribution;
pub use picture::{Layout, cycle_layout, flowchart_layout, legend_height, picture};
pub use radar::{polar, radar};

use crate::analysis::stats::Range;
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
/// Text and line colours.
pub(crate) const INK: &str = "#1d2125";
pub(crate) const MUTED: &str = "#4f5861";

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

/// The means that [`colour`] paints with `PALETTE[class]`: from, to.
pub fn class_bounds(class: usize, range: Range) -> (f64, f64) {
    let w = range.width();
    let at = |k: usize| f64::from(range.min) + w * k as f64 / 5.0;
    (at(class), at(class + 1))
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

/// [`wrap`], at most `max` lines; what does not fit ends the last line with an ellipsis.
pub fn wrap_at_most(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines = wrap(text, width);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('\u{2026}');
        }
    }
    lines
}

/// The space a chart is drawn for, in pixels, and the size of its text (no text is smaller).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub font: f64,
}

impl Frame {
    /// Files, the results screen and the report: 1000 × 760, text of 24 px (the projector
    /// theme's smallest), so a downloaded picture shown full width on a projector is legible.
    pub const PAGE: Frame = Frame {
        width: 1000.0,
        height: 760.0,
        font: 24.0,
    };

    /// A frame no smaller than a chart can be drawn in: at least 12 px type and room for a
    /// few words, so odd sizes from a screen never produce a degenerate picture.
    pub fn sane(self) -> Frame {
        let font = if self.font.is_finite() {
            self.font.clamp(12.0, 96.0)
        } else {
            24.0
        };
        let fix = |v: f64, min: f64| if v.is_finite() { v.max(min) } else { min };
        Frame {
            width: fix(self.width, font * 16.0).min(20_000.0),
            height: fix(self.height, font * 8.0).min(20_000.0),
            font,
        }
    }

    /// The distance between two lines of text.
    pub fn line(self) -> f64 {
        self.font * 1.15
    }

    /// How many characters of text fit in `w` pixels (a letter is at most about 0.6 em wide
    /// on average in the wide system fonts, in bold).
    pub fn chars(self, w: f64) -> usize {
        ((w / (self.font * 0.6)).floor() as usize).max(6)
    }

    /// About how wide `text` is drawn, in pixels.
    pub fn text_width(self, text: &str) -> f64 {
        text.chars().count() as f64 * self.font * 0.55
    }
}

/// A chart as drawn: the SVG text and its size in pixels (at least the frame's).
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// The opening of a chart's SVG: size, title for screen readers, white ground.
pub(crate) fn open(id: &str, width: f64, height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-labelledby=\"{id}-title\" font-family=\"system-ui, sans-serif\"><title id=\"{id}-title\">{}</title><rect width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>",
        escape(title)
    )
}

/// One line of text: `anchor` is start, middle or end; `extra` more attributes.
pub(crate) fn text(
    svg: &mut String,
    x: f64,
    y: f64,
    size: f64,
    anchor: &str,
    extra: &str,
    content: &str,
) {
    use std::fmt::Write;
    let _ = write!(
        svg,
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" text-anchor=\"{anchor}\" dominant-baseline=\"middle\"{extra}>{}</text>",
        escape(content)
    );
}

pub(crate) fn number(x: f64) -> String {
    format!("{x:.1}")
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
    pub const ALL: [Chart; 3] = [Chart::Picture, Chart::Radar, Chart::Distribution];

    /// The chart's name in file names.
    pub fn key(self) -> &'static str {
        match self {
            Chart::Picture => "picture",
            Chart::Radar => "radar",
            Chart::Distribution => "distribution",
        }
    }

    /// The chart's name on a button.
    pub fn label(self) -> &'static str {
        match self {
            Chart::Picture => "Picture",
            Chart::Radar => "Radar",
            Chart::Distribution => "Distribution",
        }
    }

    /// Draws the chart of `results` for the round called `round` in `frame`.
    pub fn draw(
        self,
        frame: Frame,
        results: &[ElementResult],
        range: Range,
        based_on: &str,
        round: &str,
    ) -> Drawn {
        let frame = frame.sane();
        match self {
            Chart::Picture => picture(
                frame,
                results,
                range,
                based_on,
                &format!("{round}: mean score of each element; dashed borders mark disagreement"),
            ),
            Chart::Radar => radar(
                frame,
                results,
                range,
                &format!("{round}: radar of the mean and interquartile range of each element"),
            ),
            Chart::Distribution => distribution(
                frame,
                results,
                range,
                &format!("{round}: how many chose each level, element by element"),
            ),
        }
    }

    /// [`Chart::draw`] for files and the report ([`Frame::PAGE`]).
    pub fn render(
        self,
        results: &[ElementResult],
        range: Range,
        based_on: &str,
        round: &str,
    ) -> String {
        self.draw(Frame::PAGE, results, range, based_on, round).svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::CYCLE;
    use crate::model::scoring::Scoring;

    const FIVE: Range = Range { min: 1, max: 5 };

    #[test]
    fn colours_run_from_weak_to_strong() {
        assert_eq!(colour(Some(1.0), FIVE), PALETTE[0]);
        assert_eq!(colour(Some(3.0), FIVE), PALETTE[2]);
        assert_eq!(colour(Some(5.0), FIVE), PALETTE[4]);
        assert_eq!(colour(None, FIVE), UNSCORED);
        // The legend's bounds agree with the colours.
        for (class, paint) in PALETTE.iter().enumerate() {
            let (lo, hi) = class_bounds(class, FIVE);
            assert_eq!(colour(Some(lo + 0.01), FIVE), *paint);
            assert_eq!(colour(Some(hi - 0.01), FIVE), *paint);
        }
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap("Access to information and resources", 18),
            vec!["Access to", "information and", "resources"]
        );
        assert_eq!(
            wrap_at_most("Access to information and resources", 10, 2),
            vec!["Access to", "information\u{2026}"]
        );
    }

    /// Every `font-size` in `svg`.
    pub(crate) fn font_sizes(svg: &str) -> Vec<f64> {
        svg.split("font-size=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn every_chart_declares_its_size_and_no_text_is_smaller_than_the_frames() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.add_scorer("a".into(), "");
        s.add_scorer("b".into(), "");
        for (k, e) in s.framework.elements.clone().iter().enumerate() {
            s.set_score("r", "a", &e.id, Some(1 + (k % 5) as i32), false);
            s.set_score("r", "b", &e.id, Some(5), false);
        }
        let results = s.results(&s.rounds[0]);
        for frame in [
            Frame::PAGE,
            Frame {
                width: 960.0,
                height: 480.0,
                font: 24.0,
            },
            Frame {
                width: 1800.0,
                height: 700.0,
                font: 32.0,
            },
            Frame {
                width: 300.0,
                height: 200.0,
                font: 24.0,
            },
        ] {
            for chart in Chart::ALL {
                let d = chart.draw(frame, &results, s.scale.range(), "cycle", "Round <1>");
                let f = frame.sane();
                assert!(d.width >= f.width && d.height >= f.height, "{chart:?}");
                assert!(
                    d.svg.contains(&format!(
                        "width=\"{:.0}\" height=\"{:.0}\"",
                        d.width, d.height
                    )),
                    "{chart:?}"
                );
                assert!(d.svg.contains("Round &lt;1&gt;"), "{chart:?}");
                let sizes = font_sizes(&d.svg);
                assert!(!sizes.is_empty(), "{chart:?}");
                assert!(
                    sizes.iter().all(|&x| x >= f.font - 1e-9),
                    "{chart:?} in {frame:?}: {sizes:?}"
                );
            }
        }
    }
}
