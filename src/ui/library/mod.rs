//! The home page: the workshop library. Create, open, rename, duplicate, delete (with undo and a
//! recently-deleted list), import and export; the example workshop (open, reset); the storage
//! meter and export reminders.
//!
//! The home page lists workshops from the library's index and reads no workshop itself: what
//! reads or writes one whole is in `actions.rs`, a part loaded on demand (issue 23, first
//! load), asked through [`Library::act`].

use leptos::ev;
use leptos::prelude::*;

use crate::content::example::{EXAMPLE_ID, EXAMPLE_SUMMARY};
use crate::persist::browser::{self, WriteError};
use crate::persist::kib;
use crate::persist::library::{Listed, SortBy, TrashEntry, is_app_key, view as list_view};
use crate::route::Route;
use crate::ui::browser::{format_time, now, request_persistence};
use crate::ui::lean::{When, effect};
use crate::ui::parts;

mod actions;
mod import;
mod rows;

#[cfg(feature = "live")]
pub(crate) use actions::create_workshop;
pub(crate) use actions::ensure_example;
pub use actions::{LibraryAction, NewWorkshop, act};

use import::ImportButton;
use rows::{DamagedRow, WorkshopRow, bring_back};

/// What Chromium and Firefox allow one site in `localStorage`: 5 Mi UTF-16 code units (keys
/// and values together; measured in Chromium 156).
const STORAGE_BUDGET: usize = 5 * 1024 * 1024;

/// The home page's list and messages.
#[derive(Clone, Copy)]
pub struct Library {
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
        let lib = Library {
            items: RwSignal::new(Vec::new()),
            trash: RwSignal::new(Vec::new()),
            used: RwSignal::new(0),
            message: RwSignal::new(None),
            deleted: RwSignal::new(None),
        };
        lib.refresh();
        lib
    }

    /// Lists the workshops from the index; when it is out of step with the records, the
    /// library's part reads them whole and lists them again.
    fn refresh(&self) {
        let (items, trash, unsure) = browser::list_library(now());
        self.items.set(items);
        self.trash.set(trash);
        self.used.set(browser::used_units());
        if unsure {
            parts::library(LibraryAction::Reconcile(*self), |_| {});
        }
    }

    /// Asks the library's part for `action` (fetched first if need be), then lists the
    /// workshops again and says what happened.
    fn act(&self, action: LibraryAction) {
        let lib = *self;
        self.act_then(action, move |said| {
            if !said.is_empty() {
                lib.say(false, said);
            }
        });
    }

    /// As [`Library::act`], but `done` gets what the action gave when it succeeded (a message,
    /// or for a new workshop its id); a problem is said.
    fn act_then(&self, action: LibraryAction, done: impl FnOnce(String) + 'static) {
        let lib = *self;
        parts::library(action, move |result| match result {
            Ok(said) => {
                lib.refresh();
                done(said);
            }
            Err(problem) => lib.say(true, problem),
        });
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
    // The page works now: when the browser is idle, fetch what creating or opening a
    // workshop needs.
    parts::preload_when_idle();
    let persisted = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        persisted.set(request_persistence().await);
    });

    let export_all = move |_| lib.act(LibraryAction::ExportAll { ids: lib.ids() });

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
        let new = NewWorkshop {
            title: title.get_untracked(),
            purpose: purpose.get_untracked(),
            date: date.get_untracked(),
            facilitator: facilitator.get_untracked(),
            notes: notes.get_untracked(),
        };
        lib.act_then(LibraryAction::Create(new), open_workshop);
    };
    view! {
        <details class="create" open=move || lib.items.with(Vec::is_empty)>
            <summary>"New workshop"</summary>
            <form on:submit=create>
                {new_field("new-title", "Title", "text", title)}
                {new_field("new-purpose", "Purpose or focus question", "textarea", purpose)}
                <div class="field-row">
                    {new_field("new-date", "Date", "date", date)}
                    {new_field("new-facilitator", "Facilitator", "text", facilitator)}
                </div>
                {new_field("new-notes", "Notes", "textarea", notes)}
                <button type="submit" class="primary">"Create workshop"</button>
            </form>
        </details>
    }
}

