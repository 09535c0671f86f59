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
mod ops;
mod pages;
mod params;
mod search;
mod security;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

pub use error::ApiError;
pub use layers::Limits;
pub use metrics::Metrics;

use crate::model::Corpus;
use crate::search::SearchEngine;

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub corpus: Arc<Corpus>,
    pub search: Arc<SearchEngine>,
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

/// The whole HTTP app, without binding a socket (tests drive it with `oneshot`).
pub fn router(state: AppState) -> Router {
    let routes = Router::new()
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/api/documents", get(api::documents))
        .route("/api/clauses", get(api::clauses))
        .route("/api/clauses/{*id}", get(api::clause))
        .route("/api/posts", get(api::posts))
        .route("/api/posts/{n}", get(api::post))
        .route(
            "/api/eligibility",
            post(eligibility::eligibility).fallback(eligibility::method_not_allowed),
        )
        .route("/api/search", get(search::search))
        .route("/api/resolve", get(cite::resolve))
        .route(
            "/api/link",
            post(cite::link).fallback(cite::method_not_allowed),
        )
        .route("/cite", get(cite::page_without_citation))
        .route("/cite/", get(cite::page_without_citation))
        .route("/cite/{*text}", get(cite::page))
        .route("/", get(pages::home))
        .route("/clause/{*id}", get(pages::clause))
        .route("/posts", get(pages::posts))
        .route("/posts/{n}", get(pages::post))
        .route("/compare", get(pages::compare_page))
        .route("/eligibility", get(pages::eligibility::page))
        .route("/search", get(pages::search::page))
        .route("/static/{name}", get(assets::asset))
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
