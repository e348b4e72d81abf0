use super::*;
use crate::document::Document;
use crate::extract::normalize::fold;
use crate::extract::number::extract_numbers;

const CLAIMS: &str = r#"
[subject]
name = "Calder"
kind = "thing"
nouns = ["ferry"]

[[claim]]
id = "aboard"
kind = "number"
value = 322
unit = ["people", "souls"]
parts = ["passengers", "crew"]
triggers = ['\baboard\b', '\bon board\b', '\bcarried\b']

[[claim]]
id = "cargo"
kind = "number"
value = 40
triggers = ['\bloaded\b']
parts = ["cars", "lorries"]
"#;

fn claims() -> crate::claims::ClaimSet {
    crate::claims::parse_claims(vec![("c.toml".into(), CLAIMS.into())]).expect("claims parse")
}

/// (claim, found, message) of each finding of `text`.
fn found(text: &str) -> Vec<(String, String, String)> {
    let claims = claims();
    let matcher = crate::scan::matcher::Matcher::new(&claims).expect("matcher builds");
    let doc = Document::new("a.txt", text.to_string());
    crate::lint::lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| (claims.claims[f.claim].id.to_string(), f.found, f.message))
        .collect()
}

/// The (found, message) of the one finding of claim `aboard`.
fn aboard(found: &str, sum: &str) -> Vec<(String, String, String)> {
    vec![(
        "aboard".to_string(),
        found.to_string(),
        format!("\"{found}\" ({sum}) contradicts claim `aboard` (322)"),
    )]
}

#[test]
fn a_list_of_every_part_is_compared_as_its_sum() {
    for text in [
        "The Calder carried 310 passengers and 12 crew.",
        "With 310 passengers and 12 crew aboard, the Calder sailed.",
        "12 crew and 310 passengers were on board the Calder.",
        "The Calder carried 300 passengers plus 22 crew.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    assert_eq!(
        found("The Calder carried 320 passengers and 12 crew."),
        aboard("320 passengers and 12 crew", "332")
    );
    assert_eq!(
        found("With 310 passengers and 14 crew aboard, the Calder sailed."),
        aboard("310 passengers and 14 crew", "324")
    );
    assert_eq!(
        found("Twelve crew and 300 passengers were on board the Calder."),
        aboard("Twelve crew and 300 passengers", "312")
    );
}

