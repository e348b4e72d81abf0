//! A small cross-check made by hand for the reports' tests: three documents on a
//! lighthouse, four claims (one split, one agreed, one open and disputed, one
//! that nobody mentions).

use crate::claims::{ClaimSet, parse_claims};
use crate::crosscheck::consensus::Verdict;
use crate::crosscheck::{Cell, Evidence, Group, Matrix, Row, SourceInfo, Status, Value};
use crate::scan::AssertionMode;

const CLAIMS: &str = r#"
[subject]
name = "Skerry Light"
kind = "thing"

[[claim]]
id = "lamp.color"
kind = "term"
value = "red"
reject = ["green"]

[[claim]]
id = "tower.height"
kind = "number"
value = 30
unit = "m"
triggers = ['\btall\b']

[[claim]]
id = "beam.range"
kind = "number"
value = 1
unit = "km"
triggers = ['\bseen\b']

[[claim]]
id = "lamp.first_lit"
kind = "date"
value = "1871-05-02"
triggers = ['\blit\b']
"#;

/// One statement: its words are the first place `found` is in `sentence`.
pub(super) fn evidence(status: Status, found: &str, sentence: &str, line: usize) -> Evidence {
    let at = sentence.find(found).unwrap_or(0);
    Evidence {
        status,
        mode: match status {
            Status::Negated => AssertionMode::Negated,
            Status::Hedged => AssertionMode::Hedged,
            Status::Quoted => AssertionMode::Quoted,
            _ => AssertionMode::Asserted,
        },
        agrees: Some(status == Status::Agrees),
        cue: (status == Status::Hedged).then(|| "reportedly".to_string()),
        span: 100 + at..100 + at + found.len(),
        found: found.to_string(),
        line,
        column: at + 1,
        sentence: 100..100 + sentence.len(),
        sentence_text: sentence.to_string(),
        mark: at..at + found.len(),
        value: Some(Value::Text(found.to_string())),
        severity: None,
    }
}

fn cell(document: usize, evidence: Vec<Evidence>) -> Cell {
    Cell {
        document,
        status: evidence
            .iter()
            .map(|e| e.status)
            .min()
            .unwrap_or(Status::Silent),
        evidence,
    }
}

fn group(shown: &str, documents: &[usize], weight: f64, claimed: bool) -> Group {
    Group {
        value: Value::Text(shown.to_string()),
        shown: shown.to_string(),
        documents: documents.to_vec(),
        weight,
        claimed,
        members: Vec::new(),
    }
}

fn row(claim: usize, cells: Vec<Cell>, documents: usize, groups: Vec<Group>) -> Row {
    let mut counts = [0; 7];
    for c in &cells {
        counts[Status::ALL.iter().position(|s| *s == c.status).unwrap_or(6)] += 1;
    }
    counts[6] = documents - cells.len();
    Row {
        claim,
        cells,
        counts,
        groups,
        consensus: None,
    }
}

fn document(path: &str, name: Option<&str>, kind: Option<&str>, trust: f64) -> SourceInfo {
    SourceInfo {
        path: path.to_string(),
        name: name.map(String::from),
        kind: kind.map(String::from),
        trust,
    }
}

/// The claims and the matrix.
pub(super) fn matrix() -> (ClaimSet, Matrix) {
    let mut claims = parse_claims(vec![("lighthouse.toml".into(), CLAIMS.into())])
        .unwrap_or_else(|f| panic!("fixture claims parse: {:?}", f.errors));
    claims.claims[2].open = true;
    let rows = vec![
        color_row(),
        height_row(),
        range_row(),
        row(3, Vec::new(), 3, Vec::new()),
    ];
    (
        claims,
        Matrix {
            documents: documents(),
            rows,
        },
    )
}

/// The three documents: two plain ones and a named newspaper of double trust.
fn documents() -> Vec<SourceInfo> {
    vec![
        document("docs/log.txt", None, None, 1.0),
        document("docs/guide.txt", None, None, 1.0),
        document(
            "docs/gazette.txt",
            Some("Harbour Gazette"),
            Some("newspaper"),
            2.0,
        ),
    ]
}

/// The colour claim: green in the log and the gazette, red (hedged once) in the
/// guide.
fn color_row() -> Row {
    row(
        0,
        vec![
            cell(
                0,
                vec![evidence(
                    Status::Contradicts,
                    "green",
                    "The Skerry Light shone a steady green over the rocks.",
                    3,
                )],
            ),
            cell(
                1,
                vec![
                    evidence(Status::Agrees, "red", "Its lamp is red.", 1),
                    evidence(
                        Status::Hedged,
                        "red",
                        "The lamp was reportedly red from the first night on.",
                        9,
                    ),
                ],
            ),
            cell(
                2,
                vec![evidence(
                    Status::Contradicts,
                    "green",
                    "A green lamp | *burned* on the <tower> in `fog`.",
                    2,
                )],
            ),
        ],
        3,
        vec![
            group("green", &[0, 2], 3.0, false),
            group("red", &[1], 1.0, true),
        ],
    )
}

/// The height claim: stated once, in agreement.
fn height_row() -> Row {
    row(
        1,
        vec![cell(
            1,
            vec![evidence(
                Status::Agrees,
                "30 m",
                "The tower is 30 m tall.",
                4,
            )],
        )],
        3,
        vec![group("30 m", &[1], 1.0, true)],
    )
}

/// The open range claim: two values of equal weight, a tie.
fn range_row() -> Row {
    let mut range = row(
        2,
        vec![
            cell(
                0,
                vec![evidence(
                    Status::States,
                    "30 km",
                    "The beam was seen 30 km out.",
                    5,
                )],
            ),
            cell(
                1,
                vec![evidence(
                    Status::States,
                    "40 km",
                    "Sailors saw it from 40 km away.",
                    6,
                )],
            ),
        ],
        3,
        vec![
            group("30 km", &[0], 1.0, false),
            group("40 km", &[1], 1.0, false),
        ],
    );
    range.consensus = Some(Verdict {
        winner: None,
        share: 0.5,
        reason: Some("a tie: 30 km and 40 km weigh 1 each".to_string()),
    });
    range
}
