//! The frame around every page: skip link, header with navigation and display settings
//! (including learning mode), the routed main area, the footer, and the first-run tour.

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::lean::{When, effect};
use super::learn::{Learn, LearnToggle, Tour};
use super::library::LibraryPage;
use super::pages::NotFoundPage;
use super::participate::to_phone_page;
use super::parts::{self, Page};
use crate::persist;
use crate::route::Route;
use crate::settings::{Scheme, Settings, Theme};

const APP_NAME: &str = "CST Workbench";

fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// Moves keyboard focus to the page's main area, so that screen readers announce the new page
/// and Tab continues from it, without scrolling the header out of view.
fn focus_main() {
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}

/// Writes the settings onto `<html>`, where the style sheets pick them up.
fn apply_settings(settings: Settings) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", settings.theme.as_str());
        let _ = root.set_attribute("data-scheme", settings.scheme.as_str());
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    crate::ui::browser::register_service_worker();
    let settings = RwSignal::new(persist::browser::load_settings());
    let route = RwSignal::new(current_route());
    // Views that size things by the theme (the concept-map canvas) read it from here.
    provide_context(settings);
    let sharing = RwSignal::new(false);
    provide_context(super::SharingLive(sharing));
    Learn::provide();

    // Display settings: applied at once, remembered, and followed when another tab changes them.
    effect(move || {
        let s = settings.get();
        apply_settings(s);
        if persist::browser::load_settings() != s {
            let _ = persist::browser::save_settings(s);
        }
    });
    let storage_listener = window_event_listener(ev::storage, move |e| {
        if e.key().as_deref() == Some(Settings::STORAGE_KEY) {
            settings.set(Settings::restore(e.new_value().as_deref()));
        }
    });

    // Navigation: the URL fragment is the single source of truth for the page shown.
    let hash_listener = window_event_listener(ev::hashchange, move |_| {
        route.set(current_route());
        // Focus goes to the new page a frame later, unless the person has already put it
        // somewhere in that frame (a field tapped as soon as it showed): that is theirs to keep.
        let focused_now = document().active_element();
        request_animation_frame(move || {
            window().scroll_to_with_x_and_y(0.0, 0.0);
            let focused_later = document().active_element();
            let moved_by_person = focused_later != focused_now
                && focused_later.is_some_and(|el| Some(el) != document().body().map(Into::into));
            if !moved_by_person {
                focus_main();
            }
        });
    });
    on_cleanup(move || {
        storage_listener.remove();
        hash_listener.remove();
    });
    // Sections of a workshop are one page: moving between them keeps the editor mounted.
    let page = Memo::new(move |_| route.get().page());
    // A participant's phone page shows none of the facilitator's library around it.
    let chrome = Memo::new(move |_| !matches!(page.get(), Route::Join(_)));
    effect(move || {
        // A workshop page titles itself after the workshop.
        let page = page.get();
        if !matches!(page, Route::Workshop(..)) {
            document().set_title(&format!("{} \u{2014} {APP_NAME}", page.title()));
        }
    });

    // The static "Loading…" line in index.html has done its job.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }

    view! {
        <When when=chrome>
        <a class="skip-link" href="#main" on:click=move |e| {
            e.prevent_default();
            focus_main();
        }>"Skip to content"</a>
        <header class="app-header">
            <a class="brand" href=Route::Home.href()>
                <img class="brand-mark" src="icon.svg" alt="" width="32" height="32" />
                <span class="brand-name">{APP_NAME}</span>
            </a>
            <nav class="main-nav" aria-label="Main">
                <NavLink route=route target=Route::Home label="Workshops" />
                <NavLink route=route target=Route::Glossary label="Glossary" />
                <NavLink route=route target=Route::About label="About" />
            </nav>
            <DisplaySettings settings=settings />
        </header>
        </When>
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Route::Home => view! { <LibraryPage /> }.into_any(),
                Route::Workshop(id, _) => {
                    // A memo: a hash change within the section (another map) must not
                    // remount the section.
                    let section = Signal::from(Memo::new(move |_| route.get().section()));
                    // Every page but the home page is a part loaded when first opened.
                    parts::page(Page::Workshop(id, section))
                }
                Route::About => parts::page(Page::About),
                Route::Glossary => parts::page(Page::Glossary),
                Route::Join(code) => to_phone_page(&code).into_any(),
                Route::Response(code) => parts::page(Page::Response(code)),
                Route::Live(secret) => super::live_join(secret),
                Route::NotFound(path) => view! { <NotFoundPage path=path /> }.into_any(),
            }}
        </main>
        <When when=chrome>
        <footer class="app-footer">
            <p>{move || if sharing.get() {
                "This workshop is shared in a live room: each change is encrypted in this browser and sent to the room's relay, which cannot read it."
            } else {
                "Everything you enter stays in this browser. Nothing is sent anywhere."
            }}</p>
            <p><button type="button" class="link-button" aria-keyshortcuts="?"
                on:click=move |_| open_shortcuts()>"Keyboard shortcuts (?)"</button></p>
        </footer>
        <Shortcuts />
        <Tour route=route />
        </When>
    }
}

