//! factlint: a fact-consistency linter.
//!
//! A claims file (TOML) declares canonical facts; factlint finds the sentences of
//! documents that contradict them and reports each one like a compiler error.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! claims/*.toml ─parse─▶ ClaimSet ─compile─▶ Matcher            (claims, scan::matcher)
//! paths ─walk─▶ Source ─decode─▶ Document                       (walk, document)
//! Document + Matcher ─scan─▶ Assertion                          (scan, extract)
//! Assertion + Claim ─check─▶ Finding                            (check)
//! Findings ─report─▶ human | short | json                       (report)
//! ```
//!
//! The library never prints: the reporter is handed its writer, and the command
//! line (`cli`) decides where output and errors go.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod changed;
pub mod check;
pub mod claims;
pub mod cli;
pub mod config;
pub mod crosscheck;
pub mod document;
pub mod examples;
pub mod extract;
pub mod fix;
pub mod input;
pub mod lexicon;
pub mod lint;
pub mod lsp;
pub mod re;
pub mod report;
pub mod scan;
pub mod span;
pub mod stream;
pub mod suppress;
pub mod units;
pub mod walk;
