//! Breaks that punctuation and blank lines make: a blank line ends a paragraph, a
//! bullet line starts a sentence, and a sentence ends at `.`, `!`, `?` or `…`
//! (with any closing quotes or brackets) followed by space and a word that may
//! start a sentence, except after an abbreviation, an initial or a list number, or
//! inside an address.

use std::ops::Range;

use super::{Break, is_bullet, is_closer};
use crate::document::addresses;
use crate::lexicon;

/// The breaks that blank lines, bullets and final punctuation make.
pub(super) fn punctuation_breaks(
    text: &str,
    addresses: &[Range<usize>],
    starts: &mut Vec<(usize, Break)>,
) {
    let mut marks = MarkFinder::new(text.as_bytes());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Every other char is passed over: go straight to the next that may break.
        i = marks.next_at(i);
        if i == text.len() {
            break;
        }
        let c = text[i..].chars().next().expect("i is a char boundary");
        let len = c.len_utf8();
        if c == '\n' {
            i = line_break(text, i, starts);
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            let mut j = i + len;
            while j < text.len() {
                let d = text[j..].chars().next().expect("char boundary");
                if !(is_closer(d) || d == '.' || d == '!' || d == '?') {
                    break;
                }
                j += d.len_utf8();
            }
            if addresses::overlaps(addresses, &(i..i + 1)) || ends_list_number(text, i) {
                i = j;
                continue;
            }
            // "Purges.Sedov": a scraped page lost the space after a full stop.
            if c == '.' && j == i + 1 && glued_sentence(text, i) {
                starts.push((j, Break::Sentence));
                i = j;
                continue;
            }
            // Control characters (a NUL, a form feed) stand between sentences
            // as spaces do.
            let gap = |d: char| matches!(d, ' ' | '\u{a0}') || d.is_control();
            let ws_end = j + (text[j..].len() - text[j..].trim_start_matches(gap).len());
            if ws_end > j && ws_end < text.len() && !text[j..ws_end].contains("\n\n") {
                let next = text[ws_end..].chars().next().expect("not at end");
                let ends = match c {
                    '.' => may_start_sentence(next) && !is_abbreviation(text, i),
                    _ => !next.is_lowercase(),
                };
                if ends && bytes.get(i + 1) != Some(&b'.') {
                    starts.push((ws_end, Break::Sentence));
                }
            }
            i = j;
            continue;
        }
        i += len;
    }
}

/// Where the first line break, `.`, `!`, `?` or `…` at or after byte `i` starts
/// (the text's length if none).
#[cfg(test)]
fn next_mark(bytes: &[u8], i: usize) -> usize {
    MarkFinder::new(bytes).next_at(i)
}

/// The search for the line breaks, `.`, `!`, `?` and `…` of a text, asked at
/// positions that never go back. A byte search: these are ASCII bytes, which
/// start a char wherever they stand, and 0xE2, which only starts one (then `…`
/// is told by its two other bytes). Two vector searches (`memchr3` for the
/// common bytes, `memchr2` for `!` and `?`) each remember where they stopped,
/// so every byte is read once by each, a vector at a time.
struct MarkFinder<'t> {
    bytes: &'t [u8],
    /// The next line break, `.` or 0xE2 at or after the last position asked.
    common: usize,
    /// The next `!` or `?` at or after the last position asked.
    rare: usize,
    /// The last position asked: the cursors hold for it and any after it up
    /// to them.
    asked: usize,
}

