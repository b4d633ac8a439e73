//! Groups and parallel links on the canvas: the shared reactive facts the drawing needs (each
//! link's lane among parallel links, every group's frame, the nodes a collapsed group hides),
//! the frames themselves, the curve a link is drawn on, and the group panel (make a group from
//! the selection, rename, recolour, select its members to move them as one, collapse, delete).
//! The canvas's own gestures stay in `canvas.rs`.

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use super::Ed;
use crate::model::map::{
    COLOURS, ConceptMap, Curve, GroupId, Lane, LinkId, Metrics, NodeId, Point, Rect, Size, curve,
};

/// Each link's lane (one pass over the links per change of the map).
pub(crate) fn lanes(map: Memo<Option<ConceptMap>>) -> Memo<HashMap<LinkId, Lane>> {
    Memo::new(move |_| map.with(|m| m.as_ref().map(ConceptMap::lanes).unwrap_or_default()))
}

/// Every group's frame (empty for a map without groups).
pub(crate) fn frames(
    map: Memo<Option<ConceptMap>>,
    metrics: Signal<Metrics>,
) -> Memo<HashMap<GroupId, Rect>> {
    Memo::new(move |_| {
        let metrics = metrics.get();
        map.with(|m| match m {
            Some(m) if !m.groups.is_empty() => m.group_frames(metrics),
            _ => HashMap::new(),
        })
    })
}

/// The nodes hidden in a collapsed group, with that group.
pub(crate) fn hidden(map: Memo<Option<ConceptMap>>) -> Memo<HashMap<NodeId, GroupId>> {
    Memo::new(move |_| {
        map.with(|m| match m {
            Some(m) if m.groups.iter().any(|g| g.collapsed) => m
                .nodes
                .iter()
                .filter_map(|n| m.hidden_in(n.id).map(|g| (n.id, g)))
                .collect(),
            _ => HashMap::new(),
        })
    })
}

/// The curve of link `id` from node `from` (at `a`, size `sa`) to `to`: in its lane, ending on
/// a collapsed group's box when an end is hidden in one; `None` when both ends are hidden in the
/// same group.
#[allow(clippy::too_many_arguments)]
pub(crate) fn link_curve(
    ed: Ed,
    id: LinkId,
    (from, to): (NodeId, NodeId),
    a: Point,
    sa: Size,
    b: Point,
    sb: Size,
) -> Option<Curve> {
    let lane = ed
        .lanes
        .with(|l| l.get(&id).copied())
        .unwrap_or(Lane::SINGLE);
    let (ha, hb) = ed
        .hidden
        .with(|h| (h.get(&from).copied(), h.get(&to).copied()));
    if ha.is_some() && ha == hb {
        return None;
    }
    let boxed = |g: Option<GroupId>, p: Point, s: Size| {
        g.and_then(|g| ed.frames.with(|f| f.get(&g).copied()))
            .map_or((p, s), |r| {
                (
                    Point::new((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0),
                    Size { w: r.w(), h: r.h() },
                )
            })
    };
    let (a, sa) = boxed(ha, a, sa);
    let (b, sb) = boxed(hb, b, sb);
    Some(curve(a, sa, b, sb, (from, to), lane))
}

/// The frames of every group, outer ones first, behind the links and nodes.
#[component]
pub(crate) fn GroupFrames(ed: Ed) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        let frames = ed.frames.get();
        ed.with(|m| {
            let mut out: Vec<(usize, GroupId, String, &'static str, bool, Rect)> = m
                .groups
                .iter()
                .filter_map(|g| {
                    frames.get(&g.id).map(|r| {
                        (
                            m.depth(g.id),
                            g.id,
                            g.display_name(),
                            g.colour_name(),
                            g.collapsed,
                            *r,
                        )
                    })
                })
                .collect();
            out.sort_by_key(|x| (x.0, x.1));
            out
        })
        .unwrap_or_default()
    });
    view! {
        <g class="groups">
            {move || drawn.get().into_iter().map(|(_, id, name, colour, collapsed, r)| {
                let class = format!("group c-{colour}{}", if collapsed { " collapsed" } else { "" });
                let ty = if collapsed { (r.y0 + r.y1) / 2.0 + 5.0 } else { r.y0 + 19.0 };
                view! {
                    <g class=class data-group=id>
                        <title>{format!("Group {name}{}", if collapsed { " (collapsed)" } else { "" })}</title>
                        <rect x=r.x0 y=r.y0 width=r.w() height=r.h() rx="14"></rect>
                        <text class="group-name" x=r.x0 + 12.0 y=ty>{name}</text>
                    </g>
                }
            }).collect_view()}
        </g>
    }
}

