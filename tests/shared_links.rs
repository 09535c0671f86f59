//! Links shared through WeChat and the like (issue 14): the tracking tags they pick up are ignored
//! by the API, which still refuses every other unknown parameter; pages ignore every parameter
//! they do not use.

use axum::http::StatusCode;

use crate::common::{error_code, get_json, send};

/// What WeChat appends to every shared link, and a campaign tag.
const SHARED: &str = "from=singlemessage&isappinstalled=0&utm_source=wechat";

#[tokio::test]
async fn the_api_ignores_tracking_tags_on_every_kind_of_reader() {
    for path in [
        "/api/search?q=chip+design",       // the strict pair reader
        "/api/documents?as_of=2024-06-01", // a typed query
        "/api/posts?",                     // a route that takes no parameters
    ] {
        let uri = format!("{path}&{SHARED}");
        let (status, body) = get_json(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
}

#[tokio::test]
async fn the_api_still_refuses_other_unknown_parameters() {
    for uri in [
        "/api/search?q=chip&colour=red",
        "/api/documents?colour=red",
        "/api/posts?colour=red",
        "/api/search?q=chip&fromage=1", // not a tracking name, only near one
    ] {
        let (status, body) = get_json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(error_code(&body), "bad_query", "{uri}");
    }
}

#[tokio::test]
async fn pages_ignore_every_parameter_they_do_not_use() {
    for uri in [
        format!("/search?q=chip+design&{SHARED}&colour=red"),
        format!("/posts?degree=master&{SHARED}&colour=red"),
        format!("/eligibility?age=35&{SHARED}&colour=red"),
        format!("/?{SHARED}&colour=red"),
    ] {
        let request = axum::http::Request::get(&uri)
            .body(axum::body::Body::empty())
            .expect("a request");
        let (status, _, body) = send(crate::common::app(), request).await;
        let html = String::from_utf8_lossy(&body);
        assert_eq!(status, StatusCode::OK, "{uri}: {html}");
        assert!(
            !html.contains("colour"),
            "{uri}: an ignored parameter is not echoed"
        );
    }
}

/// Why: `/posts?industry=Integrated Circuits` was refused: only the Chinese name was read.
#[tokio::test]
async fn the_posts_page_reads_an_english_industry_name() {
    let get = |uri: &'static str| async move {
        let request = axum::http::Request::get(uri)
            .body(axum::body::Body::empty())
            .expect("a request");
        let (status, _, body) = send(crate::common::app(), request).await;
        (status, String::from_utf8_lossy(&body).into_owned())
    };
    let (en_status, en) = get("/posts?industry=integrated+circuits").await;
    let (zh_status, zh) = get("/posts?industry=%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF").await;
    assert_eq!(
        (en_status, zh_status),
        (StatusCode::OK, StatusCode::OK),
        "{en}"
    );
    assert_eq!(
        en, zh,
        "the same table whichever language names the industry"
    );
    let (status, _) = get("/posts?industry=basket+weaving").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
