//! Project configuration: `factlint.toml`, found by walking up from the working
//! directory.
//!
//! ```toml
//! claims = ["claims/"]                 # claims files or directories
//! include = ["docs/**"]                # globs a walked file must match (any)
//! exclude = ["docs/archive/**"]        # globs that skip a walked file
//! disable = ["pen_name"]               # claim ids not checked
//! quotes = "note"                      # assert | note | ignore
//! markup = "auto"                      # auto | text | markdown | html
//!
//! [[source]]                           # who wrote some documents (cross-check)
//! paths = ["sources/encyclopedia/**"]
//! name = "Encyclopedia"                # optional: shown instead of the file name
//! kind = "encyclopedia"                # optional: any word (blog, newspaper, …)
//! trust = 3                            # weight in a consensus (default 1)
//!
//! [consensus]
//! share = 0.6                          # the least share a majority needs
//!
//! [[override]]                         # per-path severities
//! paths = ["drafts/**"]
//! claims = ["death.date"]              # optional: only these claims
//! severity = "warning"                 # error | warning | note | off
//! ```
//!
//! Paths and globs are relative to the directory holding the file. Unknown keys
//! are errors with a span, like every other problem in the file.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::check::QuotePolicy;
use crate::claims::Severity;
use crate::document::markup::Markup;

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "factlint.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    claims: Vec<Spanned<String>>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    quotes: Option<Spanned<String>>,
    #[serde(default)]
    markup: Option<Spanned<String>>,
    #[serde(default, rename = "override")]
    overrides: Vec<RawOverride>,
    #[serde(default, rename = "source")]
    sources: Vec<RawSource>,
    #[serde(default)]
    consensus: Option<RawConsensus>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    trust: Option<Spanned<toml::Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConsensus {
    share: Spanned<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    claims: Vec<Spanned<String>>,
    severity: Spanned<String>,
}

/// A severity set for some paths: `None` turns the findings off.
#[derive(Debug, Clone)]
pub struct Override {
    paths: GlobSet,
    claims: Vec<String>,
    pub severity: Option<Severity>,
}

/// A loaded configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The configuration file, as shown in messages.
    pub path: String,
    /// The directory paths and globs are relative to.
    pub root: PathBuf,
    pub claims: Vec<PathBuf>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    pub disable: Vec<(String, Range<usize>)>,
    pub quotes: Option<QuotePolicy>,
    pub markup: Option<Option<Markup>>,
    overrides: Vec<Override>,
    /// The `[[source]]` tables: each document's name, kind and trust.
    pub sources: crate::crosscheck::Sources,
    /// `[consensus] share`: the least share of the weight a majority needs.
    pub consensus_share: Option<f64>,
    /// The file's text, for diagnostics about it.
    pub text: String,
}

/// One problem in the configuration file.
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// A stable code (`unknown-field`, `invalid-glob`, `invalid-value`, `syntax`, `io`).
    pub code: &'static str,
    pub message: String,
    pub span: Option<Range<usize>>,
}

/// The configuration file that applies in `dir`: the nearest `factlint.toml` in it
/// or above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

fn globs(list: &[Spanned<String>], errors: &mut Vec<ConfigError>) -> Option<GlobSet> {
    if list.is_empty() {
        return None;
    }
    let mut b = GlobSetBuilder::new();
    for g in list {
        match Glob::new(g.get_ref()) {
            Ok(glob) => {
                b.add(glob);
            }
            Err(e) => errors.push(ConfigError {
                code: "invalid-glob",
                message: format!("invalid glob: {}", e.kind()),
                span: Some(g.span()),
            }),
        }
    }
    b.build().ok()
}

/// `quotes`: a quote policy.
fn quote_policy(
    raw: Option<&Spanned<String>>,
    errors: &mut Vec<ConfigError>,
) -> Option<QuotePolicy> {
    raw.and_then(|q| match q.get_ref().as_str() {
        "assert" => Some(QuotePolicy::Assert),
        "note" => Some(QuotePolicy::Note),
        "ignore" => Some(QuotePolicy::Ignore),
        other => {
            errors.push(ConfigError {
                code: "invalid-value",
                message: format!(
                    "unknown quote policy `{other}`: expected `assert`, `note` or `ignore`"
                ),
                span: Some(q.span()),
            });
            None
        }
    })
}

/// `markup`: how documents are written (`None` inside: `auto`).
fn markup(raw: Option<&Spanned<String>>, errors: &mut Vec<ConfigError>) -> Option<Option<Markup>> {
    raw.and_then(|m| match m.get_ref().as_str() {
        "auto" => Some(None),
        "text" => Some(Some(Markup::Text)),
        "markdown" => Some(Some(Markup::Markdown)),
        "html" => Some(Some(Markup::Html)),
        other => {
            errors.push(ConfigError {
                code: "invalid-value",
                message: format!(
                    "unknown markup `{other}`: expected `auto`, `text`, `markdown` or `html`"
                ),
                span: Some(m.span()),
            });
            None
        }
    })
}

