//! Sending a response through the facilitator's live room (issue 25), when the invitation
//! carries the room's public key (`#/join/<code>?live=<key>`) and this page was built with a
//! relay (`CSTW_RELAY`). The response code is sealed to the room by the browser's WebCrypto
//! (an ephemeral ECDH P-256 key pair, HKDF-SHA256, AES-256-GCM: `participate::drop` gives the
//! layout) and added to the room's drop as one Yjs update written by the core, so the phone
//! page carries neither yrs nor a cipher of its own. Only the room's facilitators can open it:
//! another participant with the same invitation cannot.
//!
//! While the page is open it keeps one connection to the drop and waits for the facilitator's
//! receipt, which only the room's desk can write for this response; if its entry disappears
//! from the relay before that (another participant deleted it), it adds it again. The line
//! says where the answers are: sending, in the room (keep the page open), with the facilitator,
//! or not accepted. Without a key, or without a relay, nothing is sent and the page is what it
//! was: the QR code and the link. An invitation from before responses were sealed says to ask
//! for a fresh one (the answers stay on the phone). WebCrypto needs a secure address (https, or
//! this computer's loopback): elsewhere the page says so and the QR code and link remain.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{BinaryType, Element, MessageEvent, WebSocket};

use super::dom::{el_text, window};
use crate::participate::drop::{self, ASK_STATE, DropLink, Invited, POINT, Receipts};

/// The relay this page was built to use; empty: none, and nothing is ever sent.
const RELAY: &str = match option_env!("CSTW_RELAY") {
    Some(origin) => origin,
    None => "",
};

/// How many times one response is added at most (deleted by someone each time).
const MAX_ADDS: u32 = 30;
/// Without a receipt, the entry is added again after this long (times the adds so far) even
/// if it seems present.
const AGAIN_MS: f64 = 10_000.0;
/// Connections tried before giving up (1 s, doubling to 10 s between them).
const ATTEMPTS: u32 = 40;

/// Where a response's sending stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Said {
    Sending,
    Stored,
    Received,
    Refused,
    NoCrypto,
    Unreachable,
    Outdated,
}

impl Said {
    fn text(self) -> &'static str {
        match self {
            Said::Sending => "Sending your answers to the facilitator through the live room…",
            Said::Stored => {
                "Your answers are in the live room, sealed so that only the facilitator can open them. Keep this page open until it says the facilitator has them."
            }
            Said::Received => {
                "The facilitator has your answers: they arrived through the live room. You can still show the QR code if asked."
            }
            Said::Refused => {
                "The facilitator's workshop did not accept these answers from the live room. Show the QR code or send the link below."
            }
            Said::NoCrypto => {
                "This page cannot encrypt here (it needs a secure https address), so nothing was sent through the live room: show the QR code or send the link below."
            }
            Said::Unreachable => {
                "The live room could not be reached; this page keeps trying while it is open. Or show the QR code or send the link below."
            }
            Said::Outdated => {
                "This invitation is from an older live room and cannot send through it: ask the facilitator for a fresh invitation. Your answers are kept on this phone; meanwhile show the QR code or send the link below."
            }
        }
    }

    /// The line's `data-sent`.
    fn state(self) -> &'static str {
        match self {
            Said::Received => "true",
            Said::Stored => "stored",
            Said::Refused => "refused",
            Said::Outdated => "outdated",
            _ => "false",
        }
    }
}

thread_local! {
    /// Each response's sending: where it stands and the line showing it (the last one drawn;
    /// a redraw does not send again).
    static SHOWN: RefCell<HashMap<String, (Said, Option<Element>)>> = RefCell::new(HashMap::new());
}

/// The live room this page's address carries, if it can use one.
fn invited() -> Option<Invited> {
    if RELAY.is_empty() {
        return None;
    }
    DropLink::in_address(&window().location().hash().ok()?)
}

/// Whether this page sends through a live room (its invitation carries the room's key).
pub(super) fn sends() -> bool {
    matches!(invited(), Some(Invited::Sealed(_)))
}

/// A line saying how sending `code` through the room goes; `None` without a room.
pub(super) fn status(code: &str) -> Option<Element> {
    let invited = invited()?;
    let line = el_text(
        "p",
        &[("class", "notice live-send"), ("role", "status")],
        "",
    );
    let known = SHOWN.with_borrow(|m| m.get(code).map(|(s, _)| *s));
    let said = match &invited {
        Invited::Outdated => Said::Outdated,
        Invited::Sealed(_) => known.unwrap_or(Said::Sending),
    };
    show(code, said, Some(line.clone()));
    if let (Invited::Sealed(link), None) = (invited, known) {
        let code = code.to_string();
        spawn_local(async move { run(&link, &code).await });
    }
    Some(line)
}

