//! The first-run tour: a small non-modal dialog on the home page that walks through its parts
//! (the stops are `content::learn::TOUR`), marking the part each stop is about. It starts on
//! the home page of a browser that has never seen it; finishing, skipping or Esc remembers that
//! it was seen, and the About page can start it again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Learn, TryOwnCase};
use crate::content::learn::TOUR;
use crate::persist::browser::mark_tour_seen;
use crate::route::Route;
use crate::ui::lean::{When, effect};

/// The attribute that marks the part of the page a stop is about (styled in `/* learn */`).
const SPOT: &str = "data-tour-spot";

fn clear_spot() {
    if let Ok(Some(el)) = document().query_selector(&format!("[{SPOT}]")) {
        let _ = el.remove_attribute(SPOT);
    }
}

/// Marks the stop's target, scrolls it into view if it is not, and says whether it ended up in
/// the lower half of the window (the tour then sits at the top, out of its way).
fn spot(selector: &str) -> bool {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return false;
    };
    let _ = el.set_attribute(SPOT, "");
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(720.0);
    let r = el.get_bounding_client_rect();
    if r.top() < 0.0 || r.bottom() > height {
        el.scroll_into_view_with_bool(r.top() < 0.0);
    }
    let r = el.get_bounding_client_rect();
    (r.top() + r.bottom()) / 2.0 > height / 2.0
}

fn focus(el: Option<web_sys::HtmlElement>) {
    if let Some(el) = el {
        let _ = el.focus();
    }
}

fn focus_main() {
    focus(
        document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
}

#[component]
pub fn Tour(route: RwSignal<Route>) -> impl IntoView {
    let learn = Learn::get();
    let step = learn.tour_step;
    let visible = Memo::new(move |_| learn.tour_open.get() && route.get() == Route::Home);
    let at_top = RwSignal::new(false);
    let heading = NodeRef::<leptos::html::H2>::new();
    let next_button = NodeRef::<leptos::html::Button>::new();
    let last = TOUR.len() - 1;

    // The part of the page the stop is about, once the page has drawn.
    effect(move || {
        let shown = visible.get();
        let stop = TOUR[step.get().min(last)];
        request_animation_frame(move || {
            clear_spot();
            at_top.set(shown && stop.target.is_some_and(spot));
        });
    });
    // Focus moves into the tour when it appears.
    Effect::new(move |was: Option<bool>| {
        let shown = visible.get();
        if shown && was != Some(true) {
            request_animation_frame(move || focus(heading.get_untracked().map(Into::into)));
        }
        shown
    });

    let close = move || {
        learn.tour_open.set(false);
        step.set(0);
        mark_tour_seen();
        clear_spot();
        focus_main();
    };
    let back = move |_| {
        step.update(|s| *s = s.saturating_sub(1));
        if step.get_untracked() == 0 {
            // "Back" is now disabled: keep focus on a button that still works.
            focus(next_button.get_untracked().map(Into::into));
        }
    };
    let next = move |_| {
        if step.get_untracked() >= last {
            close();
        } else {
            step.update(|s| *s += 1);
        }
    };
    let keys = move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close();
        }
    };

    view! {
        <When when=move || visible.get()>
            <div class="tour" class:tour-top=move || at_top.get() role="dialog" aria-modal="false"
                aria-labelledby="tour-h" aria-describedby="tour-text" on:keydown=keys>
                <div aria-live="polite">
                    <p class="tour-count">{move || format!("Tour, {} of {}", step.get() + 1, TOUR.len())}</p>
                    <h2 id="tour-h" tabindex="-1" node_ref=heading>{move || TOUR[step.get().min(last)].title}</h2>
                    <p id="tour-text">{move || TOUR[step.get().min(last)].text}</p>
                </div>
                <When when=move || step.get() == last>
                    <p class="tour-own"><TryOwnCase /></p>
                </When>
                <div class="tour-actions">
                    <button type="button" on:click=back disabled=move || step.get() == 0>"Back"</button>
                    <button type="button" class="primary" node_ref=next_button on:click=next>
                        {move || if step.get() >= last { "Finish" } else { "Next" }}
                    </button>
                    <button type="button" class="tour-skip" on:click=move |_| close()>"Skip tour"</button>
                </div>
            </div>
        </When>
    }
}

/// "Take the tour again": back to the home page, with the tour at its first stop.
#[component]
pub fn TakeTourAgain() -> impl IntoView {
    let learn = Learn::get();
    view! {
        <button type="button" on:click=move |_| {
            learn.tour_step.set(0);
            learn.tour_open.set(true);
            let _ = window().location().set_hash(&Route::Home.href());
        }>"Take the tour again"</button>
    }
}
