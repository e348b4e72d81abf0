//! Distances from events: the phrases, their amounts and events, and the events'
//! dates by subtraction.

use super::*;
use crate::extract::calendar::{DateValue, Interval, MAX_DAY, Precision, day_number};
use crate::extract::date::{DateMention, Shape, extract_dates};

/// (the phrase, the measure, the amount, the unit, the direction, the event words)
type Row = (
    String,
    String,
    Option<f64>,
    TimeUnit,
    Direction,
    Option<String>,
);

fn rows(text: &str) -> Vec<Row> {
    extract_distances(text)
        .into_iter()
        .map(|d| {
            (
                text[d.span.clone()].to_string(),
                text[d.measure.clone()].to_string(),
                d.amount,
                d.unit,
                d.direction,
                d.event.map(|e| text[e].to_string()),
            )
        })
        .collect()
}

fn row(
    phrase: &str,
    measure: &str,
    amount: Option<f64>,
    unit: TimeUnit,
    direction: Direction,
    event: Option<&str>,
) -> Row {
    (
        phrase.into(),
        measure.into(),
        amount,
        unit,
        direction,
        event.map(Into::into),
    )
}

#[test]
fn distances_counted_from_an_event() {
    use Direction::*;
    use TimeUnit::*;
    assert_eq!(
        rows("4 july 2034 - 100 years since her death"),
        vec![row(
            "100 years since her death",
            "100 years since",
            Some(100.0),
            Year,
            Since,
            Some("her death")
        )]
    );
    assert_eq!(
        rows("two hours after the launch, the craft"),
        vec![row(
            "two hours after the launch",
            "two hours after",
            Some(2.0),
            Hour,
            After,
            Some("the launch")
        )]
    );
    assert_eq!(
        rows("approximately 36 hours after the nuclear disaster on april 26, 1986"),
        vec![row(
            "approximately 36 hours after the nuclear disaster",
            "approximately 36 hours after",
            Some(36.0),
            Hour,
            After,
            Some("the nuclear disaster")
        )]
    );
    assert_eq!(
        rows("five days into the march they turned back"),
        vec![row(
            "five days into the march",
            "five days into",
            Some(5.0),
            Day,
            Into,
            Some("the march")
        )]
    );
    assert_eq!(
        rows("it was two decades before the war"),
        vec![row(
            "two decades before the war",
            "two decades before",
            Some(20.0),
            Year,
            Before,
            Some("the war")
        )]
    );
    assert_eq!(
        rows("it has been this many years since the accident."),
        vec![row(
            "many years since the accident",
            "many years since",
            None,
            Year,
            Since,
            Some("the accident")
        )]
    );
}

#[test]
fn distances_without_an_event() {
    use Direction::*;
    use TimeUnit::*;
    assert_eq!(
        rows("two days later he died"),
        vec![row(
            "two days later",
            "two days later",
            Some(2.0),
            Day,
            After,
            None
        )]
    );
    assert_eq!(
        rows("hours later he died"),
        vec![row("hours later", "hours later", None, Hour, After, None)]
    );
    assert_eq!(
        rows("it closed 39 years ago"),
        vec![row(
            "39 years ago",
            "39 years ago",
            Some(39.0),
            Year,
            Ago,
            None
        )]
    );
    assert_eq!(
        rows("within a mere 66 years, humans walked on the moon"),
        vec![row(
            "within a mere 66 years",
            "within a mere 66 years",
            Some(66.0),
            Year,
            Within,
            None
        )]
    );
    assert_eq!(
        rows("within a days of the disaster 32 people died"),
        vec![row(
            "within a days of the disaster",
            "within a days of",
            Some(1.0),
            Day,
            Within,
            Some("the disaster")
        )]
    );
    assert_eq!(
        rows("half a century later"),
        vec![row(
            "half a century later",
            "half a century later",
            Some(50.0),
            Year,
            After,
            None
        )]
    );
}

#[test]
fn anniversaries_count_years() {
    use Direction::Anniversary;
    use TimeUnit::Year;
    for (text, phrase, measure, years, event) in [
        (
            "the 30th anniversary of the disaster fell",
            "the 30th anniversary of the disaster",
            "the 30th anniversary of",
            Some(30.0),
            Some("the disaster"),
        ),
        (
            "the thirtieth anniversary of the disaster fell",
            "the thirtieth anniversary of the disaster",
            "the thirtieth anniversary of",
            Some(30.0),
            Some("the disaster"),
        ),
        (
            "the twenty fifth anniversary of the flight",
            "the twenty fifth anniversary of the flight",
            "the twenty fifth anniversary of",
            Some(25.0),
            Some("the flight"),
        ),
        (
            "the centenary of the opening, on 3 may 2021",
            "the centenary of the opening",
            "the centenary of",
            Some(100.0),
            Some("the opening"),
        ),
        (
            "for the bicentenary of his birth",
            "the bicentenary of his birth",
            "the bicentenary of",
            Some(200.0),
            Some("his birth"),
        ),
        (
            "the golden jubilee of the queen",
            "the golden jubilee of the queen",
            "the golden jubilee of",
            Some(50.0),
            Some("the queen"),
        ),
        (
            "marks its 30th anniversary this year",
            "its 30th anniversary",
            "its 30th anniversary",
            Some(30.0),
            None,
        ),
        (
            "a centennial celebration",
            "a centennial",
            "a centennial",
            Some(100.0),
            None,
        ),
        (
            "on the anniversary of the disaster",
            "the anniversary of the disaster",
            "the anniversary of",
            None,
            Some("the disaster"),
        ),
    ] {
        assert_eq!(
            rows(text),
            vec![row(phrase, measure, years, Year, Anniversary, event)],
            "{text}"
        );
    }
}

