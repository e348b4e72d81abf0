//! `factlint report`: the HTML page of a small cross-check, as a snapshot (insta)
//! with its style and script shown by name (they are the assets, byte for byte)
//! and its embedded data pretty-printed for review.

use std::path::Path;

use assert_cmd::Command;

const STYLE: &str = include_str!("../src/report/cross/html/report.css");
const SCRIPT: &str = include_str!("../src/report/cross/html/report.js");

/// Copies the fixture into a fresh directory and writes its report into `out/`.
fn report(args: &[&str]) -> (tempfile::TempDir, String) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::copy(fixture.join("claims.toml"), dir.path().join("claims.toml")).unwrap();
    for name in ["almanac.txt", "guide.md", "letters.txt"] {
        std::fs::copy(
            fixture.join("docs").join(name),
            dir.path().join("docs").join(name),
        )
        .unwrap();
    }
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir.path())
        .args(["report", "docs", "--claims", "claims.toml", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let html = if args.contains(&"-") {
        String::from_utf8(out.stdout).unwrap()
    } else {
        std::fs::read_to_string(dir.path().join("out/report.html")).unwrap()
    };
    (dir, html)
}

/// The text between `open` and the next `close` after it.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("{open}")) + open.len();
    let end = start + html[start..].find(close).unwrap();
    &html[start..end]
}

/// The page with its assets named and its data pretty-printed.
fn reviewable(html: &str) -> String {
    let mut page = html.to_string();
    let style = between(html, "<style>\n", "</style>");
    assert_eq!(style, STYLE);
    page = page.replace(style, "/* report.css */\n");
    let script = between(html, "<script>\n", "</script>");
    assert_eq!(script, SCRIPT);
    page = page.replace(script, "/* report.js */\n");
    for id in ["data", "links"] {
        let open = format!("<script type=\"application/json\" id=\"{id}\">");
        let text = between(html, &open, "</script>");
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        page = page.replace(text, &serde_json::to_string_pretty(&value).unwrap());
    }
    page
}

#[test]
fn report_page() {
    let (_dir, html) = report(&["-o", "out/report.html"]);
    insta::assert_snapshot!(reviewable(&html));
}

#[test]
fn the_embedded_data_is_the_cross_check_json() {
    let (dir, html) = report(&["-o", "out/report.html"]);
    let json = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "cross-check",
            "docs",
            "--claims",
            "claims.toml",
            "--no-config",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let expected: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let text = between(
        &html,
        "<script type=\"application/json\" id=\"data\">",
        "</script>",
    );
    assert!(
        text.contains("\\u003crowed\\u003e"),
        "markup in a sentence is escaped"
    );
    let data: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(data, expected);
}

#[test]
fn links_go_from_the_report_to_the_documents() {
    let (_dir, html) = report(&["-o", "out/report.html"]);
    let links = between(
        &html,
        "<script type=\"application/json\" id=\"links\">",
        "</script>",
    );
    assert_eq!(
        links,
        r#"{"documents":["../docs/almanac.txt","../docs/guide.md","../docs/letters.txt"],"files":{"claims.toml":"../claims.toml"}}"#
    );
}

#[test]
fn a_report_on_standard_output_links_by_absolute_file_urls() {
    let (dir, html) = report(&["-o", "-"]);
    let root = dir.path().canonicalize().unwrap();
    let expected = format!("\"file://{}/docs/almanac.txt\"", root.display());
    assert!(html.contains(&expected), "{expected}");
}

#[test]
fn the_report_is_the_same_on_every_run() {
    let (_a, first) = report(&["-o", "out/report.html"]);
    let (_b, second) = report(&["-o", "out/report.html"]);
    assert_eq!(first, second);
}
