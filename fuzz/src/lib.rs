//! What the fuzz targets check. Each target takes any bytes and asserts the
//! invariants of its stage, not only that nothing panics; `tests/fuzz_corpus.rs`
//! replays the committed corpus through the same functions on stable.

use std::path::Path;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use factlint::claims::{ClaimSet, parse_claims};
use factlint::document::Document;
use factlint::document::decode::{Decoder, decode};
use factlint::document::markup::{Markup, prose};
use factlint::fix::{Edit, machine_edits, plan_checked};
use factlint::lint::lint_document;
use factlint::scan::Matcher;

mod generate;
mod invariants;

/// A target's check of one input.
pub type Target = fn(&[u8]);

/// Every target, by the name of its folder under `corpus/` and `artifacts/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("claims", claims),
    ("config", config),
    ("markup", markup),
    ("check", check),
    ("generated", generated),
    ("fix", fix),
];

const MARKUPS: [Markup; 3] = [Markup::Text, Markup::Markdown, Markup::Html];

/// The demo claims, loaded once.
static TROTSKY: LazyLock<(ClaimSet, Matcher)> = LazyLock::new(|| {
    let text = include_str!("../../claims/trotsky.toml").to_string();
    let claims = parse_claims(vec![("trotsky.toml".to_string(), text)]).expect("the demo claims");
    let matcher = Matcher::new(&claims).expect("the demo claims compile");
    (claims, matcher)
});

/// Whether a report of the demo claims without findings has been written and
/// parsed. Such a report reads nothing of the text (every format takes its
/// words, lines and fingerprints from the findings), so one check of it stands
/// for every input that has no finding, and the rest skip the eleven formats.
static EMPTY_TROTSKY_REPORT: AtomicBool = AtomicBool::new(false);

/// Any bytes as a claims file: an error has spans inside the file, on character
/// boundaries, and renders; claims that load compile and check a text.
pub fn claims(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    match parse_claims(vec![("claims.toml".to_string(), text.clone())]) {
        Err(failure) => {
            assert!(!failure.errors.is_empty(), "a failure names its errors");
            for e in &failure.errors {
                assert!(!e.message.is_empty());
                if let Some(span) = &e.span {
                    invariants::inside(&text, span);
                }
            }
            invariants::renders_claims_errors(&failure);
        }
        Ok(set) => {
            for claim in &set.claims {
                if let Some(source) = set.sources.get(claim.file.0) {
                    invariants::inside(&source.text, &claim.value_span);
                }
            }
            let matcher = Matcher::new(&set).expect("claims that load compile");
            let sample = generate::sample_text(&set);
            lint_and_check(&sample, &set, &matcher, &[Markup::Text], None);
        }
    }
}

/// Any bytes as `factlint.toml`: errors have spans inside the file; a
/// configuration that parses answers its questions.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    match factlint::config::parse_config(Path::new("factlint.toml"), text.clone()) {
        Err((kept, errors)) => {
            assert_eq!(kept, text, "the error keeps the file's text");
            assert!(!errors.is_empty());
            for e in &errors {
                assert!(!e.message.is_empty());
                if let Some(span) = &e.span {
                    invariants::inside(&text, span);
                }
            }
        }
        Ok(config) => {
            for path in ["a.md", "docs/b.txt", "c/d/e.html"] {
                config.selects(Path::new(path));
                config.severity(
                    Path::new(path),
                    "birth.date",
                    factlint::claims::Severity::Error,
                );
            }
        }
    }
}

