//! Web: the route table — every path and method the app serves, with its handler. `router`
//! registers exactly these and nothing else, so this table is what the OpenAPI document is checked
//! against (tests/openapi.rs): a route cannot be served without being listed here, nor listed
//! without being documented.

use crate::web::http::error::ErrorCode;
use axum::extract::MatchedPath;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};

use super::api::{self, cite, eligibility, openapi, ops, search};
use super::http::assets;
use super::pages::{self, PageError};
use super::{ApiError, AppState};

/// One route: its path in axum's syntax (`{*id}` matches several segments), the method it
/// answers and the handler, built for that method so the two cannot disagree.
pub struct Route {
    pub path: &'static str,
    pub method: Method,
    handler: fn(MethodFilter) -> MethodRouter<AppState>,
}

impl Route {
    /// The path as the OpenAPI document writes it: `{*id}` becomes `{id}`.
    pub fn openapi_path(&self) -> String {
        self.path.replace("{*", "{")
    }

    pub(super) fn method_router(&self) -> MethodRouter<AppState> {
        let filter = MethodFilter::try_from(self.method.clone())
            .unwrap_or_else(|e| panic!("{} {}: {e}", self.method, self.path));
        (self.handler)(filter)
    }
}

/// Every route, JSON API first, then the HTML pages. `GET` routes answer `HEAD` too.
pub const ROUTES: &[Route] = &[
    Route {
        path: "/healthz",
        method: Method::GET,
        handler: |m| on(m, api::healthz),
    },
    Route {
        path: "/readyz",
        method: Method::GET,
        handler: |m| on(m, ops::readyz),
    },
    Route {
        path: "/metrics",
        method: Method::GET,
        handler: |m| on(m, ops::metrics),
    },
    Route {
        path: "/api/openapi.json",
        method: Method::GET,
        handler: |m| on(m, openapi::openapi_json),
    },
    Route {
        path: "/api/documents",
        method: Method::GET,
        handler: |m| on(m, api::documents),
    },
    Route {
        path: "/api/clauses",
        method: Method::GET,
        handler: |m| on(m, api::clauses),
    },
    Route {
        path: "/api/clauses/{*id}",
        method: Method::GET,
        handler: |m| on(m, api::clause),
    },
    Route {
        path: "/api/posts",
        method: Method::GET,
        handler: |m| on(m, api::posts),
    },
    Route {
        path: "/api/posts/{n}",
        method: Method::GET,
        handler: |m| on(m, api::post),
    },
    Route {
        path: "/api/eligibility",
        method: Method::POST,
        handler: |m| on(m, eligibility::eligibility),
    },
    Route {
        path: "/api/search",
        method: Method::GET,
        handler: |m| on(m, search::search),
    },
    Route {
        path: "/api/resolve",
        method: Method::GET,
        handler: |m| on(m, cite::resolve),
    },
    Route {
        path: "/api/link",
        method: Method::POST,
        handler: |m| on(m, cite::link),
    },
    Route {
        path: "/cite",
        method: Method::GET,
        handler: |m| on(m, pages::cite::page_without_citation),
    },
    Route {
        path: "/cite/",
        method: Method::GET,
        handler: |m| on(m, pages::cite::page_without_citation),
    },
    Route {
        path: "/cite/{*text}",
        method: Method::GET,
        handler: |m| on(m, pages::cite::page),
    },
    Route {
        path: "/",
        method: Method::GET,
        handler: |m| on(m, pages::home),
    },
    Route {
        path: "/clause/{*id}",
        method: Method::GET,
        handler: |m| on(m, pages::clause),
    },
    Route {
        path: "/posts",
        method: Method::GET,
        handler: |m| on(m, pages::posts),
    },
    Route {
        path: "/posts/{n}",
        method: Method::GET,
        handler: |m| on(m, pages::post),
    },
    Route {
        path: "/compare",
        method: Method::GET,
        handler: |m| on(m, pages::compare_page),
    },
    Route {
        path: "/eligibility",
        method: Method::GET,
        handler: |m| on(m, pages::eligibility::page),
    },
    Route {
        path: "/search",
        method: Method::GET,
        handler: |m| on(m, pages::search::page),
    },
    Route {
        path: "/static/{name}",
        method: Method::GET,
        handler: |m| on(m, assets::asset),
    },
];

/// The methods a route pattern answers, as the `Allow` header lists them.
fn allowed(path: &str) -> Vec<&'static str> {
    let mut methods: Vec<&'static str> = ROUTES
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
