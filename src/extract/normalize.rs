//! Folding: the typography-tolerant form of a text that every matcher runs on.
//!
//! The folded text is lowercase, has no diacritics ("Ramón" → "ramon"), straight
//! quotes, one space for every run of whitespace (line breaks included), one space
//! for a dash between two letters ("ice-pick" → "ice pick"), `-` for any other dash
//! ("1936–38" → "1936-38"), and no hyphen at a line break inside a word
//! ("Novem-\nber" → "november"). Every folded byte remembers the bytes of the original
//! it came from, so a match in the folded text maps back to an exact original span.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded text with its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the start of the original bytes it came from.
    starts: Vec<u32>,
    /// For each byte of `text`, the end of the original bytes it came from.
    ends: Vec<u32>,
}

impl Folded {
    /// The original byte range that the folded range `r` came from.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= r.end || r.start >= self.starts.len() {
            let p = self.orig_pos(r.start);
            return p..p;
        }
        let end = r.end.min(self.ends.len());
        self.starts[r.start] as usize..self.ends[end - 1] as usize
    }

    /// The original byte offset of folded position `pos` (the end of the text maps to
    /// the end of the last folded char).
    pub fn orig_pos(&self, pos: usize) -> usize {
        match self.starts.get(pos) {
            Some(&s) => s as usize,
            None => self.ends.last().map_or(0, |&e| e as usize),
        }
    }

    /// The first folded position whose original bytes start at or after `orig`.
    pub fn folded_pos(&self, orig: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < orig)
    }

    /// The folded range covering the original range `r`.
    pub fn folded_range(&self, r: Range<usize>) -> Range<usize> {
        self.folded_pos(r.start)..self.folded_pos(r.end)
    }

    fn push(&mut self, c: char, orig: Range<usize>) {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        self.text.push_str(s);
        for _ in 0..s.len() {
            // Documents over 4 GiB are refused when read; see lint::MAX_FILE_SIZE.
            self.starts.push(orig.start as u32);
            self.ends.push(orig.end as u32);
        }
    }

    fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }
}

/// Whether `c` is a dash or hyphen of any kind.
pub fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
    )
}

/// Whether `c` counts as whitespace in prose (no-break and zero-width spaces and the
/// byte-order mark included).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{2060}')
}

fn fold_quote(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{00b4}' => {
            Some('\'')
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
        | '\u{2033}' => Some('"'),
        _ => None,
    }
}

/// Folds `text` (see the module docs).
pub fn fold(text: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len()),
        ends: Vec::with_capacity(text.len()),
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        if is_space(c) {
            let mut run_end = end;
            while let Some(&(j, d)) = iter.peek() {
                if !is_space(d) {
                    break;
                }
                run_end = j + d.len_utf8();
                iter.next();
            }
            if !out.text.is_empty() && out.last_char() != Some(' ') {
                out.push(' ', i..run_end);
            }
            continue;
        }
        if c == '\u{00ad}' {
            continue; // soft hyphen
        }
        if is_dash(c) {
            let prev_letter = out.last_char().is_some_and(char::is_alphabetic);
            // A hyphen that ends a line inside a word joins the two halves.
            let rest = &text[end..];
            let after_space = rest.trim_start_matches(is_space);
            let gap = &rest[..rest.len() - after_space.len()];
            let next = after_space.chars().next();
            if prev_letter
                && gap.contains('\n')
                && !gap.contains("\n\n")
                && next.is_some_and(char::is_lowercase)
            {
                // Skip the hyphen and the line break.
                while let Some(&(_, d)) = iter.peek() {
                    if !is_space(d) {
                        break;
                    }
                    iter.next();
                }
                continue;
            }
            // A hyphen at the end of a line before a capital ("pro-\nBolshevik") is
            // still a hyphen between letters.
            let next_letter = rest
                .chars()
                .find(|c| !is_combining_mark(*c) && *c != '\u{00ad}')
                .is_some_and(char::is_alphabetic)
                || (gap.contains('\n') && next.is_some_and(char::is_alphabetic));
            if prev_letter && next_letter {
                out.push(' ', i..end);
                if !gap.is_empty() {
                    while iter.peek().is_some_and(|&(_, d)| is_space(d)) {
                        iter.next();
                    }
                }
            } else {
                out.push('-', i..end);
            }
            continue;
        }
        if let Some(q) = fold_quote(c) {
            out.push(q, i..end);
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase(), i..end);
            continue;
        }
        for l in c.to_lowercase() {
            decompose_canonical(l, |d| {
                if !is_combining_mark(d) {
                    out.push(fold_quote(d).unwrap_or(d), i..end);
                }
            });
        }
    }
    out
}

/// Folds a pattern (a term from a claims file) the same way as a document, trimmed.
pub fn fold_pattern(pattern: &str) -> String {
    fold(pattern.trim()).text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_case_diacritics_quotes_and_dashes() {
        let f = fold("Ramón’s  Ice-Pick\n“1936–38”");
        assert_eq!(f.text, "ramon's ice pick \"1936-38\"");
    }

    #[test]
    fn joins_a_word_hyphenated_across_a_line_break() {
        assert_eq!(fold("7 Novem-\nber 1879").text, "7 november 1879");
        // Not across a paragraph break, nor before a capital.
        assert_eq!(fold("pro-\nBolshevik").text, "pro bolshevik");
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let orig = "Ramón  Mercader";
        let f = fold(orig);
        let at = f.text.find("mercader").unwrap();
        let r = f.orig_range(at..at + "mercader".len());
        assert_eq!(&orig[r], "Mercader");
        let r = f.orig_range(0..5);
        assert_eq!(&orig[r], "Ramón");
    }

    #[test]
    fn folded_pos_inverts_orig_range() {
        let orig = "a  b\u{a0}c";
        let f = fold(orig);
        assert_eq!(f.text, "a b c");
        assert_eq!(f.folded_pos(0), 0);
        assert_eq!(f.folded_pos(3), 2);
        assert_eq!(f.folded_pos(orig.len()), f.text.len());
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s).text;
            prop_assert_eq!(fold(&once).text, once.clone());
        }

        #[test]
        fn folded_spans_stay_on_char_boundaries(s in "\\PC{0,40}") {
            let f = fold(&s);
            for (i, _) in f.text.char_indices() {
                let r = f.orig_range(i..f.text.len());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                prop_assert!(r.start <= r.end && r.end <= s.len());
            }
        }
    }
}
