//! Extraction of whole dates: every form, its readings and span, and the words
//! that are not dates.

use super::*;
use crate::extract::calendar::{Interval, day_number};
use crate::extract::normalize::fold;

/// The interval of one day.
fn day(year: i32, month: u32, d: u32) -> Interval {
    let n = day_number(year, month, d);
    Interval { start: n, end: n }
}

fn one(text: &str) -> DateMention {
    let folded = fold(text).text;
    let mut all = extract_dates(&folded);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all.remove(0)
}

fn found(text: &str) -> String {
    let folded = fold(text);
    let m = one(text);
    text[folded.orig_range(m.span.clone())].to_string()
}

#[test]
fn day_precision_forms() {
    let want = DateValue::new(1879, Some(11), Some(7)).unwrap();
    for s in [
        "born on 7 November 1879 in",
        "born on November 7, 1879 in",
        "born on Nov. 7, 1879 in",
        "born on the 7th of November 1879 in",
        "born on the seventh of November, 1879 in",
        "born on 1879-11-07 in",
        "born on 07/11/1879 in",
        "born on 7 Novem-\nber 1879",
        "born on 7\n November   1879",
        "born on Friday, 7 November 1879, at dawn",
    ] {
        let m = one(s);
        assert_eq!(m.value, want, "{s}");
        assert!(m.readings.contains(&want.interval()), "{s}");
    }
    assert_eq!(found("died on August 21st, 1940."), "August 21st, 1940");
    assert_eq!(
        found("on the 20th of August, 1940 he"),
        "20th of August, 1940"
    );
}

#[test]
fn month_and_year_precision_forms() {
    assert_eq!(one("in January 1928").value.to_string(), "January 1928");
    assert_eq!(one("in Jan. 1928").value.to_string(), "January 1928");
    assert_eq!(one("in 1929").value.to_string(), "1929");
    assert_eq!(one("exiled 1929.").value.precision(), Precision::Year);
}

#[test]
fn ambiguous_numeric_dates_have_both_readings() {
    let m = one("on 08/07/1940");
    assert_eq!(m.readings, vec![day(1940, 7, 8), day(1940, 8, 7)]);
    let m = one("on 20/08/1940");
    assert_eq!(m.readings, vec![day(1940, 8, 20)]);
    let m = one("on 08/20/1940");
    assert_eq!(m.readings, vec![day(1940, 8, 20)]);
}

#[test]
fn qualified_years_are_periods() {
    assert_eq!(
        one("in early 1897").readings,
        vec![Interval::months((1897, 1), (1897, 5))]
    );
    assert_eq!(
        one("in late 1902").readings,
        vec![Interval::months((1902, 8), (1902, 12))]
    );
    assert_eq!(
        one("the mid-1930s").readings,
        vec![Interval::years(1933, 1937)]
    );
    assert_eq!(
        one("the summer of 1902").readings,
        vec![Interval::months((1902, 6), (1902, 8))]
    );
    assert_eq!(one("the 1920s").readings, vec![Interval::years(1920, 1929)]);
    assert_eq!(
        one("c. 1900").readings,
        vec![Interval {
            start: day(1900, 1, 1).start - 732,
            end: day(1900, 12, 31).end + 732
        }]
    );
    assert!(one("around 1936").readings[0].overlaps(&day(1937, 1, 9)));
    assert_eq!(
        one("the 19th century").readings,
        vec![Interval::years(1800, 1900)]
    );
}

#[test]
fn ranges() {
    for s in [
        "1936–38",
        "1936-1938",
        "1936 to 1938",
        "from 1936 until 1938",
        "between 1936 and 1938",
        "the trials (1936 - 38)",
    ] {
        let m = one(s);
        assert_eq!(m.shape, Shape::Range, "{s}");
        assert_eq!(m.readings, vec![Interval::years(1936, 1938)], "{s}");
    }
    let m = one("Lev Sedov (1906 – 16 February 1938)");
    assert_eq!(
        m.readings,
        vec![Interval {
            start: day(1906, 1, 1).start,
            end: day(1938, 2, 16).end
        }]
    );
    assert_eq!(
        one("on 20–21 August 1940").readings,
        vec![Interval {
            start: day(1940, 8, 20).start,
            end: day(1940, 8, 21).end
        }]
    );
    // Two years joined by "and" are two dates, not a range.
    assert_eq!(extract_dates("in 1936 and 1938").len(), 2);
}

#[test]
fn dual_dates_agree_with_either_style() {
    for s in [
        "7 November [O.S. 26 October] 1879",
        "26 October (7 November N.S.) 1879",
    ] {
        let m = one(s);
        assert!(m.readings.contains(&day(1879, 11, 7)), "{s}");
        assert!(m.readings.contains(&day(1879, 10, 26)), "{s}");
    }
}

