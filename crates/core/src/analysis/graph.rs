//! Concept-map analysis on a petgraph graph built on demand: degrees, betweenness (Brandes),
//! isolated nodes, weakly connected components, feedback loops (Johnson's elementary circuits,
//! each reinforcing or balancing by the polarity of its links), neighbourhoods and shortest
//! paths.
//!
//! Traversal follows link direction: a one-way link goes from → to, a two-way link both ways,
//! and a plain line (no direction) both ways too, except for loops, where a plain line would
//! make every line a loop of two.

use std::collections::VecDeque;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use serde::{Deserialize, Serialize};

use crate::model::map::{ConceptMap, Direction, LinkId, NodeId, Polarity};

/// How many links a node has: arriving, leaving, and plain lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Degree {
    pub node: NodeId,
    pub incoming: usize,
    pub outgoing: usize,
    pub undirected: usize,
}

impl Degree {
    pub fn total(&self) -> usize {
        self.incoming + self.outgoing + self.undirected
    }
}

/// How often a node lies on the shortest paths between two others.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Centrality {
    pub node: NodeId,
    /// The sum over ordered pairs (s, t) of the share of shortest s–t paths through the node.
    pub raw: f64,
    /// `raw / ((n − 1)(n − 2))`, as networkx's `betweenness_centrality` on a directed graph.
    pub normalised: f64,
}

/// Whether a loop amplifies itself or settles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoopKind {
    /// An even number of negative links.
    Reinforcing,
    /// An odd number of negative links.
    Balancing,
    /// Some link has no polarity.
    Unknown,
}

impl LoopKind {
    pub fn label(self) -> &'static str {
        match self {
            LoopKind::Reinforcing => "Reinforcing",
            LoopKind::Balancing => "Balancing",
            LoopKind::Unknown => "Polarity not set",
        }
    }
}

/// A feedback loop: `links[i]` leads from `nodes[i]` to `nodes[(i + 1) % len]`; it starts at its
/// smallest node id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackLoop {
    pub nodes: Vec<NodeId>,
    pub links: Vec<LinkId>,
    pub kind: LoopKind,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loops {
    pub loops: Vec<FeedbackLoop>,
    /// More loops exist than were listed.
    pub truncated: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    pub nodes: Vec<NodeId>,
    pub links: Vec<LinkId>,
}

/// Everything the analysis panel lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub degrees: Vec<Degree>,
    pub betweenness: Vec<Centrality>,
    pub isolated: Vec<NodeId>,
    pub components: Vec<Vec<NodeId>>,
    pub loops: Loops,
}

/// An edge of the traversal graph: the link it comes from and whether loops may use it.
#[derive(Clone, Copy, Debug)]
struct Step {
    link: LinkId,
    polarity: Polarity,
    directed: bool,
}

/// The traversal graph: node `i` is `map.nodes[i]`.
fn build(map: &ConceptMap) -> DiGraph<NodeId, Step> {
    let mut g = DiGraph::with_capacity(map.nodes.len(), map.links.len() * 2);
    for n in &map.nodes {
        g.add_node(n.id);
    }
    for l in &map.links {
        let (Some(a), Some(b)) = (map.node_index(l.from), map.node_index(l.to)) else {
            continue;
        };
        let (a, b) = (NodeIndex::new(a), NodeIndex::new(b));
        let step = Step {
            link: l.id,
            polarity: l.polarity,
            directed: l.direction != Direction::None,
        };
        g.add_edge(a, b, step);
        if l.direction != Direction::Forward {
            g.add_edge(b, a, step);
        }
    }
    g
}

pub fn degrees(map: &ConceptMap) -> Vec<Degree> {
    let mut d: Vec<Degree> = map
        .nodes
        .iter()
        .map(|n| Degree {
            node: n.id,
            incoming: 0,
            outgoing: 0,
            undirected: 0,
        })
        .collect();
    for l in &map.links {
        let (Some(a), Some(b)) = (map.node_index(l.from), map.node_index(l.to)) else {
            continue;
        };
        match l.direction {
            Direction::Forward => {
                d[a].outgoing += 1;
                d[b].incoming += 1;
            }
            Direction::Both => {
                for i in [a, b] {
                    d[i].outgoing += 1;
                    d[i].incoming += 1;
                }
            }
            Direction::None => {
                d[a].undirected += 1;
                d[b].undirected += 1;
            }
        }
    }
    d
}

