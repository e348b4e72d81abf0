//! Weekdays' names for the prefilter: where one may start (the first three
//! letters of one at the start of a word, in text whose ASCII letters are in
//! lowercase), and the whole words that name one.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::packed::{Config, MatchKind, Searcher};

use super::{Prefilter, WEEKDAY_PREFIXES};
use crate::extract::calendar::is_weekday_word;

impl Prefilter {
    /// Whether a whole word of `lower` (a text with its ASCII letters in
    /// lowercase) names a weekday.
    pub(super) fn names_weekday(&self, lower: &str) -> bool {
        let mut found = Vec::new();
        self.weekday_words(lower, true, &mut found);
        !found.is_empty()
    }

    /// The whole words of `lower` (a text with its ASCII letters in lowercase)
    /// that name a weekday, in order, pushed to `out`; with `first`, only the
    /// first. A word is a run of ASCII letters.
    pub(super) fn weekday_words(&self, lower: &str, first: bool, out: &mut Vec<Range<usize>>) {
        if !self.weekdays {
            return;
        }
        let bytes = lower.as_bytes();
        weekday_prefixes(bytes, |start| {
            let Some(len) = weekday_word_at(bytes, start) else {
                return true;
            };
            out.push(start..start + len);
            !first
        });
    }
}

/// Where a word may name a weekday in folded `text`: every place that the first
/// three letters of a weekday's name start, after a char that is no ASCII letter
/// (or at the start), sorted. A superset of where the weekday check finds a name.
pub fn weekday_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    weekday_prefixes(text.as_bytes(), |at| {
        starts.push(at);
        true
    });
    starts
}

/// The length of the whole ASCII word at `start` where it names a weekday as
/// the date reader takes one (a run of ASCII letters that is a name or one of
/// its abbreviations: "sat", not "satire" or "frida").
pub(super) fn weekday_word_at(bytes: &[u8], start: usize) -> Option<usize> {
    if start > 0 && bytes[start - 1].is_ascii_alphabetic() {
        return None;
    }
    let len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    // No weekday's name is shorter than three letters or longer than nine.
    if !(3..=9).contains(&len) {
        return None;
    }
    let mut word = [0; 9];
    for (w, b) in word.iter_mut().zip(&bytes[start..start + len]) {
        *w = b.to_ascii_lowercase();
    }
    let named = WEEKDAY_PREFIXES.iter().any(|p| word[..3] == *p.as_bytes())
        && std::str::from_utf8(&word[..len]).is_ok_and(is_weekday_word);
    named.then_some(len)
}

/// The packed (SIMD) search for the seven prefixes, where the machine has one.
/// The prefixes are rare in prose, so it passes over most bytes a vector at a
/// time; as they are all lowercase, it asks for text in lowercase.
static PACKED: LazyLock<Option<Searcher>> = LazyLock::new(|| {
    Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .builder()
        .extend(WEEKDAY_PREFIXES)
        .build()
});

/// Calls `found` with every place in `lower` (a text with its ASCII letters in
/// lowercase) where the first three letters of a weekday's name start a word
/// (at the start, or after a byte that is no ASCII letter), in order, until it
/// returns `false`.
///
/// No prefix ends with two letters another starts with, and the only one that
/// ends with the letter another starts with ("sat", "tue") puts a letter before
/// that one: a search that skips the places inside a match misses no start of
/// a word.
pub(super) fn weekday_prefixes(lower: &[u8], found: impl FnMut(usize) -> bool) {
    prefixes_with(PACKED.as_ref(), lower, found);
}

/// [`weekday_prefixes`] with the packed search `packed`, or without one.
fn prefixes_with(packed: Option<&Searcher>, lower: &[u8], mut found: impl FnMut(usize) -> bool) {
    let starts_word = |at: usize| at == 0 || !lower[at - 1].is_ascii_alphabetic();
    match packed {
        Some(packed) => {
            for m in packed.find_iter(lower) {
                if starts_word(m.start()) && !found(m.start()) {
                    return;
                }
            }
        }
        None => block_prefixes(lower, |at| !starts_word(at) || found(at)),
    }
}

