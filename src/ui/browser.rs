//! Small browser services the components share: the clock, entropy for ids, file download and
//! upload, and the persistent-storage request. Nothing here stores anything.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since 1970.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A fresh id with the given prefix.
pub fn fresh_id(prefix: &str) -> String {
    let entropy = (js_sys::Math::random() * f64::from(0x00ff_ffff)) as u32;
    crate::model::new_id(prefix, now(), entropy)
}

/// "23 Nov 2026, 14:05" in the browser's locale and time zone.
pub fn format_time(ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("en-GB", &options).into()
}

/// Today's date in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Downloads a workshop as its export file, stamped as exported now (time and content hash);
/// returns the document as exported, to store.
pub fn download_workshop(
    mut doc: crate::persist::document::SavedWorkshop,
) -> Result<crate::persist::document::SavedWorkshop, String> {
    doc.mark_exported(now());
    download(&doc.file_name(&today()), &doc.to_json(), "application/json").map(|()| doc)
}

/// What to tell the user after a download: "Downloaded <name>." or why it did not start.
pub fn download_said(file_name: &str, result: Result<(), String>) -> String {
    match result {
        Ok(()) => format!("Downloaded {file_name}."),
        Err(why) => format!("The download did not start: {why}"),
    }
}

/// Opens the browser's print dialog; `Some(message)` when this browser cannot print.
pub fn print_page() -> Option<String> {
    window()
        .print()
        .err()
        .map(|e| format!("Printing is not available here: {e:?}"))
}

/// Offers `text` to the user as a file download.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map_err(|e| format!("{e:?}"))?;
    offer(file_name, &blob)
}

/// Starts the download of a blob under `file_name`.
fn offer(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Give the browser a moment to start the download before the URL is released.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The text of a file the user picked: UTF-8 or UTF-16 (see `import::text`), LF line ends.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let bytes = file_bytes(file).await?;
    crate::import::text::decode(&bytes)
        .map(std::borrow::Cow::into_owned)
        .map_err(|e| format!("The file {e}."))
}

/// Asks the browser not to clear this site's storage under pressure; `Some(granted)`, or
/// `None` where the browser has no such request.
pub async fn request_persistence() -> Option<bool> {
    let storage = window().navigator().storage();
    if let Ok(p) = storage.persisted()
        && let Ok(v) = JsFuture::from(p).await
        && v.as_bool() == Some(true)
    {
        return Some(true);
    }
    let promise = storage.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Draws an SVG picture (of `width` × `height` units) at twice that size on a canvas and offers
/// it as a PNG download.
pub async fn download_svg_as_png(
    svg: &str,
    width: u32,
    height: u32,
    file_name: &str,
) -> Result<(), String> {
    let png = svg_to_png(svg, f64::from(width), f64::from(height), 2.0, false).await?;
    download_bytes(file_name, &png, "image/png")
}

/// Rasterises an SVG picture of `width` × `height` units at `scale`, on white or transparent,
/// and gives the PNG file's bytes.
pub async fn svg_to_png(
    svg: &str,
    width: f64,
    height: f64,
    scale: f64,
    white: bool,
) -> Result<Vec<u8>, String> {
    let fail = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let img = web_sys::HtmlImageElement::new().map_err(fail)?;
    img.set_src(&url);
    let decoded = JsFuture::from(img.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|_| "The picture could not be drawn.".to_string())?;
    let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
    // Browsers refuse canvases much over 16,000 pixels a side or 250 million pixels.
    if w > 16_000.0 || h > 16_000.0 || w * h > 2.5e8 {
        return Err(format!(
            "A {w:.0} \u{d7} {h:.0} picture is too large for the browser to draw; choose a smaller size."
        ));
    }
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(fail)?
        .unchecked_into();
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(fail)?
        .ok_or("This browser cannot draw on a canvas.")?
        .unchecked_into();
    if white {
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, w, h);
    }
    context
        .draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w, h)
        .map_err(fail)?;
    let data = canvas.to_data_url_with_type("image/png").map_err(fail)?;
    let b64 = data
        .split_once(',')
        .map(|(_, b)| b)
        .ok_or("The picture could not be encoded.")?;
    let binary = window().atob(b64).map_err(fail)?;
    Ok(binary.chars().map(|c| c as u32 as u8).collect())
}

/// Offers bytes to the user as a file download.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
        .map_err(|e| format!("{e:?}"))?;
    offer(file_name, &blob)
}

/// The bytes of a file the user picked.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Runs `f` as the performance measure `name` (read by DevTools and the benchmarks).
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = window().performance();
    let start = format!("{name}-start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    out
}

/// Sets a performance mark, for [`measure_since`].
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Records a performance measure `name` from the mark `since` to now (for benchmarks).
pub fn measure_since(name: &str, since: &str) {
    if let Some(p) = window().performance() {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, since);
    }
}

/// Registers the service worker (`sw.js`, written at build time by `tools/sw.py`) that keeps
/// the app for offline use. Where a browser has none, or refuses it (a page not served over
/// HTTPS or from localhost), the app simply works online as before.
pub fn register_service_worker() {
    let navigator = window().navigator();
    let has = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if has {
        let promise = navigator.service_worker().register("./sw.js");
        // Awaited so that a refusal is handled here, not reported as an unhandled rejection.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

/// Runs `f` once `ms` milliseconds have passed without another call on the same `timer`: the
/// previous one still waiting is cancelled. For saving where a view was left after panning.
pub fn debounce(timer: StoredValue<Option<TimeoutHandle>>, ms: u64, f: impl FnOnce() + 'static) {
    if let Some(h) = timer.try_update_value(Option::take).flatten() {
        h.clear();
    }
    let h = set_timeout_with_handle(f, std::time::Duration::from_millis(ms)).ok();
    timer.set_value(h);
}

/// The number in attribute `attr` of the event's target, or of its nearest ancestor that has
/// the attribute (`data-node="12"` on a node's group, for a click on its text).
pub fn target_attr(e: &web_sys::Event, attr: &str) -> Option<u32> {
    let el: web_sys::Element = e.target()?.dyn_into().ok()?;
    let hit = el.closest(&format!("[{attr}]")).ok()??;
    hit.get_attribute(attr)?.parse().ok()
}
