//! The segments of the windows of one long sentence, taken from one cut of it.
//!
//! A long sentence is read in windows, one around each of its statements, and
//! each window is cut into segments as if it were a sentence of its own, with the
//! statement's value and trigger protected. Cutting every window anew costs the
//! window's length for every statement; most of that cut is the sentence's own.
//!
//! The cut is local: whether a piece starts at a token is read from the tokens
//! after the last cut point, looking ahead at most up to the next punctuation,
//! and a piece's kind from its own tokens and whether a piece comes before it. So
//! between two marks of cutting punctuation (commas, colons, parentheses…) that
//! lie inside the window and inside no protected span, the window's pieces are
//! those of the whole sentence cut with nothing protected. Only the stretches at
//! the window's two ends and those holding a protected span are cut anew.

use std::ops::Range;

use super::cut::{self, Cut};
use super::{Clause, Segment};
use crate::scan::tokens::{Token, WordClass, tokenize, word_class, word_classes};
use crate::span::reach::Reach;
use crate::span::{LocalSpan, Span};

/// One sentence cut once: its tokens, the punctuation that cuts it, and its pieces.
#[derive(Debug)]
pub struct SentenceCut {
    tokens: Vec<Token>,
    classes: Vec<WordClass>,
    /// The class of each token by its word alone: what a window that cuts
    /// off a word's neighbours reads it as (see [`word_classes`]).
    alone: Vec<WordClass>,
    /// The tokens (indices) that are cutting punctuation, with their character.
    marks: Vec<(usize, char)>,
    /// The pieces of the whole sentence, with nothing protected.
    pieces: Vec<Clause>,
}

