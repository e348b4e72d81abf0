//! The cross-check of small documents of our own: statuses, grouped values,
//! open claims and the consensus.

use super::*;
use crate::claims::parse_claims;

const CLAIMS: &str = r#"
[subject]
name = "Ada Lind"
aliases = ["Lind"]
pronouns = ["she", "her"]

[[claim]]
id = "death.date"
kind = "date"
value = "1934-03"
triggers = ['\bdied?\b']

[[claim]]
id = "tool"
kind = "term"
value = "bone folder"
accept = ["folder"]
reject = ["paper knife"]
context = ['\bbound\b', '\bbinding\b']

[[claim]]
id = "move.date"
kind = "date"
triggers = ['\bmoved to (?:oslo|bergen)\b']

[[claim]]
id = "press"
kind = "term"
accept = [["hand press", "hand-press"], "steam press"]
context = ['\bprinted\b']

[[claim]]
id = "height"
kind = "number"
unit = "m"
tolerance = 0.05
triggers = ['\btall\b', '\bheight\b']
subject = { name = "the mill tower", aliases = ["tower"], kind = "thing" }
"#;

fn claims() -> ClaimSet {
    parse_claims(vec![("c.toml".into(), CLAIMS.into())]).expect("claims parse")
}

fn matrix(docs: &[(&str, &str)], sources: &Sources, consensus: bool) -> (ClaimSet, Matrix) {
    let claims = claims();
    let matcher = Matcher::new(&claims).expect("matcher");
    let docs: Vec<Document> = docs
        .iter()
        .map(|(p, t)| Document::new(*p, t.to_string()))
        .collect();
    let options = Options {
        consensus: consensus.then(consensus::Rule::default),
        ..Options::default()
    };
    let m = cross_check_documents(&docs, &claims, &matcher, sources, &options);
    (claims, m)
}

fn row<'a>(claims: &ClaimSet, m: &'a Matrix, id: &str) -> &'a Row {
    m.rows
        .iter()
        .find(|r| claims.claims[r.claim].id.0 == id)
        .expect("row")
}

/// Each document's cell status in a row.
fn statuses(claims: &ClaimSet, m: &Matrix, id: &str) -> Vec<&'static str> {
    let r = row(claims, m, id);
    (0..m.documents.len())
        .map(|d| r.cell(d).map_or("silent", |c| c.status.as_str()))
        .collect()
}

/// Each group of a row: its value and documents.
fn groups(claims: &ClaimSet, m: &Matrix, id: &str) -> Vec<(String, Vec<usize>)> {
    row(claims, m, id)
        .groups
        .iter()
        .map(|g| (g.shown.clone(), g.documents.clone()))
        .collect()
}

const DOCS: [(&str, &str); 5] = [
    (
        "a.txt",
        "Lind died in March 1934. She bound books with a bone folder.",
    ),
    (
        "b.txt",
        "Lind died in 1936. She bound her books with a paper knife.",
    ),
    ("c.txt", "Lind reportedly died in 1935."),
    (
        "d.txt",
        "\"Lind died in 1931,\" the paper wrote. She did not die in 1934.",
    ),
    ("e.txt", "The weather was fine."),
];

#[test]
fn each_document_stands_on_each_claim_in_one_status() {
    let (claims, m) = matrix(&DOCS, &Sources::default(), false);
    assert_eq!(
        statuses(&claims, &m, "death.date"),
        vec!["agrees", "contradicts", "hedged", "negated", "silent"]
    );
    assert_eq!(
        statuses(&claims, &m, "tool"),
        vec!["agrees", "contradicts", "silent", "silent", "silent"]
    );
    let r = row(&claims, &m, "death.date");
    assert_eq!(r.count(Status::Silent), 1);
    assert_eq!(r.count(Status::Agrees), 1);
    // The quotation is evidence of its own beside the denial.
    let d = r.cell(3).expect("cell of d.txt");
    let kinds: Vec<&str> = d.evidence.iter().map(|e| e.status.as_str()).collect();
    assert_eq!(kinds, vec!["quoted", "negated"]);
    assert_eq!(d.evidence[0].found, "1931");
    assert_eq!(
        d.evidence[0].sentence_text,
        "\"Lind died in 1931,\" the paper wrote."
    );
    let e = &r.cell(1).expect("cell of b.txt").evidence[0];
    assert_eq!(
        (e.line, e.column, e.severity),
        (1, 14, Some(Severity::Error))
    );
    assert_eq!(&e.sentence_text[e.mark.clone()], "1936");
}

