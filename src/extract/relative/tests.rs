//! Relative phrases and yearless days, resolved against anchors.

use super::*;
use crate::extract::date::extract_dates;

fn anchor(s: &str) -> DateMention {
    extract_dates(s).remove(0)
}

fn resolve(phrase: &str, from: &str) -> String {
    let rel = extract_relative(phrase);
    assert_eq!(rel.len(), 1, "{phrase}");
    resolve_relative(&rel[0], &anchor(from)).map_or("none".into(), |m| m.value.to_string())
}

#[test]
fn relative_phrases_resolve_against_the_anchor() {
    assert_eq!(
        resolve("he died the following day", "20 august 1940"),
        "21 August 1940"
    );
    assert_eq!(
        resolve("he died the next day", "31 december 1940"),
        "1 January 1941"
    );
    assert_eq!(
        resolve("he died the same day", "20 august 1940"),
        "20 August 1940"
    );
    assert_eq!(resolve("three months later", "may 1940"), "August 1940");
    assert_eq!(resolve("a year earlier", "1940"), "1939");
    assert_eq!(
        resolve("the next month", "20 december 1940"),
        "January 1941"
    );
    assert_eq!(resolve("2 days later", "20 august 1940"), "22 August 1940");
    assert_eq!(
        resolve("the day before", "1 march 1940"),
        "29 February 1940"
    );
    // A day after a year is unknown.
    assert_eq!(resolve("the following day", "1940"), "none");
}

#[test]
fn days_without_a_year_take_the_anchor_year() {
    let text = "on 20 august, he was attacked; on august 21st he died; in may 1940 it began";
    let full = extract_dates(text);
    let p = extract_partial(text, &full);
    assert_eq!(p.len(), 2);
    let a = anchor("may 1940");
    assert_eq!(
        resolve_partial(&p[0], &a).unwrap().value.to_string(),
        "20 August 1940"
    );
    assert_eq!(
        resolve_partial(&p[1], &a).unwrap().value.to_string(),
        "21 August 1940"
    );
}

fn resolved(phrase: &str, from: &str) -> Option<DateMention> {
    let rel = extract_relative(phrase);
    assert_eq!(rel.len(), 1, "{phrase}: {rel:?}");
    resolve_relative(&rel[0], &anchor(from))
}

fn days(y: i32, m: u32, first: u32, last: u32) -> Vec<Interval> {
    vec![Interval {
        start: day_number(y, m, first),
        end: day_number(y, m, last),
    }]
}

#[test]
fn times_of_day_name_the_anchor_day_or_the_next() {
    for (phrase, want) in [
        ("they met the next morning", "21 August 1940"),
        ("they met the following morning", "21 August 1940"),
        ("they met early the next day", "21 August 1940"),
        ("they met that morning", "20 August 1940"),
        ("they met the same evening", "20 August 1940"),
        ("they met later that day", "20 August 1940"),
        ("they met that afternoon", "20 August 1940"),
        ("they met the previous evening", "19 August 1940"),
    ] {
        assert_eq!(resolve(phrase, "20 august 1940"), want, "{phrase}");
    }
    assert_eq!(
        extract_relative("they met later that day")[0].span,
        9..23,
        "the span holds 'later'"
    );
}

#[test]
fn a_night_runs_into_the_next_day() {
    for (phrase, first, last) in [
        ("he died that night", 20, 21),
        ("it burned overnight", 20, 21),
        ("it burned the same night", 20, 21),
        ("they left the following night", 21, 22),
        ("it had rained the night before", 19, 20),
    ] {
        let m = resolved(phrase, "20 august 1940").unwrap();
        assert_eq!(m.readings, days(1940, 8, first, last), "{phrase}");
        assert_eq!(m.shape, Shape::Period, "{phrase}");
    }
    // A night after a month is that month.
    assert_eq!(resolve("he died that night", "august 1940"), "August 1940");
}

#[test]
fn hours_reach_the_same_day_or_the_next() {
    for (phrase, first, last) in [
        ("hours later he died", 20, 21),
        ("a few hours later he died", 20, 21),
        ("two hours later he died", 20, 21),
        ("90 minutes later he died", 20, 21),
        ("24 hours later he died", 21, 21),
        ("36 hours later he died", 21, 22),
        ("about 24 hours later he died", 20, 22),
        ("two hours earlier he had", 19, 20),
        ("36 hours after the blast he died", 21, 22),
    ] {
        let m = resolved(phrase, "20 august 1940").unwrap();
        assert_eq!(m.readings, days(1940, 8, first, last), "{phrase}");
    }
    assert_eq!(
        resolved("24 hours later he died", "20 august 1940")
            .unwrap()
            .shape,
        Shape::Point
    );
    // Hours after a month or a year name no day.
    assert_eq!(resolve("two hours later he died", "august 1940"), "none");
}

