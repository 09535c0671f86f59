//! Contract (web): bodies of the wrong type, size, encoding or shape, and under the wrong content
//! types, sent to the JSON routes that take bodies (and to read routes, which ignore them).

use axum::body::Bytes;
use axum::http::Method;

use super::{Contract, DEEP_NESTING, HUGE_BODY_BYTES, HUGE_CHARS, Probe, with_query};
use crate::openapi::doc::{example_uri, operations};

/// Bodies for the JSON routes: (content type, body, whether it must be refused). No body, or a
/// blank one, asks the eligibility API with every fact unknown, so those need not be refused.
fn bodies() -> Vec<(Option<&'static str>, Bytes, bool)> {
    let json = Some("application/json");
    let huge = format!("{{\"text\": \"{}\"}}", "a".repeat(HUGE_BODY_BYTES));
    let long_text = format!("{{\"text\": \"{}\"}}", "附".repeat(HUGE_CHARS * 3));
    let deep = format!("{}{}", "[".repeat(DEEP_NESTING), "]".repeat(DEEP_NESTING));
    let mut cases: Vec<(Option<&'static str>, Bytes, bool)> = vec![
        (None, Bytes::new(), false),
        (json, Bytes::new(), false),
        (json, Bytes::from_static(b"   "), false),
        (
            Some("text/plain"),
            Bytes::from_static(b"{\"text\": \"x\"}"),
            true,
        ),
        (
            Some("application/x-www-form-urlencoded"),
            Bytes::from_static(b"text=x&age=30"),
            true,
        ),
        (
            Some("multipart/form-data; boundary=x"),
            Bytes::from_static(b"--x--"),
            true,
        ),
        (
            Some("application/xml"),
            Bytes::from_static(b"<text>x</text>"),
            true,
        ),
        (json, Bytes::from_static(b"\xff\xfe{}"), true),
        (json, Bytes::from_static(b"{\"text\": \"\xff\xfe\"}"), true),
        (json, Bytes::from(huge), true),
        (json, Bytes::from(long_text), true),
        (json, Bytes::from(deep), true),
    ];
    for text in [
        "{",
        "[]",
        "null",
        "\"text\"",
        "42",
        "{\"text\": 5}",
        "{\"age\": \"old\"}",
        "{\"post\": \"x\"}",
        "{\"age\": 99999999999999999999}",
        "{\"unknown\": 1}",
        "{\"text\": \"x\", \"extra\": 1}",
        "{\"founder\": {\"share_percent\": \"x\"}}",
        "{\"as_of\": \"2023-02-30\"}",
        "{\"awards\": \"Fields Medal\"}",
        "{\"post\": 99999}",
    ] {
        cases.push((json, Bytes::from(text), true));
    }
    cases
}

#[tokio::test]
async fn malformed_bodies_and_content_types_get_documented_4xx_answers() {
    let contract = Contract::new().await;
    let posts: Vec<String> = operations(&contract.doc)
        .into_iter()
        .filter(|(_, m, _)| m == "post")
        .map(|(p, _, op)| example_uri(&p, op))
        .collect();
    assert!(posts.len() >= 2, "the JSON routes taking bodies");
    for uri in &posts {
        for (content_type, body, refused) in bodies() {
            let probe = Probe::new(
                Method::POST,
                uri.clone(),
                content_type,
                body.clone(),
                refused,
            );
            contract.check(&probe).await;
            let probe = Probe::new(
                Method::POST,
                with_query(uri, "unknown=1"),
                content_type,
                body,
                true,
            );
            contract.check(&probe).await;
        }
    }
    // A body sent to a read route is not read: the answer is still one the route documents.
    let huge = Bytes::from(vec![b'a'; HUGE_BODY_BYTES]);
    for (path, method, op) in operations(&contract.doc) {
        if method == "get" {
            let probe = Probe::new(
                Method::GET,
                example_uri(&path, op),
                Some("application/json"),
                huge.clone(),
                false,
            );
            contract.check(&probe).await;
        }
    }
}
