//! Web: `POST /api/eligibility` — applicant facts in (JSON body; none or `{}` for all-unknown),
//! `eligibility::evaluate`'s answer out; bad facts become a 400 naming the field.

use axum::extract::State;
use axum::http::StatusCode;

use super::extract::Json;
use super::{ApiError, AppState};
use crate::eligibility::{self, Answer, EligibilityError, Facts};

pub async fn eligibility(
    State(state): State<AppState>,
    body: Option<Json<serde_json::Value>>,
) -> Result<axum::Json<Answer>, ApiError> {
    let facts = match body {
        Some(Json(value)) => Facts::from_value(value)?,
        None => Facts::default(),
    };
    Ok(axum::Json(eligibility::evaluate(&state.corpus, &facts)?))
}

/// Any method but POST.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "/api/eligibility takes POST with the facts as a JSON body",
    )
}

impl From<EligibilityError> for ApiError {
    fn from(e: EligibilityError) -> Self {
        let code = match &e {
            EligibilityError::NotJson { .. } => "bad_body",
            EligibilityError::NotAnObject { .. } => "bad_facts",
            EligibilityError::UnknownFact { .. } => "unknown_fact",
            EligibilityError::InvalidFact { .. } => "invalid_fact",
            EligibilityError::UnknownPost { .. } => "unknown_post",
            EligibilityError::RuleDrift { .. } | EligibilityError::AwardList { .. } => {
                return ApiError::internal(e.to_string());
            }
        };
        ApiError::bad_request(code, e.to_string())
    }
}
