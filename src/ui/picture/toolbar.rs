//! The board's toolbar: tools, colour, width, zoom and focus mode.

use leptos::prelude::*;

use super::board::{Board, COLOUR_NAMES};
use crate::interact::picture::Mode;
use crate::interact::shortcuts::{Action, Area, key_for};
use crate::model::picture::{PALETTE, WIDTHS};
use crate::ui::editor::view::ZoomRow;

/// The toolbar: tools, colour, width, zoom and focus mode.
#[component]
pub fn Toolbar(board: Board) -> impl IntoView {
    let pick_colour = move |i: u8| {
        board.colour.set(i);
        // What is selected takes the colour too.
        board.colour_selection(i);
    };
    view! {
        <div class="map-toolbar picture-toolbar" role="toolbar" aria-label="Drawing" aria-orientation="vertical">
            <div class="view-switch tools" role="group" aria-label="Tool">
                {Mode::ALL.into_iter().map(|m| view! {
                    <button type="button" aria-pressed=move || (board.mode.get() == m).to_string()
                        aria-keyshortcuts=key_for(Area::Picture, Action::Tool(m)).unwrap_or_default() title=format!("{} ({})", m.label(), m.key())
                        on:click=move |_| { board.mode.set(m); board.editing.set(None); }>{m.label()}</button>
                }).collect_view()}
            </div>
            <div class="swatches" role="group" aria-label="Colour">
                {PALETTE.iter().enumerate().map(|(i, hex)| {
                    let i = i as u8;
                    view! {
                        <button type="button" class="swatch-button" aria-label=COLOUR_NAMES[i as usize]
                            title=COLOUR_NAMES[i as usize]
                            aria-pressed=move || (board.colour.get() == i).to_string()
                            on:click=move |_| pick_colour(i)>
                            <svg width="20" height="20" aria-hidden="true"><circle cx="10" cy="10" r="8" fill=*hex></circle></svg>
                        </button>
                    }
                }).collect_view()}
            </div>
            <label><span class="visually-hidden">"Width"</span>
                <select title="Stroke width" on:change=move |e| board.width.set(event_target_value(&e).parse().unwrap_or(WIDTHS[1]))>
                    {WIDTHS.iter().map(|w| view! {
                        <option value=w.to_string() selected=*w == WIDTHS[1]>{format!("{w} px")}</option>
                    }).collect_view()}
                </select>
            </label>
            <span class="spacer"></span>
            <ZoomRow frame=board.frame zoom=move |f| board.zoom_by(f) />
            <button type="button" on:click=move |_| board.fit() title="Show the whole picture (0)">"Fit"</button>
            <button type="button" class="focus-toggle" aria-pressed=move || board.frame.focus.get().to_string()
                on:click=move |_| board.frame.focus.update(|f| *f = !*f)
                title="The board fills the screen, for the projector (Esc leaves)">
    "Focus mode"</button>
        </div>
    }
}
