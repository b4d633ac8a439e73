//! The agenda: every step in order, to reorder, skip, plan minutes for, or jump to.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::Presenting;
use crate::model::agenda::{self as plan, MAX_MINUTES, Step};
use crate::ui::lean::{effect, for_each_id};

#[component]
pub(super) fn AgendaDialog(pr: Presenting) -> impl IntoView {
    let session = pr.session;
    let dialog = NodeRef::<html::Dialog>::new();
    effect(move || {
        let open = pr.agenda_open.get();
        let Some(d) = dialog.get() else { return };
        if open && !d.open() {
            let _ = d.show_modal();
        } else if !open && d.open() {
            d.close();
        }
    });
    let entries = Memo::new(move |_| session.workshop.with(plan::steps));
    let slugs =
        Memo::new(move |_| entries.with(|e| e.iter().map(|e| e.step.slug()).collect::<Vec<_>>()));
    let row = move |slug: String| {
        let Some(step) = Step::from_slug(&slug) else {
            return ().into_any();
        };
        let entry = {
            let step = step.clone();
            Memo::new(move |_| entries.with(|e| e.iter().find(|e| e.step == step).cloned()))
        };
        let name = {
            let step = step.clone();
            move || session.workshop.with(|w| step.title(w))
        };
        let index = {
            let step = step.clone();
            Memo::new(move |_| entries.with(|e| e.iter().position(|e| e.step == step).unwrap_or(0)))
        };
        let count = move || entries.with(Vec::len);
        let is_current = {
            let step = step.clone();
            move || {
                pr.slide()
                    .is_some_and(|s| s.entry.step == step && s.part == 0)
            }
        };
        let skip = move || {
            session
                .workshop
                .with(|w| entry.with(|e| e.as_ref().is_some_and(|e| e.skipped(w))))
        };
        let minutes = move || {
            entry.with(|e| {
                e.as_ref()
                    .and_then(|e| e.minutes)
                    .map(|m| m.to_string())
                    .unwrap_or_default()
            })
        };
        let s1 = step.clone();
        let on_show = move |e: ev::Event| {
            let on = event_target_checked(&e);
            let s = s1.clone();
            session.edit(None, move |w| w.set_skipped(&s, !on));
        };
        let s2 = step.clone();
        let on_minutes = move |e: ev::Event| {
            let v = event_target_value(&e);
            let m = v.trim().parse::<u32>().ok();
            let s = s2.clone();
            let gesture = format!("agenda:minutes:{}", s.slug());
            session.edit(Some(&gesture), move |w| w.set_minutes(&s, m));
        };
        let step_m = step.clone();
        let mover = move |by: isize| {
            let s = step_m.clone();
            move |_| {
                let s = s.clone();
                session.edit(None, move |w| w.move_step(&s, by));
            }
        };
        let go = {
            let slug = slug.clone();
            move |_| {
                let i = pr
                    .shown
                    .with_untracked(|s| s.iter().position(|e| e.entry.step.slug() == slug));
                if let Some(i) = i {
                    pr.agenda_open.set(false);
                    pr.go(i);
                }
            }
        };
        // Each control names its step: "Present Welcome", "Move Welcome earlier", …
        let labelled = |before: &'static str, after: &'static str| {
            let name = name.clone();
            move || format!("{before}{}{after}", name())
        };
        let show_label = labelled("Present ", "");
        let minutes_label = labelled("Minutes for ", "");
        let up_label = labelled("Move ", " earlier");
        let down_label = labelled("Move ", " later");
        let go_label = labelled("Go to ", "");
        // The step's continuation slides, each to go to.
        let more = {
            let step = step.clone();
            move || {
                let parts: Vec<(usize, String)> = pr.shown.with(|s| {
                    s.iter()
                        .enumerate()
                        .filter(|(_, x)| x.entry.step == step && x.part > 0)
                        .map(|(i, x)| (i, session.workshop.with(|w| x.title(w))))
                        .collect()
                });
                parts
                    .into_iter()
                    .map(|(i, title)| {
                        let here = move || pr.current.get() == i;
                        let label = format!("Go to {title}");
                        view! {
                            <li class="agenda-continued" aria-current=move || here().then_some("step")>
                                <span class="agenda-part-name">{title}</span>
                                <button type="button" aria-label=label on:click=move |_| {
                                    pr.agenda_open.set(false);
                                    pr.go(i);
                                }>"Go"</button>
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        };
        view! {
            <li class:skipped=move || skip() aria-current=move || is_current().then_some("step")>
                <input type="checkbox" prop:checked=move || !skip() on:change=on_show aria-label=move || show_label() />
                <span class="agenda-name">{move || name()}</span>
                <input type="number" inputmode="numeric" min="0" max=MAX_MINUTES.to_string() step="1"
                    placeholder="min" prop:value=move || minutes() on:input=on_minutes aria-label=move || minutes_label()
                    on:blur=move |_| session.seal() />
                <button type="button" class="icon" aria-label=move || up_label() disabled=move || index.get() == 0
                    on:click=mover(-1)>"\u{2191}"</button>
                <button type="button" class="icon" aria-label=move || down_label() disabled=move || { index.get() + 1 >= count() }
                    on:click=mover(1)>"\u{2193}"</button>
                <button type="button" aria-label=move || go_label() disabled=move || skip() on:click=go>"Go"</button>
            </li>
            {move || more()}
        }
        .into_any()
    };
    let planned = move || {
        let (total, shown): (u32, usize) = session.workshop.with(|w| {
            entries.with(|e| {
                let on = e.iter().filter(|e| !e.skipped(w));
                (on.clone().filter_map(|e| e.minutes).sum(), on.count())
            })
        });
        let all = entries.with(Vec::len);
        let time = if total > 0 {
            format!(", {total} minutes planned")
        } else {
            String::new()
        };
        format!("{shown} of {all} steps presented{time}.")
    };
    view! {
        <dialog class="agenda" node_ref=dialog aria-labelledby="agenda-h"
            on:close=move |_| pr.agenda_open.set(false)>
            <div class="dialog-head">
                <h2 id="agenda-h">"Agenda"</h2>
                <button type="button" on:click=move |_| pr.agenda_open.set(false)>"Close"</button>
            </div>
            <p class="hint">"Untick a step to skip it; arrows change the order; minutes set the timer. Changes are saved with the workshop."</p>
            <p role="status">{move || planned()}</p>
            <ol class="agenda-list">
                {for_each_id(move || slugs.get(), row)}
            </ol>
            <p><button type="button" on:click=move |_| session.edit(None, |w| w.reset_agenda())>
                "Back to the default order"</button></p>
        </dialog>
    }
}
