//! Web: citations — `GET /api/resolve`, `POST /api/link` (JSON) and the permanent link
//! `GET /cite/{text}`, which redirects to the clause page when the citation names one clause, lists
//! the candidates when it names several, and answers an HTML 404 otherwise.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::error::ErrorBody;
use super::extract::{Json, NoQuery, Query};
use super::{ApiError, AppState};
use crate::citation::{self, Candidate, CitationError, Links, MAX_CITE_CHARS, Resolution, Status};
use crate::model::clause_url;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ResolveQuery {
    /// The citation, Chinese or English, or a clause ID (at most 500 characters).
    #[param(required = true, example = "附件1第二条第8项")]
    cite: Option<String>,
}

/// The passage to find citations in.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    /// At most 200 000 characters.
    text: String,
}

fn citation_error(e: CitationError) -> ApiError {
    match e {
        CitationError::Empty => ApiError::bad_request("missing_cite", e.to_string()),
        CitationError::CiteTooLong { .. } => ApiError::bad_request("cite_too_long", e.to_string()),
        CitationError::TextTooLong { .. } => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "text_too_long",
            e.to_string(),
        ),
    }
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
    let cite = q
        .cite
        .ok_or_else(|| ApiError::bad_request("missing_cite", "give the citation as `?cite=…`"))?;
    let resolution = citation::resolve(&state.corpus, &cite).map_err(citation_error)?;
    Ok(axum::Json(resolution).into_response())
}

/// Every citation in a passage, with its span in code points (end exclusive), status and IDs.
#[utoipa::path(post, path = "/api/link", tag = "citations",
    request_body(content = LinkBody, content_type = "application/json",
        example = json!({"text": "依据附件1第二条第8项和Annex 2, No. 6申请。"})),
    responses(
        (status = 200, description = "The citations, in the order they appear.", body = Links),
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
    Json(body): Json<LinkBody>,
) -> Result<Response, ApiError> {
    let links = citation::link(&state.corpus, &body.text).map_err(citation_error)?;
    Ok(axum::Json(links).into_response())
}

#[derive(Template)]
#[template(path = "cite_candidates.html")]
struct CandidatesPage<'a> {
    input: &'a str,
    candidates: &'a [Candidate<'a>],
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage<'a> {
    input: &'a str,
    reason: &'a str,
}

/// `GET /cite/{text}`.
#[utoipa::path(get, path = "/cite/{text}", tag = "pages", operation_id = "cite_page",
    summary = "The permanent link of a citation.",
    params(
        ("text" = String, Path,
            description = "The citation, percent-encoded (a slash may stay as it is).",
            example = "附件2第6项"),
    ),
    responses(
        (status = 303, description = "The citation names one clause: its page.",
            headers(("Location" = String, description = "The clause page, `/clause/<id>`."))),
        (status = 200, description = "The citation names several clauses: a page listing them.",
            content_type = "text/html", body = String),
        (status = 404,
            description = "Not a citation, or no clause it names: an HTML page saying why.",
            content_type = "text/html", body = String),
    ))]
pub async fn page(
    State(state): State<AppState>,
    text: Result<Path<String>, PathRejection>,
) -> Response {
    match text {
        Ok(Path(text)) => page_for(&state, &text),
        Err(_) => not_found_page("", "the address is not valid UTF-8 once decoded"),
    }
}

/// `GET /cite` and `GET /cite/`: no citation given.
#[utoipa::path(get, path = "/cite", tag = "pages", operation_id = "cite_page_empty",
    responses(
        (status = 404, description = "No citation given: an HTML page saying so.",
            content_type = "text/html", body = String),
    ))]
pub async fn page_without_citation() -> Response {
    not_found_page("", "put a citation after /cite/")
}

fn page_for(state: &AppState, text: &str) -> Response {
    match citation::resolve(&state.corpus, text) {
        Ok(r) => resolution_page(&r),
        Err(CitationError::Empty) => not_found_page(text, "put a citation after /cite/"),
        Err(e @ CitationError::CiteTooLong { .. }) => {
            let shown: String = text.chars().take(MAX_CITE_CHARS).collect();
            not_found_page(&shown, &e.to_string())
        }
        Err(e) => not_found_page(text, &e.to_string()),
    }
}

fn resolution_page(r: &Resolution) -> Response {
    match (r.status, r.id) {
        (Status::Found, Some(id)) => Redirect::to(&clause_url(id)).into_response(),
        (Status::Ambiguous, _) => html(
            StatusCode::OK,
            CandidatesPage {
                input: &r.input,
                candidates: &r.candidates,
            }
            .render(),
        ),
        _ => not_found_page(&r.input, r.reason.as_deref().unwrap_or("not a citation")),
    }
}

fn not_found_page(input: &str, reason: &str) -> Response {
    html(
        StatusCode::NOT_FOUND,
        NotFoundPage { input, reason }.render(),
    )
}

fn html(status: StatusCode, page: askama::Result<String>) -> Response {
    match page {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => ApiError::internal(format!("cannot render the page: {e}")).into_response(),
    }
}
