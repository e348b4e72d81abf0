//! Number claims: each quantity of a sentence paired with the trigger of its
//! clause, where it is stated in the claim's unit.
//!
//! A quantity belongs to its noun: a claim with a unit takes only numbers whose
//! noun it names ("300 cabin berths" counts berths, not cabins), or, where its unit
//! is one of the table of units, numbers in any unit of that dimension ("29,029
//! feet" for a claim in metres; see [`crate::units`]). A measure used as
//! an adjective is the quantity of the noun it describes ("a 1,200 ton lid", "a
//! 12-horsepower engine"), and one after "X of" is X's ("a legacy of five Nobel
//! Prizes"): each counts only where that noun is the claim's trigger. A part of a
//! total ("one of them", "one person died, another …"), an increment ("three more
//! flights"), a duration counted from another event ("three years later") and a
//! number that is part of a date state nothing about the claim's own quantity;
//! nor does a number that labels or names a thing ("reactor No. 4", "Apollo 11",
//! a subject named "Reactor 4"), except to a claim whose trigger is the thing's
//! own word ("Reactor 3 exploded" says which reactor did). An age ("died at
//! 67") is no count: only a claim in years takes it. A bare number takes the
//! unit its clue names ("The distance, in metres, was 260"), or else counts the
//! noun its sentence, question, label or column header names for it ("the
//! population of the town is 148,000"), for a claim that counts things and whose
//! trigger or unit that noun is. A value lent from a unit that names another
//! subject is that subject's. A list counting every part of a claim that names
//! its parts is compared as their sum, and a count of a part is never the total
//! alone (see [`super::totals`]).

mod describers;

use std::cell::LazyCell;
use std::collections::HashMap;

use super::{Scan, local, totals};
use crate::claims::SubjectKind;
use crate::extract::number::{
    LabelIndex, NumberMention, Written, clue_noun, counts_things, in_name, labels, lender_topic,
    unit_fits, unit_names,
};
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::clauses::Pairing;
use crate::scan::matcher::TriggerHit;
use crate::scan::tokens::TokenKind;
use crate::span::reach::Reach;
use crate::span::{LocalSpan, Span};
use describers::Describers;

/// Pairs the numbers of one analysed sentence with its number triggers; a number
/// with no trigger of its own answers the claims `lent` by the unit above,
/// measured in the unit its clue names ("How many metres …?" / "37").
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit], lent: &[usize]) {
    let lent: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind.checked_as() == crate::claims::ClaimKind::Number)
        .collect();
    if triggers.is_empty() && lent.is_empty() {
        return;
    }
    let lent = Lent {
        clue: lent_clue(scan, a),
        asked: lent
            .iter()
            .copied()
            .filter(|&c| lender_names(scan, a, c))
            .collect(),
        claims: lent,
    };
    let triggers = name_numbers(scan, a, triggers);
    let numbers = quantities(scan, a);
    let parts = totals::check(scan, a, &numbers, &triggers);
    let trig: Vec<LocalSpan> = triggers.iter().map(|t| local(t)).collect();
    let spans: Vec<LocalSpan> = numbers.iter().map(|n| Span::from(n.span.clone())).collect();
    let pairing = Pairing::new(a.clauses(), a.text, &a.tokens, &spans, &trig);
    let mentions = by_span(a);
    let mut hits_of: HashMap<usize, Vec<std::ops::Range<usize>>> = HashMap::new();
    for t in &triggers {
        hits_of.entry(t.claim).or_default().push(t.range.clone());
    }
    let describers = Describers::new(&numbers);
    for (i, n) in numbers.iter().enumerate() {
        let found = mentions.get(&(spans[i].start, spans[i].end)).copied();
        let mut paired = pair_number(
            scan,
            a,
            found,
            (i, spans[i]),
            &pairing,
            (&triggers, &hits_of),
        );
        let claims: Vec<usize> = paired.iter().map(|&t| triggers[t].claim).collect();
        paired.retain(|&t| own_unit_first(scan, a, n, triggers[t].claim, &claims));
        paired.retain(|&t| {
            !describers.described_by_another(scan, a, &numbers, i, triggers[t].claim, trig[t])
        });
        paired.retain(|&t| stands_alone(scan, a, &parts, n, triggers[t].claim));
        if paired.is_empty() {
            assert_lent(scan, a, n, &lent, &parts);
        }
        assert_paired(scan, a, n, &paired, &triggers, &trig);
    }
}

