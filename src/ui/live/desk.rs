//! Participants' responses arriving through the live room (the room's *drop*, `cstw_sync::Desk`,
//! each response sealed to the room's public key): each opened text goes through the same path
//! as a pasted or scanned response (`participate::take_response`: the response parser, the
//! check against the workshop, one undo step), so only a well-formed response for this workshop
//! is added. One browser of the room takes them (`Room::leads`); what it did with each is
//! recorded in the room (`Room::record`), so a co-facilitator or a reload never adds one twice,
//! and a receipt goes into the drop for the phone (`Desk::receipt`), also for a response found
//! taken already (its receipt was deleted, or never arrived), so the phone stops adding it.

use std::collections::BTreeMap;

use cstw_sync::sealed::{EntryId, Outcome};
use cstw_sync::{Room, RoomLink};
use leptos::prelude::*;

use super::socket::{Connection, Status};
use crate::ui::participate::{Taken, take_response};
use crate::ui::workshop::Session;

#[derive(Clone, Copy)]
pub struct Desk {
    session: Session,
    room: StoredValue<Option<Connection<Room>>, LocalStorage>,
    synced: RwSignal<bool>,
    adopted: StoredValue<bool>,
    conn: StoredValue<Option<Connection<cstw_sync::Desk>>, LocalStorage>,
    /// Opened, without a receipt yet: entry → text.
    pending: StoredValue<BTreeMap<EntryId, String>>,
    /// Responses this browser added from the room, and the last refusal.
    added: RwSignal<usize>,
    refused: RwSignal<Option<String>>,
}

impl Desk {
    pub fn new(
        session: Session,
        room: StoredValue<Option<Connection<Room>>, LocalStorage>,
        synced: RwSignal<bool>,
        adopted: StoredValue<bool>,
    ) -> Desk {
        Desk {
            session,
            room,
            synced,
            adopted,
            conn: StoredValue::new_local(None),
            pending: StoredValue::new(BTreeMap::new()),
            added: RwSignal::new(0),
            refused: RwSignal::new(None),
        }
    }

    /// Listens at `link`'s drop.
    pub fn open(self, link: &RoomLink) {
        self.close();
        let c = Connection::open(
            cstw_sync::Desk::new(link),
            RwSignal::new(Status::Connecting),
            RwSignal::new(false),
        );
        c.on_received(Box::new(move |received| {
            if received.responses.is_empty() {
                return;
            }
            self.pending
                .update_value(|p| p.extend(received.responses.iter().cloned()));
            self.take();
        }));
        self.conn.set_value(Some(c));
    }

    pub fn close(self) {
        if let Some(c) = self.conn.try_get_value().flatten() {
            c.close();
        }
        let _ = self.conn.try_set_value(None);
    }

    /// Adds the responses that arrived, if this browser takes them for the room.
    pub fn take(self) {
        let Some(room) = self.room.try_get_value().flatten() else {
            return;
        };
        if !self.synced.get_untracked() || !self.adopted.get_value() {
            return;
        }
        if room.with_room(|r| r.leads()) != Some(true) {
            return;
        }
        let waiting: Vec<(EntryId, String)> = self
            .pending
            .with_value(|p| p.iter().map(|(n, t)| (*n, t.clone())).collect());
        for (id, text) in waiting {
            // `None`: the room is busy with a message; the next one brings us back here.
            let outcome = match room.with_room(|r| r.outcome(&id)) {
                None => return,
                Some(Some(done)) => done,
                Some(None) => {
                    let outcome = match take_response(self.session, &text, None, true) {
                        Taken::Added(_) => {
                            self.added.update(|n| *n += 1);
                            Outcome::Taken
                        }
                        Taken::Already(_) => Outcome::Taken,
                        Taken::Refused(why) => {
                            self.refused.set(Some(why));
                            Outcome::Refused
                        }
                    };
                    room.send(room.with_room(|r| r.record(&id, outcome)).flatten());
                    outcome
                }
            };
            // The receipt for the phone; if the drop is busy now, the entry stays waiting and
            // the next message from the drop brings it back.
            if let Some(drop) = self.conn.try_get_value().flatten() {
                drop.send(drop.with_room(|d| d.receipt(&id, outcome)).flatten());
            }
            self.pending.update_value(|p| {
                p.remove(&id);
            });
        }
    }

    /// What the live bar says of responses through the room.
    pub fn said(self) -> Option<AnyView> {
        let n = self.added.get();
        let refused = self.refused.get();
        (n > 0 || refused.is_some()).then(|| {
            let added = match n {
                0 => String::new(),
                1 => "1 participant's response arrived through the room and was added.".into(),
                n => {
                    format!("{n} participants' responses arrived through the room and were added.")
                }
            };
            view! {
                <p class="live-responses" role="status">{added}
                    {refused.map(|why| format!(" One was not added: {why}"))}</p>
            }
            .into_any()
        })
    }
}
