//! The summary: tensions strongest first, questions nobody has answered, progress by
//! perspective, affected groups nobody speaks for, every answer (for review and print), and the
//! Markdown / CSV exports.

use leptos::prelude::*;

use super::{Critique, View, stance_label};
use crate::content::csh::{self, Mode};
use crate::model::boundary::{Level, ReflectionPart};
use crate::model::slug;
use crate::ui::browser::{download, download_said, print_page, today};

#[component]
pub(super) fn Summary(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let message = RwSignal::new(None::<String>);
    let export = move |kind: &'static str| {
        let (text, ext, mime) = session.workshop.with(|w| match kind {
            "md" => (
                crate::export::boundary::markdown(w),
                "md",
                "text/markdown;charset=utf-8",
            ),
            // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
            _ => (
                format!("\u{feff}{}", crate::export::boundary::csv(w)),
                "csv",
                "text/csv;charset=utf-8",
            ),
        });
        let name = session.workshop.with(|w| {
            format!(
                "{}-boundary-critique-{}.{ext}",
                slug(&w.title, "workshop"),
                today()
            )
        });
        message.set(Some(download_said(&name, download(&name, &text, mime))));
    };
    let print = move |_| {
        if let Some(problem) = print_page() {
            message.set(Some(problem));
        }
    };

    let tensions = move || {
        session.workshop.with(|w| {
            let b = &w.boundary;
            let items = b.tension_summary();
            if items.is_empty() {
                return view! {
                    <p class="empty">"No tensions marked yet. Mark them under Compare, or while answering one question."</p>
                }
                .into_any();
            }
            let name = |pid: &str| {
                b.perspective(pid)
                    .map(|p| p.name.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "Unnamed perspective".to_string())
            };
            let items = items
                .into_iter()
                .map(|t| {
                    let q = t.question;
                    let c = csh::category(q).expect("tensions are on questions 1 to 12");
                    let who = match t.perspectives.as_slice() {
                        [one] => format!("{}: is against ought", name(one)),
                        [a, b] => format!("{} and {}", name(a), name(b)),
                        _ => String::new(),
                    };
                    let (label, class) = match t.level {
                        Level::Strong => ("Strong", "strong"),
                        _ => ("Some", "some"),
                    };
                    let note = t.note.trim().to_string();
                    view! {
                        <li class=format!("tension-item {class}")>
                            <span class=format!("level-badge {class}")>{label}</span>
                            <button type="button" class="link-like" on:click=move |_| ui.open(View::Compare, q)>
                                {format!("{q}. {}", c.name)}
                            </button>
                            <span class="who">{who}</span>
                            {(!note.is_empty()).then(|| view! { <span class="note">{note}</span> })}
                        </li>
                    }
                })
                .collect_view();
            view! { <ol class="tension-list">{items}</ol> }.into_any()
        })
    };
    let unanswered = move || {
        let open = session.workshop.with(|w| w.boundary.unanswered());
        if open.is_empty() {
            return view! { <p>"Every question has at least one answer."</p> }.into_any();
        }
        view! {
            <ul class="question-list">
                {open.into_iter().map(|q| {
                    let c = csh::category(q).expect("questions are 1 to 12");
                    view! { <li><button type="button" class="link-like" on:click=move |_| ui.open(View::Facilitate, q)>{format!("{q}. {}", c.name)}</button></li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let unrepresented = move || {
        session.workshop.with(|w| {
            let missing: Vec<String> = w
                .boundary
                .unrepresented(&w.roster)
                .into_iter()
                .map(|s| s.name.clone())
                .collect();
            if missing.is_empty() {
                view! { <p>"Every roster entry marked affected has a perspective that speaks for it."</p> }.into_any()
            } else {
                view! {
                    <p class="notice warn">"No perspective speaks for: " {missing.join(", ")}
                        ". The witness question (10) asks who could speak for their interests."</p>
                }
                .into_any()
            }
        })
    };
    let answers = move || {
        ui.ids
            .get()
            .into_iter()
            .map(|pid| {
                let progress = session.workshop.with(|w| w.boundary.progress(&pid));
                let rows = csh::CATEGORIES
                    .iter()
                    .map(|c| {
                        let cell = |mode: Mode| {
                            let a = ui.answer_of(&pid, c.number, mode);
                            if a.trim().is_empty() {
                                view! { <td class="open">"\u{2014}"</td> }.into_any()
                            } else {
                                view! { <td class="answer-text">{a}</td> }.into_any()
                            }
                        };
                        view! {
                            <tr>
                                <th scope="row">{format!("{}. {}", c.number, c.name)}</th>
                                {cell(Mode::Is)}
                                {cell(Mode::Ought)}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="perspective-answers">
                        <h4>{ui.name_of(&pid)} " "
                            <span class="stance-tag">{stance_label(ui.stance_of(&pid))}</span>
                            <span class="count">{format!(" {progress} of 24 answered")}</span>
                        </h4>
                        <table class="answers-table">
                            <thead><tr><th scope="col">"Question"</th><th scope="col">"Is"</th><th scope="col">"Ought"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="summary">
            <Reflect ui=ui />
            <div class="export-actions" role="group" aria-label="Export the boundary critique">
                <button type="button" on:click=move |_| export("md")>"Download Markdown"</button>
                <button type="button" on:click=move |_| export("csv")>"Download CSV"</button>
                <button type="button" on:click=print>"Print"</button>
                <span role="status" class="form-message">{move || message.get()}</span>
            </div>
            <h3>"Tensions, strongest first"</h3>
            {move || tensions()}
            <h3>"Questions nobody has answered yet"</h3>
            {move || unanswered()}
            <h3>"Affected groups nobody speaks for"</h3>
            {move || unrepresented()}
            <h3>"Answers by perspective"</h3>
            {move || answers()}
        </div>
    }
}

/// The closing reflection: who was not in the room (with the roster's affected entries as a
/// reminder), the facilitator's own boundary judgments, and facts, values and boundaries.
#[component]
fn Reflect(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let affected = move || {
        session.workshop.with(|w| {
            w.roster
                .iter()
                .filter(|s| s.involvement == crate::model::Involvement::Affected)
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let field = move |i: usize, part: ReflectionPart| {
        let (label, hint) = csh::REFLECTION[i];
        let id = format!("reflection-{}", i + 1);
        let gesture = format!("reflection:{}", i + 1);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <p class="hint">{hint}</p>
                <textarea id=id rows="2"
                    prop:value=move || session.workshop.with(|w| w.boundary.reflection.get(part).to_string())
                    on:input=move |e| {
                        let v = event_target_value(&e);
                        session.edit(Some(&gesture), |w| w.boundary.reflection.set(part, v));
                    }
                    on:blur=move |_| session.seal()></textarea>
            </div>
        }
    };
    view! {
        <details class="reflection">
            <summary><h3>"Closing reflection"</h3></summary>
            <p class="hint">{move || {
                let names = affected();
                if names.is_empty() {
                    "The roster marks nobody as affected but not involved.".to_string()
                } else {
                    format!("Affected but not involved, on the roster: {names}.")
                }
            }}</p>
            {field(0, ReflectionPart::NotInRoom)}
            {field(1, ReflectionPart::OwnJudgments)}
            <p class="triangle">{csh::TRIANGLE}</p>
            {field(2, ReflectionPart::Facts)}
            {field(3, ReflectionPart::Values)}
            {field(4, ReflectionPart::Boundaries)}
        </details>
    }
}
