//! The real tools read our map files: Graphviz's `dot` every exported DOT, Python's NetworkX
//! our GraphML, GEXF and GML with the same nodes, links, labels and kinds.

use std::io::Write as _;
use std::process::Command;

use cstw_core::export::map::{self as ex};
use cstw_core::export::xml::carried;
use cstw_core::model::map::{ConceptMap, Point};

use crate::map_formats::hostile_map;

fn tool(cmd: &str) -> Command {
    Command::new(cmd)
}

#[test]
fn graphviz_dot_reads_every_exported_dot() {
    let dir = std::env::temp_dir().join(format!("cstw-dot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let mut small = ConceptMap::new("s".into(), "");
    small.add_node("alone", Point::default(), None);
    for (name, m) in [
        ("hostile", hostile_map()),
        ("empty", ConceptMap::new("e".into(), "")),
        ("small", small),
    ] {
        let path = dir.join(format!("{name}.dot"));
        std::fs::write(&path, ex::dot::dot(&m)).expect("written");
        let out = tool("dot")
            .arg("-Tsvg")
            .arg(&path)
            .output()
            .expect("Graphviz `dot` is installed (tools/setup.sh installs it)");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "dot refused {name}: {stderr}");
        assert!(!stderr.contains("syntax error"), "{stderr}");
        let svg = String::from_utf8_lossy(&out.stdout);
        // Graphviz drew every node (one <g class="node"> each).
        assert_eq!(
            svg.matches("class=\"node\"").count(),
            m.nodes.len(),
            "{name}"
        );
        assert_eq!(
            svg.matches("class=\"edge\"").count(),
            m.links.len(),
            "{name}"
        );
        if name == "hostile" {
            // The label is text in Graphviz's drawing (wrapped as on the canvas), never markup.
            assert!(svg.contains("&lt;script&gt;alert(1)"));
            assert!(!svg.contains("<script"));
            assert!(svg.contains("שלום"));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn networkx(path: &std::path::Path) -> serde_json::Value {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/readers/networkx_read.py"
    );
    let out = tool("python3")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "NetworkX could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}

#[test]
fn networkx_reads_our_graphml_gexf_and_gml_with_the_same_nodes_links_and_labels() {
    let m = hostile_map();
    let dir = std::env::temp_dir().join(format!("cstw-nx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let mut labels: Vec<String> = m.nodes.iter().map(|n| carried(&n.label)).collect();
    labels.sort();
    let name = |id| carried(&m.node(id).expect("exists").label);
    let mut links: Vec<Vec<String>> = m
        .links
        .iter()
        .map(|l| {
            vec![
                name(l.from),
                name(l.to),
                carried(&l.label),
                l.polarity.as_str().to_string(),
                l.direction.as_str().to_string(),
            ]
        })
        .collect();
    links.sort();
    let mut kinds: Vec<String> = m.kinds.iter().map(|k| k.name.clone()).collect();
    kinds.sort();
    for (ext, text) in [
        ("graphml", ex::graphml::graphml(&m)),
        ("gexf", ex::gexf::gexf(&m)),
        ("gml", ex::gml::gml(&m)),
    ] {
        let path = dir.join(format!("map.{ext}"));
        let mut f = std::fs::File::create(&path).expect("created");
        f.write_all(text.as_bytes()).expect("written");
        let seen = networkx(&path);
        assert_eq!(seen["directed"], true, "{ext}");
        // NetworkX has no groups: it reads GraphML's group nodes, GEXF's parent nodes and
        // GML's `isGroup` nodes as nodes of their own.
        let mut labels = labels.clone();
        labels.extend(m.groups.iter().map(|g| carried(&g.name)));
        labels.sort();
        assert_eq!(seen["nodes"], serde_json::json!(labels), "{ext}: nodes");
        assert_eq!(seen["links"], serde_json::json!(links), "{ext}: links");
        assert_eq!(seen["kinds"], serde_json::json!(kinds), "{ext}: kinds");
    }
    std::fs::remove_dir_all(&dir).ok();
}
