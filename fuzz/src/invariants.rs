//! The invariants the targets assert: spans, positions, fixes and reports.

use std::ops::Range;

use codespan_reporting::term::termcolor::NoColor;
use factlint::check::Finding;
use factlint::claims::{ClaimSet, LoadFailure};
use factlint::document::lines::LineIndex;
use factlint::document::markup::Prose;
use factlint::fix::Edit;
use factlint::report::{FileResult, Format, Summary, diagnostic, write_report};

/// `span` lies inside `text`, on character boundaries.
pub(crate) fn inside(text: &str, span: &Range<usize>) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "span {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span {span:?} not on character boundaries"
    );
}

/// Every finding lies inside its sentence, on the words it quotes.
pub(crate) fn check_findings(text: &str, findings: &[Finding]) {
    for f in findings {
        inside(text, &f.span);
        inside(text, &f.sentence);
        assert_eq!(
            &text[f.span.clone()],
            f.found,
            "`found` is the spanned text"
        );
        assert!(
            f.sentence.start <= f.span.start && f.span.end <= f.sentence.end,
            "span {:?} outside its sentence {:?}",
            f.span,
            f.sentence
        );
        assert!(!f.message.is_empty() && !f.message.contains('\n'));
    }
}

/// The 1-based line and character column of byte `at`, counted from scratch: a
/// line ends at a line feed, or at a carriage return not followed by one; a
/// byte-order mark at the start is no column.
pub(crate) fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for (i, c) in text[..at].char_indices() {
        let ends = c == '\n' || (c == '\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
        if ends {
            (line, column) = (line + 1, 1);
        } else if !(i == 0 && c == '\u{feff}') {
            column += 1;
        }
    }
    (line, column)
}

/// Writes the findings in every format, and checks each output: JSON parses,
/// XML is well formed, one line a finding where the format says so, and every
/// position is the one counted from scratch.
/// Every format written for one report of `files` (a name, its text and its
/// findings, each file's text being checked as a different markup): the
/// positions are those counted from scratch, and the output reads as the
/// format says.
pub(crate) fn check_reports(claims: &ClaimSet, files: Vec<(&str, &str, Vec<Finding>)>) {
    let results: Vec<FileResult> = files
        .into_iter()
        .map(|(path, text, findings)| FileResult {
            path: path.to_string(),
            from_stdin: false,
            file: None,
            text: text.to_string(),
            lines: LineIndex::new(text),
            findings,
            origin: Default::default(),
        })
        .collect();
    // Each finding's file and position, in the order of the report.
    let mut positions: Vec<(&str, usize, usize)> = Vec::new();
    for result in &results {
        for f in &result.findings {
            let (line, column) = line_and_column(&result.text, f.span.start);
            let (l, c) = result.position(f.span.start);
            assert_eq!((l.0, c.0), (line, column), "position of {:?}", f.span);
            positions.push((&result.path, line, column));
        }
    }
    for format in FORMATS {
        let mut out = NoColor::new(Vec::new());
        write_report(
            format,
            &mut out,
            claims,
            &results,
            Summary::new(results.len(), &results),
        )
        .expect("writes to memory");
        let out = String::from_utf8(out.into_inner()).expect("output is UTF-8");
        parses(format, &out, &positions);
    }
}

const FORMATS: [Format; 11] = [
    Format::Human,
    Format::HumanQuiet,
    Format::Short,
    Format::Json,
    Format::Jsonl,
    Format::Sarif,
    Format::Github,
    Format::Gitlab,
    Format::Checkstyle,
    Format::Markdown,
    Format::Html,
];

/// `out` reads as `format` says, with the findings at `positions`.
fn parses(format: Format, out: &str, positions: &[(&str, usize, usize)]) {
    let json = |s: &str| -> serde_json::Value {
        serde_json::from_str(s).unwrap_or_else(|e| panic!("{format:?}: {e}: {s}"))
    };
    match format {
        Format::Json | Format::Sarif | Format::Gitlab => {
            // Parsed in full, but into nothing: building a tree of a SARIF
            // report's rules, one a claim, cost more than the check itself.
            serde_json::from_str::<serde::de::IgnoredAny>(out)
                .unwrap_or_else(|e| panic!("{format:?}: {e}: {out}"));
        }
        Format::Jsonl => {
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), positions.len(), "one line a finding");
            for (line, &(_, l, c)) in lines.iter().zip(positions) {
                let v = json(line);
                assert_eq!(v["line"].as_u64(), Some(l as u64), "{line}");
                assert_eq!(v["column"].as_u64(), Some(c as u64), "{line}");
            }
        }
        Format::Short => {
            let lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.len(), positions.len(), "one line a finding: {out}");
            for (line, &(path, l, c)) in lines.iter().zip(positions) {
                let at = format!("{path}:{l}:{c}: ");
                assert!(line.starts_with(&at), "{line} should start with {at}");
            }
        }
        Format::Github => {
            assert_eq!(out.lines().count(), positions.len(), "{out}");
            assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
        }
        Format::Checkstyle => well_formed_xml(out),
        Format::Human | Format::HumanQuiet | Format::Markdown | Format::Html => {}
    }
}

