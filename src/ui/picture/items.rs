//! How the items of a picture are drawn on the board, each from its own live signal, and the
//! chrome above them: selection frames and handles, what a gesture is drawing, and the caption
//! editor typed in place (`caption`).

use leptos::prelude::*;

use super::board::{Board, STICKER_SIZE};
use super::shown::Shown;
use crate::analysis::ink;
use crate::content::stickers;
use crate::export::picture as ex;
use crate::geometry::Point;
use crate::interact::picture::{Preview, handles};
use crate::model::picture::{Icon, Item, ItemId, Outline, PALETTE, Tool, frame_of};

/// The ink stickers are drawn in.
pub const INK: &str = "#1a1a1a";

fn colour(i: u8) -> &'static str {
    PALETTE[i as usize % PALETTE.len()]
}

/// The lines of a caption or text, each with its baseline offset from the block's centre.
fn lines(text: &str, size: f64) -> Vec<(String, f64)> {
    let all: Vec<&str> = text.split('\n').collect();
    let step = size * 1.25;
    let top = -(all.len() as f64 - 1.0) * step / 2.0 + size * 0.35;
    all.iter()
        .enumerate()
        .map(|(i, l)| (l.to_string(), top + i as f64 * step))
        .collect()
}

fn render(s: &Shown) -> AnyView {
    match &s.item {
        Item::Stroke(st) => {
            let d = ink::smooth_path(&st.points);
            let hl = st.tool == Tool::Highlighter;
            let w = if hl { st.width * 3.0 } else { st.width };
            view! {
                <path class="stroke" d=d fill="none" stroke=colour(st.colour) stroke-width=w
                    stroke-opacity=if hl { "0.35" } else { "1" }
                    stroke-linecap="round" stroke-linejoin="round"></path>
            }
            .into_any()
        }
        Item::Sticker(st) => {
            let k = st.size / stickers::BOX;
            let half = stickers::BOX / 2.0;
            // As the SVG export draws it: the caption under the sticker, not turned with it.
            let font = ex::caption_font(st);
            let first = st.y + st.size / 2.0 + 4.0 + font * 0.95;
            let caption = st
                .caption
                .split('\n')
                .enumerate()
                .map(|(i, l)| {
                    let y = first + i as f64 * font * ex::LINE_HEIGHT;
                    view! { <tspan x=st.x y=y>{l.to_string()}</tspan> }
                })
                .collect_view();
            view! {
                <g class="sticker" data-icon=format!("{:?}", st.icon).to_lowercase()>
                    <g transform=format!("translate({:.1} {:.1}) rotate({:.1}) scale({k:.4}) translate({} {})",
                        st.x, st.y, st.rotation, -half, -half)>
                        <rect class="sticker-back" width=stickers::BOX height=stickers::BOX rx="12"></rect>
                        <path class="sticker-art" d=stickers::path(st.icon) fill="none" stroke=INK
                            stroke-width=stickers::STROKE stroke-linecap="round" stroke-linejoin="round"></path>
                    </g>
                    <text class="caption" text-anchor="middle" font-size=font fill=INK>{caption}</text>
                </g>
            }
            .into_any()
        }
        Item::Text(t) => {
            let body = lines(&t.text, t.size)
                .into_iter()
                .map(|(l, y)| view! { <tspan x="0" y=y>{l}</tspan> })
                .collect_view();
            view! {
                <text class="pic-text" text-anchor="middle" font-size=t.size fill=colour(t.colour)
                    transform=format!("translate({:.1} {:.1}) rotate({:.1})", t.x, t.y, t.rotation)>{body}</text>
            }
            .into_any()
        }
        Item::Arrow(a) => {
            let Some((f, t)) = s.ends else {
                return ().into_any();
            };
            let head = arrow_head(f, t, a.width);
            // The line stops inside the head so its round cap does not poke out of the tip.
            let back = back_off(f, t, a.width * 2.0);
            view! {
                <g class="arrow">
                    <line x1=f.x y1=f.y x2=back.x y2=back.y stroke=colour(a.colour) stroke-width=a.width
                        stroke-linecap="round"></line>
                    <path d=head fill=colour(a.colour)></path>
                </g>
            }
            .into_any()
        }
        Item::Shape(sh) => {
            let transform = format!(
                "translate({:.1} {:.1}) rotate({:.1})",
                sh.x, sh.y, sh.rotation
            );
            match sh.outline {
                Outline::Rectangle => view! {
                    <rect class="shape" x=-sh.w / 2.0 y=-sh.h / 2.0 width=sh.w height=sh.h rx="8"
                        transform=transform fill="none" stroke=colour(sh.colour) stroke-width=sh.width
                        stroke-linejoin="round"></rect>
                }
                .into_any(),
                Outline::Ellipse => view! {
                    <ellipse class="shape" rx=sh.w / 2.0 ry=sh.h / 2.0 transform=transform fill="none"
                        stroke=colour(sh.colour) stroke-width=sh.width></ellipse>
                }
                .into_any(),
            }
        }
    }
}

/// `t` moved back towards `f` by `by` (not past `f`).
fn back_off(f: Point, t: Point, by: f64) -> Point {
    let (dx, dy) = (t.x - f.x, t.y - f.y);
    let len = dx.hypot(dy);
    if len <= by {
        return f;
    }
    Point::new(t.x - dx / len * by, t.y - dy / len * by)
}

