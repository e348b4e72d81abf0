//! Dates stated together: days of one month in a range or a list (`20-21`,
//! `2 and 7`, `the 1st, 2nd or 3rd`), and bare lists of whole dates
//! (`in 1903, 1904 or 1905`) grouped into one mention.

use std::sync::LazyLock;

use crate::re::Regex;

use super::atoms::{ORDINAL_PATTERN, ORDINAL_WORDS};
use super::{DateMention, Shape};

/// What joins two days: a range (`-`, `to`) or a list (`,`, `and`, `or`, `&`).
const DAY_JOIN: &str =
    r"(?: ?- ?| (?:to|until|through|till) | (?:and|or|&) |, (?:and |or |& )?)(?:the )?";
/// What joins the last two days: a bare comma does not (`4, 7 may` is a count and
/// a date).
const LAST_DAY_JOIN: &str = r"(?: ?- ?| (?:to|until|through|till) |,? (?:and|or|&) )(?:the )?";

fn one_day() -> String {
    format!(r"(?:\d{{1,2}}(?:st|nd|rd|th)?\b|(?:{ORDINAL_PATTERN}))")
}

const DIGIT_DAY: &str = r"\d{1,2}(?:st|nd|rd|th)?\b";

/// A pattern (no groups) for two or more days of one month: `20-21`, `2 and 7`,
/// `1st, 2nd or 3rd`, `the twentieth and twenty first`. Days between the first
/// and the last are digits: every ordinal word costs the date regex time.
pub(crate) static DAYS: LazyLock<String> = LazyLock::new(|| {
    let day = one_day();
    format!("{day}(?:{DAY_JOIN}{DIGIT_DAY})*{LAST_DAY_JOIN}{day}")
});

/// As [`DAYS`], digits only (`2 and 7`, after a month: `may 2 and 7, 1986`).
pub(crate) static DIGIT_DAYS: LazyLock<String> =
    LazyLock::new(|| format!("{DIGIT_DAY}(?:{DAY_JOIN}{DIGIT_DAY})*{LAST_DAY_JOIN}{DIGIT_DAY}"));

/// A pattern (no groups) for one or more days of one month: `7`, `7th`,
/// `seventh`, `1st, 2nd or 3rd`, `the first, second and third`.
pub(crate) static DAY_SEQUENCE: LazyLock<String> = LazyLock::new(|| {
    let day = one_day();
    format!("{day}(?:(?:{DAY_JOIN}{day})*{LAST_DAY_JOIN}{day})?")
});

static DAY_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<n>\d{{1,2}})(?:st|nd|rd|th)?|(?P<w>{ORDINAL_PATTERN})"
    ))
    .expect("the day regex is valid")
});

/// Days of one month as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DaySequence {
    /// The days in the order written; a range has its first and last.
    pub days: Vec<u32>,
    /// `20-21`, `25 to 26`: every day from the first to the last.
    pub range: bool,
    /// Some day is an ordinal word (`the seventh`) rather than digits.
    pub words: bool,
}

/// Reads a text matched by [`DAY_SEQUENCE`] or [`DAYS`]; `None` where a day is 0 or over 31,
/// or a range runs backwards.
pub(crate) fn day_sequence(s: &str) -> Option<DaySequence> {
    let mut days = Vec::new();
    let mut range = false;
    let mut words = false;
    let mut last_end = None;
    for c in DAY_TOKEN.captures_iter(s) {
        let whole = c.get(0).expect("group 0");
        let day = match (c.name("n"), c.name("w")) {
            (Some(n), _) => n.as_str().parse().ok()?,
            (None, Some(w)) => {
                words = true;
                ORDINAL_WORDS.iter().position(|o| *o == w.as_str())? as u32 + 1
            }
            (None, None) => return None,
        };
        if let Some(end) = last_end {
            let gap: &str = &s[end..whole.start()];
            if gap.contains('-')
                || gap
                    .split(' ')
                    .any(|w| matches!(w, "to" | "until" | "through" | "till"))
            {
                range = true;
            }
        }
        if !(1..=31).contains(&day) {
            return None;
        }
        days.push(day);
        last_end = Some(whole.end());
    }
    if days.is_empty() {
        return None;
    }
    if range {
        // "1, 2 to 5": every day from the first to the last.
        let (first, last) = (days[0], days[days.len() - 1]);
        if last < first {
            return None;
        }
        days = vec![first, last];
    }
    Some(DaySequence { days, range, words })
}

