//! Browser entry point: install the panic hook, hand the app its parts loaded on demand, and
//! mount the app; or, run in the Web Worker, load the worker's part and answer the page's jobs.
//!
//! Each function marked `wasm_split` below is a split point: `tools/app_build.sh` (wasm-split)
//! moves the code only it reaches into a wasm chunk of its own, fetched the first time it is
//! called. They live here, in the binary, because their exported entry points would otherwise
//! be linked into every binary of the library (the phone page). See `src/ui/parts.rs` and
//! ARCHITECTURE.md ("First load").
//!
//! The same wasm is the Web Worker's (`cst_workbench::worker`): the page starts a module worker
//! that instantiates this module, and `main` there loads the part `worker` instead of mounting.

use cst_workbench::route::Section;
use cst_workbench::ui::parts::{
    AboutPage, Acting, BoundaryView, GlossaryPage, LibraryAction, LoadFailed, Loading, MapsView,
    Page, Parts, PicturesView, Preloading, PresentView, ReportView, ResponsePage, ScoringView,
    Session, WorkshopPage, library_act,
};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::future::Future;

#[wasm_split(boundary, wasm_split_path = ::leptos::wasm_split, preload(preload_boundary), fallible)]
fn boundary(session: Session) -> Result<AnyView, LoadFailed> {
    Ok(view! { <BoundaryView session=session /> }.into_any())
}

#[wasm_split(maps, wasm_split_path = ::leptos::wasm_split, preload(preload_maps), fallible)]
fn maps(session: Session) -> Result<AnyView, LoadFailed> {
    Ok(view! { <MapsView session=session /> }.into_any())
}

#[wasm_split(pictures, wasm_split_path = ::leptos::wasm_split, preload(preload_pictures), fallible)]
fn pictures(session: Session) -> Result<AnyView, LoadFailed> {
    Ok(view! { <PicturesView session=session /> }.into_any())
}

#[wasm_split(scoring, wasm_split_path = ::leptos::wasm_split, preload(preload_scoring), fallible)]
fn scoring(session: Session) -> Result<AnyView, LoadFailed> {
    Ok(view! { <ScoringView session=session /> }.into_any())
}

#[wasm_split(report, wasm_split_path = ::leptos::wasm_split, preload(preload_report), fallible)]
fn report(session: Session) -> Result<AnyView, LoadFailed> {
    Ok(view! { <ReportView session=session /> }.into_any())
}

#[wasm_split(present, wasm_split_path = ::leptos::wasm_split, preload(preload_present), fallible)]
fn present(session: Session, back: String) -> Result<AnyView, LoadFailed> {
    Ok(view! { <PresentView session=session back=back /> }.into_any())
}

#[wasm_split(workshop, wasm_split_path = ::leptos::wasm_split, preload(preload_workshop), fallible)]
fn workshop(id: String, section: Signal<Section>) -> Result<AnyView, LoadFailed> {
    Ok(view! { <WorkshopPage id=id section=section /> }.into_any())
}

#[wasm_split(response, wasm_split_path = ::leptos::wasm_split, fallible)]
fn response(code: String) -> Result<AnyView, LoadFailed> {
    Ok(view! { <ResponsePage code=code /> }.into_any())
}

#[wasm_split(glossary, wasm_split_path = ::leptos::wasm_split, fallible)]
fn glossary() -> Result<AnyView, LoadFailed> {
    Ok(view! { <GlossaryPage /> }.into_any())
}

#[wasm_split(about, wasm_split_path = ::leptos::wasm_split, fallible)]
fn about() -> Result<AnyView, LoadFailed> {
    Ok(view! { <AboutPage /> }.into_any())
}

#[wasm_split(library, wasm_split_path = ::leptos::wasm_split, preload(preload_library), fallible)]
fn library(action: LibraryAction) -> Result<Result<String, String>, LoadFailed> {
    Ok(library_act(action))
}

/// The Web Worker's part: the jobs (imports, layouts, analysis), reached only from here, so
/// neither the page's main module nor any section's part holds them. It names the pure core's
/// jobs only, through `cst_workbench::worker`, never the UI (`tests/architecture.rs`).
#[wasm_split(worker, wasm_split_path = ::leptos::wasm_split, fallible)]
fn worker() -> Result<(), LoadFailed> {
    cst_workbench::worker::serve();
    Ok(())
}

fn act(action: LibraryAction) -> Acting {
    Box::pin(library(action))
}

/// A live room's link (only in a build with a relay): the room's code, yrs and its encryption
/// are a part of their own.
#[cfg(feature = "live")]
#[wasm_split(live, wasm_split_path = ::leptos::wasm_split, fallible)]
fn live(secret: String) -> Result<AnyView, LoadFailed> {
    use cst_workbench::ui::parts::LiveJoinPage;
    Ok(view! { <LiveJoinPage secret=secret /> }.into_any())
}

fn page(p: Page) -> Loading {
    match p {
        Page::Workshop(id, section) => Box::pin(workshop(id, section)),
        Page::Response(code) => Box::pin(response(code)),
        Page::Glossary => Box::pin(glossary()),
        Page::About => Box::pin(about()),
        #[cfg(feature = "live")]
        Page::Live(secret) => Box::pin(live(secret)),
    }
}

fn section(s: Section, session: Session, back: String) -> Loading {
    match s {
        Section::Boundary => Box::pin(boundary(session)),
        Section::Maps => Box::pin(maps(session)),
        Section::Pictures => Box::pin(pictures(session)),
        Section::Scoring => Box::pin(scoring(session)),
        Section::Report => Box::pin(report(session)),
        Section::Present => Box::pin(present(session, back)),
        // The overview is part of the workshop page itself.
        Section::Overview => Box::pin(async { Err(LoadFailed) }),
    }
}

fn preload(s: Section) -> Preloading {
    match s {
        Section::Boundary => Box::pin(loaded(preload_boundary())),
        Section::Maps => Box::pin(loaded(preload_maps())),
        Section::Pictures => Box::pin(loaded(preload_pictures())),
        Section::Scoring => Box::pin(loaded(preload_scoring())),
        Section::Report => Box::pin(loaded(preload_report())),
        Section::Present => Box::pin(loaded(preload_present())),
        Section::Overview => Box::pin(async { Ok(()) }),
    }
}

/// What the home page fetches when idle: the library's actions, then the workshop page.
fn next_from_home() -> Preloading {
    Box::pin(async {
        loaded(preload_library()).await?;
        loaded(preload_workshop()).await
    })
}

async fn loaded<E>(f: impl Future<Output = Result<(), E>>) -> Result<(), LoadFailed> {
    f.await.map_err(|_| LoadFailed)
}

fn main() {
    if let Some(scope) = cst_workbench::worker::scope() {
        // In the Web Worker: a panic ends the worker (the page hears its `error`), never the
        // page, so it is only reported to the console.
        console_error_panic_hook::set_once();
        wasm_bindgen_futures::spawn_local(async move {
            if worker().await.is_err() {
                cst_workbench::worker::unavailable(&scope);
            }
        });
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        cst_workbench::ui::crash::stopped();
    }));
    cst_workbench::ui::parts::register(Parts {
        page,
        section,
        preload,
        library: act,
        next_from_home,
    });
    leptos::mount::mount_to_body(cst_workbench::ui::App);
}
