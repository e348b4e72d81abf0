//! Validation errors and warnings: each at the span of exactly the bad value, with
//! its message in the claims file's terms.

use crate::claims::{ClaimSet, parse_claims};

/// One reported problem: its code, the TOML text it spans and its message.
pub(super) type Reported = (&'static str, String, String);

pub(super) fn report(toml: &str, list: &[crate::claims::ClaimsError]) -> Vec<Reported> {
    list.iter()
        .map(|e| {
            let span = e.span.clone().expect("a validation error has a span");
            (e.kind.code(), toml[span].to_string(), e.message.clone())
        })
        .collect()
}

pub(super) fn load(toml: &str) -> Result<ClaimSet, Vec<Reported>> {
    parse_claims(vec![("c.toml".into(), toml.into())]).map_err(|f| report(toml, &f.errors))
}

pub(super) fn errors(toml: &str) -> Vec<Reported> {
    load(toml).err().unwrap_or_default()
}

pub(super) fn warnings(toml: &str) -> Vec<Reported> {
    let set = load(toml).expect("warnings only");
    report(toml, &set.warnings)
}

pub(super) fn reported(code: &'static str, at: &str, message: &str) -> Reported {
    (code, at.to_string(), message.to_string())
}

/// A number claim about an area, with `line` added.
pub(super) fn area(line: &str) -> String {
    format!(
        "[subject]\nname = \"Zone\"\nkind = \"place\"\n\n[[claim]]\nid = \"area\"\nkind = \"number\"\nvalue = 2600\ntriggers = ['\\bcovers?\\b']\n{line}\n"
    )
}

const EMPTY_UNIT: &str = "an empty unit names nothing: write the noun the number counts or measures (`years`, `Nobel Prizes`) or remove it";

#[test]
fn an_empty_unit_is_reported_where_it_stands() {
    assert_eq!(
        errors(&area("unit = \"\"")),
        vec![reported("invalid-value", "\"\"", EMPTY_UNIT)]
    );
    assert_eq!(
        errors(&area("unit = \"  \"")),
        vec![reported("invalid-value", "\"  \"", EMPTY_UNIT)]
    );
    assert_eq!(
        errors(&area("unit = []")),
        vec![reported(
            "invalid-value",
            "[]",
            "an empty `unit` list names no unit: list the spellings of the noun the number counts or measures (`[\"km\", \"kilometres\"]`) or remove `unit`"
        )]
    );
    // One empty element of a list: that element, not the list.
    assert_eq!(
        errors(&area("unit = [\"km²\", \" \", \"square km\"]")),
        vec![reported("invalid-value", "\" \"", EMPTY_UNIT)]
    );
}

#[test]
fn an_unreadable_unit_keeps_its_spelling_and_its_element() {
    let unreadable = |unit: &str| {
        format!(
            "no number in prose can be read with the unit `{unit}`: write it as people do (`km`, `square miles`, `Nobel Prizes`)"
        )
    };
    assert_eq!(
        warnings(&area("unit = [\"Square KM\", \"Km^2\", \"km²\"]")),
        vec![reported("unreadable-unit", "\"Km^2\"", &unreadable("Km^2"))]
    );
    assert_eq!(
        warnings(&area("unit = \"Sq. Km\"")),
        vec![reported(
            "unreadable-unit",
            "\"Sq. Km\"",
            &unreadable("Sq. Km")
        )]
    );
    assert_eq!(
        warnings(&area("unit = [\"Tons\", \" Ton(s) \"]")),
        vec![reported(
            "unreadable-unit",
            "\" Ton(s) \"",
            &unreadable("Ton(s)")
        )]
    );
}

#[test]
fn readable_units_are_kept_folded_without_a_warning() {
    let set = load(&area("unit = [\"Square KM\", \"km²\", \" km2 \"]")).expect("valid");
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    assert_eq!(set.claims[0].units, ["square km", "km²", "km2"]);
    let set = load(&area("unit = \"Nobel Prizes\"")).expect("valid");
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    assert_eq!(set.claims[0].units, ["nobel prizes"]);
}

const GROUP: &str = "[subject]\nname = \"Wright brothers\"\nkind = \"group\"\n";

#[test]
fn an_empty_member_is_reported_at_that_member() {
    let toml = format!("{GROUP}members = [\"Orville Wright\", \"\", \"Wilbur Wright\"]\n");
    assert_eq!(
        errors(&toml),
        vec![reported(
            "invalid-value",
            "\"\"",
            "an empty string in `members` names nothing: write a member's name or remove it"
        )]
    );
    let toml = format!("{GROUP}members = [\"Orville Wright\", \"Wilbur Wright\"]\n");
    assert!(errors(&toml).is_empty());
}

#[test]
fn members_of_a_subject_not_a_group_are_reported_whole() {
    let toml = "[subjects.wilbur]\nname = \"Wilbur Wright\"\nkind = \"person\"\nmembers = [\"Orville Wright\"]\n";
    assert_eq!(
        errors(toml),
        vec![reported(
            "invalid-value",
            "[\"Orville Wright\"]",
            "`members` belong to a subject of kind `group`"
        )]
    );
}

#[test]
fn each_empty_string_of_a_subject_list_is_reported_alone() {
    let toml = "[subject]\nname = \" \"\naliases = [\"Lev\", \"\"]\nnouns = [\"\"]\npronouns = [\"he\", \" \"]\n";
    let empty = |field: &str, what: &str| {
        format!("an empty string in `{field}` names nothing: write {what} or remove it")
    };
    assert_eq!(
        errors(toml),
        vec![
            reported(
                "invalid-value",
                "\" \"",
                "`name` must not be empty: write the subject's name as pages write it"
            ),
            reported(
                "invalid-value",
                "\"\"",
                &empty("aliases", "another name of the subject")
            ),
            reported(
                "invalid-value",
                "\"\"",
                &empty("nouns", "a noun that names the subject")
            ),
            reported("invalid-value", "\" \"", &empty("pronouns", "a pronoun")),
        ]
    );
}

#[test]
fn an_empty_reject_or_regex_is_reported_at_its_element() {
    let toml = "[[claim]]\nid = \"weapon\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\", \"\"]\ncontext = ['\\bkill', '']\n";
    assert_eq!(
        errors(toml),
        vec![
            reported(
                "invalid-regex",
                "''",
                "an empty regex in `context` matches everywhere: write the words it must find or remove it"
            ),
            reported(
                "invalid-value",
                "\"\"",
                "an empty string in `reject` names nothing: write a wrong variant to find or remove it"
            ),
        ]
    );
}

#[test]
fn a_role_value_is_named_by_its_kind() {
    let toml = "[[claim]]\nid = \"assassin\"\nkind = \"role\"\nvalue = 3\ntriggers = ['\\bkilled by\\b']\n";
    assert_eq!(
        errors(toml),
        vec![reported(
            "invalid-value",
            "3",
            "`value` of a role claim must be a non-empty string"
        )]
    );
}

#[test]
fn bounds_that_exclude_the_value_are_reported_at_the_bound() {
    let sentence = |line: &str| {
        format!(
            "[[claim]]\nid = \"sentence\"\nkind = \"number\"\nvalue = 20\nunit = \"years\"\ntriggers = ['\\bsentence']\n{line}\n"
        )
    };
    assert_eq!(
        errors(&sentence("min = 22")),
        vec![reported(
            "invalid-value",
            "22",
            "`min` (22) is above `value` (20): a document stating the value would contradict the claim; make `min` at most 20"
        )]
    );
    assert_eq!(
        errors(&sentence("min = 18\nmax = 19.5")),
        vec![reported(
            "invalid-value",
            "19.5",
            "`max` (19.5) is below `value` (20): a document stating the value would contradict the claim; make `max` at least 20"
        )]
    );
    assert!(errors(&sentence("min = 20\nmax = 22")).is_empty());
    assert!(errors(&sentence("min = 18")).is_empty());
}

#[test]
fn an_unquoted_date_value_is_shown_quoted() {
    let date = |value: &str| {
        format!(
            "[[claim]]\nid = \"death\"\nkind = \"date\"\nvalue = {value}\ntriggers = ['\\bdied\\b']\n"
        )
    };
    assert_eq!(
        errors(&date("1940-08-21")),
        vec![reported(
            "invalid-date",
            "1940-08-21",
            "invalid date: write it in quotes, as \"1940-08-21\""
        )]
    );
    // A time is no day: the general message.
    assert_eq!(
        errors(&date("1940-08-21T10:00:00")),
        vec![reported(
            "invalid-date",
            "1940-08-21T10:00:00",
            "invalid date: expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\" naming a real day"
        )]
    );
    assert!(errors(&date("\"1940-08-21\"")).is_empty());
}

#[test]
fn an_empty_subject_key_names_no_subject() {
    let toml = "[[claim]]\nid = \"weight\"\nkind = \"number\"\nsubject = \"\"\nvalue = 605\ntriggers = ['\\bweigh']\n";
    assert_eq!(
        errors(toml),
        vec![reported(
            "unknown-subject",
            "\"\"",
            "an empty `subject` names no subject: write the key of a `[subjects.<key>]` table, or a subject table"
        )]
    );
}

#[test]
fn parts_are_folded_and_kept() {
    let set = load(&area("parts = [\"Land\", \"sea areas\"]")).expect("valid");
    assert_eq!(set.claims[0].parts, ["land", "sea areas"]);
    assert!(set.warnings.is_empty());
    let set = load(&area("")).expect("valid");
    assert!(set.claims[0].parts.is_empty());
}

#[test]
fn a_bad_part_is_reported_where_it_stands() {
    assert_eq!(
        errors(&area("parts = [\"crew\"]")),
        vec![reported(
            "invalid-value",
            "[\"crew\"]",
            "`parts` must name at least two parts, each the noun one part counts (`parts = [\"passengers\", \"crew\"]`)"
        )]
    );
    assert_eq!(
        errors(&area("parts = [\"passengers\", \" \", \"crew\"]")),
        vec![reported(
            "invalid-value",
            "\" \"",
            "an empty part names nothing: write the noun the part counts (`crew`) or remove it"
        )]
    );
    assert_eq!(
        errors(&area("parts = [\"crew\", \"passengers\", \"Crew\"]")),
        vec![reported(
            "invalid-value",
            "\"Crew\"",
            "the part `Crew` is listed twice: each part is counted once"
        )]
    );
    let (code, at, message) =
        crate::claims::parse::parse_raw(crate::claims::model::FileId(0), &area("parts = \"crew\""))
            .map(|_| ())
            .map_err(|e| (e.kind.code(), e.span.clone(), e.message))
            .expect_err("a string is no list");
    assert_eq!(
        (code, at.map(|r| area("parts = \"crew\"")[r].to_string())),
        ("syntax", Some("\"crew\"".to_string()))
    );
    assert_eq!(
        message,
        "`parts` must be a list of the total's parts, each a string naming what one part counts (`parts = [\"passengers\", \"crew\"]`), not a string"
    );
}

#[test]
fn parts_belong_to_a_number_claim() {
    let toml = "[[claim]]\nid = \"born\"\nkind = \"date\"\nvalue = \"1901\"\ntriggers = ['\\bborn\\b']\nparts = [\"a\", \"b\"]\n";
    assert_eq!(
        errors(toml),
        vec![reported(
            "invalid-value",
            "[\"a\", \"b\"]",
            "`parts` belong to a claim of kind `number`: the total they add up to"
        )]
    );
}

#[test]
fn an_unreadable_part_is_warned_about_where_it_stands() {
    assert_eq!(
        warnings(&area("parts = [\"crew\", \"the passengers\"]")),
        vec![reported(
            "unreadable-unit",
            "\"the passengers\"",
            "no number in prose can be read with the part `the passengers`: write it as people do (`km`, `square miles`, `Nobel Prizes`)"
        )]
    );
}

/// A claims file with one claim of `kind` and no `value`, with `lines` added.
fn open(kind: &str, lines: &str) -> String {
    format!(
        "[subject]\nname = \"Ada Lind\"\n\n[[claim]]\nid = \"q\"\nkind = \"{kind}\"\ntriggers = ['\\bmoved\\b']\n{lines}\n"
    )
}

#[test]
fn a_claim_without_a_value_is_an_open_question() {
    let set = load(&open("date", "")).expect("an open date claim loads");
    assert!(set.claims[0].open);
    assert_eq!(set.claims[0].value_text(), "open question");
    let set = load(&open(
        "term",
        "accept = [[\"hand press\", \"hand-press\"], \"steam press\"]",
    ))
    .expect("an open term claim loads");
    let names: Vec<&str> = set.claims[0]
        .answers
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, vec!["hand press", "steam press"]);
    assert_eq!(
        set.claims[0].answers[0].forms,
        vec!["hand press", "hand-press"]
    );
    assert!(load(&open("number", "tolerance = 2")).is_ok());
    assert!(load(&open("role", "")).is_ok());
}

