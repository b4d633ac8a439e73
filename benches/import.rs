//! Map import on generated files of 1,000 to 8,000 links (one node per 5.2 links, as in the
//! Gephi network of issue 22: 1,538 nodes, 8,032 edges), natively, in GEXF (with positions, as
//! Gephi writes it), GraphML, GML and DOT. `cargo bench --bench import` prints the fastest
//! and the median of 9 runs in milliseconds, and the microseconds per link of the fastest (the
//! least disturbed by other work on the machine): flat per-link times show the import is
//! linear. Target: 8,000 links in ≤ 100 ms (release). Files without positions are laid out,
//! and that layout (not the reading) is timed apart in `map_analysis`, so these files carry
//! positions where the format can.

use std::fmt::Write;
use std::time::Instant;

use cst_workbench::import::map::import;

/// The fastest and the median run, in milliseconds.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[0], ms[ms.len() / 2])
}

/// `links` links over `links / 5.2` nodes: each node to the next few, labelled, some both ways.
fn graph(links: usize) -> (usize, Vec<(usize, usize)>) {
    let nodes = (links as f64 / 5.2).ceil() as usize;
    let mut out = Vec::with_capacity(links);
    let mut step = 1;
    while out.len() < links {
        for a in 0..nodes {
            if out.len() == links {
                break;
            }
            out.push((a, (a + step) % nodes));
        }
        step += 1;
    }
    (nodes, out)
}

fn gexf(links: usize) -> String {
    let (n, es) = graph(links);
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n<graph defaultedgetype=\"directed\">\n<nodes>\n",
    );
    for i in 0..n {
        let _ = writeln!(
            s,
            "<node id=\"{i}\" label=\"Node {i}\"><viz:color r=\"31\" g=\"111\" b=\"178\"/><viz:position x=\"{}\" y=\"{}\" z=\"0.0\"/></node>",
            (i % 40) * 150,
            (i / 40) * 90
        );
    }
    s.push_str("</nodes>\n<edges>\n");
    for (k, (a, b)) in es.iter().enumerate() {
        let _ = writeln!(
            s,
            "<edge id=\"{k}\" source=\"{a}\" target=\"{b}\" label=\"link {k}\" weight=\"1.0\"/>"
        );
    }
    s.push_str("</edges>\n</graph>\n</gexf>\n");
    s
}

fn graphml(links: usize) -> String {
    let (n, es) = graph(links);
    let mut s = String::from(
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n<key id=\"el\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n<graph edgedefault=\"directed\">\n",
    );
    for i in 0..n {
        let _ = writeln!(
            s,
            "<node id=\"n{i}\"><data key=\"l\">Node {i}</data><data key=\"x\">{}</data><data key=\"y\">{}</data></node>",
            (i % 40) * 150,
            (i / 40) * 90
        );
    }
    for (k, (a, b)) in es.iter().enumerate() {
        let _ = writeln!(
            s,
            "<edge source=\"n{a}\" target=\"n{b}\"><data key=\"el\">link {k}</data></edge>"
        );
    }
    s.push_str("</graph>\n</graphml>\n");
    s
}

fn gml(links: usize) -> String {
    let (n, es) = graph(links);
    let mut s = String::from("graph [\n  directed 1\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "  node [\n    id {i}\n    label \"Node {i}\"\n    graphics [ x {}.0 y {}.0 ]\n  ]",
            (i % 40) * 150,
            (i / 40) * 90
        );
    }
    for (k, (a, b)) in es.iter().enumerate() {
        let _ = writeln!(
            s,
            "  edge [\n    source {a}\n    target {b}\n    label \"link {k}\"\n  ]"
        );
    }
    s.push_str("]\n");
    s
}

fn dot(links: usize) -> String {
    let (n, es) = graph(links);
    let mut s = String::from("digraph {\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "  n{i} [label=\"Node {i}\", pos=\"{},{}\"];",
            (i % 40) * 150,
            (i / 40) * 90
        );
    }
    for (k, (a, b)) in es.iter().enumerate() {
        let _ = writeln!(s, "  n{a} -> n{b} [label=\"link {k}\"];");
    }
    s.push_str("}\n");
    s
}

fn main() {
    type Make = fn(usize) -> String;
    let formats: [(&str, &str, Make); 4] = [
        ("GEXF", "x.gexf", gexf),
        ("GraphML", "x.graphml", graphml),
        ("GML", "x.gml", gml),
        ("DOT", "x.dot", dot),
    ];
    println!(
        "{:>8} {:>6} {:>6} | {:>8} {:>10} | {:>12}",
        "format", "nodes", "links", "min ms", "median ms", "\u{b5}s per link"
    );
    for (name, file, make) in formats {
        for links in [1_000, 4_000, 8_000] {
            let text = make(links);
            let files = [(file.to_string(), text.into_bytes())];
            let mut nodes = 0;
            let (min, med) = time(9, || {
                let i = import(&files, "m".into()).expect("the generated file imports");
                assert_eq!(i.map.links.len(), links, "{name}");
                nodes = i.map.nodes.len();
                std::hint::black_box(i);
            });
            println!(
                "{name:>8} {nodes:>6} {links:>6} | {min:>8.1} {med:>10.1} | {:>12.2}",
                min * 1000.0 / links as f64
            );
        }
    }
}
