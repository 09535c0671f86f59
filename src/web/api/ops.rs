//! Web: operations endpoints — `/readyz` (ready once the corpus and index are open) and
//! `/metrics` (Prometheus text format).

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::web::AppState;

/// The content type of Prometheus' text exposition format.
const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

#[derive(Serialize, ToSchema)]
pub struct Ready {
    /// Always `ready`.
    status: &'static str,
    /// How many clauses the corpus holds.
    clauses: usize,
    /// The hash of the corpus sources the index was built from.
    corpus_hash: String,
}

/// A state exists only once the corpus is loaded and the index open, so answering is being ready.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    summary = "Readiness: the corpus is loaded and the index open.",
    responses((status = 200, description = "Ready to serve.", body = Ready)))]
pub async fn readyz(State(state): State<AppState>) -> Json<Ready> {
    Json(Ready {
        status: "ready",
        clauses: state.app.corpus().clauses().len(),
        corpus_hash: state.app.corpus().hash().to_string(),
    })
}

/// Prometheus metrics: requests and latency by route, load shed, index build time.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses(
        (status = 200, description = "Prometheus text exposition format 0.0.4.",
            content_type = "text/plain; version=0.0.4; charset=utf-8", body = String),
    ))]
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, PROMETHEUS_TEXT)],
        state.metrics.render(),
    )
}
