//! Reporting: findings to the formats people and tools read.
//!
//! Every format gets the same sorted findings; the reporter is handed its writer
//! and never decides where output goes.

pub mod checkstyle;
pub mod cross;
pub mod diagnostic;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod sarif;
pub mod snippet;

use std::io;
use std::ops::Range;

use codespan_reporting::term::termcolor::WriteColor;

use crate::check::Finding;
use crate::claims::{ClaimSet, Severity};
use crate::document::lines::{Column, Line, LineIndex};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Human,
    /// The same, without the summary line (`--quiet`).
    HumanQuiet,
    /// One line per finding: `path:line:col: severity[id]: message`.
    Short,
    /// Version 1 of the JSON schema.
    Json,
    /// One diagnostic of the JSON schema per line, no summary.
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab code-quality JSON.
    Gitlab,
    /// Checkstyle XML (Jenkins and others).
    Checkstyle,
    /// A Markdown table per file, for a pull-request comment.
    Markdown,
    /// One self-contained HTML page, in the style of the cross-check report.
    Html,
}

/// The findings of one checked document, with its text for rendering.
#[derive(Debug)]
pub struct FileResult {
    pub path: String,
    /// Read from standard input: it has no file to fix.
    pub from_stdin: bool,
    /// The file it was read from, as the walk named it (`path` shows it, in
    /// UTF-8, where a name may not be); `None` for a text not read from a file.
    pub file: Option<std::path::PathBuf>,
    /// The text, or the piece of the file's text that was checked.
    pub text: String,
    /// The index of `text`'s lines.
    pub lines: LineIndex,
    /// The findings, with their spans in `text`.
    pub findings: Vec<Finding>,
    /// Where `text` starts in the file.
    pub origin: Origin,
}

/// Where a text starts in its file: at the start, or, for a piece of a big file
/// checked apart from the rest, at the start of one of its lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Origin {
    /// The byte offset in the file.
    pub offset: usize,
    /// How many lines of the file come before.
    pub line: usize,
}

impl FileResult {
    /// A file checked without a finding: it keeps nothing for the report.
    pub fn empty(path: String, from_stdin: bool) -> FileResult {
        FileResult {
            path,
            from_stdin,
            file: None,
            text: String::new(),
            lines: LineIndex::new(""),
            findings: Vec::new(),
            origin: Origin::default(),
        }
    }

    /// The line and character column in the file of byte `at` of the text.
    pub fn position(&self, at: usize) -> (Line, Column) {
        let (line, column) = self.lines.position(&self.text, at);
        (Line(line.0 + self.origin.line), column)
    }

    /// The byte range in the file of the range `span` of the text.
    pub fn in_file(&self, span: &Range<usize>) -> Range<usize> {
        span.start + self.origin.offset..span.end + self.origin.offset
    }
}

/// Counts over a whole run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn new(files: usize, results: &[FileResult]) -> Summary {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for r in results {
            s.count(&r.findings);
        }
        s
    }

    /// Adds the findings' severities to the counts.
    pub fn count(&mut self, findings: &[Finding]) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }

    /// Adds another run's counts.
    pub fn add(&mut self, other: Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
    }

    /// The summary line of the human format.
    pub fn write_line(&self, out: &mut dyn io::Write) -> io::Result<()> {
        writeln!(
            out,
            "checked {}: {}, {}, {}",
            plural(self.files, "file"),
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.notes, "note"),
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Writes every finding of `results` in `format`.
pub fn write_report(
    format: Format,
    out: &mut dyn WriteColor,
    claims: &ClaimSet,
    results: &[FileResult],
    summary: Summary,
) -> io::Result<()> {
    match format {
        Format::Human | Format::HumanQuiet | Format::Short => {
            diagnostic::emit_findings(out, claims, results, format == Format::Short)?;
            if format == Format::Human {
                summary.write_line(out)?;
            }
            Ok(())
        }
        Format::Json => json::write_json(out, claims, results, summary),
        Format::Jsonl => jsonl::write_jsonl(out, claims, results),
        Format::Sarif => sarif::write_sarif(out, claims, results),
        Format::Github => github::write_github(out, claims, results),
        Format::Gitlab => gitlab::write_gitlab(out, claims, results),
        Format::Checkstyle => checkstyle::write_checkstyle(out, claims, results),
        Format::Markdown => markdown::write_markdown(out, claims, results, summary),
        Format::Html => html::write_html(out, claims, results, summary),
    }
}
