//! One question at a time, large, with the is and ought answers side by side, the gap between
//! them, guidance on demand and an optional timer.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::compare::TensionControl;
use super::roles::RoleAside;
use super::{AffectedAside, Critique};
use crate::content::csh::{self, Mode};
use crate::ui::browser::now;
use crate::ui::lean::When;

/// Timer lengths offered, in minutes (0 = no timer).
const TIMER_CHOICES: [u32; 6] = [0, 1, 2, 3, 5, 10];

#[component]
pub(super) fn Facilitate(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let category = move || csh::category(ui.question.get()).expect("questions are 1 to 12");
    let perspective_name = move || ui.current_id().map(|pid| ui.name_of(&pid));
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
            session.edit(Some(&gesture), |w| w.boundary.set_answer(&pid, q, mode, v));
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
    // The fields are rebuilt only when the order changes, not on every keystroke (which moved
    // the caret to the end of the text after the first character typed anywhere else).
    let ought_first = Memo::new(move |_| session.workshop.with(|w| w.boundary.ought_first));
    // The gap control and the legitimacy aside belong to one question and one perspective:
    // rebuilt when either changes, not on every keystroke.
    let per_question = move || {
        let q = ui.question.get();
        let Some(pid) = ui.current_id() else {
            return ().into_any();
        };
        let legend = "Gap between is and ought here".to_string();
        view! {
            <TensionControl ui=ui question=q perspectives=vec![pid] legend=legend />
            <RoleAside ui=ui question=q />
            <AffectedAside ui=ui question=q />
        }
        .into_any()
    };
    view! {
        <div class="facilitate" id="facilitate">
            <div class="question-head">
                {ui.question_meta()}
                <Timer ui=ui />
            </div>
            <h3 class="question-name">{move || category().name}</h3>
            <p class="answering">"Answering as " <strong>{move || perspective_name()}</strong></p>
            <div class="is-ought">
                {move || {
                    if ought_first.get() {
                        view! { {field(Mode::Ought)} {field(Mode::Is)} }.into_any()
                    } else {
                        view! { {field(Mode::Is)} {field(Mode::Ought)} }.into_any()
                    }
                }}
            </div>
            <div class="after-answers">{move || per_question()}</div>
            <details class="guidance">
                <summary>"About this question"</summary>
                <dl>
                    <dt>"What it asks"</dt><dd>{move || category().asks}</dd>
                    <dt>"Why it matters"</dt><dd>{move || category().why}</dd>
                    <dt>"An example (illustrative, from the Shropshire social prescribing case)"</dt><dd>{move || category().example}</dd>
                </dl>
            </details>
            {ui.question_nav()}
            <p class="hint keys">"Keys: Page Up / Page Down (or Alt+\u{2190} / Alt+\u{2192}) previous or next question, Alt+\u{2191} / Alt+\u{2193} previous or next perspective, Tab between is and ought."</p>
        </div>
    }
}

/// An optional countdown for each question: it starts again whenever the question changes.
#[component]
fn Timer(ui: Critique) -> impl IntoView {
    let minutes = ui.timer_minutes;
    let started = RwSignal::new(now());
    let tick = RwSignal::new(now());
    let restart = move || {
        let t = now();
        started.set(t);
        tick.set(t);
    };
    Effect::watch(move || ui.question.get(), move |_, _, _| restart(), false);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if minutes.get_untracked() > 0 {
                tick.set(now());
            }
        },
        Duration::from_millis(500),
    ) {
        on_cleanup(move || handle.clear());
    }
    let left = move || {
        let total = f64::from(minutes.get()) * 60.0;
        (total - ((tick.get() - started.get()) / 1000.0).floor()).max(0.0) as u32
    };
    let up = move || minutes.get() > 0 && left() == 0;
    view! {
        <div class="timer">
            <label for="question-timer">"Timer"</label>
            <select id="question-timer" on:change=move |e| {
                minutes.set(event_target_value(&e).parse().unwrap_or(0));
                restart();
            }>
                {TIMER_CHOICES.iter().map(|&m| {
                    let label = if m == 0 { "Off".to_string() } else { format!("{m} min per question") };
                    view! { <option value=m.to_string() selected=move || minutes.get() == m>{label}</option> }
                }).collect_view()}
            </select>
            <When when=move || { minutes.get() > 0 }>
                <span class="time-left" class:up=move || up()>
                    {move || { let s = left(); format!("{}:{:02}", s / 60, s % 60) }}
                </span>
                <button type="button" class="small" on:click=move |_| restart()>"Restart"</button>
            </When>
            <span role="status" class="time-up">{move || up().then_some("Time is up")}</span>
        </div>
    }
}
