//! Checking: an assertion against its claim, to a finding where they disagree.

mod ages;
pub mod between;
mod time;

use std::ops::Range;

use crate::claims::{Claim, Expected, Severity};
use crate::document::Document;
use crate::extract::number::NumberMention;
use crate::fix::{Applicability, Fix};
use crate::scan::{Assertion, AssertionMode, Observed};

mod compare;
mod dates;
pub(crate) use compare::in_claim_unit;
use compare::{Comparison, compare};
pub use dates::date_agrees;

/// A contradiction between a document and a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index of the claim in the claim set.
    pub claim: usize,
    pub severity: Severity,
    /// Byte span of the wrong words in the document.
    pub span: Range<usize>,
    /// Byte span of the sentence that holds them, without surrounding space.
    pub sentence: Range<usize>,
    /// The wrong words as written.
    pub found: String,
    /// The canonical value, at the precision of the wrong words.
    pub expected: String,
    /// The one-line message (lowercase, no final period).
    pub message: String,
    /// The label under the wrong words.
    pub label: String,
    pub fix: Option<Fix>,
    pub mode: AssertionMode,
    /// The word that set the mode ("reportedly", "not").
    pub cue: Option<String>,
    /// Why the severity was lowered, where something other than the mode lowered it.
    pub remark: Option<String>,
}

/// What to do with contradictions inside quotations (`--quotes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuotePolicy {
    /// Report them like the document's own statements.
    Assert,
    /// Report them as notes: someone else's words, not the document's claim.
    #[default]
    Note,
    /// Do not report them.
    Ignore,
}

/// Options of a run's reading and checking.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    pub quotes: QuotePolicy,
    /// The markup of every document, instead of the one its extension implies.
    pub markup: Option<crate::document::markup::Markup>,
    /// The largest document read (`--max-file-size`).
    pub max_file_size: crate::lint::MaxFileSize,
}

/// The finding for an assertion that contradicts its claim, or `None` where it
/// agrees. A negated statement contradicts where it denies the claimed value; a
/// hedged one (a hedged denial too) is at most a warning; a quoted one follows the
/// quote policy; a counterfactual ("she almost died in 1932") states nothing.
pub fn check_assertion(
    doc: &Document,
    claim: &Claim,
    a: &Assertion,
    options: &CheckOptions,
) -> Option<Finding> {
    let span = doc.source_range(a.span.range());
    let found = doc.source()[span.clone()].to_string();
    if a.mode == AssertionMode::Counterfactual {
        return None;
    }
    let cmp = compare(doc, a, claim, &found)?;
    let negated = a.mode.denies();
    if cmp.agrees != negated {
        return None;
    }
    let severity = severity(a.mode, claim.severity, options)?;
    let (message, label) = message(claim, a, &cmp, &found);
    // Only the document's own, plain statement of a wrong term is fixed by a tool.
    let applicability = if a.mode == AssertionMode::Asserted {
        cmp.applicability
    } else {
        Applicability::DisplayOnly
    };
    let fix = match claim.expected {
        // Whether an event happened is no word to put in place of the event's (the
        // message already says what the claims say): no replacement is offered.
        Expected::Event { .. } => None,
        // Which part of a sum is wrong the claims do not say.
        _ if matches!(&a.observed, Observed::Number(n) if n.summed) => None,
        // The words put in place are the claim's value on one line, as the
        // message has it: a value written over several lines in the claims file
        // would break the document's line.
        _ => {
            let replacement = one_line(&cmp.expected);
            (!negated
                && cmp.fixable
                && !replacement.is_empty()
                && (cmp.age.is_none() || !replacement.contains(' ')))
            .then_some(Fix {
                replacement,
                applicability,
            })
        }
    };
    Some(Finding {
        claim: a.claim,
        severity,
        span,
        sentence: doc.source_range(crate::document::sentences::trimmed(
            &doc.text,
            doc.sentences[a.sentence].range.clone(),
        )),
        message,
        label,
        found,
        expected: cmp.expected,
        fix,
        mode: a.mode,
        cue: a.cue.clone(),
        remark: None,
    })
}

