//! Graph measures' tests: degrees, betweenness, components, cycles, on hand-worked maps.
use super::*;
use crate::model::map::Point;

/// A map with nodes named by letters and links `"ab"` (a → b).
fn map(nodes: &str, links: &[&str]) -> (ConceptMap, Vec<NodeId>) {
    let mut m = ConceptMap::new("m".into(), "t");
    let ids: Vec<NodeId> = nodes
        .chars()
        .map(|c| m.add_node(&c.to_string(), Point::default(), None))
        .collect();
    let at = |c: char| ids[nodes.find(c).expect("a node")];
    for l in links {
        let mut cs = l.chars();
        let (a, b) = (cs.next().unwrap(), cs.next().unwrap());
        m.add_link(at(a), at(b)).expect("a new link");
    }
    (m, ids)
}

fn set(m: &mut ConceptMap, i: usize, f: impl FnOnce(&mut crate::model::map::Link)) {
    let id = m.links[i].id;
    m.edit_link(id, f);
}

#[test]
fn degrees_count_each_kind_of_link() {
    let (mut m, ids) = map("abc", &["ab", "bc", "ca"]);
    set(&mut m, 1, |l| l.direction = Direction::Both);
    set(&mut m, 2, |l| l.direction = Direction::None);
    let d = degrees(&m);
    // a: out to b, line with c. b: in from a, both with c. c: both with b, line with a.
    assert_eq!((d[0].incoming, d[0].outgoing, d[0].undirected), (0, 1, 1));
    assert_eq!((d[1].incoming, d[1].outgoing, d[1].undirected), (2, 1, 0));
    assert_eq!((d[2].incoming, d[2].outgoing, d[2].undirected), (1, 1, 1));
    assert_eq!(d[0].node, ids[0]);
}

#[test]
fn betweenness_of_a_path_and_a_star() {
    // a → b → c: only the pair (a, c) passes through b. Raw 1, normalised 1 / (2 × 1).
    let (m, _) = map("abc", &["ab", "bc"]);
    let b = betweenness(&m);
    assert_eq!(b[1].raw, 1.0);
    assert_eq!(b[1].normalised, 0.5);
    assert_eq!((b[0].raw, b[2].raw), (0.0, 0.0));
    // Star with plain lines around h: every ordered pair of the 4 leaves passes through h,
    // 4 × 3 = 12 pairs; normalised 12 / (4 × 3) = 1.
    let (mut m, _) = map("habcd", &["ha", "hb", "hc", "hd"]);
    for i in 0..4 {
        set(&mut m, i, |l| l.direction = Direction::None);
    }
    let b = betweenness(&m);
    assert_eq!(b[0].raw, 12.0);
    assert!((b[0].normalised - 1.0).abs() < 1e-12);
}

#[test]
fn two_shortest_paths_share_the_load() {
    // s → a → t and s → b → t: a and b each carry half of the one pair (s, t).
    let (m, _) = map("sabt", &["sa", "sb", "at", "bt"]);
    let b = betweenness(&m);
    assert_eq!((b[1].raw, b[2].raw), (0.5, 0.5));
    assert_eq!((b[0].raw, b[3].raw), (0.0, 0.0));
}

#[test]
fn components_and_isolated_nodes() {
    let (m, ids) = map("abcdef", &["ab", "bc", "de"]);
    assert_eq!(isolated(&m), vec![ids[5]]);
    assert_eq!(
        components(&m),
        vec![
            vec![ids[0], ids[1], ids[2]],
            vec![ids[3], ids[4]],
            vec![ids[5]]
        ]
    );
}

#[test]
fn loops_are_reinforcing_balancing_or_unknown() {
    let (mut m, ids) = map("abc", &["ab", "bc", "ca"]);
    for i in 0..3 {
        set(&mut m, i, |l| l.polarity = Polarity::Positive);
    }
    set(&mut m, 0, |l| l.polarity = Polarity::Negative);
    let l = feedback_loops(&m, 10);
    assert_eq!(l.loops.len(), 1);
    assert_eq!(l.loops[0].nodes, ids);
    assert_eq!(l.loops[0].kind, LoopKind::Balancing);
    assert_eq!(
        l.loops[0].links,
        m.links.iter().map(|l| l.id).collect::<Vec<_>>()
    );
    set(&mut m, 1, |l| l.polarity = Polarity::Negative);
    assert_eq!(feedback_loops(&m, 10).loops[0].kind, LoopKind::Reinforcing);
    set(&mut m, 2, |l| l.polarity = Polarity::None);
    assert_eq!(feedback_loops(&m, 10).loops[0].kind, LoopKind::Unknown);
}