/// The `[[override]]` tables, each bad severity or glob reported.
fn overrides(raw: &[RawOverride], errors: &mut Vec<ConfigError>) -> Vec<Override> {
    let mut overrides = Vec::new();
    for o in raw {
        let severity = match o.severity.get_ref().as_str() {
            "off" => Some(None),
            s => {
                match Severity::parse(s) {
                    Some(sev) => Some(Some(sev)),
                    None => {
                        errors.push(ConfigError {
                        code: "invalid-value",
                        message: format!("unknown severity `{s}`: expected `error`, `warning`, `note` or `off`"),
                        span: Some(o.severity.span()),
                    });
                        None
                    }
                }
            }
        };
        if let (Some(paths), Some(severity)) = (globs(&o.paths, errors), severity) {
            overrides.push(Override {
                paths,
                claims: o.claims.iter().map(|c| c.get_ref().clone()).collect(),
                severity,
            });
        }
    }
    overrides
}

/// One `[[source]]` table; a bad glob or trust is reported at its span.
fn source_rule(
    raw: &RawSource,
    errors: &mut Vec<ConfigError>,
) -> Option<crate::crosscheck::sources::SourceRule> {
    let trust = match &raw.trust {
        None => Some(1.0),
        Some(t) => match t.get_ref() {
            toml::Value::Integer(i) if *i >= 0 => Some(*i as f64),
            toml::Value::Float(f) if f.is_finite() && *f >= 0.0 => Some(*f),
            _ => {
                errors.push(ConfigError {
                    code: "invalid-value",
                    message: "`trust` must be a number, 0 or more (the source's weight in a consensus; 1 by default)".to_string(),
                    span: Some(t.span()),
                });
                None
            }
        },
    };
    let paths = globs(&raw.paths, errors);
    Some(crate::crosscheck::sources::SourceRule {
        paths: paths?,
        name: raw.name.clone(),
        kind: raw.kind.clone(),
        trust: trust?,
    })
}

/// `[consensus] share`: a number from 0.5 to 1.
fn share(raw: &Spanned<toml::Value>, errors: &mut Vec<ConfigError>) -> Option<f64> {
    let value = match raw.get_ref() {
        toml::Value::Float(f) => Some(*f),
        toml::Value::Integer(i) => Some(*i as f64),
        _ => None,
    };
    match value {
        Some(v) if (0.5..=1.0).contains(&v) => Some(v),
        _ => {
            errors.push(ConfigError {
                code: "invalid-value",
                message: "`share` must be a number from 0.5 to 1: the least share of the sources' weight a majority needs to settle a claim".to_string(),
                span: Some(raw.span()),
            });
            None
        }
    }
}

/// Parses the text of a configuration file at `path`.
pub fn parse_config(path: &Path, text: String) -> Result<Config, (String, Vec<ConfigError>)> {
    let shown = crate::walk::display_path(path);
    let raw: RawConfig = match toml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            let message = e.message().trim().to_string();
            let code = if message.starts_with("unknown field") {
                "unknown-field"
            } else {
                "syntax"
            };
            let span = e
                .span()
                .map(|r| r.start.min(text.len())..r.end.min(text.len()));
            return Err((
                text,
                vec![ConfigError {
                    code,
                    message,
                    span,
                }],
            ));
        }
    };
    let mut errors = Vec::new();
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let quotes = quote_policy(raw.quotes.as_ref(), &mut errors);
    let markup = markup(raw.markup.as_ref(), &mut errors);
    let include = globs(&raw.include, &mut errors);
    let exclude = globs(&raw.exclude, &mut errors);
    let overrides = overrides(&raw.overrides, &mut errors);
    let sources = crate::crosscheck::Sources {
        root: root.canonicalize().unwrap_or_else(|_| root.clone()),
        rules: raw
            .sources
            .iter()
            .filter_map(|r| source_rule(r, &mut errors))
            .collect(),
    };
    let consensus_share = raw
        .consensus
        .as_ref()
        .and_then(|c| share(&c.share, &mut errors));
    if !errors.is_empty() {
        return Err((text, errors));
    }
    Ok(Config {
        sources,
        consensus_share,
        path: shown,
        claims: raw
            .claims
            .iter()
            .map(|c| lexically_normal(&root.join(c.get_ref())))
            .collect(),
        root,
        include,
        exclude,
        disable: raw
            .disable
            .iter()
            .map(|d| (d.get_ref().clone(), d.span()))
            .collect(),
        quotes,
        markup,
        overrides,
        text,
    })
}

/// A path with its `.` and `name/..` components taken out, without asking the
/// file system: `examples/x/../../claims` is `claims`.
fn lexically_normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// Reads and parses the configuration file at `path`.
pub fn load_config(path: &Path) -> Result<Config, (String, Vec<ConfigError>)> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_config(path, text),
        Err(e) => Err((
            String::new(),
            vec![ConfigError {
                code: "io",
                message: format!("cannot read {}: {e}", crate::walk::display_path(path)),
                span: None,
            }],
        )),
    }
}

