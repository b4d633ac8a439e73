//! Rich pictures section (`#/w/<id>/pictures`): the workshop's pictures as tabs; for the open
//! one, its title, the drawing board, and the side panel. The board is a thin shell over the
//! shared editor frame (`crate::ui::editor`: view, focus mode, notices, export controls) and
//! the board's gesture machine (`crate::interact::picture`):
//! - `board`: the state the parts share ([`board::Board`]) and the view;
//! - `canvas`: the pointer, wheel and key handlers (events in, the machine's outputs applied);
//! - `toolbar`: tools, colour, width, zoom, focus mode;
//! - `selection`: what can be done to the selection; `shown`: an item's live look;
//! - `items`: how items and the chrome above them are drawn; `caption`: text typed in place;
//! - `drag_in`: the column of stickers; `panel`: the side panel (the selection, who is
//!   missing from the picture, export and import).

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

mod board;
mod canvas;
mod caption;
mod drag_in;
mod items;
mod panel;
mod selection;
mod shown;
mod toolbar;

use leptos::prelude::*;

use crate::model::picture::Picture;
use crate::ui::browser::fresh_id;
use crate::ui::editor::focus::focus_mode;
use crate::ui::editor::notice::{Notice, NoticeLine, confirm_delete};
use crate::ui::lean::for_each_id;
use crate::ui::workshop::Session;
use board::Board;

#[component]
pub fn PicturesView(session: Session) -> impl IntoView {
    let ids = Memo::new(move |_| {
        session
            .workshop
            .with(|w| w.pictures.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
    });
    let open = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        let ids = ids.get();
        open.get()
            .filter(|o| ids.contains(o))
            .or_else(|| ids.first().cloned())
    });
    let create = move |_| {
        let id = fresh_id("p");
        let made = id.clone();
        session.edit(None, |w| {
            let title = format!("Picture {}", w.pictures.len() + 1);
            w.pictures.push(Picture::new(made, &title).into());
        });
        open.set(Some(id));
    };
    let notice = Notice::new();
    provide_context(notice);
    view! {
        <section class="pictures" aria-labelledby="pictures-heading">
            <h2 id="pictures-heading">"Rich pictures"</h2>
            <p class="lead" hidden=move || !ids.with(Vec::is_empty)>"Draw the situation as the group sees it: the people and organisations, what they care about, where they clash, what flows between them. Start a picture and pick up the pen."</p>
            <div class="rounds-bar">
                <div class="perspective-tabs" role="group" aria-label="Pictures">
                    {for_each_id(move || ids.get(), move |pid| {
                        let name = {
                            let pid = pid.clone();
                            move || session.workshop.with(|w| {
                                w.pictures.iter().find(|p| p.id == pid).map(|p| p.display_title().to_string()).unwrap_or_default()
                            })
                        };
                        let here = pid.clone();
                        view! {
                            <button type="button" class="perspective-tab"
                                aria-pressed=move || (current.get().as_deref() == Some(here.as_str())).to_string()
                                on:click=move |_| open.set(Some(pid.clone()))>{move || name()}</button>
                        }
                        .into_any()
                    })}
                </div>
                <button type="button" on:click=create>"New picture"</button>
                <panel::ImportPicture session=session open=open />
            </div>
            <NoticeLine notice=notice class="import-notice" />
            {move || current.get().map(|id| view! { <Editor session=session id=id /> })}
        </section>
    }
}

/// One picture's board, for a step of the presentation.
#[component]
pub fn PictureStep(session: Session, id: String) -> impl IntoView {
    provide_context(Notice::new());
    view! { <section class="pictures"><Editor session=session id=id /></section> }
}

/// One picture: its title, the board and the side panel.
#[component]
fn Editor(session: Session, id: String) -> impl IntoView {
    let board = Board::new(session, id);
    let title = move || board.track(|p| p.title.clone()).unwrap_or_default();
    let remove = move |_| {
        let name = board
            .with(|p| p.display_title().to_string())
            .unwrap_or_default();
        if confirm_delete("picture", &name) {
            let id = board.id.get_value();
            session.edit(None, |w| w.pictures.retain(|p| p.id != id));
        }
    };
    // Focus mode hides the page's chrome, as the maps' does.
    focus_mode(board.frame.focus, "picture-focus", || {});
    view! {
        <div class="picture-board">
            <div class="map-layout">
                <div class="map-main picture-main">
                    <toolbar::Toolbar board=board />
                    <div class="picture-stage">
                        <drag_in::StickerBar board=board />
                        <canvas::Canvas board=board />
                    </div>
                </div>
                <aside class="map-side" aria-label="Picture tools">
                    <section class="panel map-details" aria-label="This picture">
                        <label>"Title "
                            <input type="text" prop:value=move || title()
                                on:input=move |e| {
                                    let v = event_target_value(&e);
                                    let g = format!("picture:{}:title", board.id.get_value());
                                    board.edit(Some(&g), |p| p.title = v);
                                }
                                on:blur=move |_| session.seal() />
                        </label>
                        <button type="button" class="danger" on:click=remove>"Delete picture"</button>
                    </section>
                    <panel::Selection board=board />
                    <panel::Missing board=board />
                    <panel::Export board=board />
                </aside>
            </div>
        </div>
    }
}
