//! Map files the real tools wrote (NetworkX, yEd, Graphviz, and hand-checked Kumu and
//! CmapTools samples) import with their labels, places and arrows; bad files get a message
//! naming what is wrong; too large files are refused; a merge puts the import beside the map.

use cstw_core::import::map::{MAX_BYTES, Source, import, merge};
use cstw_core::model::map::{Direction, Polarity};

use crate::map_formats::{fixture, hostile_map, labels, link_triples, tiny_png};

#[test]
fn files_written_by_networkx_import() {
    for name in ["map-networkx.graphml", "map-networkx.gexf"] {
        let i = fixture(name);
        let m = &i.map;
        assert_eq!(
            labels(m),
            [
                "GP practices",
                "Link workers & <volunteers>",
                "Patients\n(lonely, isolated)",
                "Voluntary groups \u{2014} VCSE"
            ],
            "{name}"
        );
        assert_eq!(m.links.len(), 4, "{name}");
        assert_eq!(
            link_triples(m)[3],
            (
                "Voluntary groups \u{2014} VCSE".into(),
                "GP practices".into(),
                "less demand on".into()
            )
        );
        assert_eq!(m.links[3].polarity, Polarity::Negative);
        assert_eq!(m.links[2].polarity, Polarity::None);
        let kinds: Vec<&str> = m.kinds.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(kinds, ["Involved", "Affected"], "{name}");
        // NetworkX wrote no positions: the map was laid out, with a note saying so.
        assert!(i.notes.iter().any(|n| n.contains("laid out")), "{name}");
        assert!(m.nodes.iter().any(|n| n.x != 0.0 || n.y != 0.0));
    }
}

#[test]
fn a_yed_file_imports_with_its_labels_places_and_arrows() {
    let i = fixture("map-yed.graphml");
    let m = &i.map;
    assert_eq!(i.source, Source::GraphMl);
    assert_eq!(
        labels(m),
        ["GP practices", "Link workers & volunteers", "Patients"]
    );
    // yEd's geometry is the top-left corner and size; ours is the centre.
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (160.0, 65.0));
    assert_eq!(
        link_triples(m)[0],
        (
            "GP practices".into(),
            "Link workers & volunteers".into(),
            "refer".into()
        )
    );
    let dirs: Vec<Direction> = m.links.iter().map(|l| l.direction).collect();
    assert_eq!(dirs, [Direction::Forward, Direction::Both, Direction::None]);
}

#[test]
fn a_file_written_by_graphviz_imports_with_its_positions() {
    let i = fixture("map-graphviz.dot");
    let m = &i.map;
    assert_eq!(i.source, Source::Dot);
    assert_eq!(m.title, "Social prescribing");
    let mut names: Vec<&str> = labels(m);
    names.sort();
    assert_eq!(
        names,
        [
            "GP practices",
            "Link workers\nand \"volunteers\"",
            "Patients",
            "Public health",
            "council",
            "vcse"
        ]
    );
    assert_eq!(m.links.len(), 5);
    let council = m
        .nodes
        .iter()
        .find(|n| n.label == "council")
        .expect("council");
    // pos="248.5,290" in points, y up.
    assert!((council.x - 248.5 / 0.75).abs() < 1e-9 && (council.y + 290.0 / 0.75).abs() < 1e-9);
    let plain = m
        .links
        .iter()
        .find(|l| l.direction == Direction::None)
        .expect("dir=none");
    assert_eq!(m.node_name(plain.to), "Public health");
    assert!(
        m.links
            .iter()
            .any(|l| l.polarity == Polarity::Negative && l.label == "less demand on")
    );
}

#[test]
fn a_kumu_file_imports_with_types_directions_and_missing_elements_added() {
    let i = fixture("map-kumu.json");
    let m = &i.map;
    assert_eq!(i.source, Source::Kumu);
    assert_eq!(
        labels(m),
        [
            "GP practices",
            "Link workers",
            "Patients",
            "Voluntary groups",
            "Carers"
        ]
    );
    assert_eq!(
        link_triples(m)[0],
        ("GP practices".into(), "Link workers".into(), "refer".into())
    );
    let dirs: Vec<Direction> = m.links.iter().map(|l| l.direction).collect();
    assert_eq!(
        dirs,
        [
            Direction::Forward,
            Direction::Both,
            Direction::None,
            Direction::Forward
        ]
    );
    assert_eq!(m.kinds.len(), 2);
}

#[test]
fn a_cmaptools_file_becomes_one_labelled_link_per_proposition() {
    let i = fixture("map-cmaptools.cxl");
    let m = &i.map;
    assert_eq!(i.source, Source::Cxl);
    assert_eq!(m.title, "Social prescribing");
    assert_eq!(
        labels(m),
        [
            "Social prescribing",
            "link workers",
            "lonely patients",
            "community groups"
        ]
    );
    let mut t = link_triples(m);
    t.sort();
    assert_eq!(
        t,
        [
            (
                "Social prescribing".into(),
                "link workers".into(),
                "relies on".into()
            ),
            (
                "link workers".into(),
                "community groups".into(),
                "connect".into()
            ),
            (
                "link workers".into(),
                "lonely patients".into(),
                "connect".into()
            ),
        ]
    );
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (400.0, 60.0));
    assert!(i.notes.iter().any(|n| n.contains("1 linking phrases")));
}

