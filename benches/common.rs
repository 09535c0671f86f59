//! Shared set-up of the benchmarks: the real corpus, its analyzer, the relevance queries.

// Each bench includes this module and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use talentdex::analysis::Analyzer;
use talentdex::analysis::Language;
use talentdex::app::App;
use talentdex::model::Corpus;
use talentdex::search::Request;

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn corpus() -> Corpus {
    talentdex::corpus::load(&corpus_dir()).expect("the corpus loads")
}

pub fn analyzer() -> Arc<Analyzer> {
    Arc::new(Analyzer::load(&corpus_dir()).expect("the search data loads"))
}

/// The application over the real corpus, its index in memory: what every front end opens.
pub fn app() -> App {
    App::in_ram(&corpus_dir()).expect("the application opens")
}

#[derive(Deserialize)]
struct Set {
    query: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    q: String,
    lang: Option<String>,
}

/// The queries of tests/relevance.toml as requests.
pub fn relevance_requests() -> Vec<Request> {
    requests_of("tests/relevance.toml")
}

/// The queries of both relevance sets (tests/relevance.toml, tests/relevance_people.toml), what
/// scripts/load.sh rotates.
pub fn relevance_requests_all() -> Vec<Request> {
    let mut requests = requests_of("tests/relevance.toml");
    requests.extend(requests_of("tests/relevance_people.toml"));
    requests
}

fn requests_of(file: &str) -> Vec<Request> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(path).expect(file);
    let set: Set = toml::from_str(&text).expect("a valid relevance set");
    set.query
        .into_iter()
        .map(|case| {
            let mut request = Request::new(case.q);
            if let Some(lang) = case.lang.as_deref().and_then(Language::parse_choice) {
                request.lang = lang;
            }
            request
        })
        .collect()
}

/// One search as the benches measure it: the query answered and every hit's snippets rendered
/// as HTML (what every hit shows). Returns the HTML's length, for `black_box`.
pub fn search_with_snippets(engine: &talentdex::search::SearchEngine, request: &Request) -> usize {
    let results = engine.search(request).expect("answered");
    results
        .hits
        .iter()
        .map(|h| h.snippet.zh.html().len() + h.snippet.en.html().len())
        .sum()
}
