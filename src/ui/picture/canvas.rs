//! The board's canvas: the items from their live signals, the stroke being drawn and the
//! selection above them, and one set of pointer, wheel and key handlers. The handlers only
//! translate: a browser event becomes an input of the board's gesture machine
//! (`crate::interact::picture`), whose outputs are applied here in order (a preview, a
//! commit, a selection, a view); a key is looked up in the shortcut table
//! (`crate::interact::shortcuts`), which the `?` sheet and the hint below the board are
//! written from too.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::board::Board;
use super::items::{Chrome, ItemView};
use crate::analysis::ink;
use crate::interact::picture::{
    Command, Gestures, Mode, POINTER_HINT, PictureOutput, Preview, Scene,
};
use crate::interact::shortcuts::{self, Action, Area, Press};
use crate::interact::{Output, Release};
use crate::model::picture::PALETTE;
use crate::ui::editor::input;

impl Board {
    /// Runs the gesture machine on the picture as it is now.
    fn gesture(
        &self,
        f: impl FnOnce(&mut Gestures, &Scene) -> Vec<PictureOutput>,
    ) -> Vec<PictureOutput> {
        let selected = self.selected.get_untracked();
        let (view, pen) = (self.frame.view.get_untracked(), self.pen());
        self.with(|picture| {
            let scene = Scene {
                picture,
                selected: &selected,
                view,
                pen,
            };
            self.gestures.try_update_value(|g| f(g, &scene))
        })
        .flatten()
        .unwrap_or_default()
    }

    /// Does what the machine asked, in order; `press` is the pointer event it came from.
    fn apply(&self, outputs: Vec<PictureOutput>, press: Option<&ev::PointerEvent>) {
        for o in outputs {
            match o {
                Output::Focus => self.focus_board(),
                Output::Capture => {
                    if let Some(e) = press {
                        e.prevent_default();
                        // Captured by the board itself: the element under the pointer may go
                        // (the eraser).
                        if let Some(w) = self.wrap.get_untracked() {
                            let _ = w.set_pointer_capture(e.pointer_id());
                        }
                    }
                }
                Output::Preview(p) => self.show_preview(p),
                Output::Commit(c) => self.commit(c),
                Output::Select(s) => self.selected.set(s),
                Output::Edit(id) => self.editing.set(Some(id)),
                Output::View(v) => self.frame.set(v),
                Output::KeepView => self.frame.keep_view(),
                Output::Seal => self.session.seal(),
            }
        }
    }

    fn show_preview(&self, p: Preview) {
        match p {
            Preview::StrokeStart(at) => self.live.set(vec![at]),
            Preview::StrokeTo(at) => self.live.update(|v| v.push(at)),
            Preview::StrokeEnd => self.live.set(Vec::new()),
            Preview::Items(ids) => self.gestures.with_value(|g| {
                if let Some(work) = g.working() {
                    self.preview(work, &ids);
                }
            }),
            Preview::Restore(ids) => self.restore(&ids),
            Preview::Clear => self.pending.set(None),
            drawn => self.pending.set(Some(drawn)),
        }
    }

    fn commit(&self, c: Command) {
        match &c {
            Command::AddText(at) => self.add_text(*at),
            Command::Erase { sweep, .. } => {
                let key = format!("picture:{}:erase:{sweep}", self.id.get_value());
                self.edit(Some(&key), |p| c.apply(p));
            }
            Command::Add { select: true, .. } => {
                if let Some(Some(id)) = self.edit(None, |p| c.apply(p)) {
                    self.selected.set([id].into());
                }
            }
            _ => _ = self.edit(None, |p| c.apply(p)),
        }
    }

    /// Does what a bound key does; false when it does nothing here now.
    fn act(&self, action: Action, shift: bool, space: RwSignal<bool>) -> bool {
        match action {
            Action::PanWhileHeld => {
                space.set(true);
                self.gestures.update_value(|g| g.space = true);
            }
            Action::Remove => self.remove_selection(),
            Action::Duplicate => self.duplicate_selection(),
            Action::SelectAll => {
                self.mode.set(Mode::Select);
                self.selected
                    .set(self.item_ids.get_untracked().into_iter().collect());
            }
            Action::Nudge(d) => {
                if self.selected.with_untracked(|s| s.is_empty()) {
                    return false;
                }
                let (dx, dy) = d.step(if shift { 20.0 } else { 2.0 });
                let z = self.zoom();
                self.nudge(dx / z, dy / z);
            }
            Action::Restack(to) => self.restack(to),
            Action::ClearSelection => {
                if self.selected.with_untracked(|s| s.is_empty()) {
                    return false;
                }
                self.selected.set(Default::default());
            }
            Action::ZoomIn => self.zoom_by(1.25),
            Action::ZoomOut => self.zoom_by(0.8),
            Action::Fit => self.fit(),
            Action::Tool(m) => self.mode.set(m),
            _ => return false,
        }
        true
    }
}

