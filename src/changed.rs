//! `--changed-since REV`: the lines a git revision has not seen.
//!
//! Runs `git diff --unified=0 REV` (and lists untracked files, which are new in
//! full) in the working directory's repository and keeps the added or changed
//! line ranges of each file, by absolute path.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Changed lines (1-based, inclusive ranges) of each changed file; `None` for a
/// whole new file.
#[derive(Debug, Default)]
pub struct Changes {
    files: HashMap<PathBuf, Option<Vec<(usize, usize)>>>,
}

fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl Changes {
    /// The changes since `rev` in the repository of the working directory.
    /// A revision that starts with `-` is refused: git would read it as an
    /// option (`--output=FILE` writes a file).
    pub fn since(rev: &str) -> Result<Changes, String> {
        if rev.starts_with('-') {
            return Err(format!(
                "`{rev}` is not a revision: a revision cannot start with `-`"
            ));
        }
        let root = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim());
        let diff = git(&[
            "diff",
            "--unified=0",
            "--no-color",
            "--no-ext-diff",
            "--relative=",
            "--end-of-options",
            rev,
            "--",
        ])?;
        let mut changes = Changes::default();
        let mut current: Option<PathBuf> = None;
        for line in diff.lines() {
            if let Some(p) = line.strip_prefix("+++ ") {
                current = p.strip_prefix("b/").map(|p| root.join(p));
                if let Some(c) = &current {
                    changes
                        .files
                        .entry(c.clone())
                        .or_insert_with(|| Some(Vec::new()));
                }
            } else if let (Some(h), Some(c)) = (line.strip_prefix("@@ "), &current) {
                // @@ -a,b +c,d @@
                let plus = h.split(' ').find(|p| p.starts_with('+')).unwrap_or("+0");
                let mut parts = plus[1..].split(',');
                let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
                let count: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(1);
                if count > 0
                    && let Some(Some(ranges)) = changes.files.get_mut(c)
                {
                    ranges.push((start, start + count - 1));
                }
            }
        }
        for p in git(&["ls-files", "--others", "--exclude-standard", "--full-name"])?.lines() {
            changes.files.insert(root.join(p), None);
        }
        // Compare canonical paths: the working directory may be reached through links.
        changes.files = changes
            .files
            .into_iter()
            .map(|(p, r)| (p.canonicalize().unwrap_or(p), r))
            .collect();
        Ok(changes)
    }

    /// Whether any line of `first..=last` of `path` changed.
    pub fn touches(&self, path: &Path, first: usize, last: usize) -> bool {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let abs = abs.canonicalize().unwrap_or(abs);
        match self.files.get(&abs) {
            None => false,
            Some(None) => true,
            Some(Some(ranges)) => ranges.iter().any(|&(a, b)| first <= b && a <= last),
        }
    }
}
