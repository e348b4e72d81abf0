//! Validating one claim: its id, kind, severity, subject, scope, value by kind,
//! triggers and units, every error at its span.

use toml::Spanned;

use super::Validator;
use crate::claims::ClaimsError;
use crate::claims::ClaimsErrorKind;
use crate::claims::model::{
    Claim, ClaimId, ClaimKind, ClaimScope, Examples, Expected, FillerSide, Severity, Subject,
    format_number,
};
use crate::claims::parse::{RawClaim, RawClaimSubject, RawUnit};

impl Validator {
    pub(super) fn claim(&mut self, mut raw: RawClaim) -> Option<Claim> {
        let before = self.errors.len();
        let id = self.id(&raw.id);
        let kind = self.kind(&raw.kind);
        let severity = self.severity(raw.severity.as_ref());
        let subject = raw.subject.take().and_then(|s| self.claim_subject(s));
        let filler = self.filler(raw.filler.as_ref(), kind);
        let scope = self.scope(raw.scope.as_ref(), subject);
        let triggers = self.regexes(&raw.triggers, "triggers");
        let context = self.regexes(&raw.context, "context");
        let open = raw.value.is_none();
        let (expected, answers) = match kind {
            Some(k) if open => self.open_expected(k, &raw),
            Some(k) => (self.expected(k, &raw), Vec::new()),
            None => (None, Vec::new()),
        };
        self.require_triggers(kind, &raw);
        let units = match kind {
            Some(ClaimKind::Duration) => self.duration_units(raw.unit.take()),
            _ => raw.unit.take().map(|u| self.units(u)).unwrap_or_default(),
        };
        let parts = self.parts(raw.parts.take(), kind);
        if self.errors.len() > before {
            return None;
        }
        Some(Claim {
            id: ClaimId(id),
            kind: kind?,
            expected: expected?,
            file: self.file,
            value_span: raw
                .value
                .as_ref()
                .map_or_else(|| raw.id.span(), Spanned::span),
            triggers,
            context,
            units,
            parts,
            filler,
            source: raw.source.map(Spanned::into_inner),
            statement: raw.statement.map(Spanned::into_inner),
            severity: severity?,
            scope,
            enabled: true,
            open,
            answers,
            examples: raw
                .examples
                .map(|e| Examples {
                    flag: e.flag,
                    pass: e.pass,
                })
                .unwrap_or_default(),
        })
    }

    fn id(&mut self, raw: &Spanned<String>) -> String {
        let id = raw.get_ref().trim().to_string();
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if !ok {
            self.error(
                ClaimsErrorKind::InvalidId,
                raw.span(),
                "invalid claim id: use letters, digits, `.`, `_` and `-`",
            );
        }
        id
    }

    fn kind(&mut self, raw: &Spanned<String>) -> Option<ClaimKind> {
        let kind = ClaimKind::parse(raw.get_ref());
        if kind.is_none() {
            self.error(
                ClaimsErrorKind::UnknownKind,
                raw.span(),
                format!(
                    "unknown claim kind `{}`: expected `term`, `date`, `number`, `duration`, `time`, `role` or `event`",
                    raw.get_ref()
                ),
            );
        }
        kind
    }

    fn severity(&mut self, raw: Option<&Spanned<String>>) -> Option<Severity> {
        let Some(s) = raw else {
            return Some(Severity::Error);
        };
        let sev = Severity::parse(s.get_ref());
        if sev.is_none() {
            self.error(
                ClaimsErrorKind::UnknownSeverity,
                s.span(),
                format!(
                    "unknown severity `{}`: expected `error`, `warning` or `note`",
                    s.get_ref()
                ),
            );
        }
        sev
    }

    /// A claim's own subject: an inline table, or the key of a named subject.
    fn claim_subject(&mut self, raw: Spanned<RawClaimSubject>) -> Option<Subject> {
        let span = raw.span();
        match raw.into_inner() {
            RawClaimSubject::Inline(raw) => Some(self.subject(*raw, None)),
            RawClaimSubject::Named(key) if key.trim().is_empty() => {
                self.error(
                    ClaimsErrorKind::UnknownSubject,
                    span,
                    "an empty `subject` names no subject: write the key of a `[subjects.<key>]` table, or a subject table",
                );
                None
            }
            RawClaimSubject::Named(key) => {
                let found = self.named.get(&key).cloned();
                if found.is_none() {
                    self.error(
                        ClaimsErrorKind::UnknownSubject,
                        span,
                        format!(
                            "unknown subject `{key}`: declare it as `[subjects.{key}]` in this file"
                        ),
                    );
                }
                found
            }
        }
    }

