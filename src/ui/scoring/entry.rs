//! Entering scores: each scorer in turn on the facilitator's laptop (nobody sees anyone else's
//! scores), or a show of hands counted per element.

use leptos::ev;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::ScoringPage;
use crate::ui::lean::When;

#[component]
pub(super) fn InTurn(ui: ScoringPage) -> impl IntoView {
    let scorer = RwSignal::new(None::<String>);
    let thanks = RwSignal::new(None::<String>);
    let total = move || ui.element_ids.get().len();
    let picker = move || {
        let rid = ui.round.get().unwrap_or_default();
        ui.scorer_ids
            .get()
            .into_iter()
            .map(|sid| {
                let label = untrack(|| ui.with(|s| s.scorer_label(&sid)));
                let done = {
                    let (sid, rid) = (sid.clone(), rid.clone());
                    move || ui.with(|s| s.round(&rid).map_or(0, |r| s.answered_by(r, &sid)))
                };
                let pressed = {
                    let sid = sid.clone();
                    move || (scorer.get().as_deref() == Some(sid.as_str())).to_string()
                };
                view! {
                    <button type="button" class="perspective-tab" aria-pressed=move || pressed() on:click=move |_| {
                        thanks.set(None);
                        scorer.set(Some(sid.clone()));
                    }>
                        {label} " " <span class="count">{move || format!("{}/{}", done(), total())}</span>
                    </button>
                }
            })
            .collect_view()
            .into_any()
    };
    let form = move || {
        let sid = scorer.get()?;
        let rid = ui.round.get()?;
        let elements = ui.element_ids.get();
        // Untracked: a score given must not rebuild the form (and lose the keyboard focus).
        let label = untrack(|| ui.with(|s| s.scorer_label(&sid)));
        let finish = {
            let label = label.clone();
            move |_| {
                scorer.set(None);
                thanks.set(Some(format!(
                    "Thank you, {label}: your scores are saved and hidden. Hand over to the next person."
                )));
                ui.session.seal();
            }
        };
        Some(view! {
            <div class="score-form">
                <h3>"Scoring as " {label.clone()}</h3>
                <p class="hint">"Choose a level for each element (or press its number key). Comments are optional. Nobody else's scores are shown here."</p>
                {elements.into_iter().map(|eid| view! { <ElementScore ui=ui round=rid.clone() scorer=sid.clone() element=eid /> }).collect_view()}
                <button type="button" class="primary" on:click=finish>"Done: hide my scores"</button>
            </div>
        }
        .into_any())
    };
    view! {
        <div class="in-turn">
            <When when=move || !ui.scorer_ids.get().is_empty()
                fallback=move || view! { <p class="empty">"Add scorers under Set up first."</p> }>
                <p>"Hand the laptop to each person in turn; each sees only their own scores."</p>
                <div class="perspective-tabs" role="group" aria-label="Who is scoring">{move || picker()}</div>
            </When>
            <p role="status" class="form-message">{move || thanks.get()}</p>
            {move || form()}
        </div>
    }
}

