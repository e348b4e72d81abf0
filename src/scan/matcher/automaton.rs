//! The matcher's automata, each built in the form that pays for itself: a
//! contiguous NFA, quick to build, for the first text a run searches; the kind
//! chosen for a long run (a DFA: a table lookup a byte, slower to build) once the
//! run has searched enough text for its build to be a small part of the work.
//! Every kind finds the same matches, so which one searches a text changes how
//! fast, never what.

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, Match, MatchKind, packed};

/// Bytes searched with the NFA before the automaton for a long run is built.
const LONG_RUN: usize = 256 << 10;

/// Patterns (standard match kind) found by a contiguous NFA, then by the
/// automaton for a long run.
#[derive(Debug)]
pub(super) struct Staged {
    patterns: Vec<String>,
    /// The kind for a long run; `None`: the crate's choice.
    long_run: Option<AhoCorasickKind>,
    nfa: AhoCorasick,
    later: OnceLock<AhoCorasick>,
    /// Bytes searched so far with the NFA.
    searched: AtomicUsize,
    /// A packed (SIMD) search for the patterns, where they are few enough for
    /// one ([`Staged::each_overlapping`]).
    packed: Option<packed::Searcher>,
    /// The longest pattern's length in bytes.
    longest: usize,
}

impl Staged {
    pub(super) fn new(patterns: Vec<String>, long_run: Option<AhoCorasickKind>) -> Staged {
        let packed = if patterns.iter().any(String::is_empty) {
            None
        } else {
            packed::Config::new()
                .match_kind(packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(&patterns)
                .build()
        };
        Staged {
            nfa: build(&patterns, Some(AhoCorasickKind::ContiguousNFA)),
            packed,
            longest: patterns.iter().map(String::len).max().unwrap_or(0),
            patterns,
            long_run,
            later: OnceLock::new(),
            searched: AtomicUsize::new(0),
        }
    }

    /// The automaton to search `text` with: the one for a long run where it is
    /// built, or where the NFA has now searched enough text (built now).
    pub(super) fn for_text(&self, text: &str) -> &AhoCorasick {
        if let Some(later) = self.later.get() {
            return later;
        }
        if self.long_run == Some(AhoCorasickKind::ContiguousNFA) {
            return &self.nfa;
        }
        let before = self.searched.fetch_add(text.len(), Ordering::Relaxed);
        if before.saturating_add(text.len()) < LONG_RUN {
            return &self.nfa;
        }
        self.later
            .get_or_init(|| build(&self.patterns, self.long_run))
    }
}

impl Staged {
    /// The longest pattern's length in bytes.
    pub(super) fn longest(&self) -> usize {
        self.longest
    }

    /// Calls `found` with every match of the patterns in `text`, overlapping
    /// ones included, in the order of the automaton's overlapping search (by
    /// end).
    ///
    /// A few dozen patterns or fewer have a packed search, which passes over
    /// text without a match many bytes at a time where the automaton (whose
    /// own prefilter serves only a handful of patterns) reads each byte; the
    /// automaton then reads only the windows around the packed search's
    /// matches. Those are leftmost and do not overlap: a search from the end of
    /// one finds the leftmost match from there, so every match starts inside
    /// one of them (at its start, or after it, where the packed search skipped)
    /// and ends within the longest pattern's length of its end. The windows,
    /// merged where they meet, hold every match once.
    pub(super) fn each_overlapping(&self, text: &str, mut found: impl FnMut(Match)) {
        let ac = self.for_text(text);
        let Some(packed) = &self.packed else {
            ac.find_overlapping_iter(text).for_each(found);
            return;
        };
        let mut window: Option<Range<usize>> = None;
        let mut search = |w: Range<usize>| {
            ac.find_overlapping_iter(Input::new(text).range(w))
                .for_each(&mut found)
        };
        for m in packed.find_iter(text) {
            let end = (m.end() - 1 + self.longest).min(text.len());
            match &mut window {
                Some(w) if m.start() < w.end => w.end = w.end.max(end),
                w => {
                    if let Some(done) = w.replace(m.start()..end) {
                        search(done);
                    }
                }
            }
        }
        if let Some(w) = window {
            search(w);
        }
    }
}

fn build(patterns: &[String], kind: Option<AhoCorasickKind>) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        .build(patterns)
        .expect("automaton within limits")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(ac: &AhoCorasick, text: &str) -> Vec<(usize, usize, usize)> {
        ac.find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn the_dfa_takes_over_after_enough_text_and_finds_the_same() {
        let forms: Vec<String> = ["lev", "lev davidovich", "bronstein", "trotsky", "sky"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let terms = Staged::new(forms, Some(AhoCorasickKind::DFA));
        let text = "lev davidovich bronstein, called trotsky, ";
        let first = terms.for_text(text);
        assert_eq!(first.kind(), AhoCorasickKind::ContiguousNFA);
        let by_nfa = found(first, text);
        assert_eq!(by_nfa.len(), 5);
        let long = text.repeat(LONG_RUN / text.len() + 1);
        let dfa = terms.for_text(&long);
        assert_eq!(dfa.kind(), AhoCorasickKind::DFA);
        assert_eq!(found(dfa, text), by_nfa);
        assert_eq!(found(dfa, &long), found(&terms.nfa, &long));
        // Once built, the DFA searches every text.
        assert_eq!(terms.for_text("lev").kind(), AhoCorasickKind::DFA);
    }

    fn windowed(staged: &Staged, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        staged.each_overlapping(text, |m| {
            out.push((m.pattern().as_usize(), m.start(), m.end()))
        });
        out
    }

    #[test]
    fn the_windows_hold_every_overlapping_match_once() {
        let forms: Vec<String> = ["ice", "ice pick", "pick", "ick", "k", "pickaxe"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let terms = Staged::new(forms, Some(AhoCorasickKind::DFA));
        assert!(terms.packed.is_some());
        // Matches inside the packed search's leftmost ones, and after them
        // within the longest pattern.
        let text = "an ice pickaxe, a pick, ice ice pick and kicks";
        assert_eq!(windowed(&terms, text), found(&terms.nfa, text));
        assert_eq!(windowed(&terms, text).len(), 18);
        assert_eq!(windowed(&terms, "nothing here"), vec![]);
    }

    proptest::proptest! {
        /// The windows find what one overlapping search of the whole text
        /// finds, in the same order.
        #[test]
        fn the_windows_find_what_the_whole_search_finds(
            forms in proptest::collection::vec("[abc ]{1,5}", 1..12),
            text in "[abcd ]{0,80}",
        ) {
            let terms = Staged::new(forms, Some(AhoCorasickKind::DFA));
            proptest::prop_assert_eq!(windowed(&terms, &text), found(&terms.nfa, &text));
        }
    }

    #[test]
    fn an_nfa_for_a_long_run_is_the_first_one() {
        let forms: Vec<String> = (0..2_000).map(|i| format!("form{i:05}")).collect();
        let terms = Staged::new(forms, Some(AhoCorasickKind::ContiguousNFA));
        let long = "form00001 ".repeat(LONG_RUN / 10 + 1);
        assert!(std::ptr::eq(terms.for_text(&long), &terms.nfa));
        assert!(terms.later.get().is_none());
        assert_eq!(
            terms.for_text(&long).find_overlapping_iter(&long).count(),
            LONG_RUN / 10 + 1
        );
    }
}
