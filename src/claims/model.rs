//! The claims model: what a claims file declares, after parsing and validation.

use std::fmt;
use std::ops::Range;

use crate::claims::pattern::ClaimRegex;
use crate::extract::calendar::{DateValue, Interval};
use crate::extract::number::TimePrecision;

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
    /// A length of time (`3h25m`), compared in seconds with a duration stated in
    /// any unit of time.
    Duration,
    /// Who or what fills a role of an event (the pilot, the weapon, the place of
    /// death): any other filler contradicts.
    Role,
    /// That an event did or did not happen ("she never remarried").
    Event,
    /// A time of day, in a zone, maybe on a date ("exploded at 01:23").
    Time,
}

impl ClaimKind {
    pub fn parse(s: &str) -> Option<ClaimKind> {
        match s {
            "term" => Some(ClaimKind::Term),
            "date" => Some(ClaimKind::Date),
            "number" => Some(ClaimKind::Number),
            "duration" => Some(ClaimKind::Duration),
            "role" => Some(ClaimKind::Role),
            "event" => Some(ClaimKind::Event),
            "time" => Some(ClaimKind::Time),
            _ => None,
        }
    }

    /// The kind whose checker reads this kind's values: a duration is a number
    /// in a unit of time.
    pub fn checked_as(self) -> ClaimKind {
        match self {
            ClaimKind::Duration => ClaimKind::Number,
            k => k,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Term => "term",
            ClaimKind::Date => "date",
            ClaimKind::Number => "number",
            ClaimKind::Duration => "duration",
            ClaimKind::Role => "role",
            ClaimKind::Event => "event",
            ClaimKind::Time => "time",
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

/// What sort of thing a subject is: it decides its default pronouns and which
/// other names and nouns in a sentence are someone (or something) else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SubjectKind {
    /// One person (default): another person's name is someone else.
    #[default]
    Person,
    /// Several people ("the Wright brothers", "the Curies"): they, their; a
    /// member's name speaks of the group.
    Group,
    /// A machine, a ship, a building, a work: it, its; another thing of its kind
    /// ("another reactor", "the 1902 glider") or one of its parts named as the
    /// actor ("the engine weighed") is something else.
    Thing,
    /// A town, a region, a site: it, its.
    Place,
    /// An accident, a flight, a mission, a battle: it, its; people, places and
    /// things take part in it, and only another event of its kind ("the fourth
    /// flight") is something else.
    Event,
}

impl SubjectKind {
    pub fn parse(s: &str) -> Option<SubjectKind> {
        match s {
            "person" => Some(SubjectKind::Person),
            "group" => Some(SubjectKind::Group),
            "thing" => Some(SubjectKind::Thing),
            "place" => Some(SubjectKind::Place),
            "event" => Some(SubjectKind::Event),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Person => "person",
            SubjectKind::Group => "group",
            SubjectKind::Thing => "thing",
            SubjectKind::Place => "place",
            SubjectKind::Event => "event",
        }
    }

    /// The pronouns a subject of this kind is referred to by, unless the claims
    /// say otherwise.
    pub fn default_pronouns(self) -> &'static [&'static str] {
        match self {
            SubjectKind::Person => &["he", "him", "his", "himself"],
            SubjectKind::Group => &["they", "them", "their", "theirs", "themselves"],
            SubjectKind::Thing | SubjectKind::Place | SubjectKind::Event => {
                &["it", "its", "itself"]
            }
        }
    }

    /// A person's pronouns where a page speaks of the person as a woman, and the
    /// claims give none.
    pub const FEMININE: &'static [&'static str] = &["she", "her", "hers", "herself"];
}

/// Whom the claims are about: a claim applies to sentences about its subject.
#[derive(Debug, Clone, Default)]
pub struct Subject {
    /// The key of a named subject (`[subjects.flyer]`), if it has one.
    pub id: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: SubjectKind,
    /// Common nouns that name the subject with "the" ("the aircraft", "the
    /// accident"); with another number or ordinal they name another of its kind.
    pub nouns: Vec<String>,
    /// For a group: the names of its members.
    pub members: Vec<String>,
    /// Birth date, for checking stated ages.
    pub born: Option<DateValue>,
    /// The pronouns that refer to the subject (default: by its kind).
    pub pronouns: Vec<String>,
    /// A person whose claims give no `pronouns`: "he, him, his" stand in, and a
    /// page that speaks of the person as "she" is read with "she, her".
    pub pronouns_inferred: bool,
    /// Where `born` is declared, for diagnostics.
    pub born_at: Option<(FileId, Range<usize>)>,
}

