//! Groups and parallel links on the canvas: the shared reactive facts the drawing needs (each
//! link's lane among parallel links, every group's frame, the nodes a collapsed group hides),
//! the frames themselves, the curve a link is drawn on, and the group panel (make a group from
//! the selection, rename, recolour, select its members to move them as one, collapse, delete).
//! Dragging a frame is the gesture machine's (`gestures.rs`).

use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;

use super::Ed;
use crate::model::Shared;
use crate::model::map::{
    ConceptMap, Curve, GroupId, Lane, LinkId, Metrics, NodeId, Point, Rect, Size, curve,
};

/// Each link's lane (one pass over the links per change of the map).
pub(crate) fn lanes(map: Memo<Option<Shared<ConceptMap>>>) -> Memo<HashMap<LinkId, Lane>> {
    Memo::new(move |_| map.with(|m| m.as_ref().map(|m| m.lanes()).unwrap_or_default()))
}

/// Every group's frame (empty for a map without groups); while a frame is dragged
/// (`dragged`: the group and how far), it and the frames inside it are drawn that far along.
pub(crate) fn frames(
    map: Memo<Option<Shared<ConceptMap>>>,
    metrics: Signal<Metrics>,
    dragged: RwSignal<Option<(GroupId, f64, f64)>>,
) -> Memo<HashMap<GroupId, Rect>> {
    Memo::new(move |_| {
        let metrics = metrics.get();
        let drag = dragged.get();
        map.with(|m| match m {
            Some(m) if !m.groups.is_empty() => {
                let mut frames = m.group_frames(metrics);
                if let Some((g, dx, dy)) = drag {
                    for id in m.subgroups(g) {
                        if let Some(r) = frames.get_mut(&id) {
                            *r = Rect {
                                x0: r.x0 + dx,
                                y0: r.y0 + dy,
                                x1: r.x1 + dx,
                                y1: r.y1 + dy,
                            };
                        }
                    }
                }
                frames
            }
            _ => HashMap::new(),
        })
    })
}

/// The innermost open group whose frame holds `p` (where a node dropped there goes).
pub(crate) fn frame_at(ed: Ed, p: Point) -> Option<GroupId> {
    let frames = ed.frames.get_untracked();
    ed.with_untracked(|m| {
        frames
            .iter()
            .filter(|(g, r)| r.contains(p) && m.group(**g).is_some_and(|g| !g.collapsed))
            .max_by_key(|(g, _)| (m.depth(**g), **g))
            .map(|(g, _)| *g)
    })
    .flatten()
}

/// The nodes hidden in a collapsed group, with that group.
pub(crate) fn hidden(map: Memo<Option<Shared<ConceptMap>>>) -> Memo<HashMap<NodeId, GroupId>> {
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

/// What a link's curve depends on besides its ends: read once for a whole drawing of the map
/// (`draw.rs`), or reactively for one link (`link_curve`).
pub(crate) struct Around<'a> {
    pub lanes: &'a HashMap<LinkId, Lane>,
    pub hidden: &'a HashMap<NodeId, GroupId>,
    pub frames: &'a HashMap<GroupId, Rect>,
    pub map: Option<&'a ConceptMap>,
}

/// The curve of link `id` from node `from` (at `a`, size `sa`) to `to`: in its lane, ending on
/// a collapsed group's box when an end is hidden in one; `None` when both ends are hidden in the
/// same group.
#[allow(clippy::too_many_arguments)]
pub(crate) fn link_curve(
    ed: Ed,
    id: LinkId,
    ends: (NodeId, NodeId),
    a: Point,
    sa: Size,
    b: Point,
    sb: Size,
) -> Option<Curve> {
    ed.lanes.with(|lanes| {
        ed.hidden.with(|hidden| {
            ed.frames.with(|frames| {
                ed.map.with_untracked(|m| {
                    let around = Around {
                        lanes,
                        hidden,
                        frames,
                        map: m.as_deref(),
                    };
                    curve_in(&around, id, ends, (a, sa), (b, sb))
                })
            })
        })
    })
}

