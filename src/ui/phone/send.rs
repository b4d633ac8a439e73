//! "Send my answers": the response as a large QR code for the facilitator's camera, the same
//! response as a link to the facilitator's app, and the phone's share sheet where it has one.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{Listeners, append, el, el_text};
use super::{can_share, own_base, share};
use crate::participate::qr;

/// The response, ready to hand over; `on_edit` goes back to the answers.
pub(super) fn view(
    listeners: &Listeners,
    code: &str,
    title: &str,
    on_edit: impl Fn() + 'static,
) -> Element {
    let link = qr::response_address(&own_base(), code);
    let section = el(
        "section",
        &[("class", "phone-send"), ("aria-labelledby", "send-h")],
    );
    section
        .append_child(&el_text(
            "h2",
            &[("id", "send-h"), ("tabindex", "-1")],
            "Show this to the facilitator",
        ))
        .ok();
    // Opened from a live room's invitation: sent through the room as well.
    let live = super::live::status(code);
    if let Some(line) = &live {
        section.append_child(line).ok();
    }
    // The QR carries the bare code: the shortest text, so the least dense code.
    match qr::qr(code) {
        Some(q) => {
            let image = el(
                "div",
                &[
                    ("class", "qr qr-phone"),
                    ("role", "img"),
                    ("aria-label", "QR code of your answers"),
                ],
            );
            // Our own SVG, drawn from the module grid: no participant text in it.
            image.set_inner_html(&q.svg);
            section.append_child(&image).ok();
            if q.version > 25 {
                section.append_child(&el_text("p", &[("class", "hint")],
                    "Your comments make this code dense. If the camera cannot read it, send the link below instead.")).ok();
            }
        }
        None => {
            section
                .append_child(&el_text(
                    "p",
                    &[("class", "notice warn")],
                    "Your answers are too long for a QR code. Send the link below instead.",
                ))
                .ok();
        }
    }
    section
        .append_child(&el_text(
            "p",
            &[],
            "Or send this link to the facilitator by any messenger or e-mail:",
        ))
        .ok();
    section
        .append_child(&el_text(
            "label",
            &[("for", "response-link"), ("class", "visually-hidden")],
            "Link to your answers",
        ))
        .ok();
    let text = el_text(
        "textarea",
        &[
            ("id", "response-link"),
            ("class", "response-link"),
            ("readonly", ""),
            ("rows", "4"),
            ("data-code", code),
        ],
        &link,
    );
    listeners.on(&text, "focus", |e| {
        if let Some(t) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            t.select();
        }
    });
    section.append_child(&text).ok();
    let actions = el("div", &[("class", "phone-actions")]);
    if can_share() {
        let b = el_text(
            "button",
            &[("type", "button"), ("class", "primary big")],
            "Share…",
        );
        let (title, link) = (title.to_string(), link.clone());
        listeners.on(&b, "click", move |_| {
            share(
                &title,
                "My answers for the workshop: open this link to add them.",
                &link,
            );
        });
        actions.append_child(&b).ok();
    }
    let edit = el_text(
        "button",
        &[("type", "button"), ("class", "big"), ("id", "edit")],
        "Change my answers",
    );
    listeners.on(&edit, "click", move |_| on_edit());
    append(&section, &[&actions]);
    actions.append_child(&edit).ok();
    let kept = if super::live::sends() {
        "Your answers are kept in this phone's browser and sent, encrypted, only to the facilitator's live room."
    } else {
        "Your answers stay in this phone's browser. Nothing is sent anywhere unless you show or send it."
    };
    section
        .append_child(&el_text("p", &[("class", "hint")], kept))
        .ok();
    section
}
