//! What the human and Markdown reports share: the marks of the statuses, the
//! documents' labels, the claims the sources split on and the sentences that
//! describe their values.

use codespan_reporting::term::termcolor::{Color, ColorSpec};

use crate::claims::{Claim, ClaimSet, Expected};
use crate::crosscheck::consensus::{self, Verdict};
use crate::crosscheck::{Group, Matrix, Row, SourceInfo, Status};

/// The one-character mark of a status in the matrix.
pub(super) fn mark(status: Status) -> &'static str {
    match status {
        Status::Contradicts => "✗",
        Status::Agrees => "✓",
        Status::States => "•",
        Status::Negated => "¬",
        Status::Hedged => "~",
        Status::Quoted => "\"",
        Status::Silent => "·",
    }
}

/// The colour a status is shown in on a terminal.
pub(super) fn color(status: Status) -> ColorSpec {
    let mut spec = ColorSpec::new();
    match status {
        Status::Contradicts => spec.set_fg(Some(Color::Red)),
        Status::Agrees => spec.set_fg(Some(Color::Green)),
        Status::States => spec.set_fg(Some(Color::Blue)),
        Status::Negated => spec.set_fg(Some(Color::Magenta)),
        Status::Hedged => spec.set_fg(Some(Color::Yellow)),
        Status::Quoted => spec.set_fg(Some(Color::Cyan)),
        Status::Silent => spec.set_dimmed(true),
    };
    spec
}

/// A document's label: `D1` for the first.
pub(super) fn label(document: usize) -> String {
    format!("D{}", document + 1)
}

/// The labels of some documents, `D1, D3`.
pub(super) fn labels(documents: &[usize]) -> String {
    documents
        .iter()
        .map(|&d| label(d))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the configuration says of a document (`Encyclopedia, encyclopedia, trust
/// 2`), where it says anything.
pub(super) fn describe(doc: &SourceInfo) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(doc.name.clone());
    parts.extend(doc.kind.clone());
    if doc.trust != 1.0 {
        parts.push(format!("trust {}", consensus::weight(doc.trust)));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The claim of a row.
pub(super) fn claim<'a>(claims: &'a ClaimSet, row: &Row) -> &'a Claim {
    &claims.claims[row.claim]
}

/// The claim's value as the matrix shows it, a number with its unit as the
/// documents' values are shown (`20 years`); `?` for an open claim.
pub(super) fn value(claims: &ClaimSet, row: &Row) -> String {
    let c = claim(claims, row);
    match (&c.expected, c.units.first()) {
        _ if c.open => "?".to_string(),
        (Expected::Number { .. }, Some(unit)) => format!("{} {unit}", c.expected.display()),
        _ => c.expected.display(),
    }
}

/// Whether any document says anything of the claim.
pub(super) fn mentioned(row: &Row) -> bool {
    !row.cells.is_empty()
}

/// Whether the documents split on a claim: one contradicts it, they give more
/// than one value, an open claim has values, or the consensus is disputed.
pub(super) fn split(claims: &ClaimSet, row: &Row) -> bool {
    row.count(Status::Contradicts) > 0
        || row.groups.len() > 1
        || (claim(claims, row).open && !row.groups.is_empty())
        || row.consensus.as_ref().is_some_and(|v| !v.settled())
}

/// What the claims say of a split claim: `the claims say: ice axe`, or `open
/// question`.
pub(super) fn stance(claims: &ClaimSet, row: &Row) -> String {
    let c = claim(claims, row);
    if c.open {
        "open question".to_string()
    } else {
        format!("the claims say: {}", value(claims, row))
    }
}

/// One group of equal values: `3 sources say ice pick: D1, D3, D4`, with the
/// weight where a consensus weighs it or trust makes it differ from the count.
pub(super) fn group_line(group: &Group, weighed: bool) -> String {
    let n = group.documents.len();
    let says = if n == 1 {
        "1 source says".to_string()
    } else {
        format!("{n} sources say")
    };
    let claimed = if group.claimed {
        " (the claim's value)"
    } else {
        ""
    };
    let weight = if weighed || (group.weight - n as f64).abs() > 1e-9 {
        format!(" (weight {})", consensus::weight(group.weight))
    } else {
        String::new()
    };
    format!(
        "{says} {}{claimed}: {}{weight}",
        group.shown,
        labels(&group.documents)
    )
}

