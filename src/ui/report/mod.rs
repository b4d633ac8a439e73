//! The report section of a workshop (`#/w/<id>/report`): the whole workshop on one page, as
//! the core's [`crate::export::report::article`] draws it (escaped by construction, no
//! `style` attributes, no scripts), with print, Markdown and HTML downloads. The print
//! stylesheet (`style/report.css`) hides the app around it.

use leptos::prelude::*;

use crate::export::report;
use crate::model::slug;
use crate::ui::browser::{download, download_said, print_page, today};
use crate::ui::workshop::Session;

#[component]
pub fn ReportView(session: Session) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let body = Memo::new(move |_| session.workshop.with(|w| report::article(w, 2)));
    let save = move |ext: &'static str| {
        let (name, text, mime) = session.workshop.with(|w| {
            let name = format!("{}-report-{}.{ext}", slug(&w.title, "workshop"), today());
            if ext == "md" {
                (name, report::markdown(w), "text/markdown;charset=utf-8")
            } else {
                (name, report::html(w), "text/html;charset=utf-8")
            }
        });
        message.set(Some(download_said(&name, download(&name, &text, mime))));
    };
    let print = move |_| {
        if let Some(problem) = print_page() {
            message.set(Some(problem));
        }
    };
    view! {
        <section class="report-section" aria-label="Report">
            <div class="report-actions" role="group" aria-label="Report actions">
                <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
                <button type="button" on:click=move |_| save("md")>"Download Markdown"</button>
                <button type="button" on:click=move |_| save("html")>"Download HTML"</button>
            </div>
            <p class="report-message" role="status">{move || message.get()}</p>
            <div class="report-page" inner_html=move || body.get()></div>
        </section>
    }
}
