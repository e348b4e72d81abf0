//! What several test binaries share.

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
