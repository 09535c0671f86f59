//! CLI: the edge of the program. The clap commands of `talentdex` and what each runs; errors
//! become `anyhow` with context here and nowhere else.

mod check;
mod cite;
mod render;
mod search;

use std::net::SocketAddr;
use std::path::PathBuf;

use std::io::Write;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use crate::app::{App, IndexLocation, Options};
use crate::web;

/// Bilingual search, citation and eligibility over Beijing's foreign talent rules.
#[derive(Debug, Parser)]
#[command(name = "talentdex", version, about)]
pub struct Cli {
    /// The corpus directory (Markdown sources).
    #[arg(
        long,
        global = true,
        env = "TALENTDEX_CORPUS",
        default_value = "corpus"
    )]
    pub corpus: PathBuf,
    /// Where the search index is built.
    #[arg(long, global = true, env = "TALENTDEX_INDEX", default_value = "index")]
    pub index: PathBuf,
    /// Log format on stderr: `text` for people, `json` for log pipelines.
    #[arg(long, global = true, env = "TALENTDEX_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

pub use crate::logging::LogFormat;

/// The service's limits, as flags (each also a `TALENTDEX_*` variable).
#[derive(Debug, Clone, clap::Args)]
pub struct ServeLimits {
    /// A request still running after this many milliseconds gets a 503 `timeout`.
    #[arg(long, env = "TALENTDEX_TIMEOUT_MS", default_value_t = 10_000)]
    pub timeout_ms: u64,
    /// Requests in flight beyond this are shed with 503 and `Retry-After`.
    #[arg(long, env = "TALENTDEX_MAX_CONCURRENCY", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrency: u32,
    /// Request bodies larger than this many bytes get a 413.
    #[arg(long, env = "TALENTDEX_MAX_BODY_BYTES", default_value_t = 1_048_576)]
    pub max_body_bytes: usize,
    /// A request head must arrive within this many milliseconds, or the connection closes.
    #[arg(long, env = "TALENTDEX_HEADER_TIMEOUT_MS", default_value_t = 5_000)]
    pub header_timeout_ms: u64,
    /// A connection with no bytes moving (idle keep-alive, a stalled body) closes after this many ms.
    #[arg(long, env = "TALENTDEX_IDLE_TIMEOUT_MS", default_value_t = 15_000)]
    pub idle_timeout_ms: u64,
    /// An answer the client does not read for this many milliseconds is abandoned.
    #[arg(long, env = "TALENTDEX_WRITE_TIMEOUT_MS", default_value_t = 10_000)]
    pub write_timeout_ms: u64,
    /// Open connections beyond this wait in the listen backlog (lowered to fit the open-file limit).
    #[arg(long, env = "TALENTDEX_MAX_CONNECTIONS", default_value_t = 4096, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// After SIGTERM, connections still open after this many milliseconds are dropped.
    #[arg(long, env = "TALENTDEX_SHUTDOWN_GRACE_MS", default_value_t = 10_000)]
    pub shutdown_grace_ms: u64,
}

impl From<&ServeLimits> for web::ConnLimits {
    fn from(l: &ServeLimits) -> Self {
        let ms = std::time::Duration::from_millis;
        web::ConnLimits {
            header_timeout: ms(l.header_timeout_ms),
            idle_timeout: ms(l.idle_timeout_ms),
            write_timeout: ms(l.write_timeout_ms),
            max_connections: l.max_connections as usize,
            shutdown_grace: ms(l.shutdown_grace_ms),
        }
    }
}

impl From<&ServeLimits> for web::Limits {
    fn from(l: &ServeLimits) -> Self {
        web::Limits {
            request_timeout: std::time::Duration::from_millis(l.timeout_ms),
            max_concurrency: l.max_concurrency as usize,
            max_body_bytes: l.max_body_bytes,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP service.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "TALENTDEX_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        #[command(flatten)]
        limits: ServeLimits,
        /// Search answers kept in memory for repeated queries (0: none).
        #[arg(long, env = "TALENTDEX_SEARCH_CACHE", default_value_t = web::cache::DEFAULT_ENTRIES)]
        search_cache: usize,
    },
    /// Validate the corpus and build the search index.
    Index,
    /// Search the clauses in Chinese or English.
    Search(search::SearchArgs),
    /// Show one clause by its ID (`bj2022-a1/2.8`).
    Clause {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Resolve a citation (`附件1第二条第8项`, `Annex 2, No. 6`) to its clause ID.
    Cite {
        /// The citation; several words are joined with spaces.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// List clauses, optionally of one document.
    Clauses {
        #[arg(long)]
        doc: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check an applicant's facts (a JSON file, as in the SPEC) against every post and criterion.
    Check {
        /// The facts file; `-` reads standard input.
        facts: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

/// Run a parsed command, writing its output to stdout.
pub fn run(cli: Cli) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let index = IndexLocation::Dir(cli.index.clone());
    let options = Options::new(cli.corpus.clone(), index);
    // Commands that never search need no index on disk: theirs is built in memory.
    let read = Options::new(cli.corpus.clone(), IndexLocation::Ram);
    match cli.command {
        Command::Serve {
            addr,
            ref limits,
            search_cache,
        } => serve(&options, addr, limits, search_cache),
        Command::Index => {
            let app = open(&read)?;
            render::index_summary(&mut out, app.corpus())?;
            let started = std::time::Instant::now();
            let (reason, clauses) = App::rebuild_index(&options, &cli.index)?;
            writeln!(
                out,
                "index built: {clauses} clauses in {} ms at {} ({reason})",
                started.elapsed().as_millis(),
                cli.index.display()
            )?;
            Ok(())
        }
        Command::Search(args) => {
            let request = args.request()?;
            let app = open(&options)?;
            let results = app.search(&request).context("search refused")?;
            if args.json {
                render::json(&mut out, &results)
            } else {
                search::render(&mut out, &results, search::Style::for_stdout())
            }
        }
        Command::Clause { id, json } => {
            let app = open(&read)?;
            let clause = app
                .clause(&id)
                .context("`talentdex clauses` lists the clauses")?;
            if json {
                render::json(&mut out, clause)
            } else {
                render::clause(&mut out, app.corpus(), clause)
            }
        }
        Command::Cite { text, json } => cite::run(&mut out, &open(&read)?, &text, json),
        Command::Clauses { doc, json } => {
            let app = open(&read)?;
            let clauses = app.clauses(doc.as_deref())?;
            if json {
                render::json(&mut out, &clauses)
            } else {
                render::clause_list(&mut out, &clauses)
            }
        }
        Command::Check { facts, json } => check::run(&mut out, &open(&read)?, &facts, json),
    }
}

fn open(options: &Options) -> Result<App> {
    Ok(App::open(options)?)
}

fn serve(
    options: &Options,
    addr: SocketAddr,
    limits: &ServeLimits,
    search_cache: usize,
) -> Result<()> {
    let app = open(options)?;
    let took = app.opened().took;
    let state = web::AppState::new(std::sync::Arc::new(app))
        .with_limits(limits.into())
        .with_search_cache(search_cache);
    state.metrics.set_index_build(took);
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        web::serve(state, addr, limits.into())
            .await
            .with_context(|| format!("cannot serve on {addr}"))
    })
}
