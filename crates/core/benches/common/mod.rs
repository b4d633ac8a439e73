//! The timing harness the native benches share: `runs` timed calls, sorted. Each bench uses
//! the figures it prints.
#![allow(dead_code)]

use std::time::Instant;

/// Milliseconds of `runs` calls of `f`, fastest first.
pub struct Times(Vec<f64>);

impl Times {
    pub fn min(&self) -> f64 {
        self.0[0]
    }

    pub fn median(&self) -> f64 {
        self.0[self.0.len() / 2]
    }

    pub fn p95(&self) -> f64 {
        self.0[((self.0.len() as f64 * 0.95).ceil() as usize).min(self.0.len()) - 1]
    }
}

pub fn time(runs: usize, mut f: impl FnMut()) -> Times {
    let mut ms: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    Times(ms)
}