/// The claims lent to a sentence by the unit above it, for its numbers with no
/// trigger of their own.
struct Lent {
    /// The lent number claims.
    claims: Vec<usize>,
    /// Those the lender's topic names (a bare number answers them).
    asked: Vec<usize>,
    /// The noun the lender's clue names ("How many metres …?").
    clue: Option<String>,
}

/// Whether number `n` may be compared with `claim` on its own: not a part of a
/// total the claim lists, or a count of one part (see [`totals::excluded`]).
fn stands_alone(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    parts: &[(usize, totals::Parts)],
    n: &NumberMention,
    claim: usize,
) -> bool {
    let listed = parts.iter().find(|(c, _)| *c == claim).map(|(_, p)| p);
    !totals::excluded(&scan.claims.claims[claim], n, a.text, listed)
}

/// Asserts number `n`, paired with no trigger, of the lent claims that take it.
fn assert_lent(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    lent: &Lent,
    parts: &[(usize, totals::Parts)],
) {
    let takers: Vec<usize> = lent
        .claims
        .iter()
        .copied()
        .filter(|&claim| {
            (bare(n) && lent.asked.contains(&claim))
                || takes(scan, a, n, claim, lent.clue.as_deref())
        })
        .filter(|&claim| stands_alone(scan, a, parts, n, claim))
        .collect();
    for &claim in &takers {
        if own_unit_first(scan, a, n, claim, &takers) && scan.in_scope(a, claim, n.span.start) {
            scan.assert(
                a,
                claim,
                Span::from(n.span.clone()),
                Observed::Number(n.clone()),
            );
        }
    }
}

/// Asserts number `n` of the claim of each trigger it is `paired` with, once a
/// claim.
fn assert_paired(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    paired: &[usize],
    triggers: &[&TriggerHit],
    trig: &[LocalSpan],
) {
    let mut seen = Vec::new();
    for &t in paired {
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
            Observed::Number(n.clone()),
        );
    }
}

/// Asserts the number of each name or label whose words are a trigger
/// ("Reactor 3 exploded", "reactor No. 3", "rated a Level 6"): the claim is
/// about which one it is. Returns the other triggers, which such a number
/// never pairs with and which take no other number.
fn name_numbers<'t>(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    triggers: &[&'t TriggerHit],
) -> Vec<&'t TriggerHit> {
    let mut free = Vec::new();
    let numbers = a.numbers();
    let index = LabelIndex::new(numbers);
    for &t in triggers {
        let candidates = index.candidates(numbers, &t.range);
        let named = candidates.iter().map(|&i| &numbers[i]).find(|n| {
            labels(a.text, &t.range, n)
                && (n.label || named(scan, a, n))
                && !in_date(a, n)
                && takes(scan, a, n, t.claim, None)
        });
        match named {
            Some(n) => scan.assert_with(
                a,
                t.claim,
                Span::from(n.span.clone()),
                local(t),
                Observed::Number(n.clone()),
            ),
            None => free.push(t),
        }
    }
    free
}

/// The noun that the question or label lending its event to the sentence
/// names for its answer (`metres` in "How far, in metres, did it fly?").
fn lent_clue(scan: &Scan<'_>, a: &Analysis<'_>) -> Option<String> {
    a.doc.sentences[a.index]
        .lent_from
        .iter()
        .rev()
        .find_map(|&li| {
            let text = &a.doc.folded.text[scan.ranges[li].clone()];
            clue_noun(text).map(|r| text[r].to_string())
        })
}

/// The noun that the question, label or column header lending its event to the
/// sentence asks for ("What is the population of the town?", "Population") is
/// claim `claim`'s: a trigger of the claim found in that unit covers it, or a unit
/// of the claim names it.
fn lender_names(scan: &Scan<'_>, a: &Analysis<'_>, claim: usize) -> bool {
    a.doc.sentences[a.index].lent_from.iter().any(|&li| {
        let text = &a.doc.folded.text[scan.ranges[li].clone()];
        lender_topic(text).is_some_and(|topic| {
            let hits: Vec<std::ops::Range<usize>> = scan.claims.claims[claim]
                .triggers
                .iter()
                .flat_map(|r| r.find_iter(text).map(|m| m.range()))
                .collect();
            topic_names(scan, claim, text, &topic, &hits)
        })
    })
}

