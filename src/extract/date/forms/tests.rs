//! The forms of [`super`]: what each reads, and the numbers that only look like
//! dates.

use crate::extract::calendar::{DateValue, Interval, day_number};
use crate::extract::date::{Shape, extract_dates};
use crate::extract::normalize::fold;

/// (the words found, the shape, the first reading's first and last day as dates)
fn read(text: &str) -> Vec<(String, Shape, String, String)> {
    let folded = fold(text);
    extract_dates(&folded.text)
        .into_iter()
        .map(|m| {
            let r = m.readings[0];
            let day = |n| {
                let (y, mo, d) = crate::extract::calendar::civil(n);
                format!("{y:04}-{mo:02}-{d:02}")
            };
            (
                text[folded.orig_range(m.span.clone())].to_string(),
                m.shape,
                day(r.start),
                day(r.end),
            )
        })
        .collect()
}

fn one(words: &str, shape: Shape, from: &str, to: &str) -> Vec<(String, Shape, String, String)> {
    vec![(words.into(), shape, from.into(), to.into())]
}

#[test]
fn year_first_numerics() {
    use Shape::Point;
    assert_eq!(
        read("on 1922-4-7 he"),
        one("1922-4-7", Point, "1922-04-07", "1922-04-07")
    );
    assert_eq!(
        read("on 1950/06/25 he"),
        one("1950/06/25", Point, "1950-06-25", "1950-06-25")
    );
    assert_eq!(
        read("on 1933.01.30 he"),
        one("1933.01.30", Point, "1933-01-30", "1933-01-30")
    );
    assert_eq!(
        read("at 1986-04-26T01:23:40+04:00 the"),
        one("1986-04-26", Point, "1986-04-26", "1986-04-26")
    );
    assert_eq!(
        read("logged 1986-04-26T01:23Z."),
        one("1986-04-26", Point, "1986-04-26", "1986-04-26")
    );
    // Mixed separators, versions and impossible days are no dates.
    assert!(read("version 1922-4.7 of").iter().all(|r| r.0 == "1922"));
    assert_eq!(read("build 1.1933.01.30 ran"), vec![]);
    assert!(
        read("on 1922-13-7 he")
            .iter()
            .all(|r| r.1 != Point || r.0 != "1922-13-7")
    );
}

#[test]
fn months_of_years_in_digits() {
    use Shape::Point;
    assert_eq!(
        read("in 4/1921 he"),
        one("4/1921", Point, "1921-04-01", "1921-04-30")
    );
    assert_eq!(
        read("in 11/1918 the"),
        one("11/1918", Point, "1918-11-01", "1918-11-30")
    );
    assert_eq!(
        read("in 1931/05 he"),
        one("1931/05", Point, "1931-05-01", "1931-05-31")
    );
    // A season of two years, a thirteenth month, a fraction, a price.
    assert_eq!(read("the 1905/06 season"), vec![]);
    assert_eq!(read("in 13/1921 he"), vec![]);
    assert_eq!(read("scored 3/4 of"), vec![]);
    assert_eq!(read("cost $4/1921 units"), vec![]);
    assert_eq!(read("see 4/1921/7 there"), vec![]);
}

#[test]
fn two_digit_years_beside_a_month() {
    use Shape::Point;
    assert_eq!(
        read("on 22-Jun-41 the"),
        one("22-Jun-41", Point, "1941-06-22", "1941-06-22")
    );
    assert_eq!(
        read("on Jun 22 '41 the"),
        one("Jun 22 '41", Point, "1941-06-22", "1941-06-22")
    );
    assert_eq!(
        read("on 22 June '41 the"),
        one("22 June '41", Point, "1941-06-22", "1941-06-22")
    );
    // A bare "22 jun 41" or an impossible day is none.
    assert_eq!(read("code 22 jun 41 x"), vec![]);
    assert_eq!(read("on 31-Jun-41 the"), vec![]);
}

