//! GitLab code-quality JSON: an array of issues with stable fingerprints.

use std::io;

use serde::Serialize;

use super::FileResult;
use super::fingerprint::fingerprint;
use crate::claims::{ClaimSet, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Writes the findings as a GitLab code-quality report.
pub fn write_gitlab(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
) -> io::Result<()> {
    let mut issues = Vec::new();
    for r in results {
        for f in &r.findings {
            let id = &claims.claims[f.claim].id.0;
            let (line, _) = r.position(f.span.start);
            let (end, _) = r.position(f.span.end);
            issues.push(Issue {
                description: &f.message,
                check_name: id,
                fingerprint: fingerprint(id, &r.path, &r.text[f.sentence.clone()], &f.found),
                severity: match f.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Note => "info",
                },
                location: Location {
                    path: &r.path,
                    lines: Lines {
                        begin: line.0,
                        end: end.0,
                    },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
