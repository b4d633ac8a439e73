//! Parallel links and groups through real files and every writer that nests.

use cstw_core::export::map as ex;
use cstw_core::import::map::{Source, import};
use cstw_core::model::map::ConceptMap;
use proptest::prelude::*;

use crate::map_formats::{fixture, hostile_map, labels, link_triples};

fn sorted(mut v: Vec<(String, String, String)>) -> Vec<(String, String, String)> {
    v.sort();
    v
}

fn t(a: &str, b: &str, l: &str) -> (String, String, String) {
    (a.into(), b.into(), l.into())
}

/// Each node's group name and that group's parent's name.
fn groups_by_label(m: &ConceptMap) -> Vec<(String, Option<String>, Option<String>)> {
    let mut out: Vec<_> = m
        .nodes
        .iter()
        .map(|n| {
            let g = n.group.and_then(|g| m.group(g));
            (
                n.label.clone(),
                g.map(|g| g.name.clone()),
                g.and_then(|g| g.parent)
                    .and_then(|p| m.group(p))
                    .map(|p| p.name.clone()),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn networkx_multigraphs_keep_parallel_links_and_merge_the_exact_repeat() {
    for (name, names) in [
        ("map-networkx-multi.gml", ["funder", "project", "board"]),
        (
            "map-networkx-multi.graphml",
            ["Funder", "Project <pilot> & \"co\"", "Board"],
        ),
    ] {
        let i = fixture(name);
        let m = &i.map;
        assert_eq!(labels(m), names, "{name}");
        let [f, p, b] = names;
        assert_eq!(
            sorted(link_triples(m)),
            sorted(vec![
                t(f, p, "funds"),
                t(f, p, "advises"),
                t(p, f, "reports to"),
                t(b, p, "steers"),
            ]),
            "{name}: four links, three of them between one pair"
        );
        assert!(
            i.notes
                .iter()
                .any(|n| n.contains("1 link exactly repeated another")),
            "{name}: {:?}",
            i.notes
        );
        assert_eq!(m.groups.len(), 0);
    }
}

#[test]
fn graphviz_clusters_become_nested_groups_and_parallel_links_stay() {
    let i = fixture("map-graphviz-clusters.dot");
    let m = &i.map;
    assert_eq!(i.source, Source::Dot);
    assert_eq!(
        m.title, "Care system",
        "the top graph's label, not a cluster's"
    );
    assert_eq!(m.nodes.len(), 6);
    assert_eq!(m.links.len(), 8);
    assert_eq!(m.groups.len(), 3);
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        groups_by_label(m),
        vec![
            ("A&E\n24 h".into(), s("Acute care"), s("Health services")),
            ("GP practice".into(), s("Health services"), None),
            ("Link workers".into(), s("Community"), None),
            ("Patient".into(), None, None),
            ("Voluntary groups".into(), s("Community"), None),
            ("Ward".into(), s("Acute care"), s("Health services")),
        ]
    );
    let between: Vec<_> = link_triples(m)
        .into_iter()
        .filter(|(a, b, _)| {
            (a == "Patient" && b == "GP practice") || (a == "GP practice" && b == "Patient")
        })
        .collect();
    assert_eq!(between.len(), 3, "{between:?}");
    let lanes = m.lanes();
    let mut offsets: Vec<i64> = m
        .links
        .iter()
        .filter(|l| lanes[&l.id].count == 3)
        .map(|l| lanes[&l.id].offset() as i64)
        .collect();
    offsets.sort();
    assert_eq!(offsets, [-34, 0, 34], "three separate curves");
}

#[test]
fn a_clusters_label_is_not_the_maps_title() {
    let dot = "digraph {\n subgraph cluster_a { label=\"Inner\"; a; subgraph { label=\"Plain\"; b } }\n a -> b\n}\n";
    let i = import(&[("care.dot".into(), dot.as_bytes().to_vec())], "m".into()).expect("reads");
    assert_eq!(i.map.title, "care");
    assert_eq!(i.map.groups.len(), 1);
    assert_eq!(i.map.groups[0].name, "Inner");
    assert_eq!(i.map.nodes.iter().filter(|n| n.group.is_some()).count(), 2);
}

#[test]
fn our_own_fixture_with_groups_reads_repaired() {
    let i = fixture("map-groups.map.json");
    let m = &i.map;
    assert_eq!(m.nodes.len(), 4);
    assert_eq!(
        m.links.len(),
        6,
        "our own file is the exact map: parallels and even a repeat stay"
    );
    assert_eq!(m.groups.len(), 3);
    // 12 and 13 named each other as parent: the cycle is cut.
    assert!(
        m.groups.iter().all(|g| g.parent.is_none()),
        "{:?}",
        m.groups
    );
    assert!(m.group(12).is_some_and(|g| g.collapsed));
    assert_eq!(m.hidden_in(2), Some(12));
    assert_eq!(m.hidden_in(1), None);
    assert!(i.notes.iter().any(|n| n.contains("cycle")), "{:?}", i.notes);
    // The picture draws the collapsed group as one box and hides its nodes.
    let svg = ex::svg::svg(m);
    assert!(svg.contains("Pilot team") && !svg.contains("Pilot &lt;project&gt;</tspan>"));
    assert!(svg.contains("Funding &lt;bodies&gt;"));
    // Four links between Funder and the collapsed group: each its own curve.
    let curves = svg.matches("Q").count();
    assert!(curves >= 2, "parallel links are curves: {curves}");
}

#[test]
fn every_nesting_writer_reads_back_with_its_groups() {
    let m = hostile_map();
    let want = groups_by_label(&m);
    let carried = |s: &str| cstw_core::export::xml::carried(s);
    for (name, text) in [
        ("x.mmd", ex::mermaid::mermaid(&m)),
        ("x.graphml", ex::graphml::graphml(&m)),
        ("x.gexf", ex::gexf::gexf(&m)),
        ("x.dot", ex::dot::dot(&m)),
        ("x.gml", ex::gml::gml(&m)),
        ("x.map.json", ex::json::json(&m)),
    ] {
        let back = import(&[(name.into(), text.into_bytes())], "b".into())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let b = &back.map;
        assert_eq!(b.links.len(), m.links.len(), "{name}: links");
        let got: Vec<_> = groups_by_label(b)
            .into_iter()
            .map(|(_, g, p)| (g, p))
            .collect();
        let mut got = got;
        got.sort();
        let mut expect: Vec<_> = want
            .iter()
            .map(|(_, g, p)| {
                let c = |x: &Option<String>| {
                    x.as_ref().map(|x| {
                        if name.ends_with(".graphml")
                            || name.ends_with(".gexf")
                            || name.ends_with(".dot")
                        {
                            carried(x)
                        } else {
                            x.clone()
                        }
                    })
                };
                (c(g), c(p))
            })
            .collect();
        expect.sort();
        assert_eq!(got, expect, "{name}: groups");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn dot_byte_soup_and_truncation_never_panic(
        body in proptest::collection::vec(
            prop_oneof![
                Just("{".to_string()), Just("}".to_string()), Just("[".to_string()),
                Just("]".to_string()), Just("->".to_string()), Just("--".to_string()),
                Just("=".to_string()), Just(";".to_string()), Just(",".to_string()),
                Just(":".to_string()), Just("\"".to_string()), Just("<".to_string()),
                Just(">".to_string()), Just("subgraph cluster_x".to_string()),
                Just("label".to_string()), Just("/*".to_string()), Just("\\".to_string()),
                Just("\n".to_string()), Just("+".to_string()), "[a-z0-9 ]{0,4}",
                any::<char>().prop_map(|c| c.to_string()),
            ],
            0..60,
        ),
        cut in 0usize..400,
    ) {
        let text = format!("digraph {{ {} }}", body.concat());
        let _ = import(&[("x.dot".into(), text.clone().into_bytes())], "m".into());
        let end = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(text.len());
        let _ = import(&[("x.dot".into(), text.as_bytes()[..end].to_vec())], "m".into());
    }
}

#[test]
fn a_kumu_file_with_a_group_field_gives_groups_and_our_kumu_export_keeps_them() {
    let i = fixture("map-kumu-groups.json");
    let m = &i.map;
    assert_eq!(i.source, Source::Kumu);
    assert_eq!(m.nodes.len(), 4);
    assert_eq!(m.links.len(), 3);
    assert_eq!(m.groups.len(), 2);
    assert_eq!(
        groups_by_label(m),
        vec![
            ("GP practices".into(), Some("Primary care".into()), None),
            ("Link workers".into(), Some("Primary care".into()), None),
            ("Lonely patients".into(), None, None),
            ("Voluntary groups".into(), Some("Third sector".into()), None),
        ]
    );
    let back = import(
        &[("map.json".into(), ex::kumu::kumu(m).into_bytes())],
        "x".into(),
    )
    .unwrap();
    assert_eq!(groups_by_label(&back.map), groups_by_label(m));
}

#[test]
fn cmaptools_nested_nodes_become_nested_groups_and_phrases_to_them_end_on_the_group() {
    let i = fixture("map-cmaptools-nested.cxl");
    let m = &i.map;
    assert_eq!(i.source, Source::Cxl);
    assert_eq!(
        labels(m),
        [
            "GP practices",
            "Link workers",
            "Voluntary groups",
            "lonely patients"
        ]
    );
    assert_eq!(m.groups.len(), 3);
    assert_eq!(
        groups_by_label(m),
        vec![
            ("GP practices".into(), Some("Primary care".into()), None),
            ("Link workers".into(), Some("Primary care".into()), None),
            (
                "Voluntary groups".into(),
                Some("Third sector".into()),
                Some("Community".into())
            ),
            ("lonely patients".into(), None, None),
        ]
    );
    // "Primary care funds Community": a link from one group to another.
    let name = |id: u32| match m.group(id) {
        Some(g) => format!("group {}", g.name),
        None => m.node_name(id),
    };
    let mut links: Vec<(String, String, String)> = m
        .links
        .iter()
        .map(|l| (name(l.from), name(l.to), l.label.clone()))
        .collect();
    links.sort();
    assert_eq!(
        links,
        vec![
            t("GP practices", "Voluntary groups", "refer to"),
            t("Link workers", "lonely patients", ""),
            t("group Primary care", "group Community", "funds"),
        ]
    );
}
