//! Claims files and `factlint.toml` checked as they are edited: the spanned
//! errors (and warnings) the command line prints for them, computed from the
//! editor's buffers where they are open and from the disk elsewhere.

use std::path::{Path, PathBuf};

use super::diagnostics::Problem;
use super::project::{Project, claims_paths, disable};
use crate::claims::{Severity, parse_claims};
use crate::config::parse_config;
use crate::walk::display_path;

/// The text of a file: the open buffer's, else the disk's.
pub type Reader<'a> = dyn Fn(&Path) -> Option<String> + 'a;

/// The problems of the claims file `path` of `project`, read with the other
/// claims files of the project (a duplicate id spans files).
pub fn claims_file_problems(project: &Project, path: &Path, read: &Reader<'_>) -> Vec<Problem> {
    let mut files = Vec::new();
    let mut this = None;
    for p in &project.claims_paths {
        if let Some(text) = read(p) {
            if p == path {
                this = Some(files.len());
            }
            files.push((display_path(p), text));
        }
    }
    let Some(this) = this else {
        return Vec::new();
    };
    let (errors, severity) = match parse_claims(files) {
        Ok(set) => (set.warnings, Severity::Warning),
        Err(failure) => (failure.errors, Severity::Error),
    };
    errors
        .into_iter()
        .filter(|e| e.file.0 == this)
        .map(|e| Problem {
            code: e.kind.code().to_string(),
            message: e.message,
            span: e.span,
            severity,
        })
        .collect()
}

/// The problems of the configuration `path` whose text is `text`: its own, and
/// the disabled ids no claim of its claims files has.
pub fn config_problems(path: &Path, text: &str, read: &Reader<'_>) -> Vec<Problem> {
    let config = match parse_config(path, text.to_string()) {
        Ok(c) => c,
        Err((_, errors)) => {
            return errors
                .into_iter()
                .map(|e| Problem {
                    code: e.code.to_string(),
                    message: e.message,
                    span: e.span,
                    severity: Severity::Error,
                })
                .collect();
        }
    };
    let base = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let files: Option<Vec<(String, String)>> = claims_paths(Some(&config), &base)
        .iter()
        .map(|p| read(p).map(|t| (display_path(p), t)))
        .collect();
    // Claims that cannot be read or parsed are the claims files' problems.
    let Some(Ok(mut claims)) = files.map(parse_claims) else {
        return Vec::new();
    };
    disable(&mut claims, &config)
        .into_iter()
        .map(|(id, span)| Problem {
            code: "unknown-claim".to_string(),
            message: format!("no claim with id `{id}` to disable"),
            span: Some(span),
            severity: Severity::Error,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::project::{ProjectKey, load_project};

    fn disk(p: &Path) -> Option<String> {
        std::fs::read_to_string(p).ok()
    }

    #[test]
    fn a_claims_buffer_is_checked_with_the_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("claims")).unwrap();
        let claim = "[[claim]]\nid = \"a\"\nkind = \"term\"\nvalue = \"x\"\nreject = [\"y\"]\n";
        std::fs::write(root.join("claims/a.toml"), claim).unwrap();
        std::fs::write(root.join("claims/b.toml"), "version = 1\n").unwrap();
        let project = load_project(ProjectKey::Folder(root.clone()));
        let b = root.join("claims/b.toml");
        let buffer = format!("{claim}colour = 1\n");
        let read = |p: &Path| {
            if p == b {
                Some(buffer.clone())
            } else {
                disk(p)
            }
        };
        let problems = claims_file_problems(&project, &b, &read);
        let found: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.code.as_str(), &buffer[p.span.clone().unwrap()]))
            .collect();
        assert_eq!(found, vec![("unknown-field", "colour")]);
        // Without the bad field: the id is a duplicate of a.toml's.
        let read = |p: &Path| {
            if p == b {
                Some(claim.to_string())
            } else {
                disk(p)
            }
        };
        let problems = claims_file_problems(&project, &b, &read);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "duplicate-id");
        // A file that is not one of the project's claims files has none.
        assert!(claims_file_problems(&project, &root.join("other.toml"), &read).is_empty());
    }

    #[test]
    fn a_configuration_buffer_reports_bad_values_and_unknown_claims() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("claims")).unwrap();
        std::fs::write(
            root.join("claims/a.toml"),
            "[[claim]]\nid = \"a\"\nkind = \"term\"\nvalue = \"x\"\nreject = [\"y\"]\n",
        )
        .unwrap();
        let path = root.join("factlint.toml");
        let text = "quotes = \"loud\"\n";
        let p = config_problems(&path, text, &disk);
        assert_eq!(p[0].code, "invalid-value");
        assert_eq!(&text[p[0].span.clone().unwrap()], "\"loud\"");
        let text = "disable = [\"a\", \"zz\"]\n";
        let p = config_problems(&path, text, &disk);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].code, "unknown-claim");
        assert_eq!(&text[p[0].span.clone().unwrap()], "\"zz\"");
    }
}
