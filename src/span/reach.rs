//! Spans of a sentence (its values, the spans it must not cut, its times), asked
//! about by every token or every number.

use crate::span::LocalSpan;

/// Spans of a sentence sorted by start, with the furthest end reached by each
/// prefix: whether any overlaps or covers a token is a binary search, not a scan
/// of every date and number of a long sentence for every token.
pub(crate) struct Reach {
    spans: Vec<LocalSpan>,
    /// `reach[i]`: the greatest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Reach {
    pub(crate) fn new(list: impl Iterator<Item = LocalSpan>) -> Reach {
        let mut spans: Vec<LocalSpan> = list.collect();
        spans.sort_by_key(|p| p.start);
        let mut reach = Vec::with_capacity(spans.len());
        let mut far = 0;
        for p in &spans {
            far = far.max(p.end);
            reach.push(far);
        }
        Reach { spans, reach }
    }

    /// Whether a span overlaps `at` (shares a byte with it).
    pub(crate) fn overlaps(&self, at: LocalSpan) -> bool {
        let k = self.spans.partition_point(|p| p.start < at.end);
        k > 0 && self.reach[k - 1] > at.start
    }

    /// Whether a span holds all of `at`.
    pub(crate) fn covers(&self, at: LocalSpan) -> bool {
        let k = self.spans.partition_point(|p| p.start <= at.start);
        k > 0 && self.reach[k - 1] >= at.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn reach_answers_as_a_scan_of_every_span_would(
            spans in proptest::collection::vec((0usize..60, 0usize..12), 0..12),
            at in (0usize..70, 0usize..8),
        ) {
            let spans: Vec<LocalSpan> = spans.iter().map(|&(s, l)| Span::from(s..s + l)).collect();
            let at: LocalSpan = Span::from(at.0..at.0 + at.1);
            let reach = Reach::new(spans.iter().copied());
            prop_assert_eq!(reach.overlaps(at), spans.iter().any(|p| p.overlaps(at)));
            prop_assert_eq!(reach.covers(at), spans.iter().any(|p| p.contains(at)));
        }
    }
}
