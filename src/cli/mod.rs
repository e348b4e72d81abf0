//! The command line: commands, where output goes, and the exit status.

mod args;
mod check;
mod claims;
mod cross;
mod fix;
mod stream;

use check::run_check;
use claims::{run_claims, run_explain};

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

pub use args::{
    Args, CheckArgs, ClaimsAction, ClaimsArgs, ClaimsSelection, ColorArg, Command, CrossCheckArgs,
    CrossFormatArg, CrossSelection, ExplainArgs, FormatArg, InputArg, MarkupArg, QuotesArg,
    ReportArgs,
};

use crate::claims::{ClaimSet, LoadFailure, load_claims};
use crate::config::{self, Config};
use crate::fix::{RealOps, WriteOps};
use crate::report::diagnostic::{emit_claims_errors, emit_file_errors};
use crate::scan::Matcher;
use crate::walk::display_path;

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
/// (sorted); else the configuration's; else `./claims/`. With none named and none
/// in `./claims/`, no file: factlint's own claims run alone.
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
            // A pipe or a device is never opened: reading it could wait forever.
            if let Ok(m) = std::fs::metadata(root)
                && let Some(kind) = crate::walk::special_kind(&m.file_type())
            {
                return Err(format!(
                    "{}: {kind}, not a regular file: a claims file must be one",
                    display_path(root)
                ));
            }
            out.push(root.clone());
        }
    }
    if out.is_empty() {
        if explicit || from_config {
            return Err("no claims file in the paths given to --claims".to_string());
        }
        // Like a spelling checker with no word list of the user's: factlint's own
        // claims (the weekday of a date) still hold.
        complain(
            "no claims file (pass --claims PATH, list claims in factlint.toml, or put *.toml claims files in ./claims/): only factlint's own checks run",
        );
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
    run_with(args, &mut RealOps)
}

/// [`run`], with the file system steps of `fix` given: a test makes one fail.
pub fn run_with(args: Args, ops: &mut dyn WriteOps) -> ExitStatus {
    match args.command {
        Some(Command::Check(c)) => run_check(c, ops),
        Some(Command::Fix(mut c)) => {
            c.fix = true;
            run_check(c, ops)
        }
        None => run_check(args.check, ops),
        Some(Command::Claims(c)) => run_claims(c),
        Some(Command::Explain(e)) => run_explain(e),
        Some(Command::CrossCheck(c)) => cross::run_cross_check(c),
        Some(Command::Report(r)) => cross::run_report(r),
        Some(Command::Lsp) => match crate::lsp::run_stdio() {
            Ok(crate::lsp::Ending::ShutDown) => ExitStatus::Clean,
            // The specification's code for an exit without a shutdown before it.
            Ok(crate::lsp::Ending::WithoutShutdown) => ExitStatus::Findings,
            Err(e) => {
                complain(&e);
                ExitStatus::Error
            }
        },
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
