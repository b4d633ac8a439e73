//! A rich picture as a standalone SVG file: strokes smoothed as on the board (highlighter
//! three times as wide, see-through), stickers from [`crate::content::stickers`] with their
//! captions, text, arrows that stop at the edge of what they are attached to, rectangles and
//! ellipses, on a transparent background with fonts declared. The picture's own JSON rides
//! along in `<metadata>` (and, for PNG, in an `iTXt` chunk under [`PNG_KEYWORD`]), so importing
//! the file gives back the editable picture. Every piece of user text goes through
//! [`escape`].

use std::fmt::Write;

use crate::analysis::ink;
use crate::content::stickers;
use crate::export::map::png as chunks;
use crate::export::map::svg::FONT;
use crate::export::xml::escape;
use crate::geometry::{Point, Rect};
use crate::model::id::slug;
use crate::model::picture::{
    Arrow, End, Item, Outline, PALETTE, Picture, Shape, Sticker, Stroke, Text, Tool,
};

/// The namespace of the element in `<metadata>` that carries the picture.
pub const META_NS: &str = "https://cst-workbench.app/ns/picture";
/// The keyword of the PNG `iTXt` chunk that carries the picture.
pub const PNG_KEYWORD: &str = "CST Workbench picture";
/// Space around the drawing, in picture units.
const MARGIN: f64 = 40.0;
/// How far an arrow stops short of the box of an item it is attached to.
pub const ARROW_GAP: f64 = 4.0;
/// A highlighter is this many times as wide as its width, and see-through.
pub const HIGHLIGHTER_SCALE: f64 = 3.0;
pub const HIGHLIGHTER_OPACITY: f64 = 0.35;
/// Lines of text and captions are this many font sizes apart.
pub const LINE_HEIGHT: f64 = 1.25;
/// The gap between a sticker and its caption.
const CAPTION_GAP: f64 = 4.0;

/// A palette colour by index (any index: it wraps).
pub fn colour(index: u8) -> &'static str {
    PALETTE[index as usize % PALETTE.len()]
}

/// The font size of a sticker's caption: a quarter of the sticker, 12 to 32 units.
pub fn caption_font(s: &Sticker) -> f64 {
    (s.size * 0.25).clamp(12.0, 32.0)
}

/// The width and height of a text item's box, unrotated (0.56 em a character, 1.25 em a line).
pub fn text_box(t: &Text) -> (f64, f64) {
    block_size(&t.text, t.size)
}

fn block_size(text: &str, font: f64) -> (f64, f64) {
    crate::model::picture::text_block(text, font)
}

/// Where a sticker's caption sits (under the sticker, not turned with it), if it has one.
pub fn caption_bounds(s: &Sticker) -> Option<Rect> {
    if s.caption.is_empty() {
        return None;
    }
    let (w, h) = block_size(&s.caption, caption_font(s));
    let top = s.y + s.size / 2.0;
    Rect::of(&[
        Point::new(s.x - w / 2.0, top),
        Point::new(s.x + w / 2.0, top + CAPTION_GAP + h),
    ])
}

/// A `w` × `h` box centred on `c`, turned by `degrees`, as an axis-aligned box.
fn turned_box(c: Point, w: f64, h: f64, degrees: f64) -> Option<Rect> {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (hw, hh) = (w.abs() / 2.0, h.abs() / 2.0);
    let ex = hw * cos.abs() + hh * sin.abs();
    let ey = hw * sin.abs() + hh * cos.abs();
    Rect::of(&[
        Point::new(c.x - ex, c.y - ey),
        Point::new(c.x + ex, c.y + ey),
    ])
}

