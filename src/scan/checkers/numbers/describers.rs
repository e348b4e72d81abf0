//! Numbers that are a trigger's own quantity: used as an adjective of it
//! ("against a 20-mile wind") or counting it ("3,400 members"), found for a
//! trigger by a binary search over the words each describes or counts.

use std::ops::Range;

use super::takes;
use crate::extract::number::NumberMention;
use crate::scan::analysis::Analysis;
use crate::scan::checkers::Scan;
use crate::span::{LocalSpan, Span};

/// The numbers of a sentence that are a noun's own quantity, by where the
/// noun starts: the measures used as an adjective, by the words each describes
/// ("a 20-mile wind" describes "wind"), and the counts, by the noun each counts
/// ("3,400 members" counts "members").
pub(super) struct Describers {
    attributive: NounIndex,
    counting: NounIndex,
}

/// Words of a sentence with the index of the number each belongs to, found for
/// a trigger by a binary search.
struct NounIndex {
    /// The words and the number's index, by start.
    by_start: Vec<(Range<usize>, usize)>,
    /// The longest of those words: none that starts further before a trigger
    /// can reach it.
    longest: usize,
}

impl NounIndex {
    fn new(words: impl Iterator<Item = (Range<usize>, usize)>) -> NounIndex {
        let mut by_start: Vec<(Range<usize>, usize)> = words.collect();
        by_start.sort_by_key(|(r, i)| (r.start, *i));
        let longest = by_start.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        NounIndex { by_start, longest }
    }

    /// The numbers whose words overlap `trigger`.
    fn of(&self, trigger: LocalSpan) -> impl Iterator<Item = usize> + '_ {
        let to = self
            .by_start
            .partition_point(|(r, _)| r.start < trigger.end);
        let from = self
            .by_start
            .partition_point(|(r, _)| r.start + self.longest <= trigger.start);
        self.by_start[from..to.max(from)]
            .iter()
            .filter(move |(r, _)| trigger.overlaps(Span::from(r.clone())))
            .map(|&(_, i)| i)
    }
}

impl Describers {
    pub(super) fn new(numbers: &[&NumberMention]) -> Describers {
        let attributive = NounIndex::new(
            numbers
                .iter()
                .enumerate()
                .filter(|(_, n)| n.attributive)
                .filter_map(|(i, n)| Some((n.describes.clone()?, i))),
        );
        let counting = NounIndex::new(
            numbers
                .iter()
                .enumerate()
                .filter(|(_, n)| !n.attributive)
                .filter_map(|(i, n)| Some((n.head.clone()?, i))),
        );
        Describers {
            attributive,
            counting,
        }
    }

    /// Whether another number of the sentence is the trigger's own quantity and
    /// one the claim takes, so that number `i` is not: a measure used as an
    /// adjective of the trigger ("a distance of 852 feet against a 20-mile
    /// wind": 20 is the wind's, 852 is not), or, where `i` counts a noun of its
    /// own, the count of the trigger ("3,400 members and 200 guests", "31
    /// deaths and 200 injuries": 200 counts the guests and the injuries).
    pub(super) fn described_by_another(
        &self,
        scan: &Scan<'_>,
        a: &Analysis<'_>,
        numbers: &[&NumberMention],
        i: usize,
        claim: usize,
        trigger: LocalSpan,
    ) -> bool {
        let another = |index: &NounIndex| {
            !index.of(trigger).any(|j| j == i)
                && index
                    .of(trigger)
                    .any(|j| takes(scan, a, numbers[j], claim, None))
        };
        let counts_its_own = !numbers[i].attributive
            && numbers[i]
                .head
                .as_ref()
                .is_some_and(|h| !trigger.overlaps(Span::from(h.clone())));
        another(&self.attributive) || (counts_its_own && another(&self.counting))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;
    use crate::extract::number::extract_numbers;

    #[test]
    fn the_numbers_describing_a_trigger_are_those_a_reading_of_each_finds() {
        let text = fold(
            &"it flew 852 feet against a 20-mile wind and a 27 mph gust, with a 12-hp engine; "
                .repeat(20),
        )
        .text;
        let found = extract_numbers(&text);
        let numbers: Vec<&NumberMention> = found.iter().collect();
        let describers = Describers::new(&numbers).attributive;
        assert!(
            describers.by_start.len() >= 40,
            "the measures used as adjectives"
        );
        for start in (0..text.len()).step_by(3) {
            for len in [1, 4, 9] {
                let trigger: LocalSpan = Span::from(start..(start + len).min(text.len()));
                let mut of: Vec<usize> = describers.of(trigger).collect();
                of.sort_unstable();
                let each: Vec<usize> = (0..numbers.len())
                    .filter(|&j| {
                        numbers[j].attributive
                            && numbers[j]
                                .describes
                                .as_ref()
                                .is_some_and(|d| trigger.overlaps(Span::from(d.clone())))
                    })
                    .collect();
                assert_eq!(of, each, "{trigger:?}");
            }
        }
    }
}
