//! Boundary critique: perspectives, one question at a time (facilitate), and the classic
//! 4 × 3 table. Answers are edits of the open workshop, so they save and undo like the rest.

use leptos::ev;
use leptos::prelude::*;

use crate::content::csh::{self, Category, Kind, Mode, Source};
use crate::model::boundary::QUESTIONS;
use crate::ui::browser::fresh_id;
use crate::ui::workshop::Session;

/// How the questions are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Facilitate,
    Table,
}

#[derive(Clone, Copy)]
struct Ui {
    session: Session,
    /// The perspective being answered.
    current: RwSignal<Option<String>>,
    /// `current` checked against the perspectives that exist (first one by default). A memo, so
    /// that typing an answer does not rebuild the views that depend on the selection.
    selected: Memo<Option<String>>,
    question: RwSignal<u8>,
    view: RwSignal<View>,
}

impl Ui {
    fn perspective_ids(&self) -> Vec<String> {
        self.session.workshop.with(|w| {
            w.boundary
                .perspectives
                .iter()
                .map(|p| p.id.clone())
                .collect()
        })
    }

    /// The selected perspective.
    fn current_id(&self) -> Option<String> {
        self.selected.get()
    }

    fn step_question(&self, by: i8) {
        self.question
            .update(|q| *q = (*q as i8 - 1 + by).rem_euclid(QUESTIONS as i8) as u8 + 1);
    }

    fn step_perspective(&self, by: i32) {
        let ids = self.perspective_ids();
        if ids.is_empty() {
            return;
        }
        let at = self
            .current_id()
            .and_then(|c| ids.iter().position(|i| *i == c))
            .unwrap_or(0) as i32;
        let next = (at + by).rem_euclid(ids.len() as i32) as usize;
        self.current.set(Some(ids[next].clone()));
    }

    fn answer(&self, question: u8, mode: Mode) -> String {
        let Some(pid) = self.current_id() else {
            return String::new();
        };
        self.session.workshop.with(|w| {
            w.boundary
                .perspective(&pid)
                .and_then(|p| p.answers.get(&question))
                .map(|a| match mode {
                    Mode::Is => a.is.clone(),
                    Mode::Ought => a.ought.clone(),
                })
                .unwrap_or_default()
        })
    }
}

#[component]
pub fn BoundaryView(session: Session) -> impl IntoView {
    let current = RwSignal::new(None::<String>);
    let selected = Memo::new(move |_| {
        session.workshop.with(|w| {
            let ids = &w.boundary.perspectives;
            current
                .get()
                .filter(|c| ids.iter().any(|p| &p.id == c))
                .or_else(|| ids.first().map(|p| p.id.clone()))
        })
    });
    let ui = Ui {
        session,
        current,
        selected,
        question: RwSignal::new(1),
        view: RwSignal::new(View::Facilitate),
    };
    let has_perspective = Memo::new(move |_| selected.get().is_some());
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() {
            return;
        }
        // Presentation clickers send Page Down / Page Up: they step through the questions.
        if !e.alt_key() {
            if ui.view.get_untracked() != View::Facilitate {
                return; // in the table, Page Down scrolls as usual
            }
            let by = match e.key().as_str() {
                "PageDown" => 1,
                "PageUp" => -1,
                _ => return,
            };
            e.prevent_default();
            ui.step_question(by);
            return;
        }
        let handled = match e.key().as_str() {
            "ArrowRight" => {
                ui.step_question(1);
                true
            }
            "ArrowLeft" => {
                ui.step_question(-1);
                true
            }
            "ArrowDown" => {
                ui.step_perspective(1);
                true
            }
            "ArrowUp" => {
                ui.step_perspective(-1);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="boundary" aria-labelledby="boundary-heading">
            <h2 id="boundary-heading">"Boundary critique"</h2>
            <p class="hint">
                "Each perspective answers twelve questions: what is the case, and what ought to be. Where answers pull apart, the plan's boundaries show."
            </p>
            <div class="boundary-bar">
                <Perspectives ui=ui />
                <Show when=move || has_perspective.get()>
                    <div class="view-switch" role="group" aria-label="Show">
                        <button type="button" aria-pressed=move || (ui.view.get() == View::Facilitate).to_string()
                            on:click=move |_| ui.view.set(View::Facilitate)>"One question at a time"</button>
                        <button type="button" aria-pressed=move || (ui.view.get() == View::Table).to_string()
                            on:click=move |_| ui.view.set(View::Table)>"All twelve as a table"</button>
                    </div>
                </Show>
            </div>
            {move || ui.selected.get().map(|pid| view! { <PerspectiveDetails ui=ui pid=pid /> })}
            {move || {
                if !has_perspective.get() {
                    return view! {
                        <p class="empty">"Add a perspective to begin: whose point of view will the group answer from?"</p>
                    }
                    .into_any();
                }
                match ui.view.get() {
                    View::Facilitate => view! { <Facilitate ui=ui /> }.into_any(),
                    View::Table => view! { <Table ui=ui /> }.into_any(),
                }
            }}
        </section>
    }
}

/// The perspectives: pick one, add, rename, link to the roster, remove.
#[component]
fn Perspectives(ui: Ui) -> impl IntoView {
    let session = ui.session;
    let new_name = RwSignal::new(String::new());
    let add = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        let id = fresh_id("p");
        let added = id.clone();
        session.edit(None, move |w| {
            w.boundary.add_perspective(id, &name);
        });
        ui.current.set(Some(added));
        new_name.set(String::new());
    };
    view! {
        <div class="perspectives">
            <div class="perspective-tabs" role="group" aria-label="Perspective being answered">
                <For
                    each=move || ui.perspective_ids()
                    key=|id| id.clone()
                    children=move |pid| {
                        let selected = {
                            let pid = pid.clone();
                            move || ui.current_id().as_deref() == Some(pid.as_str())
                        };
                        let name = {
                            let pid = pid.clone();
                            move || session.workshop.with(|w| {
                                w.boundary.perspective(&pid).map(|p| p.name.clone()).unwrap_or_default()
                            })
                        };
                        let progress = {
                            let pid = pid.clone();
                            move || session.workshop.with(|w| w.boundary.progress(&pid))
                        };
                        view! {
                            <button type="button" class="perspective-tab" aria-pressed=move || selected().to_string()
                                on:click=move |_| ui.current.set(Some(pid.clone()))>
                                {name} <span class="count">{move || format!("{}/24", progress())}</span>
                            </button>
                        }
                    }
                />
            </div>
            <form class="add-perspective" on:submit=add>
                <label for="new-perspective" class="visually-hidden">"New perspective"</label>
                <input id="new-perspective" type="text" placeholder="e.g. Service users"
                    prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e)) />
                <button type="submit">"Add perspective"</button>
            </form>
        </div>
    }
}

