//! CLI: the edge of the program. The clap commands of `talentdex` and what each runs; errors
//! become `anyhow` with context here and nowhere else.

mod check;
mod cite;
mod link;
mod render;
mod search;
mod suggest;

use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::{Parser, Subcommand};

use crate::app::{App, AppError, CorpusSource, IndexLocation, Options};
use crate::web;

/// Where `--index` points when a corpus directory is given without one.
const DEFAULT_INDEX_DIR: &str = "index";

/// Bilingual search, citation and eligibility over Beijing's foreign talent rules.
#[derive(Debug, Parser)]
#[command(name = "talentdex", version, about)]
pub struct Cli {
    /// A corpus directory (Markdown sources) instead of the corpus built into the binary.
    #[arg(long, global = true, env = "TALENTDEX_CORPUS")]
    pub corpus: Option<PathBuf>,
    /// Where the search index is kept. Without it the built-in corpus's index is built in memory
    /// at start, and a `--corpus` directory's is kept in `./index`.
    #[arg(long, global = true, env = "TALENTDEX_INDEX")]
    pub index: Option<PathBuf>,
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
        /// Address to listen on: `127.0.0.1:8080`, `localhost:8080`, `[::1]:8080`.
        #[arg(long, env = "TALENTDEX_ADDR", default_value = "127.0.0.1:8080", value_parser = parse_addr)]
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
        /// The clause ID; `talentdex clauses` lists them.
        id: String,
        /// Print the clause as the API's JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Resolve a citation (`附件1第二条第8项`, `Annex 2, No. 6`) to its clause ID.
    Cite {
        /// The citation; several words are joined with spaces.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// Print the resolution as the API's JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print a text with its citations linked (`--format json|markdown|html`).
    Link(link::LinkArgs),
    /// List clauses, optionally of one document.
    Clauses {
        /// Only the clauses of this document, by its ID (bj2022, bj2022-a1, bj2022-a2, …).
        #[arg(long)]
        doc: Option<String>,
        /// Print the clauses as the API's JSON instead of a list.
        #[arg(long)]
        json: bool,
    },
    /// Speak MCP (Model Context Protocol) on stdin and stdout, for an AI assistant (docs/mcp.md).
    Mcp,
    /// Check an applicant's facts (a JSON file, as in the SPEC) against every post and criterion.
    Check {
        /// The facts file; `-` reads standard input.
        facts: PathBuf,
        /// Print the answer as the API's JSON instead of a report.
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    /// Whether the command serves (and so logs its requests at INFO) rather than reads once.
    pub fn serves(&self) -> bool {
        matches!(self.command, Command::Serve { .. })
    }

    fn corpus_source(&self) -> CorpusSource {
        match &self.corpus {
            Some(dir) => CorpusSource::Dir(dir.clone()),
            None => CorpusSource::BuiltIn,
        }
    }

    /// The index `--index` names; else none for the built-in corpus, `./index` for a directory.
    fn index_dir(&self) -> Option<PathBuf> {
        self.index.clone().or_else(|| {
            self.corpus
                .as_ref()
                .map(|_| PathBuf::from(DEFAULT_INDEX_DIR))
        })
    }
}

/// `host:port` resolved to the first address it names (`localhost:8080` as well as an IP).
fn parse_addr(text: &str) -> Result<SocketAddr, String> {
    text.to_socket_addrs()
        .map_err(|e| format!("`{text}` is not a host:port address ({e})"))?
        .next()
        .ok_or_else(|| format!("`{text}` names no address"))
}

/// Run a parsed command, writing its output to stdout.
pub fn run(cli: Cli) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let corpus = cli.corpus_source();
    let index_dir = cli.index_dir();
    let index = index_dir
        .clone()
        .map_or(IndexLocation::Ram, IndexLocation::Dir);
    let options = Options::new(corpus.clone(), index);
    // Commands that never search need no index on disk: theirs is built in memory.
    let read = Options::new(corpus, IndexLocation::Ram);
    match cli.command {
        Command::Serve {
            addr,
            ref limits,
            search_cache,
        } => serve(&options, addr, limits, search_cache),
        Command::Index => {
            let app = open(&read)?;
            render::index_summary(&mut out, app.corpus())?;
            let dir = index_dir.unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX_DIR));
            let started = std::time::Instant::now();
            let (reason, clauses) = App::rebuild_index(&options, &dir)?;
            writeln!(
                out,
                "index built: {clauses} clauses in {} ms at {} ({reason})",
                started.elapsed().as_millis(),
                dir.display()
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
            let clause = app.clause(&id).map_err(|e| {
                let ids = app.corpus().clauses().iter().map(|c| c.id.as_str());
                with_suggestion(e, &id, ids, "`talentdex clauses` lists the clauses")
            })?;
            if json {
                render::json(&mut out, clause)
            } else {
                render::clause(&mut out, app.corpus(), clause)
            }
        }
        Command::Cite { text, json } => cite::run(&mut out, &open(&read)?, &text, json),
        Command::Link(args) => link::run(&mut out, &open(&read)?, &args),
        Command::Clauses { doc, json } => {
            let app = open(&read)?;
            let clauses = app.clauses(doc.as_deref()).map_err(|e| {
                let ids = app.corpus().documents().iter().map(|d| d.id.as_str());
                with_suggestion(e, doc.as_deref().unwrap_or_default(), ids, "")
            })?;
            if json {
                render::json(&mut out, &clauses)
            } else {
                render::clause_list(&mut out, &clauses)
            }
        }
        Command::Check { facts, json } => check::run(&mut out, &open(&read)?, &facts, json),
        Command::Mcp => {
            // stdout is the protocol's: nothing else may write to it.
            drop(out);
            mcp(&options)
        }
    }
}

