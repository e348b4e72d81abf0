//! The time between two claims' events against a stated one: precisions,
//! bounds, directions, calendar steps and times of day.

use super::*;

/// The value of a claim given by the tail of its TOML (`kind`, `value`, …).
fn value(tail: &str) -> Expected {
    let toml = format!("[[claim]]\nid = \"x\"\ntriggers = ['\\bx\\b']\n{tail}\n");
    let set = crate::claims::parse_claims(vec![("c.toml".into(), toml)]).expect("valid claims");
    set.claims[0].expected.clone()
}

fn date(v: &str) -> Expected {
    value(&format!("kind = \"date\"\nvalue = \"{v}\""))
}

fn time(v: &str) -> Expected {
    value(&format!("kind = \"time\"\nvalue = \"{v}\""))
}

fn amount(amount: f64, unit: TimeUnit, bound: Approx) -> Count {
    Count::Amount {
        amount,
        unit,
        bound,
    }
}

/// The statement `count` `direction` the event `from` (its words `event`).
fn between(count: Count, direction: Direction, from: &[Expected], event: Option<&str>) -> Between {
    Between {
        count,
        direction,
        from: from.to_vec(),
        event: event.map(Into::into),
        phrase: "the words".into(),
    }
}

/// Whether the statement agrees with the claims, and what they make the time.
fn verdict(b: &Between, dated: &Expected) -> Option<(bool, String)> {
    compare(b, dated).map(|v| (v.agrees, v.expected))
}

fn agrees(b: &Between, dated: &Expected) -> bool {
    verdict(b, dated).expect("comparable").0
}

#[test]
fn hours_between_two_times_on_a_date() {
    let start = time("1953-05-29T06:30");
    let summit = time("1953-05-29T11:30");
    let after = |n: f64, bound| {
        between(
            amount(n, TimeUnit::Hour, bound),
            Direction::After,
            std::slice::from_ref(&start),
            Some("the start"),
        )
    };
    assert_eq!(
        verdict(&after(3.0, Approx::Exact), &summit),
        Some((
            false,
            "5 hours after the start at 06:30 on 29 May 1953".into()
        ))
    );
    assert!(agrees(&after(5.0, Approx::Exact), &summit));
    assert!(!agrees(&after(6.0, Approx::Exact), &summit));
    // "about four hours": a unit either way; "about three hours" is not five.
    assert!(agrees(&after(4.0, Approx::About), &summit));
    assert!(!agrees(&after(3.0, Approx::About), &summit));
    // "more than" and "less than" bound one side only.
    assert!(agrees(&after(4.0, Approx::AtLeast), &summit));
    assert!(!agrees(&after(6.0, Approx::AtLeast), &summit));
    assert!(agrees(&after(6.0, Approx::AtMost), &summit));
    assert!(!agrees(&after(4.0, Approx::AtMost), &summit));
    // In minutes: 300, to the minute.
    let minutes = |n| {
        between(
            amount(n, TimeUnit::Minute, Approx::Exact),
            Direction::After,
            std::slice::from_ref(&start),
            None,
        )
    };
    assert!(agrees(&minutes(300.0), &summit));
    assert!(!agrees(&minutes(290.0), &summit));
}

#[test]
fn before_puts_the_dated_event_earlier() {
    let start = time("1953-05-29T06:30");
    let summit = time("1953-05-29T11:30");
    let five = |direction| {
        between(
            amount(5.0, TimeUnit::Hour, Approx::Exact),
            direction,
            std::slice::from_ref(&summit),
            Some("the summit"),
        )
    };
    // The start, five hours before the summit.
    assert!(agrees(&five(Direction::Before), &start));
    assert_eq!(
        verdict(&five(Direction::After), &start),
        Some((
            false,
            "5 hours before the summit at 11:30 on 29 May 1953".into()
        ))
    );
}

