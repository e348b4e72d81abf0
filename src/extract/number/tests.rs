//! Tests of the whole reading of a number: value, noun, flags and unit matching.

use super::*;
use crate::extract::normalize::fold;

fn nums(text: &str) -> Vec<(f64, Option<String>, Approx, bool)> {
    extract_numbers(&fold(text).text)
        .into_iter()
        .map(|n| (n.value, n.unit, n.approx, n.age))
        .collect()
}

fn unit(u: &str) -> Option<String> {
    Some(u.to_string())
}

/// The first number of `text` with the folded text it was found in.
fn first(text: &str) -> (String, NumberMention) {
    let folded = fold(text).text;
    let n = extract_numbers(&folded).remove(0);
    (folded, n)
}

/// The words of a range of the folded text.
fn words(folded: &str, r: &Option<Range<usize>>) -> Option<String> {
    r.clone().map(|r| folded[r].to_string())
}

#[test]
fn digits_words_and_units() {
    assert_eq!(
        nums("1,517 delegates"),
        vec![(1517.0, unit("delegate"), Approx::Exact, false)]
    );
    assert_eq!(nums("1 517 delegates")[0].0, 1517.0);
    assert_eq!(nums("3.5 km")[0].0, 3.5);
    assert_eq!(
        nums("twenty years in prison"),
        vec![(20.0, unit("year"), Approx::Exact, false)]
    );
    assert_eq!(nums("twenty-five years")[0].0, 25.0);
    assert_eq!(nums("sixty")[0].0, 60.0);
    assert_eq!(nums("three hundred and twelve men")[0].0, 312.0);
    assert_eq!(nums("three hundred and twelve men")[0].1, unit("man"));
    assert_eq!(
        nums("he served 20years")[0],
        (20.0, unit("year"), Approx::Exact, false)
    );
    assert_eq!(nums("600 thousand people")[0].0, 600_000.0);
    assert_eq!(nums("covered 255,6 meters")[0].0, 255.6);
}

#[test]
fn ages_and_approximations() {
    assert_eq!(
        nums("died aged 60")[0],
        (60.0, unit("year"), Approx::Exact, true)
    );
    assert!(nums("at the age of 60")[0].3);
    assert_eq!(
        nums("his 25-year-old assistant")[0],
        (25.0, unit("year"), Approx::Exact, true)
    );
    assert!(nums("he was 60 years old")[0].3);
    assert!(!nums("he waited 60 years")[0].3);
    assert_eq!(nums("about 20 years")[0].2, Approx::About);
    assert_eq!(nums("more than 20 years")[0].2, Approx::AtLeast);
    assert_eq!(nums("nearly twenty years")[0].2, Approx::About);
    assert_eq!(nums("less than 20 years")[0].2, Approx::AtMost);
}

#[test]
fn a_bare_number_at_after_a_word_of_dying_is_an_age() {
    for text in [
        "She died at 67.",
        "She died at sixty-seven.",
        "He died in 1934 at 67, in Paris.",
        "He died at 67 years of age.",
        "Harrow passed away at 67",
    ] {
        let n = nums(text);
        assert_eq!(
            n.last().map(|n| (n.0, n.1.clone(), n.3)),
            Some((67.0, unit("year"), true)),
            "{text}"
        );
    }
    for (text, value) in [
        ("She died at 67 Rue Lepic.", 67.0),
        ("He died at 1,200 feet on the mountain.", 1200.0),
        ("Both died at 2.5 km from the camp.", 2.5),
        ("She lived at 67 and died at home.", 67.0),
        ("He was born at 12.", 12.0),
    ] {
        let n = nums(text);
        assert_eq!(n.len(), 1, "{text}");
        assert!(n[0].0 == value && !n[0].3, "{text}");
    }
    // A time of day after `died at` is no number at all.
    assert!(nums("She died at 10.35 that night.").is_empty());
    assert!(nums("She died at 10:35.").is_empty());
}

#[test]
fn a_count_on_board_is_the_count_of_its_noun() {
    let (folded, n) = first("The ship sank with 120 people on board.");
    assert_eq!((n.value, n.relative), (120.0, false));
    assert_eq!(words(&folded, &n.noun), Some("people".to_string()));
    let (_, n) = first("Two years on, the town was empty.");
    assert!(n.relative);
}

