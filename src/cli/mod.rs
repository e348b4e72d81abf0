//! The command line: commands, where output goes, and the exit status.

mod args;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

pub use args::{
    Args, CheckArgs, ClaimsAction, ClaimsArgs, ClaimsSelection, ColorArg, Command, ExplainArgs,
    FormatArg, MarkupArg, QuotesArg,
};

use crate::check::{CheckOptions, QuotePolicy};
use crate::claims::{ClaimSet, Expected, LoadFailure, load_claims};
use crate::config::{self, Config};
use crate::document::markup::Markup;
use crate::lint::lint_files;
use crate::report::diagnostic::{emit_claims_errors, emit_file_errors};
use crate::report::{Format, Summary, write_report};
use crate::scan::Matcher;
use crate::walk::{display_path, walk_paths};

/// The exit status: the highest that applies wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// No error-severity finding.
    Clean = 0,
    /// At least one error-severity finding.
    Findings = 1,
    /// A usage, claims-file or I/O error.
    Error = 2,
}

fn color_choice(arg: ColorArg, stream_is_terminal: bool) -> ColorChoice {
    match arg {
        ColorArg::Always => ColorChoice::AlwaysAnsi,
        ColorArg::Never => ColorChoice::Never,
        ColorArg::Auto if stream_is_terminal && std::env::var_os("NO_COLOR").is_none() => {
            ColorChoice::Auto
        }
        ColorArg::Auto => ColorChoice::Never,
    }
}

fn stderr_stream(color: ColorArg) -> StandardStream {
    StandardStream::stderr(color_choice(color, io::stderr().is_terminal()))
}

/// Prints a one-line problem to stderr, as `factlint: message`.
#[allow(clippy::print_stderr)]
fn complain(message: &str) {
    eprintln!("factlint: {message}");
}

/// The claims files a selection names: files as given, directories' `*.toml` files
/// (sorted); else the configuration's; else `./claims/`.
fn claims_paths(sel: &ClaimsSelection, config: Option<&Config>) -> Result<Vec<PathBuf>, String> {
    let explicit = !sel.claims_paths.is_empty();
    let from_config = config.is_some_and(|c| !c.claims.is_empty());
    let roots: Vec<PathBuf> = match (explicit, config) {
        (true, _) => sel.claims_paths.clone(),
        (false, Some(c)) if from_config => c.claims.clone(),
        _ => vec![PathBuf::from("claims")],
    };
    let mut out = Vec::new();
    for root in &roots {
        if root.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(root)
                .map_err(|e| format!("{}: {e}", display_path(root)))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            found.sort();
            out.extend(found);
        } else if root.exists() || explicit || from_config {
            out.push(root.clone());
        }
    }
    if out.is_empty() {
        return Err(if explicit {
            "no claims file in the paths given to --claims".to_string()
        } else {
            "no claims file: pass --claims PATH, list claims in factlint.toml, or put *.toml claims files in ./claims/".to_string()
        });
    }
    Ok(out)
}

/// The project configuration: `--config PATH`, else the nearest `factlint.toml`
/// at or above the working directory; none with `--no-config`.
fn project_config(sel: &ClaimsSelection, color: ColorArg) -> Result<Option<Config>, ExitStatus> {
    if sel.no_config {
        return Ok(None);
    }
    let path = match &sel.config {
        Some(p) => p.clone(),
        None => match std::env::current_dir()
            .ok()
            .and_then(|d| config::discover(&d))
        {
            // Shown relative to the working directory where it can be.
            Some(found) => std::env::current_dir()
                .ok()
                .and_then(|d| found.strip_prefix(&d).ok().map(Path::to_path_buf))
                .unwrap_or(found),
            None => return Ok(None),
        },
    };
    config::load_config(&path)
        .map(Some)
        .map_err(|(text, errors)| {
            let shown = display_path(&path);
            let list: Vec<(&str, String, Option<std::ops::Range<usize>>)> = errors
                .iter()
                .map(|e| (e.code, e.message.clone(), e.span.clone()))
                .collect();
            report_file_errors(&shown, &text, &list, color, "the configuration")
        })
}

