//! The JSON API over the corpus: documents with validity, clauses, posts, and JSON errors.

use axum::http::StatusCode;

use crate::common::{error_code, get_json};

#[tokio::test]
async fn chip_design_post_answers_in_both_languages() {
    let (status, body) = get_json("/api/clauses/bj2022-a2/6").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], "bj2022-a2/6");
    assert_eq!(body["kind"], "post");
    assert_eq!(body["title"]["zh"], "芯片设计工程师");
    assert_eq!(body["title"]["en"], "Chip Design Engineer");
    assert_eq!(body["post"]["number"], 6);
    assert_eq!(body["post"]["requirements"]["degree"], "bachelor");
    assert_eq!(body["breadcrumbs"][0]["id"], "bj2022-a2");
    insta::assert_json_snapshot!("clause_bj2022_a2_6", body);
}

#[tokio::test]
async fn clause_carries_related_national_clause() {
    let (_, body) = get_json("/api/clauses/bj2022-a1/2.9").await;
    assert_eq!(body["related"][0]["id"], "cn2017-a/2.9");
    assert_eq!(body["related"][0]["relation"], "adapts");
    assert_eq!(body["related"][0]["change"], "changed");
    assert_eq!(body["citation"]["en"], "Annex 1, II.9");
    assert_eq!(body["url"], "/clause/bj2022-a1/2.9");
}

#[tokio::test]
async fn bad_ids_get_a_404_json_error() {
    for uri in [
        "/api/clauses/bj2022-a2/99",
        "/api/clauses/nope",
        "/api/clauses/bj2022-a1/2.8/x",
        "/api/clauses/%E8%8A%AF",
        "/api/posts/26",
        "/api/posts/0",
        "/api/nothing",
    ] {
        let (status, body) = get_json(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(error_code(&body), "not_found", "{uri}");
    }
}

#[tokio::test]
async fn bad_input_gets_a_400_json_error_naming_it() {
    for (uri, code) in [
        ("/api/posts/six", "bad_post_number"),
        ("/api/posts/-1", "bad_post_number"),
        ("/api/documents?as_of=2023-13-01", "bad_date"),
        ("/api/documents?as_of=yesterday", "bad_date"),
        ("/api/clauses?doc=bj2099", "unknown_document"),
        ("/api/clauses?colour=red", "bad_query"),
    ] {
        let (status, body) = get_json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(error_code(&body), code, "{uri}");
    }
}

#[tokio::test]
async fn documents_state_their_validity_as_of_a_date() {
    let status_of = |body: &serde_json::Value, id: &str| {
        body["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap()["validity"]["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (_, before) = get_json("/api/documents?as_of=2022-12-31").await;
    assert_eq!(status_of(&before, "bj2022-a2"), "not_yet_in_force");
    let (_, first_day) = get_json("/api/documents?as_of=2023-01-01").await;
    assert_eq!(status_of(&first_day, "bj2022-a1"), "in_force");
    let (_, last_day) = get_json("/api/documents?as_of=2024-12-31").await;
    assert_eq!(status_of(&last_day, "bj2022"), "in_force");
    let (_, after) = get_json("/api/documents?as_of=2025-01-01").await;
    assert_eq!(status_of(&after, "bj2022"), "trial_ended");
    assert_eq!(status_of(&after, "cn2017-a"), "in_force");
    let bj = after["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "bj2022")
        .unwrap();
    let note = bj["validity"]["note"]["en"].as_str().unwrap();
    assert!(
        note.contains("2023-01-01 to 2024-12-31 (2 years)") && note.contains("No later extension"),
        "{note}"
    );
    assert_eq!(bj["translation"], "unofficial");
    assert_eq!(bj["number"], "国科办才〔2022〕177号");
    let (status, today) = get_json("/api/documents").await;
    assert_eq!(status, StatusCode::OK);
    assert!(today["as_of"].as_str().is_some());
}

#[tokio::test]
async fn clauses_list_filters_by_document_and_posts_are_25() {
    let (_, all) = get_json("/api/clauses").await;
    assert_eq!(all["total"], 184);
    let (_, a1) = get_json("/api/clauses?doc=bj2022-a1").await;
    assert_eq!(a1["total"], 41);
    assert!(
        a1["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["doc"] == "bj2022-a1")
    );
    let (_, posts) = get_json("/api/posts").await;
    assert_eq!(posts["total"], 25);
    let (_, p25) = get_json("/api/posts/25").await;
    assert_eq!(p25["post"]["parts"].as_array().unwrap().len(), 4);
    assert_eq!(p25["post"]["requirements"]["qualification_required"], true);
}

#[tokio::test]
async fn healthz_answers() {
    let (status, body) = get_json("/healthz").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
}
