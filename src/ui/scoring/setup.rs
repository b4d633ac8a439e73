//! Setting up: the round's name, the framework's elements, the scale, the scorers.

use leptos::ev;
use leptos::prelude::*;

use super::ScoringPage;
use crate::content::frameworks;
use crate::model::scoring::{Element, ScalePreset};
use crate::ui::browser::fresh_id;
use crate::ui::lean::{When, for_each_id};

#[component]
pub(super) fn Setup(ui: ScoringPage) -> impl IntoView {
    let round_name = move || {
        let rid = ui.round.get().unwrap_or_default();
        ui.with(|s| s.round(&rid).map(|r| r.name.clone()).unwrap_or_default())
    };
    let rename_round = move |e: ev::Event| {
        let v = event_target_value(&e);
        let rid = ui.round_id();
        ui.edit(Some(&format!("scoring:round:{rid}")), |s| {
            if let Some(r) = s.rounds.iter_mut().find(|r| r.id == rid) {
                r.name = v;
            }
        });
    };
    let scale_key = move || ui.with(|s| s.scale.preset().map_or("", |p| p.key()));
    let set_scale = move |e: ev::Event| {
        if let Some(p) = ScalePreset::from_key(&event_target_value(&e)) {
            ui.edit(None, |s| {
                let allow = s.scale.allow_dont_know;
                s.scale = p.scale();
                s.scale.allow_dont_know = allow;
            });
        }
    };
    let anchors = move || {
        ui.with(|s| {
            s.scale
                .levels()
                .map(|v| s.scale.level_label(v))
                .collect::<Vec<_>>()
                .join(" \u{2502} ")
        })
    };
    let session = ui.session;
    view! {
        <div class="scoring-setup">
            <div class="field-row">
                <div class="field">
                    <label for="round-name">"Round name"</label>
                    <input id="round-name" type="text" prop:value=move || round_name() on:input=rename_round on:blur=move |_| session.seal() />
                </div>
                <div class="field">
                    <label for="scale">"Scale"</label>
                    <select id="scale" on:change=set_scale>
                        {ScalePreset::ALL.iter().map(|p| {
                            let key = p.key();
                            view! { <option value=key selected=move || scale_key() == key>{p.label()}</option> }
                        }).collect_view()}
                    </select>
                    <p class="hint">{move || anchors()}</p>
                </div>
                <div class="field">
                    <span class="label-like">"Don't know"</span>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || ui.with(|s| s.scale.allow_dont_know)
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                ui.edit(None, |s| s.scale.allow_dont_know = on);
                            } />
                        "Allow \u{201c}don't know\u{201d} (counted, never averaged)"
                    </label>
                </div>
            </div>
            <Scorers ui=ui />
            <ImportScores ui=ui />
            <Elements ui=ui />
        </div>
    }
}

