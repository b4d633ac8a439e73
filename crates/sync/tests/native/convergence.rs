//! Concurrent edits converge: two people edit their copies apart, their updates cross in any
//! order, and every copy ends with the same workshop; typing in one label on both sides keeps
//! both people's typing.

use cstw_core::model::Workshop;
use cstw_core::model::boundary::Mode;
use cstw_core::model::map::Point;
use cstw_sync::Replica;
use proptest::prelude::*;

use super::workshops::{Op, apply, base, op};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Two replicas holding the same base workshop.
fn pair(w: &Workshop) -> (Replica, Replica) {
    let mut a = Replica::new(11);
    let mut b = Replica::new(22);
    b.apply(&a.write(w).unwrap()).unwrap();
    (a, b)
}

/// Edits `w` op by op in `r`, collecting the updates.
fn edit(r: &mut Replica, w: &mut Workshop, ops: &[Op]) -> Vec<Vec<u8>> {
    ops.iter()
        .filter_map(|o| {
            apply(w, o);
            r.write(w)
        })
        .collect()
}

/// Applies `update` to `r`, keeping the mend it made (an id made twice), as the room does.
fn take(r: &mut Replica, update: &[u8], mends: &mut Vec<Vec<u8>>) {
    mends.extend(r.apply(update).unwrap());
}

/// Delivers the mends to every copy, as the room sends them, until no copy mends any more. A
/// copy that merged in another order may have mended an id the others never saw made twice
/// (say, one of the two was removed in an update it had not yet heard): its mend must reach
/// them.
fn settle(copies: &mut [&mut Replica], mut mends: Vec<Vec<u8>>) {
    for _ in 0..8 {
        if mends.is_empty() {
            return;
        }
        let mut next = Vec::new();
        for m in &mends {
            for r in copies.iter_mut() {
                take(r, m, &mut next);
            }
        }
        mends = next;
    }
    panic!("the copies still mend after eight rounds");
}

fn read(r: &Replica) -> Workshop {
    r.workshop("x", &mut Vec::new())
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn concurrent_edits_converge_in_any_order(
        ops_a in prop::collection::vec(op(), 0..12),
        ops_b in prop::collection::vec(op(), 0..12),
        seed in any::<u64>(),
    ) {
        let start = base();
        let (mut a, mut b) = pair(&start);
        let mut c = Replica::new(33);
        c.apply(&a.state()).unwrap();
        let (mut wa, mut wb) = (start.clone(), start.clone());
        let ua = edit(&mut a, &mut wa, &ops_a);
        let ub = edit(&mut b, &mut wb, &ops_b);
        // a gets b's in order, b gets a's backwards, c gets all of them shuffled.
        let mut mends = Vec::new();
        for u in &ub {
            take(&mut a, u, &mut mends);
        }
        for u in ua.iter().rev() {
            take(&mut b, u, &mut mends);
        }
        let mut all: Vec<&Vec<u8>> = ua.iter().chain(&ub).collect();
        let mut s = seed;
        for i in (1..all.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            all.swap(i, (s >> 33) as usize % (i + 1));
        }
        for u in all {
            take(&mut c, u, &mut mends);
        }
        settle(&mut [&mut a, &mut b, &mut c], mends);
        prop_assert_eq!(a.json(), b.json());
        prop_assert_eq!(a.json(), c.json());
        prop_assert_eq!(read(&a), read(&b));
        // Edits one side made to different things than the other are all there.
        if ops_b.is_empty() {
            let mut report = Vec::new();
            let expect = Workshop::restore(serde_json::to_value(&wa).unwrap(), "x", &mut report);
            prop_assert_eq!(read(&b), expect);
        }
    }

    #[test]
    fn typing_in_one_label_on_both_sides_keeps_both(
        left in "[a-z]{1,8}",
        right in "[A-Z]{1,8}",
    ) {
        let start = base();
        let (mut a, mut b) = pair(&start);
        let (mut wa, mut wb) = (start.clone(), start.clone());
        let map = &start.maps[0];
        let node = map.nodes[0].id;
        let label = map.nodes[0].label.clone();
        wa.maps[0].set_label(node, format!("{left}{label}"));
        wb.maps[0].set_label(node, format!("{label}{right}"));
        let ua = a.write(&wa).unwrap();
        let ub = b.write(&wb).unwrap();
        a.apply(&ub).unwrap();
        b.apply(&ua).unwrap();
        let merged = format!("{left}{label}{right}");
        prop_assert_eq!(&read(&a).maps[0].nodes[0].label, &merged);
        prop_assert_eq!(&read(&b).maps[0].nodes[0].label, &merged);
    }
}