#[test]
fn a_bare_number_takes_the_unit_of_the_clue_before_it() {
    let text = fold("The distance, in metres, was 260, and the flight lasted 12 seconds.").text;
    let n = extract_numbers(&text);
    assert_eq!(words(&text, &n[0].clue), Some("metres".to_string()));
    assert!(unit_matches("metres", &n[0], &text));
    assert!(!unit_matches("feet", &n[0], &text));
    // A number with a noun of its own keeps it.
    assert_eq!(n[1].clue, None);
    assert!(!unit_matches("metres", &n[1], &text));
    let text = fold("Number of climbers on the summit: 2").text;
    let n = extract_numbers(&text);
    assert!(unit_matches("climbers", &n[0], &text));
    // No clue: "in Paris" names no unit, and a clue after the number is none.
    for text in [
        "In Paris, 260 people",
        "She counted 260 (in metres)",
        "It flew 260.",
    ] {
        let text = fold(text).text;
        assert!(
            extract_numbers(&text).iter().all(|n| n.clue.is_none()),
            "{text}"
        );
    }
    // An age has its own unit.
    let text = fold("The age, in years, at which she died at 67").text;
    let n = extract_numbers(&text);
    assert_eq!((n[0].age, n[0].clue.clone()), (true, None));
}

#[test]
fn relative_durations_and_attributive_ages_are_marked() {
    let n = &extract_numbers(&fold("was murdered three years later").text)[0];
    assert!(n.relative && !n.attributive);
    let n = &extract_numbers(&fold("his 25-year-old assistant").text)[0];
    assert!(n.attributive && n.age);
    let n = &extract_numbers(&fold("he died aged 60.").text)[0];
    assert!(!n.attributive && !n.relative);
}

#[test]
fn ages_in_apposition_and_birthdays() {
    let n = &extract_numbers(&fold("expected Trotsky, then 23, to side").text)[0];
    assert!(n.age && n.appositive && !n.birthday);
    let n = &extract_numbers(&fold("Trotsky turned 38 the day of the revolution").text)[0];
    assert!(n.age && n.birthday);
    let n = &extract_numbers(&fold("and then 23 more came").text)[0];
    assert!(!n.age);
}

#[test]
fn letters_glued_before_digits_are_not_numbers() {
    assert!(nums("the b52 bomber").is_empty());
}

#[test]
fn the_noun_phrase_and_its_head() {
    for (text, noun, head, unit_word) in [
        (
            "The ship had 300 cabin berths.",
            "cabin berths",
            "berths",
            "berth",
        ),
        (
            "The family won five Nobel Prizes.",
            "nobel prizes",
            "prizes",
            "prize",
        ),
        (
            "It covers 2,600 square km.",
            "square km",
            "square km",
            "square km",
        ),
        (
            "The flight lasted 12 seconds.",
            "seconds",
            "seconds",
            "second",
        ),
        ("The town had 49,360 people.", "people", "people", "people"),
        (
            "They made three more flights.",
            "flights",
            "flights",
            "flight",
        ),
        (
            "It developed 12-15 horse-power.",
            "horse power",
            "horse power",
            "horsepower",
        ),
        (
            "The ashes of 600 thousand people.",
            "people",
            "people",
            "people",
        ),
    ] {
        let (folded, n) = first(text);
        assert_eq!(words(&folded, &n.noun).as_deref(), Some(noun), "{text}");
        assert_eq!(words(&folded, &n.head).as_deref(), Some(head), "{text}");
        assert_eq!(n.unit.as_deref(), Some(unit_word), "{text}");
    }
    let (_, n) = first("They made three more flights.");
    assert!(n.increment);
    let (_, n) = first("They made three flights.");
    assert!(!n.increment);
}

