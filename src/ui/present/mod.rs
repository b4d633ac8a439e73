//! Presenting a workshop (`#/w/<id>/present/<step>`): full screen, one step at a time, in the
//! order the facilitator arranged (`model::agenda`), with large type, a timer, and the step's
//! editor a key away.
//!
//! Keys (when no field has the focus): → / Space / Page Down next, ← / Shift+Space / Page Up
//! previous, Home / End first and last, E edit this step, A the agenda, T pause the timer,
//! Esc stops editing, else leaves the presentation (back where presenting started). On a
//! figure, + − 0 F zoom, fit and focus, and arrows pan once the figure has the focus
//! (`figure.rs`).

#![allow(
    clippy::redundant_closure,
    reason = "`move || f()` in a view is type-erased by `erase_components`, a named `f` is not: one instantiation per closure (issue 23)"
)]

mod agenda;
mod figure;
mod follow;
mod steps;

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::agenda::{Entry, Step, clock};
use crate::model::slides::{self, Frame, Page, Slide};
use crate::route::Route;
use crate::ui::browser::now;
use crate::ui::lean::effect;
use crate::ui::workshop::Session;

/// What the presentation's parts share.
#[derive(Clone, Copy)]
struct Presenting {
    session: Session,
    /// The slides presented: the steps not skipped, in order, each cut to fit the slide.
    shown: Memo<Vec<Slide>>,
    /// The index of the current slide in `shown`.
    current: Memo<usize>,
    /// The step the address names.
    asked: RwSignal<Option<String>>,
    editing: RwSignal<bool>,
    agenda_open: RwSignal<bool>,
    /// The keys of the figure on the slide, if there is one: true when it used the key.
    figure_keys: StoredValue<Option<Callback<web_sys::KeyboardEvent, bool>>>,
    /// Where "Stop" goes: the address presenting started from.
    back: StoredValue<String>,
}

impl Presenting {
    fn step(&self) -> Option<Entry> {
        self.slide().map(|s| s.entry)
    }

    fn slide(&self) -> Option<Slide> {
        let i = self.current.get();
        self.shown.with(|s| s.get(i).cloned())
    }

    /// Shows step `i` of `shown` (clamped), replacing the address so that Back leaves the
    /// presentation instead of stepping through it.
    fn go(&self, i: usize) {
        let Some(slug) = self
            .shown
            .with_untracked(|s| s.get(i.min(s.len().saturating_sub(1))).map(Slide::slug))
        else {
            return;
        };
        self.asked.set(Some(slug.clone()));
        self.editing.set(false);
        let href = Route::step_href(&self.session.id(), &slug);
        let _ = window().location().replace(&href);
    }

    fn step_by(&self, by: isize) {
        let i = self.current.get_untracked();
        let last = self.shown.with_untracked(Vec::len).saturating_sub(1);
        let j = i.saturating_add_signed(by).min(last);
        if j != i {
            self.go(j);
        }
    }

    fn leave(&self) {
        let _ = window().location().set_hash(&self.back.get_value());
    }
}

/// Whether a key pressed in `target` belongs to that element (typing, a list box).
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}

/// Whether Space or Enter in `target` presses it (a button, a link, a summary).
fn pressable(target: &Option<web_sys::EventTarget>) -> bool {
    target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY")
                || el.closest("button, a, summary").ok().flatten().is_some()
        })
}

/// The room the step region gives a slide: its size less a scroll bar's width (so that a
/// scroll bar coming or going does not move the cuts), and its text's size and line height.
fn measure(el: &web_sys::HtmlElement) -> Option<Frame> {
    let width = f64::from(el.offset_width()) - 20.0;
    let height = f64::from(el.client_height());
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let px = |e: &web_sys::Element, what: &str| {
        window()
            .get_computed_style(e)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value(what).ok())
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
    };
    let font = px(el, "font-size")?;
    let line = px(el, "line-height").map_or(1.55, |l| l / font);
    let rem = document()
        .document_element()
        .and_then(|root| px(&root, "font-size"))
        .unwrap_or(16.0);
    Some(Frame {
        width,
        height,
        font,
        line,
        rem,
    })
}

/// Whether the room changed enough to cut the slides again.
fn moved(a: Frame, b: Frame) -> bool {
    (a.width - b.width).abs() > 1.0
        || (a.height - b.height).abs() > 1.0
        || (a.font - b.font).abs() > 0.1
        || (a.line - b.line).abs() > 0.01
        || (a.rem - b.rem).abs() > 0.1
}

