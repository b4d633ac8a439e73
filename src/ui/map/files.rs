//! Exporting the open map to the formats other tools read, and importing maps from files: as a
//! new map, or merged into the open one. All the work is in `crate::export::map` and
//! `crate::import::map`; this is buttons, file pickers, the PNG rasteriser and messages.

use std::time::Duration;

use leptos::prelude::*;

use super::Ed;
use crate::export::map::{self as ex, Format};
use crate::import::map::{self as im, MAX_BYTES};
use crate::jobs::{Job, Outcome};
use crate::model::map::{ConceptMap, plural};
use crate::route::Route;
use crate::ui::browser::{download, fresh_id, today};
use crate::ui::editor::export::{PngControls, PngOptions};
use crate::ui::editor::notice::{Notice, NoticeLine};
use crate::ui::jobs::{Busy, BusyView, Failure, IMPORT_LIMIT_MS, unread};
use crate::ui::workshop::Session;

/// What the file types of an import are.
const ACCEPT: &str = ".json,.svg,.png,.graphml,.xml,.gexf,.cxl,.dot,.gv,.gml,.mmd,.mermaid,.md,.txt,.csv,application/json,image/svg+xml,image/png,text/csv";

/// The text of an export in a text format.
fn text_of(m: &ConceptMap, f: Format) -> String {
    match f {
        Format::Svg => ex::svg::svg(m),
        Format::Dot => ex::dot::dot(m),
        Format::GraphMl => ex::graphml::graphml(m),
        Format::Gexf => ex::gexf::gexf(m),
        Format::Gml => ex::gml::gml(m),
        Format::Mermaid => ex::mermaid::mermaid(m),
        Format::ElementsCsv => ex::table::elements(m),
        Format::ConnectionsCsv => ex::table::connections(m),
        Format::Kumu => ex::kumu::kumu(m),
        Format::Json | Format::Png => ex::json::json(m),
    }
}

/// The export buttons of the open map.
#[component]
pub(super) fn Export(ed: Ed) -> impl IntoView {
    // The PNG's size and background, and the message an export leaves: the editor frame's, as
    // the pictures' are.
    let png = PngOptions::new();
    let notice = Notice::new();
    let name_of = move |m: &ConceptMap, f: Format| {
        let workshop = ed.session.workshop.with_untracked(|w| w.title.clone());
        ex::file_name(&workshop, m, &today(), f)
    };
    let export = move |f: Format| {
        let Some(m) = ed.with_untracked(Clone::clone) else {
            return;
        };
        let name = name_of(&m, f);
        if f == Format::Png {
            // The PNG carries the map, so it opens again in this app.
            let carried = ex::json::compact(&m);
            png.download(
                notice,
                name,
                ex::svg::svg(&m),
                ex::svg::size(&m),
                move |bytes| ex::png::embed(bytes, &carried),
            );
            return;
        }
        let done = download(&name, &text_of(&m, f), f.mime());
        notice.downloaded(&name, done, "The download failed");
    };
    view! {
        <section class="panel map-files" aria-labelledby="export-h">
            <h3 id="export-h">"Export this map"</h3>
            <ul class="formats">
                {Format::ALL.into_iter().map(|f| view! {
                    <li>
                        <button type="button" on:click=move |_| export(f)>{f.label()}</button>
                        " " <span class="hint">{f.readers()}</span>
                    </li>
                }).collect_view()}
            </ul>
            <PngControls options=png />
            <NoticeLine notice=notice />
        </section>
    }
}

