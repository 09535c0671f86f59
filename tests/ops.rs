//! Operations and HTTP hygiene: request IDs, security headers, caching with ETag, CORS,
//! compression, load shedding, readiness and metrics.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use talentdex::web::{self, Limits};

use crate::common::{app, corpus, error_code, send, state};

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("a request")
}

#[tokio::test]
async fn every_response_has_a_request_id_and_security_headers() {
    for uri in ["/api/posts", "/", "/api/nothing", "/clause/nope"] {
        let (_, headers, _) = send(app(), get(uri)).await;
        let id = headers
            .get("x-request-id")
            .expect("a request id")
            .to_str()
            .unwrap();
        assert_eq!(id.len(), 36, "{uri}: a UUID, got {id}");
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(headers.contains_key(header::REFERRER_POLICY));
    }
    // A request ID the caller sent is kept, so logs on both sides line up.
    let request = Request::get("/healthz")
        .header("x-request-id", "abc-123")
        .body(Body::empty())
        .unwrap();
    let (_, headers, _) = send(app(), request).await;
    assert_eq!(headers["x-request-id"], "abc-123");
}

#[tokio::test]
async fn reads_carry_an_etag_and_if_none_match_gets_304() {
    let (status, headers, _) = send(app(), get("/api/clauses/bj2022-a1/2.8")).await;
    assert_eq!(status, StatusCode::OK);
    let etag = headers[header::ETAG].to_str().unwrap().to_string();
    assert!(
        etag.starts_with(&format!("\"{}", &corpus().hash()[..16])),
        "{etag}"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "public, max-age=300");
    let request = Request::get("/api/clauses/bj2022-a1/2.8")
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    assert_eq!(headers[header::ETAG], etag.as_str());
    // A stale tag gets the full answer.
    let request = Request::get("/api/clauses/bj2022-a1/2.8")
        .header(header::IF_NONE_MATCH, "\"stale\"")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(app(), request).await.0, StatusCode::OK);
    // Errors and health checks are not cached.
    let (_, headers, _) = send(app(), get("/api/clauses/nope")).await;
    assert!(!headers.contains_key(header::ETAG));
    let (_, headers, _) = send(app(), get("/healthz")).await;
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn cors_is_open_for_get_and_answers_are_compressed_on_request() {
    let request = Request::options("/api/posts")
        .header(header::ORIGIN, "https://example.org")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = send(app(), request).await;
    assert!(status.is_success(), "{status}");
    assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    assert!(
        headers[header::ACCESS_CONTROL_ALLOW_METHODS]
            .to_str()
            .unwrap()
            .contains("GET")
    );
    let request = Request::get("/api/clauses")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let (_, headers, _) = send(app(), request).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn over_the_concurrency_limit_requests_are_shed_with_503_and_retry_after() {
    // With no permits at all, every request is over the limit: the shedding path, deterministically.
    let limits = Limits {
        max_concurrency: 0,
        ..Limits::default()
    };
    let shedding = state().with_limits(limits);
    let app = web::router(shedding.clone());
    let (status, headers, body) = send(app.clone(), get("/api/posts")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(headers[header::RETRY_AFTER], "1");
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_code(&body), "overloaded");
    // Shed requests are counted, so an operator sees the limit biting.
    assert!(
        shedding
            .metrics
            .render()
            .contains("talentdex_http_requests_shed_total 1")
    );
}

#[tokio::test]
async fn readyz_and_metrics_report_the_service() {
    let app = web::router(state());
    let (status, _, body) = send(app.clone(), get("/readyz")).await;
    assert_eq!(status, StatusCode::OK);
    let ready: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["corpus_hash"], corpus().hash());
    send(app.clone(), get("/api/posts/6")).await;
    send(app.clone(), get("/api/posts/6")).await;
    let (status, headers, body) = send(app, get("/metrics")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = String::from_utf8_lossy(&body);
    assert!(
        text.contains(
            r#"talentdex_http_requests_total{method="GET",route="/api/posts/{n}",status="200"} 2"#
        ),
        "{text}"
    );
    assert!(
        text.contains("talentdex_http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.contains("talentdex_index_build_seconds"), "{text}");
}
