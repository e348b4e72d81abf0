//! Validating a `time` claim and the file's `[zones]`: times (`"22:50"`,
//! `"01:23:40"`, `"1986-04-26T01:23"`), zones (`"UTC"`, `"UTC+4"`, `"+04:00"`,
//! `"MSK"`, a name of `[zones]`) and tolerances (`"2m"`, `"30s"`), every error at
//! its span.

use std::collections::BTreeMap;

use toml::Spanned;

use super::Validator;
use crate::claims::ClaimsErrorKind;
use crate::claims::model::{ClockValue, Expected, TimeClaim, zone_key};
use crate::claims::parse::RawClaim;
use crate::extract::calendar::DateValue;
use crate::extract::number::{TimePrecision, parse_offset};

const INVALID_TIME: &str = "invalid time: expected \"HH:MM\" or \"HH:MM:SS\" on the 24-hour clock, maybe after a date (\"1986-04-26T01:23\")";

/// A time as a claim writes it: `HH:MM` or `HH:MM:SS`, maybe after a date and `T`.
pub(super) fn parse_clock(s: &str) -> Option<ClockValue> {
    let s = s.trim();
    let (date, time) = match s.split_once(['T', 't', ' ']) {
        Some((d, t)) => (Some(DateValue::parse_iso(d)?), t),
        None => (None, s),
    };
    if date.is_some_and(|d| d.day.is_none()) {
        return None;
    }
    let parts: Vec<&str> = time.split(':').collect();
    let num = |p: &str| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (h, m, sec, precision) = match parts.as_slice() {
        [h, m] => (num(h)?, num(m)?, 0, TimePrecision::Minute),
        [h, m, s] => (num(h)?, num(m)?, num(s)?, TimePrecision::Second),
        _ => return None,
    };
    (h < 24 && m < 60 && sec < 60).then_some(ClockValue {
        seconds: h * 3600 + m * 60 + sec,
        precision,
        date,
    })
}

/// The offsets of a zone as a claim writes it: `UTC`, `GMT`, `Z`, `UTC+4`,
/// `GMT-05:00`, `+04:00`, an abbreviation or name factlint knows (`MSK`, `Moscow
/// time`), or a name of `[zones]`.
pub(super) fn parse_zone(s: &str, named: &[(String, Vec<i32>)]) -> Option<Vec<i32>> {
    let s = crate::extract::normalize::fold(s.trim()).text;
    if let Some((_, offsets)) = named.iter().find(|(n, _)| zone_key(n) == zone_key(&s)) {
        return Some(offsets.clone());
    }
    if matches!(s.as_str(), "utc" | "gmt" | "z" | "ut") {
        return Some(vec![0]);
    }
    let offset = ["utc", "gmt", "ut", ""]
        .iter()
        .find_map(|p| s.strip_prefix(p).and_then(|rest| parse_offset(rest.trim())));
    if let Some(o) = offset {
        return Some(vec![o]);
    }
    crate::lexicon::zone_offsets(&s)
        .or_else(|| crate::lexicon::zone_offsets(&format!("{s} time")))
        .map(<[i32]>::to_vec)
}

/// Seconds in `"2m"`, `"30s"`, `"1h"`, `"1m30s"`.
fn parse_tolerance(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut digits = String::new();
    for c in s.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            'h' | 'm' | 's' if !digits.is_empty() => {
                let n: u32 = digits.parse().ok()?;
                let unit = match c {
                    'h' => 3600,
                    'm' => 60,
                    _ => 1,
                };
                total = total.checked_add(n.checked_mul(unit)?)?;
                digits.clear();
            }
            ' ' => {}
            _ => return None,
        }
    }
    (digits.is_empty() && total > 0 && total < 86_400).then_some(total)
}

impl Validator {
    /// The file's `[zones]`, folded, each bad zone reported at its span.
    pub(super) fn zones(&mut self, raw: BTreeMap<String, Spanned<String>>) {
        for (name, value) in raw {
            let key = crate::extract::normalize::fold(name.trim()).text;
            match parse_zone(value.get_ref(), &[]) {
                Some(offsets) => self.zones.push((key, offsets)),
                None => self.error(
                    ClaimsErrorKind::InvalidValue,
                    value.span(),
                    format!(
                        "unknown zone `{}` for `{name}`: write \"UTC\", \"UTC+4\", \"+04:00\" or an abbreviation such as \"MSK\"",
                        value.get_ref()
                    ),
                ),
            }
        }
    }

