//! Web: the routes — each registered once, together with its OpenAPI description, through
//! utoipa-axum's `OpenApiRouter`: the path and method a handler answers are the ones its
//! `#[utoipa::path]` attribute documents, so a route cannot be served undocumented nor documented
//! unserved. Paths are written in axum's syntax (`{*id}` matches several segments); the
//! document shows them as OpenAPI templates (`{id}`). The MCP endpoint is mounted here too.

use std::sync::{Arc, LazyLock};

use axum::Router;
use axum::extract::MatchedPath;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use utoipa::Modify;
use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::{self, cite, eligibility, openapi, ops, search};
use super::http::assets;
use super::pages::{self, PageError};
use super::{ApiError, AppState, ErrorCode};

/// One route: its path in axum's syntax and the method it answers (`GET` answers `HEAD` too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub path: String,
    pub method: Method,
}

impl Route {
    /// The path as the OpenAPI document writes it: `{*id}` becomes `{id}`.
    pub fn openapi_path(&self) -> String {
        openapi_template(&self.path)
    }
}

/// The routes, their table and the document, built once per process.
struct Built {
    router: Router<AppState>,
    table: Vec<Route>,
    doc: OpenApi,
}

static BUILT: LazyLock<Built> = LazyLock::new(build);

/// Every route, JSON API first, then the HTML pages.
fn build() -> Built {
    let (router, mut doc) = OpenApiRouter::with_openapi(openapi::base())
        .routes(routes!(api::healthz))
        .routes(routes!(ops::readyz))
        .routes(routes!(ops::metrics))
        .routes(routes!(openapi::openapi_json))
        .routes(routes!(api::documents))
        .routes(routes!(api::clauses))
        .routes(routes!(api::clause))
        .routes(routes!(api::posts))
        .routes(routes!(api::post))
        .routes(routes!(eligibility::eligibility))
        .routes(routes!(search::search))
        .routes(routes!(cite::resolve))
        .routes(routes!(cite::link))
        .routes(routes!(pages::cite::page_without_citation))
        .routes(routes!(pages::cite::page_without_citation_slash))
        .routes(routes!(pages::cite::page))
        .routes(routes!(pages::home))
        .routes(routes!(pages::clause))
        .routes(routes!(pages::posts))
        .routes(routes!(pages::post))
        .routes(routes!(pages::compare_page))
        .routes(routes!(pages::eligibility::page))
        .routes(routes!(pages::search::page))
        .routes(routes!(assets::asset))
        .split_for_parts();
    let table = doc
        .paths
        .paths
        .iter()
        .flat_map(|(path, item)| {
            methods(item).into_iter().map(move |method| Route {
                path: path.clone(),
                method,
            })
        })
        .collect();
    doc.paths.paths = std::mem::take(&mut doc.paths.paths)
        .into_iter()
        .map(|(path, item)| (openapi_template(&path), item))
        .collect();
    openapi::Shared.modify(&mut doc);
    Built { router, table, doc }
}

/// Every route the router serves.
pub fn table() -> &'static [Route] {
    &BUILT.table
}

/// The OpenAPI document of every route.
pub fn document() -> &'static OpenApi {
    &BUILT.doc
}

/// Where the MCP server answers (streamable HTTP).
pub const MCP_PATH: &str = "/mcp";

/// The routes without middleware (see `web::router`): every documented route, and `/mcp`. The
/// MCP endpoint is not in the OpenAPI document — it speaks JSON-RPC (MCP) on one path, which
/// OpenAPI cannot describe operation by operation; docs/mcp.md describes it — and so not in
/// `table`. It answers every method itself (POST; others 405 from the MCP service).
pub(super) fn router(state: &AppState) -> Router<AppState> {
    let options = crate::mcp::HttpOptions {
        max_body_bytes: state.limits.max_body_bytes,
        allowed_hosts: state.mcp_allowed_hosts.to_vec(),
    };
    let mcp = crate::mcp::http_service(Arc::clone(&state.app), options);
    BUILT.router.clone().route_service(MCP_PATH, mcp)
}

fn openapi_template(path: &str) -> String {
    path.replace("{*", "{")
}

/// The methods an OpenAPI path item documents.
fn methods(item: &utoipa::openapi::PathItem) -> Vec<Method> {
    [
        (item.get.is_some(), Method::GET),
        (item.post.is_some(), Method::POST),
        (item.put.is_some(), Method::PUT),
        (item.delete.is_some(), Method::DELETE),
        (item.patch.is_some(), Method::PATCH),
    ]
    .into_iter()
    .filter_map(|(present, method)| present.then_some(method))
    .collect()
}

/// The methods a route pattern answers, as the `Allow` header lists them.
fn allowed(path: &str) -> Vec<&'static str> {
    let mut methods: Vec<&'static str> = table()
        .iter()
        .filter(|r| r.path == path)
        .map(|r| r.method.as_str())
        .collect();
    if methods.contains(&"GET") {
        methods.push("HEAD");
    }
    methods
}

/// A known path asked with a method it does not answer: a 405, JSON under `/api/` and an HTML
/// page elsewhere. axum adds the `Allow` header.
pub async fn method_not_allowed(method: Method, uri: Uri, path: Option<MatchedPath>) -> Response {
    let pattern = path.as_ref().map_or(uri.path(), MatchedPath::as_str);
    let message = format!(
        "{} does not answer {method}; it answers {}",
        uri.path(),
        allowed(pattern).join(", ")
    );
    if uri.path().starts_with("/api/") {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::MethodNotAllowed,
            message,
        )
        .into_response()
    } else {
        PageError::new(StatusCode::METHOD_NOT_ALLOWED, message).into_response()
    }
}
