//! How each field of a claims file is written, for the errors the TOML reader
//! reports: a value of the wrong type or a missing field. Serde words them in Rust's
//! terms (`expected struct RawSubject`, `a sequence`, `i64`); the author of a claims
//! file is told which field is wrong, in TOML's terms, and how to write it.

use super::ClaimsErrorKind;

/// The kind and message of an error from the TOML reader. `found_text` is the TOML
/// text at the error's span (it tells an unquoted date from a table).
pub(crate) fn reword(e: &toml::de::Error, found_text: &str) -> (ClaimsErrorKind, String) {
    let message = e.message().trim();
    let keys = key_path(e);
    let path: Vec<&str> = keys.iter().map(String::as_str).collect();
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|m| m.rsplit_once(", expected "))
    {
        return (
            ClaimsErrorKind::Syntax,
            wrong_type(&path, found, expected, found_text),
        );
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return (ClaimsErrorKind::MissingField, missing(&path, field));
    }
    let kind = if message.starts_with("unknown field") {
        ClaimsErrorKind::UnknownField
    } else {
        ClaimsErrorKind::Syntax
    };
    (kind, message.to_string())
}

/// The keys from the top of the file to the bad value (`["claim", "unit"]`; an array
/// of tables adds no index). The toml error shows them only in its plain rendering,
/// without the input: "<message>\nin `claim.unit`".
fn key_path(e: &toml::de::Error) -> Vec<String> {
    let mut plain = e.clone();
    plain.set_input(None);
    let shown = plain.to_string();
    shown
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("in `"))
        .and_then(|l| l.strip_suffix('`'))
        .map(|keys| keys.split('.').map(str::to_string).collect())
        .unwrap_or_default()
}

/// "`unit` must be a unit name or a list of them, …, not an integer", or for one
/// element of a list "an element of `unit` must be a string (a unit name), not an
/// integer": the span is then the element's, and the list around it is right.
fn wrong_type(path: &[&str], found: &str, expected: &str, found_text: &str) -> String {
    let found = toml_type(found, found_text);
    let element = element(path).filter(|_| expected == "a string");
    let mut message = match (element, field_name(path)) {
        (Some(one), Some(field)) => {
            format!("an element of `{field}` must be a string ({one}), not {found}")
        }
        (_, Some(field)) => {
            let what = shape(path).map_or_else(|| expected_type(expected), str::to_string);
            format!("`{field}` must be {what}, not {found}")
        }
        (_, None) => format!(
            "a claims file must be {}, not {found}",
            expected_type(expected)
        ),
    };
    if found == UNQUOTED_DATE && expected == "a string" {
        message.push_str(&format!(": write \"{}\"", found_text.trim()));
    }
    message
}

const UNQUOTED_DATE: &str = "an unquoted date";

/// Serde's description of the value found, as TOML names its type.
fn toml_type(found: &str, found_text: &str) -> &'static str {
    let head = found.split_whitespace().next().unwrap_or("");
    match head {
        "integer" => "an integer",
        "floating" => "a float",
        "string" | "character" => "a string",
        "boolean" => "a boolean",
        "sequence" => "a list",
        // TOML's dates and times reach serde as tables of their own.
        "map" if found_text.starts_with(|c: char| c.is_ascii_digit()) => UNQUOTED_DATE,
        "map" => "a table",
        _ => "a value of another type",
    }
}

/// Serde's description of the type wanted, where the field has no shape of its own.
fn expected_type(expected: &str) -> String {
    let rust_number = |s: &str| {
        s.len() > 1 && s.starts_with(['i', 'u', 'f']) && s[1..].chars().all(|c| c.is_ascii_digit())
    };
    match expected {
        "a sequence" => "a list".to_string(),
        "a map" => "a table".to_string(),
        e if e.starts_with("struct ") || e.starts_with("enum ") => "a table".to_string(),
        e if rust_number(e) && e.starts_with('f') => "a number".to_string(),
        e if rust_number(e) => "an integer".to_string(),
        e => e.to_string(),
    }
}

/// How the value at `path` is written.
fn shape(path: &[&str]) -> Option<&'static str> {
    Some(match path {
        ["version"] => "the integer 1",
        ["subject"] => "a table (`[subject]` with `name = \"…\"`)",
        ["subjects"] => "a table of subjects (`[subjects.<key>]` with `name = \"…\"`)",
        ["subjects", _] => "a table (`[subjects.<key>]` with `name = \"…\"`)",
        ["claim"] => "a list of tables, each written `[[claim]]`",
        ["zones"] => "a table of zone names (`[zones]` with `\"ship's time\" = \"UTC-5\"`)",
        ["zones", _] => "a zone in quotes (`\"UTC-5\"`, `\"+04:00\"`, `\"MSK\"`)",
        ["claim", "subject"] => "a subject table or the key of a `[subjects.<key>]` table",
        ["claim", "examples"] => "a table (`examples = { flag = [\"…\"], pass = [\"…\"] }`)",
        ["claim", "examples", _] => "a list of sentences, each a string",
        ["subject", field] | ["subjects", _, field] | ["claim", "subject", field] => {
            subject_field(field)?
        }
        ["claim", field] => claim_field(field)?,
        _ => return None,
    })
}

