//! `factlint fix` (and `check --fix`, `check --diff`): the machine-applicable
//! fixes of each file applied to its text, then printed as a diff or written
//! through [`crate::fix::write`], which leaves a file it cannot write safely as
//! it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::stream::Run;
use super::{ExitStatus, complain};
use crate::fix::write::{Trees, resolve, write_fixed};
use crate::fix::{
    Edit, EditOutcome, Rejection, WriteOps, machine_edits, plan_checked, unified_diff,
};
use crate::lint::check_text;
use crate::report::{FileResult, Origin};

/// Applies (or, with `--diff`, prints) the machine-applicable fixes of every file,
/// writing only inside the trees of `paths`, and drops the findings they fix. A
/// file that cannot be written keeps its findings, and the run exits 2. A fix
/// that the fixed text, checked again, finds wanting is left out
/// ([`plan_checked`]), and its finding stays.
pub(super) fn apply_fixes(
    results: &mut [FileResult],
    run: &Run<'_>,
    paths: &[PathBuf],
    ops: &mut dyn WriteOps,
) -> ExitStatus {
    let args = run.args;
    let trees = Trees::new(paths);
    let mut status = ExitStatus::Clean;
    let mut fixed = 0;
    let mut files = 0;
    // The files written, by their resolved path, with the text each held and the
    // text it was given: a file named twice (itself and a link to it) is written
    // once.
    let mut written = Vec::new();
    for r in results.iter_mut() {
        let outcome = plan(r, run);
        let withheld = outcome
            .rejected
            .iter()
            .filter(|(_, why)| *why == Rejection::Rereads)
            .count();
        if withheld > 0 && !args.quiet {
            complain(&format!(
                "{}: {withheld} fix{} not applied: with it, its sentence would read differently",
                r.path,
                if withheld == 1 { "" } else { "es" }
            ));
        }
        if outcome.applied.is_empty() {
            continue;
        }
        if args.diff {
            let diff = unified_diff(&r.path, &r.text, &outcome.text);
            match std::io::stdout().write_all(diff.as_bytes()) {
                Ok(()) => continue,
                // A reader that stopped early (`| head -1`): nothing more to print.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return status,
                Err(e) => {
                    complain(&e.to_string());
                    return ExitStatus::Error;
                }
            }
        }
        let done = if r.from_stdin {
            Err("standard input cannot be fixed in place; use --diff".to_string())
        } else if r.origin != Origin::default() {
            // Never met: a file to fix is read whole. Said rather than assumed.
            Err("only part of it was read; not fixed".to_string())
        } else {
            // The name as the walk gave it: a name that is not UTF-8 is shown
            // with U+FFFD in `path`, which names no file.
            let path = r.file.as_deref().unwrap_or_else(|| Path::new(&r.path));
            write(path, &r.text, &outcome.text, &trees, ops, &mut written)
        };
        match done {
            Ok(Written::Now) => {
                fixed += outcome.applied.len();
                files += 1;
                drop_fixed(r, &outcome.applied);
            }
            Ok(Written::Before) => drop_fixed(r, &outcome.applied),
            Err(message) => {
                complain(&format!("{}: {message}", r.path));
                status = ExitStatus::Error;
            }
        }
    }
    if args.fix && !args.diff && !args.quiet {
        complain(&format!(
            "fixed {fixed} finding{} in {files} file{}",
            if fixed == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" }
        ));
    }
    status
}

/// The machine-applicable fixes of a file's findings applied to its text, each
/// checked by checking the fixed text as the file was checked.
fn plan(r: &FileResult, run: &Run<'_>) -> EditOutcome {
    plan_checked(&r.text, machine_edits(&r.findings), |fixed| {
        let again = check_text(
            r.path.clone(),
            fixed.to_string(),
            r.from_stdin,
            run.claims,
            run.matcher,
            run.options,
        );
        again
            .findings
            .into_iter()
            .map(|f| (f.claim, f.span))
            .collect()
    })
}

/// Drops the findings that the `applied` edits fixed; those of the edits left
/// out (overlapping, or no longer reading their words) stay in the report.
fn drop_fixed(r: &mut FileResult, applied: &[Edit]) {
    r.findings.retain(|f| {
        !applied
            .iter()
            .any(|e| e.span == f.span && e.expect == f.found)
    });
}

/// Whether a file was written now, or already, through another of its names.
enum Written {
    Now,
    Before,
}

/// Writes the fixed text of the file at `path`, unless the same fix was already
/// written through another of its names in this run.
fn write(
    path: &Path,
    checked: &str,
    fixed: &str,
    trees: &Trees,
    ops: &mut dyn WriteOps,
    written: &mut Vec<(PathBuf, String, String)>,
) -> Result<Written, String> {
    let real = resolve(path, trees).map_err(|e| e.to_string())?;
    if written
        .iter()
        .any(|(p, before, after)| *p == real && before == checked && after == fixed)
    {
        return Ok(Written::Before);
    }
    write_fixed(&real, checked, fixed, ops).map_err(|e| e.to_string())?;
    written.push((real, checked.to_string(), fixed.to_string()));
    Ok(Written::Now)
}
