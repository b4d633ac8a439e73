//! Rich pictures in the saved format: a picture of 2,000 hand-drawn strokes stores in at most
//! 300 KB; a workshop with pictures reads back unchanged with nothing to repair; a picture that
//! cannot be read is kept aside, not lost.

use cst_workbench::analysis::ink::{self, P};
use cst_workbench::model::Workshop;
use cst_workbench::model::picture::{Arrow, End, Icon, Item, Picture, Sticker, Text, Tool};
use serde_json::json;

/// A stroke like a hand draws one: about 60 samples, 3 units apart, turning gently.
fn hand_stroke(seed: &mut u64) -> Vec<P> {
    let mut next = || {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % 10_000) as f64 / 10_000.0
    };
    let (mut x, mut y) = (next() * 1600.0, next() * 1000.0);
    let mut heading = next() * std::f64::consts::TAU;
    let n = 30 + (next() * 60.0) as usize;
    (0..n)
        .map(|_| {
            heading += (next() - 0.5) * 0.5;
            x += 3.0 * heading.cos() + (next() - 0.5) * 0.6;
            y += 3.0 * heading.sin() + (next() - 0.5) * 0.6;
            P::new(x, y)
        })
        .collect()
}

pub fn big_picture(strokes: usize) -> Picture {
    let mut p = Picture::new("p-big".into(), "The situation");
    let mut seed = 0x2545_f491_4f6c_dd1d;
    for i in 0..strokes {
        let tool = if i % 10 == 0 {
            Tool::Highlighter
        } else {
            Tool::Pen
        };
        p.add_stroke(&hand_stroke(&mut seed), tool, (i % 8) as u8, 4.0);
    }
    p
}

#[test]
fn two_thousand_strokes_store_in_300_kb() {
    let p = big_picture(2_000);
    let stored = serde_json::to_string(&p).expect("serialises").len();
    let raw_points: usize = {
        let mut seed = 0x2545_f491_4f6c_dd1d;
        (0..2_000).map(|_| hand_stroke(&mut seed).len()).sum()
    };
    let kept: usize = p
        .items
        .iter()
        .map(|i| match i {
            Item::Stroke(s) => ink::decode(&s.points).expect("readable").len(),
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
    w.pictures.push(p);
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
