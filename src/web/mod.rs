//! Web: the end of the pipeline. `router(state)` builds the axum app over the loaded corpus (and,
//! search and, as they arrive, eligibility and citations); `serve` binds it. No Markdown or tantivy
//! type crosses into this layer.

mod api;
pub mod cache;
mod error;
mod extract;
mod params;
mod search;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;

pub use error::ApiError;

use crate::model::Corpus;
use crate::search::SearchEngine;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub corpus: Arc<Corpus>,
    pub search: Arc<SearchEngine>,
    /// Serialised search answers (see `cache`).
    pub search_cache: Arc<cache::ResponseCache>,
}

impl AppState {
    /// The state over a search engine; `corpus` is the one its index was checked against, so
    /// search and the other routes always agree.
    pub fn new(search: Arc<SearchEngine>) -> Self {
        Self {
            corpus: search.corpus().clone(),
            search,
            search_cache: Arc::default(),
        }
    }

    /// Keep at most `entries` search answers (0: none).
    pub fn with_search_cache(mut self, entries: usize) -> Self {
        self.search_cache = Arc::new(cache::ResponseCache::new(entries, cache::MAX_BYTES));
        self
    }
}

/// The whole HTTP app, without binding a socket (tests drive it with `oneshot`).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(api::healthz))
        .route("/api/documents", get(api::documents))
        .route("/api/clauses", get(api::clauses))
        .route("/api/clauses/{*id}", get(api::clause))
        .route("/api/posts", get(api::posts))
        .route("/api/posts/{n}", get(api::post))
        .route("/api/search", get(search::search))
        .fallback(api::not_found)
        .with_state(state)
}

/// Bind `addr` and serve until Ctrl-C or SIGTERM, finishing requests in flight.
pub async fn serve(state: AppState, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(addr = %listener.local_addr()?, "talentdex listening");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
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
