//! The `factlint` binary: parse the arguments, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: factlint allocates many small, short-lived vectors per sentence,
/// and start-up builds dozens of regexes out of small allocations.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = factlint::cli::Args::parse();
    let status = factlint::cli::run(args);
    ExitCode::from(status as u8)
}
