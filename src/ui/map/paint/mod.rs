//! Large maps painted on a `<canvas>` (issues 22 and 23, "opening a large map").
//!
//! Above [`LARGE`] nodes and links, Chromium's style, layout and paint of tens of thousands of
//! SVG elements took most of the time from a file chosen to the map on screen (1.6–2.3 s at
//! 8,000 links, against 500 ms), and most of a 5,000-node first render (vis-network, which
//! paints everything on a canvas, was 2.5× faster at ×4). So a large map's nodes and links are
//! painted here, on one canvas between the groups' frames and the SVG's own layers, with the
//! same view (zoom and pan), at the screen's pixel density, in the colours the stylesheet gives
//! the SVG (read from the computed style of probe elements carrying the same classes, so the
//! light, dark and projector themes follow without a second palette).
//!
//! The SVG keeps what a person works with (`draw.rs` decides it, [`Front`]): every node as a
//! focusable, named element (empty unless drawn), and drawn whole the selected, focused and
//! hovered nodes, the selected and hovered links, the links of the selected node and their far
//! ends (the keyboard walk, Alt+arrows, reaches named links there), the dragged nodes (the lift
//! layer), the label being typed. What the SVG draws is left out of the painting. Clicks find a
//! painted node or link by its geometry (`gestures.rs`, `frames::link_near`).
//!
//! The canvas is painted in an animation frame after anything it shows changed (the view, the
//! model, the live places during an animation, the front, the theme), only what is in view.
//! When only what the SVG draws changed (the front: a selection, the pointer over another node
//! or link, the dragged nodes lifted or put back), only the places of the nodes and links that
//! joined or left it are painted again ([`Shown`]): a drag on a 1,000-node map began by painting
//! the whole canvas again, 10 ms of script and the raster of the whole canvas in one frame.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

mod keep;
mod region;

pub(super) use keep::keep_painted;
use region::{Shown, curve_box, link_extent, meets, node_extent};

use super::Ed;
use super::inks::Inks;
use crate::model::map::{Curve, Direction, LinkId, NodeId, Point, Polarity, Rect, Shape, Size};

/// Link labels smaller than this on screen (CSS pixels of font) are left out, as vis-network
/// leaves out labels under its `drawThreshold` (5 px): unreadable, they cost a large map most of
/// its elements (8,000 labels are 16,000). The label stays in the link's name (its `<title>`),
/// and zooming in draws them.
pub(super) const LABEL_MIN_PX: f64 = 5.0;

/// Maps with more nodes and links than this are painted on the canvas. Measured
/// (`tests/e2e/bench/compare.mjs`): drawn as SVG, a 100-node map (about 300 nodes and links)
/// renders first ahead of vis-network at ×1 and ×4, a 1,000-node one (about 3,000) behind it at
/// both; an 8,000-link import spends 0.9–1.6 s in Chromium's rendering of the SVG alone. Small
/// maps keep the SVG whole (every element styled, hovered and inspected as before).
pub(crate) const LARGE: usize = 1000;

/// What the SVG draws of a large map; the painting leaves these out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Front {
    pub nodes: HashSet<NodeId>,
    pub links: HashSet<LinkId>,
}

fn dash(ctx: &web_sys::CanvasRenderingContext2d, d: &[f64]) {
    let arr = js_sys::Array::new();
    for v in d {
        arr.push(&JsValue::from_f64(*v));
    }
    let _ = ctx.set_line_dash(&arr);
}

/// An arrowhead as the SVG's marker draws it (`markerWidth` 7 stroke widths for 10 units,
/// its tip one unit past the end), at `tip` pointing along `(dx, dy)`: its three corners.
pub(super) fn arrow_points(tip: Point, dx: f64, dy: f64, width: f64) -> Option<[Point; 3]> {
    let len = dx.hypot(dy);
    if len < 1e-9 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let s = 0.7 * width;
    let back = |t: f64, side: f64| {
        Point::new(
            tip.x + ux * t * s - uy * side * s,
            tip.y + uy * t * s + ux * side * s,
        )
    };
    Some([back(1.0, 0.0), back(-9.0, 5.0), back(-9.0, -5.0)])
}

