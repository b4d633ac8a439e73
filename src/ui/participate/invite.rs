//! The facilitator's invitation: a large QR code of the join address for the projector, the
//! address itself, and, when the app runs on a loopback address that phones cannot reach, the
//! address phones should use instead (remembered in this browser).

use leptos::prelude::*;

use super::{Collect, QrImage, on_loopback, own_base};
use crate::content::csh;
use crate::participate::invite::{BoundaryInvite, Modes, ScoringInvite};
use crate::participate::qr::{self, Fitted};
use crate::persist::browser as store;
use crate::ui::browser::fresh_id;
use crate::ui::lean::When;
use crate::ui::workshop::Session;

/// Where phones open the app: the remembered address when this one is loopback, else ours.
/// `None` while the app is on loopback and no address was given.
fn phone_base() -> Option<String> {
    if on_loopback() {
        store::load_phone_address().and_then(|a| crate::participate::phone_base(&a))
    } else {
        Some(own_base())
    }
}

/// Inside a live room the invitation also carries the room's public key (`?live=…`, which only
/// seals responses to the room): phones then send their responses through the room.
fn with_drop(fitted: Fitted, workshop: &str) -> Fitted {
    let suffix = crate::ui::live_drop_suffix(workshop);
    if suffix.is_empty() {
        return fitted;
    }
    let address = format!("{}{suffix}", fitted.address);
    let code = qr::qr(&address);
    Fitted {
        too_dense: fitted.too_dense
            || code
                .as_ref()
                .is_none_or(|q| q.version > qr::MAX_PROJECTED_VERSION),
        qr: code,
        address,
        ..fitted
    }
}

