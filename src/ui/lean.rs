//! View helpers that keep Leptos's generic code small (issue 23, whole-app bytes).
//!
//! Leptos instantiates its rendering code once per type a reactive closure returns: a
//! `<Show>` (generic over its condition and its children) or a `{move || …}` returning a
//! particular element, `Option` or `Vec` of elements gets a build and rebuild of its own,
//! inlined where it is used. Views that return `AnyView` share one instantiation for the whole
//! app, so a section's view code shrinks to what builds its own elements.

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
