//! Web: the JSON API under `/api/` and the operations endpoints. This file holds the handlers over
//! the corpus (documents, clauses, posts); search, eligibility, citations, operations and the
//! OpenAPI document have a module each. A handler extracts, asks the application and renders.

pub mod cite;
pub mod eligibility;
pub mod openapi;
pub mod ops;
pub mod search;

use crate::web::http::error::ErrorCode;
use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::views::{ClauseList, ClauseView, DocumentsView, PostList};
use crate::model::beijing_today;
use crate::web::http::error::ErrorBody;
use crate::web::http::extract::{NoQuery, Path, Query};
use crate::web::{ApiError, AppState};

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`: the process answers.
    status: &'static str,
}

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The process is alive.", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such route")
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AsOfQuery {
    /// The date to state validity on (YYYY-MM-DD); today in Beijing when absent.
    #[param(value_type = Option<String>, format = Date, example = "2026-11-21")]
    as_of: Option<String>,
}

/// Parse `YYYY-MM-DD` — only that form, not ISO 8601's others (`20240101`) — or today's date in
/// Beijing when absent.
pub fn parse_as_of(as_of: Option<&str>) -> Result<jiff::civil::Date, ApiError> {
    let extended = |s: &str| {
        let b = s.as_bytes();
        b.len() == "YYYY-MM-DD".len() && b[4] == b'-' && b[7] == b'-'
    };
    match as_of {
        None => Ok(beijing_today()),
        Some(s) => Some(s)
            .filter(|s| extended(s))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                ApiError::bad_request(
                    ErrorCode::BadDate,
                    format!("as_of `{s}` is not a date (YYYY-MM-DD)"),
                )
            }),
    }
}

/// The documents with their metadata and their validity on a date.
#[utoipa::path(get, path = "/api/documents", tag = "clauses", params(AsOfQuery),
    responses(
        (status = 200, description = "Every document, in corpus order.", body = DocumentsView),
        (status = 400, description = "`bad_date`, `bad_query`.", body = ErrorBody),
    ))]
pub async fn documents(
    State(state): State<AppState>,
    Query(q): Query<AsOfQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let as_of = parse_as_of(q.as_of.as_deref())?;
    to_json(&state.app.documents_view(as_of))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClausesQuery {
    /// Only this document's clauses (the document itself first).
    #[param(example = "bj2022-a1")]
    doc: Option<String>,
}

/// Every clause, in document order, for bulk export.
#[utoipa::path(get, path = "/api/clauses", tag = "clauses", params(ClausesQuery),
    responses(
        (status = 200, description = "The clauses.", body = ClauseList),
        (status = 400, description = "`unknown_document`, `bad_query`.", body = ErrorBody),
    ))]
pub async fn clauses(
    State(state): State<AppState>,
    Query(q): Query<ClausesQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    to_json(&state.app.clause_list(q.doc.as_deref())?)
}

/// One clause: texts, parent, children, breadcrumbs, citation, related clauses.
#[utoipa::path(get, path = "/api/clauses/{*id}", tag = "clauses",
    params(
        ("id" = String, Path,
            description = "A clause ID (`<doc>/<path>`) or a bare document ID; its slash may \
                be sent as it is or as `%2F`.", example = "bj2022-a1/2.8"),
    ),
    responses(
        (status = 200, description = "The clause.", body = ClauseView),
        (status = 400, description = "`bad_path`, `bad_query` (this route takes no parameters).",
            body = ErrorBody),
        (status = 404, description = "`not_found`: no such clause.", body = ErrorBody),
    ))]
pub async fn clause(
    State(state): State<AppState>,
    Path(id): Path<String>,
    _: NoQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let clause = state.app.clause(&id)?;
    to_json(&state.app.clause_view(clause))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PostsQuery {
    /// Only the posts of this industry, by its Chinese or English name.
    #[param(example = "新一代信息技术")]
    industry: Option<String>,
}

/// The post catalogue of Annex 2, each post a clause with its `post` entry.
#[utoipa::path(get, path = "/api/posts", tag = "posts", params(PostsQuery),
    responses(
        (status = 200, description = "Every post (of the industry), in catalogue order.",
            body = PostList),
        (status = 400, description = "`unknown_industry`, `bad_query`.", body = ErrorBody),
    ))]
pub async fn posts(
    State(state): State<AppState>,
    Query(q): Query<PostsQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let industry = q.industry.as_deref().filter(|i| !i.is_empty());
    to_json(&state.app.post_list(industry)?)
}

/// One post of the catalogue by its number, as a clause.
#[utoipa::path(get, path = "/api/posts/{n}", tag = "posts",
    params(
        ("n" = u32, Path, description = "The post number (1 to the catalogue's size).",
            example = 6),
    ),
    responses(
        (status = 200, description = "The post.", body = ClauseView),
        (status = 400,
            description = "`bad_post_number`, `bad_path`, `bad_query` (this route takes no \
                parameters).", body = ErrorBody),
        (status = 404, description = "`not_found`: no such post.", body = ErrorBody),
    ))]
pub async fn post(
    State(state): State<AppState>,
    Path(n): Path<String>,
    _: NoQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let number: u32 = n.parse().map_err(|_| {
        ApiError::bad_request(
            ErrorCode::BadPostNumber,
            format!(
                "`{n}` is not a post number (1-{})",
                state.app.corpus().posts().count()
            ),
        )
    })?;
    let clause = state
        .app
        .corpus()
        .post(number)
        .ok_or_else(|| ApiError::not_found(format!("no post {number}")))?;
    to_json(&state.app.clause_view(clause))
}

fn to_json<T: Serialize>(value: &T) -> Result<Json<serde_json::Value>, ApiError> {
    serde_json::to_value(value)
        .map(Json)
        .map_err(|e| ApiError::internal(format!("cannot serialise the answer: {e}")))
}
