//! Code actions on a finding: apply its machine-applicable fix, insert a
//! suppression comment for its claim (with a reason to write), and open the
//! claim where its value is declared.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, Diagnostic, Location, TextEdit,
    WorkspaceEdit,
};

use super::diagnostics::{claim_location, finding_diagnostic};
use super::position::Positions;
use super::store::OpenDocument;
use crate::check::Finding;
use crate::document::lines::LineIndex;
use crate::document::markup::Markup;
use crate::fix::Applicability;

/// The command that opens a claim: its one argument is the claim's `Location`.
pub const OPEN_CLAIM: &str = "factlint.openClaim";

/// What a suppression comment gives as its reason until the writer replaces it.
pub const REASON_PLACEHOLDER: &str = "REASON";

/// The code actions of the findings that meet `range` (in either order). `open_claim` says
/// whether the client can be asked to show a document (for "open the claim").
pub fn code_actions(
    doc: &OpenDocument,
    range: lsp_types::Range,
    pos: Positions<'_>,
    markup: Markup,
    open_claim: bool,
) -> Vec<CodeActionOrCommand> {
    // A range whose end comes before its start is taken as the same bytes.
    let (a, b) = (pos.offset(range.start), pos.offset(range.end));
    let span = a.min(b)..a.max(b);
    let mut out = Vec::new();
    for (f, project) in doc.findings_at(span) {
        let Ok(loaded) = &project.loaded else {
            continue;
        };
        let claim = &loaded.claims.claims[f.claim];
        let diagnostic = finding_diagnostic(f, pos, loaded, &project.claims_paths);
        let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
            changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        };
        if let Some(fix) = f
            .fix
            .as_ref()
            .filter(|x| x.applicability == Applicability::MachineApplicable)
        {
            out.push(quick_fix(
                format!("Replace with \"{}\"", fix.replacement),
                &diagnostic,
                edit(vec![TextEdit::new(
                    pos.range(f.span.clone()),
                    fix.replacement.clone(),
                )]),
                true,
            ));
        }
        if Some(f.claim) != loaded.claims.directive_claim {
            let (at, text) = suppression(&doc.text, &doc.lines, f, &claim.id.0, markup);
            let r = pos.range(at..at);
            out.push(quick_fix(
                format!("Suppress {} in this sentence", claim.id),
                &diagnostic,
                edit(vec![TextEdit::new(r, text)]),
                false,
            ));
        }
        let location = claim_location(loaded, &project.claims_paths, f.claim, pos.encoding);
        if let Some(location) = location.filter(|_| open_claim) {
            out.push(open(&claim.id.0, location));
        }
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

fn quick_fix(
    title: String,
    diagnostic: &Diagnostic,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    }
}

fn open(id: &str, location: Location) -> CodeAction {
    let title = format!("Open the claim {id}");
    CodeAction {
        title: title.clone(),
        kind: Some(CodeActionKind::EMPTY),
        command: Some(Command {
            title,
            command: OPEN_CLAIM.to_string(),
            arguments: Some(vec![serde_json::to_value(location).unwrap_or_default()]),
        }),
        ..CodeAction::default()
    }
}

/// Where the suppression comment of `finding`'s claim goes, and its text: on a
/// line of its own above a sentence that starts its line; else, in Markdown and
/// HTML, as a comment just before the sentence, and in plain text (where a
/// directive needs a line of its own) on a new line that the sentence follows.
/// A new line ends as the sentence's line does (`\n`, `\r\n` or `\r`); `lines`
/// is the index of `source`.
pub fn suppression(
    source: &str,
    lines: &LineIndex,
    finding: &Finding,
    id: &str,
    markup: Markup,
) -> (usize, String) {
    let start = finding
        .sentence
        .start
        .min(finding.span.start)
        .min(source.len());
    let line = lines.line_of(start);
    let line_start = lines.line_start(line).unwrap_or(0);
    let before = source.get(line_start..start).unwrap_or_default();
    let eol = line_break(source, lines, line);
    let directive = format!("factlint: ignore[{id}] {REASON_PLACEHOLDER}");
    let directive = match markup {
        Markup::Markdown | Markup::Html => format!("<!-- {directive} -->"),
        Markup::Text => directive,
    };
    if before.trim().is_empty() {
        (line_start, format!("{before}{directive}{eol}"))
    } else if markup == Markup::Text {
        (start, format!("{eol}{directive}{eol}"))
    } else {
        (start, format!("{directive} "))
    }
}