/// Brandes' algorithm on the traversal graph, unweighted: O(nodes × links), run by
/// `cstw_kernels` (compiled for speed), normalised as NetworkX does for directed graphs.
pub fn betweenness(map: &ConceptMap) -> Vec<Centrality> {
    betweenness_with(map, &mut |_| {})
}

/// [`betweenness`], calling `progress` with the share of sources done (0 to 1).
pub fn betweenness_with(map: &ConceptMap, progress: &mut dyn FnMut(f64)) -> Vec<Centrality> {
    use cstw_kernels::{Csr, betweenness_with as brandes};
    use petgraph::visit::EdgeRef;
    let g = build(map);
    let n = g.node_count();
    let edges = g
        .edge_references()
        .map(|e| (e.source().index(), e.target().index()));
    let out = Csr::new(n, edges.clone());
    let back = Csr::new(n, edges.map(|(a, b)| (b, a)));
    let total = n.max(1) as f64;
    let cb = brandes(&out, &back, &mut |done| progress(done as f64 / total));
    let scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        0.0
    };
    map.nodes
        .iter()
        .zip(cb)
        .map(|(node, raw)| Centrality {
            node: node.id,
            raw,
            normalised: raw * scale,
        })
        .collect()
}

pub fn isolated(map: &ConceptMap) -> Vec<NodeId> {
    degrees(map)
        .into_iter()
        .filter(|d| d.total() == 0)
        .map(|d| d.node)
        .collect()
}

