//! The value a source gives for a claim, read from one of its statements: a date
//! at its precision, a number in the claim's unit, a time of day, or a term or
//! role filler after folding and the claim's answers.

use std::fmt;

use crate::claims::{Answer, Claim, ClaimKind};
use crate::document::Document;
use crate::extract::calendar::DateValue;
use crate::extract::normalize::fold_pattern;
use crate::lexicon::{DETERMINERS, is};
use crate::scan::{Assertion, Observed};

/// What a source says the value is.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A date at the precision written.
    Date(DateValue),
    /// A number in the claim's unit (a duration in seconds), and the top of a range.
    Number { value: f64, to: Option<f64> },
    /// A time of day as written: seconds after midnight.
    Time(u32),
    /// A term or a role filler: the claim's answer it is a form of, else its
    /// folded words without a leading article.
    Text(String),
}

impl Value {
    /// The value as a report shows it.
    pub fn shown(&self, claim: &Claim) -> String {
        match self {
            Value::Date(d) => d.to_string(),
            Value::Number { value, to } => {
                let n = match to {
                    Some(t) => format!("{}–{}", show_number(*value), show_number(*t)),
                    None => show_number(*value),
                };
                if claim.kind == ClaimKind::Duration {
                    crate::units::duration::format(*value)
                } else {
                    match claim.units.first() {
                        Some(u) => format!("{n} {u}"),
                        None => n,
                    }
                }
            }
            Value::Time(s) => format!("{:02}:{:02}", s / 3600, s / 60 % 60),
            Value::Text(t) => t.clone(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date(d) => write!(f, "{d}"),
            Value::Number { value, .. } => f.write_str(&show_number(*value)),
            Value::Time(s) => write!(f, "{:02}:{:02}", s / 3600, s / 60 % 60),
            Value::Text(t) => f.write_str(t),
        }
    }
}

/// A number rounded for display: at most three decimals, no trailing zeros.
fn show_number(v: f64) -> String {
    let rounded = (v * 1000.0).round() / 1000.0;
    crate::claims::model::format_number(rounded)
}

/// The value an assertion gives for its claim, where it gives one (an age, a
/// weekday, an event or an interval between two events gives none).
pub fn read(doc: &Document, claim: &Claim, a: &Assertion) -> Option<Value> {
    match &a.observed {
        // A range, an open interval, a list or a period reaching past its date
        // is its words ("the 1920s", "after 1929"): no single date to group at a
        // precision.
        Observed::Date(d) if d.shape != crate::extract::date::Shape::Point && !within(d) => {
            Some(Value::Text(
                doc.text[a.span.range()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ))
        }
        Observed::Date(d) => Some(Value::Date(date_read(doc, claim, a, d))),
        Observed::Number(n) => {
            let (value, to) = crate::check::in_claim_unit(doc, a, n, claim);
            Some(Value::Number { value, to })
        }
        Observed::Time { time, .. } => Some(Value::Time(time.hour * 3600 + time.minute * 60)),
        Observed::Term(_) | Observed::Role { .. } => {
            Some(Value::Text(answer(claim, &doc.text[a.span.range()])))
        }
        _ => None,
    }
}

/// Whether every reading of a date lies inside its value at the value's
/// precision ("the summer of 1902" is in 1902; "the 1920s" is not in 1920).
fn within(d: &crate::extract::date::DateMention) -> bool {
    let whole = d.value.interval();
    d.readings
        .iter()
        .all(|r| whole.start <= r.start && r.end <= whole.end)
}

/// The date a mention gives: as written, but where its year is not written
/// ("on 26 November"), the year of the reading that meets a closed claim's
/// dates, else of its last reading (the year of the latest date written before
/// it: the nearest context).
fn date_read(
    doc: &Document,
    claim: &Claim,
    a: &Assertion,
    d: &crate::extract::date::DateMention,
) -> DateValue {
    let written = &doc.text[a.span.range()];
    if written.contains(&d.value.year.abs().to_string()) {
        return d.value;
    }
    let claimed = if claim.open {
        Vec::new()
    } else {
        claim.expected.date_intervals()
    };
    d.readings
        .iter()
        .find(|r| claimed.iter().any(|c| c.overlaps(r)))
        .or(d.readings.last())
        .map_or(d.value, |r| {
            let (year, ..) = crate::extract::calendar::civil(r.start);
            DateValue { year, ..d.value }
        })
}

/// The answer a term or filler as written names: the name of the claim's answer
/// that lists it (a closed claim's value and accepted forms are one answer), else
/// the words as written without a leading article.
pub fn answer(claim: &Claim, written: &str) -> String {
    let written = crate::check::one_line(written);
    let bare = without_article(&written);
    let key = key(bare);
    let closed = closed_answer(claim);
    claim
        .answers
        .iter()
        .chain(closed.iter())
        .find(|a| a.forms.iter().any(|f| self::key(f) == key))
        .map_or_else(|| bare.to_string(), |a| a.name.clone())
}

/// Two forms of one answer compare equal by this: folded, without a leading
/// article, the last word singular (`the ice-picks`: `ice pick`).
pub fn key(form: &str) -> String {
    let folded = fold_pattern(form);
    let mut words: Vec<String> = without_article(&folded)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if let Some(last) = words.last_mut() {
        *last = crate::extract::number::singular(last);
    }
    words.join(" ")
}

/// The words after a leading article or demonstrative.
fn without_article(s: &str) -> &str {
    match s.split_once(' ') {
        Some((first, rest)) if is(DETERMINERS, &first.to_lowercase()) => rest,
        _ => s,
    }
}

/// A closed term or role claim's value and accepted forms, as one answer.
fn closed_answer(claim: &Claim) -> Option<Answer> {
    use crate::claims::Expected;
    match &claim.expected {
        Expected::Term { value, accept, .. } | Expected::Role { value, accept, .. }
            if !claim.open =>
        {
            Some(Answer {
                name: value.clone(),
                forms: std::iter::once(value).chain(accept).cloned().collect(),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_compare_folded_without_article_and_plural() {
        assert_eq!(key("the Ice-Picks"), "ice pick");
        assert_eq!(key("an ice axe"), key("ice axe"));
        assert_ne!(key("ice pick"), key("ice axe"));
    }

    #[test]
    fn numbers_show_at_most_three_decimals() {
        assert_eq!(show_number(8848.0), "8848");
        assert_eq!(show_number(2.3456), "2.346");
    }
}
