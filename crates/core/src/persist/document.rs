//! The saved-document format: what is stored per workshop, what an export file holds, and how
//! either is read back. Its own types, versioned, never the app's internal structures.
//!
//! ```json
//! {"format": "cst-workbench/workshop", "version": 1, "app_version": "0.1.0",
//!  "revision": 3, "saved_at": 1732377600000, "last_exported_at": null,
//!  "exported_content": "5f1d…", "workshop": {…}}
//! ```
//!
//! `exported_content` (additive, absent in older files) is the [`content_hash`] of the
//! workshop when it was last exported: whether a workshop changed since its export compares
//! content, not times, so the save that follows an export does not bring the reminder back, and
//! undoing back to what was exported takes it away.
//!
//! Reading *restores* (after Excalidraw's `restore`): missing fields take defaults, unknown
//! fields are kept, broken parts are dropped with a note in the report. It never panics. Only a
//! file that is not JSON, not ours, or from a newer version is refused, with a message.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::workshop::kind;
use crate::model::{Workshop, slug};

pub const WORKSHOP_FORMAT: &str = "cst-workbench/workshop";
pub const LIBRARY_FORMAT: &str = "cst-workbench/library";
/// The newest format version this app writes and reads.
pub const VERSION: u32 = 1;
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The largest file an import accepts.
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// The most workshops one import may hold.
pub const MAX_IMPORT_WORKSHOPS: usize = 500;

/// A workshop as stored: the workshop plus its saving history.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SavedWorkshop {
    /// Goes up by one with every save; a tab never overwrites a higher revision.
    pub revision: u64,
    /// When it was last changed (ms since 1970).
    pub saved_at: f64,
    /// When it was last exported to a file, if ever.
    pub last_exported_at: Option<f64>,
    /// The [`content_hash`] of the workshop as last exported (older files: none).
    pub exported_content: Option<String>,
    pub workshop: Workshop,
    /// Top-level fields written by a newer version of the app, kept as they were.
    #[serde(skip)]
    pub extra: Map<String, Value>,
}

/// A document that was read back, with what had to be repaired.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub saved: SavedWorkshop,
    pub repairs: Vec<String>,
}

/// Why a file or record could not be read. Each message says what is wrong in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    Foreign {
        found: String,
    },
    Newer {
        found: u64,
    },
    TooMany {
        count: usize,
        limit: usize,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {:.1} MB; the largest file this app opens is {} MB.",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            ReadError::Empty => write!(f, "The file is empty."),
            ReadError::NotJson {
                line,
                column,
                detail,
            } => write!(
                f,
                "The file is damaged or is not a workshop file: it stops making sense at line \
                 {line}, column {column} ({detail})."
            ),
            ReadError::Foreign { found } => write!(
                f,
                "This is not a CST Workbench file ({found}). Choose a file exported from CST \
                 Workbench."
            ),
            ReadError::Newer { found } => write!(
                f,
                "This file was saved by a newer version of CST Workbench (format version \
                 {found}; this version reads up to {VERSION}). Update the app, then try again."
            ),
            ReadError::TooMany { count, limit } => write!(
                f,
                "The file holds {count} workshops; at most {limit} can be imported at once."
            ),
        }
    }
}

impl SavedWorkshop {
    /// A workshop that has never been saved.
    pub fn new(workshop: Workshop, now: f64) -> SavedWorkshop {
        SavedWorkshop {
            revision: 0,
            saved_at: now,
            last_exported_at: None,
            exported_content: None,
            workshop,
            extra: Map::new(),
        }
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        self.encode().0
    }

    /// The stored form and the workshop's [`content_hash`], from one pass over the workshop:
    /// its JSON is written once, hashed, and placed last in the record (after `revision`, which
    /// [`revision_in_prefix`] reads from the start).
    pub fn encode(&self) -> (String, String) {
        let workshop = serde_json::to_string(&self.workshop).expect("workshops always serialise");
        let content = hash_workshop_json(&self.workshop.id, &workshop);
        let head =
            serde_json::to_string(&Value::Object(self.head())).expect("documents always serialise");
        let mut out = String::with_capacity(head.len() + workshop.len() + 16);
        out.push_str(&head[..head.len() - 1]);
        if head.len() > 2 {
            out.push(',');
        }
        out.push_str("\"workshop\":");
        out.push_str(&workshop);
        out.push('}');
        (out, content)
    }

    /// Every top-level field but the workshop.
    fn head(&self) -> Map<String, Value> {
        let mut map = self.extra.clone();
        map.remove("workshop");
        map.insert("format".into(), WORKSHOP_FORMAT.into());
        map.insert("version".into(), VERSION.into());
        map.insert("app_version".into(), APP_VERSION.into());
        map.insert("revision".into(), self.revision.into());
        map.insert("saved_at".into(), self.saved_at.into());
        map.insert(
            "last_exported_at".into(),
            self.last_exported_at.map_or(Value::Null, Value::from),
        );
        if let Some(h) = &self.exported_content {
            map.insert("exported_content".into(), h.clone().into());
        }
        map
    }

