use super::*;
use crate::units::lookup;

fn unit(compared: &str) -> &'static Unit {
    lookup(compared)[0]
}

#[test]
fn rounding_follows_the_digits_written() {
    for (written, value, half) in [
        ("29,000", 29_000.0, 50.0),
        ("29,030", 29_030.0, 5.0),
        ("29,035", 29_035.0, 0.5),
        ("30,000", 30_000.0, 50.0),
        ("260", 260.0, 0.5),
        ("8,840", 8_840.0, 5.0),
        ("1,000", 1_000.0, 5.0),
        ("5.5", 5.5, 0.05),
        ("5.50", 5.5, 0.005),
        ("255,6", 255.6, 0.05),
        ("12", 12.0, 0.5),
        ("1.2 million", 1_200_000.0, 50_000.0),
        ("twenty", 20.0, 0.5),
        ("twenty thousand", 20_000.0, 50.0),
    ] {
        assert!(
            (rounding(written, value) - half).abs() < 1e-9,
            "{written}: {}",
            rounding(written, value)
        );
    }
}

/// The interval "written unit" stands for in `claim`'s unit.
fn interval(written: &str, value: f64, stated: &str, claim: &str) -> (f64, f64) {
    let r = readings(value, None, &[], written, &[unit(stated)], &[unit(claim)]);
    assert_eq!(r.len(), 1);
    (r[0].lo, r[0].hi)
}

#[test]
fn a_statement_is_read_in_the_claims_unit_with_its_rounding() {
    let (lo, hi) = interval("29,000", 29_000.0, "foot", "m");
    assert!(lo < 8_848.0 && 8_848.0 < hi, "{lo}..{hi}");
    let (lo, hi) = interval("28,000", 28_000.0, "foot", "m");
    assert!(hi < 8_848.0, "{lo}..{hi}");
    let (lo, hi) = interval("605", 605.0, "lb", "kg");
    assert!(
        (lo - 274.2).abs() < 0.1 && (hi - 274.66).abs() < 0.1,
        "{lo}..{hi}"
    );
    let (lo, hi) = interval("212", 212.0, "°f", "°c");
    assert!(
        (lo - 99.72).abs() < 0.01 && (hi - 100.28).abs() < 0.01,
        "{lo}..{hi}"
    );
}

#[test]
fn a_compound_is_summed_and_rounded_at_its_last_part() {
    let parts = vec![(4.0, "inch".to_string())];
    let r = readings(
        40.0,
        None,
        &parts,
        "40 ft 4 in",
        &[unit("foot")],
        &[unit("m")],
    );
    let (lo, hi) = (r[0].lo, r[0].hi);
    // 40 ft 4 in = 12.2936 m, ± half an inch.
    assert!(
        (lo - 12.2809).abs() < 1e-3 && (hi - 12.3063).abs() < 1e-3,
        "{lo}..{hi}"
    );
    let parts = vec![(25.0, "minute".to_string())];
    let r = readings(
        3.0,
        None,
        &parts,
        "3 hours",
        &[unit("hour")],
        &[unit("second")],
    );
    assert!((r[0].lo - 12_270.0).abs() < 1e-6 && (r[0].hi - 12_330.0).abs() < 1e-6);
    // A part in no unit of the dimension cannot be read.
    let parts = vec![(4.0, "kg".to_string())];
    assert!(readings(40.0, None, &parts, "40", &[unit("foot")], &[unit("m")]).is_empty());
}

#[test]
fn either_ton_is_a_reading() {
    let r = readings(1_000.0, None, &[], "1,000", lookup("ton"), &[unit("kg")]);
    assert_eq!(r.len(), 2);
    assert!(r[0].hi < 912_000.0 && r[1].lo > 1_010_000.0, "{r:?}");
}

