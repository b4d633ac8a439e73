//! Rich pictures in the saved format: a picture of 2,000 hand-drawn strokes stores in at most
//! 300 KB; a workshop with pictures reads back unchanged with nothing to repair; a picture that
//! cannot be read is kept aside, not lost. Pictures as files: hostile text through the SVG and
//! PNG exports stays text and reads back identically (also as a property); damaged and foreign
//! files get a message, never a panic; arrows stop at the edges of what they join.

use cstw_core::export::map::{png as map_png, svg as map_svg};
use cstw_core::export::picture::{self as ex, ARROW_GAP};
use cstw_core::export::xml::carried;
use cstw_core::geometry::Point;
use cstw_core::import::picture::{MAX_BYTES, read, read_with_notes};
use cstw_core::model::map::ConceptMap;
use cstw_core::model::picture::{
    Arrow, End, Icon, Item, Outline, Picture, Shape, Sticker, Text, Tool,
};
use cstw_core::model::{Workshop, samples};
use proptest::prelude::*;
use serde_json::json;

/// A picture of `strokes` hand-like strokes (the generator the benches use too).
pub fn big_picture(strokes: usize) -> Picture {
    samples::hand_drawn_picture(strokes)
}

#[test]
fn two_thousand_strokes_store_in_300_kb() {
    let p = big_picture(2_000);
    let stored = serde_json::to_string(&p).expect("serialises").len();
    let raw_points: usize = {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        (0..2_000)
            .map(|_| samples::hand_stroke(&mut seed).len())
            .sum()
    };
    let kept: usize = p
        .items
        .iter()
        .map(|i| match i {
            Item::Stroke(s) => {
                assert!(s.unreadable.is_none(), "readable");
                s.points.len()
            }
            _ => 0,
        })
        .sum();
    println!("2,000 strokes: {raw_points} points drawn, {kept} kept, {stored} bytes stored");
    assert!(stored <= 300_000, "{stored} bytes");
    assert!(
        kept < raw_points / 2,
        "simplification keeps {kept} of {raw_points}"
    );
}

#[test]
fn a_workshop_with_pictures_reads_back_unchanged() {
    let mut w = Workshop::new("w-pic".into(), "Pictures", 1.0);
    let mut p = big_picture(20);
    let a = p.add(Item::Sticker(Sticker {
        id: 0,
        icon: Icon::Group,
        x: 10.0,
        y: 20.0,
        size: 72.0,
        rotation: 15.0,
        caption: "Carers <b>&</b> \"friends\"\nsecond line".into(),
        stakeholder: Some("s-1".into()),
    }));
    let t = p.add(Item::Text(Text {
        id: 0,
        x: 300.0,
        y: 40.0,
        text: "Who decides? 🤔".into(),
        colour: 2,
        size: 24.0,
        rotation: -10.0,
    }));
    p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: a },
        to: End::Item { item: t },
        colour: 1,
        width: 3.0,
    }));
    p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Point { x: -5.5, y: 7.25 },
        to: End::Item { item: a },
        colour: 0,
        width: 3.0,
    }));
    w.pictures.push(p.into());
    let value = serde_json::to_value(&w).expect("serialises");
    let mut report = Vec::new();
    let back = Workshop::restore(value, "w-x", &mut report);
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(back.pictures, w.pictures);
    // A workshop without pictures writes no `pictures` field (older apps read it unchanged).
    let plain = serde_json::to_value(Workshop::new("w-2".into(), "Plain", 1.0)).unwrap();
    assert!(plain.get("pictures").is_none());
}

#[test]
fn a_picture_that_cannot_be_read_is_kept_aside() {
    let value = json!({
        "id": "w-1", "title": "Damaged", "created_at": 1.0, "roster": [],
        "pictures": [
            {"id": "p-1", "title": "Good", "items": [], "next_id": 1},
            {"id": "p-2", "title": "Bad", "items": "not a list"},
            {"id": "p-1", "title": "Same id", "items": [{"type": "stroke", "id": 1, "width": 2.0, "points": "broken"}]}
        ]
    });
    let mut report = Vec::new();
    let w = Workshop::restore(value, "w-x", &mut report);
    assert_eq!(w.pictures.len(), 2);
    assert_ne!(w.pictures[0].id, w.pictures[1].id);
    assert!(
        w.pictures[1].items.is_empty(),
        "the damaged stroke is dropped"
    );
    assert_eq!(w.extra["pictures_unreadable"][0]["title"], "Bad");
    assert_eq!(report.len(), 3, "{report:?}");
}

fn sticker(icon: Icon, x: f64, y: f64, caption: &str) -> Item {
    Item::Sticker(Sticker {
        id: 0,
        icon,
        x,
        y,
        size: 64.0,
        rotation: 0.0,
        caption: caption.into(),
        stakeholder: None,
    })
}

