//! The claims model: what a claims file declares, after parsing and validation.

use std::fmt;
use std::ops::Range;

use regex::Regex;

use crate::extract::calendar::{DateValue, Interval};

/// A claim's stable, dotted identifier (`death.weapon`); it names its findings.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId(pub String);

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Index of a claims file in [`ClaimSet::sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// What kind of value a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimKind {
    /// A word or phrase, with known wrong variants.
    Term,
    /// A calendar date at some precision.
    Date,
    /// A quantity, optionally with a unit.
    Number,
}

impl ClaimKind {
    pub fn parse(s: &str) -> Option<ClaimKind> {
        match s {
            "term" => Some(ClaimKind::Term),
            "date" => Some(ClaimKind::Date),
            "number" => Some(ClaimKind::Number),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Term => "term",
            ClaimKind::Date => "date",
            ClaimKind::Number => "number",
        }
    }
}

/// How serious a finding is; error-severity findings fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "note" => Some(Severity::Note),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One claims file as read: its path (for reports) and its text (for spans).
#[derive(Debug, Clone)]
pub struct ClaimsSource {
    pub path: String,
    pub text: String,
}

/// Whom the claims are about: a claim applies to sentences about its subject.
#[derive(Debug, Clone, Default)]
pub struct Subject {
    pub name: String,
    pub aliases: Vec<String>,
    /// Birth date, for checking stated ages.
    pub born: Option<DateValue>,
    /// The pronouns that refer to the subject (default: he, him, his, himself).
    pub pronouns: Vec<String>,
    /// Where `born` is declared, for diagnostics.
    pub born_at: Option<(FileId, Range<usize>)>,
}

/// The canonical value of a claim, by kind.
#[derive(Debug, Clone)]
pub enum Expected {
    Term {
        value: String,
        accept: Vec<String>,
        reject: Vec<String>,
    },
    Date {
        value: DateValue,
        accept: Vec<DateValue>,
    },
    Number {
        value: f64,
        accept: Vec<f64>,
        /// A stated number within `tolerance` of the value agrees.
        tolerance: f64,
        /// Where sources legitimately vary: every number in `min..=max` agrees.
        min: Option<f64>,
        max: Option<f64>,
    },
}

impl Expected {
    /// Every interval of days that the claim accepts (date claims only).
    pub fn date_intervals(&self) -> Vec<Interval> {
        match self {
            Expected::Date { value, accept } => std::iter::once(value)
                .chain(accept)
                .map(DateValue::interval)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The canonical value as text.
    pub fn display(&self) -> String {
        match self {
            Expected::Term { value, .. } => value.clone(),
            Expected::Date { value, .. } => value.to_string(),
            Expected::Number { value, .. } => format_number(*value),
        }
    }
}

/// A number as people write it: no `.0` on whole numbers.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Whom a claim is about, which decides the sentences it applies to.
#[derive(Debug, Clone, Default)]
pub enum ClaimScope {
    /// The file's `[subject]` (every claim, unless it says otherwise).
    #[default]
    FileSubject,
    /// A subject of its own (`[claim.subject]`): a son's death date, Lenin's.
    Own(Subject),
    /// No one in particular (`scope = "any"`): an event such as a congress.
    Any,
}

/// One canonical fact.
#[derive(Debug, Clone)]
pub struct Claim {
    pub id: ClaimId,
    pub kind: ClaimKind,
    pub expected: Expected,
    /// The file that declares it and the span of its `value` there.
    pub file: FileId,
    pub value_span: Range<usize>,
    /// Regexes naming the event; values are looked for near them.
    pub triggers: Vec<Regex>,
    /// Regexes of which the sentence must match one, when not empty.
    pub context: Vec<Regex>,
    pub unit: Option<String>,
    pub source: Option<String>,
    /// A clause completing "the claim that …", for messages.
    pub statement: Option<String>,
    pub severity: Severity,
    pub scope: ClaimScope,
    /// False where the configuration disables the claim.
    pub enabled: bool,
    pub examples: Examples,
}

/// Sentences that document and test a claim (`factlint claims test`).
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Each must produce a finding of the claim.
    pub flag: Vec<String>,
    /// None may produce a finding of the claim.
    pub pass: Vec<String>,
}

/// Every claim of a run, with the files they came from.
#[derive(Debug, Clone, Default)]
pub struct ClaimSet {
    pub sources: Vec<ClaimsSource>,
    pub claims: Vec<Claim>,
    pub subject: Option<Subject>,
    /// The claim stated ages are checked against: the date claim whose value is the
    /// subject's `born` date, or one made from `born` itself (`subject.born`).
    pub age_claim: Option<usize>,
    /// The claim that problems with suppression comments are reported under
    /// (`factlint.suppression`); it is declared by no file.
    pub directive_claim: Option<usize>,
}

impl Claim {
    /// Whether a claims file declares the claim (not one factlint made itself).
    pub fn declared(&self, sources: &[ClaimsSource]) -> bool {
        self.file.0 < sources.len()
    }
}

impl ClaimSet {
    /// The claim with this id.
    pub fn get(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id.0 == id)
    }
}
