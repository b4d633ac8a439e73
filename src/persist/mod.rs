//! Browser storage: the one place that talks to `localStorage` (through gloo-storage).
//!
//! Everything here is a thin adapter; what is stored, and how damaged data is restored, is
//! decided by the pure types it is handed (see [`crate::settings::Settings::restore`]).

use gloo_storage::{LocalStorage, Storage};

use crate::settings::Settings;

/// The raw text stored under `key`, if any. A browser that refuses storage reads as empty.
fn read_raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes `value` under `key`; the error says why the browser refused (quota, privacy mode).
fn write_raw(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|e| format!("{e:?}"))
}

/// This browser's display settings, or the defaults.
pub fn load_settings() -> Settings {
    Settings::restore(read_raw(Settings::STORAGE_KEY).as_deref())
}

/// Remembers the display settings for the next visit.
pub fn save_settings(settings: Settings) -> Result<(), String> {
    write_raw(Settings::STORAGE_KEY, &settings.to_json())
}