#[test]
fn an_attributive_measure_belongs_to_the_noun_it_describes() {
    for (text, described) in [
        ("It flipped a 1,200 ton lid into the air.", "lid"),
        ("It blew off the 1,000-ton steel top shield.", "shield"),
        ("It had a 12-horsepower engine.", "engine"),
        ("He hired a 25-year-old assistant.", "assistant"),
        ("They flew into a 20-mile wind.", "wind"),
    ] {
        let (folded, n) = first(text);
        assert!(n.attributive, "{text}");
        assert_eq!(
            words(&folded, &n.describes).as_deref(),
            Some(described),
            "{text}"
        );
    }
    for text in [
        "The lid weighed 1,200 tons.",
        "The engine gave 12 horsepower.",
        "It rose 10 feet above the sand.",
        "The zone reaches 30 km from the plant.",
    ] {
        let (_, n) = first(text);
        assert!(!n.attributive && n.describes.is_none(), "{text}");
    }
}

#[test]
fn a_quantity_after_of_belongs_to_its_owner_unless_the_noun_is_a_measure() {
    for (text, owner) in [
        ("It began a legacy of five Nobel Prizes.", "legacy"),
        ("She earned a share of 30%.", "share"),
        ("It had the capacity of 4,000 megawatts.", "capacity"),
    ] {
        let (folded, n) = first(text);
        assert_eq!(words(&folded, &n.of_noun).as_deref(), Some(owner), "{text}");
        assert!(n.measure.is_none(), "{text}");
    }
    for (text, measure) in [
        ("It flew a distance of 852 feet.", "distance"),
        ("There were a total of 31.", "total"),
        ("It has a radius of 30 km.", "radius"),
        ("It had a population of 49,000.", "population"),
        ("It rose to a height of 10 feet.", "height"),
        ("A crowd of 5,000 gathered.", "crowd"),
    ] {
        let (folded, n) = first(text);
        assert_eq!(
            words(&folded, &n.measure).as_deref(),
            Some(measure),
            "{text}"
        );
        assert!(n.of_noun.is_none(), "{text}");
    }
    let (_, n) = first("She won five Nobel Prizes.");
    assert!(n.of_noun.is_none() && n.measure.is_none());
}

#[test]
fn a_bare_number_is_the_quantity_of_the_noun_the_sentence_names() {
    for (text, topic) in [
        ("The hamlet had a population of 1,200.", "population"),
        (
            "The population of the hamlet was about 1,200.",
            "population",
        ),
        ("Its population was 1,200 in 1790.", "population"),
        ("Dutch losses were 900 and more.", "losses"),
        ("Garrison: 450", "garrison"),
        ("Some writers put the garrison at 450.", "garrison"),
        ("The garrison numbered at least 450.", "garrison"),
        ("a legacy of five", "legacy"),
    ] {
        let (folded, n) = first(text);
        assert_eq!(words(&folded, &n.topic).as_deref(), Some(topic), "{text}");
    }
}

#[test]
fn a_number_with_a_noun_a_year_or_an_age_names_no_topic() {
    for text in [
        "The population of the hamlet was 1,200 people.",
        "The population was 1790 by then.",
        "The population growth was 2 per cent.",
        "Its mayor was 45 years old.",
        "Its mayor was aged 45.",
        "The hamlet grew to 1,200.",
        "The hamlet, founded 1,200 years ago,",
    ] {
        let (_, n) = first(text);
        assert_eq!(n.topic, None, "{text}");
    }
}

#[test]
fn times_of_day_yield_no_numbers() {
    for text in [
        "At 1:23:59 the reactor exploded.",
        "It exploded at 1:23 a.m. on Saturday.",
        "At 10:35, Orville flew.",
        "at 10h35 Orville flew",
        "He died at 3:15 in the morning.",
        "The fires were out by 5 o'clock.",
        "By 9 PM the buses came.",
        "between 2 PM and 5 PM",
    ] {
        assert!(nums(text).is_empty(), "{text}: {:?}", nums(text));
    }
    // The numbers around a time stay.
    assert_eq!(nums("At 1:23 reactor 4 exploded.")[0].0, 4.0);
    assert_eq!(nums("By 9 PM, 1,350 buses came.")[0].0, 1350.0);
}

#[test]
fn codes_isotopes_and_ordinals_are_not_numbers() {
    assert!(nums("a mixture of iodine-131 and cesium-137").is_empty());
    assert!(nums("The 96th element was named after them.").is_empty());
    assert!(nums("four units with RBMK-1000 reactors")[0].0 == 4.0);
    assert_eq!(nums("four units with RBMK-1000 reactors").len(), 1);
}

