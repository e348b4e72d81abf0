//! A stated number against a number or duration claim: read in the claim's unit
//! where it is written in another unit of the claim's dimension, then compared
//! with the claim's value, tolerance, `min`/`max` and accepted values (see
//! [`super::measure`] for the rounding rule).

use super::measure::{Reading, readings, same, show};
use super::{Unit, claim_readings, claim_units};
use crate::claims::{Claim, Expected};
use crate::extract::number::Approx;

/// How a stated number compares with its claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub agrees: bool,
    /// The claim's value at the statement's precision, in the statement's unit: the
    /// replacement for the wrong words (`29,029`).
    pub expected: String,
    /// Where the statement is in another unit than the claim's: the claim's value
    /// with that unit, as the label shows it (`29,029 feet`).
    pub shown: Option<String>,
    /// Whether `expected` is in the statement's own unit, so that it can replace
    /// the wrong number (not "14 hours" for "two and a half days").
    pub fixable: bool,
}

/// A statement: its value (the lower end of a range), the upper end, how exactly
/// it is stated, the lesser parts of a compound, the words as written, and the
/// readings of its unit (empty where the table does not know it).
#[derive(Debug, Clone)]
pub struct Stated<'a> {
    pub value: f64,
    pub range_to: Option<f64>,
    pub approx: Approx,
    pub parts: &'a [(f64, String)],
    pub written: &'a str,
    pub units: Vec<&'static Unit>,
    /// How the document names the unit (`feet`), to show the claim's value with.
    pub unit_word: Option<String>,
}

/// The fields of a number or duration claim's value.
struct Claimed<'a> {
    value: f64,
    accept: &'a [f64],
    tolerance: f64,
    min: Option<f64>,
    max: Option<f64>,
    /// For a duration: half its smallest unit, in seconds.
    step: Option<f64>,
}

fn claimed(expected: &Expected) -> Option<Claimed<'_>> {
    match expected {
        Expected::Number {
            value,
            accept,
            tolerance,
            min,
            max,
        } => Some(Claimed {
            value: *value,
            accept,
            tolerance: *tolerance,
            min: *min,
            max: *max,
            step: None,
        }),
        Expected::Duration {
            value,
            accept,
            tolerance,
            min,
            max,
            step,
        } => Some(Claimed {
            value: *value,
            accept,
            tolerance: *tolerance,
            min: *min,
            max: *max,
            step: Some(*step),
        }),
        _ => None,
    }
}

/// Compares a statement with a number or duration claim (`None` for a claim of
/// another kind).
pub fn compare(s: &Stated<'_>, claim: &Claim) -> Option<Verdict> {
    let c = claimed(&claim.expected)?;
    let claim_units = claim_units(&claim.units);
    let found = readings(
        s.value,
        s.range_to,
        s.parts,
        s.written,
        &s.units,
        &claim_units,
    );
    let plain = || Verdict {
        agrees: agrees(
            s.value,
            s.range_to.unwrap_or(s.value),
            s.approx,
            s.range_to.is_some(),
            &c,
            0.0,
        ),
        expected: super::measure::show_as_written(c.value, s.written),
        shown: None,
        fixable: true,
    };
    // A unit the claim lists is one of its own spellings: nothing to convert.
    let listed: Vec<&'static Unit> = claim.units.iter().flat_map(|u| claim_readings(u)).collect();
    let own = s.parts.is_empty()
        && s.units
            .iter()
            .any(|u| listed.iter().any(|l| std::ptr::eq(*u, *l)));
    if found.is_empty() || own || found.iter().any(|r| same(r, s.parts)) {
        return Some(plain());
    }
    let slack = |v: f64| {
        c.step
            .map_or_else(|| super::measure::claim_rounding(v), |s| s / 2.0)
    };
    let verdict = |r: &Reading| {
        agrees(
            r.lo,
            r.hi,
            s.approx,
            s.range_to.is_some(),
            &c,
            slack(c.value),
        )
    };
    let shown = found.iter().find(|r| verdict(r)).unwrap_or(&found[0]);
    let agrees = found.iter().any(verdict);
    Some(converted(s, &c, shown, agrees))
}