impl<'t> MarkFinder<'t> {
    fn new(bytes: &'t [u8]) -> MarkFinder<'t> {
        MarkFinder {
            bytes,
            common: 0,
            rare: 0,
            asked: usize::MAX,
        }
    }

    /// The first mark at or after byte `i` (the text's length if none); `i`
    /// is at or after the position asked before.
    fn next_at(&mut self, mut i: usize) -> usize {
        let len = self.bytes.len();
        if self.asked == usize::MAX || i < self.asked {
            self.common = i;
            self.rare = i;
            self.asked = i;
            self.refresh(i, true, true);
        }
        loop {
            self.asked = i;
            self.refresh(i, self.common < i, self.rare < i);
            let at = self.common.min(self.rare);
            if at >= len {
                return len;
            }
            if self.bytes[at] != 0xE2 || self.bytes[at + 1..].starts_with(&[0x80, 0xA6]) {
                return at;
            }
            i = at + 1;
        }
    }

    /// Moves the cursors that stand before `i` to their next byte at or after it.
    fn refresh(&mut self, i: usize, common: bool, rare: bool) {
        let len = self.bytes.len();
        let rest = &self.bytes[i.min(len)..];
        if common {
            self.common = memchr::memchr3(b'\n', b'.', 0xE2, rest).map_or(len, |k| i + k);
        }
        if rare {
            self.rare = memchr::memchr2(b'!', b'?', rest).map_or(len, |k| i + k);
        }
    }
}

/// Whether the period at `dot` ends the number opening a list item ("1. They
/// come …", "• 2. In which …"): it ends no sentence. Looks back a bounded stretch.
fn ends_list_number(text: &str, dot: usize) -> bool {
    let bytes = text.as_bytes();
    let digits = bytes[..dot]
        .iter()
        .rev()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let end = dot - digits;
    let mut lo = end.saturating_sub(16);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let window = &text[lo..end];
    let head = match window.rfind('\n') {
        Some(n) => &window[n + 1..],
        None if lo == 0 => window,
        None => return false,
    };
    head.trim()
        .trim_start_matches(['\u{2022}', '\u{b7}', '\u{25aa}', '\u{25cf}', '*', '-', '+'])
        .trim()
        .is_empty()
}

/// At the line break at `i`: a blank line ends the paragraph, a bullet line starts
/// a sentence. Returns where to go on.
fn line_break(text: &str, i: usize, starts: &mut Vec<(usize, Break)>) -> usize {
    // A blank line (only spaces between two line breaks) ends the paragraph.
    let mut j = i + 1;
    let mut breaks = 1;
    while j < text.len() {
        let d = text[j..].chars().next().expect("char boundary");
        if d == '\n' {
            breaks += 1;
        } else if !d.is_whitespace() {
            break;
        }
        j += d.len_utf8();
    }
    if breaks >= 2 {
        if j < text.len() {
            starts.push((j, Break::Paragraph));
        }
        return j;
    }
    let next = i + 1;
    let line_end = text[next..].find('\n').map_or(text.len(), |e| next + e);
    let line = &text[next..line_end];
    if is_bullet(line) {
        starts.push((
            next + (line.len() - line.trim_start().len()),
            Break::Sentence,
        ));
    }
    next
}

fn may_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\''
                | '\u{201c}'
                | '\u{2018}'
                | '('
                | '['
                | '\u{ab}'
                | '\u{2022}'
                | '*'
                | '-'
                | '#'
                | '>'
        )
}

/// Whether the word ending just before a period at `dot` is an abbreviation or an
/// initial, so that the period does not end the sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().expect("word is not empty");
    // An initial: one capital letter ("L. Martov").
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    let lower = word.to_lowercase();
    let next_is_digit = text[dot + 1..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    lexicon::is(lexicon::ABBREVIATIONS, &lower)
        || (next_is_digit && lexicon::is(lexicon::NUMBER_ABBREVIATIONS, &lower))
        || (matches!(lower.as_str(), "a.m" | "p.m") && zone_follows(&text[dot + 1..]))
        || (first.is_uppercase() && weekday_before_date(&lower, &text[dot + 1..]))
}

/// Whether `word` (lowercase) is a weekday's name cut short ("thu", "thurs",
/// "sat") and the text after its dot goes on with a day or a month: "Thu. 10
/// April 1912", "Sat. May 3". A whole name ("Thursday.") ends sentences, and so
/// does a short one before other words ("They sat. Then …"); the caller asks
/// for a capital, as a weekday has and a verb inside a sentence has not.
fn weekday_before_date(word: &str, after: &str) -> bool {
    let short = crate::extract::calendar::Weekday::from_name(word)
        .is_some_and(|w| word.len() < w.name().len());
    if !short {
        return false;
    }
    let next = after.trim_start();
    next.starts_with(|c: char| c.is_ascii_digit())
        || next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| {
                w.len() >= 3
                    && crate::extract::calendar::MONTH_NAMES
                        .iter()
                        .any(|m| m.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w)))
            })
}

