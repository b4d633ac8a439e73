//! Map exports and imports: every format round-trips a map full of hostile labels; the real
//! tools read our files (Graphviz's `dot`, Python's NetworkX); files the real tools wrote (and
//! hand-checked Kumu and CmapTools samples) import; damaged files give a message and never a
//! panic (byte soup and mutated exports through every importer).

use std::io::Write as _;
use std::process::Command;

use cstw_core::export::map::{self as ex, Format};
use cstw_core::export::xml::carried;
use cstw_core::import::map::{Imported, MAX_BYTES, Source, import, merge};
use cstw_core::model::map::{ConceptMap, Direction, Point, Polarity, Shape};
use proptest::prelude::*;

use crate::fixtures::load;

/// Labels that break naive writers: markup, quotes, CDATA ends, comment dashes, line breaks,
/// tabs, emoji, right-to-left marks, formula starts, backslash escapes and a 10 KB string.
pub fn hostile_labels() -> Vec<String> {
    vec![
        "<script>alert(1)</script>".into(),
        "Tom & Jerry's \"quotes\"".into(),
        "]]> and <![CDATA[ x ]]>".into(),
        "-- not a comment -->".into(),
        "line one\nline two\r\nline three".into(),
        "tab\there".into(),
        "👩🏽\u{200d}⚕️ GP 🌱".into(),
        "\u{202e}RTL override\u{202c} \u{200f}שלום\u{200e} مرحبا".into(),
        "=HYPERLINK(\"http://x\")".into(),
        "'=already quoted".into(),
        "back\\slash \\N \\n \\\" end".into(),
        "a;b|c#1;`d`".into(),
        "x".repeat(10_240),
        String::new(),
    ]
}

/// A map with every hostile label on a node and on a link, kinds of every shape, links of
/// every direction and polarity.
pub fn hostile_map() -> ConceptMap {
    let mut m = ConceptMap::new("m-hostile".into(), "Hostile <map> & \"friends\"");
    m.focus_question = "What -- really -- happens?\nSecond line".into();
    let kinds: Vec<_> = Shape::ALL
        .iter()
        .enumerate()
        .map(|(i, shape)| {
            let k = m.add_kind(&format!("Kind <{i}> & \"{}\"", shape.as_str()));
            m.edit_kind(k, |k| {
                k.colour = (i * 2) as u8;
                k.shape = *shape;
            });
            k
        })
        .collect();
    let labels = hostile_labels();
    let ids: Vec<_> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let kind = (i % 5 < 4).then(|| kinds[i % 4]);
            m.add_node(
                l,
                Point::new(i as f64 * 250.5, (i % 3) as f64 * -130.25),
                kind,
            )
        })
        .collect();
    for i in 0..ids.len() {
        let j = (i + 1) % ids.len();
        let id = m.add_link(ids[i], ids[j]).expect("two different nodes");
        m.edit_link(id, |l| {
            l.label = labels[(i + 3) % labels.len()].clone();
            l.direction = Direction::ALL[i % 3];
            l.polarity = Polarity::ALL[i % 3];
        });
    }
    // Parallel links: beside each of the first three, one with another label, direction and
    // polarity, and one the other way.
    for i in 0..3 {
        let (a, b) = (ids[i], ids[i + 1]);
        m.push_link(
            a,
            b,
            labels[(i + 7) % labels.len()].clone(),
            Direction::ALL[(i + 1) % 3],
            Polarity::ALL[(i + 2) % 3],
        );
        m.push_link(
            b,
            a,
            format!("back <{i}> & \"so\""),
            Direction::Forward,
            Polarity::None,
        );
    }
    // Groups: the last four nodes in a group, the last two of them in a group inside it (so
    // the nested writers keep the nodes' order).
    let n = ids.len();
    m.add_group("Group <one> & \"two\"", &ids[n - 4..]);
    let inner = m.add_group("inner ]]> -- group", &ids[n - 2..]);
    m.edit_group(inner, |g| g.colour = 5);
    m
}