const SHORTCUTS_ID: &str = "shortcuts";

fn open_shortcuts() {
    use wasm_bindgen::JsCast;
    if let Some(d) = document()
        .get_element_by_id(SHORTCUTS_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlDialogElement>().ok())
        && !d.open()
    {
        let _ = d.show_modal();
    }
}

/// The keyboard shortcuts sheet: "?" (outside a text field) opens it, Esc or the button closes.
#[component]
fn Shortcuts() -> impl IntoView {
    use crate::interact::shortcuts::GROUPS;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() != "?" || e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.has_attribute("contenteditable")
        });
        if typing {
            return;
        }
        e.prevent_default();
        match dialog.get_untracked() {
            Some(d) if d.open() => d.close(),
            _ => open_shortcuts(),
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <dialog id=SHORTCUTS_ID class="shortcuts" node_ref=dialog aria-labelledby="shortcuts-h">
            <div class="dialog-head">
                <h2 id="shortcuts-h">"Keyboard shortcuts"</h2>
                <button type="button" on:click=move |_| {
                    if let Some(d) = dialog.get_untracked() { d.close(); }
                }>"Close"</button>
            </div>
            <div class="shortcut-groups">
                {GROUPS.iter().map(|g| view! {
                    <section>
                        <h3>{g.name}</h3>
                        <dl>
                            {g.shortcuts.iter().map(|s| view! {
                                <div><dt><kbd>{s.keys}</kbd></dt><dd>{s.does}</dd></div>
                            }).collect_view()}
                        </dl>
                    </section>
                }).collect_view()}
            </div>

        </dialog>
    }
}

/// A link in the main navigation, marked as the current page when it is.
#[component]
fn NavLink(route: RwSignal<Route>, target: Route, label: &'static str) -> impl IntoView {
    let href = target.href();
    let current = move || (route.get() == target).then_some("page");
    view! {
        <a href=href aria-current=move || current()>
            {label}
        </a>
    }
}

/// The projector switch, learning mode and the colour-scheme picker.
#[component]
fn DisplaySettings(settings: RwSignal<Settings>) -> impl IntoView {
    let projector = move || settings.get().theme == Theme::Projector;
    let toggle_projector = move |_| {
        settings.update(|s| {
            s.theme = match s.theme {
                Theme::Standard => Theme::Projector,
                Theme::Projector => Theme::Standard,
            }
        })
    };
    let pick_scheme = move |e: ev::Event| {
        if let Some(scheme) = Scheme::from_str_opt(&event_target_value(&e)) {
            settings.update(|s| s.scheme = scheme);
        }
    };
    view! {
        <div class="display-settings" role="group" aria-label="Display">
            <button
                type="button"
                class="toggle"
                aria-pressed=move || if projector() { "true" } else { "false" }
                on:click=toggle_projector
                title="Large text and strong contrast for a projector"
                aria-label="Projector mode"
            >
                "Projector"<span class="wide-only">" mode"</span>
            </button>
            <LearnToggle />
            <label class="scheme-picker">
                <span class="wide-only">"Colours"</span>
                <select on:change=pick_scheme aria-label="Colours">
                    {Scheme::ALL
                        .into_iter()
                        .map(|scheme| {
                            view! {
                                <option
                                    value=scheme.as_str()
                                    prop:selected=move || settings.get().scheme == scheme
                                >
                                    {scheme.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
