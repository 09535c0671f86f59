//! The citation API: `GET /api/resolve`, `POST /api/link` and the permanent link `/cite/{text}`,
//! with bad input answered by a 4xx (JSON for the API, an HTML page for `/cite`).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::common::{app, error_code, get_json, send};

/// Percent-encode everything but unreserved ASCII, as a browser or `encodeURIComponent` would.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn post_link(body: Body, content_type: &str) -> (StatusCode, Value) {
    let request = Request::post("/api/link")
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .expect("a request");
    let (status, _, bytes) = send(app(), request).await;
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes));
    });
    (status, json)
}

async fn get_page(uri: &str) -> (StatusCode, Option<String>, String) {
    let request = Request::get(uri).body(Body::empty()).expect("a request");
    let (status, headers, bytes) = send(app(), request).await;
    let location = headers
        .get(header::LOCATION)
        .map(|l| l.to_str().expect("ASCII").to_string());
    (
        status,
        location,
        String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    )
}

#[tokio::test]
async fn resolve_answers_each_status() {
    let (status, body) = get_json(&format!("/api/resolve?cite={}", enc("附件1第二条第8项"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["input"], "附件1第二条第8项");
    assert_eq!(body["status"], "found");
    assert_eq!(body["id"], "bj2022-a1/2.8");
    assert_eq!(body["candidates"][0]["citation"]["en"], "Annex 1, II.8");
    assert_eq!(body["candidates"][0]["title"]["zh"], "第8项");

    let (_, body) = get_json(&format!("/api/resolve?cite={}", enc("第二条第8项"))).await;
    assert_eq!(body["status"], "ambiguous");
    assert!(body.get("id").is_none(), "{body}");
    let ids: Vec<&str> = body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["bj2022-a1/2.8", "cn2017-a/2.8"]);

    let (_, body) = get_json(&format!("/api/resolve?cite={}", enc("附件2第26项"))).await;
    assert_eq!(
        (
            body["status"].as_str(),
            body["candidates"].as_array().map(Vec::len)
        ),
        (Some("not_found"), Some(0))
    );

    let (status, body) = get_json("/api/resolve?cite=hello").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("invalid"))
    );
}

