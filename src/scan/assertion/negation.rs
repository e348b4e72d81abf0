//! Negation: which statements a sentence denies.
//!
//! A denial word ("rather than", "wrongly", "myth") denies the value that follows
//! it closely in its clause. A negation ("not", "never", "no one") governs the verb
//! of its clause: it denies a statement when it stands before the statement's event
//! verb (or, for a term, the term) in the same clause, within a few words, with no
//! subordinate clause ("why", "when"), new subject ("he") or verb of knowing or
//! saying ("knew", "said") between them. It also denies a value it stands right
//! before ("not in 1871", "an ice axe, not an ice pick"). "Not only", "no longer",
//! "not until" and their kind deny nothing, nor does "did not … until 1929".

use std::sync::LazyLock;

use regex::Regex;

use super::{Frame, Link, cue_regex, words};
use crate::lexicon;

/// The farthest, in words, that a cue reaches.
const REACH: usize = 8;

static NEGATION: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::NEGATION_CUES]));
static DENIAL: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::DENIAL_CUES]));
static UNTIL: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::UNTIL_WORDS]));

/// The cue that denies the statement of `f`, if one does.
pub(super) fn denial(f: &Frame) -> Option<String> {
    let seg = f.segs[f.vseg].range.clone();
    let v = f.value.clone();
    // A denial word before the value in its segment, within reach.
    let before = &f.text[seg.start.min(v.start)..v.start];
    if let Some(m) = DENIAL.find_iter(before).last()
        && words(&before[m.end()..]).nth(REACH).is_none()
    {
        return Some(m.as_str().to_string());
    }
    // A negation right before the value: "not in 1871".
    if let Some(m) = NEGATION.find_iter(before).last()
        && !non_denial(before, m.start())
        && words(&before[m.end()..]).all(|w| lexicon::is(lexicon::VALUE_LEADS, w))
    {
        return Some(m.as_str().to_string());
    }
    // A negation that governs the statement's verb: the trigger's, or the term's own.
    let verb = match f.link {
        Link::Alone => Some(f.value.clone()),
        Link::Contrast => None,
        Link::Same | Link::Attached | Link::Separate => f.trigger.clone(),
    };
    let t = verb?;
    let seg = f.segs[f.seg_of(t.start)].range.clone();
    let before = &f.text[seg.start.min(t.start)..t.start];
    // "he did not leave until 1929" states when he left.
    let until = UNTIL
        .find_iter(&f.text[..f.value.start])
        .last()
        .map(|m| m.start());
    NEGATION
        .find_iter(before)
        .find(|m| {
            let (start, end) = (seg.start + m.start(), seg.start + m.end());
            !non_denial(f.text, start)
                && reaches(&f.text[end..t.start])
                && until.is_none_or(|u| u < end)
        })
        .map(|m| m.as_str().to_string())
}

/// Whether the negation at `at` opens a phrase that denies nothing ("not only"), or
/// is no negation at all but an abbreviation ("reactor No. 4").
fn non_denial(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    lexicon::NEGATION_NON_DENIALS.iter().any(|p| {
        rest.strip_prefix(p)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
    }) || NEGATION
        .find(rest)
        .is_some_and(|m| m.start() == 0 && rest[m.end()..].starts_with('.'))
}

