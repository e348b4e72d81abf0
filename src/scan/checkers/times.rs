//! Time claims: each time of day of a sentence paired with the trigger of its
//! clause, as dates and numbers are, with the date written in the same clause
//! (`at 01:23 on 26 April 1986`), so that both are checked together.

use super::{Scan, local};
use crate::claims::ClaimKind;
use crate::extract::calendar::DateValue;
use crate::extract::date::Shape;
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::span::{LocalSpan, Span};

/// Pairs the times of one analysed sentence with its time triggers; a time with
/// no trigger of its own answers the time claims `lent` by the unit above.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit], lent: &[usize]) {
    let lent: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind == ClaimKind::Time)
        .collect();
    if triggers.is_empty() && lent.is_empty() {
        return;
    }
    let times = a.times();
    if times.is_empty() {
        return;
    }
    let spans: Vec<LocalSpan> = times.iter().map(|t| Span::from(t.full_span())).collect();
    let trig: Vec<LocalSpan> = triggers.iter().map(|t| local(t)).collect();
    let paired = a.clauses().pair(a.text, &a.tokens, &spans, &trig);
    for ((t, span), paired) in times.iter().zip(&spans).zip(paired) {
        let on = date_of(a, *span);
        let observed = || Observed::Time {
            time: t.clone(),
            on,
        };
        if paired.is_empty() {
            for &claim in &lent {
                if scan.in_scope(a, claim, t.span.start) {
                    scan.assert(a, claim, *span, observed());
                }
            }
        }
        let mut seen = Vec::new();
        for i in paired {
            let claim = triggers[i].claim;
            if !seen.contains(&claim) {
                seen.push(claim);
                scan.assert_with(a, claim, *span, trig[i], observed());
            }
        }
    }
}

/// The day written in the clause of the time at `span` (a single date to the
/// day: `on 26 April 1986`, `1986-04-26T01:23`), the nearest where there are
/// several.
fn date_of(a: &Analysis<'_>, span: LocalSpan) -> Option<DateValue> {
    let days: Vec<_> = a
        .dates
        .iter()
        .filter(|d| d.shape == Shape::Point && d.value.day.is_some())
        .collect();
    let spans: Vec<LocalSpan> = days.iter().map(|d| Span::from(d.span.clone())).collect();
    let paired = a.clauses().pair(a.text, &a.tokens, &spans, &[span]);
    days.iter()
        .zip(paired)
        .filter(|(_, p)| !p.is_empty())
        .min_by_key(|(d, _)| d.span.start.abs_diff(span.start))
        .map(|(d, _)| d.value)
}
