//! Throughput in MB/s on one core over the seeds' prose repeated, in process:
//! by the number of term claims (10, 1,000 and 10,000) and by the kind of the
//! claims (a few hundred of one kind each). Run with `cargo bench --bench
//! throughput`; compare the ratios within one run, not absolute figures across
//! machines.
//!
//! Settings (environment): `FACTLINT_BENCH_MB` the corpus size in MB (default 2),
//! `FACTLINT_BENCH_KIND_CLAIMS` the claims per kind (default 300).

use std::collections::BTreeSet;
use std::time::Instant;

use factlint::claims::{ClaimSet, parse_claims};
use factlint::document::Document;
use factlint::lint::lint_document;
use factlint::scan::Matcher;

fn env_or(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The seeds' text, one string per seed, in file-name order.
fn seeds() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .expect("the seeds directory")
        .map(|e| e.expect("a seed entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a seed"))
        .collect()
}

/// Distinct pairs of adjacent lowercase words (three letters or more) of the
/// seeds, in order of first occurrence: the terms and triggers of the claims.
fn bigrams(seeds: &[String]) -> Vec<(String, String)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for seed in seeds {
        let words: Vec<&str> = seed.split_whitespace().collect();
        for pair in words.windows(2) {
            let ok = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase());
            if ok(pair[0]) && ok(pair[1]) && seen.insert((pair[0], pair[1])) {
                out.push((pair[0].to_string(), pair[1].to_string()));
            }
        }
    }
    out
}

/// The `depth`-th misspelling of `word` (a dropped, doubled or swapped letter),
/// as writers make them; `None` once the word has no more.
fn misspelling(word: &str, depth: usize) -> Option<String> {
    let b = word.as_bytes();
    let k = 1 + depth / 3;
    if k + 1 >= b.len() {
        return None;
    }
    let mut w = b.to_vec();
    match depth % 3 {
        0 => {
            w.remove(k);
        }
        1 => w.insert(k, b[k]),
        _ => w.swap(k, k + 1),
    }
    (w != b).then(|| String::from_utf8(w).expect("ASCII"))
}

/// `n` term claims: the value a pair of the seeds' words, the rejected variant a
/// misspelling of one of them (round-robin over the pairs, deeper misspellings as
/// the set grows, as `gen_rules.py` does); the first ten claims reject pairs that
/// the seeds really contain, so that every set has the same claims that fire.
fn term_claims(pairs: &[(String, String)], n: usize) -> String {
    let mut s = String::from("version = 1\n");
    let mut seen = BTreeSet::new();
    let mut count = 0;
    'depths: for depth in 0..64 {
        for (i, (a, b)) in pairs.iter().enumerate() {
            if count == n {
                break 'depths;
            }
            let real = format!("{a} {b}");
            let (value, wrong) = if count < 10 && depth == 0 {
                (format!("{a} {b}x"), real)
            } else {
                let word = if (i + depth) % 2 == 0 { a } else { b };
                let Some(bad) = misspelling(word, depth) else {
                    continue;
                };
                let wrong = if word == a {
                    format!("{bad} {b}")
                } else {
                    format!("{a} {bad}")
                };
                (real, wrong)
            };
            if !seen.insert(wrong.clone()) {
                continue;
            }
            s.push_str(&format!(
                "\n[[claim]]\nid = \"bench.term{count}\"\nkind = \"term\"\nvalue = \"{value}\"\nreject = [\"{wrong}\"]\n"
            ));
            count += 1;
        }
    }
    assert_eq!(count, n, "the seeds give too few word pairs");
    s
}

/// `n` claims of `kind` (date, number, role or time) whose trigger is a pair of
/// the seeds' words, so that the triggers fire in some of the sentences.
fn kind_claims(pairs: &[(String, String)], kind: &str, n: usize) -> String {
    let mut s = String::from("version = 1\n");
    for (i, (a, b)) in pairs.iter().take(n).enumerate() {
        let value = match kind {
            "date" => "value = \"1900-01-01\"".to_string(),
            "number" => "value = 60\nunit = \"years\"".to_string(),
            "role" => "value = \"Ramón Mercader\"".to_string(),
            "time" => {
                "value = \"1940-08-21T19:25\"\nzone = \"UTC-6\"\ntolerance = \"10m\"".to_string()
            }
            _ => unreachable!("a kind with triggers"),
        };
        s.push_str(&format!(
            "\n[[claim]]\nid = \"bench.{kind}{i}\"\nkind = \"{kind}\"\n{value}\ntriggers = ['\\b{a} {b}\\b']\n"
        ));
    }
    s
}

fn claim_set(toml: String) -> ClaimSet {
    parse_claims(vec![("bench.toml".into(), toml)]).expect("the generated claims parse")
}

/// MB/s of linting `docs` with `claims` on one thread, the compile time of the
/// matcher, and the count of findings.
fn lint_all(docs: &[String], claims: &ClaimSet) -> (f64, f64, usize) {
    let built = Instant::now();
    let matcher = Matcher::new(claims).expect("the generated claims compile");
    let compile = built.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut findings = 0;
    for d in docs {
        let doc = Document::new("doc.txt", d.clone());
        findings += lint_document(&doc, claims, &matcher).len();
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    (
        bytes as f64 / 1e6 / start.elapsed().as_secs_f64(),
        compile,
        findings,
    )
}

fn main() {
    let seeds = seeds();
    let corpus = seeds.join("\n\n");
    let target = (env_or("FACTLINT_BENCH_MB", 2.0) * 1e6) as usize;
    let copies = target.div_ceil(corpus.len()).max(1);
    let docs: Vec<String> = (0..copies).map(|_| corpus.clone()).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!(
        "corpus: {:.1} MB in {} documents (the seeds repeated), one thread",
        bytes as f64 / 1e6,
        docs.len()
    );
    let start = Instant::now();
    for d in &docs {
        std::hint::black_box(Document::new("doc.txt", d.clone()));
    }
    let reading = bytes as f64 / 1e6 / start.elapsed().as_secs_f64();
    println!("reading (fold, sentences): {reading:8.2} MB/s");

    let pairs = bigrams(&seeds);
    let mut base = None;
    for n in [10usize, 1_000, 10_000] {
        let claims = claim_set(term_claims(&pairs, n));
        let (mbs, compile, findings) = lint_all(&docs, &claims);
        let first = *base.get_or_insert(mbs);
        println!(
            "term claims {n:>6}: {mbs:8.2} MB/s  ratio {:.3} of 10 claims, {:.2} of reading; compiled in {compile:.3} s, {findings} findings",
            mbs / first,
            mbs / reading
        );
    }

    let per_kind = env_or("FACTLINT_BENCH_KIND_CLAIMS", 300.0) as usize;
    let mut base = None;
    for kind in ["term", "date", "number", "role", "time"] {
        let toml = if kind == "term" {
            term_claims(&pairs, per_kind)
        } else {
            kind_claims(&pairs, kind, per_kind)
        };
        let claims = claim_set(toml);
        let (mbs, compile, findings) = lint_all(&docs, &claims);
        let first = *base.get_or_insert(mbs);
        println!(
            "{per_kind} {kind:<6} claims: {mbs:8.2} MB/s  ratio {:.3} of term claims, {:.2} of reading; compiled in {compile:.3} s, {findings} findings",
            mbs / first,
            mbs / reading
        );
    }
}