/// Asks, on a loopback address, which address phones should use; once given, says it in
/// one line with a way to change it.
#[component]
fn PhoneAddress(base: RwSignal<Option<String>>) -> impl IntoView {
    let typed = RwSignal::new(store::load_phone_address().unwrap_or_default());
    let problem = RwSignal::new(None::<&'static str>);
    let editing = RwSignal::new(false);
    let asking = move || on_loopback() && (editing.get() || base.get().is_none());
    view! {
        <When when=move || asking() fallback=move || on_loopback().then(|| view! {
            <p class="phone-address-set">"Phones open "
                <strong class="phone-address-now">{move || base.get().unwrap_or_default()}</strong> " "
                <button type="button" class="link-button" on:click=move |_| editing.set(true)>"Change the address for phones"</button>
            </p>
        }.into_any())>
            <form class="phone-address" on:submit=move |e: leptos::ev::SubmitEvent| {
                e.prevent_default();
                match crate::participate::phone_base(&typed.get_untracked()) {
                    Some(b) => {
                        let _ = store::save_phone_address(&b);
                        problem.set(None);
                        editing.set(false);
                        base.set(Some(b));
                    }
                    None => problem.set(Some("That is not an address a phone can open, e.g. 192.168.1.20:8080 or https://example.org/cst/.")),
                }
            }>
                <p>"This app runs at an address only this computer can reach. Which address should phones use? The laptop's address on the venue's network (start the app with " <code>"bash tools/serve.sh --lan"</code> ", which prints it) or a public host with the same build."</p>
                <label for="phone-address">"Address for phones"</label>
                <input id="phone-address" type="text" inputmode="url" placeholder="192.168.1.20:8080"
                    prop:value=move || typed.get() on:input=move |e| typed.set(event_target_value(&e)) />
                <button type="submit">"Use this address"</button>
                <p role="alert" class="form-message">{move || problem.get()}</p>
            </form>
        </When>
    }
}

/// The fitted invitation, large.
#[component]
fn Projected(fitted: Fitted, what: String) -> impl IntoView {
    let host = fitted
        .address
        .split_once("://")
        .map(|(_, rest)| rest.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    let kept = if fitted.address.contains("?live=") {
        ". Your answers come to this screen through the live room, encrypted, when you send them."
    } else {
        ". Your answers stay on your phone until you show them."
    };
    view! {
        <div class="invite-projector" data-address=fitted.address.clone()>
            {fitted.qr.map(|q| view! {
                <QrImage svg=q.svg label=format!("QR code: {what}") class="qr-projected" />
            })}
            <div class="invite-words">
                <p class="invite-big">"Scan with your phone's camera"</p>
                <p>"The app opens at " <strong class="invite-host">{host}</strong> {kept}</p>
                {fitted.descriptions_dropped.then(|| view! {
                    <p class="hint">"The element descriptions were left out so the code stays readable from the back of the room."</p>
                })}
                {fitted.too_dense.then(|| view! {
                    <p class="notice warn">"This code is dense: phones may need to come closer, or send participants the link."</p>
                })}
                <details>
                    <summary>"The invitation as a link"</summary>
                    <label for="invite-link" class="visually-hidden">"Invitation link"</label>
                    <textarea id="invite-link" readonly rows="3">{fitted.address.clone()}</textarea>
                </details>
            </div>
        </div>
    }
}

/// "Invite participants" for a scoring round: the invitation fills the screen for the
/// projector, with the count of responses so far; the collect panel sits below.
#[component]
pub fn InviteParticipants(
    session: Session,
    #[prop(into)] round: Signal<Option<String>>,
) -> impl IntoView {
    let base = RwSignal::new(phone_base());
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let shown = RwSignal::new(false);
    let invite = move || {
        if !shown.get() {
            return None;
        }
        let rid = round.get()?;
        let base = base.get()?;
        let invite = session
            .workshop
            .with(|w| ScoringInvite::for_round(w, &rid))?;
        let name = invite.round_name.clone();
        Some(view! {
            <h2 class="invite-title">{format!("Score “{name}” on your phone")}</h2>
            <Projected fitted=with_drop(qr::fit_invite(&base, &invite), &invite.workshop) what=format!("invitation to score {name}") />
        }
        .into_any())
    };
    let count = Memo::new(move |_| super::collect::respondents(session, round.get()).len());
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        shown.set(false);
    };
    view! {
        <div class="participants">
            <section class="invite" aria-labelledby="invite-h">
                <h3 id="invite-h">"Invite participants"</h3>
                <p class="hint">{move || if crate::ui::live_drop_suffix(&session.id()).is_empty() {
                    "Each person scores privately on their own phone, all at once. Nothing passes through any server: each phone shows its answers as a QR code or a link, and you collect them here."
                } else {
                    "Each person scores privately on their own phone, all at once. In this live room each phone also sends its answers, encrypted, through the room's relay, and they are added here; the QR code and the link still work."
                }}</p>
                <PhoneAddress base=base />
                <button type="button" class="primary"
                    disabled=move || base.get().is_none()
                    on:click=move |_| {
                        shown.set(true);
                        if let Some(d) = dialog.get_untracked() {
                            let _ = d.show_modal();
                        }
                    }>"Invite participants"</button>
            </section>
            <dialog class="invite-dialog" node_ref=dialog aria-label="Invitation"
                on:close=move |_| shown.set(false)>
                {move || invite()}
                <div class="invite-foot">
                    <p class="collect-count" aria-live="polite">{move || match count.get() {
                        1 => "1 response".to_string(),
                        n => format!("{n} responses"),
                    }}</p>
                    <button type="button" on:click=move |_| close()>"Close"</button>
                </div>
            </dialog>
            <Collect session=session round=round />
        </div>
    }
}

/// The boundary section's invitation: which questions, which modes, for which perspective.
#[component]
pub fn BoundaryInviteButton(session: Session) -> impl IntoView {
    let base = RwSignal::new(phone_base());
    // A response link opened in this browser arrives as `…/boundary?take=<code>`.
    let open = RwSignal::new(
        window()
            .location()
            .hash()
            .unwrap_or_default()
            .contains("?take="),
    );
    let questions = RwSignal::new(vec![csh::WITNESS]);
    let is = RwSignal::new(true);
    let ought = RwSignal::new(true);
    let perspective = RwSignal::new(String::new());
    let ask_stance = RwSignal::new(true);
    let invite_id = StoredValue::new(fresh_id("i"));
    let shown = move || {
        let base = base.get()?;
        let qs = questions.get();
        if qs.is_empty() || !(is.get() || ought.get()) {
            return Some(
                view! { <p class="hint">"Choose at least one question and is or ought."</p> }
                    .into_any(),
            );
        }
        let pid = perspective.get();
        let (wid, p) = session.workshop.with(|w| {
            (
                w.id.clone(),
                w.boundary
                    .perspective(&pid)
                    .map(|p| (p.id.clone(), w.boundary.name_of(&p.id))),
            )
        });
        let invite = BoundaryInvite::new(
            &wid,
            &invite_id.get_value(),
            &qs,
            Modes {
                is: is.get(),
                ought: ought.get(),
            },
            p,
            ask_stance.get(),
        );
        let fitted = with_drop(
            qr::fit_address(qr::join_address(&base, &invite.encode())),
            &wid,
        );
        Some(view! { <Projected fitted=fitted what="invitation to answer boundary questions".to_string() /> }.into_any())
    };
    let perspectives = move || {
        session.workshop.with(|w| {
            w.boundary
                .perspectives
                .iter()
                .map(|p| (p.id.clone(), w.boundary.name_of(&p.id)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="boundary-invite" aria-labelledby="boundary-invite-h">
            <h3 id="boundary-invite-h" class="visually-hidden">"Participants' phones"</h3>
            <button type="button" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>"Invite participants to answer from their phones"</button>
            <When when=open>
            <PhoneAddress base=base />
            <fieldset class="question-picks">
                <legend>"Questions"</legend>
                {(1..=crate::model::boundary::QUESTIONS).map(|q| {
                    let text = csh::category(q).map_or("", |c| c.question(csh::Mode::Is));
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || questions.with(|qs| qs.contains(&q))
                                on:change=move |e| {
                                    let on = event_target_checked(&e);
                                    questions.update(|qs| { qs.retain(|x| *x != q); if on { qs.push(q); crate::order::sort(qs); } });
                                } />
                            {format!("{q}. {text}")}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="mode-picks">
                <legend>"Ask for"</legend>
                <label class="check"><input type="checkbox" prop:checked=move || is.get() on:change=move |e| is.set(event_target_checked(&e)) />"Is"</label>
                <label class="check"><input type="checkbox" prop:checked=move || ought.get() on:change=move |e| ought.set(event_target_checked(&e)) />"Ought"</label>
            </fieldset>
            <label for="invite-perspective">"Participants answer"</label>
            <select id="invite-perspective" on:change=move |e| perspective.set(event_target_value(&e))>
                <option value="" selected>"each as a new perspective they name"</option>
                {move || perspectives().into_iter().map(|(id, name)| view! {
                    <option value=id.clone() selected=perspective.get_untracked() == id>{format!("for {name}")}</option>
                }).collect_view().into_any()}
            </select>
            <label class="check"><input type="checkbox" prop:checked=move || ask_stance.get()
                on:change=move |e| ask_stance.set(event_target_checked(&e)) />"Ask whether they are involved or affected"</label>
            {move || shown()}
            <Collect session=session round=Signal::derive(|| None::<String>) />
            </When>
        </section>
    }
}
