//! Pages that are neither the library nor an activity: about, and the friendly "not found".

use leptos::prelude::*;

use crate::content::{ACTIVITIES, SOURCES, Source};
use crate::route::Route;
use crate::ui::learn::{TakeTourAgain, TryOwnCase};

#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <article class="page about">
            <h1>"About CST Workbench"</h1>
            <p class="lead">
                "CST Workbench helps groups practise critical systems thinking: looking at a \
                 programme as a whole, asking who it serves and who decides, and hearing the \
                 people it affects but does not involve."
            </p>
            <section aria-labelledby="activities-heading">
                <h2 id="activities-heading">"What a workshop can hold"</h2>
                <ul class="cards">
                    {ACTIVITIES
                        .iter()
                        .map(|a| {
                            view! {
                                <li class="card">
                                    <h3>{a.name}</h3>
                                    <p>{a.summary}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <p class="status-note">
                    "This version has the workshop library and its roster. The four activities                      follow one by one."
                </p>
            </section>
            <section aria-labelledby="who-heading">
                <h2 id="who-heading">"Who it is for"</h2>
                <ul>
                    <li>
                        <strong>"Facilitators"</strong>
                        " running stakeholder workshops from a laptop and a projector."
                    </li>
                    <li>
                        <strong>"Steering groups"</strong>
                        " scoring how well a programme builds stakeholder buy-in, and seeing where \
                         they disagree."
                    </li>
                    <li>
                        <strong>"Students"</strong>
                        " learning the method on their own, with a worked example to start from."
                    </li>
                </ul>
            </section>
            <section aria-labelledby="learning-heading">
                <h2 id="learning-heading">"Learning the method"</h2>
                <p>
                    "New to critical systems thinking? Turn on " <strong>"Learning mode"</strong>
                    " at the top of the page for a short explanation beside each step of a \
                     workshop, read the " <a href=Route::Glossary.href()>"glossary"</a>
                    ", or open the example workshop from the home page."
                </p>
                <div class="learn-actions">
                    <TakeTourAgain />
                    <TryOwnCase />
                </div>
            </section>
            <section aria-labelledby="data-heading">
                <h2 id="data-heading">"Your data"</h2>
                <p>
                    "The app runs entirely in your browser. It has no server and no account, sends \
                     nothing over the network, and keeps your work in this browser's storage until \
                     you export or delete it."
                </p>
            </section>
            <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">"Sources"</h2>
                <p>
                    "The method and the models come from the works below. All text in the app is \
                     written for it; the example workshop is illustrative, not data from any study."
                </p>
                <ol class="sources">
                    {SOURCES.iter().map(|s| view! { <SourceItem source=*s /> }).collect_view()}
                </ol>
            </section>
            <p class="version">"Version " {env!("CARGO_PKG_VERSION")}</p>
        </article>
    }
}

#[component]
fn SourceItem(source: Source) -> impl IntoView {
    view! {
        <li class="source">
            <cite>
                {source.authors} " (" {source.year} "). " <em>{source.title}</em> ". "
                {source.published_in} "."
            </cite>
            {source
                .doi_url()
                .map(|url| {
                    view! {
                        " "
                        <a href=url.clone() rel="noopener noreferrer" target="_blank">
                            {format!("doi:{}", source.doi.unwrap_or_default())}
                        </a>
                    }
                })}
            <p class="used-for">{source.used_for}</p>
        </li>
    }
}

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <article class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{path}</code> "."</p>
            <p>
                <a href=Route::Home.href()>"Go to the home page"</a>
            </p>
        </article>
    }
}