/// Each node's group and that group's parent, by name, as format `f` gives names back.
fn group_shape(m: &ConceptMap, f: Option<Format>) -> Vec<Option<(String, Option<String>)>> {
    let name = |s: &str| f.map_or(s.to_string(), |f| expected_label(f, s));
    m.nodes
        .iter()
        .map(|n| {
            let g = m.group(n.group?)?;
            Some((
                name(&g.name),
                g.parent.and_then(|p| m.group(p)).map(|p| name(&p.name)),
            ))
        })
        .collect()
}

/// What a format keeps beyond nodes and links.
struct Keeps {
    positions: bool,
    title: bool,
    focus: bool,
    kind_looks: bool,
}

fn keeps(f: Format) -> Keeps {
    let all = Keeps {
        positions: true,
        title: true,
        focus: true,
        kind_looks: true,
    };
    match f {
        Format::Gexf => Keeps {
            focus: false,
            ..all
        },
        Format::ElementsCsv | Format::ConnectionsCsv => Keeps {
            title: false,
            focus: false,
            ..all
        },
        _ => all,
    }
}

/// A 1 × 1 PNG, as the browser's canvas would give, for the PNG export.
fn tiny_png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut h = crc32fast::Hasher::new();
        h.update(kind);
        h.update(data);
        out.extend_from_slice(&h.finalize().to_be_bytes());
    }
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    chunk(&mut png, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01],
    );
    chunk(&mut png, b"IEND", &[]);
    png
}

/// The files an export gives, as an import receives them.
pub fn files(m: &ConceptMap, f: Format) -> Vec<(String, Vec<u8>)> {
    let name = ex::file_name("Workshop", m, "2026-11-24", f);
    let one = |text: String| vec![(name.clone(), text.into_bytes())];
    match f {
        Format::Svg => one(ex::svg::svg(m)),
        Format::Png => vec![(
            name.clone(),
            ex::png::embed(&tiny_png(), &ex::json::compact(m)).expect("a good PNG"),
        )],
        Format::Dot => one(ex::dot::dot(m)),
        Format::GraphMl => one(ex::graphml::graphml(m)),
        Format::Gexf => one(ex::gexf::gexf(m)),
        Format::Gml => one(ex::gml::gml(m)),
        Format::Kumu => one(ex::kumu::kumu(m)),
        Format::Json => one(ex::json::json(m)),
        Format::ElementsCsv | Format::ConnectionsCsv => vec![
            (
                ex::file_name("Workshop", m, "2026-11-24", Format::ElementsCsv),
                ex::table::elements(m).into_bytes(),
            ),
            (
                ex::file_name("Workshop", m, "2026-11-24", Format::ConnectionsCsv),
                ex::table::connections(m).into_bytes(),
            ),
        ],
        Format::Mermaid => unreachable!("Mermaid is export only"),
    }
}

pub const READABLE: [Format; 10] = [
    Format::Json,
    Format::Svg,
    Format::Png,
    Format::GraphMl,
    Format::Gexf,
    Format::Dot,
    Format::Gml,
    Format::Kumu,
    Format::ElementsCsv,
    Format::ConnectionsCsv,
];

/// The label a format can give back: XML and DOT cannot hold most control characters (they
/// become U+FFFD), and a DOT string cannot end in a backslash (a space is added).
fn expected_label(f: Format, label: &str) -> String {
    match f {
        Format::GraphMl | Format::Gexf => carried(label),
        Format::Dot => {
            let mut l = carried(label);
            if l.ends_with('\\') {
                l.push(' ');
            }
            l
        }
        _ => label.to_string(),
    }
}

