//! Scoring section of a workshop (`#/w/<id>/scoring`): choose a framework, set the scale and the
//! scorers, enter scores (each scorer in turn, or a show of hands), then reveal the results, round
//! by round. Everything is an edit of the open workshop, so it saves and undoes like the rest.

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

mod by_group;
mod downloads;
mod entry;
mod results;
mod setup;

use leptos::prelude::*;

pub use by_group::ByPerspective;

use crate::content::frameworks::BUILTINS;
use crate::model::scoring::Scoring;
use crate::ui::browser::fresh_id;
use crate::ui::lean::for_each_id;
use crate::ui::workshop::Session;

/// What the section shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Setup,
    InTurn,
    Hands,
    /// Participants' own phones: invite and collect (`crate::ui::participate`).
    Phones,
    Results,
}

impl Mode {
    const ALL: [Mode; 5] = [
        Mode::Setup,
        Mode::InTurn,
        Mode::Hands,
        Mode::Phones,
        Mode::Results,
    ];

    fn label(self) -> &'static str {
        match self {
            Mode::Setup => "Set up",
            Mode::InTurn => "Score in turn",
            Mode::Hands => "Show of hands",
            Mode::Phones => "Phones",
            Mode::Results => "Results",
        }
    }
}

/// What the scoring section's parts share: the round shown, the elements and scorers, and the
/// mode (setting up, entering scores, results).
#[derive(Clone, Copy)]
struct ScoringPage {
    session: Session,
    /// The round chosen by the user; `round` checks it against the rounds that exist.
    chosen_round: RwSignal<Option<String>>,
    /// The round shown (the chosen one, else the last).
    round: Memo<Option<String>>,
    round_ids: Memo<Vec<String>>,
    element_ids: Memo<Vec<String>>,
    scorer_ids: Memo<Vec<String>>,
    mode: RwSignal<Mode>,
}

impl ScoringPage {
    /// Reads the scoring (reactive).
    fn with<T>(&self, f: impl FnOnce(&Scoring) -> T) -> T {
        self.session.workshop.with(|w| f(&w.scoring))
    }

    /// Changes the scoring as one undoable edit.
    fn edit(&self, gesture: Option<&str>, f: impl FnOnce(&mut Scoring)) {
        self.session.edit(gesture, |w| f(&mut w.scoring));
    }

    fn round_id(&self) -> String {
        self.round.get_untracked().unwrap_or_default()
    }
}

#[component]
pub fn ScoringView(session: Session) -> impl IntoView {
    let ids = move |f: fn(&Scoring) -> Vec<String>| {
        Memo::new(move |_| session.workshop.with(|w| f(&w.scoring)))
    };
    let round_ids = ids(|s| s.rounds.iter().map(|r| r.id.clone()).collect());
    let chosen_round = RwSignal::new(None::<String>);
    let round = Memo::new(move |_| {
        let ids = round_ids.get();
        chosen_round
            .get()
            .filter(|c| ids.contains(c))
            .or_else(|| ids.last().cloned())
    });
    let ui = ScoringPage {
        session,
        chosen_round,
        round,
        round_ids,
        element_ids: ids(|s| s.framework.elements.iter().map(|e| e.id.clone()).collect()),
        scorer_ids: ids(|s| s.scorers.iter().map(|s| s.id.clone()).collect()),
        // A response link opened in this browser arrives as `…/scoring?take=<code>`.
        mode: RwSignal::new(
            if window()
                .location()
                .hash()
                .unwrap_or_default()
                .contains("?take=")
            {
                Mode::Phones
            } else {
                Mode::Setup
            },
        ),
    };
    let started =
        Memo::new(move |_| !ui.element_ids.get().is_empty() || !ui.round_ids.get().is_empty());
    view! {
        <section class="scoring" aria-labelledby="scoring-heading">
            <h2 id="scoring-heading">"Scoring"</h2>
            {move || if started.get() {
                view! {
                    <Rounds ui=ui />
                    <div class="view-switch" role="group" aria-label="Show">
                        {Mode::ALL.iter().map(|&m| view! {
                            <button type="button" aria-pressed=move || (ui.mode.get() == m).to_string()
                                on:click=move |_| ui.mode.set(m)>{m.label()}</button>
                        }).collect_view()}
                    </div>
                    {move || match ui.mode.get() {
                        Mode::Setup => view! { <setup::Setup ui=ui /> }.into_any(),
                        Mode::InTurn => view! { <entry::InTurn ui=ui /> }.into_any(),
                        Mode::Hands => view! { <entry::Hands ui=ui /> }.into_any(),
                        Mode::Phones => view! {
                            <crate::ui::participate::InviteParticipants session=ui.session round=ui.round />
                        }.into_any(),
                        Mode::Results => view! { <results::Results ui=ui /> }.into_any(),
                    }}
                }.into_any()
            } else {
                view! { <Start ui=ui /> }.into_any()
            }}
        </section>
    }
}

