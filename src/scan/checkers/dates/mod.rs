//! Date claims: each date of a sentence paired with the trigger of its clause.
//!
//! A year that names something else dates only that: "the 1972 film", "the
//! revolution of 1917", a date in parentheses after another person's name
//! ("Nina Nevelson (1902 – 9 June 1928)"); a year listed with such a year shares
//! its noun ("the upheavals of 1830 and 1848").
//!
//! A distance from an event is not the event: a date in "36 hours after the
//! explosion on 26 April" dates only the explosion, and an event named after
//! "since", "after" or "the centenary of" is dated by subtraction from the date
//! the distance is counted to ("4 July 2034 – 100 years since her death" says
//! she died on 4 July 1934).

mod distances;
mod names;

use std::ops::Range;

use super::{Scan, local};
use crate::extract::date::DateMention;
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::span::{LocalSpan, Span};
pub(super) use distances::Distances;
use names::{bound_noun, paren_name};

/// Pairs the dates of one analysed sentence with its date triggers; a date with
/// no trigger of its own answers the claims `lent` by the unit above.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit], lent: &[usize]) {
    let lent: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind == crate::claims::ClaimKind::Date)
        .collect();
    if triggers.is_empty() && lent.is_empty() {
        return;
    }
    let dist = Distances::new(a);
    // Triggers naming an event a distance counts from are dated through it.
    let (far, near): (Vec<&TriggerHit>, Vec<&TriggerHit>) = triggers
        .iter()
        .copied()
        .partition(|t| dist.event_of(&t.range).is_some());
    for t in &far {
        dist.date_event(scan, a, t);
    }
    let spans: Vec<LocalSpan> = a.dates.iter().map(|d| Span::from(d.span.clone())).collect();
    let trig: Vec<LocalSpan> = near.iter().map(|t| local(t)).collect();
    let mut paired = a.clauses().pair(a.text, &a.tokens, &spans, &trig);
    for (d, p) in a.dates.iter().zip(paired.iter_mut()) {
        // A date in a distance's measure is not an event's; one inside the
        // words of the event a distance counts from dates that event only (the
        // triggers there were set apart above).
        if dist.in_measure(&d.span) || dist.event_of(&d.span).is_some() {
            p.clear();
        }
    }
    let mut prev: Option<(Range<usize>, Option<Range<usize>>)> = None;
    for (d, paired) in a.dates.iter().zip(paired) {
        // A value with no trigger of its own answers the question or label above.
        if paired.is_empty() {
            answer_lent(scan, a, d, &lent);
        }
        // A year listed with one that names another thing dates only that thing.
        let listed = prev.as_ref().and_then(|(span, bound)| {
            let gap = &a.text[span.end.min(d.span.start)..d.span.start];
            matches!(gap, " and " | " or " | ", " | ", and ")
                .then(|| bound.clone())
                .flatten()
        });
        let named = paren_name(a, d, scan.matcher.subject());
        let bound = listed
            .or_else(|| bound_noun(a.text, d))
            .or_else(|| named.clone());
        prev = Some((d.span.clone(), bound.clone()));
        let mut seen = Vec::new();
        for t in paired {
            let claim = near[t].claim;
            if !bound_allows(scan, a, claim, bound.as_ref(), named.as_ref(), trig[t])
                || seen.contains(&claim)
            {
                continue;
            }
            seen.push(claim);
            assert_date(scan, a, claim, d, trig[t]);
        }
    }
}

/// Whether a date bound to a noun or a name may still pair with a claim's
/// trigger: the trigger is that noun, or the name in parentheses before the date
/// is the claim's subject ("Irène (born 1897)" for a claim about Irène).
fn bound_allows(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    claim: usize,
    bound: Option<&Range<usize>>,
    named: Option<&Range<usize>>,
    trigger: LocalSpan,
) -> bool {
    let Some(b) = bound else {
        return true;
    };
    let theirs = named.is_some_and(|n| {
        !n.is_empty()
            && scan
                .matcher
                .claim_subject(claim)
                .is_some_and(|k| scan.matcher.subjects()[k].is_subject(&a.text[n.clone()]))
    });
    theirs || trigger.overlaps(Span::from(b.clone()))
}

/// Records a date paired with a claim's trigger: on the weekday where the day is
/// right and the weekday wrong, else on the date.
fn assert_date(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    claim: usize,
    d: &DateMention,
    trigger: LocalSpan,
) {
    let span = match &d.weekday {
        Some((_, w))
            if d.weekday_agrees() == Some(false)
                && crate::check::date_agrees(d, &scan.claims.claims[claim]) =>
        {
            Span::from(w.clone())
        }
        _ => Span::from(d.span.clone()),
    };
    scan.assert_with(a, claim, span, trigger, Observed::Date(d.clone()));
}

/// A date with no trigger of its own, in an answer, a label's value or a table
/// cell, for each claim the unit above names.
fn answer_lent(scan: &mut Scan<'_>, a: &Analysis<'_>, d: &DateMention, lent: &[usize]) {
    for &claim in lent {
        if scan.in_scope(a, claim, d.span.start) {
            scan.assert(
                a,
                claim,
                Span::from(d.span.clone()),
                Observed::Date(d.clone()),
            );
        }
    }
}
