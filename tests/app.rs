//! The application layer (app): opened once from a corpus and an index location, the one door
//! every front end uses. These tests hold what the front ends rely on.

use talentdex::app::{App, AppError, IndexLocation, IndexSource, Options, SearchRequest};
use talentdex::model::{CheckKind, Outcome};

use crate::common::{application, corpus_dir};

#[test]
fn an_index_directory_is_built_once_then_opened() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let options = Options::new(corpus_dir(), IndexLocation::Dir(dir.path().join("index")));
    let first = App::open(&options).expect("opens");
    assert!(
        matches!(first.opened().index, IndexSource::Built { .. }),
        "{:?}",
        first.opened()
    );
    let second = App::open(&options).expect("opens again");
    assert!(
        matches!(second.opened().index, IndexSource::Opened(_)),
        "{:?}",
        second.opened()
    );
}

// Regression: a read-only installation (the index path cannot be written) must still answer,
// with an index in memory, and say why.
#[test]
fn an_unwritable_index_directory_falls_back_to_memory_and_says_why() {
    let blocker = tempfile::NamedTempFile::new().expect("a file where the directory should be");
    let options = Options::new(corpus_dir(), IndexLocation::Dir(blocker.path().into()));
    let app = App::open(&options).expect("opens in memory");
    let IndexSource::Ram {
        reason: Some(reason),
    } = &app.opened().index
    else {
        panic!(
            "expected an in-memory index with a reason: {:?}",
            app.opened()
        );
    };
    assert!(
        reason.contains(&blocker.path().display().to_string()),
        "{reason}"
    );
    let results = app.search(&SearchRequest::new("EDA")).expect("answers");
    assert_eq!(results.hits[0].id, "bj2022-a2/4");
}

#[test]
fn a_missing_corpus_is_an_error_naming_the_directory() {
    let err = App::in_ram(std::path::Path::new("/nonexistent/corpus")).unwrap_err();
    assert!(matches!(err, AppError::Corpus { .. }), "{err:?}");
    assert!(err.to_string().contains("/nonexistent/corpus"), "{err}");
}

/// Search with facts: each post block and each of its checks carries a typed verdict, judged
/// for that post (matched by ID, not by position in the hit list).
#[test]
fn search_with_facts_judges_each_post_hit_by_its_own_checks() {
    let pairs = [("q", "芯片设计"), ("degree", "none"), ("limit", "5")]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .to_vec();
    let request = SearchRequest::from_pairs(pairs).expect("a request");
    let app = application();
    let results = app.search(&request).expect("answers");
    let blocks: Vec<_> = results
        .hits
        .iter()
        .filter_map(|h| h.post.as_ref())
        .collect();
    assert!(!blocks.is_empty(), "post hits for 芯片设计");
    let clause = app.clause("bj2022-a2/6").expect("post 6");
    for block in blocks {
        assert!(block.verdict.is_some(), "{} has a verdict", block.id);
        for check in &block.checks {
            assert!(
                check.verdict.is_some(),
                "{} {} judged",
                block.id,
                check.check.id
            );
        }
        if block.id == clause.id {
            // Post 6 asks for a bachelor's degree or more: no degree does not meet it.
            let degree = block
                .checks
                .iter()
                .find(|c| c.check.kind == CheckKind::Degree)
                .and_then(|c| c.verdict);
            assert_eq!(degree, Some(Outcome::NotMet), "{:?}", block.checks);
            assert_eq!(block.verdict, Some(Outcome::NotMet));
        }
    }
    // Without facts, nothing is judged.
    let plain = app
        .search(&SearchRequest::new("芯片设计"))
        .expect("answers");
    assert!(
        plain
            .hits
            .iter()
            .filter_map(|h| h.post.as_ref())
            .all(|b| b.verdict.is_none())
    );
}

#[test]
fn the_one_request_parser_refuses_what_the_api_refuses() {
    let pairs = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    };
    for bad in [
        pairs(&[("q", "x"), ("q", "y")]),
        pairs(&[("q", "x"), ("lang", "fr")]),
        pairs(&[("q", "x"), ("kind", "para")]),
        pairs(&[("q", "x"), ("limit", "ten")]),
        pairs(&[("q", "x"), ("nonsense", "1")]),
        pairs(&[("q", "x"), ("age", "old")]),
    ] {
        assert!(
            SearchRequest::from_pairs(bad.clone()).is_err(),
            "{bad:?} is refused"
        );
    }
    let ok = SearchRequest::from_pairs(pairs(&[("q", "x"), ("lang", ""), ("age", "35")]))
        .expect("blank values are not given; facts are read");
    assert_eq!(ok.facts.and_then(|f| f.age), Some(35));
}

/// Issue 10: document identity lives in the corpus. A corpus folder with a fifth document (its
/// own names, number and numbering in its front matter, a clause adapting a national one) works
/// end to end with no code change: search finds its clauses, citations by its names resolve,
/// its clause page renders, and compare pairs its adapting clause with the national one.
#[tokio::test]
async fn a_fifth_document_works_everywhere_with_no_code_change() {
    let dir = tempfile::tempdir().expect("a temporary corpus folder");
    for entry in std::fs::read_dir(corpus_dir()).expect("the corpus folder") {
        let path = entry.expect("an entry").path();
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).expect("copied");
        }
    }
    std::fs::write(
        dir.path().join("tc2024.md"),
        crate::citation::fifth_document::FIFTH,
    )
    .expect("written");
    let app = App::open(&Options::new(dir.path(), IndexLocation::Ram)).expect("opens");

    let results = app
        .search(&SearchRequest::new("菲尔兹奖"))
        .expect("answers");
    assert!(
        results.hits.iter().any(|h| h.id == "tc2024/2.3"),
        "search finds the fifth document's clause"
    );
    let resolved = app.resolve("测试办法第二条第3项").expect("resolves");
    assert_eq!(resolved.id, Some("tc2024/2.3"));

    let comparison = app.compare();
    let pair = comparison
        .iter()
        .find(|c| c.beijing.id == "tc2024/1")
        .expect("compare pairs the adapting clause");
    assert_eq!(pair.national.map(|n| n.id.as_str()), Some("cn2017-a/1"));

    let router = talentdex::web::router(talentdex::web::AppState::new(std::sync::Arc::new(app)));
    let page = |uri: &str| {
        axum::http::Request::get(uri)
            .body(axum::body::Body::empty())
            .expect("a request")
    };
    let (status, _, body) = crate::common::send(router.clone(), page("/clause/tc2024/2.3")).await;
    assert_eq!(status, axum::http::StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).contains("获得菲尔兹奖的"));
    let (status, _, body) = crate::common::send(router, page("/compare")).await;
    assert_eq!(status, axum::http::StatusCode::OK);
    assert!(String::from_utf8_lossy(&body).contains("tc2024/1"));
}
