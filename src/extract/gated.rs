//! Regexes compiled on first need, where every match holds one of a few words:
//! a text that holds none of them cannot match, and is answered without the
//! regex being compiled. A run over short documents compiles only the regexes
//! their words call for.

use std::sync::OnceLock;

use std::sync::atomic::{AtomicU32, Ordering};

use crate::re::{Captures, Regex};
use aho_corasick::AhoCorasick;

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

    /// Whether the regex matches in `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.for_text(text).is_some_and(|re| re.is_match(text))
    }

    /// The first match in `text`, with its groups.
    pub(crate) fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.for_text(text)?.captures(text)
    }

    /// The words one of which every match holds.
    fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.all()
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

/// The words of several gates as one automaton: one pass over a text tells
/// which gates it opens, where asking each gate reads the text once for each.
pub(crate) struct GateSet {
    finder: AhoCorasick,
    /// For each word of the automaton, the gate it opens.
    gate_of: Vec<usize>,
    gates: usize,
}

impl GateSet {
    pub(crate) fn new<'g>(gates: impl IntoIterator<Item = &'g Gated>) -> GateSet {
        let mut words = Vec::new();
        let mut gate_of = Vec::new();
        let mut count = 0;
        for (k, gate) in gates.into_iter().enumerate() {
            count = k + 1;
            for w in gate.words() {
                words.push(w);
                gate_of.push(k);
            }
        }
        GateSet {
            finder: AhoCorasick::new(words).expect("the gates' words make an automaton"),
            gate_of,
            gates: count,
        }
    }

    /// For each gate, in order, whether `text` holds one of its words: where
    /// it does not, the gate's regex has no match in `text`.
    pub(crate) fn open(&self, text: &str) -> Vec<bool> {
        let mut open = vec![false; self.gates];
        let mut left = self.gates;
        for m in self.finder.find_overlapping_iter(text) {
            let k = self.gate_of[m.pattern().as_usize()];
            if !open[k] {
                open[k] = true;
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        open
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

    static SAYING: Gated = Gated::of_lists(&[&["said"], &["told", "wrote"]], || {
        Regex::new(r"\b(?:said|told|wrote)\b").unwrap()
    });
    static OF: Gated = Gated::new(&[" of "], || Regex::new(r"\bone of \w+").unwrap());

    #[test]
    fn one_pass_tells_which_gates_a_text_opens() {
        let set = GateSet::new([&SAYING, &YEARS, &OF]);
        assert_eq!(set.open("he died in 1940"), [false, false, false]);
        // A word of the second list opens the first gate.
        assert_eq!(set.open("she wrote one of them"), [true, false, true]);
        // Words inside others count, as a search for each finds them.
        assert_eq!(set.open("yearsaid"), [true, true, false]);
        // Nothing is compiled to tell.
        assert!(SAYING.regex.get().is_none() && OF.regex.get().is_none());
        SAYING.check_words();
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
