//! "Send my answers": the response as a large QR code for the facilitator's camera, the same
//! response as a link, and the phone's share sheet where it has one.

use leptos::prelude::*;

use super::{QrImage, can_share, own_base, share};
use crate::participate::qr;

/// The response, ready to hand over.
#[component]
pub(super) fn SendView(
    /// The response code.
    code: String,
    /// What it is, for the share sheet ("My scores for Round 1").
    title: String,
    /// Back to the answers.
    on_edit: Callback<()>,
) -> impl IntoView {
    let link = qr::response_address(&own_base(), &code);
    // The QR carries the bare code: the shortest text, so the least dense code.
    let image = qr::qr(&code);
    let share_link = link.clone();
    let share_title = title.clone();
    view! {
        <section class="phone-send" aria-labelledby="send-h">
            <h2 id="send-h" tabindex="-1">"Show this to the facilitator"</h2>
            {match image {
                Some(q) => view! {
                    <QrImage svg=q.svg label="QR code of your answers".to_string() class="qr-phone" />
                    {(q.version > 25).then(|| view! {
                        <p class="hint">"Your comments make this code dense. If the camera cannot read it, send the link below instead."</p>
                    })}
                }.into_any(),
                None => view! {
                    <p class="notice warn">"Your answers are too long for a QR code. Send the link below instead."</p>
                }.into_any(),
            }}
            <p>"Or send this link to the facilitator by any messenger or e-mail:"</p>
            <label for="response-link" class="visually-hidden">"Link to your answers"</label>
            <textarea id="response-link" class="response-link" readonly rows="4"
                data-code=code.clone()
                on:focus=move |e| {
                    use wasm_bindgen::JsCast;
                    if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        t.select();
                    }
                }>{link.clone()}</textarea>
            <div class="phone-actions">
                {can_share().then(|| view! {
                    <button type="button" class="primary big" on:click=move |_| {
                        share(&share_title, "My answers for the workshop: open this link to add them.", &share_link);
                    }>"Share…"</button>
                })}
                <button type="button" class="big" on:click=move |_| on_edit.run(())>"Change my answers"</button>
            </div>
            <p class="hint">"Your answers stay on this phone until you clear them. Nothing is sent anywhere unless you show or send it."</p>
        </section>
    }
}
