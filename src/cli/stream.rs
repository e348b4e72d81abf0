//! `check` as a stream: documents read as JSON lines from standard input
//! (`--input jsonl`), and findings written a document at a time (`--format jsonl`),
//! in the order of the documents, while later ones are still being checked.

use std::io::{self, BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use codespan_reporting::term::termcolor::{Buffer, BufferWriter, ColorChoice};
use serde_json::{Map, Value};

use super::check::apply_config_severity;
use super::{CheckArgs, ExitStatus, FormatArg, InputArg, color_choice, complain};
use crate::check::CheckOptions;
use crate::claims::ClaimSet;
use crate::config::Config;
use crate::input::{InputDocument, JsonLines, LineError};
use crate::lint::tasks::{Pieces, Task, tasks};
use crate::lint::{self, File, FileError};
use crate::report::diagnostic::FindingWriter;
use crate::report::{FileResult, Summary, jsonl};
use crate::scan::Matcher;
use crate::stream::{default_window, ordered_map};
use crate::walk::display_path;

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

/// One document, or one piece of a big file, checked; or the problem to report,
/// none where it is quiet.
type Outcome = Result<Checked, Option<String>>;

/// What checking one document or piece gives.
struct Checked {
    result: FileResult,
    /// The fields its input line passes through.
    extra: Option<Map<String, Value>>,
    /// Whether it ends its file (a file is counted once, with its last piece).
    ends_file: bool,
}

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
/// `short` or `human`, and nothing that needs every document's findings first.
pub(super) fn streams(args: &CheckArgs) -> bool {
    matches!(
        args.format,
        FormatArg::Jsonl | FormatArg::Short | FormatArg::Human
    ) && !(args.consensus || args.fix || args.diff)
        && args.baseline.is_none()
        && args.write_baseline.is_none()
        && args.changed_since.is_none()
}

/// One document checked and its report written, waiting for its turn to be
/// printed; the document itself is gone.
struct Written {
    counts: Summary,
    report: Buffer,
}

/// Checks the documents and writes their findings, each document's in the worker
/// that checked it and printed as soon as every earlier one's are; then, in the
/// human format, the summary line. Exits 1 on an error-severity finding, 2 on a
/// document that could not be read.
pub(super) fn run_streaming(
    run: &Run<'_>,
    source: Source<'_>,
    config: Option<&Config>,
) -> ExitStatus {
    let color = match run.args.format {
        FormatArg::Human => color_choice(run.args.color, io::stdout().is_terminal()),
        _ => ColorChoice::Never,
    };
    let stdout = BufferWriter::stdout(color);
    let writers = Mutex::new(Vec::new());
    let finish = |outcome: Outcome| -> Result<Written, Option<String>> {
        let Checked {
            mut result,
            extra,
            ends_file,
        } = outcome?;
        if let Some(c) = config {
            apply_config_severity(c, run.claims, std::slice::from_mut(&mut result));
        }
        let mut counts = Summary {
            files: usize::from(ends_file),
            ..Summary::default()
        };
        counts.count(&result.findings);
        let mut report = stdout.buffer();
        if !result.findings.is_empty() {
            // A failed write to memory cannot happen; a failed print is reported.
            let _ = write_file(run, &writers, &mut report, &result, extra.as_ref());
        }
        Ok(Written { counts, report })
    };
    let started = std::time::Instant::now();
    let human = run.args.format != FormatArg::Jsonl;
    if let (true, true, Source::Files(files, _)) = (human, run.args.verbose, &source) {
        for f in *files {
            complain(&format!("checking {}", display_path(f)));
        }
    }
    let mut printer = Printer {
        bar: progress_bar(run, &source),
        stdout: &stdout,
        status: ExitStatus::Clean,
        summary: Summary::default(),
        printing: true,
    };
    each_outcome(run, source, finish, |w| printer.take(w));
    let (status, summary) = printer.finish(run.args.format == FormatArg::Human && !run.args.quiet);
    if run.args.verbose && human {
        complain(&format!(
            "checked {} files against {} claims in {:.2?}",
            summary.files,
            run.claims.claims.iter().filter(|c| c.enabled).count(),
            started.elapsed()
        ));
    } else if run.args.verbose {
        complain(&format!(
            "checked {} documents in {:.2?}",
            summary.files,
            started.elapsed()
        ));
    }
    status
}

/// What prints the written reports in order, and what it has seen.
struct Printer<'o> {
    bar: Option<indicatif::ProgressBar>,
    stdout: &'o BufferWriter,
    status: ExitStatus,
    summary: Summary,
    /// False once a print failed: nothing more is printed.
    printing: bool,
}

