//! Concept-map layouts: radial around a focus, force-directed, layered along the arrows, and
//! "tidy", which only moves boxes that overlap. Each returns a new centre for every node, in the
//! order of `map.nodes`; the UI animates to them and records one undo step. All are
//! deterministic (same map, same result, bit for bit) and leave no two boxes overlapping.

use std::collections::VecDeque;
use std::f64::consts::TAU;

use crate::model::map::{ConceptMap, Direction, NodeId, Point, Size};

mod apart;

pub use apart::{GAP, no_overlaps};
use apart::{centroid, recentre};
pub(crate) use apart::{separate, separate_pinned};

type Placed = Vec<(NodeId, Point)>;

fn placed(map: &ConceptMap, points: &[Point]) -> Placed {
    map.nodes
        .iter()
        .map(|n| n.id)
        .zip(points.iter().copied())
        .collect()
}

/// `count` points evenly around a circle, the first at the top, clockwise.
pub fn ring(count: usize, centre: Point, radius: f64) -> Vec<Point> {
    (0..count)
        .map(|i| {
            let a = TAU * i as f64 / count as f64 - TAU / 4.0;
            Point::new(centre.x + radius * a.cos(), centre.y + radius * a.sin())
        })
        .collect()
}

/// Removes overlaps with the least movement; boxes that overlap nothing stay where they are.
pub fn tidy(map: &ConceptMap, sizes: &[Size]) -> Placed {
    let mut points: Vec<Point> = map.nodes.iter().map(|n| n.at()).collect();
    separate(&mut points, sizes);
    placed(map, &points)
}

/// Neighbours of each node (by index), direction ignored, in link order, without repeats.
fn neighbours(map: &ConceptMap) -> Vec<Vec<usize>> {
    let mut adj = vec![Vec::new(); map.nodes.len()];
    for l in &map.links {
        if let (Some(a), Some(b)) = (map.node_index(l.from), map.node_index(l.to)) {
            adj[a].push(b);
            adj[b].push(a);
        }
    }
    for v in &mut adj {
        v.sort_unstable();
        v.dedup();
    }
    adj
}

/// Rings around `focus`: its neighbours on the first, theirs on the next, each node near its
/// parent's angle; nodes that cannot be reached go on a ring of their own outside.
pub fn radial(map: &ConceptMap, sizes: &[Size], focus: NodeId) -> Placed {
    let n = map.nodes.len();
    let Some(f) = map.node_index(focus) else {
        return tidy(map, sizes);
    };
    let adj = neighbours(map);
    let mut depth = vec![usize::MAX; n];
    let mut rings: Vec<Vec<usize>> = vec![vec![f]];
    depth[f] = 0;
    let mut queue = VecDeque::from([f]);
    // Breadth first, children in the order of their parents: siblings stay together.
    while let Some(v) = queue.pop_front() {
        for &w in &adj[v] {
            if depth[w] == usize::MAX {
                depth[w] = depth[v] + 1;
                if rings.len() <= depth[w] {
                    rings.push(Vec::new());
                }
                rings[depth[w]].push(w);
                queue.push_back(w);
            }
        }
    }
    let rest: Vec<usize> = (0..n).filter(|i| depth[*i] == usize::MAX).collect();
    if !rest.is_empty() {
        rings.push(rest);
    }
    let centre = map.nodes[f].at();
    let mut points = vec![centre; n];
    let mut radius = 0.0;
    let mut previous = sizes[f].w.max(sizes[f].h);
    for ring_nodes in rings.iter().skip(1) {
        let biggest = ring_nodes
            .iter()
            .map(|i| sizes[*i].w.max(sizes[*i].h))
            .fold(0.0, f64::max);
        let around: f64 = ring_nodes.iter().map(|i| sizes[*i].w + GAP * 2.0).sum();
        radius = (radius + previous / 2.0 + biggest / 2.0 + GAP * 3.0).max(around / TAU);
        for (i, p) in ring_nodes
            .iter()
            .zip(ring(ring_nodes.len(), centre, radius))
        {
            points[*i] = p;
        }
        previous = biggest;
    }
    separate(&mut points, sizes);
    placed(map, &points)
}

/// Force-directed: links pull, every node pushes its near neighbours away (a grid keeps this
/// close to linear), cooling over a fixed number of rounds from the current places.
pub fn force(map: &ConceptMap, sizes: &[Size]) -> Placed {
    force_with(map, sizes, &mut |_| {})
}

/// [`force`], calling `progress` with the share of rounds done (0 to 1) after each round.
pub fn force_with(map: &ConceptMap, sizes: &[Size], progress: &mut dyn FnMut(f64)) -> Placed {
    let n = map.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let start: Vec<Point> = map.nodes.iter().map(|n| n.at()).collect();
    let centre = centroid(&start);
    let mean_w = sizes.iter().map(|s| s.w).sum::<f64>() / n as f64;
    let k = mean_w + 80.0;
    // A small spiral offset parts nodes that share a place.
    let mut p: Vec<Point> = start
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let a = i as f64 * 2.399_963;
            let r = (i as f64).sqrt() * 2.0;
            Point::new(q.x + r * a.cos(), q.y + r * a.sin())
        })
        .collect();
    let edges: Vec<(u32, u32)> = map
        .links
        .iter()
        .filter_map(|l| Some((map.node_index(l.from)? as u32, map.node_index(l.to)? as u32)))
        .collect();
    // The rounds run in the kernels crate, compiled for speed.
    let mut xs: Vec<f64> = p.iter().map(|q| q.x).collect();
    let mut ys: Vec<f64> = p.iter().map(|q| q.y).collect();
    cstw_kernels::force::run(
        cstw_kernels::force::Force {
            xs: &mut xs,
            ys: &mut ys,
            edges: &edges,
            centre: (centre.x, centre.y),
            k,
            rounds: 90,
        },
        progress,
    );
    for ((q, x), y) in p.iter_mut().zip(xs).zip(ys) {
        *q = Point::new(x, y);
    }
    recentre(&mut p, centre);
    separate(&mut p, sizes);
    placed(map, &p)
}

