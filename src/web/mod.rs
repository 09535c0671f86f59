//! Web: the end of the pipeline. `router(state)` builds the axum app over the loaded corpus (and,
//! search and, as they arrive, eligibility and citations); `serve` binds it. No Markdown or tantivy
//! type crosses into this layer.

mod api;
mod assets;
pub mod cache;
mod cite;
mod eligibility;
mod error;
mod extract;
mod layers;
mod metrics;
mod openapi;
mod ops;
mod pages;
mod params;
mod routes;
mod search;
mod security;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;

pub use error::{ApiError, ERROR_CODES};
pub use layers::Limits;
pub use metrics::Metrics;
pub use openapi::openapi;
pub use routes::{ROUTES, Route};
pub use search::SEARCH_PARAMS;

use crate::eligibility::Eligibility;
use crate::model::Corpus;
use crate::search::SearchEngine;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub corpus: Arc<Corpus>,
    pub search: Arc<SearchEngine>,
    /// The eligibility engine over the same corpus.
    pub eligibility: Arc<Eligibility>,
    /// Serialised search answers (see `cache`).
    pub search_cache: Arc<cache::ResponseCache>,
    pub limits: Limits,
    pub metrics: Arc<Metrics>,
    /// Permits for requests in flight; `Limits::max_concurrency` of them.
    inflight: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// The state over a search engine; `corpus` is the one its index was checked against, so
    /// search and the other routes always agree.
    pub fn new(search: Arc<SearchEngine>) -> Self {
        let limits = Limits::default();
        Self {
            corpus: search.corpus().clone(),
            eligibility: Arc::new(Eligibility::new(
                search.corpus().clone(),
                search.analyzer().synonyms(),
            )),
            search,
            search_cache: Arc::default(),
            limits,
            metrics: Arc::new(Metrics::default()),
            inflight: Arc::new(tokio::sync::Semaphore::new(limits.max_concurrency)),
        }
    }

    /// Keep at most `entries` search answers (0: none).
    /// The same state with other limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self.inflight = Arc::new(tokio::sync::Semaphore::new(limits.max_concurrency));
        self
    }

    pub fn with_search_cache(mut self, entries: usize) -> Self {
        self.search_cache = Arc::new(cache::ResponseCache::new(entries, cache::MAX_BYTES));
        self
    }
}

/// The whole HTTP app, without binding a socket (tests drive it with `oneshot`): every route of
/// `ROUTES`, a 405 for other methods on their paths and a 404 elsewhere, inside `layers`.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES
        .iter()
        .fold(Router::new(), |router, route| {
            router.route(route.path, route.method_router())
        })
        .method_not_allowed_fallback(routes::method_not_allowed)
        .fallback(fallback);
    layers::apply(routes, state)
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
