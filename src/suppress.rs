//! Suppression comments: `factlint: ignore[claim.id] reason`.
//!
//! A directive silences the named claims (comma-separated) on the next sentence
//! only. It is read inside an HTML or Markdown comment (`<!-- factlint:
//! ignore[death.weapon] quoting the 1940 report -->`) or, in any file, on a line of
//! its own (optionally after a comment marker: `#`, `//`, `%`, `;`, `--`). A
//! directive without a reason, or that silences nothing, is itself a warning: a
//! suppression must say why and must still be needed.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::check::Finding;
use crate::claims::{ClaimSet, Severity};
use crate::document::Document;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mR)(?:<!--[ \t]*|^[ \t]*(?:#+|//|%|;|--)?[ \t]*)factlint:[ \t]*ignore\[(?P<ids>[^\]\r\n]*)\](?P<reason>[^\r\n]*?)[ \t]*(?:-->|$)")
        .expect("valid regex")
});

/// The word that opens a directive, searched for with a searcher built once
/// (`str::contains` builds one for each search, and the word is looked for in
/// every line a sentence splitter reads and every paragraph a part is cut into).
static OPENER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("factlint:"));

/// Whether `text` holds the word that opens a directive (`factlint:`).
pub fn mentions_directive(text: &str) -> bool {
    OPENER.find(text.as_bytes()).is_some()
}

/// Whether `line` (one line, without its line break) is a directive and nothing
/// else: a line of its own, never read as words of the sentence after it.
pub fn is_directive_line(line: &str) -> bool {
    mentions_directive(line)
        && DIRECTIVE
            .find(line)
            .is_some_and(|m| m.start() == 0 && line[m.end()..].trim().is_empty())
}

/// One suppression directive in a file.
#[derive(Debug, Clone)]
pub struct Directive {
    /// Source bytes of the directive.
    pub span: Range<usize>,
    pub claims: Vec<String>,
    pub reason: String,
    /// Source bytes of the sentence it silences.
    pub target: Range<usize>,
}

/// Every directive in `doc`, each with the sentence it applies to.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let source = doc.source();
    if !mentions_directive(source) {
        return Vec::new();
    }
    let sentences: Vec<Range<usize>> = doc
        .sentences
        .iter()
        .map(|s| {
            doc.source_range(crate::document::sentences::trimmed(
                &doc.text,
                s.range.clone(),
            ))
        })
        .collect();
    DIRECTIVE
        .captures_iter(source)
        .map(|c| {
            let m = c.get(0).expect("group 0");
            let rest = &source[m.end()..];
            let next = m.end() + (rest.len() - rest.trim_start().len());
            // The sentence holding the first words after the directive, from there on.
            let target = sentences
                .iter()
                .find(|s| s.end > next)
                .map_or(next..next, |s| next.max(s.start)..s.end);
            Directive {
                span: m.range(),
                claims: c["ids"]
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                reason: c["reason"].trim().to_string(),
                target,
            }
        })
        .collect()
}

/// Removes the findings that directives silence, and returns a warning for each
/// directive that silenced nothing or gives no reason.
pub fn apply(
    doc: &Document,
    claims: &ClaimSet,
    findings: &mut Vec<Finding>,
    directive_claim: Option<usize>,
) -> Vec<Finding> {
    let dirs = directives(doc);
    if dirs.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; dirs.len()];
    findings.retain(|f| {
        let id = &claims.claims[f.claim].id.0;
        match dirs.iter().position(|d| {
            d.claims.iter().any(|c| c == id)
                && d.target.start <= f.span.start
                && f.span.start < d.target.end.max(d.target.start + 1)
        }) {
            Some(k) => {
                used[k] = true;
                false
            }
            None => true,
        }
    });
    let Some(claim) = directive_claim else {
        return Vec::new();
    };
    let source = doc.source();
    let mut out = Vec::new();
    for (d, used) in dirs.iter().zip(used) {
        let problem = match (d.reason.is_empty(), used) {
            (true, _) => "suppression without a reason: say why after the brackets",
            (false, false) => "unused suppression: nothing in the next sentence needs it",
            (false, true) => continue,
        };
        let text = source[d.span.clone()].trim();
        out.push(Finding {
            claim,
            severity: Severity::Warning,
            span: d.span.clone(),
            sentence: d.span.clone(),
            found: source[d.span.clone()].to_string(),
            expected: String::new(),
            message: format!("{problem} (ignore[{}])", d.claims.join(", ")),
            label: format!("in {}", text.chars().take(60).collect::<String>()),
            fix: None,
            mode: crate::scan::AssertionMode::Asserted,
            cue: None,
            remark: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_in_comments_and_on_their_own_line() {
        let doc = Document::new("a.md", "Intro.\n\n<!-- factlint: ignore[death.weapon, death.date] quoting the report -->\nHe used an ice pick. Next one.\n".to_string());
        let d = directives(&doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].claims, vec!["death.weapon", "death.date"]);
        assert_eq!(d[0].reason, "quoting the report");
        assert_eq!(&doc.source()[d[0].target.clone()], "He used an ice pick.");
        let doc = Document::new("a.txt", "# factlint: ignore[death.weapon]\nHe used an ice pick.\nA mention of factlint: ignore[x] in prose is not one.\n".to_string());
        let d = directives(&doc);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].reason, "");
    }

    #[test]
    fn a_directive_line_ends_with_any_line_break() {
        for nl in ["\n", "\r\n", "\r"] {
            let text = format!(
                "Intro.{nl}# factlint: ignore[death.weapon] quoting it{nl}He used an ice pick. Next one.{nl}"
            );
            let doc = Document::new("a.txt", text);
            let d = directives(&doc);
            assert_eq!(d.len(), 1, "{nl:?}");
            assert_eq!(d[0].claims, vec!["death.weapon"]);
            assert_eq!(d[0].reason, "quoting it", "{nl:?}");
            assert_eq!(&doc.source()[d[0].target.clone()], "He used an ice pick.");
        }
    }

    #[test]
    fn a_directive_line_is_no_part_of_the_sentences_around_it() {
        // Without a full stop, the lines would otherwise be read as one sentence.
        let text = "He wrote books\nfactlint: ignore[death.weapon] REASON\nHe used an ice pick\n";
        let doc = Document::new("a.txt", text.to_string());
        let sentences: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.text[s.range.clone()].trim())
            .collect();
        assert_eq!(
            sentences,
            vec![
                "He wrote books",
                "factlint: ignore[death.weapon] REASON",
                "He used an ice pick"
            ]
        );
        let d = directives(&doc);
        assert_eq!(&doc.source()[d[0].target.clone()], "He used an ice pick");
        assert!(is_directive_line("  // factlint: ignore[a, b] why"));
        assert!(is_directive_line("<!-- factlint: ignore[a] why -->"));
        assert!(!is_directive_line(
            "A mention of factlint: ignore[x] in prose."
        ));
        assert!(!is_directive_line(
            "factlint: ignore[x] why --> and more words"
        ));
    }
}
