//! A big file read and checked a piece at a time, each piece's findings written
//! by itself, gives the report of the file read and checked whole, byte for
//! byte: the same spans, lines, columns and snippets on either side of every
//! piece's boundary. A file that cannot be read whole is refused the same way,
//! before any of its pieces. The pieces here are small (the run's are 64 KiB)
//! and the texts are sentences of this test's own.

use std::path::Path;

use codespan_reporting::term::termcolor::NoColor;
use factlint::check::CheckOptions;
use factlint::claims::{ClaimSet, load_claims};
use factlint::lint::tasks::{Pieces, Task, check_task, tasks};
use factlint::lint::{File, check_file, read_text};
use factlint::report::diagnostic::FindingWriter;
use factlint::report::{FileResult, jsonl};
use factlint::scan::Matcher;

const CLAIMS: &str = r#"
[[claim]]
id = "tool"
kind = "term"
value = "ice axe"
reject = ["ice pick"]
source = "the museum's catalogue"

[[claim]]
id = "policy"
kind = "term"
value = "New Economic Policy"
reject = ["New Economic Plan"]
"#;

/// Paragraphs with wrong terms at their starts, middles and ends, characters of
/// two to four bytes, lines ending in `\r\n`, a long line, a suppression
/// directive, and paragraphs that lean on the one before (no cut before them).
fn text() -> String {
    let mut text = String::from("\u{feff}The ice pick lay on the table.\n\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Paragraph {i}: Ramón Zoë found the ice pick near the mill. \
             The New Economic Plan was announced \u{201c}soon\u{201d} \u{1F600}.\n\
             A second line names the ice axe correctly.\n\n"
        ));
        match i % 5 {
            0 => text.push_str("When did it happen?\n\nIn spring, with an ice pick.\n\n"),
            1 => text.push_str("A line ending in a carriage return, an ice pick.\r\n\r\n"),
            2 => text.push_str(&format!("{} the ice pick {}\n\n", "word ".repeat(80), "tail ".repeat(80))),
            3 => text.push_str(
                "# factlint: ignore[tool] the letter quotes the old name.\n\nThe ice pick of the letter.\n\n",
            ),
            _ => text.push_str("and in lower case the New Economic Plan goes on.\n\n"),
        }
    }
    text.push_str("The last ice pick, with no newline at the end.");
    text
}

fn claims(dir: &Path) -> (ClaimSet, Matcher) {
    let path = dir.join("claims.toml");
    std::fs::write(&path, CLAIMS).expect("written");
    let claims = load_claims(&[&path]).expect("the claims load");
    let matcher = Matcher::new(&claims).expect("the claims compile");
    (claims, matcher)
}

/// The report of the results, in the short, human and JSON-lines formats, each
/// result written by itself as the run writes it.
fn report(claims: &ClaimSet, results: &[FileResult]) -> [String; 3] {
    let mut out = [Vec::new(), Vec::new(), Vec::new()];
    for (k, short) in [(0, true), (1, false)] {
        let mut writer = FindingWriter::new(claims, short);
        let mut sink = NoColor::new(&mut out[k]);
        for r in results {
            writer.write_file(&mut sink, r).expect("written");
        }
    }
    for r in results {
        jsonl::write_file(&mut out[2], claims, r, None).expect("written");
    }
    out.map(|o| String::from_utf8(o).expect("UTF-8"))
}

fn file(path: &Path) -> File<'_> {
    File {
        path,
        named: true,
        stdin_name: None,
    }
}

/// The tasks of `files` with pieces from `from` bytes of about `size` bytes.
fn tasks_of<'a>(
    files: &'a [&'a Path],
    (claims, matcher): &(ClaimSet, Matcher),
    from: usize,
    size: usize,
) -> Vec<Task<'a>> {
    let files = files.iter().map(|p| file(p));
    tasks(
        files,
        claims,
        matcher,
        &CheckOptions::default(),
        Pieces { from, size },
    )
    .collect()
}