fn text(x: f64, y: f64, text: &str) -> Item {
    Item::Text(Text {
        id: 0,
        x,
        y,
        text: text.into(),
        colour: 5,
        size: 20.0,
        rotation: 12.5,
    })
}

/// A picture of every kind of item, with every hostile string as a caption and as text.
fn hostile_picture(strings: &[String], title: &str) -> Picture {
    let mut p = big_picture(3);
    p.title = title.into();
    let mut first = None;
    for (i, s) in strings.iter().enumerate() {
        let icon = Icon::ALL[i % Icon::ALL.len()];
        let a = p.add(sticker(icon, i as f64 * 150.0, 0.0, s));
        let b = p.add(text(i as f64 * 150.0, 300.0, s));
        p.add(Item::Arrow(Arrow {
            id: 0,
            from: End::Item { item: a },
            to: End::Item { item: b },
            colour: (i % 8) as u8,
            width: 3.0,
        }));
        first.get_or_insert(a);
    }
    p.add(Item::Shape(Shape {
        id: 0,
        outline: Outline::Ellipse,
        x: 40.0,
        y: 600.0,
        w: 120.0,
        h: 60.0,
        rotation: 30.0,
        colour: 2,
        width: 4.0,
    }));
    p.add(Item::Shape(Shape {
        id: 0,
        outline: Outline::Rectangle,
        x: 240.0,
        y: 600.0,
        w: 120.0,
        h: 60.0,
        rotation: 0.0,
        colour: 3,
        width: 2.0,
    }));
    if let Some(a) = first {
        p.add(Item::Arrow(Arrow {
            id: 0,
            from: End::Point { x: -80.5, y: 20.25 },
            to: End::Item { item: a },
            colour: 0,
            width: 8.0,
        }));
    }
    p
}

fn hostile_strings() -> Vec<String> {
    crate::map_formats::hostile_labels()
}

const HOSTILE_TITLE: &str = "<script>alert(1)</script> & \"Tom's\" ]]> \r\n 🌱 \u{202e}xyz";

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse_with_options(
        svg,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            nodes_limit: u32::MAX,
        },
    )
    .expect("the export is well-formed XML")
}

