//! How tall a slide's parts are at a frame's type size, and how they are cut into pages.

use super::*;

/// Cuts blocks of the given heights into runs that each fit `room`, in order, greedily; a
/// block taller than `room` has a run of its own. Never an empty run; no blocks, no runs.
pub fn paginate(heights: &[f64], room: f64) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    for (i, h) in heights.iter().enumerate() {
        if i > start && used + h > room {
            out.push(start..i);
            start = i;
            used = 0.0;
        }
        used += h;
    }
    if start < heights.len() {
        out.push(start..heights.len());
    }
    out
}

/// Text measures on the wide side: DejaVu Sans's advance widths in `em`, bold a tenth wider.
pub(super) struct Measure(pub(super) Frame);

impl Measure {
    pub(super) fn char_em(c: char) -> f64 {
        match c {
            ' ' => 0.32,
            'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' => 0.28,
            'f' | 't' | 'r' | 'I' | '(' | ')' | '-' => 0.41,
            'm' => 0.98,
            'w' => 0.82,
            'M' | 'W' => 0.99,
            '\u{2014}' => 1.0,
            c if c.is_ascii_uppercase() => 0.75,
            c if c.is_ascii_digit() => 0.64,
            c if c.is_ascii() => 0.62,
            // Accents, other scripts, symbols: as wide as a capital.
            _ => 0.8,
        }
    }

    /// The width of `text` at 1 px font, in px per px of font size.
    pub(super) fn em(text: &str, bold: bool) -> f64 {
        let w: f64 = text.chars().map(Self::char_em).sum();
        if bold { w * 1.1 } else { w }
    }

    /// The width of `text` at the body size.
    pub(super) fn width(&self, text: &str, bold: bool) -> f64 {
        Self::em(text, bold) * self.0.font
    }

    /// The lines `text` wraps to in `width` px at `font` px (at least one).
    pub(super) fn lines(&self, text: &str, width: f64, font: f64, bold: bool) -> usize {
        self.lines_after(text, width, font, bold, 0.0)
    }

    /// As [`Measure::lines`], the first line starting `indent` px in. Words wrap at spaces; a
    /// word wider than the line breaks anywhere (`overflow-wrap: anywhere`); each line break
    /// in the text starts a line.
    pub(super) fn lines_after(
        &self,
        text: &str,
        width: f64,
        font: f64,
        bold: bool,
        indent: f64,
    ) -> usize {
        let width = width.max(font);
        let mut lines = 0;
        let mut x = indent;
        for (k, para) in text.split('\n').enumerate() {
            if k > 0 {
                x = 0.0;
            }
            lines += 1;
            for word in para.split(' ') {
                let ww = Self::em(word, bold) * font;
                let space = Self::em(" ", bold) * font;
                let at = if x > 0.0 { x + space } else { x };
                if at + ww <= width {
                    x = at + ww;
                } else if ww <= width {
                    lines += 1;
                    x = ww;
                } else {
                    // Broken anywhere: fill this line, then whole lines.
                    let rest = ww - (width - at).max(0.0);
                    let more = (rest / width).ceil() as usize;
                    lines += more;
                    x = rest - (more as f64 - 1.0) * width;
                }
            }
        }
        lines.max(1)
    }
}
