//! Counterfactuals: events a sentence says did not happen although they nearly did.
//!
//! "She almost died in 1932", "he was nearly killed", "the reactor came close to
//! exploding", "they averted a meltdown", "she tried to remarry", "he would have
//! drowned": the clause names an event and says, by a cue right before its word,
//! that it did not take place. Such a statement neither states nor denies the
//! claimed value ("she nearly died in February 1934" does not deny that she died in
//! 1934), and an event that "nearly happened" did not happen.
//!
//! The cue governs only the event word right after it: auxiliaries, "to", an
//! article or a possessive may stand between ("was nearly being killed", "came
//! close to a meltdown"), nothing else, so "nearly 4,000 people died" (a number
//! nearly reached) and "almost certainly died" are no counterfactuals. "Near",
//! "escaped" and "cheated" must touch the event ("near death", "escaped death"):
//! "near the explosion site" and "escaped the fire" speak of an event that did
//! happen.
//!
//! A condition ("if the choir had 5,200 members, …") supposes its statement: it
//! neither states nor denies it either.

use std::sync::LazyLock;

use crate::re::Regex;

use super::{Frame, Link, cue_regex, words};
use crate::lexicon;

/// The most words a cue reaches across to its event.
const GAP: usize = 3;

static CUES: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::COUNTERFACTUAL_CUES]));
static TOUCHING: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::COUNTERFACTUAL_TOUCHING]));

/// The cue that makes the event of `f` one that did not happen, if one does. The
/// event is the trigger's word; a term (no trigger) is no event of its own here.
pub(super) fn near_miss(f: &Frame) -> Option<String> {
    let event = match f.link {
        Link::Same | Link::Attached | Link::Separate => f.trigger.clone()?,
        Link::Alone | Link::Contrast => return None,
    };
    let seg = f.segs[f.seg_of(event.start)].range.clone();
    let before = &f.text[seg.start.min(event.start)..event.start];
    let bridged = |gap: &str, any: bool| {
        let mut n = 0;
        words(gap).all(|w| {
            n += 1;
            n <= GAP
                && (w == "being"
                    || (any
                        && (lexicon::is(lexicon::AUXILIARIES, w)
                            || lexicon::is(lexicon::COUNTERFACTUAL_GAPS, w))))
        })
    };
    if let Some(m) = CUES.find_iter(before).last()
        && bridged(&before[m.end()..], true)
    {
        return Some(m.as_str().to_string());
    }
    TOUCHING
        .find_iter(before)
        .last()
        .filter(|m| bridged(&before[m.end()..], false))
        .map(|m| m.as_str().to_string())
}

