//! Number claims read through whole documents.

const CLAIMS: &str = r#"
[subject]
name = "Fennick"
kind = "place"
nouns = ["village"]

[subjects.other]
name = "Greyholt"
kind = "place"
nouns = ["village"]

[[claim]]
id = "population"
kind = "number"
value = 840
unit = ["inhabitants", "people"]
triggers = ['\bpopulation\b']

[[claim]]
id = "losses"
kind = "number"
value = 12
unit = ["casualties"]
triggers = ['\bflood\b']

[[claim]]
id = "wells"
kind = "number"
value = 14
triggers = ['\bwells\b']

[[claim]]
id = "height"
kind = "number"
value = 300
unit = ["metres"]
triggers = ['\bhill\b']
"#;

/// (claim, found) of each finding of `text`.
fn found(text: &str) -> Vec<(String, String)> {
    crate::scan::checkers::findings_under(CLAIMS, text)
}

fn one(claim: &str, value: &str) -> Vec<(String, String)> {
    vec![(claim.to_string(), value.to_string())]
}

#[test]
fn a_measure_describing_the_trigger_is_its_quantity_and_no_other_number_is() {
    assert_eq!(
        found("They walked a distance of 400 metres up a 300-metre hill."),
        vec![]
    );
    assert_eq!(
        found("They walked a distance of 300 metres up a 410-metre hill."),
        one("height", "410")
    );
    // With no measure of its own, the hill takes the number of its clause.
    assert_eq!(
        found("The hill rises 410 metres above the plain."),
        one("height", "410")
    );
}

#[test]
fn a_bare_number_counts_the_noun_its_sentence_names_by_a_trigger() {
    for (text, value) in [
        ("Fennick has a population of 910.", "910"),
        ("The population of Fennick is 910.", "910"),
        ("Its population was 910 that winter.", "910"),
        ("Population: 910", "910"),
        ("Surveyors put the population at 910.", "910"),
    ] {
        assert_eq!(found(text), one("population", value), "{text}");
    }
}

#[test]
fn a_unit_of_the_claim_may_name_the_noun_too() {
    // No trigger is the noun, but the claim's unit is.
    assert_eq!(
        found("In the flood the casualties were 40."),
        one("losses", "40")
    );
}

#[test]
fn a_bare_number_the_sentence_names_otherwise_stays_silent() {
    for text in [
        // The right value.
        "Fennick has a population of 840.",
        // A share, not a count.
        "The population growth of Fennick was 2 per cent.",
        // A noun of its own that is not the claim's.
        "The population of Fennick was 910 households.",
        // A measure's unit is left unsaid.
        "The height of the hill is 410.",
        // Another village.
        "The population of Greyholt is 910.",
        // The named noun is no trigger and no unit.
        "The population survey of the village listed 910.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
}

#[test]
fn a_question_or_a_column_header_names_the_noun_of_the_answer() {
    assert_eq!(
        found("Q: What is the population of Fennick?\nA: 910."),
        one("population", "910")
    );
    assert_eq!(
        found("Q: When was the population of Fennick counted?\nA: 910."),
        vec![]
    );
    let table = "| Village | Population |\n|---|---|\n| Fennick | 910 |\n| Greyholt | 1,500 |\n";
    assert_eq!(found(table), one("population", "910"));
}

#[test]
fn a_number_counting_a_noun_of_its_own_is_not_the_count_of_a_counted_trigger() {
    for text in [
        "Fennick has 14 wells and 3 pumps.",
        "Fennick has 3 pumps and 14 wells.",
        "Fennick has 14 deep wells and 120 houses.",
    ] {
        assert_eq!(found(text), vec![], "{text}");
    }
    assert_eq!(
        found("Fennick has 16 wells and 3 pumps."),
        one("wells", "16")
    );
    assert_eq!(
        found("Fennick has 3 pumps and 16 wells."),
        one("wells", "16")
    );
}

#[test]
fn a_claim_with_no_unit_does_not_count_animals_unless_its_trigger_names_them() {
    const FLOOD: &str = r#"
[subject]
name = "Varnholm Flood"
kind = "event"

[[claim]]
id = "deaths"
kind = "number"
value = 214
triggers = ['\bdrowned\b', '\bkilled\b']

[[claim]]
id = "cattle"
kind = "number"
value = 1200
triggers = ['\bcattle\b']
"#;
    let found = |text: &str| crate::scan::checkers::findings_under(FLOOD, text);
    assert_eq!(found("Some 900 sheep drowned in the flood."), vec![]);
    assert_eq!(found("About 300 head of sheep were killed."), vec![]);
    assert_eq!(
        found("About 300 head of cattle were killed."),
        one("cattle", "300")
    );
    assert_eq!(found("The flood killed 20,000 pigs and horses."), vec![]);
    assert_eq!(
        found("Some 300 people drowned in the flood."),
        one("deaths", "300")
    );
    assert_eq!(
        found("The flood drowned 1,500 cattle."),
        one("cattle", "1,500")
    );
    assert_eq!(
        found("It drowned 1,500 head of cattle."),
        one("cattle", "1,500")
    );
}
