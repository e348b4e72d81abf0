//! The tokens of a long sentence, found once for all the windows its statements
//! are read in.
//!
//! A window starts after a space and ends before one (or at the sentence's ends),
//! and a token never holds a space nor reads past one, so the tokens of a window
//! are the sentence's tokens that lie in it: the sentence is tokenized once, and
//! each of its statements takes its window's share instead of tokenizing it anew.

use std::cell::RefCell;
use std::ops::Range;

use crate::scan::tokens::{Token, WordClass, tokenize, word_classes};
use crate::span::Span;

/// The last long sentence tokenized on this thread.
struct Sentence {
    text: String,
    tokens: Vec<Token>,
    classes: Vec<WordClass>,
}

thread_local! {
    static LAST: RefCell<Option<Sentence>> = const { RefCell::new(None) };
}

/// The plain tokens of `sentence[window]` and their classes, offsets relative to
/// the window, as `tokenize` and `word_classes` of the window would make them.
pub(super) fn window_tokens(sentence: &str, window: Range<usize>) -> (Vec<Token>, Vec<WordClass>) {
    let (a, b) = (window.start, window.end);
    let spaced = (a == 0 || sentence[..a].ends_with(' '))
        && (b == sentence.len() || sentence[b..].starts_with(' '));
    if !spaced {
        let text = &sentence[a..b];
        let tokens = tokenize(text, |_| false);
        let classes = word_classes(text, &tokens);
        return (tokens, classes);
    }
    LAST.with_borrow_mut(|last| {
        // The window and the spaces around it read as in the sentence kept:
        // its tokens there are this window's.
        let around = a.saturating_sub(1)..(b + 1).min(sentence.len());
        let same = last.as_ref().is_some_and(|s| {
            s.text.len() == sentence.len()
                && s.text.as_bytes()[around.clone()] == sentence.as_bytes()[around.clone()]
        });
        if !same {
            let tokens = tokenize(sentence, |_| false);
            let classes = word_classes(sentence, &tokens);
            *last = Some(Sentence {
                text: sentence.to_string(),
                tokens,
                classes,
            });
        }
        let s = last.as_ref().expect("kept above");
        let from = s.tokens.partition_point(|t| t.span.start < a);
        let to = s.tokens.partition_point(|t| t.span.start < b);
        let tokens = s.tokens[from..to]
            .iter()
            .map(|t| Token {
                span: Span::new(t.span.start - a, t.span.end - a),
                ..*t
            })
            .collect();
        (tokens, s.classes[from..to].to_vec())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, window: Range<usize>) {
        let text = &sentence[window.clone()];
        let tokens = tokenize(text, |_| false);
        let classes = word_classes(text, &tokens);
        assert_eq!(
            window_tokens(sentence, window.clone()),
            (tokens, classes),
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
    fn a_window_has_the_tokens_it_would_have_alone() {
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