/// Where a link's arrowheads go: at its end (and, both ways, at its start), each with the
/// direction it points, as the marker's `orient="auto-start-reverse"` turns it.
pub(super) fn arrow_tips(
    k: &Curve,
    direction: Direction,
) -> impl Iterator<Item = (Point, f64, f64)> {
    let along = |to: Point, from: Point, other: Point| {
        if (to.x - from.x).hypot(to.y - from.y) > 1e-6 {
            (to, to.x - from.x, to.y - from.y)
        } else {
            (to, to.x - other.x, to.y - other.y)
        }
    };
    let end = (direction != Direction::None).then(|| along(k.q, k.c, k.p));
    let start = (direction == Direction::Both).then(|| along(k.p, k.c, k.q));
    end.into_iter().chain(start)
}

/// [`arrow_points`] added to the canvas's path.
fn arrowhead(ctx: &web_sys::CanvasRenderingContext2d, tip: Point, dx: f64, dy: f64, width: f64) {
    let Some([a, b, c]) = arrow_points(tip, dx, dy, width) else {
        return;
    };
    ctx.move_to(a.x, a.y);
    ctx.line_to(b.x, b.y);
    ctx.line_to(c.x, c.y);
    // No `closePath`: a fill closes each piece itself, and Chromium's closePath walks the
    // whole path so far (223 ms for 8,000 arrowheads in one path).
}

