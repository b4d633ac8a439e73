//! The workshop page: details, roster, saving state, undo/redo and export.

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

mod session;

use leptos::ev;
use leptos::prelude::*;

use crate::model::Involvement;
use crate::model::workshop::{DetailField, StakeholderField};
use crate::persist::browser;
use crate::persist::library::workshop_key;
use crate::route::{Route, Section};
use crate::ui::browser::{format_time, fresh_id};
use crate::ui::lean::{effect, for_each_id};
use crate::ui::parts;
pub use session::{SaveStatus, Session};

/// Loads the workshop `id` and shows it, or says why it cannot.
#[component]
pub fn WorkshopPage(id: String, section: Signal<Section>) -> impl IntoView {
    match browser::load_workshop(&id) {
        None => view! {
            <article class="page">
                <h1>"Workshop not found"</h1>
                <p>"There is no workshop with this address in this browser. It may have been deleted, or saved in another browser."</p>
                <p><a href=Route::Home.href()>"Back to your workshops"</a></p>
            </article>
        }
        .into_any(),
        Some(Err(problem)) => view! {
            <article class="page">
                <h1>"This workshop cannot be opened"</h1>
                <p>{problem}</p>
                <p>"It is kept as it is. From the workshop list you can download its stored text."</p>
                <p><a href=Route::Home.href()>"Back to your workshops"</a></p>
            </article>
        }
        .into_any(),
        Some(Ok(restored)) => {
            let repairs = restored.repairs.clone();
            view! { <Editor session=Session::new(restored.saved) repairs=repairs section=section /> }.into_any()
        }
    }
}

#[component]
fn Editor(session: Session, repairs: Vec<String>, section: Signal<Section>) -> impl IntoView {
    let id = session.id();
    // Save at once when the page is hidden or closed; follow saves made in other tabs.
    let key = workshop_key(&id);
    let listeners = [
        window_event_listener(ev::pagehide, move |_| session.save_now()),
        window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                session.save_now();
            }
        }),
        window_event_listener(ev::storage, move |e| {
            // What this tab reads now, not the event's value: events from two quick saves can
            // arrive after this tab's own later write.
            if e.key().as_deref() == Some(key.as_str())
                && let Some(raw) = browser::stored_text(&key).or_else(|| e.new_value())
            {
                session.on_stored_elsewhere(&raw);
            }
        }),
        window_event_listener(ev::keydown, move |e| {
            let ctrl = e.ctrl_key() || e.meta_key();
            let k = e.key().to_lowercase();
            if ctrl && k == "z" && !e.shift_key() {
                e.prevent_default();
                session.undo();
            } else if ctrl && ((k == "z" && e.shift_key()) || k == "y") {
                e.prevent_default();
                session.redo();
            }
        }),
    ];
    // Where presenting started: the last address of a section other than the presentation.
    let here = || window().location().hash().unwrap_or_default();
    let section_href = move || {
        let h = here();
        matches!(Route::parse(&h), Route::Workshop(_, s) if s != Section::Present).then_some(h)
    };
    let back = StoredValue::new(
        section_href().unwrap_or_else(|| Route::Workshop(id.clone(), Section::Overview).href()),
    );
    let hashes = window_event_listener(ev::hashchange, move |_| {
        if let Some(h) = section_href() {
            back.set_value(h);
        }
    });
    on_cleanup(move || {
        session.save_now();
        hashes.remove();
        for l in listeners {
            l.remove();
        }
    });
    effect(move || {
        let title = session.workshop.with(|w| w.display_title().to_string());
        document().set_title(&format!("{title} \u{2014} CST Workbench"));
    });

    let repaired = (!repairs.is_empty()).then(|| {
        view! {
            <details class="banner info">
                <summary>"This workshop was repaired when it was opened (" {repairs.len()} " fixes)."</summary>
                <ul>{repairs.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </details>
        }
    });

    view! {
        <article class="page workshop">
            // One compact row: back to the library, the title, undo/redo/export and the saved state.
            <div class="workshop-head">
                <p class="breadcrumb"><a href=Route::Home.href() aria-label="\u{2190} All workshops">"\u{2190}"<span class="wide-only">" All workshops"</span></a></p>
                <h1 title=move || session.workshop.with(|w| w.display_title().to_string())>{move || session.workshop.with(|w| w.display_title().to_string())}</h1>
                <Toolbar session=session />
            </div>
            <StatusBanners session=session />
            {super::live_bar(session, section)}
            {repaired}
            <nav class="sections" aria-label="Workshop sections">
                {Section::ALL.into_iter().map(|s| {
                    let id = session.id();
                    view! {
                        <a href=Route::Workshop(id, s).href() aria-label=s.label()
                            aria-current=move || (section.get() == s).then_some("page")
                            on:pointerenter=move |_| parts::preload(s) on:focus=move |_| parts::preload(s)>
                            <span class="wide-only">{s.label()}</span><span class="narrow-only" aria-hidden="true">{s.short_label()}</span></a>
                    }
                }).collect_view()}
            </nav>
            <crate::ui::learn::LearnAside section=section workshop=session.id() />
            {move || match section.get() {
                Section::Overview => view! { <ExportStatus session=session /> <Details session=session /> <Roster session=session /> }.into_any(),
                // Every other section is a part of the app loaded when first opened.
                s => parts::section(s, session, back.get_value()).into_any(),
            }}
        </article>
    }
}