#[test]
fn event_words_end_at_punctuation_a_clause_word_or_a_stray_number() {
    let event = |text: &str| {
        let d = extract_distances(text);
        assert_eq!(d.len(), 1, "{text}");
        d[0].event.clone().map(|e| text[e].to_string())
    };
    assert_eq!(
        event("100 years since her death in 1934"),
        Some("her death".into())
    );
    assert_eq!(
        event("ten years after the death of wilbur wright, orville"),
        Some("the death of wilbur wright".into())
    );
    assert_eq!(
        event("39 years since the 1986 disaster"),
        Some("the 1986 disaster".into())
    );
    assert_eq!(event("39 years since 1986, the zone"), Some("1986".into()));
    assert_eq!(event("two days after (the launch)"), None);
    assert_eq!(event("two days after which it sank"), None);
    assert_eq!(
        event("100 years since her death the museum opened"),
        Some("her death".into())
    );
    assert_eq!(
        event("five days into the march they turned back"),
        Some("the march".into())
    );
    assert_eq!(
        event("a year after the flight ended in a crash"),
        Some("the flight".into())
    );
    assert_eq!(
        event("a year after the injured left"),
        Some("the injured".into())
    );
    assert_eq!(event("two days after he died"), Some("he died".into()));
    assert_eq!(
        event("one day after they moved to iowa"),
        Some("they moved".into())
    );
    // A coordinated phrase is cut at its "and".
    assert_eq!(
        event("a year after the first and only flight"),
        Some("the first".into())
    );
}

#[test]
fn words_that_are_not_distances() {
    for s in [
        "he was 45 years old",
        "after ten years, he left",
        "it lasted 12 seconds",
        "since then the lore has grown",
        "the years were hard",
        "for 30 years he taught",
        "the anniversaries",
    ] {
        assert!(
            extract_distances(s).is_empty(),
            "{s}: {:?}",
            extract_distances(s)
        );
    }
}

fn date(text: &str) -> DateMention {
    extract_dates(text).remove(0)
}

fn shown(m: &DateMention) -> String {
    m.value.to_string()
}

#[test]
fn events_are_dated_by_subtraction() {
    let d = &extract_distances("the centenary of the opening")[0];
    let at = date("on 3 may 2021");
    let e = event_date(d, &at).unwrap();
    assert_eq!(shown(&e), "3 May 1921");
    assert_eq!(
        e.readings,
        vec![DateValue::new(1921, Some(5), Some(3)).unwrap().interval()]
    );
    assert_eq!(e.span, at.span);

    let d = &extract_distances("100 years since her death")[0];
    assert_eq!(
        shown(&event_date(d, &date("4 july 2034")).unwrap()),
        "4 July 1934"
    );
    assert_eq!(shown(&event_date(d, &date("in 2034")).unwrap()), "1934");

    let d = &extract_distances("two days before the launch")[0];
    assert_eq!(
        shown(&event_date(d, &date("30 december 1903")).unwrap()),
        "1 January 1904"
    );

    let d = &extract_distances("three months after the wedding")[0];
    let e = event_date(d, &date("in october 1895")).unwrap();
    assert_eq!(shown(&e), "July 1895");
    assert_eq!(e.readings, vec![Interval::months((1895, 7), (1895, 7))]);

    // Hours reach back to the same day or the one before.
    let d = &extract_distances("36 hours after the explosion")[0];
    let e = event_date(d, &date("on 27 april 1986")).unwrap();
    assert_eq!(
        e.readings,
        vec![Interval {
            start: day_number(1986, 4, 25),
            end: day_number(1986, 4, 26)
        }]
    );
    assert_eq!(e.shape, Shape::Period);

    // An approximate amount is a year wider either way.
    let d = &extract_distances("nearly 100 years since the opening")[0];
    assert!(d.approx);
    let e = event_date(d, &date("in 2021")).unwrap();
    assert_eq!(e.readings, vec![Interval::years(1920, 1922)]);
}

#[test]
fn some_distances_date_no_event() {
    let at = date("on 3 may 2021");
    for s in [
        "39 years ago",
        "within 66 years",
        "years since the war",
        "half a year after the war",
    ] {
        let d = &extract_distances(s)[0];
        assert_eq!(event_date(d, &at), None, "{s}");
    }
    let d = &extract_distances("100 years since the war")[0];
    assert_eq!(event_date(d, &date("after 2021")), None);
}