/// A node's kind name as a format gives it back: carried through XML or DOT, then trimmed
/// (imports trim kind names); no kind when the name is blank.
fn kind_name(m: &ConceptMap, i: usize, xmlish: bool) -> Option<String> {
    m.nodes[i]
        .kind
        .and_then(|k| m.kind(k))
        .map(|k| {
            if xmlish {
                carried(&k.name)
            } else {
                k.name.clone()
            }
        })
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

/// Checks that `back` is `m` as format `f` can carry it.
fn assert_same(m: &ConceptMap, back: &Imported, f: Format, exact_kinds: bool) {
    let b = &back.map;
    let what = format!("{f:?}");
    assert_eq!(b.nodes.len(), m.nodes.len(), "{what}: node count");
    assert_eq!(b.links.len(), m.links.len(), "{what}: link count");
    let k = keeps(f);
    let xmlish = matches!(f, Format::GraphMl | Format::Gexf | Format::Dot);
    for (i, (a, z)) in m.nodes.iter().zip(&b.nodes).enumerate() {
        assert_eq!(
            z.label,
            expected_label(f, &a.label),
            "{what}: label of node {i}"
        );
        if k.positions {
            assert!(
                (a.x - z.x).abs() <= 1e-9 * a.x.abs().max(1.0)
                    && (a.y - z.y).abs() <= 1e-9 * a.y.abs().max(1.0),
                "{what}: node {i} moved from ({}, {}) to ({}, {})",
                a.x,
                a.y,
                z.x,
                z.y
            );
        }
        let want = kind_name(m, i, xmlish);
        let want = if f == Format::Json || f == Format::Svg || f == Format::Png {
            m.nodes[i]
                .kind
                .and_then(|k| m.kind(k))
                .map(|k| k.name.clone())
        } else {
            want
        };
        assert_eq!(
            b.nodes[i]
                .kind
                .and_then(|k| b.kind(k))
                .map(|k| k.name.clone()),
            want,
            "{what}: kind of node {i}"
        );
        if exact_kinds
            && k.kind_looks
            && let (Some(ka), Some(kz)) = (
                a.kind.and_then(|x| m.kind(x)),
                z.kind.and_then(|x| b.kind(x)),
            )
        {
            assert_eq!(
                (ka.colour, ka.shape),
                (kz.colour, kz.shape),
                "{what}: kind look of node {i}"
            );
        }
    }
    if matches!(
        f,
        Format::Json
            | Format::Svg
            | Format::Png
            | Format::GraphMl
            | Format::Gexf
            | Format::Dot
            | Format::Gml
    ) {
        assert_eq!(
            group_shape(b, None),
            group_shape(m, Some(f)),
            "{what}: groups"
        );
    }
    let index = |map: &ConceptMap, id| map.node_index(id).expect("a link's end exists");
    for (a, z) in m.links.iter().zip(&b.links) {
        assert_eq!(
            (index(m, a.from), index(m, a.to)),
            (index(b, z.from), index(b, z.to)),
            "{what}: link {} ends",
            a.id
        );
        assert_eq!(
            z.label,
            expected_label(f, &a.label),
            "{what}: label of link {}",
            a.id
        );
        assert_eq!(
            z.direction, a.direction,
            "{what}: direction of link {}",
            a.id
        );
        assert_eq!(z.polarity, a.polarity, "{what}: polarity of link {}", a.id);
    }
    if k.title && exact_kinds {
        assert_eq!(b.title, m.title, "{what}: title");
    }
    if k.focus && exact_kinds {
        assert_eq!(
            b.focus_question,
            carried(&m.focus_question),
            "{what}: focus question"
        );
    }
}

#[test]
fn every_format_round_trips_hostile_labels() {
    let m = hostile_map();
    for f in READABLE {
        let back = import(&files(&m, f), "m-back".into())
            .unwrap_or_else(|e| panic!("{f:?} did not import: {e}"));
        assert_eq!(back.map.id, "m-back");
        assert_same(&m, &back, f, true);
    }
}

#[test]
fn our_own_formats_give_back_the_exact_map() {
    let m = hostile_map();
    for f in [Format::Json, Format::Svg, Format::Png] {
        let mut back = import(&files(&m, f), m.id.clone()).expect("imports").map;
        back.view = m.view;
        assert_eq!(back, m, "{f:?}");
    }
}

#[test]
fn exports_keep_user_text_as_text() {
    let m = hostile_map();
    let svg = ex::svg::svg(&m);
    assert!(!svg.contains("<script"), "SVG has a raw <script>");
    assert!(!svg.contains("foreignObject"));
    assert!(svg.contains("&lt;script&gt;"));
    // Every export parses as its format: XML by roxmltree, JSON by serde_json.
    for xml in [svg, ex::graphml::graphml(&m), ex::gexf::gexf(&m)] {
        roxmltree::Document::parse(&xml).expect("well-formed XML");
    }
    serde_json::from_str::<serde_json::Value>(&ex::kumu::kumu(&m)).expect("JSON");
    let mermaid = ex::mermaid::mermaid(&m);
    for line in mermaid.lines().skip(1) {
        // A label never leaves its quotes: outside quoted parts only ids, arrows and styles.
        let outside: String = line.replace("<-->", "").split('"').step_by(2).collect();
        assert!(!outside.contains('<') && !outside.contains('&'), "{line}");
    }
    let csv = ex::table::elements(&m);
    let mut r =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let labels: Vec<String> = r
        .records()
        .map(|row| row.expect("a CSV row")[1].to_string())
        .collect();
    assert!(labels.contains(&"'=HYPERLINK(\"http://x\")".to_string()));
    assert!(labels.contains(&"''=already quoted".to_string()));
}

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

pub fn fixture(name: &str) -> Imported {
    import(
        &[(name.to_string(), load(name).into_bytes())],
        "m-fixture".into(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn labels(m: &ConceptMap) -> Vec<&str> {
    m.nodes.iter().map(|n| n.label.as_str()).collect()
}

pub fn link_triples(m: &ConceptMap) -> Vec<(String, String, String)> {
    m.links
        .iter()
        .map(|l| (m.node_name(l.from), m.node_name(l.to), l.label.clone()))
        .collect()
}

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// map → each format → map keeps nodes, links, labels, kinds, polarity and positions.
    #[test]
    fn any_map_round_trips_through_every_format(m in crate::roundtrip::concept_map()) {
        for f in READABLE {
            let back = import(&files(&m, f), "m-back".into());
            let back = match back {
                Ok(b) => b,
                Err(e) => return Err(TestCaseError::fail(format!("{f:?}: {e}"))),
            };
            assert_same(&m, &back, f, false);
        }
    }

    /// Byte soup never panics any importer, whatever the file claims to be.
    #[test]
    fn byte_soup_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600), which in 0..9usize) {
        let prefix: &[u8] = [
            &b""[..], b"<graphml><graph>", b"<gexf><graph><nodes>", b"<cmap><map>",
            b"digraph {", b"{\"elements\":[", b"{\"format\":\"cst-workbench-map\",\"map\":",
            b"From,To\n", b"<svg xmlns='http://www.w3.org/2000/svg'><metadata>",
        ][which];
        let mut file = prefix.to_vec();
        file.extend(bytes);
        let _ = import(&[("soup".into(), file)], "m".into());
    }

    /// Exports cut, flipped or spliced never panic an importer; what imports is a valid map.
    #[test]
    fn damaged_exports_never_panic(
        which in 0..10usize,
        cut in 0.0..1.0f64,
        flip in prop::collection::vec((0.0..1.0f64, any::<u8>()), 0..6),
    ) {
        let m = hostile_map();
        let mut fs = files(&m, READABLE[which]);
        let bytes = &mut fs[0].1;
        for (at, b) in flip {
            let i = ((bytes.len() as f64) * at) as usize % bytes.len().max(1);
            if let Some(x) = bytes.get_mut(i) { *x = b; }
        }
        let keep = ((bytes.len() as f64) * cut) as usize;
        bytes.truncate(keep.max(1));
        if let Ok(i) = import(&fs, "m".into()) {
            let mut copy = i.map.clone();
            let mut notes = Vec::new();
            copy.repair(&mut notes);
            prop_assert!(notes.is_empty(), "{:?}", notes);
        }
    }
}