/// Undo, redo, export, and the saved indicator.
#[component]
fn Toolbar(session: Session) -> impl IntoView {
    let export = move |_| session.export();
    view! {
        <div class="toolbar" role="toolbar" aria-label="Workshop">
            <button type="button" on:click=move |_| session.undo() disabled=move || !session.can_undo.get()
                aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">"Undo"</button>
            <button type="button" on:click=move |_| session.redo() disabled=move || !session.can_redo.get()
                aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z)">"Redo"</button>
            <button type="button" on:click=export>"Export workshop"</button>
            <SavedIndicator session=session />
        </div>

    }
}

/// When the workshop was last exported, as a gentle reminder.
#[component]
fn ExportStatus(session: Session) -> impl IntoView {
    view! {
        <p class="export-status">
            {move || session.meta.with(|m| match m.last_exported_at {
                None => "Not exported yet. Export after the workshop to keep a copy outside this browser.".to_string(),
                Some(t) if m.needs_export() => format!("Last exported {}; changed since.", format_time(t)),
                Some(t) => format!("Last exported {}.", format_time(t)),
            })}
        </p>
    }
}

#[component]
fn SavedIndicator(session: Session) -> impl IntoView {
    let text = move || match session.status.get() {
        SaveStatus::Saved { .. } => "Saved".to_string(),
        SaveStatus::Pending => "Saving\u{2026}".to_string(),
        SaveStatus::Quota => "Not saved: storage full".to_string(),
        SaveStatus::Conflict { .. } => "Not saved: changed in another tab".to_string(),
        SaveStatus::Failed(_) => "Not saved".to_string(),
    };
    let class = move || match session.status.get() {
        SaveStatus::Saved { .. } => "save-state saved",
        SaveStatus::Pending => "save-state pending",
        _ => "save-state problem",
    };
    let title = move || match session.status.get() {
        SaveStatus::Saved { at } => format!("Saved in this browser at {}", format_time(at)),
        _ => String::new(),
    };
    view! { <span class=move || class() role="status" aria-live="polite" title=move || title() data-testid="save-state">{move || text()}</span> }
}

