//! The map as a standalone SVG file: the same boxes, wrapped labels, arrows and signs as the
//! canvas, in the light palette on a transparent background, with fonts declared and no
//! `<foreignObject>`, so browsers, Inkscape and slide tools draw it alike. The map's own JSON
//! rides along in `<metadata>`, so importing the SVG gives back the editable map.

use std::fmt::Write;

use super::{kind_hex, tint};
use crate::export::xml::escape;
use crate::model::map::{
    ConceptMap, Direction, Metrics, Point, Polarity, Shape, link_ends, wrap_label,
};

/// The namespace of the element in `<metadata>` that carries the map.
pub const META_NS: &str = "https://cst-workbench.app/ns/map";
pub const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MARGIN: f64 = 40.0;
const LINE: &str = "#5f6b76";
const TEXT: &str = "#1a1a1a";

/// The picture's size in pixels (before any scaling), for rasterising.
pub fn size(map: &ConceptMap) -> (f64, f64) {
    let b = map.bounds(Metrics::STANDARD);
    b.map_or((400.0, 200.0), |b| {
        (b.w() + 2.0 * MARGIN, b.h() + 2.0 * MARGIN)
    })
}

pub fn svg(map: &ConceptMap) -> String {
    let m = Metrics::STANDARD;
    let sizes = map.sizes(m);
    let (w, h) = size(map);
    let (x0, y0) = map
        .bounds(m)
        .map_or((-200.0, -100.0), |b| (b.x0 - MARGIN, b.y0 - MARGIN));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"{x0:.1} {y0:.1} {w:.1} {h:.1}\" \
         font-family=\"{}\" font-size=\"{}\" role=\"img\" aria-labelledby=\"map-title\">",
        escape(FONT),
        m.font
    );
    let _ = writeln!(
        out,
        "<title id=\"map-title\">{}</title>",
        escape(map.display_title())
    );
    if !map.focus_question.is_empty() {
        let _ = writeln!(out, "<desc>{}</desc>", escape(&map.focus_question));
    }
    let _ = writeln!(
        out,
        "<metadata><cstw:map xmlns:cstw=\"{META_NS}\">{}</cstw:map></metadata>",
        escape(&super::json::compact(map))
    );
    let _ = writeln!(
        out,
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" \
         orient=\"auto-start-reverse\" markerUnits=\"strokeWidth\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{LINE}\"/></marker></defs>"
    );
    out.push_str("<g class=\"links\">\n");
    for l in &map.links {
        let (Some(a), Some(b)) = (map.node_index(l.from), map.node_index(l.to)) else {
            continue;
        };
        let (p, q) = link_ends(map.nodes[a].at(), sizes[a], map.nodes[b].at(), sizes[b]);
        let end = if l.direction == Direction::None {
            ""
        } else {
            " marker-end=\"url(#arrow)\""
        };
        let start = if l.direction == Direction::Both {
            " marker-start=\"url(#arrow)\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<path d=\"M{:.1} {:.1}L{:.1} {:.1}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"{end}{start}/>",
            p.x, p.y, q.x, q.y
        );
        if l.polarity != Polarity::None {
            let (dx, dy) = (q.x - p.x, q.y - p.y);
            let len = dx.hypot(dy).max(1.0);
            let at = Point::new(
                q.x - dx / len * 22.0 + dy / len * 14.0,
                q.y - dy / len * 22.0 - dx / len * 14.0,
            );
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"700\" font-size=\"{}\" fill=\"{TEXT}\" \
                 stroke=\"#ffffff\" stroke-width=\"5\" paint-order=\"stroke\">{}</text>",
                at.x,
                at.y,
                m.font * 1.1,
                l.polarity.sign()
            );
        }
        if !l.label.is_empty() {
            let mid = Point::new((p.x + q.x) / 2.0, (p.y + q.y) / 2.0);
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"{}\" fill=\"{TEXT}\" stroke=\"#ffffff\" \
                 stroke-width=\"5\" paint-order=\"stroke\">{}</text>",
                mid.x,
                mid.y,
                m.font * 0.85,
                escape(&l.label.split_whitespace().collect::<Vec<_>>().join(" "))
            );
        }
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for (n, s) in map.nodes.iter().zip(&sizes) {
        let kind = n.kind.and_then(|k| map.kind(k));
        let hex = kind_hex(kind);
        let shape = kind.map(|k| k.shape).unwrap_or_default();
        let rx = match shape {
            Shape::Box => 2.0,
            Shape::Pill => s.h / 2.0,
            Shape::Rounded | Shape::Dashed => 10.0,
        };
        let dash = if shape == Shape::Dashed {
            " stroke-dasharray=\"7 4\""
        } else {
            ""
        };
        let width = if shape == Shape::Box { 3 } else { 2 };
        let _ = writeln!(
            out,
            "<g><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{rx:.1}\" fill=\"{}\" stroke=\"{hex}\" stroke-width=\"{width}\"{dash}/>",
            n.x - s.w / 2.0,
            n.y - s.h / 2.0,
            s.w,
            s.h,
            tint(hex, 0.16)
        );
        let lines = wrap_label(&n.label);
        let lh = m.line_height();
        let top = n.y - (lines.len() as f64 - 1.0) * lh / 2.0 + m.font * 0.35;
        let _ = write!(out, "<text text-anchor=\"middle\" fill=\"{TEXT}\">");
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{:.1}\" y=\"{:.1}\">{}</tspan>",
                n.x,
                top + i as f64 * lh,
                escape(line)
            );
        }
        out.push_str("</text></g>\n");
    }
    out.push_str("</g>\n</svg>\n");
    out
}
