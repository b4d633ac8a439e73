//! The disagreement rule (`analysis::stats`): a table of groups worked by hand, and simulations
//! that pin how it behaves for steering groups of 3 to 25 on the three preset scales.

use cstw_core::analysis::stats::{Disagreement, Range, far_needed, summarise};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const FIVE: Range = Range { min: 1, max: 5 };
const SEVEN: Range = Range { min: 1, max: 7 };
const TEN: Range = Range { min: 0, max: 10 };
const SCALES: [Range; 3] = [FIVE, SEVEN, TEN];

fn rep(value: i32, times: usize) -> Vec<i32> {
    vec![value; times]
}

fn join(parts: &[Vec<i32>]) -> Vec<i32> {
    parts.concat()
}

fn flag(scores: &[i32], range: Range) -> Option<Disagreement> {
    summarise(scores, 0, range).disagreement
}

#[test]
fn hand_worked_groups() {
    use Disagreement::*;
    // k = max(2, ⌈0.15 n⌉) scorers must be "far": two or more levels from the middle score
    // (from either middle score when n is even). c/6 is the spread test's threshold.
    let table: Vec<(&str, Vec<i32>, Range, Option<Disagreement>)> = vec![
        // n 5, k 2, median 4: nobody far; mean deviation 0.8 ≤ 5/6.
        ("3,3,4,5,5", vec![3, 3, 4, 5, 5], FIVE, None),
        ("all 4", rep(4, 3), FIVE, None),
        // n 3: one person alone is never enough.
        ("1,4,4", vec![1, 4, 4], FIVE, None),
        ("1,1,4", vec![1, 1, 4], FIVE, None),
        // 1, 3, 5: one far on each side, two in all: scattered.
        ("1,3,5", vec![1, 3, 5], FIVE, Some(Spread)),
        // n 12, k 2, median 4: three at 1 are far below.
        (
            "three 1s, nine 4s",
            join(&[rep(1, 3), rep(4, 9)]),
            FIVE,
            Some(Dissent),
        ),
        // n 6, middle scores 2 and 4: three ≤ 4 − 2 and three ≥ 2 + 2.
        ("2,2,2,4,4,4", vec![2, 2, 2, 4, 4, 4], FIVE, Some(Split)),
        ("1,2,3,4,5", vec![1, 2, 3, 4, 5], FIVE, Some(Spread)),
        // Nobody far from 3; mean deviation 6/7 > 5/6 with three below and three above.
        (
            "2,2,2,3,4,4,4",
            vec![2, 2, 2, 3, 4, 4, 4],
            FIVE,
            Some(Spread),
        ),
        // n 10, k 2: two at 1 and two at 5, median 3.
        (
            "two 1s, six 3s, two 5s",
            join(&[rep(1, 2), rep(3, 6), rep(5, 2)]),
            FIVE,
            Some(Split),
        ),
        // n 6, median 3: two at 5 are far above.
        ("3,3,3,3,5,5", vec![3, 3, 3, 3, 5, 5], FIVE, Some(Dissent)),
        ("3,3,4,4", vec![3, 3, 4, 4], FIVE, None),
        // 1–7.
        ("six 4s, two 5s", join(&[rep(4, 6), rep(5, 2)]), SEVEN, None),
        // n 10, median 6: the two 1s are far below; nothing is far above.
        (
            "1,1, six 6s, 7,7",
            join(&[rep(1, 2), rep(6, 6), rep(7, 2)]),
            SEVEN,
            Some(Dissent),
        ),
        // n 9, median 4: four at 2 and four at 6.
        (
            "four 2s, 4, four 6s",
            join(&[rep(2, 4), vec![4], rep(6, 4)]),
            SEVEN,
            Some(Split),
        ),
        // n 15, k 3: one far each side is two, fewer than three; mean deviation 0.4.
        (
            "thirteen 4s, 1, 7",
            join(&[rep(4, 13), vec![1, 7]]),
            SEVEN,
            None,
        ),
        // n 15, k 3: three at 7.
        (
            "twelve 4s, three 7s",
            join(&[rep(4, 12), rep(7, 3)]),
            SEVEN,
            Some(Dissent),
        ),
        // n 14, k 3: two at 7 are not enough.
        (
            "twelve 4s, two 7s",
            join(&[rep(4, 12), rep(7, 2)]),
            SEVEN,
            None,
        ),
        // 0–10.
        // n 20, middle 5 and 6: nobody ≤ 4 or ≥ 7.
        ("ten 5s, ten 6s", join(&[rep(5, 10), rep(6, 10)]), TEN, None),
        (
            "ten 2s, ten 8s",
            join(&[rep(2, 10), rep(8, 10)]),
            TEN,
            Some(Split),
        ),
        // n 25, k 4: four at 3 are far below 7.
        (
            "twenty-one 7s, four 3s",
            join(&[rep(7, 21), rep(3, 4)]),
            TEN,
            Some(Dissent),
        ),
        (
            "twenty-two 7s, three 3s",
            join(&[rep(7, 22), rep(3, 3)]),
            TEN,
            None,
        ),
        // n 4, middle 5 and 5: 0 and 10 are far, one each side.
        ("0,5,5,10", vec![0, 5, 5, 10], TEN, Some(Spread)),
        // n 11, k 2, median 5: four ≤ 3 and four ≥ 7.
        ("0 to 10", (0..=10).collect(), TEN, Some(Split)),
        // n 25: all within one level.
        (
            "twelve 6s, thirteen 7s",
            join(&[rep(6, 12), rep(7, 13)]),
            TEN,
            None,
        ),
    ];
    for (name, scores, range, want) in &table {
        assert!((3..=25).contains(&scores.len()), "{name}");
        assert_eq!(flag(scores, *range), *want, "{name} on {range:?}");
    }
    // The table covers every scale, every kind, and no flag at all.
    for range in SCALES {
        assert!(table.iter().any(|t| t.2 == range));
    }
    for kind in [None, Some(Spread), Some(Dissent), Some(Split)] {
        assert!(table.iter().any(|t| t.3 == kind), "{kind:?}");
    }
}

