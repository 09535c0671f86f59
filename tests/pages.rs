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
        (
            "clause_bj2022_a1_2_9",
            "/clause/bj2022-a1/2.9?as_of=2026-11-21",
        ),
        ("clause_bj2022_a2_6", "/clause/bj2022-a2/6?as_of=2026-11-21"),
        ("posts_master", "/posts?degree=master"),
        ("post_25", "/posts/25?as_of=2026-11-21"),
        ("compare", "/compare"),
        (
            "eligibility",
            "/eligibility?as_of=2026-11-21&age=35&degree=doctorate&postdoc=true&post=3",
        ),
        ("cite_ambiguous", "/cite/第二条第8项?as_of=2026-11-21"),
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
        (
            "/clause/bj2022-a1/2.9?as_of=someday",
            StatusCode::BAD_REQUEST,
        ),
        ("/posts/6?as_of=2026-13-01", StatusCode::BAD_REQUEST),
        (
            "/cite/%E7%AC%AC%E4%BA%8C%E6%9D%A1%E7%AC%AC8%E9%A1%B9?as_of=x",
            StatusCode::BAD_REQUEST,
        ),
        ("/eligibility?age=-1", StatusCode::BAD_REQUEST),
        // (An unknown parameter is not bad input on a page: pages ignore what they do not use,
        // SPEC; see tests/shared_links.rs.)
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

/// The `<li class="hit …">` block of the hit whose clause is `id`, from a search page.
fn hit_block<'h>(html: &'h str, id: &str) -> Option<&'h str> {
    html.split("<li class=\"hit ")
        .skip(1)
        .find(|block| block.contains(&format!("<code>{id}</code>")))
}

/// Issue 14: a searcher for a post saw its degree, majors and years but never the skills it asks
/// for (职业能力要求); every post hit lists them, collapsed.
#[tokio::test]
async fn a_post_hit_lists_its_ability_requirements() {
    let (status, html) = page("/search?q=chip%20design").await;
    assert_eq!(status, StatusCode::OK);
    let post = crate::common::corpus()
        .post(6)
        .and_then(|c| c.post.as_ref());
    let abilities = &post.expect("post 6").requirements.abilities;
    assert!(!abilities.is_empty());
    let block = hit_block(&html, "bj2022-a2/6").expect("post 6 is a hit for chip design");
    assert!(block.contains("<details class=\"abilities\""), "{block}");
    for ability in abilities {
        assert!(block.contains(&ability.zh), "missing {}", ability.zh);
    }
}

/// Issue 14: facets showed `bj2022-a1` and `requirement (16)` against a total of 18. Documents
/// are named by their short titles and kinds by words, in both languages; the counts of the kinds
/// a result can be add up to the total, and the requirement-part count says it counts parts.
#[tokio::test]
async fn facets_are_labelled_in_both_languages_and_their_counts_add_up() {
    let q = "%E8%8A%AF%E7%89%87%E8%AE%BE%E8%AE%A1";
    let (_, html) = page(&format!("/search?q={q}")).await;
    let (_, api) = crate::common::get_json(&format!("/api/search?q={q}")).await;
    let corpus = crate::common::corpus();
    for doc in api["facets"]["doc"].as_array().unwrap() {
        let id = doc["value"].as_str().unwrap();
        let short = &corpus.document(id).unwrap().short;
        assert!(
            html.contains(&format!("{} · {}</a>", short.zh, short.en)),
            "{id}"
        );
        assert!(!html.contains(&format!(">{id}</a>")), "raw ID {id} shown");
    }
    let kinds = api["facets"]["kind"].as_array().unwrap();
    let count = |k: &serde_json::Value| k["count"].as_u64().unwrap();
    let results: u64 = kinds
        .iter()
        .filter(|k| k["value"] != "requirement")
        .map(count)
        .sum();
    assert_eq!(results, api["total"].as_u64().unwrap());
    let parts = kinds.iter().find(|k| k["value"] == "requirement").unwrap();
    assert!(html.contains(&format!("requirement part</a> ({})", count(parts))));
    assert!(html.contains("requirement parts are counted one by one"));
    assert!(html.contains("项 · item</a>") && html.contains("岗位 · post</a>"));
}

