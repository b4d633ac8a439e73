//! The few DOM helpers the phone page needs: elements with attributes and text (always set as
//! text, never parsed as HTML), event listeners whose closures live as long as the view that
//! holds them, and keeping focus on the same control across a redraw.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, Event, EventTarget, Window};

pub fn window() -> Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> Document {
    window().document().expect("a document")
}

/// An element with attributes.
pub fn el(tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = document()
        .create_element(tag)
        .expect("an element of a known tag");
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    e
}

/// An element with attributes and text.
pub fn el_text(tag: &str, attrs: &[(&str, &str)], text: &str) -> Element {
    let e = el(tag, attrs);
    e.set_text_content(Some(text));
    e
}

/// Appends children in order.
pub fn append(parent: &Element, children: &[&Element]) {
    for c in children {
        let _ = parent.append_child(c);
    }
}

/// A listener that stays for the page's life (on the window).
pub fn listen_forever(target: &EventTarget, event: &str, f: impl FnMut(Event) + 'static) {
    let c = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, c.as_ref().unchecked_ref());
    c.forget();
}

/// The closures of the view on screen and of the one before it. A redraw starts from a tap,
/// inside one of the current closures, so that generation is kept until the next redraw rather
/// than dropped while it runs.
#[derive(Default)]
pub struct Listeners {
    current: RefCell<Vec<Handler>>,
    previous: RefCell<Vec<Handler>>,
}

type Handler = Closure<dyn FnMut(Event)>;

impl Listeners {
    /// Starts a new view: the closures of the view before last are dropped.
    pub fn next_view(&self) {
        let now = std::mem::take(&mut *self.current.borrow_mut());
        *self.previous.borrow_mut() = now;
    }

    /// Listens on an element of the current view.
    pub fn on(&self, target: &Element, event: &str, f: impl FnMut(Event) + 'static) {
        let c = Closure::<dyn FnMut(Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, c.as_ref().unchecked_ref());
        self.current.borrow_mut().push(c);
    }
}

/// The id of the focused element, to focus its successor after a redraw.
pub fn focused_id() -> Option<String> {
    document()
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty())
}

/// Focuses the element with this id, if there is one.
pub fn focus(id: &str) {
    if let Some(e) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// The value of the input or text area an event came from.
pub fn value_of(e: &Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else {
        String::new()
    }
}
