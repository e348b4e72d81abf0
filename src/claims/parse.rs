//! Parsing a claims file into raw, spanned records (format version 1).
//!
//! Every field keeps its byte span in the TOML (`toml::Spanned`), so that a
//! diagnostic can point at a claim's value and a validation error at the exact
//! bad field. Unknown fields are refused (`deny_unknown_fields`).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{ClaimsError, ClaimsErrorKind};
use crate::claims::model::FileId;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default)]
    pub(crate) version: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) subject: Option<RawSubject>,
    #[serde(default)]
    pub(crate) claim: Vec<RawClaim>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSubject {
    pub(crate) name: Spanned<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) born: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) pronouns: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaim {
    pub(crate) id: Spanned<String>,
    pub(crate) kind: Spanned<String>,
    pub(crate) value: Spanned<toml::Value>,
    #[serde(default)]
    pub(crate) accept: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) reject: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) triggers: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) context: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) unit: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) source: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) statement: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) severity: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) tolerance: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) min: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) max: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) subject: Option<RawSubject>,
    #[serde(default)]
    pub(crate) scope: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) examples: Option<RawExamples>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExamples {
    #[serde(default)]
    pub(crate) flag: Vec<String>,
    #[serde(default)]
    pub(crate) pass: Vec<String>,
}

/// Parses the TOML text of one claims file.
pub(crate) fn parse_raw(file: FileId, text: &str) -> Result<RawFile, ClaimsError> {
    toml::from_str::<RawFile>(text).map_err(|e| {
        let message = e.message().trim().to_string();
        let kind = if message.starts_with("unknown field") {
            ClaimsErrorKind::UnknownField
        } else if message.starts_with("missing field") {
            ClaimsErrorKind::MissingField
        } else {
            ClaimsErrorKind::Syntax
        };
        ClaimsError {
            kind,
            file,
            span: e.span().map(|r| clamp(r, text.len())),
            message,
        }
    })
}

fn clamp(r: Range<usize>, len: usize) -> Range<usize> {
    r.start.min(len)..r.end.min(len)
}
