//! The camera scanner of the Collect view: QR codes held up to the laptop's camera, decoded in
//! Rust (`participate::qr_decode`), each text handed to the view's `on_text` once.
//!
//! The camera is asked for only when the facilitator presses "Scan with the camera" in the
//! Collect panel (never just because the Phones view or the invitation is shown), and only
//! while the scanner stays mounted and switched on; a visible "Camera on" line says so. Leaving the view (or "Stop the camera") stops every track. Five
//! times a second a frame is drawn, at most 640 px wide, on a canvas that is never shown, and its
//! pixels are decoded; the time each decode takes is the `cstw-qr-decode` performance measure.
//! A text is handed on when it appears, and again only after it has been out of sight for
//! [`FORGET_MS`]: a code held in front of the camera is taken once. If the browser refuses the
//! camera, or there is none, the scanner says so in plain words and points to the paste box.

use std::time::Duration;

use leptos::{html, prelude::*, task::spawn_local};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, DomException, HtmlCanvasElement, MediaStream, MediaStreamConstraints,
    MediaStreamTrack,
};

use crate::participate::qr_decode::decode_rgba;
use crate::ui::browser::{now, timed};

/// Frames are grabbed this often.
const FRAME_MS: u64 = 200;
/// Frames are drawn at most this wide for decoding (a phone's code fills a good part of the
/// picture, so more pixels would only cost time).
const FRAME_WIDTH: u32 = 640;
/// A text out of sight this long is handed on again when it comes back.
pub const FORGET_MS: f64 = 3_000.0;
/// Texts remembered at once (the oldest is forgotten first).
const REMEMBERED: usize = 64;

/// What the camera is doing.
#[derive(Debug, Clone, PartialEq)]
enum Camera {
    /// Switched off by the facilitator.
    Off,
    /// Asking the browser (it may be showing its permission prompt).
    Asking,
    /// Streaming and scanning.
    On,
    /// No camera to be had; the reason in plain words.
    Unavailable(String),
}

/// The scanner: the live picture, the "Camera on" line, and a switch. `on_text` gets each QR
/// text seen (see the module's doc for when a text is handed on again).
#[component]
pub fn QrScanner(#[prop(into)] on_text: Callback<String>) -> impl IntoView {
    let camera = RwSignal::new(Camera::Off);
    let toggle = move |_| {
        camera.update(|c| {
            *c = match c {
                Camera::Off | Camera::Unavailable(_) => Camera::Asking,
                _ => Camera::Off,
            }
        })
    };
    // Which part shows; Asking and On share one live picture, so the stream opened while
    // asking is the one that streams (re-rendering on every change would ask again).
    let part = Memo::new(move |_| match camera.get() {
        Camera::Off => 0,
        Camera::Unavailable(_) => 1,
        Camera::Asking | Camera::On => 2,
    });
    let why = move || match camera.get() {
        Camera::Unavailable(why) => why,
        _ => String::new(),
    };
    view! {
        <section class="scan" aria-label="Scan with the camera">
            {move || match part.get() {
                0 => view! {
                    <p class="scan-off" data-camera="off">"The camera is off."</p>
                }.into_any(),
                1 => view! {
                    <p class="scan-refused" role="status" data-camera="unavailable">
                        {move || why()} " Paste the links or codes participants send you into the box for pasted responses instead."
                    </p>
                }.into_any(),
                _ => view! { <Live camera on_text /> }.into_any(),
            }}
            <button type="button" class="scan-toggle" on:click=toggle>
                {move || match part.get() {
                    0 => "Scan with the camera",
                    1 => "Try the camera again",
                    _ => "Stop the camera",
                }}
            </button>
        </section>
    }
}

