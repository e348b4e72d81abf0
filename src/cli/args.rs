//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::lint::MaxFileSize;

/// factlint: find the sentences in documents that contradict a claims file.
#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// `factlint PATHS` is `factlint check PATHS`.
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check documents against the claims (the default command).
    Check(CheckArgs),
    /// Apply the safe fixes (rejected terms in the document's own statements);
    /// the same as `check --fix`.
    Fix(CheckArgs),
    /// Validate the claims files and list their claims; `claims test` runs their examples.
    Claims(ClaimsArgs),
    /// Print one claim: its value, variants, triggers and source.
    Explain(ExplainArgs),
    /// What every document says about each claim: a matrix of claims × documents.
    #[command(name = "cross-check")]
    CrossCheck(CrossCheckArgs),
    /// Write the cross-check and every source's sentences as one HTML file.
    Report(ReportArgs),
    /// Serve the editor: a language server over standard input and output.
    Lsp,
}

/// What a cross-check reads and how it settles open claims (shared by
/// `cross-check` and `report`).
#[derive(Debug, Clone, clap::Args)]
pub struct CrossSelection {
    /// Files or directories to cross-check. Default: `.`
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub claims: ClaimsSelection,
    /// How documents are written; `auto` follows the extension (`.md`, `.html`).
    /// [default: auto, or the configuration's `markup`]
    #[arg(long, value_enum)]
    pub markup: Option<MarkupArg>,
    /// Settle each open claim by the weighted majority of the sources (their
    /// `trust` in the configuration's `[[source]]` tables).
    #[arg(long)]
    pub consensus: bool,
    /// The least share of the weight the majority needs to settle a claim
    /// (0.5–1). [default: 0.6, or the configuration's `consensus.share`]
    #[arg(long, value_name = "SHARE", requires = "consensus")]
    pub share: Option<f64>,
    /// The largest document to read: a file, standard input, or a line of
    /// `--input jsonl`; larger ones are refused, never cut. Bytes, or K, M or G
    /// (binary units), at most 4G. [default: 2G]
    #[arg(long, value_name = "SIZE")]
    pub max_file_size: Option<MaxFileSize>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CrossCheckArgs {
    #[command(flatten)]
    pub selection: CrossSelection,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CrossFormatArg::Human)]
    pub format: CrossFormatArg,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub selection: CrossSelection,
    /// The HTML file to write (`-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// When to colour the messages.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CrossFormatArg {
    Human,
    Json,
    Markdown,
    Csv,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check (`-` reads standard input). Default: `.`
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub claims: ClaimsSelection,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// What to do with contradictions inside quotations.
    /// [default: note, or the configuration's `quotes`]
    #[arg(long, value_enum)]
    pub quotes: Option<QuotesArg>,
    /// How documents are written; `auto` follows the extension (`.md`, `.html`).
    /// [default: auto, or the configuration's `markup`]
    #[arg(long, value_enum)]
    pub markup: Option<MarkupArg>,
    /// The name to report for standard input (`-`); its extension sets the markup.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// The largest document to read: a file, standard input, or a line of
    /// `--input jsonl`; larger ones are refused, never cut. Bytes, or K, M or G
    /// (binary units), at most 4G. [default: 2G]
    #[arg(long, value_name = "SIZE")]
    pub max_file_size: Option<MaxFileSize>,
    /// How standard input (`-`, the only path) holds documents: `jsonl` reads one
    /// `{"id": …, "text": …}` object a line, its other fields passed through to
    /// `--format jsonl`. [default: text, one document]
    #[arg(
        long,
        value_enum,
        value_name = "FORM",
        conflicts_with_all = ["stdin_filename", "fix", "diff", "consensus", "changed_since"]
    )]
    pub input: Option<InputArg>,
    /// Apply the safe fixes: rejected terms in the document's own statements.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,
    /// Accept the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Also report the statements that depart from the sources' weighted
    /// majority on each open claim (a claim with no value), and notes where the
    /// sources are split (see `cross-check`).
    #[arg(long)]
    pub consensus: bool,
    /// The least share of the weight the majority needs to settle a claim
    /// (0.5–1). [default: 0.6, or the configuration's `consensus.share`]
    #[arg(long, value_name = "SHARE", requires = "consensus")]
    pub share: Option<f64>,
    /// Report only findings on lines changed since this git revision.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Print findings only: no summary, no progress.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more: each file checked, and how long the run took.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ClaimsSelection {
    /// A claims file, or a directory of `*.toml` claims files (repeatable).
    /// Default: every `*.toml` under `./claims/`.
    #[arg(long = "claims", value_name = "PATH")]
    pub claims_paths: Vec<PathBuf>,
    /// The configuration file. Default: the nearest factlint.toml at or above the
    /// working directory.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ClaimsArgs {
    #[command(subcommand)]
    pub action: Option<ClaimsAction>,
    #[command(flatten)]
    pub claims: ClaimsSelection,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ClaimsAction {
    /// Run every claim's examples: `flag` sentences must give a finding, `pass`
    /// sentences none.
    Test(ClaimsSelectionArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct ClaimsSelectionArgs {
    #[command(flatten)]
    pub claims: ClaimsSelection,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ExplainArgs {
    /// The claim id, as in `death.weapon`.
    pub id: String,
    #[command(flatten)]
    pub claims: ClaimsSelection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Short,
    Json,
    /// One JSON diagnostic per line, written as each document is checked.
    Jsonl,
    Sarif,
    Github,
    Gitlab,
    Checkstyle,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputArg {
    /// One document.
    Text,
    /// One JSON object per line, each a document.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkupArg {
    Auto,
    Text,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesArg {
    /// Report them like the document's own statements.
    Assert,
    /// Report them as notes (quoted, not asserted).
    Note,
    /// Do not report them.
    Ignore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}
