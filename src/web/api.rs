//! Web: the JSON API handlers over the corpus — documents, clauses, posts. Each extracts, asks the
//! model and returns a view.

use axum::Json;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};

use super::extract::Query;
use super::{ApiError, AppState};
use crate::model::{Bilingual, Clause, Document, Validity, beijing_today};

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
}

pub async fn healthz() -> Json<Health> {
    Json(Health { status: "ok" })
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such route")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

/// Parse `YYYY-MM-DD`, or today's date in Beijing when absent.
pub fn parse_as_of(as_of: Option<&str>) -> Result<jiff::civil::Date, ApiError> {
    match as_of {
        None => Ok(beijing_today()),
        Some(s) => s.parse().map_err(|_| {
            ApiError::bad_request(
                "bad_date",
                format!("as_of `{s}` is not a date (YYYY-MM-DD)"),
            )
        }),
    }
}

#[derive(Serialize)]
pub struct DocumentView<'a> {
    #[serde(flatten)]
    document: &'a Document,
    validity: Validity,
}

#[derive(Serialize)]
pub struct DocumentsView<'a> {
    as_of: jiff::civil::Date,
    documents: Vec<DocumentView<'a>>,
}

pub async fn documents(
    State(state): State<AppState>,
    Query(q): Query<AsOfQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let as_of = parse_as_of(q.as_of.as_deref())?;
    let documents = state
        .corpus
        .documents()
        .iter()
        .map(|document| DocumentView {
            document,
            validity: Validity::of(document, as_of),
        })
        .collect();
    to_json(&DocumentsView { as_of, documents })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClausesQuery {
    doc: Option<String>,
}

#[derive(Serialize)]
pub struct ClauseList<'a> {
    total: usize,
    clauses: Vec<&'a Clause>,
}

pub async fn clauses(
    State(state): State<AppState>,
    Query(q): Query<ClausesQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let corpus = &state.corpus;
    let clauses: Vec<&Clause> = match q.doc.as_deref() {
        None => corpus.clauses().iter().collect(),
        Some(doc) if corpus.document(doc).is_some() => corpus.clauses_of(doc).collect(),
        Some(doc) => return Err(unknown_document(&state, doc)),
    };
    to_json(&ClauseList {
        total: clauses.len(),
        clauses,
    })
}

fn unknown_document(state: &AppState, doc: &str) -> ApiError {
    let known: Vec<&str> = state
        .corpus
        .documents()
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    ApiError::bad_request(
        "unknown_document",
        format!("no document `{doc}`; documents are {}", known.join(", ")),
    )
}

/// A link up the hierarchy.
#[derive(Serialize)]
pub struct Crumb<'a> {
    id: &'a str,
    title: &'a Bilingual,
    citation: &'a Bilingual,
    url: &'a str,
}

#[derive(Serialize)]
pub struct ClauseView<'a> {
    #[serde(flatten)]
    clause: &'a Clause,
    breadcrumbs: Vec<Crumb<'a>>,
}

fn clause_view<'a>(state: &'a AppState, clause: &'a Clause) -> ClauseView<'a> {
    let breadcrumbs = state
        .corpus
        .breadcrumbs(clause)
        .into_iter()
        .map(|c| Crumb {
            id: &c.id,
            title: &c.title,
            citation: &c.citation,
            url: &c.url,
        })
        .collect();
    ClauseView {
        clause,
        breadcrumbs,
    }
}

pub async fn clause(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let clause = state
        .corpus
        .clause(&id)
        .ok_or_else(|| ApiError::not_found(format!("no clause `{id}`")))?;
    to_json(&clause_view(&state, clause))
}

#[derive(Serialize)]
pub struct PostList<'a> {
    total: usize,
    posts: Vec<&'a Clause>,
}

pub async fn posts(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let posts: Vec<&Clause> = state.corpus.posts().collect();
    to_json(&PostList {
        total: posts.len(),
        posts,
    })
}

pub async fn post(
    State(state): State<AppState>,
    Path(n): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let number: u32 = n.parse().map_err(|_| {
        ApiError::bad_request(
            "bad_post_number",
            format!(
                "`{n}` is not a post number (1-{})",
                state.corpus.posts().count()
            ),
        )
    })?;
    let clause = state
        .corpus
        .post(number)
        .ok_or_else(|| ApiError::not_found(format!("no post {number}")))?;
    to_json(&clause_view(&state, clause))
}

fn to_json<T: Serialize>(value: &T) -> Result<Json<serde_json::Value>, ApiError> {
    serde_json::to_value(value)
        .map(Json)
        .map_err(|e| ApiError::internal(format!("cannot serialise the answer: {e}")))
}
