//! The `decant` binary: parse arguments, run the command, map errors to
//! exit codes. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = decant::cli::Cli::parse();
    match decant::cli::run(cli) {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(error) => {
            eprintln!("decant: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
