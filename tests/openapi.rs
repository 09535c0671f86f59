//! The OpenAPI document (web: `GET /api/openapi.json`): it lists every route of the router
//! (`web::routes()`, derived from what `router` registers), every operation it lists answers its own
//! example, every `$ref` resolves, and it holds together as an OpenAPI 3.1 document. `doc` holds
//! the helpers the contract test shares.

pub mod doc;

use std::collections::{BTreeSet, HashSet};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::Value;
use talentdex::citation::MAX_CITE_CHARS;
use talentdex::eligibility::FACT_PARAMS;
use talentdex::search::{DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_CHARS};
use talentdex::web::{ERROR_CODES, SEARCH_PARAMS};

use crate::common::{app, send};
use doc::{
    METHODS, backticked_codes, document, example_uri, fallback_bodies, media_type, operations,
    resolve, template_of,
};

/// The one error status the HTTP server answers itself (URI too long), without a body.
const BEFORE_ROUTING: &str = "414";

#[tokio::test]
async fn the_document_is_served_and_is_the_generated_one() {
    let request = Request::get("/api/openapi.json")
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(app(), request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let served: Value = serde_json::from_slice(&body).expect("JSON");
    let generated = serde_json::to_value(talentdex::web::openapi()).unwrap();
    assert_eq!(served, generated);
    assert_eq!(served["openapi"], "3.1.0");
}

#[tokio::test]
async fn every_route_of_the_router_is_documented() {
    let doc = document().await;
    let documented: BTreeSet<(String, String)> = operations(&doc)
        .into_iter()
        .map(|(path, method, _)| (path, method))
        .collect();
    let routes = talentdex::web::routes();
    let routed: BTreeSet<(String, String)> = routes
        .iter()
        .map(|r| (r.openapi_path(), r.method.as_str().to_lowercase()))
        .collect();
    assert_eq!(routed.len(), routes.len(), "a route is listed twice");
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "routes without a path doc: {undocumented:?}"
    );
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        unrouted.is_empty(),
        "documented but not routed: {unrouted:?}"
    );
}

#[tokio::test]
async fn every_documented_operation_answers_its_example() {
    let doc = document().await;
    let fallbacks = fallback_bodies().await;
    for (path, method, op) in operations(&doc) {
        let uri = example_uri(&path, op);
        let mut request = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&uri);
        let example = &op["requestBody"]["content"]["application/json"]["example"];
        let body = if example.is_null() {
            Body::empty()
        } else {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(example.to_string())
        };
        let (status, headers, body) = send(app(), request.body(body).unwrap()).await;
        let what = format!("{method} {uri}: {status}");
        let responses = op["responses"].as_object().expect("responses");
        assert!(
            responses.contains_key(status.as_str()),
            "{what} is not documented"
        );
        let answers = responses
            .keys()
            .any(|s| s.starts_with('2') || s.starts_with('3'));
        assert!(
            !answers || status.as_u16() < 400,
            "{what}: the example is refused"
        );
        assert!(
            !fallbacks.contains(&body),
            "{what}: the router's fallback answered"
        );
        let documented = resolve(&doc, &responses[status.as_str()]);
        if let Some(content) = documented["content"].as_object() {
            let got = headers[header::CONTENT_TYPE].to_str().unwrap();
            assert!(
                content.keys().any(|ct| media_type(ct) == media_type(got)),
                "{what}: content type {got} is not among {:?}",
                content.keys()
            );
        }
    }
}

#[tokio::test]
async fn every_ref_resolves() {
    let doc = document().await;
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() > 50, "the document shares its schemas by $ref");
    for r in refs {
        assert!(r.starts_with("#/"), "{r}: only local references");
        assert!(doc.pointer(&r[1..]).is_some(), "{r} does not resolve");
    }
}

fn collect_refs(value: &Value, refs: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                refs.push(r.clone());
            }
            map.values().for_each(|v| collect_refs(v, refs));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, refs)),
        _ => {}
    }
}