#[component]
pub fn PresentView(
    session: Session,
    /// The address presenting started from (a workshop section), where "Stop" returns.
    back: String,
) -> impl IntoView {
    // The slide's room, measured: long steps are cut into slides that fit it.
    let frame = RwSignal::new(None::<Frame>);
    let shown = Memo::new(move |_| {
        let f = frame.get();
        session.workshop.with(|w| slides::slides(w, f))
    });
    let hash = || window().location().hash().unwrap_or_default();
    let asked = RwSignal::new(Route::step_in(&hash()));
    let current = Memo::new(move |_| {
        let asked = asked.get();
        shown.with(|s| asked.and_then(|a| slides::find(s, &a)).unwrap_or(0))
    });
    let pr = Presenting {
        session,
        shown,
        current,
        asked,
        editing: RwSignal::new(false),
        agenda_open: RwSignal::new(false),
        figure_keys: StoredValue::new(None),
        back: StoredValue::new(back),
    };

    // The timers: one for the whole presentation, one for the step (paused with T).
    let opened = now();
    let tick = RwSignal::new(opened);
    let step_base = RwSignal::new(0.0_f64); // ms counted before the last pause
    let running_since = RwSignal::new(Some(opened));
    // Whether the step runs below the screen: checked on every tick, scroll and resize, so
    // content that arrives late (a figure, an edit) is caught too.
    let step_el = NodeRef::<leptos::html::Section>::new();
    let more_below = RwSignal::new(false);
    let check_more = move || {
        if let Some(el) = step_el.get_untracked() {
            if let Some(f) = measure(&el)
                && frame.get_untracked().is_none_or(|old| moved(old, f))
            {
                frame.set(Some(f));
            }
            let more = el.scroll_height() - el.client_height() - el.scroll_top() > 2;
            if more != more_below.get_untracked() {
                more_below.set(more);
            }
        }
    };
    let interval = set_interval_with_handle(
        move || {
            tick.set(now());
            check_more();
        },
        Duration::from_millis(500),
    )
    .ok();
    let resized = window_event_listener(ev::resize, move |_| check_more());
    effect(move || {
        current.track();
        pr.editing.track();
        request_animation_frame(check_more);
    });
    Effect::new(move |prev: Option<String>| {
        let slug = pr.step().map(|e| e.step.slug()).unwrap_or_default();
        if prev.as_ref().is_some_and(|p| p != &slug) {
            step_base.set(0.0);
            running_since.set(Some(now()));
        }
        slug
    });
    let step_ms = move || {
        step_base.get()
            + running_since
                .get()
                .map_or(0.0, |since| (tick.get() - since).max(0.0))
    };
    let toggle_timer = move || match running_since.get_untracked() {
        Some(since) => {
            step_base.update(|b| *b += now() - since);
            running_since.set(None);
        }
        None => running_since.set(Some(now())),
    };

    // Full screen: the app's chrome is hidden while presenting.
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("presenting");
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    let hashes = window_event_listener(ev::hashchange, move |_| {
        if let Some(step) = Route::step_in(&hash()) {
            asked.set(Some(step));
        }
    });
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let key = e.key();
        if pr.editing.get_untracked() {
            if key == "Escape" && !e.default_prevented() {
                e.prevent_default();
                pr.editing.set(false);
            }
            return;
        }
        if pr.agenda_open.get_untracked() || typing_in(e.target()) {
            return;
        }
        if let Some(keys) = pr.figure_keys.get_value()
            && keys.run(e.clone())
        {
            e.prevent_default();
            return;
        }
        let target = e.target();
        match key.as_str() {
            "ArrowRight" | "PageDown" => pr.step_by(1),
            "ArrowLeft" | "PageUp" => pr.step_by(-1),
            " " if pressable(&target) => return,
            " " if e.shift_key() => pr.step_by(-1),
            " " => pr.step_by(1),
            "ArrowDown" | "ArrowUp" => {
                // A long step scrolls inside its own region, a line at a time.
                if let Ok(Some(el)) = document().query_selector(".present-step") {
                    let by = if key == "ArrowDown" { 60.0 } else { -60.0 };
                    el.scroll_by_with_x_and_y(0.0, by);
                }
            }
            "Home" => pr.go(0),
            "End" => pr.go(usize::MAX),
            "Escape" if !e.default_prevented() => pr.leave(),
            "e" | "E" => pr.editing.set(true),
            "a" | "A" => pr.agenda_open.set(true),
            "t" | "T" => toggle_timer(),
            _ => return,
        }
        e.prevent_default();
    });
    on_cleanup(move || {
        hashes.remove();
        keys.remove();
        resized.remove();
        if let Some(i) = interval {
            i.clear();
        }
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("presenting");
        }
    });

    // Steps are counted, not slides: a continuation is still its step ("Step 3 of 21"), its
    // heading says which part it is.
    let position = move || {
        let i = current.get();
        let (at, n) = shown.with(|s| {
            let firsts = |v: &[Slide]| v.iter().filter(|x| x.part == 0).count();
            (firsts(&s[..(i + 1).min(s.len())]), firsts(s))
        });
        format!("Step {} of {n}", at.max(1))
    };
    let title = move || {
        let slide = pr.slide();
        session.workshop.with(|w| match slide {
            Some(s) => s.title(w),
            None => Step::Title.title(w),
        })
    };
    // What the slide shows: its step and part, or (while editing) the whole step, so typing
    // that moves a cut does not redraw the field being typed in.
    let showing = Memo::new(move |_| {
        let editing = pr.editing.get();
        pr.slide().map(|s| {
            let (page, suffix) = if editing {
                (Page::Whole, String::new())
            } else {
                (s.page.clone(), s.suffix())
            };
            (s.entry.step, page, suffix, editing)
        })
    });
    let timer = move || {
        let elapsed = (step_ms() / 1000.0).floor() as i64;
        let planned = pr.step().and_then(|e| e.minutes);
        let step = match planned {
            Some(m) => {
                let left = i64::from(m) * 60 - elapsed;
                if left >= 0 {
                    format!("{} left of {m} min", clock(left))
                } else {
                    format!("{} over {m} min", clock(-left))
                }
            }
            None => format!("{} on this step", clock(elapsed)),
        };
        let total = ((tick.get() - opened) / 1000.0).floor() as i64;
        format!("{step} \u{00b7} {} in all", clock(total))
    };
    let over = move || {
        let planned = pr.step().and_then(|e| e.minutes);
        planned.is_some_and(|m| step_ms() / 1000.0 > f64::from(m) * 60.0)
    };
    let paused = move || running_since.get().is_none();
    let first = move || current.get() == 0;
    let last = move || current.get() + 1 >= shown.with(Vec::len);

    view! {
        <div class="present" class:editing=move || pr.editing.get()>
            <div class="present-bar">
                <p class="present-progress" aria-live="polite">
                    <span>{move || position()}</span><span class="visually-hidden">": " {move || title()}</span>
                </p>
                <p class="present-timer" role="timer" class:over=move || over() class:paused=move || paused()
                    data-testid="present-timer">{move || timer()}{move || paused().then_some(" (paused)")}</p>
                <div class="present-actions">
                    <button type="button" aria-keyshortcuts="T" on:click=move |_| toggle_timer()
                        aria-label=move || if paused() { "Resume timer" } else { "Pause timer" }>
                        {move || if paused() { "Resume" } else { "Pause" }}</button>
                    <button type="button" aria-keyshortcuts="A" aria-haspopup="dialog"
                        on:click=move |_| pr.agenda_open.set(true)>"Agenda"</button>
                    <button type="button" aria-keyshortcuts="E" aria-pressed=move || pr.editing.get().to_string()
                        aria-label="Edit this step" on:click=move |_| pr.editing.update(|e| *e = !*e)>"Edit"</button>
                    <follow::Follow pr=pr />
                    <a class="button-like" href=pr.back.get_value()
                        aria-label="Stop presenting" aria-keyshortcuts="Escape">"Stop"</a>
                </div>
            </div>
            <div class="present-stage">
                <section class="present-step" aria-labelledby="present-step-title" tabindex="0"
                    node_ref=step_el on:scroll=move |_| check_more()>
                    {move || {
                        let (step, page, suffix, editing) = showing.get()?;
                        Some(view! { <steps::StepView pr=pr step=step page=page suffix=suffix editing=editing /> })
                    }}
                </section>
                <p class="present-more" data-testid="more-below" hidden=move || !more_below.get()>
                    "\u{25bc} More below \u{00b7} \u{2193} scrolls"</p>
            </div>
            <nav class="present-nav" aria-label="Steps">
                <button type="button" disabled=move || first() on:click=move |_| pr.step_by(-1)
                    aria-keyshortcuts="ArrowLeft">"\u{2190} Previous"</button>
                <p class="hint">{move || if pr.editing.get() {
                    "Editing this step. Esc (or \u{201c}Edit this step\u{201d}) goes back to presenting."
                } else {
                    "\u{2192} or Space next \u{00b7} \u{2190} previous \u{00b7} E edit \u{00b7} A agenda \u{00b7} T timer \u{00b7} Esc stop"
                }}</p>
                <button type="button" class="primary" disabled=move || last() on:click=move |_| pr.step_by(1)
                    aria-keyshortcuts="ArrowRight Space">"Next \u{2192}"</button>
            </nav>
            <agenda::AgendaDialog pr=pr />
        </div>
    }
}
