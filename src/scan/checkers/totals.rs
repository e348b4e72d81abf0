//! Parts of a total: a number claim that names its parts (`parts = ["passengers",
//! "crew"]`) is stated by a list that gives a count of every part ("the train
//! carried 310 passengers and 12 crew"), compared as their sum (322), its span
//! covering the list from the first number to the last part's noun.
//!
//! A list is a run of counts joined by `,`, `and`, `, and`, `plus` or `&` and
//! nothing else, so that parts told in two clauses ("310 passengers boarded;
//! later 12 crew joined") are not summed. A list is the total only where it
//! counts every part once and nothing else: with a count of something the claim
//! does not name ("310 passengers, 12 crew and 3 stowaways") the sum is another
//! total, and with a part missing it is less than the total. The counts of a list
//! that names any part are never compared alone with the total, nor is a count of
//! one part alone ("310 passengers died") unless its noun is also one of the
//! claim's `unit` spellings. Parts are counted as written, never converted.
//!
//! The sum is stated as exactly as its least exact part: "about" on any part makes
//! it about; "more than" (or "fewer than") on parts that are otherwise exact makes
//! the sum more (or fewer) than stated; parts stated on both sides state no sum.
//! A range in a part makes the sum a range.

use super::Scan;
use crate::claims::Claim;
use crate::extract::number::{Approx, NumberMention, unit_matches};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::span::{LocalSpan, Span};

/// The words that join two counts of one list.
const JOINS: &[&str] = &[" and ", ", ", ", and ", " plus ", " & ", ", plus "];

/// What one sentence says of a claim's parts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    /// The sum of each list that gives every part once and nothing else.
    pub totals: Vec<NumberMention>,
    /// The spans of the counts of every list that names a part: none of them is
    /// the claim's total alone.
    pub listed: Vec<LocalSpan>,
}

/// Asserts the sum of each list that gives the parts of a claim of `triggers`,
/// paired like a number with the nearest trigger of the claim in its clause.
/// Returns, for each such claim, what the sentence says of its parts.
pub fn check(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    numbers: &[&NumberMention],
    triggers: &[&TriggerHit],
) -> Vec<(usize, Parts)> {
    let mut claims: Vec<usize> = triggers
        .iter()
        .map(|t| t.claim)
        .filter(|&c| !scan.claims.claims[c].parts.is_empty())
        .collect();
    claims.sort_unstable();
    claims.dedup();
    let mut out = Vec::new();
    for claim in claims {
        let parts = read(&scan.claims.claims[claim], a.text, numbers);
        let own: Vec<&TriggerHit> = triggers
            .iter()
            .copied()
            .filter(|t| t.claim == claim)
            .collect();
        let trig: Vec<LocalSpan> = own.iter().map(|t| super::local(t)).collect();
        for total in &parts.totals {
            let span = Span::from(total.span.clone());
            let mut values = vec![span];
            values.extend(
                numbers
                    .iter()
                    .map(|n| Span::from(n.span.clone()))
                    .filter(|s: &LocalSpan| !s.overlaps(span)),
            );
            let paired = a.clauses().pair(a.text, &a.tokens, &values, &trig)[0].clone();
            if let Some(&t) = paired.first() {
                scan.assert_with(a, claim, span, trig[t], Observed::Number(total.clone()));
            }
        }
        out.push((claim, parts));
    }
    out
}

/// Whether claim `claim` must not take number `n` of the analysed sentence
/// alone: it is a count of a list naming the claim's parts (`listed`), or it
/// counts one of the parts and is no count of the claim's own unit.
pub fn excluded(claim: &Claim, n: &NumberMention, text: &str, listed: Option<&Parts>) -> bool {
    if claim.parts.is_empty() {
        return false;
    }
    let span = Span::from(n.span.clone());
    listed.is_some_and(|p| p.listed.contains(&span))
        || (part_of(claim, n, text).is_some()
            && !claim.units.iter().any(|u| unit_matches(u, n, text)))
}

