//! The claims files the README shows are real: each loads without an error or a
//! warning, so an example cannot drift from what factlint accepts.

use factlint::claims::parse_claims;

/// The TOML blocks of the README that are claims files (they declare a subject or
/// a claim; the others are project configuration or fragments).
fn claims_blocks(readme: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in readme.lines().enumerate() {
        match (&mut open, line.trim_end()) {
            (None, "```toml") => open = Some((i + 2, String::new())),
            (Some(_), "```") => blocks.extend(open.take()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
        .into_iter()
        .filter(|(_, text)| {
            text.lines()
                .any(|l| l.starts_with("[[claim]]") || l.starts_with("[subject"))
        })
        .collect()
}

#[test]
fn every_claims_file_in_the_readme_loads_cleanly() {
    let readme = include_str!("../README.md");
    let blocks = claims_blocks(readme);
    assert!(
        blocks.len() >= 4,
        "the README's claims examples have gone missing"
    );
    for (line, text) in blocks {
        match parse_claims(vec![(format!("README.md:{line}"), text.clone())]) {
            Ok(set) => assert!(
                set.warnings.is_empty(),
                "README.md line {line}: {:?}\n{text}",
                set.warnings
            ),
            Err(f) => panic!("README.md line {line}: {:?}\n{text}", f.errors),
        }
    }
}

#[test]
fn the_readme_unit_example_is_a_ui_case() {
    let readme = include_str!("../README.md");
    let case = include_str!("ui/claims/unit-spellings.toml");
    assert!(
        claims_blocks(readme).iter().any(|(_, text)| text == case),
        "tests/ui/claims/unit-spellings.toml must be the README's unit example, verbatim"
    );
}

#[test]
fn every_example_sentence_in_the_readme_behaves_as_it_says() {
    let readme = include_str!("../README.md");
    let mut ran = 0;
    for (line, text) in claims_blocks(readme) {
        let claims = parse_claims(vec![(format!("README.md:{line}"), text.clone())])
            .unwrap_or_else(|f| panic!("README.md line {line}: {:?}", f.errors));
        let matcher = factlint::scan::Matcher::new(&claims).expect("the matcher builds");
        let report = factlint::examples::run_examples(&claims, &matcher);
        assert_eq!(report.failures, vec![], "README.md line {line}");
        ran += report.passed;
    }
    // The main example block shows sentences for the number, duration and time kinds.
    assert!(ran >= 8, "only {ran} README examples ran");
}
