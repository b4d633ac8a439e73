//! What each step shows: large and read-only while presenting, the step's editor while editing.

use leptos::ev;
use leptos::prelude::*;

use super::Presenting;
use super::figure::{FigureView, Part, ROOM_TEXT};
use crate::content::csh::{self, Mode};
use crate::export::report::inline_svg;
use crate::export::scoring_svg::{Chart, Frame};
use crate::model::Involvement;
use crate::model::agenda::Step;
use crate::model::scoring::Scoring;
use crate::model::slides::{self, Page};
use crate::ui::lean::for_each_id;
use crate::ui::map::MapStep;
use crate::ui::picture::PictureStep;
use crate::ui::scoring::ScoringStep;
use crate::ui::workshop::{Details, Roster, Session};

#[component]
pub(super) fn StepView(
    pr: Presenting,
    step: Step,
    /// The part of the step this slide shows (a long step continues on the next slides).
    page: Page,
    /// What the heading adds for a step cut into parts: " (continued, 2 of 3)".
    suffix: String,
    editing: bool,
) -> impl IntoView {
    let session = pr.session;
    let heading = {
        let step = step.clone();
        move || {
            let title = session.workshop.with(|w| match step {
                Step::Title => w.display_title().to_string(),
                _ => step.title(w),
            });
            format!("{title}{suffix}")
        }
    };
    let body = match step {
        Step::Title if editing => view! { <Details session=session /> }.into_any(),
        Step::Title => view! { <TitleStep session=session /> }.into_any(),
        Step::Roster if editing => view! { <Roster session=session /> }.into_any(),
        Step::Roster => view! { <RosterStep session=session page=page /> }.into_any(),
        Step::Question { number } => {
            view! { <QuestionStep session=session number=number page=page editing=editing /> }
                .into_any()
        }
        Step::Margins => {
            view! { <crate::ui::boundary::MarginsBoard session=session editable=editing /> }
                .into_any()
        }
        Step::Map { id } if editing => view! { <MapStep session=session id=id /> }.into_any(),
        Step::Map { id } => view! { <Figure pr=pr of=Of::Map(id) /> }.into_any(),
        Step::Picture { id } if editing => {
            view! { <PictureStep session=session id=id /> }.into_any()
        }
        Step::Picture { id } => view! { <Figure pr=pr of=Of::Picture(id) /> }.into_any(),
        Step::Scoring { round } if editing => {
            view! { <ScoringStep session=session round=round results=false /> }.into_any()
        }
        Step::Scoring { round } => {
            view! { <ScoringProgress session=session round=round /> }.into_any()
        }
        Step::Results { round } if editing => {
            view! { <ScoringStep session=session round=round results=true /> }.into_any()
        }
        Step::Results { round } => view! { <ResultsStep pr=pr round=round /> }.into_any(),
        Step::Summary => {
            view! { <SummaryStep session=session page=page editing=editing /> }.into_any()
        }
    };
    view! {
        <h2 id="present-step-title" class="present-heading">{move || heading()}</h2>
        <div class="present-body">{body}</div>
    }
}

#[component]
fn TitleStep(session: Session) -> impl IntoView {
    let meta = move || {
        session.workshop.with(|w| {
            let mut parts = Vec::new();
            if !w.date.trim().is_empty() {
                parts.push(w.date.clone());
            }
            if !w.facilitator.trim().is_empty() {
                parts.push(format!("Facilitator: {}", w.facilitator));
            }
            parts.join(" \u{00b7} ")
        })
    };
    view! {
        <p class="present-lead">{move || session.workshop.with(|w| w.purpose.clone())}</p>
        <p class="present-meta">{move || meta()}</p>
    }
}