/// What one element of the list at `path` is, for the fields whose value is a list
/// of strings (a bare string for `unit`).
fn element(path: &[&str]) -> Option<&'static str> {
    Some(match path {
        ["subject", field] | ["subjects", _, field] | ["claim", "subject", field] => match *field {
            "aliases" => "a name",
            "pronouns" => "a pronoun",
            "nouns" => "a noun",
            "members" => "a member's name",
            _ => return None,
        },
        ["claim", "examples", _] => "a sentence",
        ["claim", field] => match *field {
            "reject" => "a wrong variant",
            "triggers" | "context" => "a regex",
            "unit" => "a unit name",
            "parts" => "the noun one part counts",
            _ => return None,
        },
        _ => return None,
    })
}

/// The name of the field at `path` in a message: its key, with the table's where
/// the key alone says little (`subjects.flyer`, `examples.flag`).
fn field_name(path: &[&str]) -> Option<String> {
    match path {
        ["subjects", key] => Some(format!("subjects.{key}")),
        ["claim", "examples", key] => Some(format!("examples.{key}")),
        _ => path.last().map(|k| k.to_string()),
    }
}

/// How a field of `[subject]`, `[subjects.<key>]` or a claim's `subject` is written.
fn subject_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "a string (the subject's name)",
        "aliases" => "a list of names, each a string (`aliases = [\"…\"]`)",
        "born" => "a date in quotes (\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")",
        "pronouns" => "a list of pronouns, each a string (`pronouns = [\"she\", \"her\"]`)",
        "kind" => "`person`, `group`, `thing`, `place` or `event`",
        "nouns" => "a list of nouns, each a string (`nouns = [\"aircraft\"]`)",
        "members" => "a list of the members' names, each a string (`members = [\"…\"]`)",
        _ => return None,
    })
}

/// How a field of a `[[claim]]` is written (`value`, `accept`'s elements,
/// `tolerance`, `min` and `max` take any value and are checked by kind).
fn claim_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "id" => "a string of letters, digits, `.`, `_` and `-`",
        "kind" => "`term`, `date`, `number`, `duration`, `time`, `role` or `event`",
        "zone" => "a string (`zone = \"UTC+4\"`, `\"+04:00\"`, `\"MSK\"` or a name of `[zones]`)",
        "accept" => "a list of other correct values (`accept = [\"…\"]`)",
        "reject" => "a list of wrong variants, each a string (`reject = [\"…\"]`)",
        "triggers" => "a list of regexes, each a string (`triggers = ['\\bdied\\b']`)",
        "context" => "a list of regexes, each a string (`context = ['\\bkill']`)",
        "unit" => {
            "a unit name or a list of them, each a string (`unit = [\"km\", \"kilometres\"]`)"
        }
        "parts" => {
            "a list of the total's parts, each a string naming what one part counts (`parts = [\"passengers\", \"crew\"]`)"
        }
        "source" => "a string (where the fact comes from)",
        "statement" => "a string (a clause completing \"the claim that …\")",
        "severity" => "`error`, `warning` or `note`",
        "scope" => "`subject` or `any`",
        "filler" => "`before`, `after` or `auto`",
        _ => return None,
    })
}

/// "missing field `id`: every `[[claim]]` needs `id = \"…\"`, …".
fn missing(path: &[&str], field: &str) -> String {
    let owner = match path {
        ["claim"] => "every `[[claim]]`".to_string(),
        ["subject"] => "`[subject]`".to_string(),
        ["subjects", key] => format!("`[subjects.{key}]`"),
        ["claim", "subject"] => "a claim's `subject` table".to_string(),
        _ => return format!("missing field `{field}`"),
    };
    let how = match field {
        "id" => "`id = \"…\"`, a unique dotted id that names its findings",
        "kind" => {
            "`kind = \"…\"`, one of `term`, `date`, `number`, `duration`, `time`, `role` or `event`"
        }
        "value" => "`value = …`, the canonical value",
        "name" => "`name = \"…\"`, the subject's name",
        _ => return format!("missing field `{field}`: {owner} needs it"),
    };
    format!("missing field `{field}`: {owner} needs {how}")
}

#[cfg(test)]
mod tests {
    use crate::claims::model::FileId;
    use crate::claims::parse::parse_raw;

    /// The code, the spanned TOML text and the message of the error in `toml`.
    fn error(toml: &str) -> (&'static str, String, String) {
        let e = parse_raw(FileId(0), toml).expect_err("the file has a type error");
        let span = e.span.clone().expect("a type error has a span");
        (e.kind.code(), toml[span].to_string(), e.message)
    }