    /// The stored form as a value: [`Self::to_json`]'s text read back, so the workshop is
    /// written by the one serializer that writes text (none of its types is compiled a second
    /// time for `serde_json::to_value`; issue 23). The same value: keys sorted, numbers as
    /// written (`float_roundtrip`). A record nested deeper than `serde_json` reads (128
    /// levels; no file can give one, as every workshop was read from such text) is kept as
    /// its text, never a panic.
    fn to_value(&self) -> Value {
        let text = self.to_json();
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    }

    /// The [`content_hash`] of its workshop now.
    pub fn content_hash(&self) -> String {
        content_hash(&self.workshop)
    }

    /// Notes an export at `at` of the workshop as it is now.
    pub fn mark_exported(&mut self, at: f64) {
        self.last_exported_at = Some(at);
        self.exported_content = Some(self.content_hash());
    }

    /// The name of its export file on `today` (`YYYY-MM-DD`): `pilot-review-2026-11-23.cstw.json`.
    pub fn file_name(&self, today: &str) -> String {
        format!(
            "{}-{today}.cstw.json",
            slug(self.workshop.display_title(), "workshop")
        )
    }

    /// Whether it changed since it was last exported (or was never exported). Hashes the
    /// workshop only when there is an exported hash to compare with.
    pub fn needs_export(&self) -> bool {
        match &self.exported_content {
            Some(_) => self.changed_since_export(&self.content_hash()),
            None => self.changed_since_export(""),
        }
    }

    /// [`Self::needs_export`] given the workshop's `content` hash, already computed.
    pub fn changed_since_export(&self, content: &str) -> bool {
        changed_since_export(
            self.exported_content.as_deref(),
            content,
            self.last_exported_at,
            self.saved_at,
        )
    }
}

/// Whether a workshop whose content hashes to `content` changed since its export: the content
/// differs from the `exported` hash; or, for a file from before hashes were kept, it was saved
/// after it was exported (or never exported).
pub fn changed_since_export(
    exported: Option<&str>,
    content: &str,
    last_exported_at: Option<f64>,
    saved_at: f64,
) -> bool {
    match exported {
        Some(h) => h != content,
        None => last_exported_at.is_none_or(|t| t < saved_at),
    }
}

/// A fingerprint of a workshop's content: 64-bit FNV-1a of its JSON, without its id (an
/// imported copy under a new id holds the same content), as 16 hex digits. Stable across
/// versions of Rust (no `std` hasher), and across a save and a reload (the JSON reads back to
/// the same JSON).
pub fn content_hash(w: &Workshop) -> String {
    let json = serde_json::to_string(w).expect("workshops always serialise");
    hash_workshop_json(&w.id, &json)
}

fn hash_workshop_json(id: &str, json: &str) -> String {
    let id = serde_json::to_string(id).expect("strings always serialise");
    let prefix = format!("{{\"id\":{id},");
    let body = json.strip_prefix(prefix.as_str()).unwrap_or(json);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Reads one stored workshop record.
pub fn read_workshop(text: &str, fallback_id: &str) -> Result<Restored, ReadError> {
    let value = parse(text)?;
    restore_workshop(value, fallback_id)
}

/// Reads the record stored under the key for workshop `key_id`. The key wins: a record whose
/// inner id names another workshop (copied by hand, or damaged) is read as `key_id`, so saving
/// it writes back under its own key and never over the other workshop; the change is reported.
pub fn read_stored(text: &str, key_id: &str) -> Result<Restored, ReadError> {
    let mut restored = read_workshop(text, key_id)?;
    let inner = &mut restored.saved.workshop.id;
    if inner != key_id {
        restored.repairs.push(format!(
            "the record stored as \u{201c}{key_id}\u{201d} called itself \u{201c}{inner}\u{201d}; it keeps the id it is stored under"
        ));
        *inner = key_id.to_string();
    }
    Ok(restored)
}

/// Every workshop in an import file: one exported workshop, or a whole library.
pub fn read_import(
    text: &str,
    fallback_id: &dyn Fn(usize) -> String,
) -> Result<Vec<Restored>, ReadError> {
    let value = parse(text)?;
    match format_of(&value) {
        Some(LIBRARY_FORMAT) => {
            check_version(&value)?;
            let Some(Value::Array(items)) = value.get("workshops") else {
                return Ok(Vec::new());
            };
            if items.len() > MAX_IMPORT_WORKSHOPS {
                return Err(ReadError::TooMany {
                    count: items.len(),
                    limit: MAX_IMPORT_WORKSHOPS,
                });
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    restore_workshop(item.clone(), &fallback_id(i)).map_err(|e| match e {
                        ReadError::Foreign { found } => ReadError::Foreign {
                            found: format!("workshop {} in the library file: {found}", i + 1),
                        },
                        other => other,
                    })
                })
                .collect()
        }
        _ => Ok(vec![restore_workshop(value, &fallback_id(0))?]),
    }
}

