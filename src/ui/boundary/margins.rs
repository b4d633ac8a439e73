//! Midgley's boundary analysis: the primary and the secondary boundary, the marginal zone
//! between them, stakeholders (from the roster) and issues placed in the three zones by drag
//! or by a select (keyboard, projector clicker), sacred / profane marks for what sits in the
//! margin, and what holds the boundaries in place. Every change is one edit of the workshop.
//! [`MarginsBoard`] is shared with presenting (read-only there unless editing).

use leptos::ev;
use leptos::prelude::*;

use super::Critique;
use crate::content::margins as words;
use crate::model::boundary::{Mark, Zone};
use crate::ui::browser::fresh_id;
use crate::ui::workshop::Session;

/// The boundary analysis view in the boundary critique section.
#[component]
pub(super) fn Margins(ui: Critique) -> impl IntoView {
    let session = ui.session;
    let field = move |id: &'static str, (label, hint): (&'static str, &'static str), which: u8| {
        let gesture = format!("margins:{id}");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <p class="hint">{hint}</p>
                <textarea id=id rows="2"
                    prop:value=move || session.workshop.with(|w| {
                        let m = &w.boundary.margins;
                        match which { 0 => m.primary.clone(), 1 => m.secondary.clone(), _ => m.holds.clone() }
                    })
                    on:input=move |e| {
                        let v = event_target_value(&e);
                        session.edit(Some(&gesture), move |w| {
                            let m = &mut w.boundary.margins;
                            match which { 0 => m.primary = v, 1 => m.secondary = v, _ => m.holds = v }
                        });
                    }
                    on:blur=move |_| session.seal()></textarea>
            </div>
        }
    };
    view! {
        <div class="margins">
            <p class="hint">{words::INTRO} " " <cite>{words::CITE}</cite></p>
            <div class="margins-boundaries">
                {field("margins-primary", words::PRIMARY, 0)}
                {field("margins-secondary", words::SECONDARY, 1)}
            </div>
            <MarginsBoard session=session editable=true />
            <dl class="margins-marks">
                {words::MARKS.iter().map(|(name, what)| view! { <dt>{*name}</dt><dd>{*what}</dd> }).collect_view()}
            </dl>
            {field("margins-holds", words::HOLDS, 2)}
        </div>
    }
}

/// What a select or a drop can do with an element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Unplaced,
    In(Zone),
}

impl Target {
    fn key(self) -> &'static str {
        match self {
            Target::Unplaced => "unplaced",
            Target::In(z) => z.key(),
        }
    }

    fn from_key(key: &str) -> Option<Target> {
        if key == "unplaced" {
            Some(Target::Unplaced)
        } else {
            Zone::from_key(key).map(Target::In)
        }
    }
}

/// A chip's identity: a placement's id, or a roster entry not placed yet.
#[derive(Clone, PartialEq, Eq)]
enum Chip {
    Placed(String),
    Roster(String),
}

impl Chip {
    fn encode(&self) -> String {
        match self {
            Chip::Placed(id) => format!("p:{id}"),
            Chip::Roster(id) => format!("r:{id}"),
        }
    }

    fn decode(text: &str) -> Option<Chip> {
        if let Some(id) = text.strip_prefix("p:") {
            Some(Chip::Placed(id.to_string()))
        } else {
            text.strip_prefix("r:")
                .map(|id| Chip::Roster(id.to_string()))
        }
    }
}

/// What a chip shows.
#[derive(Clone, PartialEq)]
struct ChipData {
    chip: Chip,
    name: String,
    zone: Option<Zone>,
    issue: bool,
    mark: Option<Mark>,
}

/// Moves a chip to a target, as one edit.
fn move_chip(session: Session, chip: Chip, target: Target) {
    session.edit(None, move |w| {
        let m = &mut w.boundary.margins;
        match (chip, target) {
            (Chip::Placed(id), Target::In(z)) => m.set_zone(&id, z),
            (Chip::Placed(id), Target::Unplaced) => {
                // An issue has nowhere else to go: only stakeholders return to the tray.
                if m.get(&id).is_some_and(|p| !p.is_issue()) {
                    m.remove(&id);
                }
            }
            (Chip::Roster(rid), Target::In(z)) => {
                m.place_stakeholder(fresh_id("m"), &rid, z);
            }
            (Chip::Roster(_), Target::Unplaced) => {}
        }
    });
}

