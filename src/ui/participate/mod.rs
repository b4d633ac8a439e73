//! Taking part from phones, in the browser: the participant's page (`#/join/<code>`, phone
//! first, without the facilitator's library around it), the facilitator's invitation (a large
//! QR code for the projector) and the collection of responses (pasted links or codes, response
//! links opened directly, and the laptop's camera: `scan`, the `QrScanner`).
//!
//! The codes, drafts and merges are the pure `crate::participate`; this folder only shows them.

mod collect;
mod invite;
mod phone;
mod phone_boundary;
mod response_page;
mod scan;
mod send;

pub use collect::Collect;
pub use invite::{BoundaryInviteButton, InviteParticipants};
pub use phone::JoinPage;
pub use response_page::ResponsePage;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The address of this app as phones should open it: the one the facilitator gave (when the
/// app runs on a loopback address), else the page's own address; without its fragment.
fn own_base() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Whether the app is running on this computer's own loopback address.
fn on_loopback() -> bool {
    let host = window().location().hostname().unwrap_or_default();
    crate::participate::is_loopback(&host)
}

/// A short random id for a response, made on the phone.
fn response_id() -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..10)
        .map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char)
        .collect()
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
    let Ok(f) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f) else {
        return;
    };
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", text), ("url", url)] {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    if let Ok(p) = f.call1(&nav, &data)
        && let Ok(p) = wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p)
    {
        // A cancelled share rejects; nothing to do about it.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
}

/// A QR code drawn from its SVG, with a label for screen readers.
#[component]
fn QrImage(svg: String, label: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("qr {class}") role="img" aria-label=label inner_html=svg></div>
    }
}
