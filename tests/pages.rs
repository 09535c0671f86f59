//! The HTML pages: status codes, escaping, and insta snapshots of each page for a fixed query.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::common::{app, send};

async fn page(uri: &str) -> (StatusCode, String) {
    let request = Request::get(uri).body(Body::empty()).expect("a request");
    let (status, headers, body) = send(app(), request).await;
    if status == StatusCode::OK {
        let ct = headers[header::CONTENT_TYPE].to_str().unwrap();
        assert!(ct.starts_with("text/html"), "{uri}: {ct}");
    }
    (
        status,
        String::from_utf8(body.to_vec()).expect("UTF-8 HTML"),
    )
}

#[tokio::test]
async fn every_page_renders_and_matches_its_snapshot() {
    for (name, uri) in [
        ("home", "/?as_of=2026-11-21"),
        ("clause_bj2022_a1_2_9", "/clause/bj2022-a1/2.9"),
        ("clause_bj2022_a2_6", "/clause/bj2022-a2/6"),
        ("posts_doctorate", "/posts?degree=doctorate"),
        ("post_25", "/posts/25"),
        ("compare", "/compare"),
        (
            "eligibility",
            "/eligibility?as_of=2026-11-21&age=35&degree=doctorate&postdoc=true&post=3",
        ),
        ("cite_ambiguous", "/cite/第二条第8项"),
        (
            "search_chip_design",
            "/search?q=%E8%8A%AF%E7%89%87%E8%AE%BE%E8%AE%A1&degree=master&years_experience=1",
        ),
        ("search_empty", "/search"),
    ] {
        let (status, html) = page(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(html.starts_with("<!doctype html>"), "{uri}");
        insta::assert_snapshot!(format!("page_{name}"), html);
    }
}

#[tokio::test]
async fn bad_page_input_gets_a_4xx_page_not_a_500() {
    for (uri, status) in [
        ("/clause/bj2022-a1/99", StatusCode::NOT_FOUND),
        ("/posts/26", StatusCode::NOT_FOUND),
        ("/posts/abc", StatusCode::NOT_FOUND),
        ("/posts?degree=phd", StatusCode::BAD_REQUEST),
        (
            "/posts?industry=%E7%81%AB%E6%98%9F",
            StatusCode::BAD_REQUEST,
        ),
        ("/?as_of=someday", StatusCode::BAD_REQUEST),
        ("/eligibility?age=-1", StatusCode::BAD_REQUEST),
        ("/eligibility?shoe_size=42", StatusCode::BAD_REQUEST),
        ("/static/../Cargo.toml", StatusCode::NOT_FOUND),
        (
            "/static/app.css%2F..%2F..%2FCargo.toml",
            StatusCode::NOT_FOUND,
        ),
        ("/nowhere", StatusCode::NOT_FOUND),
        ("/search?q=x&limit=999", StatusCode::BAD_REQUEST),
        ("/search?q=x&age=-1", StatusCode::BAD_REQUEST),
        ("/search?q=%FF", StatusCode::BAD_REQUEST),
        // The eligibility form reads its query as strictly as the API: undecodable escapes are
        // refused, not turned into U+FFFD and judged.
        ("/eligibility?major=%FF%FE", StatusCode::BAD_REQUEST),
    ] {
        let (got, html) = page(uri).await;
        assert_eq!(got, status, "{uri}");
        assert!(html.contains("class=\"error\""), "{uri}: {html}");
    }
}

#[tokio::test]
async fn what_the_user_typed_is_escaped() {
    let (status, html) = page("/eligibility?major=%3Cscript%3Ealert(1)%3C%2Fscript%3E&experience_field=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<script>alert(1)"), "raw script in the page");
    assert!(!html.contains("<img src=x onerror"), "raw img in the page");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || html.contains("&#60;script&#62;")
    );
}

#[tokio::test]
async fn static_assets_are_served_from_the_binary() {
    let request = Request::get("/static/app.js").body(Body::empty()).unwrap();
    let (status, headers, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(String::from_utf8_lossy(&body).contains("clipboard"));
}

/// Regression: a path segment that is not UTF-8 once percent-decoded used to get axum's plain-text
/// 400 on the HTML routes; people get the site's own error page.
#[tokio::test]
async fn undecodable_path_segments_get_an_html_400_page() {
    for uri in ["/clause/%FF", "/posts/%FF%FE"] {
        let (status, html) = page(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            html.starts_with("<!doctype html>") && html.contains("class=\"error\""),
            "{uri}"
        );
    }
}

// Regression (issue 10): the posts page documents Chinese or English industry names, but an
// English name was refused because the page kept its own industry list matching Chinese only.
#[tokio::test]
async fn posts_page_takes_an_industry_by_its_english_name() {
    let request = |uri: &str| {
        axum::http::Request::get(uri)
            .body(axum::body::Body::empty())
            .expect("a request")
    };
    let (status, _, english) = crate::common::send(
        crate::common::app(),
        request("/posts?industry=Integrated%20Circuits"),
    )
    .await;
    assert_eq!(status, axum::http::StatusCode::OK);
    let (_, _, chinese) = crate::common::send(
        crate::common::app(),
        request("/posts?industry=%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF"),
    )
    .await;
    assert_eq!(english, chinese, "both names choose the same posts");
}
