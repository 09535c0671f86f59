//! Web: operations endpoints — `/readyz` (ready while the index answers a probe search. and
//! `/metrics` (Prometheus text format).

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::SearchRequest;
use crate::web::http::error::ErrorCode;
use crate::web::{ApiError, AppState};

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

/// Characters of a clause's title the probe searches for.
const PROBE_CHARS: usize = 8;

/// Ready while the index answers: a search for the first titled clause's title must find
/// something.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    summary = "Readiness: the corpus is loaded and the index answers a probe search.",
    responses(
        (status = 200, description = "Ready to serve.", body = Ready),
        (status = 503, description = "The index cannot answer a probe query (`not_ready`)."),
    ))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Ready>, ApiError> {
    let corpus = state.app.corpus();
    let probe = corpus
        .clauses()
        .iter()
        .map(|c| c.title.zh.trim())
        .find(|t| !t.is_empty())
        .map(|t| t.chars().take(PROBE_CHARS).collect::<String>());
    if let Some(probe) = probe {
        let answered = state
            .app
            .search(&SearchRequest::new(probe))
            .map(|results| results.total > 0);
        if !matches!(answered, Ok(true)) {
            if let Err(e) = &answered {
                tracing::error!(error = %e, "the readiness probe failed");
            }
            return Err(ApiError::new(
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::NotReady,
                "the index cannot answer a probe query",
            ));
        }
    }
    Ok(Json(Ready {
        status: "ready",
        clauses: corpus.clauses().len(),
        corpus_hash: corpus.hash().to_string(),
    }))
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
