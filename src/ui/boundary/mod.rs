//! Boundary critique: perspectives, and five ways to look at their answers: one question at a
//! time (facilitate), the classic 4 × 3 table, every perspective side by side on one question
//! (compare, where tensions are marked), those involved against those affected (challenge), and
//! the summary with its exports. Answers and tensions are edits of the open workshop, so they
//! save and undo like the rest.

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

mod challenge;
mod compare;
mod facilitate;
mod gaps;
mod margins;
mod roles;
mod summary;
mod table;

pub use margins::MarginsBoard;

use leptos::ev;
use leptos::prelude::*;

use crate::content::csh::{self, Mode, Source};
use crate::model::boundary::{QUESTIONS, Stance};
use crate::ui::browser::fresh_id;
use crate::ui::lean::{When, effect, for_each_id};
use crate::ui::workshop::Session;

/// How the questions are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Facilitate,
    Table,
    Gaps,
    Compare,
    Challenge,
    Margins,
    Summary,
}

impl View {
    const ALL: [View; 7] = [
        View::Facilitate,
        View::Table,
        View::Gaps,
        View::Compare,
        View::Challenge,
        View::Margins,
        View::Summary,
    ];

    fn label(self) -> &'static str {
        match self {
            View::Facilitate => "One question",
            View::Table => "Table",
            View::Gaps => "Gaps",
            View::Compare => "Compare",
            View::Challenge => "Challenge",
            View::Margins => "Margins",
            View::Summary => "Summary",
        }
    }

    fn description(self) -> &'static str {
        match self {
            View::Facilitate => "One question at a time, is and ought side by side",
            View::Table => "All twelve questions for one perspective, as the classic table",
            View::Gaps => "One perspective's is/ought gaps, largest first",
            View::Compare => "Every perspective's answers to one question, and the tensions",
            View::Challenge => {
                "What those involved say is, beside what those affected say ought to be"
            }
            View::Margins => {
                "Boundary analysis (Midgley): the primary and secondary boundary, and who and what sits in the marginal zone between them"
            }
            View::Summary => "Tensions strongest first, open questions, and export",
        }
    }

    /// Whether the view shows one perspective (the tabs choose it).
    fn is_per_perspective(self) -> bool {
        matches!(self, View::Facilitate | View::Table | View::Gaps)
    }
}

/// What the boundary critique's views share: the perspective and question being answered,
/// the view shown, the facilitation timer.
#[derive(Clone, Copy)]
struct Critique {
    session: Session,
    /// The perspective being answered.
    current: RwSignal<Option<String>>,
    /// `current` checked against the perspectives that exist (first one by default). A memo, so
    /// that typing an answer does not rebuild the views that depend on the selection.
    selected: Memo<Option<String>>,
    /// The perspectives' ids in order; changes only when one is added or removed.
    ids: Memo<Vec<String>>,
    question: RwSignal<u8>,
    view: RwSignal<View>,
    /// Minutes per question on the facilitation timer (0 = off); kept across views.
    timer_minutes: RwSignal<u32>,
    /// Focus mode: everything but the question (or comparison) is hidden, for the projector.
    focus: RwSignal<bool>,
}

impl Critique {
    /// The selected perspective.
    fn current_id(&self) -> Option<String> {
        self.selected.get()
    }

    fn step_question(&self, by: i8) {
        self.question
            .update(|q| *q = (*q as i8 - 1 + by).rem_euclid(QUESTIONS as i8) as u8 + 1);
    }

    fn step_perspective(&self, by: i32) {
        let ids = self.ids.get_untracked();
        if ids.is_empty() {
            return;
        }
        let at = self
            .selected
            .get_untracked()
            .and_then(|c| ids.iter().position(|i| *i == c))
            .unwrap_or(0) as i32;
        let next = (at + by).rem_euclid(ids.len() as i32) as usize;
        self.current.set(Some(ids[next].clone()));
    }

    /// Shows `question` in `view`.
    fn open(&self, view: View, question: u8) {
        self.question.set(question);
        self.view.set(view);
    }

    /// The text a perspective gave (reactive).
    fn answer_of(&self, pid: &str, question: u8, mode: Mode) -> String {
        self.session.workshop.with(|w| {
            w.boundary
                .perspective(pid)
                .and_then(|p| p.answers.get(&question))
                .map(|a| match mode {
                    Mode::Is => a.is.clone(),
                    Mode::Ought => a.ought.clone(),
                })
                .unwrap_or_default()
        })
    }

    /// The selected perspective's answer (reactive).
    fn answer(&self, question: u8, mode: Mode) -> String {
        self.current_id()
            .map(|pid| self.answer_of(&pid, question, mode))
            .unwrap_or_default()
    }

    /// A perspective's name (reactive); an unnamed one is called so.
    fn name_of(&self, pid: &str) -> String {
        self.session.workshop.with(|w| {
            w.boundary
                .perspective(pid)
                .map(|p| p.name.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| "Unnamed perspective".to_string())
        })
    }

