//! The consensus of the sources on an open claim: the weighted majority of the
//! values they give is its working value, where it is a clear one. A tie, or a
//! majority with less than the rule's share of the weight, leaves the claim
//! disputed: never settled silently.

use super::{Group, Row, SourceInfo, Status};

/// When a majority settles a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// The least share of the weight of the sources giving a value that the
    /// weightiest value must have (`0.6`).
    pub share: f64,
}

impl Default for Rule {
    fn default() -> Rule {
        Rule { share: 0.6 }
    }
}

/// What the sources settle on an open claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The index of the winning group in the row's groups; `None`: disputed.
    pub winner: Option<usize>,
    /// The weightiest value's share of the weight of the sources giving a value.
    pub share: f64,
    /// Why the claim is disputed, where it is.
    pub reason: Option<String>,
}

impl Verdict {
    pub fn settled(&self) -> bool {
        self.winner.is_some()
    }
}

/// The verdict of the sources' values: a source that gives two values counts its
/// trust once in the whole and once for each value.
pub fn decide(groups: &[Group], documents: &[SourceInfo], rule: &Rule) -> Verdict {
    let giving: Vec<usize> = {
        let mut d: Vec<usize> = groups.iter().flat_map(|g| g.documents.clone()).collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    let total: f64 = giving.iter().map(|&d| documents[d].trust).sum();
    let Some(top) = groups.first() else {
        return Verdict {
            winner: None,
            share: 0.0,
            reason: Some("no source gives a value".to_string()),
        };
    };
    let share = if total > 0.0 { top.weight / total } else { 0.0 };
    let tied = groups.get(1).is_some_and(|g| g.weight >= top.weight);
    let reason = if tied {
        Some(format!(
            "a tie: {} and {} weigh {} each",
            top.shown,
            groups[1].shown,
            weight(top.weight)
        ))
    } else if share + 1e-9 < rule.share {
        Some(format!(
            "the weightiest value, {}, has {:.0}% of the weight, under the {:.0}% a consensus needs",
            top.shown,
            share * 100.0,
            rule.share * 100.0
        ))
    } else {
        None
    };
    Verdict {
        winner: reason.is_none().then_some(0),
        share,
        reason,
    }
}

/// A weight as shown: no `.0` on whole numbers.
pub fn weight(w: f64) -> String {
    crate::claims::model::format_number((w * 100.0).round() / 100.0)
}

/// Marks each statement of a settled row as agreeing with the working value or
/// departing from it.
pub fn apply(row: &mut Row) {
    let Some(winner) = row.consensus.as_ref().and_then(|v| v.winner) else {
        return;
    };
    for (k, g) in row.groups.iter().enumerate() {
        for &(c, e) in &g.members {
            let ev = &mut row.cells[c].evidence[e];
            ev.agrees = Some(k == winner);
            if ev.status == Status::States {
                ev.status = if k == winner {
                    Status::Agrees
                } else {
                    Status::Contradicts
                };
            }
        }
    }
}

/// The sides of a row as a finding names them: `ice axe: Encyclopedia (3);
/// ice pick: essay.txt, summary.txt (2)`.
fn sides(row: &Row, documents: &[SourceInfo]) -> String {
    row.groups
        .iter()
        .map(|g| {
            let names: Vec<&str> = g.documents.iter().map(|&d| documents[d].label()).collect();
            format!("{}: {} ({})", g.shown, names.join(", "), weight(g.weight))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The findings a consensus makes, each with its document's index: in a settled
/// row, every statement of a value other than the working value, at the claim's
/// severity (a warning at most where hedged); in a disputed row, a note on every
/// statement of a value, so that the split is never settled silently.
pub fn findings(
    matrix: &super::Matrix,
    claims: &crate::claims::ClaimSet,
) -> Vec<(usize, crate::check::Finding)> {
    use crate::claims::Severity;
    let mut out = Vec::new();
    for row in &matrix.rows {
        let Some(verdict) = &row.consensus else {
            continue;
        };
        let claim = &claims.claims[row.claim];
        let sides = sides(row, &matrix.documents);
        for (k, g) in row.groups.iter().enumerate() {
            if verdict.winner == Some(k) {
                continue;
            }
            for &(c, e) in &g.members {
                let cell = &row.cells[c];
                let ev = &cell.evidence[e];
                let (severity, message, expected) = match verdict.winner {
                    Some(w) => (
                        claim.severity,
                        format!(
                            "\"{}\" departs from the sources' consensus on `{}`: {}",
                            ev.found, claim.id, row.groups[w].shown
                        ),
                        row.groups[w].shown.clone(),
                    ),
                    None => (
                        Severity::Note,
                        format!(
                            "the sources are split on `{}` ({}); this one says \"{}\"",
                            claim.id,
                            verdict.reason.as_deref().unwrap_or("disputed"),
                            ev.found
                        ),
                        String::new(),
                    ),
                };
                out.push((
                    cell.document,
                    crate::check::Finding {
                        claim: row.claim,
                        severity,
                        span: ev.span.clone(),
                        sentence: ev.sentence.clone(),
                        found: ev.found.clone(),
                        expected,
                        message,
                        label: sides.clone(),
                        fix: None,
                        mode: ev.mode,
                        cue: ev.cue.clone(),
                        remark: None,
                    },
                ));
            }
        }
    }
    out
}