#[test]
fn the_same_answer_typed_on_both_sides_gives_the_same_text_everywhere() {
    let start = base();
    let (mut a, mut b) = pair(&start);
    let (mut wa, mut wb) = (start.clone(), start.clone());
    let p = start.boundary.perspectives[0].id.clone();
    let (q, before) = start.boundary.perspectives[0]
        .answers
        .iter()
        .map(|(q, a)| (*q, a.is.clone()))
        .next()
        .expect("the example has answers");
    wa.boundary
        .set_answer(&p, q, Mode::Is, format!("{before} and the GPs"));
    wb.boundary
        .set_answer(&p, q, Mode::Is, format!("Mostly: {before}"));
    let ua = a.write(&wa).unwrap();
    let ub = b.write(&wb).unwrap();
    b.apply(&ua).unwrap();
    a.apply(&ub).unwrap();
    let text_a = read(&a).boundary.perspectives[0].answers[&q].is.clone();
    let text_b = read(&b).boundary.perspectives[0].answers[&q].is.clone();
    assert_eq!(text_a, text_b);
    assert_eq!(text_a, format!("Mostly: {before} and the GPs"));
}

#[test]
fn a_node_moved_on_one_side_and_renamed_on_the_other_keeps_both() {
    let start = base();
    let (mut a, mut b) = pair(&start);
    let (mut wa, mut wb) = (start.clone(), start.clone());
    let node = start.maps[0].nodes[2].id;
    wa.maps[0].move_nodes(&[(node, cstw_core::model::map::Point::new(1234.5, -42.25))]);
    wb.maps[0].set_label(node, "Renamed".into());
    let ua = a.write(&wa).unwrap();
    let ub = b.write(&wb).unwrap();
    a.apply(&ub).unwrap();
    b.apply(&ua).unwrap();
    for r in [&a, &b] {
        let w = read(r);
        let n = w.maps[0].node(node).unwrap();
        assert_eq!((n.x, n.y, n.label.as_str()), (1234.5, -42.25, "Renamed"));
    }
}

/// Delivers each side's updates to the other, as the room does, with the mends each merge makes
/// going back the other way, until nothing is left to deliver.
fn exchange(a: &mut Replica, b: &mut Replica, mut to_a: Vec<Vec<u8>>, mut to_b: Vec<Vec<u8>>) {
    while !(to_a.is_empty() && to_b.is_empty()) {
        let (mut next_a, mut next_b) = (Vec::new(), Vec::new());
        for u in to_a.drain(..) {
            next_b.extend(a.apply(&u).unwrap());
        }
        for u in to_b.drain(..) {
            next_a.extend(b.apply(&u).unwrap());
        }
        (to_a, to_b) = (next_a, next_b);
    }
}

/// The label at each end of every link of the first map.
fn linked(w: &Workshop) -> Vec<(String, String)> {
    let m = &w.maps[0];
    let label = |id| m.nodes.iter().find(|n| n.id == id).map(|n| n.label.clone());
    let mut out: Vec<_> = m
        .links
        .iter()
        .filter_map(|l| Some((label(l.from)?, label(l.to)?)))
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(config(64))]

    /// A map's ids come from one shared counter: two people adding nodes (and links to them) at
    /// once make the same ids. Every node is kept, under distinct ids, and links follow the node
    /// their maker meant, in every copy.
    #[test]
    fn nodes_added_at_once_on_both_sides_are_all_kept_and_links_follow_them(
        na in 1usize..4,
        nb in 1usize..4,
        reverse in any::<bool>(),
    ) {
        use cstw_core::model::map::Point;
        let start = base();
        let (mut a, mut b) = pair(&start);
        let (mut wa, mut wb) = (start.clone(), start.clone());
        let anchor = start.maps[0].nodes[0].id;
        let anchor_label = start.maps[0].nodes[0].label.clone();
        let before = linked(&start);
        let (mut ua, mut ub) = (Vec::new(), Vec::new());
        for (w, r, u, side, n) in [(&mut wa, &mut a, &mut ua, "A", na), (&mut wb, &mut b, &mut ub, "B", nb)] {
            for i in 0..n {
                let id = w.maps[0].add_node(&format!("{side}{i}"), Point::new(i as f64, 0.0), None);
                w.maps[0].add_link(anchor, id);
                u.extend(r.write(w));
            }
        }
        if reverse {
            ua.reverse();
        }
        exchange(&mut a, &mut b, ub, ua);
        prop_assert_eq!(a.json(), b.json());
        let merged = read(&a);
        prop_assert_eq!(&merged, &read(&b));
        let m = &merged.maps[0];
        let mut ids: Vec<u32> = m.nodes.iter().map(|n| n.id).chain(m.links.iter().map(|l| l.id)).collect();
        let all = ids.len();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), all, "ids are distinct");
        let mut expect = before.clone();
        for (side, n) in [("A", na), ("B", nb)] {
            for i in 0..n {
                prop_assert_eq!(m.nodes.iter().filter(|x| x.label == format!("{side}{i}")).count(), 1);
                expect.push((anchor_label.clone(), format!("{side}{i}")));
            }
        }
        expect.sort();
        prop_assert_eq!(linked(&merged), expect);
    }
}

