//! The storage adapter: the only code that touches `localStorage` (through gloo-storage).
//!
//! It moves strings in and out and reports what the browser said; what the strings mean is
//! decided by the pure modules beside it. Every write of a workshop is read back and compared.

use gloo_storage::{LocalStorage, Storage};
use js_sys::JsString;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use super::document::{Restored, SavedWorkshop, read_stored, revision_in_prefix, revision_of};

// `Storage` methods that keep large values on the JS side, so that a save of a big workshop
// copies its text into JS once, and the read-back check compares it there.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Storage)]
    type JsStorage;
    #[wasm_bindgen(method, js_name = getItem)]
    fn get_item_js(this: &JsStorage, key: &str) -> Option<JsString>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(
        this: &JsStorage,
        key: &str,
        value: &JsString,
    ) -> Result<(), wasm_bindgen::JsValue>;
}

fn js_storage() -> JsStorage {
    storage().unchecked_into()
}
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

/// The text stored under `key` as this tab sees it now.
pub fn stored_text(key: &str) -> Option<String> {
    read(key)
}

fn write(key: &str, value: &str) -> Result<(), WriteError> {
    write_js(key, &JsString::from(value))
}

fn write_js(key: &str, value: &JsString) -> Result<(), WriteError> {
    js_storage().set_item_js(key, value).map_err(|e| {
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

/// Whether the first-run tour has been seen in this browser.
pub fn tour_seen() -> bool {
    crate::settings::tour::seen(read(crate::settings::tour::STORAGE_KEY).as_deref())
}

/// Whether this browser holds nothing of the app's at all: a first visit, not a returning
/// user who has simply never met the tour (they are not interrupted by it).
pub fn first_visit() -> bool {
    !keys()
        .iter()
        .any(|k| crate::persist::library::is_app_key(k))
}

/// Remembers that the tour has been seen (finished or skipped).
pub fn mark_tour_seen() {
    use crate::settings::tour;
    let _ = write(tour::STORAGE_KEY, tour::DONE);
}

// ---- the library ----

fn load_index() -> Index {
    Index::restore(read(INDEX_KEY).as_deref())
}

fn store_index(index: &Index) -> Result<(), WriteError> {
    write(INDEX_KEY, &index.to_json())
}

/// The library as its index lists it, without reading any record whole (the home page's own
/// code reads no workshop: see `persist::library::listed_from_index`); expired trash is
/// removed for good. The flag says whether [`load_library`] must read records whole because
/// the index is out of step with them.
pub fn list_library(now: f64) -> (Vec<Listed>, Vec<TrashEntry>, bool) {
    let mut index = load_index();
    let expired = index.expire_trash(now);
    for id in &expired {
        remove(&trash_key(id));
    }
    if !expired.is_empty() {
        let _ = store_index(&index);
    }
    let (listed, unsure) = library::listed_from_index(&index, &records());
    (listed, index.trash, unsure)
}

fn records() -> Vec<(String, String)> {
    keys()
        .iter()
        .filter_map(|k| Some((id_of_workshop_key(k)?.to_string(), read(k)?)))
        .collect()
}

/// Every workshop record, checked against the index (which is repaired if it was out of
/// step); expired trash is removed for good.
pub fn load_library(now: f64) -> (Vec<Listed>, Vec<TrashEntry>) {
    let mut index = load_index();
    for id in index.expire_trash(now) {
        remove(&trash_key(&id));
    }
    let (listed, fixed) = library::reconcile(&index, &records());
    if let Some(fixed) = fixed {
        index = fixed;
    }
    let _ = store_index(&index);
    (listed, index.trash)
}

/// One workshop, restored.
pub fn load_workshop(id: &str) -> Option<Result<Restored, String>> {
    let raw = read(&workshop_key(id))?;
    Some(read_stored(&raw, id).map_err(|e| e.to_string()))
}

/// The stored text of a record exactly as it is, for "download the damaged record".
pub fn raw_record(id: &str) -> Option<String> {
    read(&workshop_key(id))
}

/// What a save wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    /// The size of the record in bytes.
    pub bytes: usize,
    /// The workshop's content hash (`document::content_hash`), from the same pass.
    pub content: String,
}

/// Saves `saved` if the stored copy is not newer than `base_revision`; returns what it wrote.
/// The record is written whole, read back and compared, then the index is updated.
pub fn save_workshop(saved: &SavedWorkshop, base_revision: u64) -> Result<Written, WriteError> {
    let key = workshop_key(&saved.workshop.id);
    if let Some(stored) = stored_revision(&key)
        && stored > base_revision
    {
        return Err(WriteError::Conflict {
            stored_revision: stored,
        });
    }
    let (text, content) = saved.encode();
    let js_text = JsString::from(text.as_str());
    write_js(&key, &js_text)?;
    if js_storage().get_item_js(&key).as_ref() != Some(&js_text) {
        return Err(WriteError::Failed(
            "the saved copy read back differently".into(),
        ));
    }
    let mut index = load_index();
    index.upsert(Entry::of_written(saved, text.len(), &content));
    // The record is safe; an index that could not be written is rebuilt on the next start.
    let _ = store_index(&index);
    Ok(Written {
        bytes: text.len(),
        content,
    })
}

/// The revision of the stored record under `key`, read from the start of its text (our writer
/// puts it there) without copying the whole record out of storage.
fn stored_revision(key: &str) -> Option<u64> {
    let stored = js_storage().get_item_js(key)?;
    let prefix = String::from(stored.slice(0, 512));
    revision_in_prefix(&prefix).or_else(|| revision_of(&String::from(stored)))
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

/// How much of `localStorage` this app uses, counted the way browsers count the quota: UTF-16
/// code units of keys and values (one per character for plain text).
pub fn used_units() -> usize {
    keys()
        .iter()
        .filter(|k| is_app_key(k))
        .map(|k| k.encode_utf16().count() + read(k).map_or(0, |v| v.encode_utf16().count()))
        .sum()
}

// ---- participants (phones and the facilitator's invite) ----

/// A participant's draft on this phone (`key` from `participate::draft`).
pub fn load_draft(key: &str) -> Option<String> {
    key.starts_with(crate::participate::draft::DRAFT_PREFIX)
        .then(|| read(key))
        .flatten()
}

/// Keeps a participant's draft on this phone.
pub fn save_draft(key: &str, json: &str) -> Result<(), WriteError> {
    if !key.starts_with(crate::participate::draft::DRAFT_PREFIX) {
        return Err(WriteError::Failed("not a draft".into()));
    }
    write(key, json)
}

/// Forgets a participant's draft.
pub fn remove_draft(key: &str) {
    if key.starts_with(crate::participate::draft::DRAFT_PREFIX) {
        remove(key);
    }
}

/// Where the facilitator told phones to open the app (when it runs on a loopback address).
pub const PHONE_ADDRESS_KEY: &str = "cst-workbench.phone-address";

pub fn load_phone_address() -> Option<String> {
    read(PHONE_ADDRESS_KEY).filter(|a| !a.trim().is_empty())
}

pub fn save_phone_address(address: &str) -> Result<(), WriteError> {
    if address.trim().is_empty() {
        remove(PHONE_ADDRESS_KEY);
        Ok(())
    } else {
        write(PHONE_ADDRESS_KEY, address.trim())
    }
}

/// The live room a workshop is in (issue 25): its link's secret (room id and key), kept so a
/// reload rejoins. Stored beside the workshop, which this browser holds in plaintext anyway.
#[cfg(feature = "live")]
pub fn load_live_room(workshop_id: &str) -> Option<String> {
    read(&format!("cst-workbench.live.{workshop_id}"))
}

#[cfg(feature = "live")]
pub fn save_live_room(workshop_id: &str, secret: &str) -> Result<(), WriteError> {
    write(&format!("cst-workbench.live.{workshop_id}"), secret)
}

#[cfg(feature = "live")]
pub fn forget_live_room(workshop_id: &str) {
    remove(&format!("cst-workbench.live.{workshop_id}"));
    remove(&format!("cst-workbench.live-envelope.{workshop_id}"));
}

/// The live room's envelope as this browser holds it (sealed updates, hex), kept so that edits
/// made offline survive a reload and reach the room on reconnecting.
#[cfg(feature = "live")]
pub fn load_live_envelope(workshop_id: &str) -> Option<String> {
    read(&format!("cst-workbench.live-envelope.{workshop_id}"))
}

#[cfg(feature = "live")]
pub fn save_live_envelope(workshop_id: &str, hex: &str) -> Result<(), WriteError> {
    write(&format!("cst-workbench.live-envelope.{workshop_id}"), hex)
}
