//! UI tests: each `tests/ui/<area>/<case>.toml` is a claims file; the document with
//! the same stem (`.txt`, `.md` or `.html`) is checked against it, and the output is
//! compared exactly with `<case>.stdout`, `<case>.stderr` (absent when empty) and
//! `<case>.exit`. `<case>.args` replaces the default arguments. `BLESS=1 cargo test
//! --test ui` rewrites the expected files (review them like code).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const DOC_EXTENSIONS: [&str; 3] = ["txt", "md", "html"];

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("ui dir readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            cases(&p, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
}

fn expect_file(path: &Path, actual: &str, bless: bool, failures: &mut Vec<String>) {
    let expected = fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return;
    }
    if bless {
        if actual.is_empty() {
            let _ = fs::remove_file(path);
        } else {
            fs::write(path, actual).expect("write blessed output");
        }
        return;
    }
    failures.push(format!(
        "{}: output differs\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    ));
}

#[test]
fn ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let bless = std::env::var_os("BLESS").is_some();
    let mut all = Vec::new();
    cases(&root, &mut all);
    assert!(all.len() >= 10, "the UI suite has gone missing");
    let mut failures = Vec::new();
    for claims in &all {
        let dir = claims.parent().expect("case has a folder");
        let stem = claims
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .to_string();
        let doc = DOC_EXTENSIONS
            .iter()
            .map(|e| format!("{stem}.{e}"))
            .find(|name| dir.join(name).exists());
        let args: Vec<String> = match fs::read_to_string(dir.join(format!("{stem}.args"))) {
            Ok(a) => a.split_whitespace().map(String::from).collect(),
            Err(_) => {
                let mut a = vec!["check".to_string()];
                a.extend(doc.clone());
                a.extend([
                    "--claims".into(),
                    format!("{stem}.toml"),
                    "--color".into(),
                    "never".into(),
                ]);
                a
            }
        };
        let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(&args)
            .current_dir(dir)
            .env_remove("NO_COLOR")
            // The human cross-check is laid out for 100 columns without it.
            .env_remove("COLUMNS")
            .output()
            .expect("run factlint");
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let code = format!("{}\n", out.status.code().unwrap_or(-1));
        expect_file(
            &dir.join(format!("{stem}.stdout")),
            &stdout,
            bless,
            &mut failures,
        );
        expect_file(
            &dir.join(format!("{stem}.stderr")),
            &stderr,
            bless,
            &mut failures,
        );
        expect_file(
            &dir.join(format!("{stem}.exit")),
            &code,
            bless,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} UI failures:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
