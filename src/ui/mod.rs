//! The Leptos user interface: the app shell and one folder per page or activity.
//!
//! Components read and change the pure core (`model`, `route`, `settings`) through signals and
//! store through `persist::browser`; they hold no logic that a native test could pin instead.

mod boundary;
mod browser;
pub mod crash;
pub mod jobs;
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

/// The live room's bar on a workshop page; nothing in a build without a relay.
fn live_bar(
    session: workshop::Session,
    section: leptos::prelude::Signal<crate::route::Section>,
) -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    #[cfg(feature = "live")]
    return view! { <live::LiveBar session=session section=section /> }.into_any();
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