/// One round's scoring (each scorer in turn) or its results, for a step of the presentation.
#[component]
pub fn ScoringStep(session: Session, round: String, results: bool) -> impl IntoView {
    let ids = move |f: fn(&Scoring) -> Vec<String>| {
        Memo::new(move |_| session.workshop.with(|w| f(&w.scoring)))
    };
    let round_ids = ids(|s| s.rounds.iter().map(|r| r.id.clone()).collect());
    let chosen_round = RwSignal::new(Some(round));
    let ui = ScoringPage {
        session,
        chosen_round,
        round: Memo::new(move |_| chosen_round.get()),
        round_ids,
        element_ids: ids(|s| s.framework.elements.iter().map(|e| e.id.clone()).collect()),
        scorer_ids: ids(|s| s.scorers.iter().map(|s| s.id.clone()).collect()),
        mode: RwSignal::new(if results { Mode::Results } else { Mode::InTurn }),
    };
    view! {
        <div class="scoring">
            {if results {
                view! { <results::Results ui=ui /> }.into_any()
            } else {
                view! { <entry::InTurn ui=ui /> }.into_any()
            }}
        </div>
    }
}

/// Choosing a framework to start with.
#[component]
fn Start(ui: ScoringPage) -> impl IntoView {
    view! {
        <p class="lead">"A steering group scores how well the programme does on each element of a framework, then looks at where it disagrees. Choose the framework to start from; you can adapt it afterwards."</p>
        <ul class="cards">
            {BUILTINS.iter().map(|b| view! {
                <li class="card">
                    <h3>{b.name}</h3>
                    <p>{b.description}</p>
                    <p class="hint">{b.elements_summary()}</p>
                    <button type="button" class="primary" on:click=move |_| {
                        let round = fresh_id("r");
                        ui.edit(None, |s| *s = Scoring::start(b, round));
                        ui.mode.set(Mode::Setup);
                    }>{format!("Score the {}", b.name.to_lowercase())}</button>
                </li>
            }).collect_view()}
            <li class="card">
                <h3>"Your own framework"</h3>
                <p>"Start with an empty list and add the elements your group wants to score, with what each means."</p>
                <button type="button" on:click=move |_| {
                    let round = fresh_id("r");
                    ui.edit(None, |s| {
                        *s = Scoring::start(&crate::content::frameworks::CYCLE, round);
                        s.framework = crate::model::scoring::Framework {
                            name: "Our framework".into(),
                            based_on: String::new(),
                            elements: Vec::new(),
                        };
                    });
                    ui.mode.set(Mode::Setup);
                }>"Start a framework of your own"</button>
            </li>
        </ul>
    }
}

/// The rounds: pick one, start a new one.
#[component]
fn Rounds(ui: ScoringPage) -> impl IntoView {
    let new_name = RwSignal::new(String::new());
    let add = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let id = fresh_id("r");
        let name = new_name.get_untracked();
        let chosen = id.clone();
        ui.edit(None, move |s| s.add_round(id, &name));
        ui.chosen_round.set(Some(chosen));
        new_name.set(String::new());
    };
    view! {
        <div class="rounds-bar">
            <div class="perspective-tabs" role="group" aria-label="Round">
                {for_each_id(move || ui.round_ids.get(), move |rid| {
                    let name = {
                        let rid = rid.clone();
                        move || ui.with(|s| s.round(&rid).map(|r| r.name.clone()).unwrap_or_default())
                    };
                    let pressed = {
                        let rid = rid.clone();
                        move || (ui.round.get().as_deref() == Some(rid.as_str())).to_string()
                    };
                    view! {
                        <button type="button" class="perspective-tab" aria-pressed=move || pressed()
                            on:click=move |_| ui.chosen_round.set(Some(rid.clone()))>{move || name()}</button>
                    }
                    .into_any()
                })}
            </div>
            <form class="add-perspective" on:submit=add>
                <label for="new-round" class="visually-hidden">"New round name"</label>
                <input id="new-round" type="text" placeholder="e.g. Phase 2, 2019"
                    prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e)) />
                <button type="submit">"New round"</button>
            </form>
        </div>
    }
}