/// The canvas: items from live signals, the selection, what a gesture is drawing, and the
/// event handlers.
#[component]
pub fn Canvas(board: Board) -> impl IntoView {
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let space = RwSignal::new(false);
    let canvas = move || svg.get().map(|el| el.unchecked_into::<web_sys::Element>());
    board.frame.track_size(canvas);
    let space_up = window_event_listener(ev::keyup, move |e| {
        if e.key() == " " {
            space.set(false);
            board.gestures.update_value(|g| g.space = false);
        }
    });
    on_cleanup(move || space_up.remove());

    let element = move || {
        svg.get_untracked()
            .map(|el| el.unchecked_into::<web_sys::Element>())
    };
    let pointer = move |e: &ev::PointerEvent| input::pointer(element().as_ref(), e);
    let pointerdown = move |e: ev::PointerEvent| {
        let p = pointer(&e);
        let outs = board.gesture(|g, s| g.down(s, &p));
        board.apply(outs, Some(&e));
    };
    let pointermove = move |e: ev::PointerEvent| {
        let p = pointer(&e);
        let outs = board.gesture(|g, s| g.moved(s, &p));
        board.apply(outs, None);
    };
    let finish = move |e: ev::PointerEvent, how: Release| {
        let p = pointer(&e);
        let outs = board.gesture(|g, s| g.up(s, &p, how));
        board.apply(outs, None);
    };
    let wheel = move |e: ev::WheelEvent| {
        e.prevent_default();
        let at = input::at(element().as_ref(), &e);
        board.apply(
            board.gesture(|g, s| g.wheel(s, at, e.delta_y(), e.ctrl_key())),
            None,
        );
    };
    let dblclick = move |e: ev::MouseEvent| {
        let at = input::at(element().as_ref(), &e);
        board.apply(board.gesture(|g, s| g.double_click(s, at)), None);
    };
    let keydown = move |e: ev::KeyboardEvent| {
        if board.editing.get_untracked().is_some() || e.alt_key() {
            return;
        }
        if super::caption::on_board_key(board, &e) {
            e.prevent_default();
            return;
        }
        let key = e.key();
        let press = Press {
            key: &key,
            ctrl: e.ctrl_key() || e.meta_key(),
            alt: false,
            shift: e.shift_key(),
        };
        if let Some(action) = shortcuts::action(Area::Picture, &press)
            && board.act(action, e.shift_key(), space)
        {
            e.prevent_default();
        }
    };
    let hint = format!("{POINTER_HINT} {}", shortcuts::hint(Area::Picture));

    let transform = move || {
        let v = board.frame.view.get();
        format!(
            "translate({:.2} {:.2}) scale({:.4})",
            -v.x * v.zoom,
            -v.y * v.zoom,
            v.zoom
        )
    };
    let live_d = Memo::new(move |_| board.live.with(|v| ink::smooth_path(v)));
    let live_look = move || {
        let (c, w) = (board.colour.get(), board.width.get());
        let hl = board.mode.get() == Mode::Highlighter;
        (
            PALETTE[c as usize % PALETTE.len()],
            if hl { w * 3.0 } else { w },
            hl,
        )
    };
    let count = move || board.item_ids.with(Vec::len);
    let title = move || {
        board
            .track(|p| p.display_title().to_string())
            .unwrap_or_default()
    };
    let cursor = move || {
        if space.get() {
            return "tool-hand";
        }
        match board.mode.get() {
            Mode::Select => "tool-select",
            Mode::Hand => "tool-hand",
            Mode::Text => "tool-text",
            _ => "tool-draw",
        }
    };
    // Two layers: the finished items below, and above them the stroke being drawn and the
    // selection, on a layer of their own, so drawing repaints only the top one.
    view! {
        <div class="picture-stage-main">
        <div class="picture-canvas-wrap" node_ref=board.wrap tabindex="0" role="group"
            aria-label=move || format!("Drawing board: {}, {} items", title(), count())
            aria-describedby="picture-keys"
            on:keydown=keydown on:pointerdown=pointerdown on:pointermove=pointermove
            on:pointerup=move |e| finish(e, Release::Lifted)
            on:pointercancel=move |e| finish(e, Release::Cancelled)
            on:wheel=wheel on:dblclick=dblclick
            on:contextmenu=move |e: ev::MouseEvent| e.prevent_default()>
            <svg class=move || format!("picture-canvas {}", cursor()) node_ref=svg xmlns="http://www.w3.org/2000/svg"
                role="img" aria-label=move || format!("Rich picture: {} items. Draw with the mouse, a pen or a finger.", count())>
                <g transform=move || transform()>
                    <g class="items">
                        <For each=move || board.item_ids.get() key=|id| *id children=move |id| {
                            view! { <ItemView board=board id=id /> }
                        } />
                    </g>
                </g>
            </svg>
            <svg class="picture-overlay" xmlns="http://www.w3.org/2000/svg">
                <g transform=move || transform()>
                    <path class="live-stroke" d=move || live_d.get() fill="none"
                        stroke=move || live_look().0 stroke-width=move || live_look().1
                        stroke-opacity=move || if live_look().2 { "0.35" } else { "1" }
                        stroke-linecap="round" stroke-linejoin="round"></path>
                    <Chrome board=board />
                </g>
            </svg>
            {move || (count() == 0).then(|| view! {
                <p class="map-empty">"Draw with the pen, or drag a sticker onto the board from the column of stickers to its left."</p>
            }.into_any())}
        </div>
        <p id="picture-keys" class="hint">{hint}</p>
        <p class="visually-hidden" role="status">{move || board.announce.get()}</p>
        </div>
    }
}
