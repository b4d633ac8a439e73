//! The page's side of a live room: one websocket to the relay named at build time, carrying the
//! y-sync messages of a `cstw_sync::Room`; reconnects by itself after a drop (1 s, doubling up
//! to 10 s), and edits made meanwhile wait in the room's envelope until the next sync exchange.

use std::cell::RefCell;
use std::rc::Rc;

use cstw_sync::{Channel, Received};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{BinaryType, MessageEvent, WebSocket};

/// The relay's origin, from the build's environment (`CSTW_RELAY`); the CSP's `connect-src`
/// lists exactly this origin (tools/csp.py).
pub const RELAY: &str = match option_env!("CSTW_RELAY") {
    Some(origin) => origin,
    None => "",
};

// A build with the live room names its relay: refuse one that does not.
const _: () = assert!(
    !RELAY.is_empty(),
    "the `live` feature needs the relay's origin at build time: CSTW_RELAY=ws://host:port"
);

/// What the person sees of the connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Connecting,
    /// Connected and holding everything the relay had.
    Online,
    /// Not connected; retrying. Edits are kept and sent on reconnect.
    Offline,
}

/// Called with what each message did, after the connection's state is updated.
pub type OnReceived = Box<dyn Fn(&Received)>;

struct Inner<C> {
    room: C,
    socket: Option<WebSocket>,
    closed: bool,
    delay_ms: u32,
    /// The socket's handlers, kept alive while it is open.
    handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    on_received: Option<OnReceived>,
}

/// A live connection to a room (or a room's drop of responses). Cloning shares it.
pub struct Connection<C> {
    inner: Rc<RefCell<Inner<C>>>,
    pub status: RwSignal<Status>,
    /// The relay's answer to our hello arrived at least once.
    pub synced: RwSignal<bool>,
}

impl<C> Clone for Connection<C> {
    fn clone(&self) -> Self {
        Connection {
            inner: self.inner.clone(),
            status: self.status,
            synced: self.synced,
        }
    }
}

impl<C: Channel + 'static> Connection<C> {
    /// Connects to the relay for `room`; `status` and `synced` follow the connection.
    pub fn open(room: C, status: RwSignal<Status>, synced: RwSignal<bool>) -> Connection<C> {
        let c = Connection {
            inner: Rc::new(RefCell::new(Inner {
                room,
                socket: None,
                closed: false,
                delay_ms: 1000,
                handlers: Vec::new(),
                on_received: None,
            })),
            status,
            synced,
        };
        c.connect();
        c
    }

    pub fn on_received(&self, f: OnReceived) {
        self.inner.borrow_mut().on_received = Some(f);
    }

    /// Reads the room (never while a message is being handled: that holds it).
    pub fn with_room<T>(&self, f: impl FnOnce(&mut C) -> T) -> Option<T> {
        self.inner.try_borrow_mut().ok().map(|mut i| f(&mut i.room))
    }

    /// Sends a message now if connected; otherwise the next sync exchange carries it.
    pub fn send(&self, message: Option<Vec<u8>>) {
        let Some(message) = message else { return };
        if let Ok(inner) = self.inner.try_borrow()
            && let Some(socket) = &inner.socket
            && socket.ready_state() == WebSocket::OPEN
        {
            let _ = socket.send_with_u8_array(&message);
        }
    }

    /// Closes for good (the page left the room or was closed).
    pub fn close(&self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.closed = true;
            if let Some(socket) = inner.socket.take() {
                socket.set_onopen(None);
                socket.set_onmessage(None);
                socket.set_onclose(None);
                let _ = socket.close();
            }
            inner.on_received = None;
            // Dropped later: `close` may run inside one of them (a message that ends the join).
            let handlers = std::mem::take(&mut inner.handlers);
            set_timeout(move || drop(handlers), std::time::Duration::ZERO);
        }
    }

    fn connect(&self) {
        let url = {
            let inner = self.inner.borrow();
            if inner.closed {
                return;
            }
            format!(
                "{}/{}",
                RELAY.trim_end_matches('/'),
                inner.room.relay_path()
            )
        };
        let _ = self.status.try_set(Status::Connecting);
        let Ok(socket) = WebSocket::new(&url) else {
            self.retry();
            return;
        };
        socket.set_binary_type(BinaryType::Arraybuffer);
        let on_open = {
            let c = self.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                let hello = c.inner.borrow().room.hello();
                c.inner.borrow_mut().delay_ms = 1000;
                c.send(Some(hello));
            })
        };
        let on_message = {
            let c = self.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                let Some(data) = e.dyn_ref::<MessageEvent>().map(MessageEvent::data) else {
                    return;
                };
                let Some(buffer) = data.dyn_ref::<js_sys::ArrayBuffer>() else {
                    return;
                };
                let bytes = js_sys::Uint8Array::new(buffer).to_vec();
                c.receive(&bytes);
            })
        };
        let on_close = {
            let c = self.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| c.dropped())
        };
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        let mut inner = self.inner.borrow_mut();
        inner.socket = Some(socket);
        inner.handlers = vec![on_open, on_message, on_close];
    }

    fn receive(&self, bytes: &[u8]) {
        let received = {
            let Ok(mut inner) = self.inner.try_borrow_mut() else {
                return;
            };
            inner.room.receive(bytes)
        };
        for reply in &received.replies {
            self.send(Some(reply.clone()));
        }
        if received.synced {
            let _ = self.synced.try_set(true);
            let _ = self.status.try_set(Status::Online);
        }
        // The callback may read the room: called with nothing borrowed.
        let callback = self.inner.borrow_mut().on_received.take();
        if let Some(f) = callback {
            f(&received);
            let mut inner = self.inner.borrow_mut();
            if !inner.closed && inner.on_received.is_none() {
                inner.on_received = Some(f);
            }
        }
    }

    fn dropped(&self) {
        {
            let mut inner = self.inner.borrow_mut();
            if inner.closed {
                return;
            }
            inner.socket = None;
        }
        let _ = self.status.try_set(Status::Offline);
        self.retry();
    }

    fn retry(&self) {
        let delay = {
            let mut inner = self.inner.borrow_mut();
            let d = inner.delay_ms;
            inner.delay_ms = (d * 2).min(10_000);
            d
        };
        let _ = self.status.try_set(Status::Offline);
        let c = self.clone();
        set_timeout(
            move || c.connect(),
            std::time::Duration::from_millis(u64::from(delay)),
        );
    }
}
