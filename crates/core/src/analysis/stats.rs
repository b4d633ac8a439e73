//! Descriptive statistics of one element's scores, the rule that flags disagreement, and the
//! ranking of elements from weakest to strongest.
//!
//! Definitions (also shown on screen):
//! - *standard deviation* is the sample standard deviation (divisor n − 1); 0 when n = 1;
//! - *quartiles* interpolate linearly between order statistics (the default of R, NumPy and
//!   spreadsheets' `QUARTILE.INC`): the p-quantile of sorted x₀…xₙ₋₁ is at position p·(n − 1);
//! - "don't know" answers are counted but never enter a statistic.

use std::cmp::Ordering;

/// The scale the scores are on: whole numbers from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub min: i32,
    pub max: i32,
}

impl Range {
    pub fn width(self) -> f64 {
        f64::from(self.max - self.min)
    }

    pub fn levels(self) -> usize {
        (self.max - self.min + 1).max(0) as usize
    }
}

/// The statistics of one element.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Scores given (not counting "don't know").
    pub n: usize,
    pub dont_know: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub sd: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    pub min: Option<i32>,
    pub max: Option<i32>,
    /// How many chose each level, from `range.min` up.
    pub distribution: Vec<usize>,
    pub disagreement: Option<Disagreement>,
    /// Whether many said they don't know (see [`many_dont_know`]).
    pub many_dont_know: bool,
}

impl Summary {
    pub fn iqr(&self) -> Option<f64> {
        Some(self.q3? - self.q1?)
    }
}

/// Why an element is flagged. Every kind needs at least [`far_needed`] scorers (2, or 15% of
/// them when there are more than 13), so one person alone never flags an element, and in a
/// group whose scores all lie within one level of each other one changed vote never does.
///
/// "Far" means two or more levels from a middle score: from the median score when the
/// number of scores is odd, from either of the two middle scores when it is even (so a group
/// split evenly into two camps two levels apart is caught). The count follows the RAND/UCLA
/// appropriateness method's rule of a fixed share of panellists at each end (Fitch et al.
/// 2001); the spread test is Burke and Dunlap's (2002) average deviation from the median
/// above c/6, c being the number of levels of the scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disagreement {
    /// Scores scatter on both sides of the middle: enough scorers far from it but fewer than
    /// that on each side, or an average distance from the median of more than a sixth of the
    /// number of levels with enough scorers on each side.
    Spread,
    /// Enough scorers far from the middle on one side, fewer on the other.
    Dissent,
    /// Enough scorers far below the middle and enough far above it: two camps.
    Split,
}

impl Disagreement {
    /// The kind's name, as the flag shows it.
    pub fn label(self) -> &'static str {
        match self {
            Disagreement::Spread => "spread",
            Disagreement::Dissent => "dissent",
            Disagreement::Split => "split",
        }
    }

    /// What the kind means, in one sentence.
    pub fn explain(self) -> &'static str {
        match self {
            Disagreement::Spread => {
                "Scores scatter both ways: people scored far from the middle on both sides, \
                 or spread on average more than a sixth of the scale from it."
            }
            Disagreement::Dissent => {
                "Some people scored two or more levels away from the middle, on one side."
            }
            Disagreement::Split => {
                "Several people scored two or more levels below the middle and several two or \
                 more above it."
            }
        }
    }
}

/// The disagreement rule in words, for the results screen and the exports.
pub const RULE: &str = "An element is flagged when at least 2 of its scorers (15% of them in \
    groups over 13) scored two or more levels from the middle score: on one side that is a \
    dissent, with that many on each side a split, otherwise a spread (also flagged when scores \
    sit on both sides of the median by more than a sixth of the scale on average); it is marked \u{201c}many don\u{2019}t know\u{201d} \
    when at least 2 people, and a quarter of those who answered, said they don\u{2019}t know. \
    (After the RAND/UCLA count of scorers at each end, Fitch et al. 2001, and Burke and \
    Dunlap\u{2019}s average deviation, 2002.)";

/// The "many don't know" mark in words.
pub const DONT_KNOW_RULE: &str = "At least 2 people, and at least a quarter of those who \
    answered, said they don\u{2019}t know.";

/// Fewest scores for which disagreement is judged at all.
pub const MIN_FOR_DISAGREEMENT: usize = 3;