#[test]
fn the_values_of_the_documents_own_statements_are_grouped() {
    let (claims, m) = matrix(&DOCS, &Sources::default(), false);
    // Hedged, quoted and denied values are not the source's own.
    assert_eq!(
        groups(&claims, &m, "death.date"),
        vec![("March 1934".into(), vec![0]), ("1936".into(), vec![1])]
    );
    assert_eq!(
        groups(&claims, &m, "tool"),
        vec![
            ("bone folder".into(), vec![0]),
            ("paper knife".into(), vec![1])
        ]
    );
    assert!(row(&claims, &m, "tool").groups[0].claimed);
}

#[test]
fn dates_group_at_their_shared_precision() {
    let docs = [
        ("a.txt", "Lind moved to Oslo on 3 May 1920."),
        ("b.txt", "Lind moved to Oslo in May 1920."),
        ("c.txt", "Lind moved to Oslo in 1922."),
        ("d.txt", "In 1922 Lind moved to Bergen."),
        ("e.txt", "Lind moved to Oslo in 1920."),
    ];
    let (claims, m) = matrix(&docs, &Sources::default(), false);
    // "1920" covers one finer date only, and joins it; "May 1920" too.
    assert_eq!(
        groups(&claims, &m, "move.date"),
        vec![
            ("3 May 1920".into(), vec![0, 1, 4]),
            ("1922".into(), vec![2, 3])
        ]
    );
    // With no value, the statements only state.
    assert_eq!(statuses(&claims, &m, "move.date"), vec!["states"; 5]);
}

#[test]
fn a_coarse_date_covering_two_finer_ones_stays_apart() {
    let docs = [
        ("a.txt", "Lind moved to Oslo on 3 May 1920."),
        ("b.txt", "Lind moved to Oslo on 9 June 1920."),
        ("c.txt", "Lind moved to Oslo in 1920."),
    ];
    let (claims, m) = matrix(&docs, &Sources::default(), false);
    let g = groups(&claims, &m, "move.date");
    assert_eq!(g.len(), 3, "{g:?}");
    assert!(g.contains(&("1920".into(), vec![2])));
}

#[test]
fn numbers_group_within_the_tolerance_in_the_claims_unit() {
    let docs = [
        ("a.txt", "The tower is 31.2 m tall."),
        ("b.txt", "The tower is 31.24 metres tall."),
        ("c.txt", "The tower is 102 feet tall."),
        ("d.txt", "The tower is 40 m tall."),
    ];
    let (claims, m) = matrix(&docs, &Sources::default(), false);
    let g = groups(&claims, &m, "height");
    assert_eq!(g.len(), 3, "{g:?}");
    assert_eq!(g[0].1, vec![0, 1]);
    // 102 feet is 31.09 m: outside 0.05 of 31.2.
    assert!(
        g.iter().any(|(v, d)| v == "31.09 m" && d == &vec![2]),
        "{g:?}"
    );
}

#[test]
fn an_open_terms_answers_gather_their_forms() {
    let docs = [
        ("a.txt", "Lind printed it on a hand-press."),
        ("b.txt", "Lind printed the book on a hand press."),
        ("c.txt", "Lind printed it on a steam press."),
    ];
    let (claims, m) = matrix(&docs, &Sources::default(), false);
    assert_eq!(
        groups(&claims, &m, "press"),
        vec![
            ("hand press".into(), vec![0, 1]),
            ("steam press".into(), vec![2])
        ]
    );
}

fn trusted(glob: &str, trust: f64) -> Sources {
    let mut b = globset::GlobSetBuilder::new();
    b.add(globset::Glob::new(glob).expect("glob"));
    Sources {
        root: std::path::PathBuf::from("."),
        rules: vec![sources::SourceRule {
            paths: b.build().expect("globset"),
            name: Some("Register".into()),
            kind: Some("archive".into()),
            trust,
        }],
    }
}

