//! Groups on the canvas as geometry and data (issue 22): every layout keeps a group's members
//! together (no node inside a frame it does not belong to, frames apart unless nested) in both
//! themes' box sizes and through the worker's layout job; an empty group has a frame of its own
//! that moves; links that end on a group are kept, drawn to its frame, skipped by the analysis,
//! and survive restore, renumbering and removal of the group.

use cstw_core::analysis::graph;
use cstw_core::analysis::group_layout::{GroupClash, group_clashes};
use cstw_core::analysis::layout::bench_map;
use cstw_core::analysis::placement::{self, Layout, clashes};
use cstw_core::jobs::{self, Job, LayoutKind, Outcome, sizes_of};
use cstw_core::model::map::{ConceptMap, Metrics, Point, Rect};

const BOTH: [Metrics; 2] = [Metrics::STANDARD, Metrics::PROJECTOR];

/// `n` generated nodes, every third one in one of `groups` groups scattered over the map (a
/// layout that ignored groups would leave strangers inside the frames), one nested group.
fn grouped(n: usize, groups: usize) -> ConceptMap {
    let mut m = bench_map(n);
    let ids: Vec<u32> = m.nodes.iter().map(|x| x.id).collect();
    let mut made = Vec::new();
    for g in 0..groups {
        let members: Vec<u32> = ids
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 == 0 && (i / 3) % groups == g)
            .map(|(_, id)| *id)
            .collect();
        made.push(m.add_group(&format!("Group number {g}"), &members));
    }
    // Half of the first group's members in a subgroup of it.
    let first: Vec<u32> = m.members(made[0]).into_iter().step_by(2).collect();
    let sub = m.add_group("Inner", &first);
    assert!(m.set_group_parent(sub, Some(made[0])));
    // An empty group, placed where nodes are.
    let empty = m.add_group("Nothing yet", &[]);
    m.edit_group(empty, |g| g.at = Some(Point::new(200.0, 100.0)));
    let ls: Vec<u32> = m.links.iter().map(|l| l.id).collect();
    for (i, l) in ls.into_iter().enumerate() {
        if i % 4 == 0 {
            m.edit_link(l, |l| l.label = "leads to".into());
        }
    }
    m
}

fn assert_groups_clear(m: &ConceptMap, metrics: Metrics, what: &str) {
    let found = group_clashes(m, metrics);
    assert!(
        found.is_empty(),
        "{what} at font {}: {found:?}",
        metrics.font
    );
    let nodes = clashes(m, metrics);
    assert!(
        nodes.is_empty(),
        "{what} at font {}: {nodes:?}",
        metrics.font
    );
}

#[test]
fn the_clash_check_finds_a_stranger_and_overlapping_frames() {
    let mut m = ConceptMap::new("m".into(), "t");
    let a = m.add_node("a", Point::new(0.0, 0.0), None);
    let b = m.add_node("b", Point::new(60.0, 0.0), None);
    let c = m.add_node("c", Point::new(30.0, 10.0), None);
    let g = m.add_group("G", &[a, b]);
    let found = group_clashes(&m, Metrics::STANDARD);
    assert!(
        found.contains(&GroupClash::Stranger { node: c, group: g }),
        "{found:?}"
    );
    let h = m.add_group("H", &[c]);
    let found = group_clashes(&m, Metrics::STANDARD);
    assert!(found.contains(&GroupClash::Frames(g, h)), "{found:?}");
}

#[test]
fn every_layout_keeps_groups_together_and_apart_in_both_themes() {
    for (n, groups) in [(12, 2), (40, 3), (90, 5)] {
        let m = grouped(n, groups);
        assert!(
            !group_clashes(&m, Metrics::STANDARD).is_empty(),
            "the generated map starts with strangers in its frames"
        );
        for metrics in BOTH {
            for which in Layout::ALL {
                let placed = placement::arrange(&m, metrics, which, None);
                assert_eq!(placed.len(), m.nodes.len());
                let mut after = m.clone();
                after.move_nodes(&placed);
                assert_groups_clear(&after, metrics, &format!("{which:?} on {n} nodes"));
                // Members stay members.
                for (x, y) in m.nodes.iter().zip(&after.nodes) {
                    assert_eq!(x.group, y.group);
                }
            }
        }
    }
}

#[test]
fn a_template_or_import_untangled_for_both_themes_keeps_its_frames_apart() {
    let mut m = grouped(40, 3);
    placement::untangle_map(&mut m);
    for metrics in BOTH {
        assert_groups_clear(&m, metrics, "untangle_map");
    }
}

