//! The app's numeric hot loops, in their own crate so that the release profile can compile
//! them for speed (`opt-level = 3`) while the rest of the app is compiled for size (`"z"`).
//! Measured on a 1,000-node map in Chromium: betweenness took 114 ms with the whole app at
//! `"z"` and 25 ms at 3, while compiling everything at 3 grew the wasm by 60 %.
//!
//! Plain data in, plain data out: no model types, no allocation inside the loops.

/// The force-directed layout's rounds.
pub mod force;
/// QR codes read from greyscale frames (the Collect view's camera scanner).
pub mod qr;

/// A graph in compressed sparse row form: the neighbours of node `v` are
/// `targets[offsets[v]..offsets[v + 1]]`.
pub struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    /// Builds the adjacency of `n` nodes from `(from, to)` pairs (indices below `n`).
    pub fn new(n: usize, edges: impl Iterator<Item = (usize, usize)> + Clone) -> Csr {
        let mut offsets = vec![0u32; n + 1];
        for (a, _) in edges.clone() {
            offsets[a + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n] as usize];
        for (a, b) in edges {
            targets[fill[a] as usize] = b as u32;
            fill[a] += 1;
        }
        Csr { offsets, targets }
    }

    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline(always)]
    pub fn of(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
}

/// Brandes' betweenness centrality of an unweighted graph, raw (not normalised): for each node,
/// the sum over ordered pairs (s, t) of the share of shortest s→t paths through it.
/// O(nodes × links). `back` must be `out` reversed; predecessors are found again through it
/// instead of being stored, which keeps the inner loops allocation-free.
pub fn betweenness(out: &Csr, back: &Csr) -> Vec<f64> {
    betweenness_with(out, back, &mut |_| {})
}

/// [`betweenness`], calling `progress` with the number of sources done after each (for the
/// progress bar of a run in the Web Worker).
pub fn betweenness_with(out: &Csr, back: &Csr, progress: &mut dyn FnMut(usize)) -> Vec<f64> {
    let n = out.len();
    let mut cb = vec![0.0f64; n];
    let mut order: Vec<u32> = Vec::with_capacity(n);
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut delta = vec![0.0f64; n];
    for s in 0..n {
        // Only what the last search touched needs resetting.
        for &v in &order {
            let v = v as usize;
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            delta[v] = 0.0;
        }
        order.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s as u32);
        // `order` doubles as the queue: breadth-first order is the order of discovery.
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let dv = dist[v] + 1;
            let sv = sigma[v];
            for &w in out.of(v) {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = dv;
                    order.push(w as u32);
                }
                if dist[w] == dv {
                    sigma[w] += sv;
                }
            }
        }
        // Back from the farthest; the source (first in `order`) gains nothing.
        for &w in order[1..].iter().rev() {
            let w = w as usize;
            let dw = dist[w];
            let coeff = (1.0 + delta[w]) / sigma[w];
            for &v in back.of(w) {
                let v = v as usize;
                // Unreached nodes have dist u32::MAX, which wraps to 0 and never matches dw ≥ 1.
                if dist[v].wrapping_add(1) == dw {
                    delta[v] += sigma[v] * coeff;
                }
            }
            cb[w] += delta[w];
        }
        progress(s + 1);
    }
    cb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> (Csr, Csr) {
        (
            Csr::new(n, edges.iter().copied()),
            Csr::new(n, edges.iter().map(|&(a, b)| (b, a))),
        )
    }

    #[test]
    fn a_path_and_a_diamond() {
        let (o, b) = graph(3, &[(0, 1), (1, 2)]);
        assert_eq!(betweenness(&o, &b), [0.0, 1.0, 0.0]);
        // s → a → t and s → b → t: a and b carry half of (s, t) each.
        let (o, b) = graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        assert_eq!(betweenness(&o, &b), [0.0, 0.5, 0.5, 0.0]);
        let (o, b) = graph(0, &[]);
        assert!(betweenness(&o, &b).is_empty());
    }
}