/// The canonical value of a claim, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Term {
        value: String,
        accept: Vec<String>,
        reject: Vec<String>,
    },
    Date {
        value: DateValue,
        accept: Vec<DateValue>,
        /// Where the value is a period (`"1921-03/1921-09"`): its last date, and
        /// `value` its first.
        until: Option<DateValue>,
        /// The accepted periods (`accept = ["1921-02/1921-10"]`): first and last date.
        accept_periods: Vec<(DateValue, DateValue)>,
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
    /// A duration, in seconds; the fields are a number's.
    Duration {
        value: f64,
        accept: Vec<f64>,
        tolerance: f64,
        min: Option<f64>,
        max: Option<f64>,
        /// The seconds of the value's smallest unit (`3h25m`: 60): its rounding.
        step: f64,
    },
    /// The filler of a role: the value or an accepted form agrees, any other
    /// name or noun phrase contradicts.
    Role {
        value: String,
        accept: Vec<String>,
        /// Known wrong fillers (optional: any other filler is wrong anyway).
        reject: Vec<String>,
    },
    /// Whether the event happened (`false`: "she never remarried").
    Event { happened: bool },
    /// A time of day: the value or an accepted one, within `tolerance`, or any
    /// time in `min..=max`, agrees once a stated zone is converted to the claim's.
    Time(Box<TimeClaim>),
}

/// A time of day as a claim states it: seconds after midnight at a precision,
/// maybe on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockValue {
    pub seconds: u32,
    pub precision: TimePrecision,
    pub date: Option<DateValue>,
}

impl fmt::Display for ClockValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(d) = self.date {
            let (m, day) = (d.month.unwrap_or(1), d.day.unwrap_or(1));
            write!(f, "{:04}-{m:02}-{day:02}T", d.year)?;
        }
        let (h, m, s) = (
            self.seconds / 3600,
            self.seconds / 60 % 60,
            self.seconds % 60,
        );
        match self.precision {
            TimePrecision::Second => write!(f, "{h:02}:{m:02}:{s:02}"),
            _ => write!(f, "{h:02}:{m:02}"),
        }
    }
}

/// What a `time` claim declares.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeClaim {
    pub value: ClockValue,
    pub accept: Vec<ClockValue>,
    /// The claim's zone: its offsets from UTC in minutes (two where a name covers
    /// standard and summer time); empty where the claim gives none, and a stated
    /// zone cannot be converted.
    pub zone: Vec<i32>,
    /// The zone as the claim writes it, for messages.
    pub zone_name: Option<String>,
    /// Seconds either side of a value that agree.
    pub tolerance: u32,
    /// Where sources vary: every time in `min..=max` agrees.
    pub min: Option<ClockValue>,
    pub max: Option<ClockValue>,
    /// The zones the claims file names (`[zones]`), folded, with their offsets.
    pub zones: Vec<(String, Vec<i32>)>,
}

/// The days from the first of `from` to the last of `to`.
fn span_of(from: &DateValue, to: &DateValue) -> Interval {
    Interval {
        start: from.interval().start,
        end: to.interval().end,
    }
}

