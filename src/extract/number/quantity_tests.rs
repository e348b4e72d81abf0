//! Tests of quantities as people write them: unit signs and spellings, compound
//! values, fractions, units with no number, money and restatements in another unit.

use super::*;
use crate::extract::normalize::fold;

/// (number as written, value, unit, parts, converted) of each number of `text`.
type Read = (String, f64, Option<String>, Vec<(f64, String)>, bool);

fn read(text: &str) -> Vec<Read> {
    let folded = fold(text).text;
    extract_numbers(&folded)
        .into_iter()
        .map(|n| {
            (
                folded[n.span].to_string(),
                n.value,
                n.unit,
                n.parts,
                n.converted,
            )
        })
        .collect()
}

/// (value, unit) of each number of `text`.
fn units(text: &str) -> Vec<(f64, Option<String>)> {
    read(text).into_iter().map(|r| (r.1, r.2)).collect()
}

fn one(value: f64, unit: &str) -> Vec<(f64, Option<String>)> {
    vec![(value, Some(unit.to_string()))]
}

fn parts(text: &str) -> (String, f64, Option<String>, Vec<(f64, String)>) {
    let r = read(text);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    let (written, value, unit, parts, _) = r.into_iter().next().expect("one number");
    (written, value, unit, parts)
}

fn piece(value: f64, unit: &str) -> (f64, String) {
    (value, unit.to_string())
}

#[test]
fn unit_symbols_and_spellings() {
    for (text, value, unit) in [
        ("it rose 29,029 ft above", 29029.0, "ft"),
        ("it rose 29,029 feet above", 29029.0, "foot"),
        ("a wall 5′ high", 5.0, "foot"),
        ("a wall 5' high", 5.0, "foot"),
        ("a pipe 6″ across", 6.0, "inch"),
        ("a pipe 6\" across", 6.0, "inch"),
        ("water boils at 100 °C.", 100.0, "°c"),
        ("water boils at 100°C.", 100.0, "°c"),
        ("it fell to -40 °F that night", -40.0, "°f"),
        ("at 100 degrees Celsius", 100.0, "degree celsius"),
        ("at 451 degrees Fahrenheit", 451.0, "degree fahrenheit"),
        ("an area of 2,600 km²", 2600.0, "km²"),
        ("an area of 2,600 km2", 2600.0, "km2"),
        ("some 1,000 sq mi of forest", 1000.0, "square mi"),
        ("some 1,000 square miles of forest", 1000.0, "square mile"),
        ("at 35 km/h", 35.0, "km/h"),
        ("at 35 kph", 35.0, "kph"),
        ("winds of 22 m/s", 22.0, "m/s"),
        ("she made 12 knots", 12.0, "knot"),
        ("a voyage of 3,000 nautical miles", 3000.0, "nautical mile"),
        ("it weighed 605 lb", 605.0, "lb"),
        ("it weighed 605 lbs", 605.0, "lb"),
        ("an engine of 12 hp", 12.0, "hp"),
        ("an engine of 12 horse-power", 12.0, "horsepower"),
        ("a 4 kW motor", 4.0, "kw"),
        ("a plant of 1,000 MW", 1000.0, "mw"),
    ] {
        assert_eq!(units(text), one(value, unit), "{text}");
    }
}

#[test]
fn a_quote_mark_after_a_number_is_no_unit() {
    assert_eq!(units("the code '5' was wrong"), vec![(5.0, None)]);
    assert_eq!(units("he wrote \"12\" on it"), vec![(12.0, None)]);
    assert_eq!(units("he said '10 years' and left"), one(10.0, "year"));
    assert_eq!(units("in the 1980's"), vec![]);
    let two = read("heights of 5' 10\" and 6' 2\"");
    assert_eq!(
        two.iter().map(|r| r.3.clone()).collect::<Vec<_>>(),
        vec![vec![piece(10.0, "inch")], vec![piece(2.0, "inch")]]
    );
    // A closed quotation before a measure leaves it a measure.
    assert_eq!(
        parts("'Tall', they said: a 5' 10\" man"),
        (
            "5' 10\"".to_string(),
            5.0,
            Some("foot".to_string()),
            vec![piece(10.0, "inch")]
        )
    );
}

