//! Importing workshops from a file: the button, the worker's reading, and storing what it read.

use std::time::Duration;

use leptos::prelude::*;

use crate::jobs::{Job, Outcome};
use crate::persist::browser;
use crate::persist::document::{MAX_IMPORT_BYTES, ReadError, read_workshop};
use crate::persist::library::prepare_import;
use crate::ui::browser::{file_bytes, fresh_id};
use crate::ui::jobs::{Busy, BusyView, Failure, IMPORT_LIMIT_MS, unread};

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
pub(super) fn import(
    lib: &Library,
    name: &str,
    records: &[String],
    repairs: usize,
) -> Result<String, String> {
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
