//! Number claims: each quantity of a sentence paired with the trigger of its
//! clause, where it is stated in the claim's unit.
//!
//! A duration counted from another event ("three years later") and an age of
//! someone else ("his 25-year-old assistant") state nothing about the claim's own
//! quantity; nor does a number that is part of a date.

use super::{Scan, local};
use crate::extract::number::{NumberMention, singular};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::span::{LocalSpan, Span};

/// Pairs the numbers of one analysed sentence with its number triggers.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit]) {
    if triggers.is_empty() {
        return;
    }
    let numbers: Vec<&NumberMention> = a
        .numbers()
        .iter()
        .filter(|n| !n.relative && !n.attributive)
        .filter(|n| {
            !a.dates
                .iter()
                .any(|d| d.span.start < n.span.end && n.span.start < d.span.end)
        })
        .collect();
    let spans: Vec<LocalSpan> = numbers.iter().map(|n| Span::from(n.span.clone())).collect();
    let trig: Vec<LocalSpan> = triggers.iter().map(|t| local(t)).collect();
    let paired = a.clauses.pair(a.text, &a.tokens, &spans, &trig);
    for (n, paired) in numbers.iter().zip(paired) {
        let mut seen = Vec::new();
        for t in paired {
            let claim = triggers[t].claim;
            let c = &scan.claims.claims[claim];
            if seen.contains(&claim) || !unit_fits(c.unit.as_deref(), n) {
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

/// Whether a number's unit is the claim's (a claim without a unit takes any number;
/// a claim with one takes only numbers stated in it, ages counting as years).
pub fn unit_fits(unit: Option<&str>, n: &NumberMention) -> bool {
    match unit {
        None => true,
        Some(u) => n.unit.as_deref() == Some(singular(u).as_str()),
    }
}
