//! Labels typed in place on the canvas, a node's (a text area over the node) or a link's (a
//! field over where its label is drawn): Enter or Esc stops typing and keeps what was typed
//! (`editor::text::ends_typing`; Shift+Enter starts a new line in a node's label), leaving the
//! field keeps it too, and the typing is one undo step.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::Ed;
use crate::model::map::{LinkId, NodeId};
use crate::ui::editor::text::typing_key;
use crate::ui::lean::effect;

/// Types a node's label in place: Enter keeps it, Shift+Enter starts a new line; Escape stops
/// typing and keeps what was typed too (nothing typed is lost; one Undo takes it back).
#[component]
pub(super) fn LabelEditor(ed: Ed, id: NodeId) -> impl IntoView {
    let field = NodeRef::<html::Textarea>::new();
    let live = ed.live(id);
    let at = live.pos.get_untracked();
    let size = live.size.get_untracked();
    let w = size.w.max(260.0);
    let h = size.h.max(96.0);
    let gesture = format!("map:label:{id}");
    // The text is put in and selected after mounting, so typing replaces it.
    let start = ed
        .with_untracked(|m| m.node(id).map(|n| n.label.clone()))
        .flatten()
        .unwrap_or_default();
    fill_when_mounted(field, start);
    let finish = move || stop_typing(ed, ed.editing, id, |ed, id| ed.focus_node(id));
    view! {
        <foreignObject x=at.x - w / 2.0 y=at.y - h / 2.0 width=w height=h>
            <textarea node_ref=field class="label-editor" aria-label="Label"
                on:input=move |e| {
                    let v = event_target_value(&e);
                    ed.edit(Some(&gesture), |m| m.set_label(id, v));
                }
                on:keydown=move |e: ev::KeyboardEvent| typing_key(&e, finish)
                on:blur=move |_| finish()></textarea>
        </foreignObject>
    }
}

/// Types a link's label in place, over where the label is drawn: Enter or Escape stops typing
/// and keeps what was typed (as for a node's label); the typing is one undo step.
#[component]
pub(super) fn LinkLabelEditor(ed: Ed, id: LinkId) -> impl IntoView {
    let field = NodeRef::<html::Input>::new();
    let link = ed.live_link(id).get_untracked();
    let (a, b) = (ed.live(link.from), ed.live(link.to));
    let mid = super::frames::link_curve(
        ed,
        id,
        (link.from, link.to),
        a.pos.get_untracked(),
        a.size.get_untracked(),
        b.pos.get_untracked(),
        b.size.get_untracked(),
    )
    .map(|k| k.mid)
    .unwrap_or_else(|| a.pos.get_untracked());
    let metrics = ed.metrics.get_untracked();
    let w = (link.label.chars().count() as f64 * metrics.font * 0.6 + metrics.font * 2.0)
        .clamp(metrics.font * 12.0, metrics.font * 28.0);
    let h = metrics.font * 2.4;
    let gesture = format!("map:link:{id}");
    // The text is put in and selected here, after mounting, so typing replaces it (a value set
    // by the view could land after the selection and undo it).
    let start = link.label.clone();
    fill_when_mounted(field, start);
    let finish = move || {
        stop_typing(ed, ed.editing_link, id, |ed, id| {
            if ed.with_untracked(|m| m.link(id).is_some()) == Some(true) {
                super::link_keys::focus_link(id);
            }
        })
    };
    view! {
        <foreignObject x=mid.x - w / 2.0 y=mid.y - h / 2.0 width=w height=h>
            <input type="text" node_ref=field class="label-editor link-label-editor" aria-label="Link label"
                placeholder="e.g. leads to"
                on:input=move |e| {
                    let v = event_target_value(&e);
                    ed.edit(Some(&gesture), |m| m.edit_link(id, |l| l.label = v));
                }
                on:keydown=move |e: ev::KeyboardEvent| typing_key(&e, finish)
                on:blur=move |_| finish() />
        </foreignObject>
    }
}

/// A field typed in place: its text can be put in, and it can be focused and selected.
trait Typed {
    fn fill(&self, text: &str);
}

impl Typed for web_sys::HtmlTextAreaElement {
    fn fill(&self, text: &str) {
        self.set_value(text);
        let _ = self.focus();
        self.select();
    }
}

impl Typed for web_sys::HtmlInputElement {
    fn fill(&self, text: &str) {
        self.set_value(text);
        let _ = self.focus();
        self.select();
    }
}

/// Puts `start` in the field and selects it once the field is mounted, so typing replaces it
/// (a value set by the view could land after the selection and undo it).
fn fill_when_mounted<E>(field: NodeRef<E>, start: String)
where
    E: html::ElementType + 'static,
    E::Output: Typed + Clone + 'static,
    NodeRef<E>: Get<Value = Option<E::Output>>,
{
    effect(move || {
        if let Some(el) = field.get() {
            el.fill(&start);
        }
    });
}

/// Stops typing the label of `id` (`typing` holds what is being typed: a node's or a link's
/// label), keeping what was typed as one undo step, then gives the keyboard back (`then`).
fn stop_typing(ed: Ed, typing: RwSignal<Option<u32>>, id: u32, then: fn(Ed, u32)) {
    if typing.get_untracked() != Some(id) {
        return;
    }
    typing.set(None);
    ed.session.seal();
    then(ed, id);
}