/// A field of the new-workshop form: an input of type `kind` (the title's is required), or a
/// two-row textarea; one copy of the view code for the five.
fn new_field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: RwSignal<String>,
) -> AnyView {
    let input = move |e: ev::Event| value.set(event_target_value(&e));
    let required = id == "new-title";
    let field = if kind == "textarea" {
        view! { <textarea id=id rows="2" prop:value=move || value.get() on:input=input></textarea> }
            .into_any()
    } else {
        view! { <input id=id type=kind required=required prop:value=move || value.get() on:input=input /> }
            .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {field}
        </div>
    }
    .into_any()
}

/// Shows workshop `id`.
fn open_workshop(id: String) {
    let _ = window().location().set_hash(&Route::workshop(id).href());
}

/// "Open the example workshop" (made on first use) and "Reset the example" (after a confirm).
#[component]
fn ExampleWorkshop(lib: Library) -> impl IntoView {
    let exists = Memo::new(move |_| lib.items.with(|v| v.iter().any(|l| l.id() == EXAMPLE_ID)));
    let confirming = RwSignal::new(false);
    let open = move |_| lib.act_then(LibraryAction::OpenExample, open_workshop);
    let reset = move |_| {
        lib.act_then(LibraryAction::ResetExample, move |said| {
            confirming.set(false);
            lib.say(false, said);
        })
    };
    view! {
        <section class="example-box" aria-labelledby="example-heading">
            <h2 id="example-heading">"Example workshop"</h2>
            <p class="hint">{EXAMPLE_SUMMARY}</p>
            <div class="example-actions">
                <button type="button" on:click=open>"Open the example workshop"</button>
                <When when=move || exists.get() && !confirming.get()>
                    <button type="button" on:click=move |_| confirming.set(true)>"Reset the example\u{2026}"</button>
                </When>
            </div>
            <When when=move || exists.get() && confirming.get()>
                <div class="example-confirm" role="group" aria-labelledby="example-confirm-text">
                    <p id="example-confirm-text">"Replace the example with a fresh copy? Any changes made to it will be lost."</p>
                    <button type="button" class="danger" on:click=reset>"Reset the example"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            </When>
        </section>
    }
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
    effect(move || {
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
            }.into_any())}
            {move || lib.message.get().map(|(problem, text)| view! {
                <div class=if problem { "banner problem" } else { "banner info" } role=if problem { "alert" } else { "status" }>
                    <p>{text}</p>
                    <button type="button" on:click=move |_| lib.message.set(None)>"Dismiss"</button>
                </div>
            }.into_any())}
        </div>
    }
}

#[component]
fn RecentlyDeleted(lib: Library) -> impl IntoView {
    view! {
        <When when=move || lib.trash.with(|t| !t.is_empty())>
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
                    }).collect_view().into_any()}
                </ul>
            </section>
        </When>
    }
}

#[component]
fn StorageMeter(lib: Library, persisted: RwSignal<Option<bool>>) -> impl IntoView {
    view! {
        <section aria-labelledby="storage-heading" class="storage">
            <h2 id="storage-heading">"Storage in this browser"</h2>
            <p>
                <label for="storage-meter">{move || format!("{} KB used of about {} MB", kib(lib.used.get(), 0), STORAGE_BUDGET / 1_048_576)}</label>
                " "
                <meter id="storage-meter" min="0" max=STORAGE_BUDGET.to_string() value=move || lib.used.get().to_string()></meter>
            </p>
            <p>{move || match persisted.get() {
                Some(true) => "This browser has agreed to keep this app's data unless you clear it yourself.",
                Some(false) => "This browser may clear this app's data when space runs low, or after weeks without a visit. Export workshops you want to keep.",
                None => "Browsers may clear site data when space runs low. Export workshops you want to keep.",
            }}</p>
        </section>
    }
}
