//! Restore fed arbitrary numbers in every numeric field of a workshop (scale ends, tallies,
//! scores, coordinates, sizes, zoom, ids, counters, minutes), then every export and the report
//! rendered from the result: nothing panics and nothing allocates by a count taken from the
//! input. Ids at the limit never wrap, and a record stored under one key never becomes another.

use cstw_core::export::{boundary, map as ex, picture as px, report, scoring, scoring_svg};
use cstw_core::model::map::{ID_CEILING, Point};
use cstw_core::persist::document::{read_import, read_stored};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Any JSON number: huge, negative, fractional, at the integer limits.
fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        Just(Value::from(u32::MAX)),
        Just(Value::from(i32::MIN)),
        Just(Value::from(i32::MAX)),
        Just(Value::from(0)),
        Just(Value::from(1e308)),
        (-20i64..20).prop_map(Value::from),
    ]
}

fn workshop(n: &[Value], ids: &[u32]) -> Value {
    let n = |i: usize| n[i % n.len()].clone();
    let u = |i: usize| Value::from(ids[i % ids.len()]);
    // The same draws as whole numbers of the scale's type, extremes included.
    let i = |k: usize| Value::from(ids[k % ids.len()] as i32);
    json!({
        "format": "cst-workbench/workshop", "version": 1, "revision": n(0), "saved_at": n(1),
        "workshop": {
            "id": "w-n", "title": "Numbers", "created_at": n(2),
            "roster": [{"id": "s1", "name": "GPs"}],
            "scoring": {
                "framework": {"name": "F", "based_on": "cycle", "elements": [{"id": "e1", "name": "Trust", "group": "heart"}, {"id": "e2", "name": "Time"}]},
                "scale": {"min": i(3), "max": i(4), "labels": ["a", "b"]},
                "scorers": [{"id": "s1", "name": "A"}],
                "rounds": [{"id": "r1", "name": "R", "revealed": true,
                    "scores": {"s1": {"e1": {"value": i(5)}, "e2": {"value": i(6)}}},
                    "hands": {"e1": {"counts": [u(7), u(8), u(9)], "dont_know": u(10)}}}]
            },
            "maps": [{"id": "m1", "title": "M", "next_id": u(11),
                "nodes": [{"id": u(12), "label": "a", "x": n(13), "y": n(14), "kind": u(15)}, {"id": u(16), "label": "b", "x": n(17), "y": n(18)}],
                "links": [{"id": u(19), "from": u(12), "to": u(16), "label": "l"}],
                "kinds": [{"id": u(15), "name": "k", "colour": 200}],
                "view": {"x": n(21), "y": n(22), "zoom": n(23)}}],
            "pictures": [{"id": "p1", "title": "P", "next_id": u(24), "view": {"x": n(25), "y": n(26), "zoom": n(27)},
                "items": [
                    {"type": "sticker", "id": u(28), "icon": "person", "x": n(29), "y": n(30), "size": n(31), "rotation": n(32), "caption": "c"},
                    {"type": "text", "id": u(33), "x": n(34), "y": n(35), "size": n(36), "rotation": n(37), "text": "t", "colour": 0},
                    {"type": "shape", "id": u(39), "outline": "rectangle", "x": n(40), "y": n(41), "w": n(42), "h": n(43), "rotation": n(44), "width": n(45), "colour": 0},
                    {"type": "arrow", "id": u(46), "from": {"item": u(28)}, "to": {"x": n(47), "y": n(48)}, "width": n(49), "colour": 0}
                ]}],
            "agenda": {"entries": [{"step": "welcome", "minutes": n(50)}]}
        }
    })
}

