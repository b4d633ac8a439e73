//! The column of stickers beside the board. A click (or Enter / Space on a focused sticker)
//! places one in a free spot near the middle, as before; a pointer drag from a sticker onto the
//! board places it where it is released, at the board's zoom and pan, as one undo step. While
//! the drag is over the board a faint copy shows where and how large it will land; released
//! anywhere else, nothing is added.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::board::Board;
use crate::content::stickers;
use crate::geometry::Point;
use crate::interact::Release;
use crate::interact::picture::Preview;
use crate::model::picture::Icon;

/// How far (px) a press must move before it is a drag rather than a click.
const DRAG_START: f64 = 6.0;

/// A press on a sticker in the column, followed until release.
#[derive(Clone, Copy)]
struct Press {
    pointer: i32,
    icon: Icon,
    from: (f64, f64),
    dragging: bool,
}

impl Board {
    /// The picture point under a screen point, when that point is on the board.
    fn board_point(&self, cx: f64, cy: f64) -> Option<Point> {
        let wrap = self.wrap.get_untracked()?;
        let canvas = wrap.query_selector("svg.picture-canvas").ok()??;
        let r = canvas.get_bounding_client_rect();
        let inside = cx >= r.left() && cx <= r.right() && cy >= r.top() && cy <= r.bottom();
        inside.then(|| {
            self.frame
                .view
                .get_untracked()
                .to_map(cx - r.left(), cy - r.top())
        })
    }
}

/// The stickers, one button each: a click places one near the middle of the board, a drag
/// places it where it is dropped.
#[component]
pub fn StickerBar(board: Board) -> impl IntoView {
    let press = StoredValue::new(None::<Press>);
    // A drag ends in a click on the sticker it started from: that click adds nothing more.
    let dragged = StoredValue::new(false);
    let client = |e: &ev::PointerEvent| (f64::from(e.client_x()), f64::from(e.client_y()));

    let down = move |icon: Icon, e: ev::PointerEvent| {
        dragged.set_value(false);
        if !e.is_primary() || e.button() != 0 {
            return;
        }
        if let Some(el) = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        press.set_value(Some(Press {
            pointer: e.pointer_id(),
            icon,
            from: client(&e),
            dragging: false,
        }));
    };
    let mv = move |e: ev::PointerEvent| {
        let Some(mut pr) = press.get_value().filter(|p| p.pointer == e.pointer_id()) else {
            return;
        };
        let (cx, cy) = client(&e);
        if !pr.dragging && (cx - pr.from.0).hypot(cy - pr.from.1) < DRAG_START {
            return;
        }
        pr.dragging = true;
        press.set_value(Some(pr));
        board.pending.set(
            board
                .board_point(cx, cy)
                .map(|at| Preview::Sticker(pr.icon, at)),
        );
    };
    let up = move |e: ev::PointerEvent, how: Release| {
        let Some(pr) = press.get_value().filter(|p| p.pointer == e.pointer_id()) else {
            return;
        };
        press.set_value(None);
        if !pr.dragging {
            return;
        }
        dragged.set_value(true);
        board.pending.set(None);
        let (cx, cy) = client(&e);
        match board.board_point(cx, cy).filter(|_| how == Release::Lifted) {
            Some(at) => board.sticker_at(at, pr.icon, "", None),
            None => board
                .announce
                .set("The sticker was not dropped on the board: nothing added.".into()),
        }
    };

    view! {
        <div class="sticker-bar" role="toolbar" aria-label="Stickers" aria-orientation="vertical">
            {Icon::ALL.into_iter().map(|icon| view! {
                <button type="button" class="sticker-button" aria-label=format!("Add sticker: {}", icon.name())
                    title=format!("{} (click, or drag onto the board)", icon.name())
                    on:pointerdown=move |e| down(icon, e)
                    on:pointermove=mv
                    on:pointerup=move |e| up(e, Release::Lifted)
                    on:pointercancel=move |e| up(e, Release::Cancelled)
                    on:click=move |e: ev::MouseEvent| {
                        // A click from the keyboard has no detail; one ending a drag is dropped.
                        if e.detail() > 0 && dragged.get_value() {
                            dragged.set_value(false);
                            return;
                        }
                        board.add_sticker(icon, "", None);
                    }>
                    <svg viewBox="-4 -4 72 72" width="36" height="36" aria-hidden="true">
                        <path d=stickers::path(icon) fill="none" stroke="currentColor"
                            stroke-width=stickers::STROKE * 1.4 stroke-linecap="round" stroke-linejoin="round"></path>
                    </svg>
                </button>
            }).collect_view()}
        </div>
    }
}
