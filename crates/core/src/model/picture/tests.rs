//! The picture model's tests: hit testing, arrows, restacking, repair, transforms.

use super::*;

fn sticker(p: &mut Picture, icon: Icon, x: f64, y: f64) -> ItemId {
    p.add(Item::Sticker(Sticker {
        id: 0,
        icon,
        x,
        y,
        size: 64.0,
        rotation: 0.0,
        caption: String::new(),
        stakeholder: None,
    }))
}

#[test]
fn hit_testing_finds_the_topmost_item_under_a_point() {
    let mut p = Picture::new("p".into(), "Test");
    let line: Vec<Point> = (0..=50)
        .map(|i| Point::new(f64::from(i) * 2.0, 0.0))
        .collect();
    let s = p.add_stroke(&line, Tool::Pen, 0, 4.0).unwrap();
    // Simplified to its two ends.
    let Some(Item::Stroke(st)) = p.item(s) else {
        panic!()
    };
    assert_eq!(st.points.len(), 2);
    assert_eq!(p.hit(Point::new(50.0, 1.5), 0.0), Some(s));
    assert_eq!(p.hit(Point::new(50.0, 6.0), 0.0), None);
    assert_eq!(p.hit(Point::new(50.0, 6.0), 5.0), Some(s));
    let a = sticker(&mut p, Icon::Person, 50.0, 0.0);
    assert_eq!(
        p.hit(Point::new(50.0, 1.5), 0.0),
        Some(a),
        "the sticker is on top"
    );
    let b = sticker(&mut p, Icon::Clinic, 300.0, 0.0);
    let arrow = p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: a },
        to: End::Item { item: b },
        colour: 0,
        width: 3.0,
    }));
    assert_eq!(p.hit(Point::new(175.0, 1.0), 0.0), Some(arrow));
    // Inside a sticker it joins, the sticker is what is hit, though the arrow is on top.
    assert_eq!(p.hit(Point::new(300.0, 1.0), 0.0), Some(b));
    // Rotated text: a tall box after 90°.
    let t = p.add(Item::Text(Text {
        id: 0,
        x: 0.0,
        y: 500.0,
        text: "abcdefghij".into(),
        colour: 0,
        size: 20.0,
        rotation: 90.0,
    }));
    assert_eq!(p.hit(Point::new(0.0, 550.0), 0.0), Some(t));
    assert_eq!(p.hit(Point::new(50.0, 500.0), 0.0), None);
}

#[test]
fn arrows_follow_their_stickers_and_survive_their_removal() {
    let mut p = Picture::new("p".into(), "");
    let a = sticker(&mut p, Icon::Person, 0.0, 0.0);
    let b = sticker(&mut p, Icon::Home, 100.0, 0.0);
    let arrow = p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: a },
        to: End::Item { item: b },
        colour: 1,
        width: 3.0,
    }));
    p.move_items(&[b], 0.0, 50.0);
    let Some(Item::Arrow(ar)) = p.item(arrow).cloned() else {
        panic!()
    };
    assert_eq!(p.end_point(ar.to), Some(Point::new(100.0, 50.0)));
    p.remove(&[a]);
    let Some(Item::Arrow(ar)) = p.item(arrow).cloned() else {
        panic!()
    };
    assert_eq!(ar.from, End::Point { x: 0.0, y: 0.0 });
    // Duplicating the arrow with its sticker attaches the copy to the copy.
    let copies = p.duplicate(&[b, arrow], 20.0);
    let Some(Item::Arrow(c)) = p.item(copies[1]).cloned() else {
        panic!()
    };
    assert_eq!(c.to, End::Item { item: copies[0] });
    assert_eq!(c.from, End::Point { x: 20.0, y: 20.0 });
}

#[test]
fn restacking_and_repair() {
    let mut p = Picture::new("p".into(), "");
    let a = sticker(&mut p, Icon::Person, 0.0, 0.0);
    let b = sticker(&mut p, Icon::Home, 0.0, 0.0);
    p.restack(&[a], Stack::Forward);
    assert_eq!(p.hit(Point::new(0.0, 0.0), 0.0), Some(a));
    let mut damaged: Picture = serde_json::from_value(serde_json::json!({
        "id": "p", "next_id": 1, "items": [
            {"type": "stroke", "id": 4, "width": 2.0, "points": "0,0:!!"},
            {"type": "sticker", "id": 5, "icon": "person", "x": 1.0, "y": 2.0, "size": 64.0},
            {"type": "sticker", "id": 5, "icon": "home", "x": 1.0, "y": 2.0, "size": 64.0},
            {"type": "arrow", "id": 6, "from": {"item": 5}, "to": {"item": 99}, "width": 2.0, "colour": 200}
        ]})).unwrap();
    let mut report = Vec::new();
    damaged.repair(&mut report);
    assert_eq!(damaged.items.len(), 2);
    assert_eq!(damaged.next_id, 7);
    assert_eq!(report.len(), 2, "{report:?}");
    let Some(Item::Arrow(ar)) = damaged.item(6) else {
        panic!()
    };
    assert_eq!(
        (ar.from, ar.to, ar.colour),
        (End::Item { item: 5 }, End::Point { x: 0.0, y: 0.0 }, 0)
    );
    let _ = b;
}

