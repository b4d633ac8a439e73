//! The side panel's first parts: what is selected (a node's label, kind and notes, a link's label,
//! direction and polarity), and the map's kinds with their legend.

use leptos::prelude::*;

use super::Ed;
use crate::model::map::{COLOURS, Direction, KindId, NodeId, Polarity, Shape};

/// A node's kind as a `<select>` value (`""` for none).
pub(super) fn kind_value(kind: Option<KindId>) -> String {
    kind.map(|k| k.to_string()).unwrap_or_default()
}

/// The kinds as `<option>`s, with "No kind" first.
pub(super) fn kind_options(ed: Ed) -> impl IntoView {
    move || {
        let kinds = ed
            .with(|m| {
                m.kinds
                    .iter()
                    .map(|k| (k.id, k.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        view! {
            <option value="">"No kind"</option>
            {kinds.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
        }
    }
}

/// A link's directions as `<option>`s (the side panel's and the outline's, written once).
pub(super) fn direction_options() -> impl IntoView {
    Direction::ALL
        .into_iter()
        .map(|d| view! { <option value=d.as_str()>{d.label()}</option> })
        .collect_view()
}

/// A link's polarities as `<option>`s.
pub(super) fn polarity_options() -> impl IntoView {
    Polarity::ALL
        .into_iter()
        .map(|p| view! { <option value=p.as_str()>{p.label()}</option> })
        .collect_view()
}

/// The colours as `<option>`s, `selected` marked (a kind's and a group's).
pub(super) fn colour_options(selected: Option<usize>) -> impl IntoView {
    COLOURS
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <option value=i selected=Some(i) == selected>{*c}</option> })
        .collect_view()
}

/// Sets the kind of every node in `ids` from a `<select>` value.
pub(super) fn set_kinds(ed: Ed, ids: &[NodeId], value: &str) {
    let kind = value.parse::<KindId>().ok();
    ed.edit(None, |m| {
        for id in ids {
            m.set_kind(*id, kind);
        }
    });
}

#[component]
pub(super) fn Inspector(ed: Ed) -> impl IntoView {
    let one = Memo::new(move |_| {
        ed.selected
            .with(|s| (s.len() == 1).then(|| *s.iter().next().expect("one")))
    });
    let count = move || ed.selected.with(|s| s.len());
    move || {
        if let Some(id) = one.get() {
            view! { <NodePanel ed=ed id=id /> }.into_any()
        } else if count() > 1 {
            let ids = move || ed.selected.get().into_iter().collect::<Vec<_>>();
            view! {
                <section class="panel" aria-labelledby="sel-h">
                    <h3 id="sel-h">{move || format!("{} nodes selected", count())}</h3>
                    <label>"Kind of all "
                        <select on:change=move |e| set_kinds(ed, &ids(), &event_target_value(&e))>{kind_options(ed)}</select>
                    </label>
                    <button type="button" class="danger" on:click=move |_| ed.remove_selection()>"Delete them"</button>
                </section>
            }
            .into_any()
        } else if let Some(l) = ed.link.get() {
            view! { <LinkPanel ed=ed id=l /> }.into_any()
        } else {
            view! {
                <section class="panel" aria-labelledby="sel-h">
                    <h3 id="sel-h">"Nothing selected"</h3>
                    <p class="hint">"Click a node or a link to change it here. Shift+click or Shift+drag selects several."</p>
                </section>
            }
            .into_any()
        }
    }
}

#[component]
fn NodePanel(ed: Ed, id: NodeId) -> impl IntoView {
    let gesture = format!("map:label:{id}");
    view! {
        <section class="panel" aria-labelledby="sel-h">
            <h3 id="sel-h">"Node"</h3>
            <label>"Label"
                <textarea rows="3" prop:value=move || ed.with(|m| m.node(id).map(|n| n.label.clone())).flatten().unwrap_or_default() on:input=move |e| {
                    let v = event_target_value(&e);
                    ed.edit(Some(&gesture), |m| m.set_label(id, v));
                } on:blur=move |_| ed.session.seal()></textarea>
            </label>
            <label>"Kind "
                <select prop:value=move || kind_value(ed.with(|m| m.node(id).and_then(|n| n.kind)).flatten()) on:change=move |e| set_kinds(ed, &[id], &event_target_value(&e))>{kind_options(ed)}</select>
            </label>
            <label>"Notes"
                <super::node_notes::NotesField ed=ed id=id name=Signal::derive(|| "Notes".to_string()) />
            </label>
            <div class="row">
                <button type="button" on:click=move |_| ed.linking.set(Some(id))>"Link to\u{2026}"</button>
                <button type="button" class="danger" on:click=move |_| ed.remove_selection()>"Delete node"</button>
            </div>
        </section>
    }
}

#[component]
fn LinkPanel(ed: Ed, id: u32) -> impl IntoView {
    let link = Memo::new(move |_| {
        ed.with(|m| m.link(id).cloned())
            .flatten()
            .unwrap_or_default()
    });
    let ends = move || {
        let l = link.get();
        ed.with(|m| (m.node_name(l.from), m.node_name(l.to)))
            .unwrap_or_default()
    };
    let gesture = format!("map:link:{id}");
    view! {
        <section class="panel" aria-labelledby="sel-h">
            <h3 id="sel-h">"Link"</h3>
            <p>{move || { let (a, b) = ends(); format!("From \u{201c}{a}\u{201d} to \u{201c}{b}\u{201d}") }}</p>
            <label>"Label "
                <input type="text" prop:value=move || link.with(|l| l.label.clone()) placeholder="e.g. leads to"
                    on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture), |m| m.edit_link(id, |l| l.label = v)); }
                    on:blur=move |_| ed.session.seal() />
            </label>
            <label>"Direction "
                <select prop:value=move || link.with(|l| l.direction.as_str()) on:change=move |e| {
                    if let Some(d) = Direction::parse(&event_target_value(&e)) { ed.edit(None, |m| m.edit_link(id, |l| l.direction = d)); }
                }>
                    {direction_options()}
                </select>
            </label>
            <label>"Polarity "
                <select prop:value=move || link.with(|l| l.polarity.as_str()) on:change=move |e| {
                    if let Some(p) = Polarity::parse(&event_target_value(&e)) { ed.edit(None, |m| m.edit_link(id, |l| l.polarity = p)); }
                }>
                    {polarity_options()}
                </select>
            </label>
            <div class="row">
                <button type="button" on:click=move |_| { ed.edit(None, |m| m.reverse_link(id)); }>"Reverse"</button>
                <button type="button" class="danger" on:click=move |_| ed.remove_selection()>"Delete link"</button>
            </div>
        </section>
    }
}

