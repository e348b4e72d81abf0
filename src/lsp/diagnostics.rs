//! Findings and file problems as LSP diagnostics: the range of the wrong words,
//! the claim id as the code, the claim's `value` in its claims file (and its
//! source) as related information, and the message of the short format.

use std::ops::Range;
use std::path::PathBuf;

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
};

use super::position::{Encoding, Positions};
use super::project::Loaded;
use super::uri::from_path;
use crate::check::Finding;
use crate::claims::Severity;

/// What every diagnostic of this server says it comes from.
pub const SOURCE: &str = "factlint";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    }
}

/// The diagnostic of one finding of a document.
pub fn finding_diagnostic(
    f: &Finding,
    doc: Positions<'_>,
    loaded: &Loaded,
    claims_paths: &[PathBuf],
) -> Diagnostic {
    let claim = &loaded.claims.claims[f.claim];
    // The claim's source goes with its value, as the command line's note does.
    let declared = match claim.open {
        true => "open question declared here",
        false => "canonical value declared here",
    };
    let message = match &claim.source {
        Some(source) => format!("{declared}; source: {source}"),
        None => declared.to_string(),
    };
    let related = claim_location(loaded, claims_paths, f.claim, doc.encoding)
        .map(|location| vec![DiagnosticRelatedInformation { location, message }]);
    Diagnostic {
        range: doc.range(f.span.clone()),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(claim.id.0.clone())),
        source: Some(SOURCE.to_string()),
        message: f.message.clone(),
        related_information: related,
        ..Diagnostic::default()
    }
}

/// Where the claim at `index` declares its value: the `value` in its claims
/// file. A claim factlint makes itself has none.
pub fn claim_location(
    loaded: &Loaded,
    claims_paths: &[PathBuf],
    index: usize,
    encoding: Encoding,
) -> Option<Location> {
    let claim = loaded.claims.claims.get(index)?;
    if !claim.declared(&loaded.claims.sources) {
        return None;
    }
    let file = claim.file.0;
    let positions = Positions {
        text: &loaded.claims.sources[file].text,
        lines: &loaded.claims_lines[file],
        encoding,
    };
    Some(Location {
        uri: from_path(claims_paths.get(file)?)?,
        range: positions.range(claim.value_span.clone()),
    })
}

/// A problem in a claims file or a configuration, at its span in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The stable code (`unknown-field`, `duplicate-id`).
    pub code: String,
    pub message: String,
    pub span: Option<Range<usize>>,
    pub severity: Severity,
}

/// The diagnostic of a problem; one without a span is at the file's start.
pub fn problem_diagnostic(p: &Problem, file: Positions<'_>) -> Diagnostic {
    Diagnostic {
        range: file.range(p.span.clone().unwrap_or(0..0)),
        severity: Some(severity(p.severity)),
        code: Some(NumberOrString::String(p.code.clone())),
        source: Some(SOURCE.to_string()),
        message: p.message.clone(),
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_map_notes_to_information() {
        assert_eq!(severity(Severity::Error), DiagnosticSeverity::ERROR);
        assert_eq!(severity(Severity::Warning), DiagnosticSeverity::WARNING);
        assert_eq!(severity(Severity::Note), DiagnosticSeverity::INFORMATION);
    }

    #[test]
    fn a_problem_without_a_span_is_at_the_start() {
        let text = "a = 1\n";
        let lines = crate::document::lines::LineIndex::new(text);
        let p = Problem {
            code: "io".into(),
            message: "cannot read".into(),
            span: None,
            severity: Severity::Error,
        };
        let pos = Positions {
            text,
            lines: &lines,
            encoding: Encoding::Utf16,
        };
        let d = problem_diagnostic(&p, pos);
        assert_eq!(d.range, lsp_types::Range::default());
        assert_eq!(d.code, Some(NumberOrString::String("io".into())));
        assert_eq!(d.severity, Some(DiagnosticSeverity::ERROR));
    }
}
