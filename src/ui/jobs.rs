//! The page's side of the Web Worker (`src/worker.rs`; the protocol is `crate::jobs`):
//! heavy or untrusted work (file imports, layouts, analysis) runs there, so a trap, a panic or a
//! long loop in it can never stop the page. One warm worker waits for work; a job takes it (or a
//! new one when it is busy) and gives it back when done. When a worker traps, panics, runs past
//! the job's time limit, or its job is cancelled, it is ended and a fresh one started: the job
//! fails with a [`Failure`] and nothing it computed is applied (a worker that fails before it
//! is ready, its part not fetched, hands its job to one fresh worker first). The worker is a module worker
//! running the app's own wasm, which loads the part holding the jobs (`src/main.rs`); the time
//! from its start to its `Ready` is the `cstw-worker-start` performance measure.
//!
//! [`Busy`] is what a panel holds: the running job, its progress shown after 200 ms, a Cancel
//! button ([`BusyView`]).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::jobs::{Job, Outcome, Reply, Request};
use crate::ui::lean::When;

/// Progress is shown only for work that takes longer than this (ms).
const SHOW_AFTER_MS: u64 = 200;
/// An import that takes longer than this is stopped (a file that makes a reader loop).
pub const IMPORT_LIMIT_MS: u64 = 60_000;

/// Why a job gave no outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The worker trapped, panicked or failed to start.
    Crashed,
    /// It ran past its time limit.
    TimedOut,
    /// The user cancelled it (or the panel that started it closed).
    Cancelled,
    /// The worker could not read the request (a bug, or a page and worker of different builds).
    Refused(String),
}

type Done = Box<dyn FnOnce(Result<(Outcome, f64), Failure>)>;

/// What reads a worker's message (see `HEARD`).
type Reader = fn(&Rc<RefCell<Slot>>, &JsValue);

/// One worker and the job it runs.
struct Slot {
    worker: Worker,
    ready: bool,
    /// When it was started (`performance.now()`), for the `cstw-worker-start` measure.
    started: f64,
    /// The request waiting for the worker to start.
    queued: Option<js_sys::Array>,
    job: Option<u32>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

struct Entry {
    slot: Rc<RefCell<Slot>>,
    progress: Rc<dyn Fn(f64)>,
    done: Done,
    timer: Option<TimeoutHandle>,
    /// Whether the job was already handed to a fresh worker once (see [`crashed`]).
    retried: bool,
}

#[derive(Default)]
struct State {
    next: u32,
    idle: Option<Rc<RefCell<Slot>>>,
    jobs: HashMap<u32, Entry>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
    /// Set by a browser test through `window.cstwTest.trapNextJob()`: the next request asks
    /// the worker to trap.
    static TRAP_NEXT: Cell<bool> = const { Cell::new(false) };
    static HOOKED: Cell<bool> = const { Cell::new(false) };
    /// What reads a worker's messages ([`heard`]), set by [`start`] and [`warm`]. Through this
    /// pointer, not called by name, so that the replies' reader (the map, picture, workshop and
    /// analysis deserializers, ~50 KB) stays out of the home page's main module: `Busy` and its
    /// Cancel button are on the home page (the import button), while jobs start only in parts
    /// loaded on demand (issue 23). A worker is spawned only after one of them has run.
    static HEARD: Cell<Option<Reader>> = const { Cell::new(None) };
}

/// A running job, to cancel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handle(u32);

impl Handle {
    /// Stops the job at once: its worker is ended and replaced; `done` gets `Cancelled`.
    pub fn cancel(self) {
        finish(self.0, Err(Failure::Cancelled), true);
    }

