//! A sentence in any supported date form gets the verdict of its plainest form.

use factlint::claims::parse_claims;
use factlint::document::Document;
use factlint::lint::lint_document;
use factlint::scan::Matcher;

const CLAIMS: &str = r#"
[subject]
name = "Leon Trotsky"
aliases = ["Trotsky"]
born = "1879-11-07"

[[claim]]
id = "death.date"
kind = "date"
value = "1940-08-21"
triggers = ['\bdied\b']

[[claim]]
id = "trials"
kind = "date"
value = "1936-08"
accept = ["1938-03"]
triggers = ['\btrials?\b']
"#;

fn findings(text: &str) -> Vec<String> {
    let claims = parse_claims(vec![("c.toml".into(), CLAIMS.into())]).expect("valid claims");
    let matcher = Matcher::new(&claims).expect("compiles");
    let doc = Document::new("doc.txt", text.to_string());
    lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| format!("{}: {}", claims.claims[f.claim].id, f.found))
        .collect()
}

/// (the sentence, whether the plainest form of its date contradicts the claims)
const CASES: &[(&str, bool)] = &[
    // day precision
    ("Trotsky died on 21 August 1940.", false),
    ("Trotsky died on 21 August 1941.", true),
    ("Trotsky died on August 21, 1940.", false),
    ("Trotsky died on August 21st, 1941.", true),
    ("Trotsky died on Aug. 21, 1940.", false),
    ("Trotsky died on the 21st of August 1940.", false),
    ("Trotsky died on the twenty-first of August, 1940.", false),
    ("Trotsky died on the twentieth of August, 1940.", true),
    ("Trotsky died on 1940-08-21.", false),
    ("Trotsky died on 1940-08-20.", true),
    ("Trotsky died on 21/08/1940.", false),
    ("Trotsky died on 08/21/1940.", false),
    ("Trotsky died on 08/07/1940.", true),
    (
        "Trotsky died on Wednesday, 21 August 1940, at 7:25 pm.",
        false,
    ),
    ("Trotsky died on 21 Au-\ngust 1940.", false),
    ("Trotsky died on 21\nAugust   1941.", true),
    ("Trotsky died on 20–21 August 1940.", false),
    ("Trotsky died on 8 August [O.S. 26 July] 1940.", true),
    // a weekday written with the day is part of the date
    ("Trotsky died on Wednesday, August 21, 1940.", false),
    ("Trotsky died on Wed. 21 Aug. 1940.", false),
    ("Trotsky died on Wednesday the 21st of August 1940.", false),
    ("Trotsky died on Thursday, 22 August 1940.", true),
    ("Trotsky died on 21 August 1940 (Wednesday).", false),
    // days of one month in a list or a range
    ("Trotsky died on 20 or 21 August 1940.", false),
    ("Trotsky died on 18 or 19 August 1940.", true),
    ("Trotsky died on August 20-21, 1940.", false),
    (
        "Trotsky died during the night of 20 to 21 August 1940.",
        false,
    ),
    ("Trotsky died on the night of 20 August 1940.", false),
    ("Trotsky died on the night of 18 August 1940.", true),
    // numeric dates with dots and dashes, day first or month first
    ("Trotsky died on 21.8.1940.", false),
    ("Trotsky died on 21.8.1941.", true),
    ("Trotsky died on 21-8-1940.", false),
    ("Trotsky died on 8.7.1940.", true),
    // month and year precision
    ("Trotsky died in August 1940.", false),
    ("Trotsky died in Aug. 1941.", true),
    ("Trotsky died in 1940.", false),
    ("Trotsky died in 1941.", true),
    ("Trotsky died in '40.", false),
    ("Trotsky died in late 1940.", false),
    ("Trotsky died in early 1940.", true),
    ("Trotsky died in the summer of 1940.", false),
    ("Trotsky died in the 1940s.", false),
    ("Trotsky died in the 1930s.", true),
    ("Trotsky died c. 1941.", false),
    ("Trotsky died around 1942.", true),
    ("Trotsky died in the 20th century.", false),
    ("Trotsky died after 1939.", false),
    ("Trotsky died before 1940.", true),
    // ranges
    ("The trials (1936–38) condemned him.", false),
    ("The trials ran from 1939 to 1941.", true),
    ("The trials were held between 1936 and 1938.", false),
    // relative
    (
        "He was struck on 20 August 1940 and died the following day.",
        false,
    ),
    (
        "He was struck on 20 August 1940 and died the same day.",
        true,
    ),
    (
        "He was struck on 20 August 1940 and died the next morning.",
        false,
    ),
    (
        "He was struck on 20 August 1940 and died that night.",
        false,
    ),
    (
        "He was struck on 20 August 1940 and died hours later.",
        false,
    ),
    (
        "He was struck on 19 August 1940 and died hours later.",
        true,
    ),
    (
        "He was struck on 20 August 1940 and died 30 hours later.",
        false,
    ),
    // days without a year take the year of the date before them
    (
        "He was struck on 20 August 1940 and died on the 21st of August.",
        false,
    ),
    (
        "He was struck on 20 August 1940 and died on August 21st.",
        false,
    ),
    (
        "He was struck on 20 August 1940 and died on August 22nd.",
        true,
    ),
    (
        "He was struck on 20 August 1940 and died on Wednesday 21 August.",
        false,
    ),
    // not dates
    ("Trotsky died at 1522 Vyse Avenue.", false),
];

