//! Cross-checking: what every source says about each claim, side by side.
//!
//! Each document is scanned as `check` scans it; each statement about a claim
//! becomes a piece of [`Evidence`] with its status (agrees, contradicts, gives a
//! value, negated, hedged, quoted), its sentence and the value it gives. The
//! evidence of one claim in one document is a [`Cell`]; a claim's cells across the
//! documents are its [`Row`], with the counts by status and the values the sources
//! give, grouped where they are equal ([`groups`]). An open claim (one with no
//! value) has no agreement to show until [`consensus`] gives it a working value.

pub mod consensus;
pub mod groups;
pub mod read;
pub mod sources;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::{CheckOptions, agrees, one_line};
use crate::claims::{ClaimSet, Severity};
use crate::document::Document;
use crate::lint::{FileError, lint_assertions, read_document, split_outcomes};
use crate::scan::{Assertion, AssertionMode, Matcher, scan_document};
pub use groups::Group;
pub use read::Value;
pub use sources::{SourceInfo, Sources};

/// Where a document stands on a claim; a cell takes the first of its statements'
/// in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// The document states a value the claims contradict.
    Contradicts,
    /// The document states the claimed value.
    Agrees,
    /// The document states a value for an open claim with no working value.
    States,
    /// The document denies a value.
    Negated,
    /// The document states a value with a hedge ("reportedly").
    Hedged,
    /// The value is in someone else's words.
    Quoted,
    /// The document says nothing of the claim.
    Silent,
}

impl Status {
    /// Every status, in the order of precedence.
    pub const ALL: [Status; 7] = [
        Status::Contradicts,
        Status::Agrees,
        Status::States,
        Status::Negated,
        Status::Hedged,
        Status::Quoted,
        Status::Silent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Contradicts => "contradicts",
            Status::Agrees => "agrees",
            Status::States => "states",
            Status::Negated => "negated",
            Status::Hedged => "hedged",
            Status::Quoted => "quoted",
            Status::Silent => "silent",
        }
    }

    /// The status of one statement by how the document stands behind it, and
    /// whether its value agrees with the claim (`None`: no value to compare).
    fn of(mode: AssertionMode, agrees: Option<bool>) -> Status {
        match mode {
            AssertionMode::Quoted | AssertionMode::QuotedDenial => Status::Quoted,
            AssertionMode::Hedged | AssertionMode::HedgedDenial => Status::Hedged,
            AssertionMode::Negated => Status::Negated,
            _ => match agrees {
                Some(true) => Status::Agrees,
                Some(false) => Status::Contradicts,
                None => Status::States,
            },
        }
    }
}

/// One statement of a document about a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub status: Status,
    pub mode: AssertionMode,
    /// Whether the statement's value agrees with the claim's (`None` for an open
    /// claim); a denial agrees where it denies another value.
    pub agrees: Option<bool>,
    /// The word that set the mode ("reportedly", "not").
    pub cue: Option<String>,
    /// Byte span of the value's words in the file, and the words.
    pub span: Range<usize>,
    pub found: String,
    /// 1-based line and column of the span's start.
    pub line: usize,
    pub column: usize,
    /// Byte span of the sentence in the file, and its text on one line.
    pub sentence: Range<usize>,
    pub sentence_text: String,
    /// Byte span of the value's words in `sentence_text`.
    pub mark: Range<usize>,
    /// The value the statement gives, where one can be read.
    pub value: Option<Value>,
    /// The severity `check` reports the statement at, where it reports it.
    pub severity: Option<Severity>,
}

/// What one document says about one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub document: usize,
    pub status: Status,
    /// Its statements, in document order.
    pub evidence: Vec<Evidence>,
}

/// One claim across the documents.
#[derive(Debug, Clone)]
pub struct Row {
    /// Index of the claim in the claim set.
    pub claim: usize,
    /// The cells of the documents that say something, by document order.
    pub cells: Vec<Cell>,
    /// How many documents are in each status, in [`Status::ALL`] order.
    pub counts: [usize; 7],
    /// The values the documents' own statements give, equal ones grouped, the
    /// weightiest first.
    pub groups: Vec<Group>,
    /// For an open claim with `--consensus`: the verdict of the weighted majority.
    pub consensus: Option<consensus::Verdict>,
}

