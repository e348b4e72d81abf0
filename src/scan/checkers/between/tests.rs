//! Statements of time between two claims' events: which words, which events,
//! and which sentences say nothing to check.

use crate::claims::parse_claims;
use crate::document::Document;
use crate::scan::matcher::Matcher;
use crate::scan::{Observed, scan_document};

/// A climb: two times on one day, the day after, and a march of dates.
const CLAIMS: &str = r#"
[subject]
name = "the Harlow expedition"
kind = "event"
aliases = ["the expedition"]

[[claim]]
id = "start.time"
kind = "time"
value = "1953-05-29T06:30"
triggers = ['\bstart\b', '\bset out\b']

[[claim]]
id = "summit.time"
kind = "time"
value = "1953-05-29T11:30"
triggers = ['\bsummit\b']

[[claim]]
id = "pass.date"
kind = "date"
value = "1953-05-30"
triggers = ['\bthe pass\b']

[[claim]]
id = "march.start"
kind = "date"
value = "1953-05-01"
triggers = ['\bmarch\b']

[[claim]]
id = "river.date"
kind = "date"
value = "1953-05-06"
triggers = ['\bcrossed the river\b']
"#;

/// A person: a death on a day, a sale in a year.
const PERSON: &str = r#"
[subject]
name = "Edmund Harrow"
aliases = ["Harrow"]

[[claim]]
id = "death.date"
kind = "date"
value = "1901-03-12"
triggers = ['\bdied\b', '\bdeath\b']

[[claim]]
id = "mill.sale"
kind = "date"
value = "1899"
triggers = ['\bsold the mill\b']

[[claim]]
id = "museum.opening"
kind = "date"
value = "1911-03-12"
triggers = ['\bmuseum opened\b']
"#;

/// (claim, found words, label) of each finding of `text`.
fn findings(text: &str) -> Vec<(String, String, String)> {
    findings_with(CLAIMS, text)
}

/// (claim, found words, label) of each finding of `text` under `claims`.
fn findings_with(claims: &str, text: &str) -> Vec<(String, String, String)> {
    let claims = parse_claims(vec![("c.toml".into(), claims.into())]).expect("claims parse");
    let matcher = Matcher::new(&claims).expect("matcher builds");
    let doc = Document::new("a.txt", text.to_string());
    crate::lint::lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| (claims.claims[f.claim].id.0.clone(), f.found, f.label))
        .collect()
}

/// (claim, span words, event words) of each statement of time between events.
fn statements(text: &str) -> Vec<(String, String, Option<String>)> {
    let claims = parse_claims(vec![("c.toml".into(), CLAIMS.into())]).expect("claims parse");
    let matcher = Matcher::new(&claims).expect("matcher builds");
    let doc = Document::new("a.txt", text.to_string());
    scan_document(&doc, &claims, &matcher)
        .into_iter()
        .filter_map(|a| match a.observed {
            Observed::Between(b) => Some((
                claims.claims[a.claim].id.0.clone(),
                doc.text[a.span.range()].to_string(),
                b.event,
            )),
            _ => None,
        })
        .collect()
}

fn finding(claim: &str, found: &str, label: &str) -> (String, String, String) {
    (claim.into(), found.into(), label.into())
}

#[test]
fn hours_after_a_named_event_are_checked_under_the_event_dated() {
    assert_eq!(
        findings("They reached the summit three hours after the start."),
        vec![finding(
            "summit.time",
            "three hours after",
            "the claims make it 5 hours after the start at 06:30 on 29 May 1953"
        )]
    );
    assert_eq!(
        statements("They reached the summit five hours after the start."),
        vec![(
            "summit.time".into(),
            "five hours after".into(),
            Some("the start".into())
        )]
    );
    assert_eq!(
        findings("They reached the summit five hours after the start."),
        vec![]
    );
    // The event words run on to the end of the trigger.
    assert_eq!(
        statements("They reached the summit five hours after they set out."),
        vec![(
            "summit.time".into(),
            "five hours after".into(),
            Some("they set out".into())
        )]
    );
}

#[test]
fn approximate_and_bounded_amounts_allow_their_slack() {
    for silent in [
        "They reached the summit about four hours after the start.",
        "They reached the summit more than four hours after the start.",
        "They reached the summit less than six hours after the start.",
    ] {
        assert_eq!(findings(silent), vec![], "{silent}");
    }
    for wrong in [
        "They reached the summit about two hours after the start.",
        "They reached the summit more than six hours after the start.",
        "They reached the summit less than three hours after the start.",
    ] {
        assert_eq!(findings(wrong).len(), 1, "{wrong}");
    }
}