#[test]
fn words_that_are_not_relative_dates() {
    for s in [
        "opening hours after the renovation",
        "the hours were long",
        "working hours before noon",
        "a night of terror",
        "at night he read",
        "the night shift",
        "that nightly walk",
    ] {
        assert!(
            extract_relative(s).is_empty(),
            "{s}: {:?}",
            extract_relative(s)
        );
    }
}

fn partial(text: &str) -> Vec<Partial> {
    extract_partial(text, &extract_dates(text))
}

fn partial_dates(text: &str, year: &str) -> Vec<DateMention> {
    let a = anchor(year);
    partial(text)
        .iter()
        .filter_map(|p| resolve_partial(p, &a))
        .collect()
}

#[test]
fn yearless_days_in_their_written_forms() {
    for s in [
        "the 26th of july she married",
        "on july 26th she married",
        "on 26 july she married",
        "on july 26 she married",
        "on the twenty sixth of july she married",
    ] {
        let got = partial_dates(s, "1895");
        assert_eq!(got.len(), 1, "{s}");
        assert_eq!(got[0].value.to_string(), "26 July 1895", "{s}");
    }
    let text = "on april 26th, officials spoke";
    let p = partial(text);
    assert_eq!(&text[p[0].span.clone()], "april 26th");
}

#[test]
fn yearless_ranges_lists_and_nights() {
    let got = partial_dates("during the night of 25 to 26 april the reactor", "1986");
    assert_eq!(got[0].shape, Shape::Range);
    assert_eq!(got[0].readings, days(1986, 4, 25, 26));
    let got = partial_dates("during the night of 26-27 april, the committee", "1986");
    assert_eq!(got[0].readings, days(1986, 4, 26, 27));
    // A night of one day runs into the next, across a month's end too.
    let got = partial_dates("on the night of 30 april they fled", "1986");
    assert_eq!(got[0].shape, Shape::Period);
    assert_eq!(
        got[0].readings,
        vec![Interval {
            start: day_number(1986, 4, 30),
            end: day_number(1986, 5, 1)
        }]
    );
    let got = partial_dates("it started on 2 may and finished on 7 may", "1986");
    assert_eq!(got.len(), 2);
    let got = partial_dates("on 2 and 7 may they moved", "1986");
    assert_eq!(got[0].shape, Shape::List);
    assert_eq!(
        got[0].readings,
        vec![
            DateValue::new(1986, Some(5), Some(2)).unwrap().interval(),
            DateValue::new(1986, Some(5), Some(7)).unwrap().interval()
        ]
    );
}

#[test]
fn a_weekday_joins_a_yearless_day() {
    let text = "on monday 14 december he tried";
    let p = partial(text);
    assert_eq!(&text[p[0].span.clone()], "monday 14 december");
    let got = partial_dates(text, "1903");
    assert_eq!(got[0].weekday_agrees(), Some(true));
    let got = partial_dates("on friday 14 december he tried", "1903");
    assert_eq!(got[0].weekday_agrees(), Some(false));
}

#[test]
fn words_that_are_not_yearless_days() {
    for s in [
        "at first may was dry",
        "chapter 4, 7 may",
        "in may 1940",
        "it may well be",
    ] {
        let got: Vec<String> = partial(s)
            .iter()
            .map(|p| s[p.span.clone()].to_string())
            .collect();
        assert!(got.is_empty() || got == ["7 may"], "{s}: {got:?}");
    }
    assert_eq!(partial("chapter 4, 7 may").len(), 1);
}

mod property {
    use super::super::*;
    use crate::extract::date::extract_dates;
    use crate::extract::normalize::fold;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_stay_in_bounds(
            s in "(\\PC|night of |the |and |-| hours later| overnight| 2[0-9] | may| april){0,24}",
            y in -3000i32..3000,
        ) {
            let folded = fold(&s).text;
            let anchor = DateMention::point(0..0, DateValue::new(y, Some(12), Some(31)).unwrap());
            let full = extract_dates(&folded);
            for p in extract_partial(&folded, &full) {
                prop_assert!(p.span.end <= folded.len() && folded.is_char_boundary(p.span.start));
                if let Some(m) = resolve_partial(&p, &anchor) {
                    prop_assert!(m.readings.iter().all(|r| r.start <= r.end));
                }
            }
            for r in extract_relative(&folded) {
                prop_assert!(r.span.end <= folded.len() && folded.is_char_boundary(r.span.start));
                if let Some(m) = resolve_relative(&r, &anchor) {
                    prop_assert!(m.readings.iter().all(|r| r.start <= r.end));
                }
            }
        }
    }
}

#[test]
fn every_phrase_holds_one_of_the_words_it_is_looked_for_by() {
    super::RELATIVE.check_words();
    super::PARTIAL.check_words();
}
