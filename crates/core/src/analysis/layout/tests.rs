//! The layouts' tests: no overlaps, determinism, each layout's shape.
use super::*;
use crate::model::map::Metrics;

fn linked(nodes: usize, links: &[(usize, usize)]) -> ConceptMap {
    let mut m = ConceptMap::new("m".into(), "t");
    let ids: Vec<_> = (0..nodes)
        .map(|i| m.add_node(&format!("Idea {i}"), Point::new(i as f64 * 7.0, 0.0), None))
        .collect();
    for (a, b) in links {
        m.add_link(ids[*a], ids[*b]);
    }
    m
}

fn check(m: &ConceptMap, out: &Placed) {
    let sizes = m.sizes(Metrics::STANDARD);
    assert_eq!(out.len(), m.nodes.len());
    assert!(out.iter().all(|(_, p)| p.x.is_finite() && p.y.is_finite()));
    assert!(no_overlaps(out, &sizes));
}

#[test]
fn every_layout_is_deterministic_and_leaves_no_overlaps() {
    let m = bench_map(120);
    let sizes = m.sizes(Metrics::STANDARD);
    let focus = m.nodes[0].id;
    for run in [
        |m: &ConceptMap, s: &[Size], _f| tidy(m, s),
        |m: &ConceptMap, s: &[Size], _f| force(m, s),
        |m: &ConceptMap, s: &[Size], _f| layered(m, s),
        |m: &ConceptMap, s: &[Size], f| radial(m, s, f),
    ] {
        let a = run(&m, &sizes, focus);
        let b = run(&m, &sizes, focus);
        assert_eq!(a, b);
        check(&m, &a);
    }
}

#[test]
fn tidy_parts_a_pile_and_leaves_a_tidy_map_alone() {
    let mut m = linked(200, &[]);
    for n in &mut m.nodes {
        n.x = 0.0;
    }
    let sizes = m.sizes(Metrics::STANDARD);
    let out = tidy(&m, &sizes);
    check(&m, &out);
    let mut apart = m.clone();
    apart.move_nodes(&out);
    assert_eq!(tidy(&apart, &sizes), out, "a tidy map stays as it is");
    // A node far away from the pile never moves.
    let far = apart.add_node("far", Point::new(50_000.0, 0.0), None);
    m.nodes.push(apart.node(far).unwrap().clone());
    let sizes = m.sizes(Metrics::STANDARD);
    let out = tidy(&m, &sizes);
    assert_eq!(out.last().unwrap().1, Point::new(50_000.0, 0.0));
}

#[test]
fn radial_keeps_the_focus_and_puts_rings_in_order() {
    // 0 in the middle; 1, 2, 3 next to it; 4 and 5 two steps away; 6 unreachable.
    let m = linked(7, &[(0, 1), (0, 2), (3, 0), (1, 4), (2, 5)]);
    let sizes = m.sizes(Metrics::STANDARD);
    let out = radial(&m, &sizes, m.nodes[0].id);
    check(&m, &out);
    let centre = m.nodes[0].at();
    assert_eq!(out[0].1, centre);
    let d = |i: usize| (out[i].1.x - centre.x).hypot(out[i].1.y - centre.y);
    assert!((d(1) - d(2)).abs() < 1e-6 && (d(1) - d(3)).abs() < 1e-6);
    assert!(d(4) > d(1) + 1.0 && d(5) > d(1) + 1.0);
    assert!(d(6) > d(4));
}

#[test]
fn layered_points_arrows_downwards_and_survives_cycles() {
    let m = linked(3, &[(0, 1), (1, 2), (0, 2)]);
    let out = layered(&m, &m.sizes(Metrics::STANDARD));
    check(&m, &out);
    assert!(out[0].1.y < out[1].1.y && out[1].1.y < out[2].1.y);
    let cycle = linked(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
    check(&cycle, &layered(&cycle, &cycle.sizes(Metrics::STANDARD)));
}

#[test]
fn force_pulls_linked_nodes_together() {
    let m = bench_map(60);
    let sizes = m.sizes(Metrics::STANDARD);
    let out = force(&m, &sizes);
    check(&m, &out);
    let at = |id: NodeId| out[m.node_index(id).unwrap()].1;
    let dist = |a: NodeId, b: NodeId| (at(a).x - at(b).x).hypot(at(a).y - at(b).y);
    let linked: f64 =
        m.links.iter().map(|l| dist(l.from, l.to)).sum::<f64>() / m.links.len() as f64;
    let mut all = 0.0;
    let mut pairs = 0.0;
    for a in &m.nodes {
        for b in &m.nodes {
            if a.id < b.id {
                all += dist(a.id, b.id);
                pairs += 1.0;
            }
        }
    }
    assert!(linked < all / pairs, "{linked} vs {}", all / pairs);
}

#[test]
fn small_and_degenerate_maps_give_finite_places() {
    for n in 0..4 {
        let mut m = linked(n, &[]);
        for node in &mut m.nodes {
            node.x = 5.0;
            node.y = 5.0;
        }
        if n >= 2 {
            let (a, b) = (m.nodes[0].id, m.nodes[1].id);
            m.add_link(a, b);
        }
        let sizes = m.sizes(Metrics::STANDARD);
        check(&m, &force(&m, &sizes));
        check(&m, &layered(&m, &sizes));
        check(&m, &tidy(&m, &sizes));
        if let Some(f) = m.nodes.first() {
            check(&m, &radial(&m, &sizes, f.id));
        }
    }
}

#[test]
fn ring_starts_at_the_top() {
    let r = ring(4, Point::new(0.0, 0.0), 10.0);
    assert_eq!(r.len(), 4);
    assert!((r[0].x).abs() < 1e-9 && (r[0].y + 10.0).abs() < 1e-9);
    assert!(r[1].x > 9.9, "clockwise on screen: right after top");
}
