//! The cut of a long sentence, made once for all the windows its statements are
//! read in.
//!
//! A window starts after a space and ends before one (or at the sentence's ends),
//! and a token never holds a space nor reads past one, so the tokens of a window
//! are the sentence's tokens that lie in it, and most of its segments are the
//! sentence's (see [`SentenceCut`]): the sentence is cut once, and each of its
//! statements takes its window's share instead of cutting it anew.

use std::cell::RefCell;
use std::ops::Range;

use crate::scan::clauses::{self, Segment, SentenceCut};
use crate::scan::tokens::{tokenize, word_classes};

/// The last long sentence cut on this thread.
struct Sentence {
    text: String,
    cut: SentenceCut,
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

/// Runs `f` with the cut of `sentence`, kept from the last call where the window
/// and the spaces around it read as in the sentence kept (its tokens and cut
/// there are then this sentence's).
fn with_cut<T>(sentence: &str, window: &Range<usize>, f: impl FnOnce(&SentenceCut) -> T) -> T {
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
            });
        }
        f(&last.as_ref().expect("kept above").cut)
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
    with_cut(sentence, &window, |cut| {
        cut.window_segments(sentence, window.clone(), protected)
    })
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