/// What may stand between two dates of a bare list: a comma, `and`, `or`, `&`.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<comma>, ?)$|^,? (?:and|or|&|and/or) $").expect("valid regex")
});

/// Joins every bare list of dates into one mention of shape [`Shape::List`]:
/// dates with only commas, `and`, `or` or `&` between them, the last gap a
/// conjunction (`in 1903, 1904 or 1905`, `in 1921 and 1922`, `on 2 may 1986 and
/// 7 may 1986`). The list's span runs from the first date to the last, its
/// readings are all of theirs, its value is the first date's. Dates with other
/// words between them (`physics in 1903 and chemistry in 1911`), a run with no
/// conjunction (`in 1903, 1904 was`), and open intervals (`after 1929`) stay as
/// they are.
///
/// `dates` are the mentions of one sentence of the folded `text`, in order
/// (relative and yearless dates resolved or not); the result is in order too.
pub fn group_lists(text: &str, dates: &[DateMention]) -> Vec<DateMention> {
    let mut out = Vec::with_capacity(dates.len());
    let mut i = 0;
    while i < dates.len() {
        // The run of dates joined by list gaps from i, and its last conjunction.
        let mut end_with_conjunction = None;
        let mut j = i;
        while j + 1 < dates.len() {
            let (a, b) = (&dates[j], &dates[j + 1]);
            if a.shape == Shape::Open || b.shape == Shape::Open || a.span.end > b.span.start {
                break;
            }
            let Some(c) = LIST_GAP.captures(&text[a.span.end..b.span.start]) else {
                break;
            };
            j += 1;
            if c.name("comma").is_none() {
                end_with_conjunction = Some(j);
            }
        }
        // The run from any later date of it ends at `j` too, and holds no
        // conjunction after the last: those dates stay as they are, and the run
        // is read once (a sentence of a thousand years costs no more than its years).
        let rest = match end_with_conjunction {
            Some(last) => {
                out.push(list_of(&dates[i..=last]));
                last + 1
            }
            None => i,
        };
        out.extend(dates[rest..j + 1].iter().cloned());
        i = j + 1;
    }
    out
}

