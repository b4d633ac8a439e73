//! The Web Worker that runs heavy and untrusted work off the page's thread (see `jobs`): file
//! imports, layouts and analysis. Trunk builds it as a worker (`data-type="worker"` in
//! `index.html`, loaded by its `_loader.js` shim). This file only moves messages: a request
//! arrives as an array `[head, ...attachments]` (a JSON string, then one `Uint8Array` per file),
//! is read by `jobs::Request::decode`, run by `jobs::run`, and answered with `jobs::Reply`s as
//! JSON strings. A trap or panic here ends this worker's usefulness, never the page: the page
//! sees the worker's `error` event, says the file could not be read and starts a fresh worker.
//! It links the pure core crate only (`cstw_core`, no Leptos).

use cstw_core::jobs::{self, Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Progress is posted at most this often (ms): often enough for a bar, rarely enough to cost
/// nothing.
const PROGRESS_EVERY_MS: f64 = 100.0;

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let here = scope.clone();
    let on = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| handle(&here, &e.data()));
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    post(&scope, &Reply::Ready { v: jobs::VERSION });
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