    /// Whom a perspective speaks for, from its roster links (reactive).
    fn stance_of(&self, pid: &str) -> Stance {
        self.session
            .workshop
            .with(|w| w.boundary.stance(pid, &w.roster))
    }
}

impl Critique {
    /// "Question 3 of 12 · source · kind" above the question shown (the one-question view and
    /// compare: one copy of the view code for both).
    fn question_meta(self) -> AnyView {
        let ui = self;
        let category = move || csh::category(ui.question.get()).expect("questions are 1 to 12");
        view! {
            <p class="question-meta">
                {move || format!("Question {} of 12", ui.question.get())} " \u{00b7} "
                {move || { let c = category(); format!("{} \u{00b7} {}", c.source.label(), c.kind.label()) }}
            </p>
        }
        .into_any()
    }

    /// Previous and next question, under the question shown.
    fn question_nav(self) -> AnyView {
        let ui = self;
        view! {
            <div class="question-nav">
                <button type="button" on:click=move |_| ui.step_question(-1) aria-keyshortcuts="Alt+ArrowLeft">"\u{2190} Previous question"</button>
                <button type="button" on:click=move |_| ui.step_question(1) aria-keyshortcuts="Alt+ArrowRight">"Next question \u{2192}"</button>
            </div>
        }
        .into_any()
    }
}

/// A short tag for a perspective's stance.
fn stance_label(stance: Stance) -> &'static str {
    match stance {
        Stance::Involved => "involved",
        Stance::Affected => "affected",
        Stance::Unclear => "stance not set",
    }
}