#[test]
fn an_open_claim_that_cannot_be_answered_is_reported() {
    assert_eq!(
        errors(&open("event", "")),
        vec![reported(
            "missing-field",
            "\"q\"",
            "an event claim needs `value`: `true` (it happened) or `false` (it never did); only date, number, duration, time, term and role claims can be open"
        )]
    );
    assert_eq!(
        errors(&open("term", "")),
        vec![reported(
            "missing-field",
            "\"q\"",
            "an open term claim needs `accept`: the answers to look for, each a form or a list of forms (`accept = [[\"ice axe\", \"piolet\"], \"ice pick\"]`)"
        )]
    );
    assert_eq!(
        errors(&open("date", "accept = [\"1920\"]")),
        vec![reported(
            "invalid-value",
            "\"1920\"",
            "an open claim with no `value` has nothing to accept: its `accept` lists answers, for term and role claims only; remove it or give the claim a `value`"
        )]
    );
    assert_eq!(
        errors(&open("term", "accept = [[\"hand press\", 3]]"))[0].1,
        "[\"hand press\", 3]"
    );
    assert_eq!(errors(&open("number", "tolerance = \"5%\""))[0].1, "\"5%\"");
    assert_eq!(
        errors(&open("date", "examples.flag = [\"Lind moved in 1920.\"]"))[0].2,
        "an open claim makes no findings, so its `examples.flag` (\"Lind moved in 1920.\") cannot be flagged: move the sentence to `examples.pass` or give the claim a `value`"
    );
}

#[test]
fn a_pattern_written_twice_is_one_regex() {
    let claims = load(
        "[[claim]]\nid = \"a\"\nkind = \"date\"\nvalue = \"1940\"\ntriggers = ['\\bdied\\b', '\\bdeath\\b']\n\n[[claim]]\nid = \"b\"\nkind = \"date\"\nvalue = \"1941\"\ntriggers = ['\\bburied\\b']\ncontext = ['\\bdied\\b']\n",
    )
    .expect("valid claims");
    let (a, b) = (&claims.claims[0], &claims.claims[1]);
    assert!(a.triggers[0].shares(&b.context[0]));
    assert!(!a.triggers[0].shares(&a.triggers[1]));
    assert!(b.context[0].is_match("he died"));
    assert!(a.triggers[0].is_match("he died"));
}