#[test]
fn ranges_across_months() {
    use Shape::Range;
    assert_eq!(
        read("from March 28 – April 4, 1921 the"),
        one(
            "March 28 – April 4, 1921",
            Range,
            "1921-03-28",
            "1921-04-04"
        )
    );
    assert_eq!(
        read("from 28 March to 4 April 1921 the"),
        one(
            "28 March to 4 April 1921",
            Range,
            "1921-03-28",
            "1921-04-04"
        )
    );
    assert_eq!(
        read("on June 3–9, 1922 the"),
        one("June 3–9, 1922", Range, "1922-06-03", "1922-06-09")
    );
    assert_eq!(
        read("from the second to the fifth of May 1921"),
        one(
            "second to the fifth of May 1921",
            Range,
            "1921-05-02",
            "1921-05-05"
        )
    );
    // Backwards, it is no range.
    assert!(
        read("April 4 – March 28, 1921")
            .iter()
            .all(|r| r.1 != Range)
    );
}

#[test]
fn decades_and_centuries_in_words() {
    use Shape::Period;
    assert_eq!(
        read("in the nineteen-thirties she"),
        one("nineteen-thirties", Period, "1930-01-01", "1939-12-31")
    );
    assert_eq!(
        read("in the eighteen hundreds"),
        one("eighteen hundreds", Period, "1800-01-01", "1899-12-31")
    );
    assert_eq!(
        read("in the 1800s"),
        one("1800s", Period, "1800-01-01", "1899-12-31")
    );
    assert_eq!(
        read("in the 1930s"),
        one("1930s", Period, "1930-01-01", "1939-12-31")
    );
    assert_eq!(
        read("in the early nineteen twenties"),
        one("nineteen twenties", Period, "1920-01-01", "1924-12-31")
    );
    // Counts are no decades.
    assert_eq!(read("nineteen hundreds of men"), vec![]);
    assert_eq!(read("she was in her thirties"), vec![]);
}

#[test]
fn year_first_words_and_both_calendars() {
    use Shape::Point;
    assert_eq!(
        read("on 1921 March 18 the"),
        one("1921 March 18", Point, "1921-03-18", "1921-03-18")
    );
    assert_eq!(read("in 1921 may 18 men left").len(), 1);
    let m = &extract_dates("on 7/20 november 1917 the")[0];
    let day = |d| {
        let n = day_number(1917, 11, d);
        Interval { start: n, end: n }
    };
    assert_eq!(m.readings, vec![day(7), day(20)]);
    assert_eq!(m.value, DateValue::new(1917, Some(11), Some(20)).unwrap());
    let m = &extract_dates("on 25 october/7 november 1917 the")[0];
    assert_eq!(m.readings[1], day(7));
    // Days too far apart for the two calendars are not one day.
    assert!(
        extract_dates("on 7/9 november 1917")
            .iter()
            .all(|m| m.readings.len() == 1)
    );
}

#[test]
fn numbers_that_only_look_like_years() {
    for s in [
        "the motion won 1904 to 1200 in the hall",
        "the motion lost 1904-1200 in the hall",
        "won 1,904 to 1,200",
        "he got 1904 votes",
        "they met at 1830 hours",
        "see pp. 1921-1930 of the report",
        "see pages 1921 to 1930 of the report",
        "catalogue No. 1936 is lost",
        "his Opus 1912 is lost",
        "the climb took 1021 minutes",
        "the crossing took 1200 days",
        "a ship of 1850 tons",
        "with 1100 passengers aboard",
        "the tower is 1001 m tall",
        "an engine of 1200 hp",
    ] {
        assert_eq!(read(s), vec![], "{s}");
    }
    // A forward pair stays a range of years; a weekday or time before a date is no part of it.
    assert_eq!(read("from 1904 to 1912 he").len(), 1);
    // A year before a noun that is no measure stays a year.
    assert_eq!(read("in 1921 the days grew short").len(), 1);
    assert_eq!(read("at 6:05 p.m. Jan. 9, 1921 the")[0].0, "Jan. 9, 1921");
    assert_eq!(read("Fri, Oct 2, 1936 10:00 AM")[0].0, "Fri, Oct 2, 1936");
}

#[test]
fn since_states_a_start() {
    let m = &extract_dates("he has lived there since 1921")[0];
    assert_eq!(m.shape, Shape::Open);
    assert_eq!(m.readings, vec![Interval::years(1921, 1921)]);
}