/// The opener of the condition the statement of `f` is supposed in, if it is:
/// the value's clause opens with "if" or "unless" ("If the choir had 5,200
/// members, …", "…, even if the concert lasted five hours"), and the trigger,
/// where there is one, stands in that clause too. A value in the main clause
/// after a condition ("If one counts the guests, the choir had 5,200 members")
/// is stated.
pub(super) fn condition(f: &Frame) -> Option<String> {
    if !matches!(f.link, Link::Same | Link::Alone) {
        return None;
    }
    let clause = &f.text[f.segs[f.vseg].range.clone()];
    let mut opening = words(clause).take(2);
    let first = opening.next()?;
    let opener = if lexicon::is(lexicon::CONDITION_LEADS, first) {
        opening.next()?
    } else {
        first
    };
    lexicon::is(lexicon::CONDITION_OPENERS, opener).then(|| opener.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::AssertionMode::*;
    use super::super::tests::mode_at;

    fn cue(sentence: &str, value: &str, trigger: &str) -> Option<String> {
        match mode_at(sentence, value, Some(trigger)) {
            (Counterfactual, cue) => cue,
            _ => None,
        }
    }

    #[test]
    fn a_condition_supposes_its_statement() {
        let cond = |s: &str, v: &str, t: Option<&str>| match mode_at(s, v, t) {
            (Counterfactual, cue) => cue,
            _ => None,
        };
        let members = Some("members");
        for (s, opener) in [
            (
                "If the choir had 5,200 members, Marten would have said so.",
                "if",
            ),
            (
                "Marten would have said so if the choir had 5,200 members.",
                "if",
            ),
            (
                "Unless the choir had 5,200 members, the hall was too big.",
                "unless",
            ),
            (
                "The hall felt full, even if the choir had 5,200 members.",
                "if",
            ),
        ] {
            assert_eq!(cond(s, "5,200", members), Some(opener.into()), "{s}");
        }
        // A term stands for its own event.
        assert_eq!(
            cond(
                "If the Linz Chorus had sung, the hall would be full.",
                "Linz Chorus",
                None
            ),
            Some("if".into())
        );
        // The statement outside the condition is made.
        for s in [
            "If one counts the guests, the choir had 5,200 members.",
            "The choir had 5,200 members if one counts the guests.",
            "When the choir had 5,200 members, Marten left.",
        ] {
            assert_eq!(cond(s, "5,200", members), None, "{s}");
        }
    }

    #[test]
    fn a_near_miss_is_no_event() {
        assert_eq!(
            cue("She almost died in 1932 after a fall.", "1932", "died"),
            Some("almost".into())
        );
        assert_eq!(
            cue("He nearly drowned in 1905.", "1905", "drowned"),
            Some("nearly".into())
        );
        assert_eq!(
            cue(
                "In 1915 he was nearly killed at the front.",
                "1915",
                "killed"
            ),
            Some("nearly".into())
        );
        assert_eq!(
            cue("She was nearly killed in 1935.", "1935", "killed"),
            Some("nearly".into())
        );
        assert_eq!(
            cue("He had very nearly died of typhus in 1899.", "1899", "died"),
            Some("nearly".into())
        );
        assert_eq!(
            cue(
                "The reactor came close to exploding in 1985.",
                "1985",
                "exploding"
            ),
            Some("came close to".into())
        );
        assert_eq!(
            cue(
                "Operators narrowly averted a meltdown in 1982.",
                "1982",
                "meltdown"
            ),
            Some("averted".into())
        );
        assert_eq!(
            cue(
                "She was on the verge of death in the winter of 1932.",
                "1932",
                "death"
            ),
            Some("on the verge of".into())
        );
        // A cue standing alone before the event word.
        assert_eq!(
            cue(
                "After a near death in 1932, she recovered.",
                "1932",
                "death"
            ),
            Some("near".into())
        );
        assert_eq!(
            cue(
                "He escaped death in 1905 by a few minutes.",
                "1905",
                "death"
            ),
            Some("escaped".into())
        );
        assert_eq!(
            cue(
                "He narrowly escaped being killed in 1905.",
                "1905",
                "killed"
            ),
            Some("escaped".into())
        );
    }

    #[test]
    fn an_attempt_or_an_imagined_event_did_not_happen() {
        assert_eq!(
            cue("In 1910 she tried to remarry.", "1910", "remarry"),
            Some("tried to".into())
        );
        assert_eq!(
            cue(
                "Without the surgery he would have died in 1932.",
                "1932",
                "died"
            ),
            Some("would have".into())
        );
        assert_eq!(
            cue(
                "The crew failed to shut down the reactor in 1986.",
                "1986",
                "shut down"
            ),
            Some("failed to".into())
        );
    }

    #[test]
    fn a_cue_before_anything_but_the_event_word_is_no_counterfactual() {
        // A number nearly reached, a hedge, a time.
        assert_eq!(
            mode_at("Nearly 4,000 people died in 1986.", "4,000", Some("died")).0,
            Asserted
        );
        assert_eq!(
            mode_at("She almost certainly died in 1934.", "1934", Some("died")),
            (Hedged, Some("almost certainly".into()))
        );
        assert_eq!(
            mode_at(
                "He nearly always wrote before he died in 1934.",
                "1934",
                Some("died")
            )
            .0,
            Asserted
        );
        assert_eq!(
            mode_at(
                "Almost a year later, she died in 1934.",
                "1934",
                Some("died")
            )
            .0,
            Asserted
        );
        assert_eq!(
            mode_at("She died almost forgotten in 1934.", "1934", Some("died")).0,
            Asserted
        );
        // "Narrowly" says by how much, not that it did not happen.
        assert_eq!(
            mode_at(
                "She narrowly won the election in 1934.",
                "1934",
                Some("won")
            )
            .0,
            Asserted
        );
        // A place near the event, an event escaped by being elsewhere.
        assert_eq!(
            mode_at(
                "They lived near the explosion site in 1986.",
                "1986",
                Some("explosion")
            )
            .0,
            Asserted
        );
        assert_eq!(
            mode_at(
                "The workers escaped the explosion in 1986.",
                "1986",
                Some("explosion")
            )
            .0,
            Asserted
        );
        // The cue is in another clause.
        assert_eq!(
            mode_at(
                "She nearly gave up, and she died in 1934.",
                "1934",
                Some("died")
            )
            .0,
            Asserted
        );
        // A term is no event of its own.
        assert_eq!(
            mode_at("He was nearly killed with an ice pick.", "ice pick", None).0,
            Asserted
        );
    }
}