/// The live picture: owns the camera stream from mount to cleanup.
#[component]
fn Live(camera: RwSignal<Camera>, on_text: Callback<String>) -> impl IntoView {
    let video = NodeRef::<html::Video>::new();
    let stream = StoredValue::new_local(None::<MediaStream>);
    let gone = StoredValue::new(false);
    let seen = StoredValue::new(Vec::<(String, f64)>::new());
    let canvas = StoredValue::new_local(None::<(HtmlCanvasElement, CanvasRenderingContext2d)>);

    // Everything below may run after the view is gone (the camera answers late, a tick fires
    // during cleanup): disposed values read as "gone", and a stream that arrives then is stopped.
    let is_gone = move || gone.try_get_value().unwrap_or(true);
    spawn_local(async move {
        match open_camera().await {
            Ok(s) if is_gone() => stop(&s),
            Ok(s) => {
                if let Some(v) = video.try_get_untracked().flatten() {
                    v.set_src_object(Some(&s));
                    if let Ok(p) = v.play() {
                        let _ = JsFuture::from(p).await;
                    }
                }
                if is_gone() {
                    stop(&s);
                } else if let Some(s) = stream.try_set_value(Some(s)).flatten() {
                    stop(&s);
                } else {
                    camera.try_set(Camera::On);
                }
            }
            Err(why) => {
                if !is_gone() {
                    camera.try_set(Camera::Unavailable(why));
                }
            }
        }
    });

    let grab = move || {
        if is_gone() || camera.try_get_untracked() != Some(Camera::On) || document().hidden() {
            return;
        }
        let Some(v) = video.try_get_untracked().flatten() else {
            return;
        };
        // HAVE_CURRENT_DATA: a frame to draw.
        if v.ready_state() < 2 || v.video_width() == 0 {
            return;
        }
        let w = v.video_width().min(FRAME_WIDTH);
        let h = (f64::from(v.video_height()) * f64::from(w) / f64::from(v.video_width())).round();
        let h = (h as u32).max(1);
        if canvas.try_with_value(Option::is_none) == Some(true) {
            canvas.try_set_value(frame_canvas());
        }
        let Some(texts) = canvas
            .try_with_value(|c| {
                let (el, ctx) = c.as_ref()?;
                if el.width() != w || el.height() != h {
                    el.set_width(w);
                    el.set_height(h);
                }
                ctx.draw_image_with_html_video_element_and_dw_and_dh(
                    &v,
                    0.0,
                    0.0,
                    f64::from(w),
                    f64::from(h),
                )
                .ok()?;
                let data = ctx
                    .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
                    .ok()?
                    .data();
                Some(timed("cstw-qr-decode", || {
                    decode_rgba(w as usize, h as usize, &data)
                }))
            })
            .flatten()
        else {
            return;
        };
        let t = now();
        for text in texts {
            if seen.try_update_value(|s| remember(s, &text, t)) == Some(true) {
                on_text.try_run(text);
            }
        }
    };
    let interval = set_interval_with_handle(grab, Duration::from_millis(FRAME_MS)).ok();

    on_cleanup(move || {
        gone.set_value(true);
        if let Some(i) = interval {
            i.clear();
        }
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            stop(&s);
        }
        if let Some(v) = video.try_get_untracked().flatten() {
            v.set_src_object(None);
        }
    });

    view! {
        <p class="scan-on" role="status" data-camera=move || match camera.get() {
            Camera::On => "on",
            _ => "asking",
        }>
            {move || match camera.get() {
                Camera::On => "Camera on: hold a participant's response code up to it.",
                _ => "Asking for the camera… (your browser may ask you to allow it)",
            }}
        </p>
        <video class="scan-video" node_ref=video autoplay muted playsinline aria-hidden="true"></video>
    }
}

/// Whether `text`, seen at `t`, is new: not seen in the last [`FORGET_MS`]. Notes the sighting.
fn remember(seen: &mut Vec<(String, f64)>, text: &str, t: f64) -> bool {
    if let Some(entry) = seen.iter_mut().find(|(s, _)| s == text) {
        let fresh = t - entry.1 > FORGET_MS;
        entry.1 = t;
        return fresh;
    }
    if seen.len() >= REMEMBERED {
        seen.remove(0);
    }
    seen.push((text.to_string(), t));
    true
}

/// The camera's stream (the back camera where there is one), or why there is none.
async fn open_camera() -> Result<MediaStream, String> {
    let devices = window()
        .navigator()
        .media_devices()
        .map_err(|_| unavailable_here())?;
    let video = js_sys::Object::new();
    let ideal = |v: f64| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"ideal".into(), &JsValue::from_f64(v));
        o
    };
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into());
    let _ = js_sys::Reflect::set(&video, &"width".into(), &ideal(640.0));
    let _ = js_sys::Reflect::set(&video, &"height".into(), &ideal(480.0));
    let constraints = MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::FALSE);
    constraints.set_video(&video);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| refusal(&e))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| refusal(&e))?
        .dyn_into::<MediaStream>()
        .map_err(|_| "The camera did not start.".to_string())
}

/// `navigator.mediaDevices` is missing: an insecure address, or an old browser.
fn unavailable_here() -> String {
    "This browser offers no camera to this page (the camera needs the app opened over https or \
     on this computer's own address)."
        .to_string()
}

/// getUserMedia's error in plain words.
fn refusal(error: &JsValue) -> String {
    let name = error
        .dyn_ref::<DomException>()
        .map(DomException::name)
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => {
            "The camera was not allowed (you or the browser refused it).".to_string()
        }
        "NotFoundError" | "OverconstrainedError" => "No camera was found.".to_string(),
        "NotReadableError" | "AbortError" => {
            "The camera is busy (another app or tab may be using it).".to_string()
        }
        _ => "The camera did not start.".to_string(),
    }
}

/// A canvas that is never shown, with a 2D context tuned for reading pixels back.
fn frame_canvas() -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let el: HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
    let ctx = el
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()?;
    Some((el, ctx))
}

/// Stops every track of a stream, which turns the camera (and its light) off.
fn stop(stream: &MediaStream) {
    for track in stream.get_tracks() {
        if let Ok(t) = track.dyn_into::<MediaStreamTrack>() {
            t.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_held_up_is_taken_once_and_again_after_a_pause() {
        let mut seen = Vec::new();
        assert!(remember(&mut seen, "a", 0.0));
        assert!(!remember(&mut seen, "a", 200.0));
        assert!(!remember(&mut seen, "a", 3_100.0), "still in sight");
        assert!(remember(&mut seen, "b", 3_200.0));
        assert!(remember(&mut seen, "a", 3_100.0 + FORGET_MS + 1.0));
    }

    #[test]
    fn at_most_so_many_texts_are_remembered() {
        let mut seen = Vec::new();
        for i in 0..200 {
            remember(&mut seen, &i.to_string(), f64::from(i));
        }
        assert_eq!(seen.len(), REMEMBERED);
    }
}