impl SentenceCut {
    /// Cuts the folded `sentence`.
    pub fn new(sentence: &str) -> SentenceCut {
        let tokens = tokenize(sentence, |_| false);
        let classes = word_classes(sentence, &tokens);
        let alone = tokens
            .iter()
            .map(|t| {
                if t.is_word() {
                    word_class(t.text(sentence))
                } else {
                    WordClass::Other
                }
            })
            .collect();
        let marks = tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| cut::cutting_punct(sentence, t).map(|c| (i, c)))
            .collect();
        let pieces = cut::cut_range(
            sentence,
            &tokens,
            &classes,
            &[],
            0..tokens.len(),
            Cut::Word,
            false,
        );
        SentenceCut {
            tokens,
            classes,
            alone,
            marks,
            pieces,
        }
    }

    /// The indices of the tokens of `window` (byte offsets into the sentence).
    fn token_range(&self, window: &Range<usize>) -> Range<usize> {
        let from = self.tokens.partition_point(|t| t.span.start < window.start);
        let to = self.tokens.partition_point(|t| t.span.start < window.end);
        from..to
    }

    /// The tokens of `sentence[window]` and their classes, offsets relative to the
    /// window: those of the sentence, where the window starts after a space (or at
    /// the start) and ends before one (or at the end), for a token never holds a
    /// space nor reads past one.
    fn window_tokens(&self, window: Range<usize>) -> (Vec<Token>, Vec<WordClass>) {
        let a = window.start;
        let range = self.token_range(&window);
        let tokens = self.tokens[range.clone()]
            .iter()
            .map(|t| Token {
                span: Span::new(t.span.start - a, t.span.end - a),
                ..*t
            })
            .collect();
        // A word's class reads the two words before it and the one after
        // (a compound adjective's participle): at the window's edges, where
        // those are cut off, it is the word's own.
        let mut classes = self.classes[range.clone()].to_vec();
        let n = classes.len();
        for j in [0, 1, n.saturating_sub(1)] {
            if j < n {
                classes[j] = self.alone[range.start + j];
            }
        }
        (tokens, classes)
    }

    /// The segments of `sentence[window]` (offsets relative to the window), as
    /// [`super::segments_of`] cuts the window alone with `protected` (relative
    /// to the window) never cut. The window starts after a space and ends before
    /// one, as for [`SentenceCut::window_tokens`].
    pub fn window_segments(
        &self,
        sentence: &str,
        window: Range<usize>,
        protected: &[Range<usize>],
    ) -> Vec<Segment> {
        let text = &sentence[window.clone()];
        let a = window.start;
        let ta = self.token_range(&window).start;
        let (tokens, classes) = self.window_tokens(window);
        let n = tokens.len();
        let protected: Vec<LocalSpan> = protected.iter().cloned().map(Span::from).collect();
        let reach = Reach::new(protected.iter().copied());
        // The cutting marks inside the window, neither its first token nor its
        // last (a dash there is spaced in the sentence, not in the window), nor
        // in a protected span: window token indices.
        let from = self.marks.partition_point(|&(x, _)| x <= ta);
        let to = self.marks.partition_point(|&(x, _)| x + 1 < ta + n);
        let marks: Vec<(usize, char)> = self.marks[from..to.max(from)]
            .iter()
            .map(|&(x, c)| (x - ta, c))
            .filter(|&(i, _)| !reach.overlaps(tokens[i].span))
            .collect();
        let stretches = Stretches { marks: &marks, n };
        let dirty = stretches.dirty(&tokens, &protected);
        let mut out: Vec<Segment> = Vec::new();
        let mut k = 0;
        while k <= marks.len() {
            // A run of stretches between two marks, touching no protected span,
            // after a piece: the sentence's pieces.
            let run_end = dirty
                .iter()
                .copied()
                .find(|&d| d >= k)
                .unwrap_or(marks.len());
            let inner = k > 0 && k < run_end && !out.is_empty();
            let kept = inner
                .then(|| {
                    let run = stretches.range(k).start..stretches.range(run_end - 1).end;
                    self.kept_pieces(ta, run)
                })
                .flatten();
            if let Some(pieces) = kept {
                out.extend(pieces.iter().map(|c| Segment {
                    range: c.span.start - a..c.span.end - a,
                    ..Segment::of(c)
                }));
                k = run_end;
                continue;
            }
            let (range, first) = (stretches.range(k), stretches.opened(k));
            let has_previous = !out.is_empty();
            let cut = cut::cut_range(
                text,
                &tokens,
                &classes,
                &protected,
                range,
                first,
                has_previous,
            );
            out.extend(cut.iter().map(Segment::of));
            k += 1;
        }
        if out.is_empty() {
            out.push(Segment::of(&cut::whole(text, n)));
        }
        out
    }

    /// The sentence's pieces of the window's tokens `range` (stretches between
    /// cutting marks, after a piece), where they are the window's: the first of
    /// them is not the sentence's first piece (which was cut with no piece
    /// before it).
    fn kept_pieces(&self, ta: usize, range: Range<usize>) -> Option<&[Clause]> {
        let first = self
            .pieces
            .partition_point(|c| c.tokens.start < ta + range.start);
        let last =
            first + self.pieces[first..].partition_point(|c| c.tokens.start < ta + range.end);
        (first > 0 || first == last).then(|| &self.pieces[first..last])
    }
}

/// The stretches of a window's tokens between its cutting marks: stretch `k`
/// runs from the token after mark `k - 1` (or the first) to mark `k` (or the
/// last token).
struct Stretches<'m> {
    marks: &'m [(usize, char)],
    /// The window's token count.
    n: usize,
}

