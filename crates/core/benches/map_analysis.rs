//! Concept-map layout and analysis on generated maps of 10 to 5,000 nodes (2 links a node),
//! natively. `cargo bench -p cstw-core --bench map_analysis` prints median and p95 milliseconds. Not a
//! pass/fail test; the browser figures come from the benchmark page (issue 10). Targets at
//! 1,000 nodes: force layout ≤ 150 ms and betweenness ≤ 50 ms in the browser, where wasm runs
//! about 1.5–2× slower than this.

mod common;

use common::time;

use cstw_core::analysis::{graph, layout};
use cstw_core::model::map::Metrics;

fn main() {
    println!(
        "{:>6} {:>6} | {:>17} | {:>17} | {:>17} | {:>17} | {:>12}",
        "nodes",
        "links",
        "betweenness ms",
        "force layout ms",
        "tidy ms",
        "loops(500) ms",
        "components"
    );
    println!(
        "{:>6} {:>6} | {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8} | {:>8} {:>8} | {:>12}",
        "", "", "median", "p95", "median", "p95", "median", "p95", "median", "p95", "ms"
    );
    for n in [10, 100, 1_000, 5_000] {
        let map = layout::bench_map(n);
        let sizes = map.sizes(Metrics::STANDARD);
        let runs = if n >= 5_000 { 3 } else { 11 };
        let b = time(runs, || {
            std::hint::black_box(graph::betweenness(&map));
        });
        let f = time(runs, || {
            std::hint::black_box(layout::force(&map, &sizes));
        });
        let t = time(runs, || {
            std::hint::black_box(layout::tidy(&map, &sizes));
        });
        let l = time(runs, || {
            std::hint::black_box(graph::feedback_loops(&map, 500));
        });
        let c = time(runs, || {
            std::hint::black_box(graph::components(&map));
        });
        println!(
            "{:>6} {:>6} | {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>12.3}",
            n,
            map.links.len(),
            b.median(),
            b.p95(),
            f.median(),
            f.p95(),
            t.median(),
            t.p95(),
            l.median(),
            l.p95(),
            c.median()
        );
    }
}
