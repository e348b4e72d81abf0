//! Reports called false: "Rumours that Marten remarried were false", "claims
//! that the fire killed 31 people are wrong". The sentence names a report, then
//! what it reports, then calls it false: it denies what the report says, as
//! firmly as "wrongly" or "myth" before a value does. A report called true
//! ("reports that … were confirmed") is the document's own statement.

use super::negation::Denial;
use super::{Frame, words};
use crate::lexicon;

/// The most words between the statement and the verdict on its report
/// ("rumours that she remarried in Graz in 1931 were false").
const REACH: usize = 8;

/// The most words between the verb and the verdict ("were later shown to be
/// false").
const GAP: usize = 5;

/// The verdict on the report the statement of `f` stands in, if one is given:
/// a report noun and "that" before the statement's words, and right after them
/// a verb of being, perhaps a word or two, and the verdict's word. The span
/// runs from the verb to that word.
fn verdict<'t>(f: &Frame<'t>) -> Option<(std::ops::Range<usize>, &'t str)> {
    let statement = f.statement();
    let before = &f.text[..statement.start];
    let reported = words(before)
        .zip(words(before).skip(1))
        .any(|(noun, that)| that == "that" && lexicon::is(lexicon::REPORT_NOUNS, noun));
    if !reported {
        return None;
    }
    let after: Vec<&str> = words(&f.text[statement.end..])
        .take(REACH + GAP + 2)
        .collect();
    let verb = after
        .iter()
        .take(REACH + 1)
        .position(|w| lexicon::is(lexicon::REPORT_VERDICT_VERBS, w))?;
    let verdict = after[verb + 1..]
        .iter()
        .take(GAP + 1)
        .position(|w| !lexicon::is(lexicon::REPORT_VERDICT_GAPS, w))
        .map(|k| verb + 1 + k)?;
    let at = f.offset(after[verb])..f.offset(after[verdict]) + after[verdict].len();
    Some((at, after[verdict]))
}

/// The verdict that calls false the report the statement of `f` stands in, if
/// one does ("were false", "is a myth").
pub(super) fn dismissed(f: &Frame) -> Option<Denial> {
    let (at, word) = verdict(f)?;
    lexicon::is(lexicon::FALSITY_WORDS, word).then(|| Denial::firm(f.text, at))
}

/// Whether a verdict calls true the report the statement of `f` stands in
/// ("reports that the fire killed 31 people were confirmed", "… proved
/// accurate"): the document then states what the report says.
pub(super) fn confirmed(f: &Frame) -> bool {
    verdict(f).is_some_and(|(_, word)| lexicon::is(lexicon::TRUTH_WORDS, word))
}

#[cfg(test)]
mod tests {
    use super::super::AssertionMode::*;
    use super::super::tests::mode_at;

    #[test]
    fn a_report_called_false_is_denied() {
        for (s, value, trigger, cue) in [
            (
                "Rumours that Marten remarried were false.",
                "remarried",
                None,
                "were false",
            ),
            (
                "Claims that the fire killed 31 people are entirely wrong.",
                "31",
                Some("killed"),
                "are entirely wrong",
            ),
            (
                "Claims that 500 people died were later shown to be false.",
                "500",
                Some("died"),
                "were later shown to be false",
            ),
            (
                "The story that she moved to Linz in 1907 is a myth.",
                "1907",
                Some("moved to"),
                "is a myth",
            ),
        ] {
            assert_eq!(
                mode_at(s, value, trigger),
                (Negated, Some(cue.to_string())),
                "{s}"
            );
        }
    }

    #[test]
    fn a_report_called_true_is_stated() {
        for (s, value, trigger) in [
            (
                "Reports that the fire killed 31 people were confirmed.",
                "31",
                "killed",
            ),
            (
                "Rumours that she moved to Linz in 1907 proved accurate.",
                "1907",
                "moved to",
            ),
            (
                "Claims that 500 people died were later shown to be true.",
                "500",
                "died",
            ),
        ] {
            assert_eq!(mode_at(s, value, Some(trigger)), (Asserted, None), "{s}");
        }
        // Not called anything: still a report.
        assert_eq!(
            mode_at(
                "Reports that the fire killed 31 people spread.",
                "31",
                Some("killed")
            )
            .0,
            Hedged
        );
    }

    #[test]
    fn a_report_not_called_false_is_not_denied() {
        for (s, value, trigger) in [
            (
                "Reports that the fire killed 31 people were confirmed.",
                "31",
                Some("killed"),
            ),
            (
                "Rumours that she moved to Linz in 1907 spread fast.",
                "1907",
                Some("moved to"),
            ),
            (
                "She moved to Linz in 1907, and claims that it was false are wrong.",
                "1907",
                Some("moved to"),
            ),
        ] {
            assert_ne!(mode_at(s, value, trigger).0, Negated, "{s}");
        }
    }
}