#[test]
fn a_file_checked_in_pieces_reports_what_it_reports_checked_whole() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let set = claims(dir.path());
    let (claims, matcher) = &set;
    let path = dir.path().join("big.txt");
    let text = text();
    std::fs::write(&path, &text).expect("written");
    let options = CheckOptions::default();
    let whole = check_file(&file(&path), claims, matcher, &options).expect("checked");
    assert!(whole.findings.len() > 100, "{}", whole.findings.len());
    let want = report(claims, std::slice::from_ref(&whole));
    assert!(want[0].contains(":1:5: error[tool]"), "{}", want[0]);
    for size in [1, 200, 1000, 4000, text.len()] {
        let files = [path.as_path()];
        let tasks = tasks_of(&files, &set, 0, size);
        let n = tasks.len();
        assert!(n > 1 || size == text.len(), "{n} pieces of {size}");
        let mut results = Vec::new();
        for (k, task) in tasks.into_iter().enumerate() {
            assert!(matches!(task, Task::Piece(_)), "size {size}");
            let (result, last) = check_task(task, claims, matcher, &options).expect("checked");
            assert_eq!(last, k + 1 == n, "size {size}");
            results.push(result);
        }
        assert_eq!(report(claims, &results), want, "size {size}");
    }
}

#[test]
fn a_file_that_cannot_be_read_whole_is_refused_before_any_piece() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let set = claims(dir.path());
    let good = text().into_bytes();
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut bad_end = good.clone();
    bad_end.extend_from_slice(b"\nThe end \xff.\n");
    cases.push(("bad_end.txt", bad_end));
    let mut cut_end = good.clone();
    cut_end.extend_from_slice(b"\nRam\xc3");
    cases.push(("cut_end.txt", cut_end));
    let mut nul = good.clone();
    nul.insert(300, 0);
    cases.push(("nul.txt", nul));
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("written");
        let expected = read_text(&path, true, Default::default()).expect_err("not text");
        let files = [path.as_path()];
        let tasks = tasks_of(&files, &set, 0, 100);
        assert_eq!(tasks.len(), 1, "{name}");
        let Task::Failed(e) = &tasks[0] else {
            panic!("{name}: {:?}", tasks[0]);
        };
        assert_eq!((&e.path, &e.message), (&expected.path, &expected.message));
        assert!(!e.quiet, "{name}");
    }
    // Met in a walk, a binary file is skipped quietly, as when read whole.
    let path = dir.path().join("nul.txt");
    let walked = [File {
        path: &path,
        named: false,
        stdin_name: None,
    }];
    let (claims, matcher) = &set;
    let options = CheckOptions::default();
    let pieces = Pieces { from: 0, size: 100 };
    let got: Vec<Task<'_>> = tasks(walked.into_iter(), claims, matcher, &options, pieces).collect();
    assert!(matches!(&got[..], [Task::Failed(e)] if e.quiet));
}

#[test]
fn only_big_plain_text_files_checked_against_terms_are_read_in_pieces() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let set = claims(dir.path());
    let text = text();
    let small = dir.path().join("a.txt");
    std::fs::write(&small, "The ice pick.\n").expect("written");
    let big = dir.path().join("b.txt");
    std::fs::write(&big, &text).expect("written");
    let markdown = dir.path().join("c.md");
    std::fs::write(&markdown, &text).expect("written");
    let files = [
        small.as_path(),
        big.as_path(),
        markdown.as_path(),
        Path::new("-"),
    ];
    let kinds: Vec<&str> = tasks_of(&files, &set, 100, 1000)
        .iter()
        .map(|t| match t {
            Task::Whole(f) => f.path.to_str().unwrap_or("?"),
            Task::Piece(_) => "piece",
            Task::Failed(_) => "failed",
        })
        .collect();
    let pieces = kinds.iter().filter(|k| **k == "piece").count();
    assert!(pieces > 5, "{kinds:?}");
    let mut want = vec![small.to_str().unwrap_or("?")];
    want.extend(std::iter::repeat_n("piece", pieces));
    want.extend([markdown.to_str().unwrap_or("?"), "-"]);
    assert_eq!(kinds, want);
    // Claims about a subject read the whole document: no pieces.
    let subject = dir.path().join("subject.toml");
    std::fs::write(
        &subject,
        "[subject]\nname = \"Ada Pembury\"\n\n[[claim]]\nid = \"tool\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n",
    )
    .expect("written");
    let claims = load_claims(&[&subject]).expect("the claims load");
    let matcher = Matcher::new(&claims).expect("the claims compile");
    let files = [big.as_path()];
    let got = tasks_of(&files, &(claims, matcher), 100, 1000);
    assert!(matches!(&got[..], [Task::Whole(_)]));
}
