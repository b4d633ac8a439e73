//! One "Download…" button that opens the list of a view's downloads, so that the results show
//! their picture first rather than a row of buttons (issue 20). A disclosure: the button says
//! whether the list is open (`aria-expanded`); Enter or Space opens it (as any button), Down
//! opens it at the first item; in the list Down / Up (wrapping), Home / End and Tab move; Esc
//! closes it and returns focus to the button; choosing an item closes it too. Focus leaving the
//! menu, or a click outside, closes it.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One download in the menu: its label and what it does.
pub(crate) struct Item {
    pub label: String,
    pub run: Callback<()>,
}

/// The items' buttons inside `list`, in order.
fn buttons_in(list: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(found) = list.query_selector_all("button") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses the item at `index` (wrapping), once the list is shown.
fn focus_item(list: NodeRef<leptos::html::Ul>, index: isize) {
    request_animation_frame(move || focus_now(list, index));
}

/// Focuses the item at `index` (wrapping) at once: the list is shown already.
fn focus_now(list: NodeRef<leptos::html::Ul>, index: isize) {
    let Some(list) = list.get_untracked() else {
        return;
    };
    let all = buttons_in(&list);
    if all.is_empty() {
        return;
    }
    let n = all.len() as isize;
    let _ = all[index.rem_euclid(n) as usize].focus();
}

#[component]
pub(crate) fn DownloadMenu(
    /// The id of the list, unique on the page.
    id: &'static str,
    /// What the list holds, for the button's accessible description.
    label: &'static str,
    items: Vec<Item>,
    /// Where the outcome of the last download is said.
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let list = NodeRef::<leptos::html::Ul>::new();
    let root = NodeRef::<leptos::html::Div>::new();
    let close = move |refocus: bool| {
        open.set(false);
        if refocus && let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_button_key = move |e: ev::KeyboardEvent| match e.key().as_str() {
        "ArrowDown" => {
            e.prevent_default();
            open.set(true);
            focus_item(list, 0);
        }
        "ArrowUp" => {
            e.prevent_default();
            open.set(true);
            focus_item(list, -1);
        }
        "Escape" if open.get_untracked() => {
            e.prevent_default();
            e.stop_propagation();
            close(true);
        }
        _ => {}
    };
    let on_list_key = move |e: ev::KeyboardEvent| {
        let Some(ul) = list.get_untracked() else {
            return;
        };
        let all = buttons_in(&ul);
        let active = document().active_element();
        let here = all
            .iter()
            .position(|b| active.as_ref() == Some(b.unchecked_ref::<web_sys::Element>()))
            .map_or(-1, |i| i as isize);
        match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                focus_now(list, here + 1);
            }
            "ArrowUp" => {
                e.prevent_default();
                focus_now(list, here - 1);
            }
            "Home" => {
                e.prevent_default();
                focus_now(list, 0);
            }
            "End" => {
                e.prevent_default();
                focus_now(list, -1);
            }
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                close(true);
            }
            _ => {}
        }
    };
    // Focus moving out of the menu (Tab past the last item, a click elsewhere) closes it.
    let on_focus_out = move |e: ev::FocusEvent| {
        let inside = e
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| root.get_untracked().is_some_and(|r| r.contains(Some(&n))));
        if !inside {
            open.set(false);
        }
    };
    let rows = items
        .into_iter()
        .map(|item| {
            let run = item.run;
            view! {
                <li>
                    <button type="button" on:click=move |_| {
                        close(true);
                        run.run(());
                    }>{item.label}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="download-menu" node_ref=root on:focusout=on_focus_out>
            <button type="button" node_ref=button aria-controls=id
                aria-expanded=move || open.get().to_string() title=label
                on:click=move |_| {
                    let now = !open.get_untracked();
                    open.set(now);
                    if now {
                        focus_item(list, 0);
                    }
                }
                on:keydown=on_button_key>
                "Download\u{2026}"
            </button>
            <ul class="download-list" id=id node_ref=list aria-label=label hidden=move || !open.get()
                on:keydown=on_list_key>
                {rows}
            </ul>
            <span role="status" class="form-message">{move || message.get()}</span>
        </div>
    }
}