#[test]
fn year_precision_claims_know_the_difference_to_a_year_either_way() {
    let began = date("1919");
    let opened = date("1921");
    let years = |n| {
        between(
            amount(n, TimeUnit::Year, Approx::Exact),
            Direction::After,
            std::slice::from_ref(&began),
            Some("work began"),
        )
    };
    for n in [1.0, 2.0, 3.0] {
        assert!(agrees(&years(n), &opened), "{n}");
    }
    assert_eq!(
        verdict(&years(4.0), &opened),
        Some((false, "2 years after work began in 1919".into()))
    );
    assert!(!agrees(&years(5.0), &opened));
    // Six months is less than any time the two years allow.
    let months = between(
        amount(6.0, TimeUnit::Month, Approx::Exact),
        Direction::After,
        &[began],
        None,
    );
    assert!(!agrees(&months, &opened));
}

#[test]
fn days_between_dates_are_known_to_a_day_and_years_by_the_calendar_too() {
    let march = date("1953-05-01");
    let river = date("1953-05-06");
    let into = |n| {
        between(
            amount(n, TimeUnit::Day, Approx::Exact),
            Direction::Into,
            std::slice::from_ref(&march),
            Some("the march"),
        )
    };
    for n in [4.0, 5.0, 6.0] {
        assert!(agrees(&into(n), &river), "{n}");
    }
    assert_eq!(
        verdict(&into(7.0), &river),
        Some((false, "5 days into the march on 1 May 1953".into()))
    );
    assert!(!agrees(&into(3.0), &river));
    // January 1919 to December 1921: nearly three years elapsed, two by the
    // calendar; either reading agrees, four years neither.
    let began = date("1919-01-10");
    let opened = date("1921-12-20");
    let years = |n| {
        between(
            amount(n, TimeUnit::Year, Approx::Exact),
            Direction::After,
            std::slice::from_ref(&began),
            None,
        )
    };
    assert!(agrees(&years(2.0), &opened));
    assert!(agrees(&years(3.0), &opened));
    assert!(!agrees(&years(4.0), &opened));
    assert!(!agrees(&years(1.0), &opened));
}

#[test]
fn hours_between_two_dates_are_told_in_days() {
    let sinking = date("1912-04-15");
    let rescue = |d: &str| date(d);
    let hours = between(
        amount(36.0, TimeUnit::Hour, Approx::Exact),
        Direction::After,
        std::slice::from_ref(&sinking),
        Some("the sinking"),
    );
    assert_eq!(
        verdict(&hours, &rescue("1912-04-15")),
        Some((false, "the same day as the sinking on 15 April 1912".into()))
    );
    assert!(agrees(&hours, &rescue("1912-04-16")));
    assert!(agrees(&hours, &rescue("1912-04-17")));
    assert!(!agrees(&hours, &rescue("1912-04-19")));
    // A time on the day of a date: 08:30 is at most 8.5 hours after it.
    let rescued = time("1912-04-15T08:30");
    assert!(!agrees(&hours, &rescued));
    let six = between(
        amount(6.0, TimeUnit::Hour, Approx::Exact),
        Direction::After,
        &[sinking],
        Some("the sinking"),
    );
    assert!(agrees(&six, &rescued));
}

#[test]
fn calendar_steps_count_days_months_and_years() {
    let summit = time("1953-05-29T11:30");
    let next = |unit, from, to| {
        between(
            Count::Steps { unit, from, to },
            Direction::After,
            std::slice::from_ref(&summit),
            None,
        )
    };
    let morning = next(TimeUnit::Day, 1, 1);
    assert!(agrees(&morning, &date("1953-05-30")));
    assert_eq!(
        verdict(&morning, &date("1953-06-01")),
        Some((false, "3 days after 11:30 on 29 May 1953".into()))
    );
    assert!(!agrees(&morning, &date("1953-05-29")));
    let night = next(TimeUnit::Day, 0, 1);
    assert!(agrees(&night, &date("1953-05-29")));
    assert!(agrees(&night, &date("1953-05-30")));
    assert!(!agrees(&night, &date("1953-05-31")));
    let year = next(TimeUnit::Year, 1, 1);
    assert!(agrees(&year, &date("1954-02")));
    assert!(!agrees(&year, &date("1953-12")));
    // The day before.
    let eve = next(TimeUnit::Day, -1, -1);
    assert!(agrees(&eve, &date("1953-05-28")));
    assert!(!agrees(&eve, &date("1953-05-30")));
}

