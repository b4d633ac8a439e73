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

impl Analysis {
    /// The `n` ideas on most shortest paths between others (betweenness above zero), most
    /// first, ties by id: the panel's "most central".
    pub fn most_central(&self, n: usize) -> Vec<Centrality> {
        let on_paths: Vec<&Centrality> = self.betweenness.iter().filter(|c| c.raw > 0.0).collect();
        first(&on_paths, n, |a, b| {
            b.raw.total_cmp(&a.raw).then(a.node.cmp(&b.node)).is_lt()
        })
    }

    /// The `n` ideas with most links, most first, ties by id: the panel's "most links".
    pub fn busiest(&self, n: usize) -> Vec<Degree> {
        let all: Vec<&Degree> = self.degrees.iter().collect();
        first(&all, n, |a, b| {
            b.total().cmp(&a.total()).then(a.node.cmp(&b.node)).is_lt()
        })
    }
}

/// The first `n` of `items` in the strict order `before`, as a stable sort and truncation would
/// give them, picked one at a time: these lists are read for their first few only, and each
/// `sort_by` with its own comparison is ~5 KB of the app's wasm (issue 23).
fn first<T: Clone>(items: &[&T], n: usize, before: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut taken = vec![false; items.len()];
    let mut out = Vec::new();
    while out.len() < n {
        let mut best: Option<usize> = None;
        for (i, x) in items.iter().enumerate() {
            if !taken[i] && best.is_none_or(|b| before(x, items[b])) {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        taken[b] = true;
        out.push(items[b].clone());
    }
    out
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
        crate::order::sort(c);
    }
    crate::order::sort_by(&mut out, |a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
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
            crate::order::sort_by_key(&mut v, |(t, s)| (*t, s.link));
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
    crate::order::sort_by(&mut found, |a, b| {
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
    crate::order::sort_by_key(&mut out, |(id, d)| (*d, *id));
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
#[path = "graph_tests.rs"]
mod tests;
