//! Speed changes no finding. The findings of the seeds, of the development sets
//! (with the project's claims and with the sets' own) and of a small benchmark
//! corpus were written down in `tests/unchanged/` before the work on speed began:
//! each finding's file, span (line and column), claim, severity and assertion
//! mode. `factlint check` must give exactly those findings still; a change to
//! what factlint reads that changes them updates them, and says why in its
//! commit.
//!
//! The development sets and the benchmark's corpus builder live outside the
//! project (`../shared/eval/dev/`, `../shared/bench/`); where they are absent,
//! their part says so and passes. The corpus is the benchmark's own at 1/100 of
//! its size: 2,000 files made of the seeds' paragraphs, checked with 10 and
//! 1,000 term claims and with `claims/trotsky.toml`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const FACTLINT: &str = env!("CARGO_BIN_EXE_factlint");

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    project().join("../shared")
}

/// One line per finding of `factlint check --claims claims paths`, paths shown
/// without `strip`.
fn findings(claims: &Path, paths: &[&Path], strip: &str) -> String {
    let out = Command::new(FACTLINT)
        .current_dir(project())
        .args(["check", "--no-config", "--format", "json", "--claims"])
        .arg(claims)
        .args(paths)
        .output()
        .expect("factlint runs");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "factlint failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let mut lines = String::new();
    for d in report["diagnostics"].as_array().expect("diagnostics") {
        let path = d["path"].as_str().expect("a path");
        lines.push_str(&format!(
            "{} {}:{}-{}:{} {} {} {}\n",
            path.strip_prefix(strip).unwrap_or(path),
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["claim"].as_str().expect("a claim"),
            d["severity"].as_str().expect("a severity"),
            d["assertion"].as_str().unwrap_or("-"),
        ));
    }
    lines
}

/// Compares with `tests/unchanged/<name>.txt`, showing the first lines that
/// differ.
fn assert_unchanged(name: &str, got: &str) {
    let path = project()
        .join("tests/unchanged")
        .join(format!("{name}.txt"));
    let want = std::fs::read_to_string(&path).expect("the findings written down");
    if got == want {
        return;
    }
    let diff = similar::TextDiff::from_lines(want.as_str(), got);
    let changed: Vec<String> = diff
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .take(20)
        .map(|c| format!("{}{}", c.tag(), c.value().trim_end()))
        .collect();
    panic!(
        "the findings of {name} changed (- before, + now):\n{}",
        changed.join("\n")
    );
}

fn slash(p: &Path) -> String {
    format!("{}/", p.display())
}

#[test]
fn the_seeds_findings_are_unchanged() {
    let got = findings(Path::new("claims"), &[Path::new("seeds")], "");
    assert_unchanged("seeds", &got);
}

#[test]
fn the_development_sets_findings_are_unchanged() {
    let dev = shared().join("eval/dev");
    if !dev.is_dir() {
        eprintln!("no development sets beside the project: skipped");
        return;
    }
    for set in ["chernobyl", "wright-flyer", "marie-curie"] {
        let docs = dev.join(set);
        let strip = slash(&docs);
        let own = project().join(format!("tests/claims/{set}.toml"));
        assert_unchanged(set, &findings(&own, &[&docs], &strip));
        let users = docs.join("claims.toml");
        assert_unchanged(&format!("{set}-user"), &findings(&users, &[&docs], &strip));
    }
}

#[test]
fn the_benchmark_corpus_findings_are_unchanged() {
    let bench = shared().join("bench");
    if !bench.join("gen_corpus.py").is_file() {
        eprintln!("no benchmark builder beside the project: skipped");
        return;
    }
    let work = tempfile::tempdir().expect("a temporary directory");
    let python = |script: &str, args: &[&str]| {
        let status = Command::new("python3")
            .arg(bench.join(script))
            .args(args)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("python3 runs");
        assert!(status.success(), "{script} failed");
    };
    let corpus = work.path().join("corpus");
    let rules = work.path().join("rules");
    let seeds = project().join("seeds");
    python(
        "gen_corpus.py",
        &[
            "--seeds",
            seeds.to_str().expect("a UTF-8 path"),
            "--out",
            corpus.to_str().expect("a UTF-8 path"),
            "--scale",
            "0.01",
        ],
    );
    python(
        "gen_rules.py",
        &[
            "--out",
            rules.to_str().expect("a UTF-8 path"),
            "--sizes",
            "10,1000",
        ],
    );
    let dir = corpus.join("dir100m");
    let strip = slash(&dir);
    for n in ["N10", "N1000"] {
        let claims = rules.join(n).join("claims.toml");
        assert_unchanged(&format!("bench-{n}"), &findings(&claims, &[&dir], &strip));
    }
    let trotsky = project().join("claims/trotsky.toml");
    assert_unchanged("bench-trotsky", &findings(&trotsky, &[&dir], &strip));
}
