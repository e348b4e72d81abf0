//! Where a weekday's name may start: the first three letters of one, in any
//! case, found a block of bytes at a time.

use super::WEEKDAY_PREFIXES;

/// Calls `found` with every place in `bytes` where the first three letters of
/// a weekday's name are, in any case, in order, until it returns `false`. The
/// weekdays start with common letters, which a loop over words reads at the cost
/// of a mispredicted branch a word, and which no automaton's prefilter can skip;
/// a block of bytes compared with every prefix at once, without a branch, is
/// run on many bytes at a time.
pub(super) fn weekday_prefixes(bytes: &[u8], mut found: impl FnMut(usize) -> bool) {
    const BLOCK: usize = 64;
    // The last block is read from a copy padded with zero bytes, which no
    // prefix holds.
    let mut padded = [0; BLOCK + 2];
    let mut start = 0;
    while start + 2 < bytes.len() {
        let block = match bytes.get(start..start + BLOCK + 2) {
            Some(block) => block,
            None => {
                let rest = &bytes[start..];
                padded[..rest.len()].copy_from_slice(rest);
                &padded[..]
            }
        };
        // Three views of the block, one byte apart, so that the comparisons
        // read whole vectors.
        let view = |from: usize| -> &[u8; BLOCK] {
            block[from..from + BLOCK]
                .try_into()
                .expect("a block and two bytes")
        };
        let (first, second, third) = (view(0), view(1), view(2));
        let mut hits = [false; BLOCK];
        for (j, hit) in hits.iter_mut().enumerate() {
            *hit = is_weekday_prefix([first[j], second[j], third[j]]);
        }
        if hits.contains(&true) {
            for j in (0..BLOCK).filter(|&j| hits[j]) {
                if !found(start + j) {
                    return;
                }
            }
        }
        start += BLOCK;
    }
}

/// [`super::WEEKDAY_PREFIXES`] as bytes.
const WEEKDAY_PREFIX_BYTES: [[u8; 3]; 7] = {
    let mut out = [[0; 3]; 7];
    let mut i = 0;
    while i < out.len() {
        let p = WEEKDAY_PREFIXES[i].as_bytes();
        out[i] = [p[0], p[1], p[2]];
        i += 1;
    }
    out
};

/// Whether three bytes are the first three letters of a weekday's name, in any
/// case (only an ASCII capital becomes a small letter with the bit 0x20 set).
#[inline(always)]
fn is_weekday_prefix(word: [u8; 3]) -> bool {
    let [a, b, c] = word.map(|b| b | 0x20);
    WEEKDAY_PREFIX_BYTES.iter().fold(false, |hit, p| {
        hit | ((a == p[0]) & (b == p[1]) & (c == p[2]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every place of the prefixes, found one byte at a time.
    fn prefixes_slowly(bytes: &[u8]) -> Vec<usize> {
        (0..bytes.len().saturating_sub(2))
            .filter(|&at| {
                WEEKDAY_PREFIXES
                    .iter()
                    .any(|p| bytes[at..at + 3].eq_ignore_ascii_case(p.as_bytes()))
            })
            .collect()
    }

    fn prefixes(bytes: &[u8]) -> Vec<usize> {
        let mut found = Vec::new();
        weekday_prefixes(bytes, |at| {
            found.push(at);
            true
        });
        found
    }

    #[test]
    fn weekday_prefixes_are_found_in_and_across_blocks() {
        let mut text = "x".repeat(62);
        text.push_str("SUNday and mon, then Wed at the end of a long line of words: fri");
        let at = |w: &str| text.find(w).unwrap();
        assert_eq!(
            prefixes(text.as_bytes()),
            vec![at("SUN"), at("mon"), at("Wed"), at("fri")]
        );
        assert_eq!(prefixes(b"Tue"), vec![0]);
        assert_eq!(prefixes(b"Tu"), Vec::<usize>::new());
        assert_eq!(prefixes(b"the sat"), vec![4]);
        // Bytes that are letters with the bit 0x20 set, and are not letters.
        assert_eq!(prefixes(b"\x0dON \x13UN M\x0fN"), Vec::<usize>::new());
        // The search stops where asked.
        let mut seen = 0;
        weekday_prefixes(b"mon tue wed", |_| {
            seen += 1;
            false
        });
        assert_eq!(seen, 1);
    }

    proptest! {
        /// The block search finds the prefixes a byte loop finds.
        #[test]
        fn weekday_prefixes_agree_with_a_byte_loop(
            s in "(sun|SUN|Mo|n|tue|Thu|WED|fri|sat|x| |\u{e9}){0,60}"
        ) {
            prop_assert_eq!(prefixes(s.as_bytes()), prefixes_slowly(s.as_bytes()));
        }
    }
}
