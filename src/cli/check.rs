//! `factlint check` and `factlint fix`: the files, their findings, and what is
//! done with them (configuration, changed lines, baselines, the report; the
//! fixes are [`super::fix`]'s).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::fix::apply_fixes;
use super::{CheckArgs, ExitStatus, FormatArg, MarkupArg, QuotesArg, stream};
use super::{color_choice, compile, complain, setup};
use crate::check::{CheckOptions, QuotePolicy};
use crate::claims::ClaimSet;
use crate::config::Config;
use crate::document::markup::Markup;
use crate::fix::WriteOps;
use crate::lint::lint_files;
use crate::report::{FileResult, Format, Summary, write_report};
use crate::scan::Matcher;
use crate::walk::{display_path, walk_paths};

pub(super) fn run_check(args: CheckArgs, ops: &mut dyn WriteOps) -> ExitStatus {
    let (config, claims) = match setup(&args.claims, args.color) {
        Ok(c) => c,
        Err(status) => return status,
    };
    // Kept until the process ends: freeing the claims' regexes (their syntax
    // trees, node by node) was 2% of a short run's work.
    let claims = std::mem::ManuallyDrop::new(claims);
    let matcher = match compile(&claims) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let json_lines = match stream::reads_json_lines(&args) {
        Ok(j) => j,
        Err(status) => return status,
    };
    let (files, mut status) = if json_lines {
        (Vec::new(), ExitStatus::Clean)
    } else {
        select_files(&paths, &claims, config.as_ref())
    };
    let options = check_options(&args, config.as_ref());
    let run = stream::Run {
        args: &args,
        claims: &claims,
        matcher: &matcher,
        options: &options,
    };
    if stream::streams(&args) {
        let source = match json_lines {
            true => stream::Source::JsonLines,
            false => stream::Source::Files(&files, &paths),
        };
        return status.max(stream::run_streaming(&run, source, config.as_ref()));
    }
    let started = std::time::Instant::now();
    let (mut results, lint_status) = match json_lines {
        true => stream::collect_json_lines(&run),
        false => lint(&args, &files, &paths, &claims, &matcher, &options),
    };
    status = status.max(lint_status);
    if let Err(status) = revise(&run, &files, &paths, config.as_ref(), &mut results) {
        return status;
    }
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, &claims, &results, args.quiet).max(status);
    }
    if let Some(path) = &args.baseline {
        match crate::baseline::apply_baseline(path, &claims, &mut results) {
            Ok(n) if args.verbose => complain(&format!("{n} findings accepted by the baseline")),
            Ok(_) => {}
            Err(e) => {
                complain(&e);
                return ExitStatus::Error;
            }
        }
    }
    if args.fix || args.diff {
        status = status.max(apply_fixes(&mut results, &run, &paths, ops));
        if args.diff {
            return status;
        }
    }
    let summary = Summary::new(results.len(), &results);
    status = status.max(emit(&args, &claims, &results, summary));
    if args.verbose {
        complain(&format!(
            "checked {} files against {} claims in {:.2?}",
            summary.files,
            claims.claims.iter().filter(|c| c.enabled).count(),
            started.elapsed()
        ));
    }
    if summary.errors > 0 {
        status = status.max(ExitStatus::Findings);
    }
    status
}

/// What the findings of a run become before they are reported: the sources'
/// consensus where asked, the configuration's severities, and only the changed
/// lines where `--changed-since` asks.
fn revise(
    run: &stream::Run<'_>,
    files: &[PathBuf],
    paths: &[PathBuf],
    config: Option<&Config>,
    results: &mut Vec<FileResult>,
) -> Result<(), ExitStatus> {
    let args = run.args;
    if args.consensus {
        let rule = super::cross::rule(args.share, config)?;
        super::cross::add_consensus(
            results,
            files,
            paths,
            run.claims,
            run.matcher,
            config,
            *run.options,
            rule,
        );
    }
    if let Some(c) = config {
        apply_config_severity(c, run.claims, results);
    }
    if let Some(rev) = &args.changed_since
        && let Err(e) = keep_changed(rev, results)
    {
        complain(&e);
        return Err(ExitStatus::Error);
    }
    Ok(())
}

/// Lints the files, with a progress bar on a terminal for a long run, and reports
/// the files that could not be read.
fn lint(
    args: &CheckArgs,
    files: &[PathBuf],
    paths: &[PathBuf],
    claims: &ClaimSet,
    matcher: &Matcher,
    options: &CheckOptions,
) -> (Vec<FileResult>, ExitStatus) {
    let human = matches!(args.format, FormatArg::Human | FormatArg::Short);
    let bar = (human && !args.quiet && files.len() > 50 && io::stderr().is_terminal())
        .then(|| progress_bar(files.len()));
    if args.verbose {
        for f in files {
            complain(&format!("checking {}", display_path(f)));
        }
    }
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let (results, file_errors) = lint_files(
        files,
        paths,
        claims,
        matcher,
        args.stdin_filename.as_deref(),
        options,
        &tick,
    );
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut status = ExitStatus::Clean;
    for e in file_errors.iter().filter(|e| !e.quiet || args.verbose) {
        complain(&format!("{}: {}", e.path, e.message));
        status = ExitStatus::Error;
    }
    (results, status)
}

