use super::*;
use crate::extract::normalize::fold;
use crate::extract::number::extract_numbers;

fn one(compared: &str) -> &'static Unit {
    let found = lookup(compared);
    assert_eq!(found.len(), 1, "{compared}: {found:?}");
    found[0]
}

#[test]
fn every_spelling_looks_up_its_row() {
    for u in UNITS {
        assert!(!u.spellings.is_empty(), "{}", u.symbol);
        for s in u.spellings {
            assert!(
                lookup(s).iter().any(|r| std::ptr::eq(*r, u)),
                "{s} of {}",
                u.symbol
            );
            assert_eq!(*s, s.to_lowercase(), "{s} is lowercase");
        }
        let mut sorted = u.spellings.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            sorted, u.spellings,
            "{} spellings sorted, no duplicates",
            u.symbol
        );
    }
}

#[test]
fn ton_gallon_and_pound_have_two_readings() {
    let ton: Vec<&str> = lookup("ton").iter().map(|u| u.symbol).collect();
    assert_eq!(ton, ["short ton", "long ton"]);
    let gallon: Vec<&str> = lookup("gallon").iter().map(|u| u.symbol).collect();
    assert_eq!(gallon, ["gal", "imp gal"]);
    let pound: Vec<Dimension> = lookup("pound").iter().map(|u| u.dimension).collect();
    assert_eq!(pound, [Dimension::Mass, Dimension::Currency("GBP")]);
    assert_eq!(lookup("metric ton").len(), 1);
    assert!(lookup("people").is_empty() && lookup("nobel prize").is_empty());
}

#[test]
fn conversions_go_both_ways() {
    let cases = [
        ("m", "foot", 8_848.0, 29_028.871),
        ("kg", "lb", 274.0, 604.066),
        ("km", "mile", 30.0, 18.641),
        ("nautical mile", "km", 1.0, 1.852),
        ("hp", "kw", 12.0, 8.948),
        ("knot", "km/h", 10.0, 18.52),
        ("mph", "m/s", 60.0, 26.822),
        ("square mile", "km²", 1.0, 2.59),
        ("hectare", "acre", 1.0, 2.471),
        ("litre", "us gallon", 100.0, 26.417),
        ("hour", "second", 3.0, 10_800.0),
        ("year", "day", 1.0, 365.25),
        ("month", "day", 1.0, 30.44),
        ("fortnight", "week", 1.0, 2.0),
        ("century", "decade", 1.0, 10.0),
        ("stone", "lb", 1.0, 14.0),
    ];
    for (from, to, value, expected) in cases {
        let (a, b) = (one(from), one(to));
        let there = convert(value, a, b);
        assert!((there - expected).abs() < 0.001, "{from} → {to}: {there}");
        let back = convert(there, b, a);
        assert!(
            (back - value).abs() < 1e-9 * value.max(1.0),
            "{from} round trip"
        );
    }
}

#[test]
fn either_ton_converts() {
    let kg = one("kg");
    let tons: Vec<f64> = lookup("ton").iter().map(|t| convert(1.0, t, kg)).collect();
    assert!((tons[0] - 907.185).abs() < 0.001 && (tons[1] - 1_016.047).abs() < 0.001);
    assert!((convert(1.0, one("tonne"), kg) - 1_000.0).abs() < 1e-9);
}

#[test]
fn temperatures_convert_with_their_offsets() {
    let (c, f, k) = (one("°c"), one("°f"), one("kelvin"));
    for (celsius, fahrenheit, kelvin) in [
        (100.0, 212.0, 373.15),
        (0.0, 32.0, 273.15),
        (-40.0, -40.0, 233.15),
    ] {
        assert!((convert(celsius, c, f) - fahrenheit).abs() < 1e-9);
        assert!((convert(fahrenheit, f, c) - celsius).abs() < 1e-9);
        assert!((convert(celsius, c, k) - kelvin).abs() < 1e-9);
        assert!((convert(kelvin, k, f) - fahrenheit).abs() < 1e-9);
    }
}

