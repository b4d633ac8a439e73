//! Bytes as lower-case hexadecimal text and back: room ids and keys in a link, the kept
//! envelope in the browser's storage, the keys of taken responses. Reading never panics.

/// `bytes` as two lower-case hex digits each.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes `text` spells in hex, or `None` for an odd length or anything not a hex digit
/// (a sign too, which `from_str_radix` alone would take).
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// Exactly `N` bytes spelled in hex, or `None`.
pub fn unhex_exactly<const N: usize>(text: &str) -> Option<[u8; N]> {
    unhex(text)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_hex() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(hex(&bytes), "0001abff");
        assert_eq!(unhex("0001abff").as_deref(), Some(&bytes[..]));
        assert_eq!(unhex_exactly::<4>("0001ABFF"), Some(bytes));
        assert_eq!(unhex_exactly::<3>("0001abff"), None);
        for bad in ["0", "zz", "0g", "é0", "+1", "-1"] {
            assert_eq!(unhex(bad), None, "{bad}");
        }
        assert_eq!(unhex(""), Some(vec![]));
    }
}