fn report_file_errors(
    path: &str,
    text: &str,
    errors: &[(&str, String, Option<std::ops::Range<usize>>)],
    color: ColorArg,
    what: &str,
) -> ExitStatus {
    let mut err = stderr_stream(color);
    if let Err(e) = emit_file_errors(&mut err, path, text, errors) {
        complain(&e.to_string());
    }
    let n = errors.len();
    let _ = writeln!(
        err,
        "factlint: {n} error{} in {what}; nothing was checked",
        if n == 1 { "" } else { "s" }
    );
    ExitStatus::Error
}

/// The configuration and the claims, with the configuration's disabled claims off.
fn setup(sel: &ClaimsSelection, color: ColorArg) -> Result<(Option<Config>, ClaimSet), ExitStatus> {
    let config = project_config(sel, color)?;
    let mut claims = load(sel, config.as_ref(), color)?;
    if let Some(c) = &config {
        let mut unknown = Vec::new();
        for (id, span) in &c.disable {
            match claims.claims.iter_mut().find(|cl| cl.id.0 == *id) {
                Some(cl) => cl.enabled = false,
                None => unknown.push((
                    "unknown-claim",
                    format!("no claim with id `{id}` to disable"),
                    Some(span.clone()),
                )),
            }
        }
        if !unknown.is_empty() {
            return Err(report_file_errors(
                &c.path,
                &c.text,
                &unknown,
                color,
                "the configuration",
            ));
        }
    }
    Ok((config, claims))
}

fn load(
    sel: &ClaimsSelection,
    config: Option<&Config>,
    color: ColorArg,
) -> Result<ClaimSet, ExitStatus> {
    let paths = claims_paths(sel, config).map_err(|e| {
        complain(&e);
        ExitStatus::Error
    })?;
    let claims = load_claims(&paths).map_err(|failure: LoadFailure| {
        let mut err = stderr_stream(color);
        if let Err(e) = emit_claims_errors(&mut err, &failure) {
            complain(&e.to_string());
        }
        let n = failure.errors.len();
        let _ = writeln!(
            err,
            "factlint: {n} error{} in the claims; nothing was checked",
            if n == 1 { "" } else { "s" }
        );
        ExitStatus::Error
    })?;
    if !claims.warnings.is_empty() {
        let mut err = stderr_stream(color);
        if let Err(e) = crate::report::diagnostic::emit_claims_warnings(&mut err, &claims) {
            complain(&e.to_string());
        }
    }
    Ok(claims)
}

/// Runs the command the arguments name and returns the exit status.
pub fn run(args: Args) -> ExitStatus {
    match args.command {
        Some(Command::Check(c)) => run_check(c),
        Some(Command::Fix(mut c)) => {
            c.fix = true;
            run_check(c)
        }
        None => run_check(args.check),
        Some(Command::Claims(c)) => run_claims(c),
        Some(Command::Explain(e)) => run_explain(e),
    }
}

/// The claims compiled, or the error that they are too large to be.
fn compile(claims: &ClaimSet) -> Result<Matcher, ExitStatus> {
    Matcher::new(claims).map_err(|e| {
        complain(&format!(
            "the claims' triggers are too large to compile: {e}"
        ));
        ExitStatus::Error
    })
}

