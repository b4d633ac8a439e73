//! A node's notes (issue 20): kept in our own JSON (old files without them still load), written
//! by every map format that has a place for them (GraphML `description` key, GEXF attribute,
//! DOT `tooltip`, GML, Kumu JSON `description`, the elements table's `Description` column) and
//! read back by our importers, CmapTools' `long-comment` read as notes; hostile notes stay text
//! in XML, DOT and the report's HTML.

use cstw_core::export::map::{self as ex, Format};
use cstw_core::export::xml::carried;
use cstw_core::import::map::{import, merge};
use cstw_core::model::map::{ConceptMap, Point};

use crate::map_formats::{READABLE, files, hostile_labels};

/// A map whose nodes carry every hostile label as their notes (and plain labels).
fn noted_map() -> ConceptMap {
    let mut m = ConceptMap::new("m-notes".into(), "Notes");
    let notes = hostile_labels();
    let ids: Vec<_> = notes
        .iter()
        .enumerate()
        .map(|(i, note)| {
            let id = m.add_node(
                &format!("Idea {i}"),
                Point::new(i as f64 * 200.0, 0.0),
                None,
            );
            m.set_notes(id, note.clone());
            id
        })
        .collect();
    for pair in ids.windows(2) {
        m.add_link(pair[0], pair[1]);
    }
    m
}

/// The notes a format can give back: XML and DOT turn most control characters into U+FFFD,
/// and a DOT string cannot end in a backslash (a space is added); blank notes are none.
fn expected(f: Format, note: &str) -> String {
    if note.trim().is_empty() {
        return String::new();
    }
    match f {
        Format::GraphMl | Format::Gexf => carried(note),
        Format::Dot => {
            let mut n = carried(note);
            if n.ends_with('\\') {
                n.push(' ');
            }
            n
        }
        _ => note.to_string(),
    }
}

#[test]
fn notes_round_trip_through_every_format_that_can_hold_them() {
    let m = noted_map();
    for f in READABLE {
        let back = import(&files(&m, f), "m-back".into())
            .unwrap_or_else(|e| panic!("{f:?}: {e}"))
            .map;
        assert_eq!(back.nodes.len(), m.nodes.len(), "{f:?}");
        for (a, b) in m.nodes.iter().zip(&back.nodes) {
            assert_eq!(b.label, a.label, "{f:?}");
            assert_eq!(
                b.notes,
                expected(f, &a.notes),
                "{f:?}: notes of {}",
                a.label
            );
        }
    }
}

#[test]
fn notes_are_written_only_where_there_are_some_and_old_files_load_without_them() {
    let mut m = ConceptMap::new("m-plain".into(), "Plain");
    let a = m.add_node("A", Point::new(0.0, 0.0), None);
    let json = ex::json::json(&m);
    assert!(!json.contains("notes"), "{json}");
    assert!(!ex::graphml::graphml(&m).contains("<data key=\"n_notes\">"));
    assert!(!ex::dot::dot(&m).contains("tooltip"));
    // A file as an older version saved it (no notes field at all) loads with empty notes.
    let back = import(&[("old.map.json".into(), json.into_bytes())], "m".into())
        .expect("an old map loads")
        .map;
    assert_eq!(back.nodes[0].notes, "");
    let old: cstw_core::model::map::Node =
        serde_json::from_str(r#"{"id":1,"label":"A","x":0,"y":0}"#).expect("an old node reads");
    assert_eq!(old.notes, "");
    m.set_notes(a, "Why this matters");
    assert!(ex::json::json(&m).contains("\"notes\": \"Why this matters\""));
}

#[test]
fn hostile_notes_stay_text_in_xml_dot_and_the_report() {
    let m = noted_map();
    for xml in [ex::graphml::graphml(&m), ex::gexf::gexf(&m)] {
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != "script"),
            "a note became markup"
        );
    }
    let dot = ex::dot::dot(&m);
    assert!(dot.contains(r#"tooltip="<script>alert(1)</script>""#));
    assert!(dot.contains(r#"tooltip="Tom & Jerry's \"quotes\"""#));
    let mut w = cstw_core::model::workshop::Workshop::new("w-notes".into(), "Notes", 0.0);
    w.maps.push(m.into());
    let html = cstw_core::export::report::html(&w);
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("<dt>Idea 0</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>"));
    // Line breaks in notes are kept as breaks, nothing else becomes markup.
    assert!(
        html.contains("<dd>line one<br>line two<br>line three</dd>"),
        "line breaks"
    );
    let md = cstw_core::export::report::markdown(&w);
    assert!(
        md.contains("- Idea 1: Tom"),
        "notes follow their concept in the Markdown"
    );
    assert!(
        !md.contains("<script>"),
        "a note became markup in the Markdown"
    );
}

#[test]
fn cmaptools_info_becomes_notes_and_merging_keeps_them() {
    let cxl = r#"<?xml version="1.0" encoding="UTF-8"?>
<cmap xmlns="http://cmap.ihmc.us/xml/cmap/"><res-meta><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Info</dc:title></res-meta>
<map><concept-list>
<concept id="a" label="Link workers" short-comment="" long-comment="Based in &lt;GP&gt; practices&#10;and venues"/>
<concept id="b" label="Groups" short-comment="" long-comment=""/>
</concept-list><linking-phrase-list><linking-phrase id="p" label="refer to"/></linking-phrase-list>
<connection-list><connection id="c1" from-id="a" to-id="p"/><connection id="c2" from-id="p" to-id="b"/></connection-list>
</map></cmap>"#;
    let m = import(&[("x.cxl".into(), cxl.as_bytes().to_vec())], "m".into())
        .expect("CXL reads")
        .map;
    assert_eq!(m.nodes[0].notes, "Based in <GP> practices\nand venues");
    assert_eq!(m.nodes[1].notes, "");
    let merged = merge(&noted_map(), &m).expect("merges");
    assert!(
        merged
            .nodes
            .iter()
            .any(|n| n.label == "Link workers" && n.notes.starts_with("Based in <GP>"))
    );
}
