//! Negation: which statements a sentence denies.
//!
//! A denial word ("rather than", "wrongly", "myth") denies the value that follows
//! it closely in its clause. A negation ("not", "never", "no one") governs the verb
//! of its clause: it denies a statement when it stands before the statement's event
//! verb (or, for a term, the term) in the same clause, within a few words, with no
//! subordinate clause ("why", "when"), new subject ("he") or verb of knowing or
//! saying ("knew", "said") between them. It also denies a value it stands right
//! before ("not in 1871", "an ice axe, not an ice pick", "not before 1935").
//! "Not only", "no longer", "not until" and their kind deny nothing, nor does "did
//! not … until 1929": there "until" marks when the event happened. A negation that
//! puts the time first ("not until 1935 did she die", "it was not before 1935 that
//! she died") states the time, and denies nothing ([`open_date_is_the_time`]). A
//! modal right before the negation ("may not", "might never") hedges the denial.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::{Frame, Link, cue_regex, words};
use crate::lexicon;

/// The farthest, in words, that a cue reaches.
const REACH: usize = 8;

static NEGATION: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::NEGATION_CUES]));
static DENIAL: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::DENIAL_CUES]));
static UNTIL: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::UNTIL_WORDS]));
static FIRST_TIME: LazyLock<Regex> = LazyLock::new(|| cue_regex(&[lexicon::FIRST_TIME_WORDS]));

/// A cue that denies a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Denial {
    /// The cue as written ("not", "never", "wrongly").
    pub cue: String,
    /// Where it stands in the sentence.
    pub at: Range<usize>,
    /// The modal that hedges it, with the cue ("may not"), where one stands right before.
    pub hedge: Option<String>,
    /// A word that says a report is wrong ("wrongly", "falsely", "myth"): the
    /// document's own denial, whatever hedge the report it denies carries ("he
    /// falsely claimed he was born in 1871").
    pub firm: bool,
}

impl Denial {
    fn new(text: &str, at: Range<usize>) -> Denial {
        let modal = words(&text[..at.start])
            .last()
            .filter(|w| lexicon::is(lexicon::HEDGING_MODALS, w));
        let cue = text[at.clone()].to_string();
        let hedge = modal.map(|m| {
            if cue.starts_with('n') && cue.contains('\'') {
                format!("{m}{cue}")
            } else {
                format!("{m} {cue}")
            }
        });
        Denial {
            cue,
            at,
            hedge,
            firm: false,
        }
    }

    /// A word that says a report is wrong, at `at` of `text`: the document's own
    /// denial, with no hedge.
    pub(super) fn firm(text: &str, at: Range<usize>) -> Denial {
        Denial {
            cue: text[at.clone()].to_string(),
            at,
            hedge: None,
            firm: true,
        }
    }
}

/// The cue that denies the statement of `f`, if one does.
pub(super) fn denial(f: &Frame) -> Option<Denial> {
    let seg = f.segs[f.vseg].range.clone();
    let v = f.value.clone();
    // A denial word before the value in its segment, within reach.
    let from = seg.start.min(v.start);
    let before = &f.text[from..v.start];
    if let Some(m) = DENIAL.find_iter(before).last()
        && words(&before[m.end()..]).nth(REACH).is_none()
        && !(lexicon::is(lexicon::DENIAL_PREPOSITIONS, m.as_str())
            && opens_clause(&before[m.end()..]))
    {
        return Some(Denial {
            firm: true,
            ..Denial::new(f.text, from + m.start()..from + m.end())
        });
    }
    // "Rumours that she remarried were false".
    if let Some(d) = super::dismissed::dismissed(f) {
        return Some(d);
    }
    // "Not until 1935 did she die", "it was not before 1935 that she died": the
    // negation puts the time first, and denies nothing.
    if first_time(f) {
        return None;
    }
    // A negation right before the value: "not in 1871", "not before 1935".
    if let Some(m) = NEGATION.find_iter(before).last()
        && !non_denial(before, m.start())
        && words(&before[m.end()..]).all(|w| lexicon::is(lexicon::VALUE_LEADS, w))
    {
        return Some(Denial::new(f.text, from + m.start()..from + m.end()));
    }
    // A negation that governs the statement's verb, unless an "until" between it and
    // the value says when the event happened: "he did not leave until 1929".
    let m = governing(f)?;
    let until = UNTIL
        .find_iter(&f.text[..f.value.start])
        .last()
        .map(|u| u.start());
    until
        .is_none_or(|u| u < m.end)
        .then(|| Denial::new(f.text, m))
}

