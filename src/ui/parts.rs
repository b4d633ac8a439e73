//! Parts of the app loaded on demand (issue 23, first load).
//!
//! The app's binary (`src/main.rs`) marks each workshop section as a split point
//! (`wasm_split`), so `tools/app_build.sh` cuts its code into a wasm chunk of its own that the
//! page fetches when the section first opens. The split points live in the binary, not here:
//! their exported entry points would otherwise be linked into every binary of this crate (the
//! worker, the phone page). The binary hands this module its loaders with [`register`]; the
//! workshop page mounts a section through [`section`] and preloads it on hover or focus of
//! its tab with [`preload`].

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use crate::route::Section;
pub use crate::ui::boundary::BoundaryView;
pub use crate::ui::learn::GlossaryPage;
pub use crate::ui::library::{LibraryAction, act as library_act};
#[cfg(feature = "live")]
pub use crate::ui::live::JoinPage as LiveJoinPage;
pub use crate::ui::map::MapsView;
pub use crate::ui::pages::AboutPage;
pub use crate::ui::participate::ResponsePage;
pub use crate::ui::picture::PicturesView;
pub use crate::ui::present::PresentView;
pub use crate::ui::report::ReportView;
pub use crate::ui::scoring::ScoringView;
pub use crate::ui::workshop::{Session, WorkshopPage};

/// A part's code could not be fetched (offline before the first visit, or the server went away).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// A page other than the home page, each a part of its own.
pub enum Page {
    /// A workshop (its id) with the section the address asks for.
    Workshop(String, Signal<Section>),
    /// A participant's response read from its code.
    Response(String),
    Glossary,
    About,
    /// A live room's link (`#/live/…`), in a build with a relay.
    #[cfg(feature = "live")]
    Live(String),
}

/// A part's view, once its part has loaded.
pub type Loading = Pin<Box<dyn Future<Output = Result<AnyView, LoadFailed>>>>;

/// A library action's outcome, once the library's part has loaded (see [`library`]).
pub type Acting = Pin<Box<dyn Future<Output = Result<Result<String, String>, LoadFailed>>>>;

/// A section's part being fetched ahead.
pub type Preloading = Pin<Box<dyn Future<Output = Result<(), LoadFailed>>>>;

/// What the binary provides: how to load and show each page and section, and how to fetch a
/// section ahead.
pub struct Parts {
    /// The view of a page other than the home page.
    pub page: fn(Page) -> Loading,
    /// The view of a section other than the overview (which is part of the workshop page);
    /// the string is where presenting returns to.
    pub section: fn(Section, Session, String) -> Loading,
    /// Fetches a section's part without showing it.
    pub preload: fn(Section) -> Preloading,
    /// Does an action of the library (the home page's actions that read or write a workshop).
    pub library: fn(LibraryAction) -> Acting,
    /// Fetches the parts a person on the home page needs next: the library's actions, then
    /// the workshop page.
    pub next_from_home: fn() -> Preloading,
}

static PARTS: OnceLock<Parts> = OnceLock::new();

/// Called once by the binary before it mounts the app.
pub fn register(parts: Parts) {
    let _ = PARTS.set(parts);
}

/// Starts fetching a section's part (on hover or focus of its tab), so that opening it is quick.
pub fn preload(section: Section) {
    if let Some(parts) = PARTS.get() {
        let loading = (parts.preload)(section);
        leptos::task::spawn_local(async move {
            // A failure here is shown when the section is opened, not before.
            let _ = loading.await;
        });
    }
}

/// Does `action` with the library's part (fetched first, if need be), then hands `done` what it
/// gave: `Ok` with a message (or a new workshop's id), or `Err` with the problem, in words for
/// the person (also when the part could not be fetched).
pub fn library(action: LibraryAction, done: impl FnOnce(Result<String, String>) + 'static) {
    const UNREACHABLE: &str = "That could not be done: this part of the app has not been downloaded yet and cannot be fetched now (are you offline?). Nothing was changed; connect and try again.";
    let Some(parts) = PARTS.get() else {
        return done(Err(UNREACHABLE.into()));
    };
    let acting = (parts.library)(action);
    leptos::task::spawn_local(async move {
        done(
            acting
                .await
                .unwrap_or_else(|LoadFailed| Err(UNREACHABLE.into())),
        );
    });
}

