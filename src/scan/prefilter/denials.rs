//! The denial gate: a claim's own value, or a form it accepts, contradicts the
//! claim only where a sentence denies it ("it was not an ice axe"), and a denial
//! needs a cue (see `crate::scan::assertion`): a negation ("not", "never",
//! "didn't"), a word that denies ("rather than", "wrongly") or a hedge of doubt
//! ("it is unlikely") in the sentence of the form. Such a form admits a text
//! only where one of those cues may stand in the same block of lines (a line of
//! nothing but whitespace ends every sentence); a rejected form admits a text
//! alone.
//!
//! The cues are found in prose before it is folded as the prefilter finds its
//! anchors (never no for something): a negation or denial by its first word,
//! ASCII letters that folding keeps but for case, standing with no ASCII letter
//! or digit on either side (folding makes no such char a word boundary, and a
//! non-ASCII char next to the word is taken for one); a clitic ("n't") with each
//! char that folding makes its apostrophe, with no ASCII letter or digit after
//! it; a doubt by its longest word anywhere, as a hedge's words may end where
//! its regex stops. Letters that folding makes from other chars lie in the
//! words the prefilter folds alone, and are asked there.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind};

use crate::extract::normalize::APOSTROPHES;
use crate::lexicon;

/// How a cue's pattern must stand in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stand {
    /// A whole word: no ASCII letter or digit either side.
    Word,
    /// A clitic: none after it.
    Clitic,
    /// Anywhere.
    Part,
}

/// The cues' patterns, one automaton, and how each must stand.
struct Cues {
    automaton: AhoCorasick,
    stand: Vec<Stand>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let (patterns, stand): (Vec<String>, Vec<Stand>) = cue_patterns().into_iter().unzip();
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("a few dozen short patterns");
    Cues { automaton, stand }
});

/// Every pattern of the cues, with how it must stand: the first word of each
/// negation and denial, each clitic with each apostrophe, and the longest word
/// of each doubt.
fn cue_patterns() -> Vec<(String, Stand)> {
    let mut out = Vec::new();
    for cue in lexicon::NEGATION_CUES.iter().chain(lexicon::DENIAL_CUES) {
        if cue.contains('\'') {
            for a in std::iter::once('\'').chain(APOSTROPHES) {
                out.push((cue.replace('\'', &a.to_string()), Stand::Clitic));
            }
        } else {
            let first = cue.split(' ').next().unwrap_or(cue);
            out.push((first.to_string(), Stand::Word));
        }
    }
    for cue in lexicon::DOUBT_CUES {
        let longest = cue.split(' ').max_by_key(|w| w.len()).unwrap_or(cue);
        out.push((longest.to_string(), Stand::Part));
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `text` (prose or folded) may hold a denial's cue.
pub fn has_cue(text: &str) -> bool {
    first_cue(text, 0).is_some()
}

/// The first place at or after `from` where a cue stands in `text`.
pub(super) fn first_cue(text: &str, from: usize) -> Option<Range<usize>> {
    let cues = &*CUES;
    let bytes = text.as_bytes();
    let plain = |at: usize| bytes.get(at).is_none_or(|b| !b.is_ascii_alphanumeric());
    let input = Input::new(text).range(from..).anchored(Anchored::No);
    let mut state = aho_corasick::automaton::OverlappingState::start();
    loop {
        cues.automaton.find_overlapping(input.clone(), &mut state);
        let m = state.get_match()?;
        let (s, e) = (m.start(), m.end());
        let stands = match cues.stand[m.pattern().as_usize()] {
            Stand::Word => (s == 0 || plain(s - 1)) && plain(e),
            Stand::Clitic => plain(e),
            Stand::Part => true,
        };
        if stands {
            return Some(s..e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words of sentences around a value: every cue of the assertion modes,
    /// and plain words, some of them a cue's letters in a longer word.
    fn words() -> Vec<&'static str> {
        let lists: [&[&str]; 12] = [
            lexicon::NEGATION_CUES,
            lexicon::NEGATION_NON_DENIALS,
            lexicon::DENIAL_CUES,
            lexicon::DOUBT_CUES,
            lexicon::DOUBT_DISMISSALS,
            lexicon::HEDGING_MODALS,
            lexicon::HEDGE_WORDS,
            lexicon::SAYING_VERBS,
            lexicon::CLAIMING_VERBS,
            lexicon::REPORT_PARTICIPLES,
            lexicon::SOURCE_PREPOSITIONS,
            lexicon::UNTIL_WORDS,
        ];
        let plain = [
            "it",
            "was",
            "is",
            "an",
            "the",
            "they",
            "that",
            "with",
            ",",
            ";",
            "(",
            ")",
            "\"",
            "knot",
            "nothing2",
            "note",
            "farther",
            "wasn't",
            "isn\u{2019}t",
            "undoubted",
            "1912",
        ];
        lists.into_iter().flatten().copied().chain(plain).collect()
    }

    proptest! {
        /// Wherever the classifier reads a statement of the value as denied,
        /// the sentence holds a cue: a text without one can make no finding of
        /// a value.
        #[test]
        fn every_denial_the_classifier_reads_holds_a_cue(
            before in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
            after in proptest::collection::vec(any::<prop::sample::Index>(), 0..5),
            quoted in any::<bool>(),
        ) {
            let words = words();
            let pick = |ix: &Vec<prop::sample::Index>| {
                ix.iter().map(|i| *i.get(&words)).collect::<Vec<_>>().join(" ")
            };
            let head = format!("{} ", pick(&before));
            let sentence = format!("{head}ice axe {}.", pick(&after));
            let value = head.len()..head.len() + "ice axe".len();
            let (mode, _) = crate::scan::assertion::classify(&sentence, value, None, quoted);
            prop_assert!(!mode.denies() || has_cue(&sentence), "{sentence:?} {mode:?}");
        }
    }

    #[test]
    fn the_cues_are_plain_lowercase_words_but_the_clitics() {
        for (p, stand) in cue_patterns() {
            if stand == Stand::Clitic {
                assert!(p.starts_with('n') && p.ends_with('t'), "{p}");
            } else {
                assert!(p.bytes().all(|b| b.is_ascii_lowercase()), "{p}");
            }
        }
    }

    #[test]
    fn a_cue_is_a_whole_word_or_a_clitic() {
        for text in [
            "it was NOT an ice axe",
            "it wasn't",
            "it wasn\u{2019}t",
            "it wasn`t",
            "an axe rather than a pick",
            "no, an axe",
            "(never)",
            "\u{e9}not",
            "it is doubtful",
            "with little evidence",
            "the undoubted axe",
            "a nor'easter",
        ] {
            assert!(has_cue(text), "{text:?}");
        }
        for text in [
            "a note on another axe",
            "knot, nothing2",
            "north of the northeast",
            "the notion",
            "wasnt",
            "farther",
            "isn'ta",
        ] {
            assert!(!has_cue(text), "{text:?}");
        }
    }

    #[test]
    fn a_cue_that_fails_to_stand_hides_none_after_it() {
        // "no" in "not" and "nothing", "not" in "nothing".
        assert_eq!(first_cue("nothing", 0), Some(0..7));
        assert_eq!(first_cue("a notable no", 0), Some(10..12));
        assert_eq!(first_cue("no, not", 3), Some(4..7));
    }
}