#[component]
fn Scorers(ui: ScoringPage) -> impl IntoView {
    let session = ui.session;
    let new_name = RwSignal::new(String::new());
    let add = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let name = new_name.get_untracked();
        let id = fresh_id("s");
        ui.edit(None, |s| s.add_scorer(id, &name));
        new_name.set(String::new());
    };
    view! {
        <section aria-labelledby="scorers-heading">
            <h3 id="scorers-heading">"Scorers"</h3>
            <p class="hint">"Leave a name blank to keep a scorer anonymous (shown as \u{201c}Scorer 3\u{201d})."</p>
            <ol class="scorer-list">
                {for_each_id(move || ui.scorer_ids.get(), move |sid| {
                    let label = {
                        let sid = sid.clone();
                        move || ui.with(|s| s.scorer_label(&sid))
                    };
                    let name = {
                        let sid = sid.clone();
                        move || ui.with(|s| s.scorers.iter().find(|x| x.id == sid).map(|x| x.name.clone()).unwrap_or_default())
                    };
                    let rename = {
                        let sid = sid.clone();
                        move |e: ev::Event| {
                            let v = event_target_value(&e);
                            ui.edit(Some(&format!("scoring:scorer:{sid}")), |s| {
                                if let Some(x) = s.scorers.iter_mut().find(|x| x.id == sid) {
                                    x.name = v;
                                }
                            });
                        }
                    };
                    let remove = {
                        let sid = sid.clone();
                        move |_| ui.edit(None, |s| s.remove_scorer(&sid))
                    };
                    let label2 = label.clone();
                    let sid_sv = StoredValue::new(sid.clone());
                    let label3 = move || sid_sv.with_value(|sid| ui.with(|s| s.scorer_label(sid)));
                    let linked = move || sid_sv.with_value(|sid| {
                        ui.with(|s| s.scorers.iter().find(|x| x.id == *sid).and_then(|x| x.roster_id.clone()).unwrap_or_default())
                    });
                    let link = move |e: ev::Event| {
                        let v = event_target_value(&e);
                        let sid = sid_sv.get_value();
                        ui.session.edit(None, |w| {
                            let entry = w.roster.iter().find(|r| r.id == v).map(|r| (r.id.clone(), r.name.clone()));
                            if let Some(x) = w.scoring.scorers.iter_mut().find(|x| x.id == sid) {
                                match entry {
                                    Some((id, name)) => {
                                        x.roster_id = Some(id);
                                        if x.name.trim().is_empty() {
                                            x.name = name;
                                        }
                                    }
                                    None => x.roster_id = None,
                                }
                            }
                        });
                    };
                    let roster = move || session.workshop.with(|w| w.roster.iter().map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>());
                    view! {
                        <li>
                            <input type="text" aria-label=move || format!("Name of {}", label()) placeholder="Anonymous"
                                prop:value=move || name() on:input=rename on:blur=move |_| session.seal() />
                            <When when=move || !roster().is_empty()>
                                <select aria-label=move || format!("Roster entry of {}", label3()) on:change=link>
                                    <option value="" selected=move || linked().is_empty()>"Not on the roster"</option>
                                    {move || roster().into_iter().map(|(id, name)| {
                                        let selected = { let id = id.clone(); move || linked() == id };
                                        view! { <option value=id selected=move || selected()>{name}</option> }
                                    }).collect_view().into_any()}
                                </select>
                            </When>
                            <button type="button" class="danger small" aria-label=move || format!("Remove {}", label2())
                                on:click=remove>"Remove"</button>
                        </li>
                    }
                    .into_any()
                })}
            </ol>
            <When when=move || session.workshop.with(|w| !w.roster.is_empty())>
                <button type="button" on:click=move |_| {
                    ui.session.edit(None, |w| {
                        let roster = w.roster.clone();
                        for r in roster {
                            if !w.scoring.scorers.iter().any(|x| x.roster_id.as_deref() == Some(r.id.as_str())) {
                                w.scoring.scorers.push(crate::model::scoring::Scorer {
                                    id: fresh_id("s"),
                                    name: r.name.clone(),
                                    roster_id: Some(r.id.clone()),
                                });
                            }
                        }
                    });
                }>"Add everyone on the roster"</button>
            </When>
            <form class="add-perspective" on:submit=add>
                <label for="new-scorer" class="visually-hidden">"New scorer's name"</label>
                <input id="new-scorer" type="text" placeholder="Name, or leave blank"
                    prop:value=move || new_name.get() on:input=move |e| new_name.set(event_target_value(&e)) />
                <button type="submit">"Add scorer"</button>
            </form>
        </section>
    }
}

#[component]
fn Elements(ui: ScoringPage) -> impl IntoView {
    let session = ui.session;
    let groups = move || {
        ui.with(|s| {
            // A framework of the group's own is drawn as a ring, so it gets the cycle's places.
            frameworks::builtin(&s.framework.based_on)
                .unwrap_or(&frameworks::CYCLE)
                .groups
                .to_vec()
        })
    };
    let add = move |_| {
        let id = fresh_id("e");
        ui.edit(None, |s| {
            let group = frameworks::builtin(&s.framework.based_on)
                .unwrap_or(&frameworks::CYCLE)
                .groups
                .last()
                .copied()
                .unwrap_or_default()
                .to_string();
            s.framework.elements.push(Element {
                id,
                name: "New element".into(),
                group,
                ..Element::default()
            });
        });
    };
    view! {
        <section aria-labelledby="elements-heading">
            <h3 id="elements-heading">"Elements"</h3>
            <div class="field">
                <label for="framework-name">"Framework name"</label>
                <input id="framework-name" type="text" prop:value=move || ui.with(|s| s.framework.name.clone())
                    on:input=move |e| {
                        let v = event_target_value(&e);
                        ui.edit(Some("scoring:framework:name"), |s| s.framework.name = v);
                    }
                    on:blur=move |_| session.seal() />
            </div>
            <p class="hint">"Rename, regroup or add elements to fit your programme. On the cycle, more operational elements are drawn on the left and more relational ones on the right."</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="The elements, one per row">
                <table class="elements-table">
                    <thead><tr><th scope="col">"Element"</th><th scope="col">"Place"</th><th scope="col">"What it means"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        {for_each_id(move || ui.element_ids.get(), move |eid| {
                            let get = {
                                let eid = eid.clone();
                                move |f: fn(&Element) -> String| {
                                    let eid = eid.clone();
                                    move || ui.with(|s| s.framework.elements.iter().find(|e| e.id == eid).map(f).unwrap_or_default())
                                }
                            };
                            let set = {
                                let eid = eid.clone();
                                move |field: &'static str| {
                                    let eid = eid.clone();
                                    move |e: ev::Event| {
                                        let v = event_target_value(&e);
                                        ui.edit(Some(&format!("scoring:element:{eid}:{field}")), |s| {
                                            if let Some(el) = s.framework.elements.iter_mut().find(|x| x.id == eid) {
                                                match field {
                                                    "name" => el.name = v,
                                                    "group" => el.group = v,
                                                    _ => el.description = v,
                                                }
                                            }
                                        });
                                    }
                                }
                            };
                            let name = get(|e| e.name.clone());
                            let label = name.clone();
                            let label2 = name.clone();
                            let label3 = name.clone();
                            let group = get(|e| e.group.clone());
                            let group2 = group.clone();
                            let remove = {
                                let eid = eid.clone();
                                move |_| ui.edit(None, |s| s.framework.elements.retain(|e| e.id != eid))
                            };
                            let shift = {
                                let eid = eid.clone();
                                move |by: isize| {
                                    let eid = eid.clone();
                                    move |_| ui.edit(None, |s| s.framework.move_element(&eid, by))
                                }
                            };
                            let description = get(|e| e.description.clone());
                            let label4 = name.clone();
                            let label5 = name.clone();
                            view! {
                                <tr>
                                    <td><input type="text" aria-label="Element name" prop:value=move || name() on:input=set("name") on:blur=move |_| session.seal() /></td>
                                    <td>
                                        <select aria-label=move || format!("Place of {}", label()) on:change=set("group")>
                                            {move || {
                                                let mut options = groups();
                                                let current = group();
                                                if !current.is_empty() && !options.contains(&current.as_str()) {
                                                    options.push("other");
                                                }
                                                options.into_iter().map(|g| {
                                                    let g = g.to_string();
                                                    let selected = { let g = g.clone(); let group2 = group2.clone(); move || group2() == g };
                                                    view! { <option value=g.clone() selected=move || selected()>{g.clone()}</option> }
                                                }).collect_view().into_any()
                                            }}
                                        </select>
                                    </td>
                                    <td><input type="text" aria-label=move || format!("What {} means", label2()) prop:value=move || description() on:input=set("description") on:blur=move |_| session.seal() /></td>
                                    <td class="row-actions">
                                        <button type="button" class="small" aria-label=move || format!("Move {} up", label4()) on:click=shift(-1)>"\u{2191}"</button>
                                        <button type="button" class="small" aria-label=move || format!("Move {} down", label5()) on:click=shift(1)>"\u{2193}"</button>
                                        <button type="button" class="danger small" aria-label=move || format!("Remove {}", label3()) on:click=remove>"Remove"</button>
                                    </td>
                                </tr>
                            }
                            .into_any()
                        })}
                    </tbody>
                </table>
            </div>
            <button type="button" on:click=add>"Add an element"</button>
        </section>
    }
}

