//! App: the requests front ends send, each parsed in one place — the search request from a
//! query string's pairs (the API, the search page, the CLI and the MCP server all build their
//! pairs and parse them here), so they cannot answer the same question differently; the body of
//! a linking request.

use std::collections::HashMap;

use crate::analysis::Language;
use crate::eligibility::{EligibilityError, FACT_PARAMS, Facts};
use crate::model::Kind;
use crate::search::Request;

/// The parameters search itself reads; applicant facts are all the others.
pub const SEARCH_PARAMS: [&str; 8] = [
    "q", "lang", "doc", "kind", "industry", "limit", "offset", "expand",
];
/// What `expand` may name (comma-separated): `post`, each post block with its parts' texts.
pub const EXPAND_VALUES: [&str; 1] = ["post"];

/// A search, optionally with an applicant's facts to judge each post hit against.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub search: Request,
    pub facts: Option<Facts>,
}

/// The passage to find citations in: the body of `POST /api/link`, the arguments of the MCP
/// tool `link_citations`.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkBody {
    /// At most 200 000 characters.
    pub text: String,
    /// List the citations whose `start` is this character offset or later (default 0): send
    /// the answer's `next` here to read the page after it.
    #[serde(default)]
    pub start: usize,
}

/// A request that could not be read. Each variant names what to change.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("`{0}` is given more than once")]
    Repeated(&'static str),
    #[error("lang `{0}` is not zh, en or auto")]
    BadLang(String),
    #[error("kind `{value}` is not one of {known}")]
    BadKind { value: String, known: String },
    #[error("expand `{value}` is not one of {known}", known = EXPAND_VALUES.join(", "))]
    BadExpand { value: String },
    #[error("{name} `{value}` is not a whole number")]
    BadNumber { name: &'static str, value: String },
    #[error("unknown parameter `{name}`; search takes {} and the applicant facts {}",
        SEARCH_PARAMS.join(", "), FACT_PARAMS.join(", "))]
    UnknownParameter { name: String },
    #[error(transparent)]
    Facts(#[from] EligibilityError),
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            search: Request::new(query),
            facts: None,
        }
    }

    /// The request of a query string's pairs (already percent-decoded). Empty values mean "not
    /// given"; a parameter that is neither search's nor a fact is refused.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Result<SearchRequest, RequestError> {
        let mut known: HashMap<&'static str, String> = HashMap::new();
        let mut others = Vec::new();
        for (name, value) in pairs {
            match SEARCH_PARAMS.iter().find(|p| **p == name) {
                Some(&p) if known.contains_key(p) => return Err(RequestError::Repeated(p)),
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
            request.lang = Language::parse_choice(&lang).ok_or(RequestError::BadLang(lang))?;
        }
        if let Some(kind) = given(known.remove("kind")) {
            request.kind = Some(Kind::parse(&kind).ok_or_else(|| {
                let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                RequestError::BadKind {
                    value: kind,
                    known: kinds.join(", "),
                }
            })?);
        }
        if let Some(limit) = given(known.remove("limit")) {
            request.limit = number(limit, "limit")?;
        }
        if let Some(offset) = given(known.remove("offset")) {
            request.offset = number(offset, "offset")?;
        }
        if let Some(expand) = given(known.remove("expand")) {
            for value in expand.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                match value {
                    "post" => request.expand_post = true,
                    _ => {
                        let value = value.to_string();
                        return Err(RequestError::BadExpand { value });
                    }
                }
            }
        }
        request.doc = given(known.remove("doc"));
        request.industry = given(known.remove("industry"));
        Ok(SearchRequest {
            search: request,
            facts,
        })
    }
}

fn number(value: String, name: &'static str) -> Result<usize, RequestError> {
    value
        .parse()
        .map_err(|_| RequestError::BadNumber { name, value })
}

/// The applicant facts among the pairs (`age`, `degree`, `founder.share_percent` …), validated.
fn facts(others: &[(String, String)]) -> Result<Option<Facts>, RequestError> {
    if others.is_empty() {
        return Ok(None);
    }
    if let Some((name, _)) = others.iter().find(|(n, _)| !Facts::is_fact_param(n)) {
        return Err(RequestError::UnknownParameter { name: name.clone() });
    }
    let facts = Facts::from_query_pairs(others)?;
    facts.validate()?;
    Ok(Some(facts))
}
