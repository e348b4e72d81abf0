//! A big file checked in parts gives the findings of the same text checked whole:
//! the same spans, claims, severities, messages and order. Each text here is many
//! documents run together, cut at every paragraph break where a cut may fall and
//! at a few part sizes. Claims about a subject are checked here in parts too
//! (factlint itself checks them whole), to show how far the cuts alone keep
//! findings.
//! The development sets (outside the project, in `../shared/eval/dev/`) are used
//! where they are present.

use std::path::{Path, PathBuf};

use factlint::check::{CheckOptions, Finding};
use factlint::claims::load_claims;
use factlint::document::Document;
use factlint::document::markup::Markup;
use factlint::lint::lint_document_with;
use factlint::lint::parts::{PARTS_FROM, in_parts, lint_in_parts, safe_in_parts};
use factlint::scan::Matcher;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.txt` files of `dir`, sorted, run together with a blank line between.
fn joined(dir: &Path) -> String {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("text"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Checks `text` against `claims` whole and in parts of several sizes, and
/// asserts the findings are the same; returns how many there are.
fn same_in_parts(claims: &Path, text: &str) -> usize {
    let claims = load_claims(&[claims]).expect("the claims load");
    let matcher = Matcher::new(&claims).expect("the claims compile");
    let options = CheckOptions::default();
    let doc = Document::with_markup("all.txt", text.to_string(), Markup::Text);
    let whole: Vec<Finding> = lint_document_with(&doc, &claims, &matcher, &options);
    for size in [1, 3000, 20_000] {
        let parts = lint_in_parts("all.txt", text, size, &claims, &matcher, &options);
        assert_eq!(parts.len(), whole.len(), "part size {size}");
        for (p, w) in parts.iter().zip(&whole) {
            assert_eq!(p, w, "part size {size}");
        }
    }
    whole.len()
}

#[test]
fn the_seeds_give_the_same_findings_in_parts() {
    let text = joined(&root().join("seeds"));
    let n = same_in_parts(&root().join("claims/trotsky.toml"), &text);
    assert!(n > 10, "{n} findings");
}

#[test]
fn the_development_sets_give_the_same_findings_in_parts() {
    let dev = root().join("../shared/eval/dev");
    if !dev.is_dir() {
        eprintln!("no development sets: skipped");
        return;
    }
    for set in ["chernobyl", "wright-flyer", "marie-curie"] {
        let text = joined(&dev.join(set));
        let own = root().join("tests/claims").join(format!("{set}.toml"));
        assert!(same_in_parts(&own, &text) > 0, "{set}");
        let theirs = dev.join(set).join("claims.toml");
        if theirs.is_file() {
            same_in_parts(&theirs, &text);
        }
    }
}

#[test]
fn a_suppression_before_a_cut_still_silences_the_next_sentence() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let claims = dir.path().join("claims.toml");
    std::fs::write(
        &claims,
        "[subject]\nname = \"Ada Pembury\"\n\n[[claim]]\nid = \"birth.year\"\nkind = \"date\"\nvalue = \"1850\"\ntriggers = [\"born\"]\n",
    )
    .expect("written");
    let text = "Ada Pembury was born in 1851.\n\n\
                # factlint: ignore[birth.year] the register is wrong\n\n\
                Ada Pembury was born in 1852.\n\n\
                Ada Pembury was born in 1853.\n";
    assert_eq!(same_in_parts(&claims, text), 2);
}

/// A value stated of "she" where the subject is named with the claimed value in
/// another paragraph is softened to a note: the whole document is read for it,
/// so claims about a subject are never checked in parts.
#[test]
fn claims_about_a_subject_are_not_checked_in_parts() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let subject = dir.path().join("subject.toml");
    std::fs::write(
        &subject,
        "[subject]\nname = \"Ada Pembury\"\npronouns = [\"she\", \"her\"]\n\n[[claim]]\nid = \"birth.year\"\nkind = \"date\"\nvalue = \"1850\"\ntriggers = [\"born\"]\n",
    )
    .expect("written");
    let terms = dir.path().join("terms.toml");
    std::fs::write(
        &terms,
        "[[claim]]\nid = \"tool\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n",
    )
    .expect("written");
    let text = "Ada Pembury was born in 1850.\n\n\
                The mill stood by the river. The weather was mild. She was born in 1851.\n";
    let claims = load_claims(&[&subject]).expect("the claims load");
    let matcher = Matcher::new(&claims).expect("the claims compile");
    let doc = Document::with_markup("all.txt", text.to_string(), Markup::Text);
    let whole = lint_document_with(&doc, &claims, &matcher, &CheckOptions::default());
    assert_eq!(whole.len(), 1);
    assert_eq!(&text[whole[0].span.clone()], "1851");
    assert_eq!(whole[0].severity, factlint::claims::Severity::Note);
    assert!(!safe_in_parts(&claims, &matcher));
    assert!(!in_parts(Markup::Text, PARTS_FROM, &claims, &matcher));
    let claims = load_claims(&[&terms]).expect("the claims load");
    let matcher = Matcher::new(&claims).expect("the claims compile");
    assert!(safe_in_parts(&claims, &matcher));
    assert!(in_parts(Markup::Text, PARTS_FROM, &claims, &matcher));
    assert!(!in_parts(Markup::Text, PARTS_FROM - 1, &claims, &matcher));
    assert!(!in_parts(Markup::Markdown, PARTS_FROM, &claims, &matcher));
}

#[test]
fn term_claims_give_the_same_findings_in_parts() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let terms = dir.path().join("terms.toml");
    std::fs::write(
        &terms,
        "[[claim]]\nid = \"tool\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n\n[[claim]]\nid = \"policy\"\nkind = \"term\"\nvalue = \"New Economic Policy\"\nreject = [\"New Economic Plan\"]\n",
    )
    .expect("written");
    let mut text = joined(&root().join("seeds"));
    text.push_str("\n\nThe ice pick was found.\n\nThe New Economic Plan began, not the ice axe.\n\nAn ice pick, not an ice axe.\n");
    assert!(same_in_parts(&terms, &text) >= 2);
}