const PRESSES: [(&str, &str); 4] = [
    ("a.txt", "Lind printed it on a hand-press."),
    ("b.txt", "Lind printed the book on a hand press."),
    ("c.txt", "Lind printed it on a steam press."),
    ("register.txt", "Lind printed it on a steam press."),
];

#[test]
fn the_weighted_majority_settles_an_open_claim() {
    let (claims, m) = matrix(&PRESSES, &trusted("register.txt", 3.0), true);
    let r = row(&claims, &m, "press");
    let v = r.consensus.as_ref().expect("a verdict");
    assert_eq!(r.groups[v.winner.expect("settled")].shown, "steam press");
    // 4 of the 6 that the four sources weigh.
    assert!((v.share - 4.0 / 6.0).abs() < 1e-9, "{v:?}");
    assert_eq!(
        statuses(&claims, &m, "press"),
        vec!["contradicts", "contradicts", "agrees", "agrees"]
    );
    assert_eq!(m.documents[3].label(), "Register");
    assert_eq!(m.documents[0].label(), "a.txt");
}

#[test]
fn a_tie_or_a_thin_majority_is_disputed_never_settled() {
    let (claims, m) = matrix(&PRESSES, &Sources::default(), true);
    let v = row(&claims, &m, "press")
        .consensus
        .clone()
        .expect("verdict");
    assert_eq!(v.winner, None);
    assert_eq!(
        v.reason.as_deref(),
        Some("a tie: hand press and steam press weigh 2 each")
    );
    assert_eq!(statuses(&claims, &m, "press"), vec!["states"; 4]);
    // 3 against 2: 60% is enough by default, not with a rule of 70%.
    let docs = [
        PRESSES[0],
        PRESSES[1],
        PRESSES[2],
        ("d.txt", "Lind printed it on a hand press."),
    ];
    let (claims, m) = matrix(&docs, &Sources::default(), true);
    let r = row(&claims, &m, "press");
    assert!((r.consensus.as_ref().expect("verdict").share - 0.75).abs() < 1e-9);
    let strict = consensus::decide(&r.groups, &m.documents, &consensus::Rule { share: 0.8 });
    assert_eq!(
        strict.reason.as_deref(),
        Some(
            "the weightiest value, hand press, has 75% of the weight, under the 80% a consensus needs"
        )
    );
}

#[test]
fn check_reports_nothing_for_an_open_claim() {
    let claims = claims();
    let matcher = Matcher::new(&claims).expect("matcher");
    let doc = Document::new(
        "a.txt",
        "Lind moved to Oslo in 1922. Lind printed it on a steam press.".into(),
    );
    assert_eq!(crate::lint::lint_document(&doc, &claims, &matcher), vec![]);
}

#[test]
fn a_sentence_resumed_after_a_card_is_shown_whole_and_finds_its_context_there() {
    let text = "In 1921 Lind bound the register of the guild\nGuild of Printers, Bergen\nThe Guild of Printers was a trade body of the city of Bergen...\n\n\u{a0}with a paper knife.";
    let (claims, m) = matrix(&[("a.txt", text)], &Sources::default(), false);
    let r = row(&claims, &m, "tool");
    let e = &r.cell(0).expect("a cell").evidence[0];
    assert_eq!(e.status, Status::Contradicts);
    assert_eq!(
        e.sentence_text,
        "In 1921 Lind bound the register of the guild … with a paper knife."
    );
    assert_eq!(&e.sentence_text[e.mark.clone()], "paper knife");
}

#[test]
fn a_period_inside_a_date_is_that_date_and_a_wider_one_is_its_words() {
    let docs = [
        ("a.txt", "Lind moved to Oslo in the summer of 1920."),
        ("b.txt", "Lind moved to Oslo in 1920."),
        ("c.txt", "Lind moved to Oslo in the 1920s."),
    ];
    let (claims, m) = matrix(&docs, &Sources::default(), false);
    assert_eq!(
        groups(&claims, &m, "move.date"),
        vec![("1920".into(), vec![0, 1]), ("1920s".into(), vec![2])]
    );
}
