//! Web: the OpenAPI 3.1 document, generated from the code and served at `GET /api/openapi.json`.
//! Its base (info, tags, the error schema) is here; `web::routes` registers every handler with
//! its `#[utoipa::path]` attribute, which adds its operation; `shared` then adds what every
//! operation has in common (the `Error` schema's codes, the generic 304/500/503 answers, the
//! applicant facts as query parameters).

mod shared;

use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;

use crate::web::http::error::ErrorBody;
use crate::web::http::extract::NoQuery;
pub use shared::Shared;

/// What the API is and the rules every route keeps (the document's `info.description`).
const DESCRIPTION: &str = "Bilingual (Chinese/English) search, citation and eligibility \
    service over the rules that define Beijing's foreign high-end (Category A) and urgently \
    needed talent. Identifiers, citation forms and answer shapes are a public contract: they \
    change only by adding.\n\n\
    Every 4xx/5xx answer under `/api/` is `{\"error\": {\"code\", \"message\"}}` (the `Error` \
    schema, whose description lists the stable codes); HTML pages answer HTML error pages. Bad \
    input is always a 4xx, never a 5xx. Every `GET` also answers `HEAD`, and every path \
    `OPTIONS` (a CORS preflight: 200 without a body). A known path asked with a method it does \
    not answer gets a 405 (the `MethodNotAllowed` response) with an `Allow` header; an unknown \
    path a 404 (`not_found`, or an HTML page outside `/api/`). A request the HTTP server cannot \
    read gets a bare 400, 414 (`UriTooLong`) or 431 before any route sees it.";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "talentdex",
        description = DESCRIPTION,
        license(name = "MIT"),
    ),
    components(schemas(ErrorBody)),
    tags(
        (name = "clauses",
            description = "Documents and clauses: texts in both languages, hierarchy, citations, \
                related clauses."),
        (name = "posts", description = "The post catalogue of Annex 2 as structured data."),
        (name = "search", description = "Bilingual search over every clause."),
        (name = "eligibility",
            description = "Applicant facts in, per-criterion and per-post verdicts out."),
        (name = "citations",
            description = "Citations in Chinese or English resolved to clause IDs."),
        (name = "operations", description = "Health, readiness, metrics and this document."),
        (name = "pages", description = "Server-rendered HTML for people, and static assets."),
    ),
)]
struct ApiDoc;

/// What the document says before the routes add their operations: its info, tags and the
/// error schema. `routes` adds every route's operation, then `Shared`.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The whole document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    crate::web::routes::document().clone()
}

/// The document as served, built once.
fn json() -> Bytes {
    static JSON: OnceLock<Bytes> = OnceLock::new();
    JSON.get_or_init(|| {
        let text = serde_json::to_vec(crate::web::routes::document())
            .expect("an OpenAPI document serialises");
        Bytes::from(text)
    })
    .clone()
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "operations",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document of every route.",
            content_type = "application/json", body = Object),
        (status = 400, description = "`bad_query` (this route takes no parameters).",
            body = ErrorBody),
    ))]
pub async fn openapi_json(_: NoQuery) -> Response {
    ([(CONTENT_TYPE, "application/json")], json()).into_response()
}
