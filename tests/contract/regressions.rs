//! Contract regressions (web): answers the contract test found outside the document, each fixed
//! and pinned here with the reason it once failed.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};

use crate::common::{app, error_code, get_json, send};

#[tokio::test]
async fn non_utf8_path_segments_get_a_json_400_on_api_routes() {
    // axum's own `Path` rejection answered these with a plain-text 400, outside the JSON error
    // shape every /api/ error must have.
    for uri in ["/api/clauses/%FF%FE", "/api/posts/%FF%FE"] {
        let (status, body) = get_json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(error_code(&body), "bad_path", "{uri}");
    }
}

#[tokio::test]
async fn a_non_utf8_asset_name_is_the_404_page_of_an_unknown_asset() {
    // `/static/%FF%FE` got axum's plain-text 400, which the document did not list for assets.
    let request = Request::get("/static/%FF%FE").body(Body::empty()).unwrap();
    let (status, headers, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(String::from_utf8_lossy(&body).contains("No such asset."));
}

#[tokio::test]
async fn api_routes_without_parameters_refuse_unknown_ones() {
    // These routes ignored any query string, so a misspelt parameter went unnoticed while every
    // other /api/ route refused it with `bad_query`.
    for uri in [
        "/api/posts?lang=en",
        "/api/posts/6?lang=en",
        "/api/clauses/bj2022-a1/2.8?lang=en",
        "/api/openapi.json?v=1",
    ] {
        let (status, body) = get_json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(error_code(&body), "bad_query", "{uri}");
    }
    let request = Request::post("/api/eligibility?age=30")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let (status, _, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(error_code(&body), "bad_query");
}

#[tokio::test]
async fn wrong_methods_get_a_405_with_a_body_and_allow() {
    // axum answered a wrong method on most routes with an empty 405: no JSON error under /api/
    // and no page elsewhere.
    for (method, uri, allow) in [
        (Method::POST, "/api/search?q=x", "GET,HEAD"),
        (Method::DELETE, "/api/clauses/bj2022-a1/2.8", "GET,HEAD"),
        (Method::PUT, "/api/eligibility", "POST"),
    ] {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        let (status, headers, body) = send(app(), request).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{uri}");
        assert_eq!(headers[header::ALLOW], allow, "{uri}");
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(error_code(&body), "method_not_allowed", "{uri}");
    }
    let request = Request::post("/compare").body(Body::empty()).unwrap();
    let (status, headers, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(String::from_utf8_lossy(&body).contains("it answers GET, HEAD"));
}