#[test]
fn after_a_mend_the_person_whose_node_moved_can_link_to_the_one_that_kept_the_id() {
    use cstw_core::model::map::Point;
    let start = base();
    let (mut a, mut b) = pair(&start);
    let (mut wa, mut wb) = (start.clone(), start.clone());
    let ida = wa.maps[0].add_node("Mine", Point::new(0.0, 0.0), None);
    let idb = wb.maps[0].add_node("Yours", Point::new(9.0, 0.0), None);
    assert_eq!(ida, idb, "the shared counter gives both the same id");
    let (ua, ub) = (a.write(&wa).unwrap(), b.write(&wb).unwrap());
    exchange(&mut a, &mut b, vec![ub], vec![ua]);
    assert_eq!(a.json(), b.json());
    // Whoever's node moved, each person now links their own node to the other one, by the ids
    // their copy shows.
    let (mut wa, mut wb) = (read(&a), read(&b));
    let id = |w: &Workshop, l: &str| w.maps[0].nodes.iter().find(|n| n.label == l).unwrap().id;
    let anchor = start.maps[0].nodes[1].id;
    let (yours, mine) = (id(&wa, "Yours"), id(&wb, "Mine"));
    wa.maps[0].add_link(anchor, yours).unwrap();
    wb.maps[0].add_link(anchor, mine).unwrap();
    let (ua, ub) = (a.write(&wa).unwrap(), b.write(&wb).unwrap());
    exchange(&mut a, &mut b, vec![ub], vec![ua]);
    assert_eq!(a.json(), b.json());
    let links = linked(&read(&a));
    let anchor_label = start.maps[0].nodes[1].label.clone();
    assert!(
        links.contains(&(anchor_label.clone(), "Yours".into())),
        "{links:?}"
    );
    assert!(links.contains(&(anchor_label, "Mine".into())), "{links:?}");
    assert_eq!(read(&a).maps[0].nodes.len(), start.maps[0].nodes.len() + 2);
}

#[test]
fn undo_takes_back_ones_own_edit_and_leaves_the_others() {
    let start = base();
    let (mut a, mut b) = pair(&start);
    let (mut wa, mut wb) = (start.clone(), start.clone());
    a.set_time(1_000);
    wa.notes = "Ana's note".into();
    let ua = a.write(&wa).unwrap();
    b.apply(&ua).unwrap();
    // Later, Ben changes the title; it reaches Ana.
    wb.notes = "Ana's note".into();
    wb.title = "Ben's title".into();
    let ub = b.write(&wb).unwrap();
    a.apply(&ub).unwrap();
    // Ana undoes: her note goes, Ben's title stays, in both copies.
    a.set_time(10_000);
    let undo = a.undo().expect("Ana has an edit to undo");
    b.apply(&undo).unwrap();
    for r in [&a, &b] {
        assert_eq!(read(r).title, "Ben's title");
        assert_eq!(read(r).notes, start.notes);
    }
    // Nothing else of hers to undo (sharing the workshop was not an edit); redo puts it back.
    assert_eq!(a.undo(), None);
    let redo = a.redo().expect("a redo");
    b.apply(&redo).unwrap();
    assert_eq!(read(&b).notes, "Ana's note");
    assert_eq!(read(&b).title, "Ben's title");
    // Ben's undo takes back his title only.
    let undo = b.undo().expect("Ben has an edit");
    a.apply(&undo).unwrap();
    assert_eq!(read(&a).title, start.title);
    assert_eq!(read(&a).notes, "Ana's note");
}

/// One person adds a node and removes it; another adds one at the same time, given the same id.
/// A third copy hears the first addition, then the second, and mends the id made twice before
/// it hears the removal; the two people never see the id twice. The third copy's mend reaches
/// them through the room, and every copy ends the same (found by the proptest above).
#[test]
fn a_mend_one_copy_made_in_its_own_order_reaches_the_others() {
    let start = base();
    let (mut a, mut b) = pair(&start);
    let mut c = Replica::new(33);
    c.apply(&a.state()).unwrap();
    let (mut wa, mut wb) = (start.clone(), start.clone());
    let added = wa.maps[0].add_node("mine", Point::new(0.0, 0.0), None);
    let a_adds = a.write(&wa).unwrap();
    wa.maps[0].remove_nodes(&[added]);
    let a_removes = a.write(&wa).unwrap();
    // What the second person hears: the first one's copy as it is now.
    let a_now = a.state();
    let theirs = wb.maps[0].add_node("theirs", Point::new(9.0, 9.0), None);
    assert_eq!(added, theirs, "both copies give the new node the same id");
    let b_adds = b.write(&wb).unwrap();

    let mut mends = Vec::new();
    take(&mut a, &b_adds, &mut mends);
    take(&mut b, &a_now, &mut mends);
    assert!(mends.is_empty(), "neither person sees the id twice");
    for u in [&a_adds, &b_adds, &a_removes] {
        take(&mut c, u, &mut mends);
    }
    assert_eq!(mends.len(), 1, "the third copy mends the id");
    assert_ne!(a.json(), c.json(), "before its mend arrives");
    settle(&mut [&mut a, &mut b, &mut c], mends);
    assert_eq!(a.json(), b.json());
    assert_eq!(a.json(), c.json());
    let node = |r: &Replica| {
        read(r).maps[0]
            .nodes
            .iter()
            .filter(|n| n.label == "theirs")
            .map(|n| n.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(node(&a).len(), 1);
    assert_eq!(node(&a), node(&b));
    assert_eq!(node(&a), node(&c));
}
