//! The live room's costs, natively: bytes on the wire per edit (the replica update, sealed, in
//! its y-sync message), the time to record one keystroke in a large workshop (the whole
//! workshop's JSON compared with the last, as the page does on every edit), and what a room
//! holds for a 1,000-node map. `cargo bench -p cstw-sync --bench live`.

use std::time::Instant;

use cstw_core::model::map::Point;
use cstw_core::model::samples::large_workshop;
use cstw_sync::{Room, RoomLink};

fn main() {
    let link = RoomLink::generate();
    for (nodes, strokes) in [(20, 10), (1000, 200), (5000, 1000)] {
        let mut w = large_workshop(nodes, strokes);
        let mut room = Room::with_client(link.clone(), 1);
        let start = Instant::now();
        let first = room.edit(&w).expect("a first edit");
        let share = start.elapsed();
        let node = w.maps[0].nodes[nodes / 2].id;
        let mut label = w.maps[0].nodes[nodes / 2].label.clone();
        let mut sizes = Vec::new();
        let mut times = Vec::new();
        for c in "Community transport".chars() {
            label.push(c);
            w.maps[0].set_label(node, label.clone());
            let t = Instant::now();
            let message = room.edit(&w).expect("a keystroke is an edit");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            sizes.push(message.len());
        }
        let t = Instant::now();
        w.maps[0].move_nodes(&[(node, Point::new(123.5, -45.25))]);
        let moved = room.edit(&w).expect("a move is an edit");
        let move_ms = t.elapsed().as_secs_f64() * 1000.0;
        times.sort_by(f64::total_cmp);
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        let median = times[times.len() / 2];
        let mean_bytes = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
        println!(
            "{nodes:>5} nodes, {strokes:>4} strokes: share {:>8} B in {:>6.1} ms; keystroke {mean_bytes:>5.0} B on the wire, recorded in {median:.2} ms median, {p95:.2} ms p95; node move {} B in {move_ms:.2} ms; room after {} edits: {} B stored by the relay",
            first.len(),
            share.as_secs_f64() * 1000.0,
            moved.len(),
            sizes.len() + 2,
            room.envelope_state().len(),
        );
    }
}
