//! The colours, widths and dashes a large map is painted in (`paint/`), read from the
//! stylesheet: from the computed style of probe elements carrying the nodes' and links' own
//! classes, so the light, dark and projector themes follow without a second palette. Read
//! once a class and again when the theme changes.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};

use crate::model::map::{Direction, Shape};

/// Paint for one class of node or link, read from the stylesheet.
#[derive(Clone, Debug, Default)]
pub(super) struct Ink {
    pub(super) fill: String,
    pub(super) stroke: String,
    pub(super) width: f64,
    pub(super) dash: Vec<f64>,
}

/// The stylesheet's paint for the classes met so far; forgotten when the theme changes.
#[derive(Default)]
pub(super) struct Inks {
    pub(super) stamp: String,
    pub(super) font: String,
    pub(super) text: String,
    pub(super) arrow: String,
    pub(super) halo: (String, f64),
    pub(super) label_back: Ink,
    pub(super) polarity: Ink,
    pub(super) by_class: HashMap<String, Ink>,
}

fn computed(el: &web_sys::Element) -> Option<JsValue> {
    let f = js_sys::Reflect::get(&window(), &JsValue::from_str("getComputedStyle")).ok()?;
    let f: js_sys::Function = f.dyn_into().ok()?;
    f.call1(&window(), el).ok()
}

fn prop(style: &JsValue, name: &str) -> String {
    js_sys::Reflect::get(style, &JsValue::from_str("getPropertyValue"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(style, &JsValue::from_str(name)).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn px(s: &str) -> f64 {
    s.trim().trim_end_matches("px").parse().unwrap_or(0.0)
}

fn ink_of(el: &web_sys::Element) -> Ink {
    let Some(style) = computed(el) else {
        return Ink::default();
    };
    let dash = prop(&style, "stroke-dasharray");
    Ink {
        fill: prop(&style, "fill"),
        stroke: prop(&style, "stroke"),
        width: px(&prop(&style, "stroke-width")),
        dash: if dash == "none" {
            Vec::new()
        } else {
            dash.split([',', ' '])
                .filter(|s| !s.is_empty())
                .map(px)
                .collect()
        },
    }
}

impl Inks {
    /// Reads the theme's paint again when it changed (the probe's colours differ).
    pub(super) fn check(&mut self, probe: &web_sys::Element) {
        let Some(style) = computed(probe) else { return };
        let root = document().document_element();
        let attr = |name: &str| {
            root.as_ref()
                .and_then(|r| r.get_attribute(name))
                .unwrap_or_default()
        };
        let stamp = format!(
            "{}|{}|{}|{}",
            prop(&style, "color"),
            prop(&style, "font-family"),
            attr("data-theme"),
            attr("data-scheme")
        );
        if stamp == self.stamp {
            return;
        }
        *self = Inks {
            stamp,
            ..Inks::default()
        };
        // Every class a node's box or a link's line can have, in one go (one style pass).
        let mut classes = Vec::new();
        for colour in std::iter::once("none").chain(crate::model::map::COLOURS) {
            for shape in Shape::ALL {
                for traced in ["", " traced"] {
                    classes.push(format!("node c-{colour} s-{}{traced}", shape.as_str()));
                }
            }
        }
        for d in Direction::ALL {
            for traced in ["", " traced"] {
                classes.push(format!("link d-{}{traced}", d.as_str()));
            }
        }
        let mut html = String::from(
            r#"<text></text><path class="arrowhead"></path><circle class="halo"></circle><g class="link"><rect class="link-label-back"></rect><text class="polarity"></text></g>"#,
        );
        for c in &classes {
            let inner = if c.starts_with("node") {
                "<rect></rect>"
            } else {
                r#"<path class="line"></path>"#
            };
            html.push_str(&format!(r#"<g class="{c}">{inner}</g>"#));
        }
        probe.set_inner_html(&html);
        let child = |sel: &str| probe.query_selector(sel).ok().flatten();
        if let Some(t) = child(":scope > text")
            && let Some(s) = computed(&t)
        {
            self.text = prop(&s, "fill");
            self.font = prop(&s, "font-family");
        }
        if let Some(a) = child(".arrowhead") {
            self.arrow = ink_of(&a).fill;
        }
        if let Some(h) = child(".halo")
            && let Some(s) = computed(&h)
        {
            self.halo = (
                prop(&s, "fill"),
                prop(&s, "fill-opacity").parse().unwrap_or(0.18),
            );
        }
        if let Some(b) = child(".link-label-back") {
            self.label_back = ink_of(&b);
        }
        if let Some(p) = child(".polarity") {
            self.polarity = ink_of(&p);
        }
        let groups = probe.children();
        // The first four children are the text, arrowhead, halo and label probes.
        for (i, c) in classes.into_iter().enumerate() {
            if let Some(el) = groups
                .item(i as u32 + 4)
                .and_then(|g| g.first_element_child())
            {
                self.by_class.insert(c, ink_of(&el));
            }
        }
        probe.set_inner_html("");
    }

    /// The paint of a node's box (`node …` classes) or a link's line (`link …` classes).
    pub(super) fn of(&mut self, probe: &web_sys::Element, class: &str) -> &Ink {
        if !self.by_class.contains_key(class) {
            let inner = if class.starts_with("node") {
                "<rect></rect>"
            } else {
                r#"<path class="line"></path>"#
            };
            probe.set_inner_html(&format!(r#"<g class="{}">{inner}</g>"#, class));
            let ink = probe
                .query_selector(":scope > g > *")
                .ok()
                .flatten()
                .map(|el| ink_of(&el))
                .unwrap_or_default();
            self.by_class.insert(class.to_string(), ink);
        }
        &self.by_class[class]
    }
}
