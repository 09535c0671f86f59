//! Web: the permanent link of a citation, `GET /cite/{text}`: a redirect to the clause page when
//! the citation names one clause, a page of the candidates when it names several, and an HTML 404
//! otherwise.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::app::AppError;
use crate::citation::{Candidate, CitationError, MAX_CITE_CHARS, Resolution, Status};
use crate::model::clause_url;
use crate::web::{ApiError, AppState};

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
#[utoipa::path(get, path = "/cite/{*text}", tag = "pages", operation_id = "cite_page",
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

/// `/cite/` with nothing after it (the handler is `cite::page_without_citation`, documented at
/// `/cite`).
#[utoipa::path(get, path = "/cite/", tag = "pages", operation_id = "cite_page_slash",
    responses(
        (status = 404, description = "No citation given: an HTML page saying so.",
            content_type = "text/html", body = String),
    ))]
pub async fn page_without_citation_slash() -> Response {
    page_without_citation().await
}

fn page_for(state: &AppState, text: &str) -> Response {
    match state.app.resolve(text) {
        Ok(r) => resolution_page(&r),
        Err(AppError::Citation(CitationError::Empty)) => {
            not_found_page(text, "put a citation after /cite/")
        }
        Err(e @ AppError::Citation(CitationError::CiteTooLong { .. })) => {
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
