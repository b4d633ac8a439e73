//! The Leptos user interface: the app shell and one folder per page or activity.
//!
//! Components read and change the pure core (`model`, `route`, `settings`) through signals and
//! store through `persist::browser`; they hold no logic that a native test could pin instead.

mod boundary;
mod browser;
pub mod crash;
mod editor;
pub mod jobs;
mod lean;
mod learn;
mod library;
/// The live room (issue 25): only in a build with a relay (`live` feature).
#[cfg(feature = "live")]
mod live;
mod map;
mod pages;
mod participate;
pub mod parts;
pub mod phone;
mod picture;
mod present;
mod report;
mod scoring;
mod shell;
mod workshop;

pub use shell::App;

/// Whether this page is sending the workshop to a live room now (the footer stops saying that
/// nothing is sent). Provided by the shell; set only by the live room's bar.
#[derive(Clone, Copy)]
pub struct SharingLive(pub leptos::prelude::RwSignal<bool>);

/// The live room's presentation step (issue 25): provided with the live bar in a build with a
/// relay; the presentation sends its step through it and may follow the room's.
#[derive(Clone, Copy)]
pub struct LiveStep {
    /// The step the room is on, as it arrives from whoever presents.
    pub room: leptos::prelude::RwSignal<Option<String>>,
    /// The step this browser presents, to send to the room (`None`: not presenting).
    pub mine: leptos::prelude::RwSignal<Option<String>>,
    /// Whether this browser is in a room now.
    pub open: leptos::prelude::RwSignal<bool>,
}

/// Undo and redo inside a live room (issue 25): set by the live bar while a room is open, so
/// that undo takes back this person's own edits and never another's. Called with `true` for
/// undo, `false` for redo; returns whether it handled it.
pub type LiveUndo = std::rc::Rc<dyn Fn(bool) -> bool>;

thread_local! {
    static LIVE_UNDO: std::cell::RefCell<Option<LiveUndo>> = const { std::cell::RefCell::new(None) };
}

/// Sets (or, with `None`, clears) the live room's undo.
pub fn set_live_undo(hook: Option<LiveUndo>) {
    LIVE_UNDO.with(|h| *h.borrow_mut() = hook);
}

/// Undo (`true`) or redo through the live room, if one is open; whether it was handled.
pub fn live_undo(back: bool) -> bool {
    let hook = LIVE_UNDO.with(|h| h.borrow().clone());
    hook.is_some_and(|f| f(back))
}

/// The `?live=…` an invitation carries inside a live room (the room's drop: participants' phones
/// send their responses through it); empty otherwise and in a build without a relay.
pub fn live_drop_suffix(workshop_id: &str) -> String {
    #[cfg(feature = "live")]
    return live::drop_suffix(workshop_id);
    #[cfg(not(feature = "live"))]
    {
        let _ = workshop_id;
        String::new()
    }
}

/// The live room's bar on a workshop page; nothing in a build without a relay.
fn live_bar(
    session: workshop::Session,
    section: leptos::prelude::Signal<crate::route::Section>,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    #[cfg(feature = "live")]
    {
        // Provided here, in the workshop page's owner, so the presentation finds it.
        let step = LiveStep {
            room: RwSignal::new(None),
            mine: RwSignal::new(None),
            open: RwSignal::new(false),
        };
        provide_context(step);
        view! { <live::LiveBar session=session section=section step=step /> }.into_any()
    }
    #[cfg(not(feature = "live"))]
    {
        let _ = (session, section);
        ().into_any()
    }
}

/// A live room's link (`#/live/…`): joins in a build with a relay, says why not otherwise.
fn live_join(secret: String) -> leptos::prelude::AnyView {
    // The room's code is a part loaded on demand (src/main.rs).
    #[cfg(feature = "live")]
    return parts::page(parts::Page::Live(secret));
    #[cfg(not(feature = "live"))]
    {
        use leptos::prelude::*;
        let _ = secret;
        view! {
            <article class="page">
                <h1>"Live rooms are not available here"</h1>
                <p>"This copy of CST Workbench was built without a relay, so it cannot join a live room. Ask whoever sent the link which address to open it at."</p>
            </article>
        }
        .into_any()
    }
}