/// The negation that governs the statement's verb (the trigger's, or the term's
/// own), if one does.
fn governing(f: &Frame) -> Option<Range<usize>> {
    let t = match f.link {
        Link::Alone => f.value.clone(),
        Link::Contrast => return None,
        Link::Same | Link::Attached | Link::Separate => f.trigger.clone()?,
    };
    let seg = f.segs[f.seg_of(t.start)].range.clone();
    let from = seg.start.min(t.start);
    NEGATION
        .find_iter(&f.text[from..t.start])
        .map(|m| from + m.start()..from + m.end())
        .find(|m| !non_denial(f.text, m.start) && reaches(&f.text[m.end..t.start]))
}

/// Whether the open date that is the value of `f` ("until 1935", "before 1935")
/// is the time its event happened rather than the bound of a period: put first
/// with a negation ([`first_time`]), right after "not" ("not until 1935"), or after
/// the clause's negated verb ("she did not die until 1935"). "She lived there until
/// 1935" and "she was not born before 1869" bound a period.
pub(super) fn open_date_is_the_time(f: &Frame) -> bool {
    if first_time(f) {
        return true;
    }
    let Some(u) = word_before_value(f, &UNTIL) else {
        return false;
    };
    let right_after_negation = negation_right_before(f.text, u.start);
    let verb_before = f.trigger.as_ref().is_some_and(|t| t.end <= u.start);
    right_after_negation || (verb_before && governing(f).is_some_and(|n| n.end <= u.start))
}

/// Whether the value of `f` is the time its event first happened, put first with a
/// negation: "not until 1935 did she die", "not before 1935 was he exiled" (an
/// inverted auxiliary after the value), "it was not until 1935 that she died" (a
/// cleft: "it" and a form of "be" before the negation, "that" after the value).
fn first_time(f: &Frame) -> bool {
    let Some(u) = word_before_value(f, &FIRST_TIME) else {
        return false;
    };
    let Some(n) = NEGATION
        .find_iter(&f.text[..u.start])
        .last()
        .filter(|n| f.text[n.end()..u.start].trim().is_empty())
    else {
        return false;
    };
    let before: Vec<&str> = words(&f.text[..n.start()]).collect();
    let next = words(&f.text[f.value.end..]).next().unwrap_or("");
    let inverted = before.is_empty() && lexicon::is(lexicon::AUXILIARIES, next);
    let cleft = matches!(before.as_slice(), [.., "it", be] if lexicon::is(lexicon::COPULAS, be))
        && next == "that";
    inverted || cleft
}

/// The word of `cue` that ends the text right before the value of `f` ("until"
/// in "until 1935"), or opens the value's own words.
fn word_before_value(f: &Frame, cue: &Regex) -> Option<Range<usize>> {
    let v = f.value.clone();
    let mut end = v.end.min(v.start + 7);
    while !f.text.is_char_boundary(end) {
        end -= 1;
    }
    cue.find_iter(&f.text[..end])
        .last()
        .filter(|u| f.text[u.end()..v.start.max(u.end())].trim().is_empty())
        .map(|u| u.range())
}