/// A file holding every workshop given, for "export all".
pub fn library_to_json(workshops: &[SavedWorkshop], exported_at: f64) -> String {
    let doc = serde_json::json!({
        "format": LIBRARY_FORMAT,
        "version": VERSION,
        "app_version": APP_VERSION,
        "exported_at": exported_at,
        "workshops": workshops.iter().map(SavedWorkshop::to_value).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).expect("documents always serialise")
}

/// The revision of a stored record, read without restoring the whole workshop.
pub fn revision_of(text: &str) -> Option<u64> {
    head_of(text).map(|(revision, _)| revision)
}

/// A stored record's revision and when it was saved (0 when it does not say), which together
/// tell one tab's save of a revision from another tab's save of the same revision.
pub fn head_of(text: &str) -> Option<(u64, f64)> {
    #[derive(serde::Deserialize)]
    struct Head {
        revision: u64,
        #[serde(default)]
        saved_at: f64,
    }
    serde_json::from_str::<Head>(text)
        .ok()
        .map(|h| (h.revision, h.saved_at))
}

/// The revision from the first part of a stored record, where this app writes it (the keys of
/// the top-level object are sorted, and `revision` comes before `workshop`). `None` when the
/// prefix does not show it; the caller then reads the whole record.
pub fn revision_in_prefix(prefix: &str) -> Option<u64> {
    let start = prefix.find("\"revision\":")? + "\"revision\":".len();
    let rest = prefix[start..].trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    // A number running to the end of the prefix may have been cut short.
    if digits.is_empty() || digits.len() == rest.len() {
        return None;
    }
    digits.parse().ok()
}

fn parse(text: &str) -> Result<Value, ReadError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    serde_json::from_str(text).map_err(|e| ReadError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: match e.classify() {
            serde_json::error::Category::Eof => "it ends too early".into(),
            _ => e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_string(),
        },
    })
}

fn format_of(value: &Value) -> Option<&str> {
    value.get("format").and_then(Value::as_str)
}

fn check_version(value: &Value) -> Result<(), ReadError> {
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => Err(ReadError::Newer { found: v }),
        _ => Ok(()),
    }
}

fn restore_workshop(value: Value, fallback_id: &str) -> Result<Restored, ReadError> {
    let Value::Object(mut map) = value else {
        return Err(ReadError::Foreign {
            found: format!("it holds {}", kind(&value)),
        });
    };
    match map.get("format").and_then(Value::as_str) {
        Some(WORKSHOP_FORMAT) => {}
        Some(other) => {
            return Err(ReadError::Foreign {
                found: format!("its format is \u{201c}{other}\u{201d}"),
            });
        }
        None => {
            return Err(ReadError::Foreign {
                found: "it has no format marker".into(),
            });
        }
    }
    check_version(&Value::Object(map.clone()))?;
    let mut repairs = Vec::new();
    for key in ["format", "version", "app_version"] {
        map.remove(key);
    }
    let revision = match map.remove("revision") {
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().expect("checked"),
        None => 0,
        Some(other) => {
            repairs.push(format!("the revision was {}; it was reset", kind(&other)));
            0
        }
    };
    let mut time = |key: &str| match map.remove(key) {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64(),
        Some(other) => {
            repairs.push(format!(
                "the {key} time was {}; it was dropped",
                kind(&other)
            ));
            None
        }
    };
    let saved_at = time("saved_at").unwrap_or(0.0);
    let last_exported_at = time("last_exported_at");
    let exported_content = match map.remove("exported_content") {
        None | Some(Value::Null) => None,
        Some(Value::String(h)) => Some(h),
        Some(other) => {
            repairs.push(format!(
                "the exported content's fingerprint was {}; it was dropped",
                kind(&other)
            ));
            None
        }
    };
    let workshop = match map.remove("workshop") {
        Some(w) => Workshop::restore(w, fallback_id, &mut repairs),
        None => {
            repairs.push("the file held no workshop; an empty one was made".into());
            Workshop::restore(Value::Object(Map::new()), fallback_id, &mut repairs)
        }
    };
    Ok(Restored {
        saved: SavedWorkshop {
            revision,
            saved_at,
            last_exported_at,
            exported_content,
            workshop,
            extra: map,
        },
        repairs,
    })
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
