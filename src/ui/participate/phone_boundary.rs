//! Answering boundary questions on a phone: the chosen questions in *is* and / or *ought*
//! mode, for the facilitator's perspective or as a new one the participant names, optionally
//! saying whether they are involved in the scheme or affected by it.

use leptos::prelude::*;

use super::response_id;
use super::send::SendView;
use crate::content::csh::{self, Mode};
use crate::participate::draft::{self, BoundaryDraft};
use crate::participate::invite::BoundaryInvite;
use crate::persist::browser as store;

#[component]
pub(super) fn BoundaryPhone(invite: BoundaryInvite) -> impl IntoView {
    let key = draft::boundary_key(&invite);
    let stored = store::load_draft(&key);
    let d = RwSignal::new(BoundaryDraft::restore(
        stored.as_deref(),
        &invite,
        response_id(),
    ));
    let saved = RwSignal::new(true);
    Effect::new(move |_| {
        let json = d.with(BoundaryDraft::to_json);
        saved.set(store::save_draft(&key, &json).is_ok());
    });
    let invite = StoredValue::new(invite);
    let heading = invite.with_value(|i| match &i.perspective {
        Some((_, name)) if !name.trim().is_empty() => format!("Speaking for: {}", name.trim()),
        _ => "Speaking as yourself".to_string(),
    });
    let new_perspective = invite.with_value(|i| i.perspective.is_none());
    let ask_stance = invite.with_value(|i| i.ask_stance);
    let slots = d.with_untracked(|d| d.answers.len());
    let sent = Memo::new(move |_| d.with(|d| d.sent));
    let questions = move || {
        (0..slots)
            .map(|i| {
                let (q, is) = d.with_untracked(|d| (d.answers[i].0, d.answers[i].1));
                let mode = if is { Mode::Is } else { Mode::Ought };
                let text = csh::category(q).map_or("", |c| c.question(mode));
                let id = format!("answer-{i}");
                view! {
                    <section class="phone-element">
                        <h2><label for=id.clone()>{format!("{q}. {text}")}</label></h2>
                        <p class="phone-kicker">{if is { "As it is now" } else { "As it ought to be" }}</p>
                        <textarea id=id rows="4" maxlength="1000"
                            prop:value=move || d.with(|d| d.answers.get(i).map(|a| a.2.clone()).unwrap_or_default())
                            on:input=move |e| {
                                let t = event_target_value(&e);
                                d.update(|d| if let Some(a) = d.answers.get_mut(i) { a.2 = t; });
                            }></textarea>
                    </section>
                }
            })
            .collect_view()
    };
    let form = move || {
        view! {
            {new_perspective.then(|| view! {
                <label for="phone-perspective">"Which perspective do you speak as? (e.g. as a carer)"</label>
                <input id="phone-perspective" type="text" maxlength="80"
                    prop:value=move || d.with(|d| d.perspective.clone())
                    on:input=move |e| d.update(|d| d.perspective = event_target_value(&e)) />
            })}
            {ask_stance.then(|| view! {
                <fieldset class="phone-stance">
                    <legend>"Are you involved in the scheme, or affected by it?"</legend>
                    {[("involved", "Involved"), ("affected", "Affected but not involved"), ("", "I'd rather not say")]
                        .into_iter().map(|(v, label)| view! {
                            <label class="phone-choice">
                                <input type="radio" name="stance" value=v
                                    prop:checked=move || d.with(|d| d.stance == v)
                                    on:change=move |_| d.update(|d| d.stance = v.to_string()) />
                                {label}
                            </label>
                        }).collect_view()}
                </fieldset>
            })}
            {questions}
            <label for="phone-name">"Your name (optional)"</label>
            <input id="phone-name" type="text" autocomplete="name" maxlength="80"
                prop:value=move || d.with(|d| d.name.clone())
                on:input=move |e| d.update(|d| d.name = event_target_value(&e)) />
            <p class="hint">"Leave it empty to stay anonymous: your answers will say “Participant” with a number."</p>
            <button type="button" class="primary big" on:click=move |_| d.update(|d| d.sent = true)>
                "Send my answers"
            </button>
        }
    };
    let send = move || {
        let code = invite.with_value(|i| d.with_untracked(|d| d.response(i)).encode());
        view! {
            <SendView code=code title="My boundary answers".to_string()
                on_edit=Callback::new(move |_| d.update(|d| d.sent = false)) />
        }
    };
    view! {
        <header class="phone-head">
            <p class="phone-kicker">"Boundary questions"</p>
            <h1>{heading}</h1>
        </header>
        <Show when=move || !sent.get() fallback=send>{form}</Show>
        <p class="phone-saved" role="status">{move || if saved.get() {
            "Your answers are kept on this phone until you send them."
        } else {
            "This phone would not keep your answers (private browsing?): send them before you leave this page."
        }}</p>
    }
}
