//! The cross-check as JSON, version 1 of its schema (documented in the README):
//! its own serde structs, never internal types.

use std::io;

use serde::Serialize;

use crate::claims::ClaimSet;
use crate::crosscheck::{Matrix, Status};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    documents: Vec<Document<'a>>,
    claims: Vec<Claim<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Document<'a> {
    path: &'a str,
    name: Option<&'a str>,
    kind: Option<&'a str>,
    trust: f64,
}

#[derive(Serialize)]
struct Claim<'a> {
    id: &'a str,
    kind: &'static str,
    open: bool,
    value: Option<String>,
    statement: Option<&'a str>,
    source: Option<&'a str>,
    severity: &'static str,
    file: &'a str,
    line: usize,
    counts: serde_json::Map<String, serde_json::Value>,
    values: Vec<ValueGroup<'a>>,
    consensus: Option<Consensus<'a>>,
    cells: Vec<Cell<'a>>,
}

#[derive(Serialize)]
struct ValueGroup<'a> {
    value: &'a str,
    documents: &'a [usize],
    weight: f64,
    claimed: bool,
}

#[derive(Serialize)]
struct Consensus<'a> {
    status: &'static str,
    value: Option<&'a str>,
    share: f64,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct Cell<'a> {
    document: usize,
    status: &'static str,
    evidence: Vec<Evidence<'a>>,
}

#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Sentence<'a> {
    span: Span,
    text: &'a str,
    /// Where the value's words are in `text` (bytes).
    mark: Span,
}

#[derive(Serialize)]
struct Evidence<'a> {
    status: &'static str,
    assertion: &'static str,
    cue: Option<&'a str>,
    found: &'a str,
    value: Option<String>,
    span: Span,
    line: usize,
    column: usize,
    sentence: Sentence<'a>,
    severity: Option<&'static str>,
}

#[derive(Serialize)]
struct Summary {
    documents: usize,
    claims: usize,
    /// Cells in which a document contradicts a claim (or its working value).
    contradictions: usize,
    /// Open claims the sources leave disputed (with `--consensus`).
    disputed: usize,
}

/// Writes the matrix as one JSON document (schema version 1).
pub fn write_json(out: &mut dyn io::Write, claims: &ClaimSet, m: &Matrix) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &output(claims, m))?;
    writeln!(out)
}

/// The matrix as the value of schema version 1, for a report that embeds it.
pub fn to_value(claims: &ClaimSet, m: &Matrix) -> serde_json::Result<serde_json::Value> {
    serde_json::to_value(output(claims, m))
}

fn output<'a>(claims: &'a ClaimSet, m: &'a Matrix) -> Output<'a> {
    Output {
        version: 1,
        documents: m
            .documents
            .iter()
            .map(|d| Document {
                path: &d.path,
                name: d.name.as_deref(),
                kind: d.kind.as_deref(),
                trust: d.trust,
            })
            .collect(),
        claims: m.rows.iter().map(|r| claim(claims, r)).collect(),
        summary: Summary {
            documents: m.documents.len(),
            claims: m.rows.len(),
            contradictions: m.rows.iter().map(|r| r.count(Status::Contradicts)).sum(),
            disputed: m
                .rows
                .iter()
                .filter(|r| r.consensus.as_ref().is_some_and(|c| !c.settled()))
                .count(),
        },
    }
}

fn claim<'a>(claims: &'a ClaimSet, r: &'a crate::crosscheck::Row) -> Claim<'a> {
    let c = &claims.claims[r.claim];
    let source = &claims.sources[c.file.0];
    let line = source.text[..c.value_span.start.min(source.text.len())]
        .matches('\n')
        .count()
        + 1;
    Claim {
        id: &c.id.0,
        kind: c.kind.as_str(),
        open: c.open,
        value: (!c.open).then(|| c.expected.display()),
        statement: c.statement.as_deref(),
        source: c.source.as_deref(),
        severity: c.severity.as_str(),
        file: &source.path,
        line,
        counts: Status::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), r.count(*s).into()))
            .collect(),
        values: r
            .groups
            .iter()
            .map(|g| ValueGroup {
                value: &g.shown,
                documents: &g.documents,
                weight: g.weight,
                claimed: g.claimed,
            })
            .collect(),
        consensus: r.consensus.as_ref().map(|v| Consensus {
            status: if v.settled() { "settled" } else { "disputed" },
            value: v.winner.map(|w| r.groups[w].shown.as_str()),
            share: (v.share * 1000.0).round() / 1000.0,
            reason: v.reason.as_deref(),
        }),
        cells: r
            .cells
            .iter()
            .map(|cell| Cell {
                document: cell.document,
                status: cell.status.as_str(),
                evidence: cell
                    .evidence
                    .iter()
                    .map(|e| Evidence {
                        status: e.status.as_str(),
                        assertion: e.mode.as_str(),
                        cue: e.cue.as_deref(),
                        found: &e.found,
                        value: e.value.as_ref().map(|v| v.shown(c)),
                        span: Span {
                            start: e.span.start,
                            end: e.span.end,
                        },
                        line: e.line,
                        column: e.column,
                        sentence: Sentence {
                            span: Span {
                                start: e.sentence.start,
                                end: e.sentence.end,
                            },
                            text: &e.sentence_text,
                            mark: Span {
                                start: e.mark.start,
                                end: e.mark.end,
                            },
                        },
                        severity: e.severity.map(|s| s.as_str()),
                    })
                    .collect(),
            })
            .collect(),
    }
}
