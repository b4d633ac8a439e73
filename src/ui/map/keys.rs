//! The canvas's keys, looked up in the one shortcut table (`crate::interact::shortcuts`,
//! `Area::Map`), whose rows also write the `?` sheet and the hint under the canvas, so the
//! three cannot disagree. A link's own meaning of a key comes first (`link_keys::act`); the
//! steps a node moves by (10, Shift 50) are the map's.

use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;

use super::{Ed, frames, link_keys};
use crate::interact::shortcuts::{self, Action, Area, Press};
use crate::model::map::{NodeId, Point};
use crate::ui::browser::target_attr;

/// How far an arrow key moves a node (Shift: further), in map units.
const STEP: f64 = 10.0;
const STEP_FURTHER: f64 = 50.0;

/// A key pressed on the canvas; true when it was used (its default is then prevented).
pub(super) fn keydown(ed: Ed, e: &ev::KeyboardEvent) -> bool {
    if ed.editing.get_untracked().is_some() || ed.editing_link.get_untracked().is_some() {
        return false;
    }
    let key = e.key();
    let press = Press {
        key: &key,
        ctrl: e.ctrl_key() || e.meta_key(),
        alt: e.alt_key(),
        shift: e.shift_key(),
    };
    let Some(action) = shortcuts::action(Area::Map, &press) else {
        return false;
    };
    link_keys::act(ed, action, e) || ed.act(action, e)
}

impl Ed {
    /// Does what a bound key does on the canvas; false when it does nothing here now.
    fn act(&self, action: Action, e: &ev::KeyboardEvent) -> bool {
        let ed = *self;
        let focused = target_attr(e, "data-node");
        match action {
            Action::Nudge(d) => {
                let (dx, dy) = d.step(if e.shift_key() { STEP_FURTHER } else { STEP });
                let Some(f) = focused else {
                    // A focused group's frame moves the group.
                    let Some(g) = target_attr(e, "data-group") else {
                        return false;
                    };
                    frames::nudge_group(ed, g, dx, dy);
                    return true;
                };
                let mut ids: Vec<NodeId> = ed.selected.get_untracked().into_iter().collect();
                if !ids.contains(&f) {
                    ids = vec![f];
                }
                // A held key is one undo step.
                let gesture = format!("map:nudge:{ids:?}");
                ed.edit(Some(&gesture), |m| {
                    let moves: Vec<_> = ids
                        .iter()
                        .filter_map(|id| m.node(*id).map(|n| (*id, Point::new(n.x + dx, n.y + dy))))
                        .collect();
                    m.move_nodes(&moves);
                });
            }
            Action::EditText => {
                let Some(id) = focused else { return false };
                ed.editing.set(Some(id));
            }
            Action::StartLink => {
                let Some(id) = focused else { return false };
                ed.linking.set(Some(id));
            }
            Action::Remove => {
                if let Some(f) = focused
                    && ed.selected.with_untracked(BTreeSet::is_empty)
                {
                    ed.selected.set(BTreeSet::from([f]));
                }
                ed.remove_selection();
                if let Some(el) = ed.wrap.get_untracked() {
                    let _ = el.focus();
                }
            }
            Action::AddNode | Action::AddLinkedNode => {
                // A free place in view: beside the focused node (linked to it with Shift), or
                // near the middle of the canvas.
                let near = focused
                    .map(|f| ed.live(f).pos.get_untracked())
                    .unwrap_or_else(|| ed.centre());
                let from = focused.filter(|_| action == Action::AddLinkedNode);
                ed.add_node_from(near, from);
            }
            Action::ClearSelection => {
                // With nothing selected, Esc is left to focus mode.
                let had = ed.selected.with_untracked(|s| !s.is_empty())
                    || ed.link.get_untracked().is_some();
                ed.selected.set(BTreeSet::new());
                ed.link.set(None);
                return had;
            }
            Action::ZoomIn => ed.zoom_by(1.25),
            Action::ZoomOut => ed.zoom_by(0.8),
            Action::Fit => ed.fit(),
            _ => return false,
        }
        true
    }
}
