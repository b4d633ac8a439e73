//! The readers for files real tools write: text in any encoding the app reads (UTF-8 with or
//! without a byte-order mark, UTF-16LE/BE, CRLF line ends) through every map format; GML
//! written by NetworkX (a small map and Zachary's karate club) and by hand in yEd's shape;
//! byte soup and truncation through the new readers.

use cstw_core::export::map::{self as ex, Format};
use cstw_core::import::map::{Source, import};
use cstw_core::model::map::{Direction, Polarity};
use proptest::prelude::*;

use crate::map_formats::{READABLE, files, fixture, hostile_map, labels, link_triples};

fn utf16(text: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for u in text.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn crlf(text: &str) -> Vec<u8> {
    text.replace("\r\n", "\n")
        .replace('\n', "\r\n")
        .into_bytes()
}

#[test]
fn every_text_format_reads_the_same_in_utf16_and_with_a_bom() {
    let m = hostile_map();
    for f in READABLE.into_iter().filter(|f| *f != Format::Png) {
        let plain = import(&files(&m, f), "m".into())
            .expect("plain imports")
            .map;
        for (what, recode) in [
            (
                "UTF-16LE",
                (|t: &str| utf16(t, true)) as fn(&str) -> Vec<u8>,
            ),
            ("UTF-16BE", |t| utf16(t, false)),
            ("UTF-8 with a BOM", |t| {
                [&[0xef, 0xbb, 0xbf][..], t.as_bytes()].concat()
            }),
        ] {
            let fs: Vec<(String, Vec<u8>)> = files(&m, f)
                .into_iter()
                .map(|(n, b)| {
                    let text = String::from_utf8(b).expect("exports are UTF-8");
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
                    (n, recode(&text))
                })
                .collect();
            let back = import(&fs, "m".into())
                .unwrap_or_else(|e| panic!("{f:?} in {what}: {e}"))
                .map;
            assert_eq!(back, plain, "{f:?} in {what}");
        }
    }
}

#[test]
fn every_text_format_reads_with_crlf_line_ends() {
    // Files saved on Windows: every line end CRLF. Labels here have no line breaks of their
    // own, so the map read back is the same.
    let mut m = cstw_core::model::map::ConceptMap::new("m".into(), "Windows map");
    let a = m.add_node("GP practices", Default::default(), None);
    let b = m.add_node(
        "Link workers",
        cstw_core::model::map::Point::new(200.0, 0.0),
        None,
    );
    let l = m.add_link(a, b).expect("linked");
    m.edit_link(l, |l| l.label = "refer".into());
    for f in READABLE.into_iter().filter(|f| *f != Format::Png) {
        let plain = import(&files(&m, f), "m".into())
            .expect("plain imports")
            .map;
        let fs: Vec<(String, Vec<u8>)> = files(&m, f)
            .into_iter()
            .map(|(n, b)| (n, crlf(&String::from_utf8(b).expect("UTF-8"))))
            .collect();
        let back = import(&fs, "m".into())
            .unwrap_or_else(|e| panic!("{f:?} with CRLF: {e}"))
            .map;
        assert_eq!(labels(&back), labels(&plain), "{f:?}");
        assert_eq!(link_triples(&back), link_triples(&plain), "{f:?}");
    }
}

#[test]
fn text_that_is_not_utf8_or_utf16_is_named() {
    let e = import(
        &[("x.dot".into(), b"digraph { a -> \xff }".to_vec())],
        "m".into(),
    )
    .unwrap_err();
    assert!(
        e.contains("x.dot") && e.contains("UTF-8") && e.contains("position 15"),
        "{e}"
    );
    let mut bad = utf16("graph [", true);
    bad.extend([0x00, 0xdc]);
    let e = import(&[("x.gml".into(), bad)], "m".into()).unwrap_err();
    assert!(e.contains("UTF-16"), "{e}");
}

#[test]
fn a_gml_file_written_by_networkx_imports_with_kinds_places_and_colours() {
    let i = fixture("map-networkx.gml");
    let m = &i.map;
    assert_eq!(i.source, Source::Gml);
    assert_eq!(m.title, "Social prescribing");
    assert_eq!(
        labels(m),
        [
            "GP practices",
            "Link workers & \"volunteers\"",
            "Patients\n(lonely, isolated)",
            "Voluntary groups \u{2014} VCSE \u{1f331}",
            "Public health"
        ]
    );
    assert_eq!(m.links.len(), 5);
    assert_eq!(
        link_triples(m)[3],
        (
            "Voluntary groups \u{2014} VCSE \u{1f331}".into(),
            "GP practices".into(),
            "less demand on".into()
        )
    );
    let pols: Vec<Polarity> = m.links.iter().map(|l| l.polarity).collect();
    assert_eq!(
        pols,
        [
            Polarity::Positive,
            Polarity::Positive,
            Polarity::None,
            Polarity::Negative,
            Polarity::None
        ]
    );
    assert!(m.links.iter().all(|l| l.direction == Direction::Forward));
    // graphics x, y kept exactly (y down, as yEd and Cytoscape have it).
    assert_eq!((m.nodes[1].x, m.nodes[1].y), (300.5, 50.0));
    assert_eq!((m.nodes[4].x, m.nodes[4].y), (-40.0, 135.0));
    let kinds: Vec<(&str, u8)> = m
        .kinds
        .iter()
        .map(|k| (k.name.as_str(), k.colour))
        .collect();
    // fill #1F6FB2 is the palette's first colour, #C35A00 its second.
    assert_eq!(kinds, [("Involved", 0), ("Affected", 1)]);
    assert_eq!(m.nodes[4].kind, None);
    assert!(
        !i.notes.iter().any(|n| n.contains("laid out")),
        "{:?}",
        i.notes
    );
}

#[test]
fn zacharys_karate_club_from_networkx_imports_undirected_and_laid_out() {
    let i = fixture("map-karate.gml");
    let m = &i.map;
    assert_eq!(m.title, "Zachary's Karate Club");
    assert_eq!(m.nodes.len(), 34);
    assert_eq!(m.links.len(), 78);
    assert!(m.links.iter().all(|l| l.direction == Direction::None));
    assert_eq!(m.nodes[33].label, "33");
    assert!(
        i.notes.iter().any(|n| n.contains("laid out")),
        "{:?}",
        i.notes
    );
}

#[test]
fn a_yed_style_gml_reads_label_graphics_entities_and_multi_line_strings() {
    let i = fixture("map-yed.gml");
    let m = &i.map;
    assert_eq!(
        labels(m),
        ["GP \"practices\"", "Link workers\n& volunteers", "12"]
    );
    assert_eq!((m.nodes[2].x, m.nodes[2].y), (280.5, -40.0));
    let t = link_triples(m);
    assert_eq!(
        t[1],
        (
            "Link workers & volunteers".into(),
            "12".into(),
            "support".into()
        )
    );
    assert!(m.links.iter().all(|l| l.direction == Direction::None));
    // An empty graph label: the title comes from the file name.
    assert_eq!(m.title, "map yed");
}

#[test]
fn damaged_gml_gets_a_message_with_the_line() {
    let bad =
        |text: &str| import(&[("x.gml".into(), text.as_bytes().to_vec())], "m".into()).unwrap_err();
    let e = bad("graph [\n node [ id 1 ]\n edge [ source 1 target 2 ]\n]");
    assert!(e.contains("no node with id 2"), "{e}");
    let e = bad("graph [\n node [ id 1 label \"a ]\n]");
    assert!(e.contains("Line 2") && e.contains("never closed"), "{e}");
    let e = bad("graph [\n node [ id 1 ]\n");
    assert!(e.contains("never closed"), "{e}");
    let deep = format!("graph [ {} ]", "x [ ".repeat(5_000) + &"]".repeat(5_000));
    assert!(bad(&deep).contains("deeper"));
}

#[test]
fn a_dot_file_graphviz_wrote_with_html_labels_reads_as_text() {
    let i = fixture("map-graphviz-html.dot");
    let m = &i.map;
    assert_eq!(i.source, Source::Dot);
    let mut names = labels(m);
    names.sort();
    assert_eq!(
        names,
        [
            "Audit\nid AutoField\nwhen DateTimeField",
            "Risk\nscore int",
            "Tom & Jerry\n<cartoon>",
            "bun:sqlite"
        ]
    );
    let mut t = link_triples(m);
    t.sort();
    assert_eq!(
        t,
        [
            (
                "Audit id AutoField when DateTimeField".into(),
                "Risk score int".into(),
                "rates".into()
            ),
            (
                "Risk score int".into(),
                "bun:sqlite".into(),
                "stored in".into()
            ),
            (
                "Tom & Jerry <cartoon>".into(),
                "Audit id AutoField when DateTimeField".into(),
                String::new()
            ),
        ]
    );
}

#[test]
fn langgraphs_mermaid_output_imports() {
    let i = fixture("map-langgraph.mmd");
    let m = &i.map;
    assert_eq!(i.source, Source::Mermaid);
    assert_eq!(labels(m), ["__start__", "agent", "tools", "__end__"]);
    let t = link_triples(m);
    assert_eq!(t[0], ("__start__".into(), "agent".into(), String::new()));
    // agent -.-> tools and tools --> agent: two links between one pair, both kept.
    assert_eq!(m.links.len(), 4);
    assert!(t.contains(&("agent".into(), "tools".into(), String::new())));
    assert!(t.contains(&("tools".into(), "agent".into(), String::new())));
    assert!(
        i.notes.iter().any(|n| n.contains("3 style")),
        "{:?}",
        i.notes
    );
}

/// A label as Mermaid carries it: CR gone, other control characters as spaces.
fn mermaid_label(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '\r')
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

#[test]
fn our_mermaid_export_reads_back_with_labels_directions_and_polarity() {
    let m = hostile_map();
    let text = ex::mermaid::mermaid(&m);
    let back = import(&[("m.mmd".into(), text.into_bytes())], "m".into())
        .unwrap_or_else(|e| panic!("{e}"))
        .map;
    assert_eq!(back.nodes.len(), m.nodes.len());
    assert_eq!(back.links.len(), m.links.len());
    for (a, z) in m.nodes.iter().zip(&back.nodes) {
        assert_eq!(z.label, mermaid_label(&a.label));
    }
    let index = |map: &cstw_core::model::map::ConceptMap, id| map.node_index(id).expect("an end");
    for (a, z) in m.links.iter().zip(&back.links) {
        assert_eq!(
            (index(&m, a.from), index(&m, a.to)),
            (index(&back, z.from), index(&back, z.to))
        );
        assert_eq!(z.label, mermaid_label(&a.label), "link {}", a.id);
        assert_eq!(
            (z.direction, z.polarity),
            (a.direction, a.polarity),
            "link {}",
            a.id
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Byte soup after a GML, Mermaid or DOT start never panics, in UTF-8 or UTF-16.
    #[test]
    fn byte_soup_never_panics_the_new_readers(
        bytes in prop::collection::vec(any::<u8>(), 0..800),
        which in 0..6usize,
        wide in any::<bool>(),
    ) {
        let prefix = [
            "graph [\n", "Creator \"x\"\ngraph [ node [ id 1 label \"",
            "flowchart LR\n", "graph TD\n  A[\"", "digraph { a [label=<", "---\ntitle: x\n---\nflowchart TB\n",
        ][which];
        let mut file = if wide { utf16(prefix, true) } else { prefix.as_bytes().to_vec() };
        file.extend(bytes);
        let _ = import(&[("soup".into(), file)], "m".into());
    }

    /// Text soup (valid UTF-8 made of the formats' own punctuation) never panics.
    #[test]
    fn punctuation_soup_never_panics_the_new_readers(
        text in "[\\[\\](){}<>|&;:#\"'=/\\\\.\\-x1 \n]{0,400}",
        which in 0..3usize,
    ) {
        let prefix = ["graph [\n", "flowchart LR\n", "digraph { a [label=<"][which];
        let _ = import(&[("soup".into(), format!("{prefix}{text}").into_bytes())], "m".into());
    }

    /// Any map through our Mermaid export and back keeps its nodes, links and labels.
    #[test]
    fn any_map_round_trips_through_mermaid(m in crate::arbitrary::concept_map()) {
        let back = import(&[("m.mmd".into(), ex::mermaid::mermaid(&m).into_bytes())], "m".into());
        let back = back.map_err(TestCaseError::fail)?.map;
        prop_assert_eq!(back.nodes.len(), m.nodes.len());
        prop_assert_eq!(back.links.len(), m.links.len());
        for (a, z) in m.nodes.iter().zip(&back.nodes) {
            prop_assert_eq!(&z.label, &mermaid_label(&a.label));
        }
        for (a, z) in m.links.iter().zip(&back.links) {
            prop_assert_eq!(&z.label, &mermaid_label(&a.label));
            prop_assert_eq!((z.direction, z.polarity), (a.direction, a.polarity));
        }
    }

    /// Our GML cut anywhere never panics; what imports is a valid map.
    #[test]
    fn truncated_gml_never_panics(cut in 0.0..1.0f64) {
        let text = ex::gml::gml(&hostile_map());
        // Cut at any byte, even inside a character: the decoder names it, nothing panics.
        let keep = (text.len() as f64 * cut) as usize;
        if let Ok(i) = import(&[("cut.gml".into(), text.as_bytes()[..keep].to_vec())], "m".into()) {
            let mut copy = i.map.clone();
            let mut notes = Vec::new();
            copy.repair(&mut notes);
            prop_assert!(notes.is_empty(), "{:?}", notes);
        }
    }
}

#[test]
fn igraph_reads_our_gml_with_the_same_nodes_links_and_labels() {
    // igraph reads `&quot;` and `&amp;` but no numeric references, so the labels here are
    // printable ASCII: quotes, ampersands, markup, GML's own brackets and a comment sign.
    let mut m = cstw_core::model::map::ConceptMap::new("m".into(), "Tom & \"Jerry\"");
    let names = [
        "<b>GP</b> & \"practices\"",
        "a [list] # not a comment",
        "",
        "plain",
    ];
    let ids: Vec<_> = names
        .iter()
        .map(|l| m.add_node(l, Default::default(), None))
        .collect();
    for (i, (a, b)) in [(0, 1), (1, 2), (2, 3), (3, 0)].into_iter().enumerate() {
        let l = m.add_link(ids[a], ids[b]).expect("linked");
        m.edit_link(l, |l| l.label = format!("rel \"{i}\" & co"));
    }
    let path = std::env::temp_dir().join(format!("cstw-igraph-{}.gml", std::process::id()));
    std::fs::write(&path, ex::gml::gml(&m)).expect("written");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/readers/igraph_read.py"
    );
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 runs");
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "igraph could not read our GML (tools/setup.sh installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(seen["directed"], true);
    assert_eq!(seen["title"], m.title);
    assert_eq!(seen["nodes"], serde_json::json!(names));
    let links: Vec<[String; 3]> = m
        .links
        .iter()
        .map(|l| {
            [
                m.node(l.from).unwrap().label.clone(),
                m.node(l.to).unwrap().label.clone(),
                l.label.clone(),
            ]
        })
        .collect();
    assert_eq!(seen["links"], serde_json::json!(links));
}
