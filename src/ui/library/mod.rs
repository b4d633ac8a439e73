//! The home page: the workshop library. Create, open, rename, duplicate, delete (with undo and a
//! recently-deleted list), import and export; the example workshop (open, reset); the storage
//! meter and export reminders.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::content::example::{EXAMPLE_ID, EXAMPLE_SUMMARY, example_workshop, is_example};
use crate::jobs::{Job, Outcome};
use crate::model::Workshop;
use crate::persist::browser::{self, WriteError};
use crate::persist::document::{
    MAX_IMPORT_BYTES, ReadError, SavedWorkshop, library_to_json, read_workshop, revision_of,
};
use crate::persist::library::{
    Entry, Listed, SortBy, TrashEntry, is_app_key, prepare_import, view as list_view,
};
use crate::route::Route;
use crate::ui::browser::{
    download, download_workshop, file_bytes, format_time, fresh_id, now, request_persistence, today,
};
use crate::ui::jobs::{Busy, BusyView, Failure, IMPORT_LIMIT_MS, unread};

/// What Chromium and Firefox allow one site in `localStorage`: 5 Mi UTF-16 code units (keys
/// and values together; measured in Chromium 156).
const STORAGE_BUDGET: f64 = 5.0 * 1024.0 * 1024.0;

#[derive(Clone, Copy)]
struct Library {
    items: RwSignal<Vec<Listed>>,
    trash: RwSignal<Vec<TrashEntry>>,
    used: RwSignal<usize>,
    /// A message after an action: (is it a problem?, text).
    message: RwSignal<Option<(bool, String)>>,
    /// The last deletion, for the undo toast.
    deleted: RwSignal<Option<(String, String)>>,
}

impl Library {
    fn load() -> Library {
        let (items, trash) = browser::load_library(now());
        Library {
            items: RwSignal::new(items),
            trash: RwSignal::new(trash),
            used: RwSignal::new(browser::used_units()),
            message: RwSignal::new(None),
            deleted: RwSignal::new(None),
        }
    }

    fn refresh(&self) {
        let (items, trash) = browser::load_library(now());
        self.items.set(items);
        self.trash.set(trash);
        self.used.set(browser::used_units());
    }

    fn say(&self, problem: bool, text: impl Into<String>) {
        self.message.set(Some((problem, text.into())));
    }

    fn ids(&self) -> Vec<String> {
        self.items
            .with_untracked(|v| v.iter().map(|l| l.id().to_string()).collect())
    }
}

