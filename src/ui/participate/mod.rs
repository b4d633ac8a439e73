//! Taking part from phones, in the facilitator's browser: the invitation (a large QR code for
//! the projector) and the collection of responses (pasted links or codes, response links opened
//! directly, and the laptop's camera: `scan`, the `QrScanner`). The participant's page itself
//! is `ui::phone`, built into its own small binary.
//!
//! The codes, drafts and merges are the pure `crate::participate`; this folder only shows them.

mod collect;
mod invite;
mod response_page;
mod scan;

pub use collect::Collect;
/// The live room's desk takes responses arriving through the room the same way.
#[cfg(feature = "live")]
pub use collect::{Taken, take_response};
pub use invite::{BoundaryInviteButton, InviteParticipants};
pub use response_page::ResponsePage;

use leptos::prelude::*;

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

/// A join address opened in the facilitator's app (`#/join/<code>`, as invitations made before
/// the phone page had its own `join.html`; `index.html` sends them on before the app loads, so
/// this is only reached by a link followed inside the app): the phone page takes it.
pub fn to_phone_page(code: &str) -> impl IntoView + use<> {
    let _ = window()
        .location()
        .replace(&format!("join.html#/join/{code}"));
    view! { <p class="boot">"Opening the page for participants…"</p> }
}

/// A QR code drawn from its SVG, with a label for screen readers.
#[component]
fn QrImage(svg: String, label: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("qr {class}") role="img" aria-label=label inner_html=svg></div>
    }
}
