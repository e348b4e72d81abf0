//! JSON output, version 1 of the schema: its own serde structs, never internal types,
//! so that the schema stays stable while the internals change.

use std::io;

use serde::Serialize;

use super::{FileResult, Summary};
use crate::check::Finding;
use crate::claims::ClaimSet;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary1,
}

/// One diagnostic of the schema; also each line of the JSON-lines output.
#[derive(Serialize)]
pub(super) struct JsonDiagnostic<'a> {
    claim: &'a str,
    severity: &'static str,
    message: &'a str,
    path: &'a str,
    span: Span,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    found: &'a str,
    expected: &'a str,
    fix: Option<JsonFix<'a>>,
    assertion: &'static str,
}

#[derive(Serialize)]
pub(super) struct Span {
    start: usize,
    end: usize,
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

#[derive(Serialize)]
pub(super) struct JsonFix<'a> {
    replacement: &'a str,
    applicability: &'static str,
}

#[derive(Serialize)]
struct Summary1 {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// The diagnostic of one finding of `r`.
pub(super) fn diagnostic<'a>(
    claims: &'a ClaimSet,
    r: &'a FileResult,
    f: &'a Finding,
) -> JsonDiagnostic<'a> {
    let (line, column) = r.position(f.span.start);
    let (end_line, end_column) = r.position(f.span.end);
    JsonDiagnostic {
        claim: &claims.claims[f.claim].id.0,
        severity: f.severity.as_str(),
        message: &f.message,
        path: &r.path,
        span: Span::from(r.in_file(&f.span)),
        line: line.0,
        column: column.0,
        end_line: end_line.0,
        end_column: end_column.0,
        found: &f.found,
        expected: &f.expected,
        fix: f.fix.as_ref().map(|x| JsonFix {
            replacement: &x.replacement,
            applicability: x.applicability.as_str(),
        }),
        assertion: f.mode.as_str(),
    }
}

/// Writes the findings as one JSON document (schema version 1).
pub fn write_json(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
    summary: Summary,
) -> io::Result<()> {
    let diagnostics = results
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| diagnostic(claims, r, f)))
        .collect();
    let doc = Output {
        version: 1,
        diagnostics,
        summary: Summary1 {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            notes: summary.notes,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