fn run_check(args: CheckArgs) -> ExitStatus {
    let (config, claims) = match setup(&args.claims, args.color) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let matcher = match compile(&claims) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut status = ExitStatus::Clean;
    let (mut files, walk_errors) = walk_paths(&paths);
    // The configuration chooses among the files met while walking; a file named
    // on the command line is always checked.
    if let Some(c) = &config {
        files.retain(|f| paths.contains(f) || c.selects(f));
    }
    // The claims files and the configuration declare the wrong variants on purpose:
    // they are never checked against themselves.
    let own: Vec<PathBuf> = claims
        .sources
        .iter()
        .map(|s| PathBuf::from(&s.path))
        .chain(config.as_ref().map(|c| PathBuf::from(&c.path)))
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    files.retain(|f| f.canonicalize().map_or(true, |c| !own.contains(&c)));
    for e in &walk_errors {
        complain(&format!("{}: {}", display_path(&e.path), e.message));
        status = ExitStatus::Error;
    }
    let options = CheckOptions {
        quotes: match args.quotes {
            Some(QuotesArg::Assert) => QuotePolicy::Assert,
            Some(QuotesArg::Note) => QuotePolicy::Note,
            Some(QuotesArg::Ignore) => QuotePolicy::Ignore,
            None => config.as_ref().and_then(|c| c.quotes).unwrap_or_default(),
        },
        markup: match args.markup {
            Some(MarkupArg::Auto) => None,
            Some(MarkupArg::Text) => Some(Markup::Text),
            Some(MarkupArg::Markdown) => Some(Markup::Markdown),
            Some(MarkupArg::Html) => Some(Markup::Html),
            None => config.as_ref().and_then(|c| c.markup).flatten(),
        },
    };
    let started = std::time::Instant::now();
    let human = matches!(args.format, FormatArg::Human | FormatArg::Short);
    let bar = (human && !args.quiet && files.len() > 50 && io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    if args.verbose {
        for f in &files {
            complain(&format!("checking {}", display_path(f)));
        }
    }
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let (results, file_errors) = lint_files(
        &files,
        &paths,
        &claims,
        &matcher,
        args.stdin_filename.as_deref(),
        &options,
        &tick,
    );
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for e in file_errors.iter().filter(|e| !e.quiet || args.verbose) {
        complain(&format!("{}: {}", e.path, e.message));
        status = ExitStatus::Error;
    }
    let mut results = results;
    if let Some(c) = &config {
        for r in &mut results {
            let path = Path::new(&r.path);
            r.findings.retain_mut(|f| {
                match c.severity(path, &claims.claims[f.claim].id.0, f.severity) {
                    Some(s) => {
                        f.severity = s;
                        true
                    }
                    None => false,
                }
            });
        }
    }
    if let Some(rev) = &args.changed_since {
        match crate::changed::Changes::since(rev) {
            Ok(changes) => {
                for r in &mut results {
                    let path = Path::new(&r.path);
                    let (text, lines) = (&r.text, &r.lines);
                    r.findings.retain(|f| {
                        let (first, _) = lines.position(text, f.span.start);
                        let (last, _) = lines.position(text, f.span.end);
                        changes.touches(path, first.0, last.0)
                    });
                }
            }
            Err(e) => {
                complain(&e);
                return ExitStatus::Error;
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        let n: usize = results.iter().map(|r| r.findings.len()).sum();
        return match crate::baseline::write_baseline(path, &claims, &results) {
            Ok(()) => {
                if !args.quiet {
                    complain(&format!(
                        "wrote {n} findings to the baseline {}",
                        display_path(path)
                    ));
                }
                status
            }
            Err(e) => {
                complain(&format!(
                    "cannot write baseline {}: {e}",
                    display_path(path)
                ));
                ExitStatus::Error
            }
        };
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
        status = status.max(apply_fixes(&mut results, &args));
        if args.diff {
            return status;
        }
    }
    let summary = Summary::new(results.len(), &results);
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
        FormatArg::Checkstyle => Format::Checkstyle,
        FormatArg::Markdown => Format::Markdown,
    };
    let color = if format == Format::Human {
        color_choice(args.color, io::stdout().is_terminal())
    } else {
        ColorChoice::Never
    };
    let mut out = StandardStream::stdout(color);
    let format = if args.quiet && format == Format::Human {
        Format::HumanQuiet
    } else {
        format
    };
    if let Err(e) = write_report(format, &mut out, &claims, &results, summary) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            complain(&e.to_string());
        }
        return ExitStatus::Error;
    }
    let _ = out.flush();
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

/// Applies (or, with `--diff`, prints) the machine-applicable fixes of every file,
/// and drops the findings they fix.
#[allow(clippy::print_stdout)]
fn apply_fixes(results: &mut [crate::report::FileResult], args: &CheckArgs) -> ExitStatus {
    use crate::fix::{Applicability, Edit, apply_edits, unified_diff, write_atomically};
    let mut status = ExitStatus::Clean;
    let mut fixed = 0;
    let mut files = 0;
    for r in results.iter_mut() {
        let edits: Vec<Edit> = r
            .findings
            .iter()
            .filter_map(|f| {
                let fix = f.fix.as_ref()?;
                (fix.applicability == Applicability::MachineApplicable).then(|| Edit {
                    span: f.span.clone(),
                    expect: f.found.clone(),
                    replacement: fix.replacement.clone(),
                })
            })
            .collect();
        if edits.is_empty() {
            continue;
        }
        let (new, n) = apply_edits(&r.text, edits.clone());
        if n == 0 {
            continue;
        }
        if args.diff {
            print!("{}", unified_diff(&r.path, &r.text, &new));
            continue;
        }
        let path = Path::new(&r.path);
        if r.from_stdin {
            complain(&format!(
                "{}: standard input cannot be fixed in place; use --diff",
                r.path
            ));
            status = ExitStatus::Error;
            continue;
        }
        match write_atomically(path, &r.text, &new) {
            Ok(()) => {
                fixed += n;
                files += 1;
                r.findings.retain(|f| {
                    !edits
                        .iter()
                        .any(|e| e.span == f.span && e.expect == f.found)
                });
            }
            Err(e) => {
                complain(&format!("{}: {e}", r.path));
                status = ExitStatus::Error;
            }
        }
    }
    if args.fix && !args.diff && !args.quiet {
        complain(&format!(
            "fixed {fixed} finding{} in {files} file{}",
            if fixed == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" }
        ));
    }
    status
}

/// Runs the claims' examples and prints one line per claim, then a count.
#[allow(clippy::print_stdout)]
fn run_claims_test(sel: &ClaimsSelection) -> ExitStatus {
    let (_, claims) = match setup(sel, ColorArg::Auto) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let matcher = match compile(&claims) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let report = crate::examples::run_examples(&claims, &matcher);
    for f in &report.failures {
        let want = if f.expected_finding {
            "a finding"
        } else {
            "no finding"
        };
        println!("FAILED {}: expected {want} in {:?}", f.claim, f.sentence);
    }
    for id in &report.without_examples {
        println!("warning: {id} has no examples");
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    if report.failures.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    }
}

fn run_claims(args: ClaimsArgs) -> ExitStatus {
    if let Some(ClaimsAction::Test(t)) = &args.action {
        return run_claims_test(&t.claims);
    }
    let claims = match setup(&args.claims, ColorArg::Auto).map(|(_, c)| c) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let mut out = StandardStream::stdout(ColorChoice::Never);
    let rows: Vec<[String; 4]> = claims
        .claims
        .iter()
        .filter(|c| c.declared(&claims.sources))
        .map(|c| {
            [
                c.id.0.clone(),
                c.kind.as_str().to_string(),
                c.expected.display(),
                c.source.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["ID", "KIND", "VALUE", "SOURCE"].map(String::from);
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let write = |out: &mut StandardStream, r: &[String; 4]| {
        writeln!(
            out,
            "{:w0$}  {:w1$}  {:w2$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        )
    };
    let result = std::iter::once(&header)
        .chain(&rows)
        .try_for_each(|r| write(&mut out, r))
        .and_then(|_| {
            writeln!(
                out,
                "{} claim{} in {} file{}, all valid",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" },
                claims.sources.len(),
                if claims.sources.len() == 1 { "" } else { "s" },
            )
        });
    match result {
        Ok(()) => ExitStatus::Clean,
        Err(_) => ExitStatus::Error,
    }
}

fn run_explain(args: ExplainArgs) -> ExitStatus {
    let claims = match setup(&args.claims, ColorArg::Auto).map(|(_, c)| c) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(claim) = claims.get(&args.id).filter(|c| c.declared(&claims.sources)) else {
        complain(&format!("no claim with id `{}`", args.id));
        return ExitStatus::Error;
    };
    let mut text = String::new();
    let src = &claims.sources[claim.file.0];
    let line = crate::claims::line_of(&src.text, claim.value_span.start);
    text.push_str(&format!(
        "{} ({} claim, {}:{line})\n",
        claim.id,
        claim.kind.as_str(),
        src.path
    ));
    if let Some(s) = &claim.statement {
        text.push_str(&format!("  claim:    {s}\n"));
    }
    text.push_str(&format!("  value:    {}\n", claim.expected.display()));
    let list = |v: Vec<String>| v.join(", ");
    match &claim.expected {
        Expected::Term { accept, reject, .. } => {
            text.push_str(&format!("  accept:   {}\n", list(accept.clone())));
            text.push_str(&format!("  reject:   {}\n", list(reject.clone())));
        }
        Expected::Date { accept, .. } => {
            text.push_str(&format!(
                "  accept:   {}\n",
                list(accept.iter().map(ToString::to_string).collect())
            ));
        }
        Expected::Number {
            accept,
            tolerance,
            min,
            max,
            ..
        } => {
            text.push_str(&format!(
                "  accept:   {}\n",
                list(
                    accept
                        .iter()
                        .map(|a| crate::claims::model::format_number(*a))
                        .collect()
                )
            ));
            text.push_str(&format!("  tolerance: {tolerance}"));
            if let (Some(a), Some(b)) = (min, max) {
                text.push_str(&format!(", range {a}..={b}"));
            }
            text.push('\n');
            if !claim.units.is_empty() {
                text.push_str(&format!("  unit:     {}\n", claim.units.join(", ")));
            }
        }
        Expected::Role { accept, reject, .. } => {
            text.push_str(&format!("  accept:   {}\n", list(accept.clone())));
            if !reject.is_empty() {
                text.push_str(&format!("  reject:   {}\n", list(reject.clone())));
            }
        }
        Expected::Event { .. } => {}
    }
    if let crate::claims::ClaimScope::Own(s) = &claim.scope {
        text.push_str(&format!("  subject:  {} ({})\n", s.name, s.kind.as_str()));
    }
    if !claim.triggers.is_empty() {
        text.push_str(&format!(
            "  triggers: {}\n",
            list(
                claim
                    .triggers
                    .iter()
                    .map(|r| r.as_str().to_string())
                    .collect()
            )
        ));
    }
    if !claim.context.is_empty() {
        text.push_str(&format!(
            "  context:  {}\n",
            list(
                claim
                    .context
                    .iter()
                    .map(|r| r.as_str().to_string())
                    .collect()
            )
        ));
    }
    text.push_str(&format!("  severity: {}\n", claim.severity.as_str()));
    for (label, list) in [
        ("flags", &claim.examples.flag),
        ("passes", &claim.examples.pass),
    ] {
        for e in list.iter() {
            text.push_str(&format!("  {:<9} {e:?}\n", format!("{label}:")));
        }
    }
    if let Some(s) = &claim.source {
        text.push_str(&format!("  source:   {s}\n"));
    }
    match io::stdout().write_all(text.as_bytes()) {
        Ok(()) => ExitStatus::Clean,
        Err(_) => ExitStatus::Error,
    }
}