/// The drawn link nearest `p` within `within` (map units), for a click beside a thin line.
pub(crate) fn link_near(ed: Ed, p: Point, within: f64) -> Option<LinkId> {
    let ids = ed.link_ids.get_untracked();
    ed.lanes.with_untracked(|lanes| {
        ed.hidden.with_untracked(|hidden| {
            ed.frames.with_untracked(|frames| {
                ed.map.with_untracked(|m| {
                    let around = Around {
                        lanes,
                        hidden,
                        frames,
                        map: m.as_deref(),
                    };
                    let mut best: Option<(f64, LinkId)> = None;
                    for id in ids {
                        let (from, to) = ed.live_link(id).with_untracked(|l| (l.from, l.to));
                        let end = |n: NodeId| {
                            let l = ed.live(n);
                            (l.pos.get_untracked(), l.size.get_untracked())
                        };
                        let Some(k) = curve_in(&around, id, (from, to), end(from), end(to)) else {
                            continue;
                        };
                        let d = distance_to(&k, p);
                        if d <= within && best.is_none_or(|(b, _)| d < b) {
                            best = Some((d, id));
                        }
                    }
                    best.map(|(_, id)| id)
                })
            })
        })
    })
}

/// How far `p` is from a curve (measured along 24 straight pieces of it).
fn distance_to(k: &Curve, p: Point) -> f64 {
    let at = |t: f64| {
        let u = 1.0 - t;
        Point::new(
            u * u * k.p.x + 2.0 * u * t * k.c.x + t * t * k.q.x,
            u * u * k.p.y + 2.0 * u * t * k.c.y + t * t * k.q.y,
        )
    };
    // Far from the curve's box: no need to walk it.
    let (x0, x1) = (k.p.x.min(k.c.x).min(k.q.x), k.p.x.max(k.c.x).max(k.q.x));
    let (y0, y1) = (k.p.y.min(k.c.y).min(k.q.y), k.p.y.max(k.c.y).max(k.q.y));
    let out = (x0 - p.x)
        .max(p.x - x1)
        .max(0.0)
        .hypot((y0 - p.y).max(p.y - y1).max(0.0));
    if out > 50.0 {
        return out;
    }
    let mut best = f64::INFINITY;
    let mut a = at(0.0);
    for i in 1..=24 {
        let b = at(f64::from(i) / 24.0);
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let len2 = dx * dx + dy * dy;
        let t = if len2 > 0.0 {
            (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        best = best.min((a.x + t * dx - p.x).hypot(a.y + t * dy - p.y));
        a = b;
    }
    best
}

/// [`link_curve`] from facts already read.
pub(crate) fn curve_in(
    c: &Around,
    id: LinkId,
    (from, to): (NodeId, NodeId),
    (a, sa): (Point, Size),
    (b, sb): (Point, Size),
) -> Option<Curve> {
    let lane = c.lanes.get(&id).copied().unwrap_or(Lane::SINGLE);
    // An end on a group is drawn to its frame (or the collapsed group's it sits in).
    let group_end = |id: NodeId| {
        c.map
            .and_then(|m| m.is_group(id).then(|| m.shown_group(id)))
    };
    let ha = c.hidden.get(&from).copied().or_else(|| group_end(from));
    let hb = c.hidden.get(&to).copied().or_else(|| group_end(to));
    if ha.is_some() && ha == hb {
        return None;
    }
    if [ha, hb].iter().flatten().any(|g| !c.frames.contains_key(g)) {
        return None;
    }
    let boxed = |g: Option<GroupId>, p: Point, s: Size| {
        g.and_then(|g| c.frames.get(&g).copied())
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

/// Sorts `v` by `key`, stably, by insertion: a map has few groups, and each use of the
/// standard sort with its own key is ~5 KB of wasm.
fn sort_few<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
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
            sort_few(&mut out, |x| (x.0, x.1));
            out
        })
        .unwrap_or_default()
    });
    // Keyed by group, so a frame keeps its element (and the keyboard focus) as it moves.
    let ids = Memo::new(move |_| drawn.with(|d| d.iter().map(|x| x.1).collect::<Vec<_>>()));
    view! {
        <g class="groups">
            {crate::ui::lean::keyed(ids, move |id| {
                let one = Memo::new(move |_| drawn.with(|d| d.iter().find(|x| x.1 == id).cloned()));
                let collapsed = move || one.with(|x| x.as_ref().is_some_and(|x| x.4));
                let name = move || one.with(|x| x.as_ref().map(|x| x.2.clone())).unwrap_or_default();
                // One closure draws the frame's parts: a change updates their attributes in
                // place (the same elements), as a closure an attribute would, in less code.
                let parts = move || {
                    let (r, collapsed) = one.with(|x| x.as_ref().map(|x| (x.5, x.4)))
                        .unwrap_or((Rect { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0 }, false));
                    let ty = if collapsed { (r.y0 + r.y1) / 2.0 + 5.0 } else { r.y0 + 19.0 };
                    let title_h = if collapsed { r.h() } else { 30.0 };
                    view! {
                        <rect class="frame" x=r.x0 y=r.y0 width=r.w() height=r.h() rx="14"></rect>
                        <rect class="frame-edge" data-frame=id x=r.x0 y=r.y0 width=r.w() height=r.h() rx="14"></rect>
                        <rect class="frame-title" data-frame=id x=r.x0 y=r.y0 width=r.w() height=title_h rx="14"></rect>
                        <text class="group-name" data-frame=id x=r.x0 + 12.0 y=ty>{name()}</text>
                    }
                };
                // The frame is grabbed by its edge and its title band (`data-frame`); a press
                // inside it falls through to the map (pan, select, drop a node into it).
                view! {
                    <g class=move || one.with(|x| x.as_ref().map(|x| format!("group c-{}{}", x.3, if x.4 { " collapsed" } else { "" }))).unwrap_or_default()
                        data-group=id tabindex="0" role="button"
                        aria-label=move || format!("Group {}{}: drag its edge or title to move it; arrow keys move it", name(), if collapsed() { " (collapsed)" } else { "" })>
                        {move || parts()}
                    </g>
                }.into_any()
            })}
        </g>
    }
}