impl Row {
    /// The number of documents in a status.
    pub fn count(&self, status: Status) -> usize {
        self.counts[Status::ALL.iter().position(|s| *s == status).unwrap_or(6)]
    }

    /// The cell of a document, if it says anything.
    pub fn cell(&self, document: usize) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&document, |c| c.document)
            .ok()
            .map(|i| &self.cells[i])
    }
}

/// The cross-check of a set of documents: a row per claim, a column per document.
#[derive(Debug, Clone)]
pub struct Matrix {
    pub documents: Vec<SourceInfo>,
    pub rows: Vec<Row>,
}

/// Options of a cross-check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub check: CheckOptions,
    /// Settle open claims by the weighted majority.
    pub consensus: Option<consensus::Rule>,
}

/// The statements of one document about each claim (claim index, evidence).
type Column = Vec<(usize, Vec<Evidence>)>;

/// Reads and scans the files in parallel; each document's statements are kept,
/// its text dropped. Files that cannot be read are returned as errors.
pub fn cross_check(
    files: &[PathBuf],
    named: &[PathBuf],
    claims: &ClaimSet,
    matcher: &Matcher,
    sources: &Sources,
    options: &Options,
) -> (Matrix, Vec<FileError>) {
    let outcomes: Vec<Result<(String, Column), FileError>> = files
        .par_iter()
        .map(|path| {
            let doc = read_document(
                path,
                named.contains(path),
                None,
                options.check.markup,
                options.check.max_file_size,
            )?;
            let column = column(&doc, claims, matcher, &options.check);
            Ok((doc.path, column))
        })
        .collect();
    let (columns, errors) = split_outcomes(outcomes);
    (assemble(columns, claims, sources, options), errors)
}

/// The cross-check of documents already read (a test's, or an editor's buffers).
pub fn cross_check_documents(
    docs: &[Document],
    claims: &ClaimSet,
    matcher: &Matcher,
    sources: &Sources,
    options: &Options,
) -> Matrix {
    let columns = docs
        .iter()
        .map(|d| (d.path.clone(), column(d, claims, matcher, &options.check)))
        .collect();
    assemble(columns, claims, sources, options)
}

/// Every statement of a document about each declared, enabled claim.
fn column(doc: &Document, claims: &ClaimSet, matcher: &Matcher, options: &CheckOptions) -> Column {
    let variant = matcher.for_document(doc, claims);
    let matcher = variant.as_deref().unwrap_or(matcher);
    let assertions = scan_document(doc, claims, matcher);
    let severity_at = severities(doc, claims, matcher, &assertions, options);
    let mut out: Column = Vec::new();
    // Where each claim's list is in `out`, and the spans already given.
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut seen: HashSet<(usize, usize, usize)> = HashSet::new();
    for a in &assertions {
        let claim = &claims.claims[a.claim];
        if a.mode == AssertionMode::Counterfactual
            || !claim.enabled
            || !claim.declared(&claims.sources)
        {
            continue;
        }
        let span = doc.source_range(a.span.range());
        let verdict = if claim.open {
            None
        } else {
            match agrees(a, claim, doc) {
                Some(v) => Some(v),
                None => continue,
            }
        };
        let value = read::read(doc, claim, a);
        if claim.open && value.is_none() {
            continue;
        }
        let key = (a.claim, span.start, span.end);
        let severity = severity_at.get(&key).copied();
        let evidence = evidence(doc, a, span, verdict, value, severity);
        if !seen.insert(key) {
            continue;
        }
        match slot.get(&a.claim) {
            Some(&k) => out[k].1.push(evidence),
            None => {
                slot.insert(a.claim, out.len());
                out.push((a.claim, vec![evidence]));
            }
        }
    }
    for (_, list) in &mut out {
        list.sort_by_key(|e| (e.span.start, e.span.end));
    }
    out
}

/// The severity the check gives each (claim, span): the first finding's.
fn severities(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
    assertions: &[Assertion],
    options: &CheckOptions,
) -> HashMap<(usize, usize, usize), Severity> {
    let mut severity_at = HashMap::new();
    for f in lint_assertions(doc, claims, matcher, assertions, options) {
        severity_at
            .entry((f.claim, f.span.start, f.span.end))
            .or_insert(f.severity);
    }
    severity_at
}

