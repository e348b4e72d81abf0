//! Validation: raw records to claims, collecting every error with its span.

mod claim;
mod open;
mod parts;
mod patterns;
mod quantity;
mod time;

use patterns::check_pattern;
pub use patterns::{compile_pattern, fold_regex};

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::parse::{RawFile, RawSubject};
use super::{ClaimsError, ClaimsErrorKind};
use crate::claims::model::{Claim, ClaimKind, FileId, Subject, SubjectKind};
use crate::claims::pattern::ClaimRegex;
use crate::extract::calendar::DateValue;

/// The message for a date string that names no day factlint can read.
const INVALID_DATE: &str =
    "invalid date: expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" naming a real day";

pub(crate) struct Validator {
    file: FileId,
    errors: Vec<ClaimsError>,
    /// Problems that do not stop a run (a unit no number can carry).
    warnings: Vec<ClaimsError>,
    /// The file's named subjects, by key.
    named: HashMap<String, Subject>,
    /// The file's named zones (`[zones]`), folded, with their offsets.
    zones: Vec<(String, Vec<i32>)>,
    /// The regexes checked so far, by pattern: a pattern written again is
    /// neither checked nor compiled again.
    regexes: HashMap<String, ClaimRegex>,
}

impl Validator {
    fn error(&mut self, kind: ClaimsErrorKind, span: Range<usize>, message: impl Into<String>) {
        self.errors.push(ClaimsError {
            kind,
            file: self.file,
            span: Some(span),
            message: message.into(),
        });
    }

    /// The regexes of `triggers` or `context`, checked (compiled on first use); an
    /// empty one, which would match everywhere, and an invalid one are reported at
    /// their spans.
    fn regexes(&mut self, list: &[Spanned<String>], what: &str) -> Vec<ClaimRegex> {
        let mut out = Vec::new();
        for p in list {
            if let Some(known) = self.regexes.get(p.get_ref()) {
                out.push(known.clone());
                continue;
            }
            if p.get_ref().trim().is_empty() {
                self.error(
                    ClaimsErrorKind::InvalidRegex,
                    p.span(),
                    format!(
                        "an empty regex in `{what}` matches everywhere: write the words it must find or remove it"
                    ),
                );
                continue;
            }
            match check_pattern(p.get_ref()) {
                Ok(checked) => {
                    let r = ClaimRegex::new(checked);
                    self.regexes.insert(p.get_ref().clone(), r.clone());
                    out.push(r);
                }
                Err(regex::Error::CompiledTooBig(limit)) => self.error(
                    ClaimsErrorKind::InvalidRegex,
                    p.span(),
                    format!(
                        "regex in `{what}` too large: compiled, it passes the size limit of {} MiB ({limit} bytes), which is fixed; bound its repetitions or split it into shorter regexes",
                        limit as f64 / f64::from(1 << 20)
                    ),
                ),
                Err(e) => {
                    let detail = e.to_string();
                    let last = detail.lines().last().unwrap_or("").trim();
                    let last = last.strip_prefix("error: ").unwrap_or(last).to_string();
                    self.error(
                        ClaimsErrorKind::InvalidRegex,
                        p.span(),
                        format!("invalid regex in `{what}`: {last}"),
                    );
                }
            }
        }
        out
    }

    fn date(&mut self, v: &Spanned<toml::Value>) -> Option<DateValue> {
        let parsed = v.get_ref().as_str().and_then(DateValue::parse_iso);
        if parsed.is_none() {
            let message = match v.get_ref() {
                // A TOML date: the right day, written without quotes.
                toml::Value::Datetime(toml::value::Datetime {
                    date: Some(d),
                    time: None,
                    offset: None,
                }) => format!("invalid date: write it in quotes, as \"{d}\""),
                _ => INVALID_DATE.to_string(),
            };
            self.error(ClaimsErrorKind::InvalidDate, v.span(), message);
        }
        parsed
    }

