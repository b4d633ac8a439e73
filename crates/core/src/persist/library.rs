//! The workshop library in storage: key names, the index, and how the index is checked against
//! the records it lists. Pure: the browser adapter hands it the raw strings.
//!
//! Layout: one key per workshop (`cst-workbench.workshop.<id>`), recently deleted ones under
//! `cst-workbench.trash.<id>`, and an index (`cst-workbench.index`) with what the list shows.
//! The records are the truth; the index is rebuilt from them whenever the two disagree.

use serde::{Deserialize, Serialize};

use super::document::{SavedWorkshop, read_stored, revision_in_prefix};
use crate::order;

pub const INDEX_KEY: &str = "cst-workbench.index";
const WORKSHOP_PREFIX: &str = "cst-workbench.workshop.";
const TRASH_PREFIX: &str = "cst-workbench.trash.";
/// Deleted workshops are kept this long before they are removed for good.
pub const TRASH_DAYS: f64 = 30.0;
const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

pub fn workshop_key(id: &str) -> String {
    format!("{WORKSHOP_PREFIX}{id}")
}

pub fn trash_key(id: &str) -> String {
    format!("{TRASH_PREFIX}{id}")
}

/// The workshop id in a record key, if it is one.
pub fn id_of_workshop_key(key: &str) -> Option<&str> {
    key.strip_prefix(WORKSHOP_PREFIX)
        .filter(|id| !id.is_empty())
}

/// Whether a storage key belongs to this app (for the storage meter).
pub fn is_app_key(key: &str) -> bool {
    key.starts_with("cst-workbench.")
}

/// What the list shows of one workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub saved_at: f64,
    #[serde(default)]
    pub revision: u64,
    /// Size of the stored record in bytes (UTF-8).
    #[serde(default)]
    pub bytes: usize,
    #[serde(default)]
    pub last_exported_at: Option<f64>,
    /// Whether its content changed since it was last exported (or it never was); see
    /// [`SavedWorkshop::needs_export`].
    #[serde(default = "yes")]
    pub changed_since_export: bool,
}

fn yes() -> bool {
    true
}

impl Entry {
    pub fn of(saved: &SavedWorkshop, bytes: usize) -> Entry {
        Entry::with_change(saved, bytes, saved.needs_export())
    }

    /// [`Entry::of`] a record just written, whose content hash `content` is known.
    pub fn of_written(saved: &SavedWorkshop, bytes: usize, content: &str) -> Entry {
        Entry::with_change(saved, bytes, saved.changed_since_export(content))
    }

    fn with_change(saved: &SavedWorkshop, bytes: usize, changed_since_export: bool) -> Entry {
        let w = &saved.workshop;
        Entry {
            id: w.id.clone(),
            title: w.display_title().to_string(),
            purpose: w.purpose.clone(),
            facilitator: w.facilitator.clone(),
            date: w.date.clone(),
            saved_at: saved.saved_at,
            revision: saved.revision,
            bytes,
            last_exported_at: saved.last_exported_at,
            changed_since_export,
        }
    }

    pub fn needs_export(&self) -> bool {
        self.changed_since_export
    }
}

/// A workshop that was deleted and can still be brought back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrashEntry {
    pub id: String,
    pub title: String,
    pub deleted_at: f64,
}

/// The index record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    #[serde(default)]
    pub workshops: Vec<Entry>,
    #[serde(default)]
    pub trash: Vec<TrashEntry>,
}

impl Index {
    /// Reads the index; a damaged one is treated as empty (it is rebuilt from the records).
    pub fn restore(raw: Option<&str>) -> Index {
        raw.and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the index always serialises")
    }

