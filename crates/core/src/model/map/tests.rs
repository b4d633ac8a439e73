//! The map model's tests: ids, links, kinds, label wrapping, boxes, free spots, the view, repair.

use super::*;

fn three() -> (ConceptMap, NodeId, NodeId, NodeId) {
    let mut m = ConceptMap::new("m".into(), "Test");
    let a = m.add_node("a", Point::new(0.0, 0.0), None);
    let b = m.add_node("b", Point::new(100.0, 0.0), None);
    let c = m.add_node("c", Point::new(0.0, 100.0), None);
    (m, a, b, c)
}

#[test]
fn ids_are_never_reused() {
    let (mut m, a, b, c) = three();
    m.remove_nodes(&[c]);
    let d = m.add_node("d", Point::default(), None);
    assert!(d > c);
    assert!(a < b && b < c);
    assert_eq!(m.node(d).unwrap().label, "d");
}

#[test]
fn links_join_two_different_existing_nodes_once() {
    let (mut m, a, b, c) = three();
    let ab = m.add_link(a, b).unwrap();
    assert_eq!(m.add_link(a, b), Some(ab), "an exact repeat is not added");
    let ba = m.add_link(b, a).unwrap();
    assert_ne!(ba, ab, "the other way is a second, parallel link");
    m.edit_link(ab, |l| l.label = "funds".into());
    let second = m.add_link(a, b).unwrap();
    assert_ne!(second, ab, "a labelled link gets a parallel one beside it");
    assert_eq!(m.links.len(), 3);
    let lanes = m.lanes();
    let mut offsets: Vec<f64> = m.links.iter().map(|l| lanes[&l.id].offset()).collect();
    offsets.sort_by(f64::total_cmp);
    assert_eq!(offsets, [-Lane::SPACING, 0.0, Lane::SPACING]);
    m.remove_link(ba);
    m.remove_link(second);
    assert_eq!(m.add_link(a, a), None);
    assert_eq!(m.add_link(a, 99), None);
    m.add_link(b, c).unwrap();
    m.remove_nodes(&[b]);
    assert!(m.links.is_empty(), "removing a node removes its links");
}

#[test]
fn reversing_keeps_polarity() {
    let (mut m, a, b, _) = three();
    let l = m.add_link(a, b).unwrap();
    m.edit_link(l, |l| l.polarity = Polarity::Negative);
    m.reverse_link(l);
    let l = m.link(l).unwrap();
    assert_eq!((l.from, l.to, l.polarity), (b, a, Polarity::Negative));
}

#[test]
fn removing_a_kind_keeps_its_nodes() {
    let (mut m, a, _, _) = three();
    let k = m.add_kind("Target area");
    m.set_kind(a, Some(k));
    m.set_kind(a, Some(999));
    assert_eq!(m.node(a).unwrap().kind, None, "an unknown kind is refused");
    m.set_kind(a, Some(k));
    m.remove_kind(k);
    assert_eq!(m.node(a).unwrap().kind, None);
    assert_eq!(m.nodes.len(), 3);
}

#[test]
fn labels_wrap_at_spaces_and_keep_line_breaks() {
    assert_eq!(wrap_label(""), vec![""]);
    assert_eq!(
        wrap_label("high cost to NHS and social services"),
        vec!["high cost to NHS and", "social services"]
    );
    assert_eq!(wrap_label("one\ntwo"), vec!["one", "two"]);
    let long = "x".repeat(50);
    assert_eq!(
        wrap_label(&long),
        vec!["x".repeat(22), "x".repeat(22), "x".repeat(6)]
    );
    let many = "word ".repeat(100);
    let lines = wrap_label(&many);
    assert_eq!(lines.len(), Metrics::MAX_LINES);
    assert!(lines.last().unwrap().ends_with('\u{2026}'));
    assert!(
        lines
            .iter()
            .all(|l| l.chars().count() <= Metrics::LINE_CHARS)
    );
}

