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
}

impl Summary {
    pub fn iqr(&self) -> Option<f64> {
        Some(self.q3? - self.q1?)
    }
}

/// Why an element is flagged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disagreement {
    /// The middle half of the scores spans at least 40% of the scale.
    WideSpread,
    /// At least a fifth of the scores sit in the bottom third of the scale's levels and at
    /// least a fifth in the top third (on 1–5, the lowest and the highest level).
    Split,
}

impl Disagreement {
    pub fn label(self) -> &'static str {
        match self {
            Disagreement::WideSpread => "wide spread",
            Disagreement::Split => "split between low and high",
        }
    }
}

/// The disagreement rule in words, for the results screen.
pub const RULE: &str = "An element is flagged when at least three people scored it and either \
    the middle half of the scores (the interquartile range) covers at least 40% of the scale, or \
    the group splits: at least a fifth of the scores are in the bottom third of the scale's \
    levels while at least a fifth are in the top third (on a 1 to 5 scale: a fifth at 1 and a \
    fifth at 5).";

/// Fewest scores for which disagreement is judged at all.
pub const MIN_FOR_DISAGREEMENT: usize = 3;

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
    sorted.sort_unstable();
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
    };
    summary.disagreement = disagreement(&summary, &sorted, range);
    summary
}

fn disagreement(s: &Summary, sorted: &[i32], range: Range) -> Option<Disagreement> {
    if s.n < MIN_FOR_DISAGREEMENT || range.width() <= 0.0 {
        return None;
    }
    if s.iqr()? >= 0.4 * range.width() - 1e-9 {
        return Some(Disagreement::WideSpread);
    }
    // The bottom and top third of the scale's levels (at least one level each).
    let band = (range.levels() as i32 / 3).max(1);
    let low = sorted.iter().filter(|&&v| v < range.min + band).count();
    let high = sorted.iter().filter(|&&v| v > range.max - band).count();
    let fifth = s.n as f64 / 5.0;
    (low as f64 >= fifth && high as f64 >= fifth).then_some(Disagreement::Split)
}

/// Orders elements from weakest to strongest: by mean, then by median, then in their given
/// order; elements nobody scored come last. Returns indices into `summaries`.
pub fn rank_weakest_first(summaries: &[Summary]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..summaries.len()).collect();
    order.sort_by(|&a, &b| {
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
    fn wide_spread_is_flagged() {
        // 1, 2, 4, 5, 5: q1 = 2, q3 = 5, IQR 3 ≥ 1.6.
        let s = summarise(&[1, 2, 4, 5, 5], 0, FIVE);
        assert_eq!(s.disagreement, Some(Disagreement::WideSpread));
        // 2, 3, 3, 3, 4: IQR 0, nobody at the extremes' thirds on both sides.
        assert_eq!(summarise(&[2, 3, 3, 3, 4], 0, FIVE).disagreement, None);
    }

    #[test]
    fn a_split_is_flagged_even_with_a_narrow_middle() {
        // Ten scores: two 1s, six 3s, two 5s. IQR = 0 (q1 = q3 = 3) but a fifth at the bottom
        // level and a fifth at the top: split. (Five levels: a third is one level.)
        let s = summarise(&[1, 1, 3, 3, 3, 3, 3, 3, 5, 5], 0, FIVE);
        close(s.iqr(), 0.0);
        assert_eq!(s.disagreement, Some(Disagreement::Split));
        // One low and nine in the middle is not a split; nor are 2s and 4s on 1–5.
        let s = summarise(&[1, 3, 3, 3, 3, 3, 3, 3, 3, 4], 0, FIVE);
        assert_eq!(s.disagreement, None);
        assert_eq!(summarise(&[2, 3, 3, 3, 4], 0, FIVE).disagreement, None);
        // On 0–10 a third of the levels is three: 0–2 low, 8–10 high.
        let ten = Range { min: 0, max: 10 };
        let s = summarise(&[2, 2, 5, 5, 5, 5, 5, 5, 8, 8], 0, ten);
        assert_eq!(s.disagreement, Some(Disagreement::Split));
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
        // q1 = 2.5, q3 = 7.5: IQR 5 ≥ 4.
        assert_eq!(s.disagreement, Some(Disagreement::WideSpread));
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
