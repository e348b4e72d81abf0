//! Folding: the typography-tolerant form of a text that every matcher runs on.
//!
//! The folded text is lowercase, has no diacritics ("Ramón" → "ramon"), straight
//! quotes, one space for every run of whitespace (line breaks included), one space
//! for a dash between two letters ("ice-pick" → "ice pick"), `-` for any other dash
//! ("1936–38" → "1936-38"), and no hyphen at a line break inside a word
//! ("Novem-\nber" → "november"). Every folded byte remembers the bytes of the original
//! it came from, so a match in the folded text maps back to an exact original span;
//! the map is sparse (see [`offsets`]), so it costs nothing where folding changes
//! nothing.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

mod offsets;

#[cfg(test)]
pub use offsets::DenseMap;
pub use offsets::{OffsetMap, Record};

/// A folded text with its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the original bytes it came from.
    map: OffsetMap,
}

impl Folded {
    /// The original byte range that the folded range `r` came from.
    pub fn orig_range(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= r.end || r.start >= self.map.len() {
            let p = self.orig_pos(r.start);
            return p..p;
        }
        let end = r.end.min(self.map.len());
        self.map.start(&self.text, r.start)..self.map.end(&self.text, end - 1)
    }

    /// The original byte offset of folded position `pos` (the end of the text maps to
    /// the end of the last folded char).
    pub fn orig_pos(&self, pos: usize) -> usize {
        if pos < self.map.len() {
            self.map.start(&self.text, pos)
        } else {
            self.map.last_end(&self.text).unwrap_or(0)
        }
    }

    /// The first folded position whose original bytes start at or after `orig`.
    pub fn folded_pos(&self, orig: usize) -> usize {
        self.map.first_starting_at(&self.text, orig)
    }

    /// The folded range covering the original range `r`.
    pub fn folded_range(&self, r: Range<usize>) -> Range<usize> {
        self.folded_pos(r.start)..self.folded_pos(r.end)
    }
}

/// The folded text being built, and what records its map.
struct Out<'a, M: Record> {
    text: String,
    map: &'a mut M,
}

impl<M: Record> Out<'_, M> {
    fn push(&mut self, c: char, orig: Range<usize>) {
        self.text.push(c);
        self.map.record_char(c.len_utf8(), orig);
    }

    /// A run of ASCII that folds to itself but for case, from original offset
    /// `orig`.
    fn push_ascii(&mut self, run: &str, orig: usize) {
        let start = self.text.len();
        self.text.push_str(run);
        self.text[start..].make_ascii_lowercase();
        self.map.record_aligned(run.len(), orig);
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

/// The characters that folding writes as the plain apostrophe `'`.
pub const APOSTROPHES: [char; 7] = [
    '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}', '\u{2032}', '`', '\u{00b4}',
];

fn fold_quote(c: char) -> Option<char> {
    match c {
        c if APOSTROPHES.contains(&c) => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
        | '\u{2033}' => Some('"'),
        _ => None,
    }
}

/// Folds `text` (see the module docs).
pub fn fold(text: &str) -> Folded {
    let mut map = OffsetMap::default();
    let mut folded = fold_into(text, &mut map);
    folded.shrink_to_fit();
    map.shrink_to_fit();
    Folded { text: folded, map }
}

/// Whether an ASCII byte folds to itself but for case: not whitespace, not a
/// dash, not a quote that folding straightens.
fn folds_plain(b: u8) -> bool {
    PLAIN[usize::from(b)]
}

/// [`folds_plain`] for every byte, looked up: the loop over a run reads one
/// table entry a byte instead of testing ranges.
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !matches!(b as u8, b'\t'..=b'\r' | b' ' | b'-' | b'`');
        b += 1;
    }
    table
};

/// The length of the run at the start of `bytes` that folds to itself but for
/// case: plain ASCII (see [`folds_plain`]), and single spaces between two plain
/// bytes (a space after a plain char and before one stays one space).
fn plain_run(bytes: &[u8]) -> usize {
    let mut j = 0;
    while j < bytes.len() {
        let b = bytes[j];
        if !folds_plain(b) {
            let lone_space = b == b' '
                && j > 0
                && folds_plain(bytes[j - 1])
                && bytes.get(j + 1).is_some_and(|&n| folds_plain(n));
            if !lone_space {
                break;
            }
        }
        j += 1;
    }
    j
}

/// The end of the run of spaces (see [`is_space`]) that starts at `from`.
fn space_run_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, d)| !is_space(d))
        .map_or(text.len(), |(j, _)| from + j)
}

/// Folds `text`, recording where each folded char came from in `map`.
fn fold_into<M: Record>(text: &str, map: &mut M) -> String {
    let mut out = Out {
        text: String::with_capacity(text.len()),
        map,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // A run of ASCII that folds to itself but for case is copied at once.
        let plain = plain_run(&bytes[i..]);
        if plain > 0 {
            out.push_ascii(&text[i..i + plain], i);
            i += plain;
            continue;
        }
        let c = text[i..].chars().next().expect("a char boundary");
        let end = i + c.len_utf8();
        i = end;
        if is_space(c) {
            let run_end = space_run_end(text, end);
            if !out.text.is_empty() && out.last_char() != Some(' ') {
                out.push(' ', end - c.len_utf8()..run_end);
            }
            i = run_end;
            continue;
        }
        if c == '\u{00ad}' {
            continue; // soft hyphen
        }
        if is_dash(c) {
            i = fold_dash(text, end - c.len_utf8()..end, &mut out);
            continue;
        }
        if let Some(q) = fold_quote(c) {
            out.push(q, end - c.len_utf8()..end);
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase(), end - c.len_utf8()..end);
            continue;
        }
        for l in c.to_lowercase() {
            decompose_canonical(l, |d| {
                if !is_combining_mark(d) {
                    out.push(fold_quote(d).unwrap_or(d), end - c.len_utf8()..end);
                }
            });
        }
    }
    out.text
}