/// How many scorers must sit far from the middle (or on each side of it) for a flag:
/// max(2, ⌈0.15 n⌉).
pub fn far_needed(n: usize) -> usize {
    (n * 15).div_ceil(100).max(2)
}

/// Whether `dont_know` answers beside `n` scores are many: at least 2, and at least a
/// quarter of everyone who answered.
pub fn many_dont_know(n: usize, dont_know: usize) -> bool {
    dont_know >= 2 && dont_know * 4 >= n + dont_know
}

/// The kinds' one-sentence explanations and the "many don't know" mark, as literals so that
/// [`flag_text`] can join them at compile time.
macro_rules! spread {
    () => {
        "spread: Scores scatter both ways: people scored far from the middle on both sides, or \
         spread on average more than a sixth of the scale from it."
    };
}
macro_rules! dissent {
    () => {
        "dissent: Some people scored two or more levels away from the middle, on one side."
    };
}
macro_rules! split {
    () => {
        "split: Several people scored two or more levels below the middle and several two or \
         more above it."
    };
}
macro_rules! dont_know {
    () => {
        "many don\u{2019}t know: At least 2 people, and at least a quarter of those who \
         answered, said they don\u{2019}t know."
    };
}

/// The flags an element carries, as one line of text ("dissent: …"), or `None`.
pub fn flag_text(s: &Summary) -> Option<&'static str> {
    match (s.disagreement, s.many_dont_know) {
        (None, false) => None,
        (None, true) => Some(dont_know!()),
        (Some(Disagreement::Spread), false) => Some(spread!()),
        (Some(Disagreement::Dissent), false) => Some(dissent!()),
        (Some(Disagreement::Split), false) => Some(split!()),
        (Some(Disagreement::Spread), true) => Some(concat!(spread!(), " ", dont_know!())),
        (Some(Disagreement::Dissent), true) => Some(concat!(dissent!(), " ", dont_know!())),
        (Some(Disagreement::Split), true) => Some(concat!(split!(), " ", dont_know!())),
    }
}

/// The p-quantile of sorted values, interpolating linearly (R type 7).
pub fn quantile(sorted: &[i32], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = p.clamp(0.0, 1.0) * last as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let frac = pos - lo as f64;
    Some(f64::from(sorted[lo]) + (f64::from(sorted[hi]) - f64::from(sorted[lo])) * frac)
}

/// Summarises `scores` (values outside `range` are ignored) and `dont_know` answers.
pub fn summarise(scores: &[i32], dont_know: usize, range: Range) -> Summary {
    let mut sorted: Vec<i32> = scores
        .iter()
        .copied()
        .filter(|v| (range.min..=range.max).contains(v))
        .collect();
    crate::order::sort(&mut sorted);
    let n = sorted.len();
    let mut distribution = vec![0; range.levels()];
    for v in &sorted {
        distribution[(v - range.min) as usize] += 1;
    }
    let mean = (n > 0).then(|| sorted.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64);
    let sd = mean.map(|m| {
        if n < 2 {
            0.0
        } else {
            let ss: f64 = sorted.iter().map(|&v| (f64::from(v) - m).powi(2)).sum();
            (ss / (n - 1) as f64).sqrt()
        }
    });
    let q1 = quantile(&sorted, 0.25);
    let q3 = quantile(&sorted, 0.75);
    let mut summary = Summary {
        n,
        dont_know,
        mean,
        median: quantile(&sorted, 0.5),
        sd,
        q1,
        q3,
        min: sorted.first().copied(),
        max: sorted.last().copied(),
        distribution,
        disagreement: None,
        many_dont_know: many_dont_know(n, dont_know),
    };
    summary.disagreement = disagreement(&summary, &sorted, range);
    summary
}

