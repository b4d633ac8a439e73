//! Learning mode: the explanation beside each workshop section (`LearnAside`), its switch in
//! the header, the glossary page (`glossary.rs`), the first-run tour (`tour.rs`) and "Try it
//! on your own case". The words themselves are in `content::learn`.

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

mod glossary;
mod tour;

use leptos::prelude::*;

use crate::content::example::{EXAMPLE_ID, is_example};
use crate::content::learn::{self, PATH};
use crate::route::{Route, Section};
use crate::settings::Settings;
use crate::ui::library::{LibraryAction, NewWorkshop, ensure_example};
use crate::ui::parts;

pub use glossary::GlossaryPage;
pub use tour::{TakeTourAgain, Tour};

/// What learning mode shares between the header, the workshop page and the tour. Provided once
/// by the app (`provide`).
#[derive(Clone, Copy)]
pub struct Learn {
    /// The explanation beside the section is unfolded (it can be folded away).
    aside_open: RwSignal<bool>,
    /// The tour is running (it shows on the home page only).
    tour_open: RwSignal<bool>,
    tour_step: RwSignal<usize>,
}

impl Learn {
    /// Makes the state and provides it to every page; the tour starts on a first visit (this
    /// browser holds nothing of the app's yet, so it has never seen the tour either).
    pub fn provide() {
        use crate::persist::browser::{first_visit, tour_seen};
        provide_context(Learn {
            aside_open: RwSignal::new(true),
            tour_open: RwSignal::new(!tour_seen() && first_visit()),
            tour_step: RwSignal::new(0),
        });
    }

    fn get() -> Learn {
        expect_context::<Learn>()
    }
}

fn settings() -> RwSignal<Settings> {
    expect_context::<RwSignal<Settings>>()
}

/// A link into the example workshop at one section. The example is made on first use, as the
/// home page's button does, so the link never lands on "workshop not found".
#[component]
fn ExampleLink(
    section: Section,
    /// A fuller accessible name, when the visible text is short (it must contain that text).
    #[prop(optional, into)]
    label: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <a href=Route::Workshop(EXAMPLE_ID.into(), section).href() aria-label=label
            on:click=move |_| { let _ = ensure_example(); }>{children()}</a>
    }
}

/// The header's switch for learning mode.
#[component]
pub fn LearnToggle() -> impl IntoView {
    let settings = settings();
    let on = move || settings.get().learn;
    view! {
        <button
            type="button"
            id="learn-toggle"
            class="toggle"
            aria-pressed=move || if on() { "true" } else { "false" }
            on:click=move |_| {
                settings.update(|s| s.learn = !s.learn);
                Learn::get().aside_open.set(true);
            }
            title="Explanations beside each step, linked to a glossary"
            aria-label="Learning mode"
        >
            "Learning"<span class="wide-only">" mode"</span>
        </button>
    }
}

/// "Try it on your own case": a new, blank workshop of one's own, opened at its details with
/// learning mode on.
#[component]
pub fn TryOwnCase(#[prop(optional)] primary: bool) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let settings = settings();
    let learn = Learn::get();
    let start = move |_| {
        let new = NewWorkshop {
            title: "My own case".into(),
            ..NewWorkshop::default()
        };
        // Made by the library's part (the code that writes workshops is loaded on demand);
        // what is done after runs outside this component, so it takes the state along.
        parts::library(LibraryAction::Create(new), move |made| match made {
            Ok(id) => {
                problem.set(None);
                settings.update(|s| s.learn = true);
                learn.aside_open.set(true);
                if learn.tour_open.get_untracked() {
                    learn.tour_open.set(false);
                    crate::persist::browser::mark_tour_seen();
                }
                let _ = window().location().set_hash(&Route::workshop(id).href());
            }
            Err(why) => problem.set(Some(why)),
        });
    };
    view! {
        <span class="try-own">
            <button type="button" class:primary=primary on:click=start>"Try it on your own case"</button>
            <span class="try-own-problem" role="alert">{move || problem.get()}</span>
        </span>
    }
}

/// The explanation beside the current section of a workshop, when learning mode is on: what
/// the step is for, what to do, a tip, how the example shows it and the words it uses (each a
/// link to its glossary entry). On the details it also suggests the order of the steps.
#[component]
pub fn LearnAside(section: Signal<Section>, workshop: String) -> impl IntoView {
    let settings = settings();
    let open = Learn::get().aside_open;
    let in_example = is_example(&workshop);
    let workshop = StoredValue::new(workshop);
    move || {
        let Some(step) = learn::step(section.get()).filter(|_| settings.get().learn) else {
            return ().into_any();
        };
        let label = step.section.label();
        let body = {
            {
                let path = (step.section == Section::Overview).then(|| view! {
                    <h3>"A good order to work in"</h3>
                    <ol class="learn-path">
                        {PATH.iter().map(|p| view! {
                            <li>
                                <a href=Route::Workshop(workshop.get_value(), p.section).href()>{p.name}</a>
                                ": " {p.does} " "
                                {(!in_example).then(|| view! {
                                    <ExampleLink section=p.section
                                        label=format!("{} in the example", p.name)>"(example)"</ExampleLink>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                });
                view! {
                    <div class="learn-body" id="learn-body" hidden=move || !open.get()>
                        <p class="learn-purpose">{step.purpose}</p>
                        <h3>"What to do"</h3>
                        <ol class="learn-todo">
                            {step.to_do.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}
                        </ol>
                        <p class="learn-tip"><strong>"Tip: "</strong>{step.tip}</p>
                        <p class="learn-example">
                            <strong>"In the example: "</strong>{step.example} " "
                            {(!in_example).then(|| view! {
                                <ExampleLink section=step.section>"Open this step in the example"</ExampleLink>
                            })}
                        </p>
                        <h3 id="learn-terms-h">"Words used here"</h3>
                        <ul class="learn-terms" aria-labelledby="learn-terms-h">
                            {step.terms.iter().copied().filter_map(learn::term).map(|t| view! {
                                <li><a href=Route::term_href(t.slug)>{t.name}</a></li>
                            }).collect_view()}
                            <li><a href=Route::Glossary.href()>"The whole glossary"</a></li>
                        </ul>
                        {path}
                        {in_example.then(|| view! {
                            <p class="learn-own">"Seen enough of the example? " <TryOwnCase /></p>
                        })}
                    </div>
                }
            }
        };
        view! {
            <aside class="learn-aside" aria-labelledby="learn-aside-h">
                <div class="learn-head">
                    <h2 id="learn-aside-h"><span class="learn-kicker">"Learning: "</span>{label}</h2>
                    <div class="learn-head-actions">
                        <button type="button" aria-expanded=move || if open.get() { "true" } else { "false" }
                            aria-controls="learn-body"
                            aria-label=move || if open.get() { "Hide explanation" } else { "Show explanation" }
                            on:click=move |_| open.update(|o| *o = !*o)>
                            {move || if open.get() { "Hide" } else { "Show" }}
                        </button>
                        <button type="button" aria-label="Turn off learning mode"
                            on:click=move |_| settings.update(|s| s.learn = false)>"Turn off"</button>
                    </div>
                </div>
                {body}
            </aside>
        }
        .into_any()
    }
}
