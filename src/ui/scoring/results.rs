//! Results of a round, hidden until the facilitator reveals them: the picture, the ranking
//! weakest first, the statistics with disagreement flags, and the rounds side by side.

use leptos::prelude::*;

use super::ScoringPage;
use super::downloads::{DownloadMenu, Item};
use crate::analysis::stats::{self, Summary};
use crate::export::scoring_svg::{Chart, Frame};
use crate::model::scoring::ElementResult;
use crate::model::slug;
use crate::ui::browser::{download, download_said, today};

fn num(x: Option<f64>) -> String {
    x.map_or("\u{2014}".into(), |v| format!("{v:.1}"))
}

#[component]
pub(super) fn Results(ui: ScoringPage) -> impl IntoView {
    let revealed = move || {
        let rid = ui.round.get().unwrap_or_default();
        ui.with(|s| s.round(&rid).is_some_and(|r| r.revealed))
    };
    let set_revealed = move |on: bool| {
        let rid = ui.round_id();
        ui.edit(None, |s| {
            if let Some(r) = s.rounds.iter_mut().find(|r| r.id == rid) {
                r.revealed = on;
            }
        });
    };
    let progress = move || {
        let rid = ui.round.get().unwrap_or_default();
        ui.with(|s| {
            let Some(r) = s.round(&rid) else {
                return String::new();
            };
            let total = s.framework.elements.len();
            let done = s
                .scorers
                .iter()
                .filter(|x| total > 0 && s.answered_by(r, &x.id) == total)
                .count();
            let hands = r.hands.len();
            format!(
                "{done} of {} scorers have scored every element{}.",
                s.scorers.len(),
                if hands > 0 {
                    format!("; show-of-hands counts for {hands} elements")
                } else {
                    String::new()
                }
            )
        })
    };
    view! {
        <div class="results">
            {move || if revealed() {
                view! {
                    <button type="button" on:click=move |_| set_revealed(false)>"Hide results"</button>
                    <Revealed ui=ui />
                }.into_any()
            } else {
                view! {
                    <p class="lead">"The results are hidden, so that nobody is swayed before everyone has scored."</p>
                    <p>{move || progress()}</p>
                    <button type="button" class="primary" on:click=move |_| {
                        set_revealed(true);
                        // The button is gone: the results' heading goes to the top of the
                        // screen with the picture under it, and takes the focus.
                        request_animation_frame(|| {
                            if let Some(h) = document()
                                .get_element_by_id("results-heading")
                                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                            {
                                h.scroll_into_view();
                                let _ = h.focus();
                            }
                        });
                    }>"Reveal results"</button>
                }.into_any()
            }}
        </div>
    }
}

