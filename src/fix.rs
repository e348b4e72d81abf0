//! Fixes: the replacement a finding suggests, how safe it is to apply, and
//! applying edits to a text. Writing the fixed text to its file is [`mod@write`]'s job.

pub mod checked;
pub mod write;

pub use checked::plan_checked;
pub use write::{RealOps, Step, Trees, WriteError, WriteOps, fix_in_place, write_atomically};

/// How safe a fix is to apply without a person reading it (ruff's and rustc's
/// applicability).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Unique and certain: a rejected term in the document's own statement.
    MachineApplicable,
    /// Shown to the reader, never applied by a tool (dates, numbers).
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::MachineApplicable => "machine-applicable",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// A replacement for a finding's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub replacement: String,
    pub applicability: Applicability,
}

/// `replacement` in the case of `original`: "Ice pick" → "Ice axe", "ICE PICK" →
/// "ICE AXE" (as typos and harper keep it).
pub fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_case_of_the_original() {
        assert_eq!(match_case("ice pick", "ice axe"), "ice axe");
        assert_eq!(match_case("Ice pick", "ice axe"), "Ice axe");
        assert_eq!(match_case("ICE PICK", "ice axe"), "ICE AXE");
        assert_eq!(match_case("petrograd", "St Petersburg"), "St Petersburg");
    }
}

/// One replacement in a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: std::ops::Range<usize>,
    /// What the span must still read for the edit to apply.
    pub expect: String,
    pub replacement: String,
}

/// Why an edit was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// It overlaps an edit that comes before it.
    Overlaps,
    /// Its span lies outside the text or cuts a character.
    OutOfBounds,
    /// Its span no longer reads the words it expects.
    Stale,
    /// The fixed text, read again, makes a finding of the same claim on the
    /// replacement: the fix would change how its sentence reads
    /// ([`plan_checked`]).
    Rereads,
}

/// What applying edits to a text gives: the new text, the edits applied, and the
/// others with the reason each was left out (so that their findings stay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditOutcome {
    pub text: String,
    pub applied: Vec<Edit>,
    pub rejected: Vec<(Edit, Rejection)>,
}

/// Applies `edits` to `source`: sorted, overlapping ones rejected, and each applied
/// only where its span still reads what it expects. Says which were applied and
/// why each of the others was not.
pub fn plan_edits(source: &str, mut edits: Vec<Edit>) -> EditOutcome {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    let mut applied = Vec::new();
    let mut rejected = Vec::new();
    for e in edits {
        let reason = if e.span.start < at {
            Some(Rejection::Overlaps)
        } else if e.span.start > e.span.end
            || e.span.end > source.len()
            || !source.is_char_boundary(e.span.start)
            || !source.is_char_boundary(e.span.end)
        {
            Some(Rejection::OutOfBounds)
        } else if source[e.span.clone()] != e.expect {
            Some(Rejection::Stale)
        } else {
            None
        };
        if let Some(reason) = reason {
            rejected.push((e, reason));
            continue;
        }
        text.push_str(&source[at..e.span.start]);
        text.push_str(&e.replacement);
        at = e.span.end;
        applied.push(e);
    }
    text.push_str(&source[at..]);
    EditOutcome {
        text,
        applied,
        rejected,
    }
}

/// The machine-applicable fixes of `findings`, each expecting the words its
/// finding found, with the index of the finding's claim.
pub fn machine_edits(findings: &[crate::check::Finding]) -> Vec<(usize, Edit)> {
    findings
        .iter()
        .filter_map(|f| {
            let fix = f.fix.as_ref()?;
            let edit = Edit {
                span: f.span.clone(),
                expect: f.found.clone(),
                replacement: fix.replacement.clone(),
            };
            (fix.applicability == Applicability::MachineApplicable).then_some((f.claim, edit))
        })
        .collect()
}

/// A unified diff of the change, with the path in its headers.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod edit_tests {
    use super::*;

    fn edit(s: std::ops::Range<usize>, expect: &str, by: &str) -> Edit {
        Edit {
            span: s,
            expect: expect.into(),
            replacement: by.into(),
        }
    }

    #[test]
    fn applies_sorted_edits_and_refuses_overlaps_and_stale_spans() {
        let src = "an ice pick and an Ice pick\r\n";
        let out = plan_edits(
            src,
            vec![
                edit(19..27, "Ice pick", "Ice axe"),
                edit(3..11, "ice pick", "ice axe"),
                edit(5..9, "e pi", "x"),
            ],
        );
        assert_eq!(out.text, "an ice axe and an Ice axe\r\n");
        assert_eq!(out.applied.len(), 2);
        let out = plan_edits(src, vec![edit(3..11, "ice axe!", "x")]);
        assert_eq!((out.text.as_str(), out.applied.len()), (src, 0));
    }

    #[test]
    fn says_why_each_edit_left_out_was_left_out() {
        let src = "an ice pick, a café pick";
        let out = plan_edits(
            src,
            vec![
                edit(3..11, "ice pick", "ice axe"),
                edit(7..11, "pick", "axe"),
                edit(15..20, "cafe", "x"),
                edit(21..25, "PICK", "x"),
                edit(20..40, " pick", "x"),
            ],
        );
        assert_eq!(out.text, "an ice axe, a café pick");
        assert_eq!(out.applied, vec![edit(3..11, "ice pick", "ice axe")]);
        let reasons: Vec<(std::ops::Range<usize>, Rejection)> = out
            .rejected
            .iter()
            .map(|(e, r)| (e.span.clone(), *r))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (7..11, Rejection::Overlaps),
                (15..20, Rejection::Stale),
                (20..40, Rejection::OutOfBounds),
                (21..25, Rejection::Stale),
            ]
        );
        // A span that cuts a character is out of bounds, not a panic.
        let cut = plan_edits(src, vec![edit(18..19, "\u{e9}", "e")]);
        assert_eq!(cut.rejected[0].1, Rejection::OutOfBounds);
        assert_eq!(cut.text, src);
    }

    #[test]
    fn diffs_name_the_file() {
        let d = unified_diff("a.txt", "one\nice pick\n", "one\nice axe\n");
        assert!(d.starts_with("--- a/a.txt\n+++ b/a.txt\n"), "{d}");
        assert!(d.contains("-ice pick\n+ice axe\n"));
    }
}