impl Config {
    /// `path` relative to the configuration's directory, with forward slashes, for
    /// matching globs.
    fn relative(&self, path: &Path) -> String {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        let rel = abs.strip_prefix(&root).unwrap_or(&abs);
        rel.to_string_lossy().replace('\\', "/")
    }

    /// Whether a file met while walking a directory is checked.
    pub fn selects(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.include.as_ref().is_none_or(|g| g.is_match(&rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(&rel))
    }

    /// The severity a finding of `claim` in `path` gets: the last override that
    /// applies, or `current` (`None`: reported not at all).
    pub fn severity(&self, path: &Path, claim: &str, current: Severity) -> Option<Severity> {
        let rel = self.relative(path);
        self.overrides
            .iter()
            .rev()
            .find(|o| {
                o.paths.is_match(&rel)
                    && (o.claims.is_empty() || o.claims.iter().any(|c| c == claim))
            })
            .map_or(Some(current), |o| o.severity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<(String, String)>> {
        parse_config(Path::new("proj/factlint.toml"), text.to_string()).map_err(|(t, e)| {
            e.into_iter()
                .map(|e| {
                    (
                        e.code.to_string(),
                        e.span.map_or(String::new(), |s| t[s].to_string()),
                    )
                })
                .collect()
        })
    }

    #[test]
    fn reads_every_setting() {
        let c = parse(
            "claims = [\"facts/\"]\ninclude = [\"docs/**\"]\nexclude = [\"docs/old/**\"]\ndisable = [\"pen_name\"]\nquotes = \"ignore\"\n\n[[override]]\npaths = [\"docs/drafts/**\"]\nseverity = \"warning\"\n\n[[override]]\npaths = [\"docs/drafts/x.md\"]\nclaims = [\"death.date\"]\nseverity = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.claims, vec![PathBuf::from("proj/facts/")]);
        assert!(c.selects(Path::new("proj/docs/a.md")));
        assert!(!c.selects(Path::new("proj/docs/old/a.md")));
        assert!(!c.selects(Path::new("proj/README.md")));
        assert_eq!(c.quotes, Some(QuotePolicy::Ignore));
        assert_eq!(c.disable[0].0, "pen_name");
        let drafts = Path::new("proj/docs/drafts/x.md");
        assert_eq!(
            c.severity(drafts, "death.weapon", Severity::Error),
            Some(Severity::Warning)
        );
        assert_eq!(c.severity(drafts, "death.date", Severity::Error), None);
        assert_eq!(
            c.severity(Path::new("proj/docs/a.md"), "death.date", Severity::Error),
            Some(Severity::Error)
        );
    }

    #[test]
    fn errors_point_at_the_bad_key_or_value() {
        assert_eq!(
            parse("clams = []\n").unwrap_err(),
            vec![("unknown-field".into(), "clams".into())]
        );
        assert_eq!(
            parse("quotes = \"loud\"\n").unwrap_err(),
            vec![("invalid-value".into(), "\"loud\"".into())]
        );
        assert_eq!(
            parse("exclude = [\"a/[b\"]\n").unwrap_err(),
            vec![("invalid-glob".into(), "\"a/[b\"".into())]
        );
    }

    #[test]
    fn reads_sources_and_the_consensus_share() {
        let c = parse(
            "claims = [\"../facts/./a.toml\"]\n\n[[source]]\npaths = [\"docs/enc/**\"]\nname = \"Encyclopedia\"\nkind = \"encyclopedia\"\ntrust = 3\n\n[[source]]\npaths = [\"docs/**\"]\ntrust = 0.5\n\n[consensus]\nshare = 0.75\n",
        )
        .unwrap();
        // `..` is taken out where the path allows it.
        assert_eq!(c.claims, vec![PathBuf::from("facts/a.toml")]);
        assert_eq!(c.consensus_share, Some(0.75));
        let info = c.sources.info(Path::new("docs/enc/a.txt"));
        assert_eq!(
            (info.name.as_deref(), info.kind.as_deref(), info.trust),
            (Some("Encyclopedia"), Some("encyclopedia"), 3.0)
        );
        assert_eq!(c.sources.info(Path::new("docs/b.txt")).trust, 0.5);
        assert_eq!(c.sources.info(Path::new("other/c.txt")).trust, 1.0);
    }

    #[test]
    fn a_bad_trust_or_share_is_an_error_at_its_span() {
        assert_eq!(
            parse("[[source]]\npaths = [\"a/**\"]\ntrust = \"high\"\n\n[consensus]\nshare = 0.3\n")
                .unwrap_err(),
            vec![
                ("invalid-value".to_string(), "\"high\"".to_string()),
                ("invalid-value".to_string(), "0.3".to_string())
            ]
        );
        assert_eq!(
            parse("[[source]]\npaths = [\"a/**\"]\nweight = 2\n").unwrap_err()[0].0,
            "unknown-field"
        );
    }
}
