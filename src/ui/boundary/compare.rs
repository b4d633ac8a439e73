//! Compare: every perspective's is and ought answers to one question side by side, with the
//! tensions the facilitator marks, within a perspective (its is against its ought) or between
//! two perspectives.

use leptos::ev;
use leptos::prelude::*;

use super::{AffectedAside, Critique, stance_label};
use crate::content::csh::{self, Mode};
use crate::model::boundary::{Level, QUESTIONS};
use crate::ui::lean::When;

fn level_label(level: Level) -> &'static str {
    match level {
        Level::None => "None",
        Level::Some => "Some",
        Level::Strong => "Strong",
    }
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::None => "none",
        Level::Some => "some",
        Level::Strong => "strong",
    }
}

#[component]
pub(super) fn Compare(ui: Critique) -> impl IntoView {
    let category = move || csh::category(ui.question.get()).expect("questions are 1 to 12");
    let jump = move |e: ev::Event| {
        if let Ok(q) = event_target_value(&e).parse::<u8>() {
            ui.question.set(q.clamp(1, QUESTIONS));
        }
    };
    // Rebuilt when the question or the list of perspectives changes, not on each keystroke.
    let body = move || {
        let q = ui.question.get();
        let ids = ui.ids.get();
        let rows = ids
            .iter()
            .map(|pid| view! { <CompareRow ui=ui question=q pid=pid.clone() /> })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="compare-table">
                    <caption class="visually-hidden">{format!("Every perspective's answers to question {q}")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Perspective"</th>
                            <th scope="col"><span class="mode-tag">"Is"</span> " " {csh::category(q).map(|c| c.is_question)}</th>
                            <th scope="col"><span class="mode-tag ought">"Ought"</span> " " {csh::category(q).map(|c| c.ought_question)}</th>
                            <th scope="col">"Gap between is and ought"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <PairTensions ui=ui question=q />
            <AffectedAside ui=ui question=q />
        }
        .into_any()
    };
    view! {
        <div class="compare">
            <div class="question-head">
                {ui.question_meta()}
                <div class="field inline">
                    <label for="compare-question">"Question"</label>
                    <select id="compare-question" on:change=jump>
                        {csh::CATEGORIES.iter().map(|c| {
                            let n = c.number;
                            view! { <option value=n.to_string() selected=move || ui.question.get() == n>{format!("{n}. {}", c.name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <h3 class="question-name">{move || category().name}</h3>
            {move || body()}
            {ui.question_nav()}
        </div>
    }
}

/// One perspective's row in the comparison.
#[component]
fn CompareRow(ui: Critique, question: u8, pid: String) -> impl IntoView {
    let text = {
        let pid = pid.clone();
        move |mode: Mode| {
            let a = ui.answer_of(&pid, question, mode);
            if a.trim().is_empty() {
                view! { <span class="open">"\u{2014} not answered"</span> }.into_any()
            } else {
                view! { <span class="answer-text">{a}</span> }.into_any()
            }
        }
    };
    let text2 = text.clone();
    let name = {
        let pid = pid.clone();
        move || ui.name_of(&pid)
    };
    let stance = {
        let pid = pid.clone();
        move || stance_label(ui.stance_of(&pid))
    };
    let legend = format!("Gap between is and ought for {}", ui.name_of(&pid));
    view! {
        <tr>
            <th scope="row">{move || name()} <span class="stance-tag">{move || stance()}</span></th>
            <td>{move || text(Mode::Is)}</td>
            <td>{move || text2(Mode::Ought)}</td>
            <td><TensionControl ui=ui question=question perspectives=vec![pid] legend=legend /></td>
        </tr>
    }
}

/// The tensions between two perspectives on one question, and a form to mark one.
#[component]
fn PairTensions(ui: Critique, question: u8) -> impl IntoView {
    let session = ui.session;
    // A memo: typing a note does not rebuild the list (and lose focus).
    let pairs = Memo::new(move |_| {
        session.workshop.with(|w| {
            w.boundary
                .tensions
                .iter()
                .filter(|t| t.question == question && t.perspectives.len() == 2)
                .map(|t| t.perspectives.clone())
                .collect::<Vec<_>>()
        })
    });
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let message = RwSignal::new(None::<&'static str>);
    let mark = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let ids = ui.ids.get_untracked();
        let pick = |s: RwSignal<String>, fallback: usize| {
            let v = s.get_untracked();
            if ids.contains(&v) {
                v
            } else {
                ids.get(fallback).cloned().unwrap_or_default()
            }
        };
        let (a, b) = (pick(first, 0), pick(second, 1));
        if a == b {
            message.set(Some("Choose two different perspectives."));
            return;
        }
        message.set(None);
        let exists = pairs
            .get_untracked()
            .iter()
            .any(|p| p.contains(&a) && p.contains(&b));
        if !exists {
            session.edit(None, |w| {
                w.boundary
                    .set_tension(question, &[a.as_str(), b.as_str()], Level::Some, "")
            });
        }
    };
    let options = move |selected: RwSignal<String>, fallback: usize| {
        ui.ids
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, pid)| {
                let name = ui.name_of(&pid);
                let chosen = {
                    let pid = pid.clone();
                    move || {
                        let s = selected.get();
                        s == pid || (s.is_empty() && i == fallback)
                    }
                };
                view! { <option value=pid selected=move || chosen()>{name}</option> }
            })
            .collect_view()
            .into_any()
    };
    let only_one = || view! { <p class="hint">"Add a second perspective to mark tensions between perspectives."</p> };
    view! {
        <section class="pair-tensions" aria-labelledby="pair-heading">
            <h4 id="pair-heading">"Tensions between perspectives on this question"</h4>
            <When when=move || { ui.ids.get().len() > 1 } fallback=only_one>
                <For
                    each=move || pairs.get()
                    key=|p| p.join("|")
                    children=move |pair| {
                        let legend = format!("{} and {}", ui.name_of(&pair[0]), ui.name_of(&pair[1]));
                        view! { <TensionControl ui=ui question=question perspectives=pair legend=legend pair=true /> }
                    }
                />
                <form class="mark-pair" on:submit=mark>
                    <label for="pair-first">"Between"</label>
                    <select id="pair-first" on:change=move |e| first.set(event_target_value(&e))>{move || options(first, 0)}</select>
                    <label for="pair-second">"and"</label>
                    <select id="pair-second" on:change=move |e| second.set(event_target_value(&e))>{move || options(second, 1)}</select>
                    <button type="submit">"Mark a tension"</button>
                    <span role="status" class="form-message">{move || message.get()}</span>
                </form>
            </When>
        </section>
    }
}

/// Marks the tension on one question for one perspective (its is against its ought) or between
/// two: a level and a note. A pair's tension offers some / strong and a remove button; a single
/// perspective's offers none / some / strong.
#[component]
pub(super) fn TensionControl(
    ui: Critique,
    question: u8,
    perspectives: Vec<String>,
    legend: String,
    #[prop(optional)] pair: bool,
) -> impl IntoView {
    let session = ui.session;
    let mut key = perspectives;
    crate::order::sort(&mut key);
    key.dedup();
    let key = StoredValue::new(key);
    let current = move || {
        session.workshop.with(|w| {
            key.with_value(|key| {
                w.boundary
                    .tensions
                    .iter()
                    .find(|t| t.question == question && t.perspectives == *key)
                    .map(|t| (t.level, t.note.clone()))
                    .unwrap_or_default()
            })
        })
    };
    let current_untracked = move || untrack(current);
    let gesture = key.with_value(|k| format!("tension:{question}:{}", k.join("|")));
    let set = move |gesture: Option<&str>, level: Level, note: &str| {
        session.edit(gesture, |w| {
            key.with_value(|k| {
                let refs: Vec<&str> = k.iter().map(String::as_str).collect();
                w.boundary.set_tension(question, &refs, level, note);
            })
        });
    };
    let name = key.with_value(|k| format!("tension-{question}-{}", k.join("-")));
    let levels: &[Level] = if pair {
        &[Level::Some, Level::Strong]
    } else {
        &[Level::None, Level::Some, Level::Strong]
    };
    let radios = levels
        .iter()
        .map(|&level| {
            let name = name.clone();
            view! {
                <label class=format!("level {}", level_class(level))>
                    <input type="radio" name=name value=level_class(level)
                        prop:checked=move || current().0 == level
                        on:change=move |_| {
                            let (_, note) = current_untracked();
                            set(None, level, &note);
                        } />
                    {level_label(level)}
                </label>
            }
        })
        .collect_view();
    let note_label = format!("Note: {legend}");
    view! {
        <fieldset class="tension-control" class:pair=pair>
            <legend>{legend}</legend>
            <div class="levels">{radios}</div>
            <input type="text" class="tension-note" aria-label=note_label placeholder="Note: what pulls apart?"
                prop:value=move || current().1
                on:input=move |e| {
                    let (level, _) = current_untracked();
                    let level = if pair && level == Level::None { Level::Some } else { level };
                    set(Some(&gesture), level, &event_target_value(&e));
                }
                on:blur=move |_| session.seal() />
            {pair.then(|| view! {
                <button type="button" class="small" on:click=move |_| set(None, Level::None, "")>"Remove"</button>
            })}
        </fieldset>
    }
}