#[test]
fn one_part_alone_is_no_total() {
    for text in [
        "The Calder carried 310 passengers.",
        "Of those on board the Calder, 310 passengers died.",
        "There were 12 crew aboard the Calder.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    // A count of the claim's own unit is the total.
    assert_eq!(
        found("The Calder carried 310 people.")[0].1,
        "310".to_string()
    );
}

#[test]
fn a_count_of_something_else_in_the_list_makes_another_total() {
    for text in [
        "The Calder carried 310 passengers, 12 crew and 3 stowaways.",
        "The Calder carried 400 passengers, 12 crew and 3 stowaways.",
        "The Calder carried 310 passengers and 12 horses.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn parts_told_in_two_clauses_are_not_summed() {
    for text in [
        "The Calder carried 290 passengers; later 12 crew came aboard.",
        "The Calder carried 290 passengers, and later 12 crew came aboard.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn a_claim_with_no_unit_takes_no_part_alone() {
    assert_eq!(found("The ferry loaded 30 cars."), vec![]);
    assert_eq!(found("The ferry loaded 30 cars and 10 lorries."), vec![]);
    let wrong = found("The ferry loaded 30 cars and 12 lorries.");
    assert_eq!(
        wrong.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
        ["30 cars and 12 lorries"]
    );
    // Other counts are the total still.
    assert_eq!(found("The ferry loaded 52 vehicles.")[0].1, "52");
}

#[test]
fn approximations_and_ranges_carry_to_the_sum() {
    for text in [
        "The Calder carried about 300 passengers and 12 crew.",
        "The Calder carried more than 290 passengers and 12 crew.",
        "The Calder carried 300-320 passengers and 12 crew.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    assert_eq!(
        found("The Calder carried more than 350 passengers and 12 crew."),
        aboard("350 passengers and 12 crew", "362")
    );
    assert_eq!(
        found("The Calder carried 330-340 passengers and 12 crew."),
        aboard("330-340 passengers and 12 crew", "342–352")
    );
}

/// The sums (value, text) that `read` makes of `text` for claim `claim`.
fn sums(text: &str, claim: usize) -> (Vec<(f64, String)>, usize) {
    let claims = claims();
    let folded = fold(text).text;
    let numbers = extract_numbers(&folded);
    let refs: Vec<&NumberMention> = numbers.iter().collect();
    let parts = read(&claims.claims[claim], &folded, &refs);
    (
        parts
            .totals
            .iter()
            .map(|t| (t.value, folded[t.span.clone()].to_string()))
            .collect(),
        parts.listed.len(),
    )
}

#[test]
fn a_list_is_counts_joined_only_by_the_words_of_a_list() {
    assert_eq!(
        sums("310 passengers, 12 crew", 0),
        (vec![(322.0, "310 passengers, 12 crew".to_string())], 2)
    );
    assert_eq!(
        sums("12 crew & 310 passengers", 0),
        (vec![(322.0, "12 crew & 310 passengers".to_string())], 2)
    );
    // A part twice is no total; the list is still of parts.
    assert_eq!(sums("310 passengers and 12 passengers", 0), (vec![], 2));
    // A part missing.
    assert_eq!(sums("310 passengers and 3 dogs", 1), (vec![], 0));
    assert_eq!(sums("30 cars and 3 dogs", 1), (vec![], 2));
    // Not a list.
    assert_eq!(sums("310 passengers boarded with 12 crew", 0), (vec![], 0));
    assert_eq!(sums("310 passengers and later 12 crew", 0), (vec![], 0));
    // An approximation of the second count goes with it.
    assert_eq!(
        sums("310 passengers and about 12 crew", 0),
        (
            vec![(322.0, "310 passengers and about 12 crew".to_string())],
            2
        )
    );
}

#[test]
fn parts_bounded_on_both_sides_state_no_sum() {
    assert_eq!(
        sums("more than 300 passengers and fewer than 20 crew", 0),
        (vec![], 2)
    );
    let folded = fold("about 300 passengers and at least 12 crew").text;
    let numbers = extract_numbers(&folded);
    let refs: Vec<&NumberMention> = numbers.iter().collect();
    assert_eq!(sum(&refs).map(|s| s.approx), Some(Approx::About));
}

/// A claim whose unit is also one of its parts: a count of that part alone is the
/// total, but not when the list gives the other parts too.
const OWN_PART: &str = r#"
[subject]
name = "Calder"
kind = "thing"

[[claim]]
id = "aboard"
kind = "number"
value = 322
unit = ["passengers", "people"]
parts = ["passengers", "crew"]
triggers = ['\bcarried\b']
"#;

/// (found, replacement) of each finding of `text` under `OWN_PART`.
fn own_part(text: &str) -> Vec<(String, Option<String>)> {
    let claims = crate::claims::parse_claims(vec![("c.toml".into(), OWN_PART.into())])
        .expect("claims parse");
    let matcher = crate::scan::matcher::Matcher::new(&claims).expect("matcher builds");
    let doc = Document::new("a.txt", text.to_string());
    crate::lint::lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| (f.found, f.fix.map(|x| x.replacement)))
        .collect()
}

#[test]
fn a_part_that_is_also_the_unit_is_the_total_alone_but_not_in_a_list() {
    assert_eq!(
        own_part("The Calder carried 310 passengers."),
        vec![("310".to_string(), Some("322".to_string()))]
    );
    assert_eq!(
        own_part("The Calder carried 310 passengers and 12 crew."),
        vec![]
    );
    // A wrong sum offers no replacement: which part is wrong the claims do not say.
    assert_eq!(
        own_part("The Calder carried 310 passengers and 15 crew."),
        vec![("310 passengers and 15 crew".to_string(), None)]
    );
}