/// Whether the noun `topic` of `text` that a sentence names for a bare number is
/// the quantity claim `claim` counts: one of the claim's trigger `hits` in `text`
/// covers it, or one of its units names it. Only a claim that counts things takes
/// a number so ("a population of 148,000" counts people; "a distance of 400"
/// leaves its unit unsaid).
fn topic_names(
    scan: &Scan<'_>,
    claim: usize,
    text: &str,
    topic: &std::ops::Range<usize>,
    hits: &[std::ops::Range<usize>],
) -> bool {
    let c = &scan.claims.claims[claim];
    c.units.iter().any(|u| counts_things(u))
        && (hits
            .iter()
            .any(|h| h.start < topic.end && topic.start < h.end)
            || c.units.iter().any(|u| unit_names(u, &text[topic.clone()])))
}

/// Whether number `n` has no noun, unit or clue of its own.
fn bare(n: &NumberMention) -> bool {
    n.noun.is_none() && n.clue.is_none() && n.unit.is_none()
}

/// The numbers of a sentence that may be a claim's quantity: not a part, an
/// increment, a duration from another event, an age used as an adjective, a
/// distance from an event ("100 years since her death"), a piece of a date, a
/// label or a piece of a name.
fn quantities<'a>(scan: &Scan<'_>, a: &'a Analysis<'_>) -> Vec<&'a NumberMention> {
    // Each number asks the sentence's distances and dates whether one overlaps
    // it: by binary search, not by reading all of a long sentence's.
    let distances =
        LazyCell::new(|| Reach::new(a.distances().iter().map(|x| Span::from(x.measure.clone()))));
    let dates = LazyCell::new(|| Reach::new(a.dates.iter().map(|d| Span::from(d.span.clone()))));
    a.numbers()
        .iter()
        .filter(|n| !n.relative && !n.partial && !n.increment && !n.label)
        .filter(|n| !named(scan, a, n))
        .filter(|n| !(n.attributive && n.age))
        .filter(|n| !distances.overlaps(Span::from(n.span.clone())))
        .filter(|n| !dates.overlaps(Span::from(n.span.clone())))
        .collect()
}

/// Whether number `n` is a piece of a date of the sentence.
fn in_date(a: &Analysis<'_>, n: &NumberMention) -> bool {
    a.dates
        .iter()
        .any(|d| d.span.start < n.span.end && n.span.start < d.span.end)
}

/// Whether number `n` counts animals ("1,200 cattle", "300 head of cattle").
fn counts_animals(n: &NumberMention, text: &str) -> bool {
    use crate::lexicon::{ANIMAL_NOUNS, is};
    match n.unit.as_deref() {
        Some("head") => n.head.as_ref().is_some_and(|h| {
            let mut after = text[h.end..].split_whitespace();
            after.next() == Some("of")
                && after.next().is_some_and(|w| {
                    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                    is(ANIMAL_NOUNS, &crate::extract::number::singular(w))
                })
        }),
        Some(unit) => is(ANIMAL_NOUNS, unit),
        None => false,
    }
}

/// Whether claim `claim` could take number `n`: its unit names the number's
/// noun, or the `clue` of a bare number's question; a claim with no unit takes
/// any number but an age, which only a claim in years takes, and a count of
/// animals, which only a claim whose trigger the animal is takes (see
/// [`pair_number`]).
fn takes(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    claim: usize,
    clue: Option<&str>,
) -> bool {
    let c = &scan.claims.claims[claim];
    if c.units.is_empty() {
        return !n.age && !counts_animals(n, a.text);
    }
    c.units.iter().any(|u| {
        unit_fits(Some(u), n, a.text)
            || crate::units::in_dimension(u, n, a.text)
            || (bare(n) && clue.is_some_and(|k| unit_names(u, k)))
    })
}

