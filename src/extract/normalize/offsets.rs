//! Sparse offset maps: from the bytes of a derived text (folded text, markup
//! prose) back to the byte ranges of the text it came from.
//!
//! A derived text is built char by char, each char coming from a range of the
//! original. Most chars come from an original char of the same length right after
//! the previous one (an unchanged letter), so the map keeps only the places where
//! that stops being true: a sorted list of breakpoints, each starting a segment
//! that is either *aligned* (every char maps to the original char at the same
//! distance from the segment's start) or a *span* (every byte maps to one original
//! range: a whitespace run, a decoded entity, "é" folded to "e"). Lookups are binary
//! searches, and the map costs nothing for text that folds to itself.

use std::ops::Range;

/// A breakpoint: where a segment of the derived text starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Break {
    /// The derived offset where the segment starts.
    at: usize,
    /// The original start of the segment's first char.
    start: u32,
    /// For a span, the original end of every byte; unused when aligned.
    end: u32,
    aligned: bool,
}

/// A map from each byte of a derived text to the original range it came from.
///
/// Offsets of the original are kept in 32 bits: documents over 4 GiB are refused
/// when read (see `lint::MAX_FILE_SIZE`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    breaks: Vec<Break>,
    /// The length of the derived text mapped so far.
    len: usize,
}

/// What records where the chars of a derived text came from.
pub trait Record {
    /// One char of `len` bytes came from the original range `orig`.
    fn record_char(&mut self, len: usize, orig: Range<usize>);
    /// `len` bytes (any number of chars) all came from the original range `orig`.
    fn record_span(&mut self, len: usize, orig: Range<usize>);
    /// `len` one-byte chars came each from the original byte at the same distance
    /// from `orig`.
    fn record_aligned(&mut self, len: usize, orig: usize) {
        for k in 0..len {
            self.record_char(1, orig + k..orig + k + 1);
        }
    }
}

impl Record for OffsetMap {
    fn record_char(&mut self, len: usize, orig: Range<usize>) {
        if len == 0 {
            return;
        }
        let at = self.len;
        if let Some(last) = self.breaks.last()
            && last.aligned
            && last.start as usize + (at - last.at) == orig.start
            && orig.len() == len
        {
            self.len += len;
            return;
        }
        if orig.len() != len {
            return self.record_span(len, orig);
        }
        self.breaks.push(Break {
            at,
            start: orig.start as u32,
            end: 0,
            aligned: true,
        });
        self.len += len;
    }

    fn record_aligned(&mut self, len: usize, orig: usize) {
        if len == 0 {
            return;
        }
        // The first char opens or extends an aligned segment; the rest extend it.
        self.record_char(1, orig..orig + 1);
        self.len += len - 1;
    }

    fn record_span(&mut self, len: usize, orig: Range<usize>) {
        if len == 0 {
            return;
        }
        let (start, end) = (orig.start as u32, orig.end as u32);
        let extends = self
            .breaks
            .last()
            .is_some_and(|b| !b.aligned && b.start == start && b.end == end);
        if !extends {
            self.breaks.push(Break {
                at: self.len,
                start,
                end,
                aligned: false,
            });
        }
        self.len += len;
    }
}

impl OffsetMap {
    /// The length of the derived text mapped.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is mapped.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The number of breakpoints (what the map costs).
    pub fn breaks(&self) -> usize {
        self.breaks.len()
    }

    /// Frees the spare capacity once the derived text is complete.
    pub fn shrink_to_fit(&mut self) {
        self.breaks.shrink_to_fit();
    }

    /// The segment holding derived byte `i` (`i < len`).
    fn segment(&self, i: usize) -> &Break {
        &self.breaks[self.breaks.partition_point(|b| b.at <= i) - 1]
    }

    /// The original start of derived byte `i` (`i < len`); `text` is the derived
    /// text.
    pub fn start(&self, text: &str, i: usize) -> usize {
        let b = self.segment(i);
        if b.aligned {
            b.start as usize + char_start(text, i) - b.at
        } else {
            b.start as usize
        }
    }

    /// The original end of derived byte `i` (`i < len`); `text` is the derived text.
    pub fn end(&self, text: &str, i: usize) -> usize {
        let b = self.segment(i);
        if b.aligned {
            b.start as usize + char_end(text, i) - b.at
        } else {
            b.end as usize
        }
    }

    /// The original end of the last derived byte, if any.
    pub fn last_end(&self, text: &str) -> Option<usize> {
        (self.len > 0).then(|| self.end(text, self.len - 1))
    }

