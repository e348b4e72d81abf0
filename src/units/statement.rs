//! One statement with two readings: a number that restates the one before it in
//! another unit ("29,002 ft (8,840 m)", "605 lb or 274 kg") is reported once, at
//! the reading that is wrong, and where both are wrong, at the first.

use crate::extract::number::NumberMention;
use crate::scan::{Assertion, Observed};

/// Which assertions with a finding (`wrong`, indexes into `assertions`) restate
/// a wrong number before them: their findings repeat that one's. `converted`
/// tells a number that restates the one before it.
pub fn restated_wrong(
    assertions: &[Assertion],
    wrong: &[usize],
    converted: impl Fn(&NumberMention) -> bool,
) -> Vec<bool> {
    wrong
        .iter()
        .map(|&i| {
            let a = &assertions[i];
            let Observed::Number(n) = &a.observed else {
                return false;
            };
            if !converted(n) {
                return false;
            }
            // The number just before it in the sentence, asserted of the same claim.
            let before = assertions
                .iter()
                .enumerate()
                .filter(|(_, b)| {
                    b.claim == a.claim
                        && b.sentence == a.sentence
                        && matches!(b.observed, Observed::Number(_))
                        && b.span.end <= a.span.start
                })
                .max_by_key(|(_, b)| b.span.end)
                .map(|(j, _)| j);
            before.is_some_and(|j| wrong.contains(&j))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::number::extract_numbers;
    use crate::scan::AssertionMode;
    use crate::span::Span;

    /// An assertion of claim `claim` for each number of `text`, in sentence 0.
    fn assertions(text: &str, claim: usize) -> Vec<Assertion> {
        extract_numbers(text)
            .into_iter()
            .map(|n| Assertion {
                claim,
                span: Span::new(n.span.start, n.span.end),
                sentence: 0,
                observed: Observed::Number(n),
                mode: AssertionMode::Asserted,
                cue: None,
                trigger: None,
            })
            .collect()
    }

    /// Every number but the first restates the one before it.
    fn after_first(n: &NumberMention) -> bool {
        n.span.start > 0
    }

    #[test]
    fn a_restatement_of_a_wrong_number_repeats_its_finding() {
        let a = assertions("29,002 ft (8,840 m)", 0);
        // Both wrong: reported at the first.
        assert_eq!(restated_wrong(&a, &[0, 1], after_first), [false, true]);
        // Only the restatement wrong: reported there.
        assert_eq!(restated_wrong(&a, &[1], after_first), [false]);
        // Only the first wrong.
        assert_eq!(restated_wrong(&a, &[0], after_first), [false]);
        // Numbers that restate nothing are each their own statement.
        assert_eq!(restated_wrong(&a, &[0, 1], |_| false), [false, false]);
    }

    #[test]
    fn a_restatement_is_of_the_same_claim_and_sentence() {
        let mut a = assertions("605 lb or 274 kg", 0);
        a[1].claim = 1;
        assert_eq!(restated_wrong(&a, &[0, 1], after_first), [false, false]);
        a[1].claim = 0;
        a[1].sentence = 1;
        assert_eq!(restated_wrong(&a, &[0, 1], after_first), [false, false]);
    }
}