/// Says `said` for `code` on its line (and on the line drawn next).
fn show(code: &str, said: Said, line: Option<Element>) {
    SHOWN.with_borrow_mut(|m| {
        let entry = m.entry(code.to_string()).or_insert((said, None));
        entry.0 = said;
        if line.is_some() {
            entry.1 = line;
        }
        if let Some(l) = &entry.1 {
            l.set_text_content(Some(said.text()));
            let _ = l.set_attribute("data-sent", said.state());
        }
    });
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Seals `code`, adds it to the drop, and waits for the receipt, adding it again whenever it is
/// gone from the relay before one came.
async fn run(link: &DropLink, code: &str) {
    let Some(sealed) = seal(link, code.as_bytes()).await else {
        show(code, Said::NoCrypto, None);
        return;
    };
    let url = format!("{}/{}", RELAY.trim_end_matches('/'), sealed.path);
    let taken = drop::receipt(&sealed.receipts.taken);
    let refused = drop::receipt(&sealed.receipts.refused);
    let (mut adds, mut last_add, mut stored) = (0u32, 0f64, false);
    let mut delay = 1000;
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            sleep(delay).await;
            delay = (delay * 2).min(10_000);
        }
        let Some(socket) = Socket::open(&url).await else {
            if !stored {
                show(code, Said::Unreachable, None);
            }
            continue;
        };
        delay = 1000;
        let add = |adds: &mut u32, last_add: &mut f64| {
            let client = random::<4>().map(u32::from_le_bytes).unwrap_or(1).max(1);
            socket.send(&drop::insert_message(client, &sealed.entry));
            *adds += 1;
            *last_add = now();
        };
        // Answers to state requests sent before the last add say nothing of it.
        let (mut asked, mut skip) = (0u32, 0u32);
        if adds == 0 {
            add(&mut adds, &mut last_add);
        }
        socket.send(&ASK_STATE);
        asked += 1;
        let mut asked_at = now();
        while let Some(next) = socket.next(500).await {
            if let Some(m) = next {
                if drop::holds(&m, &taken) || drop::holds(&m, &refused) {
                    let said = if drop::holds(&m, &taken) {
                        Said::Received
                    } else {
                        Said::Refused
                    };
                    show(code, said, None);
                    return;
                }
                if drop::is_state(&m) {
                    asked = asked.saturating_sub(1);
                    if skip > 0 {
                        skip -= 1;
                    } else if drop::holds(&m, &sealed.entry)
                        && now() - last_add < AGAIN_MS * f64::from(adds)
                    {
                        if !stored {
                            stored = true;
                            show(code, Said::Stored, None);
                        }
                    } else if adds < MAX_ADDS {
                        // Gone before a receipt came (deleted by someone), or no receipt for a
                        // while (its bytes may stand inside someone's junk, or the relay keeps
                        // what was deleted): added again; the desk knows it by its bytes.
                        add(&mut adds, &mut last_add);
                        skip = asked;
                        socket.send(&ASK_STATE);
                        asked += 1;
                        asked_at = now();
                    }
                }
            }
            let t = now();
            if t - asked_at > 2500.0 {
                socket.send(&ASK_STATE);
                asked += 1;
                asked_at = t;
            }
        }
    }
    if !stored {
        show(code, Said::Unreachable, None);
    }
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

fn object(fields: &[(&str, JsValue)]) -> Option<JsValue> {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).ok()?;
    }
    Some(o.into())
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|n| JsValue::from(*n))
        .collect::<Array>()
        .into()
}

/// A response sealed to the room: the drop's value, the receipts to wait for, the drop's path
/// at the relay.
struct Sealed {
    entry: Vec<u8>,
    receipts: Receipts,
    path: String,
}

