//! Scores by perspective: a revealed round's results split by the roster group or the
//! involvement of whoever scored, element by element, each group's flag named by its kind (its
//! one-sentence meaning in the cell's title), the largest gap between group means, and a CSV
//! download. Used under the results and in presenting. The numbers come from
//! [`crate::analysis::by_group`].

use leptos::prelude::*;

use crate::analysis::by_group::{GroupBy, UNASSIGNED_NOTE, by_group};
use crate::analysis::stats::flag_text;
use crate::export::by_group::{cell, csv};
use crate::model::slug;
use crate::ui::browser::{download, download_said, today};
use crate::ui::workshop::Session;

#[component]
pub fn ByPerspective(
    session: Session,
    #[prop(into)] round: Signal<Option<String>>,
) -> impl IntoView {
    let by = RwSignal::new(GroupBy::Group);
    let message = RwSignal::new(None::<String>);
    let data = Memo::new(move |_| {
        let rid = round.get()?;
        let by = by.get();
        session.workshop.with(|w| {
            let r = w.scoring.round(&rid)?;
            Some(by_group(&w.scoring, r, &w.roster, by))
        })
    });
    let download_csv = move |_| {
        let (text, name) = session.workshop.with(|w| {
            (
                format!("\u{feff}{}", csv(&w.scoring, &w.roster)),
                format!(
                    "{}-scores-by-perspective-{}.csv",
                    slug(&w.title, "workshop"),
                    today()
                ),
            )
        });
        message.set(Some(download_said(
            &name,
            download(&name, &text, "text/csv;charset=utf-8"),
        )));
    };
    let table = move || {
        let Some(g) = data.get() else {
            return ().into_any();
        };
        if !g.comparable() {
            return view! {
                <p class="hint">"Only one group scored this round, so there is nothing to compare. Link scorers to roster entries under Set up \u{2192} Scorers; scorers with no link count as \u{201c}Unassigned\u{201d}."</p>
            }
            .into_any();
        }
        let heads = g
            .groups
            .iter()
            .map(|(name, k)| {
                let label = if *k > 0 {
                    format!("{name} ({k})")
                } else {
                    name.clone()
                };
                view! { <th scope="col">{label}</th> }
            })
            .collect_view();
        let rows = g
            .elements
            .iter()
            .map(|e| {
                let cells = e
                    .groups
                    .iter()
                    .map(|gr| {
                        let flagged =
                            gr.summary.disagreement.is_some() || gr.summary.many_dont_know;
                        let title = flag_text(&gr.summary).unwrap_or_default();
                        view! { <td class:flagged=flagged title=title>{cell(&gr.summary)}</td> }
                    })
                    .collect_view();
                let gap = e
                    .between()
                    .map_or("\u{2014}".to_string(), |d| format!("{d:.1}"));
                view! {
                    <tr>
                        <th scope="row">{e.element.name.clone()}</th>
                        {cells}
                        <td class="gap">{gap}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Scores by perspective: the table">
                <table class="stats-table by-group">
                    <thead><tr><th scope="col">"Element"</th>{heads}<th scope="col">"Largest gap between groups"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{UNASSIGNED_NOTE}</p>
        }
        .into_any()
    };
    view! {
        <section class="by-perspective" aria-labelledby="by-perspective-heading">
            <h3 id="by-perspective-heading">"Scores by perspective"</h3>
            <div class="by-perspective-bar">
                <div class="view-switch" role="group" aria-label="Compare by">
                    {GroupBy::ALL.into_iter().map(|g| view! {
                        <button type="button" aria-pressed=move || (by.get() == g).to_string()
                            on:click=move |_| by.set(g)>{g.label()}</button>
                    }).collect_view()}
                </div>
                <button type="button" on:click=download_csv>"Download by perspective (CSV)"</button>
                <span role="status" class="form-message">{move || message.get()}</span>
            </div>
            {move || table()}
        </section>
    }
}
