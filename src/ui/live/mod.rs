//! The live room (issue 25), in a build with a relay (`live` feature, `CSTW_RELAY`): a
//! workshop shared by several browsers through a standard Yjs relay, end-to-end encrypted
//! (`cstw_sync`; the relay stores and forwards only ciphertext).
//!
//! - `LiveBar`, mounted with the workshop (so the connection stays while sections change):
//!   on the overview, "Open a live room" makes a room (a random id and key) and gives its link;
//!   while in a room, every section shows the link, whether this browser is connected, and
//!   "Leave". The workshop syncs both ways: each edit goes out as an encrypted
//!   update, each update that arrives replaces what is on screen (not an undo step).
//! - `JoinPage` (`#/live/<secret>`): waits for the room's workshop, stores it in this browser
//!   and opens it; a link whose key opens nothing says so and sends nothing.

mod caret;
mod desk;
mod socket;

use cstw_sync::hex::{hex, unhex};
use cstw_sync::{Room, RoomLink};
use leptos::prelude::*;

use crate::model::Workshop;
use crate::persist::browser;
use crate::route::{Route, Section};
use crate::ui::LiveStep;
use crate::ui::browser::{fresh_id, now};
use crate::ui::lean::effect;
use crate::ui::workshop::Session;
use socket::{Connection, RELAY, Status};

thread_local! {
    /// The invitation suffix of the last room asked for (deriving the room's key pair costs a
    /// scalar multiplication; the invitation asks on every redraw).
    static SUFFIX: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// The `?live=<public key>` an invitation of `workshop_id` carries while it is in a live room:
/// the room's public key only (responses are sealed to it), never the room's id or key.
pub fn drop_suffix(workshop_id: &str) -> String {
    let Some(secret) = browser::load_live_room(workshop_id) else {
        return String::new();
    };
    if let Some(s) = SUFFIX.with_borrow(|c| {
        c.as_ref()
            .filter(|(k, _)| *k == secret)
            .map(|(_, s)| s.clone())
    }) {
        return s;
    }
    let suffix = RoomLink::decode(&secret)
        .map(|link| cstw_sync::sealed::DropKeys::of(&link).link().suffix())
        .unwrap_or_default();
    SUFFIX.set(Some((secret, suffix.clone())));
    suffix
}

/// The address that opens the room: this page's own address with the secret in the fragment.
fn room_address(secret: &str) -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{}", Route::Live(secret.to_string()).href())
}

/// The relay's host, as people read it ("127.0.0.1:1234").
fn relay_host() -> &'static str {
    RELAY
        .split_once("://")
        .map_or(RELAY, |(_, rest)| rest.trim_end_matches('/'))
}

/// Keeps `local` as a new workshop beside the room's, so joining never loses what this browser
/// had; the title of the copy, if one was made.
fn keep_a_copy(local: &Workshop) -> Option<String> {
    let copy = local.duplicate(fresh_id("w"), now());
    let title = copy.title.clone();
    super::library::create_workshop(copy).ok().map(|_| title)
}