/// Seals `plain` to the room's public key with WebCrypto. `None` where WebCrypto is missing
/// (an insecure address) or refuses the key.
async fn seal(link: &DropLink, plain: &[u8]) -> Option<Sealed> {
    let crypto = Reflect::get(&window(), &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    if subtle.is_undefined() || subtle.is_null() {
        return None;
    }
    let digest = call(
        &subtle,
        "digest",
        &["SHA-256".into(), bytes(&link.id_input())],
    )
    .await?;
    let id = drop::drop_id(&Uint8Array::new(&digest).to_vec())?;
    let curve = object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())])?;
    let room = call(
        &subtle,
        "importKey",
        &[
            "raw".into(),
            bytes(&link.public),
            curve.clone(),
            true.into(),
            usages(&[]),
        ],
    )
    .await?;
    let pair = call(
        &subtle,
        "generateKey",
        &[curve, false.into(), usages(&["deriveBits"])],
    )
    .await?;
    let public = Reflect::get(&pair, &"publicKey".into()).ok()?;
    let private = Reflect::get(&pair, &"privateKey".into()).ok()?;
    let raw = call(&subtle, "exportKey", &["raw".into(), public]).await?;
    let ephemeral: [u8; POINT] = Uint8Array::new(&raw).to_vec().try_into().ok()?;
    let ecdh = object(&[("name", "ECDH".into()), ("public", room)])?;
    let shared = call(&subtle, "deriveBits", &[ecdh, private, 256.into()]).await?;
    let hkdf = call(
        &subtle,
        "importKey",
        &[
            "raw".into(),
            shared,
            "HKDF".into(),
            false.into(),
            usages(&["deriveBits"]),
        ],
    )
    .await?;
    let params = object(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes(&id)),
        ("info", bytes(&drop::info(&ephemeral, &link.public))),
    ])?;
    let okm =
        Uint8Array::new(&call(&subtle, "deriveBits", &[params, hkdf, 512.into()]).await?).to_vec();
    let receipts = Receipts::from_okm(&okm)?;
    let aes = call(
        &subtle,
        "importKey",
        &[
            "raw".into(),
            bytes(okm.get(..32)?),
            "AES-GCM".into(),
            false.into(),
            usages(&["encrypt"]),
        ],
    )
    .await?;
    let nonce = random::<12>()?;
    let gcm = object(&[
        ("name", "AES-GCM".into()),
        ("iv", bytes(&nonce)),
        ("additionalData", bytes(&id)),
    ])?;
    let out = call(&subtle, "encrypt", &[gcm, aes, bytes(plain)]).await?;
    Some(Sealed {
        entry: drop::entry(&ephemeral, &nonce, &Uint8Array::new(&out).to_vec()),
        receipts,
        path: drop::relay_path(&id),
    })
}

/// Resolves after `ms`; with `wake`, also as soon as something calls what it holds.
async fn wait(ms: i32, wake: Option<&RefCell<Option<Function>>>) {
    let p = Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        if let Some(w) = wake {
            *w.borrow_mut() = Some(resolve);
        }
    });
    let _ = JsFuture::from(p).await;
    if let Some(w) = wake {
        w.borrow_mut().take();
    }
}

async fn sleep(ms: i32) {
    wait(ms, None).await;
}

type Handler = Closure<dyn FnMut(JsValue)>;

/// One websocket to the drop: what arrives waits in `inbox` until read.
struct Socket {
    ws: WebSocket,
    inbox: Rc<RefCell<VecDeque<Vec<u8>>>>,
    open: Rc<Cell<bool>>,
    closed: Rc<Cell<bool>>,
    wake: Rc<RefCell<Option<Function>>>,
    _handlers: [Handler; 3],
}

impl Socket {
    /// Connects; `None` if the relay does not answer within 5 s.
    async fn open(url: &str) -> Option<Socket> {
        let ws = WebSocket::new(url).ok()?;
        ws.set_binary_type(BinaryType::Arraybuffer);
        let inbox: Rc<RefCell<VecDeque<Vec<u8>>>> = Rc::default();
        let (open, closed) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
        let wake: Rc<RefCell<Option<Function>>> = Rc::default();
        let waker = |wake: &Rc<RefCell<Option<Function>>>| {
            if let Some(f) = wake.borrow_mut().take() {
                let _ = f.call0(&JsValue::NULL);
            }
        };
        let on_open = {
            let (open, wake) = (open.clone(), wake.clone());
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                open.set(true);
                waker(&wake);
            })
        };
        let on_message = {
            let (inbox, wake) = (inbox.clone(), wake.clone());
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                let Some(buffer) = e
                    .dyn_ref::<MessageEvent>()
                    .and_then(|e| e.data().dyn_ref::<js_sys::ArrayBuffer>().cloned())
                else {
                    return;
                };
                inbox
                    .borrow_mut()
                    .push_back(Uint8Array::new(&buffer).to_vec());
                waker(&wake);
            })
        };
        let on_close = {
            let (closed, wake) = (closed.clone(), wake.clone());
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                closed.set(true);
                waker(&wake);
            })
        };
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let socket = Socket {
            ws,
            inbox,
            open,
            closed,
            wake,
            _handlers: [on_open, on_message, on_close],
        };
        let since = now();
        while !socket.open.get() {
            if socket.closed.get() || now() - since > 5000.0 {
                return None;
            }
            wait(250, Some(&*socket.wake)).await;
        }
        Some(socket)
    }

    fn send(&self, message: &[u8]) {
        let _ = self.ws.send_with_u8_array(message);
    }

    /// The next message within `ms` (`Some(None)`: none came), `None` once closed.
    async fn next(&self, ms: i32) -> Option<Option<Vec<u8>>> {
        if let Some(m) = self.inbox.borrow_mut().pop_front() {
            return Some(Some(m));
        }
        if self.closed.get() {
            return None;
        }
        wait(ms, Some(&*self.wake)).await;
        let m = self.inbox.borrow_mut().pop_front();
        match m {
            Some(m) => Some(Some(m)),
            None if self.closed.get() => None,
            None => Some(None),
        }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}
