//! The Web Worker's side of the jobs (the page's side is `ui::jobs`; the protocol and the work
//! are the core's `jobs`): heavy and untrusted work (file imports, layouts, analysis) off the
//! page's thread.
//!
//! The worker runs the app's own wasm, not a module of its own (issue 23, whole-app bytes): the
//! page starts a module worker on `cstw-worker-<hash>.js` (written by `tools/app_stage.py`),
//! which instantiates the app's main module; its `main` (`src/main.rs`) sees it runs in a
//! worker ([`scope`]) and, instead of mounting the app, loads the split point `worker`, whose
//! code is [`serve`] and what only it reaches (`jobs::run`: the readers, layouts, analysis), so
//! none of it is in the home page's first load. This module names the pure core only, never the
//! UI (`tests/architecture.rs`).
//!
//! [`serve`] only moves messages: a request arrives as an array `[head, ...attachments]` (a
//! JSON string, then one `Uint8Array` per file), is read by `jobs::Request::decode`, run by
//! `jobs::run`, and answered with `jobs::Reply`s as JSON strings. A trap or panic here ends
//! this worker's usefulness, never the page: the page sees the worker's `error` event, says the
//! file could not be read and starts a fresh worker.

use cstw_core::jobs::{self, Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Progress is posted at most this often (ms): often enough for a bar, rarely enough to cost
/// nothing.
const PROGRESS_EVERY_MS: f64 = 100.0;

/// The worker's global scope when this wasm runs in a dedicated worker, `None` in a page.
pub fn scope() -> Option<DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into().ok()
}

/// Answers the page's requests from now on, and tells it the worker is ready. Called once, by
/// the split point `worker` in `src/main.rs`.
pub fn serve() {
    let Some(scope) = scope() else { return };
    let here = scope.clone();
    let on = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| handle(&here, &e.data()));
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    post(&scope, &Reply::Ready { v: jobs::VERSION });
}

/// The worker's part could not be loaded (the network went away before it was kept): fails
/// the worker as a crash does, by an error the page hears as the worker's `error` event (it
/// ends this worker and fails the job waiting for it).
pub fn unavailable(scope: &DedicatedWorkerGlobalScope) {
    // A closure that returns `Err` throws it.
    let fail = Closure::once_into_js(|| -> Result<(), JsValue> {
        Err(js_sys::Error::new("the worker's part of the app could not be loaded").into())
    });
    if scope
        .set_timeout_with_callback(fail.unchecked_ref())
        .is_err()
    {
        scope.close();
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    let _ = scope.post_message(&JsValue::from_str(&reply.encode()));
}

fn handle(scope: &DedicatedWorkerGlobalScope, data: &JsValue) {
    let refuse = |why: &str| {
        post(
            scope,
            &Reply::Refused {
                id: None,
                why: why.to_string(),
            },
        )
    };
    let Some(parts) = data.dyn_ref::<js_sys::Array>() else {
        return refuse("a message that is not an array");
    };
    let Some(head) = parts.get(0).as_string() else {
        return refuse("a message without a head");
    };
    let mut files = Vec::new();
    for i in 1..parts.length() {
        match parts.get(i).dyn_into::<js_sys::Uint8Array>() {
            Ok(a) => files.push(a.to_vec()),
            Err(_) => return refuse("an attachment that is not bytes"),
        }
    }
    let request = match Request::decode(&head, &files) {
        Ok(r) => r,
        Err(r) => return post(scope, &r.into()),
    };
    if request.trap {
        trap();
    }
    let id = request.id;
    let clock = js_sys::Date::now;
    let start = clock();
    let mut last = start;
    let outcome = jobs::run(
        request.job,
        files,
        &mut |done| {
            let now = clock();
            if now - last >= PROGRESS_EVERY_MS {
                last = now;
                post(scope, &Reply::Progress { id, done });
            }
        },
        &clock,
    );
    post(
        scope,
        &Reply::Done {
            id,
            ms: clock() - start,
            outcome: Box::new(outcome),
        },
    );
}

/// A real WebAssembly trap, for the browser test that a crash in the worker leaves the page
/// working (`Request::trap`, armed only by a test's script).
fn trap() -> ! {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
}