#[test]
fn a_claim_value_is_shown_in_the_statements_unit_and_precision() {
    let m = unit("m");
    assert_eq!(show(8_848.0, m, unit("foot"), &[], "29,700"), "29,029");
    assert_eq!(show(8_848.0, m, unit("foot"), &[], "29700"), "29029");
    assert_eq!(show(8_848.0, m, unit("mile"), &[], "6"), "5.5");
    assert_eq!(show(8_848.0, m, unit("km"), &[], "8.9"), "8.85");
    assert_eq!(show(8_848.0, m, unit("km"), &[], "8.900"), "8.848");
    assert_eq!(show(100.0, unit("°c"), unit("°f"), &[], "200"), "212");
    assert_eq!(
        show(2.6e9, unit("m²"), unit("square mile"), &[], "1.2 million"),
        "0.001 million"
    );
    let parts = vec![(4.0, "inch".to_string())];
    assert_eq!(
        show(12.3, m, unit("foot"), &parts, "40 ft 4 in"),
        "40 ft 4 in"
    );
    let parts = vec![(40.0, "minute".to_string())];
    assert_eq!(
        show(
            12_300.0,
            unit("second"),
            unit("hour"),
            &parts,
            "3 hours 40 minutes"
        ),
        "3 h 25 min"
    );
}

#[test]
fn numbers_are_shown_grouped_as_written() {
    assert_eq!(show_number(29_028.87, "29,700"), "29,029");
    assert_eq!(show_number(1_234_567.0, "1,000,000"), "1,234,567");
    assert_eq!(show_number(0.012_34, "1"), "0.0123");
    assert_eq!(show_number(1_600_000.0, "1.2 million"), "1.6 million");
}

#[test]
fn a_claim_is_rounded_to_at_least_three_significant_digits() {
    for (value, half) in [
        (274.0, 0.5),
        (2.0, 0.005),
        (8_849.0, 0.5),
        (2_600.0, 5.0),
        (36.6, 0.05),
        (12_000_000.0, 50_000.0),
        (0.0, 0.5),
    ] {
        assert!(
            (claim_rounding(value) - half).abs() < 1e-9,
            "{value}: {}",
            claim_rounding(value)
        );
    }
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn digits_of_any_text_never_panic(written in "[0-9.,a-z ₽é]{0,16}", x in -1e12f64..1e12) {
            let half = rounding(&written, x);
            prop_assert!(half > 0.0 && half.is_finite());
            let _ = show_number(x, &written);
        }

        #[test]
        fn a_value_converted_and_back_is_itself(x in -1e9f64..1e9, a in 0usize..60, b in 0usize..60) {
            let (a, b) = (&crate::units::UNITS[a % crate::units::UNITS.len()], &crate::units::UNITS[b % crate::units::UNITS.len()]);
            if a.dimension == b.dimension {
                let back = crate::units::convert(crate::units::convert(x, a, b), b, a);
                prop_assert!((back - x).abs() <= 1e-6 * x.abs().max(1.0));
            }
        }
    }
}

#[test]
fn a_claims_own_value_is_written_as_the_statement_is() {
    assert_eq!(show_as_written(4810.0, "4,700"), "4,810");
    assert_eq!(show_as_written(4810.0, "4700"), "4810");
    assert_eq!(show_as_written(2_000_000.0, "3 million"), "2 million");
    assert_eq!(show_as_written(1_500_000.0, "3 million"), "1.5 million");
    // A value too small for the statement's scale word is written out.
    assert_eq!(show_as_written(2500.0, "3 million"), "2500");
    assert_eq!(show_as_written(250_000.0, "3 million"), "250,000");
    assert_eq!(show_as_written(40.33, "48"), "40.33");
    // Words carry no digits to follow.
    assert_eq!(show_as_written(12.0, "fifteen"), "12");
}

#[test]
fn a_value_below_one_of_the_statements_unit_is_shown_in_a_unit_it_fills() {
    assert_eq!(show_whole(50_400.0, unit("second")), "14 hours");
    assert_eq!(show_whole(90.0, unit("second")), "1 minute 30 seconds");
    assert_eq!(show_whole(0.3, unit("km")), "300 m");
    assert_eq!(show_whole(3.0, unit("week")), "3 weeks");
}

#[test]
fn a_length_of_time_is_said_in_its_two_largest_units() {
    assert_eq!(duration_words(12_300.0), "3 hours 25 minutes");
    assert_eq!(duration_words(50_400.0), "14 hours");
    assert_eq!(duration_words(447_150.0), "5 days 4 hours");
    assert_eq!(duration_words(3_660.0), "1 hour 1 minute");
    assert_eq!(duration_words(59.0), "59 seconds");
    assert_eq!(duration_words(1_209_600.0), "2 weeks");
}
