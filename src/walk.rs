//! Walking: the paths a user names to the files to check.
//!
//! Directories are walked with the `ignore` crate (ripgrep's walker): `.gitignore`,
//! `.ignore` and hidden files are respected, in or out of a git repository. A file
//! named on the command line is always checked. The list is sorted so that output
//! never depends on the order of the file system.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// A problem met while walking; the walk goes on.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// Every file under `paths`, sorted, with the problems met on the way.
pub fn walk_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if root.is_file() || root == Path::new("-") {
            files.push(root.clone());
            continue;
        }
        if !root.exists() {
            errors.push(WalkError {
                path: root.clone(),
                message: "no such file or directory".to_string(),
            });
            continue;
        }
        let walker = WalkBuilder::new(root)
            .require_git(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    files.push(e.into_path());
                }
                Ok(_) => {}
                Err(err) => errors.push(WalkError {
                    path: root.clone(),
                    message: err.to_string(),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// The path as reports show it: as given, with forward slashes and no `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}
