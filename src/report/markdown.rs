//! A Markdown report for a pull-request comment: a table of findings per file.

use std::io;

use super::{FileResult, Summary};
use crate::claims::ClaimSet;

fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('`', "\\`")
        .replace('<', "&lt;")
}

/// Writes the findings as Markdown, grouped by file.
pub fn write_markdown(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
    summary: Summary,
) -> io::Result<()> {
    writeln!(
        out,
        "### factlint: {} error{}, {} warning{}, {} note{} in {} file{}",
        summary.errors,
        if summary.errors == 1 { "" } else { "s" },
        summary.warnings,
        if summary.warnings == 1 { "" } else { "s" },
        summary.notes,
        if summary.notes == 1 { "" } else { "s" },
        summary.files,
        if summary.files == 1 { "" } else { "s" },
    )?;
    if summary.errors + summary.warnings + summary.notes == 0 {
        return writeln!(out, "\nNo contradiction found.");
    }
    for r in results.iter().filter(|r| !r.findings.is_empty()) {
        writeln!(out, "\n#### `{}`\n", r.path.replace('`', "'"))?;
        writeln!(
            out,
            "| line | severity | claim | found | expected | message |"
        )?;
        writeln!(out, "|---:|---|---|---|---|---|")?;
        for f in &r.findings {
            let (line, col) = r.position(f.span.start);
            writeln!(
                out,
                "| {}:{} | {} | `{}` | {} | {} | {} |",
                line.0,
                col.0,
                f.severity.as_str(),
                claims.claims[f.claim].id,
                cell(&f.found),
                cell(&f.expected),
                cell(&f.message),
            )?;
        }
    }
    Ok(())
}
