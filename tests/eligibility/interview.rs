//! The eligibility page as an interview: the summary first, verdicts in words in both languages,
//! criteria under their Category A headings with yes/no questions for the attested ones, posts
//! sorted met → unknown → not met, help for the salary multiple and the points score, bounded
//! answers, and a link from every post page.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;

use crate::common::{app, send};

async fn page(uri: &str) -> (StatusCode, String) {
    let (status, _, body) = send(app(), Request::get(uri).body(Body::empty()).unwrap()).await;
    (status, String::from_utf8(body.to_vec()).unwrap())
}

fn at(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("no {needle:?} in the page"))
}

#[tokio::test]
async fn the_page_is_an_interview() {
    let uri = "/eligibility?as_of=2024-06-01&degree=doctorate&major=physics&years_experience=3\
        &experience_field=quantum%20communication&professional_qualification=true\
        &meets.bj2022-a1/2.3=false";
    let (status, html) = page(uri).await;
    assert_eq!(status, StatusCode::OK);
    // The summary comes first, before the form, with the note that it is not official.
    assert!(at(&html, "id=\"summary\"") < at(&html, "id=\"facts\""));
    assert!(html.contains("不是官方认定") && html.contains("not an official determination"));
    assert!(
        html.contains("action=\"/eligibility#summary\""),
        "a submitted form scrolls to it"
    );
    // Verdict words in both languages.
    for words in [
        "符合</span> · <span lang=\"en\">met",
        "待定</span> · <span lang=\"en\">unknown",
        "不符合</span> · <span lang=\"en\">not met",
    ] {
        assert!(html.contains(words), "{words}");
    }
    // Criteria grouped under their Category A headings, with questions for attested ones only,
    // and the answered one carried as a hidden field rather than asked again.
    assert!(html.contains("符合国际公认的专业成就认定标准的"));
    assert!(html.contains("name=\"meets.bj2022-a1/4.4\" value=\"true\""));
    assert!(
        !html.contains("name=\"meets.bj2022-a1/3.9\""),
        "3.9 is decided by a number"
    );
    assert!(
        html.contains(
            "type=\"hidden\" form=\"facts\" name=\"meets.bj2022-a1/2.3\" value=\"false\""
        )
    );
    assert!(!html.contains("type=\"radio\" form=\"facts\" name=\"meets.bj2022-a1/2.3\""));
    // Posts sorted met → unknown → not met: post 3 (met) before the rest.
    let posts = &html[at(&html, "id=\"posts\"")..];
    let first = at(posts, "<details>");
    assert!(
        posts[first..].find("bj2022-a2/3\"").unwrap()
            < posts[first..].find("bj2022-a2/1\"").unwrap()
    );
    let pieces: Vec<&str> = posts.split("<details>").collect();
    let order: Vec<u8> = pieces[..pieces.len() - 1]
        .iter()
        .map(|p| {
            let open = "<li class=\"v-";
            let at = p.rfind(open).expect("each post is an item") + open.len();
            match &p[at..at + p[at..].find('"').unwrap()] {
                "met" => 0,
                "unknown" => 1,
                _ => 2,
            }
        })
        .collect();
    assert_eq!(order.len(), 25);
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert_eq!(order[0], 0, "post 3 is met");
    // Help for the salary multiple and the points score.
    assert!(html.contains("id=\"h-salary\"") && html.contains("region's average wage"));
    assert!(html.contains("id=\"h-points\"") && html.contains("计点积分"));
}

// Every post page links to the interview for that post.
#[tokio::test]
async fn every_post_page_links_to_check_an_applicant() {
    for n in [1, 13, 25] {
        let (status, html) = page(&format!("/posts/{n}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains(&format!("href=\"/eligibility?post={n}#summary\"")),
            "post {n}"
        );
        assert!(html.contains("Check an applicant for this post"));
        let (status, html) = page(&format!("/eligibility?post={n}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("id=\"summary\""));
    }
}

// Answers stay bounded: the applicant's text is quoted once (in `facts`), not once per post; a
// fact longer than any real one is a 400 naming it.
#[tokio::test]
async fn answers_are_bounded() {
    let long = "量".repeat(talentdex::eligibility::MAX_TEXT_CHARS);
    let body = json!({"major": long, "experience_field": long, "years_experience": 3,
                      "as_of": "2026-11-21"});
    let request = Request::post("/api/eligibility")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, _, bytes) = send(app(), request).await;
    assert_eq!(status, StatusCode::OK);
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert_eq!(
        text.matches(&long).count(),
        2,
        "major and field once each, in `facts`"
    );
    let mut too_long = body;
    too_long["major"] = json!(format!("{long}量"));
    let request = Request::post("/api/eligibility")
        .header("content-type", "application/json")
        .body(Body::from(too_long.to_string()))
        .unwrap();
    let (status, _, bytes) = send(app(), request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(
        text.contains("major") && text.contains("invalid_fact"),
        "{text}"
    );
    assert!(text.len() < 2000, "the error does not quote the fact");
}
