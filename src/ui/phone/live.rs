//! Sending a response through the facilitator's live room (issue 25), when the invitation
//! carries the room's drop (`#/join/<code>?live=<drop>`) and this page was built with a relay
//! (`CSTW_RELAY`): the response code is sealed with the drop's key by the browser's WebCrypto
//! (AES-GCM, the room's format) and added to the drop as one Yjs update written by the core
//! (`participate::drop`), so the phone page carries neither yrs nor a cipher of its own. Then a
//! second connection reads the relay's state vector to see that it holds the response.
//!
//! The drop's key only adds responses: it opens nothing of the workshop. Without a drop, or
//! without a relay, nothing is sent and the page is what it was: the QR code and the link.
//! WebCrypto needs a secure address (https, or this computer's loopback): elsewhere the page says
//! so and the QR code and link remain.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{BinaryType, Element, MessageEvent, WebSocket};

use super::dom::{el_text, window};
use crate::participate::drop::{self, DropLink};

/// The relay this page was built to use; empty: none, and nothing is ever sent.
const RELAY: &str = match option_env!("CSTW_RELAY") {
    Some(origin) => origin,
    None => "",
};

thread_local! {
    /// Responses already received by the room from this page (a redraw does not send again).
    static SENT: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// The drop this page's address carries, if it can use it.
fn drop_link() -> Option<DropLink> {
    if RELAY.is_empty() {
        return None;
    }
    DropLink::in_address(&window().location().hash().ok()?)
}

/// A line saying how sending `code` through the room goes; `None` without a room.
pub(super) fn status(code: &str) -> Option<Element> {
    let link = drop_link()?;
    let line = el_text(
        "p",
        &[("class", "notice live-send"), ("role", "status")],
        "Sending your answers to the facilitator through the live room…",
    );
    if SENT.with(|s| s.borrow().contains(code)) {
        line.set_text_content(Some(RECEIVED));
        return Some(line);
    }
    let (shown, code) = (line.clone(), code.to_string());
    spawn_local(async move {
        let said = match send(&link, &code).await {
            Ok(()) => {
                SENT.with(|s| s.borrow_mut().insert(code));
                RECEIVED
            }
            Err(why) => why,
        };
        shown.set_text_content(Some(said));
        let _ = shown.set_attribute("data-sent", &(said == RECEIVED).to_string());
    });
    Some(line)
}

const RECEIVED: &str = "Your answers reached the facilitator through the live room. You can still show the QR code if asked.";

async fn send(link: &DropLink, code: &str) -> Result<(), &'static str> {
    let sealed = seal(link, code.as_bytes()).await.ok_or(
        "This page cannot encrypt here (it needs a secure https address), so nothing was sent through the live room: show the QR code or send the link below.",
    )?;
    let client = random::<4>().map(u32::from_le_bytes).unwrap_or(1).max(1);
    let url = format!("{}/{}", RELAY.trim_end_matches('/'), link.relay_path());
    let message = drop::insert_message(client, &sealed);
    let unreachable =
        "The live room could not be reached. Show the QR code or send the link below instead.";
    exchange(&url, Some(message)).await.ok_or(unreachable)?;
    // Stored? A new connection's first sync message holds the relay's state vector.
    for _ in 0..8 {
        let first = exchange(&url, None).await.ok_or(unreachable)?;
        if drop::relay_holds(&first, client) == Some(true) {
            return Ok(());
        }
        sleep(250).await;
    }
    Err(unreachable)
}

fn random<const N: usize>() -> Option<[u8; N]> {
    let crypto = Reflect::get(&window(), &"crypto".into()).ok()?;
    let bytes = Uint8Array::new_with_length(N as u32);
    let f: Function = Reflect::get(&crypto, &"getRandomValues".into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.call1(&crypto, &bytes).ok()?;
    bytes.to_vec().try_into().ok()
}

async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    let args: Array = args.iter().collect();
    let p: Promise = f.apply(target, &args).ok()?.dyn_into().ok()?;
    JsFuture::from(p).await.ok()
}

/// `plain` sealed with the drop's key: `[1][nonce][ciphertext+tag]`, the room id as
/// associated data. `None` where WebCrypto is missing (an insecure address).
async fn seal(link: &DropLink, plain: &[u8]) -> Option<Vec<u8>> {
    let crypto = Reflect::get(&window(), &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    if subtle.is_undefined() || subtle.is_null() {
        return None;
    }
    let nonce = random::<12>()?;
    let algorithm = Object::new();
    Reflect::set(&algorithm, &"name".into(), &"AES-GCM".into()).ok()?;
    let usages: Array = std::iter::once(JsValue::from("encrypt")).collect();
    let key = call(
        &subtle,
        "importKey",
        &[
            "raw".into(),
            Uint8Array::from(&link.key[..]).into(),
            algorithm.clone().into(),
            false.into(),
            usages.into(),
        ],
    )
    .await?;
    Reflect::set(&algorithm, &"iv".into(), &Uint8Array::from(&nonce[..])).ok()?;
    Reflect::set(
        &algorithm,
        &"additionalData".into(),
        &Uint8Array::from(&link.room[..]),
    )
    .ok()?;
    let out = call(
        &subtle,
        "encrypt",
        &[algorithm.into(), key, Uint8Array::from(plain).into()],
    )
    .await?;
    Some(drop::sealed(&nonce, &Uint8Array::new(&out).to_vec()))
}

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(p).await;
}

/// Opens a connection to `url`, sends `message` once open, and returns the relay's first sync
/// step 1 (the state vector it holds): `None` if the relay cannot be reached within 5 s.
async fn exchange(url: &str, message: Option<Vec<u8>>) -> Option<Vec<u8>> {
    let socket = WebSocket::new(url).ok()?;
    socket.set_binary_type(BinaryType::Arraybuffer);
    let got: Rc<RefCell<Option<Vec<u8>>>> = Rc::default();
    let done = {
        let (socket, got) = (socket.clone(), got.clone());
        Promise::new(&mut move |resolve, _| {
            let finish = {
                let resolve = resolve.clone();
                move || {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            };
            let on_open = {
                let (socket, message) = (socket.clone(), message.clone());
                Closure::<dyn FnMut()>::new(move || {
                    if let Some(m) = &message {
                        let _ = socket.send_with_u8_array(m);
                    }
                })
            };
            let on_message = {
                let (got, finish) = (got.clone(), finish.clone());
                Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                    let Some(buffer) = e.data().dyn_ref::<js_sys::ArrayBuffer>().cloned() else {
                        return;
                    };
                    let bytes = Uint8Array::new(&buffer).to_vec();
                    if got.borrow().is_none() && drop::relay_holds(&bytes, 0).is_some() {
                        *got.borrow_mut() = Some(bytes);
                        finish();
                    }
                })
            };
            let on_end = Closure::<dyn FnMut()>::new(finish.clone());
            socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
            socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            socket.set_onclose(Some(on_end.as_ref().unchecked_ref()));
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                on_end.as_ref().unchecked_ref(),
                5000,
            );
            // A few closures per response sent: kept for the page's life.
            on_open.forget();
            on_message.forget();
            on_end.forget();
        })
    };
    let _ = JsFuture::from(done).await;
    socket.set_onopen(None);
    socket.set_onmessage(None);
    socket.set_onclose(None);
    let _ = socket.close();
    got.take()
}