/// Whether a time zone opens `rest` ("3:15 a.m. Moscow time", "10 p.m. EST"):
/// the zone goes with the time before it.
fn zone_follows(rest: &str) -> bool {
    let head: String = rest
        .trim_start()
        .chars()
        .take(40)
        .collect::<String>()
        .to_lowercase();
    let zone_at = |name: &str| {
        head.strip_prefix(name)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    };
    zone_at("local time") || lexicon::TIME_ZONES.iter().any(|(name, _)| zone_at(name))
}

/// A full stop with no space after it that still ends a sentence: a lowercase word
/// of two letters or more before it, a capitalised word after it ("Purges.Sedov").
fn glued_sentence(text: &str, dot: usize) -> bool {
    let mut before = text[..dot].chars().rev();
    let mut after = text[dot + 1..].chars();
    before.next().is_some_and(char::is_lowercase)
        && before.next().is_some_and(char::is_lowercase)
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The char-by-char search that [`next_mark`] replaces.
    fn next_mark_by_char(text: &str, i: usize) -> usize {
        text[i..]
            .char_indices()
            .find(|&(_, c)| matches!(c, '\n' | '.' | '!' | '?' | '\u{2026}'))
            .map_or(text.len(), |(k, _)| i + k)
    }

    /// [`glued_sentence`] as it was, over a list of the chars before the dot.
    fn glued_sentence_by_list(text: &str, dot: usize) -> bool {
        let before: Vec<char> = text[..dot].chars().rev().take(2).collect();
        let mut after = text[dot + 1..].chars();
        before.len() == 2
            && before.iter().all(|c| c.is_lowercase())
            && after.next().is_some_and(char::is_uppercase)
            && after.next().is_some_and(char::is_lowercase)
    }

    proptest! {
        #[test]
        fn glued_sentence_reads_as_the_list_did(text in "[aZ.\u{e9}\u{c9}1 ]{0,12}") {
            for (dot, _) in text.match_indices('.') {
                prop_assert_eq!(glued_sentence(&text, dot), glued_sentence_by_list(&text, dot));
            }
        }

        #[test]
        fn next_mark_finds_what_the_char_walk_finds(
            text in "[a. !?\n\u{2026}\u{2025}\u{2013}\u{201c}\u{e9}\u{1f600}]{0,40}",
            from in 0usize..40,
        ) {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let i = starts.get(from).copied().unwrap_or(text.len());
            prop_assert_eq!(next_mark(text.as_bytes(), i), next_mark_by_char(&text, i));
        }

        #[test]
        fn one_finder_asked_again_and_again_finds_what_the_char_walk_finds(
            text in "[a. !?\n\u{2026}\u{2025}\u{2013}\u{201c}\u{e9}\u{1f600}]{0,60}",
            steps in proptest::collection::vec(0usize..6, 0..20),
        ) {
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut finder = MarkFinder::new(text.as_bytes());
            let mut k = 0;
            for step in steps {
                k = (k + step).min(starts.len() - 1);
                let i = starts[k];
                prop_assert_eq!(finder.next_at(i), next_mark_by_char(&text, i));
            }
        }
    }

    #[test]
    fn next_mark_skips_other_chars_led_by_the_same_byte() {
        // "–" (E2 80 93) and "“" (E2 80 9C) share the lead byte of "…".
        assert_eq!(next_mark("a\u{2013}b\u{201c}c\u{2026}".as_bytes(), 0), 9);
        assert_eq!(next_mark("ab\u{2013}".as_bytes(), 0), 5);
        assert_eq!(next_mark("ab.cd".as_bytes(), 3), 5);
        assert_eq!(next_mark("\n".as_bytes(), 0), 0);
    }
}
