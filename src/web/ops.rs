//! Web: operations endpoints — `/readyz` (ready once the corpus and index are open) and
//! `/metrics` (Prometheus text format).

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;

use super::AppState;

/// The content type of Prometheus' text exposition format.
const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

#[derive(Serialize)]
pub struct Ready {
    status: &'static str,
    clauses: usize,
    corpus_hash: String,
}

/// A state exists only once the corpus is loaded and the index open, so answering is being ready.
pub async fn readyz(State(state): State<AppState>) -> Json<Ready> {
    Json(Ready {
        status: "ready",
        clauses: state.corpus.clauses().len(),
        corpus_hash: state.corpus.hash().to_string(),
    })
}

pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, PROMETHEUS_TEXT)],
        state.metrics.render(),
    )
}
