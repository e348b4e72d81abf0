//! The spans of a sentence nearest a position, for readings that measure one
//! span against the others (an age against the sentence's dates, a time against
//! its days): in a sentence of thousands, only those around the position.

use super::LocalSpan;

/// The most spans asked about for one position: those nearest it by where
/// they start. No sentence a person writes holds more of one kind; the bound
/// keeps a sentence of thousands of them linear.
pub(crate) const NEAR: usize = 64;

/// Spans with their order by start.
pub(crate) struct Nearby {
    spans: Vec<LocalSpan>,
    order: Vec<usize>,
}

impl Nearby {
    pub(crate) fn new(spans: Vec<LocalSpan>) -> Nearby {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (spans[i].start, i));
        Nearby { spans, order }
    }

    /// The spans, as given.
    pub(crate) fn spans(&self) -> &[LocalSpan] {
        &self.spans
    }

    /// The indices of the spans worth asking about `at`: all of them where there
    /// are at most [`NEAR`], else the [`NEAR`] around `at` by start.
    pub(crate) fn around(&self, at: LocalSpan) -> &[usize] {
        if self.order.len() <= NEAR {
            return &self.order;
        }
        let p = self
            .order
            .partition_point(|&i| self.spans[i].start < at.start);
        let from = p.saturating_sub(NEAR / 2).min(self.order.len() - NEAR);
        &self.order[from..from + NEAR]
    }

    /// The index of the span nearest to `at`, the first of equals.
    pub(crate) fn nearest(&self, at: LocalSpan) -> Option<usize> {
        self.around(at)
            .iter()
            .copied()
            .min_by_key(|&i| (at.distance(self.spans[i]), i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn the_nearest_of_many_spans_is_found_among_those_around() {
        // 300 spans, some overlapping and out of order: the nearest found
        // around each position is the nearest of all, the first of equals.
        let spans: Vec<LocalSpan> = (0..300usize)
            .map(|i| {
                let start = (i * 37) % 1500;
                Span::from(start..start + 4 + i % 9)
            })
            .collect();
        let near = Nearby::new(spans.clone());
        for at in (0..1520).step_by(7) {
            let at: LocalSpan = Span::from(at..at + 2);
            let all = (0..spans.len()).min_by_key(|&i| (at.distance(spans[i]), i));
            assert_eq!(near.nearest(at), all, "{at:?}");
            let overlap = spans.iter().any(|s| s.overlaps(at));
            let around = near.around(at).iter().any(|&i| spans[i].overlaps(at));
            assert_eq!(around, overlap, "{at:?}");
        }
        assert_eq!(Nearby::new(Vec::new()).nearest(Span::from(0..1)), None);
    }
}
