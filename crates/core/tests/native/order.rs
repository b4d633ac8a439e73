//! The app's one sort (`cstw_core::order`) against the standard library's: on random inputs
//! with many ties (keys from a few values, each element tagged with where it started, so a
//! different order of equal keys shows), every function gives exactly the standard stable
//! sort's order; where a call site used `sort_unstable`, the result is also a valid sort.

use std::cmp::{Ordering, Reverse};

use cstw_core::order;
use proptest::prelude::*;

/// Elements with few distinct keys (many ties), each tagged with its starting place. Lengths
/// cross the sort's stack buffer (32) and the standard sort's small-sort sizes.
fn tagged(max_key: u8, max_len: usize) -> impl Strategy<Value = Vec<(u8, u8, usize)>> {
    prop::collection::vec((0..=max_key, 0..=max_key), 0..=max_len).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (a, b))| (a, b, i))
            .collect()
    })
}

/// A comparator that looks at part of the element only, like the app's (`b.level` then
/// `a.question`, reversed fields, and so on).
fn by_parts(a: &(u8, u8, usize), b: &(u8, u8, usize)) -> Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn sort_by_is_the_standard_stable_sort(v in tagged(3, 80)) {
        let mut ours = v.clone();
        let mut std = v.clone();
        order::sort_by(&mut ours, by_parts);
        std.sort_by(by_parts);
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_by_key_is_the_standard_stable_sort(v in tagged(4, 80)) {
        let mut ours = v.clone();
        let mut std = v.clone();
        order::sort_by_key(&mut ours, |e| Reverse(e.0));
        std.sort_by_key(|e| Reverse(e.0));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_by_cached_key_is_the_standard_one(v in tagged(4, 80)) {
        let mut ours = v.clone();
        let mut std = v.clone();
        order::sort_by_cached_key(&mut ours, |e| (e.1, e.0.to_string()));
        std.sort_by_cached_key(|e| (e.1, e.0.to_string()));
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn sort_is_the_standard_sort_and_a_valid_unstable_one(v in prop::collection::vec(0..6u8, 0..80)) {
        let mut ours = v.clone();
        order::sort(&mut ours);
        let mut std = v.clone();
        std.sort();
        prop_assert_eq!(&ours, &std);
        // In place of `sort_unstable`: in order, and the same elements.
        prop_assert!(ours.windows(2).all(|w| w[0] <= w[1]));
        let mut unstable = v.clone();
        unstable.sort_unstable();
        prop_assert_eq!(ours, unstable);
    }

    #[test]
    fn strings_with_equal_keys_keep_their_order(
        v in prop::collection::vec("[aAbB]{0,2}", 0..60),
    ) {
        // The library's title order: by the lower-cased title, ties (a, A) in the given order.
        let mut ours = v.clone();
        let mut std = v.clone();
        order::sort_by_key(&mut ours, |s| s.to_lowercase());
        std.sort_by_key(|s| s.to_lowercase());
        prop_assert_eq!(ours, std);
    }

    #[test]
    fn floats_by_total_order_as_the_standard_sort(
        v in prop::collection::vec(prop_oneof![Just(0.0), Just(-0.0), Just(1.5), Just(f64::NAN), any::<f64>()], 0..60),
    ) {
        // Tagged, as `(distance, place)` and `(turn, link)` are sorted in the app.
        let tagged: Vec<(f64, usize)> = v.into_iter().enumerate().map(|(i, x)| (x, i)).collect();
        let mut ours = tagged.clone();
        let mut std = tagged;
        order::sort_by(&mut ours, |a, b| a.0.total_cmp(&b.0));
        std.sort_by(|a, b| a.0.total_cmp(&b.0));
        let bits = |v: &[(f64, usize)]| v.iter().map(|(x, i)| (x.to_bits(), *i)).collect::<Vec<_>>();
        prop_assert_eq!(bits(&ours), bits(&std));
    }
}

#[test]
fn long_inputs_sorted_and_reversed_already_and_all_ties() {
    // Past the stack buffer, with the standard sort's run detection in play.
    for n in [0, 1, 2, 31, 32, 33, 1_000, 5_000] {
        let rising: Vec<(u32, usize)> = (0..n).map(|i| (i as u32 / 3, i)).collect();
        for input in [
            rising.clone(),
            rising.iter().rev().copied().collect(),
            rising.iter().map(|&(_, i)| (7, i)).collect(),
            rising.iter().map(|&(k, i)| ((k * 7919) % 13, i)).collect(),
        ] {
            let mut ours = input.clone();
            let mut std = input;
            order::sort_by_key(&mut ours, |e| e.0);
            std.sort_by_key(|e| e.0);
            assert_eq!(ours, std, "n {n}");
        }
    }
}

#[test]
fn elements_that_own_memory_move_intact() {
    // Swaps only: no element is dropped or duplicated (a Vec of Strings, as the pickers sort).
    let names: Vec<String> = (0..200)
        .map(|i| format!("idea {}", (i * 37) % 101))
        .collect();
    let mut ours = names.clone();
    let mut std = names;
    order::sort(&mut ours);
    std.sort();
    assert_eq!(ours, std);
}
