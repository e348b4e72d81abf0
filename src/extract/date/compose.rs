//! Composition: the words around date atoms make ranges (`1936 to 1938`,
//! `between 1936 and 1938`), qualified periods (`early 1897`, `c. 1900`, `the night
//! of 25 april 1986`) and open intervals (`after 1929`).

use std::sync::LazyLock;

use crate::re::Regex;

use crate::extract::gated::Gated;

use super::{DateMention, Shape};
use crate::extract::calendar::{Interval, MAX_DAY, MIN_DAY, civil, day_number, days_in_month};

/// Words that join two dates into a range.
static RANGE_JOIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ ?(?:-|to|until|till|through|and|or) ?$").expect("valid regex"));
/// Words before a date that qualify it.
static QUALIFIER: Gated = Gated::new(
    &[
        "early",
        "mid",
        "late",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "end of",
        "beginning of",
        "start of",
        "c.",
        "ca.",
        "circa",
        "around",
        "about",
        "approximately",
        "roughly",
        "after",
        "before",
        "until",
        "till",
        "since",
        "by",
        "prior to",
        "night of",
    ],
    || {
        Regex::new(
        r"(?:\b(?P<part>early|mid|late|the (?:spring|summer|autumn|fall|winter) of|(?:spring|summer|autumn|fall|winter)(?: of)?|the end of|the beginning of|the start of|the middle of)(?: the)?|(?P<approx>\bc\.|\bca\.|\bcirca|\baround|\babout|\bapproximately|\broughly)|(?P<open>\bafter|\bbefore|\buntil|\btill|\bsince|\bby|\bprior to)|(?P<night>\bnight of(?: the)?)) ?-?$",
    )
    .expect("valid regex")
    },
);

/// Merges `A - B`, `from A to B`, `between A and B` into one range mention.
pub(super) fn compose_ranges(text: &str, atoms: &mut Vec<DateMention>) {
    let mut out: Vec<DateMention> = Vec::with_capacity(atoms.len());
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if let Some(b) = atoms.get(i + 1) {
            let gap = &text[a.span.end..b.span.start];
            let before = &text[..a.span.start];
            let joined = RANGE_JOIN.captures(gap).is_some_and(|_| {
                let word = gap.trim();
                match word {
                    "and" => before.ends_with("between "),
                    "or" => false,
                    _ => true,
                }
            });
            let (ra, rb) = (a.readings[0], b.readings[b.readings.len() - 1]);
            let simple = |m: &DateMention| !matches!(m.shape, Shape::Open | Shape::List);
            if joined && simple(a) && simple(b) && ra.start <= rb.end {
                out.push(DateMention {
                    span: a.span.start..b.span.end,
                    value: a.value,
                    readings: vec![Interval {
                        start: ra.start,
                        end: rb.end,
                    }],
                    shape: Shape::Range,
                    weekday: a.weekday.clone(),
                });
                i += 2;
                continue;
            }
        }
        out.push(atoms[i].clone());
        i += 1;
    }
    *atoms = out;
}

/// Applies a qualifier written just before the mention (`early`, `c.`, `after`,
/// `the night of`).
pub(super) fn qualify(text: &str, m: &mut DateMention) {
    if matches!(m.shape, Shape::Range | Shape::List) {
        return;
    }
    let window_start = m.span.start.saturating_sub(24);
    let mut ws = window_start;
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    let before = &text[ws..m.span.start];
    let Some(c) = QUALIFIER.captures(before) else {
        return;
    };
    let r = m.readings[0];
    if let Some(p) = c.name("part") {
        let word = p.as_str();
        let Some(new) = part_of(word, m, r) else {
            return;
        };
        m.readings = vec![new];
        m.shape = Shape::Period;
    } else if let Some(a) = c.name("approx") {
        let years = if matches!(a.as_str(), "c." | "ca." | "circa") {
            2
        } else {
            1
        };
        let span = (i64::from(years)) * 366;
        m.readings = m
            .readings
            .iter()
            .map(|r| Interval {
                start: r.start - span,
                end: r.end + span,
            })
            .collect();
        m.shape = Shape::Period;
    } else if let Some(o) = c.name("open") {
        m.readings = vec![open_interval(o.as_str(), r)];
        m.shape = Shape::Open;
    } else if c.name("night").is_some() && m.value.day.is_some() {
        // A night runs past midnight into the next day.
        m.readings = m
            .readings
            .iter()
            .map(|r| Interval {
                start: r.start,
                end: r.end + 1,
            })
            .collect();
        m.shape = Shape::Period;
    }
}

/// The interval `after 1929`, `since 1929`, `before 1929`, `until 1929` stand for.
fn open_interval(word: &str, r: Interval) -> Interval {
    match word {
        "after" => Interval {
            start: r.end + 1,
            end: MAX_DAY,
        },
        // "since 1921" states when something began, not any time after.
        "since" => r,
        "before" | "prior to" => Interval {
            start: MIN_DAY,
            end: r.start - 1,
        },
        // until, till, by
        _ => Interval {
            start: MIN_DAY,
            end: r.end,
        },
    }
}

