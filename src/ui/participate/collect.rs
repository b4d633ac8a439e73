//! "Collect responses": every way a participant's response arrives goes through one function,
//! [`take_response`]: a pasted link or code, a response link opened in this browser
//! (`#/response/<code>` leads here with `?take=<code>`), and the laptop's camera. A response is
//! checked first and refused with a plain message that changes nothing; a good one is one undo
//! step of the open workshop, saved like any edit.

use leptos::prelude::*;

use crate::participate::Refusal;
use crate::participate::response::Response;
use crate::ui::lean::When;
use crate::ui::participate::scan::QrScanner;
use crate::ui::workshop::Session;

/// What taking one response did.
#[derive(Clone, Debug, PartialEq)]
pub enum Taken {
    Added(String),
    /// Already in the workshop (the same response collected twice counts once).
    Already(String),
    Refused(String),
}

/// Takes one response (a link, a fragment or a bare code, as pasted or scanned) into the open
/// workshop. With `to_roster`, a participant who speaks as a new perspective also joins the
/// roster.
///
/// `round`: the round being collected; a scoring response for another round of this
/// workshop is then refused with its name, so it is not counted where nobody looks.
pub fn take_response(session: Session, text: &str, round: Option<&str>, to_roster: bool) -> Taken {
    let response = match Response::decode(text) {
        Ok(r) => r,
        Err(why) => return Taken::Refused(why.to_string()),
    };
    if let (Response::Scoring(r), Some(shown)) = (&response, round)
        && r.round != shown
        && let Some(name) = session
            .workshop
            .with_untracked(|w| {
                (w.id == r.workshop).then(|| w.scoring.round(&r.round).map(|x| x.name.clone()))
            })
            .flatten()
    {
        return Taken::Refused(format!(
            "This response is for the round “{name}”, not the one shown. Choose “{name}” above to add it there. Nothing was added."
        ));
    }
    let checked = session.workshop.with_untracked(|w| match &response {
        Response::Scoring(r) => r.check_against(w),
        Response::Boundary(r) => r.check_against(w),
    });
    if let Err(why) = checked {
        return refused(why);
    }
    let mut outcome: Result<String, Refusal> = Err(Refusal::Damaged);
    session.edit(None, |w| {
        outcome = match &response {
            Response::Scoring(r) => r.merge_into(w).map(|who| {
                let round = w
                    .scoring
                    .round(&r.round)
                    .map(|r| r.name.clone())
                    .unwrap_or_default();
                format!("Added {who}'s scores to {round}. Scores stay hidden until Reveal.")
            }),
            Response::Boundary(r) => r
                .merge_into(w, to_roster)
                .map(|who| format!("Added {who}'s boundary answers.")),
        };
    });
    match outcome {
        Ok(said) => Taken::Added(said),
        Err(why) => refused(why),
    }
}

fn refused(why: Refusal) -> Taken {
    match why {
        Refusal::Duplicate(_) => Taken::Already(why.to_string()),
        _ => Taken::Refused(why.to_string()),
    }
}

/// The response a `#/response/<code>` page handed to this section (`…?take=<code>`), removed
/// from the address so a reload does not offer it again.
pub fn take_from_address() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let (path, query) = hash.split_once('?')?;
    let code = query
        .split('&')
        .find_map(|p| p.strip_prefix("take="))?
        .to_string();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
    (!code.is_empty()).then_some(code)
}

/// How many responses the open view counts, and who sent them (never their scores).
pub(super) fn respondents(session: Session, round: Option<String>) -> Vec<String> {
    session.workshop.with(|w| match &round {
        Some(rid) => {
            let Some(r) = w.scoring.round(rid) else {
                return Vec::new();
            };
            w.scoring
                .scorers
                .iter()
                .filter(|s| s.id.starts_with("resp-") && r.scores.contains_key(&s.id))
                .map(|s| w.scoring.scorer_label(&s.id))
                .collect()
        }
        None => w
            .boundary
            .perspectives
            .iter()
            .flat_map(|p| p.collected.iter().map(|_| p.name.clone()))
            .collect(),
    })
}

/// The collect panel: paste a link or code, or scan it with the camera; the count of responses.
#[component]
pub fn Collect(
    session: Session,
    /// The scoring round whose responses are counted; `None` counts boundary answers.
    #[prop(into)]
    round: Signal<Option<String>>,
) -> impl IntoView {
    let pasted = RwSignal::new(String::new());
    let taken = RwSignal::new(None::<Taken>);
    let to_roster = RwSignal::new(true);
    // Every way a response arrives (pasted, opened as a link, scanned) comes through here.
    let take = Callback::new(move |text: String| {
        let shown = round.get_untracked();
        taken.set(Some(take_response(
            session,
            &text,
            shown.as_deref(),
            to_roster.get_untracked(),
        )));
    });
    // A response link opened in this browser: the person chose to add it, to its own round.
    if let Some(code) = take_from_address() {
        taken.set(Some(take_response(
            session,
            &code,
            None,
            to_roster.get_untracked(),
        )));
    }
    let count = Memo::new(move |_| respondents(session, round.get()).len());
    let boundary = move || round.get().is_none();
    view! {
        <section class="collect" aria-labelledby="collect-h">
            <h3 id="collect-h">"Collect responses"</h3>
            <p class="collect-count" aria-live="polite">{move || match (count.get(), boundary()) {
                (1, false) => "1 response".to_string(),
                (n, false) => format!("{n} responses"),
                (1, true) => "1 participant's answers".to_string(),
                (n, true) => format!("{n} participants' answers"),
            }}</p>
            <QrScanner on_text=take />
            <form class="collect-paste" on:submit=move |e: leptos::ev::SubmitEvent| {
                e.prevent_default();
                take.run(pasted.get_untracked());
                pasted.set(String::new());
            }>
                <label for="collect-text">"Paste a response link or code"</label>
                <textarea id="collect-text" rows="3" spellcheck="false"
                    prop:value=move || pasted.get()
                    on:input=move |e| pasted.set(event_target_value(&e))></textarea>
                <When when=move || boundary()>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || to_roster.get()
                            on:change=move |e| to_roster.set(event_target_checked(&e)) />
                        "Add new perspectives to the roster"
                    </label>
                </When>
                <button type="submit" class="primary">"Add response"</button>
            </form>
            {move || taken.get().map(|t| match t {
                Taken::Added(said) => view! { <p class="collect-ok" role="status">{said}</p> }.into_any(),
                Taken::Refused(why) | Taken::Already(why) => view! { <p class="collect-refused" role="alert">{why}</p> }.into_any(),
            })}
        </section>
    }
}
