//! A keystroke in a boundary answer, natively, in a workshop holding a 5,000-node map and a
//! picture of 2,000 strokes: what the page's main thread does for it, as `Session::edit` does
//! it (`History::edit`: the state before kept for undo, the change applied, "did anything
//! change?", the undo step recorded). The save is debounced (250 ms after the last keystroke)
//! and not counted. Beside it, in the same run, the same keystroke as it was done before maps
//! and pictures were shared (`keystroke_copying`), for the figure to compare with.
//!
//! `cargo bench -p cstw-core --bench keystroke` prints min, median and p95 milliseconds for a
//! keystroke that continues the typing in a field (one undo step for the whole field) and for
//! the first keystroke in a field (a new undo step). Target: ≤ 2 ms. Not a pass/fail test.

mod common;

use cstw_core::history::History;
use cstw_core::model::boundary::Mode;
use cstw_core::model::map::ConceptMap;
use cstw_core::model::picture::Picture;
use cstw_core::model::samples::large_workshop;
use cstw_core::model::{Shared, Workshop};

const NODES: usize = 5_000;
const STROKES: usize = 2_000;
/// Keystrokes timed per figure; fewer for the first key in a field, as each one keeps a state in
/// the history (200 of them, as the page keeps; before the sharing, each a whole copy).
const RUNS: usize = 200;
const FIRST_KEYS: usize = 40;
const GESTURE: &str = "answer:p-team:3:is";

/// One keystroke as the page's session applies it (`Session::edit` = `History::edit`).
fn keystroke(w: &mut Workshop, history: &mut History<Workshop>, text: &mut String, seal: bool) {
    if seal {
        history.seal();
    }
    text.push('x');
    let typed = text.clone();
    history.edit(w, Some(GESTURE), |w| {
        w.boundary.set_answer("p-team", 3, Mode::Is, typed)
    });
}

/// A copy of the workshop sharing none of its maps and pictures: what every copy was before
/// they were shared.
fn unshared(w: &Workshop) -> Workshop {
    let mut copy = w.clone();
    for m in &mut copy.maps {
        *m = Shared::new(ConceptMap::clone(m));
    }
    for p in &mut copy.pictures {
        *p = Shared::new(Picture::clone(p));
    }
    copy
}

/// The same keystroke as `Session::edit` did it before the sharing, for the figure to compare
/// with, measured in the same run: the whole workshop copied as the state before, compared
/// whole after the change, and copied again into the history at the start of a gesture.
fn keystroke_copying(
    w: &mut Workshop,
    history: &mut History<Workshop>,
    text: &mut String,
    seal: bool,
) {
    if seal {
        history.seal();
    }
    text.push('x');
    let typed = text.clone();
    let before = unshared(w);
    w.boundary.set_answer("p-team", 3, Mode::Is, typed);
    if *w == before {
        return;
    }
    history.record(&unshared(&before), Some(GESTURE));
}

fn main() {
    println!(
        "keystroke in a boundary answer (native, {RUNS} and {FIRST_KEYS} runs; a {NODES}-node map, {STROKES} strokes; edit + history, the save debounced)"
    );
    type Keystroke = fn(&mut Workshop, &mut History<Workshop>, &mut String, bool);
    let ways: [(&str, Keystroke); 2] = [
        ("copying the workshop (before)", keystroke_copying),
        ("sharing maps and pictures (now)", keystroke),
    ];
    for (way, f) in ways {
        let mut w = large_workshop(NODES, STROKES);
        // Maps and pictures as `Workshop::restore` gives them: shared by nothing yet.
        w = unshared(&w);
        let mut history = History::new(200);
        let mut text = String::from("What is the case");
        println!("  {way}");
        for (name, seal) in [
            ("typing on in a field", false),
            ("first key in a field", true),
        ] {
            let t = common::time(RUNS, || f(&mut w, &mut history, &mut text, seal));
            println!(
                "    {name}   min {:>8.3} ms   median {:>8.3} ms   p95 {:>8.3} ms   (target <= 2 ms)",
                t.min(),
                t.median(),
                t.p95()
            );
        }
    }
}
