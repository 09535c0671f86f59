//! Web: the search page — the same request as `GET /api/search`, rendered as results with
//! highlighted snippets in both languages, facets, pagination and each post's checklist.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::views::{display_title, kind_name};
use super::{PageError, render, stated};
use crate::app::{SEARCH_PARAMS, SearchRequest};
use crate::citation::Resolution;
use crate::eligibility::Facts;
use crate::model::{Bilingual, Corpus, PostPartKind};
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
    /// What the counts count, when it is not "results like the ones listed".
    pub note: Option<&'static str>,
    pub links: Vec<FacetLink>,
}

/// A post's ability requirements (职业能力要求), shown collapsed under its hit — open when the
/// query matched them.
pub struct Abilities<'a> {
    pub id: &'a str,
    pub items: &'a [Bilingual],
    pub matched: bool,
}

/// A hit as the page shows it: headed by a title that says what the clause is about.
pub struct HitView<'a> {
    pub hit: Hit<'a>,
    pub title: Bilingual,
    pub abilities: Option<Abilities<'a>>,
}

impl<'a> HitView<'a> {
    fn new(corpus: &'a Corpus, hit: Hit<'a>) -> Self {
        let title = corpus
            .clause(hit.id)
            .map_or_else(|| hit.title.clone(), display_title);
        // The parts come from the corpus: the hit's block carries them only with `expand=post`.
        let abilities = hit.post.as_ref().and_then(|post| {
            let part = corpus
                .clause(post.id)?
                .post
                .as_ref()?
                .parts
                .iter()
                .find(|p| p.part == PostPartKind::Ability)?;
            let matched = hit
                .matched_parts
                .as_ref()
                .is_some_and(|ids| ids.contains(&part.id.as_str()));
            (!post.requirements.abilities.is_empty()).then_some(Abilities {
                id: &part.id,
                items: &post.requirements.abilities,
                matched,
            })
        });
        HitView {
            hit,
            title,
            abilities,
        }
    }

    /// The snippet HTML of a hit: escaped by the engine, with `<mark>` around matches.
    pub fn snippet_zh(&self) -> String {
        self.hit.snippet.zh.html()
    }

    pub fn snippet_en(&self) -> String {
        self.hit.snippet.en.html()
    }
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    pub q: String,
    /// `None` until a query is typed.
    pub total: Option<usize>,
    pub hits: Vec<HitView<'a>>,
    /// Whether the top hits cover the query's informative words (see the SPEC).
    pub confident: bool,
    /// The query as searched after spelling correction, when it differs.
    pub corrected: Option<String>,
    /// The citation the query is or contains, resolved.
    pub resolved: Option<Resolution<'a>>,
    pub facets: Vec<FacetGroup>,
    /// The applicant's facts from the address, carried by the form into the next query.
    pub facts: Vec<(String, String)>,
    /// This search without the facts.
    pub without_facts: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub first: usize,
    pub last: usize,
    /// When this page holds no hit although there are some (an offset past the end, or
    /// `limit=0`): the link to the first page.
    pub first_page: Option<String>,
}

impl SearchPage<'_> {
    /// The facts' names, for the line saying which are kept.
    pub fn fact_names(&self) -> String {
        let names: Vec<&str> = self.facts.iter().map(|(k, _)| k.as_str()).collect();
        names.join(", ")
    }

    /// The search page for `q` (the "did you mean" link).
    pub fn search_href(q: &str) -> String {
        href(&[], &[("q", q.to_string())])
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

/// Posts are counted once, with their matching parts folded in; the requirement-part count is of
/// the parts themselves, so it is labelled as such rather than added to the others.
const KIND_NOTE: &str = "Posts count once, with their matching requirements; \
    requirement parts are counted one by one. 岗位按个计数（含其匹配的要求），岗位要求按条计数。";

fn facet_groups(
    corpus: &Corpus,
    results: &Results<'_>,
    kept: &[(String, String)],
) -> Vec<FacetGroup> {
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
    let both = |b: &Bilingual| format!("{} · {}", b.zh, b.en);
    let f = &results.facets;
    let kinds: Vec<FacetLink> = f
        .kind
        .iter()
        .map(|c| {
            let label = crate::model::Kind::parse(c.value)
                .map_or_else(|| c.value.to_string(), |k| both(&kind_name(k)));
            link("kind", c.value, label, c.count)
        })
        .collect();
    let has_parts = f.kind.iter().any(|c| c.value == "requirement");
    vec![
        FacetGroup {
            name: "Document · 文件",
            note: None,
            links: f
                .doc
                .iter()
                .map(|c| {
                    let label = corpus
                        .document(c.value)
                        .map_or_else(|| c.value.to_string(), |d| both(&d.short));
                    link("doc", c.value, label, c.count)
                })
                .collect(),
        },
        FacetGroup {
            name: "Kind · 类型",
            note: has_parts.then_some(KIND_NOTE),
            links: kinds,
        },
        FacetGroup {
            name: "Industry · 行业",
            note: None,
            links: f
                .industry
                .iter()
                .map(|c| link("industry", c.value, both(c.name), c.count))
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
    let uses = |name: &str| SEARCH_PARAMS.contains(&name) || Facts::is_fact_param(name);
    let pairs = stated(raw.as_deref(), uses)?;
    let q = pairs
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let facts: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| Facts::is_fact_param(k))
        .cloned()
        .collect();
    let kept: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| !SET_BY_LINKS.contains(&k.as_str()))
        .cloned()
        .collect();
    let without_facts = href(
        &kept,
        &facts
            .iter()
            .map(|(k, _)| (k.as_str(), String::new()))
            .collect::<Vec<_>>(),
    );
    if q.trim().is_empty() {
        let empty = SearchPage {
            q,
            total: None,
            hits: Vec::new(),
            confident: true,
            corrected: None,
            resolved: None,
            facets: Vec::new(),
            facts,
            without_facts,
            prev: None,
            next: None,
            first: 0,
            first_page: None,
            last: 0,
        };
        return render(&empty);
    }
    let request = SearchRequest::from_pairs(pairs).map_err(|e| bad(e.into()))?;
    let mut results = state.app.search(&request).map_err(|e| bad(e.into()))?;
    let (offset, limit, total) = (results.offset, results.limit, results.total);
    let page_link = |o: usize| {
        href(
            &kept,
            &[("offset", if o == 0 { String::new() } else { o.to_string() })],
        )
    };
    // Offsets come from the address: add without wrapping, and never link a page to itself.
    let end = offset.saturating_add(limit);
    let prev = (offset > 0 && limit > 0).then(|| page_link(offset.saturating_sub(limit)));
    let next = (limit > 0 && end < total).then(|| page_link(end));
    let corpus = state.app.corpus();
    let facets = facet_groups(corpus, &results, &kept);
    let hits: Vec<HitView> = std::mem::take(&mut results.hits)
        .into_iter()
        .map(|hit| HitView::new(corpus, hit))
        .collect();
    let page = SearchPage {
        first: offset.saturating_add(1),
        last: offset.saturating_add(hits.len()).min(total),
        first_page: (hits.is_empty() && total > 0).then(|| page_link(0)),
        total: Some(total),
        hits,
        confident: results.confident,
        corrected: results.corrected.take(),
        resolved: results.resolved.take(),
        facets,
        facts,
        without_facts,
        q,
        prev,
        next,
    };
    render(&page)
}