/// Name, roster links and removal of the selected perspective.
#[component]
fn PerspectiveDetails(ui: Ui, pid: String) -> impl IntoView {
    let session = ui.session;
    let name = {
        let pid = pid.clone();
        move || {
            session.workshop.with(|w| {
                w.boundary
                    .perspective(&pid)
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            })
        }
    };
    let rename = {
        let pid = pid.clone();
        let gesture = format!("boundary:{pid}:name");
        move |e: ev::Event| {
            let v = event_target_value(&e);
            session.edit(Some(&gesture), |w| {
                if let Some(p) = w.boundary.perspectives.iter_mut().find(|p| p.id == pid) {
                    p.name = v;
                }
            });
        }
    };
    let remove = {
        let pid = pid.clone();
        move |_| session.edit(None, |w| w.boundary.remove_perspective(&pid))
    };
    let roster = move || session.workshop.with(|w| w.roster.clone());
    view! {
        <details class="perspective-details">
            <summary>"Name and who this perspective speaks for"</summary>
            <div class="field">
                <label for="perspective-name">"Name"</label>
                <input id="perspective-name" type="text" prop:value=name on:input=rename on:blur=move |_| session.seal() />
            </div>
            <fieldset>
                <legend>"Speaks for (from the roster)"</legend>
                {move || {
                    let entries = roster();
                    if entries.is_empty() {
                        return view! { <p class="hint">"The roster is empty. Add stakeholders under Details and roster."</p> }.into_any();
                    }
                    entries.into_iter().map(|s| {
                        let (pid_a, pid_b, sid) = (pid.clone(), pid.clone(), s.id.clone());
                        let linked = move || session.workshop.with(|w| {
                            w.boundary.perspective(&pid_a).is_some_and(|p| p.roster_ids.contains(&sid))
                        });
                        let sid = s.id.clone();
                        let toggle = move |_| {
                            let sid = sid.clone();
                            session.edit(None, |w| {
                                if let Some(p) = w.boundary.perspectives.iter_mut().find(|p| p.id == pid_b) {
                                    if let Some(i) = p.roster_ids.iter().position(|r| *r == sid) {
                                        p.roster_ids.remove(i);
                                    } else {
                                        p.roster_ids.push(sid);
                                    }
                                }
                            })
                        };
                        let label = if s.group.is_empty() { s.name.clone() } else { format!("{} ({})", s.name, s.group) };
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=linked on:change=toggle />
                                {label} " \u{2014} " {s.involvement.label().to_lowercase()}
                            </label>
                        }
                    }).collect_view().into_any()
                }}
            </fieldset>
            <button type="button" class="danger" on:click=remove>"Remove this perspective"</button>
        </details>
    }
}