/// Weakly connected components, each sorted by id, largest first (ties: smallest id first).
pub fn components(map: &ConceptMap) -> Vec<Vec<NodeId>> {
    let n = map.nodes.len();
    let mut uf = UnionFind::<usize>::new(n);
    for l in &map.links {
        if let (Some(a), Some(b)) = (map.node_index(l.from), map.node_index(l.to)) {
            uf.union(a, b);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<NodeId>> = Default::default();
    for (i, node) in map.nodes.iter().enumerate() {
        groups.entry(uf.find(i)).or_default().push(node.id);
    }
    let mut out: Vec<Vec<NodeId>> = groups.into_values().collect();
    for c in &mut out {
        c.sort_unstable();
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

fn kind_of(polarities: impl Iterator<Item = Polarity>) -> LoopKind {
    let mut negatives = 0;
    for p in polarities {
        match p {
            Polarity::None => return LoopKind::Unknown,
            Polarity::Negative => negatives += 1,
            Polarity::Positive => {}
        }
    }
    if negatives % 2 == 0 {
        LoopKind::Reinforcing
    } else {
        LoopKind::Balancing
    }
}

/// Elementary circuits (Johnson 1975) over directed links, at most `limit` of them.
pub fn feedback_loops(map: &ConceptMap, limit: usize) -> Loops {
    let g = build(map);
    let n = g.node_count();
    // Directed steps only, as (target, step) lists.
    let adj: Vec<Vec<(usize, Step)>> = (0..n)
        .map(|i| {
            let mut v: Vec<(usize, Step)> = g
                .edges(NodeIndex::new(i))
                .filter(|e| e.weight().directed)
                .map(|e| {
                    use petgraph::visit::EdgeRef;
                    (e.target().index(), *e.weight())
                })
                .collect();
            v.sort_by_key(|(t, s)| (*t, s.link));
            v.dedup_by_key(|(t, _)| *t);
            v
        })
        .collect();
    let mut found: Vec<FeedbackLoop> = Vec::new();
    let mut truncated = false;
    // Johnson: for each start s, circuits through s using only nodes >= s.
    let mut blocked = vec![false; n];
    let mut bset: Vec<Vec<usize>> = vec![Vec::new(); n];
    'starts: for s in 0..n {
        for i in s..n {
            blocked[i] = false;
            bset[i].clear();
        }
        // Iterative circuit search: a stack of (node, next edge index, found a circuit below).
        let mut path: Vec<usize> = vec![s];
        let mut steps: Vec<Step> = Vec::new();
        let mut frames: Vec<(usize, usize, bool)> = vec![(s, 0, false)];
        blocked[s] = true;
        while let Some(top) = frames.last_mut() {
            let v = top.0;
            if top.1 < adj[v].len() {
                let (w, step) = adj[v][top.1];
                top.1 += 1;
                if w < s {
                    continue;
                }
                if w == s {
                    top.2 = true;
                    if found.len() >= limit {
                        truncated = true;
                        break 'starts;
                    }
                    let mut all = steps.clone();
                    all.push(step);
                    found.push(FeedbackLoop {
                        nodes: path.iter().map(|i| map.nodes[*i].id).collect(),
                        links: all.iter().map(|s| s.link).collect(),
                        kind: kind_of(all.iter().map(|s| s.polarity)),
                    });
                } else if !blocked[w] {
                    blocked[w] = true;
                    path.push(w);
                    steps.push(step);
                    frames.push((w, 0, false));
                }
            } else {
                let (v, _, closed) = frames.pop().expect("a frame");
                if closed {
                    unblock(v, &mut blocked, &mut bset);
                } else {
                    for &(w, _) in &adj[v] {
                        if w >= s && !bset[w].contains(&v) {
                            bset[w].push(v);
                        }
                    }
                }
                path.pop();
                steps.pop();
                if let Some(parent) = frames.last_mut()
                    && closed
                {
                    parent.2 = true;
                }
            }
        }
    }
    // Node ids grow with their index, so each loop already starts at its smallest id.
    found.sort_by(|a, b| {
        a.nodes
            .len()
            .cmp(&b.nodes.len())
            .then(a.nodes.cmp(&b.nodes))
    });
    Loops {
        loops: found,
        truncated,
    }
}

fn unblock(v: usize, blocked: &mut [bool], bset: &mut [Vec<usize>]) {
    let mut todo = vec![v];
    while let Some(u) = todo.pop() {
        if blocked[u] {
            blocked[u] = false;
            todo.append(&mut bset[u]);
        }
    }
}

/// Every node within `steps` links of `centre` (direction ignored), with its distance.
pub fn neighbourhood(map: &ConceptMap, centre: NodeId, steps: usize) -> Vec<(NodeId, usize)> {
    let Some(c) = map.node_index(centre) else {
        return Vec::new();
    };
    let g = build(map);
    let undirected = g.into_edge_type::<petgraph::Undirected>();
    let mut dist = vec![usize::MAX; map.nodes.len()];
    dist[c] = 0;
    let mut queue = VecDeque::from([c]);
    while let Some(v) = queue.pop_front() {
        if dist[v] == steps {
            continue;
        }
        for w in undirected.neighbors(NodeIndex::new(v)) {
            if dist[w.index()] == usize::MAX {
                dist[w.index()] = dist[v] + 1;
                queue.push_back(w.index());
            }
        }
    }
    let mut out: Vec<(NodeId, usize)> = dist
        .iter()
        .enumerate()
        .filter(|(_, d)| **d != usize::MAX)
        .map(|(i, d)| (map.nodes[i].id, *d))
        .collect();
    out.sort_by_key(|(id, d)| (*d, *id));
    out
}

/// The path with the fewest links from `from` to `to` (A* with unit costs), following link
/// direction or not.
pub fn shortest_path(
    map: &ConceptMap,
    from: NodeId,
    to: NodeId,
    follow_direction: bool,
) -> Option<Path> {
    let (a, b) = (map.node_index(from)?, map.node_index(to)?);
    let mut g = build(map);
    if !follow_direction {
        for l in &map.links {
            if l.direction == Direction::Forward
                && let (Some(x), Some(y)) = (map.node_index(l.from), map.node_index(l.to))
            {
                g.add_edge(
                    NodeIndex::new(y),
                    NodeIndex::new(x),
                    Step {
                        link: l.id,
                        polarity: l.polarity,
                        directed: true,
                    },
                );
            }
        }
    }
    let (_, route) = petgraph::algo::astar(
        &g,
        NodeIndex::new(a),
        |n| n == NodeIndex::new(b),
        |_| 1usize,
        |_| 0usize,
    )?;
    let links = route
        .windows(2)
        .map(|w| {
            g.find_edge(w[0], w[1])
                .map(|e| g[e].link)
                .expect("a step of the path")
        })
        .collect();
    Some(Path {
        nodes: route.iter().map(|i| g[*i]).collect(),
        links,
    })
}

pub fn analyse(map: &ConceptMap) -> Analysis {
    let degrees = degrees(map);
    let isolated = degrees
        .iter()
        .filter(|d| d.total() == 0)
        .map(|d| d.node)
        .collect();
    Analysis {
        betweenness: betweenness(map),
        isolated,
        components: components(map),
        loops: feedback_loops(map, 500),
        degrees,
    }
}

#[cfg(test)]
mod tests {
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
}
