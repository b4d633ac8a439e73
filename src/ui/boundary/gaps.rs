//! The gaps view: one perspective's is/ought gaps, largest first (the facilitator's marks,
//! then answered questions not judged yet), each with both answers in the workshop's order
//! (ought first when the workshop asks so) and a way to judge it in the one-question view.

use leptos::prelude::*;

use super::{Critique, View};
use crate::content::csh::{self, Mode};
use crate::model::boundary::Level;

fn level_text(level: Level) -> &'static str {
    match level {
        Level::Strong => "strong gap",
        Level::Some => "some gap",
        Level::None => "not judged yet",
    }
}

#[component]
pub(super) fn Gaps(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let gaps = move || {
        ui.current_id().map_or_else(Vec::new, |pid| {
            session.workshop.with(|w| w.boundary.gaps(&pid))
        })
    };
    let ought_first = move || session.workshop.with(|w| w.boundary.ought_first);
    view! {
        <div class="gaps">
            <p class="hint">
                "Where this perspective's own answers pull apart: what it says is the case against what it says ought to be. Marked gaps come first, strongest first; then questions answered but not judged yet. Judge a gap with \u{201c}Open\u{201d}."
            </p>
            {move || {
                let list = gaps();
                if list.is_empty() {
                    return view! { <p class="empty">"No answers yet from this perspective."</p> }.into_any();
                }
                let modes = if ought_first() { [Mode::Ought, Mode::Is] } else { [Mode::Is, Mode::Ought] };
                view! {
                    <ol class="gap-list">
                        {list.into_iter().map(|g| {
                            let c = csh::category(g.question).expect("questions are 1 to 12");
                            let n = g.question;
                            let text = move |mode: Mode| {
                                let t = match mode { Mode::Is => g.is.clone(), Mode::Ought => g.ought.clone() };
                                if t.trim().is_empty() { "\u{2014} not answered".to_string() } else { t }
                            };
                            view! {
                                <li class="gap" class:strong=g.level == Level::Strong>
                                    <div class="gap-head">
                                        <strong>{format!("{n}. {}", c.name)}</strong>
                                        <span class="level-badge" class:strong=g.level == Level::Strong>{level_text(g.level)}</span>
                                        <button type="button" class="small" on:click=move |_| ui.open(View::Facilitate, n)>"Open"</button>
                                    </div>
                                    <dl class="gap-answers">
                                        {modes.into_iter().map(|m| view! {
                                            <dt><span class="mode-tag" class:ought=m == Mode::Ought>{m.label()}</span></dt>
                                            <dd>{text(m)}</dd>
                                        }).collect_view()}
                                    </dl>
                                    {(!g.note.trim().is_empty()).then(|| view! { <p class="gap-note">{g.note.clone()}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </div>
    }
}
