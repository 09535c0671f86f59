//! Web: the search page — the same request as `GET /api/search`, rendered as results with
//! highlighted snippets in both languages, facets, pagination and each post's checklist.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::{PageError, render, stated};
use crate::app::SearchRequest;
use crate::search::{Hit, Results};
use crate::web::AppState;

/// The parameters a facet or page link sets itself; every other one (the query, filters, an
/// applicant's facts) is kept from one request to the next.
const SET_BY_LINKS: [&str; 2] = ["offset", "limit"];

/// A link that changes one parameter of the current search.
pub struct FacetLink {
    pub label: String,
    pub count: usize,
    pub href: String,
    pub active: bool,
}

pub struct FacetGroup {
    pub name: &'static str,
    pub links: Vec<FacetLink>,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    pub q: String,
    pub results: Option<Results<'a>>,
    pub facets: Vec<FacetGroup>,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub first: usize,
    pub last: usize,
}

impl SearchPage<'_> {
    /// The snippet HTML of a hit: escaped by the engine, with `<mark>` around matches.
    pub fn snippet_zh(hit: &Hit<'_>) -> String {
        hit.snippet.zh.html()
    }

    pub fn snippet_en(hit: &Hit<'_>) -> String {
        hit.snippet.en.html()
    }
}

/// `/search?…` with `changes` applied to the kept parameters (an empty value removes one).
fn href(kept: &[(String, String)], changes: &[(&str, String)]) -> String {
    let mut pairs: Vec<(String, String)> = kept
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    pairs.extend(
        changes
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v.clone())),
    );
    format!(
        "/search?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

fn facet_groups(results: &Results<'_>, kept: &[(String, String)]) -> Vec<FacetGroup> {
    let chosen = |name: &str| {
        kept.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let link = |name: &'static str, value: &str, label: String, count: usize| {
        let active = chosen(name) == Some(value);
        let target = if active {
            String::new()
        } else {
            value.to_string()
        };
        FacetLink {
            label,
            count,
            href: href(kept, &[(name, target), ("offset", String::new())]),
            active,
        }
    };
    let f = &results.facets;
    vec![
        FacetGroup {
            name: "Document · 文件",
            links: f
                .doc
                .iter()
                .map(|c| link("doc", c.value, c.value.to_string(), c.count))
                .collect(),
        },
        FacetGroup {
            name: "Kind · 类型",
            links: f
                .kind
                .iter()
                .map(|c| link("kind", c.value, c.value.to_string(), c.count))
                .collect(),
        },
        FacetGroup {
            name: "Industry · 行业",
            links: f
                .industry
                .iter()
                .map(|c| {
                    link(
                        "industry",
                        c.value,
                        format!("{} · {}", c.name.zh, c.name.en),
                        c.count,
                    )
                })
                .collect(),
        },
    ]
}
/// The search page: the same parameters as `/api/search` (search's own below, the applicant
/// facts added by `shared`), rendered as results with facets and paging; no `q`, just the form.
#[utoipa::path(get, path = "/search", tag = "pages", operation_id = "search_page",
    params(
        ("q" = Option<String>, Query, description = "The query, in Chinese or English.",
            example = "芯片设计"),
        ("lang" = Option<String>, Query, description = "`zh`, `en` or `auto`."),
        ("doc" = Option<String>, Query, description = "Only this document's clauses."),
        ("kind" = Option<String>, Query, description = "Only clauses of this kind."),
        ("industry" = Option<String>, Query, description = "Only posts of this industry."),
        ("limit" = Option<u32>, Query, description = "Hits per page (at most 50)."),
        ("offset" = Option<u32>, Query, description = "Hits to skip (paging)."),
    ),
    responses(
        (status = 200, description = "The form, and the results when there is a query.",
            content_type = "text/html", body = String),
        (status = 400,
            description = "A refused query or filter (too long, bad limit, unknown document, \
                a bad fact…): the page again, saying why.",
            content_type = "text/html", body = String),
    ))]
pub async fn page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Html<String>, PageError> {
    let bad = |e: crate::web::ApiError| PageError::new(e.status, e.message);
    let pairs = stated(raw.as_deref())?;
    let q = pairs
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    if q.trim().is_empty() {
        let empty = SearchPage {
            q,
            results: None,
            facets: Vec::new(),
            prev: None,
            next: None,
            first: 0,
            last: 0,
        };
        return render(&empty);
    }
    let kept: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| !SET_BY_LINKS.contains(&k.as_str()))
        .cloned()
        .collect();
    let request = SearchRequest::from_pairs(pairs).map_err(|e| bad(e.into()))?;
    let results = state.app.search(&request).map_err(|e| bad(e.into()))?;
    let (offset, limit, total) = (results.offset, results.limit, results.total);
    let page_link = |o: usize| {
        href(
            &kept,
            &[("offset", if o == 0 { String::new() } else { o.to_string() })],
        )
    };
    let prev = (offset > 0).then(|| page_link(offset.saturating_sub(limit)));
    let next = (offset + limit < total).then(|| page_link(offset + limit));
    let page = SearchPage {
        first: offset + 1,
        last: (offset + results.hits.len()).min(total),
        facets: facet_groups(&results, &kept),
        q,
        results: Some(results),
        prev,
        next,
    };
    render(&page)
}
