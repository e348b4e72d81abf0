//! SARIF 2.1.0, for code scanning: one rule per claim (with its source as help),
//! one result per finding, with regions, fixes and fingerprints.

use std::io;

use serde_json::{Value, json};

use super::FileResult;
use super::fingerprint::fingerprint;
use crate::check::Finding;
use crate::claims::{Claim, ClaimSet, Severity};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Writes one SARIF log with one run.
pub fn write_sarif(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
) -> io::Result<()> {
    let rules: Vec<Value> = claims.claims.iter().map(rule).collect();
    let sarif_results: Vec<Value> = results
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| result(claims, r, f)))
        .collect();
    let mut log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "factlint",
                    "version": env!("CARGO_PKG_VERSION"),
                }
            },
            "columnKind": "unicodeCodePoints",
        }]
    });
    // Moved in, not written into `json!`, which would copy each value whole.
    let run = &mut log["runs"][0];
    run["tool"]["driver"]["rules"] = Value::Array(rules);
    run["results"] = Value::Array(sarif_results);
    // Written to memory first: the serializer makes a small write for each
    // token, and `out` may be unbuffered.
    let mut text = serde_json::to_vec_pretty(&log)?;
    text.push(b'\n');
    out.write_all(&text)
}

/// The rule of one claim: its statement, value and kind, with its source as help.
fn rule(c: &Claim) -> Value {
    let text = c.statement.as_ref().map_or_else(
        || format!("{} is {}", c.id, c.value_text()),
        |s| format!("{}.", s.trim_end_matches('.')),
    );
    let help = c.source.as_ref().map_or_else(
        || format!("The claims give {}.", c.value_text()),
        |s| format!("Source: {s}"),
    );
    json!({
        "id": c.id.0,
        "name": c.id.0,
        "shortDescription": {"text": text},
        "fullDescription": {"text": format!("{text} ({} claim, value {})", c.kind.as_str(), c.value_text())},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(c.severity)},
        "properties": {"kind": c.kind.as_str()}
    })
}

/// The result of one finding of file `r`: its region, fingerprint and fix.
fn result(claims: &ClaimSet, r: &FileResult, f: &Finding) -> Value {
    let id = &claims.claims[f.claim].id.0;
    let (line, col) = r.position(f.span.start);
    let (end_line, end_col) = r.position(f.span.end);
    let span = r.in_file(&f.span);
    let region = json!({
        "startLine": line.0,
        "startColumn": col.0,
        "endLine": end_line.0,
        "endColumn": end_col.0,
        "byteOffset": span.start,
        "byteLength": span.len(),
        "snippet": {"text": f.found},
    });
    let mut result = json!({
        "ruleId": id,
        "ruleIndex": f.claim,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": r.path},
            }
        }],
        "partialFingerprints": {
            "factlint/v1": fingerprint(id, &r.path, &r.text[f.sentence.clone()], &f.found),
        },
        "properties": {"assertion": f.mode.as_str(), "expected": f.expected},
    });
    result["locations"][0]["physicalLocation"]["region"] = region;
    if let Some(fix) = &f.fix {
        result["fixes"] = json!([{
            "description": {"text": format!("Replace with \"{}\"", fix.replacement)},
            "artifactChanges": [{
                "artifactLocation": {"uri": r.path},
                "replacements": [{
                    "deletedRegion": {"byteOffset": span.start, "byteLength": span.len()},
                    "insertedContent": {"text": fix.replacement},
                }],
            }],
        }]);
    }
    result
}
