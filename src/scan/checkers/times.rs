//! Time claims: each time of day of a sentence paired with the trigger of its
//! clause, as dates and numbers are, with the date written in the same clause
//! (`at 01:23 on 26 April 1986`), so that both are checked together.

use super::{Scan, local};
use crate::claims::ClaimKind;
use crate::extract::calendar::DateValue;
use crate::extract::date::{DateMention, Shape};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::clauses::Pairing;
use crate::scan::matcher::TriggerHit;
use crate::span::near::Nearby;
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
    let days = Days::new(a, &spans);
    for (ti, ((t, span), paired)) in times.iter().zip(&spans).zip(paired).enumerate() {
        let on = days.of(ti, *span);
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

/// The days of one analysed sentence (single dates to the day: `on 26 April
/// 1986`, `1986-04-26T01:23`), paired with its times once for all of them.
struct Days<'s> {
    days: Vec<DateValue>,
    near: Nearby,
    pairing: Pairing<'s>,
}

impl<'s> Days<'s> {
    fn new(a: &'s Analysis<'s>, times: &'s [LocalSpan]) -> Days<'s> {
        let days: Vec<&DateMention> = a
            .dates
            .iter()
            .filter(|d| d.shape == Shape::Point && d.value.day.is_some())
            .collect();
        let near = Nearby::new(days.iter().map(|d| Span::from(d.span.clone())).collect());
        // The days are the values, the times the triggers: a day pairs with a
        // time where it would with that time alone.
        let pairing = Pairing::new(a.clauses(), a.text, &a.tokens, near.spans(), times);
        Days {
            days: days.iter().map(|d| d.value).collect(),
            near,
            pairing,
        }
    }

    /// The day written in the clause of time `ti` (at `span`), the nearest
    /// where there are several; of many days, those around the time are asked.
    fn of(&self, ti: usize, span: LocalSpan) -> Option<DateValue> {
        let spans = self.near.spans();
        self.near
            .around(span)
            .iter()
            .copied()
            .filter(|&d| {
                !self
                    .pairing
                    .pair_value(d, spans[d], &|t| t == ti)
                    .is_empty()
            })
            .min_by_key(|&d| (spans[d].start.abs_diff(span.start), d))
            .map(|d| self.days[d])
    }
}