impl Printer<'_> {
    /// Prints one document's report, or reports why it has none; answers whether
    /// to go on.
    fn take(&mut self, written: Result<Written, Option<String>>) -> bool {
        let written = match written {
            Ok(w) => w,
            Err(problem) => {
                if let Some(p) = problem {
                    complain(&p);
                    self.status = ExitStatus::Error;
                }
                return true;
            }
        };
        if let Some(b) = &self.bar {
            b.inc(written.counts.files as u64);
        }
        self.summary.add(written.counts);
        if written.report.is_empty() {
            return true;
        }
        self.print(&written.report)
    }

    /// Prints a report; answers whether it was.
    fn print(&mut self, report: &Buffer) -> bool {
        let printed = match &self.bar {
            Some(b) => b.suspend(|| self.stdout.print(report)),
            None => self.stdout.print(report),
        };
        if let Err(e) = printed {
            // A reader that stopped early (`| head -1`) is no error of the run.
            if e.kind() != io::ErrorKind::BrokenPipe {
                complain(&e.to_string());
                self.status = ExitStatus::Error;
            }
            self.printing = false;
        }
        self.printing
    }

    /// Ends the run, with the summary line where `summary_line`: the exit status
    /// and the counts.
    fn finish(mut self, summary_line: bool) -> (ExitStatus, Summary) {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        if self.summary.errors > 0 {
            self.status = self.status.max(ExitStatus::Findings);
        }
        if summary_line && self.printing {
            let mut line = self.stdout.buffer();
            // Writing to memory cannot fail.
            let _ = self.summary.write_line(&mut line);
            self.print(&line);
        }
        (self.status, self.summary)
    }
}

/// Writes the findings of one document in the run's format.
fn write_file<'c>(
    run: &Run<'c>,
    writers: &Mutex<Vec<FindingWriter<'c>>>,
    out: &mut Buffer,
    result: &FileResult,
    extra: Option<&Map<String, Value>>,
) -> io::Result<()> {
    if run.args.format == FormatArg::Jsonl {
        return jsonl::write_file(out, run.claims, result, extra);
    }
    let short = run.args.format == FormatArg::Short;
    let taken = writers.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let mut writer = taken.unwrap_or_else(|| FindingWriter::new(run.claims, short));
    let written = writer.write_file(out, result);
    writers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(writer);
    written
}

/// A progress bar on a terminal, for a long run of files in a human format.
fn progress_bar(run: &Run<'_>, source: &Source<'_>) -> Option<indicatif::ProgressBar> {
    let human = matches!(run.args.format, FormatArg::Human | FormatArg::Short);
    let files = match source {
        Source::Files(files, _) => files.len(),
        Source::JsonLines => 0,
    };
    (human && !run.args.quiet && files > 50 && io::stderr().is_terminal())
        .then(|| super::check::progress_bar(files))
}

/// Every document of the JSON lines on standard input checked, in order, for
/// the formats that need them all; the problems are reported here.
pub(super) fn collect_json_lines(run: &Run<'_>) -> (Vec<FileResult>, ExitStatus) {
    let mut results = Vec::new();
    let mut status = ExitStatus::Clean;
    each_outcome(
        run,
        Source::JsonLines,
        |outcome| outcome,
        |outcome| {
            match outcome {
                Ok(checked) => results.push(checked.result),
                Err(Some(p)) => {
                    complain(&p);
                    status = ExitStatus::Error;
                }
                Err(None) => {}
            }
            true
        },
    );
    (results, status)
}

/// Checks the source's documents in parallel, turns each outcome into what
/// `finish` makes of it in the worker, and hands that to `sink` in the source's
/// order; `sink` answers whether to go on.
fn each_outcome<R: Send>(
    run: &Run<'_>,
    source: Source<'_>,
    finish: impl Fn(Outcome) -> R + Sync,
    mut sink: impl FnMut(R) -> bool + Send,
) {
    match source {
        Source::Files(files, named) => {
            let files = files.iter().map(|path| File {
                path,
                named: named.contains(path),
                stdin_name: run.args.stdin_filename.as_deref(),
            });
            let mut tasks = tasks(
                files,
                run.claims,
                run.matcher,
                run.options,
                Pieces::default(),
            );
            let first: Vec<Task<'_>> = tasks.by_ref().take(2).collect();
            if first.len() < 2 {
                // One small file: checked on this thread, with no thread started
                // for it.
                for task in first {
                    sink(finish(check_task(run, task)));
                }
                return;
            }
            ordered_map(
                first.into_iter().chain(tasks),
                default_window(),
                |task| finish(check_task(run, task)),
                sink,
            )
        }
        Source::JsonLines => ordered_map(
            JsonLines::new(
                BufReader::with_capacity(1 << 16, io::stdin()),
                run.options.max_file_size,
            ),
            default_window(),
            |line| finish(check_line(run, line)),
            sink,
        ),
    }
}

/// Checks one file, or one piece of a big file.
fn check_task(run: &Run<'_>, task: Task<'_>) -> Outcome {
    match lint::tasks::check_task(task, run.claims, run.matcher, run.options) {
        Ok((result, ends_file)) => Ok(Checked {
            result,
            extra: None,
            ends_file,
        }),
        Err(FileError { quiet, .. }) if quiet && !run.args.verbose => Err(None),
        Err(e) => Err(Some(format!("{}: {}", e.path, e.message))),
    }
}

fn check_line(run: &Run<'_>, line: Result<InputDocument, LineError>) -> Outcome {
    match line {
        Ok(input) => {
            let (doc, extra) = input.into_document(run.options.markup, run.matcher);
            let result = match doc {
                Ok(doc) => lint::check_document(doc, true, run.claims, run.matcher, run.options),
                Err(id) => FileResult::empty(id, true),
            };
            Ok(Checked {
                result,
                extra: Some(extra),
                ends_file: true,
            })
        }
        Err(e) => Err(Some(format!(
            "standard input, line {}: {}",
            e.line, e.message
        ))),
    }
}