/// The severity of a finding by how the document stands behind its words: a
/// quotation by the quotes policy (`None`: ignored), a hedge at most a warning.
fn severity(mode: AssertionMode, claimed: Severity, options: &CheckOptions) -> Option<Severity> {
    Some(match mode {
        AssertionMode::Quoted | AssertionMode::QuotedDenial => match options.quotes {
            QuotePolicy::Assert => claimed,
            QuotePolicy::Note => Severity::Note,
            QuotePolicy::Ignore => return None,
        },
        AssertionMode::Hedged | AssertionMode::HedgedDenial => claimed.min(Severity::Warning),
        AssertionMode::Asserted | AssertionMode::Negated | AssertionMode::Counterfactual => claimed,
    })
}

/// A finding's message and the label under its words.
fn message(claim: &Claim, a: &Assertion, cmp: &Comparison, found: &str) -> (String, String) {
    let negated = a.mode.denies();
    let what = match &claim.statement {
        Some(s) => format!("the claim that {}", s.trim().trim_end_matches('.')),
        None => format!("claim `{}` ({})", claim.id, claim.expected.display()),
    };
    // A relative date or a day without a year: say what it resolved to. The
    // found words are put on one line with the rest of the message below.
    let shown_found = match &a.observed {
        Observed::Date(d) if !found.contains(&d.value.year.to_string()) => {
            format!("\"{found}\" ({})", d.value)
        }
        // The parts of a total: say what they add up to.
        Observed::Number(n) if n.summed => format!("\"{found}\" ({})", sum_shown(n)),
        _ => format!("\"{found}\""),
    };
    let shown = match claim.expected {
        Expected::Term { .. } | Expected::Role { .. } => format!("\"{}\"", cmp.expected),
        Expected::Event { happened: true } => "it happened".to_string(),
        Expected::Event { happened: false } => "it never happened".to_string(),
        _ => cmp.shown.clone().unwrap_or_else(|| cmp.expected.clone()),
    };
    let (denial, denied) = match a.mode {
        AssertionMode::HedgedDenial => ("hedged denial", "doubted"),
        AssertionMode::QuotedDenial => ("quoted denial", "denied"),
        _ => ("denial", "denied"),
    };
    let (message, label) = match (&cmp.age, negated) {
        (_, true) => (
            format!("{denial} of {shown_found} contradicts {what}"),
            format!("{denied} here; the claims say {shown}"),
        ),
        (Some((m, l)), false) => (format!("{m} contradicts {what}"), l.clone()),
        (None, false) => (
            format!("{shown_found} contradicts {what}"),
            format!("the claims say {shown}"),
        ),
    };
    // A claims file's strings may hold line breaks (a statement written as a
    // multi-line TOML string); a message and a label are one line each, as
    // `short`, `github` and the human report's label line need.
    (one_line(&message), one_line(&label))
}

/// The value of a sum of parts as a message shows it: `322`, or `312–322` for
/// a range.
fn sum_shown(n: &NumberMention) -> String {
    let value = crate::claims::model::format_number(n.value);
    match n.range_to {
        Some(top) => format!("{value}–{}", crate::claims::model::format_number(top)),
        None => value,
    }
}

/// Whether an assertion agrees with its claim (`None` where they cannot be compared).
pub fn agrees(a: &Assertion, claim: &Claim, doc: &Document) -> Option<bool> {
    let found = &doc.text[a.span.range()];
    if a.mode == AssertionMode::Counterfactual {
        return None;
    }
    compare(doc, a, claim, found).map(|c| c.agrees != a.mode.denies())
}