/// The parts of `claim` that the counts of `text` give, list by list.
pub fn read(claim: &Claim, text: &str, numbers: &[&NumberMention]) -> Parts {
    let mut out = Parts::default();
    for list in lists(text, numbers) {
        let counted: Vec<Option<usize>> = list.iter().map(|&n| part_of(claim, n, text)).collect();
        if counted.iter().all(Option::is_none) {
            continue;
        }
        out.listed
            .extend(list.iter().map(|n| Span::from(n.span.clone())));
        let mut seen: Vec<usize> = counted.iter().flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        let every_part_once = counted.iter().all(Option::is_some)
            && seen.len() == counted.len()
            && seen.len() == claim.parts.len();
        if every_part_once && let Some(total) = sum(&list) {
            out.totals.push(total);
        }
    }
    out
}

/// The part of `claim` that number `n` counts: the first whose noun it names.
fn part_of(claim: &Claim, n: &NumberMention, text: &str) -> Option<usize> {
    n.noun
        .as_ref()
        .and_then(|_| claim.parts.iter().position(|p| unit_matches(p, n, text)))
}

/// Where a count's words end: after its noun, or after the number.
fn reading_end(n: &NumberMention) -> usize {
    n.noun
        .as_ref()
        .map_or(n.span.end, |r| r.end.max(n.span.end))
}

/// The runs of two or more counts joined only by the words of a list.
fn lists<'n>(text: &str, numbers: &[&'n NumberMention]) -> Vec<Vec<&'n NumberMention>> {
    let mut out: Vec<Vec<&NumberMention>> = Vec::new();
    let mut run: Vec<&NumberMention> = Vec::new();
    for &n in numbers {
        let joined = run.last().is_some_and(|prev| {
            let end = reading_end(prev);
            end <= n.span.start && text.get(end..n.span.start).is_some_and(|b| joins(b, n))
        });
        if !joined && run.len() > 1 {
            out.push(std::mem::take(&mut run));
        }
        if !joined {
            run.clear();
        }
        run.push(n);
    }
    if run.len() > 1 {
        out.push(run);
    }
    out
}

/// Whether the words `between` two counts join them in a list: a word of a list,
/// then the approximation the second count has ("and more than"), if any.
fn joins(between: &str, n: &NumberMention) -> bool {
    JOINS.iter().any(|j| {
        between.strip_prefix(j).is_some_and(|rest| {
            rest.is_empty()
                || (n.approx != Approx::Exact
                    && rest.ends_with(' ')
                    && rest.split(' ').filter(|w| !w.is_empty()).count() <= 2
                    && rest.bytes().all(|b| b.is_ascii_lowercase() || b == b' '))
        })
    })
}

/// The sum of a list's counts, stated as exactly as its least exact count; `None`
/// where counts are bounded on both sides ("more than 300 … and fewer than 20 …").
fn sum(list: &[&NumberMention]) -> Option<NumberMention> {
    let (first, last) = (list.first()?, list.last()?);
    let approx = list
        .iter()
        .map(|n| n.approx)
        .try_fold(Approx::Exact, |acc, a| match (acc, a) {
            (x, Approx::Exact) | (Approx::Exact, x) => Some(x),
            (Approx::About, _) | (_, Approx::About) => Some(Approx::About),
            (x, y) if x == y => Some(x),
            _ => None,
        })?;
    let value: f64 = list.iter().map(|n| n.value).sum();
    let ranged = list.iter().any(|n| n.range_to.is_some());
    let top: f64 = list.iter().map(|n| n.range_to.unwrap_or(n.value)).sum();
    Some(NumberMention {
        span: first.span.start..reading_end(last),
        value,
        range_to: ranged.then_some(top),
        unit: None,
        noun: None,
        head: None,
        clue: None,
        approx,
        age: false,
        attributive: false,
        describes: None,
        of_noun: None,
        measure: None,
        topic: None,
        partial: false,
        increment: false,
        relative: false,
        label: false,
        birthday: false,
        appositive: false,
        parts: Vec::new(),
        converted: false,
        summed: true,
    })
}

#[cfg(test)]
mod tests;