/// The part of the mention's interval that `word` names (early 1897 → January-May).
fn part_of(word: &str, m: &DateMention, r: Interval) -> Option<Interval> {
    let season = ["spring", "summer", "autumn", "fall", "winter"]
        .into_iter()
        .find(|s| word.contains(s));
    if let Some(s) = season {
        if m.value.month.is_some() || m.shape != Shape::Point {
            return None;
        }
        let y = m.value.year;
        return Some(match s {
            "spring" => Interval::months((y, 3), (y, 5)),
            "summer" => Interval::months((y, 6), (y, 8)),
            "autumn" | "fall" => Interval::months((y, 9), (y, 11)),
            // The winter of 1902 may be its first months or its last: both.
            _ => Interval::months((y, 1), (y + 1, 2)),
        });
    }
    if m.value.day.is_some() {
        return None;
    }
    let which = if word.starts_with("early") || word.contains("beginning") || word.contains("start")
    {
        0
    } else if word.starts_with("mid") || word.contains("middle") {
        1
    } else {
        2
    };
    let (y, _, _) = civil(r.start);
    Some(match (m.shape, m.value.month) {
        // The parts overlap: "late 1940" may well be August, and a linter must not
        // call a vague word wrong.
        // A decade or a century: early = its first half, mid = the middle four
        // tenths, late = the last four (a decade: 0-4, 3-7, 6-9).
        (Shape::Period, None) => {
            let (end, _, _) = civil(r.end);
            let tenth = ((end - y + 1) / 10).max(1);
            let (from, to) = [(0, 4), (3, 7), (6, 9)][which];
            Interval::years(y + from * tenth, y + (to + 1) * tenth - 1)
        }
        // A year: January-May, April-September, August-December.
        (_, None) => {
            let (from, to) = [(1, 5), (4, 9), (8, 12)][which];
            Interval::months((y, from), (y, to))
        }
        // A month: days 1-11, 10-21, 20 to its end.
        (_, Some(month)) => {
            let (from, to) = [(1, 11), (10, 21), (20, days_in_month(y, month))][which];
            Interval {
                start: day_number(y, month, from),
                end: day_number(y, month, to),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::calendar::{Interval, day_number};
    use crate::extract::date::{Shape, extract_dates};

    #[test]
    fn every_qualifier_holds_one_of_the_words_it_is_looked_for_by() {
        super::QUALIFIER.check_words();
    }

    #[test]
    fn parts_of_centuries_are_parts_of_a_hundred_years() {
        let one = |s: &str| {
            let all = extract_dates(s);
            assert_eq!(all.len(), 1, "{s}");
            all[0].clone()
        };
        assert_eq!(
            one("in the early 20th century").readings,
            vec![Interval::years(1900, 1949)]
        );
        assert_eq!(
            one("by the beginning of the 21st century").readings,
            vec![Interval::years(2000, 2049)]
        );
        assert_eq!(
            one("in the late 19th century").readings,
            vec![Interval::years(1860, 1899)]
        );
        assert_eq!(
            one("in the mid-1930s").readings,
            vec![Interval::years(1933, 1937)]
        );
    }

    #[test]
    fn decades_and_centuries_are_never_single_years() {
        for (s, from, to) in [
            ("built in the 1970s as a model town", 1970, 1979),
            ("in the 21st century", 2000, 2100),
            ("by the begininig of the 21st century, many", 2000, 2100),
        ] {
            let all = extract_dates(s);
            assert_eq!(all.len(), 1, "{s}");
            assert_eq!(all[0].shape, Shape::Period, "{s}");
            assert_eq!(all[0].readings, vec![Interval::years(from, to)], "{s}");
        }
    }

    #[test]
    fn a_night_runs_into_the_next_day() {
        let day = |y, m, d| day_number(y, m, d);
        for s in [
            "on the night of 25 april 1986 the test began",
            "during the night of the 25th of april 1986",
        ] {
            let m = &extract_dates(s)[0];
            assert_eq!(m.shape, Shape::Period, "{s}");
            assert_eq!(
                m.readings,
                vec![Interval {
                    start: day(1986, 4, 25),
                    end: day(1986, 4, 26)
                }],
                "{s}"
            );
        }
        // "night of" with a month or a range changes nothing.
        let m = &extract_dates("the night of 25-26 april 1986")[0];
        assert_eq!(m.shape, Shape::Range);
        assert_eq!(m.readings[0].end, day(1986, 4, 26));
        assert_eq!(
            extract_dates("a night of april 1986")[0].shape,
            Shape::Point
        );
        // A night alone is not one.
        assert_eq!(
            extract_dates("on 25 april 1986 at night")[0].shape,
            Shape::Point
        );
    }
}