#[test]
fn two_way_links_loop_and_plain_lines_do_not() {
    let (mut m, _) = map("ab", &["ab"]);
    set(&mut m, 0, |l| l.direction = Direction::Both);
    let l = feedback_loops(&m, 10);
    assert_eq!(l.loops.len(), 1);
    assert_eq!(l.loops[0].nodes.len(), 2);
    set(&mut m, 0, |l| l.direction = Direction::None);
    assert!(feedback_loops(&m, 10).loops.is_empty());
}

#[test]
fn loops_sharing_a_node_are_both_found() {
    // a → b → a would need two links between a and b, so: a → b → c → a and a → d → e → a.
    let (m, ids) = map("abcde", &["ab", "bc", "ca", "ad", "de", "ea"]);
    let l = feedback_loops(&m, 10);
    assert_eq!(l.loops.len(), 2);
    assert!(!l.truncated);
    assert_eq!(l.loops[0].nodes, vec![ids[0], ids[1], ids[2]]);
    assert_eq!(l.loops[1].nodes, vec![ids[0], ids[3], ids[4]]);
}

#[test]
fn the_limit_stops_a_combinatorial_explosion() {
    // Every pair of 8 nodes linked both ways: thousands of circuits.
    let mut m = ConceptMap::new("m".into(), "t");
    let ids: Vec<_> = (0..8)
        .map(|i| m.add_node(&i.to_string(), Point::default(), None))
        .collect();
    for i in 0..8 {
        for j in i + 1..8 {
            let l = m.add_link(ids[i], ids[j]).unwrap();
            m.edit_link(l, |l| l.direction = Direction::Both);
        }
    }
    let l = feedback_loops(&m, 50);
    assert_eq!(l.loops.len(), 50);
    assert!(l.truncated);
    // Without a limit: the circuits of the complete digraph on 8 nodes,
    // the sum over k = 2..8 of C(8, k)(k − 1)! = 16,064.
    assert_eq!(feedback_loops(&m, 100_000).loops.len(), 16_064);
}

#[test]
fn neighbourhoods_grow_step_by_step() {
    let (m, ids) = map("abcde", &["ab", "cb", "cd", "de"]);
    assert_eq!(neighbourhood(&m, ids[0], 1), vec![(ids[0], 0), (ids[1], 1)]);
    assert_eq!(
        neighbourhood(&m, ids[0], 2),
        vec![(ids[0], 0), (ids[1], 1), (ids[2], 2)]
    );
    assert_eq!(neighbourhood(&m, 999, 2), vec![]);
}

#[test]
fn shortest_paths_with_and_without_direction() {
    let (m, ids) = map("abcd", &["ab", "cb", "cd", "ad"]);
    // Along the arrows a → d directly.
    let p = shortest_path(&m, ids[0], ids[3], true).unwrap();
    assert_eq!(p.nodes, vec![ids[0], ids[3]]);
    // c cannot reach a following arrows (c → b, c → d, none go on to a).
    assert_eq!(shortest_path(&m, ids[2], ids[0], true), None);
    let p = shortest_path(&m, ids[2], ids[0], false).unwrap();
    assert_eq!(p.nodes.len(), 3);
    assert_eq!(p.links.len(), 2);
    let same = shortest_path(&m, ids[1], ids[1], true).unwrap();
    assert_eq!((same.nodes.len(), same.links.len()), (1, 0));
}

#[test]
fn the_top_lists_are_the_sorted_lists_cut_short() {
    // Hubs and ties: a star around `a`, a chain through `b` and `c`, equal degrees elsewhere.
    let (m, _) = map(
        "abcdefgh",
        &["ab", "ac", "ad", "ae", "bf", "fg", "gc", "ch", "hb", "dh"],
    );
    let r = analyse(&m);
    for n in [0, 1, 3, 5, 8, 20] {
        let mut central: Vec<Centrality> = r
            .betweenness
            .iter()
            .filter(|c| c.raw > 0.0)
            .cloned()
            .collect();
        central.sort_by(|a, b| b.raw.total_cmp(&a.raw).then(a.node.cmp(&b.node)));
        central.truncate(n);
        assert_eq!(r.most_central(n), central, "most central, {n}");
        let mut busiest = r.degrees.clone();
        busiest.sort_by(|a, b| b.total().cmp(&a.total()).then(a.node.cmp(&b.node)));
        busiest.truncate(n);
        assert_eq!(r.busiest(n), busiest, "busiest, {n}");
    }
    assert!(r.busiest(5).len() == 5 && r.busiest(5)[0].total() == 4);
}
