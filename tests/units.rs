//! A document's units follow its layout in every markup: table cells, labels and
//! answers lend their events, addresses are set apart, and every unit maps back to
//! the bytes of its file.

use factlint::document::Document;
use factlint::document::markup::Markup;
use factlint::document::sentences::{UnitKind, trimmed};
use proptest::prelude::*;

/// (source text, kind, lent_from) of each unit with words in it.
fn units(doc: &Document) -> Vec<(String, UnitKind, Vec<usize>)> {
    doc.sentences
        .iter()
        .map(|u| {
            let r = doc.source_range(trimmed(&doc.text, u.range.clone()));
            (doc.source()[r].to_string(), u.kind, u.lent_from.clone())
        })
        .collect()
}

fn doc(name: &str, text: &str) -> Document {
    Document::new(name, text.to_string())
}

#[test]
fn markdown_table_cells_lend_from_their_header_and_row() {
    let d = doc(
        "t.md",
        "# Flights\n\n| Flight | Length | Time |\n|---|---|---|\n| First | 120 ft | 12 s |\n| Fourth | 852 ft | 59 s |\n",
    );
    let u = units(&d);
    let cell = |s: &str| u.iter().position(|x| x.0 == s).unwrap();
    assert_eq!(u[cell("Flights")].1, UnitKind::Heading);
    assert_eq!(u[cell("852 ft")].1, UnitKind::TableCell);
    assert_eq!(u[cell("852 ft")].2, vec![cell("Length"), cell("Fourth")]);
    assert_eq!(u[cell("Fourth")].2, vec![cell("Flight")]);
    assert_eq!(u[cell("Time")].2, Vec::<usize>::new());
}

#[test]
fn html_table_cells_and_definitions_lend() {
    let d = doc(
        "t.html",
        "<table><tr><th>Height</th><td>8,840&nbsp;m</td></tr><tr><th>Summit</th><td>1953</td></tr></table><dl><dt>Died</dt><dd>4 July 1934</dd></dl>",
    );
    let u = units(&d);
    let at = |s: &str| u.iter().position(|x| x.0 == s).unwrap();
    // No header row: a cell lends from its row's first cell.
    assert_eq!(u[at("8,840&nbsp;m")].1, UnitKind::TableCell);
    assert_eq!(u[at("8,840&nbsp;m")].2, vec![at("Height")]);
    assert_eq!(u[at("1953")].2, vec![at("Summit")]);
    assert_eq!(u[at("Died")].1, UnitKind::Label);
    assert_eq!(
        u[at("4 July 1934")],
        ("4 July 1934".to_string(), UnitKind::Value, vec![at("Died")])
    );
}

#[test]
fn labelled_lines_are_split_in_markdown_too() {
    let d = doc(
        "faq.md",
        "Question: When did she die?\nAnswer: She died in 1934.\n",
    );
    assert_eq!(
        units(&d),
        vec![
            ("Question:".to_string(), UnitKind::Label, vec![]),
            ("When did she die?".to_string(), UnitKind::Question, vec![]),
            ("Answer:".to_string(), UnitKind::Label, vec![]),
            ("She died in 1934.".to_string(), UnitKind::Answer, vec![1]),
        ]
    );
}

#[test]
fn dates_and_numbers_inside_addresses_are_in_an_address() {
    let text = "Source: http://news.example.org/1998/11/hot-mama?offset=467500\n\nShe was born in 1867 (see example.org/bio/article4266317/).";
    let d = doc("a.txt", text);
    let find = |s: &str| {
        let at = text.find(s).unwrap();
        at..at + s.len()
    };
    assert!(d.in_address(&find("1998")));
    assert!(d.in_address(&find("467500")));
    assert!(d.in_address(&find("4266317")));
    assert!(!d.in_address(&find("1867")));
    assert_eq!(d.sentences[0].kind, UnitKind::Address);
    assert_eq!(d.addresses.len(), 2);
}

fn any_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Height: ",
        "8 m",
        "| a | b |",
        "|---|",
        "\n",
        "\n\n",
        "What is 4?",
        "This many.",
        "A) Paris",
        "- item",
        "1. ",
        "http://x.org/2019/a.html?b=1",
        "www.x.org",
        "<td>",
        "<th>",
        "<tr>",
        "<table>",
        "</table>",
        "<li>",
        "<dt>",
        "<dd>",
        "# ",
        "Answer:",
        "Q?",
        "the",
        "and",
        "Wright",
        "é",
        ".",
        ",",
        " ",
    ]);
    prop_oneof![
        proptest::collection::vec(pieces, 0..30).prop_map(|v| v.concat()),
        "\\PC{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn units_cover_the_prose_and_map_into_the_file(s in any_text()) {
        for markup in [Markup::Text, Markup::Markdown, Markup::Html] {
            let d = Document::with_markup("doc", s.clone(), markup);
            let mut at = 0;
            for (i, u) in d.sentences.iter().enumerate() {
                prop_assert_eq!(u.range.start, at);
                at = u.range.end;
                prop_assert!(u.lent_from.iter().all(|&j| j < i));
                let r = d.source_range(u.range.clone());
                prop_assert!(r.start <= r.end && r.end <= s.len());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
            prop_assert_eq!(at, d.text.len());
            let mut end = 0;
            for a in &d.addresses {
                prop_assert!(a.start >= end && a.start < a.end && a.end <= d.text.len());
                prop_assert!(d.text.is_char_boundary(a.start) && d.text.is_char_boundary(a.end));
                end = a.end;
            }
        }
    }
}

/// Prints the units of the files named in `UNITS_DUMP` (space-separated), one per
/// line with its paragraph, kind and lenders, for reading how pages are cut.
#[test]
#[ignore = "prints the units of the files in UNITS_DUMP for a reader"]
fn print_units() {
    let files = std::env::var("UNITS_DUMP").unwrap_or_default();
    for path in files.split_whitespace() {
        let text = std::fs::read_to_string(path).expect("readable file");
        let d = Document::new(path, text);
        println!("=== {path}");
        for (i, u) in d.sentences.iter().enumerate() {
            let t: String = d.text[u.range.clone()]
                .trim()
                .replace('\n', "⏎")
                .chars()
                .take(140)
                .collect();
            println!(
                "{i:3} p{:<2} {:?} {:?} | {t}",
                u.paragraph, u.kind, u.lent_from
            );
        }
        for a in &d.addresses {
            println!("    address: {}", &d.text[a.clone()]);
        }
    }
}