#[tokio::test]
async fn the_document_is_a_well_formed_openapi_3_1_document() {
    let doc = document().await;
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    for field in ["title", "version"] {
        assert!(
            doc["info"][field].as_str().is_some_and(|s| !s.is_empty()),
            "info.{field}"
        );
    }
    assert!(!doc["paths"].as_object().expect("paths").is_empty());
    let mut operation_ids = HashSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        assert!(path.starts_with('/'), "{path}");
        for key in item.as_object().unwrap().keys() {
            let known = ["summary", "description", "parameters", "servers"];
            assert!(
                METHODS.contains(&key.as_str()) || known.contains(&key.as_str()),
                "{path}: {key}"
            );
        }
    }
    for (path, method, op) in operations(&doc) {
        let what = format!("{method} {path}");
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: operationId"));
        assert!(
            operation_ids.insert(id.to_string()),
            "{what}: operationId {id} twice"
        );
        check_parameters(&what, &path, op);
        let responses = op["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{what}: responses"));
        assert!(!responses.is_empty(), "{what}: no responses");
        for (status, response) in responses {
            let valid = status.len() == 3 && status.starts_with(['1', '2', '3', '4', '5']);
            assert!(valid, "{what}: status {status}");
            let response = resolve(&doc, response);
            assert!(
                response["description"].is_string(),
                "{what} {status}: description"
            );
            for (ct, media) in response["content"].as_object().into_iter().flatten() {
                assert!(
                    media.get("schema").is_some(),
                    "{what} {status} {ct}: schema"
                );
            }
        }
        if let Some(body) = op.get("requestBody") {
            assert!(
                body["content"].as_object().is_some_and(|c| !c.is_empty()),
                "{what}: body"
            );
        }
    }
}

/// Path parameters and the path template agree; every parameter is named, placed and typed.
fn check_parameters(what: &str, path: &str, op: &Value) {
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    let in_path: BTreeSet<&str> = params
        .iter()
        .filter(|p| p["in"] == "path")
        .map(|p| {
            assert_eq!(p["required"], true, "{what}: path parameters are required");
            p["name"].as_str().unwrap()
        })
        .collect();
    let template: BTreeSet<&str> = path
        .split('{')
        .skip(1)
        .map(|s| s.split('}').next().unwrap())
        .collect();
    assert_eq!(in_path, template, "{what}: path parameters");
    for p in &params {
        assert!(p["name"].is_string(), "{what}: a parameter without a name");
        let place = p["in"].as_str().unwrap_or_default();
        assert!(
            ["query", "header", "path", "cookie"].contains(&place),
            "{what}: in {place}"
        );
        assert!(
            p.get("schema").is_some(),
            "{what}: {} has no schema",
            p["name"]
        );
    }
}

#[tokio::test]
async fn api_errors_share_the_error_schema_and_name_only_stable_codes() {
    let doc = document().await;
    let error = &doc["components"]["schemas"]["Error"];
    assert_eq!(error["required"], serde_json::json!(["error"]));
    let detail = &doc["components"]["schemas"]["ErrorDetail"];
    assert_eq!(detail["required"], serde_json::json!(["code", "message"]));
    let listing = error["description"].as_str().unwrap();
    let codes: HashSet<&str> = ERROR_CODES.iter().map(|(c, _, _)| *c).collect();
    let mut mentioned = HashSet::new();
    for (path, method, op) in operations(&doc) {
        for (status, response) in op["responses"].as_object().unwrap() {
            let response = resolve(&doc, response);
            let description = response["description"].as_str().unwrap();
            let named = backticked_codes(description);
            mentioned.extend(named.iter().copied());
            if !path.starts_with("/api/") || !status.starts_with(['4', '5']) {
                continue;
            }
            let what = format!("{method} {path} {status}");
            if status == BEFORE_ROUTING {
                // hyper's own answer, before any route runs: it has no body at all.
                assert!(response.get("content").is_none(), "{what}");
                continue;
            }
            let schema = &response["content"]["application/json"]["schema"]["$ref"];
            assert_eq!(schema, "#/components/schemas/Error", "{what}");
            assert!(!named.is_empty(), "{what}: names no error code");
            for code in named {
                assert!(
                    codes.contains(code),
                    "{what}: `{code}` is not in ERROR_CODES"
                );
            }
        }
    }
    for code in &codes {
        assert!(
            listing.contains(&format!("`{code}`")),
            "the Error schema lists `{code}`"
        );
    }
    for response in doc["components"]["responses"].as_object().unwrap().values() {
        mentioned.extend(backticked_codes(response["description"].as_str().unwrap()));
    }
    for code in &codes {
        assert!(
            mentioned.contains(code),
            "`{code}` is never named by a response"
        );
    }
}

