//! Typed spans: byte ranges that know which text they index.
//!
//! A document is read in four coordinate systems, and mixing them up is the bug a
//! plain `Range<usize>` cannot catch:
//!
//! - [`Source`]: bytes of the file as read (what reports, fixes and codespan use);
//! - [`Prose`]: bytes of the prose (the file itself for plain text, the text
//!   Markdown and HTML leave once their markup is set aside);
//! - [`Folded`]: bytes of the folded prose that matchers run on (lowercase, no
//!   diacritics, one space for any whitespace run);
//! - [`Local`]: bytes of one sentence's folded text, as the extractors return them.
//!
//! `Span<S>` is a half-open range tagged with its system, in the manner of
//! `ruff_text_size::TextRange`; conversions between systems go through the maps
//! that made them ([`crate::extract::normalize::Folded`], the markup map, a
//! sentence's start), never by hand.

pub(crate) mod near;
pub(crate) mod reach;

use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

/// Whether two byte ranges share a byte.
pub fn ranges_overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Bytes of the file as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {}
/// Bytes of the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Prose {}
/// Bytes of the folded prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Folded {}
/// Bytes of one sentence's folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Local {}

/// A half-open byte range in the coordinate system `S`.
pub struct Span<S> {
    pub start: usize,
    pub end: usize,
    system: PhantomData<S>,
}

pub type SourceSpan = Span<Source>;
pub type ProseSpan = Span<Prose>;
pub type FoldedSpan = Span<Folded>;
pub type LocalSpan = Span<Local>;

impl<S> Span<S> {
    pub const fn new(start: usize, end: usize) -> Span<S> {
        Span {
            start,
            end,
            system: PhantomData,
        }
    }

    /// An empty span at `at`.
    pub const fn empty(at: usize) -> Span<S> {
        Span::new(at, at)
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The plain range, for slicing the text of the same system.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span<S>) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether byte `at` lies inside this span.
    pub fn contains_pos(&self, at: usize) -> bool {
        self.start <= at && at < self.end
    }

    /// Whether the two spans share a byte.
    pub fn overlaps(&self, other: Span<S>) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The gap between two spans (0 where they touch or overlap).
    pub fn distance(&self, other: Span<S>) -> usize {
        if self.end <= other.start {
            other.start - self.end
        } else {
            self.start.saturating_sub(other.end)
        }
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span<S>) -> Span<S> {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl<S> Clone for Span<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for Span<S> {}
impl<S> PartialEq for Span<S> {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end) == (other.start, other.end)
    }
}
impl<S> Eq for Span<S> {}
impl<S> PartialOrd for Span<S> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<S> Ord for Span<S> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start, self.end).cmp(&(other.start, other.end))
    }
}
impl<S> std::hash::Hash for Span<S> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.start, self.end).hash(h);
    }
}
impl<S> fmt::Debug for Span<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
impl<S> From<Range<usize>> for Span<S> {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A sentence's place in the folded text: converts its local offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceFrame {
    /// Where the sentence's folded text starts.
    pub start: usize,
}

impl SentenceFrame {
    pub fn to_folded(&self, s: LocalSpan) -> FoldedSpan {
        Span::new(s.start + self.start, s.end + self.start)
    }

    /// The local span of a folded one (clamped at the sentence's start).
    pub fn to_local(&self, s: FoldedSpan) -> LocalSpan {
        Span::new(
            s.start.saturating_sub(self.start),
            s.end.saturating_sub(self.start),
        )
    }
}

/// The prose span that a folded span came from.
pub fn folded_to_prose(map: &crate::extract::normalize::Folded, s: FoldedSpan) -> ProseSpan {
    map.orig_range(s.range()).into()
}

/// The folded span covering a prose span.
pub fn prose_to_folded(map: &crate::extract::normalize::Folded, s: ProseSpan) -> FoldedSpan {
    map.folded_range(s.range()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_compare_and_measure_within_their_system() {
        let a: LocalSpan = Span::new(2, 5);
        let b: LocalSpan = Span::new(7, 9);
        assert_eq!(a.distance(b), 2);
        assert_eq!(b.distance(a), 2);
        assert!(!a.overlaps(b));
        assert!(a.cover(b).contains(b));
        assert!(a.contains_pos(4) && !a.contains_pos(5));
        let frame = SentenceFrame { start: 100 };
        let f = frame.to_folded(a);
        assert_eq!((f.start, f.end), (102, 105));
        assert_eq!(frame.to_local(f), a);
    }
}
