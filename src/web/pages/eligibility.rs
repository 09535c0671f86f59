//! Web: the eligibility page — an interview. A form for the applicant's facts (GET, so an answer
//! is a link), then the summary first, the Category A criteria grouped under their headings with
//! yes/no questions for the ones only the applicant can attest, and the posts sorted met →
//! unknown → not met, each expandable in place.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Html;

use super::{PageError, render, stated};
use crate::app::AppError;
use crate::eligibility::{
    Answer, CATEGORY_A_DOCS, Decided, Eligibility, Facts, PostVerdict, PostdocInstitution, ROLES,
    Verdict,
};
use crate::model::{Bilingual, Corpus, Outcome};
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

/// One criterion as the page shows it: its verdict, its title, and whether to ask about it.
pub struct CriterionRow<'a> {
    pub verdict: &'a Verdict,
    pub words: Bilingual,
    /// `meets.<id>`: the form field that answers it, for attested criteria.
    pub field: Option<String>,
    /// Ask the yes/no question (attested and not yet answered).
    pub ask: bool,
}

/// The criteria under one Category A heading of one document.
pub struct CriteriaGroup<'a> {
    pub document: Bilingual,
    pub heading: Bilingual,
    pub rows: Vec<CriterionRow<'a>>,
}

pub struct PostRow<'a> {
    pub post: &'a PostVerdict,
    pub words: Bilingual,
}

#[derive(Template)]
#[template(path = "eligibility.html")]
pub struct EligibilityPage<'a> {
    pub values: FormValues,
    pub answer: Option<&'a Answer>,
    pub groups: Vec<CriteriaGroup<'a>>,
    pub posts_sorted: Vec<PostRow<'a>>,
    pub error: Option<String>,
    pub posts: Vec<PostOption>,
    pub roles: Vec<&'static str>,
    pub institutions: Vec<(&'static str, Bilingual)>,
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

/// The criteria grouped by document and by the category they sit under (a category that is a
/// criterion itself is its own heading).
fn groups<'a>(engine: &Eligibility, answer: &'a Answer) -> Vec<CriteriaGroup<'a>> {
    let corpus = engine.corpus();
    let mut groups: Vec<CriteriaGroup<'a>> = Vec::new();
    for v in &answer.criteria {
        let Some(clause) = corpus.clause(&v.id) else {
            continue;
        };
        let heading_clause = clause
            .parent
            .as_deref()
            .and_then(|p| corpus.clause(p))
            .filter(|p| CATEGORY_A_DOCS.contains(&p.doc.as_str()) && p.id != p.doc)
            .unwrap_or(clause);
        let document = corpus
            .document(&clause.doc)
            .map(|d| d.short.clone())
            .unwrap_or_default();
        let heading = heading_clause.title.clone();
        let attested = matches!(engine.decided_by(&v.id), Decided::Attested);
        let row = CriterionRow {
            verdict: v,
            words: v.verdict.words(),
            field: attested.then(|| format!("meets.{}", v.id)),
            ask: attested && v.verdict == Outcome::Unknown,
        };
        match groups.last_mut() {
            Some(g) if g.heading == heading && g.document == document => g.rows.push(row),
            _ => groups.push(CriteriaGroup {
                document,
                heading,
                rows: vec![row],
            }),
        }
    }
    groups
}

fn sorted_posts(answer: &Answer) -> Vec<PostRow<'_>> {
    let mut rows: Vec<PostRow<'_>> = answer
        .posts
        .iter()
        .map(|p| PostRow {
            post: p,
            words: p.verdict.words(),
        })
        .collect();
    rows.sort_by_key(|r| r.post.verdict.reading_order());
    rows
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
    let pairs: Vec<(String, String)> = stated(query.as_deref(), Facts::is_fact_param)?
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
        groups: answer
            .as_ref()
            .map(|a| groups(state.app.eligibility(), a))
            .unwrap_or_default(),
        posts_sorted: answer.as_ref().map(sorted_posts).unwrap_or_default(),
        answer: answer.as_ref(),
        error,
        posts: post_options(state.app.corpus()),
        roles: ROLES.iter().map(|(_, en, _)| *en).collect(),
        institutions: PostdocInstitution::ALL
            .iter()
            .map(|i| (i.as_str(), i.names()))
            .collect(),
    };
    Ok((status, render(&page)?))
}
