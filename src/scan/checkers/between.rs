//! Between two events: a sentence that states the time between an event it
//! names and the event it tells of, both date or time claims ("they reached the
//! summit three hours after the start", "five days into the march, they crossed
//! the river", "the bridge opened two years after work began"), or between the
//! event of the sentence before and its own ("… Two days later they reached the
//! pass.", "The next morning …"). The statement is recorded under the claim of
//! the event it tells of, with the other claim's value, for the arithmetic of
//! [`crate::check`]; a sentence that writes a date or a time is left to the
//! rules that compare those.

use std::ops::Range;

use super::dates::Distances;
use super::{Scan, local};
use crate::check::between::{End, moment};
use crate::claims::{ClaimSet, Expected};
use crate::extract::anniversary::{Direction, TimeUnit};
use crate::extract::number::Approx;
use crate::extract::relative::{Unit, extract_relative};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::span::Span;

/// A time between two events that a sentence states, recorded under the claim
/// of the event it tells of.
#[derive(Debug, Clone, PartialEq)]
pub struct Between {
    pub count: Count,
    /// Which way it counts: [`Direction::After`] (`later`, `the next day`),
    /// [`Direction::Before`], [`Direction::Into`], [`Direction::Within`] or
    /// [`Direction::Anniversary`].
    pub direction: Direction,
    /// The values of the claims of the event it counts from: several where its
    /// words name several events known alike (either may be meant).
    pub from: Vec<Expected>,
    /// The words that name that event, as written (`the start`), where the
    /// sentence names it.
    pub event: Option<String>,
    /// The whole statement as written (`three hours after the start`).
    pub phrase: String,
}

/// How much time a statement puts between the events.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Count {
    /// An amount of units, as its words bound it: `three hours after`, `about
    /// two years after`, `within five days of`.
    Amount {
        amount: f64,
        unit: TimeUnit,
        bound: Approx,
    },
    /// Steps of the calendar in days, months or years, least and most, signed:
    /// `the next morning` is days 1 to 1, `that night` 0 to 1, `the following
    /// week` 1 to 13, `the year before` years -1 to -1.
    Steps { unit: TimeUnit, from: i64, to: i64 },
}

/// The last event of the sentence checked last: a "two days later" of the next
/// sentence of its paragraph counts from it.
#[derive(Debug, Default)]
pub struct Recent {
    sentence: Option<usize>,
    /// The claims whose triggers name it.
    claims: Vec<usize>,
}

/// A statement of time between events in one sentence.
struct Statement {
    /// The whole phrase, the event's words included.
    span: Range<usize>,
    /// The words that state the time (the finding's span).
    measure: Range<usize>,
    count: Count,
    direction: Direction,
    /// The words naming the event it counts from.
    event: Option<Range<usize>>,
}

/// Records the statements of time between two claims' events in one analysed
/// sentence; `triggers` are its date and time claims' triggers.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit]) {
    let previous = scan.recent.before(a);
    scan.recent = Recent::of(a, triggers);
    if triggers.is_empty() || writes_a_value(a) {
        return;
    }
    for s in statements(a) {
        check_statement(scan, a, triggers, &s, &previous);
    }
}

impl Recent {
    /// The claims of the last event of the sentence before `a` in its paragraph.
    fn before(&self, a: &Analysis<'_>) -> Vec<usize> {
        let sentences = &a.doc.sentences;
        match self.sentence {
            Some(si)
                if si + 1 == a.index && sentences[si].paragraph == sentences[a.index].paragraph =>
            {
                self.claims.clone()
            }
            _ => Vec::new(),
        }
    }

    /// The last event of `a`: its last trigger outside the words of an event a
    /// distance counts from.
    fn of(a: &Analysis<'_>, triggers: &[&TriggerHit]) -> Recent {
        let last = triggers
            .iter()
            .filter(|t| !in_event_words(a, &t.range))
            .max_by_key(|t| t.range.start);
        Recent {
            sentence: Some(a.index),
            claims: last.map_or_else(Vec::new, |l| claims_at(triggers, &l.range)),
        }
    }
}

/// Whether the sentence writes a date or a time the other rules compare: one
/// outside the words that state a distance.
fn writes_a_value(a: &Analysis<'_>) -> bool {
    let dist = Distances::new(a);
    a.dates.iter().any(|d| !dist.in_measure(&d.span)) || !a.times().is_empty()
}

