//! Regexes compiled on first need, where every match holds one of a few words:
//! a text that holds none of them cannot match, and is answered without the
//! regex being compiled. A run over short documents compiles only the regexes
//! their words call for.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// A regex and words one of which every match of it holds (the tests check
/// the words against the pattern).
pub(crate) struct Gated {
    words: &'static [&'static str],
    regex: LazyLock<Regex>,
}

impl Gated {
    pub(crate) const fn new(words: &'static [&'static str], build: fn() -> Regex) -> Gated {
        Gated {
            words,
            regex: LazyLock::new(build),
        }
    }

    /// The regex, compiled now if need be, where `text` holds one of the words;
    /// `None` where no match can be in `text`.
    pub(crate) fn for_text(&self, text: &str) -> Option<&Regex> {
        self.words
            .iter()
            .any(|w| text.contains(w))
            .then(|| &*self.regex)
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
        let pattern = self.regex.as_str();
        assert!(
            crate::claims::required::every_match_holds_one_of(pattern, self.words),
            "a match of {pattern} may hold none of {:?}",
            self.words
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

    #[test]
    fn the_words_are_checked_against_the_pattern() {
        YEARS.check_words();
        let missed = std::panic::catch_unwind(|| LOOSE.check_words());
        assert!(missed.is_err());
    }
}
