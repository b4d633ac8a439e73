//! Links by keyboard (issue 20). From a focused node, Alt+→ / Alt+↓ selects its next link and
//! Alt+← / Alt+↑ the previous one, clockwise from twelve o'clock (`ConceptMap::step_link`); the
//! link takes focus, is drawn selected and is announced ("Link 1 of 3 …: Link from A to B:
//! label"). On a focused (or selected) link, Enter or F2 types its label in place on the
//! canvas, as for nodes: Enter or Esc stops typing and keeps what was typed (one Undo takes it
//! back, `label.rs`); Esc then goes back to the node the walk started from, and Delete removes
//! the link. The keys are the shortcut table's (`keys.rs` looks them up).

use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;

use super::Ed;
use crate::interact::shortcuts::Action;
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

/// What a key from the shortcut table means for links, before the canvas's own meaning: Alt+
/// arrows walk a node's links; on the focused link (or the selected one while the canvas has
/// the focus), Enter / F2 types its label, Esc goes back to the node the walk started from and
/// Delete removes it. True when the key was used.
pub(super) fn act(ed: Ed, action: Action, e: &ev::KeyboardEvent) -> bool {
    let say = ed.announce;
    let node = target_attr(e, "data-node");
    let focused_link = target_attr(e, "data-link");
    if let Action::NextLink | Action::PreviousLink = action {
        let forward = action == Action::NextLink;
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
    match action {
        Action::EditText => {
            ed.link.set(Some(link));
            ed.editing_link.set(Some(link));
            true
        }
        Action::ClearSelection => {
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
        Action::Remove => {
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
