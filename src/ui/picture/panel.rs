//! The side panel of a picture: what is selected (caption, who a sticker stands for, order,
//! size, turn, duplicate, delete), who on the roster is not in the picture yet, and the picture
//! as SVG or PNG (both reopen here as the editable picture); importing such a file as a new
//! picture. The work is in the core (`crate::export::picture`, `crate::import::picture`).

use std::time::Duration;

use leptos::prelude::*;

use super::board::Board;
use crate::export::picture as ex;
use crate::import::picture::MAX_BYTES;
use crate::interact::shortcuts::Stack;
use crate::jobs::{Job, Outcome};
use crate::model::Involvement;
use crate::model::picture::{Icon, Item, ItemId};
use crate::ui::browser::{download, fresh_id, today};
use crate::ui::editor::export::{PngControls, PngOptions};
use crate::ui::editor::notice::Notice;
use crate::ui::jobs::{Busy, BusyView, Failure, IMPORT_LIMIT_MS, unread};
use crate::ui::workshop::Session;

/// What one selected item is, for the panel.
#[derive(Clone, Copy, Debug, PartialEq)]
enum One {
    Sticker(Icon),
    Text,
    Other(&'static str),
}

fn kind_name(item: &Item) -> One {
    match item {
        Item::Sticker(s) => One::Sticker(s.icon),
        Item::Text(_) => One::Text,
        Item::Stroke(_) => One::Other("Stroke"),
        Item::Arrow(_) => One::Other("Arrow"),
        Item::Shape(_) => One::Other("Shape"),
    }
}

#[component]
pub fn Selection(board: Board) -> impl IntoView {
    let count = move || board.selected.with(|s| s.len());
    // The single selected item and what it is: changes only when the selection does.
    let one = Memo::new(move |_| {
        let sel = board.selected.get();
        if sel.len() != 1 {
            return None;
        }
        let id = *sel.iter().next()?;
        board
            .track(|p| p.item(id).map(|i| (id, kind_name(i))))
            .flatten()
    });
    let joinable = move || {
        let sel = board.selected.get();
        board
            .track(|p| sel.iter().filter(|id| p.anchor(**id).is_some()).count())
            .unwrap_or(0)
    };
    let heading = move || match (count(), one.get()) {
        (0, _) => "Nothing selected".to_string(),
        (_, Some((_, One::Sticker(icon)))) => format!("Sticker: {}", icon.name()),
        (_, Some((_, One::Text))) => "Text".into(),
        (_, Some((_, One::Other(what)))) => what.into(),
        (n, None) => format!("{n} items selected"),
    };
    let button = |label: &'static str, title: &'static str, keys: &'static str, f: fn(Board)| {
        view! {
            <button type="button" title=title aria-keyshortcuts=keys on:click=move |_| f(board)>{label}</button>
        }
    };
    view! {
        <section class="panel picture-selection" aria-labelledby="pic-sel-h">
            <h3 id="pic-sel-h">{move || heading()}</h3>
            <p class="hint" hidden=move || count() != 0>
                "Choose Select (V), then click an item, Shift+click to add more, or drag round several."
            </p>
            {move || one.get().map(|(id, kind)| view! { <Fields board=board id=id kind=kind /> })}
            <p hidden=move || joinable() < 2>
                <button type="button" on:click=move |_| board.connect_selection()
                    title="An arrow from each selected sticker, text or shape to the next, in the order they were made">
                    "Connect with arrows"</button>
            </p>
            <div class="button-grid" hidden=move || count() == 0>
                {button("Duplicate", "Duplicate (Ctrl+D)", "Control+D", |board| board.duplicate_selection())}
                {button("Delete", "Delete (Delete)", "Delete", |board| board.remove_selection())}
                {button("Bring forward", "One step up (])", "]", |board| board.restack(Stack::Forward))}
                {button("Send backward", "One step down ([)", "[", |board| board.restack(Stack::Backward))}
                {button("To front", "To the top (Shift+])", "}", |board| board.restack(Stack::ToFront))}
                {button("To back", "To the bottom (Shift+[)", "{", |board| board.restack(Stack::ToBack))}
                {button("Turn left", "Turn 15\u{b0} anticlockwise", "", |board| board.turn_selection(-15.0))}
                {button("Turn right", "Turn 15\u{b0} clockwise", "", |board| board.turn_selection(15.0))}
                {button("Smaller", "Shrink by a fifth", "", |board| board.scale_selection(0.8))}
                {button("Larger", "Grow by a quarter", "", |board| board.scale_selection(1.25))}
            </div>
        </section>
    }
}

