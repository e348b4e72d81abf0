//! The project the protocol tests run in: claims about Trotsky, a
//! configuration, and a document with multi-byte characters before its
//! findings.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::client::{range, uri};

pub(crate) const CLAIMS: &str = r#"version = 1

[subject]
name = "Leon Trotsky"
kind = "person"
aliases = ["Trotsky"]

[[claim]]
id = "death.weapon"
kind = "term"
value = "ice axe"
accept = ["mountaineering axe"]
reject = ["ice pick"]
statement = "Trotsky was struck with an ice axe"
source = "the coroner's report"

[[claim]]
id = "death.date"
kind = "date"
value = "1940-08-21"
triggers = ['\bdied\b']
statement = "Trotsky died on 21 August 1940"

[[claim]]
id = "birth.place"
kind = "term"
value = "Yanovka"
reject = ["Odessa"]
context = ['\bborn\b']
"#;

pub(crate) const CONFIG: &str = "claims = [\"claims/\"]\ndisable = [\"birth.place\"]\nexclude = [\"archive/**\"]\n\n[[override]]\npaths = [\"drafts/**\"]\nclaims = [\"death.weapon\"]\nseverity = \"note\"\n";

pub(crate) const LIFE: &str = "# Trotsky\n\nCafé 😀 — Trotsky was killed with an ice pick in 1940.\n\nTrotsky was born in Odessa. Trotsky died in Coyoacán in 1941.\n";

/// A project: the claims, the configuration and a document.
pub(crate) fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::write(root.join("claims/trotsky.toml"), CLAIMS).unwrap();
    std::fs::write(root.join("factlint.toml"), CONFIG).unwrap();
    std::fs::write(root.join("docs/life.md"), LIFE).unwrap();
    (dir, root)
}

/// The `value` of death.weapon in the claims file: line 11, `"ice axe"`.
pub(crate) fn weapon_value(root: &Path) -> Value {
    json!({"uri": uri(&root.join("claims/trotsky.toml")), "range": range(10, 8, 10, 17)})
}
