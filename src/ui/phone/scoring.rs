//! Scoring one round on a phone: the elements one at a time (or all on one page), a large
//! button per level, "don't know", a comment, an optional name, then the response to show or
//! send. The draft is kept in the phone's storage after every change.

use std::rc::Rc;

use web_sys::Element;

use super::dom::{self, append, el, el_text};
use super::kept::Kept;
use super::{response_id, saved_note, send};
use crate::participate::draft::{self, ScoringDraft};
use crate::participate::invite::ScoringInvite;
use crate::persist::browser as store;

struct Page {
    invite: ScoringInvite,
    kept: Kept<ScoringDraft>,
}

/// The draft, its storage and the page's element, as `page.d`, `page.main`, `page.save()`.
impl std::ops::Deref for Page {
    type Target = Kept<ScoringDraft>;
    fn deref(&self) -> &Self::Target {
        &self.kept
    }
}

pub(super) fn mount(main: Element, invite: ScoringInvite) {
    let key = draft::scoring_key(&invite);
    let stored = store::load_draft(&key);
    let d = ScoringDraft::restore(stored.as_deref(), &invite, response_id());
    let page = Rc::new(Page {
        kept: Kept::new(main, key, d),
        invite,
    });
    render(&page);
}

impl Page {
    fn n(&self) -> usize {
        self.invite.elements.len()
    }
}

/// Changes the draft, keeps it, and redraws.
fn change(page: &Rc<Page>, f: impl FnOnce(&mut ScoringDraft)) {
    f(&mut page.d.borrow_mut());
    page.save();
    render(page);
}

/// Changes the draft and keeps it, without a redraw (typing).
fn edit(page: &Rc<Page>, f: impl FnOnce(&mut ScoringDraft)) {
    f(&mut page.d.borrow_mut());
    page.save();
}

fn render(page: &Rc<Page>) {
    let focused = dom::focused_id();
    page.listeners.next_view();
    page.main.set_text_content(None);
    let root = el("div", &[("class", "phone-page")]);
    let head = el("header", &[("class", "phone-head")]);
    append(
        &head,
        &[
            &el_text("p", &[("class", "phone-kicker")], "Scoring"),
            &el_text("h1", &[], &page.invite.round_name),
        ],
    );
    if page.invite.descriptions_dropped {
        head.append_child(&el_text("p", &[("class", "hint")],
            "The descriptions were left out to keep the QR code readable; ask the facilitator if an element is unclear.")).ok();
    }
    root.append_child(&head).ok();
    let (sent, list, at) = {
        let d = page.d.borrow();
        (d.sent, d.list, d.at)
    };
    let n = page.n();
    if sent {
        let code = page.d.borrow().response(&page.invite).encode();
        let title = format!("My answers: {}", page.invite.round_name);
        let back = page.clone();
        let view = send::view(&page.listeners, &code, &title, move || {
            change(&back, |d| d.sent = false);
        });
        root.append_child(&view).ok();
    } else {
        root.append_child(&view_switch(page, list)).ok();
        if list {
            for i in 0..n {
                root.append_child(&card(page, i)).ok();
            }
        } else if at < n {
            root.append_child(&el_text(
                "p",
                &[("class", "phone-progress")],
                &format!("{} of {n}", at + 1),
            ))
            .ok();
            root.append_child(&card(page, at)).ok();
            root.append_child(&nav(page, at, true)).ok();
        } else {
            root.append_child(&nav(page, at, false)).ok();
        }
        if list || at >= n {
            root.append_child(&finish(page)).ok();
        }
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
    } else if let Some(id) = focused {
        dom::focus(&id);
    }
}

fn view_switch(page: &Rc<Page>, list: bool) -> Element {
    let group = el(
        "div",
        &[
            ("class", "phone-view-switch"),
            ("role", "group"),
            ("aria-label", "Show"),
        ],
    );
    for (id, label, as_list) in [
        ("view-one", "One at a time", false),
        ("view-list", "All on one page", true),
    ] {
        let pressed = if as_list == list { "true" } else { "false" };
        let b = el_text(
            "button",
            &[("type", "button"), ("id", id), ("aria-pressed", pressed)],
            label,
        );
        let p = page.clone();
        page.listeners
            .on(&b, "click", move |_| change(&p, |d| d.list = as_list));
        group.append_child(&b).ok();
    }
    group
}

fn nav(page: &Rc<Page>, at: usize, with_next: bool) -> Element {
    let n = page.n();
    let nav = el("div", &[("class", "phone-nav")]);
    let prev = el_text(
        "button",
        &[("type", "button"), ("class", "big"), ("id", "prev")],
        "Previous",
    );
    if at == 0 || n == 0 {
        prev.set_attribute("disabled", "").ok();
    }
    let p = page.clone();
    page.listeners.on(&prev, "click", move |_| {
        change(&p, |d| d.at = d.at.min(n).saturating_sub(1));
    });
    nav.append_child(&prev).ok();
    if with_next {
        let next = el_text(
            "button",
            &[("type", "button"), ("class", "big primary"), ("id", "next")],
            "Next",
        );
        let p = page.clone();
        page.listeners.on(&next, "click", move |_| {
            change(&p, |d| d.at = (d.at + 1).min(n));
        });
        nav.append_child(&next).ok();
    }
    nav
}