#[test]
fn before_and_into_count_the_right_way() {
    // The start was five hours before the summit, not after it.
    assert_eq!(
        findings("Five hours before the summit, they set out."),
        vec![]
    );
    assert_eq!(
        findings("Two hours before the summit, they set out."),
        vec![finding(
            "start.time",
            "Two hours before",
            "the claims make it 5 hours before the summit at 11:30 on 29 May 1953"
        )]
    );
    assert_eq!(
        findings("They set out five hours after the summit.")
            .into_iter()
            .map(|f| f.2)
            .collect::<Vec<_>>(),
        vec!["the claims make it 5 hours before the summit at 11:30 on 29 May 1953"]
    );
    assert_eq!(
        findings("Five days into the march, they crossed the river."),
        vec![]
    );
    assert_eq!(
        findings("Eight days into the march, they crossed the river."),
        vec![finding(
            "river.date",
            "Eight days into",
            "the claims make it 5 days into the march on 1 May 1953"
        )]
    );
}

#[test]
fn later_counts_from_the_event_of_the_sentence_before() {
    assert_eq!(
        findings("They reached the summit. The next morning they reached the pass."),
        vec![]
    );
    assert_eq!(
        findings("They reached the summit. Four days later they reached the pass."),
        vec![finding(
            "pass.date",
            "Four days later",
            "the claims make it 1 day after 11:30 on 29 May 1953"
        )]
    );
    assert_eq!(
        findings("They set out in the dark. Two hours later they reached the summit."),
        vec![finding(
            "summit.time",
            "Two hours later",
            "the claims make it 5 hours after 06:30 on 29 May 1953"
        )]
    );
    // Or from an event before it in its own sentence.
    assert_eq!(
        statements("They reached the summit, and three days later they reached the pass."),
        vec![("pass.date".into(), "three days later".into(), None)]
    );
    // Not across a paragraph, nor past a sentence in between.
    for silent in [
        "They reached the summit.\n\nFour days later they reached the pass.",
        "They reached the summit. The wind rose. Four days later they reached the pass.",
    ] {
        assert_eq!(statements(silent), vec![], "{silent}");
    }
}

#[test]
fn a_written_date_or_time_is_left_to_the_rules_that_compare_it() {
    for text in [
        "They reached the summit three hours after the start, at 09:30.",
        "They reached the summit on 29 May 1953, three hours after the start.",
        "They reached the summit three hours after the start on 29 May 1953.",
        "They reached the summit. Four days later, on 2 June 1953, they reached the pass.",
    ] {
        assert_eq!(statements(text), vec![], "{text}");
    }
}

#[test]
fn distances_from_events_that_are_no_claims_say_nothing() {
    for text in [
        "They reached the summit three hours after the storm.",
        "They reached the summit three hours ago.",
        "Three hours after the start, the wind rose.",
        "In the five days since the march began, nothing happened.",
    ] {
        assert_eq!(statements(text), vec![], "{text}");
    }
}

#[test]
fn events_of_other_people_say_nothing() {
    assert_eq!(
        findings_with(PERSON, "Harrow died two years after he sold the mill."),
        vec![]
    );
    assert_eq!(
        findings_with(PERSON, "Harrow died six years after he sold the mill."),
        vec![finding(
            "death.date",
            "six years after",
            "the claims make it 2 years after he sold the mill in 1899"
        )]
    );
    for text in [
        "His brother Tom died six years after Harrow sold the mill.",
        "Agnes Marlow died six years after Harrow sold the mill.",
        "Harrow died six years after the fire.",
    ] {
        assert_eq!(findings_with(PERSON, text), vec![], "{text}");
    }
}

#[test]
fn an_anniversary_counts_whole_years() {
    assert_eq!(
        findings_with(
            PERSON,
            "On the tenth anniversary of his death, the museum opened."
        ),
        vec![]
    );
    assert_eq!(
        findings_with(
            PERSON,
            "On the 20th anniversary of his death, the museum opened."
        )
        .into_iter()
        .map(|f| f.2)
        .collect::<Vec<_>>(),
        vec!["the claims make it 10 years after his death on 12 March 1901"]
    );
}