impl Stretches<'_> {
    fn range(&self, k: usize) -> Range<usize> {
        let start = k.checked_sub(1).map_or(0, |j| self.marks[j].0 + 1);
        let end = self.marks.get(k).map_or(self.n, |&(i, _)| i + 1);
        start..end
    }

    /// What opens stretch `k`: the mark before it, or nothing.
    fn opened(&self, k: usize) -> Cut {
        k.checked_sub(1)
            .map_or(Cut::Word, |j| Cut::Punct(self.marks[j].1))
    }

    /// The stretches cut anew, sorted: the first, the last, and those that a
    /// protected span touches.
    fn dirty(&self, tokens: &[Token], protected: &[LocalSpan]) -> Vec<usize> {
        let m = self.marks.len();
        let mut out = vec![0, m];
        for p in protected {
            // The first stretch ending at or after the span's start.
            let mut k = self
                .marks
                .partition_point(|&(i, _)| tokens[i].span.end < p.start);
            while k <= m {
                let r = self.range(k);
                if r.is_empty() || tokens[r.start].span.start > p.end {
                    break;
                }
                out.push(k);
                k += 1;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::clauses::segments_of;

    /// Every window of `sentence` cut at spaces, with `protected` (sentence
    /// offsets) moved into it, reads as the window cut alone.
    fn every_window(sentence: &str, protected: &[Range<usize>]) {
        let cut = SentenceCut::new(sentence);
        let mut bounds: Vec<usize> = vec![0];
        bounds.extend(sentence.match_indices(' ').map(|(i, _)| i));
        bounds.push(sentence.len());
        for (k, &a) in bounds.iter().enumerate() {
            let a = if a == 0 { 0 } else { a + 1 };
            for &b in &bounds[k..] {
                if b < a {
                    continue;
                }
                let text = &sentence[a..b];
                let local: Vec<Range<usize>> = protected
                    .iter()
                    .filter(|p| a <= p.start && p.end <= b)
                    .map(|p| p.start - a..p.end - a)
                    .collect();
                let tokens = tokenize(text, |_| false);
                let classes = word_classes(text, &tokens);
                assert_eq!(
                    cut.window_segments(sentence, a..b, &local),
                    segments_of(text, &tokens, &classes, &local),
                    "{sentence:?} {a}..{b} {local:?}"
                );
            }
        }
    }

    fn find(text: &str, w: &str) -> Range<usize> {
        let s = text.find(w).unwrap();
        s..s + w.len()
    }

    #[test]
    fn a_window_has_the_tokens_it_would_have_alone() {
        let s = "in 1,517 cases the brothers' father didn't go, it's 3.5 km: b52s flew.";
        let cut = SentenceCut::new(s);
        for (a, b) in [(0, 8), (9, 14), (15, 28), (3, s.len()), (0, s.len())] {
            let tokens = tokenize(&s[a..b], |_| false);
            let classes = word_classes(&s[a..b], &tokens);
            assert_eq!(cut.window_tokens(a..b), (tokens, classes), "{a}..{b}");
        }
    }

    #[test]
    fn a_window_has_the_segments_it_would_have_alone() {
        let s = "in 1902, he escaped exile, having won the toss, and became chairman in 1917, \
                 born on august 21, 1940 - he said that it ran an engine that weighed 170 pounds \
                 (where they were born), with 40 lives lost: and wilbur, born in 1867, were brothers";
        every_window(s, &[]);
        every_window(s, &[find(s, "august 21, 1940"), find(s, "became chairman")]);
        every_window(s, &[find(s, "1867"), find(s, "were")]);
        every_window(s, &[find(s, "lost: and"), find(s, "(where")]);
    }

    const PIECES: &[&str] = &[
        "he", "was", "born", "in", "1871", ",", ":", "-", "(", ")", "and", "but", "that", "the",
        "engine", "with", "lives", "lost", "when", "after", "probably", "died", "having", "where",
        "orville", "a", "'s",
    ];

    proptest::proptest! {
        #[test]
        fn generated_windows(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24),
            glue in proptest::collection::vec(proptest::bool::weighted(0.8), 24),
            protected in proptest::collection::vec((0usize..120, 0usize..12), 0..3),
        ) {
            let mut s = String::new();
            for (k, &i) in picks.iter().enumerate() {
                s.push_str(PIECES[i]);
                if glue[k] {
                    s.push(' ');
                }
            }
            let s = s.trim_end().to_string();
            let protected: Vec<Range<usize>> = protected
                .iter()
                .map(|&(p, l)| p.min(s.len())..(p + l).min(s.len()))
                .collect();
            every_window(&s, &protected);
        }
    }
}
