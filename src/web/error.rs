//! Web: the one API error type. Every failure of a handler becomes a status and a stable code in
//! `{"error": {"code", "message"}}`; bad input is always a 4xx.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", what)
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

/// Every stable error code with its status and when it is answered. Codes are a public contract:
/// add to them, never rename one. The OpenAPI document lists them on its `Error` schema.
pub const ERROR_CODES: &[(&str, &[u16], &str)] = &[
    (
        "bad_query",
        &[400],
        "a query parameter is unknown, repeated, not UTF-8 or of the wrong type",
    ),
    (
        "bad_path",
        &[400],
        "a path segment is not UTF-8 once percent-decoded",
    ),
    (
        "bad_body",
        &[400, 422],
        "the body is not JSON (400), or JSON of the wrong shape for `/api/link` (422)",
    ),
    ("bad_date", &[400], "`as_of` is not a date (YYYY-MM-DD)"),
    (
        "bad_post_number",
        &[400],
        "the post number is not a whole number",
    ),
    ("unknown_document", &[400], "`doc` names no document"),
    (
        "unknown_industry",
        &[400],
        "`industry` names no post industry",
    ),
    (
        "empty_query",
        &[400],
        "the search query `q` is missing or blank",
    ),
    (
        "query_too_long",
        &[400],
        "the search query is longer than the limit",
    ),
    ("bad_lang", &[400], "`lang` is not zh, en or auto"),
    ("bad_kind", &[400], "`kind` is not a clause kind"),
    (
        "bad_limit",
        &[400],
        "`limit` is not a whole number or is over the maximum",
    ),
    ("bad_offset", &[400], "`offset` is not a whole number"),
    ("bad_facts", &[400], "the facts are not a JSON object"),
    (
        "unknown_fact",
        &[400],
        "a fact name is not one the eligibility API knows",
    ),
    (
        "invalid_fact",
        &[400],
        "a fact has the wrong type or is out of range",
    ),
    (
        "unknown_post",
        &[400],
        "`post` names no post of the catalogue",
    ),
    ("missing_cite", &[400], "no citation was given"),
    (
        "cite_too_long",
        &[400],
        "the citation is longer than the limit",
    ),
    ("not_found", &[404], "no such clause, post or route"),
    (
        "method_not_allowed",
        &[405],
        "the path does not answer this method (see `Allow`)",
    ),
    (
        "body_too_large",
        &[413],
        "the body is larger than the limit",
    ),
    (
        "text_too_long",
        &[413],
        "the text to link is longer than the limit",
    ),
    (
        "unsupported_media_type",
        &[415],
        "a JSON body was sent without `Content-Type: application/json`",
    ),
    (
        "internal",
        &[500],
        "the server failed; never an answer to bad input",
    ),
    (
        "overloaded",
        &[503],
        "too many requests in flight; retry after `Retry-After` seconds",
    ),
    (
        "timeout",
        &[503],
        "the request took longer than the time limit",
    ),
];

/// `{"error": {"code", "message"}}`: the body of every API error.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail<'a> {
    /// A stable code (see the `Error` schema's description).
    code: &'a str,
    /// What went wrong, for people; its wording may change.
    message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code, message = %self.message, "request failed");
        }
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: &self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}
