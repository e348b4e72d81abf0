//! `factlint cross-check` and `factlint report`: what every document says about
//! each claim, as a matrix on the terminal or in a file, or as an HTML report.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use super::check::select_files;
use super::{CrossCheckArgs, CrossFormatArg, CrossSelection, ExitStatus, MarkupArg, ReportArgs};
use super::{color_choice, compile, complain, setup};
use crate::check::CheckOptions;
use crate::claims::ClaimSet;
use crate::config::Config;
use crate::crosscheck::{Matrix, Options, Sources, consensus, cross_check};
use crate::document::markup::Markup;
use crate::report::cross::CrossFormat;

/// The matrix of the selection, its claims, and the status so far.
fn matrix(
    sel: &CrossSelection,
    color: super::ColorArg,
) -> Result<(ClaimSet, Matrix, ExitStatus), ExitStatus> {
    let (config, claims) = setup(&sel.claims, color)?;
    let rule = rule(sel.share, config.as_ref())?;
    let matcher = compile(&claims)?;
    let paths = if sel.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        sel.paths.clone()
    };
    let (files, mut status) = select_files(&paths, &claims, config.as_ref());
    let mut options = options(sel, config.as_ref());
    options.consensus = sel.consensus.then_some(rule);
    let sources = config
        .as_ref()
        .map(|c| c.sources.clone())
        .unwrap_or_else(Sources::default);
    let (matrix, errors) = cross_check(&files, &paths, &claims, &matcher, &sources, &options);
    for e in errors.iter().filter(|e| !e.quiet) {
        complain(&format!("{}: {}", e.path, e.message));
        status = ExitStatus::Error;
    }
    Ok((claims, matrix, status))
}

fn options(sel: &CrossSelection, config: Option<&Config>) -> Options {
    Options {
        check: CheckOptions {
            quotes: config.and_then(|c| c.quotes).unwrap_or_default(),
            markup: match sel.markup {
                Some(MarkupArg::Auto) => None,
                Some(MarkupArg::Text) => Some(Markup::Text),
                Some(MarkupArg::Markdown) => Some(Markup::Markdown),
                Some(MarkupArg::Html) => Some(Markup::Html),
                None => config.and_then(|c| c.markup).flatten(),
            },
            max_file_size: sel.max_file_size.unwrap_or_default(),
        },
        consensus: None,
    }
}

/// The rule of a consensus: `--share`, else the configuration's, else 0.6.
pub(super) fn rule(
    share: Option<f64>,
    config: Option<&Config>,
) -> Result<consensus::Rule, ExitStatus> {
    if let Some(s) = share
        && !(0.5..=1.0).contains(&s)
    {
        complain("--share must be a number from 0.5 to 1");
        return Err(ExitStatus::Error);
    }
    Ok(consensus::Rule {
        share: share
            .or(config.and_then(|c| c.consensus_share))
            .unwrap_or(consensus::Rule::default().share),
    })
}

/// Adds the findings of the sources' consensus on the open claims to the results
/// of `check --consensus`, each in its file's result (made where the file had
/// none), sorted by position.
#[allow(clippy::too_many_arguments)]
pub(super) fn add_consensus(
    results: &mut Vec<crate::report::FileResult>,
    files: &[PathBuf],
    named: &[PathBuf],
    claims: &ClaimSet,
    matcher: &crate::scan::Matcher,
    config: Option<&Config>,
    check: CheckOptions,
    rule: consensus::Rule,
) {
    if !claims.claims.iter().any(|c| c.open && c.enabled) {
        return;
    }
    let sources = config.map(|c| c.sources.clone()).unwrap_or_default();
    let options = Options {
        check,
        consensus: Some(rule),
    };
    let (matrix, _) = cross_check(files, named, claims, matcher, &sources, &options);
    for (d, finding) in consensus::findings(&matrix, claims) {
        let path = &matrix.documents[d].path;
        let k = match results.iter().position(|r| &r.path == path) {
            Some(k) => k,
            None => {
                results.push(crate::report::FileResult::empty(path.clone(), false));
                results.len() - 1
            }
        };
        let r = &mut results[k];
        if r.text.is_empty()
            && let Ok(text) =
                crate::lint::read_text(std::path::Path::new(path), true, check.max_file_size)
        {
            r.lines = crate::document::lines::LineIndex::new(&text);
            r.text = text;
        }
        r.findings.push(finding);
        r.findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
}

/// Writes a report, quiet on a closed pipe.
fn written(result: io::Result<()>) -> ExitStatus {
    match result {
        Ok(()) => ExitStatus::Clean,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(e) => {
            complain(&e.to_string());
            ExitStatus::Error
        }
    }
}

pub(super) fn run_cross_check(args: CrossCheckArgs) -> ExitStatus {
    let (claims, matrix, status) = match matrix(&args.selection, args.color) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let format = match args.format {
        CrossFormatArg::Human => CrossFormat::Human,
        CrossFormatArg::Json => CrossFormat::Json,
        CrossFormatArg::Markdown => CrossFormat::Markdown,
        CrossFormatArg::Csv => CrossFormat::Csv,
    };
    let color = if format == CrossFormat::Human {
        color_choice(args.color, io::stdout().is_terminal())
    } else {
        ColorChoice::Never
    };
    let mut out = StandardStream::stdout(color);
    let status = status.max(written(crate::report::cross::write(
        format, &mut out, &claims, &matrix,
    )));
    let _ = out.flush();
    status
}

pub(super) fn run_report(args: ReportArgs) -> ExitStatus {
    let (claims, matrix, status) = match matrix(&args.selection, args.color) {
        Ok(m) => m,
        Err(status) => return status,
    };
    // Links to the documents are relative to the report's directory.
    let page_dir = (args.output.as_os_str() != "-").then(|| match args.output.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    });
    let mut html = Vec::new();
    if let Err(e) =
        crate::report::cross::html::write_html(&mut html, &claims, &matrix, page_dir.as_deref())
    {
        complain(&e.to_string());
        return ExitStatus::Error;
    }
    let result = if args.output.as_os_str() == "-" {
        io::stdout().write_all(&html)
    } else {
        std::fs::write(&args.output, &html)
    };
    match result {
        Ok(()) => status,
        Err(e) => {
            complain(&format!("{}: {e}", crate::walk::display_path(&args.output)));
            ExitStatus::Error
        }
    }
}
