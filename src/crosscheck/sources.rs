//! The sources of a cross-check: each document's name, kind and trust, from the
//! configuration's `[[source]]` tables.

use std::path::Path;

use globset::GlobSet;

/// What the configuration says of the documents some globs select.
#[derive(Debug, Clone)]
pub struct SourceRule {
    pub paths: GlobSet,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub trust: f64,
}

/// Every `[[source]]` table of the configuration, and the directory its globs
/// are relative to (canonical where it exists: it is compared with each
/// document's canonical path).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub root: std::path::PathBuf,
    pub rules: Vec<SourceRule>,
}

/// One document as a cross-check shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// The path as `check` shows it.
    pub path: String,
    /// The source's name (`Encyclopedia`), where the configuration gives one.
    pub name: Option<String>,
    /// What sort of source it is (`encyclopedia`, `blog`).
    pub kind: Option<String>,
    /// Its weight in a consensus (1 unless the configuration says otherwise).
    pub trust: f64,
}

impl SourceInfo {
    /// The name to show: the configured one, else the file name.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or_else(|| {
            Path::new(&self.path)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(&self.path)
        })
    }
}

impl Sources {
    /// The document at `path` as a source: the first rule whose globs select it
    /// gives its name, kind and trust.
    pub fn info(&self, path: &Path) -> SourceInfo {
        let relative = path
            .canonicalize()
            .ok()
            .and_then(|p| p.strip_prefix(&self.root).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| path.to_path_buf());
        let rule = self
            .rules
            .iter()
            .find(|r| r.paths.is_match(&relative) || r.paths.is_match(path));
        SourceInfo {
            path: path.to_string_lossy().into_owned(),
            name: rule.and_then(|r| r.name.clone()),
            kind: rule.and_then(|r| r.kind.clone()),
            trust: rule.map_or(1.0, |r| r.trust),
        }
    }
}