/// The verdict on a statement read in a unit other than the claim's (`shown`,
/// the reading shown): the claim's value in the statement's unit, or, where
/// that reads badly, in a unit it fills.
fn converted(s: &Stated<'_>, c: &Claimed<'_>, shown: &Reading, agrees: bool) -> Verdict {
    // Less than one of the statement's unit ("0.583 days"), or a time that is no
    // whole number of it ("3.42 hours"): the claim's value in a unit it fills
    // ("14 hours", "3 hours 25 minutes"), as the label only.
    let in_statement = super::convert(c.value, shown.to, shown.from);
    // "1.5 days" says a time exactly; "3.42 hours" does not.
    let inexact = super::measure::show_number(in_statement, s.written)
        .replace(',', "")
        .parse::<f64>()
        .map_or(true, |shown| (shown - in_statement).abs() > 1e-6);
    let broken_time = shown.from.dimension == crate::lexicon::Dimension::Time && inexact;
    if s.parts.is_empty() && (in_statement.abs() < 1.0 || broken_time) {
        let label = super::measure::show_whole(c.value, shown.to);
        return Verdict {
            agrees,
            expected: label.clone(),
            shown: Some(label),
            fixable: false,
        };
    }
    let expected = show(c.value, shown.to, shown.from, s.parts, s.written);
    let label = match (&s.unit_word, s.parts.is_empty()) {
        (Some(w), true) => format!("{expected} {w}"),
        (None, true) => format!("{expected} {}", shown.from.symbol),
        (_, false) => expected.clone(),
    };
    Verdict {
        agrees,
        expected,
        shown: Some(label),
        fixable: true,
    }
}

/// Whether a statement allowing `lo..=hi` in the claim's unit agrees with the
/// claim: it meets the claim's interval (its value with tolerance, or `min`/`max`,
/// widened by the claim's own rounding `slack` where the statement was converted)
/// or an accepted value; `about` widens the statement by a tenth of the claim's
/// value (at least 1); `more than` and `less than` agree with a claim on their side.
///
/// Where both sides are rounded (the claim by `slack`), intervals that only touch
/// do not meet: "3 hours" (2.5 to 3.5 hours) and a claim of `2h` (1.5 to 2.5
/// hours) name values a whole hour apart, and share only the point where the
/// two roundings part.
fn agrees(lo: f64, hi: f64, approx: Approx, ranged: bool, c: &Claimed<'_>, slack: f64) -> bool {
    let top = c.max.unwrap_or(c.value + c.tolerance) + slack;
    let bottom = c.min.unwrap_or(c.value - c.tolerance) - slack;
    let about = if approx == Approx::About {
        (c.value.abs() * 0.1).max(1.0)
    } else {
        0.0
    };
    let meets = |a: f64, b: f64| {
        if slack > 0.0 {
            lo - about < b && a < hi + about
        } else {
            lo - about <= b && a <= hi + about
        }
    };
    if ranged || matches!(approx, Approx::Exact | Approx::About) {
        return meets(bottom, top) || c.accept.iter().any(|a| meets(a - slack, a + slack));
    }
    match approx {
        Approx::AtLeast => top >= lo - c.tolerance || c.accept.iter().any(|a| a + slack >= lo),
        _ => bottom <= hi + c.tolerance || c.accept.iter().any(|a| a - slack <= hi),
    }
}

