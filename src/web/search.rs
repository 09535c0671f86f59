//! Web: `GET /api/search`. Reads the query string into a `search::Request`, asks the engine and
//! returns its results; engine refusals become 400s with stable codes.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use super::error::ErrorBody;
use super::{ApiError, AppState, params};
use crate::eligibility::{EligibilityError, FACT_PARAMS, Facts};
use crate::model::Kind;
use crate::search::{Lang, Request, Results, SearchError};

/// The parameters search itself reads; applicant facts are all the others.
pub const SEARCH_PARAMS: [&str; 7] = ["q", "lang", "doc", "kind", "industry", "limit", "offset"];

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
    ),
    responses(
        (status = 200, description = "The hits, the total and the facet counts.", body = Results),
        (status = 400,
            description = "`empty_query`, `query_too_long`, `bad_lang`, `bad_kind`, `bad_limit`, \
                `bad_offset`, `unknown_document`, `unknown_industry`, `bad_query` (an unknown, \
                repeated or non-UTF-8 parameter); for an applicant fact `invalid_fact`.",
            body = ErrorBody),
    ))]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (request, facts) = request(params::parse(raw.as_deref())?)?;
    // Answers judged against an applicant's facts are personal: searched afresh, never cached.
    if facts.is_none()
        && let Some(body) = state.search_cache.get(&request)
    {
        return Ok(json_body(body));
    }
    let mut results = state.search.search(&request)?;
    if let Some(facts) = &facts {
        judge_posts(&state, &mut results, facts)?;
    }
    let body = serde_json::to_vec(&results)
        .map(Bytes::from)
        .map_err(|e| ApiError::internal(format!("cannot serialise the answer: {e}")))?;
    if facts.is_none() {
        state.search_cache.insert(request, body.clone());
    }
    Ok(json_body(body))
}

/// Give every post hit's checks, and the post itself, their verdicts against the facts. A `post`
/// fact must name a post of the catalogue, as it must for `/api/eligibility`.
pub(crate) fn judge_posts(
    state: &AppState,
    results: &mut Results<'_>,
    facts: &Facts,
) -> Result<(), ApiError> {
    if let Some(n) = facts.post
        && state.corpus.post(n).is_none()
    {
        return Err(EligibilityError::UnknownPost {
            number: n,
            count: state.corpus.posts().count(),
        }
        .into());
    }
    for block in results.hits.iter_mut().filter_map(|h| h.post.as_mut()) {
        let Some(clause) = state.corpus.clause(block.id) else {
            continue;
        };
        let judged = state.eligibility.evaluate_post(clause, facts);
        for (view, verdict) in block.checks.iter_mut().zip(judged.checks) {
            view.verdict = Some(verdict.verdict.as_str().to_string());
            view.reason = Some(verdict.reason);
        }
        block.verdict = Some(judged.verdict.as_str().to_string());
        block.reason = Some(judged.reason);
    }
    Ok(())
}

fn json_body(body: Bytes) -> Response {
    ([(CONTENT_TYPE, "application/json")], body).into_response()
}

/// The search request of a query string's pairs, and the applicant's facts if any were given.
/// The search page reads its form through this too, so both answer the same questions alike.
pub(crate) fn request(pairs: Vec<(String, String)>) -> Result<(Request, Option<Facts>), ApiError> {
    let mut known: HashMap<&'static str, String> = HashMap::new();
    let mut others = Vec::new();
    for (name, value) in pairs {
        match SEARCH_PARAMS.iter().find(|p| **p == name) {
            Some(&p) if known.contains_key(p) => {
                return Err(ApiError::bad_request(
                    "bad_query",
                    format!("`{p}` is given more than once"),
                ));
            }
            Some(&p) => {
                known.insert(p, value);
            }
            None => others.push((name, value)),
        }
    }
    let facts = facts(&others)?;
    let mut request = Request::new(known.remove("q").unwrap_or_default());
    let given = |v: Option<String>| v.filter(|s| !s.is_empty());
    if let Some(lang) = given(known.remove("lang")) {
        request.lang = Lang::parse(&lang).ok_or_else(|| {
            ApiError::bad_request("bad_lang", format!("lang `{lang}` is not zh, en or auto"))
        })?;
    }
    if let Some(kind) = given(known.remove("kind")) {
        request.kind = Some(Kind::parse(&kind).ok_or_else(|| {
            let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            ApiError::bad_request(
                "bad_kind",
                format!("kind `{kind}` is not one of {}", kinds.join(", ")),
            )
        })?);
    }
    if let Some(limit) = given(known.remove("limit")) {
        request.limit = number(&limit, "limit", "bad_limit")?;
    }
    if let Some(offset) = given(known.remove("offset")) {
        request.offset = number(&offset, "offset", "bad_offset")?;
    }
    request.doc = given(known.remove("doc"));
    request.industry = given(known.remove("industry"));
    Ok((request, facts))
}

fn number(value: &str, name: &str, code: &'static str) -> Result<usize, ApiError> {
    value
        .parse()
        .map_err(|_| ApiError::bad_request(code, format!("{name} `{value}` is not a whole number")))
}

/// The one place applicant facts (`age`, `degree`, `founder.share_percent` …) are read, to judge
/// each post's checks. A parameter that is neither search's nor a fact is a 400 `bad_query`; a
/// fact with a bad value is the eligibility API's own 400 (`invalid_fact` …).
fn facts(others: &[(String, String)]) -> Result<Option<Facts>, ApiError> {
    if others.is_empty() {
        return Ok(None);
    }
    if let Some((name, _)) = others.iter().find(|(n, _)| !Facts::is_fact_param(n)) {
        return Err(ApiError::bad_request(
            "bad_query",
            format!(
                "unknown parameter `{name}`; search takes {} and the applicant facts {}",
                SEARCH_PARAMS.join(", "),
                FACT_PARAMS.join(", ")
            ),
        ));
    }
    let facts = Facts::from_query_pairs(others)?;
    facts.validate()?;
    Ok(Some(facts))
}

impl From<SearchError> for ApiError {
    fn from(e: SearchError) -> ApiError {
        let code = match &e {
            SearchError::EmptyQuery => "empty_query",
            SearchError::QueryTooLong { .. } => "query_too_long",
            SearchError::LimitTooLarge(_) => "bad_limit",
            SearchError::UnknownDocument { .. } => "unknown_document",
            SearchError::UnknownIndustry { .. } => "unknown_industry",
            SearchError::Analysis(_) | SearchError::Index(_) | SearchError::Failed(_) => {
                return ApiError::internal(e.to_string());
            }
        };
        ApiError::bad_request(code, e.to_string())
    }
}
