//! `POST /api/eligibility`: an empty body answers all-unknown, bad facts get a 400 naming the
//! field, and one snapshot pins a full answer for a fixed as_of.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::common::{app, error_code, send};

async fn post(body: &str, content_type: Option<&str>) -> (StatusCode, Value) {
    let mut request = Request::post("/api/eligibility");
    if let Some(ct) = content_type {
        request = request.header(header::CONTENT_TYPE, ct);
    }
    let (status, _, bytes) = send(app(), request.body(Body::from(body.to_string())).unwrap()).await;
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    (status, json)
}

async fn post_json(value: Value) -> (StatusCode, Value) {
    post(&value.to_string(), Some("application/json")).await
}

fn verdicts(answer: &Value) -> Vec<&str> {
    let criteria = answer["criteria"].as_array().unwrap().iter();
    let posts = answer["posts"].as_array().unwrap().iter();
    criteria
        .chain(posts.clone())
        .chain(posts.flat_map(|p| p["checks"].as_array().unwrap()))
        .map(|v| v["verdict"].as_str().unwrap())
        .collect()
}

// No body, a blank body and `{}` are all valid: every verdict unknown, all 25 posts, all 69
// criteria (36 of Annex 1, 33 national).
#[tokio::test]
async fn no_facts_answer_all_unknown() {
    for (body, ct) in [
        ("", None),
        ("", Some("application/json")),
        ("  \n", Some("application/json")),
        ("{}", Some("application/json")),
    ] {
        let (status, answer) = post(body, ct).await;
        assert_eq!(status, StatusCode::OK, "{body:?} {ct:?}: {answer}");
        assert_eq!(answer["posts"].as_array().unwrap().len(), 25);
        assert_eq!(answer["criteria"].as_array().unwrap().len(), 36 + 33);
        assert!(
            verdicts(&answer).iter().all(|v| *v == "unknown"),
            "{body:?}"
        );
        assert!(answer["as_of"].is_string() && answer["validity"].is_array());
    }
}

// Bad facts are a 400 with a stable code and a message naming the field; never a 5xx.
#[tokio::test]
async fn bad_facts_get_a_400_naming_the_field() {
    let rows: &[(Value, &str, &str)] = &[
        (json!({"age": -1}), "invalid_fact", "age"),
        (json!({"age": "x"}), "invalid_fact", "age"),
        (json!({"degree": "phd"}), "invalid_fact", "degree"),
        (
            json!({"phd_university_rank": 0}),
            "invalid_fact",
            "phd_university_rank",
        ),
        (
            json!({"founder": {"share_percent": 150}}),
            "invalid_fact",
            "founder.share_percent",
        ),
        (json!({"colour": "red"}), "unknown_fact", "colour"),
        (
            json!({"company": {"colour": "red"}}),
            "unknown_fact",
            "company.colour",
        ),
        (json!({"post": 26}), "unknown_post", "post"),
        (json!({"major": "m".repeat(401)}), "invalid_fact", "major"),
        (
            json!({"meets": {"bj2022-a1/9.9": true}}),
            "invalid_fact",
            "meets.bj2022-a1/9.9",
        ),
        (
            json!({"meets": {"bj2022-a1/3.9": true}}),
            "invalid_fact",
            "salary_multiple",
        ),
        (
            json!({"meets": {"bj2022-a1/2.2": true}}),
            "invalid_fact",
            "awards",
        ),
        (json!([1, 2]), "bad_facts", "object"),
        (json!("age=3"), "bad_facts", "object"),
    ];
    for (body, code, field) in rows {
        let (status, answer) = post_json(body.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(error_code(&answer), *code, "{body}");
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(message.contains(field), "{body}: {message}");
    }
    let (status, answer) = post("{\"age\": ", Some("application/json")).await;
    assert_eq!(
        (status, error_code(&answer)),
        (StatusCode::BAD_REQUEST, "bad_body")
    );
    let (status, answer) = post("age=35", Some("application/x-www-form-urlencoded")).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error_code(&answer), "unsupported_media_type");
}

// The route answers POST only, with the JSON error shape for other methods.
#[tokio::test]
async fn other_methods_get_a_json_405() {
    let request = Request::get("/api/eligibility")
        .body(Body::empty())
        .unwrap();
    let (status, _, bytes) = send(app(), request).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(error_code(&body), "method_not_allowed");
}

// One full answer pinned: every criterion met or decided, every post's checks and reasons.
#[tokio::test]
async fn full_answer_snapshot() {
    let facts = json!({
        "as_of": "2026-11-21", "age": 35, "degree": "doctorate", "major": "physics",
        "years_experience": 3, "experience_field": "quantum communication",
        "professional_qualification": true, "postdoc": true, "stem": true,
        "phd_university_rank": 150, "phd_graduation_year": 2022, "salary_multiple": 6.2,
        "points": 86, "awards": ["Fields Medal", "图灵奖"],
        "postdoc_institution": "university_abroad_high_level",
        "meets": {"bj2022-a1/2.3": false, "bj2022-a1/4.4": true, "cn2017-a/2.9": true},
        "founder": {"investment_usd": 600000, "share_percent": 35, "years_stable": 3,
                    "ip_contribution": true},
        "company": {"role": "chairman", "annual_sales_cny": 12000000, "annual_tax_cny": 0,
                    "consecutive_years": 3, "ip_contribution": true}
    });
    let (status, answer) = post_json(facts).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["as_of"], "2026-11-21");
    let met: Vec<&str> = answer["posts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["verdict"] == "met")
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(met, ["bj2022-a2/3"], "physics is listed only by post 3");
    assert_eq!(answer["summary"]["category_a"]["verdict"], "met");
    assert_eq!(
        answer["summary"]["category_b"]["verdict"], "unknown",
        "Annex 2 has lapsed"
    );
    insta::assert_json_snapshot!("eligibility_full_answer", answer);
}
