//! SHA-256 as lowercase hex: the one way the course names content by its
//! bytes (the disclaimer's version, the saved record's checksum).

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes` as lowercase hex, cut to its first `bytes_kept`
/// bytes (all 32 for a checksum; fewer for a short, readable version).
pub fn sha256_hex(bytes: &[u8], bytes_kept: usize) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(bytes_kept)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_of_known_text_is_its_published_value() {
        // FIPS 180-2's example for "abc".
        assert_eq!(
            sha256_hex(b"abc", 32),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sha256_hex(b"abc", 8), "ba7816bf8f01cfea");
    }
}