/// The box an item is drawn in: as tight as its turned outline allows (the model's
/// [`Picture::bounds`] is a looser circle, for hit-testing), stickers with their captions.
pub fn item_bounds(p: &Picture, item: &Item) -> Option<Rect> {
    match item {
        Item::Sticker(s) => {
            let art = turned_box(Point::new(s.x, s.y), s.size, s.size, s.rotation)?;
            Some(match caption_bounds(s) {
                Some(c) => art.union(c),
                None => art,
            })
        }
        Item::Text(t) => {
            let (w, h) = text_box(t);
            turned_box(Point::new(t.x, t.y), w, h, t.rotation)
        }
        Item::Shape(s) => {
            let b = match s.outline {
                Outline::Rectangle => turned_box(Point::new(s.x, s.y), s.w, s.h, s.rotation)?,
                Outline::Ellipse => {
                    let (sin, cos) = s.rotation.to_radians().sin_cos();
                    let (a, b) = (s.w.abs() / 2.0, s.h.abs() / 2.0);
                    let ex = (a * cos).hypot(b * sin);
                    let ey = (a * sin).hypot(b * cos);
                    Rect::of(&[
                        Point::new(s.x - ex, s.y - ey),
                        Point::new(s.x + ex, s.y + ey),
                    ])?
                }
            };
            Some(b.grow(s.width.abs() / 2.0))
        }
        Item::Stroke(_) | Item::Arrow(_) => p.bounds(item),
    }
}

/// The box of everything drawn.
pub fn bounds(p: &Picture) -> Option<Rect> {
    let finite = |b: &Rect| [b.x0, b.y0, b.x1, b.y1].iter().all(|v| v.is_finite());
    p.items
        .iter()
        .filter_map(|item| item_bounds(p, item))
        .filter(finite)
        .reduce(Rect::union)
}

/// The picture's size in pixels (before any scaling), for rasterising: the drawing plus a
/// margin of 40 on every side; 400 × 200 for an empty picture.
pub fn size(p: &Picture) -> (f64, f64) {
    bounds(p).map_or((400.0, 200.0), |b| {
        (b.x1 - b.x0 + 2.0 * MARGIN, b.y1 - b.y0 + 2.0 * MARGIN)
    })
}

/// Where an arrow's line starts and ends: a free end where it is, an attached end pulled back
/// from the item's centre to just outside its box (stickers: their square; text: its text box;
/// rectangles: their box; ellipses: their outline), measured in the item's own turned frame,
/// plus [`ARROW_GAP`]. When the two items overlap so much that nothing would be left, the
/// line runs centre to centre. `None` when an end cannot be placed.
pub fn arrow_ends(p: &Picture, a: &Arrow) -> Option<(Point, Point)> {
    let from = p.end_point(a.from)?;
    let to = p.end_point(a.to)?;
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let len = dx.hypot(dy);
    if !len.is_finite() || len == 0.0 {
        return Some((from, to));
    }
    let u = Point::new(dx / len, dy / len);
    let back_from = pull_back(p, a.from, u);
    let back_to = pull_back(p, a.to, Point::new(-u.x, -u.y));
    if back_from + back_to >= len {
        return Some((from, to));
    }
    Some((
        Point::new(from.x + u.x * back_from, from.y + u.y * back_from),
        Point::new(to.x - u.x * back_to, to.y - u.y * back_to),
    ))
}

/// How far from an attached item's centre, going in direction `out` (a unit vector), the
/// arrow leaves the item's box plus the gap; 0 for a free end.
fn pull_back(p: &Picture, end: End, out: Point) -> f64 {
    let End::Item { item } = end else {
        return 0.0;
    };
    let along = |hw: f64, hh: f64, rotation: f64| {
        let q = ink::rotate(out, Point::new(0.0, 0.0), -rotation);
        let tx = if q.x.abs() > 1e-12 {
            hw / q.x.abs()
        } else {
            f64::INFINITY
        };
        let ty = if q.y.abs() > 1e-12 {
            hh / q.y.abs()
        } else {
            f64::INFINITY
        };
        tx.min(ty)
    };
    let d = match p.item(item) {
        Some(Item::Sticker(s)) => {
            let h = s.size.abs() / 2.0 + ARROW_GAP;
            along(h, h, s.rotation)
        }
        Some(Item::Text(t)) => {
            let (w, h) = text_box(t);
            along(w / 2.0 + ARROW_GAP, h / 2.0 + ARROW_GAP, t.rotation)
        }
        Some(Item::Shape(s)) => {
            let (hw, hh) = (s.w.abs() / 2.0, s.h.abs() / 2.0);
            match s.outline {
                Outline::Rectangle => along(hw + ARROW_GAP, hh + ARROW_GAP, s.rotation),
                Outline::Ellipse => {
                    let q = ink::rotate(out, Point::new(0.0, 0.0), -s.rotation);
                    let k = ((q.x / hw).powi(2) + (q.y / hh).powi(2)).sqrt();
                    1.0 / k + ARROW_GAP
                }
            }
        }
        _ => 0.0,
    };
    if d.is_finite() { d.max(0.0) } else { 0.0 }
}

