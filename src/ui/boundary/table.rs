//! The classic table: four sources of influence by three kinds of category, for one
//! perspective, with what is answered and what is not.

use leptos::prelude::*;

use super::{Critique, View};
use crate::content::csh::{self, Category, Kind, Mode, Source};

/// The classic table: four sources of influence by three kinds of category, for one
/// perspective, with what is answered and what is not.
#[component]
pub(super) fn Table(ui: Critique) -> impl IntoView {
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
                    ui.open(View::Facilitate, c.number);
                }>{format!("{}. {}", c.number, c.name)}</button>
                <dl>
                    {move || {
                        let modes = if session.workshop.with(|w| w.boundary.ought_first) {
                            [Mode::Ought, Mode::Is]
                        } else {
                            [Mode::Is, Mode::Ought]
                        };
                        modes.into_iter().map(|m| view! {
                            <dt>{m.label()}</dt>
                            <dd class=move || if ui.answer(c.number, m).trim().is_empty() { "open" } else { "" }>{move || text(m)}</dd>
                        }).collect_view().into_any()
                    }}
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