#[test]
fn the_workers_layout_job_carries_the_groups_and_keeps_them() {
    let m = grouped(40, 3);
    for metrics in BOTH {
        let job = Job::Layout {
            layout: LayoutKind::Force,
            map: m.clone(),
            sizes: sizes_of(&m.sizes(metrics)),
            focus: None,
            font: metrics.font,
        };
        // Through the message, as the page sends it.
        let text = serde_json::to_string(&job).unwrap();
        let back: Job = serde_json::from_str(&text).unwrap();
        let Job::Layout { map, .. } = &back else {
            panic!("a layout job");
        };
        assert_eq!(map.groups, m.groups, "the groups go with the job");
        let out = jobs::run(back, Vec::new(), &mut |_| {}, &|| 0.0);
        let Outcome::Placed { placed } = out else {
            panic!("placed");
        };
        let mut after = m.clone();
        after.move_nodes(&placed);
        assert_groups_clear(&after, metrics, "the worker's force layout");
    }
}

#[test]
fn an_empty_group_has_a_frame_that_moves_and_a_node_put_in_fills_it() {
    let mut m = ConceptMap::new("m".into(), "t");
    let a = m.add_node("a", Point::new(0.0, 0.0), None);
    let g = m.add_group("Later", &[]);
    let mut notes = Vec::new();
    m.repair(&mut notes);
    assert!(notes.is_empty(), "{notes:?}");
    let at = m.group(g).unwrap().at.expect("an empty group gets a place");
    let f = m.group_frames(Metrics::STANDARD)[&g];
    assert!(f.contains(at) && f.w() >= 200.0 && f.h() >= 120.0, "{f:?}");
    assert!(
        !f.contains(Point::new(0.0, 0.0)),
        "placed beside the map, not on it"
    );
    m.move_group(g, 50.0, -20.0);
    let moved = m.group_frames(Metrics::STANDARD)[&g];
    assert_eq!((moved.x0, moved.y0), (f.x0 + 50.0, f.y0 - 20.0));
    // A node put in: the frame is now around it.
    m.set_node_group(a, Some(g));
    let around = m.group_frames(Metrics::STANDARD)[&g];
    assert!(around.contains(Point::new(0.0, 0.0)));
    // It leaves again: the frame stays where the node was.
    m.set_node_group(a, None);
    let left = m.group(g).unwrap().at.unwrap();
    assert_eq!((left.x, left.y), (0.0, 0.0));
    // Through save and restore.
    let text = serde_json::to_string(&m).unwrap();
    let back: ConceptMap = serde_json::from_str(&text).unwrap();
    assert_eq!(back.group(g).unwrap().at, m.group(g).unwrap().at);
}

#[test]
fn an_old_map_without_places_or_group_ends_loads_unchanged() {
    let text = r#"{"id":"m","title":"Old","nodes":[{"id":1,"label":"a","x":0,"y":0,"group":3},{"id":2,"label":"b","x":90,"y":0}],"links":[{"id":4,"from":1,"to":2}],"groups":[{"id":3,"name":"G"}],"next_id":5}"#;
    let mut m: ConceptMap = serde_json::from_str(text).unwrap();
    let mut notes = Vec::new();
    m.repair(&mut notes);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(
        m.group(3).unwrap().at,
        None,
        "a group with members needs no place"
    );
    assert_eq!(m.links.len(), 1);
}