impl Expected {
    /// The periods a date claim gives (its value where it is one, then its
    /// accepted periods), each from the first day of its first date to the last
    /// of its last.
    pub fn periods(&self) -> Vec<Interval> {
        match self {
            Expected::Date {
                value,
                until,
                accept_periods,
                ..
            } => until
                .iter()
                .map(|end| span_of(value, end))
                .chain(accept_periods.iter().map(|(a, b)| span_of(a, b)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Every interval of days that the claim accepts (date claims only).
    pub fn date_intervals(&self) -> Vec<Interval> {
        match self {
            Expected::Date {
                value,
                accept,
                until,
                ..
            } => std::iter::once(match until {
                Some(end) => span_of(value, end),
                None => value.interval(),
            })
            .chain(accept.iter().map(DateValue::interval))
            .chain(
                self.periods()
                    .into_iter()
                    .skip(usize::from(until.is_some())),
            )
            .collect(),
            _ => Vec::new(),
        }
    }

    /// The canonical value as text.
    pub fn display(&self) -> String {
        match self {
            Expected::Term { value, .. } => value.clone(),
            Expected::Date {
                value,
                until: Some(end),
                ..
            } => format!("{value} to {end}"),
            Expected::Date { value, .. } => value.to_string(),
            Expected::Number { value, .. } => format_number(*value),
            Expected::Duration { value, .. } => crate::units::duration::format(*value),
            Expected::Role { value, .. } => value.clone(),
            Expected::Time(t) => match &t.zone_name {
                Some(z) => format!("{} {z}", t.value),
                None => t.value.to_string(),
            },
            Expected::Event { happened } => {
                if *happened {
                    "happened".to_string()
                } else {
                    "never happened".to_string()
                }
            }
        }
    }
}

impl TimeClaim {
    /// The offsets of a zone name of the claims file (`ship's time`), folded.
    pub fn named_zone(&self, name: &str) -> Option<&[i32]> {
        self.zones
            .iter()
            .find(|(n, _)| zone_key(n) == zone_key(name))
            .map(|(_, o)| o.as_slice())
    }
}

/// A zone name as compared: folded, without a final ` time`.
pub fn zone_key(name: &str) -> &str {
    name.strip_suffix(" time").unwrap_or(name)
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
    /// A subject of its own (`subject = { … }` or a named `[subjects.<id>]`): a
    /// son's death date, the aircraft's weight.
    Own(Subject),
    /// No one in particular (`scope = "any"`): an event such as a congress.
    Any,
}

/// Where the filler of a role stands, seen from the trigger that names the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FillerSide {
    /// Decided by each match: after a trigger ending in a preposition or a form
    /// of "be" ("led by", "born in", "the weapon was"), else before it.
    #[default]
    Auto,
    /// The actor of the trigger's clause ("Orville won the toss").
    Before,
    /// The noun phrase after the trigger ("killed with an ice axe").
    After,
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
    /// Regexes naming the event; values are looked for near them. Each is
    /// compiled on its first use.
    pub triggers: Vec<ClaimRegex>,
    /// Regexes of which the sentence must match one, when not empty; compiled on
    /// first use.
    pub context: Vec<ClaimRegex>,
    /// Number claims: the units a stated number may carry (any of them; none:
    /// any number). Folded to lowercase. A duration claim's unit is `second`.
    pub units: Vec<String>,
    /// Number claims: the parts the total is the sum of, each the noun one part
    /// counts (`["passengers", "crew"]`), folded to lowercase; a list giving a
    /// count of every part ("310 passengers and 12 crew") states their sum.
    pub parts: Vec<String>,
    /// Role claims: where the filler stands.
    pub filler: FillerSide,
    pub source: Option<String>,
    /// A clause completing "the claim that …", for messages.
    pub statement: Option<String>,
    pub severity: Severity,
    pub scope: ClaimScope,
    /// False where the configuration disables the claim.
    pub enabled: bool,
    /// An open question: the claim gives no `value`, and `expected` holds a
    /// placeholder that nothing compares against. `check` reports nothing for it;
    /// `cross-check` reads the value each source gives.
    pub open: bool,
    /// An open claim's answers (`accept = [["ice axe", "piolet"], "ice pick"]`):
    /// the values read from sources are grouped by them.
    pub answers: Vec<Answer>,
    pub examples: Examples,
}

/// One answer of an open claim: its name and every form of it, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub name: String,
    pub forms: Vec<String>,
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
    /// The named subjects of `[subjects.<id>]` tables, in declaration order.
    pub subjects: Vec<Subject>,
    /// Problems in the claims files that do not stop a run, each at its span.
    pub warnings: Vec<super::ClaimsError>,
    /// The claim stated ages are checked against: the date claim whose value is the
    /// subject's `born` date, or one made from `born` itself (`subject.born`).
    pub age_claim: Option<usize>,
    /// The claim that problems with suppression comments are reported under
    /// (`factlint.suppression`); it is declared by no file.
    pub directive_claim: Option<usize>,
    /// The claim that weekdays the calendar contradicts are reported under
    /// (`factlint.weekday`: "Wednesday, 30 May 1912", a Thursday); it is declared
    /// by no file and needs no claim of one.
    pub weekday_claim: Option<usize>,
}

impl Claim {
    /// The value as text; an open claim's is `open question`.
    pub fn value_text(&self) -> String {
        if self.open {
            "open question".to_string()
        } else {
            self.expected.display()
        }
    }

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
