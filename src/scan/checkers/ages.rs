//! Ages: a stated age of the subject, checked by arithmetic against its birth date.
//!
//! The age must be the subject's ("Trotsky, then 23," names its owner; "his
//! 25-year-old assistant" is someone else's; a clause whose actor is someone
//! else speaks of their age), and it needs a date of its own sentence: a date of
//! its clause, else the nearest date of the sentence, else the date of an event
//! the sentence names (a date claim whose trigger fired there). An age with no
//! date in its sentence ("At the age of twelve, she moved …") is not checked
//! against a date of an earlier sentence about another event.

use std::cell::OnceCell;
use std::sync::LazyLock;

use crate::re::Regex;

use super::Scan;
use crate::claims::Expected;
use crate::extract::date::{DateMention, Shape};
use crate::extract::number::NumberMention;
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::clauses::Pairing;
use crate::scan::matcher::TriggerHit;
use crate::span::near::Nearby;
use crate::span::reach::Reach;
use crate::span::{LocalSpan, Span};

/// Words that state an age: only sentences holding one are searched for ages
/// (`at` and a number is one after a word of dying: "she died at 67").
static AGE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:aged?|ages of|years? old|(?:then (?:aged )?|at )(?:\d+|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)|turned|turning)\b")
        .expect("valid regex")
});

/// "would be 147 years old", "will turn 40": an age that is not (yet) reached.
static UNREAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:would|will|could|might|should)(?: have)? (?:be|been|turn|turned|become|reach|reached)(?: (?:about|almost|nearly|over))? $")
        .expect("valid regex")
});

/// Whether a folded sentence states an age.
pub fn has_cue(text: &str) -> bool {
    AGE_CUE.is_match(text)
}

/// Checks the ages stated in one analysed sentence; `date_triggers` are the date
/// claims' triggers that fired in it.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, date_triggers: &[&TriggerHit]) {
    let Some(age_claim) = scan.claims.age_claim else {
        return;
    };
    let numbers: Vec<NumberMention> = a.numbers().to_vec();
    let dates = SentenceDates::new(a, date_triggers);
    let pairing = OnceCell::new();
    for n in &numbers {
        // "the 60-year-old Trotsky" is the subject's age; "his 25-year-old
        // assistant" is not.
        let of_subject = n.attributive
            && scan.matcher.subject().is_some_and(|sm| {
                let rest = a.text[n.span.end..]
                    .split_once(" old ")
                    .map_or("", |(_, r)| r);
                let noun = rest.split(' ').next().unwrap_or("");
                sm.is_subject(noun.trim_matches(|c: char| !c.is_alphanumeric()))
            });
        if !n.age
            || UNREAL.is_match(&a.text[..n.span.start])
            || (n.attributive && !of_subject)
            || n.relative
            || dates.all.overlaps(Span::from(n.span.clone()))
        {
            continue;
        }
        let span: LocalSpan = Span::from(n.span.clone());
        if !is_subjects(scan, a, n, span, age_claim) {
            continue;
        }
        let Some(on) = age_date(scan, (&dates, &pairing), n, date_triggers) else {
            continue;
        };
        scan.assert(
            a,
            age_claim,
            span,
            Observed::Age {
                years: n.value,
                birthday: n.birthday,
                on,
            },
        );
    }
}

/// Whether a stated age is the subject's: "Trotsky, then 23," names its owner just
/// before it; otherwise the age's clause must be about the subject and no other
/// name may act right before it.
fn is_subjects(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    span: LocalSpan,
    age_claim: usize,
) -> bool {
    let Some(sm) = scan.matcher.subject() else {
        return true;
    };
    if n.appositive {
        let before = a.text[..n.span.start].trim_end();
        let before = before.rsplit_once(',').map_or("", |(b, _)| b);
        let owner = before.rsplit(' ').next().unwrap_or("");
        return sm.is_subject(owner) || sm.is_pronoun(owner);
    }
    let sentence = a.sentence_prose();
    let prose = a.prose(span);
    if crate::scan::subject::event_of_other(a.doc, sentence, prose.range(), sm) {
        return false;
    }
    scan.in_scope(a, age_claim, span.start)
}

/// The dates of one analysed sentence as its ages read them, read once for all
/// of its ages: the dates an age may refer to (not open ones), paired through
/// the clauses or nearest, every date, and the date claims' triggers.
struct SentenceDates<'s> {
    usable: Vec<&'s DateMention>,
    usable_spans: Nearby,
    all: Reach,
    triggers: Nearby,
    analysis: &'s Analysis<'s>,
}

impl<'s> SentenceDates<'s> {
    fn new(a: &'s Analysis<'s>, date_triggers: &[&TriggerHit]) -> SentenceDates<'s> {
        let usable: Vec<&DateMention> = a.dates.iter().filter(|d| d.shape != Shape::Open).collect();
        let spans = usable.iter().map(|d| Span::from(d.span.clone())).collect();
        SentenceDates {
            usable,
            usable_spans: Nearby::new(spans),
            all: Reach::new(a.dates.iter().map(|d| Span::from(d.span.clone()))),
            triggers: Nearby::new(
                date_triggers
                    .iter()
                    .map(|t| Span::from(t.range.clone()))
                    .collect(),
            ),
            analysis: a,
        }
    }

    /// The usable date that the clauses pair `at` with, the first paired;
    /// `pairing` is read (and kept) on first use.
    fn paired<'p>(&'p self, pairing: &OnceCell<Pairing<'p>>, at: LocalSpan) -> Option<usize> {
        let a = self.analysis;
        let spans = self.usable_spans.spans();
        let pairing =
            pairing.get_or_init(|| Pairing::new(a.clauses(), a.text, &a.tokens, &[], spans));
        pairing.pair_alone(at).first().copied()
    }
}

/// The date a stated age refers to: a date of its own clause, else the nearest
/// date of the sentence, else the date of an event named in the sentence.
fn age_date<'p>(
    scan: &Scan<'_>,
    (dates, pairing): (&'p SentenceDates<'_>, &OnceCell<Pairing<'p>>),
    n: &NumberMention,
    date_triggers: &[&TriggerHit],
) -> Option<DateMention> {
    let at: LocalSpan = Span::from(n.span.clone());
    if let Some(i) = dates.paired(pairing, at) {
        return Some(dates.usable[i].clone());
    }
    if let Some(i) = dates.usable_spans.nearest(at) {
        return Some(dates.usable[i].clone());
    }
    let nearest = dates.triggers.nearest(at).map(|i| date_triggers[i]);
    if let Some(t) = nearest
        && let Expected::Date { value, .. } = &scan.claims.claims[t.claim].expected
    {
        return Some(DateMention {
            span: t.range.clone(),
            value: *value,
            readings: scan.claims.claims[t.claim].expected.date_intervals(),
            shape: Shape::Point,
            weekday: None,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_that_may_state_an_age() {
        for text in [
            "she died at 67.",
            "he died in paris at sixty seven",
            "trotsky, then 23, sided",
            "died aged 60",
            "at the age of 12",
            "he was 60 years old",
            "he turned 38 that day",
        ] {
            assert!(has_cue(text), "{text}");
        }
        for text in ["she died at home.", "he arrived at noon", "31 people died"] {
            assert!(!has_cue(text), "{text}");
        }
    }
}
