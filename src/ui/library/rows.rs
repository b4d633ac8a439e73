//! A workshop's row in the library (open, rename, duplicate, export, delete), and the row of a
//! workshop that could not be read.

use leptos::ev;
use leptos::prelude::*;

use crate::content::example::is_example;
use crate::persist::browser;
use crate::persist::kib;
use crate::persist::library::Entry;
use crate::route::Route;
use crate::ui::browser::{download, format_time, now};

use super::*;

#[component]
pub(super) fn WorkshopRow(lib: Library, entry: Entry) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(entry.title.clone());
    let id = entry.id.clone();
    let title = entry.title.clone();
    let entry_id = StoredValue::new(id.clone());

    let rename = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let action = LibraryAction::Rename {
            id: entry_id.get_value(),
            title: new_title.get_untracked(),
        };
        lib.act_then(action, move |_| renaming.set(false));
    };
    let duplicate = move |_| {
        lib.act(LibraryAction::Duplicate {
            id: entry_id.get_value(),
        })
    };
    let export = move |_| {
        lib.act(LibraryAction::Export {
            id: entry_id.get_value(),
        })
    };
    let delete = {
        let (id, title) = (id.clone(), title.clone());
        move |_| match browser::delete_workshop(&id, &title, now()) {
            Ok(()) => {
                lib.refresh();
                lib.message.set(None);
                lib.deleted.set(Some((id.clone(), title.clone())));
            }
            Err(e) => lib.say(true, format!("Not deleted: {e}.")),
        }
    };
    let meta = {
        let mut parts = Vec::new();
        if !entry.date.is_empty() {
            parts.push(format!("Workshop date {}", entry.date));
        }
        parts.push(format!("changed {}", format_time(entry.saved_at)));
        parts.push(format!("{} KB", kib(entry.bytes, 1)));
        parts.join(" \u{00b7} ")
    };
    let reminder = entry.needs_export().then(|| {
        let text = match entry.last_exported_at {
            None => "Never exported".to_string(),
            Some(t) => format!("Changed since last export ({})", format_time(t)),
        };
        view! { <span class="badge">{text}</span> }
    });
    let href = Route::workshop(id.clone()).href();
    let label = title.clone();
    let example_tag =
        is_example(&id).then(|| view! { <span class="badge example-tag">"Example"</span> });
    view! {
        <li class="workshop-item">
            <div class="workshop-main">
                {move || if renaming.get() {
                    view! {
                        <form class="rename" on:submit=rename>
                            <label for=format!("rename-{}", id)>"New title"</label>
                            <input id=format!("rename-{}", id) type="text" required
                                prop:value=move || new_title.get() on:input=move |e| new_title.set(event_target_value(&e)) />
                            <button type="submit">"Save title"</button>
                            <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <a class="workshop-title" href=href.clone()>{title.clone()}</a> }.into_any()
                }}
                <p class="meta">{example_tag} " " {meta} " " {reminder}</p>
                {(!entry.purpose.is_empty()).then(|| view! { <p class="purpose">{entry.purpose.clone()}</p> })}
            </div>
            <div class="row-actions" role="group" aria-label=format!("Actions for {label}")>
                <button type="button" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" on:click=duplicate>"Duplicate"</button>
                <button type="button" on:click=export>"Export"</button>
                <button type="button" class="danger" on:click=delete>"Delete"</button>
            </div>
        </li>
    }
}

#[component]
pub(super) fn DamagedRow(id: String, bytes: usize, problem: String) -> impl IntoView {
    let save_raw = {
        let id = id.clone();
        move |_| {
            if let Some(raw) = browser::raw_record(&id) {
                let _ = download(&format!("damaged-workshop-{id}.txt"), &raw, "text/plain");
            }
        }
    };
    view! {
        <li class="workshop-item damaged">
            <div class="workshop-main">
                <p class="workshop-title">"Damaged workshop record"</p>
                <p class="meta">{format!("Stored as {id} \u{00b7} {} KB", kib(bytes, 1))}</p>
                <p class="problem">{problem}</p>
                <p class="hint">"It is kept exactly as it is and nothing has been deleted. Download its text to rescue what you can, or to send it to someone who can help."</p>
            </div>
            <div class="row-actions">
                <button type="button" on:click=save_raw>"Download its text"</button>
            </div>
        </li>
    }
}

/// Brings a deleted workshop back, unless a workshop with its id is stored again (only the
/// example can be: opening it after deleting it makes a fresh copy under the same id).
pub(super) fn bring_back(id: &str) -> Result<(), String> {
    if browser::raw_record(id).is_some() {
        return Err(
            "Not restored: a workshop with the same id is in the list again (the example \
                    workshop is made afresh when it is opened). Delete that one first."
                .into(),
        );
    }
    browser::restore_deleted(id).map_err(|e| format!("Not restored: {}", write_problem(&e)))
}
