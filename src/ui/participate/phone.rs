//! The participant's page (`#/join/<code>`): the round's elements one at a time (or as a list),
//! a large button per level, "don't know", a comment, an optional name, then the response to
//! show or send. The draft is kept in the phone's storage after every change.

use leptos::prelude::*;

use super::phone_boundary::BoundaryPhone;
use super::response_id;
use super::send::SendView;
use crate::participate::draft::{self, ScoringDraft};
use crate::participate::invite::{Invite, ScoringInvite};
use crate::persist::browser as store;

/// The page a join address opens: the invitation read from the code, or why it cannot be.
#[component]
pub fn JoinPage(code: String) -> impl IntoView {
    let page = match Invite::decode(&code) {
        Ok(Invite::Scoring(invite)) => view! { <ScoringPhone invite=invite /> }.into_any(),
        Ok(Invite::Boundary(invite)) => view! { <BoundaryPhone invite=invite /> }.into_any(),
        Err(why) => view! {
            <section class="phone-problem">
                <h1>"This invitation cannot be read"</h1>
                <p role="alert">{why.to_string()}</p>
                <p>"Scan the QR code again, or ask the facilitator for the link."</p>
            </section>
        }
        .into_any(),
    };
    view! { <div class="phone-page">{page}</div> }
}

/// Scoring one round on a phone.
#[component]
fn ScoringPhone(invite: ScoringInvite) -> impl IntoView {
    let key = draft::scoring_key(&invite);
    let stored = store::load_draft(&key);
    let d = RwSignal::new(ScoringDraft::restore(
        stored.as_deref(),
        &invite,
        response_id(),
    ));
    let saved = RwSignal::new(true);
    {
        let key = key.clone();
        Effect::new(move |_| {
            let json = d.with(ScoringDraft::to_json);
            saved.set(store::save_draft(&key, &json).is_ok());
        });
    }
    let invite = StoredValue::new(invite);
    let n = invite.with_value(|i| i.elements.len());
    let title = invite.with_value(|i| i.round_name.clone());

    // Memos, so that typing a comment does not rebuild the page around the field.
    let list = Memo::new(move |_| d.with(|d| d.list));
    let at = Memo::new(move |_| d.with(|d| d.at));
    let answers = move || {
        if list.get() {
            (0..n)
                .map(|i| view! { <ElementCard invite=invite d=d index=i heading_level=2 /> })
                .collect_view()
                .into_any()
        } else {
            let at = at.get();
            if at < n {
                view! {
                    <p class="phone-progress">{format!("{} of {n}", at + 1)}</p>
                    <ElementCard invite=invite d=d index=at heading_level=2 />
                    <div class="phone-nav">
                        <button type="button" class="big" disabled=at == 0
                            on:click=move |_| d.update(|d| d.at = d.at.saturating_sub(1))>"Previous"</button>
                        <button type="button" class="big primary"
                            on:click=move |_| d.update(|d| d.at = (d.at + 1).min(n))>"Next"</button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="phone-nav">
                        <button type="button" class="big" disabled=n == 0
                            on:click=move |_| d.update(|d| d.at = n.saturating_sub(1))>"Previous"</button>
                    </div>
                }
                .into_any()
            }
        }
    };
    let finish = move || {
        let show = list.get() || at.get() >= n;
        show.then(|| {
            view! {
                <section class="phone-finish" aria-labelledby="finish-h">
                    <h2 id="finish-h">"Send my answers"</h2>
                    <p>{move || {
                        let done = d.with(ScoringDraft::answered);
                        if done == n {
                            format!("You answered all {n}.")
                        } else {
                            format!("You answered {done} of {n}. Anything left blank is simply not counted.")
                        }
                    }}</p>
                    <label for="phone-name">"Your name (optional)"</label>
                    <input id="phone-name" type="text" autocomplete="name" maxlength="80"
                        prop:value=move || d.with(|d| d.name.clone())
                        on:input=move |e| d.update(|d| d.name = event_target_value(&e)) />
                    <p class="hint">"Leave it empty to stay anonymous: you will be counted as “Participant” with a number."</p>
                    <button type="button" class="primary big" on:click=move |_| {
                        d.update(|d| d.sent = true);
                        focus_heading("send-h");
                    }>"Send my answers"</button>
                </section>
            }
        })
    };
    let sent = move || {
        d.with(|d| d.sent).then(|| {
            let code = invite.with_value(|i| d.with_untracked(|d| d.response(i)).encode());
            view! {
                <SendView code=code title=format!("My answers: {}", title_for_share(invite))
                    on_edit=Callback::new(move |_| d.update(|d| d.sent = false)) />
            }
        })
    };
    view! {
        <header class="phone-head">
            <p class="phone-kicker">"Scoring"</p>
            <h1>{title}</h1>
            {invite.with_value(|i| i.descriptions_dropped).then(|| view! {
                <p class="hint">"The descriptions were left out to keep the QR code readable; ask the facilitator if an element is unclear."</p>
            })}
        </header>
        <Show when=move || !d.with(|d| d.sent) fallback=sent>
            <div class="phone-view-switch" role="group" aria-label="Show">
                <button type="button" aria-pressed=move || (!list.get()).to_string()
                    on:click=move |_| d.update(|d| d.list = false)>"One at a time"</button>
                <button type="button" aria-pressed=move || list.get().to_string()
                    on:click=move |_| d.update(|d| d.list = true)>"All on one page"</button>
            </div>
            {answers}
            {finish}
        </Show>
        <p class="phone-saved" role="status">{move || if saved.get() {
            "Your answers are kept on this phone until you send them."
        } else {
            "This phone would not keep your answers (private browsing?): send them before you leave this page."
        }}</p>
    }
}

