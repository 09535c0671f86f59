//! Web: the citation API — `GET /api/resolve` and `POST /api/link` (JSON). The permanent link
//! `/cite/{text}` is a page (`pages::cite`).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::requests::LinkBody;
use crate::citation::{Links, Resolution};
use crate::web::http::error::{ErrorBody, ErrorCode};
use crate::web::http::extract::{JsonObject, NoQuery, Query};
use crate::web::{ApiError, AppState};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ResolveQuery {
    /// The citation, Chinese or English, or a clause ID (at most 500 characters).
    #[param(required = true, example = "附件1第二条第8项")]
    cite: Option<String>,
}

/// Resolve one citation to a clause ID, with a status and every candidate.
#[utoipa::path(get, path = "/api/resolve", tag = "citations", params(ResolveQuery),
    responses(
        (status = 200,
            description = "The resolution: `found`, `ambiguous`, `not_found` or `invalid`.",
            body = Resolution),
        (status = 400, description = "`missing_cite`, `cite_too_long`, `bad_query`.",
            body = ErrorBody),
    ))]
pub async fn resolve(
    State(state): State<AppState>,
    Query(q): Query<ResolveQuery>,
) -> Result<Response, ApiError> {
    let cite = q.cite.ok_or_else(|| {
        ApiError::bad_request(ErrorCode::MissingCite, "give the citation as `?cite=…`")
    })?;
    let resolution = state.app.resolve(&cite)?;
    Ok(axum::Json(resolution).into_response())
}

/// Every citation in a passage, with its span in code points (end exclusive), status and IDs.
#[utoipa::path(post, path = "/api/link", tag = "citations",
    request_body(content = LinkBody, content_type = "application/json",
        example = json!({"text": "依据附件1第二条第8项和Annex 2, No. 6申请。"})),
    responses(
        (status = 200,
            description = "The citations, in the order they appear, one page at a time; \
                `next`, when present, is the `start` of the next page.",
            body = Links),
        (status = 400,
            description = "`bad_body` (not JSON), `bad_query` (this route takes no parameters).",
            body = ErrorBody),
        (status = 413, description = "`text_too_long`, `body_too_large`.", body = ErrorBody),
        (status = 422, description = "`bad_body`: JSON, but not `{\"text\": …}`.",
            body = ErrorBody),
        (status = 415,
            description = "`unsupported_media_type`: a body without `Content-Type: \
                application/json`.", body = ErrorBody),
    ))]
pub async fn link(
    State(state): State<AppState>,
    _: NoQuery,
    JsonObject(body): JsonObject<LinkBody>,
) -> Result<Response, ApiError> {
    let links = state.app.link(&body.text, body.start)?;
    Ok(axum::Json(links).into_response())
}
