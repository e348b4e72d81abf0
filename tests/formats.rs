//! Every output format, on one shared set of findings, as snapshots (insta).

use assert_cmd::Command;

fn render(format: &str, extra: &[&str]) -> String {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/formats"
        ))
        .args([
            "check",
            "doc.txt",
            "--claims",
            "claims.toml",
            "--no-config",
            "--format",
            format,
        ])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{format}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn human() {
    insta::assert_snapshot!(render("human", &["--color", "never"]));
}

#[test]
fn human_in_colour() {
    insta::assert_snapshot!(render("human", &["--color", "always"]));
}

#[test]
fn short() {
    insta::assert_snapshot!(render("short", &[]));
}

#[test]
fn json() {
    insta::assert_snapshot!(render("json", &[]));
}

#[test]
fn sarif() {
    insta::assert_snapshot!(render("sarif", &[]));
}

#[test]
fn github() {
    insta::assert_snapshot!(render("github", &[]));
}

#[test]
fn gitlab() {
    insta::assert_snapshot!(render("gitlab", &[]));
}

#[test]
fn checkstyle() {
    insta::assert_snapshot!(render("checkstyle", &[]));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(render("markdown", &[]));
}

#[test]
fn html() {
    let page = render("html", &[]);
    let style = include_str!("../src/report/cross/html/report.css");
    assert!(page.contains(style), "the page carries the report's style");
    insta::assert_snapshot!(page.replace(style, "/* report.css */\n"));
}
