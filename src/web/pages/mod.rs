//! Web: the server-rendered HTML pages (askama templates under `templates/`), for people rather
//! than programs. Each handler extracts, asks the domain and renders a view from `views`.

pub mod cite;
pub mod eligibility;
pub mod search;
mod views;

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::AppState;
use crate::model::Degree;
use crate::web::api::parse_as_of;

pub use views::{DocumentRow, ErrorPage};

/// An HTML error page with its status: bad input is a 4xx page, never a 500.
#[derive(Debug)]
pub struct PageError {
    pub status: StatusCode,
    pub message: String,
}

impl PageError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let page = ErrorPage {
            status: self.status.as_u16(),
            message: &self.message,
        };
        match page.render() {
            Ok(html) => (self.status, Html(html)).into_response(),
            Err(_) => (self.status, self.message).into_response(),
        }
    }
}

/// A page's query parameters, or a 400 page saying what is wrong with them.
fn query<T>(
    query: Result<axum::extract::Query<T>, axum::extract::rejection::QueryRejection>,
) -> Result<T, PageError> {
    query
        .map(|q| q.0)
        .map_err(|e| PageError::new(StatusCode::BAD_REQUEST, e.body_text()))
}

/// A path segment, or a 400 page when it is not UTF-8 once percent-decoded.
fn path(segment: Result<Path<String>, PathRejection>) -> Result<String, PageError> {
    segment
        .map(|p| p.0)
        .map_err(|e| PageError::new(StatusCode::BAD_REQUEST, e.body_text()))
}

/// A form's stated fields: the query string read strictly (as the API reads it), with blank
/// fields dropped — a field left empty means "not stated", not "empty" — and so are the fields
/// the page does not `use`: a page ignores every parameter it has no use for (SPEC).
fn stated(
    raw: Option<&str>,
    uses: impl Fn(&str) -> bool,
) -> Result<Vec<(String, String)>, PageError> {
    Ok(crate::web::http::params::parse(raw)
        .map_err(|e| PageError::new(e.status, e.message))?
        .into_iter()
        .filter(|(k, v)| !v.trim().is_empty() && uses(k))
        .collect())
}

/// Render a template, or a 500 page if the template itself fails.
pub fn render(template: &impl Template) -> Result<Html<String>, PageError> {
    template.render().map(Html).map_err(|e| {
        tracing::error!(error = %e, "template failed");
        PageError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the page could not be rendered",
        )
    })
}

/// The date a page states validity for: `?as_of=YYYY-MM-DD`, or today in Beijing. Other
/// parameters are ignored.
#[derive(Deserialize)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

pub type AsOfParam =
    Result<axum::extract::Query<AsOfQuery>, axum::extract::rejection::QueryRejection>;

/// The page's date, or a 400 page when `as_of` is not a date.
pub fn as_of(query: AsOfParam) -> Result<jiff::civil::Date, PageError> {
    let q = self::query(query)?;
    parse_as_of(q.as_of.as_deref().filter(|s| !s.is_empty()))
        .map_err(|e| PageError::new(e.status, e.message))
}