#[component]
pub fn BoundaryView(session: Session) -> impl IntoView {
    let current = RwSignal::new(None::<String>);
    let ids = Memo::new(move |_| {
        session.workshop.with(|w| {
            w.boundary
                .perspectives
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let selected = Memo::new(move |_| {
        let ids = ids.get();
        current
            .get()
            .filter(|c| ids.contains(c))
            .or_else(|| ids.first().cloned())
    });
    let ui = Critique {
        session,
        current,
        selected,
        ids,
        question: RwSignal::new(1),
        view: RwSignal::new(View::Facilitate),
        timer_minutes: RwSignal::new(0),
        focus: RwSignal::new(false),
    };
    // Focus mode hides the page's chrome through a class on <html>; leaving the section ends it.
    effect(move || {
        let on = ui.focus.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("focus-mode", on);
        }
        // The page may have scrolled to reach the Focus button; the question starts at the top.
        if on {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("focus-mode");
        }
    });
    let has_perspective = Memo::new(move |_| selected.get().is_some());
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() {
            return;
        }
        if e.key() == "Escape" && ui.focus.get_untracked() {
            ui.focus.set(false);
            return;
        }
        let view = ui.view.get_untracked();
        // Presentation clickers send Page Down / Page Up: they step through the questions.
        if !e.alt_key() {
            if !matches!(view, View::Facilitate | View::Compare) {
                return; // elsewhere Page Down scrolls as usual
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

    let per_perspective = Memo::new(move |_| ui.view.get().is_per_perspective());
    view! {
        <section class="boundary" aria-labelledby="boundary-heading">
            // Once there are perspectives the section tab names the page; the heading stays for
            // screen readers, and the question gets the room.
            <h2 id="boundary-heading" class:visually-hidden=move || has_perspective.get()>"Boundary critique"</h2>
            <When when=ui.focus>
                <div class="focus-bar">
                    <span class="focus-title">{move || session.workshop.with(|w| w.display_title().to_string())}</span>
                    <button type="button" on:click=move |_| ui.focus.set(false) aria-keyshortcuts="Escape">"Exit focus (Esc)"</button>
                </div>
            </When>
            // The introduction is for a start; once there are perspectives, the question needs the room.
            <When when=move || !has_perspective.get()>
                <p class="hint">
                    "Each perspective answers twelve questions: what is the case, and what ought to be. Where answers pull apart, the plan's boundaries show."
                </p>
            </When>
            <div class="boundary-bar">
                <Perspectives ui=ui />
                <When when=has_perspective>
                    <div class="view-switch" role="group" aria-label="Show">
                        {View::ALL.iter().map(|&v| view! {
                            <button type="button" title=v.description()
                                aria-pressed=move || (ui.view.get() == v).to_string()
                                on:click=move |_| ui.view.set(v)>{v.label()}</button>
                        }).collect_view()}
                        <When when=move || matches!(ui.view.get(), View::Facilitate | View::Compare)>
                            <button type="button" class="focus-toggle" on:click=move |_| ui.focus.set(true)
                                title="Hide everything but the question, for the projector (Esc to leave)">"Focus"</button>
                        </When>
                    </div>
                    <label class="check ought-first" title="Ulrich and Reynolds print each question ought first: say what should be before describing what is (ideal mapping). Saved with this workshop.">
                        <input type="checkbox" prop:checked=move || session.workshop.with(|w| w.boundary.ought_first)
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                session.edit(None, move |w| w.boundary.ought_first = on);
                            } />
                        "Ask ought first (ideal mapping)"
                    </label>
                </When>
            </div>
            {move || {
                (per_perspective.get())
                    .then(|| ui.selected.get())
                    .flatten()
                    .map(|pid| view! { <PerspectiveDetails ui=ui pid=pid /> })
            }}
            {move || {
                if !has_perspective.get() {
                    return view! {
                        <p class="empty">"Add a perspective to begin: whose point of view will the group answer from?"</p>
                    }
                    .into_any();
                }
                match ui.view.get() {
                    View::Facilitate => view! { <facilitate::Facilitate ui=ui /> }.into_any(),
                    View::Table => view! { <table::Table ui=ui /> }.into_any(),
                    View::Gaps => view! { <gaps::Gaps ui=ui /> }.into_any(),
                    View::Compare => view! { <compare::Compare ui=ui /> }.into_any(),
                    View::Challenge => view! { <challenge::Challenge ui=ui /> }.into_any(),
                    View::Margins => view! { <margins::Margins ui=ui /> }.into_any(),
                    View::Summary => view! { <summary::Summary ui=ui /> }.into_any(),
                }
            }}
            <crate::ui::participate::BoundaryInviteButton session=session />
        </section>
    }
}

/// The perspectives: pick one, add, rename, link to the roster, remove.
#[component]
fn Perspectives(ui: Critique) -> impl IntoView {
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
            <When when=move || ui.view.get().is_per_perspective() && !ui.ids.get().is_empty()>
                <div class="perspective-tabs" role="group" aria-label="Perspective being answered">
                    {for_each_id(
                        move || ui.ids.get(),
                        move |pid| {
                            let selected = {
                                let pid = pid.clone();
                                move || ui.current_id().as_deref() == Some(pid.as_str())
                            };
                            let name = {
                                let pid = pid.clone();
                                move || ui.name_of(&pid)
                            };
                            let progress = {
                                let pid = pid.clone();
                                move || session.workshop.with(|w| w.boundary.progress(&pid))
                            };
                            view! {
                                <button type="button" class="perspective-tab" aria-pressed=move || selected().to_string()
                                    on:click=move |_| ui.current.set(Some(pid.clone()))>
                                    {move || name()} <span class="count">{move || format!("{}/24", progress())}</span>
                                </button>
                            }
                            .into_any()
                        },
                    )}
                </div>
            </When>
            <When when=move || ui.view.get().is_per_perspective()>
                <form class="add-perspective" on:submit=add>
                    <label for="new-perspective" class="visually-hidden">"New perspective"</label>
                    <input id="new-perspective" type="text" placeholder="e.g. Service users"
                        prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e)) />
                    <button type="submit">"Add perspective"</button>
                </form>
            </When>
        </div>
    }
}

/// Name, roster links and removal of the selected perspective.
#[component]
fn PerspectiveDetails(ui: Critique, pid: String) -> impl IntoView {
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
    let stance = {
        let pid = pid.clone();
        move || stance_label(ui.stance_of(&pid))
    };
    let roster = move || session.workshop.with(|w| w.roster.clone());
    view! {
        <details class="perspective-details">
            <summary>"Name and who this perspective speaks for"
                <span class="stance-tag">{move || stance()}</span>
            </summary>
            <div class="field">
                <label for="perspective-name">"Name"</label>
                <input id="perspective-name" type="text" prop:value=move || name() on:input=rename on:blur=move |_| session.seal() />
            </div>
            <fieldset>
                <legend>"Speaks for (from the roster)"</legend>
                <p class="hint">"Linking a perspective to roster entries marks it as speaking for those involved or those affected; the challenge view and the witness question use that."</p>
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
                                <input type="checkbox" prop:checked=move || linked() on:change=toggle />
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

/// Beside the legitimacy questions: the roster entries affected but not involved, and on the
/// witness question, the ones no perspective speaks for.
#[component]
fn AffectedAside(ui: Critique, question: u8) -> impl IntoView {
    let category = csh::category(question).expect("questions are 1 to 12");
    if category.source != Source::Legitimacy {
        return ().into_any();
    }
    let session = ui.session;
    let affected = move || {
        session.workshop.with(|w| {
            w.roster
                .iter()
                .filter(|s| s.involvement == crate::model::Involvement::Affected)
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let unrepresented = move || {
        session.workshop.with(|w| {
            w.boundary
                .unrepresented(&w.roster)
                .into_iter()
                .map(|s| s.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let witness = question == csh::WITNESS;
    view! {
        <aside class="affected-aside" aria-label="Those affected">
            {move || {
                let names = affected();
                if names.is_empty() {
                    view! { <p>"The roster marks nobody as affected but not involved. Who is affected by the scheme without having a say in it?"</p> }.into_any()
                } else {
                    view! {
                        <p><strong>"Affected but not involved (roster): "</strong>{names.join(", ")}</p>
                    }.into_any()
                }
            }}
            {move || {
                let missing = unrepresented();
                (witness && !missing.is_empty()).then(|| view! {
                    <p class="witness-prompt"><strong>"No perspective speaks for: "</strong>{missing.join(", ")}
                        ". Who can speak for their interests here?"</p>
                }.into_any())
            }}
        </aside>
    }
    .into_any()
}
