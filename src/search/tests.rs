//! Search: engine-level tests over the real corpus (built in RAM once for this module).

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::*;

fn engine() -> &'static SearchEngine {
    static ENGINE: OnceLock<SearchEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let corpus = Arc::new(crate::corpus::load(&dir).expect("the corpus loads"));
        let analyzer = Arc::new(Analyzer::load(&dir).expect("the search data loads"));
        SearchEngine::in_ram(corpus, analyzer).expect("the index builds")
    })
}

fn ids(results: &Results) -> Vec<String> {
    results.hits.iter().map(|h| h.id.to_string()).collect()
}

#[test]
fn a_post_is_one_hit_with_the_parts_that_matched() {
    // Parts fold into their post: one hit, saying which parts matched.

    let results = engine().search(&Request::new("芯片设计")).unwrap();
    let hits = ids(&results);
    assert_eq!(hits[0], "bj2022-a2/6");
    assert!(
        hits.iter().all(|id| !id.starts_with("bj2022-a2/6.")),
        "{hits:?}"
    );
    let parts = results.hits[0].matched_parts.as_ref().unwrap();
    assert!(parts.contains(&"bj2022-a2/6.3"), "{parts:?}");
    assert_eq!(results.hits[0].post.as_ref().unwrap().number, 6);
}

#[test]
fn asking_for_requirements_lists_the_parts_themselves() {
    // kind=requirement is the way to get parts as hits; each still carries its post.

    let mut request = Request::new("芯片设计");
    request.kind = Some(Kind::Requirement);
    let results = engine().search(&request).unwrap();
    assert!(results.hits.iter().all(|h| h.kind == Kind::Requirement));
    assert!(ids(&results).contains(&"bj2022-a2/6.3".to_string()));
    let post = results.hits[0]
        .post
        .as_ref()
        .expect("a part carries its post");
    assert!(results.hits[0].id.starts_with(post.id));
}

#[test]
fn each_facet_count_is_the_total_of_filtering_on_it() {
    // Facet counts must equal the totals their filters give (industries by either name).

    let results = engine().search(&Request::new("研发")).unwrap();
    assert!(results.total > 5);
    for count in &results.facets.doc {
        let mut r = Request::new("研发");
        r.doc = Some(count.value.to_string());
        assert_eq!(
            engine().search(&r).unwrap().total,
            count.count,
            "doc {}",
            count.value
        );
    }
    for count in &results.facets.kind {
        let mut r = Request::new("研发");
        r.kind = Kind::parse(count.value);
        assert_eq!(
            engine().search(&r).unwrap().total,
            count.count,
            "kind {}",
            count.value
        );
    }
    for count in &results.facets.industry {
        let mut r = Request::new("研发");
        r.industry = Some(count.name.en.to_uppercase());
        assert_eq!(
            engine().search(&r).unwrap().total,
            count.count,
            "industry {}",
            count.value
        );
    }
}

#[test]
fn refuses_bad_requests_with_a_reason() {
    // Each refusal is a distinct error the web layer maps to its own 400 code.

    let e = engine();
    assert!(matches!(
        e.search(&Request::new("  ")),
        Err(SearchError::EmptyQuery)
    ));
    let long = "芯".repeat(MAX_QUERY_CHARS + 1);
    assert!(matches!(
        e.search(&Request::new(long)),
        Err(SearchError::QueryTooLong { .. })
    ));
    let mut r = Request::new("x");
    r.limit = MAX_LIMIT + 1;
    assert!(matches!(e.search(&r), Err(SearchError::LimitTooLarge(51))));
    let mut r = Request::new("x");
    r.doc = Some("bj2099".into());
    assert!(matches!(
        e.search(&r),
        Err(SearchError::UnknownDocument { .. })
    ));
    let mut r = Request::new("x");
    r.industry = Some("fishing".into());
    assert!(matches!(
        e.search(&r),
        Err(SearchError::UnknownIndustry { .. })
    ));
}

#[test]
fn a_query_without_terms_finds_nothing() {
    // Punctuation alone is a valid query with no terms: an empty answer, not an error.

    let results = engine().search(&Request::new("？！…")).unwrap();
    assert_eq!(results.total, 0);
    assert!(results.hits.is_empty() && results.facets.doc.is_empty());
}

#[test]
fn lang_restricts_the_fields_searched() {
    // lang=zh|en limits matching to that language's fields.

    // "EDA" is written in both the Chinese and English text of post 4.
    let mut zh = Request::new("EDA");
    zh.lang = Some(Language::Zh);
    let mut en = Request::new("EDA");
    en.lang = Some(Language::En);
    for r in [zh, en] {
        let results = engine().search(&r).unwrap();
        assert_eq!(results.hits[0].id, "bj2022-a2/4", "{:?}", r.lang);
    }
    // A Chinese word is not an English term: with lang=en only its synonyms can match.
    let mut r = Request::new("的");
    r.lang = Some(Language::En);
    assert_eq!(engine().search(&r).unwrap().total, 0);
}
