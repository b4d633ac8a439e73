//! Layouts (animated into place, one undo step each) and analysis (degree, betweenness,
//! isolated nodes, components, feedback loops, neighbourhood, shortest path), listed here and
//! highlighted on the canvas.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::{Ed, Highlight};
use crate::analysis::graph::{self, LoopKind};
use crate::analysis::placement::Layout;
use crate::jobs::{Job, LayoutKind, Outcome, sizes_of};
use crate::model::map::{ConceptMap, Link, NodeId, Point};
use crate::ui::jobs::{Busy, BusyView, Failure, measure};
use crate::ui::lean::effect;

/// Loops listed at most: the shortest, which are the easiest to talk about (all the worker
/// sends back).
const SHOWN_LOOPS: usize = crate::jobs::LOOPS_SENT;

trait Named {
    fn label(self) -> &'static str;
    fn kind(self) -> LayoutKind;
    fn help(self) -> &'static str;
}

impl Named for Layout {
    fn label(self) -> &'static str {
        match self {
            Layout::Radial => "Radial",
            Layout::Force => "Force-directed",
            Layout::Layered => "Layered",
            Layout::Tidy => "Tidy",
        }
    }

    fn kind(self) -> LayoutKind {
        match self {
            Layout::Radial => LayoutKind::Radial,
            Layout::Force => LayoutKind::Force,
            Layout::Layered => LayoutKind::Layered,
            Layout::Tidy => LayoutKind::Tidy,
        }
    }

    fn help(self) -> &'static str {
        match self {
            Layout::Radial => "Rings around the selected node (or the first one).",
            Layout::Force => "Linked ideas pull together, all push apart.",
            Layout::Layered => "Top to bottom along the arrows.",
            Layout::Tidy => "Only moves what covers another box or a link\u{2019}s label.",
        }
    }
}

/// Above this many nodes a layout sweeps in (see [`sweep`]) instead of gliding: moving every
/// node in every frame costs about 0.2 ms a node on the page's thread, so at 5,000 nodes one
/// frame took a second.
const GLIDE_MAX: usize = 500;

/// Moves every node to `targets` over 400 ms (at once if the user prefers less motion), then
/// records the move as one undo step and shows the whole map. Large maps sweep in instead.
fn animate(ed: Ed, targets: Vec<(NodeId, Point)>) {
    if targets.len() > GLIDE_MAX {
        return sweep(ed, targets);
    }
    let frames: Rc<Vec<(ArcRwSignal<Point>, Point, Point)>> = Rc::new(
        targets
            .iter()
            .map(|(id, to)| {
                let l = ed.live(*id);
                let from = l.pos.get_untracked();
                (l.pos, from, *to)
            })
            .collect(),
    );
    let reduce = window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let targets = Rc::new(targets);
    let start = js_sys::Date::now();
    fn step(
        ed: Ed,
        frames: Rc<Vec<(ArcRwSignal<Point>, Point, Point)>>,
        targets: Rc<Vec<(NodeId, Point)>>,
        start: f64,
        reduce: bool,
        frame: u32,
    ) {
        request_animation_frame(move || {
            if frame == 1 {
                // The first moved frame has been rendered: click to first move, for the benchmark.
                crate::ui::browser::measure_since("cstw-layout-first-frame", "cstw-layout-click");
            }
            let t = if reduce {
                1.0
            } else {
                ((js_sys::Date::now() - start) / 400.0).min(1.0)
            };
            let e = 1.0 - (1.0 - t).powi(3);
            for (sig, a, b) in frames.iter() {
                sig.set(Point::new(a.x + (b.x - a.x) * e, a.y + (b.y - a.y) * e));
            }
            ed.redraw.notify();
            if t < 1.0 {
                step(ed, frames, targets, start, reduce, frame + 1);
            } else {
                ed.edit(None, |m| m.move_nodes(&targets));
                ed.fit();
            }
        });
    }
    step(ed, frames, targets, start, reduce, 0);
}

