//! Baselines: the findings an old corpus already has, accepted so that a pull
//! request is judged only on what it adds.
//!
//! A finding is matched by its claim, its path and the fingerprint of its sentence
//! ([`crate::report::fingerprint`]), so it survives edits elsewhere in the file;
//! each recorded finding accepts one finding.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::claims::ClaimSet;
use crate::report::FileResult;
use crate::report::fingerprint::fingerprint;

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Hash, Clone)]
struct Entry {
    claim: String,
    path: String,
    fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

fn entries(claims: &ClaimSet, results: &[FileResult]) -> Vec<Vec<Entry>> {
    results
        .iter()
        .map(|r| {
            r.findings
                .iter()
                .map(|f| {
                    let claim = claims.claims[f.claim].id.0.clone();
                    Entry {
                        fingerprint: fingerprint(
                            &claim,
                            &r.path,
                            &r.text[f.sentence.clone()],
                            &f.found,
                        ),
                        claim,
                        path: r.path.clone(),
                    }
                })
                .collect()
        })
        .collect()
}

/// Writes every finding of `results` as a baseline.
pub fn write_baseline(
    path: &Path,
    claims: &ClaimSet,
    results: &[FileResult],
) -> std::io::Result<()> {
    let file = File {
        version: 1,
        findings: entries(claims, results).into_iter().flatten().collect(),
    };
    let text = serde_json::to_string_pretty(&file)?;
    std::fs::write(path, text + "\n")
}

/// Removes the findings the baseline at `path` records; returns how many.
pub fn apply_baseline(
    path: &Path,
    claims: &ClaimSet,
    results: &mut [FileResult],
) -> Result<usize, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    let file: File = serde_json::from_str(&text)
        .map_err(|e| format!("baseline {} is not valid: {e}", path.display()))?;
    if file.version != 1 {
        return Err(format!(
            "baseline {} has version {}: expected 1",
            path.display(),
            file.version
        ));
    }
    let mut left: HashMap<Entry, usize> = HashMap::new();
    for e in file.findings {
        *left.entry(e).or_default() += 1;
    }
    let keys = entries(claims, results);
    let mut removed = 0;
    for (r, keys) in results.iter_mut().zip(keys) {
        let mut k = keys.into_iter();
        r.findings.retain(|_| {
            let key = k.next().expect("one key per finding");
            match left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    removed += 1;
                    false
                }
                _ => true,
            }
        });
    }
    Ok(removed)
}
