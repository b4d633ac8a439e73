//! Bytes to text, the one way every text reader (maps, pictures, workshop files, CSV scores)
//! takes: UTF-8 with or without a byte-order mark, UTF-16 little- or big-endian with a mark (as
//! Windows tools save text) or, without one, when the first character shows it (an ASCII
//! character next to a zero byte). The mark never reaches the readers. Line ends are left as
//! they are, since a CR inside a quoted label is part of the label: every reader takes CRLF
//! (XML and JSON by their grammar, CSV by `csv_core`, DOT, GML and Mermaid as white space or
//! line ends), and [`unify_line_ends`] is there for readers that work line by line.

use std::borrow::Cow;

/// Which encoding [`decode`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// Why bytes are not text: the encoding they seemed to be in and the first bad byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotText {
    pub encoding: Encoding,
    pub at: usize,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self.encoding {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le | Encoding::Utf16Be => "UTF-16",
        };
        write!(
            f,
            "is not text this app can read: it is not valid {name} (a bad byte at position {}); \
             text files must be UTF-8, or UTF-16 with a byte-order mark",
            self.at
        )
    }
}

/// The encoding of `bytes` and where its text starts (after any byte-order mark).
pub fn sniff(bytes: &[u8]) -> (Encoding, usize) {
    match bytes {
        [0xef, 0xbb, 0xbf, ..] => (Encoding::Utf8, 3),
        [0xff, 0xfe, ..] => (Encoding::Utf16Le, 2),
        [0xfe, 0xff, ..] => (Encoding::Utf16Be, 2),
        [a, 0, ..] if *a != 0 && a.is_ascii() && bytes.len().is_multiple_of(2) => {
            (Encoding::Utf16Le, 0)
        }
        [0, b, ..] if *b != 0 && b.is_ascii() && bytes.len().is_multiple_of(2) => {
            (Encoding::Utf16Be, 0)
        }
        _ => (Encoding::Utf8, 0),
    }
}

/// `bytes` as text, or where it stops being text.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, NotText> {
    let (encoding, start) = sniff(bytes);
    let body = &bytes[start..];
    let text: Cow<'_, str> = match encoding {
        Encoding::Utf8 => Cow::Borrowed(std::str::from_utf8(body).map_err(|e| NotText {
            encoding,
            at: start + e.valid_up_to(),
        })?),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let units = body.chunks(2).map(|c| match (c, encoding) {
                ([a, b], Encoding::Utf16Le) => u16::from_le_bytes([*a, *b]),
                ([a, b], _) => u16::from_be_bytes([*a, *b]),
                // An odd last byte: a unit no text has, so decoding stops there.
                _ => 0xdc00,
            });
            let mut out = String::with_capacity(body.len() / 2);
            for (i, c) in char::decode_utf16(units).enumerate() {
                match c {
                    Ok(c) => out.push(c),
                    Err(_) => {
                        return Err(NotText {
                            encoding,
                            at: start + 2 * i,
                        });
                    }
                }
            }
            // A BOM written twice (some tools add one to text that already has one).
            if out.starts_with('\u{feff}') {
                out.remove(0);
            }
            Cow::Owned(out)
        }
    };
    Ok(text)
}

/// CRLF and lone CR as LF; text without CR is returned as it is.
pub fn unify_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xfeff).into_iter().chain(text.encode_utf16());
        for u in units {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn every_encoding_gives_the_same_text() {
        let text = "Tom & \u{e9}l\u{e8}ve \u{1f331}\r\nsecond\rthird\n";
        let want = text;
        let mut bom8 = vec![0xef, 0xbb, 0xbf];
        bom8.extend(text.as_bytes());
        for bytes in [
            text.as_bytes().to_vec(),
            bom8,
            utf16(text, true, true),
            utf16(text, false, true),
            utf16(text, true, false),
            utf16(text, false, false),
        ] {
            assert_eq!(decode(&bytes).expect("text"), want);
        }
    }

    #[test]
    fn line_ends_unify_on_request() {
        assert_eq!(unify_line_ends("a\r\nb\rc\n".into()), "a\nb\nc\n");
    }

    #[test]
    fn plain_utf8_is_not_copied() {
        assert!(matches!(decode(b"a\nb"), Ok(Cow::Borrowed("a\nb"))));
        assert_eq!(decode(b"").expect("empty"), "");
    }

    #[test]
    fn bad_bytes_are_named_by_position() {
        let e = decode(b"{\"a\": \xff}").unwrap_err();
        assert_eq!((e.encoding, e.at), (Encoding::Utf8, 6));
        assert!(e.to_string().contains("UTF-8"), "{e}");
        // A lone high surrogate, then an odd byte at the end.
        let mut bad = utf16("ab", true, true);
        bad.extend([0x00, 0xd8, b'c', 0]);
        let e = decode(&bad).unwrap_err();
        assert_eq!((e.encoding, e.at), (Encoding::Utf16Le, 6));
        let mut odd = utf16("ab", false, true);
        odd.push(b'c');
        assert_eq!(decode(&odd).unwrap_err().at, 6);
    }

    #[test]
    fn any_bytes_decode_or_fail_without_panic() {
        for seed in 0u32..2_000 {
            let len = (seed % 37) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|i| (seed.wrapping_mul(2_654_435_761).rotate_left(i as u32) >> 24) as u8)
                .collect();
            if let Ok(t) = decode(&bytes) {
                assert!(!unify_line_ends(t).contains('\r'));
            }
        }
    }
}
