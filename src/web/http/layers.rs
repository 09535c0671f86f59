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
use tower_http::compression::{CompressionLayer, CompressionLevel};
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
/// Answers judged on an applicant's facts: no shared cache may keep them.
const CACHE_CONTROL_PERSONAL: &str = "private, no-store";
/// Routes whose answers are about one applicant's facts.
pub(crate) const PERSONAL: [&str; 2] = ["/eligibility", "/api/eligibility"];
/// The encoding named in the ETag of an answer sent as it is.
const IDENTITY: &str = "identity";
/// Static assets: served from memory, no CPU work worth a blocking thread.
const STATIC_PREFIX: &str = "/static/";
/// The compression level of every answer, brotli's quality and gzip's level alike: answers are
/// made per request, so compressing must cost less than sending. Brotli's default here (4) reset
/// a 512 KiB hash table per answer; quality 1 compresses a search answer several times faster,
/// a little larger (`cargo bench --bench compression`; figures in docs/figures.md).
const COMPRESSION_LEVEL: i32 = 1;
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
    // `cache` sits outside compression so that the ETag can name the content encoding.
    routes
        .layer(middleware::from_fn_with_state(state.clone(), offload))
        .layer(middleware::from_fn_with_state(state.clone(), timeout))
        .layer(middleware::from_fn_with_state(state.clone(), shed_load))
        .layer(axum::extract::DefaultBodyLimit::max(
            state.limits.max_body_bytes,
        ))
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(COMPRESSION_LEVEL)))
        .layer(middleware::from_fn_with_state(state.clone(), cache))
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
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let started = Instant::now();
    let mut response = next.run(req).await;
    if let (Some(_), Some(id)) = (
        response.extensions().get::<super::error::Internal>(),
        request_id,
    ) {
        response = with_body(response, super::error::internal_body(&id));
    }
    let status = response.status().as_u16();
    state
        .metrics
        .record(method.as_str(), &route, status, started.elapsed());
    if response.status().is_server_error() {
        tracing::warn!(status, route, "server error");
    }
    response
}

/// The same response with another (JSON, uncompressed) body.
fn with_body(response: Response, body: Vec<u8>) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_ENCODING);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// Refuse work beyond the concurrency limit at once, rather than queueing without bound. The
/// operations routes are never shed: an orchestrator must see a busy service as alive.
async fn shed_load(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if UNCACHED.contains(&req.uri().path()) {
        return next.run(req).await;
    }
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

/// A request not answered within `request_timeout` — reading its body, waiting for a CPU slot or
/// computing — gets a 503 `timeout` with `Retry-After`.
async fn timeout(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = state.limits.request_timeout;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => timed_out(limit),
    }
}

fn timed_out(limit: Duration) -> Response {
    let mut response = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Timeout,
        format!("the request took longer than {} ms", limit.as_millis()),
    )
    .into_response();
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    response
}

/// Run the handler on a blocking thread, at most one per core at a time, once its body is read
/// on the async side: search, linking, eligibility and pages are CPU work, and on the async
/// workers a burst of them would starve every other connection. Cheap routes (operations,
/// static assets) stay where they are, so a busy service still answers `/healthz`.
async fn offload(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if UNCACHED.contains(&path) || path.starts_with(STATIC_PREFIX) {
        return next.run(req).await;
    }
    // A body is read here, on the async side, so that a slow upload holds no core; bodies of
    // reads are left alone (their handlers never read them).
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        return on_a_core(&state, req, next).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, state.limits.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::BodyTooLarge,
                format!(
                    "the body is larger than {} bytes (or was cut off)",
                    state.limits.max_body_bytes
                ),
            )
            .into_response();
        }
    };
    let req = Request::from_parts(parts, axum::body::Body::from(bytes));
    on_a_core(&state, req, next).await
}

/// Run the rest of the request on a blocking thread once a core's permit is free.
async fn on_a_core(state: &AppState, req: Request, next: Next) -> Response {
    let Ok(permit) = Arc::clone(&state.cpu).acquire_owned().await else {
        return ApiError::internal("the server is shutting down").into_response();
    };
    let runtime = tokio::runtime::Handle::current();
    let limit = state.limits.request_timeout;
    // The permit goes with the work: a computation the `timeout` layer gave up on still holds
    // its core until it ends, so admission never counts more work than there are cores.
    let work = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        runtime.block_on(tokio::time::timeout(limit, next.run(req)))
    });
    match work.await {
        Ok(Ok(response)) => response,
        Ok(Err(_)) => timed_out(limit),
        Err(_) => ApiError::internal("the server failed on this request").into_response(),
    }
}

