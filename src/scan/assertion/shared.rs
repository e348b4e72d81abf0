//! What is read once in a long sentence for all the windows its statements are
//! read in: its cut into clauses, the matches of the cue regexes and which of
//! their gates it opens.
//!
//! A window starts after a space and ends before one (or at the sentence's ends),
//! and a token never holds a space nor reads past one, so the tokens of a window
//! are the sentence's tokens that lie in it, and most of its segments are the
//! sentence's (see [`SentenceCut`]); most of its cue matches are the sentence's
//! too (see [`super::matches`]). The sentence is read once, and each of its
//! statements takes its window's share instead of reading it anew.

use std::cell::RefCell;
use std::ops::Range;

use crate::re::Regex;

use super::matches::{self, Found};
use crate::extract::gated::GateSet;
use crate::scan::clauses::{self, Segment, SentenceCut};
use crate::scan::tokens::{tokenize, word_classes};

/// The last long sentence read on this thread.
struct Sentence {
    text: String,
    cut: SentenceCut,
    /// The matches of each cue regex asked about (by its address), where none
    /// is empty.
    found: Vec<(*const Regex, Option<Vec<Found>>)>,
    /// The gates of each set asked about (by its address) that the sentence
    /// opens.
    open: Vec<(*const GateSet, Vec<bool>)>,
}

thread_local! {
    static LAST: RefCell<Option<Sentence>> = const { RefCell::new(None) };
}

/// Whether `window` of `sentence` starts after a space (or at the start) and ends
/// before one (or at the end).
fn spaced(sentence: &str, window: &Range<usize>) -> bool {
    let (a, b) = (window.start, window.end);
    (a == 0 || sentence[..a].ends_with(' '))
        && (b == sentence.len() || sentence[b..].starts_with(' '))
}

/// Runs `f` with what was read of `sentence`, kept from the last call where the
/// window and the spaces around it read as in the sentence kept (its tokens,
/// cut and matches there are then this sentence's).
fn with_sentence<T>(
    sentence: &str,
    window: &Range<usize>,
    f: impl FnOnce(&mut Sentence) -> T,
) -> T {
    LAST.with_borrow_mut(|last| {
        let around = window.start.saturating_sub(1)..(window.end + 1).min(sentence.len());
        let same = last.as_ref().is_some_and(|s| {
            s.text.len() == sentence.len()
                && s.text.as_bytes()[around.clone()] == sentence.as_bytes()[around.clone()]
        });
        if !same {
            *last = Some(Sentence {
                text: sentence.to_string(),
                cut: SentenceCut::new(sentence),
                found: Vec::new(),
                open: Vec::new(),
            });
        }
        f(last.as_mut().expect("kept above"))
    })
}

/// The segments of `sentence[window]` with `protected` (relative to the window)
/// never cut, offsets relative to the window, as [`clauses::segments`] of the
/// window would make them.
pub(super) fn window_segments(
    sentence: &str,
    window: Range<usize>,
    protected: &[Range<usize>],
) -> Vec<Segment> {
    if !spaced(sentence, &window) {
        let text = &sentence[window];
        let tokens = tokenize(text, |_| false);
        let classes = word_classes(text, &tokens);
        return clauses::segments_of(text, &tokens, &classes, protected);
    }
    with_sentence(sentence, &window, |s| {
        s.cut.window_segments(sentence, window.clone(), protected)
    })
}

/// For each gate of `gates`, whether it may open in `sentence[window]`: in a
/// window of a long sentence, whether the sentence opens it, read once for all
/// its windows. A gate the sentence does not open has no word in any window of
/// it, and its regex no match; an open one is searched in the window, where it
/// finds what it finds.
pub(super) fn window_gates(
    sentence: &str,
    window: Range<usize>,
    gates: &'static GateSet,
) -> Vec<bool> {
    if !spaced(sentence, &window) {
        return gates.open(&sentence[window]);
    }
    with_sentence(sentence, &window, |s| {
        kept(&mut s.open, gates, || gates.open(&s.text)).clone()
    })
}