/// One element: its name and description, a button per level, "don't know", a comment.
fn card(page: &Rc<Page>, index: usize) -> Element {
    let Some(element) = page.invite.elements.get(index) else {
        return el("div", &[]);
    };
    let heading_id = format!("el-{index}");
    let name = if element.name.trim().is_empty() {
        format!("Element {}", index + 1)
    } else {
        element.name.clone()
    };
    let section = el(
        "section",
        &[("class", "phone-element"), ("aria-labelledby", &heading_id)],
    );
    section
        .append_child(&el_text("h2", &[("id", &heading_id)], &name))
        .ok();
    if !element.description.trim().is_empty() {
        section
            .append_child(&el_text(
                "p",
                &[("class", "phone-description")],
                &element.description,
            ))
            .ok();
    }
    let answer = page
        .d
        .borrow()
        .answers
        .get(index)
        .cloned()
        .unwrap_or_default();
    let group = el(
        "div",
        &[
            ("class", "level-buttons"),
            ("role", "group"),
            ("aria-labelledby", &heading_id),
        ],
    );
    for v in page.invite.levels() {
        let pressed = if answer.level == Some(v) {
            "true"
        } else {
            "false"
        };
        let b = el(
            "button",
            &[
                ("type", "button"),
                ("class", "level-button"),
                ("id", &format!("level-{index}-{v}")),
                ("aria-pressed", pressed),
            ],
        );
        b.append_child(&el_text(
            "span",
            &[("class", "level-number")],
            &v.to_string(),
        ))
        .ok();
        if let Some(anchor) = page.invite.anchor(v) {
            b.append_with_str_1(" ").ok();
            b.append_child(&el_text("span", &[("class", "level-anchor")], anchor))
                .ok();
        }
        let p = page.clone();
        page.listeners.on(&b, "click", move |_| {
            change(&p, |d| {
                if let Some(a) = d.answers.get_mut(index) {
                    // A second tap on the chosen level clears it.
                    a.level = if a.level == Some(v) { None } else { Some(v) };
                    a.dont_know = false;
                }
            });
        });
        group.append_child(&b).ok();
    }
    if page.invite.allow_dont_know {
        let pressed = if answer.dont_know { "true" } else { "false" };
        let b = el_text(
            "button",
            &[
                ("type", "button"),
                ("class", "level-button dont-know"),
                ("id", &format!("dont-know-{index}")),
                ("aria-pressed", pressed),
            ],
            "Don't know",
        );
        let p = page.clone();
        page.listeners.on(&b, "click", move |_| {
            change(&p, |d| {
                if let Some(a) = d.answers.get_mut(index) {
                    a.dont_know = !a.dont_know;
                    a.level = None;
                }
            });
        });
        group.append_child(&b).ok();
    }
    section.append_child(&group).ok();
    let comment_id = format!("comment-{index}");
    section
        .append_child(&el_text(
            "label",
            &[("for", &comment_id), ("class", "phone-comment-label")],
            "Comment (optional)",
        ))
        .ok();
    let comment = el_text(
        "textarea",
        &[("id", &comment_id), ("rows", "2"), ("maxlength", "500")],
        &answer.comment,
    );
    let p = page.clone();
    page.listeners.on(&comment, "input", move |e| {
        let text = dom::value_of(&e);
        edit(&p, |d| {
            if let Some(a) = d.answers.get_mut(index) {
                a.comment = text;
            }
        });
    });
    section.append_child(&comment).ok();
    section
}

fn finish(page: &Rc<Page>) -> Element {
    let n = page.n();
    let (done, name) = {
        let d = page.d.borrow();
        (d.answered(), d.name.clone())
    };
    let section = el(
        "section",
        &[("class", "phone-finish"), ("aria-labelledby", "finish-h")],
    );
    section
        .append_child(&el_text("h2", &[("id", "finish-h")], "Send my answers"))
        .ok();
    let told = if done == n {
        format!("You answered all {n}.")
    } else {
        format!("You answered {done} of {n}. Anything left blank is simply not counted.")
    };
    section.append_child(&el_text("p", &[], &told)).ok();
    section
        .append_child(&el_text(
            "label",
            &[("for", "phone-name")],
            "Your name (optional)",
        ))
        .ok();
    let input = el(
        "input",
        &[
            ("id", "phone-name"),
            ("type", "text"),
            ("autocomplete", "name"),
            ("maxlength", "80"),
            ("value", &name),
        ],
    );
    let p = page.clone();
    page.listeners.on(&input, "input", move |e| {
        let text = dom::value_of(&e);
        edit(&p, |d| d.name = text);
    });
    section.append_child(&input).ok();
    section
        .append_child(&el_text(
            "p",
            &[("class", "hint")],
            "Leave it empty to stay anonymous: you will be counted as “Participant” with a number.",
        ))
        .ok();
    let send = el_text(
        "button",
        &[("type", "button"), ("class", "primary big"), ("id", "send")],
        "Send my answers",
    );
    let p = page.clone();
    page.listeners.on(&send, "click", move |_| {
        change(&p, |d| d.sent = true);
        dom::window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    section.append_child(&send).ok();
    section
}