/// Whether `r` lies in the words of an event a distance counts from.
fn in_event_words(a: &Analysis<'_>, r: &Range<usize>) -> bool {
    a.distances().iter().any(|d| {
        d.event
            .as_ref()
            .is_some_and(|e| crate::span::ranges_overlap(e, r))
    })
}

/// The claims whose triggers overlap `r`, each once.
fn claims_at(triggers: &[&TriggerHit], r: &Range<usize>) -> Vec<usize> {
    let mut out: Vec<usize> = triggers
        .iter()
        .filter(|t| crate::span::ranges_overlap(&t.range, r))
        .map(|t| t.claim)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The statements of time between events in a sentence: distances with an
/// amount (not `ago`, not `since`, not `within` with no event), and calendar
/// steps (`the next morning`, `the same day`, `the following week`).
fn statements(a: &Analysis<'_>) -> Vec<Statement> {
    let mut out: Vec<Statement> = a
        .distances()
        .iter()
        .filter_map(|d| {
            let amount = d.amount.filter(|&n| n > 0.0)?;
            let counts = match d.direction {
                Direction::Ago | Direction::Since => false,
                Direction::Within => d.event.is_some(),
                _ => true,
            };
            counts.then(|| Statement {
                span: d.span.clone(),
                measure: d.measure.clone(),
                count: Count::Amount {
                    amount,
                    unit: d.unit,
                    bound: d.bound,
                },
                direction: d.direction,
                event: d.event.clone(),
            })
        })
        .collect();
    for r in extract_relative(a.text) {
        if a.distances()
            .iter()
            .any(|d| crate::span::ranges_overlap(&d.measure, &r.span))
        {
            continue;
        }
        let n = r.n;
        let (unit, from, to) = match r.unit {
            Unit::Day => (TimeUnit::Day, n, n),
            Unit::Night => (TimeUnit::Day, n, n + 1),
            Unit::Week => (TimeUnit::Day, 7 * n - 6, 7 * n + 6),
            Unit::Month => (TimeUnit::Month, n, n),
            Unit::Year => (TimeUnit::Year, n, n),
            Unit::Hour => continue,
        };
        out.push(Statement {
            span: r.span.clone(),
            measure: r.span,
            count: Count::Steps { unit, from, to },
            direction: if n < 0 {
                Direction::Before
            } else {
                Direction::After
            },
            event: None,
        });
    }
    out
}

/// Records one statement under the claim of the event its clause tells of,
/// counted from the claims its event words name, else from an event before it
/// in the sentence, else from the last event of the sentence before.
fn check_statement(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    triggers: &[&TriggerHit],
    s: &Statement,
    previous: &[usize],
) {
    let (named, event) = match &s.event {
        Some(e) => {
            let (named, words) = named_event(triggers, e);
            (named, Some(words))
        }
        None => (Vec::new(), None),
    };
    // The whole statement, a trigger that ends its event's words included.
    let whole = s.span.start..event.as_ref().map_or(s.span.end, |e| e.end.max(s.span.end));
    let own = own_triggers(a, triggers, &whole);
    let spans: Vec<_> = own.iter().map(|t| local(t)).collect();
    let measure = Span::from(s.measure.clone());
    let paired = a.clauses().pair(a.text, &a.tokens, &[measure], &spans);
    let Some(dated) = paired
        .first()
        .and_then(|p| p.first())
        .map(|&k| own[k])
        .or_else(|| fronted(a, &whole, &own))
    else {
        return;
    };
    // An open claim has no value to count from or to.
    let closed = |cs: Vec<usize>| -> Vec<usize> {
        cs.into_iter()
            .filter(|&c| !scan.claims.claims[c].open)
            .collect()
    };
    let dated_claims = closed(claims_at(triggers, &dated.range));
    let from = if s.event.is_some() {
        named
    } else {
        from_before(triggers, &own, &whole, dated, previous)
    };
    let from: Vec<usize> = closed(from)
        .into_iter()
        .filter(|c| !dated_claims.contains(c))
        .collect();
    let Some((claim, from)) = choose(scan.claims, &dated_claims, &from) else {
        return;
    };
    let written = |r: &Range<usize>| {
        let prose = a.prose(Span::from(r.clone()));
        a.doc.text[prose.range()].to_string()
    };
    let between = Between {
        count: s.count,
        direction: s.direction,
        from: from
            .iter()
            .map(|&c| scan.claims.claims[c].expected.clone())
            .collect(),
        event: event.as_ref().map(written),
        phrase: written(&whole),
    };
    scan.assert_with(
        a,
        claim,
        measure,
        local(dated),
        Observed::Between(Box::new(between)),
    );
}

/// The triggers a statement (`whole`) may date: outside it and outside any
/// event a distance counts from.
fn own_triggers<'t>(
    a: &Analysis<'_>,
    triggers: &[&'t TriggerHit],
    whole: &Range<usize>,
) -> Vec<&'t TriggerHit> {
    triggers
        .iter()
        .copied()
        .filter(|t| !crate::span::ranges_overlap(&t.range, whole) && !in_event_words(a, &t.range))
        .collect()
}

