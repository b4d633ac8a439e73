//! Text metrics and box sizes: how large a node's box is at a font size, how labels wrap,
//! and where a map's nodes and free room are.

use super::{ConceptMap, Point, Rect, Size};

/// Text metrics for laying out labels: the font size in map units. Widths are estimated
/// (0.56 em a character, a little generous for most sans-serif text), so boxes never need the
/// browser to measure and layout stays a pure function.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub font: f64,
}

impl Metrics {
    pub const STANDARD: Metrics = Metrics { font: 16.0 };
    pub const PROJECTOR: Metrics = Metrics { font: 24.0 };
    /// Characters a line before wrapping.
    pub const LINE_CHARS: usize = 22;
    /// At most this many lines are drawn; the rest is marked with an ellipsis.
    pub const MAX_LINES: usize = 6;

    pub fn line_height(&self) -> f64 {
        self.font * 1.25
    }

    /// The box a label needs: its wrapped lines plus padding, at least a small square.
    pub fn node_size(&self, label: &str) -> Size {
        let lines = wrap_label(label);
        let longest = lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            .max(4);
        Size {
            w: longest as f64 * self.font * 0.56 + self.font * 1.5,
            h: lines.len().max(1) as f64 * self.line_height() + self.font,
        }
    }
}

/// A label broken into lines of at most [`Metrics::LINE_CHARS`] characters at spaces (a word
/// longer than a line is cut), keeping the user's own line breaks, at most
/// [`Metrics::MAX_LINES`] lines (the last ends in "…" when text was left out).
pub fn wrap_label(label: &str) -> Vec<String> {
    let max = Metrics::LINE_CHARS;
    let mut lines: Vec<String> = Vec::new();
    for para in label.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in para.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > max {
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                lines.push(word.drain(..max).collect());
            }
            let wl = word.len();
            if wl == 0 {
                continue;
            }
            if len > 0 && len + 1 + wl > max {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(word);
            len += wl;
        }
        lines.push(line);
    }
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() > Metrics::MAX_LINES {
        lines.truncate(Metrics::MAX_LINES);
        let last = lines.last_mut().expect("six lines");
        let kept: String = last.chars().take(max - 1).collect();
        *last = format!("{kept}\u{2026}");
    }
    lines
}

impl ConceptMap {
    /// The box around every node and group frame, or `None` for an empty map.
    pub fn bounds(&self, metrics: Metrics) -> Option<Rect> {
        let nodes = self
            .nodes
            .iter()
            .map(|n| Rect::around(n.at(), metrics.node_size(&n.label)))
            .reduce(Rect::union);
        if self.groups.is_empty() {
            return nodes;
        }
        self.group_frames(metrics)
            .into_values()
            .chain(nodes)
            .reduce(Rect::union)
    }

    /// A place near `near` where a new box of `size` overlaps no node: `near` itself if it is
    /// free, else the first free place on a spiral around it.
    pub fn free_spot(&self, metrics: Metrics, near: Point, size: Size) -> Point {
        let boxes: Vec<Rect> = self
            .nodes
            .iter()
            .map(|n| {
                let s = metrics.node_size(&n.label);
                Rect::around(
                    n.at(),
                    Size {
                        w: s.w + 24.0,
                        h: s.h + 24.0,
                    },
                )
            })
            .collect();
        let free = |p: Point| {
            let r = Rect::around(p, size);
            !boxes.iter().any(|b| b.overlaps(&r))
        };
        let step = size.h.max(40.0);
        for i in 0..2_000u32 {
            let turn = f64::from(i).sqrt() * 2.0;
            let radius = step * f64::from(i).sqrt();
            let p = Point::new(
                near.x + radius * turn.cos() * 1.6,
                near.y + radius * turn.sin(),
            );
            if free(p) {
                return p;
            }
        }
        near
    }

    /// Every node's box, in the order of `nodes`.
    pub fn sizes(&self, metrics: Metrics) -> Vec<Size> {
        self.nodes
            .iter()
            .map(|n| metrics.node_size(&n.label))
            .collect()
    }
}
