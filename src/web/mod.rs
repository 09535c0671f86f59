//! Web: a front end over the application layer. `router(state)` builds the axum app — the JSON
//! API (`api`), the HTML pages (`pages`), the MCP endpoint (`/mcp`, the `mcp` front end over
//! HTTP) and the HTTP plumbing they share (`http`) — and `serve` binds it. Handlers parse a request, call `App`, render; no Markdown or tantivy type crosses
//! into this layer.

mod api;
pub mod http;
mod pages;
mod routes;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;

pub use crate::app::SEARCH_PARAMS;
pub use api::openapi::openapi;
pub use http::cache;
pub use http::error::{ApiError, ERROR_CODES, ErrorCode};
pub use http::layers::Limits;
pub use http::metrics::Metrics;
pub use http::server::ConnLimits;
pub use routes::{MCP_PATH, Route, table as routes};

use crate::app::App;

/// What every handler can reach: the application, and what the HTTP service adds around it.
/// Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
    /// Serialised search answers (see `cache`).
    pub search_cache: Arc<cache::ResponseCache>,
    pub limits: Limits,
    pub metrics: Arc<Metrics>,
    /// Permits for requests in flight; `Limits::max_concurrency` of them.
    inflight: Arc<tokio::sync::Semaphore>,
    /// Permits for CPU work on blocking threads: one per core.
    cpu: Arc<tokio::sync::Semaphore>,
    /// The `Host` names `/mcp` accepts (empty: any); loopback names by default.
    pub mcp_allowed_hosts: Arc<[String]>,
}

/// How many handlers may compute at once: the cores this process may use.
pub(crate) fn cpu_slots() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

impl AppState {
    /// The state over an opened application, with the default limits and no search cache.
    pub fn new(app: Arc<App>) -> Self {
        let limits = Limits::default();
        Self {
            app,
            search_cache: Arc::default(),
            limits,
            metrics: Arc::new(Metrics::default()),
            inflight: Arc::new(tokio::sync::Semaphore::new(limits.max_concurrency)),
            cpu: Arc::new(tokio::sync::Semaphore::new(cpu_slots())),
            mcp_allowed_hosts: crate::mcp::LOOPBACK_HOSTS.map(String::from).into(),
        }
    }

    /// Accept these `Host` names on `/mcp` (empty: any).
    pub fn with_mcp_allowed_hosts(mut self, hosts: Vec<String>) -> Self {
        self.mcp_allowed_hosts = hosts.into();
        self
    }

    /// The same state with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self.inflight = Arc::new(tokio::sync::Semaphore::new(limits.max_concurrency));
        self
    }

    /// Keep at most `entries` search answers (0: none).
    pub fn with_search_cache(mut self, entries: usize) -> Self {
        self.search_cache = Arc::new(cache::ResponseCache::new(entries, cache::MAX_BYTES));
        self
    }
}

/// The whole HTTP app, without binding a socket (tests drive it with `oneshot`): every route of
/// `routes`, a 405 for other methods on their paths and a 404 elsewhere, inside `layers`.
pub fn router(state: AppState) -> Router {
    let routes = routes::router(&state)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .fallback(fallback);
    http::layers::apply(routes, state)
}

/// Unknown API routes get a JSON 404; anything else an HTML one.
async fn fallback(uri: axum::http::Uri) -> axum::response::Response {
    use axum::response::IntoResponse;
    if uri.path().starts_with("/api/") {
        api::not_found().await.into_response()
    } else {
        pages::not_found().await.into_response()
    }
}

/// Bind `addr` and serve until Ctrl-C or SIGTERM, finishing requests in flight within
/// `conn.shutdown_grace`.
pub async fn serve(state: AppState, addr: SocketAddr, conn: ConnLimits) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "talentdex listening");
    http::server::run(listener, router(state), conn, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