#[test]
fn boxes_grow_with_their_text() {
    let m = Metrics::STANDARD;
    let small = m.node_size("a");
    let long = m.node_size("loneliness and isolation");
    let two = m.node_size("a\nb");
    assert!(long.w > small.w);
    assert!(two.h > small.h);
    assert!(Metrics::PROJECTOR.node_size("a").w > small.w);
}

#[test]
fn links_end_outside_both_boxes() {
    let s = Size { w: 100.0, h: 40.0 };
    let (p, q) = link_ends(Point::new(0.0, 0.0), s, Point::new(300.0, 0.0), s);
    assert_eq!((p.x, p.y, q.x, q.y), (53.0, 0.0, 247.0, 0.0));
    let (p, q) = link_ends(Point::new(0.0, 0.0), s, Point::new(0.0, 200.0), s);
    assert_eq!((p.y, q.y), (23.0, 177.0));
    let (p, _) = link_ends(Point::new(0.0, 0.0), s, Point::new(0.0, 0.0), s);
    assert!(p.x.is_finite());
}

#[test]
fn a_free_spot_overlaps_nothing() {
    let (m, _, _, _) = three();
    let metrics = Metrics::STANDARD;
    let size = metrics.node_size("new");
    let p = m.free_spot(metrics, Point::new(0.0, 0.0), size);
    let r = Rect::around(p, size);
    for n in &m.nodes {
        assert!(!Rect::around(n.at(), metrics.node_size(&n.label)).overlaps(&r));
    }
    let far = Point::new(5_000.0, 5_000.0);
    assert_eq!(m.free_spot(metrics, far, size), far);
}

#[test]
fn zooming_keeps_the_point_under_the_pointer() {
    let v = Viewport {
        x: 10.0,
        y: 20.0,
        zoom: 1.0,
    };
    let before = v.to_map(300.0, 200.0);
    let z = v.zoom_at(2.0, 300.0, 200.0);
    let after = z.to_map(300.0, 200.0);
    assert!((before.x - after.x).abs() < 1e-9 && (before.y - after.y).abs() < 1e-9);
    assert_eq!(v.zoom_at(1000.0, 0.0, 0.0).zoom, Viewport::MAX_ZOOM);
}

#[test]
fn fit_shows_the_whole_map() {
    let b = Rect {
        x0: -500.0,
        y0: -100.0,
        x1: 1500.0,
        y1: 900.0,
    };
    let v = Viewport::fit(b, 1000.0, 500.0);
    let tl = v.to_map(0.0, 0.0);
    let br = v.to_map(1000.0, 500.0);
    assert!(tl.x <= b.x0 && tl.y <= b.y0 && br.x >= b.x1 && br.y >= b.y1);
}

#[test]
fn repair_makes_a_damaged_map_safe() {
    let (mut m, a, b, c) = three();
    m.add_link(a, b);
    m.links.push(Link {
        id: 50,
        from: a,
        to: 77,
        ..Link::default()
    });
    m.links.push(Link {
        id: 51,
        from: c,
        to: c,
        ..Link::default()
    });
    m.nodes.push(Node {
        id: a,
        label: "dup".into(),
        ..Node::default()
    });
    m.links.push(Link {
        id: 52,
        from: a,
        to: b,
        label: "funds".into(),
        ..Link::default()
    });
    m.links.push(Link {
        id: 53,
        from: a,
        to: b,
        label: "funds".into(),
        ..Link::default()
    });
    m.nodes.swap(0, 2);
    m.nodes[1].x = f64::NAN;
    m.nodes[1].kind = Some(5);
    m.view.zoom = 0.0;
    m.next_id = 0;
    let mut report = Vec::new();
    m.repair(&mut report);
    assert_eq!(report.len(), 3, "{report:?}");
    assert!(m.nodes.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(m.nodes.len(), 3);
    assert_eq!(
        m.links.len(),
        3,
        "parallel links are kept, even an exact repeat"
    );
    assert!(m.nodes.iter().all(|n| n.x.is_finite() && n.kind.is_none()));
    assert_eq!(m.view, Viewport::default());
    assert!(m.next_id > 53);
}
