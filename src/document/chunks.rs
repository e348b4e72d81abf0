//! A big plain-text file cut into parts at paragraph breaks, so that each part can
//! be made a document of its own and checked apart from the others.
//!
//! A part ends after a run of blank lines and the next starts on a line with words,
//! so no sentence, paragraph, list or table is split. A paragraph holding a
//! suppression directive (`factlint: ignore[…]`) is never the last of a part: the
//! directive silences the sentence after it, which must stay in the same part.
//!
//! A part's end is found in its own text ([`Cut`]), so a file read a piece at a
//! time is cut where its whole text would be.

use std::ops::Range;

/// The parts of `text`, in order, covering it: each at least `size` bytes long
/// (the last may be shorter), cut where a paragraph ends. A text with no paragraph
/// break after `size` bytes is one part.
pub fn paragraph_parts(text: &str, size: usize) -> Parts<'_> {
    Parts {
        text,
        size: size.max(1),
        at: 0,
    }
}

/// The iterator of [`paragraph_parts`].
#[derive(Debug, Clone)]
pub struct Parts<'t> {
    text: &'t str,
    size: usize,
    at: usize,
}

impl Iterator for Parts<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.at >= self.text.len() {
            return None;
        }
        let start = self.at;
        let end = Cut::new(self.size)
            .find(&self.text[start..], true)
            .map_or(self.text.len(), |end| start + end);
        self.at = end;
        Some(start..end)
    }
}

/// The search for the end of one part, in the text of the part read so far: it
/// goes on where it stopped when more of the text comes, and finds the end that
/// [`paragraph_parts`] finds in the whole text.
///
/// A part may end at the first place, at or after `size` bytes, that is the start
/// of a line with words that follows one or more blank lines and
/// [`stands_alone`], where the text since the last such place (or since the
/// part's start) holds no suppression directive.
#[derive(Debug, Clone)]
pub struct Cut {
    size: usize,
    /// The start of the next line to look at, once the search has begun.
    line: Option<usize>,
    /// How far that line is known to hold no newline: a long line that comes a
    /// block at a time is searched once, not again with every block.
    searched: usize,
    /// The start of the text that must hold no directive.
    since: usize,
    /// The end of the last line with words.
    words_end: Option<usize>,
    blank_before: bool,
}

impl Cut {
    /// The search for the end of a part of at least `size` bytes.
    pub fn new(size: usize) -> Cut {
        Cut {
            size: size.max(1),
            line: None,
            searched: 0,
            since: 0,
            words_end: None,
            blank_before: false,
        }
    }

    /// Where the part whose text so far is `text` ends, looking only at lines that
    /// `text` holds whole (all of them where `all`: the text is the whole rest of
    /// the file). `None`: not in what `text` holds; call again, with the same
    /// text and more after it, once more is read.
    pub fn find(&mut self, text: &str, all: bool) -> Option<usize> {
        let bytes = text.as_bytes();
        if !all && bytes.len() < self.size {
            return None;
        }
        let mut line = match self.line {
            Some(line) => line,
            None => line_start(bytes, self.size.min(bytes.len())),
        };
        while line < bytes.len() {
            let end = line_end(bytes, line.max(self.searched));
            if end == bytes.len() && !all {
                self.searched = end;
                break;
            }
            let blank = is_blank(&bytes[line..end]);
            if let (false, true, Some(before)) = (blank, self.blank_before, self.words_end)
                && stands_alone(&text[..before], &text[line..])
            {
                if !crate::suppress::mentions_directive(&text[self.since..line]) {
                    return Some(line);
                }
                self.since = line;
            }
            if !blank {
                self.words_end = Some(end);
            }
            self.blank_before = blank;
            line = end + 1;
        }
        self.line = Some(line);
        None
    }
}

/// Whether the paragraph that starts `after` owes nothing to the text `before`
/// it: the paragraph before ends a sentence with a full stop or an exclamation
/// mark (not a question its answer may follow, a label, a heading, nor the "…"
/// of a cut sentence), and the one after starts a sentence of its own (a capital
/// or a digit, not the lower-case word or the comma of a sentence resumed after
/// an inserted card).
fn stands_alone(before: &str, after: &str) -> bool {
    let last = before
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    let ends = (last.ends_with('.') || last.ends_with('!'))
        && !last.ends_with("..")
        && !last.ends_with('\u{2026}');
    let starts = after
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    ends && starts
}

/// The text of a paragraph part (see [`paragraph_parts`]) that a check of
/// its units up to byte `reach` reads: `keep` is the start of the block (a run
/// of lines with words) after the one holding `reach`, and the text runs to
/// that block's end (`end`), its line break included: a unit before `keep`
/// looks ahead no further than the unit after it (a choice reads whether the
/// next unit is one, a card's title line the line after its summary's blank
/// line), and a unit ends at a blank line. Blank as the sentences take it: a
/// line of white space of any kind. The text runs on over the blocks after
/// that one until it holds more than `least` bytes from `keep` (the longest
/// term form, which could run from before `keep` to past a shorter end).
/// `None` where no text follows.
pub fn prefix_through(text: &str, reach: usize, least: usize) -> Option<Prefix> {
    let bytes = text.as_bytes();
    let mut line = line_end(bytes, reach.min(bytes.len())) + 1;
    let mut keep = None;
    let mut blank_before = false;
    while line < bytes.len() {
        let end = line_end(bytes, line);
        let blank = text[line..end].trim().is_empty();
        match keep {
            None if !blank && blank_before => keep = Some(line),
            Some(keep) if blank && !blank_before && line - keep > least => {
                return Some(Prefix { keep, end: line });
            }
            _ => {}
        }
        blank_before = blank;
        line = end + 1;
    }
    None
}

