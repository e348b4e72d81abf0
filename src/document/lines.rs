//! Line index: byte offsets to 1-based lines and character columns.

/// A 1-based line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line(pub usize);

/// A 1-based column, counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Column(pub usize);

/// How far apart, in bytes, a long line keeps the character counts of its
/// columns: a column is then counted from the nearest mark, never from a far-off
/// line start.
const MARK_STEP: usize = 4096;

/// The start of every line, computed once; lookups are a binary search. A line
/// longer than [`MARK_STEP`] bytes also keeps, every `MARK_STEP` bytes, how many
/// characters lie between its start and there, so that a column costs at most
/// `MARK_STEP` bytes of counting on a line of any length.
#[derive(Debug, Clone)]
///
/// Offsets are kept in 32 bits (files are at most 4 GiB): the index of a big
/// file is a small part of its text.
pub struct LineIndex {
    starts: Vec<u32>,
    /// (byte offset, characters from its line's start), ascending.
    marks: Vec<(u32, u32)>,
}

impl LineIndex {
    /// The index of `text`, which is at most 4 GiB long (longer offsets are cut).
    pub fn new(text: &str) -> LineIndex {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut starts = vec![0];
        starts.extend(line_starts_after(text).map(narrow));
        let mut marks = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).map_or(text.len(), |&s| s as usize - 1);
            let (mut at, mut chars) = (start as usize, 0);
            while end - at > MARK_STEP {
                let mut next = at + MARK_STEP;
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                chars += char_count(&text.as_bytes()[at..next]);
                marks.push((narrow(next), narrow(chars)));
                at = next;
            }
        }
        starts.shrink_to_fit();
        marks.shrink_to_fit();
        LineIndex { starts, marks }
    }

    /// The start offset of 0-based line `line` (a line past the last: the
    /// text's end, `None`).
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).map(|&s| s as usize)
    }

    /// The bytes of `text` (the text the index was built from) that end line
    /// `line`: `\n`, `\r\n` or `\r`; `None` for the last line, which has none.
    pub fn line_break(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let next = self.line_start(line + 1)?;
        let crlf = text.get(..next)?.ends_with("\r\n");
        Some(next - if crlf { 2 } else { 1 }..next)
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= offset) - 1
    }

    /// The line and character column of byte `offset` in `text` (the text the index
    /// was built from).
    pub fn position(&self, text: &str, offset: usize) -> (Line, Column) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line] as usize;
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // A byte-order mark is not a column an editor shows.
        let bom = usize::from(start == 0 && end > 0 && text.starts_with('\u{feff}'));
        // The nearest mark of this line at or before the offset.
        let k = self.marks.partition_point(|&(at, _)| at as usize <= end);
        let (from, before) = match k.checked_sub(1).map(|k| self.marks[k]) {
            Some((at, chars)) if at as usize >= start => (at as usize, chars as usize),
            _ => (start, 0),
        };
        let col = before + char_count(&text.as_bytes()[from..end]) + 1 - bom;
        (Line(line + 1), Column(col))
    }
}

/// The offset after each line break of `text`: a line ends at a line feed, a
/// carriage return and line feed, or a carriage return alone (as editors, the
/// Language Server Protocol and SARIF count lines).
pub fn line_starts_after(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let has_cr = memchr::memchr(b'\r', bytes).is_some();
    // Without a carriage return, the line feeds alone (found with memchr).
    let feeds = (!has_cr).then(|| memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    // With one, the line feeds and carriage returns (found with memchr2), a
    // return that a feed follows ending no line of its own.
    let breaks = has_cr.then(|| {
        memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
            .map(|i| i + 1)
    });
    feeds
        .into_iter()
        .flatten()
        .chain(breaks.into_iter().flatten())
}

/// The lines of `text`, each with its line feed: what
/// `text.split_inclusive('\n')` gives, the feeds found with memchr, many bytes
/// at a time.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let line = (end > start).then(|| &text[start..end]);
            start = end;
            line
        })
}

/// The characters of UTF-8 bytes: every byte but a continuation byte starts one.
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_inclusive_are_split_inclusive() {
        for text in [
            "",
            "a",
            "\n",
            "a\n",
            "a\nb",
            "a\n\nb\n",
            "\r\n\rx\n\n",
            "é\nü",
        ] {
            let ours: Vec<&str> = lines_inclusive(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn each_line_break_is_found_whole() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        let breaks: Vec<_> = (0..4).map(|l| index.line_break(text, l)).collect();
        assert_eq!(breaks, [Some(1..2), Some(3..5), Some(6..7), None]);
    }
    use proptest::prelude::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\nRamón x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), (Line(1), Column(1)));
        assert_eq!(idx.position(text, 3), (Line(2), Column(1)));
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), (Line(2), Column(7)));
        assert_eq!(idx.position(text, text.len()), (Line(3), Column(1)));
        let text = "\u{feff}ab";
        assert_eq!(LineIndex::new(text).position(text, 4), (Line(1), Column(2)));
    }

    #[test]
    fn a_long_line_counts_its_columns_from_the_nearest_mark() {
        let line: String = "Ramón é ".repeat(3000);
        let text = format!("x\n{line}\nend");
        let idx = LineIndex::new(&text);
        assert!(idx.marks.len() > 5);
        for at in [2, 5000, 9001, text.len() - 4, text.len()] {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let naive = before.rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(idx.position(&text, at).1, Column(naive), "{at}");
        }
    }

    #[test]
    fn a_carriage_return_alone_or_before_a_line_feed_ends_a_line() {
        for (text, x) in [
            ("a\r\nbb x", (2, 4)),
            ("a\rbb x", (2, 4)),
            ("a\r\rbb x", (3, 4)),
            ("a\nb\rc\r\nd x", (4, 3)),
            ("\r\n\n\r x", (4, 2)),
        ] {
            let at = text.find('x').unwrap();
            let (Line(l), Column(c)) = LineIndex::new(text).position(text, at);
            assert_eq!((l, c), x, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn matches_a_naive_count(s in "[a-zé\n\r ]{0,60}", at in 0usize..80) {
            let at = at.min(s.len());
            prop_assume!(s.is_char_boundary(at));
            let (Line(l), Column(c)) = LineIndex::new(&s).position(&s, at);
            // A line feed, or a carriage return not followed by one, ends a line.
            let (mut naive_line, mut naive_col) = (1, 1);
            for (i, ch) in s[..at].char_indices() {
                let ends = ch == '\n' || (ch == '\r' && s.as_bytes().get(i + 1) != Some(&b'\n'));
                if ends {
                    (naive_line, naive_col) = (naive_line + 1, 1);
                } else {
                    naive_col += 1;
                }
            }
            prop_assert_eq!((l, c), (naive_line, naive_col));
        }
    }
}