#[component]
pub fn LiveBar(session: Session, section: Signal<Section>, step: LiveStep) -> impl IntoView {
    let id = session.id();
    let status = RwSignal::new(Status::Connecting);
    let synced = RwSignal::new(false);
    let conn = StoredValue::new_local(None::<Connection<Room>>);
    // Kept from before a reload: local edits may go into the room before the relay answers.
    let restored = StoredValue::new(false);
    // Offline since the last sync: what the next sync exchange merges is counted and said.
    let away = StoredValue::new(false);
    let merged = StoredValue::new((0usize, 0usize));
    let merged_notice = RwSignal::new(None::<String>);
    let secret = RwSignal::new(None::<String>);
    let unreadable = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let adopted = StoredValue::new(false);
    let me = RwSignal::new(String::new());
    let peers = RwSignal::new(Vec::<String>::new());

    // Who is here: this browser's name goes out sealed on joining, when it changes, and every
    // 15 s (the relay forgets a state after 30 s without news).
    let announce = move || {
        let Some(c) = conn.try_get_value().flatten() else {
            return;
        };
        let name = me.get_untracked();
        let name = if name.trim().is_empty() {
            "Someone".to_string()
        } else {
            name
        };
        c.send(c.with_room(|room| room.presence(&name)));
    };
    let beat = set_interval_with_handle(announce, std::time::Duration::from_secs(15)).ok();
    on_cleanup(move || {
        if let Some(h) = beat {
            h.clear();
        }
    });

    // What arrived: the room's workshop replaces the one on screen; an empty room gets ours.
    let pull = move || {
        let Some(c) = conn.get_value() else { return };
        let fallback = session.id();
        let Some((theirs, count)) = c.with_room(|room| {
            let w = room.workshop(&fallback, &mut Vec::new());
            (w, room.sealed_count())
        }) else {
            return;
        };
        match theirs {
            Some(w) => {
                unreadable.set(false);
                let local = session.workshop.get_untracked();
                if local != w {
                    if !adopted.get_value()
                        && let Some(title) = keep_a_copy(&local)
                    {
                        notice.set(Some(format!(
                            "This browser's version before joining was kept as “{title}”."
                        )));
                    }
                    caret::keeping_caret(|| session.edit_quietly(|current| *current = w));
                }
                adopted.set_value(true);
            }
            None if count == 0 && synced.get_untracked() => {
                // A new room (or a relay that lost it): share ours.
                let ours = session.workshop.get_untracked();
                c.send(c.with_room(|room| room.edit(&ours)).flatten());
                adopted.set_value(true);
            }
            None => unreadable.set(count > 0),
        }
    };

    // The room's envelope, kept in this browser (at most twice a second, and when the page
    // is hidden) so that edits made offline survive a reload; folded first when it is long.
    let keep_due = StoredValue::new(false);
    let keep_now = {
        let id = id.clone();
        move || {
            keep_due.set_value(false);
            let Some(c) = conn.try_get_value().flatten() else {
                return;
            };
            // The browser that leads folds a long envelope into one snapshot (the others
            // follow as the deletion reaches them), so what is kept here stays bounded.
            c.send(
                c.with_room(|room| room.leads().then(|| room.compact()).flatten())
                    .flatten(),
            );
            if let Some(state) = c.with_room(|room| room.envelope_state())
                && let Err(e) = browser::save_live_envelope(&id, &hex(&state))
            {
                notice.set(Some(format!(
                    "This browser could not keep the room's changes for a reload: {e}"
                )));
            }
        }
    };
    let keep = {
        let keep_now = keep_now.clone();
        move || {
            if keep_due.get_value() {
                return;
            }
            keep_due.set_value(true);
            let keep_now = keep_now.clone();
            set_timeout(keep_now, std::time::Duration::from_millis(500));
        }
    };
    let hidden = {
        let keep_now = keep_now.clone();
        window_event_listener(leptos::ev::pagehide, move |_| keep_now())
    };
    on_cleanup(move || hidden.remove());

    let desk = desk::Desk::new(session, conn, synced, adopted);
    let start = {
        let id = id.clone();
        let keep = keep.clone();
        move |text: String| {
            let Some(link) = RoomLink::decode(&text) else {
                return;
            };
            let mut room = Room::new(link.clone());
            if let Some(kept) = browser::load_live_envelope(&id).and_then(|h| unhex(&h))
                && room.restore(&kept) > 0
                && room.replica().has_workshop()
            {
                restored.set_value(true);
                adopted.set_value(true);
                away.set_value(true);
            }
            let c = Connection::open(room, status, synced);
            let reader = c.clone();
            let keep_undo = keep.clone();
            let keep = keep.clone();
            c.on_received(Box::new(move |received| {
                if away.get_value() {
                    merged.update_value(|(mine, theirs)| {
                        *mine += received.sent_back;
                        *theirs += received.opened;
                    });
                }
                if received.changed || received.synced {
                    pull();
                    step.room
                        .set(reader.with_room(|room| room.step()).flatten());
                    keep();
                }
                if received.synced {
                    announce();
                    if away.get_value() {
                        away.set_value(false);
                        let (mine, theirs) = merged.get_value();
                        merged.set_value((0, 0));
                        merged_notice.set((mine + theirs > 0).then(|| merge_said(mine, theirs)));
                    }
                }
                if received.presence
                    && let Some(names) = reader.with_room(|room| room.peers())
                {
                    peers.set(names);
                }
                if received.synced || received.presence || received.changed {
                    desk.take();
                }
            }));
            conn.set_value(Some(c));
            desk.open(&link);
            secret.set(Some(text));
            // Undo in a room takes back this person's own edits only.
            let keep = keep_undo;
            crate::ui::set_live_undo(Some(std::rc::Rc::new(move |back: bool| {
                let Some(c) = conn.try_get_value().flatten() else {
                    return false;
                };
                if !adopted.try_get_value().unwrap_or(false) {
                    return false;
                }
                let message = c
                    .with_room(|room| {
                        room.set_time(now() as u64);
                        if back { room.undo() } else { room.redo() }
                    })
                    .flatten();
                if message.is_some() {
                    c.send(message);
                    keep();
                    pull();
                }
                true
            })));
        }
    };
    if let Some(saved) = browser::load_live_room(&id) {
        start(saved);
    }

    // Each local edit goes out (or waits in the envelope while offline, kept for a reload).
    let keep_edit = keep.clone();
    effect(move || {
        let w = session.workshop.get();
        if !(synced.get() || restored.get_value()) || !adopted.get_value() {
            return;
        }
        if let Some(c) = conn.get_value() {
            let message = c
                .with_room(|room| {
                    room.set_time(now() as u64);
                    room.replica().has_workshop().then(|| room.edit(&w))
                })
                .flatten()
                .flatten();
            if message.is_some() {
                keep_edit();
            }
            c.send(message);
        }
    });
    // Offline after having been in sync: the next sync's merge is counted and said.
    effect(move || {
        if status.get() == Status::Offline && synced.get_untracked() {
            away.set_value(true);
            merged_notice.set(None);
        }
    });
    // The presentation's step: this browser's goes to the room while it presents.
    let keep_step = keep.clone();
    effect(move || {
        let Some(mine) = step.mine.get() else { return };
        if let Some(c) = conn.get_value() {
            let message = c.with_room(|room| room.set_step(&mine)).flatten();
            if message.is_some() {
                keep_step();
            }
            c.send(message);
        }
    });

    let open_room = {
        let id = id.clone();
        move |_| {
            let link = RoomLink::generate();
            let text = link.encode();
            if let Err(e) = browser::save_live_room(&id, &text) {
                notice.set(Some(format!(
                    "The room could not be remembered in this browser: {e}"
                )));
            }
            start(text);
        }
    };
    let leave = {
        let id = id.clone();
        move |_| {
            if let Some(c) = conn.get_value() {
                c.close();
            }
            conn.set_value(None);
            desk.close();
            crate::ui::set_live_undo(None);
            browser::forget_live_room(&id);
            restored.set_value(false);
            secret.set(None);
            synced.set(false);
            adopted.set_value(false);
        }
    };
    // While a room is open the page's footer says the workshop is sent (encrypted), not kept here.
    let sharing = use_context::<crate::ui::SharingLive>();
    effect(move || {
        let open = secret.get().is_some();
        if let Some(s) = sharing {
            s.0.set(open);
        }
        step.open.set(open);
    });
    on_cleanup(move || {
        if let Some(s) = sharing {
            s.0.try_set(false);
        }
        keep_now();
        if let Some(c) = conn.try_get_value().flatten() {
            c.close();
        }
        desk.close();
        crate::ui::set_live_undo(None);
    });

    let status_text = move || match (status.get(), unreadable.get()) {
        (_, true) => {
            "This link's key does not open this room: nothing is read or sent. Ask for the link again."
        }
        (Status::Online, _) => "Connected",
        (Status::Connecting, _) => "Connecting…",
        (Status::Offline, _) => "Offline: your edits are kept and sent when the connection returns",
    };
    view! {
        {move || match secret.get() {
            // Offered on the overview only; a room, once open, shows on every section.
            None if section.get() != Section::Overview => ().into_any(),
            None => view! {
                <section class="library-actions live-bar" aria-label="Live room">
                    <button type="button" class="live-open" on:click=open_room.clone()>"Open a live room"</button>
                    <p class="hint">"Edit this workshop together from other browsers, end-to-end encrypted, through the relay at " {relay_host()} "."</p>
                </section>
            }.into_any(),
            Some(text) => view! {
                <section class="banner info live-bar" aria-label="Live room"
                    data-status=move || format!("{:?}", status.get()).to_lowercase()>
                    <p><strong>"Live room"</strong>" \u{b7} " <span role="status">{move || status_text()}</span></p>
                    {move || merged_notice.get().map(|n| view! { <p class="live-merged" role="status">{n}</p> }.into_any())}
                    {move || desk.said()}
                    <p class="live-people" aria-live="polite">{move || {
                        let names = peers.get();
                        if status.get() != Status::Online {
                            String::new()
                        } else if names.is_empty() {
                            "Nobody else is here yet.".to_string()
                        } else {
                            format!("Also here: {}", names.join(", "))
                        }
                    }}</p>
                    <div class="rename">
                        <label for="live-name">"Your name"</label>
                        <input id="live-name" type="text" size="16" maxlength="60" placeholder="Someone"
                            prop:value=move || me.get()
                            on:change=move |e| { me.set(event_target_value(&e)); announce(); } />
                    </div>
                    <div class="rename">
                        <label for="live-link">"Link for the others"</label>
                        <input id="live-link" type="text" readonly value=room_address(&text) size="30"
                            on:focus=|e| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            } />
                        <button type="button" on:click=leave.clone()>"Leave the room"</button>
                    </div>
                </section>
            }.into_any(),
        }}
        {move || notice.get().map(|n| view! { <p class="hint" role="status">{n}</p> })}
    }
}

