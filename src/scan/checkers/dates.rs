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

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Scan, local};
use crate::extract::date::DateMention;
use crate::lexicon;
use crate::scan::Observed;
use crate::scan::analysis::Analysis;
use crate::scan::matcher::TriggerHit;
use crate::scan::subject::SubjectMatcher;
use crate::span::{LocalSpan, Span};

/// Pairs the dates of one analysed sentence with its date triggers.
pub fn check(scan: &mut Scan<'_>, a: &Analysis<'_>, triggers: &[&TriggerHit], lent: &[usize]) {
    let lent: Vec<usize> = lent
        .iter()
        .copied()
        .filter(|&c| scan.claims.claims[c].kind == crate::claims::ClaimKind::Date)
        .collect();
    if triggers.is_empty() && lent.is_empty() {
        return;
    }
    // The event words of each distance, with a date right after them ("the
    // disaster on 26 April 1986": the event's own date).
    let events: Vec<Option<Range<usize>>> = a
        .distances
        .iter()
        .map(|x| {
            let e = x.event.clone()?;
            let own = a.dates.iter().find(|d| {
                d.span.start >= e.end
                    && matches!(
                        a.text[e.end..d.span.start].trim(),
                        "on" | "in" | "of" | "," | "" | "of the"
                    )
            });
            Some(e.start..own.map_or(e.end, |d| d.span.end))
        })
        .collect();
    let distant = |s: &Range<usize>| -> Option<usize> {
        events.iter().position(|e| {
            e.as_ref()
                .is_some_and(|e| e.start <= s.start && s.end <= e.end)
        })
    };
    // A date in the words that state a distance from a named event ("100 years
    // since") is not an event's; a relative date with no event named ("hours
    // later") counts from the date before it, as relative dates do.
    let in_measure = |s: &Range<usize>| {
        a.distances
            .iter()
            .any(|x| x.event.is_some() && x.measure.start < s.end && s.start < x.measure.end)
    };
    // Triggers naming an event a distance counts from are dated by subtraction.
    let (far, near): (Vec<&TriggerHit>, Vec<&TriggerHit>) = triggers
        .iter()
        .copied()
        .partition(|t| distant(&t.range).is_some());
    for t in &far {
        let k = distant(&t.range).expect("partitioned");
        let event = events[k].clone().expect("an event");
        // A date among the event's own words dates it as it is.
        if let Some(own) = a
            .dates
            .iter()
            .find(|d| event.start <= d.span.start && d.span.end <= event.end)
        {
            scan.assert_with(
                a,
                t.claim,
                Span::from(own.span.clone()),
                local(t),
                Observed::Date(own.clone()),
            );
            continue;
        }
        shifted(scan, a, t, &a.distances[k], &in_measure);
    }
    let triggers = near;
    let spans: Vec<LocalSpan> = a.dates.iter().map(|d| Span::from(d.span.clone())).collect();
    let trig: Vec<LocalSpan> = triggers.iter().map(|t| local(t)).collect();
    let mut paired = a.clauses.pair(a.text, &a.tokens, &spans, &trig);
    for (d, p) in a.dates.iter().zip(paired.iter_mut()) {
        // A date in a distance's measure is not an event's; one inside the
        // words of the event a distance counts from dates that event only (the
        // triggers there were set apart above).
        if in_measure(&d.span) || distant(&d.span).is_some() {
            p.clear();
        }
    }
    let mut prev: Option<(Range<usize>, Option<Range<usize>>)> = None;
    for (d, paired) in a.dates.iter().zip(paired) {
        let mut seen = Vec::new();
        // A value with no trigger of its own answers the question or label above.
        if paired.is_empty() {
            for &claim in &lent {
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
        for t in paired {
            let claim = triggers[t].claim;
            // A date after a name in parentheses is that person's: it counts for a
            // claim about them ("Irène (born 1897)" for a claim about Irène).
            let theirs = named.as_ref().is_some_and(|n| {
                !n.is_empty()
                    && scan
                        .matcher
                        .claim_subject(claim)
                        .is_some_and(|k| scan.matcher.subjects()[k].is_subject(&a.text[n.clone()]))
            });
            if let Some(b) = &bound
                && !theirs
                && !(trig[t].start < b.end && b.start < trig[t].end)
            {
                continue;
            }
            if seen.contains(&claim) {
                continue;
            }
            seen.push(claim);
            // The right day with the wrong weekday: the weekday is the wrong word.
            let span = match &d.weekday {
                Some((_, w))
                    if d.weekday_agrees() == Some(false)
                        && crate::check::date_agrees(d, &scan.claims.claims[claim]) =>
                {
                    Span::from(w.clone())
                }
                _ => Span::from(d.span.clone()),
            };
            scan.assert_with(a, claim, span, trig[t], Observed::Date(d.clone()));
        }
    }
}

/// The date of the event a distance counts from: the date of the sentence the
/// distance is counted to (outside the distance), moved back by the distance.
fn shifted(
    scan: &mut Scan<'_>,
    a: &Analysis<'_>,
    t: &TriggerHit,
    distance: &crate::extract::anniversary::Distance,
    in_measure: &dyn Fn(&Range<usize>) -> bool,
) {
    let outside = |d: &&DateMention| {
        let within = distance.span.start <= d.span.start && d.span.end <= distance.span.end;
        !(in_measure(&d.span) || within)
    };
    let Some(at) = a.dates.iter().filter(outside).min_by_key(|d| {
        Span::<crate::span::Local>::from(d.span.clone()).distance(Span::from(distance.span.clone()))
    }) else {
        return;
    };
    if let Some(event) = crate::extract::anniversary::event_date(distance, at) {
        let mut event = event;
        event.span = at.span.clone();
        scan.assert_with(
            a,
            t.claim,
            Span::from(at.span.clone()),
            local(t),
            Observed::Date(event),
        );
    }
}

/// A date in parentheses right after another person's name ("Nina Nevelson (1902 –
/// 9 June 1928)", "Volkov (born 1926)") is that person's: the name's local range.
fn paren_name(
    a: &Analysis<'_>,
    d: &DateMention,
    subject: Option<&SubjectMatcher>,
) -> Option<Range<usize>> {
    let doc = a.doc;
    let text = a.text;
    // Resuming after an inserted card: the name ended the sentence the card cut.
    if let Some(k) = doc.sentences[a.index].continues
        && text[..d.span.start].trim() == "("
    {
        let cut = doc.text[doc.sentences[k].range.clone()].trim_end();
        let last = cut.rsplit(char::is_whitespace).next().unwrap_or("");
        let is_subject =
            subject.is_some_and(|sm| sm.is_subject(&crate::extract::normalize::fold_pattern(last)));
        return (last.starts_with(char::is_uppercase) && !is_subject).then_some(0..0);
    }
    let before = PAREN_LEAD.find(&text[..d.span.start])?;
    // The pattern starts at the name's last letter.
    let name_end = before.start() + before.as_str().chars().next().map_or(0, char::len_utf8);
    let name_start = text[..name_end].rfind(' ').map_or(0, |i| i + 1);
    let orig = a.prose(Span::new(name_start, name_end));
    let word = doc.text[orig.range()].trim_matches(|c: char| !c.is_alphanumeric());
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    if subject.is_some_and(|sm| sm.is_subject(&text[name_start..name_end])) {
        return None;
    }
    Some(name_start..name_end)
}

static PAREN_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[a-z"'] ?\((?:born |b\. |died |d\. |nee |c\. )?$"#).expect("valid regex")
});

static ATTRIBUTIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\b(?:the|a|an|his|her|its|their|this|that)) $").expect("valid regex")
});
static NOUN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ (?P<noun>[a-z]+(?: [a-z]+)?)").expect("valid regex"));
static NOUN_OF_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<noun>[a-z]+) of (?:the )?$").expect("valid regex"));

/// The noun a bare year names when it is used as part of a name ("the 1972 film",
/// "the revolution of 1917"), as a range in `text`.
fn bound_noun(text: &str, d: &DateMention) -> Option<Range<usize>> {
    use crate::extract::calendar::Precision;
    if d.shape != crate::extract::date::Shape::Point || d.precision() == Precision::Day {
        return None;
    }
    let before = &text[..d.span.start];
    if d.precision() == Precision::Year
        && ATTRIBUTIVE_YEAR.is_match(before)
        && let Some(c) = NOUN_AFTER.captures(&text[d.span.end..])
    {
        let noun = c.name("noun").expect("group");
        let first = noun.as_str().split(' ').next().unwrap_or("");
        if !lexicon::is(lexicon::NOT_YEAR_NOUNS, first)
            && !first.starts_with(|c: char| c.is_ascii_digit())
        {
            let at = d.span.end + noun.start();
            return Some(at..at + noun.len());
        }
    }
    if let Some(c) = NOUN_OF_BEFORE.captures(before) {
        let noun = c.name("noun").expect("group");
        if !lexicon::is(lexicon::TIME_NOUNS, noun.as_str()) {
            return Some(noun.range());
        }
    }
    None
}
