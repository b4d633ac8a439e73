//! One id made twice: a map's ids come from its `next_id`, which every copy shares, so two people
//! adding a node (a link, a group, a kind) at the same time give both the same id, and reading
//! the map back would keep one of them. After every merge the document is checked for that, and
//! each copy mends it the same way, so they all agree without talking:
//! - of the entries sharing an id, the one created first in Yjs's own order (the creating
//!   client's id, then its clock: the same in every copy) keeps it;
//! - each other gets a new id derived from its own Yjs identity (the same in every copy), in
//!   the upper half of the id space, below `ID_CEILING`;
//! - what the same person made that refers to the old id (a link's ends, a node's group or kind,
//!   a group's parent) follows it: they made it with their own entry in mind.
//!
//! Each move is also recorded in the room's own map (`moved.<map>.<list>.<client>.<old id>` →
//! new id), so a reference that person made before hearing of the mend, arriving later, is
//! mended too; the person's own copy also records how far its own clock had got when it
//! mended (`upto.…`), so what they made afterwards (which may mean the entry that kept the id)
//! is left alone. Yjs delivers each person's changes in their order, so no copy sees their later
//! changes before that record. Two copies mending at once write the same values.

use std::collections::{BTreeMap, HashSet};

use yrs::branch::BranchID;
use yrs::{Any, Array, Map, MapRef, Out, ReadTxn, TransactionMut};

/// The lists of a map that share its id space.
const LISTS: [&str; 4] = ["kinds", "nodes", "groups", "links"];
/// New ids go here: past any map people draw, below `cstw_core::model::map::ID_CEILING` (2^30).
const FROM: i64 = 1 << 29;
const SPAN: u64 = 1 << 28;

struct Entry {
    list: usize,
    map: MapRef,
    id: i64,
    by: (u64, u32),
}

fn number(out: Option<Out>) -> Option<i64> {
    match out? {
        Out::Any(Any::Number(yrs::Number::Int(i))) => Some(i),
        Out::Any(Any::Number(yrs::Number::Float(f))) if f.fract() == 0.0 => Some(f as i64),
        _ => None,
    }
}

fn creator(map: &MapRef) -> (u64, u32) {
    match map.as_ref().id() {
        BranchID::Nested(id) => (id.client.get(), id.clock),
        BranchID::Root(_) => (0, 0),
    }
}

/// The new id of the entry created by `by`, not in `taken`.
fn fresh(taken: &HashSet<i64>, by: (u64, u32)) -> i64 {
    let h = by.0.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17)
        ^ u64::from(by.1).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    let mut id = FROM + (h % SPAN) as i64;
    while taken.contains(&id) {
        id += 1;
    }
    id
}

fn maps_of<T: ReadTxn>(txn: &T, workshop: &MapRef) -> Vec<MapRef> {
    match workshop.get(txn, "maps") {
        Some(Out::YArray(maps)) => maps
            .iter(txn)
            .filter_map(|o| match o {
                Out::YMap(m) => Some(m),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Mends every id made twice in the workshop's maps; whether anything changed. `room` is the
/// document's room map, where moves are recorded.
pub fn mend(txn: &mut TransactionMut, workshop: &MapRef, room: &MapRef) -> bool {
    let mut changed = false;
    for map in maps_of(txn, workshop) {
        changed |= mend_map(txn, &map, room);
    }
    changed
}

fn mend_map(txn: &mut TransactionMut, map: &MapRef, room: &MapRef) -> bool {
    let me = txn.doc().client_id().get();
    let my_clock = txn.state_vector().get(&yrs::ClientID::new(me));
    let name = match map.get(txn, "id") {
        Some(Out::Any(Any::String(s))) => s.to_string(),
        other => number(other).map(|n| n.to_string()).unwrap_or_default(),
    };
    let mut entries = Vec::new();
    for (list, name) in LISTS.iter().enumerate() {
        if let Some(Out::YArray(items)) = map.get(txn, name) {
            for out in items.iter(txn) {
                if let Out::YMap(m) = out
                    && let Some(id) = number(m.get(txn, "id"))
                {
                    entries.push(Entry {
                        list,
                        by: creator(&m),
                        id,
                        map: m,
                    });
                }
            }
        }
    }
    let mut by_id: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        by_id.entry(e.id).or_default().push(i);
    }
    let mut taken: HashSet<i64> = entries.iter().map(|e| e.id).collect();
    let prefix = format!("moved.{name}.");
    let upto_prefix = format!("upto.{name}.");
    let uptos: BTreeMap<String, i64> = room
        .iter(txn)
        .filter_map(|(key, value)| {
            Some((
                key.strip_prefix(&upto_prefix)?.to_string(),
                number(Some(value))?,
            ))
        })
        .collect();
    // (list, old id, new id, the client that made it, its clock when it mended): recorded
    // before, then new ones.
    let mut moves: Vec<(usize, i64, i64, u64, Option<i64>)> = room
        .iter(txn)
        .filter_map(|(key, value)| {
            let rest = key.strip_prefix(&prefix)?;
            let mut parts = rest.split('.');
            let list = parts.next()?.parse().ok()?;
            let client = parts.next()?.parse().ok()?;
            let old = parts.next()?.parse().ok()?;
            let new = number(Some(value))?;
            Some((list, old, new, client, uptos.get(rest).copied()))
        })
        .collect();
    let mut changed = false;
    for (old, mut same) in by_id.into_iter().filter(|(_, v)| v.len() > 1) {
        same.sort_by_key(|&i| entries[i].by);
        for &i in &same[1..] {
            let new = fresh(&taken, entries[i].by);
            taken.insert(new);
            entries[i].map.insert(txn, "id", new);
            let (list, client) = (entries[i].list, entries[i].by.0);
            room.insert(txn, format!("{prefix}{list}.{client}.{old}"), new);
            let upto = (client == me).then_some(i64::from(my_clock));
            if let Some(clock) = upto {
                room.insert(txn, format!("{upto_prefix}{list}.{client}.{old}"), clock);
            }
            moves.push((list, old, new, client, upto));
            changed = true;
        }
    }
    for &(list, old, new, client, upto) in &moves {
        for e in &entries {
            if e.by.0 != client
                || (e.list == list && e.id == old)
                || upto.is_some_and(|u| i64::from(e.by.1) >= u)
            {
                continue;
            }
            let keys: &[&str] = match (LISTS[list], LISTS[e.list]) {
                ("nodes" | "groups", "links") => &["from", "to"],
                ("kinds", "nodes") => &["kind"],
                ("groups", "nodes") => &["group"],
                ("groups", "groups") => &["parent"],
                _ => &[],
            };
            for key in keys {
                if number(e.map.get(txn, key)) == Some(old) {
                    e.map.insert(txn, *key, new);
                    changed = true;
                }
            }
        }
    }
    // `next_id` is left alone: reading the map back puts it past every id (the model's repair),
    // and a value written here would race the others' own `next_id` writes.
    changed
}