pub(crate) fn write_problem(e: &WriteError) -> String {
    match e {
        WriteError::Quota => "The browser's storage for this app is full. Export workshops you \
                              no longer need here, delete them, and try again."
            .into(),
        other => format!("It could not be saved: {other}."),
    }
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let lib = Library::load();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::default());
    let shown = Memo::new(move |_| {
        lib.items
            .with(|items| list_view(items, &query.get(), sort.get()))
    });
    // Follow changes made in other tabs (a save, a rename, a deletion) as they happen.
    let listener = window_event_listener(ev::storage, move |e| {
        if e.key().is_none_or(|k| is_app_key(&k)) {
            lib.refresh();
        }
    });
    on_cleanup(move || listener.remove());
    let persisted = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        persisted.set(request_persistence().await);
    });

    let export_all = move |_| {
        let at = now();
        let mut docs: Vec<SavedWorkshop> = lib
            .ids()
            .iter()
            .filter_map(|id| {
                browser::load_workshop(id)
                    .and_then(Result::ok)
                    .map(|r| r.saved)
            })
            .collect();
        for doc in &mut docs {
            doc.mark_exported(at);
        }
        let name = format!("cst-workbench-all-workshops-{}.json", today());
        match download(&name, &library_to_json(&docs, at), "application/json") {
            Ok(()) => {
                // Each is now exported as it is: store that, so its reminder goes.
                for doc in &mut docs {
                    let base = doc.revision;
                    doc.revision = base + 1;
                    doc.saved_at = now();
                    let _ = browser::save_workshop(doc, base);
                }
                lib.refresh();
                lib.say(
                    false,
                    format!("Exported {} workshops to {name}.", docs.len()),
                )
            }
            Err(e) => lib.say(true, format!("The export failed: {e}")),
        }
    };

    view! {
        <article class="page library">
            <h1>"Your workshops"</h1>
            <p class="lead">
                "Run a critical systems thinking workshop: question the boundaries of a plan with the people it touches, map what they see, and find out where they agree."
            </p>
            <ExampleWorkshop lib=lib />
            <CreateWorkshop lib=lib />
            <section aria-labelledby="list-heading">
                <h2 id="list-heading">"Workshops in this browser"</h2>
                <div class="list-controls">
                    <div class="field">
                        <label for="search">"Search"</label>
                        <input id="search" type="search" placeholder="Title, purpose, facilitator"
                            prop:value=move || query.get() on:input=move |e| query.set(event_target_value(&e)) />
                    </div>
                    <div class="field">
                        <label for="sort">"Sort by"</label>
                        <select id="sort" on:change=move |e| {
                            if let Some(s) = SortBy::from_str_opt(&event_target_value(&e)) { sort.set(s) }
                        }>
                            {SortBy::ALL.into_iter().map(|s| view! {
                                <option value=s.as_str() prop:selected=move || sort.get() == s>{s.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <Messages lib=lib />
                {move || {
                    let list = shown.get();
                    if list.is_empty() {
                        let text = if lib.items.with(Vec::is_empty) {
                            "No workshops yet. Create one above, or import a workshop file."
                        } else {
                            "No workshop matches the search."
                        };
                        view! { <p class="empty">{text}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="workshop-list" aria-label="Workshops">
                                {list.into_iter().map(|item| match item {
                                    Listed::Ok(entry) => view! { <WorkshopRow lib=lib entry=entry /> }.into_any(),
                                    Listed::Damaged { id, bytes, problem } => view! { <DamagedRow id=id bytes=bytes problem=problem /> }.into_any(),
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
                <div class="library-actions">
                    <ImportButton lib=lib />
                    <button type="button" on:click=export_all disabled=move || lib.items.with(Vec::is_empty)>"Export all workshops"</button>
                </div>
            </section>
            <RecentlyDeleted lib=lib />
            <StorageMeter lib=lib persisted=persisted />
        </article>
    }
}

#[component]
fn CreateWorkshop(lib: Library) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let purpose = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let facilitator = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let create = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let mut w = Workshop::new(fresh_id("w"), &title.get_untracked(), now());
        w.purpose = purpose.get_untracked();
        w.date = date.get_untracked();
        w.facilitator = facilitator.get_untracked();
        w.notes = notes.get_untracked();
        match create_workshop(w) {
            Ok(id) => {
                let _ = window().location().set_hash(&Route::workshop(id).href());
            }
            Err(e) => lib.say(
                true,
                format!("The workshop was not created. {}", write_problem(&e)),
            ),
        }
    };
    let text = |sig: RwSignal<String>| move |e: ev::Event| sig.set(event_target_value(&e));
    view! {
        <details class="create" open=move || lib.items.with(Vec::is_empty)>
            <summary>"New workshop"</summary>
            <form on:submit=create>
                <div class="field">
                    <label for="new-title">"Title"</label>
                    <input id="new-title" type="text" required prop:value=move || title.get() on:input=text(title) />
                </div>
                <div class="field">
                    <label for="new-purpose">"Purpose or focus question"</label>
                    <textarea id="new-purpose" rows="2" prop:value=move || purpose.get() on:input=text(purpose)></textarea>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="new-date">"Date"</label>
                        <input id="new-date" type="date" prop:value=move || date.get() on:input=text(date) />
                    </div>
                    <div class="field">
                        <label for="new-facilitator">"Facilitator"</label>
                        <input id="new-facilitator" type="text" prop:value=move || facilitator.get() on:input=text(facilitator) />
                    </div>
                </div>
                <div class="field">
                    <label for="new-notes">"Notes"</label>
                    <textarea id="new-notes" rows="2" prop:value=move || notes.get() on:input=text(notes)></textarea>
                </div>
                <button type="submit" class="primary">"Create workshop"</button>
            </form>
        </details>
    }
}

/// Stores a new workshop as its first revision and returns its id: how every workshop made
/// from scratch comes into the library (the form above, and "Try it on your own case").
pub(crate) fn create_workshop(w: Workshop) -> Result<String, WriteError> {
    let id = w.id.clone();
    let mut saved = SavedWorkshop::new(w, now());
    saved.revision = 1;
    browser::save_workshop(&saved, 0).map(|_| id)
}

/// Makes the example workshop if this browser has none yet, so that a link to it (from the
/// home page, or from the learning material) always finds it.
pub(crate) fn ensure_example() -> Result<(), WriteError> {
    if browser::raw_record(EXAMPLE_ID).is_some() {
        return Ok(());
    }
    match store_example(0) {
        // Another tab has just made it: that one will do.
        Ok(()) | Err(WriteError::Conflict { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Stores a fresh copy of the example workshop over revision `base` (0: there is none yet),
/// through the same adapter as every other save: the index, the quota check and the revision
/// check against other tabs all apply.
fn store_example(base: u64) -> Result<(), WriteError> {
    let at = now();
    let mut saved = SavedWorkshop::new(example_workshop(EXAMPLE_ID.into(), at), at);
    saved.revision = base + 1;
    browser::save_workshop(&saved, base).map(|_| ())
}

/// "Open the example workshop" (made on first use) and "Reset the example" (after a confirm).
#[component]
fn ExampleWorkshop(lib: Library) -> impl IntoView {
    let exists = Memo::new(move |_| lib.items.with(|v| v.iter().any(|l| l.id() == EXAMPLE_ID)));
    let confirming = RwSignal::new(false);
    let open = move |_| {
        if let Err(e) = ensure_example() {
            return lib.say(
                true,
                format!("The example was not created. {}", write_problem(&e)),
            );
        }
        let _ = window()
            .location()
            .set_hash(&Route::workshop(EXAMPLE_ID).href());
    };
    let reset = move |_| {
        let base = browser::raw_record(EXAMPLE_ID)
            .and_then(|raw| revision_of(&raw))
            .unwrap_or(0);
        match store_example(base) {
            Ok(()) => {
                confirming.set(false);
                lib.refresh();
                lib.say(
                    false,
                    "The example workshop was reset: it is a fresh copy again.",
                );
            }
            Err(e) => lib.say(
                true,
                format!("The example was not reset. {}", write_problem(&e)),
            ),
        }
    };
    view! {
        <section class="example-box" aria-labelledby="example-heading">
            <h2 id="example-heading">"Example workshop"</h2>
            <p class="hint">{EXAMPLE_SUMMARY}</p>
            <div class="example-actions">
                <button type="button" on:click=open>"Open the example workshop"</button>
                <Show when=move || exists.get() && !confirming.get()>
                    <button type="button" on:click=move |_| confirming.set(true)>"Reset the example\u{2026}"</button>
                </Show>
            </div>
            <Show when=move || exists.get() && confirming.get()>
                <div class="example-confirm" role="group" aria-labelledby="example-confirm-text">
                    <p id="example-confirm-text">"Replace the example with a fresh copy? Any changes made to it will be lost."</p>
                    <button type="button" class="danger" on:click=reset>"Reset the example"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn WorkshopRow(lib: Library, entry: Entry) -> impl IntoView {
    let renaming = RwSignal::new(false);
    let new_title = RwSignal::new(entry.title.clone());
    let id = entry.id.clone();
    let title = entry.title.clone();

    let update = {
        let id = id.clone();
        move |change: &dyn Fn(&mut SavedWorkshop)| -> Result<(), String> {
            let Some(Ok(restored)) = browser::load_workshop(&id) else {
                return Err("it could not be read".into());
            };
            let mut saved = restored.saved;
            let base = saved.revision;
            change(&mut saved);
            saved.revision = base + 1;
            saved.saved_at = now();
            browser::save_workshop(&saved, base)
                .map(|_| ())
                .map_err(|e| write_problem(&e))
        }
    };
    let rename = {
        let update = update.clone();
        move |e: ev::SubmitEvent| {
            e.prevent_default();
            let t = new_title.get_untracked();
            match update(&|s: &mut SavedWorkshop| s.workshop.title = t.trim().to_string()) {
                Ok(()) => {
                    renaming.set(false);
                    lib.refresh();
                }
                Err(e) => lib.say(true, format!("Not renamed: {e}")),
            }
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            let Some(Ok(restored)) = browser::load_workshop(&id) else {
                return;
            };
            let at = now();
            let copy = SavedWorkshop {
                revision: 1,
                saved_at: at,
                last_exported_at: None,
                exported_content: None,
                workshop: restored.saved.workshop.duplicate(fresh_id("w"), at),
                extra: restored.saved.extra,
            };
            match browser::save_workshop(&copy, 0) {
                Ok(_) => {
                    lib.refresh();
                    lib.say(
                        false,
                        format!("Made \u{201c}{}\u{201d}.", copy.workshop.title),
                    );
                }
                Err(e) => lib.say(true, format!("Not duplicated: {}", write_problem(&e))),
            }
        }
    };
    let export = {
        let id = id.clone();
        let update = update.clone();
        move |_| {
            let Some(Ok(restored)) = browser::load_workshop(&id) else {
                return;
            };
            if let Ok(doc) = download_workshop(restored.saved) {
                let _ = update(&move |s: &mut SavedWorkshop| {
                    s.last_exported_at = doc.last_exported_at;
                    s.exported_content = doc.exported_content.clone();
                });
                lib.refresh();
            }
        }
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
        parts.push(format!("{:.1} KB", entry.bytes as f64 / 1024.0));
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
                        <form class="rename" on:submit=rename.clone()>
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
fn DamagedRow(id: String, bytes: usize, problem: String) -> impl IntoView {
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
                <p class="meta">{format!("Stored as {id} \u{00b7} {:.1} KB", bytes as f64 / 1024.0)}</p>
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
fn bring_back(id: &str) -> Result<(), String> {
    if browser::raw_record(id).is_some() {
        return Err(
            "Not restored: a workshop with the same id is in the list again (the example \
                    workshop is made afresh when it is opened). Delete that one first."
                .into(),
        );
    }
    browser::restore_deleted(id).map_err(|e| format!("Not restored: {}", write_problem(&e)))
}

#[component]
fn Messages(lib: Library) -> impl IntoView {
    let undo = move |_| {
        if let Some((id, title)) = lib.deleted.get_untracked() {
            match bring_back(&id) {
                Ok(()) => {
                    lib.deleted.set(None);
                    lib.refresh();
                    lib.say(false, format!("Restored \u{201c}{title}\u{201d}."));
                }
                Err(e) => lib.say(true, e),
            }
        }
    };
    // The undo offer stays for 20 seconds; the recently-deleted list keeps it for longer.
    Effect::new(move |_| {
        if let Some((id, _)) = lib.deleted.get() {
            set_timeout(
                move || {
                    if lib.deleted.get_untracked().is_some_and(|(d, _)| d == id) {
                        lib.deleted.set(None);
                    }
                },
                std::time::Duration::from_secs(20),
            );
        }
    });
    view! {
        <div class="messages">
            {move || lib.deleted.get().map(|(_, title)| view! {
                <div class="toast" role="status">
                    <span>"Deleted \u{201c}" {title} "\u{201d}."</span>
                    <button type="button" on:click=undo>"Undo"</button>
                </div>
            })}
            {move || lib.message.get().map(|(problem, text)| view! {
                <div class=if problem { "banner problem" } else { "banner info" } role=if problem { "alert" } else { "status" }>
                    <p>{text}</p>
                    <button type="button" on:click=move |_| lib.message.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}

#[component]
fn ImportButton(lib: Library) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let busy = Busy::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        el.set_value("");
        if file.size() > MAX_IMPORT_BYTES as f64 {
            lib.say(
                true,
                format!(
                    "\u{201c}{}\u{201d} was not imported. {}",
                    file.name(),
                    ReadError::TooLarge {
                        bytes: file.size() as usize,
                        limit: MAX_IMPORT_BYTES
                    }
                ),
            );
            return;
        }
        leptos::task::spawn_local(async move {
            let name = file.name();
            let bytes = match file_bytes(&file).await {
                Ok(b) => b,
                Err(e) => {
                    return lib.say(
                        true,
                        format!("\u{201c}{name}\u{201d} was not imported. {e}"),
                    );
                }
            };
            let job = Job::ImportWorkshops {
                name: name.clone(),
                placeholder: IMPORT_PLACEHOLDER.into(),
            };
            let what = format!("Reading \u{201c}{name}\u{201d}\u{2026}");
            let limit = Some(Duration::from_millis(IMPORT_LIMIT_MS));
            busy.start(what, job, vec![bytes], limit, move |result| {
                let outcome = match result {
                    Ok((Outcome::Workshops { records, repairs }, _)) => {
                        import(&lib, &name, &records, repairs)
                    }
                    Ok((Outcome::Unreadable { why }, _)) => {
                        Err(format!("\u{201c}{name}\u{201d} was not imported. {why}"))
                    }
                    Ok(_) => Err(unread(&name, &Failure::Crashed).1),
                    Err(f) => {
                        let (problem, text) = unread(&name, &f);
                        return lib.say(problem, text);
                    }
                };
                match outcome {
                    Ok(done) => lib.say(false, done),
                    Err(problem) => lib.say(true, problem),
                }
            });
        });
    };
    view! {
        <label class="button-like" for="import-file">"Import workshop file\u{2026}"</label>
        <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json"
            node_ref=input on:change=on_change />
        <BusyView busy=busy />
    }
}

/// The id the reader gives an imported workshop that has none; replaced before storing.
const IMPORT_PLACEHOLDER: &str = "imported-";

/// Stores every workshop the worker read from the file `name` (`records`, each as its stored
/// form), all or nothing: what to say on success, or the problem.
fn import(lib: &Library, name: &str, records: &[String], repairs: usize) -> Result<String, String> {
    let not_imported = |why: String| format!("\u{201c}{name}\u{201d} was not imported. {why}");
    if records.is_empty() {
        return Err(not_imported("It holds no workshops.".into()));
    }
    let mut restored = Vec::new();
    for (i, record) in records.iter().enumerate() {
        let r = read_workshop(record, &format!("{IMPORT_PLACEHOLDER}{i}"))
            .map_err(|e| not_imported(e.to_string()))?;
        restored.push(r);
    }
    let prepared = prepare_import(
        restored.into_iter().map(|r| r.saved).collect(),
        &lib.ids(),
        IMPORT_PLACEHOLDER,
        || fresh_id("w"),
    );
    let mut written: Vec<String> = Vec::new();
    for saved in prepared {
        if let Err(e) = browser::save_workshop(&saved, 0) {
            for id in &written {
                browser::remove_workshop(id);
            }
            lib.refresh();
            return Err(not_imported(format!(
                "Nothing was changed. {}",
                write_problem(&e)
            )));
        }
        written.push(saved.workshop.id.clone());
    }
    lib.refresh();
    let n = written.len();
    let mut msg = format!(
        "Imported {n} workshop{} from \u{201c}{name}\u{201d}.",
        if n == 1 { "" } else { "s" }
    );
    if repairs > 0 {
        msg.push_str(&format!(
            " {repairs} damaged or missing parts were repaired on the way in."
        ));
    }
    Ok(msg)
}

#[component]
fn RecentlyDeleted(lib: Library) -> impl IntoView {
    view! {
        <Show when=move || lib.trash.with(|t| !t.is_empty())>
            <section aria-labelledby="trash-heading" class="trash">
                <h2 id="trash-heading">"Recently deleted"</h2>
                <p class="hint">"Deleted workshops are kept here for 30 days."</p>
                <ul>
                    {move || lib.trash.get().into_iter().rev().map(|t| {
                        let (id1, id2, title) = (t.id.clone(), t.id.clone(), t.title.clone());
                        view! {
                            <li>
                                <span>{t.title.clone()} " \u{00b7} deleted " {format_time(t.deleted_at)}</span>
                                <span class="row-actions" role="group" aria-label=format!("Actions for deleted {title}")>
                                    <button type="button" on:click=move |_| {
                                        match bring_back(&id1) {
                                            Ok(()) => { lib.deleted.set(None); lib.refresh(); }
                                            Err(e) => lib.say(true, e),
                                        }
                                    }>"Restore"</button>
                                    <button type="button" class="danger" on:click=move |_| { browser::purge_deleted(&id2); lib.refresh(); }>"Delete forever"</button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn StorageMeter(lib: Library, persisted: RwSignal<Option<bool>>) -> impl IntoView {
    view! {
        <section aria-labelledby="storage-heading" class="storage">
            <h2 id="storage-heading">"Storage in this browser"</h2>
            <p>
                <label for="storage-meter">{move || format!("{:.0} KB used of about {:.0} MB", lib.used.get() as f64 / 1024.0, STORAGE_BUDGET / 1_048_576.0)}</label>
                " "
                <meter id="storage-meter" min="0" max=STORAGE_BUDGET value=move || lib.used.get() as f64></meter>
            </p>
            <p>{move || match persisted.get() {
                Some(true) => "This browser has agreed to keep this app's data unless you clear it yourself.",
                Some(false) => "This browser may clear this app's data when space runs low, or after weeks without a visit. Export workshops you want to keep.",
                None => "Browsers may clear site data when space runs low. Export workshops you want to keep.",
            }}</p>
        </section>
    }
}
