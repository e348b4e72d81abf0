//! Tests of a subject's names, pronouns and nouns.

use super::*;
use crate::scan::tokens::tokenize;

fn matcher(name: &str, aliases: &[&str]) -> SubjectMatcher {
    SubjectMatcher::new(Some(&Subject {
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        pronouns: vec!["she".into(), "her".into()],
        ..Subject::default()
    }))
    .unwrap()
}

fn names(m: &SubjectMatcher, prose: &str) -> Vec<String> {
    let folded = crate::extract::normalize::fold(prose);
    let text = folded.text.as_str();
    let tokens = tokenize(text, |s| {
        let r = folded.orig_range(s.range());
        prose[r].starts_with(char::is_uppercase)
    });
    m.mentions_in(text, &tokens, &|_| true)
        .into_iter()
        .map(|x| text[x.span.range()].to_string())
        .collect()
}

#[test]
fn another_subjects_name_is_found_as_whole_words_of_a_run() {
    let mut m = matcher("Ada Thorne", &["Thorne"]);
    m.set_others(vec![
        "ostrau".into(),
        "battle of ostrau".into(),
        "vey".into(),
    ]);
    for run in [
        "ostrau",
        "the battle of ostrau",
        "battle of ostrau",
        "vey",
        "old vey harbour",
        "ostrau  lane",
    ] {
        assert!(m.names_other(run), "{run}");
    }
    for run in [
        "",
        "ostraus",
        "new ostrau-on-sea",
        "veyne",
        "a vey_",
        "battle of",
    ] {
        assert!(!m.names_other(run), "{run}");
    }
    // With no other subject, nothing is another's.
    m.set_others(Vec::new());
    assert!(!m.names_other("ostrau"));
}

#[test]
fn a_whole_name_decides_whose_it_is() {
    let m = matcher(
        "Marie Curie",
        &["Curie", "Marie", "Maria", "Maria Skłodowska"],
    );
    assert_eq!(
        names(&m, "Marie Curie was born in Warsaw."),
        vec!["marie curie"]
    );
    assert_eq!(names(&m, "Later Madame Curie taught."), vec!["curie"]);
    assert!(names(&m, "In 1906 Pierre Curie died.").is_empty());
    assert!(names(&m, "She founded the Curie Institute.").is_empty());
    assert_eq!(
        names(&m, "Maria Salomea Skłodowska was born in 1867."),
        vec!["maria"]
    );
    // Lowercase text carries no run.
    assert_eq!(names(&m, "the curie name"), vec!["curie"]);
}

#[test]
fn an_event_or_a_thing_is_named_by_the_noun_its_name_ends_with() {
    let noun = |name: &str, kind: SubjectKind| {
        SubjectMatcher::new(Some(&Subject {
            name: name.into(),
            kind,
            ..Subject::default()
        }))
        .unwrap()
        .nouns
    };
    assert_eq!(noun("Skarv Bridge", SubjectKind::Thing), vec!["bridge"]);
    assert_eq!(
        noun("Great Varnholm Flood", SubjectKind::Event),
        vec!["flood"]
    );
    assert_eq!(noun("Siege of Tollin", SubjectKind::Event), vec!["siege"]);
    assert!(noun("Apollo 11", SubjectKind::Thing).is_empty());
    assert!(noun("Hindenburg", SubjectKind::Thing).is_empty());
    assert!(noun("Ada Marten", SubjectKind::Person).is_empty());
}

#[test]
fn kinds_give_their_pronouns_and_nouns() {
    let m = SubjectMatcher::new(Some(&Subject {
        name: "first flight".into(),
        kind: SubjectKind::Event,
        nouns: vec!["flights".into()],
        pronouns: vec!["it".into()],
        ..Subject::default()
    }))
    .unwrap();
    assert!(m.is_noun("flight") && m.is_noun("flights"));
    assert_eq!(m.identifiers, vec!["first".to_string()]);
}

/// Mentions sorted by start, overlapping ones included (a member's name
/// inside the group's).
fn sorted_mentions() -> impl proptest::strategy::Strategy<Value = Vec<Mention>> {
    use proptest::prelude::*;
    prop::collection::vec((0..60usize, 0..12usize, any::<bool>()), 0..20).prop_map(|v| {
        let mut out: Vec<Mention> = v
            .into_iter()
            .map(|(start, len, member)| Mention {
                span: (start..start + len).into(),
                possessive: !member,
                member,
            })
            .collect();
        out.sort_by_key(|m| m.span.start);
        out
    })
}

proptest::proptest! {
    #[test]
    fn mentions_within_a_span_are_those_it_contains(
        mentions in sorted_mentions(),
        start in 0..70usize,
        len in 0..30usize,
    ) {
        let span: LocalSpan = (start..start + len).into();
        let near: Vec<Mention> = mentions_within(&mentions, span).copied().collect();
        let all: Vec<Mention> = mentions.iter().filter(|x| span.contains(x.span)).copied().collect();
        proptest::prop_assert_eq!(near, all);
    }

    /// A run names another subject where some of its consecutive words,
    /// joined by their spaces, are one of the names.
    #[test]
    fn another_name_is_some_consecutive_words(
        words in proptest::collection::vec("(ostrau|battle|of|vey|ve|y|)", 0..8),
    ) {
        let mut m = matcher("Ada Thorne", &["Thorne"]);
        let others = ["ostrau", "battle of ostrau", "vey", "of  vey"];
        m.set_others(others.iter().map(|o| o.to_string()).collect());
        let run = words.join(" ");
        let naive = (0..words.len()).any(|a| {
            (a..words.len()).any(|b| others.contains(&words[a..=b].join(" ").as_str()))
        });
        proptest::prop_assert_eq!(m.names_other(&run), naive, "{:?}", run);
    }
}
