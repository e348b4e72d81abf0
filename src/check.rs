//! Checking: an assertion against its claim, to a finding where they disagree.

use std::ops::Range;

use crate::claims::model::format_number;
use crate::claims::{Claim, Expected, Severity};
use crate::document::Document;
use crate::extract::date::{DateMention, Shape};
use crate::extract::number::{Approx, NumberMention};
use crate::fix::{Applicability, Fix, match_case};
use crate::scan::{Assertion, AssertionMode, Observed, TermRole};

/// A contradiction between a document and a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the claim in the claim set.
    pub claim: usize,
    pub severity: Severity,
    /// Byte span of the wrong words in the document.
    pub span: Range<usize>,
    /// Byte span of the sentence that holds them, without surrounding space.
    pub sentence: Range<usize>,
    /// The wrong words as written.
    pub found: String,
    /// The canonical value, at the precision of the wrong words.
    pub expected: String,
    /// The one-line message (lowercase, no final period).
    pub message: String,
    /// The label under the wrong words.
    pub label: String,
    pub fix: Option<Fix>,
    pub mode: AssertionMode,
}

/// The finding for an assertion that contradicts its claim, or `None` where it agrees.
pub fn check_assertion(doc: &Document, claim: &Claim, a: &Assertion) -> Option<Finding> {
    let found = doc.text[a.span.clone()].to_string();
    let (expected, applicability) = match (&a.observed, &claim.expected) {
        (Observed::Term(TermRole::Reject), Expected::Term { value, accept, .. }) => (
            term_replacement(&found, value, accept),
            Applicability::MachineApplicable,
        ),
        (Observed::Term(_), _) => return None,
        (
            Observed::Age {
                years,
                birthday,
                on,
            },
            Expected::Date { .. },
        ) => {
            let possible = possible_ages(&claim.expected, on, *birthday);
            let (lo, hi) = possible?;
            if *years >= f64::from(lo) && *years <= f64::from(hi) {
                return None;
            }
            let ages = if lo == hi {
                lo.to_string()
            } else {
                format!("{lo} or {hi}")
            };
            let when = match on.value.day {
                Some(_) => format!("on {}", on.value),
                None => format!("in {}", on.value),
            };
            let what = match &claim.statement {
                Some(s) => format!("the claim that {}", s.trim().trim_end_matches('.')),
                None => format!("claim `{}` ({})", claim.id, claim.expected.display()),
            };
            return Some(Finding {
                claim: a.claim,
                severity: claim.severity,
                span: a.span.clone(),
                sentence: crate::document::sentences::trimmed(
                    &doc.text,
                    doc.sentences[a.sentence].range.clone(),
                ),
                message: format!("age {} {when} contradicts {what}", one_line(&found)),
                label: format!("the claims make it {ages} {when}"),
                found,
                expected: ages.clone(),
                fix: (lo == hi).then_some(Fix {
                    replacement: ages,
                    applicability: Applicability::DisplayOnly,
                }),
                mode: a.mode,
            });
        }
        (Observed::Date(d), Expected::Date { value, .. }) => {
            if date_agrees(d, claim) {
                return None;
            }
            // A single date is corrected at its own precision; a range or a
            // qualified period is answered with the claimed value as it is.
            let precision = match d.shape {
                Shape::Point => d.precision().min(value.precision()),
                _ => value.precision(),
            };
            (
                value.truncate(precision).to_string(),
                Applicability::DisplayOnly,
            )
        }
        (Observed::Number(n), Expected::Number { value, .. }) => {
            if number_agrees(n, &claim.expected) {
                return None;
            }
            (format_number(*value), Applicability::DisplayOnly)
        }
        _ => return None,
    };
    let what = match &claim.statement {
        Some(s) => format!("the claim that {}", s.trim().trim_end_matches('.')),
        None => format!("claim `{}` ({})", claim.id, claim.expected.display()),
    };
    let shown = if matches!(claim.expected, Expected::Term { .. }) {
        format!("\"{expected}\"")
    } else {
        expected.clone()
    };
    // A relative date or a day without a year: say what it resolved to.
    let shown_found = match &a.observed {
        Observed::Date(d) if !found.contains(&d.value.year.to_string()) => {
            format!("\"{}\" ({})", one_line(&found), d.value)
        }
        _ => format!("\"{}\"", one_line(&found)),
    };
    Some(Finding {
        claim: a.claim,
        severity: claim.severity,
        span: a.span.clone(),
        sentence: crate::document::sentences::trimmed(
            &doc.text,
            doc.sentences[a.sentence].range.clone(),
        ),
        message: format!("{shown_found} contradicts {what}"),
        label: format!("the claims say {shown}"),
        found,
        expected: expected.clone(),
        fix: Some(Fix {
            replacement: expected,
            applicability,
        }),
        mode: a.mode,
    })
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

/// The text on one line (a span may cross a line break).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The youngest and oldest the subject can have been on the date (or, for
/// "turned N", the ages whose birthday falls on it), given every accepted birth date.
fn possible_ages(born: &Expected, on: &DateMention, birthday: bool) -> Option<(i32, i32)> {
    use crate::extract::calendar::civil;
    let age_at = |b: i64, d: i64| -> i32 {
        let (by, bm, bd) = civil(b);
        let (dy, dm, dd) = civil(d);
        dy - by - i32::from((dm, dd) < (bm, bd))
    };
    let mut lo = i32::MAX;
    let mut hi = i32::MIN;
    for b in born.date_intervals() {
        for d in &on.readings {
            if d.start < crate::extract::calendar::MIN_DAY / 2
                || d.end > crate::extract::calendar::MAX_DAY / 2
            {
                return None;
            }
            let (young, old) = (age_at(b.end, d.start), age_at(b.start, d.end));
            if birthday {
                let young = age_at(b.end, d.start - 1);
                // The age reached within the period: at its start one was `young`,
                // so the birthdays inside it give young + 1 ..= old.
                if old > young {
                    lo = lo.min(young + 1);
                    hi = hi.max(old);
                }
            } else {
                lo = lo.min(young);
                hi = hi.max(old);
            }
        }
    }
    (lo <= hi).then_some((lo, hi))
}

/// Whether a date mention agrees with a date claim: one of its readings overlaps the
/// claimed value or an accepted one.
pub fn date_agrees(d: &DateMention, claim: &Claim) -> bool {
    let claimed = claim.expected.date_intervals();
    d.readings
        .iter()
        .any(|r| claimed.iter().any(|c| c.overlaps(r)))
}

/// Whether a stated number agrees with a number claim, allowing the claim's tolerance,
/// its `min`/`max` range, and the slack that "about" or "more than" gives.
pub fn number_agrees(n: &NumberMention, expected: &Expected) -> bool {
    let Expected::Number {
        value,
        accept,
        tolerance,
        min,
        max,
    } = expected
    else {
        return true;
    };
    let lo = min.unwrap_or(*value - tolerance);
    let hi = max.unwrap_or(*value + tolerance);
    let near = |x: f64, slack: f64| {
        (x >= lo - slack && x <= hi + slack) || accept.iter().any(|a| (a - x).abs() <= slack)
    };
    match n.approx {
        Approx::Exact => near(n.value, 0.0),
        Approx::About => near(n.value, (value.abs() * 0.1).max(1.0)),
        Approx::AtLeast => hi >= n.value - tolerance || accept.iter().any(|a| *a >= n.value),
        Approx::AtMost => lo <= n.value + tolerance || accept.iter().any(|a| *a <= n.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;
    use crate::extract::number::extract_numbers;

    fn agrees(text: &str, expected: &Expected) -> bool {
        let n = extract_numbers(&fold(text).text).remove(0);
        number_agrees(&n, expected)
    }

    fn number(value: f64, tolerance: f64, min: Option<f64>, max: Option<f64>) -> Expected {
        Expected::Number {
            value,
            accept: vec![],
            tolerance,
            min,
            max,
        }
    }

    #[test]
    fn numbers_compare_with_tolerance_range_and_approximation() {
        let exact = number(20.0, 0.0, None, None);
        assert!(agrees("20 years", &exact));
        assert!(!agrees("19 years", &exact));
        assert!(agrees("about 19 years", &exact));
        assert!(!agrees("about 15 years", &exact));
        assert!(agrees("more than 19 years", &exact));
        assert!(!agrees("more than 25 years", &exact));
        assert!(agrees("less than 25 years", &exact));
        assert!(!agrees("less than 15 years", &exact));
        let tolerant = number(1517.0, 5.0, None, None);
        assert!(agrees("1,520 delegates", &tolerant));
        assert!(!agrees("1,530 delegates", &tolerant));
        let varying = number(20.0, 0.0, Some(18.0), Some(22.0));
        assert!(agrees("eighteen years", &varying));
        assert!(!agrees("seventeen years", &varying));
    }
}