/// The evidence of assertion `a` at `span` (of the file as read): where it is,
/// and its sentence on one line with the span marked.
fn evidence(
    doc: &Document,
    a: &Assertion,
    span: Range<usize>,
    verdict: Option<bool>,
    value: Option<Value>,
    severity: Option<Severity>,
) -> Evidence {
    let sentence = doc.source_range(crate::document::sentences::trimmed(
        &doc.text,
        doc.sentences[a.sentence].range.clone(),
    ));
    let (line, column) = doc.lines().position(doc.source(), span.start);
    let mut mark = marked(doc.source(), &sentence, &span);
    let mut sentence_text = one_line(&doc.source()[sentence.clone()]);
    // A sentence resumed after an inserted card is shown whole: the words
    // before the card, an ellipsis, the words after it.
    if let Some(k) = doc.sentences[a.sentence].continues {
        let before = doc.source_range(crate::document::sentences::trimmed(
            &doc.text,
            doc.sentences[k].range.clone(),
        ));
        let head = format!("{} … ", one_line(&doc.source()[before]));
        mark = mark.start + head.len()..mark.end + head.len();
        sentence_text = head + &sentence_text;
    }
    Evidence {
        status: Status::of(a.mode, verdict),
        mode: a.mode,
        agrees: verdict,
        cue: a.cue.clone(),
        found: one_line(&doc.source()[span.clone()]),
        span,
        line: line.0,
        column: column.0,
        mark,
        sentence_text,
        sentence,
        value,
        severity,
    }
}

/// Where `span` falls in the sentence's text on one line ([`one_line`]).
fn marked(source: &str, sentence: &Range<usize>, span: &Range<usize>) -> Range<usize> {
    let (start, end) = (
        span.start.clamp(sentence.start, sentence.end),
        span.end.clamp(sentence.start, sentence.end),
    );
    let raw = &source[sentence.start..start];
    let before = one_line(raw);
    let gap = usize::from(!before.is_empty() && raw.ends_with(char::is_whitespace));
    let words = one_line(&source[start..end]);
    let at = before.len() + gap;
    at..at + words.len()
}

/// The rows of the matrix from the documents' columns.
fn assemble(
    columns: Vec<(String, Column)>,
    claims: &ClaimSet,
    sources: &Sources,
    options: &Options,
) -> Matrix {
    let documents: Vec<SourceInfo> = columns
        .iter()
        .map(|(path, _)| sources.info(Path::new(path)))
        .collect();
    let mut rows: Vec<Row> = claims
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.enabled && c.declared(&claims.sources))
        .map(|(i, _)| Row {
            claim: i,
            cells: Vec::new(),
            counts: [0; 7],
            groups: Vec::new(),
            consensus: None,
        })
        .collect();
    let row_of: HashMap<usize, usize> =
        rows.iter().enumerate().map(|(k, r)| (r.claim, k)).collect();
    for (d, (_, column)) in columns.into_iter().enumerate() {
        for (claim, evidence) in column {
            if let Some(row) = row_of.get(&claim).map(|&k| &mut rows[k]) {
                row.cells.push(Cell {
                    document: d,
                    status: Status::Silent,
                    evidence,
                });
            }
        }
    }
    for row in &mut rows {
        let claim = &claims.claims[row.claim];
        row.groups = groups::group(claim, &row.cells, &documents);
        if claim.open
            && let Some(rule) = &options.consensus
        {
            row.consensus = Some(consensus::decide(&row.groups, &documents, rule));
            consensus::apply(row);
        }
        for cell in &mut row.cells {
            cell.status = cell
                .evidence
                .iter()
                .map(|e| e.status)
                .min()
                .unwrap_or(Status::Silent);
        }
        row.counts = [0; 7];
        for cell in &row.cells {
            row.counts[Status::ALL
                .iter()
                .position(|s| *s == cell.status)
                .unwrap_or(6)] += 1;
        }
        row.counts[6] = documents.len() - row.cells.len();
    }
    Matrix { documents, rows }
}

#[cfg(test)]
mod tests;