/// Every export and the report of every workshop read from `text`.
fn render_everything(text: &str) {
    let Ok(restored) = read_import(text, &|i| format!("w{i}")) else {
        return;
    };
    for r in restored {
        let w = &r.saved.workshop;
        let _ = report::markdown(w);
        let _ = report::html(w);
        let _ = boundary::markdown(w);
        let _ = boundary::csv(w);
        let s = &w.scoring;
        let _ = scoring::scores_csv(s);
        let _ = scoring::summary_csv(s);
        let _ = scoring::summary_markdown(s, "t");
        for round in &s.rounds {
            let results = s.results(round);
            let range = s.scale.range();
            assert!(range.levels() <= 21, "{range:?}");
            // Every chart, drawn for a page and for a slide, as the presentation does.
            for chart in scoring_svg::Chart::ALL {
                for frame in [
                    scoring_svg::Frame::PAGE,
                    scoring_svg::Frame {
                        width: 960.0,
                        height: 420.0,
                        font: 24.0,
                    },
                ] {
                    let _ = chart.draw(frame, &results, range, &s.framework.based_on, "t");
                }
            }
            let _ = scoring::ranked(s, round);
        }
        for m in &w.maps {
            let _ = ex::svg::svg(m);
            let _ = ex::dot::dot(m);
            let _ = ex::graphml::graphml(m);
            let _ = ex::gexf::gexf(m);
            let _ = ex::kumu::kumu(m);
            let _ = ex::json::json(m);
            let _ = ex::mermaid::mermaid(m);
            let _ = ex::table::elements(m);
            let _ = ex::table::connections(m);
            assert!(m.next_id < ID_CEILING, "{}", m.next_id);
        }
        for p in &w.pictures {
            let _ = px::svg(p);
            let _ = px::json(p);
            assert!(p.next_id < ID_CEILING, "{}", p.next_id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_numbers_restore_and_render(
        numbers in proptest::collection::vec(number(), 51),
        ids in proptest::collection::vec(prop_oneof![any::<u32>(), Just(u32::MAX), 0u32..5], 51),
    ) {
        render_everything(&workshop(&numbers, &ids).to_string());
    }
}

#[test]
fn the_numbers_from_the_attack_restore_bounded() {
    let n: Vec<Value> = vec![Value::from(3); 51];
    let mut ids: Vec<u32> = vec![3; 51];
    ids[3] = 0;
    ids[4] = 2_000_000_000;
    for i in [7, 8, 9, 10] {
        ids[i] = u32::MAX;
    }
    let text = workshop(&n, &ids).to_string();
    render_everything(&text);
    let w = read_import(&text, &|_| "x".into()).unwrap().remove(0);
    let s = &w.saved.workshop.scoring;
    assert_eq!((s.scale.min, s.scale.max), (0, 20));
    let hands = &s.rounds[0].hands["e1"];
    assert!(
        hands
            .counts
            .iter()
            .chain([&hands.dont_know])
            .all(|&c| c <= 10_000)
    );
    assert!(
        w.repairs
            .iter()
            .any(|r| r.contains("scale ran from 0 to 2000000000")),
        "{:?}",
        w.repairs
    );
}

#[test]
fn ids_at_the_limit_never_wrap_or_overwrite() {
    let n: Vec<Value> = vec![Value::from(5); 51];
    let mut ids: Vec<u32> = (0..51).map(|i| 100 + i).collect();
    ids[11] = u32::MAX; // the map's next id
    ids[12] = u32::MAX; // a node's id
    ids[16] = u32::MAX - 1;
    ids[15] = 7; // the kind
    ids[24] = u32::MAX; // the picture's next id
    ids[28] = u32::MAX; // a sticker's id, an arrow's end
    let text = workshop(&n, &ids).to_string();
    let mut w = read_import(&text, &|_| "x".into())
        .unwrap()
        .remove(0)
        .saved
        .workshop;
    let m = &mut w.maps[0];
    let labels: Vec<String> = m.nodes.iter().map(|n| n.label.clone()).collect();
    let a = m.add_node("new 1", Point::new(0.0, 0.0), None);
    let b = m.add_node("new 2", Point::new(0.0, 0.0), None);
    assert!(m.nodes.iter().all(|n| n.id < ID_CEILING));
    let mut ids: Vec<u32> = m.nodes.iter().map(|n| n.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 4, "every id is its own");
    assert_eq!(m.node(a).unwrap().label, "new 1");
    assert_eq!(m.node(b).unwrap().label, "new 2");
    for l in labels {
        assert!(m.nodes.iter().any(|n| n.label == l), "{l} kept");
    }
    assert_eq!(m.links.len(), 1, "the link follows its renumbered ends");
    let p: &mut cstw_core::model::picture::Picture = &mut w.pictures[0];
    let before = p.items.len();
    let id = p.add(p.items[1].clone());
    assert!(id < ID_CEILING);
    assert_eq!(p.items.len(), before + 1);
    let mut ids: Vec<u32> = p.items.iter().map(|i| i.id()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), before + 1);
}

#[test]
fn a_stored_records_key_wins_over_its_inner_id() {
    let doc = json!({"format": "cst-workbench/workshop", "version": 1, "revision": 3,
        "workshop": {"id": "w-victim", "title": "Intruder"}});
    let r = read_stored(&doc.to_string(), "w-intruder").unwrap();
    assert_eq!(r.saved.workshop.id, "w-intruder");
    assert!(
        r.repairs.iter().any(|x| x.contains("w-victim")),
        "{:?}",
        r.repairs
    );
    // The library lists it once, under its key.
    let index = cstw_core::persist::library::Index::restore(None);
    let records = vec![
        ("w-intruder".to_string(), doc.to_string()),
        ("w-victim".to_string(), json!({"format": "cst-workbench/workshop", "version": 1, "workshop": {"id": "w-victim", "title": "Victim"}}).to_string()),
    ];
    let (listed, _) = cstw_core::persist::library::reconcile(&index, &records);
    let ids: Vec<&str> = listed.iter().map(|l| l.id()).collect();
    assert_eq!(ids, ["w-intruder", "w-victim"]);
}