/// Issue 14: Annex 1's items have no titles of their own and were headed "第7项 · Item 7"; they are
/// headed by their opening words.
#[tokio::test]
async fn annex_1_hits_are_titled_by_what_they_say() {
    let (_, html) = page("/search?q=%E4%BC%81%E4%B8%9A&doc=bj2022-a1&limit=50").await;
    let corpus = crate::common::corpus();
    let items: Vec<_> = corpus
        .clauses_of("bj2022-a1")
        .filter(|c| c.kind == talentdex::model::Kind::Item)
        .filter_map(|c| hit_block(&html, &c.id).map(|block| (c, block)))
        .collect();
    assert!(items.len() >= 3, "企业 finds several Annex 1 items");
    for (clause, block) in items {
        let heading = block.split("</h2>").next().unwrap();
        assert!(!heading.contains(&clause.title.en), "{heading}");
        let opening: String = clause.text.zh.chars().take(6).collect();
        assert!(heading.contains(&opening), "{heading}");
    }
}

/// Issue 14: typing a new query on the search page dropped the applicant's facts; the form
/// carries them (and only them: filters belong to the old query) as hidden inputs.
#[tokio::test]
async fn a_new_query_keeps_the_applicants_facts() {
    let (_, html) = page("/search?q=chip&degree=master&age=35&kind=post").await;
    let form = html.split("</form>").next().unwrap();
    assert!(form.contains(r#"<input type="hidden" name="degree" value="master">"#));
    assert!(form.contains(r#"<input type="hidden" name="age" value="35">"#));
    assert!(!form.contains(r#"name="kind""#), "{form}");
    let (_, plain) = page("/search?q=chip").await;
    let form = plain.split("</form>").next().unwrap();
    assert!(!form.contains("type=\"hidden\""), "{form}");
}

/// The `<li class="row …">` blocks of the compare page.
fn compare_rows(html: &str) -> Vec<&str> {
    html.split("<li class=\"row ").skip(1).collect()
}

/// Issue 14: `/compare` was 13,000 px tall with no "changed only" view, and its unchanged rows
/// were Chinese only. Unchanged rows are collapsed and bilingual; `?show=changed` leaves them out.
#[tokio::test]
async fn compare_collapses_unchanged_rows_and_has_a_changed_only_view() {
    let (status, all) = page("/compare").await;
    assert_eq!(status, StatusCode::OK);
    let rows = compare_rows(&all);
    let unchanged: Vec<&&str> = rows
        .iter()
        .filter(|r| r.starts_with("change-unchanged"))
        .collect();
    assert!(!unchanged.is_empty());
    for row in &unchanged {
        assert!(
            row.contains("<details>"),
            "unchanged rows start closed: {row}"
        );
        assert!(
            row.contains("<p lang=\"en\">"),
            "and show the English: {row}"
        );
    }
    let (status, changed) = page("/compare?show=changed").await;
    assert_eq!(status, StatusCode::OK);
    let shown = compare_rows(&changed);
    assert_eq!(shown.len(), rows.len() - unchanged.len());
    assert!(shown.iter().all(|r| !r.starts_with("change-unchanged")));
    assert!(
        shown
            .iter()
            .all(|r| r.contains("<details open data-narrow-close>"))
    );
    assert!(changed.contains(r#"<a href="/compare">All rows"#));

    let (status, _) = page("/compare?show=everything").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// Issue 14: `/posts?degree=master` listed the 2 posts whose minimum is exactly a master's; people
/// mean the posts open to a master's holder — every post asking for a master's or less.
#[tokio::test]
async fn posts_by_degree_lists_the_posts_open_to_its_holder() {
    use talentdex::model::Degree;
    let corpus = crate::common::corpus();
    for (param, degree) in [
        ("bachelor", Degree::Bachelor),
        ("master", Degree::Master),
        ("doctorate", Degree::Doctorate),
    ] {
        let open: Vec<u32> = corpus
            .posts()
            .filter_map(|c| c.post.as_ref())
            .filter(|p| p.requirements.degree <= degree)
            .map(|p| p.number)
            .collect();
        let (status, html) = page(&format!("/posts?degree={param}")).await;
        assert_eq!(status, StatusCode::OK);
        let listed = html.matches("<td><a href=\"/posts/").count();
        assert_eq!(listed, open.len(), "{param}");
        for n in open {
            assert!(
                html.contains(&format!("<a href=\"/posts/{n}\">")),
                "{param}: {n}"
            );
        }
        assert!(html.contains("degree holder, asking for that degree or less"));
    }
    let (_, html) = page("/posts?degree=master").await;
    assert!(html.contains("22 of 25 posts"), "the catalogue's figure");
}

/// Issue 14: a Beijing clause, post or citation page said nothing about the trial having ended.
/// Every page of a clause states its document's validity — today by default, or on `as_of`.
#[tokio::test]
async fn clause_post_and_citation_pages_state_their_documents_validity() {
    use talentdex::model::{Validity, beijing_today};
    let corpus = crate::common::corpus();
    let date = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
    for (uri, docs, as_of) in [
        ("/clause/bj2022-a1/2.9", vec!["bj2022-a1"], beijing_today()),
        ("/posts/6", vec!["bj2022-a2"], beijing_today()),
        (
            "/clause/bj2022/3?as_of=2024-06-01",
            vec!["bj2022"],
            date("2024-06-01"),
        ),
        (
            "/clause/cn2017-a/2.8?as_of=2026-11-21",
            vec!["cn2017-a"],
            date("2026-11-21"),
        ),
        (
            "/cite/%E7%AC%AC%E4%BA%8C%E6%9D%A1%E7%AC%AC8%E9%A1%B9?as_of=2026-11-21",
            vec!["bj2022-a1", "cn2017-a"],
            date("2026-11-21"),
        ),
    ] {
        let (status, html) = page(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        for doc in docs {
            let validity = Validity::of(corpus.document(doc).unwrap(), as_of);
            assert!(html.contains(&validity.note.zh), "{uri}: {doc}");
        }
    }
    let (_, html) = page("/posts/6?as_of=2026-11-21").await;
    assert!(html.contains("trial ended · 试行期满"));
    let (_, html) = page("/clause/cn2017-a/2.8?as_of=2026-11-21").await;
    assert!(html.contains("in force · 有效") && !html.contains("trial ended"));
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

// Regression (issue 13): an offset from the address was added without care — offset=2^64-1
// wrapped to "0–2 of 2", and limit=0 showed "1–0 of 2" with a Next link to the page itself.
#[tokio::test]
async fn search_page_paging_survives_hostile_offsets_and_limits() {
    let request = |uri: &str| {
        axum::http::Request::get(uri)
            .body(axum::body::Body::empty())
            .expect("a request")
    };
    for uri in [
        "/search?q=%E8%8A%AF%E7%89%87%E8%AE%BE%E8%AE%A1&offset=18446744073709551615",
        "/search?q=%E8%8A%AF%E7%89%87%E8%AE%BE%E8%AE%A1&limit=0",
    ] {
        let (status, _, body) = crate::common::send(crate::common::app(), request(uri)).await;
        assert_eq!(status, axum::http::StatusCode::OK, "{uri}");
        let html = String::from_utf8_lossy(&body);
        assert!(html.contains("No results on this page"), "{uri}: {html}");
        assert!(!html.contains("rel=\"next\""), "{uri}: no Next link");
        assert!(
            !html.contains("0–2 of") && !html.contains("1–0 of"),
            "{uri}"
        );
    }
}
