//! Answering boundary questions on a phone: the chosen questions in *is* and / or *ought*
//! mode, for the facilitator's perspective or as a new one the participant names, optionally
//! saying whether they are involved in the scheme or affected by it.

use std::rc::Rc;

use web_sys::Element;

use super::dom::{self, el, el_text};
use super::kept::Kept;
use super::{response_id, saved_note, send};
use crate::content::csh::{self, Mode};
use crate::participate::draft::{self, BoundaryDraft};
use crate::participate::invite::BoundaryInvite;
use crate::persist::browser as store;

struct Page {
    invite: BoundaryInvite,
    kept: Kept<BoundaryDraft>,
}

/// The draft, its storage and the page's element, as `page.d`, `page.main`, `page.save()`.
impl std::ops::Deref for Page {
    type Target = Kept<BoundaryDraft>;
    fn deref(&self) -> &Self::Target {
        &self.kept
    }
}

pub(super) fn mount(main: Element, invite: BoundaryInvite) {
    let key = draft::boundary_key(&invite);
    let stored = store::load_draft(&key);
    let d = BoundaryDraft::restore(stored.as_deref(), &invite, response_id());
    let page = Rc::new(Page {
        kept: Kept::new(main, key, d),
        invite,
    });
    render(&page);
}

/// Changes the draft and keeps it; `redraw` after a tap, not while typing.
fn edit(page: &Rc<Page>, redraw: bool, f: impl FnOnce(&mut BoundaryDraft)) {
    f(&mut page.d.borrow_mut());
    page.save();
    if redraw {
        render(page);
    }
}

fn render(page: &Rc<Page>) {
    page.listeners.next_view();
    page.main.set_text_content(None);
    let root = el("div", &[("class", "phone-page")]);
    let heading = match &page.invite.perspective {
        Some((_, name)) if !name.trim().is_empty() => format!("Speaking for: {}", name.trim()),
        _ => "Speaking as yourself".to_string(),
    };
    let head = el("header", &[("class", "phone-head")]);
    head.append_child(&el_text(
        "p",
        &[("class", "phone-kicker")],
        "Boundary questions",
    ))
    .ok();
    head.append_child(&el_text("h1", &[], &heading)).ok();
    root.append_child(&head).ok();
    let sent = page.d.borrow().sent;
    if sent {
        let code = page.d.borrow().response(&page.invite).encode();
        let back = page.clone();
        let view = send::view(&page.listeners, &code, "My boundary answers", move || {
            edit(&back, true, |d| d.sent = false);
        });
        root.append_child(&view).ok();
    } else {
        form(page, &root);
    }
    root.append_child(&el_text(
        "p",
        &[("class", "phone-saved"), ("role", "status")],
        saved_note(page.saved.get()),
    ))
    .ok();
    page.main.append_child(&root).ok();
    if sent {
        dom::focus("send-h");
    }
}

fn text_input(
    page: &Rc<Page>,
    id: &str,
    value: &str,
    set: fn(&mut BoundaryDraft, String),
) -> Element {
    let input = el(
        "input",
        &[
            ("id", id),
            ("type", "text"),
            ("maxlength", "80"),
            ("value", value),
        ],
    );
    if id == "phone-name" {
        input.set_attribute("autocomplete", "name").ok();
    }
    let p = page.clone();
    page.listeners.on(&input, "input", move |e| {
        let text = dom::value_of(&e);
        edit(&p, false, |d| set(d, text));
    });
    input
}

fn form(page: &Rc<Page>, root: &Element) {
    let d = page.d.borrow().clone();
    if page.invite.perspective.is_none() {
        root.append_child(&el_text(
            "label",
            &[("for", "phone-perspective")],
            "Which perspective do you speak as? (e.g. as a carer)",
        ))
        .ok();
        root.append_child(&text_input(
            page,
            "phone-perspective",
            &d.perspective,
            |d, t| d.perspective = t,
        ))
        .ok();
    }
    if page.invite.ask_stance {
        let set = el("fieldset", &[("class", "phone-stance")]);
        set.append_child(&el_text(
            "legend",
            &[],
            "Are you involved in the scheme, or affected by it?",
        ))
        .ok();
        for (v, label) in [
            ("involved", "Involved"),
            ("affected", "Affected but not involved"),
            ("", "I'd rather not say"),
        ] {
            let choice = el("label", &[("class", "phone-choice")]);
            let radio = el(
                "input",
                &[("type", "radio"), ("name", "stance"), ("value", v)],
            );
            if d.stance == v {
                radio.set_attribute("checked", "").ok();
            }
            let p = page.clone();
            page.listeners.on(&radio, "change", move |_| {
                edit(&p, false, |d| d.stance = v.to_string());
            });
            choice.append_child(&radio).ok();
            choice.append_with_str_1(label).ok();
            set.append_child(&choice).ok();
        }
        root.append_child(&set).ok();
    }
    for (i, (q, is, text)) in d.answers.iter().enumerate() {
        let mode = if *is { Mode::Is } else { Mode::Ought };
        let question = csh::category(*q).map_or("", |c| c.question(mode));
        let id = format!("answer-{i}");
        let section = el("section", &[("class", "phone-element")]);
        let h2 = el("h2", &[]);
        h2.append_child(&el_text(
            "label",
            &[("for", &id)],
            &format!("{q}. {question}"),
        ))
        .ok();
        section.append_child(&h2).ok();
        section
            .append_child(&el_text(
                "p",
                &[("class", "phone-kicker")],
                if *is {
                    "As it is now"
                } else {
                    "As it ought to be"
                },
            ))
            .ok();
        let area = el_text(
            "textarea",
            &[("id", &id), ("rows", "4"), ("maxlength", "1000")],
            text,
        );
        let p = page.clone();
        page.listeners.on(&area, "input", move |e| {
            let t = dom::value_of(&e);
            edit(&p, false, |d| {
                if let Some(a) = d.answers.get_mut(i) {
                    a.2 = t;
                }
            });
        });
        section.append_child(&area).ok();
        root.append_child(&section).ok();
    }
    root.append_child(&el_text(
        "label",
        &[("for", "phone-name")],
        "Your name (optional)",
    ))
    .ok();
    root.append_child(&text_input(page, "phone-name", &d.name, |d, t| d.name = t))
        .ok();
    root.append_child(&el_text(
        "p",
        &[("class", "hint")],
        "Leave it empty to stay anonymous: your answers will say “Participant” with a number.",
    ))
    .ok();
    let send = el_text(
        "button",
        &[("type", "button"), ("class", "primary big")],
        "Send my answers",
    );
    let p = page.clone();
    page.listeners.on(&send, "click", move |_| {
        edit(&p, true, |d| d.sent = true);
        dom::window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    root.append_child(&send).ok();
}