/// The text of `<text class="…">` elements in document order, lines joined by line feeds.
fn texts(doc: &roxmltree::Document, class: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
        .map(|t| {
            t.children()
                .filter(|c| c.has_tag_name("tspan"))
                .map(|c| c.text().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The export keeps user text as text: no script element, the words as written (what XML can
/// carry of them), and the file reads back as the same picture.
fn check_svg(p: &Picture) -> Result<(), String> {
    let svg = ex::svg(p);
    let doc = parse(&svg);
    if let Some(n) = doc
        .descendants()
        .find(|n| n.is_element() && n.tag_name().name().eq_ignore_ascii_case("script"))
    {
        return Err(format!("a <{}> element", n.tag_name().name()));
    }
    let root = doc.root_element();
    if !root.has_tag_name(("http://www.w3.org/2000/svg", "svg")) {
        return Err("the root is not an SVG element".into());
    }
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or("");
    if title != carried(p.display_title()) {
        return Err(format!("title {title:?}"));
    }
    let captions: Vec<String> = p
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Sticker(s) if !s.caption.is_empty() => Some(carried(&s.caption)),
            _ => None,
        })
        .collect();
    let words: Vec<String> = p
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(carried(&t.text)),
            _ => None,
        })
        .collect();
    if texts(&doc, "caption") != captions {
        return Err("captions differ".into());
    }
    if texts(&doc, "text") != words {
        return Err("texts differ".into());
    }
    let back = read(svg.as_bytes())?;
    if &back != p {
        return Err("the picture read back differs".into());
    }
    Ok(())
}

#[test]
fn hostile_text_stays_text_in_the_svg_and_reads_back() {
    let p = hostile_picture(&hostile_strings(), HOSTILE_TITLE);
    check_svg(&p).unwrap();
    let svg = ex::svg(&p);
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // Forbidden characters cannot stand in XML; the picture inside still keeps them exactly.
    let mut odd = Picture::new("p-odd".into(), "nul \u{0} bell \u{7} \u{fffe}\u{ffff}");
    odd.add(sticker(Icon::Eye, 0.0, 0.0, "a\u{1}b\u{fffe}"));
    odd.add(text(0.0, 100.0, "\u{ffff}\u{b}\n\u{0}"));
    check_svg(&odd).unwrap();
    // An empty picture is a small, valid file that reads back.
    let empty = Picture::new("p-empty".into(), "");
    check_svg(&empty).unwrap();
    assert_eq!(ex::size(&empty), (400.0, 200.0));
}

/// A 1 × 1 PNG, as the browser's canvas would give.
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

#[test]
fn the_png_carries_the_picture_and_reads_back() {
    let p = hostile_picture(&hostile_strings(), HOSTILE_TITLE);
    let png = ex::png(&tiny_png(), &p).unwrap();
    assert_eq!(read(&png).unwrap(), p);
    // Exporting again replaces the picture rather than adding a second one.
    let mut q = p.clone();
    q.title = "Second".into();
    let again = ex::png(&png, &q).unwrap();
    assert_eq!(read(&again).unwrap(), q);
    assert!(again.len() < png.len() + 100);
    // The bare JSON reads too, with nothing to mend.
    let (back, notes) = read_with_notes(ex::json(&p).as_bytes()).unwrap();
    assert_eq!(back, p);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(
        read(serde_json::to_string_pretty(&p).unwrap().as_bytes()).unwrap(),
        p
    );
}

fn small_map() -> ConceptMap {
    let mut m = ConceptMap::new("m-1".into(), "A map");
    let a = m.add_node("Carers", Point::new(0.0, 0.0), None);
    let b = m.add_node("GP", Point::new(200.0, 0.0), None);
    m.add_link(a, b);
    m
}

#[test]
fn damaged_and_foreign_files_get_a_message() {
    let p = hostile_picture(&hostile_strings()[..3], "Damaged");
    let svg = ex::svg(&p);
    let says = |bytes: &[u8], what: &str| {
        let e = read(bytes).expect_err("refused");
        assert!(e.contains(what), "{what:?} not in {e:?}");
        assert!(e.ends_with('.'), "a sentence: {e:?}");
    };
    // Cut short, anywhere (at a character boundary, else it is not UTF-8 either).
    for part in [0.1, 0.5, 0.9, 0.999] {
        let mut cut = (svg.len() as f64 * part) as usize;
        while !svg.is_char_boundary(cut) {
            cut -= 1;
        }
        says(&svg.as_bytes()[..cut], "cut short");
    }
    let start = svg.find("<metadata>").unwrap();
    let end = svg.find("</metadata>").unwrap() + "</metadata>".len();
    let bare = format!("{}{}", &svg[..start], &svg[end..]);
    says(
        bare.as_bytes(),
        "This SVG was not made by CST Workbench's rich pictures, so it has no picture inside.",
    );
    let broken = svg.replacen("{&quot;id&quot;", "{&quot;id&quot;:", 1);
    says(broken.as_bytes(), "damaged");
    // A concept map, as SVG, PNG or JSON: named, and sent to the right place.
    let map = small_map();
    let map_svg = map_svg::svg(&map);
    says(map_svg.as_bytes(), "concept map");
    says(map_svg.as_bytes(), "Concept maps");
    let map_json = cstw_core::export::map::json::compact(&map);
    says(
        &map_png::embed(&tiny_png(), &map_json).unwrap(),
        "concept map",
    );
    says(map_json.as_bytes(), "concept map");
    // A PNG that carries nothing, a damaged PNG.
    says(&tiny_png(), "no picture inside");
    let png = ex::png(&tiny_png(), &p).unwrap();
    says(&png[..png.len() - 5], "cut short");
    // Not text, too big, nothing at all.
    says(b"<svg \xc3\x28 \xff", "neither a PNG image nor text");
    // UTF-16 with a byte-order mark is text (issue 22): this one is an SVG cut short.
    says(b"\xff\xfe<\x00s\x00v\x00g\x00", "cut short");
    says(&vec![b' '; MAX_BYTES + 1], "up to 20 MB");
    says(b"   ", "not a rich picture");
    // A DTD is refused before anything else is read.
    let dtd = svg.replacen("<svg ", "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg ", 1);
    says(dtd.as_bytes(), "DTD");
}

#[test]
fn a_damaged_picture_inside_is_mended_not_refused() {
    let mut p = hostile_picture(&hostile_strings()[..2], "Mended");
    let json = ex::json(&p);
    // Two items with the same id, an arrow to nowhere, a stroke that cannot be read.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = value["items"].as_array_mut().unwrap();
    let copy = items[3].clone();
    items.push(copy);
    items.push(json!({"type": "arrow", "id": 900, "from": {"item": 12345}, "to": {"x": 1, "y": 2}, "width": 2}));
    items.push(json!({"type": "stroke", "id": 901, "width": 2, "points": "!!"}));
    items.push(json!({"type": "balloon", "id": 902}));
    let (back, notes) = read_with_notes(value.to_string().as_bytes()).unwrap();
    assert_eq!(notes.len(), 3, "{notes:?}");
    p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Point { x: 0.0, y: 0.0 },
        to: End::Point { x: 1.0, y: 2.0 },
        colour: 0,
        width: 2.0,
    }));
    let mut expected = p.clone();
    if let Some(Item::Arrow(a)) = expected.items.last_mut() {
        a.id = 900;
    }
    expected.next_id = 901;
    assert_eq!(back.items, expected.items);
    assert_eq!(back.next_id, expected.next_id);
    // The id in the file is kept; the caller gives a fresh one.
    assert_eq!(back.id, p.id);
}

