//! Reporting a cross-check: the matrix of claims × documents in the formats
//! people and tools read.

pub mod csv;
#[cfg(test)]
mod fixture;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
mod table;
mod text;
mod view;

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
        CrossFormat::Human => human::write_human(out, claims, matrix, terminal_width()),
        CrossFormat::Markdown => markdown::write_markdown(out, claims, matrix),
        CrossFormat::Csv => csv::write_csv(out, claims, matrix),
    }
}

/// The width the human report is laid out for: `COLUMNS` where it is set to a
/// number, else the width of the terminal on stdout, else 100.
pub fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS").ok();
    width_from(
        columns.as_deref(),
        terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)),
    )
}

fn width_from(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or(terminal.filter(|&w| w > 0))
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_width_is_columns_else_the_terminal_else_100() {
        assert_eq!(width_from(Some("72"), Some(120)), 72);
        assert_eq!(width_from(Some(" 90 "), None), 90);
        assert_eq!(width_from(Some("wide"), Some(120)), 120);
        assert_eq!(width_from(Some("0"), None), 100);
        assert_eq!(width_from(None, Some(0)), 100);
        assert_eq!(width_from(None, None), 100);
    }
}
