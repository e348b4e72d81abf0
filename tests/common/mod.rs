//! What several test binaries share: the claims of the command-line tests and
//! a temporary project that holds them beside its documents.

use std::fs;

/// The claims of the command-line tests: a term claim and a date claim.
pub(crate) const CLAIMS: &str = r#"
[[claim]]
id = "death.weapon"
kind = "term"
value = "ice axe"
reject = ["ice pick"]
statement = "Trotsky was killed with an ice axe"

[[claim]]
id = "death.date"
kind = "date"
value = "1940-08-21"
triggers = ['\bdied\b']
"#;

/// A temporary project: `claims/facts.toml` holding [`CLAIMS`], and each of
/// `files` (a path in the project and its bytes), written in order with the
/// folders they need.
pub(crate) fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let claims = ("claims/facts.toml", CLAIMS.as_bytes());
    for &(path, bytes) in std::iter::once(&claims).chain(files) {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().expect("a path in the project")).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}
