//! What both participant pages share: the draft, kept in the phone's own storage after every
//! change, and the page's root element and listeners.

use std::cell::{Cell, RefCell};

use web_sys::Element;

use super::dom::Listeners;
use super::saved_note;
use crate::participate::draft::{BoundaryDraft, ScoringDraft};
use crate::persist::browser as store;

/// A draft that can be stored.
pub(super) trait Draft {
    fn to_json(&self) -> String;
}

impl Draft for ScoringDraft {
    fn to_json(&self) -> String {
        ScoringDraft::to_json(self)
    }
}

impl Draft for BoundaryDraft {
    fn to_json(&self) -> String {
        BoundaryDraft::to_json(self)
    }
}

/// A participant's draft under its storage key, with the page it is drawn in.
pub(super) struct Kept<D> {
    key: String,
    pub d: RefCell<D>,
    /// Whether the last save reached storage (the page says so when it did not).
    pub saved: Cell<bool>,
    pub main: Element,
    pub listeners: Listeners,
}

impl<D: Draft> Kept<D> {
    /// Keeps `d` under `key` at once (a restored draft may have been repaired).
    pub fn new(main: Element, key: String, d: D) -> Self {
        let kept = Kept {
            key,
            d: RefCell::new(d),
            saved: Cell::new(true),
            main,
            listeners: Listeners::default(),
        };
        kept.save();
        kept
    }

    /// Stores the draft; the note on the page changes only when saving starts or stops working.
    pub fn save(&self) {
        let json = self.d.borrow().to_json();
        let ok = store::save_draft(&self.key, &json).is_ok();
        if ok != self.saved.replace(ok)
            && let Ok(Some(p)) = self.main.query_selector(".phone-saved")
        {
            p.set_text_content(Some(saved_note(ok)));
        }
    }
}
