//! Web: extractors whose rejections are `ApiError`s, so malformed query strings and bodies get the
//! same JSON error shape as everything else. The query readers ignore tracking parameters
//! (`params::is_tracking`) and refuse every other unknown one.

use crate::web::http::error::ErrorCode;
use crate::web::http::params;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequest, Request};
use axum::http::Uri;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::web::ApiError;

/// `Query<T>` with a 400 `bad_query` JSON error on rejection.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::try_from_uri(&untracked(&parts.uri))
            .map(|q| Query(q.0))
            .map_err(|e| ApiError::bad_request(ErrorCode::BadQuery, e.body_text()))
    }
}

/// `uri` with the tracking parameters taken out of its query string.
fn untracked(uri: &Uri) -> Uri {
    let Some(raw) = uri.query() else {
        return uri.clone();
    };
    let query = params::without_tracking(raw);
    let path_and_query = if query.is_empty() {
        uri.path().to_string()
    } else {
        format!("{}?{query}", uri.path())
    };
    // What remains is a part of a URI that already parsed, so it parses again.
    path_and_query.parse().unwrap_or_else(|_| uri.clone())
}

/// For routes that take no query parameters: any parameter but a tracking one is a 400
/// `bad_query`, as on the routes that take some, rather than being silently ignored.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoQuery;

impl<S: Send + Sync> FromRequestParts<S> for NoQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().map(params::without_tracking);
        match query.filter(|q| !q.is_empty()) {
            None => Ok(NoQuery),
            Some(_) => Err(ApiError::bad_request(
                ErrorCode::BadQuery,
                format!("{} takes no query parameters", parts.uri.path()),
            )),
        }
    }
}

/// `Path<T>` with a 400 `bad_path` JSON error on rejection (a segment that is not UTF-8 once
/// percent-decoded, or does not parse as `T`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| Path(p.0))
            .map_err(|e| ApiError::bad_request(ErrorCode::BadPath, e.body_text()))
    }
}

/// `Json<T>` with a 4xx JSON error (400 malformed, 415 wrong content type, 413 too large).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (value, bytes) = read_json(req, state).await?;
        super::strict_json::check(&bytes)
            .map_err(|why| ApiError::bad_request(ErrorCode::BadBody, why))?;
        Ok(Json(value))
    }
}

/// `Json<T>` that also refuses a body other than one JSON object: a derived struct would accept
/// an array of its fields (`["…"]` for `{"text": "…"}`).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonObject<T>(pub T);

impl<T, S> FromRequest<S> for JsonObject<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (value, bytes) = read_json(req, state).await?;
        super::strict_json::check(&bytes)
            .map_err(|why| ApiError::bad_request(ErrorCode::BadBody, why))?;
        super::strict_json::object(&bytes)
            .map_err(|why| ApiError::bad_request(ErrorCode::BadBody, why))?;
        Ok(JsonObject(value))
    }
}

/// The body read once, as `T` (axum's JSON rules: content type, syntax, shape) and as the bytes
/// the strict checks read.
async fn read_json<T, S>(req: Request, state: &S) -> Result<(T, axum::body::Bytes), ApiError>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    let (parts, body) = req.into_parts();
    let bytes = <axum::body::Bytes as FromRequest<S>>::from_request(
        Request::from_parts(parts.clone(), body),
        state,
    )
    .await
    .map_err(bytes_rejection)?;
    let req = Request::from_parts(parts, axum::body::Body::from(bytes.clone()));
    let value = <axum::Json<T> as FromRequest<S>>::from_request(req, state)
        .await
        .map_err(json_rejection)?;
    Ok((value.0, bytes))
}

fn bytes_rejection(e: axum::extract::rejection::BytesRejection) -> ApiError {
    let code = match e.status().as_u16() {
        413 => ErrorCode::BodyTooLarge,
        _ => ErrorCode::BadBody,
    };
    ApiError::new(e.status(), code, e.body_text())
}

/// `Option<Json<T>>`: `None` for a request with no body (no content type, or an empty or blank
/// body); otherwise the same checks and errors as `Json<T>`.
impl<T, S> OptionalFromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Option<Self>, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let bytes = <axum::body::Bytes as FromRequest<S>>::from_request(
            Request::from_parts(parts.clone(), body),
            state,
        )
        .await
        .map_err(bytes_rejection)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let req = Request::from_parts(parts, axum::body::Body::from(bytes));
        <Self as FromRequest<S>>::from_request(req, state)
            .await
            .map(Some)
    }
}

fn json_rejection(e: axum::extract::rejection::JsonRejection) -> ApiError {
    let status = e.status();
    let code = match status.as_u16() {
        413 => ErrorCode::BodyTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        _ => ErrorCode::BadBody,
    };
    ApiError::new(status, code, e.body_text())
}
