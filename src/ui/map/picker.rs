//! The keyboard's way to link (L on a focused node): a list of the other ideas, then the
//! groups (a link may end on a group, as when dropped on a group's title with the mouse).

use std::collections::BTreeSet;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::Ed;
use crate::model::map::NodeId;
use crate::ui::lean::effect;

/// Picks the node a keyboard link goes to.
#[component]
pub(super) fn LinkPicker(ed: Ed) -> impl IntoView {
    let choice = RwSignal::new(String::new());
    let field = NodeRef::<html::Select>::new();
    effect(move || {
        if ed.linking.get().is_some()
            && let Some(el) = field.get()
        {
            let _ = el.focus();
        }
    });
    let close = move || {
        if let Some(from) = ed.linking.get_untracked() {
            ed.linking.set(None);
            ed.focus_node(from);
        }
    };
    let create = move || {
        let Some(from) = ed.linking.get_untracked() else {
            return;
        };
        let Ok(to) = choice.get_untracked().parse::<NodeId>() else {
            return;
        };
        if let Some(Some(l)) = ed.edit(None, |m| m.add_link(from, to)) {
            ed.selected.set(BTreeSet::new());
            ed.link.set(Some(l));
        }
        close();
    };
    move || {
        ed.linking.get().map(|from| {
            // Other ideas, then the groups (a link may end on a group, as when dropped on a
            // group's title with the mouse).
            let (options, groups) = ed
                .with_untracked(|m| {
                    let mut others: Vec<(String, NodeId)> = m
                        .nodes
                        .iter()
                        .filter(|n| n.id != from)
                        .map(|n| (m.node_name(n.id), n.id))
                        .collect();
                    crate::order::sort(&mut others);
                    let mut groups: Vec<(String, NodeId)> = m
                        .groups
                        .iter()
                        .map(|g| (format!("group {}", g.display_name()), g.id))
                        .collect();
                    crate::order::sort(&mut groups);
                    (others, groups)
                })
                .unwrap_or_default();
            let first = options.first().or(groups.first());
            choice.set(first.map(|o| o.1.to_string()).unwrap_or_default());
            let has_groups = !groups.is_empty();
            let name = ed.with_untracked(|m| m.node_name(from)).unwrap_or_default();
            view! {
                <form class="link-picker" on:submit=move |e| { e.prevent_default(); create(); }
                    on:keydown=move |e: ev::KeyboardEvent| { if e.key() == "Escape" { e.prevent_default(); close(); } }>
                    <label for="link-target">{format!("Link \u{201c}{name}\u{201d} to ")}</label>
                    <select id="link-target" node_ref=field on:change=move |e| choice.set(event_target_value(&e))
                        on:keydown=move |e: ev::KeyboardEvent| { if e.key() == "Enter" { e.prevent_default(); choice.set(event_target_value(&e)); create(); } }>
                        {if has_groups {
                            view! {
                                <optgroup label="Ideas">
                                    {options.into_iter().map(|(label, id)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                                </optgroup>
                                <optgroup label="Groups">
                                    {groups.into_iter().map(|(label, id)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                                </optgroup>
                            }.into_any()
                        } else {
                            options.into_iter().map(|(label, id)| view! { <option value=id.to_string()>{label}</option> }).collect_view().into_any()
                        }}
                    </select>
                    <button type="submit" class="primary">"Link"</button>
                    <button type="button" on:click=move |_| close()>"Cancel"</button>
                </form>
            }
        })
    }
}
