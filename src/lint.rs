//! A whole run: files to findings, in parallel, in a stable order.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::check::{CheckOptions, Finding, agrees, check_assertion};
use crate::claims::ClaimSet;
use crate::claims::Severity;
use crate::document::Document;
use crate::document::lines::LineIndex;
use crate::document::markup::Markup;
use crate::report::FileResult;
use crate::scan::subject::SubjectMatcher;
use crate::scan::{Assertion, AssertionMode, Observed};
use crate::scan::{Matcher, scan_for_findings, scan_start_for_findings};
use crate::walk::display_path;

pub mod parts;
pub mod pieces;
pub mod read;
pub mod tasks;

pub use read::{MAX_FILE_SIZE, MaxFileSize, read_text};

/// Why one file was not checked; the run goes on without it.
#[derive(Debug)]
pub struct FileError {
    pub path: String,
    pub message: String,
    /// Binary files met while walking a directory are skipped silently.
    pub quiet: bool,
}

/// Every finding of one document, sorted by position and claim id, with the
/// default options.
pub fn lint_document(doc: &Document, claims: &ClaimSet, matcher: &Matcher) -> Vec<Finding> {
    lint_document_with(doc, claims, matcher, &CheckOptions::default())
}

/// Every finding of one document, sorted by position and claim id.
pub fn lint_document_with(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Vec<Finding> {
    let variant = matcher.for_document(doc, claims);
    let matcher = variant.as_deref().unwrap_or(matcher);
    let assertions = scan_for_findings(doc, claims, matcher);
    lint_assertions(doc, claims, matcher, &assertions, options)
}

/// [`lint_document_with`] of a document made of the start of a text, for the
/// findings of its first units ([`scan_start_for_findings`]): `None` where the
/// scan read the document as a whole.
pub fn lint_start_with(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Option<Vec<Finding>> {
    let variant = matcher.for_document(doc, claims);
    let matcher = variant.as_deref().unwrap_or(matcher);
    let assertions = scan_start_for_findings(doc, claims, matcher)?;
    Some(lint_assertions(doc, claims, matcher, &assertions, options))
}

/// The findings of a document's scanned assertions, sorted by position and claim
/// id; an open claim (one with no value) has none.
pub fn lint_assertions(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
    assertions: &[Assertion],
    options: &CheckOptions,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    // Which findings check a birth date through an age, and the spans of the others.
    let mut is_age = Vec::new();
    let mut others = Vec::new();
    let mut wrong = Vec::new();
    let mut unnamed = Unnamed::default();
    for (i, a) in assertions.iter().enumerate() {
        if claims.claims[a.claim].open {
            continue;
        }
        if let Some(mut f) = check_assertion(doc, &claims.claims[a.claim], a, options) {
            wrong.push(i);
            soften_unnamed(doc, claims, matcher, assertions, a, &mut f, &mut unnamed);
            let age = matches!(a.observed, Observed::Age { .. });
            if !age {
                others.push(f.span.clone());
            }
            is_age.push(age);
            findings.push(f);
        }
    }
    // An age a claim states itself ("died aged 66") is reported by that claim
    // alone, not a second time as a wrong birth date.
    let mut age = is_age.into_iter();
    // A number restating a wrong one in another unit is the same statement.
    let mut restated =
        crate::units::statement::restated_wrong(assertions, &wrong, |n| n.converted).into_iter();
    findings.retain(|f| {
        let (age, restated) = (age.next() == Some(true), restated.next() == Some(true));
        !(restated || (age && others.contains(&f.span)))
    });
    findings.sort_by(|a, b| {
        (a.span.start, &claims.claims[a.claim].id, a.span.end).cmp(&(
            b.span.start,
            &claims.claims[b.claim].id,
            b.span.end,
        ))
    });
    // One finding per wrong span and claim.
    findings.dedup_by(|a, b| a.span == b.span && a.claim == b.claim);
    let problems = crate::suppress::apply(doc, claims, &mut findings, claims.directive_claim);
    if !problems.is_empty() {
        findings.extend(problems);
        findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
    findings
}

/// What [`soften_unnamed`] learns of a document, kept across its findings: per
/// subject and sentence, whether the sentence names the subject, whether it has
/// one of its pronouns, and whether a pronoun there is cut off from its
/// antecedent; per claim, whether a sentence naming the subject confirms it.
/// Each is read once, so a paragraph of many pronoun sentences costs no more
/// than its sentences.
#[derive(Default)]
struct Unnamed {
    names: std::collections::HashMap<(usize, usize), bool>,
    words: std::collections::HashMap<(usize, usize), bool>,
    /// Walking back from a sentence (itself included) through sentences with a
    /// pronoun and no naming: whether one without either comes first.
    walk: std::collections::HashMap<(usize, usize), bool>,
    confirmed: std::collections::HashMap<usize, bool>,
}

/// A date or number stated of "he", where the document states the claimed value
/// elsewhere with the subject named, is more likely about someone else than a
/// contradiction: it becomes a note.
fn soften_unnamed(
    doc: &Document,
    claims: &ClaimSet,
    matcher: &Matcher,
    assertions: &[Assertion],
    a: &Assertion,
    f: &mut Finding,
    seen: &mut Unnamed,
) {
    if a.mode != AssertionMode::Asserted || matches!(a.observed, Observed::Term(_)) {
        return;
    }
    let Some(k) = matcher.claim_subject(a.claim) else {
        return;
    };
    let view = SubjectView {
        doc,
        subject: &matcher.subjects()[k],
        k,
    };
    if view.names(seen, a.sentence) || !view.has_pronoun(seen, a.sentence) {
        return;
    }
    if !view.cut_off(seen, a.sentence) || !view.confirmed(seen, claims, assertions, a.claim) {
        return;
    }
    f.severity = f.severity.min(Severity::Note);
    f.remark = Some(
        "the sentence does not name the subject, and the document states the claimed value where it does: this may be about someone else".to_string(),
    );
}

/// A document's sentences as [`soften_unnamed`] reads them for one subject
/// (the `k`th of the matcher), each answer kept in [`Unnamed`].
struct SubjectView<'a> {
    doc: &'a Document,
    subject: &'a SubjectMatcher,
    k: usize,
}

impl SubjectView<'_> {
    /// The folded text of sentence `si`.
    fn text(&self, si: usize) -> &str {
        let fr = self
            .doc
            .folded
            .folded_range(self.doc.sentences[si].range.clone());
        &self.doc.folded.text[fr]
    }

    /// Whether sentence `si` names the subject.
    fn names(&self, seen: &mut Unnamed, si: usize) -> bool {
        *seen
            .names
            .entry((self.k, si))
            .or_insert_with(|| self.subject.named(self.text(si)))
    }

    /// Whether sentence `si` has one of the subject's pronouns.
    fn has_pronoun(&self, seen: &mut Unnamed, si: usize) -> bool {
        *seen.words.entry((self.k, si)).or_insert_with(|| {
            self.text(si)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| self.subject.is_pronoun(w))
        })
    }

    /// Whether the pronoun of sentence `si` is cut off from its antecedent: a
    /// sentence between it and the last naming of the subject, in the same
    /// paragraph, speaks of neither ("… suggested me to provide all sources. He
    /// died there in February 1938").
    fn cut_off(&self, seen: &mut Unnamed, si: usize) -> bool {
        let sentences = &self.doc.sentences;
        let paragraph = sentences[si].paragraph;
        // The sentences walked back over, each with a pronoun and no naming,
        // until one decides (or one already walked from).
        let mut path = Vec::new();
        let mut at = si;
        let cut_off = loop {
            if at == 0 || sentences[at - 1].paragraph != paragraph {
                break false;
            }
            at -= 1;
            if let Some(&known) = seen.walk.get(&(self.k, at)) {
                break known;
            }
            if self.names(seen, at) {
                break false;
            }
            if !self.has_pronoun(seen, at) {
                break true;
            }
            path.push(at);
        };
        for at in path {
            seen.walk.insert((self.k, at), cut_off);
        }
        cut_off
    }

    /// Whether a sentence naming the subject asserts the claimed value of `claim`.
    fn confirmed(
        &self,
        seen: &mut Unnamed,
        claims: &ClaimSet,
        assertions: &[Assertion],
        claim: usize,
    ) -> bool {
        if let Some(&known) = seen.confirmed.get(&claim) {
            return known;
        }
        let known = assertions.iter().any(|b| {
            b.claim == claim
                && b.mode == AssertionMode::Asserted
                && self.names(seen, b.sentence)
                && agrees(b, &claims.claims[b.claim], self.doc) == Some(true)
        });
        seen.confirmed.insert(claim, known);
        known
    }
}

