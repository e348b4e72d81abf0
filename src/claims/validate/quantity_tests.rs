//! Validation of the quantities of number, duration and time claims: tolerances
//! (in the unit or in percent), durations, times, zones and the table of units,
//! each value read or each error at its span.

use super::tests::{Reported, area, errors, load, reported, warnings};
use crate::claims::ClaimSet;

/// A duration claim with `value` and `line` added.
fn climb(value: &str, line: &str) -> String {
    format!(
        "[[claim]]\nid = \"climb\"\nkind = \"duration\"\nvalue = {value}\ntriggers = ['\\btook\\b']\n{line}\n"
    )
}

fn number_fields(set: &ClaimSet) -> (f64, f64, Option<f64>, Option<f64>) {
    match &set.claims[0].expected {
        crate::claims::Expected::Number {
            value,
            tolerance,
            min,
            max,
            ..
        }
        | crate::claims::Expected::Duration {
            value,
            tolerance,
            min,
            max,
            ..
        } => (*value, *tolerance, *min, *max),
        other => panic!("not a quantity: {other:?}"),
    }
}

#[test]
fn a_tolerance_may_be_a_percentage_of_the_value() {
    for (line, tolerance) in [
        ("tolerance = \"5%\"", 130.0),
        ("tolerance = \"2.5 %\"", 65.0),
        ("tolerance = 40", 40.0),
        ("tolerance = -40", 40.0),
    ] {
        let set = load(&area(line)).expect("valid");
        assert_eq!(number_fields(&set).1, tolerance, "{line}");
    }
    for bad in ["\"5\"", "\"five%\"", "\"-5%\"", "\"5%%\""] {
        assert_eq!(
            errors(&area(&format!("tolerance = {bad}"))),
            vec![reported(
                "invalid-value",
                bad,
                &format!(
                    "`tolerance` of a number claim must be a number in the claim's unit or a percentage such as \"5%\", not {bad}"
                )
            )],
            "{bad}"
        );
    }
}

#[test]
fn a_duration_claim_reads_its_values_in_seconds() {
    let set = load(&climb(
        "\"3h25m\"",
        "tolerance = \"5m\"\nmin = \"3h\"\nmax = \"4h\"",
    ))
    .expect("valid");
    assert_eq!(set.claims[0].kind, crate::claims::ClaimKind::Duration);
    assert_eq!(set.claims[0].units, ["second"]);
    assert_eq!(
        number_fields(&set),
        (12_300.0, 300.0, Some(10_800.0), Some(14_400.0))
    );
    assert_eq!(set.claims[0].expected.display(), "3h25m");
    let set = load(&climb("\"5d4h12m30s\"", "tolerance = \"10%\"")).expect("valid");
    assert_eq!(number_fields(&set).0, 447_150.0);
    assert!((number_fields(&set).1 - 44_715.0).abs() < 1e-9);
}

#[test]
fn a_bad_duration_is_reported_at_its_span() {
    let form = crate::units::duration::FORM;
    for (value, shown) in [
        ("\"3 hours\"", "\"3 hours\""),
        ("\"25m3h\"", "\"25m3h\""),
        ("12", "12"),
        ("\"\"", "\"\""),
    ] {
        assert_eq!(
            errors(&climb(value, "")),
            vec![reported(
                "invalid-value",
                value,
                &format!("`value` of a duration claim must be a duration, not {shown}: {form}")
            )],
            "{value}"
        );
    }
    assert_eq!(
        errors(&climb("\"3h\"", "min = \"2x\"")),
        vec![reported(
            "invalid-value",
            "\"2x\"",
            &format!("`min` of a duration claim must be a duration, not \"2x\": {form}")
        )]
    );
    assert_eq!(
        errors(&climb("\"3h\"", "unit = \"hours\"")),
        vec![reported(
            "invalid-value",
            "\"hours\"",
            "a duration claim has no `unit`: its value names its units (\"3h25m\")"
        )]
    );
}

/// A time claim with `lines` added, after a `[zones]` table.
fn sinking(lines: &str) -> String {
    format!(
        "[zones]\n\"ship's time\" = \"UTC-5\"\n\n[[claim]]\nid = \"sinking.time\"\nkind = \"time\"\ntriggers = ['\\bsank\\b']\n{lines}\n"
    )
}

#[test]
fn a_time_claim_reads_its_value_zone_and_tolerance() {
    let set = load(&sinking(
        "value = \"1986-04-26T01:23\"\nzone = \"ship's time\"\ntolerance = \"2m\"\nmin = \"01:20\"\nmax = \"01:30\"",
    ))
    .expect("a valid time claim");
    let crate::claims::Expected::Time(t) = &set.claims[0].expected else {
        panic!("a time claim");
    };
    assert_eq!(t.value.to_string(), "1986-04-26T01:23");
    assert_eq!((t.zone.as_slice(), t.tolerance), (&[-300][..], 120));
    assert_eq!(t.min.map(|m| m.seconds), Some(4800));
    assert_eq!(
        set.claims[0].expected.display(),
        "1986-04-26T01:23 ship's time"
    );
}

#[test]
fn every_unit_of_the_table_is_readable() {
    for unit in [
        "nautical miles",
        "°C",
        "km/h",
        "$",
        "£",
        "metric tons",
        "horse power",
    ] {
        let toml = area(&format!("unit = \"{unit}\""));
        assert_eq!(warnings(&toml), vec![], "{unit}");
    }
}

#[test]
fn bad_times_zones_and_tolerances_are_reported_at_their_spans() {
    assert_eq!(
        errors(&sinking("value = \"10:50 pm\"")),
        vec![reported(
            "invalid-value",
            "\"10:50 pm\"",
            "invalid time: expected \"HH:MM\" or \"HH:MM:SS\" on the 24-hour clock, maybe after a date (\"1986-04-26T01:23\")"
        )]
    );
    assert_eq!(
        errors(&sinking("value = \"22:50\"\nzone = \"UTC+15\"")),
        vec![reported(
            "invalid-value",
            "\"UTC+15\"",
            "unknown zone `UTC+15`: write \"UTC\", \"UTC+4\", \"+04:00\", an abbreviation such as \"MSK\", or a name of `[zones]`"
        )]
    );
    assert_eq!(
        errors(&sinking("value = \"22:50\"\ntolerance = 2")),
        vec![reported(
            "invalid-value",
            "2",
            "invalid tolerance: write minutes or seconds in quotes, as \"2m\", \"30s\" or \"1m30s\""
        )]
    );
    let out = errors(&sinking(
        "value = \"22:50\"\nmin = \"23:00\"\nmax = \"23:30\"",
    ));
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].1, "\"23:00\"\nmax = \"23:30\"");
    let zones = "[zones]\n\"ship's time\" = \"UTC-99\"\n";
    assert_eq!(errors(zones)[0].1, "\"UTC-99\"",);
    assert_eq!(
        errors(&sinking("value = 22:50:00")),
        Vec::<Reported>::new(),
        "an unquoted TOML time is read as written"
    );
}
