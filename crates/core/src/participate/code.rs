//! The compact text form of invites and responses: a few bytes of header, a body of
//! length-prefixed fields (deflated when that is shorter), a CRC-32, all in URL-safe base64
//! without padding, so a code can sit in a URL fragment and in a QR code.
//!
//! ```text
//! byte 0      format version (1)
//! byte 1      kind (scoring invite 1, scoring response 2, boundary invite 3, boundary response 4)
//! byte 2      flags (bit 0: the body is raw deflate)
//! bytes 3..   body
//! last 4      CRC-32 (little-endian) of everything before it
//! ```
//!
//! Reading is defensive: the text is size-checked before it is decoded, the checksum before
//! the body is inflated, the inflated size is capped, every count and string length is checked
//! against what is left and against its own cap, and nothing recurses. Every failure is a
//! [`Refusal`], never a panic.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::Refusal;

/// The format version written into every code.
pub const VERSION: u8 = 1;
/// The longest code text read at all (characters).
pub const MAX_CODE_CHARS: usize = 24_000;
/// The largest body a code may inflate to (bytes).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

const DEFLATED: u8 = 1;

/// What a code carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    ScoringInvite = 1,
    ScoringResponse = 2,
    BoundaryInvite = 3,
    BoundaryResponse = 4,
}

impl Kind {
    fn from_byte(b: u8) -> Option<Kind> {
        Some(match b {
            1 => Kind::ScoringInvite,
            2 => Kind::ScoringResponse,
            3 => Kind::BoundaryInvite,
            4 => Kind::BoundaryResponse,
            _ => return None,
        })
    }

    /// What it is, in words, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::ScoringInvite => "an invitation to score",
            Kind::ScoringResponse => "a scoring response",
            Kind::BoundaryInvite => "an invitation to answer boundary questions",
            Kind::BoundaryResponse => "a set of boundary answers",
        }
    }
}

/// Frames a body: header, the body (deflated if that is shorter), checksum, base64.
pub fn encode(kind: Kind, body: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(body, 9);
    let (flags, payload) = if deflated.len() < body.len() {
        (DEFLATED, deflated)
    } else {
        (0, body.to_vec())
    };
    let mut bytes = Vec::with_capacity(payload.len() + 7);
    bytes.extend_from_slice(&[VERSION, kind as u8, flags]);
    bytes.extend_from_slice(&payload);
    let crc = super::crc::hash(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Unframes a code: which kind it is and its (inflated) body.
pub fn decode(text: &str) -> Result<(Kind, Vec<u8>), Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Refusal::Empty);
    }
    if text.len() > MAX_CODE_CHARS {
        return Err(Refusal::TooLong);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(text.as_bytes())
        .map_err(|_| Refusal::Damaged)?;
    if bytes.len() < 7 {
        return Err(Refusal::Damaged);
    }
    let (framed, crc) = bytes.split_at(bytes.len() - 4);
    let crc = u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]);
    if super::crc::hash(framed) != crc {
        return Err(Refusal::Tampered);
    }
    if framed[0] != VERSION {
        return Err(Refusal::NewerVersion);
    }
    let kind = Kind::from_byte(framed[1]).ok_or(Refusal::Damaged)?;
    let payload = &framed[3..];
    let body = match framed[2] {
        0 => payload.to_vec(),
        DEFLATED => miniz_oxide::inflate::decompress_to_vec_with_limit(payload, MAX_BODY_BYTES)
            .map_err(|_| Refusal::Damaged)?,
        _ => return Err(Refusal::Damaged),
    };
    Ok((kind, body))
}

/// Builds a body field by field.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    /// An unsigned LEB128 number.
    pub fn uint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// A signed number, zigzag then LEB128.
    pub fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    pub fn u32(&mut self, n: u32) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    /// A string, cut to at most `cap` characters.
    pub fn text(&mut self, s: &str, cap: usize) {
        let s = cap_text(s, cap);
        self.uint(s.len() as u64);
        self.bytes.extend_from_slice(s.as_bytes());
    }
}

