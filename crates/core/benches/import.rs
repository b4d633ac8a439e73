//! Map import on generated files of 1,000 to 8,000 links (one node per 5.2 links, as in the
//! Gephi network of issue 22: 1,538 nodes, 8,032 edges), natively, in GEXF (with positions, as
//! Gephi writes it), GraphML, GML and DOT. `cargo bench -p cstw-core --bench import` prints the fastest
//! and the median of 9 runs in milliseconds, and the microseconds per link of the fastest (the
//! least disturbed by other work on the machine): flat per-link times show the import is
//! linear. Target: 8,000 links in ≤ 100 ms (release). Files without positions are laid out,
//! and that layout (not the reading) is timed apart in `map_analysis`, so these files carry
//! positions where the format can. One link in eight runs parallel to the one before it (its own
//! label), so parallel links are timed too. The last column says whether 8,000 links met the
//! target.

use std::fmt::Write;

use cstw_core::import::map::import;

mod common;

use common::time;

/// The target for 8,000 links, natively (release), in milliseconds.
const TARGET_MS: f64 = 100.0;

/// `links` links over `links / 5.2` nodes: each node to the next few, labelled; every eighth
/// link joins the same two nodes as the one before it.
fn graph(links: usize) -> (usize, Vec<(usize, usize)>) {
    let nodes = (links as f64 / 5.2).ceil() as usize;
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(links);
    let mut step = 1;
    while out.len() < links {
        for a in 0..nodes {
            if out.len() == links {
                break;
            }
            match out.last() {
                Some(&last) if out.len() % 8 == 7 => out.push(last),
                _ => out.push((a, (a + step) % nodes)),
            }
        }
        step += 1;
    }
    (nodes, out)
}

/// How one format writes a graph: its opening, a node (index, x, y), what comes between the
/// nodes and the links, a link (index, from, to) and its end.
struct Writer {
    head: &'static str,
    node: fn(&mut String, usize, usize, usize),
    middle: &'static str,
    edge: fn(&mut String, usize, usize, usize),
    tail: &'static str,
}

fn write(w: &Writer, links: usize) -> String {
    let (n, es) = graph(links);
    let mut s = String::from(w.head);
    for i in 0..n {
        (w.node)(&mut s, i, (i % 40) * 150, (i / 40) * 90);
    }
    s.push_str(w.middle);
    for (k, (a, b)) in es.iter().enumerate() {
        (w.edge)(&mut s, k, *a, *b);
    }
    s.push_str(w.tail);
    s
}

const GEXF: Writer = Writer {
    head: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n<graph defaultedgetype=\"directed\">\n<nodes>\n",
    node: |s, i, x, y| {
        let _ = writeln!(
            s,
            "<node id=\"{i}\" label=\"Node {i}\"><viz:color r=\"31\" g=\"111\" b=\"178\"/><viz:position x=\"{x}\" y=\"{y}\" z=\"0.0\"/></node>"
        );
    },
    middle: "</nodes>\n<edges>\n",
    edge: |s, k, a, b| {
        let _ = writeln!(
            s,
            "<edge id=\"{k}\" source=\"{a}\" target=\"{b}\" label=\"link {k}\" weight=\"1.0\"/>"
        );
    },
    tail: "</edges>\n</graph>\n</gexf>\n",
};

const GRAPHML: Writer = Writer {
    head: "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n<key id=\"el\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n<graph edgedefault=\"directed\">\n",
    node: |s, i, x, y| {
        let _ = writeln!(
            s,
            "<node id=\"n{i}\"><data key=\"l\">Node {i}</data><data key=\"x\">{x}</data><data key=\"y\">{y}</data></node>"
        );
    },
    middle: "",
    edge: |s, k, a, b| {
        let _ = writeln!(
            s,
            "<edge source=\"n{a}\" target=\"n{b}\"><data key=\"el\">link {k}</data></edge>"
        );
    },
    tail: "</graph>\n</graphml>\n",
};

const GML: Writer = Writer {
    head: "graph [\n  directed 1\n  multigraph 1\n",
    node: |s, i, x, y| {
        let _ = writeln!(
            s,
            "  node [\n    id {i}\n    label \"Node {i}\"\n    graphics [ x {x}.0 y {y}.0 ]\n  ]"
        );
    },
    middle: "",
    edge: |s, k, a, b| {
        let _ = writeln!(
            s,
            "  edge [\n    source {a}\n    target {b}\n    label \"link {k}\"\n  ]"
        );
    },
    tail: "]\n",
};

const DOT: Writer = Writer {
    head: "digraph {\n",
    node: |s, i, x, y| {
        let _ = writeln!(s, "  n{i} [label=\"Node {i}\", pos=\"{x},{y}\"];");
    },
    middle: "",
    edge: |s, k, a, b| {
        let _ = writeln!(s, "  n{a} -> n{b} [label=\"link {k}\"];");
    },
    tail: "}\n",
};

fn main() {
    let formats: [(&str, &str, &Writer); 4] = [
        ("GEXF", "x.gexf", &GEXF),
        ("GraphML", "x.graphml", &GRAPHML),
        ("GML", "x.gml", &GML),
        ("DOT", "x.dot", &DOT),
    ];
    println!(
        "{:>8} {:>6} {:>6} | {:>8} {:>10} | {:>12} | target {TARGET_MS} ms at 8,000",
        "format", "nodes", "links", "min ms", "median ms", "\u{b5}s per link"
    );
    for (name, file, writer) in formats {
        for links in [1_000, 4_000, 8_000] {
            let files = [(file.to_string(), write(writer, links).into_bytes())];
            let mut nodes = 0;
            let t = time(9, || {
                let i = import(&files, "m".into()).expect("the generated file imports");
                assert_eq!(i.map.links.len(), links, "{name}: every parallel link kept");
                nodes = i.map.nodes.len();
                std::hint::black_box(i);
            });
            let verdict = match links {
                8_000 if t.min() <= TARGET_MS => "met",
                8_000 => "MISSED",
                _ => "",
            };
            println!(
                "{name:>8} {nodes:>6} {links:>6} | {:>8.1} {:>10.1} | {:>12.2} | {verdict}",
                t.min(),
                t.median(),
                t.min() * 1000.0 / links as f64
            );
        }
    }
}