fn disagreement(s: &Summary, sorted: &[i32], range: Range) -> Option<Disagreement> {
    let n = s.n;
    if n < MIN_FOR_DISAGREEMENT || range.levels() < 2 {
        return None;
    }
    // The middle score, or the two middle scores of an even group.
    let (lo, hi) = (sorted[(n - 1) / 2], sorted[n / 2]);
    let need = far_needed(n);
    let far_low = sorted.iter().filter(|&&v| v <= hi - 2).count();
    let far_high = sorted.iter().filter(|&&v| v >= lo + 2).count();
    if far_low >= need && far_high >= need {
        return Some(Disagreement::Split);
    }
    if far_low >= need || far_high >= need {
        return Some(Disagreement::Dissent);
    }
    if far_low + far_high >= need {
        return Some(Disagreement::Spread);
    }
    let median = s.median?;
    let deviation = sorted
        .iter()
        .map(|&v| (f64::from(v) - median).abs())
        .sum::<f64>()
        / n as f64;
    let below = sorted.iter().filter(|&&v| v < lo).count();
    let above = sorted.iter().filter(|&&v| v > hi).count();
    (deviation > range.levels() as f64 / 6.0 + 1e-9 && below >= need && above >= need)
        .then_some(Disagreement::Spread)
}

/// Orders elements from weakest to strongest: by mean, then by median, then in their given
/// order; elements nobody scored come last. Returns indices into `summaries`.
pub fn rank_weakest_first(summaries: &[Summary]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..summaries.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        let (sa, sb) = (&summaries[a], &summaries[b]);
        match (sa.mean, sb.mean) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(ma), Some(mb)) => ma.total_cmp(&mb).then(
                sa.median
                    .unwrap_or(0.0)
                    .total_cmp(&sb.median.unwrap_or(0.0)),
            ),
        }
        .then(a.cmp(&b))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIVE: Range = Range { min: 1, max: 5 };

    fn close(a: Option<f64>, b: f64) {
        let a = a.expect("a value");
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn hand_computed_summary() {
        // 2, 3, 3, 4, 5: mean 17/5; deviations -1.4 -0.4 -0.4 0.6 1.6, squares sum 5.2,
        // sd = sqrt(5.2/4) = sqrt(1.3); quartiles at positions 1 and 3: 3 and 4.
        let s = summarise(&[4, 3, 5, 2, 3], 2, FIVE);
        assert_eq!((s.n, s.dont_know), (5, 2));
        close(s.mean, 3.4);
        close(s.median, 3.0);
        close(s.sd, 1.3f64.sqrt());
        close(s.q1, 3.0);
        close(s.q3, 4.0);
        close(s.iqr(), 1.0);
        assert_eq!((s.min, s.max), (Some(2), Some(5)));
        assert_eq!(s.distribution, vec![0, 1, 2, 1, 1]);
        assert_eq!(s.disagreement, None);
    }

    #[test]
    fn quartiles_interpolate() {
        // 1, 2, 3, 4: q1 at position 0.75 → 1.75, median at 1.5 → 2.5, q3 at 2.25 → 3.25.
        let s = summarise(&[1, 2, 3, 4], 0, FIVE);
        close(s.q1, 1.75);
        close(s.median, 2.5);
        close(s.q3, 3.25);
    }

    #[test]
    fn one_score_has_no_spread() {
        let s = summarise(&[4], 0, FIVE);
        close(s.mean, 4.0);
        close(s.sd, 0.0);
        close(s.iqr(), 0.0);
        assert_eq!(s.disagreement, None);
    }

    #[test]
    fn everyone_the_same_is_not_disagreement() {
        let s = summarise(&[5; 12], 0, FIVE);
        close(s.sd, 0.0);
        assert_eq!(s.distribution, vec![0, 0, 0, 0, 12]);
        assert_eq!(s.disagreement, None);
    }

    #[test]
    fn all_dont_know_and_nobody_have_no_statistics() {
        for (scores, dk) in [(vec![], 4), (vec![], 0)] {
            let s = summarise(&scores, dk, FIVE);
            assert_eq!(s.n, 0);
            assert_eq!(s.dont_know, dk);
            assert_eq!(
                (s.mean, s.median, s.sd, s.q1, s.min),
                (None, None, None, None, None)
            );
            assert_eq!(s.distribution, vec![0; 5]);
            assert_eq!(s.disagreement, None);
        }
    }

    #[test]
    fn out_of_range_scores_are_ignored() {
        let s = summarise(&[0, 6, 3], 0, FIVE);
        assert_eq!(s.n, 1);
        close(s.mean, 3.0);
    }

    #[test]
    fn the_issues_cases() {
        // 3, 3, 4, 5, 5: nobody two levels from the median 4.
        assert_eq!(summarise(&[3, 3, 4, 5, 5], 0, FIVE).disagreement, None);
        // Three of twelve at 1, nine at 4: a dissenting minority (need max(2, ⌈1.8⌉) = 2).
        let mut v = vec![1; 3];
        v.extend([4; 9]);
        assert_eq!(
            summarise(&v, 0, FIVE).disagreement,
            Some(Disagreement::Dissent)
        );
    }

    #[test]
    fn two_even_camps_two_levels_apart_are_a_split() {
        // Middle scores 2 and 4: three sit two levels below the upper one, three above the lower.
        assert_eq!(
            summarise(&[2, 2, 2, 4, 4, 4], 0, FIVE).disagreement,
            Some(Disagreement::Split)
        );
    }

    #[test]
    fn scattered_scores_are_a_spread() {
        // 1 and 5 are two levels from the median 3: two far, one on each side.
        assert_eq!(
            summarise(&[1, 2, 3, 4, 5], 0, FIVE).disagreement,
            Some(Disagreement::Spread)
        );
        // Nobody two levels from the median 3, but the average deviation 6/7 > 5/6, with
        // three below and three above.
        assert_eq!(
            summarise(&[2, 2, 2, 3, 4, 4, 4], 0, FIVE).disagreement,
            Some(Disagreement::Spread)
        );
    }

    #[test]
    fn far_needed_is_two_or_fifteen_percent() {
        let got: Vec<usize> = [3, 5, 13, 14, 20, 21, 25].map(far_needed).to_vec();
        assert_eq!(got, [2, 2, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn many_dont_know_needs_two_and_a_quarter() {
        assert!(!many_dont_know(8, 1));
        assert!(many_dont_know(6, 2));
        assert!(!many_dont_know(7, 2), "2 of 9 is under a quarter");
        assert!(many_dont_know(0, 2));
        let s = summarise(&[3, 3, 3], 3, FIVE);
        assert!(s.many_dont_know);
        let text = flag_text(&s).expect("flagged");
        assert!(text.starts_with("many don\u{2019}t know"), "{text}");
        assert_eq!(flag_text(&summarise(&[3, 3, 3], 0, FIVE)), None);
        for (scores, kind) in [
            (vec![1, 2, 3, 4, 5], Disagreement::Spread),
            (vec![1, 1, 4, 4, 4], Disagreement::Dissent),
            (vec![2, 2, 2, 4, 4, 4], Disagreement::Split),
        ] {
            for dk in [0, 5] {
                let s = summarise(&scores, dk, FIVE);
                assert_eq!(s.disagreement, Some(kind));
                let mut want = format!("{}: {}", kind.label(), kind.explain());
                if dk > 0 {
                    want = format!("{want} many don\u{2019}t know: {DONT_KNOW_RULE}");
                }
                assert_eq!(flag_text(&s), Some(want.as_str()));
            }
        }
        let d = summarise(&[1, 1, 4, 4, 4], 0, FIVE);
        assert_eq!(
            flag_text(&d),
            Some(
                "dissent: Some people scored two or more levels away from the middle, on one \
                 side."
            )
        );
    }

    #[test]
    fn fewer_than_three_scores_are_never_flagged() {
        assert_eq!(summarise(&[1, 5], 0, FIVE).disagreement, None);
    }

    #[test]
    fn zero_to_ten_scale() {
        let range = Range { min: 0, max: 10 };
        let s = summarise(&[0, 10, 5], 1, range);
        assert_eq!(s.distribution.len(), 11);
        close(s.mean, 5.0);
        assert_eq!(s.disagreement, Some(Disagreement::Spread));
    }

    #[test]
    fn ranking_weakest_first_with_ties_and_unscored_last() {
        let sums = vec![
            summarise(&[4, 4], 0, FIVE),    // mean 4
            summarise(&[], 3, FIVE),        // nobody
            summarise(&[2, 4], 0, FIVE),    // mean 3, median 3
            summarise(&[3, 3], 0, FIVE),    // mean 3, median 3: tie, keeps order
            summarise(&[1, 2, 3], 0, FIVE), // mean 2
        ];
        assert_eq!(rank_weakest_first(&sums), vec![4, 2, 3, 0, 1]);
    }
}