/// The caption (stickers) or text, and who a people sticker stands for.
#[component]
fn Fields(board: Board, id: ItemId, kind: One) -> impl IntoView {
    let key = format!("picture:{}:caption:{id}", board.id.get_value());
    let value = move || {
        board
            .track(|p| match p.item(id) {
                Some(Item::Sticker(s)) => s.caption.clone(),
                Some(Item::Text(t)) => t.text.clone(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let set = move |v: String| {
        board.edit(Some(&key), |p| match p.item_mut(id) {
            Some(Item::Sticker(s)) => s.caption = v,
            Some(Item::Text(t)) => t.text = v,
            _ => {}
        });
    };
    let text_field = match kind {
        One::Sticker(_) | One::Text => {
            let label = if kind == One::Text { "Text" } else { "Caption" };
            Some(view! {
                <label class="stack">{label}
                    <textarea rows="3" prop:value=move || value() on:input=move |e| set(event_target_value(&e))
                        on:blur=move |_| board.session.seal()></textarea>
                </label>
            })
        }
        One::Other(_) => None,
    };
    let people = matches!(kind, One::Sticker(icon) if icon.is_people());
    let linked = move || {
        board
            .track(|p| match p.item(id) {
                Some(Item::Sticker(s)) => s.stakeholder.clone().unwrap_or_default(),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let roster = move || {
        board.session.workshop.with(|w| {
            w.roster
                .iter()
                .map(|s| (s.id.clone(), s.name.clone(), s.group.clone()))
                .collect::<Vec<_>>()
        })
    };
    let link = move |who: String| {
        let name = board.session.workshop.with_untracked(|w| {
            w.roster
                .iter()
                .find(|s| s.id == who)
                .map(|s| s.name.clone())
        });
        board.edit(None, |p| {
            if let Some(Item::Sticker(s)) = p.item_mut(id) {
                s.stakeholder = (!who.is_empty()).then(|| who.clone());
                if s.caption.trim().is_empty()
                    && let Some(n) = &name
                {
                    s.caption = n.clone();
                }
            }
        });
    };
    view! {
        {text_field}
        {people.then(|| view! {
            <label class="stack">"Stands for"
                <select on:change=move |e| link(event_target_value(&e)) prop:value=move || linked()>
                    <option value="">"Nobody on the roster"</option>
                    {move || roster().into_iter().map(|(sid, name, group)| {
                        let here = sid.clone();
                        let shown = if group.is_empty() { name } else { format!("{name} ({group})") };
                        view! { <option value=sid selected=move || linked() == here>{shown}</option> }
                    }).collect_view().into_any()}
                </select>
            </label>
        })}
    }
}

/// Who on the roster is not in the picture yet: the question a rich picture should provoke.
#[component]
pub fn Missing(board: Board) -> impl IntoView {
    let missing = Memo::new(move |_| {
        let roster = board.session.workshop.with(|w| w.roster.clone());
        board
            .track(|p| {
                p.missing(&roster)
                    .into_iter()
                    .map(|s| (s.id.clone(), s.name.clone(), s.group.clone(), s.involvement))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let roster_len = move || board.session.workshop.with(|w| w.roster.len());
    let add = move |sid: String, name: String, group: String| {
        let icon = if group.is_empty() {
            Icon::Person
        } else {
            Icon::Group
        };
        let caption = if name.trim().is_empty() { group } else { name };
        board.add_sticker(icon, &caption, Some(sid));
    };
    view! {
        <section class="panel picture-missing" aria-labelledby="pic-missing-h">
            <h3 id="pic-missing-h">"Who is missing?"</h3>
            {move || {
                let n = roster_len();
                let m = missing.get();
                if n == 0 {
                    view! { <p class="hint">"The roster is empty. Add stakeholders on the workshop page, and this list shows who is not yet in the picture."</p> }.into_any()
                } else if m.is_empty() {
                    view! { <p class="form-message">{format!("Everyone on the roster ({n}) is in the picture.")}</p> }.into_any()
                } else {
                    view! {
                        <p class="hint">{format!("{} of {n} on the roster are not in the picture yet. Link a person sticker to them, or add one here.", m.len())}</p>
                        <ul class="missing-list">
                            {m.into_iter().map(|(sid, name, group, inv)| {
                                let label = if group.is_empty() { name.clone() } else { format!("{name} ({group})") };
                                let tag = if inv == Involvement::Affected { "affected" } else { "involved" };
                                let aria = format!("Add {label} to the picture");
                                view! {
                                    <li>
                                        <span>{label}</span> " " <span class="tag">{tag}</span>
                                        <button type="button" aria-label=aria on:click=move |_| add(sid.clone(), name.clone(), group.clone())>"Add"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The picture as SVG or PNG (1×–4×, white or transparent); both carry the picture.
#[component]
pub fn Export(board: Board) -> impl IntoView {
    let options = PngOptions::new();
    let notice = expect_context::<Notice>();
    let name = move |p: &crate::model::picture::Picture, ext: &str| {
        let workshop = board.session.workshop.with_untracked(|w| w.title.clone());
        ex::file_name(&workshop, p, &today(), ext)
    };
    let svg = move |_| {
        let Some(p) = board.with(Clone::clone) else {
            return;
        };
        let file = name(&p, "svg");
        let done = download(&file, &ex::svg(&p), "image/svg+xml");
        notice.downloaded(&file, done, "The download failed");
    };
    let png = move |_| {
        let Some(p) = board.with(Clone::clone) else {
            return;
        };
        let file = name(&p, "png");
        let (size, svg) = (ex::size(&p), ex::svg(&p));
        options.download(notice, file, svg, size, move |png| ex::png(png, &p));
    };
    view! {
        <section class="panel map-files" aria-labelledby="pic-export-h">
            <h3 id="pic-export-h">"Export this picture"</h3>
            <ul class="formats">
                <li><button type="button" on:click=svg>"SVG picture"</button>
                    " " <span class="hint">"Browsers, Inkscape, slides; opens here again as a picture"</span></li>
                <li><button type="button" on:click=png>"PNG picture"</button>
                    " " <span class="hint">"Slides, documents, chat; opens here again as a picture"</span></li>
            </ul>
            <PngControls options=options />
        </section>
    }
}

/// Opens a picture exported from here (SVG, PNG or JSON) as a new picture.
#[component]
pub fn ImportPicture(session: Session, open: RwSignal<Option<String>>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let message = expect_context::<Notice>().0;
    let busy = Busy::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|l| l.get(0)) else {
            return;
        };
        el.set_value("");
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            message.set(Some((
                true,
                format!(
                    "\u{201c}{name}\u{201d} is too large (at most {} MB). Nothing was imported.",
                    MAX_BYTES / 1_000_000
                ),
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match crate::ui::browser::file_bytes(&file).await {
                Ok(b) => b,
                Err(e) => return message.set(Some((true, format!("\u{201c}{name}\u{201d}: {e}")))),
            };
            let job = Job::ImportPicture { name: name.clone() };
            let what = format!("Reading \u{201c}{name}\u{201d}\u{2026}");
            let limit = Some(Duration::from_millis(IMPORT_LIMIT_MS));
            busy.start(what, job, vec![bytes], limit, move |result| match result {
                Ok((Outcome::Picture { picture: mut p, .. }, _)) => {
                    let id = fresh_id("p");
                    p.id = id.clone();
                    let text = format!(
                        "Opened \u{201c}{}\u{201d} ({} items) from \u{201c}{name}\u{201d} as a new picture.",
                        p.display_title(),
                        p.items.len()
                    );
                    session.edit(None, |w| w.pictures.push(p.into()));
                    open.set(Some(id));
                    message.set(Some((false, text)));
                }
                Ok((Outcome::Unreadable { why: e }, _)) => message.set(Some((
                    true,
                    format!("\u{201c}{name}\u{201d} was not imported. {e} Nothing was changed."),
                ))),
                Ok(_) => message.set(Some(unread(&name, &Failure::Crashed))),
                Err(f) => message.set(Some(unread(&name, &f))),
            });
        });
    };
    view! {
        // One span holds the words: a flex label would trim the spaces at each piece's edge.
        <label class="button-like"><span>"Open "<span class="wide-only">"a picture "</span>"file\u{2026}"</span>
            <input type="file" id="import-picture" class="visually-hidden" node_ref=input accept=".svg,.png,.json,image/svg+xml,image/png,application/json"
                on:change=on_change />
        </label>
        <BusyView busy=busy />
    }
}
