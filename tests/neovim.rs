//! `factlint lsp` in a real editor: Neovim's built-in client, headless, driven
//! by `tests/neovim/lsp.lua`. It opens a seed converted to Markdown, and the
//! diagnostics it shows must be `check`'s findings, at the same lines and
//! columns; it applies the ice-pick quick fix through a code action; it edits a
//! claims file and writes it, and the document's diagnostics follow.
//!
//! Needs Neovim (0.7 or later): `FACTLINT_NVIM=$(command -v nvim) cargo test
//! --test neovim -- --ignored`, as `.ci/run` does.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn nvim() -> PathBuf {
    std::env::var_os("FACTLINT_NVIM")
        .map(PathBuf::from)
        .expect("FACTLINT_NVIM names the nvim binary")
}

/// The project: the seeds' claims, and the first seed as Markdown.
fn project() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::copy(
        repo.join("claims/trotsky.toml"),
        root.join("claims/trotsky.toml"),
    )
    .unwrap();
    let seed = std::fs::read_to_string(repo.join("seeds/000_b3d46aad436df1fe.txt")).unwrap();
    let markdown = format!("# {seed}");
    std::fs::write(root.join("docs/seed.md"), &markdown).unwrap();
    (dir, root, markdown)
}

/// `check`'s findings as Neovim shows diagnostics: 0-based lines, byte columns.
fn expected(root: &Path, text: &str) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "json", "docs/seed.md"])
        .current_dir(root)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let at = |offset: usize| {
        let line = text[..offset].matches('\n').count();
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        (line, offset - start)
    };
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (lnum, col) = at(d["span"]["start"].as_u64().unwrap() as usize);
            let (end_lnum, end_col) = at(d["span"]["end"].as_u64().unwrap() as usize);
            let severity = match d["severity"].as_str().unwrap() {
                "error" => 1,
                "warning" => 2,
                _ => 3,
            };
            json!({"lnum": lnum, "col": col, "end_lnum": end_lnum, "end_col": end_col,
                   "severity": severity, "code": d["claim"]})
        })
        .collect()
}

#[test]
#[ignore = "needs Neovim: set FACTLINT_NVIM"]
fn neovim_shows_fixes_and_follows_the_claims() {
    let (_dir, root, text) = project();
    let expected = expected(&root, &text);
    assert!(expected.iter().any(|d| d["code"] == "death.weapon"));
    let out = root.join("report.json");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/neovim/lsp.lua");
    let mut child = Command::new(nvim())
        .args(["--clean", "--headless", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("FACTLINT_BIN", env!("CARGO_BIN_EXE_factlint"))
        .env("FACTLINT_ROOT", &root)
        .env("FACTLINT_OUT", &out)
        .current_dir(&root)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("Neovim did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["error"], Value::Null, "{report:#}");
    // The diagnostics are check's findings, at the same places.
    assert_eq!(report["opened"], json!(expected));
    // The fix replaced the words in the buffer, and its finding went.
    let line = report["fixed_line"].as_str().unwrap();
    assert!(line.contains("Trotsky with an ice axe in 1940"), "{line}");
    assert!(!line.contains("ice pick"));
    let rest: Vec<Value> = expected
        .iter()
        .filter(|d| d["code"] != "death.weapon")
        .cloned()
        .collect();
    assert_eq!(report["fixed"], json!(rest));
    // The claims file written: icl.name is an error now, the rest as before.
    let errors: Vec<Value> = rest
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if d["code"] == "icl.name" {
                d["severity"] = json!(1);
            }
            d
        })
        .collect();
    assert_eq!(report["reloaded"], json!(errors));
}
