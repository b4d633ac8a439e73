//! The storage adapter: the only code that touches `localStorage` (through gloo-storage).
//!
//! It moves strings in and out and reports what the browser said; what the strings mean is
//! decided by the pure modules beside it. Every write of a workshop is read back and compared.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::document::{Restored, SavedWorkshop, read_workshop, revision_of};
use super::library::{
    self, Entry, INDEX_KEY, Index, Listed, TrashEntry, id_of_workshop_key, is_app_key, trash_key,
    workshop_key,
};
use crate::settings::Settings;

/// Why a write did not happen. In every case the stored copy from before is untouched.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// The browser's storage for this site is full.
    Quota,
    /// Another tab saved a newer revision of this workshop.
    Conflict { stored_revision: u64 },
    /// Storage refused for another reason (private mode, disabled), or the read-back differed.
    Failed(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Quota => write!(f, "the browser's storage for this app is full"),
            WriteError::Conflict { stored_revision } => write!(
                f,
                "another tab saved a newer version (revision {stored_revision})"
            ),
            WriteError::Failed(why) => write!(f, "the browser refused to save ({why})"),
        }
    }
}

fn storage() -> web_sys::Storage {
    LocalStorage::raw()
}

fn read(key: &str) -> Option<String> {
    storage().get_item(key).ok().flatten()
}

fn write(key: &str, value: &str) -> Result<(), WriteError> {
    storage().set_item(key, value).map_err(|e| {
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22);
        if quota {
            WriteError::Quota
        } else {
            WriteError::Failed(format!("{e:?}"))
        }
    })
}

fn remove(key: &str) {
    let _ = storage().remove_item(key);
}

fn keys() -> Vec<String> {
    let s = storage();
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

// ---- settings ----

/// This browser's display settings, or the defaults.
pub fn load_settings() -> Settings {
    Settings::restore(read(Settings::STORAGE_KEY).as_deref())
}

/// Remembers the display settings for the next visit.
pub fn save_settings(settings: Settings) -> Result<(), WriteError> {
    write(Settings::STORAGE_KEY, &settings.to_json())
}

// ---- the library ----

fn load_index() -> Index {
    Index::restore(read(INDEX_KEY).as_deref())
}

fn store_index(index: &Index) -> Result<(), WriteError> {
    write(INDEX_KEY, &index.to_json())
}

/// Every workshop record, checked against the index (which is repaired if it was out of
/// step); expired trash is removed for good.
pub fn load_library(now: f64) -> (Vec<Listed>, Vec<TrashEntry>) {
    let mut index = load_index();
    for id in index.expire_trash(now) {
        remove(&trash_key(&id));
    }
    let records: Vec<(String, String)> = keys()
        .iter()
        .filter_map(|k| Some((id_of_workshop_key(k)?.to_string(), read(k)?)))
        .collect();
    let (listed, fixed) = library::reconcile(&index, &records);
    if let Some(fixed) = fixed {
        index = fixed;
    }
    let _ = store_index(&index);
    (listed, index.trash)
}

/// One workshop, restored.
pub fn load_workshop(id: &str) -> Option<Result<Restored, String>> {
    let raw = read(&workshop_key(id))?;
    Some(read_workshop(&raw, id).map_err(|e| e.to_string()))
}

/// The stored text of a record exactly as it is, for "download the damaged record".
pub fn raw_record(id: &str) -> Option<String> {
    read(&workshop_key(id))
}

/// Saves `saved` if the stored copy is not newer than `base_revision`; returns the size
/// written. The record is written whole, read back and compared, then the index is updated.
pub fn save_workshop(saved: &SavedWorkshop, base_revision: u64) -> Result<usize, WriteError> {
    let key = workshop_key(&saved.workshop.id);
    if let Some(stored) = read(&key).as_deref().and_then(revision_of)
        && stored > base_revision
    {
        return Err(WriteError::Conflict {
            stored_revision: stored,
        });
    }
    let text = saved.to_json();
    write(&key, &text)?;
    if read(&key).as_deref() != Some(text.as_str()) {
        return Err(WriteError::Failed(
            "the saved copy read back differently".into(),
        ));
    }
    let mut index = load_index();
    index.upsert(Entry::of(saved, text.len()));
    // The record is safe; an index that could not be written is rebuilt on the next start.
    let _ = store_index(&index);
    Ok(text.len())
}

/// Moves a workshop to the recently deleted list.
pub fn delete_workshop(id: &str, title: &str, now: f64) -> Result<(), WriteError> {
    let key = workshop_key(id);
    let raw = read(&key).ok_or_else(|| WriteError::Failed("it is no longer stored".into()))?;
    write(&trash_key(id), &raw)?;
    remove(&key);
    let mut index = load_index();
    index.remove(id);
    index.trash.retain(|t| t.id != id);
    index.trash.push(TrashEntry {
        id: id.to_string(),
        title: title.to_string(),
        deleted_at: now,
    });
    let _ = store_index(&index);
    Ok(())
}

/// Brings a deleted workshop back.
pub fn restore_deleted(id: &str) -> Result<(), WriteError> {
    let raw =
        read(&trash_key(id)).ok_or_else(|| WriteError::Failed("it is no longer kept".into()))?;
    write(&workshop_key(id), &raw)?;
    remove(&trash_key(id));
    let mut index = load_index();
    index.trash.retain(|t| t.id != id);
    let _ = store_index(&index);
    Ok(())
}

/// Removes a deleted workshop for good.
pub fn purge_deleted(id: &str) {
    remove(&trash_key(id));
    let mut index = load_index();
    index.trash.retain(|t| t.id != id);
    let _ = store_index(&index);
}

/// Removes a record outright (used to undo a half-finished import).
pub fn remove_workshop(id: &str) {
    remove(&workshop_key(id));
    let mut index = load_index();
    index.remove(id);
    let _ = store_index(&index);
}

/// Bytes this app keeps in `localStorage` (browsers count UTF-16: two bytes a character).
pub fn used_bytes() -> usize {
    keys()
        .iter()
        .filter(|k| is_app_key(k))
        .map(|k| (k.encode_utf16().count() + read(k).map_or(0, |v| v.encode_utf16().count())) * 2)
        .sum()
}
