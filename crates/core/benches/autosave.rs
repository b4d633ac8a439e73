//! Autosave cost of a large workshop, natively: serialise to the stored form, and read it back
//! (the browser adapter compares the read-back text; restore is what a reload does).
//!
//! `cargo bench -p cstw-core --bench autosave` prints the median and p95 over many runs and the stored size.
//! Not a pass/fail test: the numbers depend on the machine. Today's largest workshop is a
//! roster of 1,000 stakeholders with long notes; the activity issues add their maps, strokes
//! and scores to `large_workshop` as they land.

use std::time::Instant;

use cstw_core::model::{Involvement, Workshop};
use cstw_core::persist::document::{SavedWorkshop, read_workshop};

fn large_workshop() -> SavedWorkshop {
    let mut w = Workshop::new("w-bench".into(), "Large workshop", 0.0);
    w.purpose = "Who benefits, who decides, and who is affected but not involved?".into();
    w.notes = "Notes from the day. ".repeat(2_000);
    for i in 0..1_000 {
        let involvement = if i % 4 == 0 {
            Involvement::Affected
        } else {
            Involvement::Involved
        };
        w.add_stakeholder(
            format!("s-{i:04}"),
            &format!("Stakeholder {i} (practice manager, link worker, GP)"),
            &format!("Organisation {}", i % 37),
            involvement,
        );
    }
    let mut s = SavedWorkshop::new(w, 1_700_000_000_000.0);
    s.revision = 42;
    s
}

fn stats(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[ms.len() * 95 / 100])
}

fn main() {
    let doc = large_workshop();
    let runs = 200;
    let mut write = Vec::with_capacity(runs);
    let mut read = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let text = doc.to_json();
        write.push(t.elapsed().as_secs_f64() * 1e3);
        size = text.len();
        let t = Instant::now();
        let back = read_workshop(&text, "x").expect("reads back");
        read.push(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(back.saved.workshop.roster.len(), 1_000);
    }
    let (wm, wp) = stats(write);
    let (rm, rp) = stats(read);
    println!("autosave (native, {runs} runs, roster of 1,000 + 40 KB notes)");
    println!(
        "  stored size          {:>8.1} KB   (target <= 500 KB)",
        size as f64 / 1024.0
    );
    println!(
        "  serialise            median {wm:>6.2} ms   p95 {wp:>6.2} ms   (target <= 5 ms a write)"
    );
    println!("  read back + restore  median {rm:>6.2} ms   p95 {rp:>6.2} ms");
}
