//! Workshops and edits for the tests: the example workshop changed by random edits of every
//! kind the issue lists (details, roster, answers, tensions, map labels, moves, additions and
//! removals, picture items, scoring, the agenda).

use cstw_core::content::example::example_workshop;
use cstw_core::model::boundary::{Level, Mode};
use cstw_core::model::map::Point;
use cstw_core::model::{Involvement, Workshop};
use proptest::prelude::*;

/// Text with the pieces that break formats: markup, quotes, line ends, emoji, RTL, combining.
pub fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => "[a-zA-Z ]{1,6}",
            1 => prop::sample::select(vec![
                "<", "&amp;", "\"", "\n", "\r\n", "\u{0}", "🌱", "👩🏽\u{200d}⚕️", "שלום", "e\u{301}",
                "\u{feff}", "\\", "{", "]",
            ])
            .prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..6,
    )
    .prop_map(|p| p.concat())
}

#[derive(Clone, Debug)]
pub enum Op {
    Title(String),
    Notes(String),
    AddStakeholder(String),
    RemoveStakeholder(usize),
    Answer(usize, u8, bool, String),
    Tension(u8, usize, usize, u8, String),
    Label(usize, String),
    Move(usize, f64, f64),
    AddNode(String, f64, f64),
    RemoveNode(usize),
    Notes2(usize, String),
    RemoveItem(usize),
    RenameElement(usize, String),
    Skip(usize),
}

pub fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        text().prop_map(Op::Title),
        text().prop_map(Op::Notes),
        text().prop_map(Op::AddStakeholder),
        any::<usize>().prop_map(Op::RemoveStakeholder),
        (any::<usize>(), 1u8..=12, any::<bool>(), text())
            .prop_map(|(p, q, m, t)| Op::Answer(p, q, m, t)),
        (1u8..=12, any::<usize>(), any::<usize>(), 0u8..3, text())
            .prop_map(|(q, a, b, l, n)| Op::Tension(q, a, b, l, n)),
        (any::<usize>(), text()).prop_map(|(i, t)| Op::Label(i, t)),
        (any::<usize>(), -1e6f64..1e6, -1e6f64..1e6).prop_map(|(i, x, y)| Op::Move(i, x, y)),
        (text(), -500f64..500.0, -500f64..500.0).prop_map(|(t, x, y)| Op::AddNode(t, x, y)),
        any::<usize>().prop_map(Op::RemoveNode),
        (any::<usize>(), text()).prop_map(|(i, t)| Op::Notes2(i, t)),
        any::<usize>().prop_map(Op::RemoveItem),
        (any::<usize>(), text()).prop_map(|(i, t)| Op::RenameElement(i, t)),
        any::<usize>().prop_map(Op::Skip),
    ]
}

pub fn base() -> Workshop {
    example_workshop("w-live".into(), 1_700_000_000_000.0)
}

/// Applies one edit the way the app's commands do.
pub fn apply(w: &mut Workshop, op: &Op) {
    match op {
        Op::Title(t) => w.title = t.clone(),
        Op::Notes(t) => w.notes = t.clone(),
        Op::AddStakeholder(name) => {
            let id = format!("s-{}", w.roster.len() + 100);
            if w.roster.iter().all(|s| s.id != id) {
                w.add_stakeholder(id, name, "", Involvement::Affected);
            }
        }
        Op::RemoveStakeholder(i) => {
            if !w.roster.is_empty() {
                let i = i % w.roster.len();
                w.roster.remove(i);
            }
        }
        Op::Answer(p, q, is, t) => {
            if let Some(id) = pick(&w.boundary.perspectives, *p).map(|p| p.id.clone()) {
                let mode = if *is { Mode::Is } else { Mode::Ought };
                w.boundary.set_answer(&id, *q, mode, t.clone());
            }
        }
        Op::Tension(q, a, b, l, note) => {
            let ps = &w.boundary.perspectives;
            if let (Some(a), Some(b)) = (pick(ps, *a), pick(ps, *b)) {
                let (a, b) = (a.id.clone(), b.id.clone());
                let level = [Level::None, Level::Some, Level::Strong][*l as usize % 3];
                w.boundary.set_tension(*q, &[&a, &b], level, note);
            }
        }
        Op::Label(i, t) => {
            if let Some(map) = w.maps.first_mut()
                && let Some(id) = pick(&map.nodes, *i).map(|n| n.id)
            {
                map.set_label(id, t.clone());
            }
        }
        Op::Move(i, x, y) => {
            if let Some(map) = w.maps.first_mut()
                && let Some(id) = pick(&map.nodes, *i).map(|n| n.id)
            {
                map.move_nodes(&[(id, Point::new(*x, *y))]);
            }
        }
        Op::AddNode(t, x, y) => {
            if let Some(map) = w.maps.first_mut() {
                map.add_node(t, Point::new(*x, *y), None);
            }
        }
        Op::RemoveNode(i) => {
            if let Some(map) = w.maps.first_mut()
                && let Some(id) = pick(&map.nodes, *i).map(|n| n.id)
            {
                map.remove_nodes(&[id]);
            }
        }
        Op::Notes2(i, t) => {
            if let Some(map) = w.maps.first_mut()
                && let Some(id) = pick(&map.nodes, *i).map(|n| n.id)
            {
                map.set_notes(id, t.clone());
            }
        }
        Op::RemoveItem(i) => {
            if let Some(picture) = w.pictures.first_mut()
                && !picture.items.is_empty()
            {
                let i = i % picture.items.len();
                picture.items.remove(i);
            }
        }
        Op::RenameElement(i, t) => {
            let elements = &mut w.scoring.framework.elements;
            if !elements.is_empty() {
                let i = i % elements.len();
                elements[i].name = t.clone();
            }
        }
        Op::Skip(i) => {
            let entries = cstw_core::model::agenda::steps(w);
            if let Some(step) = pick(&entries, *i).map(|e| e.step.clone()) {
                w.set_skipped(&step, true);
                w.move_step(&step, -1);
            }
        }
    }
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}
