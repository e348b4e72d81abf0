//! Claims files: loading, parsing with spans, validation.
//!
//! `load_claims` reads every claims file of a run and returns either a valid
//! [`ClaimSet`] or every error found in them, each with its file and the span of
//! the bad TOML, so that the command line can render them like compiler errors.

pub mod model;
mod parse;
pub mod pattern;
pub(crate) mod required;
mod shape;
mod validate;
mod word;

use std::fmt;
use std::ops::Range;
use std::path::Path;

pub use model::{
    Answer, Claim, ClaimId, ClaimKind, ClaimScope, ClaimSet, ClaimsSource, ClockValue, Examples,
    Expected, FileId, FillerSide, Severity, Subject, SubjectKind, TimeClaim,
};
pub use validate::{compile_pattern, fold_regex};

/// What is wrong in a claims file. Each kind has a stable code (`duplicate-id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClaimsErrorKind {
    /// The file could not be read.
    Io,
    /// The file is not valid TOML, or a field has the wrong type.
    Syntax,
    /// A field that format version 1 does not define.
    UnknownField,
    /// A required field (`id`, `kind`, `value`) is absent.
    MissingField,
    /// `kind` is not `term`, `date`, `number`, `role`, `event` or `time`.
    UnknownKind,
    /// `severity` is not `error`, `warning` or `note`.
    UnknownSeverity,
    /// Two claims share an id.
    DuplicateId,
    /// An id with characters other than letters, digits, `.`, `_` and `-`.
    InvalidId,
    /// A trigger or context that is not a valid regex.
    InvalidRegex,
    /// A date value that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names no real day.
    InvalidDate,
    /// A value of the wrong type for its claim's kind.
    InvalidValue,
    /// A term claim with no `reject` variants: it could never find anything.
    MissingReject,
    /// A date or number claim with no `triggers`: its values could not be located.
    MissingTriggers,
    /// A `version` other than 1.
    UnsupportedVersion,
    /// A claim names a subject that no `[subjects.<key>]` table declares.
    UnknownSubject,
    /// A warning: no number in prose can carry the claim's `unit`.
    UnreadableUnit,
    /// No claims file was found.
    NoClaims,
}

impl ClaimsErrorKind {
    /// The stable code shown in diagnostics.
    pub fn code(self) -> &'static str {
        match self {
            ClaimsErrorKind::Io => "io",
            ClaimsErrorKind::Syntax => "syntax",
            ClaimsErrorKind::UnknownField => "unknown-field",
            ClaimsErrorKind::MissingField => "missing-field",
            ClaimsErrorKind::UnknownKind => "unknown-kind",
            ClaimsErrorKind::UnknownSeverity => "unknown-severity",
            ClaimsErrorKind::DuplicateId => "duplicate-id",
            ClaimsErrorKind::InvalidId => "invalid-id",
            ClaimsErrorKind::InvalidRegex => "invalid-regex",
            ClaimsErrorKind::InvalidDate => "invalid-date",
            ClaimsErrorKind::InvalidValue => "invalid-value",
            ClaimsErrorKind::MissingReject => "missing-reject",
            ClaimsErrorKind::MissingTriggers => "missing-triggers",
            ClaimsErrorKind::UnsupportedVersion => "unsupported-version",
            ClaimsErrorKind::UnknownSubject => "unknown-subject",
            ClaimsErrorKind::UnreadableUnit => "unreadable-unit",
            ClaimsErrorKind::NoClaims => "no-claims",
        }
    }
}

/// One problem in a claims file, with the span of the bad TOML where there is one.
#[derive(Debug, Clone)]
pub struct ClaimsError {
    pub kind: ClaimsErrorKind,
    pub file: FileId,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.code(), self.message)
    }
}

/// The claims files could not be used: every error, with the files for rendering.
#[derive(Debug)]
pub struct LoadFailure {
    pub sources: Vec<ClaimsSource>,
    pub errors: Vec<ClaimsError>,
}

/// The 1-based line of byte `offset` in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses claims from texts already read: `(display path, text)` pairs.
pub fn parse_claims(files: Vec<(String, String)>) -> Result<ClaimSet, LoadFailure> {
    let sources: Vec<ClaimsSource> = files
        .into_iter()
        .map(|(path, text)| ClaimsSource { path, text })
        .collect();
    let mut errors = Vec::new();
    let mut claims = Vec::new();
    let mut ids = Vec::new();
    let mut subject = None;
    let mut subjects = Vec::new();
    let mut warnings = Vec::new();
    for (i, src) in sources.iter().enumerate() {
        let file = FileId(i);
        match parse::parse_raw(file, &src.text) {
            Ok(raw) => {
                let v = validate::validate_file(file, raw);
                if subject.is_none() {
                    subject = v.subject;
                }
                subjects.extend(v.named);
                claims.extend(v.claims);
                ids.extend(v.ids);
                errors.extend(v.errors);
                warnings.extend(v.warnings);
            }
            Err(e) => errors.push(e),
        }
    }
    validate::check_duplicates(&ids, &mut errors, &sources);
    if errors.is_empty() {
        let age_claim = age_claim(&mut claims, subject.as_ref());
        claims.push(own_claim(
            "factlint.suppression",
            "a suppression comment gives its reason and silences something",
            false,
        ));
        let directive_claim = Some(claims.len() - 1);
        claims.push(own_claim(
            "factlint.weekday",
            "the weekday written with a date is the calendar's",
            true,
        ));
        let weekday_claim = Some(claims.len() - 1);
        Ok(ClaimSet {
            sources,
            claims,
            subject,
            subjects,
            warnings,
            age_claim,
            directive_claim,
            weekday_claim,
        })
    } else {
        Err(LoadFailure { sources, errors })
    }
}