/// A large map's layout applied at once, as one edit, and the whole map shown two frames
/// later, each a task of its own: the frame of the edit (the model, the live places, the map's
/// layer), then the painting of the moved nodes where the view is, then the fit (the view, and
/// with it the browser's layout of the SVG) and its painting in the frame after. Fitting in the
/// frame right after the edit put the canvas's first painting of the moved map, the fit and the
/// browser's layout of every node's element into one task of 80–200 ms at 5,000 nodes
/// (`node tests/e2e/bench/worker.mjs 5000`). Moving every node a frame at a time (as a glide
/// does) or in slices costs a frame's fixed work each time, far more in all.
fn sweep(ed: Ed, targets: Vec<(NodeId, Point)>) {
    request_animation_frame(move || {
        crate::ui::browser::measure_since("cstw-layout-first-frame", "cstw-layout-click");
        crate::ui::browser::timed("cstw-layout-apply", || {
            ed.edit(None, |m| m.move_nodes(&targets))
        });
        // The painting the edit asked for runs in the next frame; the fit in the one after
        // (unless the editor has closed meanwhile).
        request_animation_frame(move || {
            request_animation_frame(move || {
                if ed.map.try_with_untracked(|_| ()).is_some() {
                    ed.fit();
                }
            })
        });
    });
}

#[component]
pub(super) fn Layouts(ed: Ed) -> impl IntoView {
    let busy = Busy::new();
    // The map editor is open: have a worker ready for the first layout or analysis.
    crate::ui::jobs::warm();
    let problem = RwSignal::new(None::<String>);
    // Computed in the worker from a copy of the map; nothing changes until the result is back,
    // so Cancel leaves the map as it was. The result animates in and is one undo step.
    let run = move |which: Layout| {
        crate::ui::browser::mark("cstw-layout-click");
        problem.set(None);
        let metrics = ed.metrics.get_untracked();
        let focus = ed.selected.with_untracked(|s| s.iter().next().copied());
        // With its labels: the untangling after a layout keeps nodes off link labels and
        // sizes groups' frames from them.
        let Some((map, sizes)) = ed.with_untracked(|m| (m.clone(), sizes_of(&m.sizes(metrics))))
        else {
            return;
        };
        let job = Job::Layout {
            layout: which.kind(),
            map,
            sizes,
            focus,
            font: metrics.font,
        };
        let what = format!("{} layout\u{2026}", which.label());
        busy.start(what, job, Vec::new(), None, move |result| match result {
            Ok((Outcome::Placed { placed }, ms)) => {
                measure("cstw-layout", ms);
                if !placed.is_empty() {
                    animate(ed, placed);
                }
            }
            Err(Failure::Cancelled) => {}
            _ => problem.set(Some(
                "The layout could not be made. The map is unchanged.".into(),
            )),
        });
    };
    view! {
        <section class="panel" aria-labelledby="layout-h">
            <h3 id="layout-h">"Layout"</h3>
            <ul class="layouts">
                {Layout::ALL.into_iter().map(|l| view! {
                    <li><button type="button" on:click=move |_| run(l) disabled=move || ed.node_ids.with(Vec::is_empty) || busy.running()>{l.label()}</button>
                    " " <span class="hint">{l.help()}</span></li>
                }).collect_view()}
            </ul>
            <BusyView busy=busy />
            {move || problem.get().map(|p| view! { <p role="alert" class="notice warn">{p}</p> })}
            <p class="hint">"Every layout can be undone (Ctrl+Z)."</p>
        </section>
    }
}

/// The map an analysis job needs: everything but the text (labels), which it never reads.
fn bare(m: &ConceptMap) -> ConceptMap {
    let mut map = m.clone();
    for n in &mut map.nodes {
        n.label.clear();
    }
    for l in &mut map.links {
        l.label.clear();
    }
    map
}