/// Imports a map from files. With `into`, the user can merge into that map instead.
#[component]
pub(super) fn Import(session: Session, #[prop(optional)] into: Option<Ed>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let merge = RwSignal::new(false);
    let busy = Busy::new();
    // Shown above the map (`ImportNotice`): an import opens another map, and this panel with it.
    let message = expect_context::<Notice>().0;
    let fit_on_open = use_context::<FitOnOpen>();
    let field = if into.is_some() {
        "import-map-here"
    } else {
        "import-map"
    };
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(list) = el.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        el.set_value("");
        if files.is_empty() {
            return;
        }
        let names: Vec<String> = files.iter().map(|f| f.name()).collect();
        let shown = names.join("\u{201d} and \u{201c}");
        if let Some(big) = files.iter().find(|f| f.size() > MAX_BYTES as f64) {
            message.set(Some((
                true,
                format!(
                    "\u{201c}{}\u{201d} is too large (at most {} MB). Nothing was imported.",
                    big.name(),
                    MAX_BYTES / 1_000_000
                ),
            )));
            return;
        }
        let merging = merge.get_untracked() && into.is_some();
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for f in &files {
                match crate::ui::browser::file_bytes(f).await {
                    Ok(b) => read.push((f.name(), b)),
                    Err(e) => {
                        return message
                            .set(Some((true, format!("\u{201c}{}\u{201d}: {e}", f.name()))));
                    }
                }
            }
            let id = fresh_id("m");
            let names: Vec<String> = read.iter().map(|(n, _)| n.clone()).collect();
            let bytes: Vec<Vec<u8>> = read.into_iter().map(|(_, b)| b).collect();
            let job = Job::ImportMap {
                names,
                id: id.clone(),
            };
            let what = format!("Reading \u{201c}{shown}\u{201d}\u{2026}");
            let limit = Some(Duration::from_millis(IMPORT_LIMIT_MS));
            // Timed for the import benchmark (tests/e2e/bench/import.mjs): from sending the
            // bytes to the worker to its answer, before the map is drawn.
            crate::ui::browser::mark("cstw-import-start");
            busy.start(what, job, bytes, limit, move |result| {
                crate::ui::browser::measure_since("cstw-import", "cstw-import-start");
                let imported = match result {
                    Ok((Outcome::Map { map, source, notes }, _)) => Imported { map, source, notes },
                    Ok((Outcome::Unreadable { why: e }, _)) => {
                        return message.set(Some((
                            true,
                            format!(
                                "\u{201c}{shown}\u{201d} was not imported. {e} Nothing was changed."
                            ),
                        )));
                    }
                    Ok(_) => return message.set(Some(unread(&shown, &Failure::Crashed))),
                    Err(f) => return message.set(Some(unread(&shown, &f))),
                };
                if !merging && let Some(fit) = fit_on_open {
                    // A new map: fitted to the canvas when its editor opens.
                    fit.0.set_value(Some(id.clone()));
                }
                crate::ui::browser::timed("cstw-import-apply", || {
                    apply(imported, &shown, merging, into, session, &id, message)
                });
            });
        });
    };
    view! {
        <section class="panel map-files" aria-labelledby=format!("{field}-h")>
            <h3 id=format!("{field}-h")>"Import a map"</h3>
            <p class="hint">"From this app (map JSON, or an SVG or PNG it exported), GraphML (yEd, Gephi, NetworkX), GEXF, Kumu JSON, the elements and connections CSV tables (choose both at once), CmapTools CXL, Graphviz DOT, GML (NetworkX, igraph, yEd) or a Mermaid flowchart."</p>
            {into.map(|_| view! {
                <fieldset class="import-into">
                    <legend>"Put it"</legend>
                    <label class="check"><input type="radio" name="import-into" prop:checked=move || !merge.get()
                        on:change=move |_| merge.set(false) />" in a new map"</label>
                    <label class="check"><input type="radio" name="import-into" prop:checked=move || merge.get()
                        on:change=move |_| merge.set(true) />" beside this map\u{2019}s nodes (merge)"</label>
                </fieldset>
            })}
            <label class="button-like" for=field>"Choose a file\u{2026}"</label>
            <input id=field class="visually-hidden" type="file" multiple accept=ACCEPT node_ref=input on:change=on_change />
            <BusyView busy=busy />
        </section>
    }
}

/// A map read by the worker, with its format's name and notes.
struct Imported {
    map: ConceptMap,
    source: String,
    notes: Vec<String>,
}

/// Puts an imported map in the workshop: as a new map, or merged into `into`.
fn apply(
    imported: Imported,
    shown: &str,
    merging: bool,
    into: Option<Ed>,
    session: Session,
    id: &str,
    message: RwSignal<Option<(bool, String)>>,
) {
    let (n, l, g) = (
        imported.map.nodes.len(),
        imported.map.links.len(),
        imported.map.groups.len(),
    );
    let groups = if g > 0 {
        format!(" in {g} {}", plural(g, "group", "groups"))
    } else {
        String::new()
    };
    let counts = format!(
        "{n} {} and {l} {}{groups} from \u{201c}{shown}\u{201d} ({})",
        plural(n, "node", "nodes"),
        plural(l, "link", "links"),
        imported.source
    );
    let notes = if imported.notes.is_empty() {
        String::new()
    } else {
        format!(" {}", imported.notes.join(" "))
    };
    if let (true, Some(ed)) = (merging, into) {
        let current = ed.with_untracked(Clone::clone);
        let merged = current.map(|c| im::merge(&c, &imported.map));
        match merged {
            Some(Ok(m)) => {
                ed.edit(None, |x| *x = m);
                ed.fit();
                message.set(Some((
                    false,
                    format!("Merged {counts} into this map.{notes} Undo takes it back."),
                )));
            }
            Some(Err(e)) => message.set(Some((true, format!("Nothing was merged: {e}")))),
            None => {}
        }
    } else {
        let wid = session.id();
        session.edit(None, |w| w.maps.push(imported.map.into()));
        message.set(Some((
            false,
            format!("Imported {counts} as a new map.{notes}"),
        )));
        let _ = window().location().set_hash(&Route::map_href(&wid, id));
    }
}

/// The map an import just made, to be fitted to the canvas when its editor opens: the reader
/// fits it to a nominal 1000 × 600, and the canvas on this screen may be smaller or larger.
#[derive(Clone, Copy)]
pub(super) struct FitOnOpen(pub StoredValue<Option<String>>);
