//! The quotations of each paragraph, found when a statement first asks, and
//! the question whether a statement lies inside one.

use std::collections::HashMap;
use std::ops::Range;

use crate::document::Document;
use crate::scan::assertion::Quotation;

/// The quotations (folded, absolute) of each paragraph, computed when first needed.
#[derive(Default)]
pub struct QuoteCache {
    by_paragraph: HashMap<usize, Quotations>,
}

/// The quotations of one paragraph, in order, and the quotation each is nested
/// in: what holds a range is found by walking out from the last quotation that
/// starts before it, not by reading every quotation of the paragraph.
struct Quotations {
    list: Vec<Quotation>,
    /// The innermost quotation holding each, where there is one.
    outer: Vec<Option<usize>>,
    /// Whether any two quotations are either apart or one inside the other, in
    /// order of their starts (how the quotation reader finds them); where not,
    /// every quotation is asked.
    nested: bool,
}

impl Quotations {
    fn new(list: Vec<Quotation>) -> Quotations {
        let mut outer = Vec::with_capacity(list.len());
        let mut open: Vec<usize> = Vec::new();
        let mut nested = true;
        for (i, q) in list.iter().enumerate() {
            if i > 0 && list[i - 1].range.start > q.range.start {
                nested = false;
            }
            while open
                .last()
                .is_some_and(|&o| list[o].range.end <= q.range.start)
            {
                open.pop();
            }
            match open.last() {
                Some(&o) if q.range.end <= list[o].range.end => outer.push(Some(o)),
                Some(_) => {
                    nested = false;
                    outer.push(None);
                }
                None => outer.push(None),
            }
            open.push(i);
        }
        Quotations {
            list,
            outer,
            nested,
        }
    }

    /// Whether a quotation that `kind` accepts holds `at`. Every quotation
    /// holding it holds the last one starting before it, or is that one.
    fn holds(&self, at: &Range<usize>, kind: impl Fn(&Quotation) -> bool) -> bool {
        let holds = |q: &Quotation| q.range.start <= at.start && at.end <= q.range.end && kind(q);
        if !self.nested {
            return self.list.iter().any(holds);
        }
        let mut next = self
            .list
            .partition_point(|q| q.range.start <= at.start)
            .checked_sub(1);
        while let Some(i) = next {
            if holds(&self.list[i]) {
                return true;
            }
            next = self.outer[i];
        }
        false
    }
}

impl QuoteCache {
    fn get(&mut self, doc: &Document, ranges: &[Range<usize>], paragraph: usize) -> &Quotations {
        self.by_paragraph.entry(paragraph).or_insert_with(|| {
            let first = doc.sentences.partition_point(|s| s.paragraph < paragraph);
            let last = doc.sentences.partition_point(|s| s.paragraph <= paragraph);
            let range = ranges[first].start..ranges[last - 1].end;
            let list = crate::scan::assertion::quotations(&doc.folded.text[range.clone()])
                .into_iter()
                .map(|q| Quotation {
                    range: q.range.start + range.start..q.range.end + range.start,
                    ..q
                })
                .collect();
            Quotations::new(list)
        })
    }

    /// Whether the folded range `at` lies inside a quotation that `kind` accepts.
    pub fn contains(
        &mut self,
        doc: &Document,
        ranges: &[Range<usize>],
        paragraph: usize,
        at: &Range<usize>,
        kind: impl Fn(&Quotation) -> bool,
    ) -> bool {
        self.get(doc, ranges, paragraph).holds(at, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(ranges: &[(usize, usize, bool)]) -> Quotations {
        Quotations::new(
            ranges
                .iter()
                .map(|&(start, end, statement)| Quotation {
                    range: start..end,
                    statement,
                })
                .collect(),
        )
    }

    /// Every range of `0..24` is held exactly where some quotation that the
    /// kind accepts holds it, for either kind.
    fn agrees_with_asking_each(q: &Quotations) {
        for start in 0..24 {
            for end in start..24 {
                let at = start..end;
                for statement in [false, true] {
                    let kind = |x: &Quotation| x.statement || !statement;
                    let each = q
                        .list
                        .iter()
                        .any(|x| x.range.start <= start && end <= x.range.end && kind(x));
                    assert_eq!(q.holds(&at, kind), each, "{at:?} {statement}");
                }
            }
        }
    }

    #[test]
    fn nested_and_separate_quotations_are_found_by_walking_out() {
        // A statement quoting a title inside it, then apart, then nested again
        // two deep with a sibling before the innermost.
        let q = quotes(&[
            (1, 10, true),
            (3, 5, false),
            (6, 8, false),
            (12, 22, false),
            (13, 15, true),
            (16, 21, true),
            (17, 19, false),
        ]);
        assert!(q.nested);
        assert_eq!(
            q.outer,
            [None, Some(0), Some(0), None, Some(3), Some(3), Some(5)]
        );
        agrees_with_asking_each(&q);
        let same_start = quotes(&[(2, 12, true), (2, 6, false), (8, 12, false)]);
        assert!(same_start.nested);
        agrees_with_asking_each(&same_start);
    }

    #[test]
    fn crossing_or_unordered_quotations_are_each_asked() {
        for ranges in [
            vec![(1, 8, true), (5, 12, false)],
            vec![(5, 9, false), (1, 3, true)],
            vec![(2, 6, false), (2, 12, true)],
        ] {
            let q = quotes(&ranges);
            assert!(!q.nested, "{ranges:?}");
            agrees_with_asking_each(&q);
        }
    }
}