#[test]
fn parts_of_a_total_are_marked() {
    let folded = fold("One person died, another died this morning from injuries.").text;
    assert!(extract_numbers(&folded)[0].partial);
    for text in [
        "It was one of the worst accidents.",
        "Two of them were firemen.",
        "The brothers were two of seven children.",
    ] {
        assert!(first(text).1.partial, "{text}");
    }
    // A list after "including" shares the part; the total before it does not.
    let folded =
        fold("evacuated 49,360 people, including about 17,000 children and 80 patients").text;
    let ns = extract_numbers(&folded);
    assert_eq!(
        ns.iter().map(|n| (n.value, n.partial)).collect::<Vec<_>>(),
        vec![(49360.0, false), (17000.0, true), (80.0, true)]
    );
    for text in [
        "31 people died.",
        "One person died in the blast.",
        "They made four flights.",
    ] {
        assert!(!first(text).1.partial, "{text}");
    }
}

#[test]
fn ranges_are_one_mention_that_agrees_where_it_overlaps() {
    let (folded, n) = first("It developed about 12-15 horse-power.");
    assert_eq!(
        (n.value, n.range_to, n.approx),
        (12.0, Some(15.0), Approx::About)
    );
    assert_eq!(&folded[n.span.clone()], "12-15");
    assert!(n.overlaps(12.0, 12.0) && n.overlaps(14.0, 20.0));
    assert!(!n.overlaps(16.0, 20.0) && !n.overlaps(5.0, 11.9));
    let ns = extract_numbers(&fold("estimates vary from 4,000 to 200,000 deaths").text);
    assert_eq!(ns.len(), 1);
    assert_eq!(ns[0].interval(), (4000.0, 200_000.0));
    assert_eq!(ns[0].unit.as_deref(), Some("death"));
    let (_, n) = first("habitable for between 180 and 320 years");
    assert_eq!(
        (n.interval(), n.unit.as_deref()),
        ((180.0, 320.0), Some("year"))
    );
    let (_, n) = first("It lasted 12 seconds.");
    assert_eq!(n.interval(), (12.0, 12.0));
    assert!(n.overlaps(10.0, 12.0) && !n.overlaps(13.0, 14.0));
}

#[test]
fn a_year_has_no_noun_unless_a_count_follows_it() {
    for text in [
        "In 1904 Pierre Curie was appointed.",
        "They shared the 1903 Nobel Prize.",
        "In 1896 Antoine Henri Becquerel found it.",
        "1867 Maria Sklodowska is born.",
    ] {
        let (_, n) = first(text);
        assert!(
            n.noun.is_none() && n.unit.is_none() && !n.attributive,
            "{text}"
        );
    }
    assert_eq!(
        first("In all, 1500 people left.").1.unit.as_deref(),
        Some("people")
    );
    assert_eq!(first("It lies 1200 km away.").1.unit.as_deref(), Some("km"));
    // With a thousands separator it is a count whatever follows.
    assert_eq!(first("the 1,200 ton lid").1.unit.as_deref(), Some("ton"));
}

#[test]
fn numbers_joined_by_and_share_the_noun_after_the_last() {
    let folded = fold("the town and the station (49,360 and 254 people respectively)").text;
    let ns = extract_numbers(&folded);
    assert_eq!(ns[0].unit.as_deref(), Some("people"));
    assert_eq!(words(&folded, &ns[0].noun).as_deref(), Some("people"));
    assert!(unit_matches("people", &ns[0], &folded));
    // Each number with its own noun keeps it; a comma does not share.
    let folded = fold("1,350 buses and 2 railway trains").text;
    assert_eq!(extract_numbers(&folded)[0].unit.as_deref(), Some("bus"));
    let folded = fold("In 1986, 985,000 people were killed.").text;
    assert_eq!(extract_numbers(&folded)[0].unit, None);
    let folded = fold("Orville was 32 and Wilbur was 36.").text;
    assert_eq!(extract_numbers(&folded)[0].unit, None);
}

#[test]
fn a_currency_sign_is_the_unit() {
    assert_eq!(
        first("It cost $15 to build.").1.unit.as_deref(),
        Some("dollar")
    );
    let (folded, n) = first("a cost of less than $1,000.");
    assert_eq!((n.value, n.approx), (1000.0, Approx::AtMost));
    assert!(unit_matches("dollars", &n, &folded));
    assert_eq!(first("It cost 15 to build.").1.unit, None);
}

