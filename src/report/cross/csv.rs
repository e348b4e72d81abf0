//! The cross-check as CSV: a header, then a row per claim, document and
//! statement; a document that says nothing of a claim has one row with the
//! statement's fields empty. Fields are quoted as RFC 4180 says (where they hold
//! a quote, a comma, a carriage return or a line feed); lines end with `\n`.

use std::io;

use crate::claims::ClaimSet;
use crate::crosscheck::{Evidence, Matrix, Status};

const HEADER: [&str; 11] = [
    "claim",
    "kind",
    "claim_value",
    "document",
    "status",
    "evidence_status",
    "value",
    "found",
    "line",
    "column",
    "sentence",
];

/// A field as RFC 4180 writes it: in quotes, each quote doubled, where it holds
/// a quote, a comma, CR or LF.
fn field(s: &str) -> String {
    if s.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn record(out: &mut dyn io::Write, fields: &[&str]) -> io::Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    writeln!(out, "{}", line.join(","))
}

/// Writes the table.
pub fn write_csv(out: &mut dyn io::Write, claims: &ClaimSet, m: &Matrix) -> io::Result<()> {
    record(out, &HEADER)?;
    for row in &m.rows {
        let claim = &claims.claims[row.claim];
        let value = if claim.open {
            String::new()
        } else {
            claim.expected.display()
        };
        let head = [claim.id.0.as_str(), claim.kind.as_str(), value.as_str()];
        for (d, doc) in m.documents.iter().enumerate() {
            let (status, evidence): (Status, &[Evidence]) = match row.cell(d) {
                Some(cell) => (cell.status, &cell.evidence),
                None => (Status::Silent, &[]),
            };
            let cell = [doc.path.as_str(), status.as_str()];
            if evidence.is_empty() {
                record(out, &[&head[..], &cell[..], &[""; 6][..]].concat())?;
            }
            for e in evidence {
                let (shown, line, column) = (
                    e.value.as_ref().map(|v| v.shown(claim)).unwrap_or_default(),
                    e.line.to_string(),
                    e.column.to_string(),
                );
                let said = [
                    e.status.as_str(),
                    shown.as_str(),
                    e.found.as_str(),
                    line.as_str(),
                    column.as_str(),
                    e.sentence_text.as_str(),
                ];
                record(out, &[&head[..], &cell[..], &said[..]].concat())?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn fields_with_quotes_commas_or_line_breaks_are_quoted() {
        assert_eq!(field("plain words"), "plain words");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(
            field("the \"Skerry\" light"),
            "\"the \"\"Skerry\"\" light\""
        );
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
        assert_eq!(field("\""), "\"\"\"\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn a_row_per_claim_document_and_statement() {
        let (claims, m) = fixture::matrix();
        let mut out = Vec::new();
        write_csv(&mut out, &claims, &m).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "claim,kind,claim_value,document,status,evidence_status,value,found,line,column,sentence"
        );
        assert_eq!(
            lines[1..5],
            [
                "lamp.color,term,red,docs/log.txt,contradicts,contradicts,green,green,3,33,The Skerry Light shone a steady green over the rocks.",
                "lamp.color,term,red,docs/guide.txt,agrees,agrees,red,red,1,13,Its lamp is red.",
                "lamp.color,term,red,docs/guide.txt,agrees,hedged,red,red,9,25,The lamp was reportedly red from the first night on.",
                "lamp.color,term,red,docs/gazette.txt,contradicts,contradicts,green,green,2,3,A green lamp | *burned* on the <tower> in `fog`.",
            ]
        );
        assert_eq!(lines[5], "tower.height,number,30,docs/log.txt,silent,,,,,,");
        assert!(
            lines.contains(&"beam.range,number,,docs/log.txt,states,states,30 km,30 km,5,19,The beam was seen 30 km out."),
            "{text}"
        );
        // Four claims × three documents, and one more statement.
        assert_eq!(lines.len(), 1 + 4 * 3 + 1);
    }
}
