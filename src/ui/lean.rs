//! View helpers that keep Leptos's generic code small (issue 23, whole-app bytes).
//!
//! Leptos instantiates its rendering code once per type a reactive closure returns: a
//! `<Show>` (generic over its condition and its children) or a `{move || …}` returning a
//! particular element, `Option` or `Vec` of elements gets a build and rebuild of its own,
//! inlined where it is used. Views that return `AnyView` share one instantiation for the whole
//! app, so a section's view code shrinks to what builds its own elements.

use std::sync::Arc;

use leptos::prelude::*;

/// `<Show>` without its generics: `children` while `when` is true, else `fallback` (nothing by
/// default). As `Show`, the condition is memoized, so the children are built again only when it
/// changes.
#[component]
pub fn When(
    /// Whether the children are shown.
    #[prop(into)]
    when: Signal<bool>,
    /// What is shown while `when` is true.
    children: ChildrenFn,
    /// What is shown while `when` is false.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    let when = Memo::new(move |_| when.get());
    move || {
        if when.get() {
            children()
        } else {
            fallback.run()
        }
    }
}

/// `Effect::new` for an effect that keeps no value between runs, through one instantiation of
/// Leptos's effect (its task and its future are generic over the function) for all of them.
pub fn effect(run: impl FnMut() + 'static) {
    let mut run: Box<dyn FnMut()> = Box::new(run);
    Effect::new(move |_| run());
}

/// A keyed list of ids, each its own key (`<For each key=|id| id.clone() children>`), through
/// one instantiation of `<For>` and of its keyed rendering for every such list: `row` makes an
/// id's view. As `<For>`, a row is kept while its id stays in the list, under an owner of its
/// own, and moved, added or removed as the list changes.
pub fn for_each_id(
    each: impl Fn() -> Vec<String> + Send + Sync + 'static,
    row: impl Fn(String) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    keyed_ids(Signal::derive(each), Arc::new(row))
}

#[inline(never)]
fn keyed_ids(
    each: Signal<Vec<String>>,
    row: Arc<dyn Fn(String) -> AnyView + Send + Sync>,
) -> AnyView {
    view! { <For each=move || each.get() key=|id: &String| id.clone() children=move |id| row(id) /> }
        .into_any()
}

/// A keyed list of numeric ids (the map editor's nodes, links, kinds and groups): a row keeps
/// its elements (and the keyboard focus) while the list changes around it. One `For` for all
/// such lists, so its keyed diffing is compiled once, not once a list.
pub fn keyed(ids: Memo<Vec<u32>>, row: impl Fn(u32) -> AnyView + Send + Sync + 'static) -> AnyView {
    keyed_by(ids, Callback::new(row))
}

#[inline(never)]
fn keyed_by(ids: Memo<Vec<u32>>, row: Callback<u32, AnyView>) -> AnyView {
    view! { <For each=move || ids.get() key=|id| *id children=move |id| row.run(id) /> }.into_any()
}