#[component]
fn RosterStep(session: Session, page: Page) -> impl IntoView {
    let column = |kind: Involvement| {
        // A continuation slide with none of this list on it leaves its heading out.
        let none_here = match (&page, kind) {
            (Page::Roster { involved, .. }, Involvement::Involved) => involved.is_empty(),
            (Page::Roster { affected, .. }, Involvement::Affected) => affected.is_empty(),
            _ => false,
        };
        let page = page.clone();
        let names = move || {
            let range = match (&page, kind) {
                (Page::Roster { involved, .. }, Involvement::Involved) => Some(involved.clone()),
                (Page::Roster { affected, .. }, Involvement::Affected) => Some(affected.clone()),
                _ => None,
            };
            session.workshop.with(|w| {
                w.roster
                    .iter()
                    .filter(|s| s.involvement == kind)
                    .enumerate()
                    .filter(|(i, _)| range.as_ref().is_none_or(|r| r.contains(i)))
                    .map(|(_, s)| {
                        let name = s.name.clone();
                        let group = (!s.group.trim().is_empty()).then(|| s.group.clone());
                        view! { <li>{name}{group.map(|g| view! { <span class="present-group">{g}</span> })}</li> }
                    })
                    .collect_view()
                    .into_any()
            })
        };
        let empty = move || {
            session
                .workshop
                .with(|w| !w.roster.iter().any(|s| s.involvement == kind))
        };
        let gone = move || none_here && !empty();
        view! {
            <div class="present-column" hidden=move || gone()>
                <h3>{kind.label()}</h3>
                <ul>{move || names()}</ul>
                <p class="hint" hidden=move || !empty()>"Nobody yet. Press E to add them."</p>
            </div>
        }
    };
    let class = match page {
        Page::Roster {
            side_by_side: true, ..
        } => "present-columns pair",
        Page::Roster { .. } => "present-columns single",
        _ => "present-columns",
    };
    view! {
        <div class=class>
            {column(Involvement::Involved)}
            {column(Involvement::Affected)}
        </div>
    }
}

