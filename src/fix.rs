//! Fixes: the replacement a finding suggests, and how safe it is to apply.

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: std::ops::Range<usize>,
    /// What the span must still read for the edit to apply.
    pub expect: String,
    pub replacement: String,
}

/// Applies `edits` to `source`: sorted, overlapping ones rejected, and each applied
/// only where its span still reads what it expects. Returns the new text and the
/// number of edits applied.
pub fn apply_edits(source: &str, mut edits: Vec<Edit>) -> (String, usize) {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    let mut applied = 0;
    for e in edits {
        let ok = e.span.start >= at
            && e.span.end <= source.len()
            && source.is_char_boundary(e.span.start)
            && source.is_char_boundary(e.span.end)
            && source[e.span.clone()] == e.expect;
        if !ok {
            continue;
        }
        out.push_str(&source[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
        applied += 1;
    }
    out.push_str(&source[at..]);
    (out, applied)
}

/// Writes `text` to `path` atomically: a temporary file in the same directory,
/// given the original's permissions, then renamed over it. The file is left alone,
/// with an error, where it no longer holds `expected` (it changed since it was read).
pub fn write_atomically(path: &std::path::Path, expected: &str, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let current = std::fs::read(path)?;
    if current != expected.as_bytes() {
        return Err(std::io::Error::other(
            "the file changed since it was read; left alone",
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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
        let (out, n) = apply_edits(
            src,
            vec![
                edit(19..27, "Ice pick", "Ice axe"),
                edit(3..11, "ice pick", "ice axe"),
                edit(5..9, "e pi", "x"),
            ],
        );
        assert_eq!(out, "an ice axe and an Ice axe\r\n");
        assert_eq!(n, 2);
        let (out, n) = apply_edits(src, vec![edit(3..11, "ice axe!", "x")]);
        assert_eq!((out.as_str(), n), (src, 0));
    }

    #[test]
    fn writes_atomically_and_keeps_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old\r\n").unwrap();
        write_atomically(&p, "old\r\n", "new\r\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\r\n");
        assert!(write_atomically(&p, "old\r\n", "newer").is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\r\n");
    }

    #[test]
    fn diffs_name_the_file() {
        let d = unified_diff("a.txt", "one\nice pick\n", "one\nice axe\n");
        assert!(d.starts_with("--- a/a.txt\n+++ b/a.txt\n"), "{d}");
        assert!(d.contains("-ice pick\n+ice axe\n"));
    }
}