#[test]
fn links_that_end_on_a_group_are_kept_drawn_to_its_frame_and_skipped_by_analysis() {
    let mut m = ConceptMap::new("m".into(), "t");
    let a = m.add_node("Funder", Point::new(0.0, 0.0), None);
    let b = m.add_node("Project", Point::new(400.0, 0.0), None);
    let c = m.add_node("Board", Point::new(400.0, 200.0), None);
    let g = m.add_group("Delivery", &[b, c]);
    let to_group = m.add_link(a, g).expect("a link may end on a group");
    assert_eq!(m.add_link(g, g), None, "not from a group to itself");
    m.add_link(b, c).unwrap();
    m.add_link(c, a).unwrap();
    // Restore keeps it.
    let mut notes = Vec::new();
    let mut back: ConceptMap = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
    back.repair(&mut notes);
    assert!(notes.is_empty(), "{notes:?}");
    assert!(back.link(to_group).is_some());
    // Drawn to the frame's edge: the end box is the frame.
    let frames = m.group_frames(Metrics::STANDARD);
    let (id, centre, size) = m.end_box(g, &frames, Metrics::STANDARD).unwrap();
    let f = frames[&g];
    assert_eq!(id, g);
    assert_eq!(Rect::around(centre, size), f);
    // Analysis skips the group end: b → c → a is no loop through the group, a has degree 1
    // (its link to c), and betweenness is as if the link to the group were not there.
    let degrees = graph::degrees(&m);
    let da = degrees.iter().find(|d| d.node == a).unwrap();
    assert_eq!(
        da.total(),
        1,
        "the link to the group is not counted on a node"
    );
    let loops = graph::feedback_loops(&m, 100);
    assert!(
        loops.loops.is_empty(),
        "a → group is no step in a loop: {loops:?}"
    );
    let mut without = m.clone();
    without.remove_link(to_group);
    assert_eq!(graph::betweenness(&m), graph::betweenness(&without));
    // Renumbering near the id ceiling keeps the end on the group.
    let mut big = m.clone();
    big.next_id = (1 << 30) + 5;
    big.repair(&mut Vec::new());
    let l = big
        .links
        .iter()
        .find(|l| big.is_group(l.to))
        .expect("still on a group");
    assert_eq!(big.group(l.to).unwrap().name, "Delivery");
    // Ungrouping removes what the link ended on, and so the link.
    m.remove_group(g, true);
    assert!(m.link(to_group).is_none());
    assert_eq!(m.links.len(), 2);
}

/// The links that end on a group, as (from, to) names: a group by "group NAME".
fn group_ends(m: &ConceptMap) -> Vec<(String, String, String)> {
    let name = |id: u32| match m.group(id) {
        Some(g) => format!("group {}", g.name),
        None => m.node_name(id),
    };
    let mut out: Vec<_> = m
        .links
        .iter()
        .filter(|l| m.is_group(l.from) || m.is_group(l.to))
        .map(|l| (name(l.from), name(l.to), l.label.clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn links_that_end_on_a_group_go_through_every_format_that_can_carry_them() {
    use cstw_core::export::map as ex;
    use cstw_core::import::map::import;
    let mut m = ConceptMap::new("m".into(), "Round trip");
    let a = m.add_node("Funder <& co>", Point::new(0.0, 0.0), None);
    let b = m.add_node("Project", Point::new(400.0, 0.0), None);
    let c = m.add_node("Board", Point::new(400.0, 200.0), None);
    let g = m.add_group("Delivery \"team\"", &[b, c]);
    let l = m.add_link(a, g).unwrap();
    m.edit_link(l, |l| l.label = "funds".into());
    let back = m.add_link(g, a).unwrap();
    m.edit_link(back, |l| l.label = "reports to".into());
    m.add_link(b, c).unwrap();
    let want = group_ends(&m);
    assert_eq!(want.len(), 2);
    for (name, text) in [
        ("map.graphml", ex::graphml::graphml(&m)),
        ("map.gexf", ex::gexf::gexf(&m)),
        ("map.dot", ex::dot::dot(&m)),
        ("map.mmd", ex::mermaid::mermaid(&m)),
        ("map.gml", ex::gml::gml(&m)),
        ("map.json", ex::json::json(&m)),
    ] {
        let i = import(&[(name.to_string(), text.clone().into_bytes())], "x".into())
            .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        assert_eq!(group_ends(&i.map), want, "{name}: {:?}\n{text}", i.notes);
        assert_eq!(i.map.links.len(), 3, "{name}");
    }
    // Kumu and the CSV tables have no groups: those links are left out, not pointed elsewhere.
    let kumu = ex::kumu::kumu(&m);
    let i = import(&[("map.json".into(), kumu.into_bytes())], "x".into()).unwrap();
    assert_eq!(i.map.links.len(), 1);
    assert_eq!(i.map.nodes.len(), 3);
}

#[test]
fn a_graphviz_compound_edge_ends_on_its_cluster() {
    use cstw_core::import::map::import;
    let text = "digraph { compound=true; subgraph cluster_team { label=\"Team\"; a; b; } c -> a [lhead=cluster_team, label=\"funds\"]; b -> c [ltail=cluster_team]; a -> b; }";
    let i = import(&[("g.dot".into(), text.as_bytes().to_vec())], "x".into()).unwrap();
    assert_eq!(
        group_ends(&i.map),
        vec![
            (
                "c".to_string(),
                "group Team".to_string(),
                "funds".to_string()
            ),
            ("group Team".to_string(), "c".to_string(), String::new()),
        ]
    );
    assert!(
        i.notes.iter().all(|n| !n.contains("left out")),
        "{:?}",
        i.notes
    );
}