/// A claim of factlint's own, declared by no file: its findings are warnings
/// about the document itself (a suppression comment, a weekday), and it has no
/// value, trigger or term to match. `enabled` says whether it makes findings of
/// its own; a configuration may disable it by its id.
fn own_claim(id: &str, statement: &str, enabled: bool) -> Claim {
    Claim {
        id: ClaimId(id.to_string()),
        kind: ClaimKind::Term,
        expected: Expected::Term {
            value: String::new(),
            accept: Vec::new(),
            reject: Vec::new(),
        },
        file: FileId(usize::MAX),
        value_span: 0..0,
        triggers: Vec::new(),
        context: Vec::new(),
        units: Vec::new(),
        parts: Vec::new(),
        filler: FillerSide::Auto,
        source: None,
        statement: Some(statement.to_string()),
        severity: Severity::Warning,
        scope: model::ClaimScope::Any,
        enabled,
        open: false,
        answers: Vec::new(),
        examples: model::Examples::default(),
    }
}

/// The claim ages are checked against: the date claim whose value is the subject's
/// birth date, or a claim `subject.born` made from `[subject] born`.
fn age_claim(claims: &mut Vec<Claim>, subject: Option<&Subject>) -> Option<usize> {
    let subject = subject?;
    let born = subject.born?;
    if let Some(i) = claims
        .iter()
        .position(|c| matches!(&c.expected, Expected::Date { value, .. } if *value == born))
    {
        return Some(i);
    }
    let (file, span) = subject.born_at.clone()?;
    claims.push(Claim {
        id: ClaimId("subject.born".to_string()),
        kind: ClaimKind::Date,
        expected: Expected::Date {
            value: born,
            accept: Vec::new(),
            until: None,
            accept_periods: Vec::new(),
        },
        file,
        value_span: span,
        triggers: Vec::new(),
        context: Vec::new(),
        units: Vec::new(),
        parts: Vec::new(),
        filler: FillerSide::Auto,
        source: None,
        statement: Some(format!("{} was born on {born}", subject.name)),
        severity: Severity::Error,
        scope: model::ClaimScope::FileSubject,
        enabled: true,
        open: false,
        answers: Vec::new(),
        examples: model::Examples::default(),
    });
    Some(claims.len() - 1)
}

/// Reads and parses the claims files at `paths`.
pub fn load_claims(paths: &[impl AsRef<Path>]) -> Result<ClaimSet, LoadFailure> {
    let mut files = Vec::new();
    let mut io_errors = Vec::new();
    for p in paths {
        let p = p.as_ref();
        let display = crate::walk::display_path(p);
        match std::fs::read_to_string(p) {
            Ok(text) => files.push((display, text)),
            Err(e) => io_errors.push((display, e.to_string())),
        }
    }
    if !io_errors.is_empty() {
        let mut sources = Vec::new();
        let errors = io_errors
            .into_iter()
            .map(|(path, e)| {
                sources.push(ClaimsSource {
                    path: path.clone(),
                    text: String::new(),
                });
                ClaimsError {
                    kind: ClaimsErrorKind::Io,
                    file: FileId(sources.len() - 1),
                    span: None,
                    message: format!("cannot read claims file {path}: {e}"),
                }
            })
            .collect();
        return Err(LoadFailure { sources, errors });
    }
    parse_claims(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(toml: &str) -> Vec<(&'static str, String)> {
        match parse_claims(vec![("c.toml".into(), toml.into())]) {
            Ok(_) => Vec::new(),
            Err(f) => f
                .errors
                .iter()
                .map(|e| {
                    let span = e.span.clone().unwrap_or(0..0);
                    (e.kind.code(), toml[span].to_string())
                })
                .collect(),
        }
    }

    #[test]
    fn parses_a_valid_file_with_spans() {
        let toml = "[subject]\nname = \"Leon Trotsky\"\nborn = \"1879-11-07\"\n\n[[claim]]\nid = \"death.weapon\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n";
        let set = parse_claims(vec![("c.toml".into(), toml.into())]).unwrap();
        let c = &set.claims[0];
        assert_eq!(&toml[c.value_span.clone()], "\"ice axe\"");
        assert_eq!(c.severity, Severity::Error);
        assert_eq!(
            set.subject.unwrap().born.unwrap().to_string(),
            "7 November 1879"
        );
    }

    #[test]
    fn every_error_points_at_its_field() {
        let toml = r#"
[[claim]]
id = "a"
kind = "term"
value = "x"

[[claim]]
id = "a"
kind = "date"
value = "1917-13-01"
triggers = ['(unclosed']

[[claim]]
id = "n"
kind = "number"
value = 20

[[claim]]
id = "k"
kind = "colour"
value = "red"
severity = "fatal"
"#;
        assert_eq!(
            errors(toml),
            vec![
                ("missing-reject", "\"x\"".to_string()),
                ("invalid-regex", "'(unclosed'".to_string()),
                ("invalid-date", "\"1917-13-01\"".to_string()),
                ("missing-triggers", "\"n\"".to_string()),
                ("unknown-kind", "\"colour\"".to_string()),
                ("unknown-severity", "\"fatal\"".to_string()),
                ("duplicate-id", "\"a\"".to_string()),
            ]
        );
    }

    #[test]
    fn unknown_fields_and_syntax_errors_have_spans() {
        let e = errors(
            "[[claim]]\nid = \"a\"\nkind = \"term\"\nvalue = \"x\"\nreject = [\"y\"]\ncolour = 1\n",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, "unknown-field");
        assert_eq!(e[0].1, "colour");
        let e = errors("[[claim]\nid = 1");
        assert_eq!(e[0].0, "syntax");
    }
}
