//! Validating an open claim: one with no `value`, whose value the sources give
//! (`cross-check` reads it; `check` reports nothing for it). Its `accept` lists
//! its answers, each a form or a list of forms of one answer (`accept = [["ice
//! axe", "piolet"], "ice pick"]`): a term claim looks for those forms; a role
//! claim reads any filler and groups the forms of one answer together.

use super::Validator;
use crate::claims::ClaimKind;
use crate::claims::ClaimsErrorKind;
use crate::claims::model::{Answer, ClockValue, Expected, TimeClaim};
use crate::claims::parse::RawClaim;
use crate::extract::calendar::DateValue;
use crate::extract::number::TimePrecision;

impl Validator {
    /// The placeholder value of an open claim (compared with nothing) and its
    /// answers.
    pub(super) fn open_expected(
        &mut self,
        kind: ClaimKind,
        raw: &RawClaim,
    ) -> (Option<Expected>, Vec<Answer>) {
        let answers = match kind {
            ClaimKind::Term | ClaimKind::Role => self.answers(raw),
            _ => {
                if let Some(a) = raw.accept.first() {
                    self.error(
                        ClaimsErrorKind::InvalidValue,
                        a.span(),
                        "an open claim with no `value` has nothing to accept: its `accept` lists answers, for term and role claims only; remove it or give the claim a `value`",
                    );
                }
                Vec::new()
            }
        };
        if let Some(f) = raw.examples.as_ref().and_then(|e| e.flag.first()) {
            self.error(
                ClaimsErrorKind::InvalidValue,
                raw.id.span(),
                format!(
                    "an open claim makes no findings, so its `examples.flag` (\"{f}\") cannot be flagged: move the sentence to `examples.pass` or give the claim a `value`"
                ),
            );
        }
        let tolerance = raw.tolerance.as_ref().and_then(|t| match t.get_ref() {
            toml::Value::Integer(i) => Some(*i as f64),
            toml::Value::Float(f) => Some(*f),
            _ => {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    t.span(),
                    "the `tolerance` of an open claim must be a number in its unit (a percentage needs a value to be a percentage of)",
                );
                None
            }
        });
        let tolerance = tolerance.map_or(0.0, f64::abs);
        let expected = self.placeholder(kind, raw, &answers, tolerance);
        (expected, answers)
    }

    /// The answers `accept` lists: a string is an answer of one form, a list of
    /// strings one answer of several forms, named by the first.
    fn answers(&mut self, raw: &RawClaim) -> Vec<Answer> {
        let mut out = Vec::new();
        for a in &raw.accept {
            let forms: Vec<String> = match a.get_ref() {
                toml::Value::String(s) => vec![s.clone()],
                toml::Value::Array(list) => list
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            };
            let well_formed = match a.get_ref() {
                toml::Value::Array(list) => list.iter().all(toml::Value::is_str),
                _ => true,
            };
            if forms.is_empty() || !well_formed || forms.iter().any(|f| f.trim().is_empty()) {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    a.span(),
                    "each answer of an open claim is a form (\"ice pick\") or a list of the forms of one answer ([\"ice axe\", \"piolet\"]), none empty",
                );
                continue;
            }
            out.push(Answer {
                name: forms[0].trim().to_string(),
                forms: forms.iter().map(|f| f.trim().to_string()).collect(),
            });
        }
        out
    }

    /// The value an open claim holds in place of one: nothing compares against
    /// it; an open term claim's answers are the forms the scan looks for.
    fn placeholder(
        &mut self,
        kind: ClaimKind,
        raw: &RawClaim,
        answers: &[Answer],
        tolerance: f64,
    ) -> Option<Expected> {
        match kind {
            ClaimKind::Term => {
                if answers.is_empty() {
                    self.error(
                        ClaimsErrorKind::MissingField,
                        raw.id.span(),
                        "an open term claim needs `accept`: the answers to look for, each a form or a list of forms (`accept = [[\"ice axe\", \"piolet\"], \"ice pick\"]`)",
                    );
                }
                let mut forms = answers.iter().flat_map(|a| a.forms.iter().cloned());
                Some(Expected::Term {
                    value: forms.next().unwrap_or_default(),
                    accept: forms.collect(),
                    reject: Vec::new(),
                })
            }
            ClaimKind::Role => Some(Expected::Role {
                value: String::new(),
                accept: Vec::new(),
                reject: Vec::new(),
            }),
            ClaimKind::Date => Some(Expected::Date {
                value: DateValue {
                    year: 1,
                    month: None,
                    day: None,
                },
                accept: Vec::new(),
                until: None,
                accept_periods: Vec::new(),
            }),
            ClaimKind::Number => Some(Expected::Number {
                value: 0.0,
                accept: Vec::new(),
                tolerance,
                min: None,
                max: None,
            }),
            ClaimKind::Duration => Some(Expected::Duration {
                value: 0.0,
                accept: Vec::new(),
                tolerance,
                min: None,
                max: None,
                step: 1.0,
            }),
            ClaimKind::Time => Some(Expected::Time(Box::new(TimeClaim {
                value: ClockValue {
                    seconds: 0,
                    precision: TimePrecision::Minute,
                    date: None,
                },
                accept: Vec::new(),
                zone: Vec::new(),
                zone_name: None,
                tolerance: tolerance as u32,
                min: None,
                max: None,
                zones: Vec::new(),
            }))),
            ClaimKind::Event => {
                self.error(
                    ClaimsErrorKind::MissingField,
                    raw.id.span(),
                    "an event claim needs `value`: `true` (it happened) or `false` (it never did); only date, number, duration, time, term and role claims can be open",
                );
                None
            }
        }
    }
}
