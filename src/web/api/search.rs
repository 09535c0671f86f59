//! Web: `GET /api/search`. Reads the query string into the application's `SearchRequest`, asks
//! the application and returns its results; refusals become 400s with stable codes.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::app::SearchRequest;
use crate::search::Results;
use crate::web::http::error::ErrorBody;
use crate::web::http::params;
use crate::web::{ApiError, AppState};

/// The answer's buffer is allocated at this size once, not grown from nothing: a page of ten
/// compact hits is 5–20 KB of JSON.
const ANSWER_CAPACITY: usize = 16 * 1024;

/// Answers are serialised straight into bytes (a page of hits is tens of kilobytes) and kept in
/// the state's cache, so a repeated request is not searched again. The applicant-fact parameters
/// are added to this operation's document by `openapi`, from `FACT_PARAMS` and the `Facts` schema.
#[utoipa::path(get, path = "/api/search", tag = "search",
    summary = "Search every clause in both languages.",
    description = "Any applicant fact (the eligibility API's names, nested ones joined with \
        dots) judges every post hit's checks; such answers are never cached.",
    params(
        ("q" = String, Query,
            description = "The query, Chinese or English (at most 1000 characters).",
            example = "芯片设计"),
        ("lang" = Option<String>, Query,
            description = "Read the query as `zh`, `en` or `auto` (its script decides; the \
                default)."),
        ("doc" = Option<String>, Query, description = "Only this document's clauses.",
            example = "bj2022-a2"),
        ("kind" = Option<String>, Query,
            description = "Only clauses of this kind: document, article, category, item, post, \
                requirement."),
        ("industry" = Option<String>, Query,
            description = "Only posts of this industry, by its Chinese or English name."),
        ("limit" = Option<u32>, Query, description = "Hits per page (default 10, at most 50).",
            maximum = 50),
        ("offset" = Option<u32>, Query, description = "Hits to skip (default 0)."),
        ("expand" = Option<String>, Query,
            description = "`post`: each post block also carries `parts`, its parts' full texts \
                (without it a hit is compact; each part is a clause at its own URL)."),
    ),
    responses(
        (status = 200, description = "The hits, the total and the facet counts.", body = Results),
        (status = 400,
            description = "`empty_query`, `query_too_long`, `bad_lang`, `bad_kind`, `bad_limit`, \
                `bad_offset`, `bad_expand`, `unknown_document`, `unknown_industry`, `bad_query` (an unknown, \
                repeated or non-UTF-8 parameter); for an applicant fact `invalid_fact`.",
            body = ErrorBody),
    ))]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let request = SearchRequest::from_pairs(params::parse(raw.as_deref())?)?;
    // Answers judged against an applicant's facts are personal: searched afresh, never cached.
    let cacheable = request.facts.is_none();
    if cacheable && let Some(body) = state.search_cache.get(&request.search) {
        return Ok(json_body(body));
    }
    let results = state.app.search(&request)?;
    let mut body = Vec::with_capacity(ANSWER_CAPACITY);
    serde_json::to_writer(&mut body, &results)
        .map_err(|e| ApiError::internal(format!("cannot serialise the answer: {e}")))?;
    let body = Bytes::from(body);
    if cacheable {
        state.search_cache.insert(request.search, body.clone());
    }
    Ok(json_body(body))
}

fn json_body(body: Bytes) -> Response {
    ([(CONTENT_TYPE, "application/json")], body).into_response()
}