/// One element's level, "don't know" and comment, for one scorer.
#[component]
fn ElementScore(ui: ScoringPage, round: String, scorer: String, element: String) -> impl IntoView {
    let session = ui.session;
    let (name, description, parts) = ui.with(|s| {
        s.framework
            .elements
            .iter()
            .find(|e| e.id == element)
            .map(|e| (e.name.clone(), e.description.clone(), e.parts.clone()))
            .unwrap_or_default()
    });
    let key = StoredValue::new((round, scorer, element));
    let current = move || {
        key.with_value(|(r, sc, el)| {
            ui.with(|s| {
                s.round(r)
                    .and_then(|r| r.scores.get(sc))
                    .and_then(|m| m.get(el))
                    .cloned()
                    .unwrap_or_default()
            })
        })
    };
    let set = move |value: Option<i32>, dont_know: bool| {
        key.with_value(|(r, sc, el)| ui.edit(None, |s| s.set_score(r, sc, el, value, dont_know)));
    };
    let levels: Vec<(i32, String)> = ui.with(|s| {
        s.scale
            .levels()
            .map(|v| (v, s.scale.level_label(v)))
            .collect()
    });
    let allow_dont_know = ui.with(|s| s.scale.allow_dont_know);
    let group = key.with_value(|(r, sc, el)| format!("score-{r}-{sc}-{el}"));
    let keys = {
        let levels: Vec<i32> = levels.iter().map(|l| l.0).collect();
        move |e: ev::KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let k = e.key();
            if let Some(target) = e.target()
                && target
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .is_some_and(|i| i.type_() == "text")
            {
                return; // typing a comment
            }
            let chosen = if let Ok(v) = k.parse::<i32>()
                && levels.contains(&v)
            {
                set(Some(v), false);
                v.to_string()
            } else if allow_dont_know && (k == "d" || k == "D") {
                set(None, true);
                "dont-know".to_string()
            } else {
                return;
            };
            e.prevent_default();
            // Focus moves on to the next element's choices (its chosen level, else its first),
            // so scoring nine elements takes nine keys; on the last, it stays on the choice.
            let here = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let mut next = here.as_ref().and_then(|f| f.next_element_sibling());
            while let Some(n) = next.clone() {
                if n.class_list().contains("score-element") {
                    break;
                }
                next = n.next_element_sibling();
            }
            let target = match next {
                Some(n) => n
                    .query_selector("input[type=radio]:checked")
                    .ok()
                    .flatten()
                    .or_else(|| n.query_selector("input[type=radio]").ok().flatten()),
                None => here.and_then(|f| {
                    f.query_selector(&format!("input[value=\"{chosen}\"]"))
                        .ok()
                        .flatten()
                }),
            };
            if let Some(radio) = target.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = radio.focus();
            }
        }
    };
    let comment_gesture = key.with_value(|(r, sc, el)| format!("scoring:comment:{r}:{sc}:{el}"));
    let radios = levels
        .into_iter()
        .map(|(v, label)| {
            let group = group.clone();
            view! {
                <label class="level">
                    <input type="radio" name=group value=v.to_string()
                        prop:checked=move || current().value == Some(v)
                        on:change=move |_| set(Some(v), false) />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="score-element" on:keydown=keys>
            <legend>{name.clone()}</legend>
            {(!description.is_empty()).then(|| view! { <p class="hint">{description}</p> })}
            {(!parts.is_empty()).then(|| view! { <ul class="parts">{parts.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })}
            <div class="levels">
                {radios}
                {allow_dont_know.then(|| view! {
                    <label class="level dont-know">
                        <input type="radio" name=group.clone() value="dont-know"
                            prop:checked=move || current().dont_know
                            on:change=move |_| set(None, true) />
                        "Don't know"
                    </label>
                })}
            </div>
            <input type="text" class="comment" aria-label=format!("Comment on {name}") placeholder="Comment (optional)"
                prop:value=move || current().comment
                on:input=move |e| {
                    let v = event_target_value(&e);
                    key.with_value(|(r, sc, el)| ui.edit(Some(&comment_gesture), |s| s.set_comment(r, sc, el, v)));
                }
                on:blur=move |_| session.seal() />
        </fieldset>
    }
}

/// A show of hands: for each element, how many people chose each level.
#[component]
pub(super) fn Hands(ui: ScoringPage) -> impl IntoView {
    let session = ui.session;
    let body = move || {
        let rid = ui.round.get()?;
        // Untracked: typing a count must not rebuild the table (and lose the focus).
        let (levels, allow_dont_know) = untrack(|| {
            ui.with(|s| {
                let levels: Vec<(i32, String)> = s
                    .scale
                    .levels()
                    .map(|v| (v, s.scale.level_label(v)))
                    .collect();
                (levels, s.scale.allow_dont_know)
            })
        });
        let mut columns: Vec<(Option<i32>, String)> =
            levels.into_iter().map(|(v, l)| (Some(v), l)).collect();
        if allow_dont_know {
            columns.push((None, "Don't know".into()));
        }
        let head = columns
            .iter()
            .map(|(_, l)| view! { <th scope="col">{l.clone()}</th> })
            .collect_view();
        let rows = ui.element_ids.get().into_iter().map(|eid| {
            let name = untrack(|| ui.with(|s| s.framework.elements.iter().find(|e| e.id == eid).map(|e| e.name.clone()).unwrap_or_default()));
            let cells = columns.iter().map(|(level, label)| {
                let (rid, eid, level) = (rid.clone(), eid.clone(), *level);
                let value = {
                    let (rid, eid) = (rid.clone(), eid.clone());
                    move || ui.with(|s| {
                        let h = s.round(&rid).and_then(|r| r.hands.get(&eid));
                        match (h, level) {
                            (None, _) => 0,
                            (Some(h), None) => h.dont_know,
                            (Some(h), Some(v)) => h.counts.get((v - s.scale.min) as usize).copied().unwrap_or(0),
                        }
                    }).to_string()
                };
                let gesture = format!("scoring:hands:{rid}:{eid}:{level:?}");
                let aria = format!("{name}: how many chose {label}");
                view! {
                    <td><input type="number" min="0" step="1" inputmode="numeric" aria-label=aria
                        prop:value=move || value()
                        on:input=move |e| {
                            let n: u32 = event_target_value(&e).trim().parse().unwrap_or(0);
                            ui.edit(Some(&gesture), |s| s.set_hands(&rid, &eid, level, n));
                        }
                        on:blur=move |_| session.seal() /></td>
                }
            }).collect_view();
            view! { <tr><th scope="row">{name.clone()}</th>{cells}</tr> }
        }).collect_view();
        Some(view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Show of hands">
                <table class="hands-table">
                    <caption class="visually-hidden">"Show of hands: how many chose each level"</caption>
                    <thead><tr><th scope="col">"Element"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any())
    };
    view! {
        <div class="hands">
            <p>"Read out each element and count the hands for each level. The counts join any individual scores in this round's results."</p>
            {move || body()}
        </div>
    }
}
