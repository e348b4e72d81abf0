//! Validating the quantities of number and duration claims: a tolerance in the
//! claim's unit or in percent, and the durations of a `duration` claim (`3h25m`),
//! each error at its span.

use toml::Spanned;

use super::Validator;
use crate::claims::ClaimsErrorKind;
use crate::claims::model::Expected;
use crate::claims::parse::{RawClaim, RawUnit};
use crate::units::duration::{self, Duration};

/// A percentage as a claims file writes it (`"5%"`, `"2.5 %"`).
fn percent(s: &str) -> Option<f64> {
    let n: f64 = s.trim().strip_suffix('%')?.trim().parse().ok()?;
    (n.is_finite() && n >= 0.0).then_some(n)
}

impl Validator {
    /// A number claim's `tolerance`: a number in the claim's unit, or a percentage
    /// of `value` (`"5%"`).
    pub(super) fn number_tolerance(&mut self, t: &Spanned<toml::Value>, value: f64) -> Option<f64> {
        match t.get_ref() {
            toml::Value::String(s) => {
                let p = percent(s);
                if p.is_none() {
                    self.error(
                        ClaimsErrorKind::InvalidValue,
                        t.span(),
                        format!(
                            "`tolerance` of a number claim must be a number in the claim's unit or a percentage such as \"5%\", not \"{s}\""
                        ),
                    );
                }
                p.map(|p| value.abs() * p / 100.0)
            }
            _ => self.number(t, "tolerance").map(f64::abs),
        }
    }

    /// A duration string of a duration claim (`value`, `accept`, `min`, `max`).
    fn duration(&mut self, v: &Spanned<toml::Value>, what: &str) -> Option<Duration> {
        let parsed = v.get_ref().as_str().and_then(duration::parse);
        if parsed.is_none() {
            let written = match v.get_ref() {
                toml::Value::String(s) => format!("\"{s}\""),
                other => other.to_string(),
            };
            self.error(
                ClaimsErrorKind::InvalidValue,
                v.span(),
                format!(
                    "`{what}` of a duration claim must be a duration, not {written}: {}",
                    duration::FORM
                ),
            );
        }
        parsed
    }

    /// The value of a duration claim, in seconds: `value`, `accept`, `min` and
    /// `max` are durations; `tolerance` is a duration or a percentage.
    pub(super) fn duration_value(&mut self, raw: &RawClaim) -> Option<Expected> {
        let value = self.duration(raw.value.as_ref()?, "value");
        let accept: Vec<f64> = raw
            .accept
            .iter()
            .filter_map(|a| self.duration(a, "accept").map(|d| d.seconds))
            .collect();
        let tolerance = match (&raw.tolerance, value) {
            (Some(t), Some(v)) => match t.get_ref().as_str().and_then(percent) {
                Some(p) => v.seconds * p / 100.0,
                None => self.duration(t, "tolerance").map_or(0.0, |d| d.seconds),
            },
            _ => 0.0,
        };
        let min = raw.min.as_ref().and_then(|m| self.duration(m, "min"));
        let max = raw.max.as_ref().and_then(|m| self.duration(m, "max"));
        let (min, max) = (min.map(|d| d.seconds), max.map(|d| d.seconds));
        let value = value?;
        self.bounds_hold(raw, value.seconds, min, max);
        Some(Expected::Duration {
            value: value.seconds,
            accept,
            tolerance,
            min,
            max,
            step: value.step,
        })
    }

    /// A duration claim's unit: always seconds, which its value is read in; a
    /// `unit` of its own is an error.
    pub(super) fn duration_units(&mut self, raw: Option<Spanned<RawUnit>>) -> Vec<String> {
        if let Some(u) = raw {
            self.error(
                ClaimsErrorKind::InvalidValue,
                u.span(),
                "a duration claim has no `unit`: its value names its units (\"3h25m\")",
            );
        }
        vec!["second".to_string()]
    }
}