#[test]
fn times_of_day_without_dates_are_of_one_day_or_the_next() {
    let start = time("22:00");
    let top = time("02:00");
    let hours = |n, direction| {
        between(
            amount(n, TimeUnit::Hour, Approx::Exact),
            direction,
            std::slice::from_ref(&start),
            Some("the start"),
        )
    };
    // 02:00 is four hours after 22:00, over midnight.
    assert!(agrees(&hours(4.0, Direction::After), &top));
    assert!(!agrees(&hours(3.0, Direction::After), &top));
    assert!(!agrees(&hours(4.0, Direction::Before), &top));
    assert_eq!(
        verdict(&hours(2.0, Direction::After), &top),
        Some((false, "4 hours after the start at 22:00".into()))
    );
    // Days, or hours past a day, are not told by times of day.
    assert_eq!(verdict(&hours(30.0, Direction::After), &top), None);
    let days = between(
        amount(2.0, TimeUnit::Day, Approx::Exact),
        Direction::After,
        &[start],
        None,
    );
    assert_eq!(verdict(&days, &top), None);
    // Nor is a time of day against a date.
    let on_a_date = between(
        amount(2.0, TimeUnit::Hour, Approx::Exact),
        Direction::After,
        &[date("1953-05-29")],
        None,
    );
    assert_eq!(verdict(&on_a_date, &top), None);
}

#[test]
fn within_bounds_both_sides_and_zones_are_compared_in_utc() {
    let launch = date("1969-07-16");
    let within = between(
        amount(2.0, TimeUnit::Day, Approx::AtMost),
        Direction::Within,
        &[launch],
        Some("the launch"),
    );
    assert!(agrees(&within, &date("1969-07-17")));
    assert!(agrees(&within, &date("1969-07-15")));
    assert!(!agrees(&within, &date("1969-07-24")));
    // 10:00 UTC and 12:00 two hours east are one moment.
    let signal = value("kind = \"time\"\nvalue = \"1986-04-26T10:00\"\nzone = \"UTC\"");
    let reply = value("kind = \"time\"\nvalue = \"1986-04-26T12:00\"\nzone = \"UTC+2\"");
    let two = between(
        amount(2.0, TimeUnit::Hour, Approx::Exact),
        Direction::After,
        &[signal],
        Some("the signal"),
    );
    assert_eq!(
        verdict(&two, &reply),
        Some((
            false,
            "the same time as the signal at 10:00 UTC on 26 April 1986".into()
        ))
    );
}

#[test]
fn a_period_counts_from_its_start_or_its_end() {
    let march = date("1953-05-01/1953-05-20");
    let into = between(
        amount(5.0, TimeUnit::Day, Approx::Exact),
        Direction::Into,
        std::slice::from_ref(&march),
        Some("the march"),
    );
    assert!(agrees(&into, &date("1953-05-06")));
    assert!(!agrees(&into, &date("1953-05-21")));
    let after = between(
        amount(2.0, TimeUnit::Day, Approx::Exact),
        Direction::After,
        &[march],
        Some("the march"),
    );
    assert!(agrees(&after, &date("1953-05-22")));
    assert!(!agrees(&after, &date("1953-05-03")));
}

#[test]
fn events_of_several_claims_count_from_either() {
    let degrees = [date("1893"), date("1894")];
    let years = |n| {
        between(
            amount(n, TimeUnit::Year, Approx::Exact),
            Direction::After,
            &degrees,
            Some("her degree"),
        )
    };
    let moved = date("1897");
    assert!(agrees(&years(3.0), &moved));
    assert!(agrees(&years(4.0), &moved));
    assert_eq!(
        verdict(&years(8.0), &moved),
        Some((
            false,
            "2 to 5 years after her degree in 1893 or 1894".into()
        ))
    );
    // A claim of another kind tells nothing.
    let count = value("kind = \"number\"\nvalue = 12");
    assert_eq!(verdict(&years(3.0), &count), None);
}
