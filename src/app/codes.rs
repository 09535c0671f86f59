//! App: the one list of stable error codes, and the code of every error the application
//! answers. Every front end reports a failure by its code and message: the web layer adds the
//! HTTP status from here, the MCP server returns both as a tool error.

use serde::Serialize;

use super::AppError;
use super::requests::RequestError;
use crate::citation::CitationError;
use crate::eligibility::EligibilityError;
use crate::search::SearchError;

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

            /// The HTTP status the code is answered with (the first listed, where several are).
            pub fn status(self) -> u16 {
                match self {
                    $(ErrorCode::$variant => [$($status),+][0],)+
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

/// What a client is told of a failure of the server: the details (an index library's text, a
/// path) go to the log, never out.
pub const INTERNAL_MESSAGE: &str =
    "the server failed on this request; the log has the details under its request id";

/// `{"error": {"code", "message"}}`: how every front end writes an error for programs.
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

impl<'a> ErrorBody<'a> {
    /// The body of an error; an `internal` one says only `INTERNAL_MESSAGE`, naming
    /// `request_id` when there is one.
    pub fn new(code: ErrorCode, message: &'a str, request_id: Option<&'a str>) -> Self {
        let message = if code == ErrorCode::Internal {
            INTERNAL_MESSAGE
        } else {
            message
        };
        ErrorBody {
            error: ErrorDetail {
                code: code.as_str(),
                message,
                request_id,
            },
        }
    }
}

impl AppError {
    /// The stable code of this error.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Request(e) => e.code(),
            AppError::Search(e) => e.code(),
            AppError::Eligibility(e) => e.code(),
            AppError::Citation(e) => e.code(),
            AppError::UnknownClause { .. } | AppError::UnknownPost { .. } => ErrorCode::NotFound,
            AppError::UnknownDocument { .. } => ErrorCode::UnknownDocument,
            AppError::Corpus { .. } | AppError::SearchData { .. } | AppError::Index { .. } => {
                ErrorCode::Internal
            }
        }
    }
}

impl RequestError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RequestError::Facts(facts) => facts.code(),
            RequestError::Repeated(_) | RequestError::UnknownParameter { .. } => {
                ErrorCode::BadQuery
            }
            RequestError::BadLang(_) => ErrorCode::BadLang,
            RequestError::BadKind { .. } => ErrorCode::BadKind,
            RequestError::BadExpand { .. } => ErrorCode::BadExpand,
            RequestError::BadNumber { name: "limit", .. } => ErrorCode::BadLimit,
            RequestError::BadNumber { .. } => ErrorCode::BadOffset,
        }
    }
}

impl SearchError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SearchError::EmptyQuery => ErrorCode::EmptyQuery,
            SearchError::QueryTooLong { .. } => ErrorCode::QueryTooLong,
            SearchError::LimitTooLarge(_) => ErrorCode::BadLimit,
            SearchError::UnknownDocument { .. } => ErrorCode::UnknownDocument,
            SearchError::UnknownIndustry { .. } => ErrorCode::UnknownIndustry,
            SearchError::Analysis(_) | SearchError::Index(_) | SearchError::Failed(_) => {
                ErrorCode::Internal
            }
        }
    }
}

impl CitationError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CitationError::Empty => ErrorCode::MissingCite,
            CitationError::CiteTooLong { .. } => ErrorCode::CiteTooLong,
            CitationError::TextTooLong { .. } => ErrorCode::TextTooLong,
        }
    }
}

impl EligibilityError {
    pub fn code(&self) -> ErrorCode {
        match self {
            EligibilityError::NotJson { .. } => ErrorCode::BadBody,
            EligibilityError::NotAnObject { .. } => ErrorCode::BadFacts,
            EligibilityError::UnknownFact { .. } => ErrorCode::UnknownFact,
            EligibilityError::InvalidFact { .. } => ErrorCode::InvalidFact,
            EligibilityError::UnknownPost { .. } => ErrorCode::UnknownPost,
            EligibilityError::RuleDrift { .. } => ErrorCode::Internal,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once_with_its_first_status() {
        assert_eq!(ErrorCode::ALL.len(), ERROR_CODES.len());
        for (code, (text, statuses, _)) in ErrorCode::ALL.iter().zip(ERROR_CODES) {
            assert_eq!(code.as_str(), *text);
            assert_eq!(code.status(), statuses[0]);
        }
    }

    /// An internal failure's details stay in the log, whatever the front end.
    #[test]
    fn an_internal_error_body_hides_its_message() {
        let body = ErrorBody::new(ErrorCode::Internal, "/secret/path: disk on fire", None);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["error"]["message"], INTERNAL_MESSAGE);
        let body = ErrorBody::new(ErrorCode::NotFound, "no clause `x`", None);
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(json["error"]["message"], "no clause `x`");
    }
}
