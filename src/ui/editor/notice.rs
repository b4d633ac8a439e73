//! The message an import or an export leaves: a status line when it went well, an alert when
//! it did not; and the question before a whole map or picture is deleted.

use leptos::prelude::*;

/// The last message: `(problem, text)`.
#[derive(Clone, Copy)]
pub struct Notice(pub RwSignal<Option<(bool, String)>>);

impl Notice {
    pub fn new() -> Notice {
        Notice(RwSignal::new(None))
    }

    pub fn ok(&self, text: String) {
        self.0.set(Some((false, text)));
    }

    /// "Downloaded …" or why the download failed.
    pub fn downloaded(&self, file: &str, done: Result<(), String>, failed: &str) {
        self.0.set(Some(match done {
            Ok(()) => (false, format!("Downloaded \u{201c}{file}\u{201d}.")),
            Err(e) => (true, format!("{failed}: {e}")),
        }));
    }
}

impl Default for Notice {
    fn default() -> Notice {
        Notice::new()
    }
}

/// The message as a paragraph: `role="alert"` for a problem, `role="status"` otherwise;
/// `class` is added to the paragraph's own.
#[component]
pub fn NoticeLine(notice: Notice, #[prop(optional)] class: &'static str) -> impl IntoView {
    let with = move |base: &str| {
        if class.is_empty() {
            base.to_string()
        } else {
            format!("{base} {class}")
        }
    };
    move || {
        notice.0.get().map(|(problem, text)| {
            if problem {
                view! { <p role="alert" class=with("notice warn")>{text}</p> }.into_any()
            } else {
                view! { <p role="status" class=with("form-message")>{text}</p> }.into_any()
            }
        })
    }
}

/// Asks before deleting a whole map or picture (`what`) called `name`; Undo brings it back.
pub fn confirm_delete(what: &str, name: &str) -> bool {
    window()
        .confirm_with_message(&format!(
            "Delete the {what} \u{201c}{name}\u{201d}? Undo brings it back."
        ))
        .unwrap_or(false)
}