/// The text on one line (a span may cross a line break).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a number stated in the claim's unit agrees with a number or duration
/// claim, allowing the claim's tolerance, its `min`/`max` range, and the slack that
/// "about" or "more than" gives.
pub fn number_agrees(n: &NumberMention, expected: &Expected) -> bool {
    crate::units::compare::agrees_plain(n.value, n.range_to, n.approx, expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize::fold;
    use crate::extract::number::extract_numbers;

    /// The claims every mode test reads: a death date, an event that never
    /// happened, one that did, and a term read only beside its context.
    const CLAIMS: &str = r#"
[subject]
name = "Ada Lind"
aliases = ["Lind"]
pronouns = ["she", "her"]

[[claim]]
id = "death.date"
kind = "date"
value = "1934"
triggers = ['\bdied?\b', '\bkilled\b']

[[claim]]
id = "remarriage"
kind = "event"
value = false
triggers = ['\bremarried\b']
statement = "Lind never remarried."

[[claim]]
id = "degree"
kind = "event"
value = true
triggers = ['\bgraduated\b']

[[claim]]
id = "weapon"
kind = "term"
value = "ice axe"
reject = ["ice pick"]
context = ['\bkill']
"#;

    /// The findings of `text` against the claims file `claims`.
    fn lint(claims: &str, text: &str) -> Vec<Finding> {
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), claims.into())])
            .expect("claims parse");
        let matcher = crate::scan::matcher::Matcher::new(&claims).expect("matcher builds");
        let doc = Document::new("a.txt", text.to_string());
        crate::lint::lint_document(&doc, &claims, &matcher)
    }

    /// (severity, found, message, help) of each finding of `text`.
    fn findings(text: &str) -> Vec<(Severity, String, String, Option<String>)> {
        lint(CLAIMS, text)
            .into_iter()
            .map(|f| (f.severity, f.found, f.message, f.fix.map(|x| x.replacement)))
            .collect()
    }

    #[test]
    fn a_counterfactual_states_nothing() {
        for text in [
            "Lind almost died in 1932.",
            "She was nearly killed in 1935.",
            "She almost remarried in 1920.",
        ] {
            assert_eq!(findings(text), vec![], "{text}");
        }
        // "Almost certainly" hedges.
        assert_eq!(
            findings("She almost certainly died in 1932.")[0].0,
            Severity::Warning
        );
    }

    #[test]
    fn a_hedged_denial_of_the_claimed_value_is_a_warning() {
        assert_eq!(
            findings("It is doubtful that she died in 1934."),
            vec![(
                Severity::Warning,
                "1934".into(),
                "hedged denial of \"1934\" contradicts claim `death.date` (1934)".into(),
                None
            )]
        );
        // Doubting a wrong value agrees with the claims.
        assert_eq!(findings("It is doubtful that she died in 1932."), vec![]);
        // A plain denial stays an error.
        assert_eq!(findings("She did not die in 1934.")[0].0, Severity::Error);
    }

    #[test]
    fn a_cleft_with_not_until_is_compared_like_a_plain_statement() {
        assert_eq!(
            findings("It was not until 1935 that she died."),
            findings("She died in 1935.")
        );
        assert_eq!(findings("It was not until 1935 that she died.").len(), 1);
        assert_eq!(findings("It was not until 1934 that she died."), vec![]);
        assert_eq!(
            findings("Not before 1935 did she die."),
            findings("She died in 1935.")
        );
    }

    #[test]
    fn an_event_claim_offers_no_replacement_but_says_what_the_claims_say() {
        let remarried = |text: &str| -> Vec<(String, Option<String>)> {
            findings(text).into_iter().map(|f| (f.2, f.3)).collect()
        };
        let found = remarried("She remarried in 1920.");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].0.contains("the claim that Lind never remarried"),
            "{found:?}"
        );
        assert_eq!(found[0].1, None);
        assert_eq!(remarried("She never remarried."), vec![]);
    }

    #[test]
    fn a_claim_written_over_several_lines_makes_a_one_line_message_and_fix() {
        let claims = r#"
[[claim]]
id = "home"
kind = "term"
value = "Old\nHarbour"
reject = ["Lakeside"]
context = ['\blived\b']
statement = """
The painter lived
in Old Harbour."""
"#;
        let found: Vec<_> = lint(claims, "The painter lived in Lakeside.")
            .into_iter()
            .map(|f| (f.message, f.label, f.fix.map(|x| x.replacement)))
            .collect();
        assert_eq!(
            found,
            vec![(
                "\"Lakeside\" contradicts the claim that The painter lived in Old Harbour"
                    .to_string(),
                "the claims say \"Old Harbour\"".to_string(),
                Some("Old Harbour".to_string())
            )]
        );
    }

    #[test]
    fn a_weekday_is_fixed_to_the_day_as_written_not_as_a_qualifier_reads_it() {
        // "After 10 April" is read from 11 April on, a Thursday; the weekday
        // names 10 April, a Wednesday.
        for (text, found, fixed) in [
            (
                "Lind sailed after Thursday, 10 April 1912.",
                "Thursday",
                "Wednesday",
            ),
            ("Lind sailed before Thu 10 April 1912.", "Thu", "Wed"),
            (
                "Lind sailed on Thursday, 10 April 1912.",
                "Thursday",
                "Wednesday",
            ),
        ] {
            let fixes: Vec<_> = lint(CLAIMS, text)
                .into_iter()
                .map(|f| (f.found, f.fix.map(|x| x.replacement)))
                .collect();
            assert_eq!(
                fixes,
                vec![(found.to_string(), Some(fixed.to_string()))],
                "{text}"
            );
        }
    }

    fn agrees(text: &str, expected: &Expected) -> bool {
        let n = extract_numbers(&fold(text).text).remove(0);
        number_agrees(&n, expected)
    }

    #[test]
    fn a_term_context_is_read_in_its_clause_its_question_or_the_sentence_it_resumes() {
        // (text, where each finding's "ice pick" starts)
        let cases: [(&str, &[usize]); 7] = [
            ("Lind was killed with an ice pick.", &[24]),
            // No context anywhere in the sentence, or only in another clause.
            ("Lind bought an ice pick.", &[]),
            ("Lind bought an ice pick, and she was killed in 1930.", &[]),
            ("Lind bought an ice pick. She was killed in 1930.", &[]),
            // The question above an answer lends its words.
            ("Q: How was Lind killed?\nA: With an ice pick.\n", &[35]),
            ("Q: What did Lind buy?\nA: An ice pick.\n", &[]),
            // A sentence cut by an inserted card goes on after it.
            (
                "Lind was killed in her home by Marten Vell\nMarten Vell\nMarten Vell was a clerk...\n\nwith an ice pick in 1930.\n",
                &[91],
            ),
        ];
        for (text, starts) in cases {
            let found: Vec<usize> = lint(CLAIMS, text)
                .into_iter()
                .filter(|f| f.found == "ice pick")
                .map(|f| f.span.start)
                .collect();
            assert_eq!(found, starts, "{text}");
        }
    }

    fn number(value: f64, tolerance: f64, min: Option<f64>, max: Option<f64>) -> Expected {
        Expected::Number {
            value,
            accept: vec![],
            tolerance,
            min,
            max,
        }
    }

    #[test]
    fn numbers_compare_with_tolerance_range_and_approximation() {
        let exact = number(20.0, 0.0, None, None);
        assert!(agrees("20 years", &exact));
        assert!(!agrees("19 years", &exact));
        assert!(agrees("about 19 years", &exact));
        assert!(!agrees("about 15 years", &exact));
        assert!(agrees("more than 19 years", &exact));
        assert!(!agrees("more than 25 years", &exact));
        assert!(agrees("less than 25 years", &exact));
        assert!(!agrees("less than 15 years", &exact));
        let tolerant = number(1517.0, 5.0, None, None);
        assert!(agrees("1,520 delegates", &tolerant));
        assert!(!agrees("1,530 delegates", &tolerant));
        let varying = number(20.0, 0.0, Some(18.0), Some(22.0));
        assert!(agrees("eighteen years", &varying));
        assert!(!agrees("seventeen years", &varying));
    }
}