    /// Puts `entry` in the index, replacing the one with its id.
    pub fn upsert(&mut self, entry: Entry) {
        match self.workshops.iter_mut().find(|e| e.id == entry.id) {
            Some(slot) => *slot = entry,
            None => self.workshops.push(entry),
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.workshops.retain(|e| e.id != id);
    }

    /// Ids of deleted workshops older than [`TRASH_DAYS`], now dropped from the index.
    pub fn expire_trash(&mut self, now: f64) -> Vec<String> {
        let cutoff = now - TRASH_DAYS * DAY_MS;
        let (old, keep): (Vec<_>, Vec<_>) =
            self.trash.drain(..).partition(|t| t.deleted_at < cutoff);
        self.trash = keep;
        old.into_iter().map(|t| t.id).collect()
    }
}

/// A line of the workshop list.
#[derive(Clone, Debug, PartialEq)]
pub enum Listed {
    Ok(Entry),
    /// A record that cannot be read. It is listed, never deleted automatically.
    Damaged {
        id: String,
        bytes: usize,
        problem: String,
    },
}

impl Listed {
    pub fn id(&self) -> &str {
        match self {
            Listed::Ok(e) => &e.id,
            Listed::Damaged { id, .. } => id,
        }
    }
}

/// Checks the index against the stored records (`(id, raw text)`): every record is listed
/// (read afresh when the index does not know it, or knows an older revision), damaged records
/// are listed as damaged, and index entries without a record are dropped. Returns the list and
/// the index to store if it changed.
pub fn reconcile(index: &Index, records: &[(String, String)]) -> (Vec<Listed>, Option<Index>) {
    let mut listed = Vec::with_capacity(records.len());
    let mut fresh = Index {
        workshops: Vec::with_capacity(records.len()),
        trash: index.trash.clone(),
    };
    for (id, raw) in records {
        match read_stored(raw, id) {
            Ok(restored) => {
                let entry = Entry::of(&restored.saved, raw.len());
                let entry = Entry {
                    id: id.clone(),
                    ..entry
                };
                fresh.workshops.push(entry.clone());
                listed.push(Listed::Ok(entry));
            }
            Err(e) => listed.push(Listed::Damaged {
                id: id.clone(),
                bytes: raw.len(),
                problem: e.to_string(),
            }),
        }
    }
    let changed = fresh.workshops != index.workshops;
    (listed, changed.then_some(fresh))
}

/// The list as the index tells it, without reading any record whole (the home page's first
/// view, before the code that reads workshops is loaded): a record is listed from its index
/// entry when that entry has the record's size and revision (read from the start of its text,
/// where this app writes it). Returns the list and whether [`reconcile`] must still read
/// records whole: one is not in the index, or has changed since its entry was written (it is
/// listed from its old entry meanwhile, or not at all when it has none).
pub fn listed_from_index(index: &Index, records: &[(String, String)]) -> (Vec<Listed>, bool) {
    let mut listed = Vec::with_capacity(records.len());
    let mut unsure = false;
    for (id, raw) in records {
        let entry = index.workshops.iter().find(|e| &e.id == id);
        let mut end = raw.len().min(512);
        while !raw.is_char_boundary(end) {
            end -= 1;
        }
        let current = entry.filter(|e| {
            e.bytes == raw.len() && revision_in_prefix(&raw[..end]) == Some(e.revision)
        });
        unsure |= current.is_none();
        if let Some(e) = entry {
            listed.push(Listed::Ok(e.clone()));
        }
    }
    (listed, unsure)
}

/// Prepares imported workshops to be stored beside `existing` ones without overwriting any:
/// an id already in the library, repeated within the import, or missing from the file (the
/// reader gave it a placeholder starting `placeholder`) gets a fresh one from `fresh`. Each
/// becomes revision 1 of a new record.
pub fn prepare_import(
    imported: Vec<SavedWorkshop>,
    existing: &[String],
    placeholder: &str,
    mut fresh: impl FnMut() -> String,
) -> Vec<SavedWorkshop> {
    let mut taken: std::collections::HashSet<String> = existing.iter().cloned().collect();
    imported
        .into_iter()
        .map(|mut saved| {
            let id = &saved.workshop.id;
            if taken.contains(id) || id.starts_with(placeholder) {
                saved.workshop.id = std::iter::repeat_with(&mut fresh)
                    .find(|candidate| !taken.contains(candidate))
                    .expect("repeat_with never ends");
            }
            taken.insert(saved.workshop.id.clone());
            saved.revision = 1;
            saved
        })
        .collect()
}

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    LastChanged,
    Title,
    Date,
}