/// A number for an attribute: at most two decimals.
fn n(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 { "0".into() } else { format!("{r}") }
}

fn rotation(degrees: f64, at: Point) -> String {
    if degrees == 0.0 {
        String::new()
    } else {
        format!(
            " transform=\"rotate({} {} {})\"",
            n(degrees),
            n(at.x),
            n(at.y)
        )
    }
}

/// The picture's JSON as SVG and PNG carry it: `serde_json`'s text with U+FFFE and U+FFFF
/// written as `\u` escapes (they can only stand inside strings), as XML cannot hold them.
pub fn json(p: &Picture) -> String {
    let text = serde_json::to_string(p).expect("pictures always serialise");
    if text.contains(['\u{fffe}', '\u{ffff}']) {
        text.replace('\u{fffe}', "\\ufffe")
            .replace('\u{ffff}', "\\uffff")
    } else {
        text
    }
}

/// Lines of text as `<tspan>`s, centred on `x`, the block centred on `y`.
fn lines(out: &mut String, text: &str, x: f64, first_baseline: f64, font: f64) {
    for (i, line) in text.split('\n').enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            n(x),
            n(first_baseline + i as f64 * font * LINE_HEIGHT),
            escape(line)
        );
    }
}

fn stroke(out: &mut String, s: &Stroke) {
    if s.unreadable.is_some() {
        return;
    }
    let points = &s.points;
    let hl = s.tool == Tool::Highlighter;
    let width = if hl {
        s.width * HIGHLIGHTER_SCALE
    } else {
        s.width
    };
    let opacity = if hl {
        format!(" stroke-opacity=\"{HIGHLIGHTER_OPACITY}\"")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<path class=\"stroke\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{opacity} \
         stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
        ink::smooth_path(points),
        colour(s.colour),
        n(width)
    );
}

fn sticker(out: &mut String, s: &Sticker) {
    let k = s.size / stickers::BOX;
    let half = stickers::BOX / 2.0;
    let turn = if s.rotation == 0.0 {
        String::new()
    } else {
        format!(" rotate({})", n(s.rotation))
    };
    let _ = write!(
        out,
        "<g class=\"sticker\"><path d=\"{}\" transform=\"translate({} {}){turn} scale({}) translate(-{half} -{half})\" \
         fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
        stickers::path(s.icon),
        n(s.x),
        n(s.y),
        (k * 10_000.0).round() / 10_000.0,
        PALETTE[0],
        stickers::STROKE
    );
    if !s.caption.is_empty() {
        let font = caption_font(s);
        let _ = write!(
            out,
            "<text class=\"caption\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{}\" stroke=\"#ffffff\" \
             stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
            n(font),
            PALETTE[0]
        );
        let first = s.y + s.size / 2.0 + CAPTION_GAP + font * 0.95;
        lines(out, &s.caption, s.x, first, font);
        out.push_str("</text>");
    }
    out.push_str("</g>\n");
}

fn text(out: &mut String, t: &Text) {
    let count = t.text.split('\n').count() as f64;
    // The block centred on y; 0.35 em from a line's middle to its baseline.
    let first = t.y - (count - 1.0) * t.size * LINE_HEIGHT / 2.0 + t.size * 0.35;
    let _ = write!(
        out,
        "<text class=\"text\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{}\"{}>",
        n(t.size),
        colour(t.colour),
        rotation(t.rotation, Point::new(t.x, t.y))
    );
    lines(out, &t.text, t.x, first, t.size);
    out.push_str("</text>\n");
}

