//! CRC-32 (IEEE, the checksum of zip and PNG) of codes and check values, the same numbers as
//! `crc32fast`, from a 1 KB table made at compile time. crc32fast's fast path carries a 16 KB
//! table that does not compress; the phone page's binary (`ui::phone`) must stay small, and
//! its codes are a few hundred bytes, so speed does not matter here. The PNG chunks that carry
//! a map or a picture (`export::map::png`) use it too (a 1 MB image in a few ms).

const TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// A running CRC-32.
#[derive(Clone, Debug)]
pub struct Hasher(u32);

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher {
    pub fn new() -> Hasher {
        Hasher(!0)
    }

    pub fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = TABLE[((self.0 ^ u32::from(b)) & 0xFF) as usize] ^ (self.0 >> 8);
        }
    }

    pub fn finalize(self) -> u32 {
        !self.0
    }
}

/// The CRC-32 of `bytes`.
pub fn hash(bytes: &[u8]) -> u32 {
    let mut h = Hasher::new();
    h.update(bytes);
    h.finalize()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_checksums_as_crc32fast() {
        let mut bytes = Vec::new();
        for n in 0..600u32 {
            bytes.push((n.wrapping_mul(2_654_435_761) >> 13) as u8);
            assert_eq!(super::hash(&bytes), crc32fast::hash(&bytes), "{n}");
        }
        assert_eq!(super::hash(b"123456789"), 0xCBF4_3926);
    }
}
