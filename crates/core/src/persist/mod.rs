//! Saving's pure half: the versioned document format and the library's index, tested natively.
//! The adapter that talks to browser storage lives in the web crate (`persist::browser`).

pub mod document;
pub mod library;

/// `bytes / 1024` with `decimals` places, as the library shows a stored size: the digits
/// `format!("{:.N}", bytes as f64 / 1024.0)` writes (a tie rounded to even), with integers
/// only, so the home page's module carries no float formatting (issue 23, ~6 KB gzip).
pub fn kib(bytes: usize, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let num = bytes as u64 * scale;
    let (mut q, r) = (num / 1024, num % 1024);
    if r > 512 || (r == 512 && q % 2 == 1) {
        q += 1;
    }
    if decimals == 0 {
        q.to_string()
    } else {
        format!("{}.{:0w$}", q / scale, q % scale, w = decimals as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::kib;

    #[test]
    fn kib_writes_what_float_formatting_writes() {
        let float = |b: usize, d: u32| format!("{:.*}", d as usize, b as f64 / 1024.0);
        let mut sizes: Vec<usize> = (0..=20_000).collect();
        // Ties (x.5 in the last place) and large stored sizes, up to a full 10 MB quota.
        sizes.extend((0..4_000).map(|i| i * 2_621 + 512));
        sizes.extend([51, 52, 512, 1_536, 2_560, 5_242_880, 10_485_760, 10_485_248]);
        for b in sizes {
            for d in 0..=2 {
                assert_eq!(kib(b, d), float(b, d), "{b} bytes, {d} decimals");
            }
        }
    }
}
