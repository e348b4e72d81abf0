//! The cross-check as one self-contained HTML file.

use std::io;

use crate::claims::ClaimSet;
use crate::crosscheck::Matrix;

/// Writes the report.
pub fn write_html(out: &mut dyn io::Write, claims: &ClaimSet, matrix: &Matrix) -> io::Result<()> {
    writeln!(
        out,
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>factlint report</title><pre>"
    )?;
    let mut json = Vec::new();
    super::json::write_json(&mut json, claims, matrix)?;
    let text = String::from_utf8_lossy(&json)
        .replace('&', "&amp;")
        .replace('<', "&lt;");
    writeln!(out, "{text}</pre></html>")
}
