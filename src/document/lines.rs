//! Line index: byte offsets to 1-based lines and character columns.

/// A 1-based line number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line(pub usize);

/// A 1-based column, counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Column(pub usize);

/// The start of every line, computed once; lookups are a binary search.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The start offsets of the lines (what codespan's `Files::line_range` needs).
    pub fn line_starts(&self) -> &[usize] {
        &self.starts
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The line and character column of byte `offset` in `text` (the text the index
    /// was built from).
    pub fn position(&self, text: &str, offset: usize) -> (Line, Column) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let mut end = offset;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // A byte-order mark is not a column an editor shows.
        let bom = usize::from(start == 0 && end > 0 && text.starts_with('\u{feff}'));
        let col = text[start..end].chars().count() + 1 - bom;
        (Line(line + 1), Column(col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    proptest! {
        #[test]
        fn matches_a_naive_count(s in "[a-zé\n ]{0,60}", at in 0usize..80) {
            let at = at.min(s.len());
            prop_assume!(s.is_char_boundary(at));
            let (Line(l), Column(c)) = LineIndex::new(&s).position(&s, at);
            let before = &s[..at];
            let naive_line = before.matches('\n').count() + 1;
            let naive_col = before.rsplit('\n').next().unwrap().chars().count() + 1;
            prop_assert_eq!((l, c), (naive_line, naive_col));
        }
    }
}
