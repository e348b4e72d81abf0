//! The matches of a cue regex in a window of a long sentence, taken from its
//! matches in the whole sentence.
//!
//! A window starts after a space and ends before one, and the cue regexes have
//! no anchors: a match in the window is a match in the sentence, its word
//! boundaries read alike (a space or the window's edge is no word character).
//! So a search from a position of the window finds what the same search in the
//! sentence finds, wherever that match ends inside the window: its start is the
//! leftmost of both, and among the matches there it is first in both. The
//! sentence is searched once; a window reads its own text only where a
//! sentence's match crosses one of its edges.

use std::ops::Range;

use crate::re::Regex;

/// A match: the whole of it, and its `cue` group (the whole where it has none).
pub(super) type Found = (Range<usize>, Range<usize>);

/// Every match of `re` in `text`, as `captures_iter` finds them.
pub(super) fn all(re: &Regex, text: &str) -> Vec<Found> {
    re.captures_iter(text).map(|c| found(&c, 0)).collect()
}

fn found(c: &crate::re::Captures, shift: usize) -> Found {
    let m = c.get(0).expect("group 0").range();
    let name = c.name("cue").map_or(m.clone(), |n| n.range());
    (
        m.start + shift..m.end + shift,
        name.start + shift..name.end + shift,
    )
}

/// The matches of `re` in `sentence[window]` (offsets relative to the window),
/// as [`all`] of the window finds them, given `whole`, [`all`] of the sentence
/// (none of them empty). The window starts after a space (or at the start) and
/// ends before one (or at the end).
pub(super) fn in_window(
    re: &Regex,
    sentence: &str,
    window: Range<usize>,
    whole: &[Found],
) -> Vec<Found> {
    let (a, b) = (window.start, window.end);
    let text = &sentence[a..b];
    let mut out = Vec::new();
    // Where the search stands, in sentence offsets.
    let mut p = a;
    // Where a match of the sentence crosses the search's position, the window's
    // own matches are read until one ends where none crosses.
    loop {
        let k = whole.partition_point(|m| m.0.start < p);
        if k == 0 || whole[k - 1].0.end <= p {
            break;
        }
        match re.captures_at(text, p - a) {
            Some(c) => {
                let m = found(&c, 0);
                p = a + m.0.end;
                out.push(m);
            }
            None => return out,
        }
    }
    // From there on, the search finds the sentence's matches, while they end
    // inside the window.
    let mut k = whole.partition_point(|m| m.0.start < p);
    while let Some(m) = whole.get(k).filter(|m| m.0.end <= b) {
        out.push((m.0.start - a..m.0.end - a, m.1.start - a..m.1.end - a));
        k += 1;
    }
    // The next one crosses the window's end (or there is none): no match of the
    // window starts before it, and the window's own are read from there.
    if let Some(m) = whole.get(k).filter(|m| m.0.start < b) {
        let mut at = m.0.start - a;
        while let Some(c) = re.captures_at(text, at) {
            let m = found(&c, 0);
            at = m.0.end.max(at + 1);
            out.push(m);
            if at > text.len() {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every window of `sentence` cut at spaces reads as the window searched alone.
    fn every_window(re: &Regex, sentence: &str) {
        let whole = all(re, sentence);
        assert!(whole.iter().all(|m| !m.0.is_empty()));
        let mut bounds: Vec<usize> = vec![0];
        bounds.extend(sentence.match_indices(' ').map(|(i, _)| i + 1));
        let mut ends: Vec<usize> = sentence.match_indices(' ').map(|(i, _)| i).collect();
        ends.push(sentence.len());
        for &a in &bounds {
            for &b in ends.iter().filter(|&&b| b >= a) {
                assert_eq!(
                    in_window(re, sentence, a..b, &whole),
                    all(re, &sentence[a..b]),
                    "{sentence:?} {a}..{b}"
                );
            }
        }
    }

    fn regexes() -> Vec<Regex> {
        [
            r"\b(?:no one|not|no|n't)\b",
            r"\b(?:according to|by)(?: [a-z]+){1,3}",
            r"\b(?P<cue>said|claimed) (?:(?:he|she)\b|to be\b)",
            r"\bit (?:is|was)(?: [a-z]+ly)? (?:said|thought)\b|\bsome (?:say|said)\b",
        ]
        .iter()
        .map(|p| Regex::new(p).unwrap())
        .collect()
    }

    #[test]
    fn windows_find_what_they_would_alone() {
        for s in [
            "according to the family of the man it is widely said he claimed to be no one",
            "by the river it was thought not, some say, according to them, no one did",
            "she said he was not there and no one claimed she did according to",
        ] {
            for re in regexes() {
                every_window(&re, s);
            }
        }
    }

    const PIECES: &[&str] = &[
        "according",
        "to",
        "the",
        "family",
        "by",
        "it",
        "is",
        "was",
        "widely",
        "said",
        "he",
        "she",
        "claimed",
        "be",
        "no",
        "one",
        "not",
        "didn't",
        "some",
        "say",
        "thought",
        ",",
        "é",
    ];

    proptest::proptest! {
        #[test]
        fn generated_windows(picks in proptest::collection::vec(0..PIECES.len(), 0..30)) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
            for re in regexes() {
                every_window(&re, &s);
            }
        }
    }
}
