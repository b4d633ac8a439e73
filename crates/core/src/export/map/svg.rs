//! The map as a standalone SVG file: the same boxes, wrapped labels, arrows and signs as the
//! canvas, in the light palette on a transparent background, with fonts declared and no
//! `<foreignObject>`, so browsers, Inkscape and slide tools draw it alike. The map's own JSON
//! rides along in `<metadata>`, so importing the SVG gives back the editable map.

use std::fmt::Write;

use super::{kind_hex, tint};
use crate::export::xml::escape;
use crate::model::map::{ConceptMap, Direction, Lane, Metrics, Polarity, Shape, curve, wrap_label};

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
    groups(&mut out, map, m);
    let lanes = map.lanes();
    let frames = map.group_frames(m);
    out.push_str("<g class=\"links\">\n");
    for l in &map.links {
        let (Some((ka, a, sa)), Some((kb, b, sb))) = (
            map.end_box(l.from, &frames, m),
            map.end_box(l.to, &frames, m),
        ) else {
            continue;
        };
        if ka == kb {
            // Both ends inside one collapsed group.
            continue;
        }
        let lane = lanes.get(&l.id).copied().unwrap_or(Lane::SINGLE);
        let k = curve(a, sa, b, sb, (l.from, l.to), lane);
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
            "<path d=\"{}\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"2\"{end}{start}/>",
            k.d()
        );
        if l.polarity != Polarity::None {
            let at = k.sign_at();
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
            let mid = k.mid;
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
        if !map.groups.is_empty() && map.hidden_in(n.id).is_some() {
            continue;
        }
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

/// Every group's frame, outer groups first (so inner frames are drawn on top), its name in the
/// frame's top band.
fn groups(out: &mut String, map: &ConceptMap, m: Metrics) {
    if map.groups.is_empty() {
        return;
    }
    let frames = map.group_frames(m);
    let mut order: Vec<(usize, u32)> = map.groups.iter().map(|g| (map.depth(g.id), g.id)).collect();
    crate::order::sort(&mut order);
    out.push_str("<g class=\"groups\">\n");
    for (_, id) in order {
        let (Some(g), Some(r)) = (map.group(id), frames.get(&id)) else {
            continue;
        };
        let hex = super::HEX[g.colour as usize % super::HEX.len()];
        let _ = writeln!(
            out,
            "<g><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"14\" fill=\"{}\" fill-opacity=\"0.55\" stroke=\"{hex}\" stroke-width=\"2\"{}/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"700\" font-size=\"{}\" fill=\"{TEXT}\">{}</text></g>",
            r.x0,
            r.y0,
            r.w(),
            r.h(),
            tint(hex, 0.10),
            if g.collapsed {
                " stroke-dasharray=\"6 3\""
            } else {
                ""
            },
            r.x0 + 12.0,
            if g.collapsed {
                (r.y0 + r.y1) / 2.0 + m.font * 0.35
            } else {
                r.y0 + 19.0
            },
            m.font * 0.9,
            escape(&g.display_name())
        );
    }
    out.push_str("</g>\n");
}
