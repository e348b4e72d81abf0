//! Number claims: each quantity of a sentence paired with the trigger of its
//! clause, where it is stated in the claim's unit.
//!
//! A quantity belongs to its noun: a claim with a unit takes only numbers whose
//! noun it names ("300 cabin berths" counts berths, not cabins). A measure used as
//! an adjective is the quantity of the noun it describes ("a 1,200 ton lid", "a
//! 12-horsepower engine"), and one after "X of" is X's ("a legacy of five Nobel
//! Prizes"): each counts only where that noun is the claim's trigger. A part of a
//! total ("one of them", "one person died, another …"), an increment ("three more
//! flights"), a duration counted from another event ("three years later") and a
//! number that is part of a date state nothing about the claim's own quantity.

use super::{Scan, local};
use crate::extract::number::{NumberMention, unit_fits};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::span::{LocalSpan, Span};

/// Pairs the numbers of one analysed sentence with its number triggers; a number
/// with no trigger of its own answers the claims `lent` by the unit above.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit], lent: &[usize]) {
    let lent: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind == crate::claims::ClaimKind::Number)
        .collect();
    if triggers.is_empty() && lent.is_empty() {
        return;
    }
    let numbers = quantities(a);
    let trig: Vec<LocalSpan> = triggers.iter().map(|t| local(t)).collect();
    let spans: Vec<LocalSpan> = numbers.iter().map(|n| Span::from(n.span.clone())).collect();
    for (i, n) in numbers.iter().enumerate() {
        let paired = pair_number(scan, a, i, &spans, triggers, &trig);
        if paired.is_empty() {
            for &claim in &lent {
                if takes(scan, a, n, claim) && scan.in_scope(a, claim, n.span.start) {
                    scan.assert(
                        a,
                        claim,
                        Span::from(n.span.clone()),
                        Observed::Number((*n).clone()),
                    );
                }
            }
        }
        let mut seen = Vec::new();
        for t in paired {
            let claim = triggers[t].claim;
            if seen.contains(&claim) {
                continue;
            }
            seen.push(claim);
            scan.assert_with(
                a,
                claim,
                Span::from(n.span.clone()),
                trig[t],
                Observed::Number((*n).clone()),
            );
        }
    }
}

/// The numbers of a sentence that may be a claim's quantity: not a part, an
/// increment, a duration from another event, an age used as an adjective, a
/// distance from an event ("100 years since her death") or a piece of a date.
fn quantities<'a>(a: &'a Analysis<'_>) -> Vec<&'a NumberMention> {
    a.numbers()
        .iter()
        .filter(|n| !n.relative && !n.partial && !n.increment)
        .filter(|n| !(n.attributive && n.age))
        .filter(|n| {
            !a.distances
                .iter()
                .any(|x| x.measure.start < n.span.end && n.span.start < x.measure.end)
        })
        .filter(|n| {
            !a.dates
                .iter()
                .any(|d| d.span.start < n.span.end && n.span.start < d.span.end)
        })
        .collect()
}

/// Whether claim `claim` could take number `n`: its unit names the number's
/// noun (or it has none).
fn takes(scan: &Scan<'_>, a: &Analysis<'_>, n: &NumberMention, claim: usize) -> bool {
    let c = &scan.claims.claims[claim];
    c.units.is_empty() || c.units.iter().any(|u| unit_fits(Some(u), n, a.text))
}

/// The triggers number `i` pairs with: the nearest of a claim that could take
/// it (unit and owner), so that "the zone is 30 km across" pairs 30 with the
/// width, not with the nearer word of an area claim in square km. The other
/// numbers stay values, so that the clauses are read alike.
fn pair_number(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    i: usize,
    spans: &[LocalSpan],
    triggers: &[&TriggerHit],
    trig: &[LocalSpan],
) -> Vec<usize> {
    let n = a_number(a, spans[i]);
    let fits: Vec<usize> = (0..triggers.len())
        .filter(|&t| {
            n.is_some_and(|n| {
                takes(scan, a, n, triggers[t].claim)
                    && owner_fits(scan, a, n, triggers[t].claim, trig[t])
            })
        })
        .collect();
    let sub: Vec<LocalSpan> = fits.iter().map(|&t| trig[t]).collect();
    let mut values = vec![spans[i]];
    values.extend(
        spans
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, s)| *s),
    );
    a.clauses.pair(a.text, &a.tokens, &values, &sub)[0]
        .iter()
        .map(|&k| fits[k])
        .collect()
}

/// The number mention at a span.
fn a_number<'a>(a: &'a Analysis<'_>, span: LocalSpan) -> Option<&'a NumberMention> {
    a.numbers()
        .iter()
        .find(|n| Span::from(n.span.clone()) == span)
}

/// Whether a number that is another noun's quantity ("a 1,200 ton lid", "a
/// legacy of five prizes", "a zone of 30 km") belongs to the claim: its noun is
/// the trigger it pairs with, or names the claim's subject.
fn owner_fits(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    claim: usize,
    trigger: LocalSpan,
) -> bool {
    let owner = if n.attributive {
        n.describes.clone()
    } else {
        n.of_noun.clone()
    };
    let Some(o) = owner else {
        return !n.attributive;
    };
    if trigger.overlaps(Span::from(o.clone())) {
        return true;
    }
    let word = &a.text[o];
    scan.matcher.claim_subject(claim).is_some_and(|k| {
        let m = &scan.matcher.subjects()[k];
        m.is_noun(word) || m.is_subject(word)
    })
}
