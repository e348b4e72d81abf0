//! The settings a document is checked with, found as the command line finds
//! them: the nearest `factlint.toml` at or above the document's directory, the
//! claims files it lists (else `claims/*.toml` beside it, or in the workspace
//! folder holding the document when there is no configuration), its disabled
//! claims, quote policy, markup and per-path severities.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::check::CheckOptions;
use crate::claims::{ClaimSet, load_claims};
use crate::config::{self, Config};
use crate::document::lines::LineIndex;
use crate::scan::Matcher;

/// Where a project's settings come from: its configuration file, or the folder
/// whose `claims/` it reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProjectKey {
    Config(PathBuf),
    Folder(PathBuf),
}

/// The claims and settings of one project, loaded once.
#[derive(Debug)]
pub struct Project {
    pub key: ProjectKey,
    /// The claims files, absolute, in the order of the claim set's sources.
    pub claims_paths: Vec<PathBuf>,
    /// The claims, or why nothing can be checked (a message for the user; the
    /// spanned errors are shown on the files themselves).
    pub loaded: Result<Loaded, String>,
}

/// A project whose configuration and claims are valid.
#[derive(Debug)]
pub struct Loaded {
    pub config: Option<Config>,
    pub claims: ClaimSet,
    pub matcher: Matcher,
    pub options: CheckOptions,
    /// The line index of each claims file, for positions in it.
    pub claims_lines: Vec<LineIndex>,
}

impl Project {
    /// Whether `path` is one of the project's claims files.
    pub fn has_claims_file(&self, path: &Path) -> bool {
        self.claims_paths.iter().any(|p| p == path)
    }

    /// The configuration file, where one applies.
    pub fn config_path(&self) -> Option<&Path> {
        match &self.key {
            ProjectKey::Config(p) => Some(p),
            ProjectKey::Folder(_) => None,
        }
    }
}

/// The projects met so far, by key, and the key found for each directory;
/// dropped all at once when a claims file or a configuration changes on disk.
#[derive(Debug, Default)]
pub struct Projects {
    roots: Vec<PathBuf>,
    loaded: HashMap<ProjectKey, Rc<Project>>,
    /// The project key of each directory a file was checked in: the
    /// configuration found at or above it is looked for once.
    keys: HashMap<PathBuf, ProjectKey>,
}

impl Projects {
    /// The projects of the workspace folders `roots` (absolute).
    pub fn new(roots: Vec<PathBuf>) -> Projects {
        Projects {
            roots,
            ..Projects::default()
        }
    }

    /// The project of a file at `path` (absolute), loaded where it is new.
    pub fn for_file(&mut self, path: &Path) -> Rc<Project> {
        let dir = path.parent().unwrap_or(path);
        let key = match self.keys.get(dir) {
            Some(key) => key.clone(),
            None => {
                let key = match config::discover(dir) {
                    Some(c) => ProjectKey::Config(c),
                    None => ProjectKey::Folder(self.folder_of(dir)),
                };
                self.keys.insert(dir.to_path_buf(), key.clone());
                key
            }
        };
        self.get(key)
    }

    /// The project of a document with no path: the first workspace folder's.
    pub fn for_unsaved(&mut self) -> Option<Rc<Project>> {
        let root = self.roots.first()?.clone();
        Some(self.for_file(&root.join("untitled")))
    }

    fn get(&mut self, key: ProjectKey) -> Rc<Project> {
        self.loaded
            .entry(key.clone())
            .or_insert_with(|| Rc::new(load_project(key)))
            .clone()
    }

    /// The deepest workspace folder holding `dir`, else `dir` itself.
    fn folder_of(&self, dir: &Path) -> PathBuf {
        self.roots
            .iter()
            .filter(|r| dir.starts_with(r))
            .max_by_key(|r| r.components().count())
            .cloned()
            .unwrap_or_else(|| dir.to_path_buf())
    }

    /// Forgets every project and every directory's key: each is found and
    /// loaded again when next asked for.
    pub fn clear(&mut self) {
        self.loaded.clear();
        self.keys.clear();
    }
}

/// Loads the configuration and claims of a project.
pub fn load_project(key: ProjectKey) -> Project {
    let config = match &key {
        ProjectKey::Config(path) => match config::load_config(path) {
            Ok(c) => Some(c),
            Err((_, errors)) => {
                return Project {
                    key,
                    claims_paths: Vec::new(),
                    loaded: Err(count(errors.len(), "the configuration")),
                };
            }
        },
        ProjectKey::Folder(_) => None,
    };
    let base = match &key {
        ProjectKey::Config(p) => p.parent().unwrap_or(p).to_path_buf(),
        ProjectKey::Folder(d) => d.clone(),
    };
    let claims_paths = claims_paths(config.as_ref(), &base);
    let loaded = load_claims_of(config, &claims_paths);
    Project {
        key,
        claims_paths,
        loaded,
    }
}

fn load_claims_of(config: Option<Config>, paths: &[PathBuf]) -> Result<Loaded, String> {
    let mut claims = load_claims(paths).map_err(|f| count(f.errors.len(), "the claims"))?;
    if let Some(c) = &config {
        let unknown = disable(&mut claims, c).len();
        if unknown > 0 {
            return Err(count(unknown, "the configuration"));
        }
    }
    let matcher = Matcher::new(&claims)
        .map_err(|e| format!("the claims' triggers are too large to compile: {e}"))?;
    let options = CheckOptions {
        quotes: config.as_ref().and_then(|c| c.quotes).unwrap_or_default(),
        markup: config.as_ref().and_then(|c| c.markup).flatten(),
        ..CheckOptions::default()
    };
    let claims_lines = claims
        .sources
        .iter()
        .map(|s| LineIndex::new(&s.text))
        .collect();
    Ok(Loaded {
        config,
        claims,
        matcher,
        options,
        claims_lines,
    })
}

