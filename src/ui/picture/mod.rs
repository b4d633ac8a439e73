//! Rich pictures section (`#/w/<id>/pictures`): the workshop's pictures as tabs; for the open
//! one, its title, the drawing board (`board`: tools, canvas, gestures), the column of
//! stickers (`drag_in`), how items are drawn (`items`), captions typed in place (`caption`),
//! and the side panel (`panel`: the selection, who is missing from the
//! picture, export and import). Focus mode lets the board fill the screen.

mod board;
mod caption;
mod drag_in;
mod items;
mod panel;

use leptos::ev;
use leptos::prelude::*;

use crate::model::picture::Picture;
use crate::ui::browser::fresh_id;
use crate::ui::workshop::Session;
use board::Pb;

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
    let message = RwSignal::new(None::<(bool, String)>);
    provide_context(panel::Notice(message));
    view! {
        <section class="pictures" aria-labelledby="pictures-heading">
            <h2 id="pictures-heading">"Rich pictures"</h2>
            <p class="lead" hidden=move || !ids.with(Vec::is_empty)>"Draw the situation as the group sees it: the people and organisations, what they care about, where they clash, what flows between them. Start a picture and pick up the pen."</p>
            <div class="rounds-bar">
                <div class="perspective-tabs" role="group" aria-label="Pictures">
                    <For each=move || ids.get() key=|id| id.clone() children=move |pid| {
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
                                on:click=move |_| open.set(Some(pid.clone()))>{name}</button>
                        }
                    } />
                </div>
                <button type="button" on:click=create>"New picture"</button>
                <panel::ImportPicture session=session open=open />
            </div>
            {move || message.get().map(|(problem, text)| if problem {
                view! { <p role="alert" class="notice warn import-notice">{text}</p> }.into_any()
            } else {
                view! { <p role="status" class="form-message import-notice">{text}</p> }.into_any()
            })}
            {move || current.get().map(|id| view! { <Editor session=session id=id /> })}
        </section>
    }
}

/// One picture's board, for a step of the presentation.
#[component]
pub fn PictureStep(session: Session, id: String) -> impl IntoView {
    provide_context(panel::Notice(RwSignal::new(None)));
    view! { <section class="pictures"><Editor session=session id=id /></section> }
}

/// One picture: its title, the board and the side panel.
#[component]
fn Editor(session: Session, id: String) -> impl IntoView {
    let pb = Pb::new(session, id);
    let title = move || pb.track(|p| p.title.clone()).unwrap_or_default();
    let remove = move |_| {
        let name = pb
            .with(|p| p.display_title().to_string())
            .unwrap_or_default();
        let ok = window()
            .confirm_with_message(&format!(
                "Delete the picture \u{201c}{name}\u{201d}? Undo brings it back."
            ))
            .unwrap_or(false);
        if ok {
            let id = pb.id.get_value();
            session.edit(None, |w| w.pictures.retain(|p| p.id != id));
        }
    };
    // Focus mode hides the page's chrome through classes on <html>, as the maps' does.
    Effect::new(move |_| {
        let on = pb.focus.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("focus-mode", on);
            let _ = root.class_list().toggle_with_force("picture-focus", on);
        }
        if on {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && !e.default_prevented() && pb.focus.get_untracked() {
            pb.focus.set(false);
        }
    });
    on_cleanup(move || {
        keys.remove();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_2("focus-mode", "picture-focus");
        }
    });
    view! {
        <div class="picture-board">
            <div class="map-layout">
                <div class="map-main picture-main">
                    <board::Toolbar pb=pb />
                    <div class="picture-stage">
                        <drag_in::StickerBar pb=pb />
                        <board::Canvas pb=pb />
                    </div>
                </div>
                <aside class="map-side" aria-label="Picture tools">
                    <section class="panel map-details" aria-label="This picture">
                        <label>"Title "
                            <input type="text" prop:value=title
                                on:input=move |e| {
                                    let v = event_target_value(&e);
                                    let g = format!("picture:{}:title", pb.id.get_value());
                                    pb.edit(Some(&g), |p| p.title = v);
                                }
                                on:blur=move |_| session.seal() />
                        </label>
                        <button type="button" class="danger" on:click=remove>"Delete picture"</button>
                    </section>
                    <panel::Selection pb=pb />
                    <panel::Missing pb=pb />
                    <panel::Export pb=pb />
                </aside>
            </div>
        </div>
    }
}