/// Whether a negation reaches across `between` to what follows it: few words, and
/// no new clause, subject or verb of knowing among them.
fn reaches(between: &str) -> bool {
    let mut n = 0;
    for w in words(between) {
        n += 1;
        if n > REACH
            || lexicon::is(lexicon::SUBORDINATORS, w)
            || lexicon::is(lexicon::SUBJECT_PRONOUNS, w)
            || lexicon::is(lexicon::PROPOSITION_VERBS, w)
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::AssertionMode::*;
    use super::super::tests::{mode, mode_at};

    #[test]
    fn negation_governs_its_own_clause() {
        assert_eq!(
            mode("He was not killed with an ice pick.", "ice pick").0,
            Negated
        );
        assert_eq!(
            mode("It was an ice axe, not an ice pick.", "ice pick").0,
            Negated
        );
        assert_eq!(
            mode(
                "The weapon is often wrongly said to be an ice pick.",
                "ice pick"
            ),
            (Negated, Some("wrongly".into()))
        );
        assert_eq!(
            mode(
                "Contrary to the common story of an ice pick, it was an ice axe.",
                "ice pick"
            )
            .0,
            Negated
        );
        assert_eq!(mode("He did not die in 1940.", "1940").0, Negated);
        assert_eq!(
            mode(
                "He was not only exiled but killed with an ice pick.",
                "ice pick"
            )
            .0,
            Asserted
        );
        assert_eq!(
            mode(
                "He could not escape, and he was killed with an ice pick.",
                "ice pick"
            )
            .0,
            Asserted
        );
    }

    #[test]
    fn negation_denies_the_trigger_verb_it_governs() {
        assert_eq!(
            mode_at("He was not born in 1871.", "1871", Some("born")).0,
            Negated
        );
        assert_eq!(
            mode_at("He didn't die in 1940.", "1940", Some("die")),
            (Negated, Some("n't".into()))
        );
        assert_eq!(
            mode_at("She never remarried.", "remarried", Some("remarried")),
            (Negated, Some("never".into()))
        );
        assert_eq!(
            mode_at("He had never been exiled in 1929.", "1929", Some("exiled")).0,
            Negated
        );
        assert_eq!(
            mode_at("In 1929 he was not exiled.", "1929", Some("exiled")).0,
            Negated
        );
    }

    #[test]
    fn a_negated_clause_does_not_deny_another_clause() {
        // The trigger's verb is outside the negated clause.
        assert_eq!(
            mode_at(
                "The kingdom did not exist in 1871, when she was born.",
                "1871",
                Some("born")
            ),
            (Asserted, None)
        );
        assert_eq!(
            mode_at(
                "The kingdom did not exist when she was born in 1871.",
                "1871",
                Some("born")
            ),
            (Asserted, None)
        );
        // The negation follows the trigger and is not right before the value.
        assert_eq!(
            mode_at("He died with no money in 1940.", "1940", Some("died")).0,
            Asserted
        );
        assert_eq!(
            mode_at(
                "He was born in 1871 and did not marry.",
                "1871",
                Some("born")
            )
            .0,
            Asserted
        );
    }

    #[test]
    fn a_negation_right_before_a_value_denies_it() {
        assert_eq!(
            mode_at("He died in 1941, not in 1940.", "1940", Some("died")).0,
            Negated
        );
        assert_eq!(
            mode_at("He died in 1941, not in 1940.", "1941", Some("died")).0,
            Asserted
        );
        assert_eq!(
            mode_at("He was born not in 1871 but in 1872.", "1871", Some("born")).0,
            Negated
        );
        // The phrase after "but" corrects the denial.
        assert_eq!(
            mode_at("He was not born in 1871 but in 1872.", "1872", Some("born")).0,
            Asserted
        );
        assert_eq!(
            mode_at("He was not born in 1871 but in 1872.", "1871", Some("born")).0,
            Negated
        );
    }

    #[test]
    fn knowing_and_subordinate_clauses_stop_a_negation() {
        assert_eq!(
            mode(
                "No one knew why he was killed with an ice pick.",
                "ice pick"
            ),
            (Asserted, None)
        );
        assert_eq!(
            mode_at(
                "None of them knew the reactor would explode in 1986.",
                "1986",
                Some("explode")
            ),
            (Asserted, None)
        );
        assert_eq!(
            mode_at(
                "He did not know that she was born in 1867.",
                "1867",
                Some("born")
            )
            .0,
            Asserted
        );
        // "none of them" still denies its own verb.
        assert_eq!(
            mode_at("None of them died in 1986.", "1986", Some("died")),
            (Negated, Some("none".into()))
        );
        assert_eq!(
            mode("No one was killed with an ice pick.", "ice pick"),
            (Negated, Some("no one".into()))
        );
    }

    #[test]
    fn phrases_that_deny_nothing() {
        assert_eq!(
            mode_at(
                "It was not until 1929 that he was exiled.",
                "1929",
                Some("exiled")
            ),
            (Asserted, None)
        );
        assert_eq!(
            mode_at("He did not leave Russia until 1929.", "1929", Some("leave")).0,
            Asserted
        );
        assert_eq!(
            mode_at(
                "He no longer lived in Paris when he died in 1934.",
                "1934",
                Some("died")
            )
            .0,
            Asserted
        );
        assert_eq!(
            mode_at(
                "There is no doubt that he died in 1940.",
                "1940",
                Some("died")
            ),
            (Asserted, None)
        );
        assert_eq!(
            mode_at("Not long after, he died in 1940.", "1940", Some("died")),
            (Asserted, None)
        );
    }

    #[test]
    fn an_abbreviation_is_no_negation() {
        assert_eq!(
            mode_at("Reactor No. 4 exploded in 1986.", "4", Some("exploded")),
            (Asserted, None)
        );
        assert_eq!(
            mode_at("Reactor No. 4 exploded in 1986.", "1986", Some("exploded")),
            (Asserted, None)
        );
        assert_eq!(
            mode("The reactor No. 4 had no ice pick.", "ice pick"),
            (Negated, Some("no".into()))
        );
    }

    #[test]
    fn a_negation_far_before_reaches_nothing() {
        assert_eq!(
            mode(
                "He did not in the long and cold winter of that terrible year use an ice pick.",
                "ice pick"
            )
            .0,
            Asserted
        );
    }
}