#[test]
fn spellings_of_one_unit_are_the_same_unit() {
    assert!(same_unit("ft", "foot") && same_unit("'", "foot") && same_unit("km/h", "kph"));
    assert!(same_unit("ton", "short ton") && same_unit("ton", "long ton"));
    assert!(!same_unit("short ton", "long ton") && !same_unit("m", "mile"));
    assert!(!same_unit("dollar", "euro") && !same_unit("people", "people"));
}

#[test]
fn claim_units_are_read_as_written_in_claims_files() {
    for (written, symbol) in [
        ("Nautical Miles", "nmi"),
        ("metres", "m"),
        ("feet", "ft"),
        ("km²", "km²"),
        ("square kilometres", "km²"),
        ("sq mi", "sq mi"),
        ("horse power", "hp"),
        ("°C", "°C"),
        ("degrees Fahrenheit", "°F"),
        ("lbs", "lb"),
        ("US dollars", "$"),
        ("hours", "h"),
    ] {
        let found: Vec<&str> = claim_readings(written).iter().map(|u| u.symbol).collect();
        assert_eq!(found, [symbol], "{written}");
    }
    for written in ["people", "Nobel Prizes", "flights", "the km", "5 km"] {
        assert!(!known(written), "{written}");
    }
    let list = |l: &[&str]| -> Vec<&str> {
        let l: Vec<String> = l.iter().map(|s| s.to_string()).collect();
        claim_units(&l).iter().map(|u| u.symbol).collect()
    };
    assert_eq!(list(&["pounds", "lbs"]), ["lb"]);
    assert_eq!(list(&["pounds"]), ["lb", "£"]);
    assert_eq!(list(&["inhabitants", "people"]), Vec::<&str>::new());
    assert_eq!(list(&["tons"]), ["short ton", "long ton"]);
}

/// The symbols of the unit each number of `text` is stated in, as the reader finds it.
fn stated(text: &str) -> Vec<Vec<&'static str>> {
    let folded = fold(text).text;
    extract_numbers(&folded)
        .iter()
        .map(|n| stated_units(n, &folded).iter().map(|u| u.symbol).collect())
        .collect()
}

#[test]
fn numbers_of_prose_are_read_in_table_units() {
    for (text, symbols) in [
        ("It is 29,029 feet high.", vec!["ft"]),
        ("The route was 300 nautical miles long.", vec!["nmi"]),
        ("The lid weighed 1,000 metric tons.", vec!["t"]),
        ("The lid weighed 1,000 tons.", vec!["short ton", "long ton"]),
        ("The zone covers 2,600 square km.", vec!["km²"]),
        ("It flew at 45 mph for 12 seconds.", vec!["mph"]),
        ("a 12-horsepower engine", vec!["hp"]),
        ("a 1,250-foot tower", vec!["ft"]),
        ("The distance, in metres, was 260.", vec!["m"]),
        ("It cost $1,000.", vec!["$"]),
        ("The run took 3 hours.", vec!["h"]),
    ] {
        let found = stated(text);
        assert_eq!(found[0], symbols, "{text}");
    }
    // Count nouns and ages are no units.
    for text in [
        "It carried 300 people.",
        "She won two Nobel Prizes.",
        "He died aged 60.",
    ] {
        assert_eq!(stated(text)[0], Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn a_number_in_the_claims_dimension_fits_it() {
    let fits = |claim: &str, text: &str| {
        let folded = fold(text).text;
        let n = extract_numbers(&folded).remove(0);
        in_dimension(claim, &n, &folded)
    };
    assert!(fits("m", "29,029 feet"));
    assert!(fits("metres", "5.5 miles"));
    assert!(fits("kg", "605 lb"));
    assert!(fits("nautical miles", "556 km"));
    assert!(fits("seconds", "3 hours"));
    assert!(!fits("km", "2,600 square km"));
    assert!(!fits("m", "605 lb"));
    assert!(!fits("people", "300 people"));
    assert!(!fits("years", "aged 60"));
    assert!(!fits("dollars", "€3"));
}