/// Once the home page works, when the browser is next idle (at most 2 s later), fetches the
/// parts a person needs next from there (the library's actions, the workshop page), so that
/// creating or opening a workshop does not wait for them. Once a page load. Announced by a
/// `cstw-idle-preload` event on `window` (the size bench counts what the home page fetched
/// before it).
pub fn preload_when_idle() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    static STARTED: AtomicBool = AtomicBool::new(false);
    let Some(parts) = PARTS.get() else { return };
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    let next = parts.next_from_home;
    let go = Closure::once_into_js(move || {
        let win = window();
        if let Ok(event) = js_sys::Reflect::get(&win, &"Event".into())
            .and_then(|c| c.dyn_into::<js_sys::Function>())
            .and_then(|c| {
                js_sys::Reflect::construct(&c, &js_sys::Array::of1(&"cstw-idle-preload".into()))
            })
            .and_then(|e| e.dyn_into::<web_sys::Event>())
        {
            let _ = win.dispatch_event(&event);
        }
        let loading = next();
        leptos::task::spawn_local(async move {
            // A failure here is shown when the part is needed, not before.
            let _ = loading.await;
        });
    });
    let win = window();
    let idle = js_sys::Reflect::get(&win, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let asked = match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
            idle.call2(&win, &go, &options).is_ok()
        }
        None => false,
    };
    if !asked {
        let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), 500);
    }
}

/// A page other than the home page: its part's view, or a line saying it is on its way.
pub fn page(page: Page) -> AnyView {
    let label = match &page {
        Page::Workshop(..) => "The workshop",
        Page::Response(_) => "The response",
        Page::Glossary => "The glossary",
        Page::About => "The about page",
        #[cfg(feature = "live")]
        Page::Live(_) => "The live room",
    };
    show(label, PARTS.get().map(|parts| (parts.page)(page)))
}

/// A section other than the overview: its part's view, or a line saying it is on its way.
pub fn section(section: Section, session: Session, back: String) -> AnyView {
    let loading = PARTS
        .get()
        .map(|parts| (parts.section)(section, session, back));
    show(section.label(), loading)
}

fn show(label: &'static str, loading: Option<Loading>) -> AnyView {
    let Some(loading) = loading else {
        return failed(label).into_any();
    };
    let mut loading = Scoped::new(loading);
    // A part already loaded shows at once, with no "Opening" line between two sections.
    let mut cx = Context::from_waker(Waker::noop());
    if let Poll::Ready(Some(shown)) = Pin::new(&mut loading).poll(&mut cx) {
        return shown.unwrap_or_else(|LoadFailed| failed(label).into_any());
    }
    let slot = StoredValue::new_local(None::<AnyView>);
    let ready = RwSignal::new(false);
    let gone = loading.gone.clone();
    on_cleanup(move || gone.store(true, Ordering::Relaxed));
    leptos::task::spawn_local(async move {
        if let Some(shown) = loading.await
            && !slot.is_disposed()
        {
            slot.set_value(Some(
                shown.unwrap_or_else(|LoadFailed| failed(label).into_any()),
            ));
            ready.set(true);
        }
    });
    (move || match ready.get() {
        true => slot.try_update_value(Option::take).flatten(),
        false => {
            Some(view! { <p class="part-loading" role="status">"Opening\u{2026}"</p> }.into_any())
        }
    })
    .into_any()
}

/// A part's loading, polled under the owner it started in and untracked, as a component's
/// body runs: the view it makes belongs to the section's place on the page, and the signals
/// it reads while it is made do not re-run that place. Stops once the place is gone.
struct Scoped {
    owner: Option<Owner>,
    gone: Arc<AtomicBool>,
    loading: Loading,
}

impl Scoped {
    fn new(loading: Loading) -> Self {
        Scoped {
            owner: Owner::current(),
            gone: Arc::new(AtomicBool::new(false)),
            loading,
        }
    }
}

impl Future for Scoped {
    /// `None` once the section's place is gone.
    type Output = Option<Result<AnyView, LoadFailed>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.gone.load(Ordering::Relaxed) {
            return Poll::Ready(None);
        }
        let this = &mut *self;
        let mut poll = || untrack(|| this.loading.as_mut().poll(cx).map(Some));
        match this.owner.clone() {
            Some(owner) => owner.with(poll),
            None => poll(),
        }
    }
}

fn failed(label: &'static str) -> impl IntoView {
    view! {
        <div class="banner problem" role="alert">
            <p><strong>{label} " could not be opened."</strong>
            " Its part of the app has not been downloaded yet and cannot be fetched now (are you offline?). Your workshop is safe; connect and open the section again."</p>
        </div>
    }
}
