//! Command-line behaviour that needs files made at run time: walking, skipping
//! binary and non-UTF-8 files, .gitignore, exit codes, and the JSON schema.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

mod common;

fn factlint() -> Command {
    Command::cargo_bin("factlint").expect("binary built")
}

/// `factlint ARGS` run in `dir`, for its assertions.
fn run_in(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    factlint().current_dir(dir).args(args).assert()
}

/// What `factlint ARGS` run in `dir` printed, and how it exited.
fn output_in(dir: &Path, args: &[&str]) -> std::process::Output {
    factlint().current_dir(dir).args(args).output().unwrap()
}

/// The claims and documents to walk: a finding in each of two folders, a
/// Latin-1 file, a binary file, a hidden file and an ignored one.
fn corpus() -> tempfile::TempDir {
    common::project(&[
        ("docs/a.txt", b"Trotsky was killed with an ice pick.\n"),
        ("docs/sub/b.md", b"He died in 1941.\n"),
        ("docs/latin1.txt", b"caf\xe9 ice pick\n"),
        ("docs/image.bin", b"\x89PNG\0\0ice pick"),
        ("docs/.hidden.txt", b"an ice pick\n"),
        ("docs/.gitignore", b"ignored.txt\n"),
        ("docs/ignored.txt", b"an ice pick\n"),
    ])
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

#[test]
fn walks_directories_skipping_hidden_ignored_and_binary_files_and_reports_bad_utf8() {
    let dir = corpus();
    let out = output_in(dir.path(), &["check", "docs", "--format", "short"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "docs/a.txt:1:28: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n\
         docs/sub/b.md:1:12: error[death.date]: \"1941\" contradicts claim `death.date` (21 August 1940)\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "factlint: docs/latin1.txt: not valid UTF-8 (first bad byte at offset 3), skipped\n"
    );
    // A file that could not be checked makes the run an error, after all the rest
    // was checked.
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_binary_file_named_on_the_command_line_is_reported() {
    let dir = corpus();
    run_in(
        dir.path(),
        &["check", "docs/image.bin", "docs/a.txt", "--format", "short"],
    )
    .code(2)
    .stderr("factlint: docs/image.bin: binary file, skipped\n")
    .stdout(predicates::str::contains("docs/a.txt:1:28"));
}

#[test]
fn exit_codes_follow_the_worst_finding() {
    let dir = corpus();
    let run = |args: &[&str]| {
        factlint()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    fs::write(dir.path().join("clean.txt"), "He died in August 1940.\n").unwrap();
    assert_eq!(run(&["check", "clean.txt"]), Some(0));
    assert_eq!(run(&["check", "docs/a.txt"]), Some(1));
    // `check` is the default command.
    assert_eq!(run(&["docs/a.txt"]), Some(1));
    assert_eq!(
        run(&["check", "docs/a.txt", "--format", "nonsense"]),
        Some(2)
    );
    assert_eq!(
        run(&["check", "docs/a.txt", "--claims", "missing.toml"]),
        Some(2)
    );
}

#[test]
fn reads_standard_input_under_a_given_name() {
    let dir = corpus();
    factlint()
        .current_dir(dir.path())
        .args([
            "check",
            "-",
            "--stdin-filename",
            "draft.md",
            "--format",
            "short",
        ])
        .write_stdin("Mercader used an ice pick.\n")
        .assert()
        .code(1)
        .stdout(predicates::str::starts_with(
            "draft.md:1:18: error[death.weapon]",
        ));
}

#[test]
fn json_output_follows_schema_version_1() {
    let dir = corpus();
    fs::write(
        dir.path().join("doc.txt"),
        "Intro.\nMercader struck with an ice\npick; he died in 1941.\n",
    )
    .unwrap();
    let out = output_in(dir.path(), &["check", "doc.txt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out.stdout);
    assert_eq!(v["version"], 1);
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "errors": 2, "warnings": 0, "notes": 0})
    );
    let d = &v["diagnostics"][0];
    let text = fs::read(dir.path().join("doc.txt")).unwrap();
    let (s, e) = (
        d["span"]["start"].as_u64().unwrap() as usize,
        d["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], b"ice\npick");
    assert_eq!(
        *d,
        serde_json::json!({
            "claim": "death.weapon", "severity": "error",
            "message": "\"ice pick\" contradicts the claim that Trotsky was killed with an ice axe",
            "path": "doc.txt", "span": {"start": 31, "end": 39},
            "line": 2, "column": 25, "end_line": 3, "end_column": 5,
            "found": "ice\npick", "expected": "ice axe",
            "fix": {"replacement": "ice axe", "applicability": "machine-applicable"},
            "assertion": "asserted"
        })
    );
    assert_eq!(v["diagnostics"][1]["found"], "1941");
    assert_eq!(v["diagnostics"][1]["fix"]["applicability"], "display-only");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = corpus();
    let plain = output_in(dir.path(), &["check", "docs/a.txt"]);
    assert!(!plain.stdout.contains(&0x1b), "no escape codes when piped");
    let coloured = output_in(dir.path(), &["check", "docs/a.txt", "--color", "always"]);
    assert!(coloured.stdout.contains(&0x1b));
}

#[test]
fn a_claims_directory_loads_every_toml_file_in_it() {
    let dir = corpus();
    fs::write(
        dir.path().join("claims/more.toml"),
        "[[claim]]\nid = \"death.place\"\nkind = \"term\"\nvalue = \"Mexico City\"\nreject = [\"Moscow\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("m.txt"), "He died in Moscow.\n").unwrap();
    run_in(dir.path(), &["check", "m.txt", "--claims", "claims", "--format", "short"])
        .code(1)
        .stdout("m.txt:1:12: error[death.place]: \"Moscow\" contradicts claim `death.place` (Mexico City)\n");
    assert!(Path::new(&dir.path().join("claims/more.toml")).exists());
}

#[test]
fn with_no_claims_file_factlint_checks_weekdays_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("w.txt"),
        "The bridge opened on Wednesday, 30 May 1912.\nIt closed on Friday, 31 May 1912.\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "w.txt", "--no-config", "--format", "short"])
        .code(0)
        .stdout("w.txt:1:22: warning[factlint.weekday]: \"Wednesday\" (30 May 1912) contradicts the claim that the weekday written with a date is the calendar's\n")
        .stderr(predicates::str::contains("no claims file"));
    // Claims named but missing stay an error.
    run_in(
        dir.path(),
        &["check", "w.txt", "--no-config", "--claims", "none"],
    )
    .code(2);
}

#[test]
fn the_project_configuration_is_found_above_the_working_directory() {
    let dir = corpus();
    let p = dir.path();
    fs::write(
        p.join("factlint.toml"),
        "claims = [\"claims/facts.toml\"]\nexclude = [\"docs/sub/**\"]\ndisable = [\"death.date\"]\n\n[[override]]\npaths = [\"docs/a.txt\"]\nseverity = \"warning\"\n",
    )
    .unwrap();
    fs::write(
        p.join("docs/c.txt"),
        "He died in 1941 with an ice pick nearby.\n",
    )
    .unwrap();
    // Run from a subdirectory: the configuration above applies, with paths
    // relative to it.
    let out = factlint()
        .current_dir(p.join("docs"))
        .args(["check", ".", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "a.txt:1:28: warning[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n\
         c.txt:1:25: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n"
    );
    // --no-config: every file, every claim, default severities.
    let out = factlint()
        .current_dir(p)
        .args(["check", "docs/c.txt", "--no-config", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn a_bad_configuration_is_an_error_with_a_span() {
    let dir = corpus();
    fs::write(
        dir.path().join("factlint.toml"),
        "claims = [\"claims/\"]\nquotes = \"loud\"\ndisable = [\"no.such.claim\"]\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "docs/a.txt", "--color", "never"])
        .code(2)
        .stdout("")
        .stderr(
            "error[invalid-value]: unknown quote policy `loud`: expected `assert`, `note` or `ignore`\n  ┌─ factlint.toml:2:10\n  │\n2 │ quotes = \"loud\"\n  │          ^^^^^^\n\nfactlint: 1 error in the configuration; nothing was checked\n",
        );
    fs::write(
        dir.path().join("other.toml"),
        "claims = [\"claims/\"]\ncolour = 1\n",
    )
    .unwrap();
    run_in(
        dir.path(),
        &[
            "check",
            "docs/a.txt",
            "--config",
            "other.toml",
            "--color",
            "never",
        ],
    )
    .code(2)
    .stderr(predicates::str::contains(
        "error[unknown-field]: unknown field `colour`",
    ));
    fs::write(
        dir.path().join("factlint.toml"),
        "disable = [\"no.such.claim\"]\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "docs/a.txt", "--color", "never"])
        .code(2)
        .stderr(predicates::str::contains(
            "error[unknown-claim]: no claim with id `no.such.claim` to disable",
        ));
}

#[test]
fn fix_writes_the_safe_replacements_and_a_second_check_is_clean() {
    let dir = corpus();
    let p = dir.path();
    let doc = "Trotsky was killed with an Ice pick.\r\nA song says \"an ice pick\".\r\nTrotsky died in 1941.\r\n";
    fs::write(p.join("f.txt"), doc).unwrap();
    let diff = factlint()
        .current_dir(p)
        .args(["check", "f.txt", "--diff"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&diff.stdout),
        "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n-Trotsky was killed with an Ice pick.\r\n+Trotsky was killed with an Ice axe.\r\n A song says \"an ice pick\".\r\n Trotsky died in 1941.\r\n"
    );
    assert_eq!(
        fs::read_to_string(p.join("f.txt")).unwrap(),
        doc,
        "--diff writes nothing"
    );
    factlint()
        .current_dir(p)
        .args(["fix", "f.txt", "--format", "short"])
        .assert()
        .code(1)
        .stderr("factlint: fixed 1 finding in 1 file\n")
        .stdout(predicates::str::contains("f.txt:3:17: error[death.date]"));
    // Line endings kept; the quotation and the date are not touched.
    assert_eq!(
        fs::read_to_string(p.join("f.txt")).unwrap(),
        "Trotsky was killed with an Ice axe.\r\nA song says \"an ice pick\".\r\nTrotsky died in 1941.\r\n"
    );
    let again = factlint()
        .current_dir(p)
        .args(["check", "f.txt", "--format", "json"])
        .output()
        .unwrap();
    let v = json(&again.stdout);
    let claims: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["claim"].as_str().unwrap())
        .collect();
    assert_eq!(
        claims,
        vec!["death.weapon", "death.date"],
        "only the quoted term and the date remain"
    );
    assert_eq!(v["diagnostics"][0]["severity"], "note");
}

#[test]
fn a_baseline_accepts_the_old_findings_and_survives_edits_elsewhere() {
    let dir = corpus();
    let p = dir.path();
    factlint()
        .current_dir(p)
        .args(["check", "docs", "--write-baseline", "baseline.json"])
        .assert()
        .code(2) // docs/latin1.txt cannot be read
        .stderr(predicates::str::contains(
            "wrote 2 findings to the baseline baseline.json",
        ));
    factlint()
        .current_dir(p)
        .args([
            "check",
            "docs/a.txt",
            "docs/sub/b.md",
            "--baseline",
            "baseline.json",
        ])
        .assert()
        .code(0)
        .stdout("checked 2 files: 0 errors, 0 warnings, 0 notes\n");
    // Edits elsewhere keep the old finding accepted; a new one is reported.
    fs::write(
        p.join("docs/a.txt"),
        "A new first line.\n\nTrotsky was killed with an ice pick.\nMercader used an ice pick.\n",
    )
    .unwrap();
    factlint()
        .current_dir(p)
        .args(["check", "docs/a.txt", "--baseline", "baseline.json", "--format", "short"])
        .assert()
        .code(1)
        .stdout("docs/a.txt:4:18: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n");
}

#[test]
fn changed_since_reports_only_changed_lines() {
    let dir = corpus();
    let p = dir.path();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(p)
            .output()
            .unwrap()
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "start"]);
    fs::write(
        p.join("docs/a.txt"),
        "Trotsky was killed with an ice pick.\nMercader used an ice pick.\n",
    )
    .unwrap();
    fs::write(p.join("docs/new.txt"), "He used an ice pick.\n").unwrap();
    factlint()
        .current_dir(p)
        .args(["check", "docs/a.txt", "docs/new.txt", "docs/sub/b.md", "--changed-since", "HEAD", "--format", "short"])
        .assert()
        .code(1)
        .stdout(
            "docs/a.txt:2:18: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n\
             docs/new.txt:1:12: error[death.weapon]: \"ice pick\" contradicts the claim that Trotsky was killed with an ice axe\n",
        );
}

#[test]
fn changed_since_refuses_a_revision_that_git_would_read_as_an_option() {
    let dir = corpus();
    let p = dir.path();
    let ok = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(p)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    factlint()
        .current_dir(p)
        .args([
            "check",
            "docs/a.txt",
            "--changed-since=--output=written.txt",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "`--output=written.txt` is not a revision: a revision cannot start with `-`",
        ));
    assert!(!p.join("written.txt").exists(), "git wrote a file");
}

#[test]
fn the_claims_files_are_not_checked_against_themselves() {
    let dir = corpus();
    let p = dir.path();
    fs::write(
        p.join("factlint.toml"),
        "claims = [\"claims/facts.toml\"]\nexclude = [\"docs/**\"]\n",
    )
    .unwrap();
    factlint()
        .current_dir(p)
        .args(["check", ".", "claims/facts.toml", "--format", "short"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn the_shipped_claims_pass_their_examples_and_all_have_some() {
    let out = factlint()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["claims", "test", "--no-config"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        !text.contains("FAILED") && !text.contains("no examples"),
        "{text}"
    );
    let last = text.lines().last().unwrap();
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(
        passed >= 120 && last.ends_with(" passed, 0 failed"),
        "{last}"
    );
}

#[test]
fn a_claim_whose_examples_fail_fails_claims_test() {
    let dir = corpus();
    fs::write(
        dir.path().join("ex.toml"),
        "[[claim]]\nid = \"w\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\nexamples.flag = [\"He used an ice pick.\", \"He used an icepick.\"]\nexamples.pass = [\"He used an ice axe.\"]\n",
    )
    .unwrap();
    run_in(dir.path(), &["claims", "test", "--claims", "ex.toml"])
        .code(1)
        .stdout("FAILED w: expected a finding in \"He used an icepick.\"\n2 passed, 1 failed\n");
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let dir = corpus();
    fs::write(
        dir.path().join("bom.txt"),
        "\u{feff}Trotsky was killed with an ice pick.\r\n",
    )
    .unwrap();
    run_in(dir.path(), &["check", "bom.txt", "--format", "short"])
        .code(1)
        .stdout(predicates::str::starts_with(
            "bom.txt:1:28: error[death.weapon]",
        ));
    let out = output_in(dir.path(), &["check", "bom.txt", "--format", "json"]);
    let v = json(&out.stdout);
    assert_eq!(v["diagnostics"][0]["column"], 28);
    assert_eq!(v["diagnostics"][0]["span"]["start"], 30);
}