#[component]
fn Revealed(ui: ScoringPage) -> impl IntoView {
    let data = Memo::new(move |_| {
        let rid = ui.round.get().unwrap_or_default();
        ui.with(|s| {
            let round = s.round(&rid)?;
            Some((
                s.results(round),
                s.scale.clone(),
                s.framework.based_on.clone(),
                round.name.clone(),
            ))
        })
    });
    let drawn = move |c: Chart| {
        data.with(|d| {
            d.as_ref().map(|(results, scale, based_on, name)| {
                c.draw(Frame::PAGE, results, scale.range(), based_on, name)
            })
        })
    };
    let chart = move |c: Chart| drawn(c).map(|d| d.svg);
    let ranking = move || {
        data.with(|d| {
            let (results, ..) = d.as_ref()?;
            let summaries: Vec<Summary> = results.iter().map(|r| r.summary.clone()).collect();
            let order = stats::rank_weakest_first(&summaries);
            Some(
                order
                    .into_iter()
                    .map(|i| {
                        let r = &results[i];
                        let text = match r.summary.mean {
                            Some(m) => format!("{} \u{2014} mean {m:.1}", r.element.name),
                            None => format!("{} \u{2014} not scored", r.element.name),
                        };
                        view! { <li>{text}</li> }
                    })
                    .collect_view()
                    .into_any(),
            )
        })
    };
    let table = move || {
        data.with(|d| {
            let (results, scale, ..) = d.as_ref()?;
            let scale = scale.clone();
            Some(
                results
                    .iter()
                    .map(|r: &ElementResult| {
                        let s = &r.summary;
                        // Drawn as SVG attributes: the policy forbids inline styles.
                        let most = s.distribution.iter().copied().max().unwrap_or(0).max(1);
                        let width = s.distribution.len() * 14;
                        let bars = s
                            .distribution
                            .iter()
                            .enumerate()
                            .map(|(i, &c)| {
                                let h = (c as f64 / most as f64 * 30.0).max(1.0);
                                view! {
                                    <rect x=(i * 14 + 1).to_string() y=format!("{:.1}", 32.0 - h)
                                        width="12" height=format!("{h:.1}") />
                                }
                            })
                            .collect_view();
                        let described = s
                            .distribution
                            .iter()
                            .enumerate()
                            .map(|(i, c)| format!("{}:\u{a0}{c}", scale.min + i as i32))
                            .collect::<Vec<_>>()
                            .join(" ");
                        let flag = stats::flag_text(s);
                        view! {
                            <tr class:flagged=flag.is_some()>
                                <th scope="row">{r.element.name.clone()}</th>
                                <td class="num">{s.n}</td>
                                <td class="num">{num(s.mean)}</td>
                                <td class="num">{num(s.median)}</td>
                                <td class="num">{num(s.sd)}</td>
                                <td class="num">{num(s.iqr())}</td>
                                <td class="num">{match (s.min, s.max) { (Some(a), Some(b)) => format!("{a}\u{2013}{b}"), _ => "\u{2014}".into() }}</td>
                                <td class="num">{s.dont_know}</td>
                                <td>
                                    <svg class="bars" viewBox=format!("0 0 {width} 32") width=(width * 2).to_string() height="48"
                                        aria-hidden="true">{bars}</svg>
                                    <span class="bar-text">{described}</span>
                                </td>
                                <td>{flag.map(|f| view! { <span class="level-badge strong">"\u{2691} " {f}</span> })}</td>
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any(),
            )
        })
    };
    let message = RwSignal::new(None::<String>);
    // "<workshop>-<round>-" for file names.
    let stem = move || {
        ui.session.workshop.with(|w| {
            let round = w
                .scoring
                .round(&ui.round_id())
                .map(|r| r.name.clone())
                .unwrap_or_default();
            format!("{}-{}", slug(&w.title, "workshop"), slug(&round, "round"))
        })
    };
    let said = move |name: &str, result: Result<(), String>| {
        message.set(Some(download_said(name, result)));
    };
    let export = move |what: &'static str| {
        let title = ui.session.workshop.with(|w| w.title.clone());
        let base = slug(&title, "workshop");
        let (name, text, mime) = match what {
            "scores" => (
                format!("{base}-scores-{}.csv", today()),
                format!("\u{feff}{}", ui.with(crate::export::scoring::scores_csv)),
                "text/csv;charset=utf-8",
            ),
            "summary-csv" => (
                format!("{base}-scores-summary-{}.csv", today()),
                format!("\u{feff}{}", ui.with(crate::export::scoring::summary_csv)),
                "text/csv;charset=utf-8",
            ),
            _ => (
                format!("{base}-scores-summary-{}.md", today()),
                ui.with(|s| crate::export::scoring::summary_markdown(s, &title)),
                "text/markdown;charset=utf-8",
            ),
        };
        said(&name, download(&name, &text, mime));
    };
    let svg = move |c: Chart| {
        let name = format!("{}-{}.svg", stem(), c.key());
        said(
            &name,
            download(&name, &chart(c).unwrap_or_default(), "image/svg+xml"),
        );
    };
    // PNG: the same SVG drawn on a canvas.
    let png = move |c: Chart| {
        let name = format!("{}-{}.png", stem(), c.key());
        let Some(d) = drawn(c) else { return };
        let (w, h) = (d.width.round() as u32, d.height.round() as u32);
        leptos::task::spawn_local(async move {
            let result = crate::ui::browser::download_svg_as_png(&d.svg, w, h, &name).await;
            said(&name, result);
        });
    };
    let mut items = vec![
        Item {
            label: "All scores (CSV)".into(),
            run: Callback::new(move |()| export("scores")),
        },
        Item {
            label: "Summary (CSV)".into(),
            run: Callback::new(move |()| export("summary-csv")),
        },
        Item {
            label: "Summary with comments (Markdown)".into(),
            run: Callback::new(move |()| export("summary-md")),
        },
    ];
    for (c, label) in [
        (Chart::Picture, "Picture"),
        (Chart::Radar, "Radar"),
        (Chart::Distribution, "Distribution"),
    ] {
        items.push(Item {
            label: format!("{label} (SVG)"),
            run: Callback::new(move |()| svg(c)),
        });
        items.push(Item {
            label: format!("{label} (PNG)"),
            run: Callback::new(move |()| png(c)),
        });
    }
    let title = move || {
        data.with(|d| {
            d.as_ref()
                .map(|(.., name)| format!("Results: {name}"))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="revealed">
            <h3 id="results-heading" tabindex="-1">{move || title()}</h3>
            <div class="charts">
                <div class="chart" inner_html=move || chart(Chart::Picture)></div>
                <div class="chart radar" inner_html=move || chart(Chart::Radar)></div>
            </div>
            <div class="export-actions">
                <DownloadMenu id="results-downloads" label="Download the scores, the summary or a chart"
                    items=items message=message />
            </div>
            <div class="results-columns">
                <section aria-labelledby="ranking-heading">
                    <h3 id="ranking-heading">"Weakest to strongest"</h3>
                    <ol class="ranking">{move || ranking()}</ol>
                </section>
                <section aria-labelledby="rule-heading">
                    <h3 id="rule-heading">"How disagreement is flagged"</h3>
                    <p>{stats::RULE}</p>
                    <p class="hint">"Look at the spread before the mean: a middling mean can hide a group split in two."</p>
                </section>
            </div>
            <Comments ui=ui />
            <h3>"Scores by element"</h3>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Scores by element">
                <table class="stats-table">
                    <thead>
                        <tr>
                            <th scope="col">"Element"</th>
                            <th scope="col" title="Scores given">"n"</th>
                            <th scope="col">"Mean"</th>
                            <th scope="col">"Median"</th>
                            <th scope="col" title="Standard deviation">"SD"</th>
                            <th scope="col" title="Interquartile range">"IQR"</th>
                            <th scope="col">"Range"</th>
                            <th scope="col">"Don't know"</th>
                            <th scope="col">"Distribution"</th>
                            <th scope="col">"Flag"</th>
                        </tr>
                    </thead>
                    <tbody>{move || table()}</tbody>
                </table>
            </div>
            <super::by_group::ByPerspective session=ui.session round=ui.round />
            <RoundsCompared ui=ui />
        </div>
    }
}

/// What the scorers wrote, element by element: who (or anonymous) and what, as text.
#[component]
fn Comments(ui: ScoringPage) -> impl IntoView {
    let body = move || {
        let rid = ui.round.get().unwrap_or_default();
        ui.with(|s| {
            let round = s.round(&rid)?;
            let by_element = crate::export::scoring::comments(s, round);
            let total: usize = by_element.iter().map(|e| e.comments.len()).sum();
            let lead = if total == 0 {
                "Nobody wrote a comment in this round.".to_string()
            } else {
                format!(
                    "{total} comment{} on {} element{}. A scorer without a name is anonymous here.",
                    if total == 1 { "" } else { "s" },
                    by_element.len(),
                    if by_element.len() == 1 { "" } else { "s" }
                )
            };
            let parts = by_element
                .into_iter()
                .enumerate()
                .map(|(i, ec)| {
                    let heading = format!("comments-{i}");
                    let items = ec
                        .comments
                        .iter()
                        .map(|c| {
                            let who = c.said_by().to_string();
                            view! {
                                <li>
                                    <span class="said-by" class:anonymous=c.who.is_none()>{who} ": "</span>
                                    <span class="comment-text">{c.text.clone()}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="element-comments" aria-labelledby=heading.clone()>
                            <h4 id=heading.clone()>{ec.element.name.clone()}</h4>
                            <ul>{items}</ul>
                        </section>
                    }
                })
                .collect_view();
            Some(view! { <p class="hint">{lead}</p> {parts} }.into_any())
        })
    };
    view! {
        <section class="comments" aria-labelledby="comments-heading">
            <h3 id="comments-heading">"What the scorers wrote"</h3>
            {move || body()}
        </section>
    }
}

/// Every round's mean per element, with the change from the round before.
#[component]
fn RoundsCompared(ui: ScoringPage) -> impl IntoView {
    let body = move || {
        ui.with(|s| {
            if s.rounds.len() < 2 {
                return None;
            }
            let per_round: Vec<Vec<ElementResult>> =
                s.rounds.iter().map(|r| s.results(r)).collect();
            let head = s
                .rounds
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let name = r.name.clone();
                    view! {
                        <th scope="col">{name}</th>
                        {(i > 0).then(|| view! { <th scope="col">"Change"</th> })}
                    }
                })
                .collect_view();
            let rows = s
                .framework
                .elements
                .iter()
                .enumerate()
                .map(|(e, el)| {
                    let cells = per_round
                        .iter()
                        .enumerate()
                        .map(|(i, results)| {
                            let mean = results[e].summary.mean;
                            let change = (i > 0).then(|| {
                                let before = per_round[i - 1][e].summary.mean;
                                match (before, mean) {
                                    (Some(b), Some(a)) => {
                                        let d = a - b;
                                        let arrow = if d > 0.05 {
                                            "\u{25b2} +"
                                        } else if d < -0.05 {
                                            "\u{25bc} \u{2212}"
                                        } else {
                                            "= "
                                        };
                                        format!("{arrow}{:.1}", d.abs())
                                    }
                                    _ => "\u{2014}".into(),
                                }
                            });
                            view! {
                                <td class="num">{num(mean)}</td>
                                {change.map(|c| view! { <td class="num change">{c}</td> })}
                            }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{el.name.clone()}</th>{cells}</tr> }
                })
                .collect_view();
            Some(view! {
                <h3>"Rounds side by side (mean)"</h3>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Rounds side by side">
                    <table class="stats-table rounds-table">
                        <thead><tr><th scope="col">"Element"</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any())
        })
    };
    view! { {move || body()} }
}