/// `s` cut to at most `cap` characters (at a character boundary).
pub fn cap_text(s: &str, cap: usize) -> &str {
    match s.char_indices().nth(cap) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

/// Reads a body field by field; every read checks what is left.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn byte(&mut self) -> Result<u8, Refusal> {
        let b = *self.bytes.get(self.at).ok_or(Refusal::Damaged)?;
        self.at += 1;
        Ok(b)
    }

    pub fn uint(&mut self) -> Result<u64, Refusal> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(Refusal::Damaged)
    }

    pub fn int(&mut self) -> Result<i64, Refusal> {
        let z = self.uint()?;
        Ok(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    /// A number that must fit in an `i32`.
    pub fn i32(&mut self) -> Result<i32, Refusal> {
        i32::try_from(self.int()?).map_err(|_| Refusal::Damaged)
    }

    pub fn u32(&mut self) -> Result<u32, Refusal> {
        let end = self.at.checked_add(4).ok_or(Refusal::Damaged)?;
        let b = self.bytes.get(self.at..end).ok_or(Refusal::Damaged)?;
        self.at = end;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A count of items, at most `cap`.
    pub fn count(&mut self, cap: usize) -> Result<usize, Refusal> {
        let n = self.uint()?;
        if n > cap as u64 {
            return Err(Refusal::Damaged);
        }
        Ok(n as usize)
    }

    /// A string of at most `cap` characters.
    pub fn text(&mut self, cap: usize) -> Result<String, Refusal> {
        let len = self.uint()?;
        // A character is at most 4 bytes.
        if len > (cap as u64) * 4 || len > (self.bytes.len() - self.at) as u64 {
            return Err(Refusal::Damaged);
        }
        let end = self.at + len as usize;
        let s = std::str::from_utf8(&self.bytes[self.at..end]).map_err(|_| Refusal::Damaged)?;
        if s.chars().count() > cap {
            return Err(Refusal::Damaged);
        }
        self.at = end;
        Ok(s.to_string())
    }

    pub fn bool(&mut self) -> Result<bool, Refusal> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Refusal::Damaged),
        }
    }

    /// Succeeds only when the whole body has been read.
    pub fn finish(self) -> Result<(), Refusal> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(Refusal::Damaged)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_text_read_back() {
        let mut w = Writer::default();
        for n in [0i64, 1, -1, 63, -64, 1 << 40, i64::from(i32::MIN)] {
            w.int(n);
        }
        w.text("h\u{e9}llo \u{1f600}", 5);
        w.u32(0xdead_beef);
        let mut r = Reader::new(&w.bytes);
        for n in [0i64, 1, -1, 63, -64, 1 << 40, i64::from(i32::MIN)] {
            assert_eq!(r.int().unwrap(), n);
        }
        assert_eq!(r.text(5).unwrap(), "h\u{e9}llo");
        assert_eq!(r.u32().unwrap(), 0xdead_beef);
        r.finish().unwrap();
    }

    #[test]
    fn a_long_body_is_deflated_and_a_flipped_bit_is_caught() {
        let body = b"the same words again and again and again and again".repeat(20);
        let code = encode(Kind::ScoringInvite, &body);
        assert!(code.len() < body.len());
        assert_eq!(decode(&code).unwrap(), (Kind::ScoringInvite, body));
        let mut bad = code.into_bytes();
        bad[10] = if bad[10] == b'A' { b'B' } else { b'A' };
        let bad = String::from_utf8(bad).unwrap();
        assert_eq!(decode(&bad), Err(Refusal::Tampered));
    }

    #[test]
    fn a_deflate_bomb_is_refused() {
        // 10 MB of zeros deflates to a few KB; it must not inflate past the cap.
        let zeros = vec![0u8; 10 * 1024 * 1024];
        let code = encode(Kind::ScoringResponse, &zeros);
        assert!(code.len() < MAX_CODE_CHARS);
        assert_eq!(decode(&code), Err(Refusal::Damaged));
    }
}