#[test]
fn arrows_between_stickers_end_at_their_edges() {
    let mut p = Picture::new("p".into(), "");
    let a = p.add(sticker(Icon::Person, 0.0, 50.0, "caption"));
    let b = p.add(sticker(Icon::Home, 200.0, 50.0, ""));
    let id = p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: a },
        to: End::Item { item: b },
        colour: 1,
        width: 3.0,
    }));
    let Some(Item::Arrow(arrow)) = p.item(id).cloned() else {
        panic!("the arrow is there")
    };
    let (from, to) = ex::arrow_ends(&p, &arrow).unwrap();
    assert_eq!(from, Point::new(32.0 + ARROW_GAP, 50.0));
    assert_eq!(to, Point::new(200.0 - 32.0 - ARROW_GAP, 50.0));
    // The SVG draws the line between those ends (less the head), not between the centres.
    let svg = ex::svg(&p);
    let doc = parse(&svg);
    let d = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("arrow"))
        .and_then(|n| n.attribute("d"))
        .unwrap();
    assert_eq!(
        d,
        format!(
            "M{} 50L{} 50",
            32.0 + ARROW_GAP,
            200.0 - 32.0 - ARROW_GAP - 6.0
        )
    );
    // Free ends stay where they are.
    let free = Arrow {
        from: End::Point { x: -10.0, y: 0.0 },
        to: End::Point { x: 10.0, y: 0.0 },
        ..arrow
    };
    assert_eq!(
        ex::arrow_ends(&p, &free),
        Some((Point::new(-10.0, 0.0), Point::new(10.0, 0.0)))
    );
}

#[test]
fn svg_snapshot_of_a_small_picture() {
    let mut p = Picture::new("p-snap".into(), "Who <decides> & why");
    let a = p.add(sticker(Icon::Group, 0.0, 0.0, "Carers\n& friends"));
    let b = p.add(sticker(Icon::Clinic, 240.0, 20.0, "GP"));
    p.add(text(120.0, 140.0, "Long waits\nfor a call back"));
    p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: a },
        to: End::Item { item: b },
        colour: 1,
        width: 3.0,
    }));
    p.add_stroke(
        &[
            Point::new(-40.0, 100.0),
            Point::new(0.0, 120.0),
            Point::new(40.0, 100.0),
        ],
        Tool::Highlighter,
        6,
        4.0,
    );
    p.add(Item::Shape(Shape {
        id: 0,
        outline: Outline::Rectangle,
        x: 120.0,
        y: 140.0,
        w: 220.0,
        h: 80.0,
        rotation: -5.0,
        colour: 2,
        width: 2.0,
    }));
    insta::assert_snapshot!(ex::svg(&p));
}

fn picture_of(captions: &[String], texts: &[String], title: &str) -> Picture {
    let mut p = Picture::new("p-prop".into(), title);
    for (i, c) in captions.iter().enumerate() {
        p.add(sticker(
            Icon::ALL[i % Icon::ALL.len()],
            i as f64 * 100.0,
            0.0,
            c,
        ));
    }
    for (i, t) in texts.iter().enumerate() {
        p.add(text(i as f64 * 100.0, 200.0, t));
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any captions, texts and title go out as text and come back exactly, through SVG and PNG.
    #[test]
    fn any_text_round_trips_through_svg_and_png(
        captions in prop::collection::vec(any::<String>(), 0..6),
        texts in prop::collection::vec(any::<String>(), 0..6),
        title in any::<String>(),
    ) {
        let p = picture_of(&captions, &texts, &title);
        check_svg(&p).map_err(TestCaseError::fail)?;
        let png = ex::png(&tiny_png(), &p).map_err(TestCaseError::fail)?;
        prop_assert_eq!(read(&png).map_err(TestCaseError::fail)?, p);
    }

    /// Byte soup after a picture's opening never panics the import.
    #[test]
    fn byte_soup_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400), which in 0..4usize) {
        let prefix: &[u8] = [
            &b""[..],
            b"{\"items\":[",
            b"<svg xmlns='http://www.w3.org/2000/svg'><metadata><cstw:picture xmlns:cstw='https://cst-workbench.app/ns/picture'>",
            b"\x89PNG\r\n\x1a\n",
        ][which];
        let mut file = prefix.to_vec();
        file.extend(bytes);
        let _ = read(&file);
    }
}
