//! The `talentdex` binary: parse the command line, run it, print any error with its causes and
//! exit non-zero. Output cut short by its reader (`talentdex … | head`) is not an error.

use clap::Parser;
use talentdex::logging::{self, Verbosity};

fn main() -> std::process::ExitCode {
    let cli = talentdex::cli::Cli::parse();
    let verbosity = if cli.serves() {
        Verbosity::Service
    } else {
        Verbosity::Command
    };
    logging::init(cli.log_format, verbosity);
    match talentdex::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) if talentdex::cli::is_broken_pipe(&err) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            use std::io::Write;
            // stderr may be closed as well (`2>&1 | head`): nothing left to tell, and no panic.
            let _ = writeln!(std::io::stderr(), "talentdex: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
