//! Findings and claims-file errors as codespan-reporting diagnostics.

use std::io;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::{self, Config, DisplayStyle};

use super::FileResult;
use super::snippet::Snippets;
use crate::check::Finding;
use crate::claims::{ClaimSet, ClaimsErrorKind, ClaimsSource, LoadFailure, Severity};
use crate::scan::AssertionMode;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    }
}

fn to_io(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// The diagnostic for one finding: primary label on the wrong words, secondary on
/// the claim's value in its TOML, a note with the source, a help with the fix.
pub fn finding_diagnostic(
    claims: &ClaimSet,
    finding: &Finding,
    doc_file: usize,
    doc_span: std::ops::Range<usize>,
    claims_file_base: usize,
) -> Diagnostic<usize> {
    let claim = &claims.claims[finding.claim];
    let mut notes = Vec::new();
    match (finding.mode, &finding.cue) {
        (AssertionMode::Quoted | AssertionMode::QuotedDenial, _) => {
            notes.push("note: quoted, not asserted".to_string())
        }
        (AssertionMode::Hedged, Some(cue)) => notes.push(format!(
            "note: hedged (\"{cue}\"): reported, not asserted outright"
        )),
        (AssertionMode::HedgedDenial, Some(cue)) => notes.push(format!(
            "note: hedged denial (\"{cue}\"): the sentence doubts the claimed value rather than denying it outright"
        )),
        (AssertionMode::Negated, Some(cue)) => notes.push(format!(
            "note: negated (\"{cue}\"): the sentence denies the claimed value"
        )),
        _ => {}
    }
    if let Some(remark) = &finding.remark {
        notes.push(format!("note: {remark}"));
    }
    if let Some(source) = &claim.source {
        notes.push(format!("note: source: {source}"));
    }
    if let Some(fix) = &finding.fix {
        notes.push(format!("help: replace with \"{}\"", fix.replacement));
    }
    let mut labels = vec![Label::primary(doc_file, doc_span).with_message(finding.label.clone())];
    if claim.declared(&claims.sources) {
        labels.push(
            Label::secondary(claims_file_base + claim.file.0, claim.value_span.clone())
                .with_message(if claim.open {
                    "open question declared here"
                } else {
                    "canonical value declared here"
                }),
        );
    }
    Diagnostic::new(severity(finding.severity))
        .with_code(claim.id.0.clone())
        .with_message(finding.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

fn config(short: bool) -> Config {
    Config {
        display_style: if short {
            DisplayStyle::Short
        } else {
            DisplayStyle::Rich
        },
        ..Config::default()
    }
}

fn add_claims_sources(files: &mut Snippets, sources: &[ClaimsSource]) -> usize {
    let mut base = None;
    for s in sources {
        let id = files.add_full(&s.path, &s.text);
        base.get_or_insert(id);
    }
    base.unwrap_or(0)
}

/// Renders every finding, in order, as rich or short diagnostics.
pub fn emit_findings(
    out: &mut dyn WriteColor,
    claims: &ClaimSet,
    results: &[FileResult],
    short: bool,
) -> io::Result<()> {
    let mut writer = FindingWriter::new(claims, short);
    for r in results {
        writer.write_file(out, r)?;
    }
    Ok(())
}

/// Renders the findings of one file at a time as rich or short diagnostics; the
/// claims files their labels point into are loaded once.
#[derive(Debug)]
pub struct FindingWriter<'c> {
    claims: &'c ClaimSet,
    files: Snippets,
    /// The id of the first claims file.
    base: usize,
    config: Config,
}

impl<'c> FindingWriter<'c> {
    pub fn new(claims: &'c ClaimSet, short: bool) -> FindingWriter<'c> {
        let mut files = Snippets::default();
        let base = add_claims_sources(&mut files, &claims.sources);
        FindingWriter {
            claims,
            files,
            base,
            config: config(short),
        }
    }

    /// Renders every finding of `r`, in order.
    pub fn write_file(&mut self, out: &mut dyn WriteColor, r: &FileResult) -> io::Result<()> {
        let kept = self.files.len();
        let written = r.findings.iter().try_for_each(|f| {
            let (id, span) = self.files.add_excerpt(
                &r.path,
                (&r.text, r.origin.line),
                f.span.clone(),
                f.sentence.clone(),
                &r.lines,
            );
            let d = finding_diagnostic(self.claims, f, id, span, self.base);
            term::emit_to_write_style(out, &self.config, &self.files, &d).map_err(to_io)
        });
        // The excerpts of one file are not needed for the next.
        self.files.truncate(kept);
        written
    }
}

/// Renders every claims-file error at its span in the TOML.
pub fn emit_claims_errors(out: &mut dyn WriteColor, failure: &LoadFailure) -> io::Result<()> {
    emit_claims_problems(out, &failure.sources, &failure.errors, Severity::Error)
}

/// Renders the warnings of valid claims files (a unit no number can carry).
pub fn emit_claims_warnings(out: &mut dyn WriteColor, claims: &ClaimSet) -> io::Result<()> {
    emit_claims_problems(out, &claims.sources, &claims.warnings, Severity::Warning)
}

fn emit_claims_problems(
    out: &mut dyn WriteColor,
    sources: &[ClaimsSource],
    problems: &[crate::claims::ClaimsError],
    severity: Severity,
) -> io::Result<()> {
    let mut files = Snippets::default();
    let base = add_claims_sources(&mut files, sources);
    let config = config(false);
    for e in problems {
        let d = match severity {
            Severity::Error => Diagnostic::error(),
            _ => Diagnostic::warning(),
        };
        let mut d = d.with_code(e.kind.code()).with_message(e.message.clone());
        match &e.span {
            Some(span) => {
                d = d.with_labels(vec![Label::primary(base + e.file.0, span.clone())]);
            }
            None if e.kind == ClaimsErrorKind::Io => {}
            None => {
                let path = &sources[e.file.0].path;
                d = d.with_notes(vec![format!("note: in {path}")]);
            }
        }
        term::emit_to_write_style(out, &config, &files, &d).map_err(to_io)?;
    }
    Ok(())
}

/// Renders errors in one file that is not a claims file (the configuration).
pub fn emit_file_errors(
    out: &mut dyn WriteColor,
    path: &str,
    text: &str,
    errors: &[(&str, String, Option<std::ops::Range<usize>>)],
) -> io::Result<()> {
    let mut files = Snippets::default();
    let id = files.add_full(path, text);
    let config = config(false);
    for (code, message, span) in errors {
        let mut d = Diagnostic::error()
            .with_code(code.to_string())
            .with_message(message.clone());
        if let Some(span) = span {
            d = d.with_labels(vec![Label::primary(id, span.clone())]);
        }
        term::emit_to_write_style(out, &config, &files, &d).map_err(to_io)?;
    }
    Ok(())
}