/// Folds the dash at `at`; answers where folding goes on.
fn fold_dash<M: Record>(text: &str, at: Range<usize>, out: &mut Out<'_, M>) -> usize {
    let end = at.end;
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
        return end + gap.len();
    }
    // A hyphen at the end of a line before a capital ("pro-\nBolshevik") is
    // still a hyphen between letters.
    let next_letter = rest
        .chars()
        .find(|c| !is_combining_mark(*c) && *c != '\u{00ad}')
        .is_some_and(char::is_alphabetic)
        || (gap.contains('\n') && next.is_some_and(char::is_alphabetic));
    if prev_letter && next_letter {
        out.push(' ', at);
        return end + gap.len();
    }
    out.push('-', at);
    end
}

/// Folds a pattern (a term from a claims file) the same way as a document, trimmed.
pub fn fold_pattern(pattern: &str) -> String {
    fold(pattern.trim()).text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::offsets::DenseMap;
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

    /// The folded text and the dense map of the old folding: two offsets per byte.
    fn dense_fold(s: &str) -> (String, DenseMap) {
        let mut dense = DenseMap::default();
        let text = fold_into(s, &mut dense);
        (text, dense)
    }

    /// `Folded::orig_pos` as it was on the dense map.
    fn dense_orig_pos(d: &DenseMap, pos: usize) -> usize {
        match d.starts.get(pos) {
            Some(&s) => s as usize,
            None => d.ends.last().map_or(0, |&e| e as usize),
        }
    }

    /// `Folded::orig_range` as it was on the dense map.
    fn dense_orig_range(d: &DenseMap, r: Range<usize>) -> Range<usize> {
        if r.start >= r.end || r.start >= d.starts.len() {
            let p = dense_orig_pos(d, r.start);
            return p..p;
        }
        let end = r.end.min(d.ends.len());
        d.starts[r.start] as usize..d.ends[end - 1] as usize
    }

    /// `Folded::folded_pos` as it was on the dense map.
    fn dense_folded_pos(d: &DenseMap, orig: usize) -> usize {
        d.starts.partition_point(|&s| (s as usize) < orig)
    }

    /// Every lookup of the sparse map of `s` agrees with the dense map's.
    fn assert_maps_agree(s: &str) -> Result<(), TestCaseError> {
        let f = fold(s);
        let (text, dense) = dense_fold(s);
        prop_assert_eq!(&f.text, &text);
        prop_assert_eq!(dense.starts.len(), text.len());
        let n = text.len();
        for a in 0..=n + 1 {
            prop_assert_eq!(f.orig_pos(a), dense_orig_pos(&dense, a), "orig_pos {}", a);
            for b in 0..=n + 1 {
                prop_assert_eq!(
                    f.orig_range(a..b),
                    dense_orig_range(&dense, a..b),
                    "orig_range {}..{}",
                    a,
                    b
                );
            }
        }
        for o in 0..=s.len() + 1 {
            prop_assert_eq!(
                f.folded_pos(o),
                dense_folded_pos(&dense, o),
                "folded_pos {}",
                o
            );
            for e in o..=s.len() + 1 {
                let want = dense_folded_pos(&dense, o)..dense_folded_pos(&dense, e);
                prop_assert_eq!(f.folded_range(o..e), want);
            }
        }
        Ok(())
    }

    #[test]
    fn the_sparse_map_agrees_with_the_dense_one_on_typography() {
        for s in [
            "",
            "Ramón’s  Ice-Pick\n“1936–38”",
            "7 Novem-\nber 1879, pro-\nBolshevik",
            "  \u{a0}lead\u{ad}ing\u{200b} space\t\n",
            "Жена́ İstanbul 한국 straße ﬁne «quoted» ‘x’",
            "a - b -- c-\n\nd e\u{301}-f",
        ] {
            assert_maps_agree(s).unwrap();
        }
    }

    #[test]
    fn unchanged_ascii_folds_with_a_single_breakpoint() {
        let f = fold("the flight lasted 12 seconds.\nit was cold.");
        assert_eq!(f.map.breaks(), 1);
        let f = fold("The Flight — “twelve” seconds");
        // Capitals keep the alignment; the dash and each quote are a breakpoint, and
        // the alignment resumes after each.
        assert_eq!(f.text, "the flight - \"twelve\" seconds");
        assert_eq!(f.map.breaks(), 7);
    }

    proptest! {
        #[test]
        fn the_sparse_map_agrees_with_the_dense_one(
            s in "[a-zA-Z0-9 .,;\t\n\u{a0}\u{ad}\u{200b}\u{2010}\u{2013}\u{2014}'\"\u{2018}\u{2019}\u{201c}\u{201d}\u{ab}\u{bb}\u{e9}\u{c9}\u{f1}\u{e7}\u{fc}\u{c5}\u{e6}\u{301}\u{436}\u{416}\u{3a9}\u{ac00}\u{130}\u{df}\u{fb01}-]{0,48}"
        ) {
            assert_maps_agree(&s)?;
        }

        #[test]
        fn the_sparse_map_agrees_with_the_dense_one_on_any_text(s in "\\PC{0,24}") {
            assert_maps_agree(&s)?;
        }

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
