//! Helpers over the OpenAPI document the web layer serves, shared by the OpenAPI and contract
//! tests: its operations, the route a path reaches, example URIs, response lookups.

use std::collections::BTreeSet;

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use crate::common::{app, get_json, send};

/// The operation keys of an OpenAPI path item.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
/// Characters an example path parameter keeps as they are (a clause ID's slashes and dots).
const PATH_KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'.')
    .remove(b'-')
    .remove(b'_');

/// The document as the router serves it.
pub async fn document() -> Value {
    let (status, doc) = get_json("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    doc
}

/// Every (path, method, operation) of the document.
pub fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let paths = doc["paths"].as_object().expect("`paths` is an object");
    let mut ops = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                ops.push((path.clone(), method.to_string(), op));
            }
        }
    }
    ops
}

/// The route template (OpenAPI form) the router matches `path` with, if any: static routes
/// before parameters, `{x}` one segment, `{*x}` the rest.
pub fn template_of(path: &str) -> Option<String> {
    let routes = talentdex::web::routes();
    let exact = routes.iter().find(|r| r.path == path);
    let matched = exact.or_else(|| routes.iter().find(|r| matches(&r.path, path)));
    matched.map(|r| r.openapi_path())
}

fn matches(template: &str, path: &str) -> bool {
    let (mut t, mut p) = (template.split('/'), path.split('/'));
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(seg), Some(got)) if seg.starts_with("{*") => {
                return !got.is_empty() || p.next().is_some();
            }
            (Some(seg), Some(got)) if seg.starts_with('{') => {
                if got.is_empty() {
                    return false;
                }
            }
            (Some(seg), Some(got)) if seg == got => {}
            _ => return false,
        }
    }
}

/// The methods a path answers, as the document says (GET implies HEAD).
pub fn documented_methods(doc: &Value, template: &str) -> BTreeSet<String> {
    let mut methods: BTreeSet<String> = METHODS
        .iter()
        .filter(|m| doc["paths"][template].get(**m).is_some())
        .map(|m| m.to_uppercase())
        .collect();
    if methods.contains("GET") {
        methods.insert("HEAD".to_string());
    }
    methods
}

/// A response object, following a `$ref` into `components.responses`.
pub fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(r) => doc
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("{r} resolves")),
        None => value,
    }
}

/// The operation's URI with every parameter it requires filled in from the document's examples.
pub fn example_uri(path: &str, op: &Value) -> String {
    let mut uri = path.to_string();
    let mut query = Vec::new();
    for param in op["parameters"].as_array().into_iter().flatten() {
        let name = param["name"].as_str().expect("a parameter name");
        let required = param["required"].as_bool().unwrap_or(false);
        let example = param.get("example").map(|e| match e {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        match param["in"].as_str() {
            Some("path") => {
                let example =
                    example.unwrap_or_else(|| panic!("{path}: `{name}` needs an example"));
                let encoded = utf8_percent_encode(&example, PATH_KEEP).to_string();
                uri = uri.replace(&format!("{{{name}}}"), &encoded);
            }
            Some("query") if required => {
                let example =
                    example.unwrap_or_else(|| panic!("{path}: `{name}` needs an example"));
                query.push(format!(
                    "{name}={}",
                    utf8_percent_encode(&example, NON_ALPHANUMERIC)
                ));
            }
            _ => {}
        }
    }
    if !query.is_empty() {
        uri = format!("{uri}?{}", query.join("&"));
    }
    uri
}

/// What the router answers for a path it does not know, under `/api/` and elsewhere.
pub async fn fallback_bodies() -> [Bytes; 2] {
    let mut bodies = Vec::new();
    for uri in ["/api/no-such-route", "/no-such-route"] {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        let (status, _, body) = send(app(), request).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        bodies.push(body);
    }
    bodies.try_into().expect("two bodies")
}

/// A content type without its parameters.
pub fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

/// The words in backticks that look like error codes (lowercase with underscores).
pub fn backticked_codes(text: &str) -> Vec<&str> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}