    const NUMBER: &str =
        "[[claim]]\nid = \"area\"\nkind = \"number\"\nvalue = 2600\ntriggers = ['\\barea\\b']\n";

    fn claim_with(line: &str) -> String {
        format!("{NUMBER}{line}\n")
    }

    #[test]
    fn a_unit_element_of_another_type_is_named_at_the_element() {
        let cases = [
            ("unit = [\"m\", 3]", "3", "an integer"),
            ("unit = [\"Km\", true, \"km\"]", "true", "a boolean"),
            ("unit = [\"m\", [\"cm\"]]", "[\"cm\"]", "a list"),
            ("unit = [\"m\", 2.5]", "2.5", "a float"),
            ("unit = [\"m\", { a = 1 }]", "{ a = 1 }", "a table"),
        ];
        for (line, at, found) in cases {
            assert_eq!(
                error(&claim_with(line)),
                (
                    "syntax",
                    at.to_string(),
                    format!("an element of `unit` must be a string (a unit name), not {found}")
                ),
                "{line}"
            );
        }
    }

    #[test]
    fn a_unit_of_another_type_is_named_whole() {
        let (code, at, message) = error(&claim_with("unit = 3"));
        assert_eq!((code, at.as_str()), ("syntax", "3"));
        assert_eq!(
            message,
            "`unit` must be a unit name or a list of them, each a string (`unit = [\"km\", \"kilometres\"]`), not an integer"
        );
        let (_, at, message) = error(&claim_with("unit = { name = \"km\" }"));
        assert_eq!(at, "{ name = \"km\" }");
        assert!(message.ends_with("not a table"), "{message}");
    }

    #[test]
    fn an_element_of_a_list_of_strings_is_named_at_the_element() {
        let subject = "[subject]\nname = \"Wright brothers\"\nkind = \"group\"\n";
        let cases = [
            (
                format!("{subject}members = [\"Orville Wright\", 1903]\n"),
                "1903",
                "an element of `members` must be a string (a member's name), not an integer",
            ),
            (
                "[subjects.flyer]\nname = \"Flyer\"\nnouns = [\"aircraft\", false]\n".to_string(),
                "false",
                "an element of `nouns` must be a string (a noun), not a boolean",
            ),
            (
                format!("{subject}aliases = [\"the Wrights\", 2]\n"),
                "2",
                "an element of `aliases` must be a string (a name), not an integer",
            ),
            (
                format!("{subject}pronouns = [[\"they\"]]\n"),
                "[\"they\"]",
                "an element of `pronouns` must be a string (a pronoun), not a list",
            ),
            (
                claim_with("context = ['\\bwing', 7]"),
                "7",
                "an element of `context` must be a string (a regex), not an integer",
            ),
            (
                claim_with("examples = { flag = [\"It covers 3,000 km².\", 3000] }"),
                "3000",
                "an element of `examples.flag` must be a string (a sentence), not an integer",
            ),
        ];
        for (toml, at, message) in cases {
            assert_eq!(
                error(&toml),
                ("syntax", at.to_string(), message.to_string()),
                "{toml}"
            );
        }
    }

    #[test]
    fn a_list_field_given_one_string_is_named_whole() {
        let toml = "[subject]\nname = \"Wright brothers\"\nkind = \"group\"\nmembers = \"Orville Wright\"\n";
        assert_eq!(
            error(toml),
            (
                "syntax",
                "\"Orville Wright\"".to_string(),
                "`members` must be a list of the members' names, each a string (`members = [\"…\"]`), not a string".to_string()
            )
        );
    }

    #[test]
    fn an_unquoted_date_is_shown_quoted() {
        let toml = "[subject]\nname = \"Leon Trotsky\"\nborn = 1879-11-07\n";
        assert_eq!(
            error(toml),
            (
                "syntax",
                "1879-11-07".to_string(),
                "`born` must be a date in quotes (\"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"), not an unquoted date: write \"1879-11-07\"".to_string()
            )
        );
    }

    #[test]
    fn a_missing_field_names_its_table_and_how_to_write_it() {
        let (code, _, message) = error("[[claim]]\nkind = \"term\"\nvalue = \"x\"\n");
        assert_eq!(code, "missing-field");
        assert_eq!(
            message,
            "missing field `id`: every `[[claim]]` needs `id = \"…\"`, a unique dotted id that names its findings"
        );
        let (code, _, message) = error("[subjects.flyer]\nkind = \"thing\"\n");
        assert_eq!(code, "missing-field");
        assert_eq!(
            message,
            "missing field `name`: `[subjects.flyer]` needs `name = \"…\"`, the subject's name"
        );
    }

    #[test]
    fn a_right_file_is_no_error() {
        let toml = claim_with("unit = [\"km²\", \"square km\"]");
        assert!(parse_raw(FileId(0), &toml).is_ok());
        assert!(parse_raw(FileId(0), &claim_with("unit = \"km\"")).is_ok());
    }
}