    /// A date, or a period of two dates at any precision (`"1921-03/1921-09"`,
    /// ISO 8601's interval), the first not after the second.
    fn date_or_period(
        &mut self,
        v: &Spanned<toml::Value>,
    ) -> Option<(DateValue, Option<DateValue>)> {
        let Some((a, b)) = v.get_ref().as_str().and_then(|s| s.split_once('/')) else {
            return self.date(v).map(|d| (d, None));
        };
        let (from, to) = (DateValue::parse_iso(a), DateValue::parse_iso(b));
        match (from, to) {
            (Some(from), Some(to)) if from.interval().start <= to.interval().end => {
                Some((from, Some(to)))
            }
            (Some(_), Some(_)) => {
                self.error(
                    ClaimsErrorKind::InvalidDate,
                    v.span(),
                    "invalid period: it ends before it begins",
                );
                None
            }
            _ => {
                self.error(
                    ClaimsErrorKind::InvalidDate,
                    v.span(),
                    "invalid period: write two dates, as \"1921-03/1921-09\" (YYYY, YYYY-MM or YYYY-MM-DD each)",
                );
                None
            }
        }
    }

    fn number(&mut self, v: &Spanned<toml::Value>, what: &str) -> Option<f64> {
        let n = match v.get_ref() {
            toml::Value::Integer(i) => Some(*i as f64),
            toml::Value::Float(f) if f.is_finite() => Some(*f),
            _ => None,
        };
        if n.is_none() {
            self.error(
                ClaimsErrorKind::InvalidValue,
                v.span(),
                format!("`{what}` of a number claim must be a number"),
            );
        }
        n
    }

    /// A string value of a term or role claim.
    fn string(&mut self, v: &Spanned<toml::Value>, what: &str, kind: ClaimKind) -> Option<String> {
        match v.get_ref().as_str() {
            Some(s) if !s.trim().is_empty() => Some(s.to_string()),
            _ => {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    v.span(),
                    format!(
                        "`{what}` of a {} claim must be a non-empty string",
                        kind.as_str()
                    ),
                );
                None
            }
        }
    }

    fn subject(&mut self, raw: RawSubject, id: Option<String>) -> Subject {
        let kind = self.subject_kind(&raw);
        if kind != SubjectKind::Group
            && let Some(m) = &raw.members
        {
            self.error(
                ClaimsErrorKind::InvalidValue,
                m.span(),
                "`members` belong to a subject of kind `group`",
            );
        }
        if raw.name.get_ref().trim().is_empty() {
            self.error(
                ClaimsErrorKind::InvalidValue,
                raw.name.span(),
                "`name` must not be empty: write the subject's name as pages write it",
            );
        }
        let members = raw.members.map(Spanned::into_inner).unwrap_or_default();
        self.each_nonempty(&raw.aliases, "aliases", "another name of the subject");
        self.each_nonempty(&raw.nouns, "nouns", "a noun that names the subject");
        self.each_nonempty(&members, "members", "a member's name");
        if let Some(p) = &raw.pronouns {
            self.each_nonempty(p, "pronouns", "a pronoun");
        }
        let born = raw.born.as_ref().and_then(|b| {
            let d = DateValue::parse_iso(b.get_ref());
            if d.is_none() {
                self.error(ClaimsErrorKind::InvalidDate, b.span(), INVALID_DATE);
            }
            d
        });
        Subject {
            id,
            name: raw.name.into_inner(),
            aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
            kind,
            nouns: raw.nouns.into_iter().map(Spanned::into_inner).collect(),
            members: members.into_iter().map(Spanned::into_inner).collect(),
            born,
            born_at: raw.born.as_ref().map(|b| (self.file, b.span())),
            pronouns_inferred: raw.pronouns.is_none() && kind == SubjectKind::Person,
            pronouns: match raw.pronouns {
                Some(p) => p.into_iter().map(Spanned::into_inner).collect(),
                None => kind
                    .default_pronouns()
                    .iter()
                    .map(|p| p.to_string())
                    .collect(),
            },
        }
    }

    /// A subject's kind: as declared, else as its pronouns tell: "it" names a thing
    /// or an event (read as an event, whose participants are never someone else),
    /// "they" a group.
    fn subject_kind(&mut self, raw: &RawSubject) -> SubjectKind {
        let says = |word: &str| {
            raw.pronouns
                .iter()
                .flatten()
                .any(|w| w.get_ref().trim().eq_ignore_ascii_case(word))
        };
        let inferred = if says("it") {
            SubjectKind::Event
        } else if says("they") {
            SubjectKind::Group
        } else {
            SubjectKind::Person
        };
        let Some(k) = &raw.kind else {
            return inferred;
        };
        SubjectKind::parse(k.get_ref()).unwrap_or_else(|| {
            self.error(
                ClaimsErrorKind::InvalidValue,
                k.span(),
                format!(
                    "unknown subject kind `{}`: expected `person`, `group`, `thing`, `place` or `event`",
                    k.get_ref()
                ),
            );
            SubjectKind::Person
        })
    }

    /// Reports each empty string of a list at its own span.
    fn each_nonempty(&mut self, list: &[Spanned<String>], field: &str, what: &str) {
        for entry in list {
            if entry.get_ref().trim().is_empty() {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    entry.span(),
                    format!(
                        "an empty string in `{field}` names nothing: write {what} or remove it"
                    ),
                );
            }
        }
    }

    fn strings(
        &mut self,
        list: &[Spanned<toml::Value>],
        what: &str,
        kind: ClaimKind,
    ) -> Vec<String> {
        list.iter()
            .filter_map(|a| self.string(a, what, kind))
            .collect()
    }
}

