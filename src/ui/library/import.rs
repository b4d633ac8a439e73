//! The "Import workshop file…" button: the file is read in the worker and stored by the
//! library's actions (`actions.rs`, loaded on demand), which say how it went.

use leptos::prelude::*;

use crate::ui::jobs::{Busy, BusyView};

use super::*;

#[component]
pub(super) fn ImportButton(lib: Library) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let busy = Busy::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        el.set_value("");
        lib.act(LibraryAction::Import { lib, busy, file });
    };
    view! {
        <label class="button-like" for="import-file">"Import workshop file\u{2026}"</label>
        <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json"
            node_ref=input on:change=on_change />
        <BusyView busy=busy />
    }
}