/// Whether a number stated in the claim's own unit agrees with a number or duration
/// claim (`true` for a claim of another kind).
pub fn agrees_plain(
    value: f64,
    range_to: Option<f64>,
    approx: Approx,
    expected: &Expected,
) -> bool {
    claimed(expected).is_none_or(|c| {
        agrees(
            value,
            range_to.unwrap_or(value),
            approx,
            range_to.is_some(),
            &c,
            0.0,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::lookup;

    fn claim(toml_tail: &str) -> Claim {
        let toml = format!("[[claim]]\nid = \"x\"\ntriggers = ['\\bx\\b']\n{toml_tail}\n");
        let set = crate::claims::parse_claims(vec![("c.toml".into(), toml)]).expect("valid");
        set.claims[0].clone()
    }

    /// The verdict on `written` (its digits and value) in `unit`.
    fn verdict(c: &Claim, written: &str, value: f64, unit: &str, approx: Approx) -> Verdict {
        let s = Stated {
            value,
            range_to: None,
            approx,
            parts: &[],
            written,
            units: lookup(unit).to_vec(),
            unit_word: None,
        };
        compare(&s, c).expect("a number claim")
    }

    #[test]
    fn a_value_in_another_unit_is_converted_with_its_rounding() {
        let height = claim("kind = \"number\"\nvalue = 8848\nunit = \"m\"");
        let ft = |w: &str, v: f64| verdict(&height, w, v, "foot", Approx::Exact);
        assert!(ft("29,029", 29_029.0).agrees);
        assert!(ft("29,000", 29_000.0).agrees);
        let wrong = ft("28,000", 28_000.0);
        assert!(!wrong.agrees);
        assert_eq!(wrong.expected, "29,029");
        assert_eq!(wrong.shown.as_deref(), Some("29,029 ft"));
        assert!(!ft("29,100", 29_100.0).agrees);
        assert!(verdict(&height, "29,100", 29_100.0, "foot", Approx::About).agrees);
        // In the claim's own unit nothing is converted or rounded.
        let own = verdict(&height, "8,849", 8_849.0, "metre", Approx::Exact);
        assert_eq!((own.agrees, own.shown), (false, None));
    }

    #[test]
    fn either_reading_of_a_ton_agrees() {
        let lid = claim("kind = \"number\"\nvalue = 2\nunit = \"tons\"");
        assert!(verdict(&lid, "1,814", 1_814.0, "kg", Approx::Exact).agrees);
        assert!(verdict(&lid, "2,032", 2_032.0, "kg", Approx::Exact).agrees);
        assert!(!verdict(&lid, "1,900", 1_900.0, "kg", Approx::Exact).agrees);
    }

    #[test]
    fn a_percentage_tolerance_widens_the_claim() {
        let bell = claim("kind = \"number\"\nvalue = 13\nunit = \"tonnes\"\ntolerance = \"5%\"");
        assert!(verdict(&bell, "13,600", 13_600.0, "kg", Approx::Exact).agrees);
        assert!(!verdict(&bell, "13,800", 13_800.0, "kg", Approx::Exact).agrees);
    }

    #[test]
    fn a_duration_is_compared_in_seconds() {
        let climb = claim("kind = \"duration\"\nvalue = \"3h25m\"");
        assert!(verdict(&climb, "205", 205.0, "minute", Approx::Exact).agrees);
        assert!(verdict(&climb, "12,300", 12_300.0, "second", Approx::Exact).agrees);
        let wrong = verdict(&climb, "150", 150.0, "minute", Approx::Exact);
        assert_eq!((wrong.agrees, wrong.expected.as_str()), (false, "205"));
        assert!(verdict(&climb, "3", 3.0, "hour", Approx::AtLeast).agrees);
        assert!(!verdict(&climb, "4", 4.0, "hour", Approx::AtLeast).agrees);
    }

    #[test]
    fn a_duration_one_unit_off_in_the_claims_own_unit_disagrees() {
        let concert = claim("kind = \"duration\"\nvalue = \"2h\"");
        let hours = |w: &str, v: f64, a: Approx| verdict(&concert, w, v, "hour", a).agrees;
        assert!(hours("2", 2.0, Approx::Exact));
        assert!(!hours("3", 3.0, Approx::Exact));
        assert!(!hours("1", 1.0, Approx::Exact));
        assert!(hours("3", 3.0, Approx::About));
        assert!(hours("2.5", 2.5, Approx::Exact));
        let hop = claim("kind = \"duration\"\nvalue = \"12s\"");
        assert!(!verdict(&hop, "13", 13.0, "second", Approx::Exact).agrees);
        assert!(verdict(&hop, "12", 12.0, "second", Approx::Exact).agrees);
        // A tolerance reaches as far as it says.
        let wide = claim("kind = \"duration\"\nvalue = \"12s\"\ntolerance = \"1s\"");
        assert!(verdict(&wide, "13", 13.0, "second", Approx::Exact).agrees);
    }

    #[test]
    fn money_and_count_nouns_are_never_converted() {
        let cost = claim("kind = \"number\"\nvalue = 12\nunit = \"dollars\"");
        let euro = verdict(&cost, "12", 12.0, "euro", Approx::Exact);
        assert_eq!((euro.agrees, euro.shown), (true, None));
        let crew = claim("kind = \"number\"\nvalue = 12\nunit = \"people\"");
        assert!(!verdict(&crew, "13", 13.0, "people", Approx::Exact).agrees);
    }
}