/// Checks `files` in parallel. `named` tells which were named by the user (their
/// problems are never quiet). Results come back in the order of `files`.
pub fn lint_files(
    files: &[PathBuf],
    named: &[PathBuf],
    claims: &ClaimSet,
    matcher: &Matcher,
    stdin_name: Option<&str>,
    options: &CheckOptions,
    progress: &(dyn Fn() + Sync),
) -> (Vec<FileResult>, Vec<FileError>) {
    let outcomes: Vec<Result<FileResult, FileError>> = files
        .par_iter()
        .map(|path| {
            progress();
            let file = File {
                path,
                named: named.contains(path),
                stdin_name,
            };
            contained(&file.shown(), || {
                check_file(&file, claims, matcher, options)
            })
        })
        .collect();
    split_outcomes(outcomes)
}

/// Runs the check of one file, `shown`; a panic in it (a bug) becomes the file's
/// error, and the rest of the run goes on.
pub fn contained<T>(
    shown: &str,
    check: impl FnOnce() -> Result<T, FileError>,
) -> Result<T, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        Err(FileError {
            path: shown.to_string(),
            message: format!(
                "internal error ({what}); this is a bug in factlint: please report it with this file"
            ),
            quiet: false,
        })
    })
}

/// One file to check, as the run names it.
#[derive(Debug, Clone, Copy)]
pub struct File<'a> {
    pub path: &'a Path,
    /// Named by the user: its problems are never quiet.
    pub named: bool,
    /// The name standard input (`-`) is reported as, where given.
    pub stdin_name: Option<&'a str>,
}

