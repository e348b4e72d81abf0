//! The findings as one self-contained HTML page (`check --format html`), in the
//! style of the cross-check report: per file, each finding with its place, its
//! severity, its claim, the message, the sentence with the wrong words marked and
//! the expected value. Links to the files are relative to the directory factlint
//! ran in, where the page is usually saved.

use crate::check::one_line;
use std::io;
use std::ops::Range;

use super::cross::html::page::{close_page, encode_path, escape, open_page};
use super::{FileResult, Summary};
use crate::check::Finding;
use crate::claims::ClaimSet;

/// Characters of context kept on each side of the wrong words in a long sentence.
const CONTEXT: usize = 160;

/// Writes the findings as an HTML page.
pub fn write_html(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    results: &[FileResult],
    summary: Summary,
) -> io::Result<()> {
    open_page(out, "factlint findings")?;
    writeln!(out, "<header class=\"top\">")?;
    writeln!(out, "<h1>factlint findings</h1>")?;
    writeln!(out, "<dl class=\"summary\">")?;
    for (label, class, n) in [
        ("Files", "files", summary.files),
        ("Errors", "errors", summary.errors),
        ("Warnings", "warnings", summary.warnings),
        ("Notes", "notes", summary.notes),
    ] {
        writeln!(
            out,
            "<div class=\"stat stat-{class}\"><dt>{label}</dt><dd>{n}</dd></div>"
        )?;
    }
    writeln!(out, "</dl>")?;
    writeln!(out, "</header>")?;
    writeln!(out, "<main>")?;
    if summary.errors + summary.warnings + summary.notes == 0 {
        writeln!(out, "<p class=\"none\">No contradiction found.</p>")?;
    }
    for r in results.iter().filter(|r| !r.findings.is_empty()) {
        write_file(out, claims, r)?;
    }
    writeln!(out, "</main>")?;
    close_page(out)
}

fn write_file(out: &mut dyn io::Write, claims: &ClaimSet, r: &FileResult) -> io::Result<()> {
    writeln!(out, "<section class=\"findings-file\">")?;
    writeln!(out, "<h2><code>{}</code></h2>", escape(&r.path))?;
    writeln!(out, "<ol class=\"findings\">")?;
    for f in &r.findings {
        write_finding(out, claims, r, f)?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</section>")
}

fn write_finding(
    out: &mut dyn io::Write,
    claims: &ClaimSet,
    r: &FileResult,
    f: &Finding,
) -> io::Result<()> {
    let (line, col) = r.position(f.span.start);
    let severity = f.severity.as_str();
    let place = format!("{}:{}:{}", r.path, line.0, col.0);
    let href = if r.from_stdin {
        String::new()
    } else {
        format!(" href=\"{}\"", escape(&encode_path(&r.path)))
    };
    let (before, words, after) = marked_sentence(&r.text, &f.sentence, &f.span);
    writeln!(out, "<li class=\"finding\">")?;
    writeln!(
        out,
        "<div class=\"finding-head\"><span class=\"badge sev-{severity}\">{severity}</span> \
         <code class=\"claim-id\">{}</code> <a class=\"where\"{href}>{}</a></div>",
        escape(&claims.claims[f.claim].id.0),
        escape(&place)
    )?;
    writeln!(out, "<p class=\"message\">{}</p>", escape(&f.message))?;
    writeln!(
        out,
        "<blockquote class=\"sentence\">{}<mark>{}</mark>{}</blockquote>",
        escape(&before),
        escape(&words),
        escape(&after)
    )?;
    writeln!(
        out,
        "<p class=\"expected\">Expected: <q>{}</q></p>",
        escape(&f.expected)
    )?;
    writeln!(out, "</li>")
}

/// The sentence around `span` on one line, in three parts: before the wrong
/// words, the words, after them; a long side is cut to [`CONTEXT`] characters at
/// a space, marked `…`.
fn marked_sentence(
    text: &str,
    sentence: &Range<usize>,
    span: &Range<usize>,
) -> (String, String, String) {
    let start = sentence.start.min(span.start);
    let end = sentence.end.max(span.end).min(text.len());
    let (Some(raw_before), Some(raw_words), Some(raw_after)) = (
        text.get(start..span.start),
        text.get(span.clone()),
        text.get(span.end..end),
    ) else {
        return (String::new(), String::new(), String::new());
    };
    let mut before = one_line(raw_before);
    if !before.is_empty() && raw_before.ends_with(char::is_whitespace) {
        before.push(' ');
    }
    let mut after = one_line(raw_after);
    if !after.is_empty() && raw_after.starts_with(char::is_whitespace) {
        after.insert(0, ' ');
    }
    (cut_front(&before), one_line(raw_words), cut_back(&after))
}

/// The last [`CONTEXT`] characters of `s`, from a word's start.
fn cut_front(s: &str) -> String {
    let n = s.chars().count();
    if n <= CONTEXT {
        return s.to_string();
    }
    let tail: String = s.chars().skip(n - CONTEXT).collect();
    let from = tail.find(' ').map_or(0, |i| i + 1);
    format!("…{}", &tail[from..])
}

/// The first [`CONTEXT`] characters of `s`, to a word's end.
fn cut_back(s: &str) -> String {
    if s.chars().count() <= CONTEXT {
        return s.to_string();
    }
    let head: String = s.chars().take(CONTEXT).collect();
    let to = head.rfind(' ').filter(|&i| i > 0).unwrap_or(head.len());
    format!("{}…", &head[..to])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, words: &str) -> (String, String, String) {
        let at = text.find(words).unwrap();
        marked_sentence(text, &(0..text.len()), &(at..at + words.len()))
    }

    #[test]
    fn the_wrong_words_are_set_apart_on_one_line() {
        assert_eq!(
            parts("The bridge opened\n  in 1931 to traffic.", "1931"),
            (
                "The bridge opened in ".to_string(),
                "1931".to_string(),
                " to traffic.".to_string()
            )
        );
        assert_eq!(
            parts("1931 was\tthe year.", "1931"),
            (
                String::new(),
                "1931".to_string(),
                " was the year.".to_string()
            )
        );
        assert_eq!(
            parts("It ended with a wrench.", "wrench."),
            (
                "It ended with a ".to_string(),
                "wrench.".to_string(),
                String::new()
            )
        );
    }

    #[test]
    fn a_clean_run_says_so() {
        let mut out = Vec::new();
        let summary = Summary {
            files: 4,
            ..Summary::default()
        };
        write_html(&mut out, &ClaimSet::default(), &[], summary).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.contains("<dt>Files</dt><dd>4</dd>"), "{page}");
        assert!(page.contains("<p class=\"none\">No contradiction found.</p>"));
        assert!(!page.contains("<section"));
    }

    #[test]
    fn a_long_sentence_is_cut_at_spaces_around_the_words() {
        let long = "word ".repeat(60);
        let text = format!("{long}the lighthouse was lit in 1872 {long}end");
        let (before, words, after) = parts(&text, "1872");
        assert_eq!(words, "1872");
        assert!(before.starts_with("…word "), "{before}");
        assert!(before.ends_with(" lit in "), "{before}");
        assert!(after.starts_with(" word"), "{after}");
        assert!(after.ends_with("word…"), "{after}");
        assert!(before.chars().count() <= CONTEXT + 1);
        assert!(after.chars().count() <= CONTEXT + 1);
    }

    #[test]
    fn a_short_sentence_is_kept_whole() {
        let (before, _, after) = parts("Señora Ruiz sailed in 1922, «late».", "1922");
        assert_eq!(before, "Señora Ruiz sailed in ");
        assert_eq!(after, ", «late».");
    }
}
