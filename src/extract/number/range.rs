//! Ranges of numbers (`12-15 horse-power`, `from 4,000 to 200,000`, `between 180 and
//! 320 years`, `three or four newspapers`): two numbers read as one interval.

use std::ops::Range;

use super::value::Raw;
use super::{after_window, before_window};

/// A number, or the two ends of a range, as written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Ranged {
    /// From the first number's start to the last one's end.
    pub span: Range<usize>,
    pub value: f64,
    /// The upper end of a range.
    pub range_to: Option<f64>,
}

/// Whether the words between two numbers join them into a range.
fn joins(text: &str, lo: &Raw, hi: &Raw) -> bool {
    // `22-7-2019`, `12/17/2024`: a date or a code, not a range.
    let chained = |c: char| matches!(c, '-' | '/');
    let before = before_window(text, lo.span.start);
    let after = after_window(text, hi.span.end);
    let mut b = before.chars().rev();
    let mut a = after.chars();
    if lo.value >= hi.value
        || (b.next().is_some_and(chained) && b.next().is_some_and(|c| c.is_ascii_digit()))
        || (a.next().is_some_and(chained) && a.next().is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    match &text[lo.span.end..hi.span.start] {
        "-" | " - " | " to " | " or " => true,
        " and " => before_window(text, lo.span.start).ends_with("between "),
        _ => false,
    }
}

/// The numbers of a text with each range joined into one.
pub(super) fn merge_ranges(text: &str, raws: Vec<Raw>) -> Vec<Ranged> {
    let mut out: Vec<Ranged> = Vec::with_capacity(raws.len());
    let mut prev: Option<Raw> = None;
    for raw in raws {
        if let Some(p) = &prev
            && let Some(last) = out.last_mut()
            && last.range_to.is_none()
            && last.span == p.span
            && joins(text, p, &raw)
        {
            last.span.end = raw.span.end;
            last.range_to = Some(raw.value);
            prev = Some(raw);
            continue;
        }
        out.push(Ranged {
            span: raw.span.clone(),
            value: raw.value,
            range_to: None,
        });
        prev = Some(raw);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::value::raw_numbers;
    use super::*;
    use crate::extract::normalize::fold;

    fn ranges(text: &str) -> Vec<(String, f64, Option<f64>)> {
        let folded = fold(text).text;
        merge_ranges(&folded, raw_numbers(&folded))
            .into_iter()
            .map(|r| (folded[r.span].to_string(), r.value, r.range_to))
            .collect()
    }

    fn r(s: &str, lo: f64, hi: Option<f64>) -> (String, f64, Option<f64>) {
        (s.to_string(), lo, hi)
    }

    #[test]
    fn two_numbers_joined_by_a_dash_to_or_and_between() {
        assert_eq!(
            ranges("about 12-15 horse-power"),
            vec![r("12-15", 12.0, Some(15.0))]
        );
        assert_eq!(
            ranges("12 \u{2013} 15 km"),
            vec![r("12 - 15", 12.0, Some(15.0))]
        );
        assert_eq!(
            ranges("from 4,000 to 200,000 deaths"),
            vec![r("4,000 to 200,000", 4000.0, Some(200_000.0))]
        );
        assert_eq!(
            ranges("for between 180 and 320 years"),
            vec![r("180 and 320", 180.0, Some(320.0))]
        );
        assert_eq!(
            ranges("only three or four newspapers"),
            vec![r("three or four", 3.0, Some(4.0))]
        );
    }

    #[test]
    fn numbers_that_stay_apart() {
        // Descending: a score or two separate figures.
        assert_eq!(
            ranges("won 3-1"),
            vec![r("3", 3.0, None), r("1", 1.0, None)]
        );
        // "and" without "between": two counts.
        assert_eq!(
            ranges("49,360 and 254 people"),
            vec![r("49,360", 49360.0, None), r("254", 254.0, None)]
        );
        assert_eq!(
            ranges("5 and 7 flights"),
            vec![r("5", 5.0, None), r("7", 7.0, None)]
        );
        // Words between the numbers.
        assert_eq!(
            ranges("12 km to 15 km"),
            vec![r("12", 12.0, None), r("15", 15.0, None)]
        );
        // Dashes chaining three numbers make a date or a code.
        assert_eq!(
            ranges("on 22-7-2019"),
            vec![
                r("22", 22.0, None),
                r("7", 7.0, None),
                r("2019", 2019.0, None)
            ]
        );
        assert_eq!(
            ranges("1-2-3"),
            vec![r("1", 1.0, None), r("2", 2.0, None), r("3", 3.0, None)]
        );
    }
}
