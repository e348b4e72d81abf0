//! Fingerprints: a finding's identity that survives edits elsewhere in its file.
//!
//! A finding is identified by its claim, its path and its sentence (folded, so
//! that reflowing the line or retyping a quote mark keeps it), never by its line or
//! byte offset. Baselines, GitLab and SARIF use it.

use crate::extract::normalize::fold;

/// FNV-1a, 64 bits: stable across runs, platforms and versions of Rust (unlike
/// `std`'s hasher, which may change).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The fingerprint of a finding of `claim` in `path`, in `sentence`, on `found`.
pub fn fingerprint(claim: &str, path: &str, sentence: &str, found: &str) -> String {
    let sentence = fold(sentence).text;
    let found = fold(found).text;
    let key = format!(
        "{claim}\u{0}{path}\u{0}{}\u{0}{}",
        sentence.trim(),
        found.trim()
    );
    // Two independent halves make a 128-bit identifier.
    let a = fnv1a(key.as_bytes());
    let b = fnv1a(format!("factlint:{key}").as_bytes());
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_reflow_but_not_a_change_of_words() {
        let a = fingerprint("death.weapon", "a.txt", "He used an ice pick.", "ice pick");
        let b = fingerprint(
            "death.weapon",
            "a.txt",
            "He used an\nice  pick.",
            "ice\npick",
        );
        let c = fingerprint(
            "death.weapon",
            "a.txt",
            "He used an ice pick in 1940.",
            "ice pick",
        );
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 32);
        assert_eq!(a, "9ababed0e1a229e302e11e205e619fee");
    }
}
