//! Hover and go to definition on a finding: what the claim says (statement,
//! value, accepted variants, source), and where its `value` is declared.

use std::rc::Rc;

use lsp_types::{GotoDefinitionResponse, Hover, HoverContents, MarkupContent, MarkupKind};

use super::diagnostics::claim_location;
use super::position::Positions;
use super::project::Project;
use super::store::OpenDocument;
use crate::check::Finding;
use crate::claims::model::format_number;
use crate::claims::{Claim, Expected};

/// The hover of the finding under the cursor: its claim, described.
pub fn hover(doc: &OpenDocument, at: lsp_types::Position, pos: Positions<'_>) -> Option<Hover> {
    let (finding, project) = finding_at(doc, at, pos)?;
    let claim = project
        .loaded
        .as_ref()
        .ok()?
        .claims
        .claims
        .get(finding.claim)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: describe(claim),
        }),
        range: Some(pos.range(finding.span.clone())),
    })
}

/// The `value` of the claim of the finding under the cursor, in its claims file.
pub fn definition(
    doc: &OpenDocument,
    at: lsp_types::Position,
    pos: Positions<'_>,
) -> Option<GotoDefinitionResponse> {
    let (finding, project) = finding_at(doc, at, pos)?;
    let loaded = project.loaded.as_ref().ok()?;
    claim_location(loaded, &project.claims_paths, finding.claim, pos.encoding)
        .map(GotoDefinitionResponse::Scalar)
}

/// The first finding under the cursor `at`, with its project.
fn finding_at<'d>(
    doc: &'d OpenDocument,
    at: lsp_types::Position,
    pos: Positions<'_>,
) -> Option<(&'d Finding, &'d Rc<Project>)> {
    let offset = pos.offset(at);
    doc.findings_at(offset..offset).into_iter().next()
}

/// A claim in Markdown: its id and kind, statement, value, accepted and
/// rejected variants, and source.
pub fn describe(claim: &Claim) -> String {
    let mut out = format!("**{}** ({} claim)\n", claim.id, claim.kind.as_str());
    if let Some(s) = &claim.statement {
        out.push_str(&format!("\n{s}\n"));
    }
    out.push_str(&format!("\n- value: `{}`\n", claim.value_text()));
    let (accepted, rejected) = variants(&claim.expected);
    let list = |v: Vec<String>| {
        v.iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !accepted.is_empty() {
        out.push_str(&format!("- accepted: {}\n", list(accepted)));
    }
    if !rejected.is_empty() {
        out.push_str(&format!("- rejected: {}\n", list(rejected)));
    }
    if let Some(s) = &claim.source {
        out.push_str(&format!("- source: {s}\n"));
    }
    out
}

/// The accepted and the known wrong variants of a value.
fn variants(expected: &Expected) -> (Vec<String>, Vec<String>) {
    match expected {
        Expected::Term { accept, reject, .. } | Expected::Role { accept, reject, .. } => {
            (accept.clone(), reject.clone())
        }
        Expected::Date { accept, .. } => {
            (accept.iter().map(ToString::to_string).collect(), Vec::new())
        }
        Expected::Number { accept, .. } => (
            accept.iter().map(|a| format_number(*a)).collect(),
            Vec::new(),
        ),
        Expected::Duration { accept, .. } => (
            accept
                .iter()
                .map(|a| crate::units::duration::format(*a))
                .collect(),
            Vec::new(),
        ),
        Expected::Time(t) => (
            t.accept.iter().map(ToString::to_string).collect(),
            Vec::new(),
        ),
        Expected::Event { .. } => (Vec::new(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_claim_is_described_with_its_variants_and_source() {
        let toml = "[[claim]]\nid = \"death.weapon\"\nkind = \"term\"\nvalue = \"ice axe\"\naccept = [\"mountaineering axe\"]\nreject = [\"ice pick\", \"pickaxe\"]\nstatement = \"Trotsky was struck with an ice axe\"\nsource = \"the coroner's report\"\n";
        let set = crate::claims::parse_claims(vec![("c.toml".into(), toml.into())]).unwrap();
        assert_eq!(
            describe(set.get("death.weapon").unwrap()),
            "**death.weapon** (term claim)\n\nTrotsky was struck with an ice axe\n\n- value: `ice axe`\n- accepted: `mountaineering axe`\n- rejected: `ice pick`, `pickaxe`\n- source: the coroner's report\n"
        );
    }

    #[test]
    fn a_date_claim_lists_its_accepted_dates() {
        let toml = "[[claim]]\nid = \"birth.date\"\nkind = \"date\"\nvalue = \"1879-11-07\"\naccept = [\"1879-10-26\"]\ntriggers = ['\\bborn\\b']\n";
        let set = crate::claims::parse_claims(vec![("c.toml".into(), toml.into())]).unwrap();
        assert_eq!(
            describe(set.get("birth.date").unwrap()),
            "**birth.date** (date claim)\n\n- value: `7 November 1879`\n- accepted: `26 October 1879`\n"
        );
    }
}