/// The claims a statement with no event words of its own counts from: those of
/// the last of its `own` triggers before it (other than the `dated` one), else
/// those of the last event of the sentence before (`previous`).
fn from_before(
    triggers: &[&TriggerHit],
    own: &[&TriggerHit],
    whole: &Range<usize>,
    dated: &TriggerHit,
    previous: &[usize],
) -> Vec<usize> {
    let earlier = own
        .iter()
        .filter(|t| {
            t.range.end <= whole.start && !crate::span::ranges_overlap(&t.range, &dated.range)
        })
        .max_by_key(|t| t.range.start);
    earlier.map_or_else(|| previous.to_vec(), |t| claims_at(triggers, &t.range))
}

/// The claims that a distance's event words `e` name, and those words with a
/// trigger that ends them ("after work began", "before the bridge opened").
fn named_event(triggers: &[&TriggerHit], e: &Range<usize>) -> (Vec<usize>, Range<usize>) {
    let named: Vec<&TriggerHit> = triggers
        .iter()
        .copied()
        .filter(|t| e.start <= t.range.start && t.range.start <= e.end + 1)
        .collect();
    let end = named.iter().map(|t| t.range.end).fold(e.end, usize::max);
    let mut claims: Vec<usize> = named.iter().map(|t| t.claim).collect();
    claims.sort_unstable();
    claims.dedup();
    (claims, e.start..end)
}

/// The event a statement that opens its sentence before a comma tells of
/// ("Five days into the march, they crossed the river"): the nearest of the
/// clause after the comma.
fn fronted<'t>(
    a: &Analysis<'_>,
    whole: &Range<usize>,
    own: &[&'t TriggerHit],
) -> Option<&'t TriggerHit> {
    if !a.text[..whole.start].trim().is_empty() {
        return None;
    }
    let rest = a.text[whole.end..].strip_prefix(", ")?;
    let next = a.clauses().at(a.text.len() - rest.len());
    own.iter()
        .copied()
        .filter(|t| t.range.start >= whole.end && a.clauses().at(t.range.start) == next)
        .min_by_key(|t| t.range.start)
}

/// The claim of the dated event and the claims of the event counted from that
/// tell the most: both with dates (else both times of day), each the narrowest
/// of its own. Several claims alike for the event counted from are all kept
/// (either may be meant); several alike for the dated event leave it unknown.
fn choose(claims: &ClaimSet, dated: &[usize], from: &[usize]) -> Option<(usize, Vec<usize>)> {
    let moments = |cs: &[usize]| -> Vec<(usize, crate::check::between::Moment)> {
        cs.iter()
            .filter_map(|&c| Some((c, moment(&claims.claims[c].expected, End::Whole)?)))
            .collect()
    };
    let (dated, from) = (moments(dated), moments(from));
    for clock in [false, true] {
        let narrowest = |ms: &[(usize, crate::check::between::Moment)]| -> Vec<usize> {
            let kind: Vec<_> = ms.iter().filter(|(_, m)| m.is_clock() == clock).collect();
            let least = kind.iter().map(|(_, m)| m.width()).min();
            let mut out: Vec<usize> = kind
                .iter()
                .filter(|(_, m)| Some(m.width()) == least)
                .map(|(c, _)| *c)
                .collect();
            out.dedup();
            out
        };
        let (d, f) = (narrowest(&dated), narrowest(&from));
        if d.is_empty() || f.is_empty() {
            continue;
        }
        return (d.len() == 1).then(|| (d[0], f));
    }
    None
}

#[cfg(test)]
mod tests;