/// Whether a negation ends the text right before `at` ("not" in "not until").
fn negation_right_before(text: &str, at: usize) -> bool {
    NEGATION
        .find_iter(&text[..at])
        .last()
        .is_some_and(|n| text[n.end()..at].trim().is_empty())
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

/// Whether the words `between` a denying preposition and the value open a
/// clause of their own after its object: a subject pronoun or a finite verb
/// comes before any word that opens a clause inside the object ("contrary to
/// legend he was killed", but "contrary to the claim that he was killed").
fn opens_clause(between: &str) -> bool {
    for w in words(between) {
        // "that" opens a clause too, though SUBORDINATORS leaves it out as a
        // determiner ("that year").
        if lexicon::is(lexicon::SUBORDINATORS, w) || w == "that" {
            return false;
        }
        let finite =
            lexicon::is(lexicon::AUXILIARIES, w) && !lexicon::is(lexicon::NONFINITE_AUXILIARIES, w);
        if finite || lexicon::is(lexicon::SUBJECT_PRONOUNS, w) {
            return true;
        }
    }
    false
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
    fn a_denying_preposition_denies_its_object_not_the_clause_after_it() {
        for (sentence, value) in [
            (
                "Contrary to a popular legend Pembury was killed with an axe.",
                "axe",
            ),
            ("Instead of a pick he used an axe.", "axe"),
            ("Contrary to reports the weapon was an axe.", "axe"),
        ] {
            assert_eq!(mode(sentence, value).0, Asserted, "{sentence}");
        }
        for (sentence, value) in [
            (
                "Contrary to the popular legend of an axe, it was a pick.",
                "axe",
            ),
            ("Instead of an axe he used a pick.", "axe"),
            ("Rather than being killed with an axe, he was shot.", "axe"),
            ("The weapon is often wrongly said to be an axe.", "axe"),
        ] {
            assert_eq!(mode(sentence, value).0, Negated, "{sentence}");
        }
        // A clause inside the object is the object's: not stated, but the
        // claim it reports (hedged).
        let s = "Contrary to the claim that he was killed with an axe, he was shot.";
        assert_eq!(mode(s, "axe").0, Hedged);
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

    #[test]
    fn a_modal_before_a_negation_hedges_the_denial() {
        assert_eq!(
            mode_at("She may not have died in 1932.", "1932", Some("died")),
            (HedgedDenial, Some("may not".into()))
        );
        assert_eq!(
            mode_at(
                "He might never have remarried.",
                "remarried",
                Some("remarried")
            ),
            (HedgedDenial, Some("might never".into()))
        );
        assert_eq!(
            mode_at("He probably did not die in 1940.", "1940", Some("die")),
            (HedgedDenial, Some("probably".into()))
        );
        // A firm denial word is the document's own, whatever it denies.
        assert_eq!(
            mode_at(
                "He falsely claimed he was born in 1871.",
                "1871",
                Some("born")
            ),
            (Negated, Some("falsely".into()))
        );
        // A modal that does not stand right before the negation.
        assert_eq!(
            mode_at(
                "She may have left, and did not die in 1932.",
                "1932",
                Some("die")
            ),
            (Negated, Some("not".into()))
        );
    }

    /// Whether the date `value` (a year) of `sentence` is the time of `trigger`.
    fn is_the_time(sentence: &str, value: &str, trigger: &str) -> bool {
        let f = crate::extract::normalize::fold(sentence).text;
        let at = |w: &str| {
            let s = f.find(w).expect("word in sentence");
            s..s + w.len()
        };
        super::super::open_date_is_the_time(&f, at(value), Some(at(trigger)))
    }

    #[test]
    fn a_negation_that_puts_the_time_first_states_it() {
        for (s, t) in [
            ("It was not until 1935 that she died.", "died"),
            ("Not until 1935 did she die.", "die"),
            ("Not till 1935 was he exiled.", "exiled"),
            ("Not before 1935 did she die.", "die"),
            ("It was not before 1935 that she died.", "died"),
            ("She did not die until 1935.", "die"),
        ] {
            assert!(is_the_time(s, "1935", t), "{s}");
            assert_eq!(mode_at(s, "1935", Some(t)), (Asserted, None), "{s}");
        }
    }

    #[test]
    fn an_open_date_in_a_real_negation_or_a_period_is_no_time() {
        // "Before" without an inversion or a cleft bounds what is denied.
        assert!(!is_the_time(
            "She was not born before 1869.",
            "1869",
            "born"
        ));
        assert_eq!(
            mode_at("She was not born before 1869.", "1869", Some("born")),
            (Negated, Some("not".into()))
        );
        assert!(!is_the_time(
            "Not before 1935, she said, did he die.",
            "1935",
            "die"
        ));
        // A period, a negation that governs another verb.
        assert!(!is_the_time(
            "She lived there until 1935 and died.",
            "1935",
            "died"
        ));
        assert!(!is_the_time(
            "No one knew until 1935 that she had died.",
            "1935",
            "died"
        ));
        // A real negation beside a "not until" still denies.
        let s = "She did not die in 1934; not until 1936 did she remarry.";
        assert_eq!(
            mode_at(s, "1934", Some("die")),
            (Negated, Some("not".into()))
        );
        assert_eq!(mode_at(s, "1936", Some("remarry")), (Asserted, None));
    }
}