/// The open group whose title band holds `p` (a link dropped there ends on the group).
pub(crate) fn title_at(ed: Ed, p: Point) -> Option<GroupId> {
    let g = frame_at(ed, p)?;
    let r = ed.frames.with_untracked(|f| f.get(&g).copied())?;
    (p.y <= r.y0 + 30.0).then_some(g)
}

/// Moves a group by an arrow key (a held key is one undo step, as for nodes).
pub(crate) fn nudge_group(ed: Ed, g: GroupId, dx: f64, dy: f64) {
    ed.edit(Some(&format!("map:nudge-group:{g}")), |m| {
        m.move_group(g, dx, dy)
    });
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
    // An empty group, in the middle of the view: a frame to drop nodes into.
    let make_empty = move |_| {
        let at = ed.centre();
        ed.edit(None, |m| {
            let n = m.groups.len() + 1;
            let g = m.add_group(&format!("Group {n}"), &[]);
            m.edit_group(g, |x| x.at = Some(at));
        });
    };
    // The selected nodes into a group (or out of every group), one undo step.
    let put = move |e: leptos::ev::Event| {
        let v = event_target_value(&e);
        let target: Option<GroupId> = v.parse().ok();
        let nodes: Vec<NodeId> = ed.selected.get_untracked().into_iter().collect();
        if v.is_empty() || nodes.is_empty() {
            return;
        }
        ed.edit(None, |m| {
            for n in &nodes {
                m.set_node_group(*n, target);
            }
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
            " "
            <button type="button" class="make-empty-group" on:click=make_empty>"New empty group"</button>
            <label class="put-in" hidden=move || groups.with(Vec::is_empty)>
                "Put the selected nodes in "
                <select on:change=put prop:value="" disabled=move || ed.selected.with(BTreeSet::is_empty)>
                    <option value="">"\u{2014} choose \u{2014}"</option>
                    <option value="none">"no group"</option>
                    {move || groups.get().into_iter().map(|(id, name, ..)| {
                        let name = if name.trim().is_empty() { "(unnamed group)".to_string() } else { name };
                        view! { <option value=id.to_string()>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
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
                                {super::inspect::colour_options(Some(colour as usize))}
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
