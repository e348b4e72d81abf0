//! The development sets: real public pages on other subjects than the seeds'
//! (an accident and a place, two people and a machine, a person and her family),
//! each with hand-made gold, kept outside the project in `../shared/eval/dev/`.
//! With the project's own claims for them (`tests/claims/<set>.toml`), factlint
//! must find at least 85% of each set's gold findings, at least 90% of what it
//! reports as errors or warnings must be gold (or gray), and it must report no
//! trap. The scoring is that of the sets' `score.py`: a diagnostic matches a
//! finding when its span overlaps the finding's words, or overlaps its context
//! and its found words are the finding's once case, dashes and spaces are folded.
//!
//! The pages are not part of the project; where the folder is absent the test
//! says so and passes.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use factlint::claims::{Severity, load_claims};
use factlint::document::Document;
use factlint::examples::run_examples;
use factlint::lint::lint_document;
use factlint::scan::Matcher;

const SETS: [&str; 3] = ["chernobyl", "wright-flyer", "marie-curie"];

fn dev_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev")
}

fn claims_path(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/claims")
        .join(format!("{set}.toml"))
}

/// One gold entry located in its document: the context's and the quote's bytes.
struct Gold {
    doc: String,
    context: Range<usize>,
    quote: Option<Range<usize>>,
    quote_text: String,
}

fn fold(s: &str) -> String {
    let lower = s.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let mut out = String::new();
    let mut space = false;
    for c in lower.chars() {
        if c.is_whitespace() || c == '-' || ('\u{2010}'..='\u{2015}').contains(&c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

fn locate(
    text: &[u8],
    context: &str,
    quote: Option<&str>,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let c = context.as_bytes();
    let start = find(text, c, 0)?;
    if find(text, c, start + 1).is_some() {
        return None;
    }
    let ctx = start..start + c.len();
    let Some(q) = quote else {
        return Some((ctx, None));
    };
    let qs = find(&text[..ctx.end], q.as_bytes(), ctx.start)?;
    Some((ctx, Some(qs..qs + q.len())))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn gold_entries(dir: &Path, gold: &toml::Table, kind: &str) -> Vec<Gold> {
    let mut out = Vec::new();
    for g in gold
        .get(kind)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let doc = g["doc"].as_str().expect("doc").to_string();
        let text = std::fs::read(dir.join(&doc)).expect("gold document");
        let quote = (kind != "trap").then(|| g["quote"].as_str().expect("quote"));
        let (context, quote_range) = locate(&text, g["context"].as_str().expect("context"), quote)
            .unwrap_or_else(|| panic!("gold entry not located: {kind} in {doc}"));
        out.push(Gold {
            doc,
            context,
            quote: quote_range,
            quote_text: quote.unwrap_or("").to_string(),
        });
    }
    out
}

struct Score {
    recall: f64,
    precision: f64,
    traps: Vec<String>,
    misses: Vec<String>,
    false_alarms: Vec<String>,
}

/// (span, found, claim) of every error and warning, by document.
type Diagnostics = BTreeMap<String, Vec<(Range<usize>, String, String)>>;

fn score(set: &str) -> Score {
    let dir = dev_root().join(set);
    let diags = diagnostics(set, &dir);
    let gold: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join("gold.toml")).unwrap()).unwrap();
    let findings = gold_entries(&dir, &gold, "finding");
    let grays = gold_entries(&dir, &gold, "gray");
    let traps = gold_entries(&dir, &gold, "trap");
    let mut matched = std::collections::BTreeSet::new();
    let mut hit = 0;
    let mut misses = Vec::new();
    for g in &findings {
        let mut ok = false;
        for (i, (span, found, _)) in diags.get(&g.doc).into_iter().flatten().enumerate() {
            let q = g.quote.clone().expect("a finding has a quote");
            if overlaps(span, &q)
                || (overlaps(span, &g.context) && fold(found) == fold(&g.quote_text))
            {
                matched.insert((g.doc.clone(), i));
                ok = true;
            }
        }
        if ok {
            hit += 1;
        } else {
            misses.push(format!("{}: {:?}", g.doc, g.quote_text));
        }
    }
    let mut false_alarms = Vec::new();
    let mut trap_hits = Vec::new();
    for (doc, list) in &diags {
        for (i, (span, found, claim)) in list.iter().enumerate() {
            if matched.contains(&(doc.clone(), i)) {
                continue;
            }
            let on = |entries: &[Gold]| {
                entries
                    .iter()
                    .any(|g| g.doc == *doc && overlaps(span, &g.context))
            };
            if on(&grays) {
                continue;
            }
            let line = format!("{doc}: [{claim}] {found:?}");
            if on(&traps) {
                trap_hits.push(line.clone());
            }
            false_alarms.push(line);
        }
    }
    let tp = matched.len();
    Score {
        recall: hit as f64 / findings.len().max(1) as f64,
        precision: if tp + false_alarms.len() == 0 {
            1.0
        } else {
            tp as f64 / (tp + false_alarms.len()) as f64
        },
        traps: trap_hits,
        misses,
        false_alarms,
    }
}

/// The errors and warnings of every page of the set in `dir`.
fn diagnostics(set: &str, dir: &Path) -> Diagnostics {
    let claims = load_claims(&[claims_path(set)]).expect("the set's claims load");
    let matcher = Matcher::new(&claims).expect("the claims compile");
    let mut diags = Diagnostics::new();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the set's folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    for path in &docs {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).expect("a page");
        let doc = Document::new(name.clone(), text);
        for f in lint_document(&doc, &claims, &matcher) {
            if f.severity >= Severity::Warning {
                diags.entry(name.clone()).or_default().push((
                    f.span.clone(),
                    f.found.clone(),
                    claims.claims[f.claim].id.to_string(),
                ));
            }
        }
    }
    diags
}

#[test]
fn each_development_set_is_read_right() {
    if !dev_root().is_dir() {
        eprintln!(
            "skipped: the development sets are not here ({} is absent)",
            dev_root().display()
        );
        return;
    }
    let mut failures = Vec::new();
    for set in SETS {
        let s = score(set);
        eprintln!(
            "{set}: recall {:.3} precision {:.3} traps {}",
            s.recall,
            s.precision,
            s.traps.len()
        );
        if s.recall < 0.85 || s.precision < 0.90 || !s.traps.is_empty() {
            failures.push(format!(
                "{set}: recall {:.3} (≥ 0.85), precision {:.3} (≥ 0.90), traps {} (none)\n  missed: {:?}\n  false: {:?}\n  traps: {:?}",
                s.recall, s.precision, s.traps.len(), s.misses, s.false_alarms, s.traps
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_development_claims_pass_their_own_examples() {
    for set in SETS {
        let claims = load_claims(&[claims_path(set)]).expect("the set's claims load");
        assert!(claims.warnings.is_empty(), "{set}: claims warnings");
        let matcher = Matcher::new(&claims).expect("the claims compile");
        let report = run_examples(&claims, &matcher);
        assert!(report.failures.is_empty(), "{set}: {:?}", report.failures);
    }
}