/// The notice after an offline period's changes were merged.
fn merge_said(mine: usize, theirs: usize) -> String {
    let n = mine + theirs;
    let changes = if n == 1 { "change" } else { "changes" };
    format!(
        "Back online: merged {n} {changes} made while offline ({mine} from this browser, {theirs} from the others), without conflicts. Nothing was lost."
    )
}

/// `#/live/<secret>`: joins the room, stores its workshop in this browser and opens it.
#[component]
pub fn JoinPage(secret: String) -> impl IntoView {
    let Some(link) = RoomLink::decode(&secret) else {
        return view! {
            <article class="page">
                <h1>"This live room link is incomplete"</h1>
                <p>"The address should end with the room's id and key after “#/live/”. Ask for the link again and open all of it."</p>
                <p><a href=Route::Home.href()>"Back to your workshops"</a></p>
            </article>
        }
        .into_any();
    };
    let status = RwSignal::new(Status::Connecting);
    let synced = RwSignal::new(false);
    let message = RwSignal::new(None::<&'static str>);
    let c = Connection::open(Room::new(link), status, synced);
    let reader = c.clone();
    c.on_received(Box::new(move |received| {
        if !(received.changed || received.synced) {
            return;
        }
        let Some((theirs, count)) = reader.with_room(|room| {
            (room.workshop("", &mut Vec::new()), room.sealed_count())
        }) else {
            return;
        };
        match theirs {
            Some(w) if !w.id.is_empty() => {
                let id = w.id.clone();
                if browser::load_workshop(&id).is_none()
                    && super::library::create_workshop(w).is_err()
                {
                    message.set(Some("This browser's storage is full: the workshop could not be kept. Free some space and open the link again."));
                    return;
                }
                let _ = browser::save_live_room(&id, &secret);
                reader.close();
                let _ = window().location().replace(&Route::workshop(id).href());
            }
            _ if count > 0 => message.set(Some(
                "This link's key does not open this room: nothing is read or sent. Ask for the link again.",
            )),
            _ => message.set(Some(
                "The room is empty so far. This page waits for the workshop to arrive.",
            )),
        }
    }));
    let closer = StoredValue::new_local(Some(c.clone()));
    on_cleanup(move || {
        if let Some(c) = closer.try_get_value().flatten() {
            c.close();
        }
    });
    view! {
        <article class="page live-join">
            <h1>"Joining a live room"</h1>
            <p role="status">{move || message.get().unwrap_or(match status.get() {
                Status::Connecting => "Connecting to the relay…",
                Status::Online => "Connected: receiving the workshop…",
                Status::Offline => "The relay cannot be reached; trying again…",
            })}</p>
            <p class="hint">"What arrives is decrypted in this browser with the key in the link; the relay only ever sees ciphertext."</p>
        </article>
    }
    .into_any()
}