/// The part of a text a check reads ([`prefix_through`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    /// The units that start before it are those of the whole text.
    pub keep: usize,
    /// Where the text read ends.
    pub end: usize,
}

/// The start of the line that holds byte `at`.
fn line_start(bytes: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1)
}

/// The offset of the first newline at or after `at`: the end of the line that
/// holds `at` (the text's length on the last line).
fn line_end(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i)
}

/// Whether a line holds nothing but white space (ASCII; a line with any other
/// character has words).
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, size: usize) -> Vec<&str> {
        paragraph_parts(text, size).map(|r| &text[r]).collect()
    }

    /// The parts of `text` as a reader finds them: the text coming `step` bytes
    /// at a time (on a character boundary), each part's search told only what
    /// has come of it.
    fn streamed(text: &str, size: usize, step: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let (mut start, mut read) = (0, 0);
        let mut cut = Cut::new(size);
        while start < text.len() {
            let all = read == text.len();
            match cut.find(&text[start..read], all) {
                Some(end) => {
                    out.push(&text[start..start + end]);
                    start += end;
                    cut = Cut::new(size);
                }
                None if all => {
                    out.push(&text[start..]);
                    start = text.len();
                }
                None => {
                    read = (read + step).min(text.len());
                    while !text.is_char_boundary(read) {
                        read += 1;
                    }
                }
            }
        }
        out
    }

    #[test]
    fn a_part_found_as_the_text_comes_is_the_part_found_in_the_whole_text() {
        let text = concat!(
            "Ramón left.\n\nZoë came.\n# factlint: ignore[x] a reason.\n\n",
            "Then 1917.\n \r\n\t\n\"Quoted,\" she said.\n\nDone!\n\nwhen?\n\n",
            "A label:\n\nLast one.\n\nÅ.",
        );
        for size in 1..text.len() + 2 {
            for step in [1, 2, 3, 7, 16, text.len()] {
                assert_eq!(
                    streamed(text, size, step),
                    parts(text, size),
                    "size {size}, step {step}"
                );
            }
        }
        assert_eq!(parts(text, 1).len(), 4);
    }

    #[test]
    fn no_part_ends_before_its_size_is_read_nor_on_a_line_not_read_whole() {
        let text = "One.\n\nTwo.\n\nThree.\n";
        assert_eq!(Cut::new(8).find(&text[..7], false), None);
        // "Two." is a line with words, but until its newline comes it might be
        // one that a cut must not fall before.
        assert_eq!(Cut::new(3).find(&text[..8], false), None);
        assert_eq!(Cut::new(3).find(&text[..11], false), Some(6));
        assert_eq!(Cut::new(3).find(&text[..8], true), Some(6));
    }

    #[test]
    fn parts_end_after_blank_lines_and_cover_the_text() {
        let text = "One a.\nOne b.\n\nTwo.\n\n\nThree.\n";
        assert_eq!(
            parts(text, 1),
            ["One a.\nOne b.\n\n", "Two.\n\n\n", "Three.\n"]
        );
        assert_eq!(
            parts(text, 16),
            ["One a.\nOne b.\n\nTwo.\n\n\n", "Three.\n"]
        );
        assert_eq!(parts(text, 100), [text]);
    }

    #[test]
    fn a_text_with_no_paragraph_break_is_one_part() {
        let text = "A long line with no break at all. ".repeat(20);
        assert_eq!(parts(&text, 10), [text.as_str()]);
        assert_eq!(parts("", 10), Vec::<&str>::new());
    }

    #[test]
    fn blank_lines_may_hold_spaces_and_carriage_returns() {
        let text = "One.\r\n \t\r\nTwo.\r\n";
        assert_eq!(parts(text, 1), ["One.\r\n \t\r\n", "Two.\r\n"]);
    }

    #[test]
    fn a_paragraph_with_a_directive_keeps_the_next_one() {
        let text = "One.\n\nTwo.\n# factlint: ignore[x] a reason.\n\nThree.\n\nFour.\n";
        assert_eq!(
            parts(text, 1),
            [
                "One.\n\n",
                "Two.\n# factlint: ignore[x] a reason.\n\nThree.\n\n",
                "Four.\n"
            ]
        );
    }

    #[test]
    fn a_cut_never_falls_inside_a_line_or_a_character() {
        let text = "Ramón é.\n\nZoë ü.\n\nÅ.\n";
        for size in 1..text.len() + 2 {
            let got = parts(text, size);
            assert_eq!(got.concat(), text, "{size}");
            for p in &got[1..] {
                assert!(!p.starts_with('\n'), "{size}: {p:?}");
            }
        }
    }

    #[test]
    fn no_cut_where_a_paragraph_may_lean_on_the_one_before() {
        // A question and its answer, a label and its value, a cut sentence resumed
        // after a card, a paragraph in lower case: one part each time.
        for text in [
            "When did he die?\n\nIn 1940.\n",
            "Born:\n\n1879\n",
            "He wrote to his son...\n\nA card title\n\n, killed in 1937.\n",
            "One.\n\nand then two.\n",
            "One.\n\n\"Two,\" he said.\n",
        ] {
            assert_eq!(parts(text, 1), [text], "{text:?}");
        }
        // A full stop or an exclamation mark, closed quotes after it, then a capital
        // or a digit: a cut.
        assert_eq!(
            parts("Done!\n\n1917 came.\n", 1),
            ["Done!\n\n", "1917 came.\n"]
        );
        assert_eq!(
            parts("He said \"no.\"\n\nThen.\n", 1),
            ["He said \"no.\"\n\n", "Then.\n"]
        );
    }
}
