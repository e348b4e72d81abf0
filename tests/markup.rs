//! The same documents written as plain text, Markdown and HTML give the same
//! findings, each at the bytes of its own file.

use factlint::check::Finding;
use factlint::claims::{ClaimSet, load_claims};
use factlint::document::Document;
use factlint::lint::lint_document;
use factlint::scan::Matcher;

fn claims() -> ClaimSet {
    load_claims(&[concat!(env!("CARGO_MANIFEST_DIR"), "/claims/trotsky.toml")])
        .expect("claims load")
}

fn seeds() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Plain text as Markdown: paragraphs stay, the first line becomes a heading, lines
/// lose the indentation that Markdown would read as code, and the characters
/// Markdown gives a meaning are escaped.
fn to_markdown(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if i == 0 && !line.is_empty() {
            out.push_str("# ");
        }
        for c in line.chars() {
            if matches!(
                c,
                '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '\\' | '|'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// Plain text as HTML: a paragraph per block, entities for markup characters, for
/// no-break spaces and for curly apostrophes.
fn to_html(text: &str) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><title>seed</title><style>p { margin: 0 }</style></head>\n<body>\n",
    );
    for para in text.split("\n\n") {
        out.push_str("<p>");
        for c in para.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '\u{a0}' => out.push_str("&nbsp;"),
                '\u{2019}' => out.push_str("&rsquo;"),
                _ => out.push(c),
            }
        }
        out.push_str("</p>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn findings(
    name: &str,
    text: &str,
    claims: &ClaimSet,
    matcher: &Matcher,
) -> (Document, Vec<Finding>) {
    let doc = Document::new(name, text.to_string());
    let f = lint_document(&doc, claims, matcher);
    (doc, f)
}

/// What a finding says, whatever the markup.
fn verdicts(f: &[Finding], claims: &ClaimSet) -> Vec<(String, String, String)> {
    f.iter()
        .map(|f| {
            (
                claims.claims[f.claim].id.0.clone(),
                f.severity.as_str().to_string(),
                f.expected.clone(),
            )
        })
        .collect()
}

fn decode(s: &str) -> String {
    s.replace("&nbsp;", "\u{a0}")
        .replace("&rsquo;", "\u{2019}")
        .replace("&amp;", "&")
        .replace("\\", "")
}

#[test]
fn seeds_as_markdown_and_html_give_the_same_findings_at_their_own_bytes() {
    let claims = claims();
    let matcher = Matcher::new(&claims).unwrap();
    for (stem, text) in seeds() {
        let (_, plain) = findings(&format!("{stem}.txt"), &text, &claims, &matcher);
        assert!(
            !plain.is_empty() || stem.starts_with("001"),
            "{stem} has findings"
        );
        for (ext, converted) in [("md", to_markdown(&text)), ("html", to_html(&text))] {
            let (doc, got) = findings(&format!("{stem}.{ext}"), &converted, &claims, &matcher);
            assert_eq!(
                verdicts(&got, &claims),
                verdicts(&plain, &claims),
                "{stem}.{ext}"
            );
            for (f, p) in got.iter().zip(&plain) {
                // The span holds the found words, written in this file's markup.
                assert_eq!(&doc.source()[f.span.clone()], f.found, "{stem}.{ext}");
                assert_eq!(decode(&f.found), p.found, "{stem}.{ext}");
            }
        }
    }
}

#[test]
fn markdown_code_links_and_comments_are_not_prose() {
    let claims = claims();
    let matcher = Matcher::new(&claims).unwrap();
    let md = "# Notes\n\nTrotsky was killed with an ice axe; see [the ice pick myth](https://example.org/ice-pick).\n\n```\nTrotsky was killed with an ice pick.\n```\n\nThe grep pattern `Trotsky was killed with an ice pick` finds it. <!-- Trotsky was killed with an ice pick -->\n\n> Trotsky was killed with an ice pick, wrote one paper.\n\nMercader killed Trotsky with an **ice pick**.\n";
    let (doc, f) = findings("notes.md", md, &claims, &matcher);
    let shown: Vec<(&str, &str, usize)> = f
        .iter()
        .map(|f| (f.found.as_str(), f.severity.as_str(), f.span.start))
        .collect();
    let quoted = md.find("an ice pick, wrote").unwrap() + 3;
    let bold = md.rfind("ice pick**").unwrap();
    assert_eq!(
        shown,
        vec![("ice pick", "note", quoted), ("ice pick", "error", bold)]
    );
    assert_eq!(&doc.source()[f[1].span.clone()], "ice pick");
}

#[test]
fn html_markup_scripts_and_entities() {
    let claims = claims();
    let matcher = Matcher::new(&claims).unwrap();
    let html = "<html><head><script>var s = 'Trotsky was killed with an ice pick';</script></head><body>\n<p title=\"Trotsky was killed with an ice pick\">Ram&oacute;n Mercader killed Trotsky with an <em>ice&#8209;pick</em>.</p>\n<blockquote>Trotsky was killed with an ice pick.</blockquote>\n<p>Trotsky died in 1941.</p></body></html>";
    let (doc, f) = findings("page.html", html, &claims, &matcher);
    let shown: Vec<(&str, &str)> = f
        .iter()
        .map(|f| (f.found.as_str(), f.severity.as_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("ice&#8209;pick", "error"),
            ("ice pick", "note"),
            ("1941", "error")
        ]
    );
    assert_eq!(&doc.source()[f[0].span.clone()], "ice&#8209;pick");
}

#[test]
fn a_term_is_not_joined_across_the_end_of_a_heading() {
    let claims = claims();
    let matcher = Matcher::new(&claims).unwrap();
    // The heading ends at "ice"; the paragraph under it starts with "pick". In
    // plain text the two lines are one sentence, and the term is read.
    let text = "# Trotsky was killed with an ice\npick in his study.\n\nTrotsky was killed with an ice\npick in his study.\n";
    let spans = |name: &str| -> Vec<(String, usize)> {
        let (_, f) = findings(name, text, &claims, &matcher);
        f.iter().map(|f| (f.found.clone(), f.span.start)).collect()
    };
    let second = text.rfind("ice\npick").unwrap();
    assert_eq!(spans("page.md"), vec![("ice\npick".to_string(), second)]);
    assert_eq!(
        spans("page.txt"),
        vec![
            ("ice\npick".to_string(), 29),
            ("ice\npick".to_string(), second)
        ]
    );
}