/// The arrowhead at `t` of an arrow from `f`, as path data.
pub fn arrow_head(f: Point, t: Point, width: f64) -> String {
    let (dx, dy) = (t.x - f.x, t.y - f.y);
    let len = dx.hypot(dy).max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let l = 4.0 * width + 8.0;
    let w = 2.2 * width + 5.0;
    let (bx, by) = (t.x - ux * l, t.y - uy * l);
    format!(
        "M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
        t.x,
        t.y,
        bx - uy * w,
        by + ux * w,
        bx + uy * w,
        by - ux * w
    )
}

/// The sticker as it will land, drawn faintly under the pointer while it is dragged in.
fn ghost(icon: Icon, at: Point) -> AnyView {
    let half = stickers::BOX / 2.0;
    let k = STICKER_SIZE / stickers::BOX;
    view! {
        <g class="drop-ghost" opacity="0.6" transform=format!(
            "translate({:.1} {:.1}) scale({k:.4}) translate({} {})", at.x, at.y, -half, -half)>
            <rect width=stickers::BOX height=stickers::BOX rx="12" fill="#ffffff"
                stroke="#1f6fb2" stroke-width="3" stroke-dasharray="8 6"></rect>
            <path d=stickers::path(icon) fill="none" stroke=INK stroke-width=stickers::STROKE
                stroke-linecap="round" stroke-linejoin="round"></path>
        </g>
    }
    .into_any()
}

/// One item, from its live signal: re-rendered only when it changes.
#[component]
pub fn ItemView(board: Board, id: ItemId) -> impl IntoView {
    let Some(sig) = board.shown(id) else {
        return ().into_any();
    };
    view! { <g data-item=id>{move || sig.with(render)}</g> }.into_any()
}

/// Selection frames and handles, what a gesture is drawing, and the caption editor.
#[component]
pub fn Chrome(board: Board) -> impl IntoView {
    let frames = move || {
        let sel = board.selected.get();
        let z = board.frame.view.get().zoom;
        let one = sel.len() == 1;
        sel.iter()
            .filter_map(|id| board.shown(*id))
            .filter_map(|sig| {
                let s = sig.get();
                let f = frame_of(&s.item, s.ends)?;
                let pad = 6.0 / z;
                let is_arrow = matches!(s.item, Item::Arrow(_));
                let (corner, top) = handles(&f, z);
                let turn = format!(
                    "translate({:.1} {:.1}) rotate({:.1})",
                    f.c.x, f.c.y, f.rotation
                );
                let (hw, hh) = (f.w / 2.0 + pad, f.h / 2.0 + pad);
                let r = 7.0 / z;
                let handles = (one && !is_arrow).then(|| {
                    view! {
                        <line class="handle-stem" x1="0" y1=-hh x2="0" y2=-hh - 28.0 / z transform=turn.clone()
                            stroke-width=1.5 / z></line>
                        <circle class="handle rotate" cx=top.x cy=top.y r=r stroke-width=2.0 / z></circle>
                        <rect class="handle resize" x=corner.x - r y=corner.y - r width=2.0 * r height=2.0 * r
                            stroke-width=2.0 / z></rect>
                    }
                });
                Some(view! {
                    <rect class="selection-frame" x=-hw y=-hh width=2.0 * hw height=2.0 * hh transform=turn
                        stroke-width=1.5 / z stroke-dasharray=format!("{} {}", 6.0 / z, 4.0 / z)></rect>
                    {handles}
                })
            })
            .collect_view()
            .into_any()
    };
    let pending = move || {
        let z = board.frame.view.get().zoom;
        board.pending.get().map(|p| match p {
            Preview::Band(b) => view! {
                <rect class="band" x=b.x0 y=b.y0 width=b.x1 - b.x0 height=b.y1 - b.y0 stroke-width=1.5 / z></rect>
            }
            .into_any(),
            Preview::Arrow(f, t) => view! {
                <g class="pending-arrow">
                    <line x1=f.x y1=f.y x2=t.x y2=t.y stroke=move || colour(board.colour.get())
                        stroke-width=move || board.width.get().max(2.0) stroke-dasharray="8 6" stroke-linecap="round"></line>
                    <path d=arrow_head(f, t, board.width.get_untracked().max(2.0)) fill=move || colour(board.colour.get())></path>
                </g>
            }
            .into_any(),
            Preview::Shape(o, b) => {
                let stroke = colour(board.colour.get_untracked());
                let w = board.width.get_untracked();
                match o {
                    Outline::Rectangle => view! {
                        <rect class="pending-shape" x=b.x0 y=b.y0 width=b.x1 - b.x0 height=b.y1 - b.y0 rx="8"
                            fill="none" stroke=stroke stroke-width=w></rect>
                    }
                    .into_any(),
                    Outline::Ellipse => view! {
                        <ellipse class="pending-shape" cx=(b.x0 + b.x1) / 2.0 cy=(b.y0 + b.y1) / 2.0
                            rx=(b.x1 - b.x0) / 2.0 ry=(b.y1 - b.y0) / 2.0 fill="none" stroke=stroke stroke-width=w></ellipse>
                    }
                    .into_any(),
                }
            }
            Preview::Sticker(icon, at) => ghost(icon, at),
            // The stroke and the items being moved are drawn by the canvas and the items.
            _ => ().into_any(),
        })
    };
    view! {
        <g class="chrome">
            {move || frames()}
            {move || pending()}
            {move || board.editing.get().map(|id| view! { <super::caption::CaptionEditor board=board id=id /> })}
        </g>
    }
}
