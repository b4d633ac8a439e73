//! A node's description or notes (issue 20): typed in the side panel and in the outline, kept in
//! the map (`Node::notes`), written into the report and into every export format that can carry
//! them. Typing is one undo step per visit to the field, as for labels.

use leptos::prelude::*;

use super::Ed;
use crate::model::map::NodeId;

/// The notes field of one node. `name` is its accessible name ("Notes", or "Notes on …" where
/// several nodes' fields are on screen at once).
#[component]
pub(super) fn NotesField(ed: Ed, id: NodeId, name: Signal<String>) -> impl IntoView {
    let gesture = format!("map:notes:{id}");
    view! {
        <textarea class="node-notes" rows="3" aria-label=move || name.get() prop:value=move || ed.with(|m| m.node(id).map(|n| n.notes.clone())).flatten().unwrap_or_default()
            placeholder="What the group means by it, where it comes from, open questions"
            on:input=move |e| {
                let v = event_target_value(&e);
                ed.edit(Some(&gesture), |m| m.set_notes(id, v));
            }
            on:blur=move |_| ed.session.seal()></textarea>
    }
}