fn arrow(out: &mut String, p: &Picture, a: &Arrow) {
    let Some((from, to)) = arrow_ends(p, a) else {
        return;
    };
    // The head's tip lands on `to`: the line stops two widths short and the marker reaches on.
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let len = dx.hypot(dy);
    let short = if len > 0.0 {
        (2.0 * a.width).min(len / 2.0) / len
    } else {
        0.0
    };
    let end = Point::new(to.x - dx * short, to.y - dy * short);
    let _ = writeln!(
        out,
        "<path class=\"arrow\" d=\"M{} {}L{} {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" \
         stroke-linecap=\"round\" marker-end=\"url(#head-{})\"/>",
        n(from.x),
        n(from.y),
        n(end.x),
        n(end.y),
        colour(a.colour),
        n(a.width),
        a.colour as usize % PALETTE.len()
    );
}

fn shape(out: &mut String, s: &Shape) {
    let turn = rotation(s.rotation, Point::new(s.x, s.y));
    let look = format!(
        "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"{turn}",
        colour(s.colour),
        n(s.width)
    );
    let (w, h) = (s.w.abs(), s.h.abs());
    let _ = match s.outline {
        Outline::Rectangle => writeln!(
            out,
            "<rect class=\"shape\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" {look}/>",
            n(s.x - w / 2.0),
            n(s.y - h / 2.0),
            n(w),
            n(h)
        ),
        Outline::Ellipse => writeln!(
            out,
            "<ellipse class=\"shape\" cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" {look}/>",
            n(s.x),
            n(s.y),
            n(w / 2.0),
            n(h / 2.0)
        ),
    };
}