/// The banners for storage full, a newer version elsewhere, a failed save, or an update.
#[component]
fn StatusBanners(session: Session) -> impl IntoView {
    // What to do when changes could not be saved: keep a copy outside the browser, try again.
    let save_actions = move || {
        view! {
            <p class="actions">
                <button type="button" on:click=move |_| session.export()>"Export this workshop"</button>
                <button type="button" on:click=move |_| session.save_now()>"Try saving again"</button>
            </p>
        }
    };
    let copy_error = RwSignal::new(None::<String>);
    let save_copy = move |_| match session.save_as_copy(fresh_id("w")) {
        Ok(new_id) => {
            let _ = window()
                .location()
                .set_hash(&Route::workshop(new_id).href());
        }
        Err(e) => copy_error.set(Some(format!("The copy could not be saved: {e}."))),
    };
    view! {
        {move || match session.status.get() {
            SaveStatus::Quota => Some(view! {
                <div class="banner problem" role="alert">
                    <p><strong>"This browser's storage is full, so your latest changes are not saved."</strong>
                    " They are still here on screen, and the last saved copy is intact. Export this workshop to a file now, then delete old workshops from the list to make room, and try again."</p>
                    {save_actions()}
                </div>
            }.into_any()),
            SaveStatus::Conflict { .. } => Some(view! {
                <div class="banner problem" role="alert">
                    <p><strong>"This workshop was changed in another tab or window."</strong>
                    " Your changes here are not saved, so that neither version overwrites the other."</p>
                    <p class="actions">
                        <button type="button" on:click=move |_| session.reload_from_storage()>"Load the newer version (drop my changes)"</button>
                        <button type="button" on:click=save_copy>"Keep mine as a copy"</button>
                    </p>
                    {move || copy_error.get().map(|e| view! { <p>{e}</p> }.into_any())}
                </div>
            }.into_any()),
            SaveStatus::Failed(why) => Some(view! {
                <div class="banner problem" role="alert">
                    <p><strong>"Your latest changes could not be saved."</strong> " The browser said: " {why}
                    ". They are still here on screen."</p>
                    {save_actions()}
                </div>
            }.into_any()),
            _ => None,
        }}
        {move || session.notice.get().map(|n| view! {
            <div class="banner info" role="status">
                <p>{n}</p>
                <button type="button" on:click=move |_| session.notice.set(None)>"OK"</button>
            </div>
        }.into_any())}
    }
}

/// Title, purpose, date, facilitator, notes.
#[component]
pub(crate) fn Details(session: Session) -> impl IntoView {
    let field = move |f: DetailField,
                      label: &'static str,
                      kind: &'static str,
                      hint: &'static str| {
        let id = format!("detail-{f:?}").to_lowercase();
        let gesture = format!("detail:{f:?}");
        let value = move || session.workshop.with(|w| w.detail(f).to_string());
        let on_input = move |e: ev::Event| {
            let v = event_target_value(&e);
            session.edit(Some(&gesture), |w| w.set_detail(f, v));
        };
        let input = if kind == "textarea" {
            view! { <textarea id=id.clone() rows="3" prop:value=move || value() on:input=on_input on:blur=move |_| session.seal()></textarea> }.into_any()
        } else {
            view! { <input id=id.clone() type=kind prop:value=move || value() on:input=on_input on:blur=move |_| session.seal() /> }.into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
                {input}
            </div>
        }
    };
    view! {
        <section class="details" aria-labelledby="details-heading">
            <h2 id="details-heading">"Details"</h2>
            {field(DetailField::Title, "Title", "text", "")}
            {field(DetailField::Purpose, "Purpose or focus question", "textarea", "What the workshop is for, or the question it asks.")}
            <div class="field-row">
                {field(DetailField::Date, "Date", "date", "")}
                {field(DetailField::Facilitator, "Facilitator", "text", "")}
            </div>
            {field(DetailField::Notes, "Notes", "textarea", "")}
        </section>
    }
}