impl SortBy {
    pub const ALL: [SortBy; 3] = [SortBy::LastChanged, SortBy::Title, SortBy::Date];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::LastChanged => "changed",
            SortBy::Title => "title",
            SortBy::Date => "date",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortBy::LastChanged => "Last changed",
            SortBy::Title => "Title",
            SortBy::Date => "Workshop date",
        }
    }

    pub fn from_str_opt(s: &str) -> Option<SortBy> {
        SortBy::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The list as shown: matching `query` (in title, purpose, facilitator or date; any case),
/// sorted. Damaged records always show, first, so they are not missed.
pub fn view(listed: &[Listed], query: &str, sort: SortBy) -> Vec<Listed> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let matches = |e: &Entry| {
        let hay = format!("{} {} {} {}", e.title, e.purpose, e.facilitator, e.date).to_lowercase();
        words.iter().all(|w| hay.contains(w))
    };
    let mut damaged: Vec<Listed> = listed
        .iter()
        .filter(|l| matches!(l, Listed::Damaged { .. }))
        .cloned()
        .collect();
    let mut ok: Vec<Entry> = listed
        .iter()
        .filter_map(|l| match l {
            Listed::Ok(e) if matches(e) => Some(e.clone()),
            _ => None,
        })
        .collect();
    match sort {
        SortBy::LastChanged => order::sort_by(&mut ok, |a, b| b.saved_at.total_cmp(&a.saved_at)),
        SortBy::Title => order::sort_by_key(&mut ok, |e| e.title.to_lowercase()),
        // Newest workshop date first; undated ones last.
        SortBy::Date => order::sort_by(&mut ok, |a, b| {
            match (a.date.is_empty(), b.date.is_empty()) {
                (false, false) => b.date.cmp(&a.date),
                (a_empty, b_empty) => a_empty.cmp(&b_empty),
            }
        }),
    }
    damaged.extend(ok.into_iter().map(Listed::Ok));
    damaged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workshop;

    fn record(id: &str, title: &str, saved_at: f64) -> (String, String) {
        let mut s = SavedWorkshop::new(Workshop::new(id.into(), title, 0.0), saved_at);
        s.revision = 1;
        (id.to_string(), s.to_json())
    }

    fn entry(listed: &Listed) -> &Entry {
        match listed {
            Listed::Ok(e) => e,
            Listed::Damaged { .. } => panic!("damaged"),
        }
    }

    #[test]
    fn keys_name_their_workshop() {
        assert_eq!(id_of_workshop_key(&workshop_key("w-1")), Some("w-1"));
        assert_eq!(id_of_workshop_key(&trash_key("w-1")), None);
        assert_eq!(id_of_workshop_key(INDEX_KEY), None);
    }

    #[test]
    fn records_missing_from_the_index_are_listed_and_indexed() {
        let records = vec![record("w-1", "One", 1.0), record("w-2", "Two", 2.0)];
        let (listed, fixed) = reconcile(&Index::default(), &records);
        assert_eq!(listed.len(), 2);
        assert_eq!(fixed.unwrap().workshops.len(), 2);
    }

    #[test]
    fn an_index_in_step_with_the_records_is_left_alone() {
        let records = vec![record("w-1", "One", 1.0)];
        let (_, fixed) = reconcile(&Index::default(), &records);
        let index = fixed.unwrap();
        let (_, again) = reconcile(&index, &records);
        assert_eq!(again, None);
    }

    #[test]
    fn a_damaged_record_is_listed_as_damaged_and_the_rest_load() {
        let records = vec![
            record("w-1", "One", 1.0),
            (
                "w-2".to_string(),
                "{\"format\": \"cst-workbench/workshop\", \"workshop\": {".to_string(),
            ),
            record("w-3", "Three", 3.0),
        ];
        let (listed, _) = reconcile(&Index::default(), &records);
        assert_eq!(listed.len(), 3);
        assert!(matches!(&listed[1], Listed::Damaged { id, .. } if id == "w-2"));
        assert_eq!(entry(&listed[2]).title, "Three");
    }

    #[test]
    fn index_entries_without_a_record_are_dropped() {
        let (_, fixed) = reconcile(&Index::default(), &[record("w-1", "One", 1.0)]);
        let mut index = fixed.unwrap();
        index.upsert(Entry {
            id: "ghost".into(),
            ..index.workshops[0].clone()
        });
        let (listed, fixed) = reconcile(&index, &[record("w-1", "One", 1.0)]);
        assert_eq!(listed.len(), 1);
        assert_eq!(fixed.unwrap().workshops.len(), 1);
    }

    #[test]
    fn search_and_sort() {
        let records = vec![
            record("w-1", "Beta pilot", 1.0),
            record("w-2", "alpha review", 3.0),
            record("w-3", "Gamma pilot", 2.0),
        ];
        let (listed, _) = reconcile(&Index::default(), &records);
        let titles = |v: Vec<Listed>| v.iter().map(|l| entry(l).title.clone()).collect::<Vec<_>>();
        assert_eq!(
            titles(view(&listed, "", SortBy::LastChanged)),
            ["alpha review", "Gamma pilot", "Beta pilot"]
        );
        assert_eq!(
            titles(view(&listed, "", SortBy::Title)),
            ["alpha review", "Beta pilot", "Gamma pilot"]
        );
        assert_eq!(
            titles(view(&listed, "PILOT", SortBy::Title)),
            ["Beta pilot", "Gamma pilot"]
        );
        assert_eq!(
            titles(view(&listed, "gamma pil", SortBy::Title)),
            ["Gamma pilot"]
        );
    }

    #[test]
    fn sorting_by_date_puts_newest_first_and_undated_last() {
        let mk = |id: &str, date: &str| {
            let mut w = Workshop::new(id.into(), id, 0.0);
            w.date = date.into();
            (id.to_string(), SavedWorkshop::new(w, 0.0).to_json())
        };
        let (listed, _) = reconcile(
            &Index::default(),
            &[mk("a", ""), mk("b", "2019-03-01"), mk("c", "2019-07-10")],
        );
        let ids: Vec<_> = view(&listed, "", SortBy::Date)
            .iter()
            .map(|l| l.id().to_string())
            .collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }

    #[test]
    fn imports_never_take_an_id_already_used() {
        let mk = |id: &str| SavedWorkshop::new(Workshop::new(id.into(), id, 0.0), 0.0);
        let imported = vec![mk("w-1"), mk("w-new"), mk("w-new"), mk("imported-3")];
        let mut n = 0;
        let ids: Vec<String> = prepare_import(imported, &["w-1".to_string()], "imported-", || {
            n += 1;
            format!("w-fresh-{n}")
        })
        .iter()
        .map(|s| s.workshop.id.clone())
        .collect();
        assert_eq!(ids, ["w-fresh-1", "w-new", "w-fresh-2", "w-fresh-3"]);
    }

    #[test]
    fn old_trash_expires() {
        let mut index = Index {
            workshops: vec![],
            trash: vec![
                TrashEntry {
                    id: "old".into(),
                    title: "Old".into(),
                    deleted_at: 0.0,
                },
                TrashEntry {
                    id: "new".into(),
                    title: "New".into(),
                    deleted_at: 40.0 * DAY_MS,
                },
            ],
        };
        assert_eq!(index.expire_trash(45.0 * DAY_MS), vec!["old".to_string()]);
        assert_eq!(index.trash.len(), 1);
    }

    #[test]
    fn a_damaged_index_reads_as_empty() {
        assert_eq!(Index::restore(Some("{not json")), Index::default());
        assert_eq!(Index::restore(None), Index::default());
    }

    #[test]
    fn the_index_lists_records_it_knows_as_stored() {
        let mk = |id: &str, revision: u64| {
            let mut saved = SavedWorkshop::new(Workshop::new(id.into(), id, 0.0), 0.0);
            saved.revision = revision;
            (id.to_string(), saved.encode().0)
        };
        let records = vec![mk("a", 1), mk("b", 3)];
        let (full, fixed) = reconcile(&Index::default(), &records);
        let index = fixed.expect("an empty index is rebuilt");
        // As stored: the index alone gives what reading every record gives.
        assert_eq!(listed_from_index(&index, &records), (full.clone(), false));
        // A record saved again elsewhere (another revision): listed from its old entry, unsure.
        let changed = vec![records[0].clone(), mk("b", 4)];
        assert_eq!(listed_from_index(&index, &changed), (full.clone(), true));
        // The same revision with other bytes, a record the index lacks, a damaged record.
        let mut edited = records.clone();
        edited[1].1.push(' ');
        assert!(listed_from_index(&index, &edited).1);
        let more = vec![records[0].clone(), records[1].clone(), mk("c", 1)];
        let (listed, unsure) = listed_from_index(&index, &more);
        assert!(unsure);
        assert_eq!(listed, full);
        let damaged = vec![
            records[0].clone(),
            ("b".to_string(), "{not json \u{e9}".repeat(60)),
        ];
        assert!(listed_from_index(&index, &damaged).1);
    }
}