/// `talentdex mcp`: serve one client on stdio until it closes stdin.
fn mcp(options: &Options) -> Result<()> {
    let app = std::sync::Arc::new(open(options)?);
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let served = runtime.block_on(crate::mcp::serve_stdio(app));
    // The stdin reader may still be blocked in a read: do not wait for it.
    runtime.shutdown_background();
    served.context("the MCP session failed")
}

fn open(options: &Options) -> Result<App> {
    Ok(App::open(options)?)
}

/// An unknown-ID error with "did you mean" when a known ID is close, else `hint` (if any).
fn with_suggestion<'a>(
    err: AppError,
    given: &str,
    known: impl IntoIterator<Item = &'a str>,
    hint: &str,
) -> anyhow::Error {
    let found_nothing = matches!(
        err,
        AppError::UnknownClause { .. } | AppError::UnknownDocument { .. }
    );
    match suggest::did_you_mean(given, known).filter(|_| found_nothing) {
        Some(near) => anyhow!("{err}; did you mean `{near}`?"),
        None if hint.is_empty() => anyhow!(err),
        None => anyhow!(err).context(hint.to_string()),
    }
}

/// Whether `err` is stdout closed early (`talentdex … | head`): not a failure of the command.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(|e| e.kind());
        // `--json` writes through serde_json, which wraps the I/O error.
        let json = || {
            cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
        };
        io == broken || json() == broken
    })
}

fn serve(
    options: &Options,
    addr: SocketAddr,
    limits: &ServeLimits,
    search_cache: usize,
) -> Result<()> {
    let app = open(options)?;
    let took = app.opened().took;
    let mut state = web::AppState::new(std::sync::Arc::new(app))
        .with_limits(limits.into())
        .with_search_cache(search_cache);
    // `/mcp` refuses `Host` names other than loopback ones (DNS rebinding) when the service is
    // bound to loopback; bound to another address, it answers whatever name clients reach it by
    // (its tools only read public texts, as the API does).
    if !addr.ip().is_loopback() {
        state = state.with_mcp_allowed_hosts(Vec::new());
    }
    state.metrics.set_index_build(took);
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        web::serve(state, addr, limits.into())
            .await
            .with_context(|| format!("cannot serve on {addr}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Why: `serve --addr localhost:8080` was refused: only an IP address parsed.
    #[test]
    fn an_address_may_name_its_host() {
        assert!(parse_addr("localhost:8080").unwrap().ip().is_loopback());
        assert_eq!(parse_addr("127.0.0.1:9").unwrap().port(), 9);
        assert!(parse_addr("localhost").unwrap_err().contains("host:port"));
    }

    #[test]
    fn words_after_search_are_one_query() {
        let cli = Cli::try_parse_from(["talentdex", "search", "chip", "design", "--limit", "3"]);
        let Command::Search(args) = cli.unwrap().command else {
            panic!("a search")
        };
        assert_eq!(
            (args.query.join(" "), args.limit),
            ("chip design".into(), 3)
        );
    }
}