/// The matches of `re` (a regex without anchors) in `sentence[window]`, offsets
/// relative to the window, as `re.captures_iter` of the window finds them.
pub(super) fn window_matches(
    sentence: &str,
    window: Range<usize>,
    re: &'static Regex,
) -> Vec<Found> {
    if !spaced(sentence, &window) {
        return matches::all(re, &sentence[window]);
    }
    with_sentence(sentence, &window, |s| {
        let found = kept(&mut s.found, re, || {
            let all = matches::all(re, &s.text);
            let none_empty = all.iter().all(|m| !m.0.is_empty());
            none_empty.then_some(all)
        });
        match found {
            Some(whole) => matches::in_window(re, sentence, window.clone(), whole),
            None => matches::all(re, &sentence[window.clone()]),
        }
    })
}

/// What `list` keeps for `key` (told by its address), made by `make` and kept
/// where it holds nothing for it yet.
fn kept<'l, K, V>(list: &'l mut Vec<(*const K, V)>, key: &K, make: impl FnOnce() -> V) -> &'l V {
    let k = match list.iter().position(|(k, _)| std::ptr::eq(*k, key)) {
        Some(k) => k,
        None => {
            list.push((key, make()));
            list.len() - 1
        }
    };
    &list[k].1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, window: Range<usize>) {
        let text = &sentence[window.clone()];
        assert_eq!(
            window_segments(sentence, window.clone(), &[]),
            clauses::segments(text, &[]),
            "{sentence:?} {window:?}"
        );
    }

    /// Every window of a sentence, cut at spaces or not.
    fn every_window(sentence: &str) {
        let bounds: Vec<usize> = (0..=sentence.len())
            .filter(|&i| sentence.is_char_boundary(i))
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                check(sentence, a..b);
            }
        }
    }

    #[test]
    fn a_window_has_the_segments_it_would_have_alone() {
        for s in [
            "in 1,517 cases the brothers' father didn't go, it's 3.5 km: b52s flew.",
            "o'clock 20years '29 s' a's 1:23 ' s 'x, 4. 5, (6)",
            "né en 1871, il n'était pas là",
        ] {
            every_window(s);
        }
        // Windows of two different sentences, one after the other.
        let (x, y) = (
            "he was born in 1871 and died",
            "he was born in 1872 and died",
        );
        check(x, 3..11);
        check(y, 15..19);
        check(x, 15..19);
    }

    #[test]
    fn a_window_has_the_cue_matches_it_would_have_alone() {
        let s = "according to the family he reportedly died, historians say, some accounts \
                 have suggested that it is widely thought that he was said to have claimed \
                 he was born in 1871 and, according to his biographer, may have died, \
                 no doubt, reportedly in 1934; it was believed that he claimed she lied";
        let ends: Vec<usize> = s
            .match_indices(' ')
            .map(|(i, _)| i)
            .chain([s.len()])
            .collect();
        for &a in [0]
            .iter()
            .chain(ends.iter().map(|e| e + 1).collect::<Vec<_>>().iter())
        {
            for &b in ends.iter().filter(|&&b| b >= a) {
                let gates = &*super::super::hedge::CUE_GATES;
                let (open, alone) = (window_gates(s, a..b, gates), gates.open(&s[a..b]));
                for (k, (gate, _)) in super::super::hedge::CUES.iter().enumerate() {
                    let re = gate.regex();
                    assert_eq!(
                        window_matches(s, a..b, re),
                        matches::all(re, &s[a..b]),
                        "{a}..{b} {re}"
                    );
                    // A gate the window opens is open; one it is told closed
                    // has no match there.
                    assert!(open[k] || !alone[k], "{a}..{b} {re}");
                    assert!(open[k] || matches::all(re, &s[a..b]).is_empty());
                }
            }
        }
    }

    const PIECES: &[&str] = &[
        "1", ",", ".", ":", "'", "s", "a", "b52", "'s", "was", "born", " ", "é", "didn't",
    ];

    proptest::proptest! {
        #[test]
        fn generated_windows(
            picks in proptest::collection::vec(0..PIECES.len(), 0..30),
            glue in proptest::collection::vec(proptest::bool::ANY, 30),
        ) {
            let mut s = String::new();
            for (k, &i) in picks.iter().enumerate() {
                s.push_str(PIECES[i]);
                if glue[k] {
                    s.push(' ');
                }
            }
            every_window(&s);
        }
    }
}
