//! The challenge view, CSH's polemical use: what the perspectives of those involved say *is*
//! the case, beside what the perspectives of those affected say *ought* to be, question by
//! question.

use leptos::prelude::*;

use super::{Critique, View, stance_label};
use crate::content::csh::{self, Mode};
use crate::model::boundary::Stance;
use crate::ui::browser::fresh_id;
use crate::ui::lean::for_each_id;

#[component]
pub(super) fn Challenge(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let by_stance = move |stance: Stance| {
        session.workshop.with(|w| {
            w.boundary
                .perspectives
                .iter()
                .filter(|p| w.boundary.stance(&p.id, &w.roster) == stance)
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let column = move |pids: &[String], question: u8, mode: Mode| {
        if pids.is_empty() {
            return view! { <p class="open">"\u{2014} no perspective"</p> }.into_any();
        }
        pids.iter()
            .map(|pid| {
                let a = ui.answer_of(pid, question, mode);
                let empty = a.trim().is_empty();
                view! {
                    <p class="voice">
                        <strong>{ui.name_of(pid)} ": "</strong>
                        {if empty {
                            view! { <span class="open">"not answered"</span> }.into_any()
                        } else {
                            view! { <span class="answer-text">{a}</span> }.into_any()
                        }}
                    </p>
                }
            })
            .collect_view()
            .into_any()
    };
    // Perspectives named as a roster entry but not linked: offered as one undoable step.
    let offer = move || {
        session.workshop.with(|w| {
            let links = crate::model::boundary::same_name_links(&w.boundary, &w.roster);
            if links.is_empty() {
                return None;
            }
            let n = links.len();
            let pairs = links
                .iter()
                .map(|(pid, sid)| {
                    let who = w
                        .roster
                        .iter()
                        .find(|s| &s.id == sid)
                        .map(|s| format!("{} ({})", s.name, s.involvement.as_str()))
                        .unwrap_or_default();
                    format!("{} \u{2192} {who}", ui.name_of(pid))
                })
                .collect::<Vec<_>>()
                .join("; ");
            let label = if n == 1 {
                "Link 1 perspective to the roster person with the same name".to_string()
            } else {
                format!("Link {n} perspectives to roster people with the same name")
            };
            Some(
                view! {
                    <div class="notice same-name">
                        <p>{pairs}</p>
                        <button type="button" class="primary" on:click=move |_| {
                            session.edit(None, |w| {
                                let roster = w.roster.clone();
                                w.boundary.link_same_names(&roster);
                            });
                        }>{label}</button>
                        <span class="hint">" Undo takes it back."</span>
                    </div>
                }
                .into_any(),
            )
        })
    };
    view! {
        <div class="challenge">
            {move || offer()}
            <p class="hint">
                "Those involved in the scheme describe what is; those affected by it but taking no part in it describe what ought to be. Read across each row: where the two columns disagree, the scheme's boundaries are open to challenge. A perspective's stance comes from the roster entries it speaks for."
            </p>
            {move || {
                let involved = by_stance(Stance::Involved);
                let affected = by_stance(Stance::Affected);
                let unclear = by_stance(Stance::Unclear);
                let names = |ids: &[String]| ids.iter().map(|p| ui.name_of(p)).collect::<Vec<_>>().join(", ");
                let missing = (involved.is_empty() || affected.is_empty()).then(|| view! {
                    <p class="notice warn">
                        {match (involved.is_empty(), affected.is_empty()) {
                            (true, true) => "No perspective is linked to the roster yet.",
                            (true, false) => "No perspective speaks for those involved yet.",
                            _ => "No perspective speaks for those affected yet.",
                        }}
                        " Open a perspective's \u{201c}Name and who this perspective speaks for\u{201d} (under One question or Table) and tick the roster entries it speaks for."
                    </p>
                });
                let unclear_note = (!unclear.is_empty()).then(|| view! {
                    <p class="hint">{format!("Not shown here ({}): ", stance_label(Stance::Unclear))}{names(&unclear)}</p>
                });
                let rows = csh::CATEGORIES.iter().map(|c| {
                    let n = c.number;
                    view! {
                        <tr>
                            <th scope="row">
                                <button type="button" class="link-like" on:click=move |_| ui.open(View::Compare, n)>
                                    {format!("{n}. {}", c.name)}
                                </button>
                                <span class="row-note">{format!("{} \u{00b7} {}", c.source.label(), c.kind.label())}</span>
                            </th>
                            <td>{column(&involved, n, Mode::Is)}</td>
                            <td>{column(&affected, n, Mode::Ought)}</td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    {missing}
                    {unclear_note}
                    <div class="table-wrap">
                        <table class="challenge-table">
                            <caption class="visually-hidden">"What those involved say is, beside what those affected say ought to be"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Question"</th>
                                    <th scope="col"><span class="mode-tag">"Is"</span>" according to those involved"</th>
                                    <th scope="col"><span class="mode-tag ought">"Ought"</span>" according to those affected"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
            <Challenges ui=ui />
        </div>
    }
}

/// The challenge activity: the three uses explained, prompts for those affected, a record of
/// each challenge (on a question) and the reply of those involved.
#[component]
fn Challenges(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let question = RwSignal::new(1u8);
    let draft = RwSignal::new(String::new());
    let record = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let text = draft.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let q = question.get_untracked();
        let id = fresh_id("c");
        session.edit(None, move |w| {
            w.boundary.add_challenge(id, q, &text);
        });
        draft.set(String::new());
    };
    let ids = move || {
        session.workshop.with(|w| {
            w.boundary
                .challenges
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="challenges" aria-labelledby="challenges-heading">
            <h3 id="challenges-heading">"Challenge a claim"</h3>
            <details class="uses">
                <summary>"Three uses of boundary critique"</summary>
                <dl>
                    {csh::USES.iter().map(|(name, what)| view! { <dt>{*name}</dt><dd>{*what}</dd> }).collect_view()}
                </dl>
            </details>
            <ul class="prompts">
                {csh::POLEMICAL_PROMPTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <form class="add-challenge" on:submit=record>
                <label for="challenge-question">"Question"</label>
                <select id="challenge-question" on:change=move |e| question.set(event_target_value(&e).parse().unwrap_or(1))>
                    {csh::CATEGORIES.iter().map(|c| {
                        let n = c.number;
                        view! { <option value=n.to_string() selected=move || question.get() == n>{format!("{n}. {}", c.name)}</option> }
                    }).collect_view()}
                </select>
                <label for="challenge-text">"The challenge"</label>
                <textarea id="challenge-text" rows="2" prop:value=move || draft.get()
                    on:input=move |e| draft.set(event_target_value(&e))></textarea>
                <button type="submit">"Record the challenge"</button>
            </form>
            <ol class="challenge-list">
                {for_each_id(ids, move |id| {
                    let (a, b, c, d) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let get = move |f: fn(&crate::model::boundary::Challenge) -> String| {
                        let a = a.clone();
                        move || session.workshop.with(|w| w.boundary.challenges.iter().find(|x| x.id == a).map(f).unwrap_or_default())
                    };
                    let heading = get(|x| csh::category(x.question).map(|c| format!("{}. {}", c.number, c.name)).unwrap_or_default());
                    let text = get(|x| x.challenge.clone());
                    let reply = get(|x| x.reply.clone());
                    let label = "Reply of those involved";
                    let gesture = format!("challenge:{b}:reply");
                    view! {
                        <li class="challenge-item">
                            <p><strong>{move || heading()}</strong>": "<span class="challenge-text">{move || text()}</span></p>
                            <label class="visually-hidden" for=format!("reply-{d}")>{label}</label>
                            <textarea id=format!("reply-{d}") class="challenge-reply" rows="2" placeholder="The reply of those involved"
                                prop:value=move || reply()
                                on:input=move |e| {
                                    let v = event_target_value(&e);
                                    let id = b.clone();
                                    session.edit(Some(&gesture), move |w| {
                                        if let Some(x) = w.boundary.challenges.iter_mut().find(|x| x.id == id) { x.reply = v; }
                                    });
                                }
                                on:blur=move |_| session.seal()></textarea>
                            <button type="button" class="small danger" on:click=move |_| {
                                let id = c.clone();
                                session.edit(None, move |w| w.boundary.challenges.retain(|x| x.id != id));
                            }>"Remove"</button>
                        </li>
                    }
                    .into_any()
                })}
            </ol>
        </section>
    }
}