#[test]
fn shifting_years_keeps_precision_and_clamps_leap_days() {
    let m = shift_years(&date("on 29 february 1904"), -1);
    assert_eq!(shown(&m), "28 February 1903");
    assert_eq!(
        m.readings,
        vec![DateValue::new(1903, Some(2), Some(28)).unwrap().interval()]
    );
    let m = shift_years(&date("in february 1904"), -1);
    assert_eq!(m.readings, vec![Interval::months((1903, 2), (1903, 2))]);
    assert_eq!(m.precision(), Precision::Month);
    let m = shift_years(&date("in the 1920s"), 100);
    assert_eq!(m.readings, vec![Interval::years(2020, 2029)]);
    assert_eq!(m.shape, Shape::Period);
    let m = shift_years(&date("after 1929"), -10);
    assert_eq!(m.readings[0].end, MAX_DAY);
    let w = shift_years(&date("wednesday, may 29, 1912"), 1);
    assert_eq!(w.weekday, None);
    assert_eq!(shown(&w), "29 May 1913");
}

#[test]
fn amounts_in_words() {
    for (words, value) in [
        ("36", Some(36.0)),
        ("1,000", Some(1000.0)),
        ("2.5", Some(2.5)),
        ("a", Some(1.0)),
        ("thirty six", Some(36.0)),
        ("a hundred", Some(100.0)),
        ("two hundred", Some(200.0)),
        ("nineteen", Some(19.0)),
        ("ten", Some(10.0)),
        ("half a", Some(0.5)),
        ("several", None),
        ("a few", None),
    ] {
        assert_eq!(number_value(words), value, "{words}");
    }
    for (word, value) in [
        ("30th", Some(30)),
        ("thirtieth", Some(30)),
        ("twenty fifth", Some(25)),
        ("first", Some(1)),
        ("hundredth", Some(100)),
        ("golden", Some(50)),
        ("twenty tenth", None),
        ("th", None),
    ] {
        assert_eq!(ordinal_value(word), value, "{word}");
    }
}

#[test]
fn never_panics_on_any_text() {
    for s in [
        "",
        "since",
        "years since",
        "100 years since é",
        "100 years since ",
        "the 99999999999th anniversary of x",
        "within 999999999999999999999 years of it",
    ] {
        for d in extract_distances(s) {
            assert!(
                d.span.end <= s.len() && d.measure.start >= d.span.start,
                "{s}"
            );
            let _ = event_date(&d, &date("in 2000"));
        }
    }
}

mod property {
    use super::super::*;
    use crate::extract::date::extract_dates;
    use crate::extract::normalize::fold;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_stay_in_bounds(
            s in "(\\PC|years since |the |of |anniversary |centenary |[0-9]{1,6} |hours after |within |, |2034 ){0,20}",
        ) {
            let folded = fold(&s).text;
            let dates = extract_dates(&folded);
            for d in extract_distances(&folded) {
                prop_assert!(d.span.end <= folded.len() && d.span.start <= d.measure.start);
                prop_assert!(folded.is_char_boundary(d.span.start) && folded.is_char_boundary(d.span.end));
                if let Some(e) = &d.event {
                    prop_assert!(e.start >= d.measure.end && e.end == d.span.end);
                }
                for m in &dates {
                    if let Some(e) = event_date(&d, m) {
                        prop_assert!(e.readings.iter().all(|r| r.start <= r.end));
                    }
                    let _ = shift_years(m, -100);
                }
            }
        }
    }
}

#[test]
fn modifiers_bound_the_amount() {
    use crate::extract::number::Approx;
    let bound = |s: &str| {
        let d = &extract_distances(s)[0];
        (d.bound, d.approx)
    };
    assert_eq!(bound("three hours after the start"), (Approx::Exact, false));
    assert_eq!(
        bound("exactly three hours after the start"),
        (Approx::Exact, false)
    );
    assert_eq!(bound("a mere two days later"), (Approx::Exact, false));
    assert_eq!(
        bound("about three hours after the start"),
        (Approx::About, true)
    );
    assert_eq!(
        bound("nearly two years after the war"),
        (Approx::About, true)
    );
    assert_eq!(
        bound("more than six hours after the start"),
        (Approx::AtLeast, true)
    );
    assert_eq!(
        bound("just over a year after the war"),
        (Approx::AtLeast, true)
    );
    assert_eq!(
        bound("less than a day after the fire"),
        (Approx::AtMost, true)
    );
    assert_eq!(
        bound("within up to five days of the fire"),
        (Approx::AtMost, true)
    );
    assert_eq!(
        bound("within five days of the fire"),
        (Approx::Exact, false)
    );
    assert_eq!(
        bound("the 30th anniversary of the disaster"),
        (Approx::Exact, false)
    );
}

#[test]
fn every_distance_holds_one_of_the_words_it_is_looked_for_by() {
    super::DISTANCE.check_words();
    assert!(extract_distances("he fled to norway").is_empty());
}
