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

fn post_json(uri: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("a request")
}

/// Issue 13: every made-up method became a new metrics series (15,000 of them: 71 MB).
#[tokio::test]
async fn made_up_methods_count_as_other_in_metrics() {
    let state = state();
    let app = web::router(state.clone());
    for i in 0..20 {
        let method = axum::http::Method::from_bytes(format!("BREW{i}").as_bytes()).unwrap();
        let request = Request::builder()
            .method(method)
            .uri(format!("/nowhere/{i}"))
            .body(Body::empty())
            .unwrap();
        send(app.clone(), request).await;
    }
    let text = state.metrics.render();
    let series: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("talentdex_http_requests_total{"))
        .collect();
    assert_eq!(series.len(), 1, "{text}");
    assert!(series[0].contains(r#"method="other""#) && series[0].contains(r#"route="unmatched""#));
}

/// Issue 13: `/healthz` and `/readyz` answered 503 when slow requests held every slot.
#[tokio::test]
async fn operations_routes_are_never_shed() {
    let limits = Limits {
        max_concurrency: 0,
        ..Limits::default()
    };
    let app = web::router(state().with_limits(limits));
    for uri in ["/healthz", "/readyz", "/metrics"] {
        assert_eq!(send(app.clone(), get(uri)).await.0, StatusCode::OK, "{uri}");
    }
    assert_eq!(
        send(app, get("/api/posts")).await.0,
        StatusCode::SERVICE_UNAVAILABLE
    );
}

/// Issue 13: a shared proxy could keep one applicant's verdicts (`public, max-age=300`).
#[tokio::test]
async fn answers_about_an_applicants_facts_are_private() {
    let (_, headers, _) = send(app(), get("/eligibility?age=30")).await;
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    assert!(!headers.contains_key(header::ETAG));
    let (_, headers, _) = send(app(), post_json("/api/eligibility", r#"{"age":30}"#)).await;
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
}

/// Issue 13: a weak `W/` tag never matched; gzip and identity shared one tag; the tag ignored
/// the program's version.
#[tokio::test]
async fn etags_name_version_and_encoding_and_match_weakly() {
    let plain = send(app(), get("/api/clauses")).await.1[header::ETAG]
        .to_str()
        .unwrap()
        .to_string();
    let request = Request::get("/api/clauses")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(Body::empty())
        .unwrap();
    let gzip = send(app(), request).await.1[header::ETAG]
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(plain, gzip);
    assert!(
        plain.contains(env!("CARGO_PKG_VERSION")) && plain.contains("identity"),
        "{plain}"
    );
    assert!(gzip.contains("gzip"), "{gzip}");
    let request = Request::get("/api/clauses")
        .header(header::IF_NONE_MATCH, format!("\"other\", W/{plain}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(app(), request).await.0, StatusCode::NOT_MODIFIED);
    // The gzip tag does not validate the plain answer.
    let request = Request::get("/api/clauses")
        .header(header::IF_NONE_MATCH, &gzip)
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(app(), request).await.0, StatusCode::OK);
}

/// Issue 13: a 500 leaked the index library's error text. It says `internal` and the request ID.
#[tokio::test]
async fn a_server_failure_names_the_request_not_the_cause() {
    use axum::routing::get as route_get;
    let failing = axum::Router::new().route(
        "/fail",
        route_get(|| async { web::ApiError::internal("tantivy: Data corrupted: term.rs line 7") }),
    );
    let app = web::http::layers::apply(failing, state());
    let request = Request::get("/fail")
        .header("x-request-id", "req-42")
        .body(Body::empty())
        .unwrap();
    let (status, _, body) = send(app, request).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let text = String::from_utf8_lossy(&body);
    assert!(
        !text.contains("tantivy") && !text.contains("term.rs"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_code(&json), "internal");
    assert_eq!(json["error"]["request_id"], "req-42");
}

/// Issue 13 (point 10): duplicate keys were accepted (last wins) and `/api/link` accepted an
/// undocumented `["…"]` body.
#[tokio::test]
async fn json_bodies_are_one_object_without_repeated_keys() {
    let ok = send(
        app(),
        post_json("/api/link", r#"{"text":"附件1第二条第8项"}"#),
    )
    .await;
    assert_eq!(ok.0, StatusCode::OK);
    for body in [
        r#"{"text":"a","text":"附件1第二条第8项"}"#,
        r#"["附件1第二条第8项"]"#,
    ] {
        let (status, _, bytes) = send(app(), post_json("/api/link", body)).await;
        assert!(
            status == StatusCode::BAD_REQUEST || status == StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {status}"
        );
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(error_code(&json), "bad_body", "{body}");
    }
}

/// Issue 13 (point 10): `as_of=20240101` (ISO 8601 basic form) was accepted.
#[tokio::test]
async fn as_of_is_only_the_extended_date_form() {
    let (status, _, body) = send(app(), get("/api/documents?as_of=20240101")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_code(&json), "bad_date");
    assert_eq!(
        send(app(), get("/api/documents?as_of=2024-01-01")).await.0,
        StatusCode::OK
    );
}

/// A server on a loopback port with short connection limits; its address and a trigger that
/// shuts it down.
async fn live_server(
    conn: web::ConnLimits,
) -> (
    std::net::SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::http::server::run(
        listener,
        web::router(state()),
        conn,
        async {
            let _ = stopped.await;
        },
    ));
    (addr, stop, server)
}

fn short_limits() -> web::ConnLimits {
    use std::time::Duration;
    web::ConnLimits {
        header_timeout: Duration::from_millis(300),
        idle_timeout: Duration::from_millis(600),
        write_timeout: Duration::from_millis(600),
        max_connections: 64,
        shutdown_grace: Duration::from_millis(500),
    }
}

/// Seconds until the server closes `stream` (reads EOF or an error); panics after `bound`.
/// Blocking std sockets, on a blocking thread: tokio here has no `io-util`.
async fn seconds_until_closed(stream: std::net::TcpStream, bound: f64) -> f64 {
    tokio::task::spawn_blocking(move || {
        use std::io::Read;
        let mut stream = stream;
        let started = std::time::Instant::now();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs_f64(bound)))
            .unwrap();
        let mut buf = [0u8; 1024];
        loop {
            match stream.read(&mut buf) {
                Ok(0) => return started.elapsed().as_secs_f64(),
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut =>
                {
                    panic!("the server kept the connection open for {bound} s")
                }
                Err(_) => return started.elapsed().as_secs_f64(),
                Ok(_) => {}
            }
        }
    })
    .await
    .unwrap()
}

fn connect(addr: std::net::SocketAddr, send: &[u8]) -> std::net::TcpStream {
    use std::io::Write;
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.write_all(send).unwrap();
    stream
}

/// Issue 13: no connection was ever closed by the server — idle sockets and half-sent heads
/// were held until the open-file limit took the service down.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_and_half_sent_connections_are_closed() {
    let (addr, _stop, _server) = live_server(short_limits()).await;
    let idle = connect(addr, b"");
    let slow = connect(addr, b"GET /api/posts HTTP/1.1\r\nHost: x\r\nX-A: ");
    assert!(seconds_until_closed(slow, 5.0).await < 3.0);
    assert!(seconds_until_closed(idle, 5.0).await < 3.0);
    // After an answer, a keep-alive connection left idle is closed too.
    let kept = connect(addr, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    assert!(seconds_until_closed(kept, 5.0).await < 3.0);
}

/// Issue 13: one half-sent request made SIGTERM hang. Shutdown waits at most the grace.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_is_bounded_by_the_grace_whatever_clients_do() {
    let mut limits = short_limits();
    limits.header_timeout = std::time::Duration::from_secs(60);
    limits.idle_timeout = std::time::Duration::from_secs(60);
    let (addr, stop, server) = live_server(limits).await;
    let _slow = connect(
        addr,
        b"POST /api/link HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{",
    );
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(std::time::Duration::from_secs(5), server)
        .await
        .expect("the server stops within the bound")
        .unwrap()
        .unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
