//! `check --format jsonl` and `check --input jsonl -`: one finding a line, in the
//! order of the documents, and documents read as JSON lines from standard input.

use std::fs;

use assert_cmd::Command;
use serde_json::Value;

const CLAIMS: &str = r#"
[[claim]]
id = "mill.burned"
kind = "date"
value = "1871-10-08"
triggers = ['\bburned\b']

[[claim]]
id = "mill.stone"
kind = "term"
value = "granite"
reject = ["marble"]
"#;

fn factlint(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("factlint").expect("binary built");
    cmd.current_dir(dir.path())
        .env("RAYON_NUM_THREADS", "4")
        .args([
            "check",
            "--claims",
            "c.toml",
            "--no-config",
            "--color",
            "never",
        ]);
    cmd
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("c.toml"), CLAIMS).unwrap();
    dir
}

fn burned(path: &str, year: &str, start: usize, extra: &str) -> String {
    format!(
        r#"{{"claim":"mill.burned","severity":"error","message":"\"{year}\" contradicts claim `mill.burned` (8 October 1871)","path":"{path}","span":{{"start":{start},"end":{end}}},"line":1,"column":{col},"end_line":1,"end_column":{end_col},"found":"{year}","expected":"1871","fix":{{"replacement":"1871","applicability":"display-only"}},"assertion":"asserted"{extra}}}"#,
        end = start + 4,
        col = start + 1,
        end_col = start + 5,
    )
}

#[test]
fn files_give_one_line_per_finding_in_the_order_of_the_files() {
    let dir = setup();
    fs::create_dir(dir.path().join("docs")).unwrap();
    fs::write(dir.path().join("docs/a.txt"), "The mill burned in 1872.\n").unwrap();
    fs::write(dir.path().join("docs/b.txt"), "All is well here.\n").unwrap();
    fs::write(
        dir.path().join("docs/c.txt"),
        "Its walls were of marble. It burned in 1869.\n",
    )
    .unwrap();
    let out = factlint(&dir)
        .args(["--format", "jsonl", "docs"])
        .output()
        .unwrap();
    let expected = [
        burned("docs/a.txt", "1872", 19, ""),
        r#"{"claim":"mill.stone","severity":"error","message":"\"marble\" contradicts claim `mill.stone` (granite)","path":"docs/c.txt","span":{"start":18,"end":24},"line":1,"column":19,"end_line":1,"end_column":25,"found":"marble","expected":"granite","fix":{"replacement":"granite","applicability":"machine-applicable"},"assertion":"asserted"}"#.to_string(),
        burned("docs/c.txt", "1869", 39, ""),
    ]
    .join("\n")
        + "\n";
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_lines_in_pass_their_fields_through_and_bad_lines_are_reported_and_skipped() {
    let dir = setup();
    let input = [
        r#"{"id": "one", "text": "The mill burned in 1872.", "lang": "en", "batch": 7}"#,
        r#"{"id": "two", "text": "unterminated"#,
        r#"{"id": "three", "text": "It burned in 1871, on a Sunday."}"#,
        "",
        r#"{"text": "The mill burned in 1860."}"#,
        r##"{"id": "four.md", "text": "# Mill\n\nThe *mill* burned in 1873.", "tags": ["a", "b"]}"##,
    ]
    .join("\n");
    let out = factlint(&dir)
        .args(["--input", "jsonl", "--format", "jsonl", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let four = r#"{"claim":"mill.burned","severity":"error","message":"\"1873\" contradicts claim `mill.burned` (8 October 1871)","path":"four.md","span":{"start":29,"end":33},"line":3,"column":22,"end_line":3,"end_column":26,"found":"1873","expected":"1871","fix":{"replacement":"1871","applicability":"display-only"},"assertion":"asserted","tags":["a","b"]}"#;
    let expected = format!(
        "{}\n{four}\n",
        burned("one", "1872", 19, r#","batch":7,"lang":"en""#)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "factlint: standard input, line 2: not valid JSON: EOF while parsing a string at line 1 column 35\n\
         factlint: standard input, line 5: no `id` field\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_order_of_the_input_is_kept_across_many_documents() {
    let dir = setup();
    // Long documents and short ones alternate, so that later ones finish first.
    let mut input = String::new();
    let mut expected = String::new();
    for i in 0..400 {
        let year = 1700 + i;
        let filler = if i % 7 == 0 {
            "The wheel turned all day. ".repeat(300)
        } else {
            String::new()
        };
        let text = format!("{filler}The mill burned in {year}.");
        input.push_str(
            &serde_json::json!({"id": format!("doc-{i}"), "text": text, "n": i}).to_string(),
        );
        input.push('\n');
        if year != 1871 {
            let start = filler.len() + 19;
            expected.push_str(&burned(
                &format!("doc-{i}"),
                &year.to_string(),
                start,
                &format!(r#","n":{i}"#),
            ));
            expected.push('\n');
        }
    }
    let out = factlint(&dir)
        .args(["--input", "jsonl", "--format", "jsonl", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 399);
    assert_eq!(stdout, expected);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_lines_in_can_be_reported_in_any_format() {
    let dir = setup();
    let input = "{\"id\": \"one\", \"text\": \"The mill burned in 1872.\"}\n\
                 {\"id\": \"two\", \"text\": \"Nothing to see.\"}\n";
    let out = factlint(&dir)
        .args(["--input", "jsonl", "--format", "short", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "one:1:20: error[mill.burned]: \"1872\" contradicts claim `mill.burned` (8 October 1871)\n"
    );
    let out = factlint(&dir)
        .args(["--input", "jsonl", "--format", "json", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["diagnostics"][0]["path"], "one");
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_lines_in_read_standard_input_only() {
    let dir = setup();
    fs::write(dir.path().join("a.txt"), "The mill burned in 1872.\n").unwrap();
    let out = factlint(&dir)
        .args(["--input", "jsonl", "--format", "jsonl", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "factlint: --input jsonl reads standard input: give `-` as the only path\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_baseline_still_applies_to_jsonl() {
    let dir = setup();
    fs::write(dir.path().join("a.txt"), "The mill burned in 1872.\n").unwrap();
    fs::write(dir.path().join("b.txt"), "The mill burned in 1873.\n").unwrap();
    factlint(&dir)
        .args(["--write-baseline", "base.json", "a.txt"])
        .assert()
        .code(0);
    let out = factlint(&dir)
        .args([
            "--format",
            "jsonl",
            "--baseline",
            "base.json",
            "a.txt",
            "b.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        burned("b.txt", "1873", 19, "") + "\n"
    );
    assert_eq!(out.status.code(), Some(1));
}
