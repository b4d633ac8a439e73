//! Map exports and imports: every format round-trips a map full of hostile labels, exports
//! keep user text as text, and byte soup or mutated exports never panic an importer. The
//! helpers here (a hostile map, an export's files, a fixture imported) are shared: the real
//! tools reading our files are in `map_formats_tools`, files they wrote in `map_formats_files`.

use cstw_core::export::map::{self as ex, Format};
use cstw_core::export::xml::carried;
use cstw_core::import::map::{Imported, import};
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
pub fn tiny_png() -> Vec<u8> {
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// map → each format → map keeps nodes, links, labels, kinds, polarity and positions.
    #[test]
    fn any_map_round_trips_through_every_format(m in crate::arbitrary::concept_map()) {
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