/// Scores from a CSV file (the app's own "all scores" download, or a sheet laid out the same).
#[component]
fn ImportScores(ui: ScoringPage) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let message = RwSignal::new(None::<(bool, String)>);
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        el.set_value("");
        let name = file.name();
        if file.size() > crate::import::scores::MAX_BYTES as f64 {
            message.set(Some((
                true,
                format!("\u{201c}{name}\u{201d} is too large for a scores file (at most 2 MB). Nothing was imported."),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match crate::ui::browser::file_text(&file).await {
                Ok(t) => t,
                Err(e) => return message.set(Some((true, format!("\u{201c}{name}\u{201d}: {e}")))),
            };
            let round = ui.round_id();
            let result = ui.session.workshop.with_untracked(|w| {
                crate::import::scores::import(&w.scoring, &text, &round, &mut |p| fresh_id(p))
            });
            match result {
                Ok(done) => {
                    let summary = format!(
                        "Imported {} scores from \u{201c}{name}\u{201d}{}{}.{}",
                        done.read,
                        if done.new_scorers > 0 {
                            format!(", {} new scorers", done.new_scorers)
                        } else {
                            String::new()
                        },
                        if done.new_rounds > 0 {
                            format!(", {} new rounds", done.new_rounds)
                        } else {
                            String::new()
                        },
                        if done.skipped.is_empty() {
                            String::new()
                        } else {
                            format!(" Left out: {}.", done.skipped.join("; "))
                        }
                    );
                    ui.edit(None, |s| *s = done.scoring);
                    message.set(Some((false, summary)));
                }
                Err(problem) => {
                    message.set(Some((true, format!("\u{201c}{name}\u{201d}: {problem}"))))
                }
            }
        });
    };
    view! {
        <section aria-labelledby="import-scores-heading">
            <h3 id="import-scores-heading">"Import scores"</h3>
            <p class="hint">"A CSV file with the columns scorer, element and value (and, if you like, round, dont_know and comment): the layout of the \u{201c}all scores\u{201d} download. Rows go into this round unless they name another. Undo takes an import back."</p>
            <label class="button-like" for="import-scores">"Choose a CSV file\u{2026}"</label>
            <input id="import-scores" class="visually-hidden" type="file" accept=".csv,text/csv" node_ref=input on:change=on_change />
            {move || message.get().map(|(problem, text)| if problem {
                view! { <p role="alert" class="notice warn">{text}</p> }.into_any()
            } else {
                view! { <p role="status">{text}</p> }.into_any()
            })}
        </section>
    }
}
