//! Rich pictures section (`#/w/<id>/pictures`): the workshop's pictures as tabs and a drawing
//! board with the pen, the highlighter and the eraser. Finished strokes are drawn once each
//! (keyed by id, never re-rendered while drawing); the stroke being drawn is the only thing
//! that changes per pointer move. Every stroke and every eraser gesture is one undo step.
//!
//! Still to come (issue 7): stickers, text, arrows, shapes, selection, pan and zoom, the roster
//! panel, exports.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::ink::{self, P};
use crate::model::picture::{Item, ItemId, PALETTE, Picture, Tool, WIDTHS};
use crate::ui::browser::{fresh_id, now};
use crate::ui::workshop::Session;

/// What the pointer does on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Pen,
    Highlighter,
    Eraser,
}

impl Mode {
    const ALL: [Mode; 3] = [Mode::Pen, Mode::Highlighter, Mode::Eraser];

    fn label(self) -> &'static str {
        match self {
            Mode::Pen => "Pen",
            Mode::Highlighter => "Highlighter",
            Mode::Eraser => "Eraser",
        }
    }
}

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
            w.pictures.push(Picture::new(made, &title));
        });
        open.set(Some(id));
    };
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
            </div>
            {move || current.get().map(|id| view! { <Board session=session id=id /> })}
        </section>
    }
}

/// The picture `id` as it is now, read without tracking.
fn with_picture<T>(session: Session, id: &str, f: impl FnOnce(&Picture) -> T) -> Option<T> {
    session
        .workshop
        .with_untracked(|w| w.pictures.iter().find(|p| p.id == id).map(f))
}

