//! The relevance set (tests/relevance.toml): every query's hits are compared with the clause IDs
//! people expect. Prints MRR@10 and Recall@3 and fails below the targets, so a ranking change
//! that loses a query shows up here rather than in front of a user.

use serde::Deserialize;
use talentdex::analysis::Language;
use talentdex::search::Request;

use crate::common::engine;

/// The target.
const MIN_MRR_AT_10: f64 = 0.95;
/// Recall@3 floor: most expected IDs are within the first three hits.
const MIN_RECALL_AT_3: f64 = 0.9;
pub(crate) const MRR_DEPTH: usize = 10;
pub(crate) const RECALL_DEPTH: usize = 3;
/// The set must stay this large (the issue asks for at least 80 queries).
const MIN_QUERIES: usize = 80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Set {
    query: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    q: String,
    expect: Vec<String>,
    first: Option<String>,
    lang: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

fn cases() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/relevance.toml");
    let text = std::fs::read_to_string(path).expect("tests/relevance.toml");
    toml::from_str::<Set>(&text)
        .expect("a valid relevance set")
        .query
}

/// The IDs of the first `MRR_DEPTH` hits.
fn ranked(case: &Case) -> Vec<String> {
    let mut request = Request::new(case.q.clone());
    request.limit = MRR_DEPTH;
    if let Some(lang) = &case.lang {
        request.lang = Language::parse_choice(lang).expect("lang is zh, en or auto");
    }
    let results = engine().search(&request).expect("the query is answered");
    results.hits.iter().map(|h| h.id.to_string()).collect()
}

pub(crate) fn reciprocal_rank(hits: &[String], expect: &[String]) -> f64 {
    hits.iter()
        .position(|h| expect.contains(h))
        .map_or(0.0, |i| 1.0 / (i + 1) as f64)
}

pub(crate) fn recall_at(depth: usize, hits: &[String], expect: &[String]) -> f64 {
    let found = expect
        .iter()
        .filter(|e| hits.iter().take(depth).any(|h| h == *e))
        .count();
    found as f64 / expect.len().min(depth) as f64
}

#[test]
fn relevance_set_meets_its_targets() {
    let cases = cases();
    assert!(cases.len() >= MIN_QUERIES, "{} queries", cases.len());
    let corpus = crate::common::corpus();
    let (mut rr_sum, mut recall_sum) = (0.0, 0.0);
    let mut misses = Vec::new();
    let mut wrong_first = Vec::new();
    for case in &cases {
        for id in case.expect.iter().chain(&case.first) {
            assert!(corpus.clause(id).is_some(), "{}: no clause {id}", case.q);
        }
        let hits = ranked(case);
        let rr = reciprocal_rank(&hits, &case.expect);
        let recall = recall_at(RECALL_DEPTH, &hits, &case.expect);
        rr_sum += rr;
        recall_sum += recall;
        if rr < 1.0 || recall < 1.0 {
            misses.push(format!(
                "  {:<32} RR {rr:.2} R@3 {recall:.2}  want {:?}  got {:?}",
                case.q,
                case.expect,
                &hits[..hits.len().min(RECALL_DEPTH + 1)]
            ));
        }
        if let Some(first) = &case.first
            && hits.first() != Some(first)
        {
            wrong_first.push(format!(
                "  {}: want {first} first, got {:?}",
                case.q,
                hits.first()
            ));
        }
    }
    let n = cases.len() as f64;
    let (mrr, recall) = (rr_sum / n, recall_sum / n);
    // Written to the stderr handle, not through `println!`, so the figures show in every
    // `cargo test` run (the test harness captures only the print macros).
    let mut report = format!(
        "relevance: {} queries, MRR@10 {mrr:.4}, Recall@3 {recall:.4}\n",
        cases.len()
    );
    if !misses.is_empty() {
        report.push_str(&format!("imperfect queries:\n{}\n", misses.join("\n")));
    }
    let _ = std::io::Write::write_all(&mut std::io::stderr(), report.as_bytes());
    assert!(
        wrong_first.is_empty(),
        "wrong first hits:\n{}",
        wrong_first.join("\n")
    );
    assert!(mrr >= MIN_MRR_AT_10, "MRR@10 {mrr:.4} < {MIN_MRR_AT_10}");
    assert!(
        recall >= MIN_RECALL_AT_3,
        "Recall@3 {recall:.4} < {MIN_RECALL_AT_3}"
    );
}

#[test]
fn metrics_count_as_defined() {
    // The metric code itself: RR is 1/rank of the first relevant hit; recall is over min(k, n).
    let hits: Vec<String> = ["a", "b", "c", "d"].map(String::from).into();
    let want = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(reciprocal_rank(&hits, &want(&["c", "a"])), 1.0);
    assert_eq!(reciprocal_rank(&hits, &want(&["b"])), 0.5);
    assert_eq!(reciprocal_rank(&hits, &want(&["z"])), 0.0);
    assert_eq!(recall_at(3, &hits, &want(&["a", "d"])), 0.5);
    assert_eq!(recall_at(3, &hits, &want(&["a", "b", "c", "d"])), 1.0);
}
