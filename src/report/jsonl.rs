//! JSON-lines output: one diagnostic of the JSON schema (version 1) per line, a
//! document's lines written as soon as it is checked, and no summary. A document
//! read from JSON lines brings its other fields along, after the diagnostic's.

use std::io;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::FileResult;
use super::json::{JsonDiagnostic, diagnostic};
use crate::claims::ClaimSet;

/// The fields of a diagnostic: a passed-through field of the same name is dropped,
/// so that every line keeps the schema's meaning of its keys.
pub const DIAGNOSTIC_FIELDS: [&str; 13] = [
    "claim",
    "severity",
    "message",
    "path",
    "span",
    "line",
    "column",
    "end_line",
    "end_column",
    "found",
    "expected",
    "fix",
    "assertion",
];

#[derive(serde::Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
    #[serde(flatten)]
    extra: Extra<'a>,
}

/// The passed-through fields, less those named like a diagnostic's.
struct Extra<'a>(Option<&'a Map<String, Value>>);

impl Serialize for Extra<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (k, v) in self.0.into_iter().flatten() {
            if !DIAGNOSTIC_FIELDS.contains(&k.as_str()) {
                map.serialize_entry(k, v)?;
            }
        }
        map.end()
    }
}

/// Writes the findings of one document, a line each, with `extra`'s fields added
/// to every line.
pub fn write_file(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    r: &FileResult,
    extra: Option<&Map<String, Value>>,
) -> io::Result<()> {
    for f in &r.findings {
        let line = Line {
            diagnostic: diagnostic(claims, r, f),
            extra: Extra(extra),
        };
        serde_json::to_writer(&mut *out, &line)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the findings of every document, in order.
pub fn write_jsonl(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
) -> io::Result<()> {
    for r in results {
        write_file(out, claims, r, None)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::parse_claims;
    use crate::document::Document;
    use crate::lint::lint_document;
    use crate::scan::Matcher;

    const CLAIMS: &str = r#"
[[claim]]
id = "bridge.opened"
kind = "date"
value = "1932-03-19"
triggers = ['\bopened\b']
"#;

    fn result(text: &str) -> (ClaimSet, FileResult) {
        let claims = parse_claims(vec![("c.toml".into(), CLAIMS.into())])
            .unwrap_or_else(|f| panic!("claims parse: {:?}", f.errors));
        let matcher = Matcher::new(&claims).expect("matcher");
        let doc = Document::new("a.txt", text.to_string());
        let findings = lint_document(&doc, &claims, &matcher);
        let (text, lines) = doc.into_source();
        let r = FileResult {
            path: "a.txt".into(),
            from_stdin: false,
            file: None,
            text,
            lines,
            findings,
            origin: Default::default(),
        };
        (claims, r)
    }

    fn lines(claims: &ClaimSet, r: &FileResult, extra: Option<&Map<String, Value>>) -> String {
        let mut out = Vec::new();
        write_file(&mut out, claims, r, extra).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn one_line_per_finding_with_the_fields_of_the_schema() {
        let (claims, r) = result("The bridge opened in 1933.\nIt opened in 1934 too.\n");
        let out = lines(&claims, &r, None);
        let rows: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["found"], "1933");
        assert_eq!(rows[0]["span"], serde_json::json!({"start": 21, "end": 25}));
        assert_eq!(rows[1]["line"], 2);
        let keys: Vec<&String> = rows[0].as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), DIAGNOSTIC_FIELDS.len());
    }

    #[test]
    fn extra_fields_follow_the_diagnostic_and_never_replace_its_own() {
        let (claims, r) = result("The bridge opened in 1933.\n");
        let extra: Map<String, Value> =
            serde_json::from_str(r#"{"lang": "en", "path": "elsewhere", "n": [1, 2]}"#)
                .expect("map");
        let out = lines(&claims, &r, Some(&extra));
        assert!(out.starts_with(r#"{"claim":"bridge.opened","#), "{out}");
        assert!(
            out.ends_with(concat!(
                r#""assertion":"asserted","lang":"en","n":[1,2]}"#,
                "\n"
            )),
            "{out}"
        );
        assert_eq!(out.matches(r#""path":"a.txt""#).count(), 1);
        assert!(!out.contains("elsewhere"));
    }

    #[test]
    fn a_document_without_findings_writes_nothing() {
        let (claims, r) = result("The bridge opened in 1932.\n");
        assert_eq!(lines(&claims, &r, None), "");
    }
}
