//! Claim examples: the sentences each claim documents itself with, run as tests
//! (`factlint claims test`).

use crate::claims::{ClaimSet, Severity};
use crate::document::Document;
use crate::lint::lint_document;
use crate::scan::Matcher;

/// One example that did not behave as its claim says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub claim: String,
    pub sentence: String,
    /// True where a finding was expected and none came.
    pub expected_finding: bool,
}

/// The outcome of every example of every enabled claim.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: usize,
    pub failures: Vec<Failure>,
    /// Ids of the enabled claims that have no example.
    pub without_examples: Vec<String>,
}

/// Runs every example: a `flag` sentence must give an error or warning of its
/// claim, a `pass` sentence none.
pub fn run_examples(claims: &ClaimSet, matcher: &Matcher) -> Report {
    let mut report = Report::default();
    for claim in claims
        .claims
        .iter()
        .filter(|c| c.enabled && c.declared(&claims.sources))
    {
        let ex = &claim.examples;
        if ex.flag.is_empty() && ex.pass.is_empty() {
            report.without_examples.push(claim.id.0.clone());
            continue;
        }
        let cases = ex
            .flag
            .iter()
            .map(|s| (s, true))
            .chain(ex.pass.iter().map(|s| (s, false)));
        for (sentence, want) in cases {
            let doc = Document::new("example.txt", sentence.clone());
            let got = lint_document(&doc, claims, matcher)
                .iter()
                .any(|f| claims.claims[f.claim].id == claim.id && f.severity >= Severity::Warning);
            if got == want {
                report.passed += 1;
            } else {
                report.failures.push(Failure {
                    claim: claim.id.0.clone(),
                    sentence: sentence.clone(),
                    expected_finding: want,
                });
            }
        }
    }
    report
}
