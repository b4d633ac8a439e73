//! The map as an outline: every node with its label, kind, notes and links, as form fields in a
//! list. For screen-reader users, and for typing a map quickly during a workshop (type, Enter, type).
//! It edits the same map as the canvas.

use leptos::prelude::*;

use super::Ed;
use super::inspect::{direction_options, kind_options, kind_value, polarity_options, set_kinds};
use crate::model::map::{Direction, LinkId, NodeId, Polarity};

#[component]
pub(super) fn Outline(ed: Ed) -> impl IntoView {
    let new_label = RwSignal::new(String::new());
    let add = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let label = new_label.get_untracked();
        if label.trim().is_empty() {
            return;
        }
        let metrics = ed.metrics.get_untracked();
        let near = ed.centre();
        ed.edit(None, |m| {
            let at = crate::analysis::placement::free_place(
                m,
                metrics,
                near,
                metrics.node_size(&label),
                None,
            );
            m.add_node(label.trim(), at, None)
        });
        new_label.set(String::new());
    };
    view! {
        <div class="outline">
            <p class="hint">"Each idea with its links. Changes here change the canvas too."</p>
            <datalist id="map-node-names">
                {move || ed.with(|m| m.nodes.iter().map(|n| m.node_name(n.id)).collect::<Vec<_>>()).unwrap_or_default()
                    .into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <ol class="outline-nodes">
                {crate::ui::lean::keyed(ed.node_ids, move |id| view! { <OutlineNode ed=ed id=id /> }.into_any())}
            </ol>
            <form class="row" on:submit=add>
                <label for="outline-new">"New idea "</label>
                <input id="outline-new" type="text" prop:value=move || new_label.get()
                    on:input=move |e| new_label.set(event_target_value(&e)) />
                <button type="submit" class="primary">"Add"</button>
            </form>
        </div>
    }
}

#[component]
fn OutlineNode(ed: Ed, id: NodeId) -> impl IntoView {
    let name = move || ed.with(|m| m.node_name(id)).unwrap_or_default();
    let links = Memo::new(move |_| {
        ed.with(|m| m.links_of(id).map(|l| l.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let target = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let gesture = format!("map:label:{id}");
    let link = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let wanted = target.get_untracked().trim().to_lowercase();
        let found = ed
            .with_untracked(|m| {
                m.nodes
                    .iter()
                    .find(|n| n.id != id && m.node_name(n.id).to_lowercase() == wanted)
                    .map(|n| n.id)
            })
            .flatten();
        match found {
            Some(to) => {
                ed.edit(None, |m| m.add_link(id, to));
                target.set(String::new());
                problem.set(None);
            }
            None => problem.set(Some(format!(
                "No other idea is called \u{201c}{}\u{201d}. Pick one from the list.",
                target.get_untracked().trim()
            ))),
        }
    };
    view! {
        <li class="outline-node">
            <div class="row">
                <label class="grow">{move || format!("Idea: {}", name())}
                    <textarea rows="1" prop:value=move || ed.with(|m| m.node(id).map(|n| n.label.clone())).flatten().unwrap_or_default() on:input=move |e| {
                        let v = event_target_value(&e);
                        ed.edit(Some(&gesture), |m| m.set_label(id, v));
                    } on:blur=move |_| ed.session.seal()></textarea>
                </label>
                <label>"Kind "
                    <select prop:value=move || kind_value(ed.with(|m| m.node(id).and_then(|n| n.kind)).flatten()) on:change=move |e| set_kinds(ed, &[id], &event_target_value(&e))>{kind_options(ed)}</select>
                </label>
                <button type="button" class="danger" aria-label=move || format!("Delete {}", name())
                    on:click=move |_| { ed.edit(None, |m| m.remove_nodes(&[id])); }>"Delete"</button>
            </div>
            <super::node_notes::NotesField ed=ed id=id name=Signal::derive(move || format!("Notes on {}", name())) />
            <ul class="outline-links" aria-label=move || format!("Links of {}", name())>
                {crate::ui::lean::keyed(links, move |l| view! { <OutlineLink ed=ed node=id id=l /> }.into_any())}
            </ul>
            <form class="row" on:submit=link>
                <label>{move || format!("Link {} to ", name())}
                    <input type="text" list="map-node-names" prop:value=move || target.get()
                        on:input=move |e| target.set(event_target_value(&e)) />
                </label>
                <button type="submit">"Link"</button>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            </form>
        </li>
    }
}

#[component]
fn OutlineLink(ed: Ed, node: NodeId, id: LinkId) -> impl IntoView {
    let link = Memo::new(move |_| {
        ed.with(|m| m.link(id).cloned())
            .flatten()
            .unwrap_or_default()
    });
    let text = move || {
        let l = link.get();
        ed.with(|m| {
            let outgoing = l.from == node;
            let other = m.node_name(if outgoing { l.to } else { l.from });
            let arrow = match (l.direction, outgoing) {
                (Direction::Forward, true) => "\u{2192} to",
                (Direction::Forward, false) => "\u{2190} from",
                (Direction::Both, _) => "\u{2194} with",
                (Direction::None, _) => "\u{2014} with",
            };
            format!("{arrow} {other} {}", l.polarity.sign())
        })
        .unwrap_or_default()
    };
    let gesture = format!("map:link:{id}");
    view! {
        <li class="row">
            <span class="grow">{move || text()}</span>
            <input type="text" aria-label=move || format!("Label of the link {}", text()) placeholder="link label"
                prop:value=move || link.with(|l| l.label.clone())
                on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture), |m| m.edit_link(id, |l| l.label = v)); }
                on:blur=move |_| ed.session.seal() />
            <select aria-label=move || format!("Direction of the link {}", text()) prop:value=move || link.with(|l| l.direction.as_str())
                on:change=move |e| { if let Some(d) = Direction::parse(&event_target_value(&e)) { ed.edit(None, |m| m.edit_link(id, |l| l.direction = d)); } }>
                {direction_options()}
            </select>
            <select aria-label=move || format!("Polarity of the link {}", text()) prop:value=move || link.with(|l| l.polarity.as_str())
                on:change=move |e| { if let Some(p) = Polarity::parse(&event_target_value(&e)) { ed.edit(None, |m| m.edit_link(id, |l| l.polarity = p)); } }>
                {polarity_options()}
            </select>
            <button type="button" aria-label=move || format!("Remove the link {}", text())
                on:click=move |_| { ed.edit(None, |m| m.remove_link(id)); }>"Remove"</button>
        </li>
    }
}