    /// Stops the job without calling its `done` (its panel has gone).
    pub fn abandon(self) {
        if let Some(entry) = STATE.with_borrow_mut(|s| s.jobs.remove(&self.0)) {
            if let Some(t) = entry.timer {
                t.clear();
            }
            end(&entry.slot);
            rewarm();
        }
    }
}

/// Where the worker's loader is: the page names it in a `<meta>` (tools/app_stage.py).
fn worker_url() -> Option<String> {
    document()
        .query_selector("meta[name=\"cstw-worker\"]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

fn spawn() -> Option<Rc<RefCell<Slot>>> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let started = now();
    let worker = Worker::new_with_options(&worker_url()?, &options).ok()?;
    let slot = Rc::new_cyclic(|me: &Weak<RefCell<Slot>>| {
        let (m, e) = (me.clone(), me.clone());
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            if let (Some(slot), Some(heard)) = (m.upgrade(), HEARD.get()) {
                heard(&slot, &ev.data());
            }
        });
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |ev: ErrorEvent| {
            // Handled here: never reported to the page as its own error (crash.js).
            ev.prevent_default();
            if let Some(slot) = e.upgrade() {
                crashed(&slot, Failure::Crashed);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        RefCell::new(Slot {
            worker,
            ready: false,
            started,
            queued: None,
            job: None,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    Some(slot)
}

/// Starts a worker ahead of need, so the first job does not wait for it to load.
pub fn warm() {
    HEARD.set(Some(heard));
    rewarm();
}

/// Starts a worker to wait for the next job (after one ended its worker).
fn rewarm() {
    install_test_hook();
    STATE.with_borrow_mut(|s| {
        if s.idle.is_none() {
            s.idle = spawn();
        }
    });
}

fn end(slot: &Rc<RefCell<Slot>>) {
    let s = slot.borrow();
    s.worker.set_onmessage(None);
    s.worker.set_onerror(None);
    s.worker.set_onmessageerror(None);
    s.worker.terminate();
}

/// A slot whose job ended well goes back to wait for the next one (or is ended, when one waits).
fn release(slot: Rc<RefCell<Slot>>) {
    slot.borrow_mut().job = None;
    let spare = STATE.with_borrow_mut(|s| {
        if s.idle.is_none() {
            s.idle = Some(slot);
            None
        } else {
            Some(slot)
        }
    });
    if let Some(slot) = spare {
        end(&slot);
    }
}

/// Ends job `id` with `result`: its timer stops, its callback runs (outside any borrow). With
/// `kill`, its worker is ended and a fresh one started; otherwise the worker is released.
fn finish(id: u32, result: Result<(Outcome, f64), Failure>, kill: bool) {
    let Some(entry) = STATE.with_borrow_mut(|s| s.jobs.remove(&id)) else {
        return;
    };
    if let Some(t) = entry.timer {
        t.clear();
    }
    if kill {
        end(&entry.slot);
        rewarm();
    } else {
        release(entry.slot);
    }
    (entry.done)(result);
}

fn crashed(slot: &Rc<RefCell<Slot>>, why: Failure) {
    let (job, queued) = {
        let mut s = slot.borrow_mut();
        let queued = if s.ready { None } else { s.queued.take() };
        (s.job, queued)
    };
    match job {
        Some(id) => {
            // A worker that failed before it was ready never saw its job: its part could not
            // be fetched (a worker started while the network was away, given a job once it came
            // back). The job is not to blame, so it goes to one fresh worker before it fails.
            if let Some(message) = queued
                && retry(id, message)
            {
                end(slot);
                return;
            }
            finish(id, Err(why), true)
        }
        None => {
            // The idle worker itself failed (to load, say): replace it.
            end(slot);
            STATE.with_borrow_mut(|s| {
                if s.idle.as_ref().is_some_and(|i| Rc::ptr_eq(i, slot)) {
                    s.idle = None;
                }
            });
        }
    }
}

/// Hands job `id`'s unsent `message` to a fresh worker, once per job; false when the job was
/// already retried (or is gone, or no worker starts).
fn retry(id: u32, message: js_sys::Array) -> bool {
    if !STATE.with_borrow(|s| s.jobs.get(&id).is_some_and(|e| !e.retried)) {
        return false;
    }
    let Some(fresh) = spawn() else { return false };
    {
        let mut f = fresh.borrow_mut();
        f.job = Some(id);
        f.queued = Some(message);
    }
    STATE.with_borrow_mut(|s| {
        if let Some(e) = s.jobs.get_mut(&id) {
            e.slot = fresh;
            e.retried = true;
        }
    });
    true
}

fn heard(slot: &Rc<RefCell<Slot>>, data: &JsValue) {
    let Some(text) = data.as_string() else { return };
    let Ok(reply) = Reply::decode(&text) else {
        return;
    };
    let current = slot.borrow().job;
    match reply {
        Reply::Ready { .. } => {
            let mut s = slot.borrow_mut();
            s.ready = true;
            measure("cstw-worker-start", now() - s.started);
            if let Some(m) = s.queued.take() {
                let _ = s.worker.post_message(&m);
            }
        }
        Reply::Progress { id, done } if current == Some(id) => {
            let progress = STATE.with_borrow(|s| s.jobs.get(&id).map(|e| e.progress.clone()));
            if let Some(p) = progress {
                p(done.clamp(0.0, 1.0));
            }
        }
        Reply::Done { id, ms, outcome } if current == Some(id) => {
            finish(id, Ok((*outcome, ms)), false)
        }
        Reply::Refused { why, .. } => {
            if let Some(id) = current {
                finish(id, Err(Failure::Refused(why)), true);
            }
        }
        _ => {}
    }
}

/// Runs `job` on `files` in the worker; `progress` hears the share done, `done` the outcome
/// and the worker's time in ms (or why there is none). With `limit`, the job fails as
/// `TimedOut` after that long. Where no worker can be started, it fails as `Crashed`.
pub fn start(
    job: Job,
    files: Vec<Vec<u8>>,
    limit: Option<Duration>,
    progress: impl Fn(f64) + 'static,
    done: impl FnOnce(Result<(Outcome, f64), Failure>) + 'static,
) -> Handle {
    install_test_hook();
    HEARD.set(Some(heard));
    let id = STATE.with_borrow_mut(|s| {
        s.next = s.next.wrapping_add(1);
        s.next
    });
    let slot = STATE.with_borrow_mut(|s| s.idle.take()).or_else(spawn);
    let Some(slot) = slot else {
        // No worker could start. The jobs' code is only in the worker's part (running it here
        // would load that part into the page too, issue 23), so this fails as a crash would,
        // after the caller has set up its state.
        request_animation_frame(move || done(Err(Failure::Crashed)));
        return Handle(id);
    };
    let mut request = Request::new(id, job);
    request.trap = TRAP_NEXT.replace(false);
    let message = js_sys::Array::new();
    message.push(&JsValue::from_str(&request.encode()));
    for f in &files {
        message.push(&js_sys::Uint8Array::from(f.as_slice()));
    }
    let timer = limit.and_then(|l| {
        set_timeout_with_handle(move || finish(id, Err(Failure::TimedOut), true), l).ok()
    });
    {
        let mut s = slot.borrow_mut();
        s.job = Some(id);
        if s.ready {
            let _ = s.worker.post_message(&message);
        } else {
            s.queued = Some(message);
        }
    }
    STATE.with_borrow_mut(|s| {
        s.jobs.insert(
            id,
            Entry {
                slot,
                progress: Rc::new(progress),
                done: Box::new(done),
                timer,
                retried: false,
            },
        )
    });
    Handle(id)
}

/// `window.cstwTest.trapNextJob()`: for the browser tests only, callable by script alone (the
/// CSP lets no other script run); makes the next job's worker trap.
fn install_test_hook() {
    if HOOKED.replace(true) {
        return;
    }
    let hook = js_sys::Object::new();
    let trap = Closure::<dyn Fn()>::new(|| TRAP_NEXT.set(true));
    let _ = js_sys::Reflect::set(&hook, &"trapNextJob".into(), trap.as_ref());
    trap.forget();
    let _ = js_sys::Reflect::set(&window(), &"cstwTest".into(), &hook);
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Records a performance measure of `ms` ending now (work timed in the worker, for DevTools
/// and the benchmarks, under the names the page used when it did the work itself).
pub fn measure(name: &str, ms: f64) {
    let Some(perf) = window().performance() else {
        return;
    };
    let options = js_sys::Object::new();
    let end = perf.now();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &(end - ms).max(0.0).into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &end.into());
    perf.clear_measures_with_measure_name(name);
    if let Ok(f) = js_sys::Reflect::get(&perf, &"measure".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call2(&perf, &name.into(), &options);
    }
}

/// A panel's job: what it is doing, how far it got, shown after 200 ms with a Cancel button.
#[derive(Clone, Copy)]
pub struct Busy {
    what: RwSignal<Option<String>>,
    done: RwSignal<f64>,
    shown: RwSignal<bool>,
    handle: StoredValue<Option<Handle>>,
}

impl Busy {
    /// A panel's job state; the job is cancelled when the panel goes away.
    #[allow(clippy::new_without_default)] // made in a component, where it registers a cleanup
    pub fn new() -> Busy {
        install_test_hook();
        let busy = Busy {
            what: RwSignal::new(None),
            done: RwSignal::new(0.0),
            shown: RwSignal::new(false),
            handle: StoredValue::new(None),
        };
        on_cleanup(move || {
            if let Some(h) = busy.handle.try_update_value(Option::take).flatten() {
                h.abandon();
            }
        });
        busy
    }

    /// Whether a job runs (tracked).
    pub fn running(self) -> bool {
        self.what.with(Option::is_some)
    }

    /// Starts `job` described as `what` (cancelling one still running); `done` gets its outcome.
    pub fn start(
        self,
        what: String,
        job: Job,
        files: Vec<Vec<u8>>,
        limit: Option<Duration>,
        done: impl FnOnce(Result<(Outcome, f64), Failure>) + 'static,
    ) {
        self.cancel();
        self.what.set(Some(what));
        self.done.set(0.0);
        self.shown.set(false);
        let progress = self.done;
        let handle = start(
            job,
            files,
            limit,
            move |d| {
                progress.try_set(d);
            },
            move |result| {
                self.handle.try_set_value(None);
                self.what.try_set(None);
                self.shown.try_set(false);
                done(result);
            },
        );
        self.handle.set_value(Some(handle));
        set_timeout(
            move || {
                if self.handle.try_get_value().flatten() == Some(handle) {
                    self.shown.try_set(true);
                }
            },
            Duration::from_millis(SHOW_AFTER_MS),
        );
    }

    /// Stops the running job, if any.
    pub fn cancel(self) {
        if let Some(h) = self.handle.try_update_value(Option::take).flatten() {
            h.cancel();
        }
    }
}

/// The running job of `busy`: what it is doing, a progress bar and Cancel, once it has taken
/// longer than 200 ms.
#[component]
pub fn BusyView(
    busy: Busy,
    /// Runs after Cancel has stopped the job.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <When when=Signal::derive(move || busy.shown.get() && busy.running())>
            <div class="busy" role="status">
                <span class="busy-what">{move || busy.what.get()}</span>
                <progress max="1" value=move || { let d = busy.done.get(); (d > 0.0).then(|| format!("{d:.3}")) }
                    aria-label=move || format!("{} % done", (busy.done.get() * 100.0).round_ties_even() as u32)></progress>
                <button type="button" on:click=move |_| {
                    busy.cancel();
                    if let Some(c) = on_cancel {
                        c.run(());
                    }
                }>"Cancel"</button>
            </div>
        </When>
    }
}

/// The message for a file whose reading failed in the worker (or was stopped).
pub fn unread(name: &str, why: &Failure) -> (bool, String) {
    match why {
        Failure::Cancelled => (
            false,
            format!("Reading \u{201c}{name}\u{201d} was cancelled. Nothing was changed."),
        ),
        _ => (
            true,
            format!("This file could not be read: \u{201c}{name}\u{201d}. Nothing was changed."),
        ),
    }
}
