//! `check` as a stream: documents read as JSON lines from standard input
//! (`--input jsonl`), and findings written a document at a time (`--format jsonl`),
//! in the order of the documents, while later ones are still being checked.

use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::check::apply_config_severity;
use super::{CheckArgs, ExitStatus, FormatArg, InputArg, complain};
use crate::check::CheckOptions;
use crate::claims::{ClaimSet, Severity};
use crate::config::Config;
use crate::document::Document;
use crate::input::{InputDocument, JsonLines, LineError};
use crate::lint::{FileError, lint_document_with, read_admitted, shown_path};
use crate::report::{FileResult, jsonl};
use crate::scan::Matcher;
use crate::stream::{default_window, ordered_map};

/// Where the documents come from.
pub(super) enum Source<'a> {
    /// The files walked from the paths named (the second slice).
    Files(&'a [PathBuf], &'a [PathBuf]),
    /// JSON lines on standard input.
    JsonLines,
}

/// What is needed to check one document.
pub(super) struct Run<'a> {
    pub args: &'a CheckArgs,
    pub claims: &'a ClaimSet,
    pub matcher: &'a Matcher,
    pub options: &'a CheckOptions,
}

/// One document checked, with the fields its input line passes through; or the
/// problem to report, none where it is quiet.
type Outcome = Result<(FileResult, Option<Map<String, Value>>), Option<String>>;

/// Whether the documents are JSON lines on standard input; `--input jsonl` reads
/// standard input alone, so `-` must be the one path.
pub(super) fn reads_json_lines(args: &CheckArgs) -> Result<bool, ExitStatus> {
    if args.input != Some(InputArg::Jsonl) {
        return Ok(false);
    }
    if args.paths != [Path::new("-")] {
        complain("--input jsonl reads standard input: give `-` as the only path");
        return Err(ExitStatus::Error);
    }
    Ok(true)
}

/// Whether findings can be written as each document is checked: `--format jsonl`,
/// and nothing that needs every document's findings first.
pub(super) fn streams(args: &CheckArgs) -> bool {
    args.format == FormatArg::Jsonl
        && !(args.consensus || args.fix || args.diff)
        && args.baseline.is_none()
        && args.write_baseline.is_none()
        && args.changed_since.is_none()
}

/// Checks the documents and writes their findings as JSON lines, each document's
/// as soon as every earlier one's are written. Exits 1 on an error-severity
/// finding, 2 on a document that could not be read.
pub(super) fn run_streaming(
    run: &Run<'_>,
    source: Source<'_>,
    config: Option<&Config>,
) -> ExitStatus {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut status = ExitStatus::Clean;
    let (mut documents, started) = (0, std::time::Instant::now());
    let sink = |outcome: Outcome| -> bool {
        let (mut result, extra) = match outcome {
            Ok(checked) => checked,
            Err(problem) => {
                if let Some(p) = problem {
                    complain(&p);
                    status = ExitStatus::Error;
                }
                return true;
            }
        };
        documents += 1;
        if let Some(c) = config {
            apply_config_severity(c, run.claims, std::slice::from_mut(&mut result));
        }
        if result
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error)
        {
            status = status.max(ExitStatus::Findings);
        }
        if result.findings.is_empty() {
            return true;
        }
        let written = jsonl::write_file(&mut out, run.claims, &result, extra.as_ref())
            .and_then(|()| out.flush());
        if let Err(e) = written {
            if e.kind() != io::ErrorKind::BrokenPipe {
                complain(&e.to_string());
            }
            status = ExitStatus::Error;
            return false;
        }
        true
    };
    each_outcome(run, source, sink);
    if run.args.verbose {
        complain(&format!(
            "checked {documents} documents in {:.2?}",
            started.elapsed()
        ));
    }
    status
}

/// Every document of the JSON lines on standard input checked, in order, for
/// the formats that need them all; the problems are reported here.
pub(super) fn collect_json_lines(run: &Run<'_>) -> (Vec<FileResult>, ExitStatus) {
    let mut results = Vec::new();
    let mut status = ExitStatus::Clean;
    each_outcome(run, Source::JsonLines, |outcome| {
        match outcome {
            Ok((r, _)) => results.push(r),
            Err(Some(p)) => {
                complain(&p);
                status = ExitStatus::Error;
            }
            Err(None) => {}
        }
        true
    });
    (results, status)
}

/// Checks the source's documents in parallel and hands each outcome to `sink` in
/// the source's order; `sink` answers whether to go on.
fn each_outcome(run: &Run<'_>, source: Source<'_>, sink: impl FnMut(Outcome) -> bool) {
    match source {
        Source::Files(files, named) => ordered_map(
            files.iter(),
            default_window(),
            |path| check_file(run, path, named.contains(path)),
            sink,
        ),
        Source::JsonLines => ordered_map(
            JsonLines::new(BufReader::with_capacity(1 << 16, io::stdin())),
            default_window(),
            |line| check_line(run, line),
            sink,
        ),
    }
}

fn check_file(run: &Run<'_>, path: &Path, named: bool) -> Outcome {
    let stdin_name = run.args.stdin_filename.as_deref();
    let from_stdin = path == Path::new("-");
    match read_admitted(path, named, stdin_name, run.options.markup, run.matcher) {
        Ok(Some(doc)) => Ok((check(run, doc, from_stdin), None)),
        Ok(None) => Ok((
            FileResult::empty(shown_path(path, stdin_name), from_stdin),
            None,
        )),
        Err(FileError { quiet, .. }) if quiet && !run.args.verbose => Err(None),
        Err(e) => Err(Some(format!("{}: {}", e.path, e.message))),
    }
}

fn check_line(run: &Run<'_>, line: Result<InputDocument, LineError>) -> Outcome {
    match line {
        Ok(input) => {
            let (doc, extra) = input.into_document(run.options.markup);
            Ok((check(run, doc, true), Some(extra)))
        }
        Err(e) => Err(Some(format!(
            "standard input, line {}: {}",
            e.line, e.message
        ))),
    }
}

/// The findings of one document, with its text where there are any.
fn check(run: &Run<'_>, doc: Document, from_stdin: bool) -> FileResult {
    let findings = lint_document_with(&doc, run.claims, run.matcher, run.options);
    let path = doc.path.clone();
    let (text, lines) = doc.into_source();
    FileResult {
        path,
        from_stdin,
        text: if findings.is_empty() {
            String::new()
        } else {
            text
        },
        lines,
        findings,
    }
}
