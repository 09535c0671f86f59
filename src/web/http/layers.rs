//! Web: the middleware around every route — request IDs, tracing, metrics, load shedding,
//! timeouts, caching (ETag from the corpus hash), CORS for GET, compression and security headers.
//! `router` stays a list of routes; this module decides how each request is handled around them.

use crate::web::http::error::ErrorCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use super::security;
use crate::model::beijing_today;
use crate::web::{ApiError, AppState};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// Seconds a client should wait after a 503 before trying again.
const RETRY_AFTER_SECONDS: &str = "1";
/// How long clients and proxies may reuse a read answer before revalidating it.
const CACHE_CONTROL_READ: &str = "public, max-age=300";
const CACHE_CONTROL_NONE: &str = "no-store";
/// Routes whose answers say something about this instant, never cached.
pub(crate) const UNCACHED: [&str; 3] = ["/healthz", "/readyz", "/metrics"];

/// The service's limits; flags and `TALENTDEX_*` variables set them (see the README).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A request still running after this gets a 503 `timeout`.
    pub request_timeout: Duration,
    /// Requests in flight beyond this are shed with 503 and `Retry-After`.
    pub max_concurrency: usize,
    /// Larger request bodies get a 413.
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(10),
            max_concurrency: 1024,
            max_body_bytes: 1024 * 1024,
        }
    }
}

/// Wrap the routes in every layer, outermost first in reading order.
pub fn apply(routes: Router<AppState>, state: AppState) -> Router {
    let trace = TraceLayer::new_for_http().make_span_with(|req: &Request| {
        let id = req
            .headers()
            .get(&REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("-");
        tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
    });
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers(Any)
        .expose_headers([REQUEST_ID, header::ETAG]);
    routes
        .layer(middleware::from_fn_with_state(state.clone(), cache))
        .layer(middleware::from_fn_with_state(state.clone(), timeout))
        .layer(middleware::from_fn_with_state(state.clone(), shed_load))
        .layer(axum::extract::DefaultBodyLimit::max(
            state.limits.max_body_bytes,
        ))
        .layer(CompressionLayer::new())
        .layer(cors)
        .layer(middleware::map_response(security::headers))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::internal("the server failed on this request").into_response()
        }))
        .layer(middleware::from_fn_with_state(state.clone(), track))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(trace)
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

/// Count and time every request by its route pattern (not its path, which is unbounded).
async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    state
        .metrics
        .record(method.as_str(), &route, status, started.elapsed());
    if response.status().is_server_error() {
        tracing::warn!(status, route, "server error");
    }
    response
}

/// Refuse work beyond the concurrency limit at once, rather than queueing without bound.
async fn shed_load(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Ok(_permit) = Arc::clone(&state.inflight).try_acquire_owned() else {
        state.metrics.record_shed();
        let mut response = ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Overloaded,
            "too many requests in flight; retry shortly",
        )
        .into_response();
        response.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECONDS),
        );
        return response;
    };
    next.run(req).await
}

async fn timeout(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = state.limits.request_timeout;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::Timeout,
            format!("the request took longer than {} ms", limit.as_millis()),
        )
        .into_response(),
    }
}

/// The validator of every read answer: the corpus hash and Beijing's date (answers that default
/// `as_of` to today change at midnight).
fn etag(state: &AppState) -> String {
    const HASH_CHARS: usize = 16;
    let hash = state.app.corpus().hash();
    format!(
        "\"{}-{}\"",
        &hash[..HASH_CHARS.min(hash.len())],
        beijing_today()
    )
}

/// `ETag` and `Cache-Control` on successful reads; `304` when `If-None-Match` matches.
async fn cache(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let uncached = UNCACHED.contains(&req.uri().path());
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(req).await;
    if uncached {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(CACHE_CONTROL_NONE),
        );
        return response;
    }
    if !read || response.status() != StatusCode::OK {
        return response;
    }
    let tag = etag(&state);
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    let Ok(value) = HeaderValue::from_str(&tag) else {
        return response;
    };
    if matches {
        response = StatusCode::NOT_MODIFIED.into_response();
    }
    let headers = response.headers_mut();
    headers.insert(header::ETAG, value);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL_READ),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_request_over_the_time_limit_gets_a_503_timeout() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let app = crate::app::App::in_ram(&dir).expect("the application opens");
        let limits = Limits {
            request_timeout: Duration::from_millis(10),
            ..Limits::default()
        };
        let state = AppState::new(Arc::new(app)).with_limits(limits);
        let slow = Router::new().route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        );
        let app = apply(slow, state);
        let request = Request::get("/slow").body(Body::empty()).unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["code"], "timeout");
    }
}
