//! An open workshop: its document, undo history and saving.
//!
//! Every edit goes through [`Session::edit`]: the state before is recorded in the history, the
//! change is applied, and a save is scheduled 250 ms after the last change (flushed at once when
//! the page is hidden or closed). A save never overwrites a newer revision from another tab.

use std::time::Duration;

use leptos::prelude::*;

use crate::history::History;
use crate::model::Workshop;
use crate::persist::browser::{self, WriteError};
use crate::persist::document::{SavedWorkshop, head_of};
use crate::ui::browser::now;

/// How long after the last change a save happens.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);
const HISTORY_LIMIT: usize = 200;

/// What the "saved" indicator says. It only says `Saved` after the write was read back.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved {
        at: f64,
    },
    Pending,
    /// Storage is full: changes are on screen only.
    Quota,
    /// Another tab saved a newer revision; saving stops until the user chooses.
    Conflict {
        stored_revision: u64,
    },
    Failed(String),
}

/// The saving history of the open workshop, kept apart from the workshop itself so that a save
/// (which changes only these) does not re-render every field and roster row.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveMeta {
    pub revision: u64,
    pub saved_at: f64,
    pub last_exported_at: Option<f64>,
    /// The content hash of the workshop as last exported.
    pub exported_content: Option<String>,
    /// The content hash of the workshop as last saved (`None` until the first save here).
    pub saved_content: Option<String>,
    extra: serde_json::Map<String, serde_json::Value>,
}

