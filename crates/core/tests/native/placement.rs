//! Nothing lands on anything (issue 20): new nodes, templates and every layout leave no node
//! over another node or over a link label, in both themes' box sizes.

use cstw_core::analysis::labels;
use cstw_core::analysis::layout::bench_map;
use cstw_core::analysis::placement::{
    self, Clash, Layout, clashes, free_place, label_boxes, linked_place,
};
use cstw_core::content::example::example_workshop;
use cstw_core::content::map_templates::Template;
use cstw_core::model::map::{ConceptMap, Direction, Metrics, Point, Polarity, Rect};
use cstw_core::model::{Involvement, Workshop};

const BOTH: [Metrics; 2] = [Metrics::STANDARD, Metrics::PROJECTOR];

fn roster(n: usize) -> Workshop {
    let mut w = Workshop::new("w".into(), "A programme with a long name", 0.0);
    for i in 0..n {
        let inv = if i % 3 == 0 {
            Involvement::Affected
        } else {
            Involvement::Involved
        };
        w.add_stakeholder(
            format!("s{i}"),
            &format!("Stakeholder number {i} with a role"),
            "Group",
            inv,
        );
    }
    w
}

/// Links labelled like people label them, so label boxes are there to cover.
fn labelled(mut m: ConceptMap) -> ConceptMap {
    let ids: Vec<_> = m.links.iter().map(|l| l.id).collect();
    for (i, id) in ids.into_iter().enumerate() {
        m.edit_link(id, |l| {
            l.label = ["leads to", "reduces", "helps build trust in"][i % 3].into()
        });
    }
    m
}

fn assert_clear(m: &ConceptMap, metrics: Metrics, what: &str) {
    let found = clashes(m, metrics);
    assert!(
        found.is_empty(),
        "{what} at font {}: {found:?}",
        metrics.font
    );
}

#[test]
fn every_template_leaves_nothing_over_a_node_or_a_label_in_both_themes() {
    for n in [0, 3, 8, 20, 40] {
        let w = roster(n);
        for t in Template::ALL {
            let m = t.build("m".into(), &w.title, &w.roster);
            for metrics in BOTH {
                assert_clear(&m, metrics, &format!("{} with {n} on the roster", t.name()));
            }
        }
    }
}

#[test]
fn the_example_workshops_maps_are_clear_in_both_themes() {
    let w = example_workshop("w-example".into(), 0.0);
    for m in &w.maps {
        for metrics in BOTH {
            assert_clear(m, metrics, &m.title);
        }
    }
}

fn maps() -> Vec<(String, ConceptMap)> {
    let w = roster(12);
    let mut out = vec![
        ("bench 12".to_string(), labelled(bench_map(12))),
        ("bench 40".to_string(), labelled(bench_map(40))),
        ("bench 120".to_string(), labelled(bench_map(120))),
    ];
    for t in [Template::Vision, Template::Stakeholders, Template::Cycle] {
        out.push((
            t.name().to_string(),
            labelled(t.build("m".into(), &w.title, &w.roster)),
        ));
    }
    // A pile: every node on one spot, every link labelled.
    let mut pile = labelled(bench_map(25));
    let moves: Vec<_> = pile
        .nodes
        .iter()
        .map(|n| (n.id, Point::new(0.0, 0.0)))
        .collect();
    pile.move_nodes(&moves);
    out.push(("pile".to_string(), pile));
    out
}

#[test]
fn every_layout_leaves_nothing_over_a_node_or_a_label_in_both_themes() {
    for (name, m) in maps() {
        for metrics in BOTH {
            for which in Layout::ALL {
                let placed = placement::arrange(&m, metrics, which, None);
                assert_eq!(placed.len(), m.nodes.len());
                let mut after = m.clone();
                after.move_nodes(&placed);
                assert_clear(&after, metrics, &format!("{which:?} on {name}"));
            }
        }
    }
}

#[test]
fn tidy_moves_a_node_off_a_link_label_and_leaves_a_clear_map_alone() {
    let mut m = ConceptMap::new("m".into(), "t");
    let a = m.add_node("Link workers", Point::new(0.0, 0.0), None);
    let b = m.add_node("Voluntary groups", Point::new(600.0, 0.0), None);
    let l = m.add_link(a, b).unwrap();
    m.edit_link(l, |l| l.label = "refer people to".into());
    // N once dropped a node right on this label.
    let c = m.add_node("New idea", Point::new(300.0, 0.0), None);
    let metrics = Metrics::STANDARD;
    assert!(clashes(&m, metrics).contains(&Clash::OnLabel(c, l)));
    let placed = placement::arrange(&m, metrics, Layout::Tidy, None);
    let mut after = m.clone();
    after.move_nodes(&placed);
    assert_clear(&after, metrics, "tidy");
    // Tidy again: nothing moves.
    let again = placement::arrange(&after, metrics, Layout::Tidy, None);
    for ((_, p), n) in again.iter().zip(&after.nodes) {
        assert!((p.x - n.x).abs() < 1e-9 && (p.y - n.y).abs() < 1e-9);
    }
}