/// The picture as a standalone SVG document.
pub fn svg(p: &Picture) -> String {
    let (w, h) = size(p);
    let (x0, y0) = bounds(p).map_or((-200.0, -100.0), |b| (b.x0 - MARGIN, b.y0 - MARGIN));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"{x0:.1} {y0:.1} {w:.1} {h:.1}\" \
         font-family=\"{}\" role=\"img\" aria-labelledby=\"picture-title\">",
        escape(FONT)
    );
    let _ = writeln!(
        out,
        "<title id=\"picture-title\">{}</title>",
        escape(p.display_title())
    );
    let _ = writeln!(
        out,
        "<metadata><cstw:picture xmlns:cstw=\"{META_NS}\">{}</cstw:picture></metadata>",
        escape(&json(p))
    );
    let mut heads: Vec<usize> = p
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Arrow(a) => Some(a.colour as usize % PALETTE.len()),
            _ => None,
        })
        .collect();
    heads.sort_unstable();
    heads.dedup();
    if !heads.is_empty() {
        out.push_str("<defs>");
        for i in heads {
            let _ = write!(
                out,
                "<marker id=\"head-{i}\" viewBox=\"0 0 10 10\" refX=\"6\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" \
                 orient=\"auto-start-reverse\" markerUnits=\"strokeWidth\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
                PALETTE[i]
            );
        }
        out.push_str("</defs>\n");
    }
    for item in &p.items {
        match item {
            Item::Stroke(s) => stroke(&mut out, s),
            Item::Sticker(s) => sticker(&mut out, s),
            Item::Text(t) => text(&mut out, t),
            Item::Arrow(a) => arrow(&mut out, p, a),
            Item::Shape(s) => shape(&mut out, s),
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The PNG the browser drew from [`svg`], with the picture added as an `iTXt` chunk.
pub fn png(png: &[u8], p: &Picture) -> Result<Vec<u8>, String> {
    chunks::embed_keyword(png, PNG_KEYWORD, &json(p))
}

/// `workshop-picture-2026-12-01.svg`: the workshop's and the picture's titles as slugs, the
/// day, and `ext` (without the dot).
pub fn file_name(workshop_title: &str, p: &Picture, today: &str, ext: &str) -> String {
    format!(
        "{}-{}-{today}.{ext}",
        slug(workshop_title, "workshop"),
        slug(&p.title, "picture")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::picture::Icon;

    fn sticker_at(p: &mut Picture, x: f64, y: f64, rotation: f64) -> u32 {
        p.add(Item::Sticker(Sticker {
            id: 0,
            icon: Icon::Person,
            x,
            y,
            size: 64.0,
            rotation,
            caption: String::new(),
            stakeholder: None,
        }))
    }

    fn arrow_between(p: &mut Picture, from: End, to: End) -> Arrow {
        let id = p.add(Item::Arrow(Arrow {
            id: 0,
            from,
            to,
            colour: 1,
            width: 3.0,
        }));
        match p.item(id) {
            Some(Item::Arrow(a)) => a.clone(),
            _ => unreachable!(),
        }
    }

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn arrows_stop_at_the_edges_of_what_they_join() {
        let mut p = Picture::new("p".into(), "");
        let a = sticker_at(&mut p, 0.0, 0.0, 0.0);
        // Turned 45°: the arrow meets a corner, farther out than the side.
        let b = sticker_at(&mut p, 0.0, 300.0, 45.0);
        let ar = arrow_between(&mut p, End::Item { item: a }, End::Item { item: b });
        let (f, t) = arrow_ends(&p, &ar).unwrap();
        assert!(close(f, Point::new(0.0, 36.0)), "{f:?}");
        let corner = 36.0 * std::f64::consts::SQRT_2;
        assert!(close(t, Point::new(0.0, 300.0 - corner)), "{t:?}");
        // A free end stays where it is.
        let free = arrow_between(
            &mut p,
            End::Point { x: 100.0, y: 0.0 },
            End::Item { item: a },
        );
        let (f, t) = arrow_ends(&p, &free).unwrap();
        assert!(close(f, Point::new(100.0, 0.0)) && close(t, Point::new(36.0, 0.0)));
        // An ellipse: its outline, not its box.
        let e = p.add(Item::Shape(Shape {
            id: 0,
            outline: Outline::Ellipse,
            x: 500.0,
            y: 500.0,
            w: 100.0,
            h: 50.0,
            rotation: 0.0,
            colour: 0,
            width: 2.0,
        }));
        let diag = arrow_between(
            &mut p,
            End::Point { x: 600.0, y: 600.0 },
            End::Item { item: e },
        );
        let (_, t) = arrow_ends(&p, &diag).unwrap();
        let d = (t.x - 500.0).hypot(t.y - 500.0) - ARROW_GAP;
        let k = std::f64::consts::FRAC_1_SQRT_2;
        assert!(((k * d / 50.0).powi(2) + (k * d / 25.0).powi(2) - 1.0).abs() < 1e-9);
        // Overlapping stickers: centre to centre.
        let c = sticker_at(&mut p, 10.0, 0.0, 0.0);
        let near = arrow_between(&mut p, End::Item { item: a }, End::Item { item: c });
        assert_eq!(
            arrow_ends(&p, &near),
            Some((Point::new(0.0, 0.0), Point::new(10.0, 0.0)))
        );
    }

    #[test]
    fn sizes_and_names() {
        let mut p = Picture::new("p".into(), "");
        assert_eq!(size(&p), (400.0, 200.0));
        assert_eq!(
            file_name("", &p, "2026-12-01", "svg"),
            "workshop-picture-2026-12-01.svg"
        );
        p.title = "Who <decides>?".into();
        assert_eq!(
            file_name("Pilot & co", &p, "2026-12-01", "png"),
            "pilot-co-who-decides-2026-12-01.png"
        );
        sticker_at(&mut p, 0.0, 0.0, 0.0);
        assert_eq!(size(&p), (64.0 + 80.0, 64.0 + 80.0));
        // Turned by 45°, its box is the square's diagonal wide.
        let Some(Item::Sticker(s)) = p.items.first_mut() else {
            unreachable!()
        };
        s.rotation = 45.0;
        let d = 64.0 * std::f64::consts::SQRT_2;
        let (w, h) = size(&p);
        assert!((w - d - 80.0).abs() < 1e-9 && (h - d - 80.0).abs() < 1e-9);
        assert!(svg(&p).contains("<title id=\"picture-title\">Who &lt;decides&gt;?</title>"));
        assert_eq!(n(1.0 / 3.0), "0.33");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(4.0), "4");
    }
}
