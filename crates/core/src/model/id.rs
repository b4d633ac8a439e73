//! Identifiers and file-name slugs.
//!
//! Ids are short strings made from a timestamp and some entropy that the caller supplies (the
//! browser's clock and random numbers), so this module stays pure and testable.

/// A new id such as `w-lq3k9x-3f9a1c`: `prefix`, the time in base 36, then 24 bits of entropy.
pub fn new_id(prefix: &str, now_ms: f64, entropy: u32) -> String {
    let time = now_ms.max(0.0) as u64;
    format!("{prefix}-{}-{:06x}", base36(time), entropy & 0xff_ffff)
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

/// A file-name-safe form of a title: lower-case ASCII letters and digits joined by single
/// hyphens, at most 48 characters; `fallback` when nothing is left.
pub fn slug(title: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_differ_by_time_and_entropy() {
        let a = new_id("w", 1_700_000_000_000.0, 1);
        let b = new_id("w", 1_700_000_000_000.0, 2);
        let c = new_id("w", 1_700_000_000_001.0, 1);
        assert!(a.starts_with("w-"));
        assert_ne!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn slugs_are_safe_for_file_names() {
        assert_eq!(
            slug("Shropshire SP — Phase 2!", "x"),
            "shropshire-sp-phase-2"
        );
        assert_eq!(slug("  <script>&\"  ", "x"), "script");
        assert_eq!(slug("日本語", "workshop"), "workshop");
        assert!(slug(&"a".repeat(500), "x").len() <= 48);
    }
}
