//! The `factlint` binary: parse the arguments, run, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc, not the C library's malloc: see `Cargo.toml`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = factlint::cli::Args::parse();
    let status = factlint::cli::run(args);
    ExitCode::from(status as u8)
}
