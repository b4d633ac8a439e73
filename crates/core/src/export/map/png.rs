//! The map carried inside a PNG: an `iTXt` chunk (UTF-8 text, uncompressed) with the keyword
//! [`KEYWORD`], placed just before `IEND`. Image viewers ignore it; importing the PNG here gives
//! back the editable map. The pixels are drawn by the browser from the SVG export.
//!
//! Only the chunk structure is read (length, type, data, CRC), never the pixels, so this is
//! written here rather than pulling in an image decoder; the checksums are the core's own CRC-32
//! (`participate::crc`, a 1 KB table: crc32fast's 16 KB one cost 16 KB gzip in the worker and
//! in the maps' part, issue 23).

pub const KEYWORD: &str = "CST Workbench map";
const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// A chunk's type and data.
pub type Chunk<'a> = ([u8; 4], &'a [u8]);

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 12);
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crate::participate::crc::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
    out
}

/// The chunks of a PNG as (type, data), checked: signature, lengths inside the file, CRCs, and
/// an `IEND` at the end.
pub fn chunks(png: &[u8]) -> Result<Vec<Chunk<'_>>, String> {
    if png.len() < 8 || png[..8] != SIGNATURE {
        return Err("This is not a PNG file (its first bytes are wrong).".into());
    }
    let mut out = Vec::new();
    let mut at = 8;
    loop {
        let head = png
            .get(at..at + 8)
            .ok_or("The PNG file is cut short (a chunk header is missing).")?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = [head[4], head[5], head[6], head[7]];
        let data = png
            .get(at + 8..at.saturating_add(8).saturating_add(len))
            .ok_or("The PNG file is cut short (a chunk is longer than the file).")?;
        let crc_at = at + 8 + len;
        let stored = png
            .get(crc_at..crc_at + 4)
            .ok_or("The PNG file is cut short (a checksum is missing).")?;
        let mut crc = crate::participate::crc::Hasher::new();
        crc.update(&kind);
        crc.update(data);
        if crc.finalize().to_be_bytes() != stored {
            return Err(format!(
                "The PNG file is damaged: the checksum of its {} chunk is wrong.",
                String::from_utf8_lossy(&kind)
            ));
        }
        out.push((kind, data));
        at = crc_at + 4;
        if &kind == b"IEND" {
            return Ok(out);
        }
    }
}

/// The PNG with `text` added as an `iTXt` chunk before `IEND` (an older one of ours is
/// replaced).
pub fn embed(png: &[u8], text: &str) -> Result<Vec<u8>, String> {
    embed_keyword(png, KEYWORD, text)
}

/// [`embed`] under another keyword (rich pictures carry theirs under their own); an older
/// chunk with the same keyword is replaced, others are kept.
pub fn embed_keyword(png: &[u8], keyword: &str, text: &str) -> Result<Vec<u8>, String> {
    let parts = chunks(png)?;
    let mut data = Vec::with_capacity(text.len() + keyword.len() + 5);
    data.extend_from_slice(keyword.as_bytes());
    // NUL, not compressed, method 0, no language tag, no translated keyword.
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(text.as_bytes());
    let mut out = SIGNATURE.to_vec();
    for (kind, body) in parts {
        if &kind == b"iTXt" && itxt_text(body, keyword).is_some() {
            continue;
        }
        if &kind == b"IEND" {
            out.extend(chunk(b"iTXt", &data));
        }
        out.extend(chunk(&kind, body));
    }
    Ok(out)
}

/// Our text in an `iTXt` chunk's data, if the chunk has our keyword and is uncompressed.
fn itxt_text<'a>(data: &'a [u8], keyword: &str) -> Option<&'a str> {
    let rest = data.strip_prefix(keyword.as_bytes())?.strip_prefix(&[0])?;
    let (&compressed, rest) = rest.split_first()?;
    let (_method, rest) = rest.split_first()?;
    if compressed != 0 {
        return None;
    }
    // Language tag, then translated keyword, each ending in NUL.
    let lang = rest.iter().position(|&b| b == 0)?;
    let rest = &rest[lang + 1..];
    let translated = rest.iter().position(|&b| b == 0)?;
    std::str::from_utf8(&rest[translated + 1..]).ok()
}

/// The map text a PNG carries: `Ok(None)` for a good PNG without one.
pub fn extract(png: &[u8]) -> Result<Option<String>, String> {
    extract_keyword(png, KEYWORD)
}

/// [`extract`] for the chunk with another keyword.
pub fn extract_keyword(png: &[u8], keyword: &str) -> Result<Option<String>, String> {
    Ok(chunks(png)?
        .into_iter()
        .find_map(|(kind, data)| {
            (&kind == b"iTXt")
                .then(|| itxt_text(data, keyword))
                .flatten()
        })
        .map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1 × 1 PNG (grey), as a browser's canvas would give.
    pub fn tiny() -> Vec<u8> {
        let mut png = SIGNATURE.to_vec();
        png.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        png.extend(chunk(
            b"IDAT",
            &[0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01],
        ));
        png.extend(chunk(b"IEND", &[]));
        png
    }

    #[test]
    fn the_map_goes_in_and_comes_out() {
        let png = tiny();
        assert_eq!(extract(&png).unwrap(), None);
        let with = embed(&png, "{\"map\": \"é ✓ \\u0000\"}").unwrap();
        assert_eq!(
            extract(&with).unwrap().as_deref(),
            Some("{\"map\": \"é ✓ \\u0000\"}")
        );
        let again = embed(&with, "second").unwrap();
        assert_eq!(extract(&again).unwrap().as_deref(), Some("second"));
        // IHDR, IDAT, our iTXt (one, replaced), IEND.
        assert_eq!(chunks(&again).unwrap().len(), 4);
        // Another keyword's chunk sits beside the map's and is read only under its keyword.
        let both = embed_keyword(&again, "Other", "third").unwrap();
        assert_eq!(extract(&both).unwrap().as_deref(), Some("second"));
        assert_eq!(
            extract_keyword(&both, "Other").unwrap().as_deref(),
            Some("third")
        );
        assert_eq!(extract_keyword(&again, "Other").unwrap(), None);
        assert_eq!(chunks(&both).unwrap().len(), 5);
    }

    #[test]
    fn damaged_pngs_are_named_not_panicked_on() {
        let png = embed(&tiny(), "x").unwrap();
        assert!(extract(b"GIF89a").unwrap_err().contains("not a PNG"));
        for cut in [9, 20, png.len() - 1] {
            assert!(extract(&png[..cut]).unwrap_err().contains("cut short"));
        }
        let mut bad = png.clone();
        let last = bad.len() - 20;
        bad[last] ^= 0xff;
        assert!(extract(&bad).is_err());
        // A length near u32::MAX must not overflow.
        let mut huge = tiny();
        huge[8..12].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(extract(&huge).is_err());
    }
}
