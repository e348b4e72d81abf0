//! Validation: raw records to claims, collecting every error with its span.

use std::collections::HashMap;
use std::ops::Range;

use regex::{Regex, RegexBuilder};
use toml::Spanned;

use super::parse::{RawClaim, RawClaimSubject, RawFile, RawSubject, RawUnit};
use super::{ClaimsError, ClaimsErrorKind};
use crate::claims::model::{
    Claim, ClaimId, ClaimKind, ClaimScope, Examples, Expected, FileId, FillerSide, Severity,
    Subject, SubjectKind,
};
use crate::extract::calendar::DateValue;
use crate::extract::normalize::fold;

/// Regexes are compiled with a size limit so that a claims file cannot make a run
/// use unbounded memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Converts a trigger or context regex to the folded form documents are matched in:
/// non-ASCII letters lose their diacritics, curly quotes and dashes become straight,
/// and a `-` between two letters (outside a character class) also matches the space
/// that folding puts there ("ice-pick" is folded to "ice pick").
pub fn fold_regex(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let chars: Vec<char> = pattern.chars().collect();
    let mut in_class = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            out.push(c);
            if let Some(&n) = chars.get(i + 1) {
                out.push(n);
            }
            i += 2;
            continue;
        }
        match c {
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
        let letter = |j: Option<&char>| j.is_some_and(|c| c.is_alphabetic());
        if c == '-'
            && !in_class
            && letter(i.checked_sub(1).and_then(|j| chars.get(j)))
            && letter(chars.get(i + 1))
        {
            out.push_str("[- ]");
        } else if c.is_ascii() {
            out.push(c);
        } else {
            let f = fold(&c.to_string()).text;
            if f == "-" || f == " " {
                out.push_str("[- ]");
            } else {
                out.push_str(&regex::escape(&f));
            }
        }
        i += 1;
    }
    out
}

/// Compiles a trigger or context regex for folded text.
pub fn compile_pattern(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&fold_regex(pattern))
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
}

struct Validator {
    file: FileId,
    errors: Vec<ClaimsError>,
    /// Problems that do not stop a run (a unit no number can carry).
    warnings: Vec<ClaimsError>,
    /// The file's named subjects, by key.
    named: HashMap<String, Subject>,
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

    fn regexes(&mut self, list: &[Spanned<String>], what: &str) -> Vec<Regex> {
        let mut out = Vec::new();
        for p in list {
            match compile_pattern(p.get_ref()) {
                Ok(r) => out.push(r),
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
            self.error(
                ClaimsErrorKind::InvalidDate,
                v.span(),
                "invalid date: expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" naming a real day",
            );
        }
        parsed
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

    fn string(&mut self, v: &Spanned<toml::Value>, what: &str) -> Option<String> {
        match v.get_ref().as_str() {
            Some(s) if !s.trim().is_empty() => Some(s.to_string()),
            _ => {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    v.span(),
                    format!("`{what}` of a term claim must be a non-empty string"),
                );
                None
            }
        }
    }

    fn subject(&mut self, raw: RawSubject, id: Option<String>) -> Subject {
        // Without a kind, the pronouns tell: "it" names a thing or an event (read
        // as an event, whose participants are never someone else), "they" a group.
        let inferred = match raw.pronouns.as_deref() {
            Some(p) if p.iter().any(|w| w.eq_ignore_ascii_case("it")) => SubjectKind::Event,
            Some(p) if p.iter().any(|w| w.eq_ignore_ascii_case("they")) => SubjectKind::Group,
            _ => SubjectKind::Person,
        };
        let kind = match &raw.kind {
            None => inferred,
            Some(k) => SubjectKind::parse(k.get_ref()).unwrap_or_else(|| {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    k.span(),
                    format!(
                        "unknown subject kind `{}`: expected `person`, `group`, `thing`, `place` or `event`",
                        k.get_ref()
                    ),
                );
                SubjectKind::Person
            }),
        };
        if kind != SubjectKind::Group
            && let Some(m) = raw.members.first()
        {
            self.error(
                ClaimsErrorKind::InvalidValue,
                m.span(),
                "`members` belong to a subject of kind `group`",
            );
        }
        for n in raw.nouns.iter().chain(&raw.members) {
            if n.get_ref().trim().is_empty() {
                self.error(
                    ClaimsErrorKind::InvalidValue,
                    n.span(),
                    "a noun or member name must not be empty",
                );
            }
        }
        let born = raw.born.as_ref().and_then(|b| {
            let d = DateValue::parse_iso(b.get_ref());
            if d.is_none() {
                self.error(
                    ClaimsErrorKind::InvalidDate,
                    b.span(),
                    "invalid date: expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" naming a real day",
                );
            }
            d
        });
        Subject {
            id,
            name: raw.name.into_inner(),
            aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
            kind,
            nouns: raw.nouns.into_iter().map(Spanned::into_inner).collect(),
            members: raw.members.into_iter().map(Spanned::into_inner).collect(),
            born,
            born_at: raw.born.as_ref().map(|b| (self.file, b.span())),
            pronouns: raw.pronouns.unwrap_or_else(|| {
                kind.default_pronouns()
                    .iter()
                    .map(|p| p.to_string())
                    .collect()
            }),
        }
    }