fn view_of(m: &ConceptMap, metrics: Metrics) -> Rect {
    let b = m.bounds(metrics).unwrap();
    Rect {
        x0: b.x0 - 200.0,
        y0: b.y0 - 150.0,
        x1: b.x1 + 200.0,
        y1: b.y1 + 150.0,
    }
}

fn inside(r: &Rect, v: &Rect) -> bool {
    r.x0 >= v.x0 && r.x1 <= v.x1 && r.y0 >= v.y0 && r.y1 <= v.y1
}

#[test]
fn new_nodes_go_to_free_places_in_view_in_both_themes() {
    for (name, m) in maps().into_iter().filter(|(n, _)| n != "pile") {
        for metrics in BOTH {
            let mut m = m.clone();
            let placed = placement::arrange(&m, metrics, Layout::Tidy, None);
            m.move_nodes(&placed);
            let view = view_of(&m, metrics);
            let centre = Point::new((view.x0 + view.x1) / 2.0, (view.y0 + view.y1) / 2.0);
            // Pressing N ten times in a row.
            for i in 0..10 {
                let size = placement::new_node_room(metrics);
                let at = free_place(&m, metrics, centre, size, Some(view));
                // Then typed: any label up to two lines fits the room it was given.
                let id = m.add_node("Second new idea, a longer one", at, None);
                assert_clear(&m, metrics, &format!("N number {i} on {name}"));
                let r = Rect::around(m.node(id).unwrap().at(), size);
                if i < 2 {
                    assert!(inside(&r, &view), "N number {i} on {name} left the view");
                }
            }
        }
    }
}

#[test]
fn a_linked_node_leaves_room_for_its_label_in_both_themes() {
    for (name, m) in maps().into_iter().filter(|(n, _)| n != "pile") {
        for metrics in BOTH {
            let mut m = m.clone();
            let placed = placement::arrange(&m, metrics, Layout::Tidy, None);
            m.move_nodes(&placed);
            let view = view_of(&m, metrics);
            let from = m.nodes[m.nodes.len() / 2].id;
            // Shift+N eight times from the same node, each new link then labelled.
            for i in 0..8 {
                let size = placement::new_node_room(metrics);
                let at = linked_place(&m, metrics, from, size, Some(view));
                let id = m.add_node("Linked idea typed in", at, None);
                let l = m.add_link(from, id).unwrap();
                m.edit_link(l, |l| l.label = "a label here".into());
                assert_clear(&m, metrics, &format!("Shift+N number {i} on {name}"));
                // The label stands clear of both boxes, between them.
                let (_, r) = label_boxes(&m, metrics)
                    .into_iter()
                    .find(|(x, _)| *x == l)
                    .unwrap();
                for end in [from, id] {
                    let n = m.node(end).unwrap();
                    assert!(!Rect::around(n.at(), metrics.node_size(&n.label)).overlaps(&r));
                }
            }
        }
    }
}

#[test]
fn a_new_node_on_an_empty_map_goes_where_it_was_asked() {
    let m = ConceptMap::new("m".into(), "t");
    let p = Point::new(40.0, 30.0);
    assert_eq!(
        free_place(
            &m,
            Metrics::STANDARD,
            p,
            Metrics::STANDARD.node_size("x"),
            None
        ),
        p
    );
}

/// Maps with parallel links between close nodes, as people draw them ("funds", "reports to",
/// "supports", "needs" between the same two boxes), at many angles and distances, with a hub
/// whose links fan out: deterministic, from a seed.
fn parallel_maps() -> Vec<(String, ConceptMap)> {
    const WORDS: [&str; 8] = [
        "funds",
        "reports to",
        "supports",
        "needs",
        "refers people to",
        "asks",
        "trusts",
        "is paid by",
    ];
    let mut out = Vec::new();
    for seed in 0..6u64 {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let mut m = ConceptMap::new(format!("p{seed}"), "Parallel");
        let hub = m.add_node("Commissioners", Point::new(0.0, 0.0), None);
        let pairs = 2 + seed as usize % 3;
        for k in 0..pairs {
            let angle = next(360) as f64 * std::f64::consts::PI / 180.0;
            let at = Point::new(
                300.0 * (k as f64 + 1.0) * angle.cos(),
                220.0 * (k as f64 + 1.0) * angle.sin(),
            );
            let a = m.add_node(&format!("Partner {k}"), at, None);
            // The second box close by, at any angle: 40 to 200 units away.
            let turn = next(360) as f64 * std::f64::consts::PI / 180.0;
            let gap = 40.0 + next(160) as f64;
            let b = m.add_node(
                &format!("Service {k} with a longer name"),
                Point::new(at.x + gap * turn.cos(), at.y + gap * turn.sin()),
                None,
            );
            for p in 0..(2 + next(4)) {
                let (from, to) = if p % 2 == 0 { (a, b) } else { (b, a) };
                let word = WORDS[next(WORDS.len() as u64) as usize];
                m.push_link(from, to, word.into(), Direction::Forward, Polarity::None)
                    .unwrap();
            }
            let l = m.add_link(hub, a).unwrap();
            m.edit_link(l, |l| l.label = WORDS[k % WORDS.len()].into());
        }
        out.push((format!("parallel {seed}"), m));
    }
    out
}