/// Layers from top to bottom along the arrows (cycles broken where a depth-first walk meets
/// them), ordered within each layer to reduce crossings; nodes without arrows go in a last row.
pub fn layered(map: &ConceptMap, sizes: &[Size]) -> Placed {
    let n = map.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let mut out_edges: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in &map.links {
        if l.direction == Direction::None {
            continue;
        }
        if let (Some(a), Some(b)) = (map.node_index(l.from), map.node_index(l.to)) {
            out_edges[a].push(b);
        }
    }
    for v in &mut out_edges {
        v.sort_unstable();
    }
    // Depth-first from each node in order; an edge back to a node on the stack is reversed.
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let mut dag: Vec<(usize, usize)> = Vec::new();
    for s in 0..n {
        if state[s] != 0 {
            continue;
        }
        let mut stack = vec![(s, 0usize)];
        state[s] = 1;
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            if top.1 < out_edges[v].len() {
                let w = out_edges[v][top.1];
                top.1 += 1;
                match state[w] {
                    0 => {
                        dag.push((v, w));
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => dag.push((w, v)),
                    _ => dag.push((v, w)),
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    dag.retain(|(a, b)| a != b);
    // Longest path layering in topological order.
    let mut indeg = vec![0usize; n];
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &dag {
        succ[a].push(b);
        pred[b].push(a);
        indeg[b] += 1;
    }
    let mut layer = vec![0usize; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|i| indeg[*i] == 0).collect();
    while let Some(v) = queue.pop_front() {
        for &w in &succ[v] {
            layer[w] = layer[w].max(layer[v] + 1);
            indeg[w] -= 1;
            if indeg[w] == 0 {
                queue.push_back(w);
            }
        }
    }
    let connected: Vec<bool> = (0..n)
        .map(|i| !succ[i].is_empty() || !pred[i].is_empty())
        .collect();
    let deepest = (0..n).filter(|i| connected[*i]).map(|i| layer[i]).max();
    let last = deepest.map_or(0, |d| d + 1);
    for i in 0..n {
        if !connected[i] {
            layer[i] = last;
        }
    }
    let mut layers: Vec<Vec<usize>> = vec![Vec::new(); last + 1];
    for i in 0..n {
        layers[layer[i]].push(i);
    }
    // Barycentre sweeps, down then up.
    let mut pos = vec![0.0f64; n];
    let set_pos = |layers: &Vec<Vec<usize>>, pos: &mut Vec<f64>| {
        for l in layers {
            for (k, i) in l.iter().enumerate() {
                pos[*i] = k as f64;
            }
        }
    };
    set_pos(&layers, &mut pos);
    for sweep in 0..8 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for li in order {
            let mut keyed: Vec<(f64, usize)> = layers[li]
                .iter()
                .map(|&i| {
                    let near = if down { &pred[i] } else { &succ[i] };
                    let b = if near.is_empty() {
                        pos[i]
                    } else {
                        near.iter().map(|j| pos[*j]).sum::<f64>() / near.len() as f64
                    };
                    (b, i)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            layers[li] = keyed.into_iter().map(|(_, i)| i).collect();
            for (k, i) in layers[li].iter().enumerate() {
                pos[*i] = k as f64;
            }
        }
    }
    let mut points = vec![Point::default(); n];
    let mut y = 0.0;
    for l in &layers {
        if l.is_empty() {
            continue;
        }
        let h = l.iter().map(|i| sizes[*i].h).fold(0.0, f64::max);
        let width: f64 = l.iter().map(|i| sizes[*i].w + GAP * 2.0).sum();
        let mut x = -width / 2.0;
        for &i in l {
            points[i] = Point::new(x + GAP + sizes[i].w / 2.0, y + h / 2.0);
            x += sizes[i].w + GAP * 2.0;
        }
        y += h + GAP * 4.0;
    }
    let start: Vec<Point> = map.nodes.iter().map(|n| n.at()).collect();
    recentre(&mut points, centroid(&start));
    separate(&mut points, sizes);
    placed(map, &points)
}

/// A generated map for benchmarks: `n` nodes on a rough grid ("Node 17"), about `2n` links
/// between nearby nodes, from a fixed seed.
pub fn bench_map(n: usize) -> ConceptMap {
    let mut m = ConceptMap::new("bench".into(), "Benchmark map");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let side = (n as f64).sqrt().ceil().max(1.0) as usize;
    let ids: Vec<NodeId> = (0..n)
        .map(|i| {
            let jitter = (next() % 60) as f64 - 30.0;
            let at = Point::new(
                (i % side) as f64 * 220.0 + jitter,
                (i / side) as f64 * 120.0,
            );
            m.add_node(&format!("Node {i}"), at, None)
        })
        .collect();
    if n < 2 {
        return m;
    }
    let mut made = 0;
    let mut tries = 0;
    while made < 2 * n && tries < 20 * n {
        tries += 1;
        let a = (next() % n as u64) as usize;
        let offset = [1, side, side + 1, 2, 2 * side][(next() % 5) as usize];
        let b = (a + offset) % n;
        let before = m.links.len();
        if m.add_link(ids[a], ids[b]).is_some() && m.links.len() > before {
            made += 1;
        }
    }
    m
}

#[cfg(test)]
mod tests;
