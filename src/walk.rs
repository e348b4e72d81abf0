//! Walking: the paths a user names to the files to check.
//!
//! Directories are walked with the `ignore` crate (ripgrep's walker): `.gitignore`,
//! `.ignore` and hidden files are respected, in or out of a git repository. A file
//! named on the command line is always checked. The list is sorted so that output
//! never depends on the order of the file system.
//!
//! Only regular files are checked. A symbolic link met in a walk is not followed
//! (as in ripgrep), so a link loop or a broken link there is passed over; one named
//! on the command line is followed, and a loop or a broken one is an error. A named
//! pipe, a socket or a device is never opened (a pipe would block, a device may not
//! end): met in a walk it is skipped with a note; named, it is an error, and a pipe's
//! message says to redirect it to standard input (issue 12).

use std::fs::{self, FileType};
use std::io;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// A problem met while walking; the walk goes on.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
    /// A file passed over on purpose (a pipe, a socket or a device met in a
    /// walk): reported as a note, not as an error.
    pub note: bool,
}

impl WalkError {
    fn error(path: &Path, message: String) -> WalkError {
        WalkError {
            path: path.to_path_buf(),
            message,
            note: false,
        }
    }
}

/// Every file under `paths`, sorted, with the problems met on the way.
pub fn walk_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if root == Path::new("-") {
            files.push(root.clone());
            continue;
        }
        match fs::metadata(root) {
            Ok(m) if m.is_file() => files.push(root.clone()),
            Ok(m) if m.is_dir() => walk_dir(root, &mut files, &mut errors),
            Ok(m) => errors.push(WalkError::error(root, named_special(root, &m.file_type()))),
            Err(e) => errors.push(WalkError::error(root, missing(root, &e))),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// The regular files under the directory `root`, in `files`; the special files
/// passed over and the problems met, in `errors`.
fn walk_dir(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let walker = WalkBuilder::new(root)
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => match e.file_type() {
                Some(t) if t.is_file() => files.push(e.into_path()),
                Some(t) => {
                    if let Some(kind) = special_kind(&t) {
                        errors.push(WalkError {
                            path: e.into_path(),
                            message: format!("{kind}, skipped"),
                            note: true,
                        });
                    }
                }
                None => {}
            },
            Err(err) => {
                let (path, message) = unwrap_error(err);
                errors.push(WalkError::error(path.as_deref().unwrap_or(root), message));
            }
        }
    }
}

/// What kind of special file `t` is: none for a regular file, a directory or a
/// symbolic link.
pub fn special_kind(t: &FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("named pipe (FIFO)");
        }
        if t.is_socket() {
            return Some("socket");
        }
        if t.is_char_device() {
            return Some("character device");
        }
        if t.is_block_device() {
            return Some("block device");
        }
    }
    let ordinary = t.is_file() || t.is_dir() || t.is_symlink();
    (!ordinary).then_some("special file")
}

/// The error of a special file named on the command line.
fn named_special(path: &Path, t: &FileType) -> String {
    let kind = special_kind(t).unwrap_or("special file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            // Reading a pipe waits for a writer, maybe forever: the user says
            // so by handing it over as standard input.
            return format!(
                "{kind}, not read: to check what it carries, redirect it to standard input (factlint check - < {})",
                display_path(path)
            );
        }
    }
    let _ = path;
    format!("{kind}, not a regular file: skipped")
}

/// Why a path named on the command line cannot be looked at: a broken symbolic
/// link and a loop of links are told apart from a missing path.
fn missing(path: &Path, e: &io::Error) -> String {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        io::ErrorKind::NotFound if link => {
            let target = fs::read_link(path).map(|t| display_path(&t));
            format!(
                "broken symbolic link: its target, {}, does not exist",
                target.unwrap_or_default()
            )
        }
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        _ if link && is_loop(e) => "symbolic link loop".to_string(),
        _ => e.to_string(),
    }
}

/// Whether `e` says that symbolic links loop.
fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// The path an error of the walker is about, where it names one, and its message
/// without that path.
fn unwrap_error(err: ignore::Error) -> (Option<PathBuf>, String) {
    match err {
        ignore::Error::WithPath { path, err } => {
            // The walker's I/O errors may name the path again.
            let message = unwrap_error(*err).1;
            let again = format!("IO error for operation on {}: ", path.display());
            let message = message
                .strip_prefix(&again)
                .map_or(message.clone(), str::to_string);
            (Some(path), message)
        }
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            unwrap_error(*err)
        }
        ignore::Error::Loop { child, .. } => (Some(child), "symbolic link loop".to_string()),
        other => (None, other.to_string()),
    }
}

/// The path as reports show it: as given, with forward slashes and no `./`.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walkers_errors_name_their_path_once() {
        let inner = ignore::Error::Io(io::Error::from(io::ErrorKind::PermissionDenied));
        let err = ignore::Error::WithDepth {
            depth: 1,
            err: Box::new(ignore::Error::WithPath {
                path: PathBuf::from("docs/locked"),
                err: Box::new(inner),
            }),
        };
        let (path, message) = unwrap_error(err);
        assert_eq!(path, Some(PathBuf::from("docs/locked")));
        assert_eq!(message, "permission denied");
        let inner = io::Error::other("IO error for operation on docs/locked: Permission denied");
        let err = ignore::Error::WithPath {
            path: PathBuf::from("docs/locked"),
            err: Box::new(ignore::Error::Io(inner)),
        };
        assert_eq!(unwrap_error(err).1, "Permission denied");
    }
}