/// The verdict of the consensus: `settled: ice axe (67% of the weight)` or
/// `disputed: a tie: …`.
pub(super) fn verdict_line(verdict: &Verdict, row: &Row) -> String {
    match verdict.winner.and_then(|w| row.groups.get(w)) {
        Some(g) => format!(
            "settled: {} ({:.0}% of the weight)",
            g.shown,
            verdict.share * 100.0
        ),
        None => format!(
            "disputed: {}",
            verdict.reason.as_deref().unwrap_or("no clear majority")
        ),
    }
}

/// A status with the word that set it: `hedged (reportedly)`.
pub(super) fn status_words(status: Status, cue: Option<&str>) -> String {
    match cue {
        Some(cue) if matches!(status, Status::Negated | Status::Hedged | Status::Quoted) => {
            format!("{} ({cue})", status.as_str())
        }
        _ => status.as_str().to_string(),
    }
}

/// The counts of a row that are not zero, each with its status's mark: `✗3 ·2`.
pub(super) fn counts(row: &Row) -> Vec<(Status, String)> {
    Status::ALL
        .iter()
        .filter(|s| row.count(**s) > 0)
        .map(|s| (*s, format!("{}{}", mark(*s), row.count(*s))))
        .collect()
}

/// `n` and a noun, in the plural unless `n` is 1.
pub(super) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The last line of a report: `5 documents, 65 claims: 9 contradictions, 0
/// disputed`.
pub(super) fn summary(m: &Matrix) -> String {
    let contradictions: usize = m.rows.iter().map(|r| r.count(Status::Contradicts)).sum();
    let disputed = m
        .rows
        .iter()
        .filter(|r| r.consensus.as_ref().is_some_and(|c| !c.settled()))
        .count();
    format!(
        "{}, {}: {}, {disputed} disputed",
        plural(m.documents.len(), "document"),
        plural(m.rows.len(), "claim"),
        plural(contradictions, "contradiction"),
    )
}

/// The line that says how many claims no document mentions, where any.
pub(super) fn left_out(m: &Matrix) -> Option<String> {
    let n = m.rows.iter().filter(|r| !mentioned(r)).count();
    (n > 0).then(|| {
        format!(
            "{} that no document mentions {} left out.",
            plural(n, "claim"),
            if n == 1 { "is" } else { "are" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn a_row_splits_on_a_contradiction_several_values_or_an_open_question() {
        let (claims, m) = fixture::matrix();
        let split: Vec<&str> = m
            .rows
            .iter()
            .filter(|r| split(&claims, r))
            .map(|r| claims.claims[r.claim].id.0.as_str())
            .collect();
        assert_eq!(split, ["lamp.color", "beam.range"]);
    }

    #[test]
    fn groups_show_their_weight_where_it_is_not_the_count() {
        let (_, m) = fixture::matrix();
        let groups = &m.rows[0].groups;
        assert_eq!(
            group_line(&groups[0], false),
            "2 sources say green: D1, D3 (weight 3)"
        );
        assert_eq!(
            group_line(&groups[1], false),
            "1 source says red (the claim's value): D2"
        );
        assert_eq!(
            group_line(&groups[1], true),
            "1 source says red (the claim's value): D2 (weight 1)"
        );
    }

    #[test]
    fn verdicts_and_summary_read_as_sentences() {
        let (claims, m) = fixture::matrix();
        let open = &m.rows[2];
        assert_eq!(stance(&claims, open), "open question");
        assert_eq!(value(&claims, open), "?");
        assert_eq!(
            verdict_line(open.consensus.as_ref().unwrap(), open),
            "disputed: a tie: 30 km and 40 km weigh 1 each"
        );
        assert_eq!(
            summary(&m),
            "3 documents, 4 claims: 2 contradictions, 1 disputed"
        );
        assert_eq!(
            left_out(&m).as_deref(),
            Some("1 claim that no document mentions is left out.")
        );
        assert_eq!(
            describe(&m.documents[2]).as_deref(),
            Some("Harbour Gazette, newspaper, trust 2")
        );
        assert_eq!(describe(&m.documents[0]), None);
    }

    #[test]
    fn a_cue_is_shown_with_its_status_only_where_it_set_it() {
        assert_eq!(
            status_words(Status::Hedged, Some("reportedly")),
            "hedged (reportedly)"
        );
        assert_eq!(status_words(Status::Agrees, Some("not")), "agrees");
        assert_eq!(status_words(Status::Negated, None), "negated");
    }
}