/// What analysis depends on: nodes and links, not labels or places.
fn structure(m: &ConceptMap) -> (Vec<NodeId>, Vec<Link>) {
    let links = m
        .links
        .iter()
        .map(|l| Link {
            label: String::new(),
            ..l.clone()
        })
        .collect();
    (m.nodes.iter().map(|n| n.id).collect(), links)
}

/// How many ideas the lists of most links and of bridges show.
const TOP: usize = 5;

#[component]
pub(super) fn Analysis(ed: Ed) -> impl IntoView {
    let active = RwSignal::new(false);
    let shape = Memo::new(move |_| active.get().then(|| ed.with(structure)).flatten());
    let result = RwSignal::new(None::<Arc<(graph::Analysis, usize)>>);
    let problem = RwSignal::new(false);
    let busy = Busy::new();
    // Run in the worker whenever the structure changes (a newer run cancels an older one); the
    // last result stays shown until the next arrives.
    effect(move || {
        if shape.with(Option::is_none) {
            busy.cancel();
            result.set(None);
            return;
        }
        let Some(map) = ed.with_untracked(bare) else {
            return;
        };
        problem.set(false);
        let what = "Analysing the map\u{2026}".to_string();
        busy.start(
            what,
            Job::Analyse { map },
            Vec::new(),
            None,
            move |r| match r {
                Ok((
                    Outcome::Analysis {
                        analysis,
                        loops_found,
                        timings,
                    },
                    _,
                )) => {
                    // Under the names the benchmark reads (`cstw-betweenness`, `cstw-loops`).
                    for (name, ms) in timings {
                        measure(&name, ms);
                    }
                    result.set(Some(Arc::new((analysis, loops_found))));
                }
                Err(Failure::Cancelled) => {}
                _ => problem.set(true),
            },
        );
    });
    let show_halo = RwSignal::new(false);
    effect(move || {
        let halo = if show_halo.get() {
            result.with(|r| {
                r.as_ref()
                    .map(|r| {
                        r.0.betweenness
                            .iter()
                            .map(|c| (c.node, c.normalised))
                            .collect::<HashMap<_, _>>()
                    })
                    .unwrap_or_default()
            })
        } else {
            HashMap::new()
        };
        ed.halo.set(halo);
    });
    on_cleanup(move || {
        ed.halo.try_set(HashMap::new());
        ed.highlight.try_set(Highlight::default());
    });
    let name = move |id: NodeId| ed.with_untracked(|m| m.node_name(id)).unwrap_or_default();
    let trace = move |nodes: Vec<NodeId>, links: Vec<u32>| {
        ed.highlight.set(Highlight {
            nodes: nodes.into_iter().collect(),
            links: links.into_iter().collect(),
        });
    };
    view! {
        <section class="panel analysis" aria-labelledby="analysis-h">
            <h3 id="analysis-h">"Analysis"</h3>
            {move || if !active.get() {
                view! {
                    <p class="hint">"Which ideas hold the map together, what is cut off, and which loops feed themselves."</p>
                    <button type="button" on:click=move |_| active.set(true)>"Analyse the map"</button>
                }.into_any()
            } else {
                view! {
                    <div class="row">
                        <button type="button" on:click=move |_| { active.set(false); show_halo.set(false); ed.highlight.set(Highlight::default()); }>"Close analysis"</button>
                        <button type="button" on:click=move |_| ed.highlight.set(Highlight::default())
                            disabled=move || ed.highlight.with(|h| h.nodes.is_empty())>"Clear highlight"</button>
                    </div>
                    <BusyView busy=busy on_cancel=Callback::new(move |()| { active.set(false); show_halo.set(false); }) />
                    {move || problem.get().then(|| view! { <p role="alert" class="notice warn">"The analysis could not be made."</p> })}
                    {move || result.get().map(|r| {
                        let found = r.1;
                        let r = &r.0;
                        let isolated: Vec<String> = r.isolated.iter().map(|i| name(*i)).collect();
                        let central = r.most_central(TOP);
                        let busiest = r.busiest(TOP);
                        let loops = r.loops.loops.clone();
                        let truncated = r.loops.truncated;
                        let comps = r.components.len();
                        view! {
                            <h4>"Pieces"</h4>
                            <p>{if comps <= 1 { "All ideas are joined up.".to_string() } else { format!("{comps} separate pieces (largest: {} ideas).", r.components[0].len()) }}</p>
                            {(!isolated.is_empty()).then(|| view! {
                                <p>{format!("Not linked to anything ({}): {}", isolated.len(), isolated.join(", "))}</p>
                            })}
                            <h4>"Most links"</h4>
                            <table class="compact">
                                <thead><tr><th scope="col">"Idea"</th><th scope="col">"In"</th><th scope="col">"Out"</th><th scope="col">"Lines"</th></tr></thead>
                                <tbody>{busiest.into_iter().map(|d| view! {
                                    <tr><th scope="row">{name(d.node)}</th><td>{d.incoming}</td><td>{d.outgoing}</td><td>{d.undirected}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                            <h4>"Bridges between ideas (betweenness)"</h4>
                            {if central.is_empty() {
                                view! { <p>"No idea lies on a path between others."</p> }.into_any()
                            } else {
                                view! { <ol>{central.into_iter().map(|c| view! {
                                    <li>{format!("{} ({:.2})", name(c.node), c.normalised)}</li>
                                }).collect_view()}</ol> }.into_any()
                            }}
                            <label class="check"><input type="checkbox" prop:checked=move || show_halo.get()
                                on:change=move |e| show_halo.set(event_target_checked(&e)) />" Show as halos on the map"</label>
                            <h4>"Feedback loops"</h4>
                            {if loops.is_empty() {
                                view! { <p>"No loops: no chain of arrows comes back to where it started."</p> }.into_any()
                            } else {
                                view! {
                                    <p>{format!("{}{} loop{}.{}", if truncated { "More than " } else { "" }, found, if found == 1 { "" } else { "s" },
                                        if found > SHOWN_LOOPS { format!(" The {SHOWN_LOOPS} shortest:") } else { String::new() })}</p>
                                    <ol class="loops">{loops.into_iter().take(SHOWN_LOOPS).map(|l| {
                                        let text = l.nodes.iter().chain(l.nodes.first()).map(|n| name(*n)).collect::<Vec<_>>().join(" \u{2192} ");
                                        let kind = l.kind;
                                        let (nodes, links) = (l.nodes.clone(), l.links.clone());
                                        view! {
                                            <li class=match kind { LoopKind::Reinforcing => "reinforcing", LoopKind::Balancing => "balancing", LoopKind::Unknown => "unknown" }>
                                                <strong>{kind.label()}</strong>": " {text} " "
                                                <button type="button" on:click=move |_| trace(nodes.clone(), links.clone())>"Trace"</button>
                                            </li>
                                        }
                                    }).collect_view()}</ol>
                                }.into_any()
                            }}
                        }
                    })}
                    <Around ed=ed />
                    <PathFinder ed=ed />
                }.into_any()
            }}
        </section>
    }
}

/// The neighbourhood of the selected node, 1 to 3 steps out.
#[component]
fn Around(ed: Ed) -> impl IntoView {
    let steps = RwSignal::new(1usize);
    let focus = Memo::new(move |_| {
        ed.selected
            .with(|s| (s.len() == 1).then(|| *s.iter().next().expect("one")))
    });
    let found = RwSignal::new(None::<String>);
    let show = move || {
        let Some(f) = focus.get_untracked() else {
            return;
        };
        let near = ed
            .with_untracked(|m| graph::neighbourhood(m, f, steps.get_untracked()))
            .unwrap_or_default();
        let nodes: HashSet<NodeId> = near.iter().map(|(n, _)| *n).collect();
        let links = ed
            .with_untracked(|m| {
                m.links
                    .iter()
                    .filter(|l| nodes.contains(&l.from) && nodes.contains(&l.to))
                    .map(|l| l.id)
                    .collect()
            })
            .unwrap_or_default();
        found.set(Some(format!(
            "{} ideas within {} step{}.",
            nodes.len() - 1,
            steps.get_untracked(),
            if steps.get_untracked() == 1 { "" } else { "s" }
        )));
        ed.highlight.set(Highlight { nodes, links });
    };
    view! {
        <h4>"Neighbourhood"</h4>
        <div class="row">
            <label>"Steps "
                <select on:change=move |e| steps.set(event_target_value(&e).parse().unwrap_or(1))>
                    <option value="1">"1"</option><option value="2">"2"</option><option value="3">"3"</option>
                </select>
            </label>
            <button type="button" disabled=move || focus.get().is_none() on:click=move |_| show()>"Show around the selected idea"</button>
        </div>
        <p role="status">{move || found.get()}</p>
    }
}

/// The shortest path between two ideas.
#[component]
fn PathFinder(ed: Ed) -> impl IntoView {
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let follow = RwSignal::new(true);
    let message = RwSignal::new(None::<String>);
    let find = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let (Ok(a), Ok(b)) = (
            from.get_untracked().parse::<NodeId>(),
            to.get_untracked().parse::<NodeId>(),
        ) else {
            message.set(Some("Choose two ideas.".into()));
            return;
        };
        let path = ed
            .with_untracked(|m| graph::shortest_path(m, a, b, follow.get_untracked()))
            .flatten();
        match path {
            Some(p) => {
                let names: Vec<String> = p
                    .nodes
                    .iter()
                    .map(|n| ed.with_untracked(|m| m.node_name(*n)).unwrap_or_default())
                    .collect();
                message.set(Some(format!(
                    "{} step{}: {}",
                    p.links.len(),
                    if p.links.len() == 1 { "" } else { "s" },
                    names.join(" \u{2192} ")
                )));
                ed.highlight.set(Highlight {
                    nodes: p.nodes.into_iter().collect(),
                    links: p.links.into_iter().collect(),
                });
            }
            None => {
                message.set(Some(if follow.get_untracked() {
                    "No path along the arrows. Try again ignoring direction.".into()
                } else {
                    "These ideas are not connected.".into()
                }));
                ed.highlight.set(Highlight::default());
            }
        }
    };
    // The two lists hold every idea, so they are made only when asked for.
    let open = RwSignal::new(false);
    view! {
        <h4>"Shortest path"</h4>
        {move || if open.get() {
            view! {
                <form class="stack" on:submit=find>
                    {pick(ed, from, "From ")}
                    {pick(ed, to, "To ")}
                    <label class="check"><input type="checkbox" prop:checked=move || follow.get()
                        on:change=move |e| follow.set(event_target_checked(&e)) />" Follow the arrows"</label>
                    <button type="submit">"Find the path"</button>
                </form>
            }.into_any()
        } else {
            view! { <button type="button" on:click=move |_| open.set(true)>"Find a path between two ideas\u{2026}"</button> }.into_any()
        }}
        <p role="status">{move || message.get()}</p>
    }
}

/// One end of the shortest path: a list of every idea by name (a function, not a closure, so
/// that its view is compiled once for both ends).
fn pick(ed: Ed, end: RwSignal<String>, label: &'static str) -> impl IntoView {
    let options = move || {
        ed.with(|m| {
            let mut v: Vec<(String, NodeId)> =
                m.nodes.iter().map(|n| (m.node_name(n.id), n.id)).collect();
            crate::order::sort(&mut v);
            v
        })
        .unwrap_or_default()
    };
    view! {
        <label>{label}
            <select on:change=move |e| end.set(event_target_value(&e))>
                <option value="">"Choose\u{2026}"</option>
                {move || options().into_iter().map(|(n, i)| view! { <option value=i.to_string()>{n}</option> }).collect_view()}
            </select>
        </label>
    }
}