impl File<'_> {
    /// The path as reports show it.
    pub fn shown(&self) -> String {
        match (self.path == Path::new("-"), self.stdin_name) {
            (true, Some(name)) => name.to_string(),
            _ => display_path(self.path),
        }
    }
}

/// Reads and checks one file: its findings, with its text and line index where
/// it has any (a file with none keeps nothing for the report). A big plain-text
/// file is checked in parts ([`parts`]).
pub fn check_file(
    file: &File<'_>,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> Result<FileResult, FileError> {
    let text = read_text(file.path, file.named, options.max_file_size)?;
    let from_stdin = file.path == Path::new("-");
    let mut result = check_text(file.shown(), text, from_stdin, claims, matcher, options);
    if !from_stdin && !result.findings.is_empty() {
        result.file = Some(file.path.to_path_buf());
    }
    Ok(result)
}

/// Checks one text already read (a file's, or an editor's buffer) as the file
/// `shown`: its findings, with its text and line index where it has any.
pub fn check_text(
    shown: String,
    text: String,
    from_stdin: bool,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> FileResult {
    let markup = options.markup.unwrap_or_else(|| Markup::from_path(&shown));
    if parts::by_paragraph(markup, claims, matcher) {
        let findings = if parts::in_parts(markup, text.len(), claims, matcher) {
            let size = parts::PART_SIZE;
            parts::lint_in_parts(&shown, &text, size, claims, matcher, options)
        } else {
            parts::lint_part(&shown, &text, 0..text.len(), claims, matcher, options)
        };
        return kept(shown, from_stdin, text, None, findings);
    }
    // A document the prefilter turns away can make no finding: it is not built.
    let Some(doc) = Document::admitted(shown.clone(), text, markup, Some(matcher)) else {
        return FileResult::empty(shown, from_stdin);
    };
    check_document(doc, from_stdin, claims, matcher, options)
}

/// The findings of one built document, with its text and line index where it
/// has any; the document goes here, before the worker reads its next one.
pub fn check_document(
    doc: Document,
    from_stdin: bool,
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> FileResult {
    let findings = lint_document_with(&doc, claims, matcher, options);
    let path = doc.path.clone();
    let (text, lines) = doc.into_source();
    kept(path, from_stdin, text, Some(lines), findings)
}

/// A file's result, with its text and line index (built here where not given)
/// only where it has findings.
fn kept(
    path: String,
    from_stdin: bool,
    text: String,
    lines: Option<LineIndex>,
    findings: Vec<Finding>,
) -> FileResult {
    if findings.is_empty() {
        return FileResult::empty(path, from_stdin);
    }
    let lines = lines.unwrap_or_else(|| LineIndex::new(&text));
    FileResult {
        path,
        from_stdin,
        file: None,
        text,
        lines,
        findings,
        origin: Default::default(),
    }
}

/// Reads one file (or standard input for `-`, reported as `stdin_name` where
/// given) as a document, with the run's markup or the one its extension implies.
pub fn read_document(
    path: &Path,
    named: bool,
    stdin_name: Option<&str>,
    markup: Option<Markup>,
    limit: MaxFileSize,
) -> Result<Document, FileError> {
    let text = read_text(path, named, limit)?;
    let file = File {
        path,
        named,
        stdin_name,
    };
    let shown = file.shown();
    Ok(match markup {
        Some(markup) => Document::with_markup(shown, text, markup),
        None => Document::new(shown, text),
    })
}

/// The values and the errors of the files' outcomes, each in the files' order.
pub fn split_outcomes<T>(outcomes: Vec<Result<T, FileError>>) -> (Vec<T>, Vec<FileError>) {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for o in outcomes {
        match o {
            Ok(v) => values.push(v),
            Err(e) => errors.push(e),
        }
    }
    (values, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_a_files_check_is_that_files_error() {
        let ok: Result<u8, FileError> = contained("a.txt", || Ok(1));
        assert_eq!(ok.unwrap(), 1);
        let bug: Result<u8, FileError> = contained("docs/b.md", || panic!("index out of range"));
        let e = bug.unwrap_err();
        assert_eq!(e.path, "docs/b.md");
        assert_eq!(
            e.message,
            "internal error (index out of range); this is a bug in factlint: please report it with this file"
        );
        assert!(!e.quiet);
        let formatted: Result<u8, FileError> = contained("c", || panic!("slice {}..{}", 3, 1));
        assert!(
            formatted
                .unwrap_err()
                .message
                .starts_with("internal error (slice 3..1);")
        );
    }
}