#[test]
fn other_forms() {
    assert_eq!(
        one("Christmas Day 1914").value,
        DateValue::new(1914, Some(12), Some(25)).unwrap()
    );
    assert_eq!(one("in 44 BC").value.to_string(), "44 BC");
    assert_eq!(one("in AD 1066").value.to_string(), "1066");
    assert_eq!(one("in '29 he").value.to_string(), "1929");
    assert_eq!(one("after 1929").shape, Shape::Open);
    assert!(one("until 1940").readings[0].overlaps(&day(1930, 1, 1)));
    assert!(!one("after 1929").readings[0].overlaps(&day(1929, 6, 1)));
}

#[test]
fn things_that_are_not_dates() {
    for s in [
        "31 April 1917",
        "29 February 1917",
        "500,000 copies",
        "he served 20years",
        "at 1522 Vyse Avenue",
        "cost $1940",
        "certificate No 13/2182-90",
        "call 504-528-1944",
        "see p. 1940",
        "16 invading foreign armies",
        "Issue 2572",
        "1,517 members",
    ] {
        assert!(extract_dates(&fold(s).text).is_empty(), "{s:?}");
    }
}

#[test]
fn days_of_one_month_in_a_list_or_a_range() {
    let m = one("on 2 and 7 May 1986 they left");
    assert_eq!(m.shape, Shape::List);
    assert_eq!(m.readings, vec![day(1986, 5, 2), day(1986, 5, 7)]);
    assert_eq!(found("on 2 and 7 May 1986 they left"), "2 and 7 May 1986");
    let m = one("the 1st, 2nd or 3rd of May, 1986");
    assert_eq!(m.shape, Shape::List);
    assert_eq!(
        m.readings,
        vec![day(1986, 5, 1), day(1986, 5, 2), day(1986, 5, 3)]
    );
    let m = one("on the twentieth and twenty first of August 1940");
    assert_eq!(m.shape, Shape::List);
    assert_eq!(m.readings, vec![day(1940, 8, 20), day(1940, 8, 21)]);
    let m = one("on May 2 and 7, 1986");
    assert_eq!(m.shape, Shape::List);
    assert_eq!(m.readings, vec![day(1986, 5, 2), day(1986, 5, 7)]);
    // Ranges, with the month before or after.
    for s in [
        "on 20-21 August 1940",
        "on 20 to 21 August 1940",
        "on August 20-21, 1940",
        "between 20 and 21 August 1940",
        "between the 20th and the 21st of August 1940",
    ] {
        let m = one(s);
        assert_eq!(m.shape, Shape::Range, "{s}");
        assert_eq!(
            m.readings,
            vec![Interval {
                start: day(1940, 8, 20).start,
                end: day(1940, 8, 21).end
            }],
            "{s}"
        );
    }
}

#[test]
fn a_year_after_in_or_of() {
    assert_eq!(
        one("sold it in October of 1915.").value.to_string(),
        "October 1915"
    );
    assert_eq!(found("sold it in October of 1915."), "October of 1915");
    assert_eq!(
        one("on December 17th in 1903 they flew").value.to_string(),
        "17 December 1903"
    );
    assert_eq!(
        one("on 17 December in 1903 they flew").value.to_string(),
        "17 December 1903"
    );
    // "of" and "in" join only a month to its year.
    assert_eq!(extract_dates("the end of 1915").len(), 1);
    assert_eq!(one("the end of 1915").precision(), Precision::Year);
    assert_eq!(one("on the 17th in 1903").precision(), Precision::Year);
}

#[test]
fn a_number_hyphenated_to_a_name_is_not_a_year() {
    for s in ["four rbmk-1000 reactors", "the su-1920 engine", "rbmk-1500"] {
        assert!(extract_dates(s).is_empty(), "{s:?}");
    }
    for s in [
        "in mid-1930 it",
        "pre-1900 houses",
        "post-1945 europe",
        "c.-1900",
        "in 1930",
        "summer-1902",
        "may-1986",
    ] {
        assert_eq!(extract_dates(s).len(), 1, "{s:?}");
    }
}

#[test]
fn numbers_before_a_date_are_not_its_days() {
    // A bare comma does not make a list: "4" is a count, "7 may 1986" the date.
    let m = one("chapter 4, 7 May 1986");
    assert_eq!(m.shape, Shape::Point);
    assert_eq!(m.value.to_string(), "7 May 1986");
    // A range written backwards is no date.
    assert!(extract_dates("21-20 august 1940").is_empty());
}

#[test]
fn numeric_dates_with_dots_and_dashes() {
    let m = one("Warsaw 7.11.1867 was");
    assert_eq!(m.readings, vec![day(1867, 11, 7), day(1867, 7, 11)]);
    assert_eq!(found("(Switzerland) 4.7.1934."), "4.7.1934");
    assert_eq!(
        one("died 4.7.1934.").readings,
        vec![day(1934, 7, 4), day(1934, 4, 7)]
    );
    assert_eq!(one("on 17.12.1903").readings, vec![day(1903, 12, 17)]);
    assert_eq!(
        one("posted 22-7-2019, 18:09").readings,
        vec![day(2019, 7, 22)]
    );
    // A longer dotted or dashed number is a version, an address or a phone number.
    for s in [
        "version 1.2.3.1940",
        "release 4.7.1934.2",
        "call 1-2-1934-55",
        "code 12/12/1940/7",
    ] {
        assert!(extract_dates(s).is_empty(), "{s:?}");
    }
}

