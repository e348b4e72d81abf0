//! Parsing a claims file into raw, spanned records (format version 1).
//!
//! Every field keeps its byte span in the TOML (`toml::Spanned`), so that a
//! diagnostic can point at a claim's value and a validation error at the exact
//! bad field. Unknown fields are refused (`deny_unknown_fields`).

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::ClaimsError;
use crate::claims::model::FileId;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    #[serde(default)]
    pub(crate) version: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) subject: Option<RawSubject>,
    /// Named subjects, referred to by key from claims (`subject = "flyer"`).
    #[serde(default)]
    pub(crate) subjects: std::collections::BTreeMap<String, Spanned<RawSubject>>,
    #[serde(default)]
    pub(crate) claim: Vec<RawClaim>,
    /// Zones named for time claims (`"ship's time" = "UTC-5"`).
    #[serde(default)]
    pub(crate) zones: std::collections::BTreeMap<String, Spanned<String>>,
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
    pub(crate) pronouns: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(crate) kind: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) nouns: Vec<Spanned<String>>,
    /// The whole list is spanned too: it is at fault on a subject of another kind.
    #[serde(default)]
    pub(crate) members: Option<Spanned<Vec<Spanned<String>>>>,
}

/// A number claim's unit: one word or phrase, or a list of synonyms, each with
/// its span so that a bad one is reported where it stands.
#[derive(Debug)]
pub(crate) enum RawUnit {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for RawUnit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = RawUnit;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a unit name or a list of them")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawUnit, E> {
                Ok(RawUnit::One(s.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawUnit, A::Error> {
                let mut units = Vec::new();
                while let Some(unit) = seq.next_element::<Spanned<String>>()? {
                    units.push(unit);
                }
                Ok(RawUnit::Many(units))
            }
        }
        d.deserialize_any(Either)
    }
}

/// A claim's subject: a table of its own, or the key of a named subject.
#[derive(Debug)]
pub(crate) enum RawClaimSubject {
    Named(String),
    Inline(Box<RawSubject>),
}

impl<'de> Deserialize<'de> for RawClaimSubject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> serde::de::Visitor<'de> for Either {
            type Value = RawClaimSubject;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a subject table or the key of a `[subjects.<key>]` table")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<RawClaimSubject, E> {
                Ok(RawClaimSubject::Named(s.to_string()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawClaimSubject, A::Error> {
                RawSubject::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|s| RawClaimSubject::Inline(Box::new(s)))
            }
        }
        d.deserialize_any(Either)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaim {
    pub(crate) id: Spanned<String>,
    pub(crate) kind: Spanned<String>,
    /// None: an open claim, whose value the sources give (`cross-check`).
    #[serde(default)]
    pub(crate) value: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) accept: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub(crate) reject: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) triggers: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) context: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) unit: Option<Spanned<RawUnit>>,
    /// A number claim's parts, each the noun one part counts.
    #[serde(default)]
    pub(crate) parts: Option<Spanned<Vec<Spanned<String>>>>,
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
    pub(crate) subject: Option<Spanned<RawClaimSubject>>,
    #[serde(default)]
    pub(crate) scope: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) filler: Option<Spanned<String>>,
    /// A time claim's zone.
    #[serde(default)]
    pub(crate) zone: Option<Spanned<String>>,
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

/// Parses the TOML text of one claims file. A value of the wrong type or a missing
/// field is reported in the file's own terms ([`super::shape`]), never serde's.
pub(crate) fn parse_raw(file: FileId, text: &str) -> Result<RawFile, ClaimsError> {
    toml::from_str::<RawFile>(text).map_err(|e| {
        let span = e.span().map(|r| clamp(r, text.len()));
        let found_text = span
            .as_ref()
            .map_or("", |r| text.get(r.clone()).unwrap_or(""));
        let (kind, message) = super::shape::reword(&e, found_text);
        ClaimsError {
            kind,
            file,
            span,
            message,
        }
    })
}

fn clamp(r: Range<usize>, len: usize) -> Range<usize> {
    r.start.min(len)..r.end.min(len)
}