/// The home page: the documents with their validity on a date.
#[utoipa::path(get, path = "/", tag = "pages", operation_id = "home_page",
    params(
        ("as_of" = Option<String>, Query, format = Date,
            description = "Show validity on this date (YYYY-MM-DD); today in Beijing when absent.",
            example = "2026-11-21"),
    ),
    responses(
        (status = 200, description = "The home page.", content_type = "text/html", body = String),
        (status = 400, description = "`as_of` is not a date: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub async fn home(
    State(state): State<AppState>,
    query: AsOfParam,
) -> Result<Html<String>, PageError> {
    render(&views::Home::new(state.app.corpus(), as_of(query)?))
}
/// A clause's page: its texts in both languages, hierarchy, citation and related clauses, and
/// its document's validity today (or `?as_of=`).
#[utoipa::path(get, path = "/clause/{*id}", tag = "pages", operation_id = "clause_page",
    params(
        ("id" = String, Path,
            description = "A clause or document ID; its slash may be sent as it is or as `%2F`.",
            example = "bj2022-a1/2.8"),
        ("as_of" = Option<String>, Query, format = Date,
            description = "State the document's validity on this date (YYYY-MM-DD); today in Beijing when absent.",
            example = "2026-11-21"),
    ),
    responses(
        (status = 200, description = "The clause page.", content_type = "text/html", body = String),
        (status = 400, description = "The ID is not UTF-8 once percent-decoded, or `as_of` is not a date: an HTML error page.",
            content_type = "text/html", body = String),
        (status = 404, description = "No such clause: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub async fn clause(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    query: AsOfParam,
) -> Result<Html<String>, PageError> {
    let id = path(id)?;
    let as_of = as_of(query)?;
    let clause = state
        .app
        .clause(&id)
        .map_err(|_| PageError::not_found(format!("No clause `{id}`.")))?;
    render(&views::ClausePage::new(
        state.app.corpus(),
        state.app.analyzer(),
        clause,
        as_of,
    ))
}

/// The posts table's filters; other parameters are ignored, as on every page.
#[derive(Deserialize)]
pub struct PostsQuery {
    #[serde(default)]
    industry: String,
    #[serde(default)]
    degree: String,
}
/// The post catalogue, filtered by industry and by the degree an applicant holds.
#[utoipa::path(get, path = "/posts", tag = "pages", operation_id = "posts_page",
    params(
        ("industry" = Option<String>, Query,
            description = "Only posts of this industry (Chinese or English name)."),
        ("degree" = Option<String>, Query,
            description = "Only posts whose minimum degree is this one: bachelor, master or doctorate.",
            example = "master"),
    ),
    responses(
        (status = 200, description = "The catalogue page.", content_type = "text/html",
            body = String),
        (status = 400,
            description = "An unknown industry, degree or parameter: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub async fn posts(
    State(state): State<AppState>,
    query: Result<axum::extract::Query<PostsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, PageError> {
    let q = self::query(query)?;
    let degree = match q.degree.as_str() {
        "" => None,
        d => Some(parse_degree(d)?),
    };
    // An industry by its Chinese or English name, read once, as search reads it; an unknown one
    // is refused with the known ones.
    let corpus = state.app.corpus();
    let industry = match q.industry.as_str() {
        "" => None,
        name => Some(state.app.engine().industry(name).ok_or_else(|| {
            let known: Vec<&str> = corpus.industries().iter().map(|i| i.zh.as_str()).collect();
            let message = format!("No industry `{name}`; industries are {}.", known.join("、"));
            PageError::new(StatusCode::BAD_REQUEST, message)
        })?),
    };
    render(&views::PostsPage::new(corpus, industry, degree))
}

fn parse_degree(d: &str) -> Result<Degree, PageError> {
    Degree::parse(d).map_err(|m| PageError::new(StatusCode::BAD_REQUEST, m))
}

/// One post's page, by its number in the catalogue, with its document's validity.
#[utoipa::path(get, path = "/posts/{n}", tag = "pages", operation_id = "post_page",
    params(("n" = u32, Path, description = "The post number.", example = 6),
        ("as_of" = Option<String>, Query, format = Date,
            description = "State the document's validity on this date (YYYY-MM-DD); today in Beijing when absent.",
            example = "2026-11-21"),
    ),
    responses(
        (status = 200, description = "The post page.", content_type = "text/html", body = String),
        (status = 400,
            description = "The number is not UTF-8 once percent-decoded, or `as_of` is not a date: an HTML error page.",
            content_type = "text/html", body = String),
        (status = 404, description = "No such post: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub async fn post(
    State(state): State<AppState>,
    n: Result<Path<String>, PathRejection>,
    query: AsOfParam,
) -> Result<Html<String>, PageError> {
    let n = path(n)?;
    let as_of = as_of(query)?;
    let clause = state
        .app
        .post(&n)
        .map_err(|_| PageError::not_found(format!("No post `{n}`.")))?;
    render(&views::ClausePage::new(
        state.app.corpus(),
        state.app.analyzer(),
        clause,
        as_of,
    ))
}

/// `/compare`'s parameters; others (a share link's tracking tags) are ignored.
#[derive(Deserialize)]
pub struct CompareQuery {
    #[serde(default)]
    show: String,
}

/// Beijing's criteria beside the national ones they adapt, with what changed: every row, or
/// (`?show=changed`) only those Beijing added or changed.
#[utoipa::path(get, path = "/compare", tag = "pages", operation_id = "compare_page",
    params(
        ("show" = Option<String>, Query,
            description = "`all` (the default) or `changed`: leave out the unchanged rows.",
            example = "changed"),
    ),
    responses(
        (status = 200, description = "The comparison page.", content_type = "text/html",
            body = String),
        (status = 400, description = "`show` is neither `all` nor `changed`: an HTML error page.",
            content_type = "text/html", body = String),
    ))]
pub async fn compare_page(
    State(state): State<AppState>,
    query: Result<axum::extract::Query<CompareQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Html<String>, PageError> {
    let changed_only = match self::query(query)?.show.as_str() {
        "" | "all" => false,
        "changed" => true,
        other => {
            return Err(PageError::new(
                StatusCode::BAD_REQUEST,
                format!("show=`{other}`: show is `all` or `changed`"),
            ));
        }
    };
    render(&views::ComparePage::new(state.app.compare(), changed_only))
}

pub async fn not_found() -> PageError {
    PageError::not_found("No such page.")
}
