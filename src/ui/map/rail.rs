//! The map editor's rail, beside the canvas: how the map is shown (canvas or outline) and, on the
//! canvas, add, link, delete, zoom, fit and focus mode. A column rather than a row, so the canvas
//! starts near the top of the screen (issue 20: the work area above the fold).

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::{Ed, Show};
use crate::ui::editor::view::ZoomRow;

#[component]
pub(super) fn Rail(ed: Ed) -> impl IntoView {
    view! {
        <div class="map-rail">
            <div class="view-switch map-show" role="group" aria-label="Show the map as">
                <button type="button" aria-pressed=move || (ed.show.get() == Show::Canvas).to_string()
                    on:click=move |_| ed.show.set(Show::Canvas)>"Canvas"</button>
                <button type="button" aria-pressed=move || (ed.show.get() == Show::Outline).to_string()
                    on:click=move |_| { ed.editing.set(None); ed.show.set(Show::Outline) }>"Outline"</button>
            </div>
            <div class="map-toolbar" role="toolbar" aria-label="Canvas" aria-orientation="vertical"
                hidden=move || ed.show.get() != Show::Canvas>
                <button type="button" on:click=move |_| { ed.add_node_near(ed.centre()); } title="Add a node (N)" aria-keyshortcuts="N">"Add node"</button>
                <button type="button" on:click=move |_| {
                    if let Some(id) = ed.selected.get_untracked().into_iter().next() { ed.linking.set(Some(id)); }
                } disabled=move || ed.selected.with(|s| s.len() != 1) title="Link the selected node to another (L)" aria-keyshortcuts="L">"Link to\u{2026}"</button>
                <button type="button" on:click=move |_| ed.remove_selection()
                    disabled=move || ed.selected.with(BTreeSet::is_empty) && ed.link.get().is_none()
                    aria-keyshortcuts="Delete">"Delete"</button>
                <ZoomRow frame=ed.frame zoom=move |f| ed.zoom_by(f) />
                <button type="button" on:click=move |_| ed.fit() title="Fit the map to the canvas (0)">"Fit"</button>
                <button type="button" class="focus-toggle" aria-pressed=move || ed.frame.focus.get().to_string()
                    on:click=move |_| ed.frame.focus.update(|f| *f = !*f)
                    title="The canvas fills the screen, for the projector (Esc leaves)">
                    {move || if ed.frame.focus.get() { "Leave focus mode" } else { "Focus mode" }}</button>
            </div>
        </div>
    }
}