/// Any bytes as a file: decoding block by block ends as decoding it whole does,
/// and the prose of any markup maps back inside the source.
pub fn markup(data: &[u8]) {
    let whole = decode(data.to_vec());
    let step = 1 + data.first().map_or(0, |&b| usize::from(b) % 61);
    let mut decoder = Decoder::new();
    let mut blocks = String::new();
    let mut fed = Ok(());
    for block in data.chunks(step) {
        fed = decoder.feed(block, |t| blocks.push_str(t));
        if fed.is_err() {
            break;
        }
    }
    let fed = fed.and_then(|()| decoder.finish());
    match (&whole, fed) {
        (Ok(text), Ok(())) => assert_eq!(text, &blocks, "decoded a block at a time"),
        (Err(a), Err(b)) => assert_eq!(a, &b),
        (a, b) => panic!("whole: {a:?}, a block at a time: {b:?}"),
    }
    let text = whole.unwrap_or_else(|_| String::from_utf8_lossy(data).into_owned());
    for markup in MARKUPS {
        if let Some(p) = prose(&text, markup) {
            invariants::prose_maps_back(&text, &p);
        }
        let doc = Document::with_markup("doc", text.clone(), markup);
        assert_eq!(doc.source(), text);
    }
}

/// Any text in any markup against the demo claims: every finding lies on the
/// words it quotes, and every format renders and parses.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let (claims, matcher) = &*TROTSKY;
    lint_and_check(
        &text,
        claims,
        matcher,
        &MARKUPS,
        Some(&EMPTY_TROTSKY_REPORT),
    );
}

/// Claims made from the first bytes, checked on a text made from the rest.
pub fn generated(data: &[u8]) {
    let (toml, text) = generate::claims_and_text(data);
    let Ok(set) = parse_claims(vec![("generated.toml".to_string(), toml.clone())]) else {
        return;
    };
    let matcher = Matcher::new(&set).expect("claims that load compile");
    lint_and_check(
        &text,
        &set,
        &matcher,
        &[Markup::Text, Markup::Markdown],
        None,
    );
}

/// Fixes applied to any text as `fix` applies them (each checked by checking the
/// fixed text): every byte outside the fixed spans is kept, and a second check
/// finds no fixed finding again.
pub fn fix(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let (claims, matcher) = &*TROTSKY;
    for markup in [Markup::Text, Markup::Markdown] {
        let lint = |text: &str| {
            let doc = Document::with_markup("doc", text.to_string(), markup);
            lint_document(&doc, claims, matcher)
        };
        let fixes = machine_edits(&lint(&text));
        if fixes.is_empty() {
            continue;
        }
        let outcome = plan_checked(&text, fixes.clone(), |fixed| {
            lint(fixed).into_iter().map(|f| (f.claim, f.span)).collect()
        });
        let applied: Vec<(usize, Edit)> = fixes
            .into_iter()
            .filter(|(_, e)| outcome.applied.contains(e))
            .collect();
        let placed =
            invariants::only_spans_changed(&text, &outcome.text, &applied, outcome.applied.len());
        for f in lint(&outcome.text) {
            let again = placed.iter().any(|(claim, r)| {
                *claim == f.claim && f.span.start < r.end && r.start < f.span.end
            });
            assert!(
                !again,
                "fixed finding found again: {f:?} in {:?}",
                outcome.text
            );
        }
    }
}

/// Checks `text` as each of `markups`, asserts the findings' invariants, and
/// writes one report of the lot in every format (one report, so that what a
/// report costs whatever its findings, a SARIF rule per claim, is paid once).
/// With `empty_checked`, a report without findings is written only the first
/// time.
fn lint_and_check(
    text: &str,
    claims: &ClaimSet,
    matcher: &Matcher,
    markups: &[Markup],
    empty_checked: Option<&AtomicBool>,
) {
    let files: Vec<_> = markups
        .iter()
        .map(|&markup| {
            let doc = Document::with_markup("doc", text.to_string(), markup);
            let findings = lint_document(&doc, claims, matcher);
            invariants::check_findings(text, &findings);
            invariants::gates_lose_nothing(&doc, claims, matcher, &findings, markup);
            let name = match markup {
                Markup::Text => "doc.txt",
                Markup::Markdown => "doc.md",
                Markup::Html => "doc.html",
            };
            (name, text, findings)
        })
        .collect();
    let no_findings = files.iter().all(|(_, _, findings)| findings.is_empty());
    if no_findings && empty_checked.is_some_and(|done| done.swap(true, Ordering::Relaxed)) {
        return;
    }
    invariants::check_reports(claims, files);
}
