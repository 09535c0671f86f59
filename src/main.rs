//! The `talentdex` binary: parse the command line, run it, print any error with its causes and
//! exit non-zero.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = talentdex::cli::Cli::parse();
    talentdex::logging::init(cli.log_format);
    match talentdex::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("talentdex: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
