//! Web: the one API error type. Every failure of a handler becomes a status and a stable code in
//! `{"error": {"code", "message"}}`; bad input is always a 4xx.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, what)
    }

    pub fn bad_request(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            message,
        )
    }
}

/// Declares the error codes once: the enum, its text, its statuses and when each is answered.
macro_rules! error_codes {
    ($($variant:ident = $code:literal, [$($status:literal),+], $when:literal;)+) => {
        /// Every stable error code. Codes are a public contract: add to them, never rename one.
        /// The OpenAPI document lists them (from `ERROR_CODES`) on its `Error` schema.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($variant,)+
        }

        impl ErrorCode {
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)+
                }
            }
        }

        /// Every code with the statuses it is answered with and when.
        pub const ERROR_CODES: &[(&str, &[u16], &str)] = &[$(($code, &[$($status),+], $when),)+];
    };
}

error_codes! {
    BadQuery = "bad_query", [400], "a query parameter is unknown, repeated, not UTF-8 or of the wrong type";
    BadPath = "bad_path", [400], "a path segment is not UTF-8 once percent-decoded";
    BadBody = "bad_body", [400, 422], "the body is not JSON (400), or JSON of the wrong shape for `/api/link` (422)";
    BadDate = "bad_date", [400], "`as_of` is not a date (YYYY-MM-DD)";
    BadPostNumber = "bad_post_number", [400], "the post number is not a whole number";
    UnknownDocument = "unknown_document", [400], "`doc` names no document";
    UnknownIndustry = "unknown_industry", [400], "`industry` names no post industry";
    EmptyQuery = "empty_query", [400], "the search query `q` is missing or blank";
    QueryTooLong = "query_too_long", [400], "the search query is longer than the limit";
    BadLang = "bad_lang", [400], "`lang` is not zh, en or auto";
    BadKind = "bad_kind", [400], "`kind` is not a clause kind";
    BadLimit = "bad_limit", [400], "`limit` is not a whole number or is over the maximum";
    BadOffset = "bad_offset", [400], "`offset` is not a whole number";
    BadExpand = "bad_expand", [400], "`expand` names something a search hit cannot expand (only `post`)";
    BadFacts = "bad_facts", [400], "the facts are not a JSON object";
    UnknownFact = "unknown_fact", [400], "a fact name is not one the eligibility API knows";
    InvalidFact = "invalid_fact", [400], "a fact has the wrong type or is out of range";
    UnknownPost = "unknown_post", [400], "`post` names no post of the catalogue";
    MissingCite = "missing_cite", [400], "no citation was given";
    CiteTooLong = "cite_too_long", [400], "the citation is longer than the limit";
    NotFound = "not_found", [404], "no such clause, post or route";
    MethodNotAllowed = "method_not_allowed", [405], "the path does not answer this method (see `Allow`)";
    BodyTooLarge = "body_too_large", [413], "the body is larger than the limit";
    TextTooLong = "text_too_long", [413], "the text to link is longer than the limit";
    UnsupportedMediaType = "unsupported_media_type", [415], "a JSON body was sent without `Content-Type: application/json`";
    Internal = "internal", [500], "the server failed; never an answer to bad input";
    Overloaded = "overloaded", [503], "too many requests in flight; retry after `Retry-After` seconds";
    Timeout = "timeout", [503], "the request took longer than the time limit";
    NotReady = "not_ready", [503], "`/readyz`: the index cannot answer a probe query";
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

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
    /// On `internal` errors: the request's `x-request-id`, under which the log has the details.
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
}

/// What a client is told of a failure of the server: the details (an index library's text, a
/// path) go to the log, never out.
const INTERNAL_MESSAGE: &str =
    "the server failed on this request; the log has the details under its request id";

/// Marks a response as an `internal` error, so the layer that knows the request id can name it.
#[derive(Debug, Clone, Copy)]
pub struct Internal;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code.as_str(), message = %self.message, "request failed");
        }
        let internal = self.code == ErrorCode::Internal;
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.as_str(),
                message: if internal {
                    INTERNAL_MESSAGE
                } else {
                    &self.message
                },
                request_id: None,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if internal {
            response.extensions_mut().insert(Internal);
        }
        response
    }
}

/// The body of an `internal` error naming its request.
pub fn internal_body(request_id: &str) -> Vec<u8> {
    let body = ErrorBody {
        error: ErrorDetail {
            code: ErrorCode::Internal.as_str(),
            message: INTERNAL_MESSAGE,
            request_id: Some(request_id),
        },
    };
    serde_json::to_vec(&body).unwrap_or_default()
}

impl From<crate::app::AppError> for ApiError {
    fn from(e: crate::app::AppError) -> ApiError {
        use crate::app::AppError;
        match e {
            AppError::Request(e) => e.into(),
            AppError::Search(e) => e.into(),
            AppError::Eligibility(e) => e.into(),
            AppError::Citation(e) => e.into(),
            AppError::UnknownClause { .. } | AppError::UnknownPost { .. } => {
                ApiError::not_found(e.to_string())
            }
            AppError::UnknownDocument { .. } => {
                ApiError::bad_request(ErrorCode::UnknownDocument, e.to_string())
            }
            AppError::Corpus { .. } | AppError::SearchData { .. } | AppError::Index { .. } => {
                ApiError::internal(e.to_string())
            }
        }
    }
}

impl From<crate::app::requests::RequestError> for ApiError {
    fn from(e: crate::app::requests::RequestError) -> ApiError {
        use crate::app::requests::RequestError;
        let code = match &e {
            RequestError::Facts(_) => {
                return match e {
                    RequestError::Facts(facts) => facts.into(),
                    other => ApiError::bad_request(ErrorCode::BadQuery, other.to_string()),
                };
            }
            RequestError::Repeated(_) | RequestError::UnknownParameter { .. } => {
                ErrorCode::BadQuery
            }
            RequestError::BadLang(_) => ErrorCode::BadLang,
            RequestError::BadKind { .. } => ErrorCode::BadKind,
            RequestError::BadExpand { .. } => ErrorCode::BadExpand,
            RequestError::BadNumber { name: "limit", .. } => ErrorCode::BadLimit,
            RequestError::BadNumber { .. } => ErrorCode::BadOffset,
        };
        ApiError::bad_request(code, e.to_string())
    }
}
