//! Numbers used as an adjective of a trigger ("against a 20-mile wind"), found
//! for a trigger by a binary search over the words each describes.

use std::ops::Range;

use super::takes;
use crate::extract::number::NumberMention;
use crate::scan::analysis::Analysis;
use crate::scan::checkers::Scan;
use crate::span::{LocalSpan, Span};

/// The attributive numbers of a sentence, by where the words each describes
/// start ("a 20-mile wind" describes "wind").
pub(super) struct Describers {
    /// The words described and the number's index, by start.
    by_start: Vec<(Range<usize>, usize)>,
    /// The longest of those words: none that starts further before a trigger
    /// can reach it.
    longest: usize,
}

impl Describers {
    pub(super) fn new(numbers: &[&NumberMention]) -> Describers {
        let mut by_start: Vec<(Range<usize>, usize)> = numbers
            .iter()
            .enumerate()
            .filter(|(_, n)| n.attributive)
            .filter_map(|(i, n)| Some((n.describes.clone()?, i)))
            .collect();
        by_start.sort_by_key(|(r, i)| (r.start, *i));
        let longest = by_start.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        Describers { by_start, longest }
    }

    /// The numbers whose described words overlap `trigger`.
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

    /// Whether another number of the sentence is a measure used as an adjective
    /// of the trigger itself and one the claim takes ("a distance of 852 feet
    /// against a 20-mile wind": 20 is the wind's, 852 is not), so that number
    /// `i` is not the trigger's quantity.
    pub(super) fn described_by_another(
        &self,
        scan: &Scan<'_>,
        a: &Analysis<'_>,
        numbers: &[&NumberMention],
        i: usize,
        claim: usize,
        trigger: LocalSpan,
    ) -> bool {
        let mut own = self.of(trigger);
        !own.any(|j| j == i)
            && self
                .of(trigger)
                .any(|j| takes(scan, a, numbers[j], claim, None))
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
        let describers = Describers::new(&numbers);
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