#[test]
fn items_move_scale_and_turn_about_a_centre() {
    let mut p = Picture::new("p".into(), "");
    let a = sticker(&mut p, Icon::Person, 100.0, 0.0);
    let c = Point::new(0.0, 0.0);
    let Item::Sticker(s) = p.item(a).unwrap().rotated(c, 90.0) else {
        panic!()
    };
    assert!((s.x - 0.0).abs() < 1e-9 && (s.y - 100.0).abs() < 1e-9);
    assert_eq!(s.rotation, 90.0);
    let Item::Sticker(s) = p.item(a).unwrap().rotated(c, -450.0) else {
        panic!()
    };
    assert_eq!(s.rotation, 270.0, "turns stay within 0..360");
    let Item::Sticker(s) = p.item(a).unwrap().scaled(Point::new(100.0, 0.0), 2.0, 2.0) else {
        panic!()
    };
    assert_eq!((s.x, s.size), (100.0, 128.0));
    let Item::Sticker(s) = p.item(a).unwrap().scaled(c, 0.001, 0.001) else {
        panic!()
    };
    assert_eq!(s.size, MIN_SIZE, "never smaller than a readable minimum");
    // A stroke scales and turns point by point, and a bad factor changes nothing.
    let line = [Point::new(0.0, 0.0), Point::new(10.0, 0.0)];
    let st = p.add_stroke(&line, Tool::Pen, 0, 2.0).unwrap();
    let item = p.item(st).unwrap().clone();
    let Item::Stroke(s) = item.scaled(c, 3.0, 1.0) else {
        panic!()
    };
    assert_eq!(s.points[1], Point::new(30.0, 0.0));
    let Item::Stroke(s) = item.rotated(c, 90.0) else {
        panic!()
    };
    assert_eq!(s.points[1], Point::new(0.0, 10.0));
    assert_eq!(item.scaled(c, f64::NAN, 1.0), item);
    assert_eq!(item.translated(f64::INFINITY, 0.0), item);
}

#[test]
fn a_block_of_selected_items_restacks_together() {
    let mut p = Picture::new("p".into(), "");
    let ids: Vec<ItemId> = (0..4)
        .map(|i| sticker(&mut p, Icon::Person, f64::from(i), 0.0))
        .collect();
    let order = |p: &Picture| p.items.iter().map(Item::id).collect::<Vec<_>>();
    p.restack(&[ids[0], ids[1]], Stack::Forward);
    assert_eq!(order(&p), [ids[2], ids[0], ids[1], ids[3]]);
    p.restack(&[ids[0], ids[1]], Stack::Forward);
    p.restack(&[ids[0], ids[1]], Stack::Forward);
    assert_eq!(
        order(&p),
        [ids[2], ids[3], ids[0], ids[1]],
        "the top stays the top"
    );
    p.restack(&[ids[1], ids[3]], Stack::ToBack);
    assert_eq!(order(&p), [ids[3], ids[1], ids[2], ids[0]]);
    p.restack(&[ids[3]], Stack::Backward);
    assert_eq!(order(&p)[0], ids[3]);
}

#[test]
fn rubber_band_attached_arrows_and_who_is_missing() {
    let mut p = Picture::new("p".into(), "");
    let a = sticker(&mut p, Icon::Person, 0.0, 0.0);
    let b = sticker(&mut p, Icon::Home, 300.0, 0.0);
    let arrow = p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: a },
        to: End::Point { x: 150.0, y: 200.0 },
        colour: 0,
        width: 3.0,
    }));
    assert_eq!(p.attached_arrows(&[a]), vec![arrow]);
    assert!(p.attached_arrows(&[b]).is_empty());
    let band = Rect {
        x0: -60.0,
        y0: -60.0,
        x1: 200.0,
        y1: 220.0,
    };
    assert_eq!(p.inside(band), vec![a, arrow]);
    let frame = p.frame(p.item(b).unwrap()).unwrap();
    assert_eq!(
        (frame.c, frame.w, frame.rotation),
        (Point::new(300.0, 0.0), 64.0, 0.0)
    );
    let person = |id: &str, name: &str| crate::model::Stakeholder {
        id: id.into(),
        name: name.into(),
        group: String::new(),
        involvement: crate::model::Involvement::Involved,
        extra: Default::default(),
    };
    let roster = [person("s1", "GPs"), person("s2", "Carers")];
    if let Some(Item::Sticker(s)) = p.item_mut(a) {
        s.stakeholder = Some("s1".into());
    }
    let missing: Vec<&str> = p.missing(&roster).iter().map(|s| s.name.as_str()).collect();
    assert_eq!(missing, ["Carers"]);
}

#[test]
fn new_stickers_find_a_free_spot_near_the_middle() {
    let mut p = Picture::new("p".into(), "");
    let c = Point::new(500.0, 300.0);
    assert_eq!(p.free_spot(c, 160.0, 130.0), c);
    let mut placed = Vec::new();
    for _ in 0..6 {
        let at = p.free_spot(c, 160.0, 130.0);
        placed.push(at);
        sticker(&mut p, Icon::Person, at.x, at.y);
    }
    for (i, a) in placed.iter().enumerate() {
        for b in &placed[i + 1..] {
            assert!(
                (a.x - b.x).abs() >= 160.0 || (a.y - b.y).abs() >= 130.0,
                "{a:?} and {b:?} overlap"
            );
        }
        assert!((a.x - c.x).abs() <= 320.0 && (a.y - c.y).abs() <= 260.0);
    }
}