#[test]
fn claim_units_match_the_end_of_the_phrase_and_its_head() {
    let matches = |unit: &str, text: &str| {
        let (folded, n) = first(text);
        unit_matches(unit, &n, &folded)
    };
    assert!(matches("berths", "300 cabin berths"));
    assert!(matches("cabin berths", "300 cabin berths"));
    assert!(!matches("cabins", "300 cabin berths"));
    assert!(matches("prizes", "five Nobel Prizes"));
    assert!(matches("Nobel Prizes", "five Nobel Prizes"));
    assert!(matches("nobel prize", "five Nobel Prizes"));
    assert!(!matches("peace prizes", "five Nobel Prizes"));
    assert!(matches("km", "30 km"));
    assert!(matches("km", "a 30-km zone"));
    assert!(!matches("km", "2,600 square km"));
    assert!(matches("square km", "2,600 square km"));
    assert!(matches("square miles", "1,000 square mile"));
    assert!(matches("feet", "120 feet"));
    assert!(matches("foot", "a six foot tunnel"));
    assert!(matches("people", "49,360 people"));
    assert!(matches("years", "died aged 66"));
    assert!(matches("horsepower", "8 horse-power"));
    assert!(matches("hp", "12 hp"));
    assert!(!matches("hp", "12 horsepower"));
    assert!(matches("flights", "three more flights"));
    assert!(matches("%", "30%") && matches("percent", "30 per cent"));
    assert!(!matches("", "30 km"));
    assert!(!matches("seconds", "31 died"));
    let (folded, n) = first("300 cabin berths");
    assert!(unit_fits(None, &n, &folded) && unit_fits(Some("berths"), &n, &folded));
    assert!(!unit_fits(Some("cabins"), &n, &folded));
}

#[test]
fn readable_and_unreadable_units() {
    for u in [
        "km",
        "Nobel Prizes",
        "square miles",
        "people",
        "years",
        "feet",
        "horsepower",
        "mph",
        "lbs",
        "%",
        "person",
        "Nobel Prize",
        "km2",
        "°C",
        "nautical miles",
    ] {
        assert!(unit_readable(u), "{u}");
    }
    for u in ["people died", "the km", "of people", "5 km", "", "km 5"] {
        assert!(!unit_readable(u), "{u}");
    }
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn spans_lie_on_char_boundaries_inside_the_text(
            s in "(?:[0-9 ,.:#\\-a-z%²é•]|am|pm|of|more|one|year|old|and|km|between|no\\. |number |é |• |at |hours|died |in |how many |\\(m\\)){0,40}"
        ) {
            for n in extract_numbers(&s) {
                let _ = in_name(&s, &n, |r| {
                    assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                    Written { capitalised: true, opens: r.start == 0, ..Written::default() }
                });
                let _ = labels(&s, &(0..0), &n);
                for r in [Some(n.span.clone()), n.noun.clone(), n.head.clone(), n.describes.clone(), n.of_noun.clone(), n.measure.clone(), n.clue.clone(), n.topic.clone()].into_iter().flatten() {
                    prop_assert!(r.start <= r.end && r.end <= s.len());
                    prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                }
                let _ = unit_matches("km", &n, &s);
            }
            for t in extract_times(&s) {
                prop_assert!(t.span.end <= s.len() && s.is_char_boundary(t.span.start));
            }
            if let Some(r) = lender_topic(&s) {
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
            if let Some(r) = clue_noun(&s) {
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
        }
    }
}

#[test]
fn numbers_among_many_times_are_read_and_the_times_left_out() {
    let text = "at 5:30 pm 12 men and at 6:45 am 14 women left, ".repeat(150);
    let found = nums(&text);
    assert_eq!(found.len(), 300);
    for (i, (value, unit, _, _)) in found.iter().enumerate() {
        let (want, noun) = if i % 2 == 0 {
            (12.0, "man")
        } else {
            (14.0, "woman")
        };
        assert_eq!((*value, unit.as_deref()), (want, Some(noun)), "{i}");
    }
}
