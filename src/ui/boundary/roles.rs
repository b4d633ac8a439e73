//! Beside the role questions (1 beneficiary, 4 decision-maker, 7 expert, 10 witness): who on
//! the roster holds the role now and who should, marked with two checkboxes per entry.

use leptos::prelude::*;

use super::Critique;
use crate::model::boundary::Role;

#[component]
pub(super) fn RoleAside(ui: Critique, question: u8) -> impl IntoView {
    let Some(role) = Role::of_question(question) else {
        return ().into_any();
    };
    let session = ui.session;
    let names = move |is: bool| {
        session.workshop.with(|w| {
            let list: Vec<String> = w
                .boundary
                .holders(role, is, &w.roster)
                .iter()
                .map(|s| s.name.clone())
                .collect();
            if list.is_empty() {
                "nobody marked".to_string()
            } else {
                list.join(", ")
            }
        })
    };
    let roster = move || session.workshop.with(|w| w.roster.clone());
    view! {
        <aside class="role-aside" aria-label=format!("Who is the {}", role.label().to_lowercase())>
            <p><strong>{format!("{} now: ", role.label())}</strong><span class="role-now">{move || names(true)}</span></p>
            <p><strong>"Should be: "</strong><span class="role-ought">{move || names(false)}</span></p>
            <details class="role-marks">
                <summary>"Mark on the roster who holds this role"</summary>
                {move || {
                    let entries = roster();
                    if entries.is_empty() {
                        return view! { <p class="hint">"The roster is empty. Add stakeholders under Details and roster."</p> }.into_any();
                    }
                    view! {
                        <table class="role-table">
                            <thead><tr><th scope="col">"Roster entry"</th><th scope="col">"Is"</th><th scope="col">"Ought"</th></tr></thead>
                            <tbody>
                                {entries.into_iter().map(|s| {
                                    let (sid, sname) = (s.id.clone(), s.name.clone());
                                    let check = move |is: bool| {
                                        let (id_a, id_b) = (sid.clone(), sid.clone());
                                        let checked = move || session.workshop.with(|w| w.boundary.has_role(&id_a, role, is));
                                        let toggle = move |e: leptos::ev::Event| {
                                            let on = event_target_checked(&e);
                                            let id = id_b.clone();
                                            session.edit(None, move |w| w.boundary.set_role(&id, role, is, on));
                                        };
                                        let mode = if is { "is" } else { "ought" };
                                        let label = format!("{sname} {mode}");
                                        view! { <td><input type="checkbox" aria-label=label prop:checked=move || checked() on:change=toggle /></td> }
                                    };
                                    view! {
                                        <tr><th scope="row">{s.name.clone()} " \u{2014} " {s.involvement.label().to_lowercase()}</th>{check(true)}{check(false)}</tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </details>
        </aside>
    }
    .into_any()
}