mod property {
    use super::super::*;
    use crate::extract::calendar::MONTH_NAMES;
    use crate::extract::date::atoms::ORDINAL_WORDS;
    use crate::extract::normalize::fold;
    use proptest::prelude::*;

    const WORDS: [&str; 10] = [
        "He", "was", "born", "on", "and", "then", "left", "the", "city", "quietly",
    ];

    fn render(form: u8, y: i32, m: u32, d: u32) -> (String, DateValue) {
        let month = MONTH_NAMES[(m - 1) as usize];
        let abbrev = if month.len() > 4 {
            format!("{}.", &month[..3])
        } else {
            month.to_string()
        };
        let day = DateValue::new(y, Some(m), Some(d)).unwrap();
        match form {
            0 => (format!("{d} {month} {y}"), day),
            1 => (format!("{month} {d}, {y}"), day),
            2 => (format!("{abbrev} {d}, {y}"), day),
            3 => (
                format!("the {} of {month}, {y}", ORDINAL_WORDS[(d - 1) as usize]),
                day,
            ),
            4 => (format!("{y}-{m:02}-{d:02}"), day),
            5 => (format!("{d} {month}\n{y}"), day),
            6 => (format!("Tuesday, {d} {month} {y}"), day),
            7 => (format!("{d}th of {month} {y}"), day),
            8 => (
                format!("{month} {y}"),
                DateValue::new(y, Some(m), None).unwrap(),
            ),
            10 => (format!("{y}-{m}-{d}"), day),
            11 => (format!("{y}/{m:02}/{d:02}"), day),
            12 => (format!("{y}.{m:02}.{d:02}"), day),
            13 => (
                format!("{m}/{y}"),
                DateValue::new(y, Some(m), None).unwrap(),
            ),
            // "1921 may 18" reads the verb: May is left to the other forms.
            14 if m != 5 => (format!("{y} {month} {d}"), day),
            15 => (
                format!("{d}-{}-{:02}", &month[..3], y % 100),
                DateValue::new(1900 + y % 100, Some(m), Some(d)).unwrap(),
            ),
            16 => (format!("{y}-{m:02}-{d:02}T10:30:00Z"), day),
            17 => (format!("{d}/{} {month} {y}", d + 13), day_after(day, 13)),
            _ => (format!("in {y}"), DateValue::new(y, None, None).unwrap()),
        }
    }

    /// `day` and `n` days later, within its month (the test keeps days under 16).
    fn day_after(day: DateValue, n: u32) -> DateValue {
        DateValue::new(day.year, day.month, day.day.map(|d| d + n)).unwrap()
    }

    proptest! {
        #[test]
        fn every_form_extracts_back_to_its_value(
            y in 1000i32..2100,
            m in 1u32..=12,
            d in 1u32..=15,
            form in 0u8..19,
            before in proptest::collection::vec(0usize..10, 0..5),
            after in proptest::collection::vec(0usize..10, 0..5),
        ) {
            let (date, want) = render(form, y, m, d);
            let pre: Vec<&str> = before.iter().map(|&i| WORDS[i]).collect();
            let post: Vec<&str> = after.iter().map(|&i| WORDS[i]).collect();
            let text = format!("{} {date} {}.", pre.join(" "), post.join(" "));
            let folded = fold(&text);
            let found = extract_dates(&folded.text);
            prop_assert_eq!(found.len(), 1, "{:?} gave {:?}", text, found);
            prop_assert_eq!(found[0].value, want);
            let orig = &text[folded.orig_range(found[0].span.clone())];
            let shown = ["in ", "the "]
                .iter()
                .fold(date.as_str(), |d, p| d.strip_prefix(p).unwrap_or(d));
            // A date-time is read for its date.
            let shown = shown.split("T10:30").next().unwrap_or(shown);
            prop_assert_eq!(orig, shown);
        }

        #[test]
        fn never_panics_and_spans_stay_in_bounds(s in "\\PC{0,60}") {
            let folded = fold(&s).text;
            let dates = extract_dates(&folded);
            for m in group_lists(&folded, &dates) {
                prop_assert!(m.span.end <= folded.len() && m.span.start <= m.span.end);
            }
            for m in extract_dates(&folded) {
                prop_assert!(m.span.end <= folded.len() && m.span.start <= m.span.end);
                prop_assert!(folded.is_char_boundary(m.span.start) && folded.is_char_boundary(m.span.end));
                prop_assert!(!m.readings.is_empty());
            }
        }
    }
}

#[test]
fn a_year_after_a_hyphen_and_a_letter_of_another_script_is_read() {
    // The word before the hyphen may end in a character of several bytes.
    assert_eq!(found("It was built in 東-1936."), "1936");
}
