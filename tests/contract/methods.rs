//! Contract (web): methods a path does not answer get a 405 naming the ones it does; `OPTIONS`
//! is the CORS preflight everywhere; request targets too long for the HTTP server get its 414.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};

use super::{Contract, HUGE_CHARS, Probe};
use crate::common::{app, send};
use crate::openapi::doc::{document, documented_methods, example_uri, operations};

#[tokio::test]
async fn other_methods_get_a_405_naming_the_allowed_ones() {
    let contract = Contract::new().await;
    let methods = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
        Method::TRACE,
    ];
    let paths: BTreeSet<String> = operations(&contract.doc)
        .into_iter()
        .map(|(p, _, _)| p)
        .collect();
    for path in paths {
        let allowed = documented_methods(&contract.doc, &path);
        let (_, _, op) = operations(&contract.doc)
            .into_iter()
            .find(|(p, _, _)| *p == path)
            .unwrap();
        let uri = example_uri(&path, op);
        for method in methods.iter().filter(|m| !allowed.contains(m.as_str())) {
            let probe = Probe::new(
                method.clone(),
                uri.clone(),
                Some("application/json"),
                "{}",
                true,
            );
            assert_eq!(contract.check(&probe).await, StatusCode::METHOD_NOT_ALLOWED);
        }
        // OPTIONS is the CORS preflight on every path, as the document's description says.
        let request = Request::options(&uri).body(Body::empty()).unwrap();
        let (status, headers, body) = send(app(), request).await;
        assert_eq!(status, StatusCode::OK, "OPTIONS {uri}");
        assert!(body.is_empty() && headers.contains_key(header::ACCESS_CONTROL_ALLOW_METHODS));
    }
    let description = contract.doc["info"]["description"].as_str().unwrap();
    assert!(description.contains("`OPTIONS`") && description.contains("`HEAD`"));
}

/// The status a real server answers to a raw HTTP/1.1 request line (blocking I/O on a blocking
/// thread, so the server's task runs meanwhile).
async fn raw_status(addr: std::net::SocketAddr, request_line: &[u8]) -> u16 {
    use std::io::{Read, Write};
    let mut request = request_line.to_vec();
    request.extend_from_slice(b"\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    let answer = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.write_all(&request).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        answer
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&answer);
    let status = text.split(' ').nth(1).unwrap_or_default();
    status
        .parse()
        .unwrap_or_else(|_| panic!("a status line: {text}"))
}

#[tokio::test]
async fn targets_too_long_for_the_server_get_414() {
    // 100 000-character queries and paths cannot be built in-process (`http` caps a URI at
    // 65 534 bytes), so they go to a real server over a socket: hyper refuses them before
    // routing with the 414 the document lists on every operation, never a 5xx.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        axum::serve(listener, app())
            .await
            .expect("the test server runs");
    });
    let doc = document().await;
    let long = "a".repeat(HUGE_CHARS);
    for target in [
        format!("/api/search?q={long}"),
        format!("/api/resolve?cite={long}"),
        format!("/api/clauses/{long}"),
        format!("/cite/{long}"),
        format!("/?as_of={long}"),
    ] {
        let line = format!("GET {target} HTTP/1.1");
        assert_eq!(
            raw_status(addr, line.as_bytes()).await,
            414,
            "{}",
            &target[..20]
        );
    }
    assert!(doc["components"]["responses"]["UriTooLong"].is_object());
    for (_, _, op) in operations(&doc) {
        assert!(op["responses"].get("414").is_some());
    }
    // Raw bytes that are not UTF-8 (or not URI characters) are the server's bare 400.
    let status = raw_status(addr, b"GET /api/clauses/\xff\xfe HTTP/1.1").await;
    assert!((400..500).contains(&status), "{status}");
    server.abort();
}