/// The validator of a read answer: the corpus hash, Beijing's date (answers that default `as_of`
/// to today change at midnight), the program's version and the content encoding (a gzip body and
/// a plain one are different representations).
fn etag(state: &AppState, encoding: &str) -> String {
    const HASH_CHARS: usize = 16;
    let hash = state.app.corpus().hash();
    format!(
        "\"{}-{}-{}-{encoding}\"",
        &hash[..HASH_CHARS.min(hash.len())],
        beijing_today(),
        env!("CARGO_PKG_VERSION"),
    )
}

/// Whether `If-None-Match` names `tag`, by the weak comparison RFC 9110 §13.1.2 prescribes for
/// it (a `W/` prefix on either side does not matter).
fn none_match(header: &str, tag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let tag = opaque(tag);
    header
        .split(',')
        .any(|t| t.trim() == "*" || opaque(t) == tag)
}

/// `ETag` and `Cache-Control` on successful reads; `304` when `If-None-Match` matches.
/// Answers about an applicant's facts are never stored by anyone but the applicant.
async fn cache(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let read = matches!(*req.method(), Method::GET | Method::HEAD);
    let path = req.uri().path();
    let uncached = UNCACHED.contains(&path);
    let personal = PERSONAL.contains(&path);
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(req).await;
    if uncached || personal {
        let value = if personal {
            CACHE_CONTROL_PERSONAL
        } else {
            CACHE_CONTROL_NONE
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        return response;
    }
    if !read || response.status() != StatusCode::OK {
        return response;
    }
    let encoding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or(IDENTITY)
        .to_string();
    let tag = etag(&state, &encoding);
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| none_match(v, &tag));
    let Ok(value) = HeaderValue::from_str(&tag) else {
        return response;
    };
    if matches {
        let vary = response.headers().get(header::VARY).cloned();
        response = StatusCode::NOT_MODIFIED.into_response();
        if let Some(vary) = vary {
            response.headers_mut().insert(header::VARY, vary);
        }
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
        // Issue 13 (point 10): timeout 503s lacked `Retry-After`.
        assert_eq!(response.headers()[header::RETRY_AFTER], RETRY_AFTER_SECONDS);
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["error"]["code"], "timeout");
    }

    /// Issue 13: heavy requests ran on the async workers, and a burst of them made `/healthz`
    /// take 12 s. CPU work runs on blocking threads, at most one per core at a time.
    #[tokio::test]
    async fn cpu_work_leaves_the_async_workers_free_and_is_admitted_per_core() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MOST: AtomicUsize = AtomicUsize::new(0);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let app = crate::app::App::in_ram(&dir).expect("the application opens");
        let state = AppState::new(Arc::new(app));
        let cores = crate::web::cpu_slots();
        let routes = Router::new()
            .route(
                "/busy",
                get(|| async {
                    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
                    MOST.fetch_max(now, Ordering::SeqCst);
                    // Blocking the thread, as a long computation does.
                    std::thread::sleep(Duration::from_millis(400));
                    RUNNING.fetch_sub(1, Ordering::SeqCst);
                    "done"
                }),
            )
            .route("/healthz", get(|| async { "ok" }));
        let app = apply(routes, state);
        let busy: Vec<_> = (0..cores * 3)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move {
                    let request = Request::get("/busy").body(Body::empty()).unwrap();
                    app.oneshot(request).await.unwrap().status()
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let started = Instant::now();
        let request = Request::get("/healthz").body(Body::empty()).unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            started.elapsed() < Duration::from_millis(300),
            "{:?}",
            started.elapsed()
        );
        for b in busy {
            assert_eq!(b.await.unwrap(), StatusCode::OK);
        }
        assert_eq!(
            MOST.load(Ordering::SeqCst),
            cores,
            "one computation per core at a time"
        );
    }
}
