//! Web: the one API error type. Every failure of a handler becomes a status and a stable code
//! (the application's `ErrorCode`) in `{"error": {"code", "message"}}`; bad input is always a 4xx.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

pub use crate::app::codes::{ERROR_CODES, ErrorBody, ErrorCode};

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

/// Marks a response as an `internal` error, so the layer that knows the request id can name it.
#[derive(Debug, Clone, Copy)]
pub struct Internal;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(code = self.code.as_str(), message = %self.message, "request failed");
        }
        let internal = self.code == ErrorCode::Internal;
        let body = ErrorBody::new(self.code, &self.message, None);
        let mut response = (self.status, Json(body)).into_response();
        if internal {
            response.extensions_mut().insert(Internal);
        }
        response
    }
}

/// The body of an `internal` error naming its request.
pub fn internal_body(request_id: &str) -> Vec<u8> {
    let body = ErrorBody::new(ErrorCode::Internal, "", Some(request_id));
    serde_json::to_vec(&body).unwrap_or_default()
}

/// Every error the application answers, with its code's status; an `internal` one is logged
/// by `into_response` and its details kept from the client.
impl From<crate::app::AppError> for ApiError {
    fn from(e: crate::app::AppError) -> ApiError {
        let code = e.code();
        let status =
            StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ApiError::new(status, code, e.to_string())
    }
}

/// The domain errors a handler meets before the application wraps them.
macro_rules! from_domain_error {
    ($($error:ty),+) => {$(
        impl From<$error> for ApiError {
            fn from(e: $error) -> ApiError {
                crate::app::AppError::from(e).into()
            }
        }
    )+};
}

from_domain_error!(
    crate::app::requests::RequestError,
    crate::search::SearchError,
    crate::citation::CitationError,
    crate::eligibility::EligibilityError
);