/// Turns off the claims the configuration disables, and returns the entries
/// that name no claim, with their spans in the configuration.
pub fn disable(claims: &mut ClaimSet, config: &Config) -> Vec<(String, std::ops::Range<usize>)> {
    let mut unknown = Vec::new();
    for (id, span) in &config.disable {
        match claims.claims.iter_mut().find(|cl| cl.id.0 == *id) {
            Some(cl) => cl.enabled = false,
            None => unknown.push((id.clone(), span.clone())),
        }
    }
    unknown
}

fn count(n: usize, what: &str) -> String {
    format!(
        "factlint: {n} error{} in {what}; nothing is checked",
        if n == 1 { "" } else { "s" }
    )
}

/// The claims files of a project: the configuration's (files as given,
/// directories' `*.toml` files, sorted), else `claims/*.toml` in `base`.
pub fn claims_paths(config: Option<&Config>, base: &Path) -> Vec<PathBuf> {
    let roots = match config {
        Some(c) if !c.claims.is_empty() => c.claims.clone(),
        _ => vec![base.join("claims")],
    };
    let mut out = Vec::new();
    for root in roots {
        if root.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&root)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect();
            found.sort();
            out.extend(found);
        } else if config.is_some_and(|c| !c.claims.is_empty()) {
            // Named by the configuration: its absence is an error of the claims.
            out.push(root);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIM: &str = "[[claim]]\nid = \"death.weapon\"\nkind = \"term\"\nvalue = \"ice axe\"\nreject = [\"ice pick\"]\n";

    #[test]
    fn a_configuration_names_the_claims_and_disables_some() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("facts")).unwrap();
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::write(root.join("facts/a.toml"), CLAIM).unwrap();
        std::fs::write(
            root.join("factlint.toml"),
            "claims = [\"facts/\"]\ndisable = [\"death.weapon\"]\nquotes = \"ignore\"\n",
        )
        .unwrap();
        let mut projects = Projects::new(vec![root.clone()]);
        let p = projects.for_file(&root.join("docs/a.md"));
        assert_eq!(p.key, ProjectKey::Config(root.join("factlint.toml")));
        assert_eq!(p.claims_paths, vec![root.join("facts/a.toml")]);
        let loaded = p.loaded.as_ref().unwrap();
        assert!(!loaded.claims.get("death.weapon").unwrap().enabled);
        assert_eq!(loaded.options.quotes, crate::check::QuotePolicy::Ignore);
        // The same project, not loaded twice.
        assert!(Rc::ptr_eq(&p, &projects.for_file(&root.join("b.md"))));
    }

    #[test]
    fn a_directory_keeps_its_project_until_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("claims")).unwrap();
        std::fs::create_dir_all(root.join("docs")).unwrap();
        std::fs::write(root.join("claims/a.toml"), CLAIM).unwrap();
        let mut projects = Projects::new(vec![root.clone()]);
        let doc = root.join("docs/a.md");
        assert_eq!(
            projects.for_file(&doc).key,
            ProjectKey::Folder(root.clone())
        );
        // A configuration written since is not looked for again...
        std::fs::write(root.join("factlint.toml"), "quotes = \"ignore\"\n").unwrap();
        assert_eq!(
            projects.for_file(&doc).key,
            ProjectKey::Folder(root.clone())
        );
        assert_eq!(projects.keys.len(), 1);
        // ...until the projects are forgotten, as when a TOML file changes on disk.
        projects.clear();
        let p = projects.for_file(&doc);
        assert_eq!(p.key, ProjectKey::Config(root.join("factlint.toml")));
        let loaded = p.loaded.as_ref().unwrap();
        assert_eq!(loaded.options.quotes, crate::check::QuotePolicy::Ignore);
        // Another directory looks for its own.
        projects.for_file(&root.join("b.md"));
        assert_eq!(projects.keys.len(), 2);
    }

    #[test]
    fn without_a_configuration_the_folder_claims_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("claims")).unwrap();
        std::fs::create_dir_all(root.join("docs/deep")).unwrap();
        std::fs::write(root.join("claims/a.toml"), CLAIM).unwrap();
        let mut projects = Projects::new(vec![root.clone()]);
        let p = projects.for_file(&root.join("docs/deep/a.md"));
        assert_eq!(p.key, ProjectKey::Folder(root.clone()));
        assert!(p.has_claims_file(&root.join("claims/a.toml")));
        assert!(p.loaded.is_ok());
    }

    #[test]
    fn bad_claims_or_an_unknown_disabled_claim_stop_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("claims")).unwrap();
        std::fs::write(root.join("claims/a.toml"), "[[claim]]\nid = 1\n").unwrap();
        let p = load_project(ProjectKey::Folder(root.clone()));
        assert_eq!(
            p.loaded.unwrap_err(),
            "factlint: 1 error in the claims; nothing is checked"
        );
        std::fs::write(root.join("claims/a.toml"), CLAIM).unwrap();
        std::fs::write(root.join("factlint.toml"), "disable = [\"nope\", \"no\"]\n").unwrap();
        let p = load_project(ProjectKey::Config(root.join("factlint.toml")));
        assert_eq!(
            p.loaded.unwrap_err(),
            "factlint: 2 errors in the configuration; nothing is checked"
        );
    }
}
