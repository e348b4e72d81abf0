//! How one assertion compares with its claim, by the kinds of the two: the verdict
//! and the claim's value as the finding shows it.

use super::dates::weekday_comparison;
use super::{ages, between, date_agrees, one_line, time};
use crate::claims::{Claim, Expected};
use crate::document::Document;
use crate::extract::date::Shape;
use crate::extract::number::NumberMention;
use crate::fix::{Applicability, match_case};
use crate::scan::{Assertion, Observed, TermRole};

/// How a statement compares with its claim.
pub(super) struct Comparison {
    pub(super) agrees: bool,
    /// The canonical value, at the precision of the statement.
    pub(super) expected: String,
    pub(super) applicability: Applicability,
    /// For ages and weekdays: the message and label, which read differently.
    pub(super) age: Option<(String, String)>,
    /// The claim's value as the label shows it, where it differs from `expected`
    /// (a value converted into the document's unit: `29,029 feet`).
    pub(super) shown: Option<String>,
    /// Whether `expected` can stand in place of the wrong words (not where it is
    /// given in another unit than theirs).
    pub(super) fixable: bool,
}

impl Comparison {
    /// A verdict with the claim's value as the replacement.
    fn plain(agrees: bool, expected: String, applicability: Applicability) -> Option<Comparison> {
        Some(Comparison {
            agrees,
            expected,
            applicability,
            age: None,
            shown: None,
            fixable: true,
        })
    }
}

pub(super) fn compare(
    doc: &Document,
    a: &Assertion,
    claim: &Claim,
    found: &str,
) -> Option<Comparison> {
    let plain = Comparison::plain;
    match (&a.observed, &claim.expected) {
        (Observed::Term(role), Expected::Term { value, accept, .. }) => plain(
            *role != TermRole::Reject,
            if *role == TermRole::Reject {
                term_replacement(found, value, accept)
            } else {
                value.clone()
            },
            Applicability::MachineApplicable,
        ),
        (Observed::Date(d), Expected::Date { .. }) => date_comparison(d, claim),
        (Observed::Number(n), Expected::Number { .. } | Expected::Duration { .. }) => {
            let v = crate::units::compare::compare(&stated(doc, a, n, found), claim)?;
            Some(Comparison {
                agrees: v.agrees,
                expected: v.expected,
                applicability: Applicability::DisplayOnly,
                age: None,
                shown: v.shown,
                fixable: v.fixable,
            })
        }
        (
            Observed::Age {
                years,
                birthday,
                on,
            },
            Expected::Date { .. },
        ) => age_comparison(*years, *birthday, on, claim, found),
        (
            Observed::Role { filler, proper },
            Expected::Role {
                value,
                accept,
                reject,
            },
        ) => {
            let verdict = role_agrees(filler, *proper, value, accept, reject)?;
            plain(verdict, value.clone(), Applicability::DisplayOnly)
        }
        (Observed::Weekday(d), _) => weekday_comparison(d, found),
        (Observed::Time { time, on }, Expected::Time(claimed)) => {
            let (agrees, expected) = time::compare_time(time, *on, claimed, found)?;
            plain(agrees, expected, Applicability::DisplayOnly)
        }
        (Observed::Between(b), expected) => {
            let v = between::compare(b, expected)?;
            Some(Comparison {
                agrees: v.agrees,
                expected: v.expected,
                applicability: Applicability::DisplayOnly,
                age: Some((v.head, v.label)),
                shown: None,
                fixable: false,
            })
        }
        (Observed::Event, Expected::Event { happened }) => Some(Comparison {
            agrees: *happened,
            expected: claim.expected.display(),
            applicability: Applicability::DisplayOnly,
            age: None,
            shown: None,
            fixable: true,
        }),
        _ => None,
    }
}

/// The words of a folded phrase, without articles.
fn content_words(s: &str) -> Vec<String> {
    crate::extract::normalize::fold_pattern(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "a" | "an" | "the"))
        .map(crate::extract::number::singular)
        .collect()
}

/// Whether `part` occurs in `whole` as a run of whole words.
fn holds(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && whole.windows(part.len()).any(|w| w == part)
}

/// Whether a role's filler agrees with the claim: it holds the value or an
/// accepted form, or is part of one ("Hunt" for "John Hunt"); a listed wrong
/// filler contradicts. `None` where the two cannot be compared: a common noun
/// phrase where the claims name a person, or a name where they name a thing.
fn role_agrees(
    filler: &str,
    proper: bool,
    value: &str,
    accept: &[String],
    reject: &[String],
) -> Option<bool> {
    let found = content_words(filler);
    if found.is_empty() {
        return None;
    }
    let forms: Vec<Vec<String>> = std::iter::once(value)
        .chain(accept.iter().map(String::as_str))
        .map(content_words)
        .collect();
    if forms.iter().any(|f| holds(&found, f) || holds(f, &found)) {
        return Some(true);
    }
    if reject
        .iter()
        .map(|r| content_words(r))
        .any(|r| holds(&found, &r) || holds(&r, &found))
    {
        return Some(false);
    }
    let value_proper = value.starts_with(char::is_uppercase);
    (value_proper == proper).then_some(false)
}

