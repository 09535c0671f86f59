//! Web: the eligibility page — a form for the applicant's facts (GET, so an answer is a link) and
//! the answer: every criterion and post with its verdict, reason and clause.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Html;

use super::{PageError, render, stated};
use crate::app::AppError;
use crate::eligibility::{Answer, Facts, ROLES};
use crate::model::Corpus;
use crate::web::AppState;

/// The form's values as the user typed them, to fill the form again.
pub struct FormValues(HashMap<String, String>);

impl FormValues {
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

pub struct PostOption {
    pub number: u32,
    pub label: String,
}

#[derive(Template)]
#[template(path = "eligibility.html")]
pub struct EligibilityPage {
    pub values: FormValues,
    pub answer: Option<Answer>,
    pub error: Option<String>,
    pub posts: Vec<PostOption>,
    pub roles: Vec<&'static str>,
}

fn post_options(corpus: &Corpus) -> Vec<PostOption> {
    corpus
        .posts()
        .filter_map(|c| c.post.as_ref())
        .map(|p| PostOption {
            number: p.number,
            label: format!("{} {} · {}", p.number, p.name.zh, p.name.en),
        })
        .collect()
}
/// The eligibility form, and its answer when facts are given. The applicant facts are query
/// parameters here, as on `/api/search` (added by `shared`).
#[utoipa::path(get, path = "/eligibility", tag = "pages", operation_id = "eligibility_page",
    responses(
        (status = 200, description = "The form, with every verdict when facts were given.",
            content_type = "text/html", body = String),
        (status = 400,
            description = "A fact that is unknown or invalid: the form again, saying which.",
            content_type = "text/html", body = String),
    ))]
pub async fn page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<(StatusCode, Html<String>), PageError> {
    let pairs: Vec<(String, String)> = stated(query.as_deref())?
        .into_iter()
        .map(|(k, v)| (k, v.trim().to_string()))
        .collect();
    let mut status = StatusCode::OK;
    let (answer, error) = if pairs.is_empty() {
        (None, None)
    } else {
        let answer = Facts::from_query_pairs(&pairs)
            .map_err(AppError::from)
            .and_then(|f| state.app.check(&f));
        match answer {
            Ok(answer) => (Some(answer), None),
            Err(e) => {
                status = StatusCode::BAD_REQUEST;
                (None, Some(e.to_string()))
            }
        }
    };
    let page = EligibilityPage {
        values: FormValues(pairs.into_iter().collect()),
        answer,
        error,
        posts: post_options(state.app.corpus()),
        roles: ROLES.iter().map(|(_, en, _)| *en).collect(),
    };
    Ok((status, render(&page)?))
}
