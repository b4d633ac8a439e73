//! What the page does when the app's module panics: the panic hook (`main.rs`) calls
//! [`stopped`] before the module aborts, which shows the "stopped working" dialog that
//! `index.html` holds and `public/crash.js` runs. A trap that is not a panic (a stack overflow,
//! `unreachable`) is seen by `crash.js` itself, from the `error` and `unhandledrejection`
//! events, without this module: once the module is dead, nothing in it can run.

use wasm_bindgen::{JsCast, JsValue};

/// Shows the dialog (through `window.cstwCrash`, or by opening it directly if that script did
/// not load). Never panics: it runs inside the panic hook.
pub fn stopped() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let show = js_sys::Reflect::get(&window, &JsValue::from_str("cstwCrash"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(show) = show {
        let _ = show.call0(&JsValue::NULL);
    } else if let Some(dialog) = window.document().and_then(|d| d.get_element_by_id("crash")) {
        let _ = dialog.remove_attribute("hidden");
        let _ = dialog.set_attribute("open", "");
    }
}
