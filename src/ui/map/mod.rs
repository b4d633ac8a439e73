//! Concept maps section of a workshop (`#/w/<id>/maps[/<map>]`): the workshop's maps, a new map
//! from a template, and the editor: the SVG canvas (`canvas.rs`) or the outline (`outline.rs`),
//! with the inspector and legend (`inspect.rs`), layouts and analysis (`analyse.rs`) beside it.
//! The editor's shared state is [`Ed`] (`state.rs`); around the drawing it uses the shared
//! editor frame (`crate::ui::editor`), and its gestures are the pure machine
//! `crate::interact::map` (`gestures.rs` applies what it asks for).
//!
//! The canvas keeps one live position signal per node. Dragging moves only those signals (the
//! dragged node and the links that touch it re-render, nothing else); the model changes once,
//! when the gesture ends, as one undoable edit (a move by a delta from where the nodes were).

mod analyse;
mod canvas;
mod draw;
mod files;
mod frames;
mod gestures;
mod inks;
mod inspect;
mod keys;
mod label;
mod lift;
mod link_keys;
mod marks;
mod node_notes;
mod outline;
mod paint;
mod picker;
mod pieces;
mod rail;
mod state;

use leptos::ev;
use leptos::prelude::*;

use crate::content::map_templates::Template;
use crate::route::Route;
use crate::ui::browser::fresh_id;
use crate::ui::editor::focus::focus_mode;
use crate::ui::editor::notice::{Notice, NoticeLine, confirm_delete};
use crate::ui::workshop::Session;

pub(crate) use state::{Ed, Highlight, Look, Show};

/// The maps of a workshop and the open one.
#[component]
pub fn MapsView(session: Session) -> impl IntoView {
    let workshop_id = session.id();
    let map_ids = Memo::new(move |_| {
        session
            .workshop
            .with(|w| w.maps.iter().map(|m| m.id.clone()).collect::<Vec<_>>())
    });
    let asked = RwSignal::new(Route::map_in(
        &window().location().hash().unwrap_or_default(),
    ));
    let listener = window_event_listener(ev::hashchange, move |_| {
        asked.set(Route::map_in(
            &window().location().hash().unwrap_or_default(),
        ));
    });
    on_cleanup(move || listener.remove());
    let open = Memo::new(move |_| {
        let ids = map_ids.get();
        asked
            .get()
            .filter(|a| ids.contains(a))
            .or_else(|| ids.first().cloned())
    });
    let choosing = RwSignal::new(false);
    provide_context(Notice::new());
    provide_context(files::FitOnOpen(StoredValue::new(None)));
    let wid = workshop_id.clone();
    view! {
        <section class="maps" aria-labelledby="maps-heading">
            <h2 id="maps-heading">"Concept maps"</h2>
            <div class="rounds-bar">
                <nav class="perspective-tabs" aria-label="Maps">
                    <For each=move || map_ids.get() key=|id| id.clone() children=move |mid| {
                        let href = Route::map_href(&wid, &mid);
                        let name = {
                            let mid = mid.clone();
                            move || session.workshop.with(|w| {
                                w.maps.iter().find(|m| m.id == mid).map(|m| m.display_title().to_string()).unwrap_or_default()
                            })
                        };
                        view! {
                            <a class="perspective-tab" href=href
                                aria-current=move || (open.get().as_deref() == Some(mid.as_str())).then_some("page")>{move || name()}</a>
                        }
                    } />
                </nav>
                <button type="button" aria-expanded=move || choosing.get().to_string()
                    on:click=move |_| choosing.update(|c| *c = !*c)>"New map"</button>
            </div>
            <ImportNotice />
            {move || (choosing.get() || map_ids.with(Vec::is_empty)).then(|| {
                view! { <Templates session=session choosing=choosing /> }
            })}
            {move || open.get().map(|id| view! { <Editor session=session id=id /> })}
        </section>
    }
}