/// The map's kinds: the legend, and where they are named, coloured and shaped.
#[component]
pub(super) fn Kinds(ed: Ed) -> impl IntoView {
    let ids = Memo::new(move |_| {
        ed.with(|m| m.kinds.iter().map(|k| k.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let new_name = RwSignal::new(String::new());
    view! {
        <section class="panel" aria-labelledby="kinds-h">
            <h3 id="kinds-h">"Kinds and legend"</h3>
            <ul class="kinds">
                {crate::ui::lean::keyed(ids, move |kid| {
                    let kind = Memo::new(move |_| ed.with(|m| m.kind(kid).cloned()).flatten().unwrap_or_default());
                    let gesture = format!("map:kind:{kid}");
                    let used = move || ed.with(|m| m.nodes.iter().filter(|n| n.kind == Some(kid)).count()).unwrap_or(0);
                    view! {
                        <li>
                            <span class=move || kind.with(|k| format!("swatch c-{} s-{}", k.colour_name(), k.shape.as_str())) aria-hidden="true"></span>
                            <input type="text" aria-label="Kind name" prop:value=move || kind.with(|k| k.name.clone())
                                on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture), |m| m.edit_kind(kid, |k| k.name = v)); }
                                on:blur=move |_| ed.session.seal() />
                            <span class="hint">{move || match used() { 1 => "1 node".to_string(), n => format!("{n} nodes") }}</span>
                            <select aria-label=move || format!("Colour of {}", kind.with(|k| k.name.clone()))
                                prop:value=move || kind.with(|k| k.colour.to_string())
                                on:change=move |e| { if let Ok(c) = event_target_value(&e).parse::<u8>() { ed.edit(None, |m| m.edit_kind(kid, |k| k.colour = c)); } }>
                                {colour_options(None)}
                            </select>
                            <select aria-label=move || format!("Shape of {}", kind.with(|k| k.name.clone()))
                                prop:value=move || kind.with(|k| k.shape.as_str())
                                on:change=move |e| { if let Some(s) = Shape::parse(&event_target_value(&e)) { ed.edit(None, |m| m.edit_kind(kid, |k| k.shape = s)); } }>
                                {Shape::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                            </select>
                            <button type="button" aria-label=move || format!("Remove kind {}", kind.with(|k| k.name.clone()))
                                on:click=move |_| { ed.edit(None, |m| m.remove_kind(kid)); }>"Remove"</button>
                        </li>
                    }.into_any()
                })}
            </ul>
            <form class="row" on:submit=move |e| {
                e.prevent_default();
                let name = new_name.get_untracked();
                if !name.trim().is_empty() {
                    ed.edit(None, |m| m.add_kind(name.trim()));
                    new_name.set(String::new());
                }
            }>
                <label for="new-kind" class="visually-hidden">"New kind"</label>
                <input id="new-kind" type="text" placeholder="e.g. Barrier" prop:value=move || new_name.get()
                    on:input=move |e| new_name.set(event_target_value(&e)) />
                <button type="submit">"Add kind"</button>
            </form>
        </section>
    }
}