/// The replacement for a rejected term: an accepted abbreviation for an
/// abbreviation ("ILC" → "ICL"), else the canonical value in the found words' case.
fn term_replacement(found: &str, value: &str, accept: &[String]) -> String {
    let is_acronym = |s: &str| {
        s.chars().count() > 1
            && !s.contains(' ')
            && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    if is_acronym(found) {
        if let Some(a) = std::iter::once(value)
            .chain(accept.iter().map(String::as_str))
            .find(|a| is_acronym(a))
        {
            return a.to_string();
        }
        if value.contains(' ') {
            return value.to_string();
        }
    }
    match_case(found, value)
}

/// A stated number in the claim's first unit, where the document writes it in
/// another unit of that dimension (`29,029 feet` for a claim in metres), else as
/// written: the value and the top of its range.
pub(crate) fn in_claim_unit(
    doc: &Document,
    a: &Assertion,
    n: &NumberMention,
    claim: &Claim,
) -> (f64, Option<f64>) {
    let found = &doc.text[a.span.range()];
    let s = stated(doc, a, n, found);
    let claim_units = crate::units::claim_units(&claim.units);
    let pair = claim_units.first().and_then(|to| {
        s.units
            .iter()
            .find(|from| from.dimension == to.dimension)
            .map(|from| (*from, *to))
    });
    match pair {
        Some((from, to)) => (
            crate::units::convert(n.value, from, to),
            n.range_to.map(|t| crate::units::convert(t, from, to)),
        ),
        None => (n.value, n.range_to),
    }
}

/// A number as stated, with the readings of its unit and the words the document
/// names that unit by (`feet`), found from the assertion's span: the number's
/// ranges are relative to its sentence's folded text.
fn stated<'a>(
    doc: &Document,
    a: &Assertion,
    n: &'a NumberMention,
    found: &'a str,
) -> crate::units::compare::Stated<'a> {
    let base = doc
        .folded
        .folded_pos(a.span.range().start)
        .checked_sub(n.span.start);
    let text = base.and_then(|b| doc.folded.text.get(b..)).unwrap_or("");
    let unit_word = base.and_then(|b| {
        let r = n.noun.as_ref().or(n.clue.as_ref())?;
        let prose = doc.folded.orig_range(r.start + b..r.end + b);
        let words = doc.source().get(doc.source_range(prose))?;
        Some(one_line(words))
    });
    crate::units::compare::Stated {
        value: n.value,
        range_to: n.range_to,
        approx: n.approx,
        parts: &n.parts,
        written: found,
        units: crate::units::stated_units(n, text),
        unit_word,
    }
}

/// A date against a date claim. A single date is corrected at its own
/// precision; a range or a qualified period is answered with the claimed value
/// as it is; against a period, "until 1990" is answered with the period's end,
/// "since 1962" with its start.
fn date_comparison(d: &crate::extract::date::DateMention, claim: &Claim) -> Option<Comparison> {
    let plain = Comparison::plain;
    match &claim.expected {
        Expected::Date {
            value,
            until: Some(end),
            ..
        } => {
            // "until 1990" is answered with the period's end, "since 1962" with
            // its start, any other date with the whole period.
            let expected = match (d.shape, d.readings.first()) {
                (Shape::Open, Some(r)) if r.start == crate::extract::calendar::MIN_DAY => {
                    end.to_string()
                }
                (Shape::Open, Some(r)) if r.end != crate::extract::calendar::MAX_DAY => {
                    value.to_string()
                }
                _ => claim.expected.display(),
            };
            plain(date_agrees(d, claim), expected, Applicability::DisplayOnly)
        }
        Expected::Date { value, .. } => {
            // A single date is corrected at its own precision; a range or a
            // qualified period is answered with the claimed value as it is.
            let precision = match d.shape {
                Shape::Point => d.precision().min(value.precision()),
                _ => value.precision(),
            };
            let agrees = date_agrees(d, claim);
            // The right day with the wrong weekday ("Friday 17 December 1903",
            // a Thursday) is still wrong: the claims give the weekday.
            if agrees
                && d.weekday_agrees() == Some(false)
                && let Some(day) = value.day
            {
                let at =
                    crate::extract::calendar::day_number(value.year, value.month.unwrap_or(1), day);
                let weekday = crate::extract::calendar::weekday_of_day(at).name();
                return plain(false, weekday.to_string(), Applicability::DisplayOnly);
            }
            plain(
                agrees,
                value.truncate(precision).to_string(),
                Applicability::DisplayOnly,
            )
        }
        _ => None,
    }
}

/// A stated age against the birth date claim, on the date `on` of its sentence
/// (`birthday`: the age was reached that day).
fn age_comparison(
    years: f64,
    birthday: bool,
    on: &crate::extract::date::DateMention,
    claim: &Claim,
    found: &str,
) -> Option<Comparison> {
    let (lo, hi) = ages::possible_ages(&claim.expected, on, birthday)?;
    let ages = if lo == hi {
        lo.to_string()
    } else {
        format!("{lo} or {hi}")
    };
    let when = match on.value.day {
        Some(_) => format!("on {}", on.value),
        None => format!("in {}", on.value),
    };
    Some(Comparison {
        agrees: years >= f64::from(lo) && years <= f64::from(hi),
        expected: ages.clone(),
        applicability: Applicability::DisplayOnly,
        age: Some((
            format!("age {} {when}", one_line(found)),
            format!("the claims make it {ages} {when}"),
        )),
        shown: None,
        fixable: true,
    })
}
