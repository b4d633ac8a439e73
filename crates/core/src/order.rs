//! One sort for the whole app (issue 23, whole-app bytes).
//!
//! Every call of the standard library's `sort`, `sort_by`, `sort_by_key` or `sort_unstable*`
//! compiles its own copy of the sort (driftsort or ipnsort, 2 to 6 KB of wasm each) for its
//! element type and comparator: ~45 call sites made 262 sort functions, 132 KB of code. The
//! functions here sort the same way, stably, but carry almost nothing per call site: they
//! sort the positions `0..n` once, with the one copy of the standard sort that
//! [`sort_positions`] holds (indices compared through a `&mut dyn` object that knows the
//! elements), then move the elements into that order in place by swaps. What is left per
//! element type is a small comparing method and a swapping one.
//!
//! The order is exactly the standard stable sort's: the positions are sorted stably by the
//! same comparator, so equal elements keep their given order (tested against `[T]::sort_by`
//! on inputs with many ties in tests/native/order.rs). Use these off the hot paths: each
//! comparison is an indirect call, so they are slower than the standard sort by a small
//! factor; the layout's inner loops (analysis/layout, the kernels crate) and per-frame drawing
//! keep the standard sort.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably: the same order as `v.sort_by(compare)`.
pub fn sort_by<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    sort_positions(&mut By { v, compare });
}

/// Sorts `v` by the key `key` gives, stably: the same order as `v.sort_by_key(key)`. The key
/// is computed at every comparison, as the standard one does (see [`sort_by_cached_key`]).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order, stably: the same order as `v.sort()` (and, as elements
/// that compare equal under `Ord` are in place of each other for the callers here, as
/// `v.sort_unstable()`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` by the key `key` gives, computing each element's key once: the same order as
/// `v.sort_by_cached_key(key)` (stable).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    sort_positions(&mut Cached { v, keys });
}

/// Elements that can be compared and swapped by position: what [`sort_positions`] needs.
trait Positions {
    fn len(&self) -> usize;
    /// Compares the elements at `a` and `b`; only called before any [`Positions::swap`].
    fn compare(&mut self, a: usize, b: usize) -> Ordering;
    fn swap(&mut self, a: usize, b: usize);
}

/// A slice and its comparator.
struct By<'a, T, F> {
    v: &'a mut [T],
    compare: F,
}

impl<T, F: FnMut(&T, &T) -> Ordering> Positions for By<'_, T, F> {
    fn len(&self) -> usize {
        self.v.len()
    }
    fn compare(&mut self, a: usize, b: usize) -> Ordering {
        (self.compare)(&self.v[a], &self.v[b])
    }
    fn swap(&mut self, a: usize, b: usize) {
        self.v.swap(a, b);
    }
}

/// A slice and each element's key, computed beforehand (the keys are compared before any
/// element moves, so they stay at their elements' first positions).
struct Cached<'a, T, K> {
    v: &'a mut [T],
    keys: Vec<K>,
}

impl<T, K: Ord> Positions for Cached<'_, T, K> {
    fn len(&self) -> usize {
        self.v.len()
    }
    fn compare(&mut self, a: usize, b: usize) -> Ordering {
        self.keys[a].cmp(&self.keys[b])
    }
    fn swap(&mut self, a: usize, b: usize) {
        self.v.swap(a, b);
    }
}

/// Up to this many positions are sorted in a buffer on the stack (no allocation): most sorts
/// in the app are of a few items.
const ON_STACK: usize = 32;

/// The one sort: sorts the positions stably by `p.compare`, then puts the elements in that
/// order. Not generic, so the standard sort below is compiled once for the whole app.
#[inline(never)]
fn sort_positions(p: &mut dyn Positions) {
    let n = p.len();
    if n < 2 {
        return;
    }
    let mut stack = [0usize; ON_STACK];
    let mut heap = Vec::new();
    let order: &mut [usize] = if n <= ON_STACK {
        &mut stack[..n]
    } else {
        heap.resize(n, 0);
        &mut heap
    };
    for (i, x) in order.iter_mut().enumerate() {
        *x = i;
    }
    order.sort_by(|&a, &b| p.compare(a, b));
    permute(p, order);
}

/// Moves the elements so that position `k` holds the element that was at `order[k]`, by
/// following each cycle of the permutation with swaps (`order` is used up: each position is
/// marked done by holding its own index).
fn permute(p: &mut dyn Positions, order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            // Position `at` takes the element from `from`; the element `at` held (the one
            // `start` held first) moves on to `from`, which the cycle fills next.
            p.swap(at, from);
            at = from;
        }
    }
}
