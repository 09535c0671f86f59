//! Shared test helpers: the real corpus, loaded once, and the router driven with `oneshot`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use talentdex::app::App;
use talentdex::model::Corpus;
use talentdex::search::SearchEngine;
use talentdex::web::{self, AppState};
use tower::ServiceExt;

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The real corpus, loaded once per test binary (the shared application's).
pub fn corpus() -> &'static Corpus {
    application().corpus()
}

/// The application over the real corpus, its index built in RAM once per test binary.
pub fn application() -> &'static Arc<App> {
    static APP: OnceLock<Arc<App>> = OnceLock::new();
    APP.get_or_init(|| Arc::new(App::in_ram(&corpus_dir()).expect("the application opens")))
}

/// The citation resolver and linker of the shared application (its tables compiled once).
pub fn citations() -> &'static talentdex::citation::Citations<'static> {
    engine().citations()
}

/// The search engine of the shared application.
pub fn engine() -> &'static SearchEngine {
    application().engine()
}

/// The state over the shared application (cheap: the index is built once per binary).
pub fn state() -> AppState {
    AppState::new(application().clone())
}

pub fn app() -> Router {
    web::router(state())
}

/// Send a request; the status, headers and body.
pub async fn send(app: Router, request: Request<Body>) -> (StatusCode, HeaderMap, Bytes) {
    let response = app.oneshot(request).await.expect("the router answers");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("a body").to_bytes();
    (parts.status, parts.headers, bytes)
}

/// GET `uri`; the status and the body as JSON (the test fails if it is not JSON).
pub async fn get_json(uri: &str) -> (StatusCode, serde_json::Value) {
    let request = Request::get(uri).body(Body::empty()).expect("a request");
    let (status, _, body) = send(app(), request).await;
    let json = serde_json::from_slice(&body).unwrap_or_else(|e| {
        panic!(
            "{uri}: body is not JSON ({e}): {}",
            String::from_utf8_lossy(&body)
        )
    });
    (status, json)
}

/// Assert the SPEC's error shape and return its code.
pub fn error_code(body: &serde_json::Value) -> &str {
    let code = body["error"]["code"].as_str().expect("an error code");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "an error message: {body}"
    );
    code
}

/// POST `value` as JSON to `uri`; the status and the body as JSON.
pub async fn post_json(uri: &str, value: serde_json::Value) -> (StatusCode, serde_json::Value) {
    let request = Request::post(uri)
        .header(axum::http::header::CONTENT_TYPE, "application/json")
        .body(Body::from(value.to_string()))
        .expect("a request");
    let (status, _, body) = send(app(), request).await;
    let json = serde_json::from_slice(&body).expect("a JSON body");
    (status, json)
}