/// A group: a scale, a size from `sizes`, and a base level from which `scores` builds values.
fn scale() -> impl Strategy<Value = Range> {
    prop::sample::select(SCALES.to_vec())
}

/// Groups whose scores all lie within one level of each other.
fn within_one_level() -> impl Strategy<Value = (Range, Vec<i32>)> {
    scale().prop_flat_map(|r| {
        (r.min..r.max).prop_flat_map(move |a| (Just(r), prop::collection::vec(a..=a + 1, 3..=25)))
    })
}

/// Clear agreement: most at one level, the rest one level either side (each score moves with
/// probability 1/5).
fn clear_agreement() -> impl Strategy<Value = (Range, Vec<i32>)> {
    scale().prop_flat_map(|r| {
        (r.min + 1..r.max).prop_flat_map(move |centre| {
            let one = prop_oneof![8 => Just(centre), 1 => Just(centre - 1), 1 => Just(centre + 1)];
            (Just(r), prop::collection::vec(one, 3..=25))
        })
    })
}

/// Two camps two levels apart, each at least max(2, a quarter of the group); with `noise`,
/// each score moves one level up or down with probability 1/10 (within the scale).
fn two_camps(noise: bool) -> impl Strategy<Value = (Range, Vec<i32>)> {
    (scale(), 4usize..=25).prop_flat_map(move |(r, n)| {
        let least = (n.div_ceil(4)).max(2);
        (r.min..=r.max - 2, least..=n - least).prop_flat_map(move |(low, m)| {
            let jitter = prop::collection::vec(
                if noise {
                    prop_oneof![18 => Just(0), 1 => Just(-1), 1 => Just(1)].boxed()
                } else {
                    Just(0).boxed()
                },
                n,
            );
            jitter.prop_map(move |j| {
                let scores = (0..n)
                    .map(|i| {
                        let base = if i < m { low } else { low + 2 };
                        (base + j[i]).clamp(r.min, r.max)
                    })
                    .collect();
                (r, scores)
            })
        })
    })
}

/// The share of `runs` groups drawn from `groups` that are flagged (a fixed seed).
fn flagged_share(groups: impl Strategy<Value = (Range, Vec<i32>)>, runs: usize) -> f64 {
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let flagged = (0..runs)
        .filter(|_| {
            let (range, scores) = groups.new_tree(&mut runner).expect("a group").current();
            flag(&scores, range).is_some()
        })
        .count();
    flagged as f64 / runs as f64
}

#[test]
fn clear_agreement_is_flagged_rarely() {
    let share = flagged_share(clear_agreement(), 20_000);
    assert!(share < 0.01, "{share}");
}

#[test]
fn two_camps_two_levels_apart_are_flagged_almost_always() {
    let clean = flagged_share(two_camps(false), 5_000);
    assert_eq!(clean, 1.0);
    let noisy = flagged_share(two_camps(true), 20_000);
    assert!(noisy > 0.85, "{noisy}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn one_changed_vote_never_flags_a_group_within_one_level(
        (range, scores) in within_one_level(),
        who in any::<prop::sample::Index>(),
        to in any::<prop::sample::Index>(),
    ) {
        prop_assert_eq!(flag(&scores, range), None);
        let mut changed = scores.clone();
        let levels: Vec<i32> = (range.min..=range.max).collect();
        changed[who.index(scores.len())] = *to.get(&levels);
        prop_assert_eq!(flag(&changed, range), None, "{:?}", changed);
    }

    #[test]
    fn a_lone_scorer_is_never_enough_and_the_count_grows_with_the_group(n in 3usize..=25) {
        prop_assert!(far_needed(n) >= 2);
        prop_assert!(far_needed(n) as f64 >= 0.15 * n as f64);
        prop_assert!(far_needed(n + 1) >= far_needed(n));
    }
}
