//! The `factlint` binary: parse the arguments, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = factlint::cli::Args::parse();
    let status = factlint::cli::run(args);
    ExitCode::from(status as u8)
}