/// The three zones (and, when editing, the tray of roster entries not placed yet and a form
/// for issues).
#[component]
pub fn MarginsBoard(session: Session, editable: bool) -> impl IntoView {
    let dragging = RwSignal::new(None::<Chip>);
    let over = RwSignal::new(None::<&'static str>);
    let issue = RwSignal::new(String::new());
    let issue_zone = RwSignal::new(Zone::Marginal);
    let add_issue = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let text = issue.get_untracked();
        let zone = issue_zone.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        session.edit(None, move |w| {
            w.boundary.margins.add_issue(fresh_id("m"), &text, zone);
        });
        issue.set(String::new());
    };
    let drop_on = move |target: Target| {
        move |e: ev::DragEvent| {
            e.prevent_default();
            over.set(None);
            let chip = e
                .data_transfer()
                .and_then(|d| d.get_data("text/plain").ok())
                .and_then(|t| Chip::decode(&t))
                .or_else(|| dragging.get_untracked());
            dragging.set(None);
            if let Some(chip) = chip {
                move_chip(session, chip, target);
            }
        }
    };
    let chip_view = move |data: ChipData| {
        let ChipData {
            chip,
            name,
            zone,
            issue: issue_,
            mark,
        } = data;
        let mark_class = mark.map_or("", |m| m.key());
        let encoded = chip.encode();
        let here = zone.map_or(Target::Unplaced, Target::In);
        let chip_drag = chip.clone();
        let controls = editable.then(|| {
            let chip_zone = chip.clone();
            let targets: Vec<Target> = if issue_ {
                Zone::ALL.into_iter().map(Target::In).collect()
            } else {
                std::iter::once(Target::Unplaced)
                    .chain(Zone::ALL.into_iter().map(Target::In))
                    .collect()
            };
            let mark_select = (zone == Some(Zone::Marginal)).then(|| {
                let Chip::Placed(id) = chip.clone() else {
                    return ().into_any();
                };
                view! {
                    <select class="chip-mark" aria-label=format!("Mark of {name}") on:change=move |e| {
                        let m = Mark::from_key(&event_target_value(&e));
                        let id = id.clone();
                        session.edit(None, move |w| w.boundary.margins.set_mark(&id, m));
                    }>
                        <option value="" selected=mark.is_none()>"no mark"</option>
                        {Mark::ALL.into_iter().map(|m| view! {
                            <option value=m.key() selected=mark == Some(m)>{m.key()}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any()
            });
            let remove = (issue_).then(|| {
                let Chip::Placed(id) = chip.clone() else {
                    return ().into_any();
                };
                view! {
                    <button type="button" class="small danger" aria-label=format!("Remove {name}")
                        on:click=move |_| {
                            let id = id.clone();
                            session.edit(None, move |w| w.boundary.margins.remove(&id));
                        }>"Remove"</button>
                }
                .into_any()
            });
            view! {
                <select class="chip-zone" aria-label=format!("Where {name} sits") on:change=move |e| {
                    if let Some(t) = Target::from_key(&event_target_value(&e)) {
                        move_chip(session, chip_zone.clone(), t);
                    }
                }>
                    {targets.into_iter().map(|t| {
                        let label = match t { Target::Unplaced => "not placed", Target::In(z) => z.short() };
                        view! { <option value=t.key() selected=t == here>{label}</option> }
                    }).collect_view()}
                </select>
                {mark_select}
                {remove}
            }
        });
        view! {
            <li class=format!("chip {mark_class}") class:issue=issue_ draggable=editable.then_some("true")
                on:dragstart=move |e: ev::DragEvent| {
                    if let Some(d) = e.data_transfer() {
                        let _ = d.set_data("text/plain", &encoded);
                        d.set_effect_allowed("move");
                    }
                    dragging.set(Some(chip_drag.clone()));
                }
                on:dragend=move |_| { dragging.set(None); over.set(None); }>
                <span class="chip-name">{name.clone()}</span>
                {issue_.then(|| view! { <span class="chip-tag">"issue"</span> })}
                {mark.map(|m| view! { <span class=format!("chip-tag {}", m.key())>{m.key()}</span> })}
                {controls}
            </li>
        }
    };
    // The chips of each zone and of the tray, as memos: typing in a text field above does not
    // rebuild them (nor take the focus from a select).
    let lists = Memo::new(move |_| {
        session.workshop.with(|w| {
            let m = &w.boundary.margins;
            let placed: Vec<ChipData> = m
                .placed
                .iter()
                .map(|p| ChipData {
                    chip: Chip::Placed(p.id.clone()),
                    name: m.name_of(p, &w.roster),
                    zone: Some(p.zone),
                    issue: p.is_issue(),
                    mark: p.shown_mark(),
                })
                .collect();
            let unplaced: Vec<ChipData> = m
                .unplaced(&w.roster)
                .into_iter()
                .map(|s| ChipData {
                    chip: Chip::Roster(s.id.clone()),
                    name: s.name.clone(),
                    zone: None,
                    issue: false,
                    mark: None,
                })
                .collect();
            (placed, unplaced)
        })
    });
    let zone_list = move |zone: Zone| {
        let chips: Vec<ChipData> = lists.with(|(placed, _)| {
            placed
                .iter()
                .filter(|c| c.zone == Some(zone))
                .cloned()
                .collect()
        });
        if chips.is_empty() {
            return view! { <p class="zone-empty">"Nothing here yet"</p> }.into_any();
        }
        view! { <ul class="chips">{chips.into_iter().map(chip_view).collect_view()}</ul> }
            .into_any()
    };
    let zones = Zone::ALL
        .into_iter()
        .map(|zone| {
            let key = zone.key();
            view! {
                <section class=format!("zone zone-{key}") class:drop-over=move || over.get() == Some(key)
                    aria-label=zone.label()
                    on:dragover=move |e: ev::DragEvent| { e.prevent_default(); over.set(Some(key)); }
                    on:dragleave=move |_| over.set(None)
                    on:drop=drop_on(Target::In(zone))>
                    <h3>{zone.label()}</h3>
                    {move || zone_list(zone)}
                </section>
            }
        })
        .collect_view();
    let tray = editable.then(|| {
        view! {
            <section class="zone zone-unplaced" class:drop-over=move || over.get() == Some("unplaced")
                aria-label="Not placed yet"
                on:dragover=move |e: ev::DragEvent| { e.prevent_default(); over.set(Some("unplaced")); }
                on:dragleave=move |_| over.set(None)
                on:drop=drop_on(Target::Unplaced)>
                <h3>"Not placed yet (from the roster)"</h3>
                {move || {
                    let chips = lists.with(|(_, unplaced)| unplaced.clone());
                    if chips.is_empty() {
                        return view! { <p class="zone-empty">"Everyone on the roster is placed."</p> }.into_any();
                    }
                    view! { <ul class="chips">{chips.into_iter().map(chip_view).collect_view()}</ul> }.into_any()
                }}
                <form class="add-issue" on:submit=add_issue>
                    <label for="margins-issue">"An issue"</label>
                    <input id="margins-issue" type="text" placeholder="e.g. Bus fares in a rural county"
                        prop:value=move || issue.get() on:input=move |e| issue.set(event_target_value(&e)) />
                    <label for="margins-issue-zone" class="visually-hidden">"Zone of the new issue"</label>
                    <select id="margins-issue-zone" on:change=move |e| {
                        if let Some(z) = Zone::from_key(&event_target_value(&e)) { issue_zone.set(z) }
                    }>
                        {Zone::ALL.into_iter().map(|z| view! {
                            <option value=z.key() selected=move || issue_zone.get() == z>{z.short()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit">"Add issue"</button>
                </form>
            </section>
        }
    });
    // While presenting, the two boundaries and what holds them are read out beside the zones.
    let texts = (!editable).then(|| {
        let rows = move || {
            session.workshop.with(|w| {
                let m = &w.boundary.margins;
                [
                    ("Primary boundary", m.primary.clone()),
                    ("Secondary boundary", m.secondary.clone()),
                    ("What holds the boundaries in place", m.holds.clone()),
                ]
                .into_iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(label, t)| view! { <dt>{label}</dt><dd>{t}</dd> })
                .collect_view()
                .into_any()
            })
        };
        view! { <dl class="margins-read">{move || rows()}</dl> }
    });
    view! {
        <div class="margins-board" class:editable=editable>
            <div class="zones" role="group" aria-label="Boundary analysis: the three zones">
                {zones}
            </div>
            <p class="boundary-lines" aria-hidden="true">
                <span>"primary boundary \u{2192}"</span>
                <span>"secondary boundary \u{2192}"</span>
            </p>
            {tray}
            {texts}
        </div>
    }
}
