//! Logging set-up for the binary: `tracing` to stderr as text or JSON, filtered by `RUST_LOG`
//! (default: `info` for `serve`, `warn` for the one-shot commands, whose output is the answer).
//! Text is coloured only on a terminal, and never when `NO_COLOR` is set.

use std::io::IsTerminal;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// The level logged when `RUST_LOG` is not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// A service: its start, its requests.
    Service,
    /// A command that prints its answer: warnings and errors only.
    Command,
}

impl Verbosity {
    fn default_filter(self) -> &'static str {
        match self {
            Verbosity::Service => "info",
            Verbosity::Command => "warn",
        }
    }
}

/// Whether log text on stderr may carry ANSI colours: a terminal, and no `NO_COLOR`.
pub fn colour_stderr() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Install the global subscriber once; later calls do nothing.
pub fn init(format: LogFormat, verbosity: Verbosity) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(verbosity.default_filter()));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(colour_stderr())
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().with_current_span(true).try_init(),
    };
}