impl SaveMeta {
    /// Whether the workshop, as last saved, differs from what was last exported (or was never
    /// exported). Compares content, so the save right after an export, or an undo back to
    /// what was exported, shows no change.
    pub fn needs_export(&self) -> bool {
        match (&self.exported_content, &self.saved_content) {
            (Some(e), Some(s)) => e != s,
            _ => crate::persist::document::changed_since_export(
                self.exported_content.as_deref(),
                "",
                self.last_exported_at,
                self.saved_at,
            ),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Session {
    pub workshop: RwSignal<Workshop>,
    pub meta: RwSignal<SaveMeta>,
    pub status: RwSignal<SaveStatus>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Set when the document was replaced by a newer one from another tab.
    pub notice: RwSignal<Option<String>>,
    history: StoredValue<History<Workshop>>,
    base_revision: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Session {
    pub fn new(saved: SavedWorkshop) -> Session {
        let (workshop, meta) = split(saved);
        Session {
            status: RwSignal::new(SaveStatus::Saved { at: meta.saved_at }),
            base_revision: StoredValue::new(meta.revision),
            workshop: RwSignal::new(workshop),
            meta: RwSignal::new(meta),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            notice: RwSignal::new(None),
            history: StoredValue::new(History::new(HISTORY_LIMIT)),
            timer: StoredValue::new(None),
        }
    }

    pub fn id(&self) -> String {
        self.workshop.with_untracked(|w| w.id.clone())
    }

    /// The document as it would be stored now.
    pub fn document(&self) -> SavedWorkshop {
        let meta = self.meta.get_untracked();
        SavedWorkshop {
            revision: meta.revision,
            saved_at: meta.saved_at,
            last_exported_at: meta.last_exported_at,
            exported_content: meta.exported_content,
            workshop: self.workshop.get_untracked(),
            extra: meta.extra,
        }
    }

    /// Applies one edit. Edits with the same `gesture` (typing in one field) undo together.
    /// As `History::edit` (the state before is kept for undo and shared with it, so a keystroke
    /// costs the same in any workshop: `cargo bench -p cstw-core --bench keystroke`), with the
    /// change applied outside the history's lock.
    ///
    /// Generic for its callers, its work is written once ([`Session::edit_dyn`]): the signal's
    /// update, the comparison and the history would otherwise be compiled again into each of
    /// the ~130 places that edit (issue 23, whole-app bytes).
    pub fn edit(&self, gesture: Option<&str>, change: impl FnOnce(&mut Workshop)) {
        let mut change = Some(change);
        self.edit_dyn(gesture, &mut |w| {
            if let Some(change) = change.take() {
                change(w);
            }
        });
    }

    fn edit_dyn(&self, gesture: Option<&str>, change: &mut dyn FnMut(&mut Workshop)) {
        let mut before = None;
        self.workshop.update(|w| {
            let kept = w.clone();
            change(w);
            if *w != kept {
                before = Some(kept);
            }
        });
        if let Some(before) = before {
            self.history
                .update_value(|h| h.record_owned(before, gesture));
            self.changed();
        }
    }

    /// Changes the workshop without an undo step: for where the user left the view (pan and
    /// zoom), which is saved but is not an edit anyone wants to undo.
    pub fn edit_quietly(&self, change: impl FnOnce(&mut Workshop)) {
        let mut change = Some(change);
        self.edit_quietly_dyn(&mut |w| {
            if let Some(change) = change.take() {
                change(w);
            }
        });
    }

    fn edit_quietly_dyn(&self, change: &mut dyn FnMut(&mut Workshop)) {
        // A delayed edit (a view kept after a pause) may arrive after the workshop was closed.
        if self.workshop.try_update(|w| change(w)).is_none() {
            return;
        }
        self.schedule_save();
    }

    /// Ends a gesture (a field lost focus): the next edit is a new undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    pub fn undo(&self) {
        // In a live room, undo takes back this person's own edits only (`ui::live`).
        if crate::ui::live_undo(true) {
            return;
        }
        self.travel(History::undo);
    }

    pub fn redo(&self) {
        if crate::ui::live_undo(false) {
            return;
        }
        self.travel(History::redo);
    }

    /// Moves through the history (`History::undo` or `History::redo`) from the current state.
    fn travel(&self, step: fn(&mut History<Workshop>, &Workshop) -> Option<Workshop>) {
        let current = self.workshop.get_untracked();
        if let Some(state) = self
            .history
            .try_update_value(|h| step(h, &current))
            .flatten()
        {
            self.workshop.set(state);
            self.changed();
        }
    }

    fn changed(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.schedule_save();
    }

    fn schedule_save(&self) {
        if matches!(self.status.get_untracked(), SaveStatus::Conflict { .. }) {
            return;
        }
        if !matches!(
            self.status.get_untracked(),
            SaveStatus::Quota | SaveStatus::Failed(_)
        ) {
            self.status.set(SaveStatus::Pending);
        }
        self.cancel_timer();
        let session = *self;
        let handle = set_timeout_with_handle(move || session.save_locked(), SAVE_DELAY).ok();
        self.timer.set_value(handle);
    }

    /// The timed save: the revision check and the write run as one critical section across
    /// every tab of this origin (the Web Locks API), so two tabs saving in the same instant
    /// take turns and the second one sees the first one's revision. Where the API is missing,
    /// it writes at once as before. `save_now` (a flush on leaving the page) stays synchronous,
    /// as a page being closed cannot wait for a lock.
    fn save_locked(&self) {
        self.cancel_timer();
        if !self.has_unsaved() {
            return;
        }
        let session = *self;
        let run = move || {
            // The workshop may have been closed while this waited for the lock.
            if session.base_revision.try_get_value().is_some() && session.has_unsaved() {
                session.write();
            }
        };
        if !with_lock(&format!("cstw-save:{}", self.id()), run) {
            self.write();
        }
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Whether there are changes not yet in storage.
    pub fn has_unsaved(&self) -> bool {
        matches!(
            self.status.try_get_untracked(),
            Some(SaveStatus::Pending | SaveStatus::Quota | SaveStatus::Failed(_))
        )
    }

    /// Writes now, if anything is waiting.
    pub fn save_now(&self) {
        self.cancel_timer();
        if !self.has_unsaved() {
            return;
        }
        self.write();
    }

    /// Writes the document as the next revision. Timed as the `cstw-save` performance measure
    /// (serialise + write + read back), which DevTools and the autosave benchmark read.
    fn write(&self) {
        let perf = window().performance();
        if let Some(p) = &perf {
            let _ = p.mark("cstw-save-start");
        }
        self.write_untimed();
        if let Some(p) = &perf {
            p.clear_measures_with_measure_name("cstw-save");
            let _ = p.measure_with_start_mark("cstw-save", "cstw-save-start");
            p.clear_marks_with_mark_name("cstw-save-start");
        }
    }

    fn write_untimed(&self) {
        let base = self.base_revision.get_value();
        let mut next = self.document();
        next.revision = base + 1;
        next.saved_at = now();
        match browser::save_workshop(&next, base) {
            Ok(written) => {
                self.base_revision.set_value(next.revision);
                let (revision, saved_at) = (next.revision, next.saved_at);
                self.meta.update(|m| {
                    m.revision = revision;
                    m.saved_at = saved_at;
                    m.saved_content = Some(written.content);
                });
                self.status.set(SaveStatus::Saved { at: saved_at });
            }
            Err(WriteError::Quota) => self.status.set(SaveStatus::Quota),
            Err(WriteError::Conflict { stored_revision }) => {
                self.status.set(SaveStatus::Conflict { stored_revision })
            }
            Err(WriteError::Failed(why)) => self.status.set(SaveStatus::Failed(why)),
        }
    }

    /// Downloads the workshop as a file, and notes (and saves) when it was exported.
    pub fn export(&self) {
        if let Ok(doc) = crate::ui::browser::download_workshop(self.document()) {
            self.mark_exported(doc);
        }
    }

    /// Notes that the workshop was exported as `doc` (when, and its content), and saves that.
    fn mark_exported(&self, doc: SavedWorkshop) {
        let content = doc.exported_content.clone();
        self.meta.update(|m| {
            m.last_exported_at = doc.last_exported_at;
            m.exported_content = doc.exported_content;
            m.saved_content = content;
        });
        self.schedule_save();
    }

    /// Another tab stored `raw` for this workshop (what this tab now reads under its key). With
    /// nothing unsaved here, take it; with unsaved changes, stop saving and let the user choose.
    /// A save of the very revision this tab last wrote, but not this tab's (another tab that
    /// had not yet seen this tab's save wrote over it), means what is on screen is no longer
    /// stored: the user chooses too, instead of this tab saying "Saved".
    pub fn on_stored_elsewhere(&self, raw: &str) {
        let Some((stored, saved_at)) = head_of(raw) else {
            return;
        };
        let base = self.base_revision.get_value();
        let ours = self.meta.with_untracked(|m| m.saved_at);
        let written_over = stored == base && saved_at != ours;
        if stored < base || (stored == base && !written_over) {
            return;
        }
        if self.has_unsaved() || written_over {
            self.cancel_timer();
            self.status.set(SaveStatus::Conflict {
                stored_revision: stored,
            });
        } else {
            self.reload_from_storage();
            self.notice
                .set(Some("Updated with changes saved in another tab.".into()));
        }
    }

    /// Replaces what is on screen with the stored copy (the user chose "use the newer one").
    pub fn reload_from_storage(&self) {
        self.cancel_timer();
        if let Some(Ok(restored)) = browser::load_workshop(&self.id()) {
            let (workshop, meta) = split(restored.saved);
            self.base_revision.set_value(meta.revision);
            self.status.set(SaveStatus::Saved { at: meta.saved_at });
            self.meta.set(meta);
            self.workshop.set(workshop);
            self.history.set_value(History::new(HISTORY_LIMIT));
            self.can_undo.set(false);
            self.can_redo.set(false);
        }
    }

    /// Saves what is on screen as a new workshop, leaving the other tab's version in place.
    /// Returns the new workshop's id.
    pub fn save_as_copy(&self, new_id: String) -> Result<String, WriteError> {
        let at = now();
        let mut copy = self.document();
        copy.workshop = copy.workshop.duplicate(new_id.clone(), at);
        copy.revision = 1;
        copy.saved_at = at;
        copy.last_exported_at = None;
        copy.exported_content = None;
        browser::save_workshop(&copy, 0)?;
        self.cancel_timer();
        Ok(new_id)
    }
}

fn split(saved: SavedWorkshop) -> (Workshop, SaveMeta) {
    // Hashed only when there is an export to compare with.
    let saved_content = saved
        .exported_content
        .as_ref()
        .map(|_| saved.content_hash());
    let meta = SaveMeta {
        revision: saved.revision,
        saved_at: saved.saved_at,
        last_exported_at: saved.last_exported_at,
        exported_content: saved.exported_content,
        saved_content,
        extra: saved.extra,
    };
    (saved.workshop, meta)
}

/// How long a save keeps the lock after writing, so the write reaches every other tab's view
/// of `localStorage` before the next tab checks the revision.
const LOCK_HOLD_MS: i32 = 100;

/// Runs `f` holding the exclusive Web Lock `name` (`navigator.locks.request`), for at least
/// [`LOCK_HOLD_MS`] after `f` returns. Returns `false`, without running `f`, where the browser
/// has no Web Locks.
fn with_lock(name: &str, f: impl FnOnce() + 'static) -> bool {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    let navigator: JsValue = window().navigator().into();
    let Ok(locks) = js_sys::Reflect::get(&navigator, &"locks".into()) else {
        return false;
    };
    let Some(request) = js_sys::Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|r| r.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let held = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        f();
        js_sys::Promise::new(&mut |resolve, _| {
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, LOCK_HOLD_MS);
        })
    });
    request.call2(&locks, &name.into(), &held).is_ok()
}
