//! Compare: the adapting and adapted documents found through the clauses' `adapts` links (no
//! document named in code), and the compare page's markers.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use talentdex::analysis::Analyzer;
use talentdex::compare::{adapting_documents, compare_all};
use talentdex::corpus;
use talentdex::model::Change;

use crate::common::{app, corpus as real_corpus, corpus_dir, send};

/// A fifth document with its own names and numbering: one clause adapting a national one, one
/// added.
const FIFTH: &str = r#"+++
id = "sh2024-a1"
title = { zh = "上海市外籍人才认定标准（试行）", en = "Shanghai Recognition Standards for Foreign Talent (Trial)" }
short = { zh = "沪附件1", en = "Shanghai Annex 1" }
issuer = { zh = "上海市", en = "Shanghai Municipality" }
number = "沪测〔2024〕1号"
issued = 2024-01-01
effective = 2024-01-01
source = "a test document"
translation = "unofficial"
citation = { zh = "沪附件1", en = "Shanghai Annex 1" }
levels = [
  { kind = "item", zh = "第{n}项", en = ".{n}", title_zh = "第{n}项", title_en = "Item {n}" },
]
+++

# 沪附件1 | Shanghai Annex 1

## 1

- zh: 诺贝尔奖获得者（物理、化学、生理或医学、经济学奖）。
- en: Nobel Prize laureates (Physics, Chemistry, Physiology or Medicine, Economic Sciences).
- adapts: cn2017-a/2.1
- change: unchanged

## 2

- zh: 上海市认定的其他人才。
- en: Other talent recognised by Shanghai Municipality.
- change: added
"#;

/// A copy of the real corpus directory with the fifth document beside it, loaded as `--corpus
/// DIR` would load it.
fn corpus_with_a_fifth_document() -> talentdex::model::Corpus {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.path().join("sh2024-a1.md"), FIFTH).unwrap();
    corpus::load(dir.path()).unwrap()
}

// Issue 10: compare found "Beijing's standards" by a constant; a document that adapts the
// national criteria must be compared with no code change.
#[test]
fn compare_finds_each_adapting_document_through_its_links() {
    let analyzer = Analyzer::new(None, None).unwrap();
    let real = real_corpus();
    assert_eq!(adapting_documents(real), [("bj2022-a1", "cn2017-a")]);

    let corpus = corpus_with_a_fifth_document();
    assert_eq!(
        adapting_documents(&corpus),
        [("bj2022-a1", "cn2017-a"), ("sh2024-a1", "cn2017-a")]
    );
    let rows = compare_all(&corpus, &analyzer);
    let row = |id: &str| rows.iter().find(|r| r.beijing.id == id).unwrap();
    let adapted = row("sh2024-a1/1");
    assert_eq!(adapted.national.unwrap().id, "cn2017-a/2.1");
    assert_eq!(adapted.change, Change::Unchanged);
    let added = row("sh2024-a1/2");
    assert!(added.national.is_none() && added.diff.is_none());
    assert_eq!(added.change, Change::Added);
    // Beijing's rows are all still there, first.
    let beijing = compare_all(real, &analyzer);
    assert_eq!(rows.len(), beijing.len() + 2);
    assert_eq!(rows[0].beijing.id, beijing[0].beijing.id);
}

/// The HTML of one row of the compare page.
fn row_html<'a>(html: &'a str, anchor: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{anchor}\""))
        .unwrap_or_else(|| panic!("no row {anchor}"));
    let rest = &html[start..];
    &rest[..rest.find("</li>").unwrap()]
}

// Issue 17: clauses whose only change is one word say so on the compare page.
#[tokio::test]
async fn the_compare_page_marks_changes_in_wording_only() {
    let request = Request::get("/compare").body(Body::empty()).unwrap();
    let (status, _, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body.to_vec()).unwrap();
    for anchor in [
        "bj2022-a1-1",
        "bj2022-a1-2-2",
        "bj2022-a1-2-14",
        "bj2022-a1-6",
    ] {
        assert!(
            row_html(&html, anchor).contains("wording only"),
            "{anchor} is not marked"
        );
    }
    for anchor in ["bj2022-a1-2-9", "bj2022-a1-2-1", "bj2022-a1-4-4"] {
        assert!(
            !row_html(&html, anchor).contains("wording only"),
            "{anchor} is marked"
        );
    }
}

// The clause page of a wording-only change says so too, and a real change does not.
#[tokio::test]
async fn the_clause_page_labels_a_change_in_wording_only() {
    for (uri, marked) in [
        ("/clause/bj2022-a1/2.14", true),
        ("/clause/bj2022-a1/2.9", false),
    ] {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let (status, _, body) = send(app(), request).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let html = String::from_utf8(body.to_vec()).unwrap();
        assert!(html.contains("changed by Beijing"), "{uri}");
        assert_eq!(html.contains("in wording only"), marked, "{uri}");
    }
}
