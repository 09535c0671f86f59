//! Web: `POST /api/eligibility` — applicant facts in (JSON body; none or `{}` for all-unknown),
//! `eligibility::evaluate`'s answer out; bad facts become a 400 naming the field.

use axum::extract::State;

use crate::eligibility::{Answer, Facts};
use crate::web::http::error::ErrorBody;
use crate::web::http::extract::{Json, NoQuery};
use crate::web::{ApiError, AppState};

/// Applicant facts in, a verdict for every decidable Category A criterion and every post out.
#[utoipa::path(post, path = "/api/eligibility", tag = "eligibility",
    request_body(
        content = Option<Facts>,
        description = "The applicant's facts; every one is optional. No body (or `{}`) asks \
            with every fact unknown.",
        content_type = "application/json",
        example = json!({
            "as_of": "2026-11-21", "age": 35, "degree": "doctorate", "major": "physics",
            "years_experience": 3, "post": 6
        }),
    ),
    responses(
        (status = 200,
            description = "The verdicts, with the validity of the documents they rest on.",
            body = Answer),
        (status = 400,
            description = "`bad_body` (not JSON), `bad_facts` (not an object), `unknown_fact`, \
                `invalid_fact`, `unknown_post`, `bad_query` (this route takes no parameters).",
            body = ErrorBody),
        (status = 413, description = "`body_too_large`.", body = ErrorBody),
        (status = 415,
            description = "`unsupported_media_type`: a body without `Content-Type: \
                application/json`.", body = ErrorBody),
    ))]
pub async fn eligibility(
    State(state): State<AppState>,
    _: NoQuery,
    body: Option<Json<serde_json::Value>>,
) -> Result<axum::Json<Answer>, ApiError> {
    let facts = match body {
        Some(Json(value)) => Facts::from_value(value)?,
        None => Facts::default(),
    };
    Ok(axum::Json(state.app.check(&facts)?))
}
