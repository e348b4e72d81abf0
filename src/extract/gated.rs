//! Regexes compiled on first need, where every match holds one of a few words:
//! a text that holds none of them cannot match, and is answered without the
//! regex being compiled. A run over short documents compiles only the regexes
//! their words call for.

use std::sync::OnceLock;

use std::sync::atomic::{AtomicU32, Ordering};

use aho_corasick::AhoCorasick;
use regex::{Captures, Regex};

/// The length past which [`Gated::once_needed`] compiles the regex rather than
/// search for its words.
const LONG_TEXT: usize = 4096;

/// How many texts a [`Gated`]'s words are looked for in one by one before they
/// are made one automaton. Either way finds the same.
const BUILD_AFTER: u32 = 64;

/// A regex and words one of which every match of it holds (the tests check
/// the words against the pattern).
pub(crate) struct Gated {
    words: Words,
    build: fn() -> Regex,
    regex: OnceLock<Regex>,
    /// The words as one automaton, built once the words have been looked for
    /// in [`BUILD_AFTER`] texts: a text is then read once for all of them, not
    /// once for each. A short run never pays for building it.
    finder: OnceLock<AhoCorasick>,
    /// How many texts the words have been looked for in one by one.
    asked: AtomicU32,
}

/// The words of a gate: one list, or several lists (a regex of cue lists).
enum Words {
    One(&'static [&'static str]),
    Lists(&'static [&'static [&'static str]]),
}

impl Words {
    fn all(&self) -> impl Iterator<Item = &'static str> + '_ {
        let lists: &[&'static [&'static str]] = match self {
            Words::One(words) => std::slice::from_ref(words),
            Words::Lists(lists) => lists,
        };
        lists.iter().flat_map(|l| l.iter().copied())
    }
}

impl Gated {
    pub(crate) const fn new(words: &'static [&'static str], build: fn() -> Regex) -> Gated {
        Gated {
            words: Words::One(words),
            build,
            regex: OnceLock::new(),
            finder: OnceLock::new(),
            asked: AtomicU32::new(0),
        }
    }

    /// A gate whose words are those of several lists.
    pub(crate) const fn of_lists(
        lists: &'static [&'static [&'static str]],
        build: fn() -> Regex,
    ) -> Gated {
        Gated {
            words: Words::Lists(lists),
            build,
            regex: OnceLock::new(),
            finder: OnceLock::new(),
            asked: AtomicU32::new(0),
        }
    }

    /// The regex, compiled now if need be.
    pub(crate) fn regex(&self) -> &Regex {
        self.regex.get_or_init(self.build)
    }

    /// The regex, compiled now if need be, where `text` holds one of the words;
    /// `None` where no match can be in `text`.
    pub(crate) fn for_text(&self, text: &str) -> Option<&Regex> {
        let holds_one = match self.finder.get() {
            Some(finder) => finder.is_match(text),
            None if self.asked.fetch_add(1, Ordering::Relaxed) < BUILD_AFTER => {
                self.words.all().any(|w| text.contains(w))
            }
            None => self
                .finder
                .get_or_init(|| {
                    AhoCorasick::new(self.words.all()).expect("a few words make an automaton")
                })
                .is_match(text),
        };
        holds_one.then(|| self.regex())
    }

    /// The regex where it is compiled already, or where `text` holds one of the
    /// words (compiled now); `None` where no match can be in `text`. For a regex
    /// whose search is as quick as the test of its many words: once compiled, it
    /// is searched without the test.
    /// A long text is searched with the regex, compiled now: one pass of it costs
    /// less than a search for each of the words, asked again for each window of a
    /// long sentence.
    pub(crate) fn once_needed(&self, text: &str) -> Option<&Regex> {
        if let Some(re) = self.regex.get() {
            return Some(re);
        }
        if text.len() > LONG_TEXT {
            return Some(self.regex());
        }
        self.for_text(text)
    }

    /// Whether the regex matches in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_some_and(|re| re.is_match(text))
    }

    /// The first match in `text`, with its groups.
    pub(crate) fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.for_text(text)?.captures(text)
    }

    /// Panics where a match of the regex may hold none of the words.
    #[cfg(test)]
    pub(crate) fn check_words(&self) {
        let pattern = self.regex().as_str();
        let words: Vec<&str> = self.words.all().collect();
        assert!(
            crate::claims::required::every_match_holds_one_of(pattern, &words),
            "a match of {pattern} may hold none of {words:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static YEARS: Gated = Gated::new(&["year"], || Regex::new(r"\b\d+ years?\b").unwrap());
    static LOOSE: Gated = Gated::new(&["year"], || {
        Regex::new(r"\b\d+ (?:years?|days?)\b").unwrap()
    });

    #[test]
    fn a_text_without_the_words_is_not_searched() {
        assert!(YEARS.for_text("in 1905 he fled").is_none());
        let re = YEARS.for_text("3 years later").expect("the word is there");
        assert_eq!(re.find("3 years later").map(|m| m.range()), Some(0..7));
        // The word alone lets the regex run; it need not match.
        assert!(YEARS.for_text("a year").unwrap().find("a year").is_none());
        assert!(YEARS.is_match("for 3 years"));
        assert!(!YEARS.is_match("for three years"));
        let c = YEARS.captures("in 12 years").expect("a match");
        assert_eq!(&c[0], "12 years");
    }

    static CUES: Gated = Gated::of_lists(&[&["said"], &["told", "wrote"]], || {
        Regex::new(r"\b(?:said|told|wrote)\b").unwrap()
    });

    #[test]
    fn a_regex_once_compiled_is_searched_without_its_words() {
        assert!(CUES.once_needed("he died in 1940").is_none());
        assert!(CUES.regex.get().is_none());
        // A word of the second list compiles it.
        let re = CUES.once_needed("she wrote it").expect("a word is there");
        assert_eq!(re.find("she wrote it").map(|m| m.range()), Some(4..9));
        // Compiled, it is given for any text; it finds what the gate would allow.
        let re = CUES.once_needed("he died in 1940").expect("compiled");
        assert!(re.find("he died in 1940").is_none());
        assert!(CUES.for_text("he died in 1940").is_none());
        CUES.check_words();
    }

    static MANY: Gated = Gated::of_lists(&[&["said"], &["told", "wrote"]], || {
        Regex::new(r"\b(?:said|told|wrote)\b").unwrap()
    });

    #[test]
    fn the_words_are_found_alike_before_and_after_the_automaton() {
        let texts = [
            "she wrote it",
            "he died in 1940",
            "told",
            "",
            "saidx",
            "sai d",
        ];
        for round in 0..=2 * BUILD_AFTER as usize / texts.len() {
            let built = MANY.finder.get().is_some();
            for text in texts {
                let holds = ["said", "told", "wrote"].iter().any(|w| text.contains(w));
                assert_eq!(
                    MANY.for_text(text).is_some(),
                    holds,
                    "{text:?}, round {round}"
                );
            }
            assert!(built || round * texts.len() < BUILD_AFTER as usize);
        }
        assert!(
            MANY.finder.get().is_some(),
            "built after {BUILD_AFTER} texts"
        );
    }

    #[test]
    fn the_words_are_checked_against_the_pattern() {
        YEARS.check_words();
        let missed = std::panic::catch_unwind(|| LOOSE.check_words());
        assert!(missed.is_err());
    }
}