/// Every perspective's is and ought for one question; while editing, typed in place.
#[component]
fn QuestionStep(session: Session, number: u8, page: Page, editing: bool) -> impl IntoView {
    let category = csh::category(number).expect("question steps are 1 to 12");
    let (head, cards, cols, shown_tensions) = match page {
        Page::Question {
            head,
            cards,
            cols,
            tensions,
        } => (head, Some(cards), cols, Some(tensions)),
        _ => (true, None, 0, None),
    };
    let ids = Memo::new(move |_| {
        session.workshop.with(|w| {
            w.boundary
                .perspectives
                .iter()
                .enumerate()
                .filter(|(i, _)| cards.as_ref().is_none_or(|r| r.contains(i)))
                .map(|(_, p)| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let card = move |pid: String| {
        let name = {
            let pid = pid.clone();
            move || session.workshop.with(|w| slides::card_name(w, &pid))
        };
        let answer = move |pid: String, mode: Mode| {
            move || {
                session.workshop.with(|w| {
                    w.boundary
                        .perspective(&pid)
                        .and_then(|p| p.answers.get(&number))
                        .map(|a| match mode {
                            Mode::Is => a.is.clone(),
                            Mode::Ought => a.ought.clone(),
                        })
                        .unwrap_or_default()
                })
            }
        };
        let field = move |mode: Mode| {
            let text = answer(pid.clone(), mode);
            let label = format!("{} \u{2014} {}", mode.label(), category.name);
            if editing {
                let on_input = {
                    let pid = pid.clone();
                    move |e: ev::Event| {
                        let v = event_target_value(&e);
                        let gesture = format!("boundary:{pid}:{number}:{}", mode.label());
                        session.edit(Some(&gesture), |w| {
                            w.boundary.set_answer(&pid, number, mode, v)
                        });
                    }
                };
                let aria = {
                    let pid = pid.clone();
                    move || {
                        let who = session.workshop.with(|w| {
                            w.boundary
                                .perspective(&pid)
                                .map(|p| p.name.clone())
                                .unwrap_or_default()
                        });
                        format!("{} \u{2014} {who}", mode.label())
                    }
                };
                view! {
                    <div class="present-answer">
                        <span class="mode-tag">{mode.label()}</span>
                        <textarea rows="3" aria-label=move || aria() prop:value=move || text() on:input=on_input
                            on:blur=move |_| session.seal()></textarea>
                    </div>
                }
                .into_any()
            } else {
                let shown = move || {
                    let t = text();
                    if t.trim().is_empty() {
                        "\u{2014}".to_string()
                    } else {
                        t
                    }
                };
                view! {
                    <div class="present-answer" title=label>
                        <span class="mode-tag">{mode.label()}</span>
                        <p>{move || shown()}</p>
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <li class="present-card">
                <h3>{move || name()}</h3>
                {field(Mode::Is)}
                {field(Mode::Ought)}
            </li>
        }
        .into_any()
    };
    let tensions = move || {
        session.workshop.with(|w| {
            slides::question_tensions(w, number)
                .into_iter()
                .enumerate()
                .filter(|(i, _)| shown_tensions.as_ref().is_none_or(|r| r.contains(i)))
                .map(|(_, (strong, what, note))| {
                    let level = if strong {
                        "Strong tension"
                    } else {
                        "Some tension"
                    };
                    let note = (!note.is_empty()).then(|| format!(" \u{2014} {note}"));
                    view! { <li class=if strong { "tension-strong" } else { "tension-some" }>
                    <strong>{level}</strong>{format!(", {what}")}{note}</li> }
                })
                .collect_view()
                .into_any()
        })
    };
    let cards_class = if cols > 0 {
        format!("present-cards cols-{cols}")
    } else {
        "present-cards".to_string()
    };
    view! {
        {head.then(|| view! {
            <p class="present-meta">{format!("{} \u{00b7} {}", category.source.label(), category.kind.label())}</p>
            <dl class="present-questions">
                <dt>"Is"</dt><dd>{category.question(Mode::Is)}</dd>
                <dt>"Ought"</dt><dd>{category.question(Mode::Ought)}</dd>
            </dl>
        })}
        <ul class=cards_class hidden=move || ids.with(Vec::is_empty)>
            {for_each_id(move || ids.get(), card)}
        </ul>
        <ul class="present-tensions">{move || tensions()}</ul>
    }
}

#[derive(Clone)]
enum Of {
    Map(String),
    Picture(String),
}

/// A map or a picture, drawn by its SVG export, as large as the slide allows and never so
/// small the room cannot read it; a map's parts are each node with its neighbours, the most
/// connected first.
#[component]
fn Figure(pr: Presenting, of: Of) -> impl IntoView {
    let session = pr.session;
    let of2 = of.clone();
    let label = match &of {
        Of::Map(_) => "The map",
        Of::Picture(_) => "The picture",
    };
    let svg = Signal::derive(move || {
        session
            .workshop
            .with(|w| match &of {
                Of::Map(id) => w
                    .maps
                    .iter()
                    .find(|m| &m.id == id)
                    .map(|m| inline_svg(&crate::export::map::svg::svg(m), "present")),
                Of::Picture(id) => w
                    .pictures
                    .iter()
                    .find(|p| &p.id == id)
                    .map(|p| inline_svg(&crate::export::picture::svg(p), "present")),
            })
            .unwrap_or_default()
    });
    let parts = Signal::derive(move || {
        let Of::Map(id) = &of2 else { return Vec::new() };
        session.workshop.with(|w| {
            let Some(m) = w.maps.iter().find(|m| &m.id == id) else {
                return Vec::new();
            };
            let mut near: Vec<Vec<usize>> = (0..m.nodes.len()).map(|i| vec![i]).collect();
            for l in &m.links {
                if let (Some(a), Some(b)) = (m.node_index(l.from), m.node_index(l.to))
                    && a != b
                {
                    near[a].push(b);
                    near[b].push(a);
                }
            }
            let mut order: Vec<usize> = (0..m.nodes.len()).collect();
            crate::order::sort_by_key(&mut order, |&i| std::cmp::Reverse(near[i].len()));
            order
                .into_iter()
                .map(|i| {
                    let select = near[i]
                        .iter()
                        .map(|k| format!("g.nodes > g:nth-child({})", k + 1))
                        .collect::<Vec<_>>()
                        .join(", ");
                    Part {
                        name: format!("{} and its neighbours", m.nodes[i].label.trim()),
                        select,
                        dims: "g.nodes > g",
                    }
                })
                .collect()
        })
    });
    view! { <FigureView pr=pr svg=svg parts=parts label=label /> }
}

/// While a round is scored: who has finished, never the scores.
#[component]
fn ScoringProgress(session: Session, round: String) -> impl IntoView {
    let rows = move || {
        session.workshop.with(|w| {
            let s = &w.scoring;
            let r = s.round(&round)?;
            let total = s.framework.elements.len();
            Some(
                s.scorers
                    .iter()
                    .map(|x| {
                        let done = s.answered_by(r, &x.id);
                        let class = if done == total { "done" } else { "" };
                        let label = s.scorer_label(&x.id);
                        view! { <li class=class>{label}<span>{format!("{done} of {total}")}</span></li> }
                    })
                    .collect_view()
                    .into_any(),
            )
        })
    };
    let framework = move || session.workshop.with(|w| w.scoring.framework.name.clone());
    view! {
        <p class="present-lead">"Each person scores every element of " <strong>{move || framework()}</strong>
            ". The results stay hidden until everyone has finished."</p>
        <ul class="present-scorers">{move || rows()}</ul>
        <p class="hint">"Press E to enter scores here, each scorer in turn."</p>
    }
}

/// A round's results: hidden until revealed, then weakest and disagreement, and a chart
/// (the picture, the radar or the bars) redrawn for the slide's size and the room's type.
#[component]
fn ResultsStep(pr: Presenting, round: String) -> impl IntoView {
    let session = pr.session;
    let round_id = round.clone();
    let rid = round.clone();
    let revealed = move || {
        session
            .workshop
            .with(|w| w.scoring.round(&rid).is_some_and(|r| r.revealed))
    };
    let rid = round.clone();
    let reveal = move |_| {
        let rid = rid.clone();
        session.edit(None, move |w| {
            if let Some(r) = w.scoring.rounds.iter_mut().find(|r| r.id == rid) {
                r.revealed = true;
            }
        });
    };
    let data = Memo::new(move |_| {
        session.workshop.with(|w| {
            let s = &w.scoring;
            let r = s.round(&round)?;
            Some((
                s.results(r),
                s.scale.range(),
                s.framework.based_on.clone(),
                r.name.clone(),
            ))
        })
    });
    let which = RwSignal::new(Chart::Picture);
    let stage = RwSignal::new((0.0_f64, 0.0_f64));
    let chart = Signal::derive(move || {
        let (w, h) = stage.get();
        let frame = if w > 0.0 && h > 0.0 {
            Frame {
                width: w,
                height: h,
                font: ROOM_TEXT,
            }
        } else {
            Frame::PAGE
        };
        let c = which.get();
        data.with(|d| {
            d.as_ref()
                .map(|(results, range, based_on, name)| {
                    inline_svg(
                        &c.draw(frame, results, *range, based_on, name).svg,
                        "present",
                    )
                })
                .unwrap_or_default()
        })
    });
    let parts = Signal::derive(move || {
        if which.get() != Chart::Picture {
            return Vec::new();
        }
        data.with(|d| {
            d.as_ref()
                .map(|(results, ..)| {
                    results
                        .iter()
                        .enumerate()
                        .map(|(k, r)| Part {
                            name: r.element.name.clone(),
                            select: format!("g.element:nth-of-type({})", k + 1),
                            dims: "g.element",
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let findings = move || {
        data.with(|d| {
            let (results, ..) = d.as_ref()?;
            let weakest = Scoring::weakest(results);
            // Each flagged element with its kind (split, dissent, spread, many don't know).
            let split: Vec<String> = results
                .iter()
                .filter_map(|r| {
                    let words = crate::analysis::by_group::flag_words(&r.summary);
                    (!words.is_empty()).then(|| format!("{} ({words})", r.element.name))
                })
                .collect();
            Some(view! {
                <p class="present-findings compact">
                    {weakest.map(|r| view! { <span>"Weakest: " <strong>{r.element.name.clone()}</strong>
                        {format!(" ({:.1})", r.summary.mean.unwrap_or_default())}</span> })}
                    {(!split.is_empty()).then(|| view! { <span>" \u{00b7} Flagged: " <strong>{split.join(", ")}</strong></span> })}
                </p>
            }
            .into_any())
        })
    };
    let switch = move || {
        Chart::ALL
            .into_iter()
            .map(|c| {
                view! { <button type="button" aria-pressed=move || (which.get() == c).to_string()
                on:click=move |_| which.set(c)>{c.label()}</button> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        {move || if revealed() {
            view! {
                <div class="present-results-head">
                    {move || findings()}
                    <div class="chart-switch" role="group" aria-label="Chart">{move || switch()}</div>
                </div>
                <FigureView pr=pr svg=chart parts=parts stage=stage label="The results" />
                <details class="present-by-perspective">
                    <summary>"Scores by perspective"</summary>
                    <crate::ui::scoring::ByPerspective session=session round=Signal::stored(Some(round_id.clone())) />
                </details>
            }.into_any()
        } else {
            view! {
                <p class="present-lead">"The results are hidden, so that nobody is swayed before everyone has scored."</p>
                <button type="button" class="primary present-reveal" on:click=reveal.clone()>"Reveal results"</button>
            }.into_any()
        }}
    }
}

/// What the workshop found (strongest tensions, the latest results, who was missing, the
/// marginal zone, the closing reflection: [`crate::analysis::findings`]), and the group's notes.
#[component]
fn SummaryStep(session: Session, page: Page, editing: bool) -> impl IntoView {
    let (shown, lines) = match page {
        Page::Summary { findings, notes } => (Some(findings), Some(notes)),
        _ => (None, None),
    };
    // The notes' heading goes with their first line.
    let with_notes = lines.as_ref().is_none_or(|r| r.start == 0 && !r.is_empty());
    let some_lines = lines.as_ref().is_none_or(|r| !r.is_empty());
    let no_findings = shown.as_ref().is_some_and(|r| r.is_empty());
    let found = Memo::new(move |_| session.workshop.with(crate::analysis::findings::findings));
    let items = move || {
        found
            .get()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| shown.as_ref().is_none_or(|r| r.contains(i)))
            .map(|(_, f)| {
                let class = match f.source {
                    crate::analysis::findings::Source::Reflection => "finding reflection",
                    crate::analysis::findings::Source::Margins => "finding margins",
                    _ => "finding",
                };
                view! { <li class=class><strong>{f.label}</strong>": "<span class="finding-text">{f.text}</span></li> }
            })
            .collect_view()
            .into_any()
    };
    let nothing = move || found.with(Vec::is_empty);
    let notes = move || session.workshop.with(|w| w.notes.clone());
    let shown_notes = move || {
        session.workshop.with(|w| {
            let all = slides::note_lines(w);
            match &lines {
                Some(r) => all
                    .get(r.start.min(all.len())..r.end.min(all.len()))
                    .unwrap_or_default()
                    .join("\n"),
                None => all.join("\n"),
            }
        })
    };
    let on_notes = move |e: ev::Event| {
        let v = event_target_value(&e);
        session.edit(Some("present:notes"), |w| w.notes = v);
    };
    view! {
        <ul class="present-findings" hidden=no_findings>{move || items()}</ul>
        <p class="hint" hidden=move || !nothing()>"No tensions marked, no results revealed and no closing reflection yet."</p>
        {with_notes.then(|| view! { <h3>"Notes and next steps"</h3> })}
        {if editing {
            view! { <textarea class="present-notes" rows="6" aria-label="Notes and next steps" prop:value=move || notes()
                on:input=on_notes on:blur=move |_| session.seal()></textarea> }.into_any()
        } else if some_lines {
            view! { <p class="present-notes-text">{move || shown_notes()}</p> }.into_any()
        } else {
            ().into_any()
        }}
    }
}
