//! Tests of the role reader, on sentences written for them.
use crate::document::Document;

const CLAIMS: &str = r#"
[subject]
name = "Port Senna"
kind = "place"
nouns = ["port", "harbour"]

[subjects.vell]
name = "Vell"
kind = "place"
nouns = ["town"]

[[claim]]
id = "harbourmaster"
kind = "role"
value = "Ines Odrow"
accept = ["Odrow"]
triggers = ['\bharbourmaster\b']

[[claim]]
id = "opened"
kind = "date"
value = "1702"
triggers = ['\bopened\b']
"#;

/// (claim, found) of each finding of `text` in a file named `name`.
fn findings(name: &str, text: &str) -> Vec<(String, String)> {
    let claims =
        crate::claims::parse_claims(vec![("c.toml".into(), CLAIMS.into())]).expect("claims parse");
    let matcher = crate::scan::matcher::Matcher::new(&claims).expect("matcher builds");
    let doc = Document::new(name, text.to_string());
    crate::lint::lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| (claims.claims[f.claim].id.to_string(), f.found))
        .collect()
}

fn one(found: &str) -> Vec<(String, String)> {
    vec![("harbourmaster".to_string(), found.to_string())]
}

#[test]
fn a_label_or_answer_fills_the_role_it_names() {
    assert_eq!(
        findings("a.txt", "Harbourmaster: Piet Laran\n"),
        one("Piet Laran")
    );
    assert_eq!(
        findings("a.txt", "- Harbourmaster: Piet Laran\n"),
        one("Piet Laran")
    );
    assert_eq!(
        findings("a.md", "* Harbourmaster: Piet Laran\n"),
        one("Piet Laran")
    );
    assert_eq!(
        findings(
            "a.txt",
            "Q: Who is the harbourmaster of Port Senna?\nA: Piet Laran.\n"
        ),
        one("Piet Laran")
    );
    assert_eq!(
        findings(
            "a.md",
            "**Who was harbourmaster then?**\n\nCaptain Laran.\n"
        ),
        one("Captain Laran")
    );
}

#[test]
fn an_answer_that_is_no_bare_phrase_fills_nothing() {
    for answer in [
        "Odrow.",
        "Ines Odrow, since 1990.",
        "She did.",
        "Yes.",
        "1702.",
        "In 1702 the port opened.",
        "Piet Laran was his deputy.",
    ] {
        let text = format!("Q: Who is the harbourmaster of Port Senna?\nA: {answer}\n");
        let wrong: Vec<_> = findings("a.txt", &text)
            .into_iter()
            .filter(|(c, _)| c == "harbourmaster")
            .collect();
        assert_eq!(wrong, vec![], "{answer}");
    }
}

#[test]
fn a_question_about_another_subject_lends_nothing() {
    assert_eq!(
        findings(
            "a.txt",
            "Q: Who is the harbourmaster of Vell?\nA: Piet Laran.\n"
        ),
        vec![]
    );
    assert_eq!(
        findings("a.txt", "Q: When was Vell opened?\nA: 1705.\n"),
        vec![]
    );
}

#[test]
fn a_cell_fills_the_role_in_the_subjects_row_only() {
    let table = "| Port | Harbourmaster |\n|---|---|\n| Vell | Ana Brisk |\n| Port Senna | Piet Laran |\n| Gorra Bay | Tom Hale |\n";
    assert_eq!(findings("a.md", table), one("Piet Laran"));
    assert_eq!(findings("a.txt", table), one("Piet Laran"));
    // A row giving the role, in a table about the subject.
    assert_eq!(
        findings(
            "a.md",
            "| Fact | Value |\n|---|---|\n| Harbourmaster | Piet Laran |\n"
        ),
        one("Piet Laran")
    );
    // A list of holders, row by row, names no one the subject's.
    assert_eq!(
        findings(
            "a.md",
            "| Year | Harbourmaster |\n|---|---|\n| 1950 | Ana Brisk |\n| 1970 | Tom Hale |\n"
        ),
        vec![]
    );
    assert_eq!(
        findings(
            "a.md",
            "| Harbourmaster | Term |\n|---|---|\n| Ana Brisk | 1950s |\n"
        ),
        vec![]
    );
}