#[test]
fn bad_files_get_a_message_naming_what_is_wrong() {
    let bad = |name: &str, text: &str| {
        import(&[(name.to_string(), text.as_bytes().to_vec())], "m".into())
            .expect_err(&format!("{name} should be refused"))
    };
    let e = bad(
        "x.graphml",
        "<graphml><graph>\n<node id='a'/>\n<edge source='a' target='b'/></graph></graphml>",
    );
    assert!(
        e.contains("Line 3") && e.contains("\u{201c}b\u{201d}"),
        "{e}"
    );
    let e = bad(
        "x.graphml",
        "<graphml><graph><node id='a'></graph></graphml>",
    );
    assert!(e.contains("damaged") && e.contains("1:"), "{e}");
    let e = bad(
        "x.graphml",
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><graphml/>",
    );
    assert!(e.contains("DTD"), "{e}");
    let e = bad("x.dot", "digraph {\n a -> b\n c -> [label=x]\n}");
    assert!(
        e.contains("Line 3") && e.contains("expected a node name"),
        "{e}"
    );
    let deep = format!("digraph {{ {} }}", "a -> ".repeat(500) + "b");
    assert!(bad("deep.dot", &deep).contains("chain of edges"));
    let nested = format!(
        "digraph {} a {}",
        "{ subgraph ".repeat(300),
        "}".repeat(301)
    );
    assert!(bad("nested.dot", &nested).contains("nesting"));
    let e = bad("x.json", "{\"elements\": [1]}");
    assert!(e.contains("elements[0]"), "{e}");
    let e = bad(
        "x.json",
        "{\"format\": \"cst-workbench-map\", \"version\": 9, \"map\": {}}",
    );
    assert!(e.contains("newer version"), "{e}");
    let e = bad("x.json", "{\"map\": {\"id\": \"a\",\n \"nodes\": 3}}");
    assert!(e.contains("map"), "{e}");
    let e = bad("c.csv", "From,To,Direction\nA,B,sideways\n");
    assert!(e.contains("line 2") && e.contains("sideways"), "{e}");
    let e = bad("c.csv", "From,To\nA,\n");
    assert!(e.contains("line 2"), "{e}");
    assert!(bad("x.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>").contains("carries no map"));
    assert!(bad("x.txt", "hello").contains("not a format"));
    assert!(bad("x.xml", "<html/>").contains("\u{201c}html\u{201d}"));
    let mut png = tiny_png();
    assert!(
        import(&[("x.png".into(), png.clone())], "m".into())
            .unwrap_err()
            .contains("no map")
    );
    png.truncate(20);
    assert!(
        import(&[("x.png".into(), png)], "m".into())
            .unwrap_err()
            .contains("cut short")
    );
    let huge = vec![b' '; MAX_BYTES + 1];
    assert!(
        import(&[("big.json".into(), huge)], "m".into())
            .unwrap_err()
            .contains("MB")
    );
    let not_utf8 = vec![b'{', 0xff, 0xfe];
    assert!(
        import(&[("x.json".into(), not_utf8)], "m".into())
            .unwrap_err()
            .contains("UTF-8")
    );
}

#[test]
fn too_many_nodes_or_links_are_refused() {
    let many: String = (0..5_001).map(|i| format!("n{i};")).collect();
    let e = import(
        &[(
            "many.dot".into(),
            format!("graph {{ {many} }}").into_bytes(),
        )],
        "m".into(),
    )
    .unwrap_err();
    assert!(e.contains("5000"), "{e}");
    let mut rows = String::from("From,To\n");
    for i in 0..20_001 {
        rows.push_str(&format!("a{},b{}\n", i % 2_000, i));
    }
    let e = import(&[("links.csv".into(), rows.into_bytes())], "m".into()).unwrap_err();
    assert!(e.contains("nodes") || e.contains("links"), "{e}");
}

#[test]
fn merging_puts_the_import_beside_the_map_with_new_ids_and_shared_kinds() {
    let m = hostile_map();
    let other = fixture("map-kumu.json").map;
    let merged = merge(&m, &other).expect("fits");
    assert_eq!(merged.nodes.len(), m.nodes.len() + other.nodes.len());
    assert_eq!(merged.links.len(), m.links.len() + other.links.len());
    assert_eq!(&merged.nodes[..m.nodes.len()], &m.nodes[..]);
    let right = m
        .bounds(cstw_core::model::map::Metrics::STANDARD)
        .expect("nodes")
        .x1;
    assert!(merged.nodes[m.nodes.len()..].iter().all(|n| n.x > right));
    // Merging the map into itself adds no second set of kinds.
    let twice = merge(&m, &m).expect("fits");
    assert_eq!(twice.kinds.len(), m.kinds.len());
    let mut notes = Vec::new();
    let mut repaired = twice.clone();
    repaired.repair(&mut notes);
    assert!(notes.is_empty(), "{notes:?}");
}