/// The templates a new map can start from.
#[component]
fn Templates(session: Session, choosing: RwSignal<bool>) -> impl IntoView {
    let create = move |t: Template| {
        let id = fresh_id("m");
        let wid = session.id();
        let href = Route::map_href(&wid, &id);
        session.edit(None, |w| {
            let map = t.build(id, &w.title, &w.roster);
            w.maps.push(map.into());
        });
        choosing.set(false);
        let _ = window().location().set_hash(&href);
    };
    let roster_empty = Memo::new(move |_| session.workshop.with(|w| w.roster.is_empty()));
    view! {
        <p class="lead">"A concept map shows ideas and how they link. Start from a blank page or from one of the paper's maps, then make it your group's own."</p>
        <ul class="cards">
            {Template::ALL.into_iter().map(|t| view! {
                <li class="card">
                    <h3>{t.name()}</h3>
                    <p>{t.description()}</p>
                    {(t == Template::Stakeholders).then(|| view! {
                        <p class="hint" hidden=move || !roster_empty.get()>"The roster is empty, so this map will have the programme alone. Add stakeholders under Details and roster first."</p>
                    })}
                    <button type="button" class="primary" on:click=move |_| create(t)>{format!("Start a {}", t.name().to_lowercase())}</button>
                </li>
            }).collect_view()}
        </ul>
        <files::Import session=session />
    }
}

/// One map's editor, for a step of the presentation.
#[component]
pub fn MapStep(session: Session, id: String) -> impl IntoView {
    provide_context(Notice::new());
    view! {
        <section class="maps">
            <ImportNotice />
            <Editor session=session id=id />
        </section>
    }
}

/// One map: its details, the canvas or outline, and the side panel.
#[component]
fn Editor(session: Session, id: String) -> impl IntoView {
    // A map an import just made is shown whole on this screen's canvas (once it is measured).
    let just_imported = use_context::<files::FitOnOpen>().is_some_and(|f| {
        f.0.try_update_value(|v| v.take_if(|m| *m == id))
            .flatten()
            .is_some()
    });
    let ed = Ed::new(session, id);
    if just_imported {
        request_animation_frame(move || ed.fit());
    }
    let gesture = move |field: &str| format!("map:{}:{field}", ed.id.get_value());
    let remove = move |_| {
        let name = ed
            .with_untracked(|m| m.display_title().to_string())
            .unwrap_or_default();
        if confirm_delete("map", &name) {
            let id = ed.id.get_value();
            session.edit(None, |w| w.maps.retain(|m| m.id != id));
        }
    };
    // Focus mode: the canvas fills the screen, and the map is fitted to it once it has its size.
    focus_mode(ed.frame.focus, "map-focus", move || {
        request_animation_frame(move || ed.fit());
    });
    view! {
        <div class="map-editor">
            <div class="map-layout">
                <div class="map-main">
                    <rail::Rail ed=ed />
                    <div class="map-work">
                        {move || match ed.show.get() {
                            Show::Canvas => view! { <canvas::Canvas ed=ed /> }.into_any(),
                            Show::Outline => view! { <outline::Outline ed=ed /> }.into_any(),
                        }}
                    </div>
                </div>
                <aside class="map-side" aria-label="Map tools">
                    <section class="panel map-details" aria-label="This map">
                        <label>"Title "
                            <input type="text" prop:value=move || ed.with(|m| m.title.clone()).unwrap_or_default()
                                on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture("title")), |m| m.title = v); }
                                on:blur=move |_| session.seal() />
                        </label>
                        <label class="grow">"Focus question "
                            <input type="text" prop:value=move || ed.with(|m| m.focus_question.clone()).unwrap_or_default() placeholder="What question does this map answer?"
                                on:input=move |e| { let v = event_target_value(&e); ed.edit(Some(&gesture("focus")), |m| m.focus_question = v); }
                                on:blur=move |_| session.seal() />
                        </label>
                        <button type="button" class="danger" on:click=remove>"Delete map"</button>
                    </section>
                    <inspect::Inspector ed=ed />
                    <inspect::Kinds ed=ed />
                    <analyse::Layouts ed=ed />
                    <analyse::Analysis ed=ed />
                    <files::Export ed=ed />
                    <files::Import session=session into=ed />
                </aside>
            </div>
        </div>
    }
}

/// The outcome of the last import, at the top of the maps section so that it stays in view when
/// the import opens the new map (the editor frame's notice: a status line, or an alert).
#[component]
fn ImportNotice() -> impl IntoView {
    let notice = expect_context::<Notice>();
    view! { <div class="import-notice"><NoticeLine notice=notice /></div> }
}

/// Moves keyboard focus to the canvas element matching `selector` (a node's or a link's): at
/// once when it is drawn already, so the next key press reaches it; one made in this same turn
/// is drawn by the next frame.
pub(super) fn focus_on_canvas(selector: String) {
    fn try_focus(selector: &str) -> bool {
        use leptos::wasm_bindgen::JsCast;
        document()
            .query_selector(&format!(".map-canvas {selector}"))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok())
            .is_some_and(|el| el.focus().is_ok())
    }
    if !try_focus(&selector) {
        request_animation_frame(move || {
            try_focus(&selector);
        });
    }
}