    fn strings(&mut self, list: &[Spanned<toml::Value>], what: &str) -> Vec<String> {
        list.iter().filter_map(|a| self.string(a, what)).collect()
    }

    fn claim(&mut self, raw: RawClaim) -> Option<Claim> {
        let before = self.errors.len();
        let id = raw.id.get_ref().trim().to_string();
        let id_ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if !id_ok {
            self.error(
                ClaimsErrorKind::InvalidId,
                raw.id.span(),
                "invalid claim id: use letters, digits, `.`, `_` and `-`",
            );
        }
        let kind = ClaimKind::parse(raw.kind.get_ref());
        if kind.is_none() {
            self.error(
                ClaimsErrorKind::UnknownKind,
                raw.kind.span(),
                format!(
                    "unknown claim kind `{}`: expected `term`, `date`, `number`, `role` or `event`",
                    raw.kind.get_ref()
                ),
            );
        }
        let severity = match &raw.severity {
            None => Some(Severity::Error),
            Some(s) => {
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
        };
        let subject = match raw.subject {
            None => None,
            Some(s) => {
                let span = s.span();
                match s.into_inner() {
                    RawClaimSubject::Inline(raw) => Some(self.subject(raw, None)),
                    RawClaimSubject::Named(key) => match self.named.get(&key) {
                        Some(subject) => Some(subject.clone()),
                        None => {
                            self.error(
                                ClaimsErrorKind::UnknownSubject,
                                span,
                                format!(
                                    "unknown subject `{key}`: declare it as `[subjects.{key}]` in this file"
                                ),
                            );
                            None
                        }
                    },
                }
            }
        };
        let filler = match &raw.filler {
            None => FillerSide::Auto,
            Some(f) => match f.get_ref().as_str() {
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
            },
        };
        let scope = match (&raw.scope, subject) {
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
        };
        let triggers = self.regexes(&raw.triggers, "triggers");
        let context = self.regexes(&raw.context, "context");
        let expected = match kind {
            Some(ClaimKind::Term) => {
                let value = self.string(&raw.value, "value");
                let accept: Vec<String> = raw
                    .accept
                    .iter()
                    .filter_map(|a| self.string(a, "accept"))
                    .collect();
                let reject: Vec<String> = raw
                    .reject
                    .iter()
                    .filter(|r| !r.get_ref().trim().is_empty())
                    .map(|r| r.get_ref().clone())
                    .collect();
                if reject.is_empty() {
                    self.error(
                        ClaimsErrorKind::MissingReject,
                        raw.value.span(),
                        "a term claim needs `reject`: the wrong variants to find",
                    );
                }
                value.map(|value| Expected::Term {
                    value,
                    accept,
                    reject,
                })
            }
            Some(ClaimKind::Date) => {
                let value = self.date(&raw.value);
                let accept: Vec<DateValue> =
                    raw.accept.iter().filter_map(|a| self.date(a)).collect();
                value.map(|value| Expected::Date { value, accept })
            }
            Some(ClaimKind::Number) => {
                let value = self.number(&raw.value, "value");
                let accept: Vec<f64> = raw
                    .accept
                    .iter()
                    .filter_map(|a| self.number(a, "accept"))
                    .collect();
                let tolerance = raw
                    .tolerance
                    .as_ref()
                    .and_then(|t| self.number(t, "tolerance"))
                    .unwrap_or(0.0);
                let min = raw.min.as_ref().and_then(|t| self.number(t, "min"));
                let max = raw.max.as_ref().and_then(|t| self.number(t, "max"));
                value.map(|value| Expected::Number {
                    value,
                    accept,
                    tolerance: tolerance.abs(),
                    min,
                    max,
                })
            }
            Some(ClaimKind::Role) => {
                let value = self.string(&raw.value, "value");
                let accept = self.strings(&raw.accept, "accept");
                let reject: Vec<String> = raw
                    .reject
                    .iter()
                    .filter(|r| !r.get_ref().trim().is_empty())
                    .map(|r| r.get_ref().clone())
                    .collect();
                value.map(|value| Expected::Role {
                    value,
                    accept,
                    reject,
                })
            }
            Some(ClaimKind::Event) => match raw.value.get_ref() {
                toml::Value::Boolean(b) => Some(Expected::Event { happened: *b }),
                _ => {
                    self.error(
                        ClaimsErrorKind::InvalidValue,
                        raw.value.span(),
                        "`value` of an event claim must be `true` (it happened) or `false` (it never did)",
                    );
                    None
                }
            },
            None => None,
        };
        if raw.filler.is_some() && kind != Some(ClaimKind::Role) {
            self.error(
                ClaimsErrorKind::InvalidValue,
                raw.filler.as_ref().map_or(raw.id.span(), |f| f.span()),
                "`filler` belongs to a claim of kind `role`",
            );
        }
        if matches!(
            kind,
            Some(ClaimKind::Date | ClaimKind::Number | ClaimKind::Role | ClaimKind::Event)
        ) && raw.triggers.is_empty()
        {
            self.error(
                ClaimsErrorKind::MissingTriggers,
                raw.id.span(),
                format!(
                    "a {} claim needs `triggers`: regexes naming the {}",
                    kind.map_or("", ClaimKind::as_str),
                    if kind == Some(ClaimKind::Role) {
                        "role"
                    } else {
                        "event"
                    }
                ),
            );
        }
        let units: Vec<String> = match raw.unit {
            None => Vec::new(),
            Some(u) => {
                let span = u.span();
                let list = match u.into_inner() {
                    RawUnit::One(s) => vec![s],
                    RawUnit::Many(v) => v,
                };
                let list: Vec<String> = list
                    .into_iter()
                    .map(|s| s.trim().to_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect();
                if list.is_empty() {
                    self.error(
                        ClaimsErrorKind::InvalidValue,
                        span.clone(),
                        "`unit` must name a unit: a word, a phrase or a list of them",
                    );
                }
                for unit in &list {
                    if !crate::extract::number::unit_readable(unit) {
                        self.warnings.push(ClaimsError {
                            kind: ClaimsErrorKind::UnreadableUnit,
                            file: self.file,
                            span: Some(span.clone()),
                            message: format!(
                                "no number in prose can be read with the unit `{unit}`: write it as people do (`km`, `square miles`, `Nobel Prizes`)"
                            ),
                        });
                    }
                }
                list
            }
        };
        if self.errors.len() > before {
            return None;
        }
        Some(Claim {
            id: ClaimId(id),
            kind: kind?,
            expected: expected?,
            file: self.file,
            value_span: raw.value.span(),
            triggers,
            context,
            units,
            filler,
            source: raw.source.map(Spanned::into_inner),
            statement: raw.statement.map(Spanned::into_inner),
            severity: severity?,
            scope,
            enabled: true,
            examples: raw
                .examples
                .map(|e| Examples {
                    flag: e.flag,
                    pass: e.pass,
                })
                .unwrap_or_default(),
        })
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
mod tests {
    use super::*;

    #[test]
    fn folds_regex_literals_like_documents() {
        assert_eq!(fold_regex(r"\bice-pick\b"), r"\bice[- ]pick\b");
        assert_eq!(fold_regex(r"[a-z]+"), r"[a-z]+");
        assert_eq!(fold_regex("Coyoacán"), "Coyoacan");
        let r = compile_pattern(r"\bRamón\b").unwrap();
        assert!(r.is_match("ramon mercader"));
    }
}