fn title_for_share(invite: StoredValue<ScoringInvite>) -> String {
    invite.with_value(|i| i.round_name.clone())
}

fn focus_heading(id: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(h) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
}

/// One element: its name and description, a button per level, "don't know", a comment.
#[component]
fn ElementCard(
    invite: StoredValue<ScoringInvite>,
    d: RwSignal<ScoringDraft>,
    index: usize,
    heading_level: u8,
) -> impl IntoView {
    let (name, description) = invite.with_value(|i| {
        i.elements
            .get(index)
            .map(|e| (e.name.clone(), e.description.clone()))
            .unwrap_or_default()
    });
    let heading_id = format!("el-{index}");
    let name = if name.trim().is_empty() {
        format!("Element {}", index + 1)
    } else {
        name
    };
    let heading = if heading_level == 2 {
        view! { <h2 id=heading_id.clone()>{name}</h2> }.into_any()
    } else {
        view! { <h3 id=heading_id.clone()>{name}</h3> }.into_any()
    };
    let levels: Vec<(i32, Option<String>)> = invite.with_value(|i| {
        i.levels()
            .map(|v| (v, i.anchor(v).map(str::to_string)))
            .collect()
    });
    let allow_dont_know = invite.with_value(|i| i.allow_dont_know);
    let level_of = move || d.with(|d| d.answers.get(index).and_then(|a| a.level));
    let dont_know = move || d.with(|d| d.answers.get(index).is_some_and(|a| a.dont_know));
    let comment_id = format!("comment-{index}");
    view! {
        <section class="phone-element" aria-labelledby=heading_id.clone()>
            {heading}
            {(!description.trim().is_empty()).then(|| view! { <p class="phone-description">{description}</p> })}
            <div class="level-buttons" role="group" aria-labelledby=heading_id.clone()>
                {levels.into_iter().map(|(v, anchor)| {
                    view! {
                        <button type="button" class="level-button"
                            aria-pressed=move || (level_of() == Some(v)).to_string()
                            on:click=move |_| d.update(|d| if let Some(a) = d.answers.get_mut(index) {
                                // A second tap on the chosen level clears it.
                                a.level = if a.level == Some(v) { None } else { Some(v) };
                                a.dont_know = false;
                            })>
                            <span class="level-number">{v}</span>
                            {anchor.map(|a| view! { " " <span class="level-anchor">{a}</span> })}
                        </button>
                    }
                }).collect_view()}
                {allow_dont_know.then(|| view! {
                    <button type="button" class="level-button dont-know"
                        aria-pressed=move || dont_know().to_string()
                        on:click=move |_| d.update(|d| if let Some(a) = d.answers.get_mut(index) {
                            a.dont_know = !a.dont_know;
                            a.level = None;
                        })>"Don't know"</button>
                })}
            </div>
            <label for=comment_id.clone() class="phone-comment-label">"Comment (optional)"</label>
            <textarea id=comment_id rows="2" maxlength="500"
                prop:value=move || d.with(|d| d.answers.get(index).map(|a| a.comment.clone()).unwrap_or_default())
                on:input=move |e| {
                    let text = event_target_value(&e);
                    d.update(|d| if let Some(a) = d.answers.get_mut(index) { a.comment = text; });
                }></textarea>
        </section>
    }
}
