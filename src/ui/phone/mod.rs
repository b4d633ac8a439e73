//! The participant's page on a phone (`join.html#/join/<code>`), written against web-sys
//! directly: its own small binary (`src/bin/phone.rs`) mounts it, so a phone on mobile data
//! downloads this page alone and never the facilitator's app. A Leptos build of the same page
//! weighed 173 KB gzip for its wasm alone (ARCHITECTURE.md, "The phone page's own binary").
//!
//! Each page keeps its draft in a `RefCell` and redraws itself from it after a tap (typing in a
//! field only updates the draft, so the field keeps its caret); `dom` has the few helpers.
//! The codes, drafts and checks are the pure `crate::participate`.

mod boundary;
mod dom;
mod kept;
mod live;
mod scoring;
mod send;

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{JsFuture, spawn_local};

use crate::participate::invite::Invite;
use dom::{el, el_text, window};

/// Mounts the phone page into `<main>` from the address's `#/join/<code>`.
pub fn mount() {
    let Some(win) = web_sys::window() else {
        return;
    };
    let hash = win.location().hash().unwrap_or_default();
    if hash.starts_with("#/") && !hash.starts_with("#/join/") {
        // A response link (or any other page of the app) opened at the phone page's address.
        let _ = win.location().replace(&format!("./{hash}"));
        return;
    }
    let doc = dom::document();
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    register_phone_worker();
    // Another invitation opened in the same tab: start again from its address.
    dom::listen_forever(&win, "hashchange", |_| {
        let _ = window().location().reload();
    });
    let Some(main) = doc.get_element_by_id("main") else {
        return;
    };
    let code = hash.strip_prefix("#/join/").map(|c| format!("#/join/{c}"));
    match code.as_deref().map(Invite::decode) {
        Some(Ok(Invite::Scoring(invite))) => {
            // The tab says which round it is, among a phone's other tabs.
            doc.set_title(&format!("{} · Take part", invite.round_name));
            scoring::mount(main, invite);
        }
        Some(Ok(Invite::Boundary(invite))) => boundary::mount(main, invite),
        Some(Err(why)) => problem(
            &main,
            "This invitation cannot be read",
            &why.to_string(),
            "Scan the QR code again, or ask the facilitator for the link.",
        ),
        None => problem(
            &main,
            "Take part in a workshop",
            "",
            "Open this page from the QR code or the link the facilitator shows: it carries the questions you are asked.",
        ),
    }
}

/// A page that explains why there is nothing to answer.
fn problem(main: &web_sys::Element, title: &str, why: &str, what_now: &str) {
    let page = el("div", &[("class", "phone-page")]);
    let section = el("section", &[("class", "phone-problem")]);
    section.append_child(&el_text("h1", &[], title)).ok();
    if !why.is_empty() {
        section
            .append_child(&el_text("p", &[("role", "alert")], why))
            .ok();
    }
    section.append_child(&el_text("p", &[], what_now)).ok();
    page.append_child(&section).ok();
    main.append_child(&page).ok();
}

/// A short random id for a response, made on the phone.
fn response_id() -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..10)
        .map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char)
        .collect()
}

/// This page's address without its fragment.
fn own_base() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Whether the browser offers the Web Share API.
fn can_share() -> bool {
    let nav = window().navigator();
    js_sys::Reflect::get(&nav, &JsValue::from_str("share")).is_ok_and(|f| f.is_function())
}

/// Opens the phone's share sheet with a title, a line of text and a link.
fn share(title: &str, text: &str, url: &str) {
    let nav = window().navigator();
    let Ok(f) = js_sys::Reflect::get(&nav, &JsValue::from_str("share")) else {
        return;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return;
    };
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    if let Ok(p) = f.call1(&nav, &data)
        && let Ok(p) = p.dyn_into::<js_sys::Promise>()
    {
        // A cancelled share rejects; nothing to do about it.
        spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

/// The line at the foot of each page: whether the draft is kept on this phone.
fn saved_note(saved: bool) -> &'static str {
    if saved {
        "Your answers are kept on this phone until you send them."
    } else {
        "This phone would not keep your answers (private browsing?): send them before you leave this page."
    }
}

/// Keeps the phone page for offline use: the service worker in its phone mode (`sw.js?phone`),
/// which keeps this page's own files only. Where the facilitator's app already installed its
/// worker (which keeps every file, this page's too), that one stays.
fn register_phone_worker() {
    let navigator = window().navigator();
    let has = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if !has {
        return;
    }
    let container = navigator.service_worker();
    spawn_local(async move {
        let existing = JsFuture::from(container.get_registration()).await;
        let active = existing.is_ok_and(|r| {
            !r.is_undefined()
                && js_sys::Reflect::get(&r, &"active".into())
                    .is_ok_and(|a| !a.is_null() && !a.is_undefined())
        });
        if !active {
            // Awaited so that a refusal (no HTTPS) is handled here, not an unhandled rejection.
            let _ = JsFuture::from(container.register("./sw.js?phone")).await;
        }
    });
}