#[tokio::test]
async fn resolve_refuses_missing_empty_and_overlong_citations() {
    let long = "x".repeat(talentdex::citation::MAX_CITE_CHARS + 1);
    for (uri, code) in [
        ("/api/resolve".to_string(), "missing_cite"),
        ("/api/resolve?cite=".to_string(), "missing_cite"),
        ("/api/resolve?cite=%20%20".to_string(), "missing_cite"),
        (format!("/api/resolve?cite={long}"), "cite_too_long"),
        ("/api/resolve?cite=x&lang=zh".to_string(), "bad_query"),
    ] {
        let (status, body) = get_json(&uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(error_code(&body), code, "{uri}");
    }
}

#[tokio::test]
async fn link_returns_every_citation_with_code_point_spans() {
    let text = "😀 见附件1第二条第8项、第9项和Annex 2, No. 6。";
    let (status, body) = post_link(
        Body::from(json!({ "text": text }).to_string()),
        "application/json",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let citations = body["citations"].as_array().unwrap();
    let got: Vec<(u64, u64, &str, &str, &str)> = citations
        .iter()
        .map(|c| {
            (
                c["start"].as_u64().unwrap(),
                c["end"].as_u64().unwrap(),
                c["text"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
                c["id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, 12, "附件1第二条第8项", "found", "bj2022-a1/2.8"),
            (13, 16, "第9项", "found", "bj2022-a1/2.9"),
            (17, 31, "Annex 2, No. 6", "found", "bj2022-a2/6"),
        ]
    );
    assert_eq!(
        citations[0]["candidates"][0]["citation"]["zh"],
        "附件1 第二条第8项"
    );
}

#[tokio::test]
async fn link_refuses_bad_bodies_with_json_errors() {
    let long = json!({ "text": "附".repeat(talentdex::citation::MAX_LINK_CHARS + 1) }).to_string();
    for (body, content_type, status, code) in [
        (
            long,
            "application/json",
            StatusCode::PAYLOAD_TOO_LARGE,
            "text_too_long",
        ),
        (
            "{\"text\": ".to_string(),
            "application/json",
            StatusCode::BAD_REQUEST,
            "bad_body",
        ),
        (
            "{}".to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_body",
        ),
        (
            "{\"text\": 5}".to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_body",
        ),
        (
            "{\"text\": \"x\", \"lang\": \"zh\"}".to_string(),
            "application/json",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_body",
        ),
        (
            "{\"text\": \"x\"}".to_string(),
            "text/plain",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
    ] {
        let (got, json) = post_link(Body::from(body.clone()), content_type).await;
        assert_eq!(got, status, "{}", &body[..body.len().min(40)]);
        assert_eq!(error_code(&json), code);
    }
    let (status, body) = get_json("/api/link").await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
}

#[tokio::test]
async fn permanent_link_redirects_to_the_clause_page() {
    for cite in ["附件1第二条第8项", "Annex 1, II(8)", "bj2022-a1/2.8"] {
        let uri = format!("/cite/{}", enc(cite).replace("%2F", "/"));
        let (status, location, _) = get_page(&uri).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{cite}");
        assert_eq!(location.as_deref(), Some("/clause/bj2022-a1/2.8"), "{cite}");
    }
}

#[tokio::test]
async fn permanent_link_lists_candidates_when_ambiguous() {
    let (status, _, html) = get_page(&format!("/cite/{}", enc("第二条第8项"))).await;
    assert_eq!(status, StatusCode::OK);
    for id in ["bj2022-a1/2.8", "cn2017-a/2.8"] {
        assert!(html.contains(&format!("href=\"/clause/{id}\"")), "{html}");
    }
    assert!(
        html.contains("<span class=\"cite\" lang=\"zh-Hans\">附件1 第二条第8项</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"cite\" lang=\"en\">Annex 1, II.8</span>"),
        "{html}"
    );
}

#[tokio::test]
async fn permanent_link_answers_an_html_404_that_escapes_the_input() {
    let (status, _, html) = get_page(&format!("/cite/{}", enc("附件2第26项"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        html.contains("附件2第26项") && html.contains("bj2022-a2/26"),
        "{html}"
    );

    let (status, _, html) = get_page(&format!("/cite/{}", enc("<script>alert(1)</script>"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        !html.contains("<script>") && html.contains("&#60;script&#62;"),
        "{html}"
    );

    let long = "x".repeat(talentdex::citation::MAX_CITE_CHARS + 10);
    for uri in [
        "/cite",
        "/cite/",
        "/cite/%FF%FE",
        "/cite/%20",
        &format!("/cite/{long}"),
    ] {
        let (status, _, html) = get_page(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(html.starts_with("<!doctype html>"), "{uri}: {html}");
    }
}

/// The SPEC lists `id` on every linked citation: a citation that resolves to no clause carries
/// `"id": null` rather than leaving the key out, so clients can read it unconditionally.
#[tokio::test]
async fn link_items_always_carry_an_id_key() {
    let body = Body::from(r#"{"text": "见附件2第26项和附件2第6项。"}"#);
    let (status, json) = post_link(body, "application/json").await;
    assert_eq!(status, StatusCode::OK);
    let items = json["citations"].as_array().expect("citations");
    assert_eq!(items.len(), 2, "{json}");
    assert_eq!(items[0]["status"], "not_found");
    assert!(items[0].as_object().unwrap().contains_key("id") && items[0]["id"].is_null());
    assert_eq!(items[1]["id"], "bj2022-a2/6");
}

// Issue 13: a text dense with citations made `/api/link` answer 47 times its size. An answer
// lists one page of citations (`MAX_LINKS_PER_PAGE`), says how many there are, and where the
// next page starts; reading every page gives each citation once, in order, with its context.
#[tokio::test]
async fn link_answers_are_paged_and_the_pages_add_up() {
    use talentdex::citation::MAX_LINKS_PER_PAGE;
    // A range's three members share one span: a page never splits them.
    let text = format!(
        "附件1第二条第8项；{}",
        "第2至4项；第9项；".repeat(MAX_LINKS_PER_PAGE / 2)
    );
    let whole = crate::common::citations().link(&text).expect("links");
    assert!(whole.total > 2 * MAX_LINKS_PER_PAGE, "{}", whole.total);
    let (mut start, mut pages, mut seen) = (0, 0, Vec::new());
    loop {
        let body = json!({ "text": text, "start": start }).to_string();
        let (status, page) = post_link(Body::from(body), "application/json").await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let listed = page["citations"].as_array().unwrap();
        assert!(listed.len() <= MAX_LINKS_PER_PAGE && !listed.is_empty());
        assert_eq!(page["total"], whole.total);
        seen.extend(
            listed
                .iter()
                .map(|c| (c["start"].as_u64().unwrap(), c["id"].clone())),
        );
        pages += 1;
        match page["next"].as_u64() {
            Some(next) => {
                assert!(next > start as u64);
                start = next as usize;
            }
            None => break,
        }
    }
    assert!(pages >= 3, "{pages} pages");
    let expected: Vec<_> = whole
        .citations
        .iter()
        .map(|c| (c.start as u64, json!(c.id)))
        .collect();
    assert_eq!(seen, expected, "every citation once, in order");
    // The last page's citations still read their document from the first line.
    assert_eq!(seen.last().unwrap().1, "bj2022-a1/2.9");
}