#[component]
fn Board(session: Session, id: String) -> impl IntoView {
    let pid = StoredValue::new(id.clone());
    let mode = RwSignal::new(Mode::Pen);
    let colour = RwSignal::new(0u8);
    let width = RwSignal::new(WIDTHS[1]);
    let live = RwSignal::new(Vec::<P>::new());
    let pressure = StoredValue::new(Vec::<f64>::new());
    let drawing = StoredValue::new(None::<i32>);
    let last_pen = StoredValue::new(f64::NEG_INFINITY);
    let erase_gesture = StoredValue::new(0u32);
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let key = id.clone();
    let item_ids = Memo::new(move |_| {
        session.workshop.with(|w| {
            w.pictures
                .iter()
                .find(|p| p.id == key)
                .map(|p| p.items.iter().map(Item::id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    // Title edits are tracked through the workshop so undo shows at once.
    let title_tracked = {
        let id = id.clone();
        move || {
            session.workshop.with(|w| {
                w.pictures
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.title.clone())
                    .unwrap_or_default()
            })
        }
    };
    let edit = move |gesture: Option<&str>, f: &mut dyn FnMut(&mut Picture)| {
        let id = pid.get_value();
        session.edit(gesture, |w| {
            if let Some(p) = w.pictures.iter_mut().find(|p| p.id == id) {
                f(p);
            }
        });
    };
    let to_picture = move |e: &web_sys::PointerEvent| -> Option<P> {
        let el: web_sys::Element = svg.get_untracked()?.unchecked_into();
        let r = el.get_bounding_client_rect();
        Some(P::new(
            f64::from(e.client_x()) - r.left(),
            f64::from(e.client_y()) - r.top(),
        ))
    };
    let erase_at = move |p: P| {
        let id = pid.get_value();
        let hit = with_picture(session, &id, |pic| {
            pic.items
                .iter()
                .rev()
                .find(|i| matches!(i, Item::Stroke(_)) && pic.hits(i, p, 6.0))
                .map(Item::id)
        })
        .flatten();
        if let Some(hit) = hit {
            let gesture = format!("picture:{id}:erase:{}", erase_gesture.get_value());
            edit(Some(&gesture), &mut |pic| pic.remove(&[hit]));
        }
    };
    let pointerdown = move |e: web_sys::PointerEvent| {
        if e.button() != 0 {
            return;
        }
        let kind = e.pointer_type();
        if kind == "pen" {
            last_pen.set_value(now());
        } else if kind == "touch" && now() - last_pen.get_value() < 1500.0 {
            // Palm on the screen while a pen is drawing: ignored.
            return;
        }
        if drawing.get_value().is_some() {
            return;
        }
        let Some(p) = to_picture(&e) else { return };
        e.prevent_default();
        if let Some(t) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = t.set_pointer_capture(e.pointer_id());
        }
        drawing.set_value(Some(e.pointer_id()));
        if mode.get_untracked() == Mode::Eraser {
            erase_gesture.update_value(|g| *g += 1);
            erase_at(p);
        } else {
            pressure.set_value(vec![f64::from(e.pressure())]);
            live.set(vec![p]);
        }
    };
    let pointermove = move |e: web_sys::PointerEvent| {
        if drawing.get_value() != Some(e.pointer_id()) {
            return;
        }
        let Some(p) = to_picture(&e) else { return };
        if e.pointer_type() == "pen" {
            last_pen.set_value(now());
        }
        if mode.get_untracked() == Mode::Eraser {
            erase_at(p);
        } else {
            pressure.update_value(|v| v.push(f64::from(e.pressure())));
            live.update(|v| v.push(p));
        }
    };
    let finish = move |e: web_sys::PointerEvent, keep: bool| {
        if drawing.get_value() != Some(e.pointer_id()) {
            return;
        }
        drawing.set_value(None);
        if mode.get_untracked() == Mode::Eraser {
            session.seal();
            return;
        }
        let points = live.get_untracked();
        live.set(Vec::new());
        if !keep || points.is_empty() {
            return;
        }
        let tool = if mode.get_untracked() == Mode::Highlighter {
            Tool::Highlighter
        } else {
            Tool::Pen
        };
        let mut w = width.get_untracked();
        if e.pointer_type() == "pen" {
            // Pressure thickens or thins the whole stroke around the chosen width.
            let ps = pressure.get_value();
            let avg = ps.iter().sum::<f64>() / ps.len().max(1) as f64;
            if avg > 0.0 {
                w = ((w * (0.5 + avg)) * 10.0).round().max(10.0) / 10.0;
            }
        }
        let c = colour.get_untracked();
        edit(None, &mut |pic| {
            pic.add_stroke(&points, tool, c, w);
        });
    };
    let live_d = Memo::new(move |_| live.with(|v| ink::smooth_path(v)));
    let live_look = move || {
        let (c, w) = (colour.get(), width.get());
        let hl = mode.get() == Mode::Highlighter;
        (
            PALETTE[c as usize % PALETTE.len()],
            if hl { w * 3.0 } else { w },
            hl,
        )
    };
    let count = move || item_ids.with(Vec::len);
    view! {
        <div class="picture-board">
            <div class="map-details">
                <label>"Title "
                    <input type="text" prop:value=title_tracked
                        on:input=move |e| { let v = event_target_value(&e); let g = format!("picture:{}:title", pid.get_value()); edit(Some(&g), &mut |p| p.title = v.clone()); }
                        on:blur=move |_| session.seal() />
                </label>
            </div>
            <div class="map-toolbar picture-toolbar" role="toolbar" aria-label="Drawing">
                <div class="view-switch" role="group" aria-label="Tool">
                    {Mode::ALL.into_iter().map(|m| view! {
                        <button type="button" aria-pressed=move || (mode.get() == m).to_string()
                            on:click=move |_| mode.set(m)>{m.label()}</button>
                    }).collect_view()}
                </div>
                <div class="swatches" role="group" aria-label="Colour">
                    {PALETTE.iter().enumerate().map(|(i, hex)| {
                        let i = i as u8;
                        let name = ["Black", "Red", "Blue", "Green", "Orange", "Purple", "Ochre", "Grey"][i as usize];
                        view! {
                            <button type="button" class="swatch-button" aria-label=name
                                aria-pressed=move || (colour.get() == i).to_string()
                                on:click=move |_| colour.set(i)>
                                <svg width="20" height="20" aria-hidden="true"><circle cx="10" cy="10" r="8" fill=*hex></circle></svg>
                            </button>
                        }
                    }).collect_view()}
                </div>
                <label>"Width "
                    <select on:change=move |e| width.set(event_target_value(&e).parse().unwrap_or(WIDTHS[1]))>
                        {WIDTHS.iter().map(|w| view! {
                            <option value=w.to_string() selected=*w == WIDTHS[1]>{format!("{w} px")}</option>
                        }).collect_view()}
                    </select>
                </label>
                <output class="hint" aria-live="polite">{move || format!("{} items", count())}</output>
            </div>
            <div class="picture-canvas-wrap">
                <svg class="picture-canvas" node_ref=svg role="img"
                    aria-label=move || format!("Rich picture: {} items. Draw with the mouse, a pen or a finger.", count())
                    on:pointerdown=pointerdown on:pointermove=pointermove
                    on:pointerup=move |e| finish(e, true)
                    on:pointercancel=move |e| finish(e, false)
                    on:contextmenu=move |e: ev::MouseEvent| e.prevent_default()>
                    <g class="items">
                        <For each=move || item_ids.get() key=|id| *id children=move |item| {
                            view! { <ItemView session=session picture=pid.get_value() id=item /> }
                        } />
                    </g>
                    <path class="live-stroke" d=move || live_d.get() fill="none"
                        stroke=move || live_look().0 stroke-width=move || live_look().1
                        stroke-opacity=move || if live_look().2 { "0.35" } else { "1" }
                        stroke-linecap="round" stroke-linejoin="round"></path>
                </svg>
            </div>
        </div>
    }
}

/// One finished item, drawn once: items never change in place (an edit replaces them).
#[component]
fn ItemView(session: Session, picture: String, id: ItemId) -> impl IntoView {
    let item = with_picture(session, &picture, |p| p.item(id).cloned()).flatten();
    match item {
        Some(Item::Stroke(s)) => {
            let d = ink::decode(&s.points)
                .map(|pts| ink::smooth_path(&pts))
                .unwrap_or_default();
            let hl = s.tool == Tool::Highlighter;
            let w = if hl { s.width * 3.0 } else { s.width };
            view! {
                <path class="stroke" data-item=id d=d fill="none"
                    stroke=PALETTE[s.colour as usize % PALETTE.len()] stroke-width=w
                    stroke-opacity=if hl { "0.35" } else { "1" }
                    stroke-linecap="round" stroke-linejoin="round"></path>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}
