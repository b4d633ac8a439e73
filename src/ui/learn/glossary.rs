//! The glossary page (`#/glossary`): every term by group, each with an anchor. An entry named
//! in the address (`#/glossary?term=<slug>`) is scrolled to, focused and marked; each such
//! address is its own history entry, so the back button returns to where the link was.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{ExampleLink, TryOwnCase};
use crate::content::learn::{Group, Term, in_group};
use crate::route::Route;
use crate::ui::lean::effect;

fn term_in_address() -> Option<String> {
    Route::term_in(&window().location().hash().unwrap_or_default())
}

/// Brings the entry into view and moves focus to it, after the shell has scrolled the new page
/// to the top (its frame callback was queued first).
fn show_entry(anchor: String) {
    request_animation_frame(move || {
        let Some(el) = document()
            .get_element_by_id(&anchor)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        el.scroll_into_view();
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    });
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    let current = RwSignal::new(term_in_address());
    let listener = window_event_listener(ev::hashchange, move |_| current.set(term_in_address()));
    on_cleanup(move || listener.remove());
    effect(move || {
        if let Some(slug) = current.get() {
            show_entry(format!("term-{slug}"));
        }
    });
    view! {
        <article class="page glossary">
            <h1>"Glossary"</h1>
            <p class="lead">
                "The words of critical systems thinking that CST Workbench uses, in plain \
                 language, with where each one comes up in a workshop and where it comes from."
            </p>
            <p class="glossary-own">
                "The best way to learn them is to use them. " <TryOwnCase />
            </p>
            {Group::ALL.into_iter().map(|g| view! {
                <section class="glossary-group" aria-labelledby=g.anchor()>
                    <h2 id=g.anchor()>{g.label()}</h2>
                    {in_group(g).map(|t| view! { <Entry term=*t current=current /> }).collect_view()}
                </section>
            }).collect_view()}
        </article>
    }
}

#[component]
fn Entry(term: Term, current: RwSignal<Option<String>>) -> impl IntoView {
    let is_current = move || current.get().as_deref() == Some(term.slug);
    let sources = term.sources();
    view! {
        <div class="term" id=term.anchor() tabindex="-1" class:current=move || is_current()>
            <h3>{term.name}</h3>
            <p class="term-meaning">{term.meaning}</p>
            <p class="term-where">
                <span class="term-label">"Where it comes up (in the example workshop): "</span>
                {term.used_in.iter().enumerate().map(|(i, s)| view! {
                    {(i > 0).then_some(", ")}
                    <ExampleLink section=*s>{s.label()}</ExampleLink>
                }).collect_view()}
            </p>
            {(!sources.is_empty()).then(|| view! {
                <p class="term-source">
                    <span class="term-label">{if sources.len() > 1 { "Sources: " } else { "Source: " }}</span>
                    {sources.iter().enumerate().map(|(i, s)| view! {
                        {(i > 0).then_some("; ")}
                        {s.authors} " (" {s.year} "), " <cite>{s.title}</cite>
                    }).collect_view()}
                </p>
            })}
        </div>
    }
}