/// What one claims file declares: its subject, its named subjects, its claims and
/// every id it declares, with the errors and warnings found.
pub(crate) struct Validated {
    pub(crate) subject: Option<Subject>,
    pub(crate) named: Vec<Subject>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) ids: Vec<DeclaredId>,
    pub(crate) errors: Vec<ClaimsError>,
    pub(crate) warnings: Vec<ClaimsError>,
}

/// Validates one parsed file: its subject and its claims, or every error found.
pub(crate) fn validate_file(file: FileId, raw: RawFile) -> Validated {
    let mut v = Validator {
        file,
        errors: Vec::new(),
        warnings: Vec::new(),
        named: HashMap::new(),
        zones: Vec::new(),
        regexes: HashMap::new(),
    };
    if let Some(version) = &raw.version
        && *version.get_ref() != 1
    {
        v.error(
            ClaimsErrorKind::UnsupportedVersion,
            version.span(),
            format!(
                "unsupported claims format version {}: expected 1",
                version.get_ref()
            ),
        );
    }
    v.zones(raw.zones);
    let subject = raw.subject.map(|s| v.subject(s, None));
    let mut named = Vec::new();
    for (key, s) in raw.subjects {
        let subject = v.subject(s.into_inner(), Some(key.clone()));
        named.push(subject.clone());
        v.named.insert(key, subject);
    }
    let mut claims = Vec::new();
    let mut ids = Vec::new();
    for c in raw.claim {
        ids.push(DeclaredId {
            id: c.id.get_ref().trim().to_string(),
            file,
            span: c.id.span(),
        });
        if let Some(claim) = v.claim(c) {
            claims.push(claim);
        }
    }
    Validated {
        subject,
        named,
        claims,
        ids,
        errors: v.errors,
        warnings: v.warnings,
    }
}

/// A claim id where it is declared, valid claim or not.
pub(crate) struct DeclaredId {
    id: String,
    file: FileId,
    span: Range<usize>,
}

/// Reports every id declared twice, across all files, at its later declaration.
pub(crate) fn check_duplicates(
    ids: &[DeclaredId],
    errors: &mut Vec<ClaimsError>,
    sources: &[super::model::ClaimsSource],
) {
    let mut seen: HashMap<&str, &DeclaredId> = HashMap::new();
    for d in ids {
        if let Some(first) = seen.get(d.id.as_str()) {
            let line = super::line_of(&sources[first.file.0].text, first.span.start);
            errors.push(ClaimsError {
                kind: ClaimsErrorKind::DuplicateId,
                file: d.file,
                span: Some(d.span.clone()),
                message: format!(
                    "duplicate claim id `{}`: first declared in {} line {line}",
                    d.id, sources[first.file.0].path
                ),
            });
        } else {
            seen.insert(&d.id, d);
        }
    }
}

#[cfg(test)]
mod quantity_tests;
#[cfg(test)]
mod tests;