#[tokio::test]
async fn search_and_the_eligibility_page_document_every_parameter_they_read() {
    let doc = document().await;
    let names = |path: &str| -> BTreeSet<String> {
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        params
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect()
    };
    let facts: BTreeSet<String> = FACT_PARAMS.iter().map(|s| s.to_string()).collect();
    let mut search: BTreeSet<String> = SEARCH_PARAMS.iter().map(|s| s.to_string()).collect();
    search.extend(facts.iter().cloned());
    assert_eq!(names("/api/search"), search);
    assert_eq!(names("/eligibility"), facts);
    let params = doc["paths"]["/api/search"]["get"]["parameters"]
        .as_array()
        .unwrap();
    for p in params {
        let ty = &p["schema"]["type"];
        assert!(
            ty.is_string(),
            "{}: typed, and not nullable as a query parameter",
            p["name"]
        );
    }
    // The limits the descriptions quote are the engine's.
    let param = |name: &str| params.iter().find(|p| p["name"] == name).unwrap();
    assert_eq!(param("limit")["schema"]["maximum"], MAX_LIMIT);
    let limit = param("limit")["description"].as_str().unwrap();
    assert!(limit.contains(&format!("default {DEFAULT_LIMIT}, at most {MAX_LIMIT}")));
    let q = param("q")["description"].as_str().unwrap();
    assert!(
        q.contains(&format!("at most {MAX_QUERY_CHARS} characters")),
        "{q}"
    );
    let resolve = &doc["paths"]["/api/resolve"]["get"]["parameters"][0]["description"];
    let cite = format!("at most {MAX_CITE_CHARS} characters");
    assert!(resolve.as_str().unwrap().contains(&cite), "{resolve}");
    assert_eq!(param("as_of")["schema"]["format"], "date");
}

#[tokio::test]
async fn every_get_route_answers_head_and_is_documented_as_such() {
    // The document says every GET also answers HEAD; check it on each GET route.
    let doc = document().await;
    for (path, method, op) in operations(&doc) {
        if method != "get" {
            continue;
        }
        let uri = example_uri(&path, op);
        let request = Request::head(&uri).body(Body::empty()).unwrap();
        let (status, _, body) = send(app(), request).await;
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "HEAD {uri}");
        assert!(body.is_empty(), "HEAD {uri} has no body");
        // The contract test maps request paths to routes with `template_of`; it must agree.
        assert_eq!(
            template_of(uri.split('?').next().unwrap()),
            Some(path),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn ids_with_slashes_work_as_generated_clients_send_them() {
    // OpenAPI path parameters are one segment, so generated clients send a clause ID's slash as
    // `%2F`; the wildcard routes must decode it to the same clause or citation.
    for (plain, encoded) in [
        ("/api/clauses/bj2022-a1/2.8", "/api/clauses/bj2022-a1%2F2.8"),
        ("/clause/bj2022-a1/2.8", "/clause/bj2022-a1%2F2.8"),
        ("/cite/bj2022-a1/2.8", "/cite/bj2022-a1%2F2.8"),
    ] {
        let answer = |uri: &str| {
            let request = Request::get(uri).body(Body::empty()).unwrap();
            send(app(), request)
        };
        let (status, headers, body) = answer(plain).await;
        let (encoded_status, encoded_headers, encoded_body) = answer(encoded).await;
        assert!(status.as_u16() < 400, "{plain}: {status}");
        assert_eq!(
            (status, headers.get(header::LOCATION), body),
            (
                encoded_status,
                encoded_headers.get(header::LOCATION),
                encoded_body
            ),
            "{encoded}"
        );
    }
}

/// The README's table of error codes is what people read: every stable code the API can answer
/// must be in it with its statuses, so the table cannot silently fall behind `ERROR_CODES`.
#[test]
fn the_readme_lists_every_error_code_with_its_statuses() {
    let readme = include_str!("../README.md");
    for (code, statuses, _) in talentdex::web::ERROR_CODES {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{code}` |")))
            .unwrap_or_else(|| panic!("README has no row for `{code}`"));
        for status in *statuses {
            assert!(
                row.contains(&status.to_string()),
                "README row for `{code}` lacks {status}: {row}"
            );
        }
    }
}