/// Paints the map's nodes and links that the SVG does not draw, in view; with `changed` (the
/// nodes and links that joined or left what the SVG draws), only where those are.
fn paint(
    ed: Ed,
    canvas: &web_sys::HtmlCanvasElement,
    probe: &web_sys::Element,
    inks: &mut Inks,
    changed: Option<&Shown>,
) -> Option<(usize, usize)> {
    let (w, h) = (
        f64::from(canvas.client_width()),
        f64::from(canvas.client_height()),
    );
    if w <= 0.0 || h <= 0.0 {
        return None;
    }
    let dpr = window().device_pixel_ratio().max(1.0);
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    // A resized canvas is blank: painted whole.
    let changed = changed.filter(|_| canvas.width() == bw && canvas.height() == bh);
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).ok()?;
    inks.check(probe);
    let v = ed.frame.view.get_untracked();
    let z = v.zoom * dpr;
    let metrics = ed.metrics.get_untracked();
    // On screen, text smaller than this is a smudge: left out (vis-network: under 5 px).
    let words = metrics.font * v.zoom >= 4.0;
    let link_words = metrics.font * v.zoom >= LABEL_MIN_PX;
    let front = ed.front.get_value();
    let lifted = ed.lifted.get_untracked();
    let highlight = ed.highlight.get_untracked();
    let halo = ed.halo.get_untracked();
    let node_ids = ed.node_ids.get_untracked();
    let link_ids = ed.link_ids.get_untracked();
    // Every node's place and box, read once.
    let mut at: HashMap<NodeId, (Point, Size)> = HashMap::with_capacity(node_ids.len());
    ed.live.with_value(|live| {
        for id in &node_ids {
            if let Some(l) = live.get(id) {
                at.insert(*id, (l.pos.get_untracked(), l.size.get_untracked()));
            }
        }
    });
    let end = |id: NodeId| -> (Point, Size) {
        at.get(&id).copied().unwrap_or_else(|| {
            let l = ed.live(id);
            (l.pos.get_untracked(), l.size.get_untracked())
        })
    };
    let halo_of = |id: &NodeId| halo.get(id).copied().filter(|v| *v > 0.0);
    let mut clipped = false;
    let seen = match changed {
        // Only where the nodes and links that joined or left the SVG's drawing are: that part
        // of the canvas, whole device pixels, cleared and painted again.
        Some(changed) => {
            let region = region::of(ed, changed, &end, &halo_of, link_words, metrics);
            let (bw, bh) = (f64::from(bw), f64::from(bh));
            let px = region.map(|r| {
                (
                    ((r.x0 - v.x) * z).floor().clamp(0.0, bw),
                    ((r.y0 - v.y) * z).floor().clamp(0.0, bh),
                    ((r.x1 - v.x) * z).ceil().clamp(0.0, bw),
                    ((r.y1 - v.y) * z).ceil().clamp(0.0, bh),
                )
            });
            match px {
                Some((x0, y0, x1, y1)) if x0 < x1 && y0 < y1 => {
                    ctx.save();
                    clipped = true;
                    ctx.begin_path();
                    ctx.rect(x0, y0, x1 - x0, y1 - y0);
                    ctx.clip();
                    ctx.clear_rect(x0, y0, x1 - x0, y1 - y0);
                    let px = 1.0 / z;
                    Rect {
                        x0: v.x + x0 / z - px,
                        y0: v.y + y0 / z - px,
                        x1: v.x + x1 / z + px,
                        y1: v.y + y1 / z + px,
                    }
                }
                // Nothing of it in view: nothing to paint (the loops below still count).
                _ => Rect {
                    x0: f64::INFINITY,
                    y0: f64::INFINITY,
                    x1: f64::NEG_INFINITY,
                    y1: f64::NEG_INFINITY,
                },
            }
        }
        None => {
            ctx.clear_rect(0.0, 0.0, f64::from(bw), f64::from(bh));
            let margin = 40.0 / v.zoom.max(1e-6);
            Rect {
                x0: v.x - margin,
                y0: v.y - margin,
                x1: v.x + w / v.zoom + margin,
                y1: v.y + h / v.zoom + margin,
            }
        }
    };
    let partial = changed.is_some();
    ctx.set_transform(z, 0.0, 0.0, z, -v.x * z, -v.y * z).ok()?;
    // Links: curves by class, stroked a class at a time; arrowheads filled at once.
    let mut lines: Vec<(String, Vec<Curve>)> = Vec::new();
    let mut heads: Vec<(Point, f64, f64, f64)> = Vec::new();
    let mut words_on: Vec<(Curve, String, Polarity)> = Vec::new();
    let mut painted_links = 0;
    with_around(ed, |around| {
        ed.links.with_value(|links| {
            for id in &link_ids {
                let Some(l) = links.get(id) else { continue };
                l.with_untracked(|l| {
                    if front.links.contains(id)
                        || lifted.contains(&l.from)
                        || lifted.contains(&l.to)
                    {
                        return;
                    }
                    let Some(k) = super::frames::curve_in(
                        around,
                        *id,
                        (l.from, l.to),
                        end(l.from),
                        end(l.to),
                    ) else {
                        return;
                    };
                    painted_links += 1;
                    let shows = if partial {
                        let e = link_extent(&k, &l.label, link_words, l.polarity, metrics);
                        meets(&e, &seen)
                    } else {
                        meets(&curve_box(&k), &seen)
                    };
                    if !shows {
                        return;
                    }
                    let traced = if highlight.links.contains(id) {
                        " traced"
                    } else {
                        ""
                    };
                    let class = format!("link d-{}{traced}", l.direction.as_str());
                    match lines.iter_mut().find(|(c, _)| *c == class) {
                        Some((_, ks)) => ks.push(k),
                        None => lines.push((class, vec![k])),
                    }
                    for (tip, dx, dy) in arrow_tips(&k, l.direction) {
                        heads.push((tip, dx, dy, 2.0));
                    }
                    if (link_words && !l.label.is_empty()) || l.polarity != Polarity::None {
                        words_on.push((
                            k,
                            if link_words {
                                l.label.clone()
                            } else {
                                String::new()
                            },
                            l.polarity,
                        ));
                    }
                });
            }
        });
    });
    ctx.set_line_cap("butt");
    for (class, ks) in &lines {
        let ink = inks.of(probe, class).clone();
        ctx.set_stroke_style_str(&ink.stroke);
        ctx.set_line_width(ink.width.max(0.5));
        dash(&ctx, &ink.dash);
        ctx.begin_path();
        for k in ks {
            ctx.move_to(k.p.x, k.p.y);
            ctx.quadratic_curve_to(k.c.x, k.c.y, k.q.x, k.q.y);
        }
        ctx.stroke();
    }
    dash(&ctx, &[]);
    ctx.set_fill_style_str(&inks.arrow);
    ctx.begin_path();
    for (tip, dx, dy, width) in &heads {
        arrowhead(&ctx, *tip, *dx, *dy, *width);
    }
    ctx.fill();
    let font = |size: f64, bold: bool| {
        format!(
            "{}{size}px {}",
            if bold { "700 " } else { "" },
            if inks.font.is_empty() {
                "sans-serif"
            } else {
                &inks.font
            }
        )
    };
    ctx.set_text_align("center");
    // Link labels on their background, and polarity signs.
    if !words_on.is_empty() {
        ctx.set_font(&font(metrics.font, false));
        ctx.set_text_baseline("middle");
        for (k, label, pol) in &words_on {
            if !label.is_empty()
                && let Some(r) = crate::analysis::placement::label_box(label, k.mid, metrics)
            {
                let back = &inks.label_back;
                ctx.set_fill_style_str(&back.fill);
                ctx.set_stroke_style_str(&back.stroke);
                ctx.set_line_width(back.width.max(0.5));
                ctx.begin_path();
                let _ = ctx.round_rect_with_f64(r.x0, r.y0, r.w(), r.h(), 4.0);
                ctx.fill();
                ctx.stroke();
                ctx.set_fill_style_str(&inks.text);
                let _ = ctx.fill_text(label, (r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
            }
            if *pol != Polarity::None {
                let at = k.sign_at();
                ctx.set_font(&font(metrics.font * 1.1, true));
                ctx.set_text_baseline("alphabetic");
                ctx.set_line_width(5.0);
                ctx.set_line_join("round");
                ctx.set_stroke_style_str(&inks.polarity.stroke);
                let _ = ctx.stroke_text(pol.sign(), at.x, at.y);
                ctx.set_fill_style_str(&inks.text);
                let _ = ctx.fill_text(pol.sign(), at.x, at.y);
                ctx.set_font(&font(metrics.font, false));
                ctx.set_text_baseline("middle");
            }
        }
    }
    // Nodes, in the map's order (later ones on top, as in the SVG).
    ctx.set_text_baseline("alphabetic");
    ctx.set_font(&font(metrics.font, false));
    let lh = metrics.line_height();
    let mut painted_nodes = 0;
    ed.live.with_value(|live| {
        for id in &node_ids {
            let (Some((p, s)), Some(l)) = (at.get(id), live.get(id)) else {
                continue;
            };
            let look = l.look.read_untracked();
            if look.hidden || front.nodes.contains(id) || lifted.contains(id) {
                continue;
            }
            painted_nodes += 1;
            let r = Rect::around(*p, *s);
            let shows = if partial {
                meets(&node_extent(*p, *s, halo_of(id)), &seen)
            } else {
                meets(&r, &seen)
            };
            if !shows {
                continue;
            }
            if let Some(v) = halo_of(id) {
                ctx.set_global_alpha(inks.halo.1);
                ctx.set_fill_style_str(&inks.halo.0);
                ctx.begin_path();
                let _ = ctx.arc(
                    p.x,
                    p.y,
                    s.w.max(s.h) / 2.0 + 8.0 + v * 60.0,
                    0.0,
                    std::f64::consts::TAU,
                );
                ctx.fill();
                ctx.set_global_alpha(1.0);
            }
            let traced = if highlight.nodes.contains(id) {
                " traced"
            } else {
                ""
            };
            let class = format!("node c-{} s-{}{traced}", look.colour, look.shape.as_str());
            let ink = inks.of(probe, &class);
            let rx = match look.shape {
                Shape::Box => 2.0,
                Shape::Pill => s.h / 2.0,
                Shape::Rounded | Shape::Dashed => 10.0,
            };
            ctx.set_fill_style_str(&ink.fill);
            ctx.set_stroke_style_str(&ink.stroke);
            ctx.set_line_width(ink.width.max(0.5));
            let dashed = !ink.dash.is_empty();
            if dashed {
                dash(&ctx, &ink.dash);
            }
            ctx.begin_path();
            let _ = ctx.round_rect_with_f64(r.x0, r.y0, s.w, s.h, rx);
            ctx.fill();
            ctx.stroke();
            if dashed {
                dash(&ctx, &[]);
            }
            if words {
                let lines = crate::model::map::wrap_label(&look.label);
                let top = -(lines.len() as f64 - 1.0) * lh / 2.0 + metrics.font * 0.35;
                ctx.set_fill_style_str(&inks.text);
                for (i, line) in lines.iter().enumerate() {
                    let _ = ctx.fill_text(line, p.x, p.y + top + i as f64 * lh);
                }
            }
        }
    });
    if clipped {
        ctx.restore();
    }
    Some((painted_nodes, painted_links))
}

/// Runs `f` with what a link's curve depends on besides its ends (lanes, collapsed groups,
/// frames, the map), read without tracking.
pub(super) fn with_around<T>(ed: Ed, f: impl FnOnce(&super::frames::Around) -> T) -> T {
    ed.lanes.with_untracked(|lanes| {
        ed.hidden.with_untracked(|hidden| {
            ed.frames.with_untracked(|frames| {
                ed.map.with_untracked(|m| {
                    f(&super::frames::Around {
                        lanes,
                        hidden,
                        frames,
                        map: m.as_deref(),
                    })
                })
            })
        })
    })
}