/// One question, large, with the is and ought answers side by side.
#[component]
fn Facilitate(ui: Ui) -> impl IntoView {
    let session = ui.session;
    let category = move || csh::category(ui.question.get()).expect("questions are 1 to 12");
    let perspective_name = move || {
        ui.current_id()
            .and_then(|pid| {
                session
                    .workshop
                    .with(|w| w.boundary.perspective(&pid).map(|p| p.name.clone()))
            })
            .unwrap_or_default()
    };
    let field = move |mode: Mode| {
        let id = match mode {
            Mode::Is => "answer-is",
            Mode::Ought => "answer-ought",
        };
        let on_input = move |e: ev::Event| {
            let Some(pid) = ui.current_id() else { return };
            let q = ui.question.get_untracked();
            let v = event_target_value(&e);
            let gesture = format!("boundary:{pid}:{q}:{}", mode.label());
            session.edit(Some(&gesture), |w| {
                w.boundary.set_answer(&pid, q, mode == Mode::Is, v)
            });
        };
        view! {
            <div class=format!("answer {}", mode.label().to_lowercase())>
                <span class="mode-tag">{mode.label()}</span>
                <label for=id>{move || category().question(mode)}</label>
                <textarea id=id rows="4" prop:value=move || ui.answer(ui.question.get(), mode)
                    on:input=on_input on:blur=move |_| session.seal()></textarea>
            </div>
        }
    };
    view! {
        <div class="facilitate">
            <p class="question-meta">
                {move || format!("Question {} of 12", ui.question.get())} " \u{00b7} "
                {move || { let c = category(); format!("{} \u{00b7} {}", c.source.label(), c.kind.label()) }}
            </p>
            <h3 class="question-name">{move || category().name}</h3>
            <p class="answering">"Answering as " <strong>{perspective_name}</strong></p>
            <div class="is-ought">
                {field(Mode::Is)}
                {field(Mode::Ought)}
            </div>
            <details class="guidance">
                <summary>"About this question"</summary>
                <dl>
                    <dt>"What it asks"</dt><dd>{move || category().asks}</dd>
                    <dt>"Why it matters"</dt><dd>{move || category().why}</dd>
                    <dt>"An example (illustrative, from the Shropshire social prescribing case)"</dt><dd>{move || category().example}</dd>
                </dl>
            </details>
            <div class="question-nav">
                <button type="button" on:click=move |_| ui.step_question(-1) aria-keyshortcuts="Alt+ArrowLeft">"\u{2190} Previous question"</button>
                <button type="button" on:click=move |_| ui.step_question(1) aria-keyshortcuts="Alt+ArrowRight">"Next question \u{2192}"</button>
            </div>
            <p class="hint keys">"Keys: Page Up / Page Down (or Alt+\u{2190} / Alt+\u{2192}) previous or next question, Alt+\u{2191} / Alt+\u{2193} previous or next perspective, Tab between is and ought."</p>
        </div>
    }
}

/// The classic table: four sources of influence by three kinds of category, for one
/// perspective, with what is answered and what is not.
#[component]
fn Table(ui: Ui) -> impl IntoView {
    let session = ui.session;
    let progress = move || {
        ui.current_id().map_or(0, |pid| {
            session.workshop.with(|w| w.boundary.progress(&pid))
        })
    };
    let cell = move |c: &'static Category| {
        let text = move |mode: Mode| {
            let a = ui.answer(c.number, mode);
            if a.trim().is_empty() {
                "\u{2014} not answered".to_string()
            } else {
                a
            }
        };
        view! {
            <td class="csh-cell">
                <button type="button" class="link-like" on:click=move |_| {
                    ui.question.set(c.number);
                    ui.view.set(View::Facilitate);
                }>{format!("{}. {}", c.number, c.name)}</button>
                <dl>
                    <dt>"Is"</dt><dd class=move || if ui.answer(c.number, Mode::Is).trim().is_empty() { "open" } else { "" }>{move || text(Mode::Is)}</dd>
                    <dt>"Ought"</dt><dd class=move || if ui.answer(c.number, Mode::Ought).trim().is_empty() { "open" } else { "" }>{move || text(Mode::Ought)}</dd>
                </dl>
            </td>
        }
    };
    view! {
        <p class="progress">{move || format!("{} of 24 answers given", progress())}</p>
        <div class="table-wrap">
            <table class="csh-table">
                <caption class="visually-hidden">"The twelve boundary questions by source of influence and kind"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Source of influence"</th>
                        {Kind::ALL.iter().map(|k| view! { <th scope="col">{k.label()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Source::ALL.iter().map(|s| view! {
                        <tr>
                            <th scope="row">{s.label()}
                                {(!s.concerns_those_involved()).then(|| view! { <span class="row-note">"those affected"</span> })}
                            </th>
                            {Kind::ALL.iter().map(|k| cell(csh::at(*s, *k))).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