    /// A time in `value`, `accept`, `min` or `max`.
    fn clock(&mut self, v: &Spanned<toml::Value>) -> Option<ClockValue> {
        let text = match v.get_ref() {
            toml::Value::String(s) => s.clone(),
            // An unquoted TOML time (`22:50:00`) is read as written.
            toml::Value::Datetime(d) => d.to_string(),
            _ => String::new(),
        };
        let parsed = parse_clock(&text);
        if parsed.is_none() {
            self.error(ClaimsErrorKind::InvalidValue, v.span(), INVALID_TIME);
        }
        parsed
    }

    pub(super) fn time_value(&mut self, raw: &RawClaim) -> Option<Expected> {
        let value = self.clock(raw.value.as_ref()?);
        let accept: Vec<ClockValue> = raw.accept.iter().filter_map(|a| self.clock(a)).collect();
        let min = raw.min.as_ref().and_then(|m| self.clock(m));
        let max = raw.max.as_ref().and_then(|m| self.clock(m));
        let tolerance = raw.tolerance.as_ref().and_then(|t| {
            let parsed = t.get_ref().as_str().and_then(parse_tolerance);
            if parsed.is_none() {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    t.span(),
                    "invalid tolerance: write minutes or seconds in quotes, as \"2m\", \"30s\" or \"1m30s\"",
                );
            }
            parsed
        });
        let zone = match &raw.zone {
            Some(z) => {
                let parsed = parse_zone(z.get_ref(), &self.zones);
                if parsed.is_none() {
                    self.error(
                        ClaimsErrorKind::InvalidValue,
                        z.span(),
                        format!(
                            "unknown zone `{}`: write \"UTC\", \"UTC+4\", \"+04:00\", an abbreviation such as \"MSK\", or a name of `[zones]`",
                            z.get_ref()
                        ),
                    );
                }
                parsed?
            }
            None => Vec::new(),
        };
        let value = value?;
        if let (Some(lo), Some(hi)) = (min, max)
            && lo.seconds <= hi.seconds
            && !(lo.seconds..=hi.seconds).contains(&value.seconds)
        {
            let at = raw.min.as_ref().expect("min was read").span();
            self.error(
                ClaimsErrorKind::InvalidValue,
                at.start..raw.max.as_ref().expect("max was read").span().end,
                format!(
                    "`value` ({value}) is outside `min`..`max` ({lo}..{hi}): a document stating the value would contradict the claim"
                ),
            );
        }
        Some(Expected::Time(Box::new(TimeClaim {
            value,
            accept,
            zone,
            zone_name: raw.zone.as_ref().map(|z| z.get_ref().trim().to_string()),
            tolerance: tolerance.unwrap_or(0),
            min,
            max,
            zones: self.zones.clone(),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_values_in_every_form() {
        let c = parse_clock("22:50").unwrap();
        assert_eq!(
            (c.seconds, c.precision, c.date),
            (82_200, TimePrecision::Minute, None)
        );
        let c = parse_clock("01:23:40").unwrap();
        assert_eq!((c.seconds, c.precision), (5020, TimePrecision::Second));
        let c = parse_clock("1986-04-26T01:23").unwrap();
        assert_eq!(c.date, DateValue::new(1986, Some(4), Some(26)));
        assert_eq!(c.to_string(), "1986-04-26T01:23");
        for bad in [
            "24:00",
            "1:23",
            "22:60",
            "22",
            "10:50 pm",
            "1986-04T01:23",
            "x",
        ] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }

    #[test]
    fn zones_in_every_form() {
        let named = vec![("ship's time".to_string(), vec![-300])];
        assert_eq!(parse_zone("UTC", &named), Some(vec![0]));
        assert_eq!(parse_zone("UTC+4", &named), Some(vec![240]));
        assert_eq!(parse_zone("+04:00", &named), Some(vec![240]));
        assert_eq!(parse_zone("GMT-05:00", &named), Some(vec![-300]));
        assert_eq!(parse_zone("MSK", &named), Some(vec![180]));
        assert_eq!(parse_zone("Moscow", &named), Some(vec![180, 240]));
        assert_eq!(parse_zone("ship's time", &named), Some(vec![-300]));
        assert_eq!(parse_zone("Ship's", &named), Some(vec![-300]));
        assert_eq!(parse_zone("Mars time", &named), None);
        assert_eq!(parse_zone("UTC+99", &named), None);
    }

    #[test]
    fn tolerances_in_minutes_and_seconds() {
        assert_eq!(parse_tolerance("2m"), Some(120));
        assert_eq!(parse_tolerance("30s"), Some(30));
        assert_eq!(parse_tolerance("1m30s"), Some(90));
        assert_eq!(parse_tolerance("1h"), Some(3600));
        assert_eq!(parse_tolerance("2"), None);
        assert_eq!(parse_tolerance("m"), None);
        assert_eq!(parse_tolerance("0s"), None);
    }
}
