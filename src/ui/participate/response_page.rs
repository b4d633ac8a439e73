//! A participant's response opened as a link in the facilitator's browser
//! (`#/response/<code>`): which workshop and round it answers, and an offer to add it there
//! (the workshop opens at its collect panel, which takes the response as one undo step).

use leptos::prelude::*;

use crate::participate::response::Response;
use crate::persist::browser as store;
use crate::route::{Route, Section};

#[component]
pub fn ResponsePage(code: String) -> impl IntoView {
    let body = match Response::decode(&code) {
        Err(why) => view! {
            <p role="alert">{why.to_string()}</p>
        }
        .into_any(),
        Ok(response) => match store::load_workshop(response.workshop()) {
            None => view! {
                <p role="alert">"This browser has no workshop this response belongs to. If your workshop is open at another address (for example 127.0.0.1 rather than the venue address), copy this link and paste it under Collect responses there."</p>
            }
            .into_any(),
            Some(Err(why)) => view! {
                <p role="alert">{format!("The workshop this response belongs to cannot be read here: {why}")}</p>
            }
            .into_any(),
            Some(Ok(restored)) => {
                let w = restored.saved.workshop;
                let (what, section, checked) = match &response {
                    Response::Scoring(r) => {
                        let round = w
                            .scoring
                            .round(&r.round)
                            .map(|x| x.name.clone())
                            .unwrap_or_else(|| "a round that is no longer there".into());
                        (
                            format!("Scores for {round}"),
                            Section::Scoring,
                            r.check_against(&w),
                        )
                    }
                    Response::Boundary(r) => (
                        "Answers to boundary questions".to_string(),
                        Section::Boundary,
                        r.check_against(&w),
                    ),
                };
                let href = format!(
                    "{}?take={}",
                    Route::Workshop(w.id.clone(), section).href(),
                    crate::participate::code_in(&code)
                );
                view! {
                    <dl class="response-facts">
                        <div><dt>"Workshop"</dt><dd>{w.display_title().to_string()}</dd></div>
                        <div><dt>"What"</dt><dd>{what}</dd></div>
                        <div><dt>"From"</dt><dd>{match &checked {
                            Ok(who) => who.clone(),
                            Err(_) => "—".to_string(),
                        }}</dd></div>
                    </dl>
                    {match checked {
                        Ok(_) => view! {
                            <p>"Nothing is added until you say so. The scores stay hidden until you reveal the round."</p>
                            <a class="button-like primary" href=href>"Add it to the workshop"</a>
                        }.into_any(),
                        Err(why) => view! { <p role="alert">{why.to_string()}</p> }.into_any(),
                    }}
                }
                .into_any()
            }
        },
    };
    view! {
        <section class="response-page" aria-labelledby="response-h">
            <h1 id="response-h">"A participant's response"</h1>
            {body}
        </section>
    }
}
