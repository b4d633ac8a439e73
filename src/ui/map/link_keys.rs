//! Links by keyboard (issue 20). From a focused node, Alt+→ / Alt+↓ selects its next link and
//! Alt+← / Alt+↑ the previous one, clockwise from twelve o'clock (`ConceptMap::step_link`); the
//! link takes focus, is drawn selected and is announced ("Link 1 of 3 …: Link from A to B:
//! label"). On a focused (or selected) link, Enter or F2 types its label in place on the
//! canvas, as for nodes: Enter or Esc stops typing and keeps what was typed (one Undo takes it
//! back); Esc then goes back to the node the walk started from, and Delete removes the link.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::Ed;
use crate::model::map::{Direction, Link, LinkId, NodeId};
use crate::ui::browser::target_attr;

/// How a link reads to a screen reader and in its tooltip: "Link from A to B: label".
pub(super) fn link_name(ed: Ed, l: &Link) -> String {
    let arrow = match l.direction {
        Direction::Forward => "to",
        Direction::Both => "and",
        Direction::None => "with",
    };
    let end = |id: NodeId| {
        // A link may end on a group (issue 22).
        if let Some(Some(g)) = ed.with_untracked(|m| m.group(id).map(|g| g.display_name())) {
            return format!("group {g}");
        }
        let label = ed
            .live(id)
            .look
            .with(|x| x.label.split_whitespace().collect::<Vec<_>>().join(" "));
        if label.is_empty() {
            "(no label)".to_string()
        } else {
            label
        }
    };
    let label = if l.label.is_empty() {
        String::new()
    } else {
        format!(": {}", l.label)
    };
    format!("Link from {} {arrow} {}{label}", end(l.from), end(l.to))
}

/// Moves keyboard focus to a link on the canvas (at once if it is drawn, else next frame).
pub(super) fn focus_link(id: LinkId) {
    super::focus_on_canvas(format!("[data-link=\"{id}\"]"));
}

/// Selects the next (or previous) link around `from`, focuses it and says which it is.
fn walk(ed: Ed, from: NodeId, current: Option<LinkId>, forward: bool, say: RwSignal<String>) {
    let step = ed.with_untracked(|m| {
        let around = m.links_around(from);
        let next = m.step_link(from, current, forward)?;
        let index = around.iter().position(|l| *l == next)?;
        Some((next, index + 1, around.len(), m.node_name(from)))
    });
    let Some(Some((link, index, count, name))) = step else {
        let name = ed.with_untracked(|m| m.node_name(from)).unwrap_or_default();
        say.set(format!("\u{201c}{name}\u{201d} has no links."));
        return;
    };
    ed.walk.set_value(Some(from));
    ed.selected.set(BTreeSet::new());
    ed.link.set(Some(link));
    focus_link(link);
    let what = ed.live_link(link).with_untracked(|l| link_name(ed, l));
    say.set(format!(
        "Link {index} of {count} of \u{201c}{name}\u{201d}. {what}. Enter edits its label."
    ));
}

/// The keys for links, before the canvas's own; true when the key was used.
pub(super) fn keydown(ed: Ed, e: &ev::KeyboardEvent, say: RwSignal<String>) -> bool {
    if e.ctrl_key() || e.meta_key() {
        return false;
    }
    let node = target_attr(e, "data-node");
    let focused_link = target_attr(e, "data-link");
    let key = e.key();
    if e.alt_key() {
        let forward = match key.as_str() {
            "ArrowRight" | "ArrowDown" => true,
            "ArrowLeft" | "ArrowUp" => false,
            _ => return false,
        };
        // From a node: its links from the first. From a link: on around the node the walk
        // started from (or the link's own first end, for a link clicked).
        if let Some(n) = node {
            walk(ed, n, None, forward, say);
            return true;
        }
        if let Some(l) = focused_link.or_else(|| ed.link.get_untracked()) {
            let from = ed
                .walk
                .get_value()
                .or_else(|| ed.with_untracked(|m| m.link(l).map(|k| k.from)).flatten());
            if let Some(from) = from {
                walk(ed, from, Some(l), forward, say);
                return true;
            }
        }
        return false;
    }
    // A link's own keys: on the focused link, or on the selected one while the canvas has focus.
    let Some(link) =
        focused_link.or_else(|| node.is_none().then(|| ed.link.get_untracked()).flatten())
    else {
        return false;
    };
    match key.as_str() {
        "Enter" | "F2" => {
            ed.link.set(Some(link));
            ed.editing_link.set(Some(link));
            true
        }
        "Escape" => {
            // Back to the node the walk started from; with none, the canvas clears the selection.
            let Some(from) = ed.walk.get_value() else {
                return false;
            };
            ed.walk.set_value(None);
            ed.link.set(None);
            ed.selected.set(BTreeSet::from([from]));
            ed.focus_node(from);
            true
        }
        "Delete" | "Backspace" => {
            ed.edit(None, |m| m.remove_link(link));
            ed.link.set(None);
            say.set("Link removed.".into());
            match ed.walk.get_value() {
                Some(from) => {
                    ed.selected.set(BTreeSet::from([from]));
                    ed.focus_node(from);
                }
                None => {
                    if let Some(el) = ed.wrap.get_untracked() {
                        let _ = el.focus();
                    }
                }
            }
            true
        }
        _ => false,
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
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            el.set_value(&start);
            let _ = el.focus();
            el.select();
        }
    });
    let finish = move || {
        if ed.editing_link.get_untracked() != Some(id) {
            return;
        }
        ed.editing_link.set(None);
        ed.session.seal();
        if ed.with_untracked(|m| m.link(id).is_some()) == Some(true) {
            focus_link(id);
        }
    };
    view! {
        <foreignObject x=mid.x - w / 2.0 y=mid.y - h / 2.0 width=w height=h>
            <input type="text" node_ref=field class="label-editor link-label-editor" aria-label="Link label"
                placeholder="e.g. leads to"
                on:input=move |e| {
                    let v = event_target_value(&e);
                    ed.edit(Some(&gesture), |m| m.edit_link(id, |l| l.label = v));
                }
                on:keydown=move |e: ev::KeyboardEvent| {
                    e.stop_propagation();
                    if e.key() == "Enter" || e.key() == "Escape" {
                        e.prevent_default();
                        finish();
                    }
                }
                on:blur=move |_| finish() />
        </foreignObject>
    }
}
