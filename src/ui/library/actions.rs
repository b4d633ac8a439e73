//! What the library does to workshops, loaded on demand (issue 23, first load): every action
//! that reads or writes a workshop whole (create, the example, rename, duplicate, export,
//! import, and listing records the index is out of step with). The home page lists workshops
//! from the index alone; this code, with the workshop's reader and writer, is a part of its own
//! (`src/main.rs`), fetched when the home page is idle or on the first such action. The home
//! page asks for an action through `parts::library`.

use std::time::Duration;

use leptos::prelude::*;

use crate::content::example::{EXAMPLE_ID, example_workshop};
use crate::jobs::{Job, Outcome};
use crate::model::Workshop;
use crate::persist::browser::{self, WriteError};
use crate::persist::document::{
    MAX_IMPORT_BYTES, ReadError, SavedWorkshop, library_to_json, read_workshop, revision_of,
};
use crate::persist::library::prepare_import;
use crate::ui::browser::{download, download_workshop, file_bytes, fresh_id, now, today};
use crate::ui::jobs::{Busy, Failure, IMPORT_LIMIT_MS, unread};

use super::{Library, write_problem};

/// The fields of a new workshop.
#[derive(Clone, Debug, Default)]
pub struct NewWorkshop {
    pub title: String,
    pub purpose: String,
    pub date: String,
    pub facilitator: String,
    pub notes: String,
}

/// An action on the library. Each gives `Ok` with what to say (or an id, as its variant says)
/// or `Err` with the problem, in words for the person.
pub enum LibraryAction {
    /// Read every record whole and list what is stored (the index was out of step).
    Reconcile(Library),
    /// Store a new workshop; `Ok` holds its id.
    Create(NewWorkshop),
    /// Make the example workshop if there is none yet; `Ok` holds its id.
    OpenExample,
    /// Replace the example with a fresh copy.
    ResetExample,
    Rename {
        id: String,
        title: String,
    },
    Duplicate {
        id: String,
    },
    Export {
        id: String,
    },
    ExportAll {
        ids: Vec<String>,
    },
    /// Read a workshop file in the worker and store what it holds; says so through `lib`.
    Import {
        lib: Library,
        busy: Busy,
        file: web_sys::File,
    },
}

/// Does `action`.
pub fn act(action: LibraryAction) -> Result<String, String> {
    match action {
        LibraryAction::Reconcile(lib) => {
            let (items, trash) = browser::load_library(now());
            lib.items.set(items);
            lib.trash.set(trash);
            Ok(String::new())
        }
        LibraryAction::Create(new) => {
            let mut w = Workshop::new(fresh_id("w"), &new.title, now());
            w.purpose = new.purpose;
            w.date = new.date;
            w.facilitator = new.facilitator;
            w.notes = new.notes;
            create_workshop(w)
                .map_err(|e| format!("The workshop was not created. {}", write_problem(&e)))
        }
        LibraryAction::OpenExample => ensure_example()
            .map(|()| EXAMPLE_ID.to_string())
            .map_err(|e| format!("The example was not created. {}", write_problem(&e))),
        LibraryAction::ResetExample => {
            let base = browser::raw_record(EXAMPLE_ID)
                .and_then(|raw| revision_of(&raw))
                .unwrap_or(0);
            store_example(base)
                .map(|()| "The example workshop was reset: it is a fresh copy again.".into())
                .map_err(|e| format!("The example was not reset. {}", write_problem(&e)))
        }
        LibraryAction::Rename { id, title } => {
            update(&id, |s| s.workshop.title = title.trim().to_string())
                .map(|()| String::new())
                .map_err(|e| format!("Not renamed: {e}"))
        }
        LibraryAction::Duplicate { id } => duplicate(&id),
        LibraryAction::Export { id } => export(&id),
        LibraryAction::ExportAll { ids } => export_all(&ids),
        LibraryAction::Import { lib, busy, file } => {
            import_file(lib, busy, file);
            Ok(String::new())
        }
    }
}

/// Stores a new workshop as its first revision and returns its id: how every workshop made
/// from scratch comes into the library (the home page's form, "Try it on your own case", a
/// live room's copy).
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

/// Reads workshop `id`, changes it and stores it as its next revision.
fn update(id: &str, change: impl FnOnce(&mut SavedWorkshop)) -> Result<(), String> {
    let Some(Ok(restored)) = browser::load_workshop(id) else {
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

fn duplicate(id: &str) -> Result<String, String> {
    let Some(Ok(restored)) = browser::load_workshop(id) else {
        return Err("Not duplicated: it could not be read.".into());
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
        Ok(_) => Ok(format!("Made \u{201c}{}\u{201d}.", copy.workshop.title)),
        Err(e) => Err(format!("Not duplicated: {}", write_problem(&e))),
    }
}

fn export(id: &str) -> Result<String, String> {
    let Some(Ok(restored)) = browser::load_workshop(id) else {
        return Err("Not exported: it could not be read.".into());
    };
    let doc = download_workshop(restored.saved)?;
    // Store that it is exported as it is, so its reminder goes.
    let _ = update(id, move |s| {
        s.last_exported_at = doc.last_exported_at;
        s.exported_content = doc.exported_content.clone();
    });
    Ok(String::new())
}

fn export_all(ids: &[String]) -> Result<String, String> {
    let at = now();
    let mut docs: Vec<SavedWorkshop> = ids
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
            Ok(format!("Exported {} workshops to {name}.", docs.len()))
        }
        Err(e) => Err(format!("The export failed: {e}")),
    }
}

/// The id the reader gives an imported workshop that has none; replaced before storing.
const IMPORT_PLACEHOLDER: &str = "imported-";

/// Reads `file` in the worker (shown by `busy`) and stores the workshops it holds.
fn import_file(lib: Library, busy: Busy, file: web_sys::File) {
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
}

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