/// The files to check: those walked from the paths that the configuration selects
/// (a file named on the command line always is), less the claims files and the
/// configuration themselves, which declare the wrong variants on purpose. Walk
/// errors are reported here.
pub(super) fn select_files(
    paths: &[PathBuf],
    claims: &ClaimSet,
    config: Option<&Config>,
) -> (Vec<PathBuf>, ExitStatus) {
    let (mut files, walk_errors) = walk_paths(paths);
    if let Some(c) = config {
        files.retain(|f| paths.contains(f) || c.selects(f));
    }
    let own: Vec<PathBuf> = claims
        .sources
        .iter()
        .map(|s| PathBuf::from(&s.path))
        .chain(config.map(|c| PathBuf::from(&c.path)))
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    // A walked file is never a symbolic link (the walk does not follow them), so
    // only one named on the command line, or one with a claims file's name, can
    // resolve to a claims file: the others are kept without asking the disk.
    let names: Vec<&std::ffi::OsStr> = own.iter().filter_map(|p| p.file_name()).collect();
    files.retain(|f| {
        let may_be_own = paths.contains(f) || f.file_name().is_some_and(|n| names.contains(&n));
        !may_be_own || f.canonicalize().map_or(true, |c| !own.contains(&c))
    });
    let mut status = ExitStatus::Clean;
    for e in &walk_errors {
        complain(&format!("{}: {}", display_path(&e.path), e.message));
        if !e.note {
            status = ExitStatus::Error;
        }
    }
    (files, status)
}

/// The options of the check: the command line's, else the configuration's.
fn check_options(args: &CheckArgs, config: Option<&Config>) -> CheckOptions {
    CheckOptions {
        quotes: match args.quotes {
            Some(QuotesArg::Assert) => QuotePolicy::Assert,
            Some(QuotesArg::Note) => QuotePolicy::Note,
            Some(QuotesArg::Ignore) => QuotePolicy::Ignore,
            None => config.and_then(|c| c.quotes).unwrap_or_default(),
        },
        markup: match args.markup {
            Some(MarkupArg::Auto) => None,
            Some(MarkupArg::Text) => Some(Markup::Text),
            Some(MarkupArg::Markdown) => Some(Markup::Markdown),
            Some(MarkupArg::Html) => Some(Markup::Html),
            None => config.and_then(|c| c.markup).flatten(),
        },
        max_file_size: args.max_file_size.unwrap_or_default(),
    }
}

pub(super) fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

/// Applies the configuration's per-path severities, dropping what it turns off.
pub(super) fn apply_config_severity(
    config: &Config,
    claims: &ClaimSet,
    results: &mut [FileResult],
) {
    for r in results {
        let path = Path::new(&r.path);
        r.findings.retain_mut(|f| {
            match config.severity(path, &claims.claims[f.claim].id.0, f.severity) {
                Some(s) => {
                    f.severity = s;
                    true
                }
                None => false,
            }
        });
    }
}

/// Keeps only the findings on lines changed since the revision.
fn keep_changed(rev: &str, results: &mut [FileResult]) -> Result<(), String> {
    let changes = crate::changed::Changes::since(rev)?;
    for r in results {
        if r.findings.is_empty() {
            continue;
        }
        let path = Path::new(&r.path);
        // git's lines end at a line feed alone, whatever the editor's do.
        let feeds: Vec<usize> = r.text.match_indices('\n').map(|(i, _)| i).collect();
        let line = |at: usize| r.origin.line + 1 + feeds.partition_point(|&i| i < at);
        r.findings
            .retain(|f| changes.touches(path, line(f.span.start), line(f.span.end)));
    }
    Ok(())
}

fn write_baseline(
    path: &Path,
    claims: &ClaimSet,
    results: &[FileResult],
    quiet: bool,
) -> ExitStatus {
    let n: usize = results.iter().map(|r| r.findings.len()).sum();
    match crate::baseline::write_baseline(path, claims, results) {
        Ok(()) => {
            if !quiet {
                complain(&format!(
                    "wrote {n} findings to the baseline {}",
                    display_path(path)
                ));
            }
            ExitStatus::Clean
        }
        Err(e) => {
            complain(&format!(
                "cannot write baseline {}: {e}",
                display_path(path)
            ));
            ExitStatus::Error
        }
    }
}

/// Writes the report in the format asked for.
fn emit(
    args: &CheckArgs,
    claims: &ClaimSet,
    results: &[FileResult],
    summary: Summary,
) -> ExitStatus {
    let format = match args.format {
        FormatArg::Human if args.quiet => Format::HumanQuiet,
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
        FormatArg::Checkstyle => Format::Checkstyle,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
    };
    let color = if matches!(format, Format::Human | Format::HumanQuiet) {
        color_choice(args.color, io::stdout().is_terminal())
    } else {
        ColorChoice::Never
    };
    let mut out = StandardStream::stdout(color);
    if let Err(e) = write_report(format, &mut out, claims, results, summary) {
        // A reader that stopped early (`| head -1`) is no error of the run.
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitStatus::Clean;
        }
        complain(&e.to_string());
        return ExitStatus::Error;
    }
    let _ = out.flush();
    ExitStatus::Clean
}