#[test]
fn a_sign_is_compared_by_the_unit_it_stands_for() {
    let folded = fold("a wall 5' high").text;
    let n = &extract_numbers(&folded)[0];
    assert!(unit_matches("feet", n, &folded));
    assert!(unit_matches("foot", n, &folded));
    assert!(!unit_matches("inches", n, &folded));
    let folded = fold("at 100 °C").text;
    assert!(unit_matches("°C", &extract_numbers(&folded)[0], &folded));
}

/// A compound: its text, the words written, the first value, its unit, and the
/// other pieces.
type Compound<'a> = (&'a str, &'a str, f64, &'a str, Vec<(f64, String)>);

/// Asserts each compound is read as one number with its parts.
fn assert_compounds(cases: &[Compound<'_>]) {
    for (text, written, value, unit, rest) in cases {
        assert_eq!(
            parts(text),
            (
                written.to_string(),
                *value,
                Some(unit.to_string()),
                rest.clone()
            ),
            "{text}"
        );
    }
}

#[test]
fn compound_lengths_and_weights_are_one_number_with_parts() {
    assert_compounds(&[
        (
            "a trunk 40 ft 4 in long",
            "40 ft 4 in",
            40.0,
            "foot",
            vec![piece(4.0, "inch")],
        ),
        (
            "40 feet 4 inches",
            "40 feet 4 inches",
            40.0,
            "foot",
            vec![piece(4.0, "inch")],
        ),
        (
            "he was 5 ft 10, and",
            "5 ft 10",
            5.0,
            "foot",
            vec![piece(10.0, "inch")],
        ),
        (
            "a baby of 6 lb 4 oz",
            "6 lb 4 oz",
            6.0,
            "pound",
            vec![piece(4.0, "ounce")],
        ),
        (
            "a 5′ 10″ man",
            "5' 10\"",
            5.0,
            "foot",
            vec![piece(10.0, "inch")],
        ),
        (
            "he stood 5'10\".",
            "5'10\"",
            5.0,
            "foot",
            vec![piece(10.0, "inch")],
        ),
    ]);
}

#[test]
fn compound_durations_are_one_number_with_parts() {
    assert_compounds(&[
        (
            "in 1 h 23 min",
            "1 h 23 min",
            1.0,
            "hour",
            vec![piece(23.0, "minute")],
        ),
        (
            "3 hours 25 minutes",
            "3 hours 25 minutes",
            3.0,
            "hour",
            vec![piece(25.0, "minute")],
        ),
        (
            "after 3 hours and 25 minutes",
            "3 hours and 25 minutes",
            3.0,
            "hour",
            vec![piece(25.0, "minute")],
        ),
        (
            "it took 5 days, 4 hours and 12 minutes.",
            "5 days, 4 hours and 12 minutes",
            5.0,
            "day",
            vec![piece(4.0, "hour"), piece(12.0, "minute")],
        ),
        (
            "2 min 30 s",
            "2 min 30 s",
            2.0,
            "minute",
            vec![piece(30.0, "second")],
        ),
    ]);
}

#[test]
fn numbers_that_are_not_pieces_of_a_compound() {
    // A greater unit after a lesser one, units of two chains, a bare number too
    // large for the implied unit, a count, and a list.
    assert_eq!(read("4 inches 40 feet").len(), 2);
    assert_eq!(read("3 km 200 m").len(), 2);
    assert_eq!(read("5 ft 14").len(), 2);
    assert_eq!(read("after 2 hours 30 people died").len(), 2);
    assert_eq!(read("5 ft, 10 and 12").len(), 3);
    assert_eq!(read("3 hours 4 of them").len(), 2);
    assert_eq!(read("5 km 10").len(), 2);
    assert_eq!(read("a 6 ft 12").len(), 2);
    assert_eq!(read("2 hours 1.5").len(), 2);
    assert_eq!(read("3 hours, 25").len(), 2);
}

#[test]
fn fractions() {
    for (text, written, value, unit) in [
        ("a bolt 5 1/2 in long", "5 1/2", 5.5, "inch"),
        ("a 5-1/2\" pipe", "5-1/2", 5.5, "inch"),
        ("5½ inches", "5½", 5.5, "inch"),
        ("two and a half hours", "two and a half", 2.5, "hour"),
        ("in half an hour", "half an", 0.5, "hour"),
        ("a quarter of an hour", "a quarter of an", 0.25, "hour"),
        ("one and a half miles", "one and a half", 1.5, "mile"),
        (
            "three quarters of a mile",
            "three quarters of a",
            0.75,
            "mile",
        ),
        ("a 3½-hour march", "3½", 3.5, "hour"),
    ] {
        let r = read(text);
        assert_eq!(
            (r[0].0.as_str(), r[0].1, r[0].2.as_deref()),
            (written, value, Some(unit)),
            "{text}"
        );
    }
    assert_eq!(units("5 in a row"), vec![(5.0, None)]);
    assert_eq!(units("half a chance"), vec![]);
    assert_eq!(units("on 5 1/2/1903"), vec![(5.0, None)]);
}

#[test]
fn a_unit_with_no_number_states_one() {
    assert_eq!(
        units("the strike lasted a fortnight"),
        one(1.0, "fortnight")
    );
    assert_eq!(units("they waited for an hour"), one(1.0, "hour"));
    assert_eq!(units("it took a week"), one(1.0, "week"));
    assert_eq!(units("the camp was a mile away"), one(1.0, "mile"));
    assert_eq!(units("over two weeks"), one(2.0, "week"));
    assert_eq!(units("for 130 hours"), one(130.0, "hour"));
    assert_eq!(units("12 seconds"), one(12.0, "second"));
    // Where the unit states no quantity.
    assert_eq!(units("one day, a man came"), one(1.0, "day"));
    assert_eq!(units("once a day"), vec![]);
    assert_eq!(units("a mile of road"), vec![]);
    assert_eq!(units("the first week"), vec![]);
    let folded = fold("a year later she left").text;
    assert!(extract_numbers(&folded).is_empty());
    let folded = fold("she left for a year later on").text;
    assert!(extract_numbers(&folded)[0].relative);
}

#[test]
fn attributive_measures_and_possessive_counts() {
    for (text, unit, described) in [
        ("a 1,250-foot tower", "foot", "tower"),
        ("the 300-mile route", "mile", "route"),
        ("a 12-second flight", "second", "flight"),
        ("a 3½-hour walk", "hour", "walk"),
    ] {
        let folded = fold(text).text;
        let n = &extract_numbers(&folded)[0];
        assert_eq!(n.unit.as_deref(), Some(unit), "{text}");
        assert!(n.attributive, "{text}");
        assert_eq!(n.describes.clone().map(|r| &folded[r]), Some(described));
    }
    assert_eq!(units("twelve miners' lives"), one(12.0, "miner"));
    assert_eq!(
        units("the 31 firefighters' deaths"),
        one(31.0, "firefighter")
    );
}

#[test]
fn money() {
    for (text, value, unit) in [
        ("it cost $12 million", 12e6, "dollar"),
        ("a loan of US$1.2 billion", 1.2e9, "dollar"),
        ("he paid £400,000", 400_000.0, "pound sterling"),
        ("a grant of €3 million", 3e6, "euro"),
        ("35 million dollars", 35e6, "dollar"),
        ("400,000 pounds sterling", 400_000.0, "pound sterling"),
        ("a $1.5bn deal", 1.5e9, "dollar"),
        ("$2.3m in aid", 2.3e6, "dollar"),
        ("12 million US dollars", 12e6, "dollar"),
        ("¥500 a night", 500.0, "yen"),
    ] {
        assert_eq!(units(text), one(value, unit), "{text}");
    }
    // An abbreviation of a scale is read after money only.
    assert_eq!(units("a 2.3m wall"), one(2.3, "m"));
}

#[test]
fn restatements_in_another_unit() {
    for (text, first, second) in [
        ("it rose 29,002 ft (8,840 m) above", "ft", "m"),
        ("some 30 km (19 miles) away", "km", "mile"),
        ("30 km (about 19 miles)", "km", "mile"),
        ("it weighed 605 lb or 274 kg", "lb", "kg"),
        (
            "2,600 square km (1,000 square miles)",
            "square km",
            "square mile",
        ),
        ("8,848 m/29,029 ft", "m", "ft"),
    ] {
        let r = read(text);
        assert_eq!(r.len(), 2, "{text}");
        assert_eq!(
            (r[0].2.as_deref(), r[0].4, r[1].2.as_deref(), r[1].4),
            (Some(first), false, Some(second), true),
            "{text}"
        );
    }
    for text in [
        "30 km (2 hours) on foot",
        "30 km (see 4 km)",
        "605 lb or 274 people",
        "30 km (19 miles in all) and",
        "3 km or 3 km",
        "12 people (5 children)",
        "$5 or 3 hours",
    ] {
        assert!(read(text).iter().all(|r| !r.4), "{text}");
    }
}

#[test]
fn numbers_that_only_look_like_years() {
    assert_eq!(units("at 1830 hours the guns opened"), vec![]);
    assert_eq!(units("until 0600 hours"), vec![]);
    assert_eq!(units("logged 1830 hours of flight"), one(1830.0, "hour"));
    assert_eq!(units("won by 1936 votes"), one(1936.0, "vote"));
    let votes = |v: f64| (v, Some("vote".to_string()));
    assert_eq!(
        units("1,904 votes to 1,200"),
        vec![votes(1904.0), votes(1200.0)]
    );
    assert_eq!(
        units("won 1,904 votes to 1200"),
        vec![votes(1904.0), votes(1200.0)]
    );
    // A measure, a label or a noun of its own keeps the second number apart.
    assert_eq!(
        units("3 km to 5"),
        vec![(3.0, Some("km".to_string())), (5.0, None)]
    );
    assert_eq!(
        units("sent 12 men to 40 towns"),
        vec![
            (12.0, Some("man".to_string())),
            (40.0, Some("town".to_string()))
        ]
    );
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn quantities_never_panic_and_keep_their_spans_in_the_text(
            s in "(?:[0-9 ,.'\"°½¾/()$£€¥-]|ft|in|h|s|min|lb|oz|km|m|bn|hours|and|a|an|half|quarter|quarters of|for|mile|away|or|about|degrees|celsius|nautical|miles|us){0,40}"
        ) {
            for n in extract_numbers(&s) {
                for r in [Some(n.span.clone()), n.noun.clone(), n.head.clone(), n.describes.clone()].into_iter().flatten() {
                    prop_assert!(r.start <= r.end && r.end <= s.len());
                    prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                }
                prop_assert!(n.value.is_finite());
                let _ = unit_matches("feet", &n, &s);
            }
        }

        #[test]
        fn a_compound_written_in_parts_reads_back(
            feet in 1u32..100, inches in 0u32..12, sep in prop::sample::select(vec![" ", ", ", " and "]),
        ) {
            let text = format!("a wall {feet} ft{sep}{inches} in high");
            let n = extract_numbers(&text);
            prop_assert_eq!(n.len(), 1);
            prop_assert_eq!(n[0].value, f64::from(feet));
            prop_assert_eq!(n[0].parts.clone(), vec![(f64::from(inches), "inch".to_string())]);
        }
    }
}
