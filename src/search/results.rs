//! Search: what a search answers — the hits (a post once, with its requirement block and the
//! parts that matched), the total and the facet counts. Serialised as the `/api/search` body.

use serde::Serialize;

use super::snippet::Snippets;
use crate::citation::Resolution;
use crate::model::{Bilingual, Check, Kind, Outcome, PostPart, Requirements};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Results<'a> {
    pub query: String,
    /// The language the query was read as (`auto` resolved by its script).
    pub lang: &'static str,
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub hits: Vec<Hit<'a>>,
    pub facets: Facets<'a>,
    /// True when the top hits cover the query's informative words; false when only generic
    /// words or a minority of them matched (or nothing did).
    pub confident: bool,
    /// The query as searched after spelling correction (either language), when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected: Option<String>,
    /// When the query is, or contains, a citation or clause ID: the resolver's answer (its
    /// clause ranks first).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub resolved: Option<Resolution<'a>>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Hit<'a> {
    pub id: &'a str,
    pub doc: &'a str,
    pub kind: Kind,
    pub title: &'a Bilingual,
    pub text: &'a Bilingual,
    pub snippet: Snippets<'a>,
    pub score: f64,
    pub url: &'a str,
    pub citation: &'a Bilingual,
    /// For a post or one of its parts: the post's catalogue entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<PostBlock<'a>>,
    /// For a post or one of its parts: the IDs of the requirement parts that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_parts: Option<Vec<&'a str>>,
}

/// A post's catalogue entry in a hit. `verdict`/`reason` (here and on each check) are filled in by
/// the application from applicant facts; they are omitted while absent.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PostBlock<'a> {
    pub id: &'a str,
    pub number: u32,
    pub industry: &'a Bilingual,
    pub name: &'a Bilingual,
    /// The parts' full texts, only with `expand=post` (each part is also a clause at its URL;
    /// `requirements` and `checks` already say what they require).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<&'a [PostPart]>,
    pub requirements: &'a Requirements,
    pub checks: Vec<CheckView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Bilingual>,
}

/// One check of a post, with room for its verdict.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckView<'a> {
    #[serde(flatten)]
    pub check: &'a Check,
    /// `met`, `not_met` or `unknown`, once the application has judged it against the facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Bilingual>,
}

/// Facet counts. Each count is what `total` would be with that value as the filter, the other
/// filters unchanged (so a chosen document still shows the counts of the others).
#[derive(Debug, Default, Serialize, utoipa::ToSchema)]
pub struct Facets<'a> {
    pub doc: Vec<Count<'a>>,
    pub kind: Vec<Count<'a>>,
    pub industry: Vec<IndustryCount<'a>>,
}

#[derive(Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Count<'a> {
    pub value: &'a str,
    pub count: usize,
}

#[derive(Debug, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct IndustryCount<'a> {
    /// The filter value (the Chinese name; the English name is accepted too).
    pub value: &'a str,
    pub name: &'a Bilingual,
    pub count: usize,
}