/// Whether claim `claim`, one of the `claims` number `n` would be asserted of,
/// keeps it: a claim that takes the number only by converting it ("90 m" for a
/// claim in feet) gives way to one that names its unit ("the distance in metres").
fn own_unit_first(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    claim: usize,
    claims: &[usize],
) -> bool {
    let own = |c: usize| {
        scan.claims.claims[c]
            .units
            .iter()
            .any(|u| unit_fits(Some(u), n, a.text) || crate::units::names_unit(u, n, a.text))
    };
    own(claim) || !claims.iter().any(|&c| own(c))
}

/// The triggers number `i` pairs with: the nearest of a claim that could take
/// it (unit and owner), so that "the zone is 30 km across" pairs 30 with the
/// width, not with the nearer word of an area claim in square km. The other
/// numbers stay values, so that the clauses are read alike.
///
/// `n` is the sentence's number mention at the span of value `i` (`at`); only
/// the triggers of the clauses it may pair in are asked whether they fit it.
fn pair_number(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    n: Option<&NumberMention>,
    (i, at): (usize, LocalSpan),
    pairing: &Pairing<'_>,
    (triggers, hits_of): (&[&TriggerHit], &HashMap<usize, Vec<std::ops::Range<usize>>>),
) -> Vec<usize> {
    let fits = |t: usize| {
        n.is_some_and(|n| {
            let claim = triggers[t].claim;
            let hits = hits_of.get(&claim).map_or(&[][..], Vec::as_slice);
            let trigger = local(triggers[t]);
            // "1,200 cattle" ("1,200 head of cattle") for a trigger `cattle`:
            // the claim counts them.
            let counts_trigger = n.head.as_ref().is_some_and(|h| {
                trigger.overlaps(Span::from(h.clone()))
                    || (a.text.get(h.clone()) == Some("head")
                        && a.text.get(h.end..trigger.start) == Some(" of "))
            });
            (takes(scan, a, n, claim, None)
                || named_here(scan, a, n, claim, hits)
                || counts_trigger)
                && owner_fits(scan, a, n, claim, trigger)
        })
    };
    pairing.pair_value(i, at, &fits)
}

/// Whether the sentence names bare number `n` as the quantity of a noun that is
/// claim `claim`'s ("the population of the town is 148,000" with a trigger
/// `population`); `hits` are the claim's triggers in the sentence, in order.
fn named_here(
    scan: &Scan<'_>,
    a: &Analysis<'_>,
    n: &NumberMention,
    claim: usize,
    hits: &[std::ops::Range<usize>],
) -> bool {
    let Some(topic) = n.topic.as_ref().filter(|_| bare(n)) else {
        return false;
    };
    topic_names(scan, claim, a.text, topic, hits)
}

/// The number mentions of the sentence by span (the first at each span).
fn by_span<'a>(a: &'a Analysis<'_>) -> HashMap<(usize, usize), &'a NumberMention> {
    let mut out = HashMap::new();
    for n in a.numbers() {
        out.entry((n.span.start, n.span.end)).or_insert(n);
    }
    out
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

/// Whether number `n` is part of a name: of a subject's own ("Reactor 4" where
/// the claims name it so), or of a capitalised name before it ("Apollo 11
/// landed", "Flight 93 passengers").
fn named(scan: &Scan<'_>, a: &Analysis<'_>, n: &NumberMention) -> bool {
    a.in_subject_match(scan.matcher.subjects(), n.span.clone())
        || in_name(a.text, n, |r| written(scan, a, r))
}

/// How the writer wrote the word at local range `r` of the analysed sentence.
fn written(scan: &Scan<'_>, a: &Analysis<'_>, r: std::ops::Range<usize>) -> Written {
    let k = a.tokens.partition_point(|t| t.span.start < r.start);
    let Some(token) = a.tokens.get(k).filter(|t| t.span.start == r.start) else {
        return Written::default();
    };
    let word = &a.text[r];
    let before = &a.tokens[..k];
    let opens = before
        .iter()
        .all(|t| !t.is_word() && t.kind != TokenKind::Number)
        || before.last().is_some_and(|t| t.is_punct(a.text, &[':']));
    Written {
        capitalised: token.cap,
        opens,
        proper: scan.facts().proper.contains(word),
        person: scan
            .matcher
            .subjects()
            .iter()
            .any(|m| matches!(m.kind, SubjectKind::Person | SubjectKind::Group) && m.is_own(word)),
    }
}

#[cfg(test)]
mod tests;