    /// The first derived byte whose original start is at or after `orig` (`len` if
    /// none). The original starts must not decrease along the derived text, as they
    /// do not in folding.
    pub fn first_starting_at(&self, text: &str, orig: usize) -> usize {
        let k = self.breaks.partition_point(|b| (b.start as usize) < orig);
        let next = self.breaks.get(k).map_or(self.len, |b| b.at);
        let Some(b) = k.checked_sub(1).map(|k| &self.breaks[k]) else {
            return next;
        };
        if !b.aligned {
            return next;
        }
        // The first char of the segment that starts at or after `orig`.
        let target = b.at + (orig - b.start as usize);
        if target >= next {
            return next;
        }
        (target..next)
            .find(|&j| text.is_char_boundary(j))
            .unwrap_or(next)
    }
}

/// The start of the char holding byte `i` of `text`.
fn char_start(text: &str, i: usize) -> usize {
    (0..=i)
        .rev()
        .find(|&j| text.is_char_boundary(j))
        .unwrap_or(0)
}

/// The end of the char holding byte `i` of `text`.
fn char_end(text: &str, i: usize) -> usize {
    (i + 1..=text.len())
        .find(|&j| text.is_char_boundary(j))
        .unwrap_or(text.len())
}

/// The dense map that sparse maps replace: two offsets per derived byte. Tests
/// compare the two.
#[cfg(test)]
#[derive(Debug, Clone, Default)]
pub struct DenseMap {
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
}

#[cfg(test)]
impl Record for DenseMap {
    fn record_char(&mut self, len: usize, orig: Range<usize>) {
        self.record_span(len, orig);
    }

    fn record_span(&mut self, len: usize, orig: Range<usize>) {
        for _ in 0..len {
            self.starts.push(orig.start as u32);
            self.ends.push(orig.end as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records `(derived char, original range)` pairs into both maps and returns
    /// the derived text.
    fn both(parts: &[(&str, Range<usize>, bool)]) -> (String, OffsetMap, DenseMap) {
        let (mut text, mut sparse, mut dense) =
            (String::new(), OffsetMap::default(), DenseMap::default());
        for (s, r, span) in parts {
            text.push_str(s);
            if *span {
                sparse.record_span(s.len(), r.clone());
                dense.record_span(s.len(), r.clone());
            } else {
                sparse.record_char(s.len(), r.clone());
                dense.record_char(s.len(), r.clone());
            }
        }
        (text, sparse, dense)
    }

    fn assert_same(text: &str, sparse: &OffsetMap, dense: &DenseMap) {
        assert_eq!(sparse.len(), dense.starts.len());
        for i in 0..text.len() {
            assert_eq!(sparse.start(text, i), dense.starts[i] as usize, "start {i}");
            assert_eq!(sparse.end(text, i), dense.ends[i] as usize, "end {i}");
        }
        let max = dense.ends.iter().max().map_or(0, |&e| e as usize);
        for orig in 0..=max + 1 {
            let want = dense.starts.partition_point(|&s| (s as usize) < orig);
            assert_eq!(sparse.first_starting_at(text, orig), want, "orig {orig}");
        }
    }

    #[test]
    fn unchanged_text_needs_one_breakpoint() {
        let parts: Vec<_> = "ab\u{436}c"
            .char_indices()
            .map(|(i, c)| {
                (
                    &"ab\u{436}c"[i..i + c.len_utf8()],
                    i..i + c.len_utf8(),
                    false,
                )
            })
            .collect();
        let (text, sparse, dense) = both(&parts);
        assert_eq!(sparse.breaks(), 1);
        assert_same(&text, &sparse, &dense);
    }

    #[test]
    fn shortened_and_joined_chars_break_the_alignment() {
        // "é" (2 bytes) → "e", two spaces → one, "ab" aligned again, a span of
        // two bytes from nothing, a char from a longer range.
        let (text, sparse, dense) = both(&[
            ("e", 0..2, false),
            (" ", 2..4, false),
            ("a", 4..5, false),
            ("b", 5..6, false),
            ("\n\n", 6..6, true),
            ("\u{436}", 6..9, false),
            ("c", 9..10, false),
        ]);
        assert_eq!(sparse.breaks(), 6);
        assert_same(&text, &sparse, &dense);
        assert_eq!(sparse.last_end(&text), Some(10));
    }

    #[test]
    fn one_original_char_giving_several_chars_is_one_span() {
        // A syllable decomposed into three jamo of three bytes each.
        let (text, sparse, dense) = both(&[
            ("x", 0..1, false),
            ("\u{1100}", 1..4, false),
            ("\u{1161}", 1..4, false),
            ("\u{11a8}", 1..4, false),
            ("y", 4..5, false),
        ]);
        assert_same(&text, &sparse, &dense);
    }

    #[test]
    fn an_empty_map_maps_nothing() {
        let m = OffsetMap::default();
        assert!(m.is_empty());
        assert_eq!(m.last_end(""), None);
        assert_eq!(m.first_starting_at("", 3), 0);
    }
}
