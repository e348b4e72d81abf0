//! Tests of the actor reader, on sentences written for them.
use super::*;
use crate::scan::clauses::Clauses;
use crate::scan::tokens::tokenize;

/// Each clause's text and its actor's words.
fn actors(prose: &str, proper: &[&str]) -> Vec<(String, String)> {
    let folded = crate::extract::normalize::fold(prose);
    let text = folded.text.as_str();
    let tokens = tokenize(text, |s| {
        prose[folded.orig_range(s.range())].starts_with(char::is_uppercase)
    });
    let clauses = Clauses::cut(text, &tokens, &[]);
    let proper: HashSet<String> = proper.iter().map(|s| s.to_lowercase()).collect();
    let reader = ActorReader {
        text,
        tokens: &tokens,
        clauses: &clauses,
        proper: &proper,
        values: &Reach::new(std::iter::empty()),
    };
    reader
        .read()
        .into_iter()
        .zip(&clauses.list)
        .map(|(a, c)| {
            let who = match a {
                Actor::Name { span } => format!("name {}", &text[span.range()]),
                Actor::Pronoun(p) => format!("pronoun {p}"),
                Actor::Possessed { noun, owner, .. } => match owner {
                    Owner::Pronoun(p) => format!("{p} {noun}"),
                    Owner::Name(s) => format!("{}'s {noun}", &text[s.range()]),
                },
                Actor::Noun { head, marks, .. } => {
                    format!(
                        "noun {head}{}",
                        if marks.is_empty() {
                            String::new()
                        } else {
                            format!(" {}", marks.join(" "))
                        }
                    )
                }
                Actor::None => "none".into(),
            };
            (text[c.span.range()].to_string(), who)
        })
        .collect()
}

#[test]
fn each_clause_has_its_own_actor() {
    let a = actors(
        "Orville was 32 and Wilbur was 36 when the first flight occurred.",
        &["Orville", "Wilbur"],
    );
    assert_eq!(
        a.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
        vec!["name orville", "name wilbur", "noun flight first"]
    );
}

#[test]
fn participles_and_parentheses_tell_of_the_name_before_them() {
    let a = actors(
        "Orville, born in 1871, and Wilbur, born in 1867, were brothers.",
        &["Orville", "Wilbur"],
    );
    assert_eq!(a[1].1, "name orville");
    assert_eq!(a[3].1, "name wilbur");
    let a = actors(
        "She left two daughters, Irene (born 1898) and Eve.",
        &["Irene", "Eve"],
    );
    assert_eq!(a[2], ("born 1898".into(), "name irene".into()));
    let a = actors(
        "Both Ohio (where they were born) and the coast claim them.",
        &["Ohio"],
    );
    assert_eq!(a[1].1, "pronoun they");
    let a = actors(
        "Orville piloted the plane, having won the toss.",
        &["Orville"],
    );
    assert_eq!(a[1].1, "name orville");
}

#[test]
fn relatives_possessors_and_nouns() {
    let a = actors("It had an engine that weighed 170 pounds.", &[]);
    assert_eq!(a[1].1, "noun engine");
    let a = actors(
        "Marie's husband Pierre was killed in 1906.",
        &["Marie", "Pierre"],
    );
    assert_eq!(a[0].1, "marie's husband");
    let a = actors("Reactor 3 exploded in the night.", &[]);
    assert_eq!(a[0].1, "noun reactor 3");
    let a = actors("In 1929 he was exiled.", &[]);
    assert_eq!(a[0].1, "pronoun he");
    let a = actors(
        "On 20 August the NKVD agent Mercader struck him.",
        &["NKVD", "Mercader"],
    );
    assert!(
        a[0].1.starts_with("name") || a[0].1.starts_with("noun"),
        "{a:?}"
    );
    let a = actors("The engine weighed 82kg.", &[]);
    assert_eq!(a[0].1, "noun engine");
    let a = actors("Its engine weighed 82kg.", &[]);
    assert_eq!(a[0].1, "its engine");
    let a = actors("Wilbur made the fourth flight.", &["Wilbur"]);
    assert_eq!(a[0].1, "name wilbur");
}

#[test]
fn a_part_of_a_set_is_the_set_marked_by_its_quantity() {
    let first = |s: &str| actors(s, &[])[0].1.clone();
    assert_eq!(
        first("Many of his workers died in 1899."),
        "noun workers many"
    );
    assert_eq!(first("Most of the crew died in 1899."), "noun crew most");
    assert_eq!(
        first("In 1899 three of the workers died."),
        "noun workers three"
    );
    assert_eq!(first("14 of the miners were rescued."), "noun miners 14");
    // The count of a preposition's own object stays with it.
    assert_eq!(
        first("In three of the towns the mills closed."),
        "noun towns"
    );
    assert_eq!(first("The head of the mill died in 1899."), "noun head");
}

#[test]
fn whose_owns_its_noun_by_the_name_before_it() {
    let a = actors(
        "Marten, whose son was born in Vienna, lived in Linz.",
        &["Marten", "Vienna", "Linz"],
    );
    assert_eq!(a[1].1, "marten's son", "{a:?}");
    // Before a noun phrase that is no name, "whose" keeps the noun its own.
    let a = actors(
        "The old choir, whose members sang in Linz, was large.",
        &["Linz"],
    );
    assert_eq!(a[1].1, "noun members", "{a:?}");
}

#[test]
fn a_comparative_marks_another_of_the_kind() {
    let a = actors("A smaller flood in 1962 killed 12 people.", &[]);
    assert_eq!(a[0].1, "noun flood smaller", "{a:?}");
    let a = actors("The larger bridge opened in 1889.", &[]);
    assert_eq!(a[0].1, "noun bridge larger", "{a:?}");
}

/// The first clause's actor of each sentence: where a noun phrase of a
/// sentence about Marten ends, which word is its head and which are its marks.
#[test]
fn noun_phrases_end_before_a_comparison_and_read_their_marks() {
    for (text, head) in [
        // A comparison after the head is no part of the phrase.
        (
            "A choir similar to that of Marten had 150 members.",
            "noun choir",
        ),
        ("A choir akin to Marten's had 150 members.", "noun choir"),
        ("A choir like Marten's had 150 members.", "noun choir"),
        // "to" after a noun is a preposition, not a comparison.
        ("A trip to Linz took 3 hours.", "noun trip"),
        // "other" after the determiner marks the noun.
        ("The other choir had 320 members.", "noun choir other"),
        ("The rival choir had 310 members.", "noun choir rival"),
        ("Another choir had 300 members.", "noun choir another"),
        // A relative after a possessive noun is the head; any other noun
        // after the possessive ends the phrase, as before.
        ("The choir's rival had 340 members.", "noun rival"),
        (
            "The old choir's successor had 90 members.",
            "noun successor",
        ),
        ("The engine's weight was 82 kg.", "noun engine"),
    ] {
        assert_eq!(actors(text, &["Marten"])[0].1, head, "{text}");
    }
}