/// One mention for the dates of a list.
fn list_of(members: &[DateMention]) -> DateMention {
    let first = &members[0];
    let last = &members[members.len() - 1];
    DateMention {
        span: first.span.start..last.span.end,
        value: first.value,
        readings: members
            .iter()
            .flat_map(|m| m.readings.iter().copied())
            .collect(),
        shape: Shape::List,
        weekday: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::calendar::Interval;
    use crate::extract::date::extract_dates;

    #[test]
    fn day_sequences_read_ranges_and_lists() {
        let read = |s: &str| day_sequence(s).map(|d| (d.days, d.range));
        assert_eq!(read("20-21"), Some((vec![20, 21], true)));
        assert_eq!(read("25 to 26"), Some((vec![25, 26], true)));
        assert_eq!(read("2 and 7"), Some((vec![2, 7], false)));
        assert_eq!(read("1st, 2nd or 3rd"), Some((vec![1, 2, 3], false)));
        assert_eq!(
            read("twenty first and twenty second"),
            Some((vec![21, 22], false))
        );
        assert_eq!(read("7"), Some((vec![7], false)));
        assert_eq!(read("21-20"), None);
        assert_eq!(read("0 and 3"), None);
        assert_eq!(read("32"), None);
        assert!(day_sequence("the seventh").unwrap().words);
        assert!(!day_sequence("7th").unwrap().words);
    }

    fn grouped(s: &str) -> Vec<(String, Shape, usize)> {
        let dates = extract_dates(s);
        group_lists(s, &dates)
            .into_iter()
            .map(|m| (s[m.span.clone()].to_string(), m.shape, m.readings.len()))
            .collect()
    }

    #[test]
    fn bare_lists_of_dates_are_one_mention() {
        assert_eq!(
            grouped("they flew in 1903, 1904 or 1905."),
            vec![("1903, 1904 or 1905".into(), Shape::List, 3)]
        );
        assert_eq!(
            grouped("it ran in 1921, 1922, and 1923 only"),
            vec![("1921, 1922, and 1923".into(), Shape::List, 3)]
        );
        assert_eq!(
            grouped("held in 1936 & 1938"),
            vec![("1936 & 1938".into(), Shape::List, 2)]
        );
        assert_eq!(
            grouped("on 2 may 1986 and 7 may 1986 they"),
            vec![("2 may 1986 and 7 may 1986".into(), Shape::List, 2)]
        );
        // A list of ranges keeps each range as one reading.
        assert_eq!(
            grouped("in 1903-05 and 1908-09"),
            vec![("1903-05 and 1908-09".into(), Shape::List, 2)]
        );
        let dates = extract_dates("in 1921 and 1923");
        let list = &group_lists("in 1921 and 1923", &dates)[0];
        assert_eq!(
            list.readings,
            vec![Interval::years(1921, 1921), Interval::years(1923, 1923)]
        );
        assert_eq!(list.value.year, 1921);
    }

    #[test]
    fn a_run_of_dates_is_read_once_and_grouped_up_to_its_last_conjunction() {
        assert_eq!(
            grouped("in 1901, 1902 and 1903, 1904, 1905 they moved"),
            vec![
                ("1901, 1902 and 1903".into(), Shape::List, 3),
                ("1904".into(), Shape::Point, 1),
                ("1905".into(), Shape::Point, 1),
            ]
        );
        // A long run with no conjunction: every year stays apart.
        let years: Vec<String> = (1000..1400).map(|y| y.to_string()).collect();
        let text = format!("born in {}, or later", years.join(", "));
        let out = grouped(&text);
        assert_eq!(out.len(), years.len());
        assert!(
            out.iter()
                .zip(&years)
                .all(|((s, shape, n), y)| { s == y && *shape == Shape::Point && *n == 1 })
        );
    }

    #[test]
    fn dates_with_other_words_between_stay_apart() {
        let apart = |s: &str| grouped(s).iter().all(|(_, shape, _)| *shape != Shape::List);
        assert!(apart("physics in 1903 and chemistry in 1911"));
        assert!(apart("irene, born in 1897, and eve, born in 1904"));
        assert!(apart("in 1903 and in 1911"));
        // A run without a conjunction is not a list.
        assert!(apart("in 1903, 1904 was dry"));
        // Open intervals and composed ranges are not list members.
        assert!(apart("after 1929 and 1931"));
        assert_eq!(grouped("between 1936 and 1938").len(), 1);
        assert_eq!(grouped("between 1936 and 1938")[0].1, Shape::Range);
        assert_eq!(grouped("in 1903, 1904 was dry").len(), 2);
    }

    #[test]
    fn a_list_stops_at_its_last_conjunction() {
        assert_eq!(
            grouped("in 1903 and 1904, 1910 was"),
            vec![
                ("1903 and 1904".into(), Shape::List, 2),
                ("1910".into(), Shape::Point, 1)
            ]
        );
        assert_eq!(
            grouped("in 1890, 1903 and 1904, and then"),
            vec![("1890, 1903 and 1904".into(), Shape::List, 3)]
        );
    }
}
