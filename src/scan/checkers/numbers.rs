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

/// Pairs the numbers of one analysed sentence with its number triggers.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit], lent: &[usize]) {
    let lent: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind == crate::claims::ClaimKind::Number)
        .collect();
    if triggers.is_empty() && lent.is_empty() {
        return;
    }
    let numbers: Vec<&NumberMention> = a
        .numbers()
        .iter()
        .filter(|n| !n.relative && !n.partial && !n.increment)
        .filter(|n| !(n.attributive && n.age))
        // "100 years since her death": a distance from an event, not a quantity.
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
        .collect();
    let trig: Vec<LocalSpan> = triggers.iter().map(|t| local(t)).collect();
    // Each number pairs with the nearest trigger of a claim that could take it
    // (its unit and owner fit), so that "the zone is 30 km across" pairs 30 with
    // the width, not with the nearer word of an area claim in square km.
    let spans: Vec<LocalSpan> = numbers.iter().map(|n| Span::from(n.span.clone())).collect();
    let paired: Vec<Vec<usize>> = numbers
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let fits: Vec<usize> = (0..triggers.len())
                .filter(|&t| {
                    let c = &scan.claims.claims[triggers[t].claim];
                    (c.units.is_empty() || c.units.iter().any(|u| unit_fits(Some(u), n, a.text)))
                        && owner_fits(scan, a, n, triggers[t].claim, trig[t])
                })
                .collect();
            let sub: Vec<LocalSpan> = fits.iter().map(|&t| trig[t]).collect();
            // The other numbers stay values, so that clauses are read alike.
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
        })
        .collect();
    for (n, paired) in numbers.iter().zip(paired) {
        let mut seen = Vec::new();
        // A value with no trigger of its own answers the question or label above.
        if paired.is_empty() {
            for &claim in &lent {
                let c = &scan.claims.claims[claim];
                let unit_ok =
                    c.units.is_empty() || c.units.iter().any(|u| unit_fits(Some(u), n, a.text));
                if unit_ok && scan.in_scope(a, claim, n.span.start) {
                    scan.assert(
                        a,
                        claim,
                        Span::from(n.span.clone()),
                        Observed::Number((*n).clone()),
                    );
                }
            }
        }
        for t in paired {
            let claim = triggers[t].claim;
            let c = &scan.claims.claims[claim];
            if seen.contains(&claim)
                || !(c.units.is_empty() || c.units.iter().any(|u| unit_fits(Some(u), n, a.text)))
                || !owner_fits(scan, a, n, claim, trig[t])
            {
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