fn well_formed_xml(out: &str) {
    let mut reader = quick_xml::Reader::from_str(out);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Empty(e)) => {
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|e| panic!("{e}: {out}"));
                    a.unescape_value().unwrap_or_else(|e| panic!("{e}: {out}"));
                }
            }
            Ok(_) => {}
            Err(e) => panic!("checkstyle XML: {e}: {out}"),
        }
        assert!(depth >= 0, "{out}");
    }
    assert_eq!(depth, 0, "every element closed: {out}");
}

/// The claims file errors render.
pub(crate) fn renders_claims_errors(failure: &LoadFailure) {
    let mut out = NoColor::new(Vec::new());
    diagnostic::emit_claims_errors(&mut out, failure).expect("writes to memory");
    String::from_utf8(out.into_inner()).expect("output is UTF-8");
}

/// The fixed text is the original with each applied edit's span replaced and
/// nothing else: returns each applied edit's claim and range in the fixed text.
pub(crate) fn only_spans_changed(
    original: &str,
    fixed: &str,
    fixes: &[(usize, Edit)],
    applied: usize,
) -> Vec<(usize, Range<usize>)> {
    let mut sorted: Vec<&(usize, Edit)> = fixes.iter().collect();
    sorted.sort_by_key(|(_, e)| (e.span.start, e.span.end));
    let mut rebuilt = String::new();
    let mut placed = Vec::new();
    let mut at = 0;
    for (claim, e) in sorted {
        if e.span.start < at || original.get(e.span.clone()) != Some(e.expect.as_str()) {
            continue;
        }
        rebuilt.push_str(&original[at..e.span.start]);
        placed.push((*claim, rebuilt.len()..rebuilt.len() + e.replacement.len()));
        rebuilt.push_str(&e.replacement);
        at = e.span.end;
    }
    rebuilt.push_str(&original[at..]);
    assert_eq!(
        placed.len(),
        applied,
        "every edit that reads its words applies"
    );
    assert_eq!(rebuilt, fixed, "only the fixed spans change");
    placed
}

/// Every character of the prose maps back inside the source, on character
/// boundaries; the marked ranges lie inside the prose.
pub(crate) fn prose_maps_back(source: &str, prose: &Prose) {
    let text = &prose.text;
    for (i, c) in text.char_indices() {
        inside(source, &prose.source_range(text, i..i + c.len_utf8()));
    }
    for r in prose
        .quoted
        .iter()
        .chain(prose.blocks.iter().map(|(r, _)| r))
    {
        inside(text, r);
    }
    for cell in &prose.cells {
        inside(text, &cell.range);
    }
}

/// What `check` skips loses no finding: a document the prefilter turns away has
/// none, and the sentences `scan_for_findings` passes over (agreeing forms with
/// no cue of a denial) add none to what reading every statement finds.
pub(crate) fn gates_lose_nothing(
    doc: &factlint::document::Document,
    claims: &factlint::claims::ClaimSet,
    matcher: &factlint::scan::Matcher,
    findings: &[factlint::check::Finding],
    markup: factlint::document::markup::Markup,
) {
    // The page's own reading of its people, as `check` makes it.
    let variant = matcher.for_document(doc, claims);
    let matcher = variant.as_deref().unwrap_or(matcher);
    let every = factlint::scan::scan_document(doc, claims, matcher);
    let options = factlint::check::CheckOptions::default();
    let all = factlint::lint::lint_assertions(doc, claims, matcher, &every, &options);
    assert_eq!(findings, all.as_slice(), "findings of every statement");
    if !findings.is_empty() {
        let source = doc.source().to_string();
        let admitted = factlint::document::Document::admitted("doc", source, markup, Some(matcher));
        assert!(admitted.is_some(), "the prefilter turned away {findings:?}");
    }
}