/// Calls `found` with every place in `bytes` where the first three letters of
/// a weekday's name are, in any case, in order, until it returns `false`: the
/// search where no packed one is at hand. The weekdays start with common
/// letters, which a loop over words reads at the cost of a mispredicted branch a
/// word; a block of bytes compared with every prefix at once, without a branch,
/// is run on many bytes at a time.
fn block_prefixes(bytes: &[u8], mut found: impl FnMut(usize) -> bool) {
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
        // An OR over the whole block, without the early exit of `contains`,
        // is read a vector at a time.
        if hits.iter().fold(false, |any, &hit| any | hit) {
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
    use super::super::WEEKDAY_PREFIXES;
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

    /// The places the search without SIMD finds.
    fn prefixes(bytes: &[u8]) -> Vec<usize> {
        let mut found = Vec::new();
        block_prefixes(bytes, |at| {
            found.push(at);
            true
        });
        found
    }

    /// The places where a prefix starts a word, as [`weekday_prefixes`] finds
    /// them, and the same found without the packed search.
    fn word_prefixes(lower: &[u8]) -> Vec<usize> {
        let mut found = Vec::new();
        weekday_prefixes(lower, |at| {
            found.push(at);
            true
        });
        let mut unpacked = Vec::new();
        prefixes_with(None, lower, |at| {
            unpacked.push(at);
            true
        });
        assert_eq!(found, unpacked);
        found
    }

    #[test]
    fn weekday_prefixes_are_found_in_and_across_blocks() {
        let mut text = "x".repeat(61);
        text.push_str(" SUNday and mon, then Wed at the end of a long line of words: fri");
        let at = |w: &str| text.find(w).unwrap();
        let all = vec![at("SUN"), at("mon"), at("Wed"), at("fri")];
        // The block compare reads any case; the search for words, lowercase.
        assert_eq!(prefixes(text.as_bytes()), all);
        assert_eq!(word_prefixes(text.to_ascii_lowercase().as_bytes()), all);
        assert_eq!(prefixes(b"Tue"), vec![0]);
        assert_eq!(word_prefixes(b"tue"), vec![0]);
        assert_eq!(prefixes(b"Tu"), Vec::<usize>::new());
        assert_eq!(word_prefixes(b"tu"), Vec::<usize>::new());
        assert_eq!(prefixes(b"the sat"), vec![4]);
        // Bytes that are letters with the bit 0x20 set, and are not letters.
        assert_eq!(prefixes(b"\x0dON \x13UN M\x0fN"), Vec::<usize>::new());
        // Inside words, and after a prefix that runs into another.
        assert_eq!(word_prefixes(b"xsat satue (thu"), vec![5, 12]);
        assert_eq!(word_prefixes("\u{e9}mon".as_bytes()), vec![2]);
        // Each search stops where asked: one place each.
        let mut seen = 0;
        let mut first = |_| {
            seen += 1;
            false
        };
        block_prefixes(b"mon tue wed", &mut first);
        weekday_prefixes(b"mon tue wed", &mut first);
        assert_eq!(seen, 2);
    }

    proptest! {
        /// The block search finds the prefixes a byte loop finds.
        #[test]
        fn weekday_prefixes_agree_with_a_byte_loop(
            s in "(sun|SUN|Mo|n|tue|Thu|WED|fri|sat|x| |\u{e9}){0,60}"
        ) {
            prop_assert_eq!(prefixes(s.as_bytes()), prefixes_slowly(s.as_bytes()));
        }

        /// In lowercase text, the prefixes that start words are the byte loop's
        /// after no ASCII letter.
        #[test]
        fn word_prefixes_agree_with_a_byte_loop(
            s in "(sun|mo|n|tue|thu|wed|fri|sat|satue|sathu|x| |-|\u{e9}|\u{c9}){0,200}"
        ) {
            let b = s.as_bytes();
            let slowly: Vec<usize> = prefixes_slowly(b)
                .into_iter()
                .filter(|&i| i == 0 || !b[i - 1].is_ascii_alphabetic())
                .collect();
            prop_assert_eq!(word_prefixes(b), slowly);
        }

        /// The starts are the folded prefixes after no letter, as a search of
        /// every place finds them.
        #[test]
        fn weekday_starts_agree_with_a_byte_loop(
            s in "(sun|mo|n|tue|thu|wed|fri|sat|x| |-|\u{e9}){0,60}"
        ) {
            let b = s.as_bytes();
            let slowly: Vec<usize> = (0..b.len().saturating_sub(2))
                .filter(|&i| WEEKDAY_PREFIXES.iter().any(|p| b[i..i + 3] == *p.as_bytes()))
                .filter(|&i| i == 0 || !b[i - 1].is_ascii_alphabetic())
                .collect();
            prop_assert_eq!(weekday_starts(&s), slowly);
        }
    }

    #[test]
    fn the_weekday_prefixes_are_the_names_first_letters() {
        let names: Vec<String> = crate::extract::calendar::WEEKDAY_NAMES
            .iter()
            .map(|n| n[..3].to_ascii_lowercase())
            .collect();
        assert_eq!(names, WEEKDAY_PREFIXES);
    }

    #[test]
    fn weekday_starts_are_where_words_begin() {
        let text = "on sat. 3 may, a common monument; (wed) the thursday after; sunlit";
        let at = |w: &str| text.find(w).unwrap();
        // A superset: "monument" and "sunlit" start like weekdays.
        assert_eq!(
            weekday_starts(text),
            vec![
                at("sat."),
                at("monument"),
                at("wed)"),
                at("thursday"),
                at("sunlit")
            ]
        );
        assert_eq!(
            weekday_starts("a common unsaturated bridge"),
            Vec::<usize>::new()
        );
    }
}