#[test]
fn no_link_label_lies_over_another_after_any_layout_or_untangle_in_both_themes() {
    for (name, m) in parallel_maps() {
        // As drawn, the parallel links' labels overlap: the maps test something.
        assert!(
            BOTH.iter().any(|s| clashes(&m, *s)
                .iter()
                .any(|c| matches!(c, Clash::Labels(..)))),
            "{name} starts with no label over a label"
        );
        for metrics in BOTH {
            for which in Layout::ALL {
                let placed = placement::arrange(&m, metrics, which, None);
                let mut after = m.clone();
                after.move_nodes(&placed);
                assert_clear(&after, metrics, &format!("{which:?} on {name}"));
            }
        }
        // An import or a template is untangled for both themes at once.
        let mut both = m.clone();
        placement::untangle_map(&mut both);
        for metrics in BOTH {
            assert_clear(&both, metrics, &format!("untangle_map on {name}"));
        }
    }
}

#[test]
fn new_nodes_beside_parallel_links_leave_every_label_clear_in_both_themes() {
    for (name, m) in parallel_maps() {
        for metrics in BOTH {
            let mut m = m.clone();
            let placed = placement::arrange(&m, metrics, Layout::Tidy, None);
            m.move_nodes(&placed);
            let view = view_of(&m, metrics);
            let centre = Point::new((view.x0 + view.x1) / 2.0, (view.y0 + view.y1) / 2.0);
            for i in 0..6 {
                let size = placement::new_node_room(metrics);
                let at = free_place(&m, metrics, centre, size, Some(view));
                m.add_node("Second new idea, a longer one", at, None);
                assert_clear(&m, metrics, &format!("N number {i} on {name}"));
                let from = m.nodes[1].id;
                let at = linked_place(&m, metrics, from, size, Some(view));
                let id = m.add_node("Linked idea typed in", at, None);
                let l = m.add_link(from, id).unwrap();
                m.edit_link(l, |l| l.label = "a label here".into());
                assert_clear(&m, metrics, &format!("Shift+N number {i} on {name}"));
            }
        }
    }
}

/// Lines through other links' labels, over both themes.
fn through(m: &ConceptMap) -> usize {
    BOTH.iter()
        .map(|s| labels::lines_through_labels_count(m, *s))
        .sum()
}

#[test]
fn untangling_takes_labels_off_other_links_lines() {
    // Generated maps (labelled bench maps, parallel links, the templates) and the example's
    // maps: untangled as before (no rounds against lines through labels) and as now.
    let w = example_workshop("w-example".into(), 0.0);
    let mut all = maps();
    all.extend(parallel_maps());
    all.extend(w.maps.iter().map(|m| (m.title.clone(), (**m).clone())));
    let (mut before, mut after) = (0, 0);
    for (name, m) in &all {
        let start: Vec<_> = m.nodes.iter().map(|n| (n.id, n.at())).collect();
        let mut old = start.clone();
        placement::untangle_with(m, &BOTH, &mut old, 0);
        let mut new = start.clone();
        placement::untangle(m, &BOTH, &mut new);
        let (mut a, mut b) = (m.clone(), m.clone());
        a.move_nodes(&old);
        b.move_nodes(&new);
        let (x, y) = (through(&a), through(&b));
        eprintln!("{name}: {x} lines through labels untangled as before, {y} now");
        assert!(y <= x, "{name}: {y} lines through labels, {x} before");
        for metrics in BOTH {
            assert_clear(&b, metrics, &format!("untangle on {name}"));
        }
        before += x;
        after += y;
    }
    eprintln!(
        "lines through labels over {} maps, both themes: {before} before, {after} now",
        all.len()
    );
    assert!(after < before, "{after} now, {before} before");
    // The example's maps as shipped (untangled when built).
    for m in &w.maps {
        eprintln!(
            "{}: {} lines through labels as shipped",
            m.title,
            through(m)
        );
    }
}