/// The line break that ends line `line` of `source`; the last line, which has
/// none, takes the one before it, and a text of one line a line feed.
fn line_break<'s>(source: &'s str, lines: &LineIndex, line: usize) -> &'s str {
    let ending = |l: usize| lines.line_break(source, l).and_then(|b| source.get(b));
    ending(line)
        .or_else(|| line.checked_sub(1).and_then(ending))
        .unwrap_or("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(source: &str, sentence: &str, words: &str) -> Finding {
        let s = source.find(sentence).unwrap();
        let w = source.find(words).unwrap();
        Finding {
            claim: 0,
            severity: crate::claims::Severity::Error,
            span: w..w + words.len(),
            sentence: s..s + sentence.len(),
            found: words.into(),
            expected: String::new(),
            message: String::new(),
            label: String::new(),
            fix: None,
            mode: crate::scan::AssertionMode::Asserted,
            cue: None,
            remark: None,
        }
    }

    fn applied(source: &str, sentence: &str, markup: Markup) -> String {
        let f = finding(source, sentence, "ice pick");
        let (at, text) = suppression(source, &LineIndex::new(source), &f, "death.weapon", markup);
        format!("{}{text}{}", &source[..at], &source[at..])
    }

    #[test]
    fn a_sentence_opening_its_line_gets_a_line_above() {
        let md = "# Exile\n\n  He was struck with an ice pick.\n";
        assert_eq!(
            applied(md, "He was struck with an ice pick.", Markup::Markdown),
            "# Exile\n\n  <!-- factlint: ignore[death.weapon] REASON -->\n  He was struck with an ice pick.\n"
        );
        let txt = "He was struck with an ice pick.\n";
        assert_eq!(
            applied(txt, "He was struck with an ice pick.", Markup::Text),
            "factlint: ignore[death.weapon] REASON\nHe was struck with an ice pick.\n"
        );
    }

    #[test]
    fn a_sentence_inside_its_line_gets_a_comment_or_a_new_line() {
        let html = "<p>He lived in Mexico. He was struck with an ice pick.</p>";
        assert_eq!(
            applied(html, "He was struck with an ice pick.", Markup::Html),
            "<p>He lived in Mexico. <!-- factlint: ignore[death.weapon] REASON --> He was struck with an ice pick.</p>"
        );
        let txt = "He lived in Mexico. He was struck with an ice pick.\n";
        assert_eq!(
            applied(txt, "He was struck with an ice pick.", Markup::Text),
            "He lived in Mexico. \nfactlint: ignore[death.weapon] REASON\nHe was struck with an ice pick.\n"
        );
    }

    #[test]
    fn a_new_line_ends_as_the_sentences_line_does() {
        let crlf = "# Exile\r\n\r\n  He was struck with an ice pick.\r\n";
        assert_eq!(
            applied(crlf, "He was struck with an ice pick.", Markup::Markdown),
            "# Exile\r\n\r\n  <!-- factlint: ignore[death.weapon] REASON -->\r\n  He was struck with an ice pick.\r\n"
        );
        let cr = "# Exile\r\rHe was struck with an ice pick.\r";
        assert_eq!(
            applied(cr, "He was struck with an ice pick.", Markup::Markdown),
            "# Exile\r\r<!-- factlint: ignore[death.weapon] REASON -->\rHe was struck with an ice pick.\r"
        );
        // The last line has no break: the one before it is taken.
        let txt = "Notes.\r\nHe lived in Mexico. He was struck with an ice pick.";
        assert_eq!(
            applied(txt, "He was struck with an ice pick.", Markup::Text),
            "Notes.\r\nHe lived in Mexico. \r\nfactlint: ignore[death.weapon] REASON\r\nHe was struck with an ice pick."
        );
        // One line without a break: a line feed.
        let one = "He was struck with an ice pick.";
        assert_eq!(
            applied(one, "He was struck with an ice pick.", Markup::Text),
            "factlint: ignore[death.weapon] REASON\nHe was struck with an ice pick."
        );
        // A line feed after a carriage return that ends the line before it.
        let mixed = "Notes.\rMore.\nHe was struck with an ice pick.\n";
        assert_eq!(
            applied(mixed, "He was struck with an ice pick.", Markup::Text),
            "Notes.\rMore.\nfactlint: ignore[death.weapon] REASON\nHe was struck with an ice pick.\n"
        );
    }

    #[test]
    fn the_inserted_directives_silence_the_finding() {
        use crate::document::Document;
        let toml = "[[claim]]\nid = \"death.weapon\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n";
        let claims = crate::claims::parse_claims(vec![("c.toml".into(), toml.into())]).unwrap();
        let matcher = crate::scan::Matcher::new(&claims).unwrap();
        for (name, source, markup) in [
            (
                "a.md",
                "He lived in Mexico. He was struck with an ice pick.\n",
                Markup::Markdown,
            ),
            (
                "a.html",
                "<p>He lived in Mexico. He was struck with an ice pick.</p>\n",
                Markup::Html,
            ),
            (
                "a.txt",
                "He lived in Mexico. He was struck with an ice pick.\n",
                Markup::Text,
            ),
            ("b.txt", "He was struck with an ice pick.\n", Markup::Text),
            (
                "c.md",
                "# Exile\r\rHe lived in Mexico. He was struck with an ice pick.\r",
                Markup::Markdown,
            ),
            (
                "d.md",
                "# Exile\r\n\r\nHe was struck with an ice pick.\r\n",
                Markup::Markdown,
            ),
            (
                "c.txt",
                "Notes.\r\nHe lived in Mexico. He was struck with an ice pick.\r\n",
                Markup::Text,
            ),
            (
                "d.txt",
                "Notes.\r\nHe was struck with an ice pick.\r\n",
                Markup::Text,
            ),
        ] {
            let doc = Document::new(name, source.to_string());
            let found = crate::lint::lint_document(&doc, &claims, &matcher);
            assert_eq!(found.len(), 1, "{name}");
            let lines = LineIndex::new(source);
            let (at, text) = suppression(source, &lines, &found[0], "death.weapon", markup);
            let fixed = format!("{}{text}{}", &source[..at], &source[at..]);
            let doc = Document::new(name, fixed.clone());
            let after = crate::lint::lint_document(&doc, &claims, &matcher);
            assert!(after.is_empty(), "{name}: {fixed:?} {after:?}");
        }
    }
}