    fn filler(&mut self, raw: Option<&Spanned<String>>, kind: Option<ClaimKind>) -> FillerSide {
        let Some(f) = raw else {
            return FillerSide::Auto;
        };
        if kind != Some(ClaimKind::Role) {
            self.error(
                ClaimsErrorKind::InvalidValue,
                f.span(),
                "`filler` belongs to a claim of kind `role`",
            );
        }
        match f.get_ref().as_str() {
            "auto" => FillerSide::Auto,
            "before" => FillerSide::Before,
            "after" => FillerSide::After,
            other => {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    f.span(),
                    format!("unknown filler `{other}`: expected `before`, `after` or `auto`"),
                );
                FillerSide::Auto
            }
        }
    }

    fn scope(&mut self, raw: Option<&Spanned<String>>, subject: Option<Subject>) -> ClaimScope {
        match (raw, subject) {
            (Some(s), _) if s.get_ref() != "any" && s.get_ref() != "subject" => {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    s.span(),
                    format!(
                        "unknown scope `{}`: expected `subject` or `any`",
                        s.get_ref()
                    ),
                );
                ClaimScope::FileSubject
            }
            (Some(s), _) if s.get_ref() == "any" => ClaimScope::Any,
            (_, Some(subject)) => ClaimScope::Own(subject),
            _ => ClaimScope::FileSubject,
        }
    }

    /// The canonical value, by kind.
    fn expected(&mut self, kind: ClaimKind, raw: &RawClaim) -> Option<Expected> {
        let given = raw.value.as_ref()?;
        match kind {
            ClaimKind::Term => {
                let value = self.string(given, "value", kind);
                let accept = self.strings(&raw.accept, "accept", kind);
                let reject = self.rejects(raw);
                if raw.reject.is_empty() {
                    self.error(
                        ClaimsErrorKind::MissingReject,
                        given.span(),
                        "a term claim needs `reject`: the wrong variants to find",
                    );
                }
                value.map(|value| Expected::Term {
                    value,
                    accept,
                    reject,
                })
            }
            ClaimKind::Date => {
                let value = self.date_or_period(given);
                let mut accept = Vec::new();
                let mut accept_periods = Vec::new();
                for a in &raw.accept {
                    match self.date_or_period(a) {
                        Some((d, None)) => accept.push(d),
                        Some((d, Some(end))) => accept_periods.push((d, end)),
                        None => {}
                    }
                }
                value.map(|(value, until)| Expected::Date {
                    value,
                    accept,
                    until,
                    accept_periods,
                })
            }
            ClaimKind::Number => self.number_value(raw),
            ClaimKind::Duration => self.duration_value(raw),
            ClaimKind::Time => self.time_value(raw),
            ClaimKind::Role => {
                let value = self.string(given, "value", kind);
                let accept = self.strings(&raw.accept, "accept", kind);
                let reject = self.rejects(raw);
                value.map(|value| Expected::Role {
                    value,
                    accept,
                    reject,
                })
            }
            ClaimKind::Event => match given.get_ref() {
                toml::Value::Boolean(b) => Some(Expected::Event { happened: *b }),
                _ => {
                    self.error(
                        ClaimsErrorKind::InvalidValue,
                        given.span(),
                        "`value` of an event claim must be `true` (it happened) or `false` (it never did)",
                    );
                    None
                }
            },
        }
    }

    /// The wrong variants of a term or role claim, each empty one reported.
    fn rejects(&mut self, raw: &RawClaim) -> Vec<String> {
        self.each_nonempty(&raw.reject, "reject", "a wrong variant to find");
        raw.reject
            .iter()
            .map(|r| r.get_ref().clone())
            .filter(|r| !r.trim().is_empty())
            .collect()
    }

    fn number_value(&mut self, raw: &RawClaim) -> Option<Expected> {
        let value = self.number(raw.value.as_ref()?, "value");
        let accept: Vec<f64> = raw
            .accept
            .iter()
            .filter_map(|a| self.number(a, "accept"))
            .collect();
        let tolerance = match (&raw.tolerance, value) {
            (Some(t), Some(value)) => self.number_tolerance(t, value).unwrap_or(0.0),
            _ => 0.0,
        };
        let min = raw.min.as_ref().and_then(|t| self.number(t, "min"));
        let max = raw.max.as_ref().and_then(|t| self.number(t, "max"));
        if let Some(value) = value {
            self.bounds_hold(raw, value, min, max);
        }
        value.map(|value| Expected::Number {
            value,
            accept,
            tolerance: tolerance.abs(),
            min,
            max,
        })
    }

    /// A `min` or `max` must keep the claim's own value among the numbers that
    /// agree: past it, a document stating the value would contradict the claim.
    pub(super) fn bounds_hold(
        &mut self,
        raw: &RawClaim,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
    ) {
        let past = [
            (
                &raw.min,
                min.filter(|m| *m > value),
                "min",
                "above",
                "at most",
            ),
            (
                &raw.max,
                max.filter(|m| *m < value),
                "max",
                "below",
                "at least",
            ),
        ];
        for (at, bound, field, side, fix) in past {
            let (Some(at), Some(bound)) = (at, bound) else {
                continue;
            };
            let (bound, value) = (format_number(bound), format_number(value));
            self.error(
                ClaimsErrorKind::InvalidValue,
                at.span(),
                format!(
                    "`{field}` ({bound}) is {side} `value` ({value}): a document stating the value would contradict the claim; make `{field}` {fix} {value}"
                ),
            );
        }
    }

    /// Date, number, role and event claims find their values through triggers.
    fn require_triggers(&mut self, kind: Option<ClaimKind>, raw: &RawClaim) {
        let Some(kind) = kind else { return };
        if kind == ClaimKind::Term || !raw.triggers.is_empty() {
            return;
        }
        self.error(
            ClaimsErrorKind::MissingTriggers,
            raw.id.span(),
            format!(
                "a {} claim needs `triggers`: regexes naming the {}",
                kind.as_str(),
                if kind == ClaimKind::Role {
                    "role"
                } else {
                    "event"
                }
            ),
        );
    }

    /// A number claim's units, folded to lowercase; each bad one is reported at its
    /// own span, and one that no number can carry is warned about there.
    fn units(&mut self, raw: Spanned<RawUnit>) -> Vec<String> {
        let span = raw.span();
        let list = match raw.into_inner() {
            RawUnit::One(s) => vec![Spanned::new(span.clone(), s)],
            RawUnit::Many(v) => v,
        };
        if list.is_empty() {
            self.error(
                ClaimsErrorKind::InvalidValue,
                span,
                "an empty `unit` list names no unit: list the spellings of the noun the number counts or measures (`[\"km\", \"kilometres\"]`) or remove `unit`",
            );
        }
        let mut units = Vec::new();
        for unit in &list {
            let written = unit.get_ref().trim();
            if written.is_empty() {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    unit.span(),
                    "an empty unit names nothing: write the noun the number counts or measures (`years`, `Nobel Prizes`) or remove it",
                );
                continue;
            }
            let folded = written.to_lowercase();
            self.readable(written, &folded, unit.span(), "unit");
            units.push(folded);
        }
        units
    }

    /// Warns at `span` where no number in prose can carry the unit or part
    /// `written` (`folded`): a claim that names it so never fires.
    pub(super) fn readable(
        &mut self,
        written: &str,
        folded: &str,
        span: std::ops::Range<usize>,
        what: &str,
    ) {
        if !crate::units::known(folded) && !crate::extract::number::unit_readable(folded) {
            self.warnings.push(ClaimsError {
                kind: ClaimsErrorKind::UnreadableUnit,
                file: self.file,
                span: Some(span),
                message: format!(
                    "no number in prose can be read with the {what} `{written}`: write it as people do (`km`, `square miles`, `Nobel Prizes`)"
                ),
            });
        }
    }
}