#[test]
fn every_form_gets_the_verdict_of_its_plainest_form() {
    let mut wrong = Vec::new();
    for (text, contradicts) in CASES {
        let got = findings(text);
        if got.is_empty() == *contradicts {
            wrong.push(format!(
                "{text:?}: expected {}, got {got:?}",
                if *contradicts { "a finding" } else { "none" }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_wrong_words_are_the_span() {
    assert_eq!(
        findings("In 1929 he was exiled, and Trotsky died in 1941."),
        vec!["death.date: 1941"]
    );
    assert_eq!(
        findings("He was struck on 20 August 1940 and died the same day."),
        vec!["death.date: the same day"]
    );
}

/// Wrong statements as a student, a newspaper or an encyclopedia would write them,
/// each with the claim it breaks and the words to underline.
const COMMON_WRONG_STATEMENTS: &[(&str, &str, &str)] = &[
    (
        "Trotsky was born on October 26, 1878.",
        "birth.date",
        "October 26, 1878",
    ),
    (
        "He was exiled to Alma Ata in 1927.",
        "internal_exile.date",
        "1927",
    ),
    (
        "Trotsky was deported from the USSR in 1928.",
        "deportation.date",
        "1928",
    ),
    (
        "Trotsky was assassinated in 1941 in Mexico City.",
        "death.date",
        "1941",
    ),
    (
        "He was murdered by Ramon Mercader, a Gestapo agent.",
        "assassin.agency",
        "Gestapo",
    ),
    (
        "Trotsky founded the Fourth International in 1936.",
        "fourth_international.founded",
        "1936",
    ),
    (
        "The first Moscow trial took place in 1937.",
        "moscow_trials.first",
        "1937",
    ),
    ("Trotsky was killed in Moscow.", "death.place", "Moscow"),
    ("Trotsky was born in Kiev.", "birth.place", "Kiev"),
    ("Lenin died in 1925.", "lenin.death", "1925"),
    (
        "Trotsky was appointed People's Commissar for War in 1919.",
        "commissar.war.start",
        "1919",
    ),
    (
        "He returned to Russia in April 1917.",
        "return.russia",
        "April 1917",
    ),
    (
        "In 1929 Trotsky was exiled to Norway.",
        "deportation.place",
        "Norway",
    ),
    (
        "Trotsky's assassin, Ramón Mercader, was sentenced to 30 years.",
        "mercader.sentence",
        "30",
    ),
    ("Trotsky died at age 59.", "death.age", "59"),
];

#[test]
fn common_wrong_statements_are_found() {
    let claims = factlint::claims::load_claims(&[concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/claims/trotsky.toml"
    )])
    .unwrap();
    let matcher = Matcher::new(&claims).unwrap();
    let mut missed = Vec::new();
    for &(text, claim, found) in COMMON_WRONG_STATEMENTS {
        let doc = Document::new("doc.txt", text.to_string());
        let got = lint_document(&doc, &claims, &matcher);
        if !got
            .iter()
            .any(|f| claims.claims[f.claim].id.0 == claim && f.found == found)
        {
            missed.push(format!("{text:?}: expected {claim} on {found:?}"));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}

/// "claim severity found" of each finding of a prose fixture, checked against
/// `claims/trotsky.toml`.
fn check_prose(name: &str) -> Vec<String> {
    let claims = factlint::claims::load_claims(&[concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/claims/trotsky.toml"
    )])
    .unwrap();
    let matcher = Matcher::new(&claims).unwrap();
    let path = format!("{}/tests/fixtures/prose/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = Document::new(name, std::fs::read_to_string(path).unwrap());
    lint_document(&doc, &claims, &matcher)
        .into_iter()
        .map(|f| {
            format!(
                "{} {} {}",
                claims.claims[f.claim].id,
                f.severity.as_str(),
                f.found
            )
        })
        .collect::<Vec<_>>()
}

/// A summary of the life written correctly, in other words than the seeds': no
/// finding at all. And an essay with three errors: exactly those.
#[test]
fn correct_prose_is_silent_and_an_essay_gets_its_errors() {
    assert_eq!(check_prose("correct.txt"), Vec::<String>::new());
    // Other people's dates, a question, a quoted headline, an attributive year,
    // a report the sentence corrects: only the wrong birth year some accounts
    // give, uncorrected, is reported, as a warning.
    assert_eq!(check_prose("traps.txt"), vec!["birth.date warning 1880"]);
    assert_eq!(
        check_prose("essay.md"),
        vec![
            "soviet1905.city error Petrograd",
            "death.weapon error ice pick",
            "birth.date error 61",
        ]
    );
}

/// The same life told with the other words pages use for its events (struck down,
/// bludgeoned, succumbed, a mountaineering axe or piolet, reached Tampico, drummed
/// out of the party, banished, the founding of the Fourth International, the ashes in
/// Coyoacán): no finding. Told with a wrong value in each sentence: exactly those.
#[test]
fn other_wordings_of_the_events_are_read_alike() {
    assert_eq!(check_prose("wording.txt"), Vec::<String>::new());
    assert_eq!(
        check_prose("wording-errors.txt"),
        vec![
            "soviet1905.chairman error 1909",
            "return.russia error March 1917",
            "party.expulsion error 1926",
            "deportation.date error 1928",
            "mexico.arrival warning January 1938",
            "fourth_international.founded error 1936",
            "death.weapon error pickaxe",
            "attack.date error 21 August 1940",
            "death.instant error killed him instantly",
            "assassin.attack.date error 1941",
            "death.date error 1941",
            "death.date error 22 August 1940",
            "burial.place error Kremlin Wall",
        ]
    );
}