/// The groups of the map, made and changed from here by keyboard or pointer.
#[component]
pub(crate) fn GroupPanel(ed: Ed) -> impl IntoView {
    let groups = Memo::new(move |_| {
        ed.with(|m| {
            m.groups
                .iter()
                .map(|g| {
                    (
                        g.id,
                        g.name.clone(),
                        g.colour,
                        g.collapsed,
                        m.depth(g.id),
                        m.members(g.id).len(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let make = move |_| {
        let members: Vec<NodeId> = ed.selected.get_untracked().into_iter().collect();
        if members.is_empty() {
            return;
        }
        ed.edit(None, |m| {
            let n = m.groups.len() + 1;
            m.add_group(&format!("Group {n}"), &members)
        });
    };
    let select = move |id: GroupId| {
        let members: BTreeSet<NodeId> = ed
            .with_untracked(|m| m.members(id).into_iter().collect())
            .unwrap_or_default();
        ed.selected.set(members);
    };
    view! {
        <details class="group-panel" open=move || !groups.with(Vec::is_empty)>
            <summary>{move || format!("Groups ({})", groups.with(Vec::len))}</summary>
            <p class="hint">"Select nodes (Shift+drag or Shift+click), then group them. Select a group's members to move them as one (drag, or the arrow keys)."</p>
            <button type="button" class="make-group" on:click=make
                disabled=move || ed.selected.with(BTreeSet::is_empty)>"Group the selected nodes"</button>
            <ul class="groups-list">
                <For each=move || groups.get() key=|g| g.clone() children=move |(id, name, colour, collapsed, depth, count)| {
                    let label = format!("Name of group {id}");
                    view! {
                        <li class="group-row" data-depth=depth>
                            <input type="text" class="group-name-field" aria-label=label value=name.clone()
                                on:change=move |e| {
                                    let v = event_target_value(&e);
                                    ed.edit(None, |m| m.edit_group(id, |g| g.name = v));
                                } />
                            <select aria-label=format!("Colour of {name}") on:change=move |e| {
                                let v: u8 = event_target_value(&e).parse().unwrap_or(0);
                                ed.edit(None, |m| m.edit_group(id, |g| g.colour = v));
                            }>
                                {COLOURS.iter().enumerate().map(|(i, c)| view! {
                                    <option value=i selected=i == colour as usize>{*c}</option>
                                }).collect_view()}
                            </select>
                            <span class="count">{format!("{count} node{}", if count == 1 { "" } else { "s" })}</span>
                            <button type="button" on:click=move |_| select(id)>"Select members"</button>
                            <button type="button" aria-pressed=collapsed.to_string() on:click=move |_| {
                                ed.edit(None, |m| m.edit_group(id, |g| g.collapsed = !g.collapsed));
                            }>{if collapsed { "Expand" } else { "Collapse" }}</button>
                            <button type="button" on:click=move |_| { ed.edit(None, |m| m.remove_group(id, true)); }>"Ungroup"</button>
                            <button type="button" class="danger" on:click=move |_| {
                                ed.edit(None, |m| m.remove_group(id, false));
                            }>"Delete with nodes"</button>
                        </li>
                    }
                } />
            </ul>
        </details>
    }
}