/// The stakeholders: add, edit, mark involved or affected, remove.
#[component]
pub(crate) fn Roster(session: Session) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let group = RwSignal::new(String::new());
    let involvement = RwSignal::new(Involvement::Involved);
    let name_ref = NodeRef::<leptos::html::Input>::new();
    let add = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            return;
        }
        let g = group.get_untracked();
        let inv = involvement.get_untracked();
        session.edit(None, |w| {
            w.add_stakeholder(fresh_id("s"), &n, &g, inv);
        });
        name.set(String::new());
        group.set(String::new());
        if let Some(input) = name_ref.get() {
            let _ = input.focus();
        }
    };
    let counts = move || {
        session.workshop.with(|w| {
            let affected = w
                .roster
                .iter()
                .filter(|s| s.involvement == Involvement::Affected)
                .count();
            (w.roster.len() - affected, affected)
        })
    };
    view! {
        <section class="roster" aria-labelledby="roster-heading">
            <h2 id="roster-heading">"Roster"</h2>
            <p class="hint">
                "Everyone the workshop concerns. Mark those who are affected by the programme but take no part in it: boundary critique asks who speaks for them."
            </p>
            <p class="roster-counts">{move || { let (i, a) = counts(); format!("{i} involved, {a} affected but not involved") }}</p>
            <ul class="roster-list" aria-label="Stakeholders">
                {for_each_id(
                    move || session.workshop.with(|w| w.roster.iter().map(|s| s.id.clone()).collect::<Vec<_>>()),
                    move |sid| view! { <RosterRow session=session sid=sid /> }.into_any(),
                )}
            </ul>
            <form class="add-stakeholder" on:submit=add>
                <h3>"Add a stakeholder"</h3>
                <div class="field-row">
                    <div class="field">
                        <label for="new-name">"Name or role"</label>
                        <input id="new-name" node_ref=name_ref type="text" required
                            prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e)) />
                    </div>
                    <div class="field">
                        <label for="new-group">"Group or organisation"</label>
                        <input id="new-group" type="text"
                            prop:value=move || group.get() on:input=move |e| group.set(event_target_value(&e)) />
                    </div>
                    <div class="field">
                        <label for="new-involvement">"Involvement"</label>
                        <select id="new-involvement" on:change=move |e| {
                            if let Some(i) = Involvement::from_str_opt(&event_target_value(&e)) { involvement.set(i) }
                        }>
                            {Involvement::ALL.into_iter().map(|i| view! {
                                <option value=i.as_str() prop:selected=move || involvement.get() == i>{i.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <button type="submit" class="primary">"Add to roster"</button>
            </form>
        </section>
    }
}

#[component]
fn RosterRow(session: Session, sid: String) -> impl IntoView {
    // One memo per row: the fields below re-render only when this stakeholder changes.
    let row = {
        let sid = sid.clone();
        Memo::new(move |_| {
            session
                .workshop
                .with(|w| w.roster.iter().find(|s| s.id == sid).cloned())
        })
    };
    let get = move |f: fn(&crate::model::Stakeholder) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let name = get(|s| s.name.clone());
    let group = get(|s| s.group.clone());
    let inv = get(|s| s.involvement.as_str().to_string());
    let edit_text = {
        let sid = sid.clone();
        move |field: StakeholderField| {
            let sid = sid.clone();
            let gesture = format!("roster:{sid}:{field:?}");
            move |e: ev::Event| {
                let v = event_target_value(&e);
                session.edit(Some(&gesture), |w| w.set_stakeholder_text(&sid, field, v));
            }
        }
    };
    let on_name = edit_text(StakeholderField::Name);
    let on_group = edit_text(StakeholderField::Group);
    let sid_inv = sid.clone();
    let on_inv = move |e: ev::Event| {
        if let Some(i) = Involvement::from_str_opt(&event_target_value(&e)) {
            session.edit(None, |w| w.set_involvement(&sid_inv, i));
        }
    };
    let remove = move |_| session.edit(None, |w| w.remove_stakeholder(&sid));
    let row_label = move || {
        let n = name();
        if n.is_empty() {
            "unnamed stakeholder".to_string()
        } else {
            n
        }
    };
    view! {
        <li class=move || format!("stakeholder {}", inv())>
            <input type="text" class="name" aria-label=move || format!("Name or role of {}", row_label())
                prop:value=move || name() on:input=on_name on:blur=move |_| session.seal() />
            <input type="text" class="group" aria-label=move || format!("Group or organisation of {}", row_label())
                placeholder="Group or organisation"
                prop:value=move || group() on:input=on_group on:blur=move |_| session.seal() />
            <select aria-label=move || format!("Involvement of {}", row_label()) on:change=on_inv>
                {Involvement::ALL.into_iter().map(|i| {
                    view! { <option value=i.as_str() prop:selected=move || inv() == i.as_str()>{i.label()}</option> }
                }).collect_view()}
            </select>
            <button type="button" class="remove" on:click=remove aria-label=move || format!("Remove {}", row_label())>"Remove"</button>
        </li>
    }
}
