//! The API contract (web, every route of `web::routes()`): malformed input — wrong types, huge
//! values, invalid UTF-8, unknown parameters, path traversal, wrong methods and content types,
//! empty and malformed bodies — gets only answers the OpenAPI document lists for that operation
//! (or the generic 405 for a method its path does not answer), the JSON error shape on every
//! `/api/` error, and never a 5xx.

use std::collections::BTreeSet;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use serde_json::Value;
use talentdex::web::ERROR_CODES;

use crate::common::{app, error_code, send};
mod bodies;
mod methods;
mod regressions;

use crate::openapi::doc::{
    backticked_codes, document, documented_methods, example_uri, fallback_bodies, media_type,
    operations, resolve, template_of,
};

/// A value longer than any limit the service documents.
const HUGE_CHARS: usize = 100_000;
/// The longest value a request target can carry in-process: `http` refuses URIs over 65 534
/// bytes (a real server answers those with 414, see `targets_too_long_for_the_server_get_414`).
const LONG_VALUE_BYTES: usize = 60_000;
/// A body twice the default limit (`Limits::max_body_bytes`, 1 MiB).
const HUGE_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Deeper than serde_json's recursion limit (128).
const DEEP_NESTING: usize = 10_000;
/// What a file outside the served set would show if path traversal reached it.
const LEAKS: [&str; 3] = ["[package]", "root:x:", "[dependencies]"];

/// Query strings that are wrong for every route they are sent to: a wrong type, a value out of
/// range, a repeated or unknown name, or bytes that are not UTF-8.
const MALFORMED_QUERIES: [&str; 22] = [
    "limit=abc",
    "offset=-1",
    "age=old",
    "post=x",
    "limit=99999999999999999999",
    "offset=99999999999999999999",
    "age=99999999999999999999",
    "salary_multiple=1e400",
    "salary_multiple=NaN",
    "as_of=yesterday",
    "as_of=2023-02-30",
    "%FF%FE=1",
    "unknown=%FF%FE",
    "unknown=1",
    "lang=fr&q=x&q=y",
    "kind=nope",
    "doc=..%2F..%2Fetc%2Fpasswd",
    "degree=phd",
    "founder.share_percent=200",
    "company=1",
    "limit=1&limit=2",
    "stem=maybe",
];

/// Path parameter values that name nothing the service holds.
const BAD_SEGMENTS: [&str; 11] = [
    "0",
    "%FF%FE",
    "..%2F..%2FCargo.toml",
    "%2e%2e%2f%2e%2e%2fCargo.toml",
    "../../etc/passwd",
    "99999999999999999999",
    "-1",
    "abc",
    "%00",
    "%E8%8A%AF%E7%89%87",
    "x%20y",
];

/// Paths that try to climb out of the routes.
const TRAVERSALS: [&str; 11] = [
    "/static/../Cargo.toml",
    "/static/%2e%2e/Cargo.toml",
    "/static/..%2FCargo.toml",
    "/static/%2e%2e%2fCargo.toml",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/clause/../../etc/passwd",
    "/api/clauses/../../etc/passwd",
    "/api/clauses/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/..%2f..%2fetc/passwd",
    "/%FF%FE",
    "/api/%FF%FE",
];

/// One malformed request, and whether it must be refused (a 4xx) rather than merely answered as
/// documented.
struct Probe {
    method: Method,
    uri: String,
    content_type: Option<&'static str>,
    body: Bytes,
    refused: bool,
}

impl Probe {
    fn get(uri: String, refused: bool) -> Self {
        Self::new(Method::GET, uri, None, Bytes::new(), refused)
    }

    fn new(
        method: Method,
        uri: String,
        content_type: Option<&'static str>,
        body: impl Into<Bytes>,
        refused: bool,
    ) -> Self {
        Self {
            method,
            uri,
            content_type,
            body: body.into(),
            refused,
        }
    }

    fn describe(&self) -> String {
        let uri: String = self.uri.chars().take(120).collect();
        let body = String::from_utf8_lossy(&self.body[..self.body.len().min(60)]).into_owned();
        format!("{} {uri} [{:?}] {body}", self.method, self.content_type)
    }
}

/// The document and what the router's fallback answers, read once per test.
struct Contract {
    doc: Value,
    fallbacks: [Bytes; 2],
}

impl Contract {
    async fn new() -> Self {
        Self {
            doc: document().await,
            fallbacks: fallback_bodies().await,
        }
    }

    /// Send the probe and check its answer against the document; the status.
    async fn check(&self, probe: &Probe) -> StatusCode {
        let mut request = Request::builder()
            .method(probe.method.clone())
            .uri(&probe.uri);
        if let Some(ct) = probe.content_type {
            request = request.header(header::CONTENT_TYPE, ct);
        }
        let request = request.body(Body::from(probe.body.clone())).unwrap();
        let (status, headers, body) = send(app(), request).await;
        let what = format!("{} → {status}", probe.describe());
        assert!(!status.is_server_error(), "{what}: {}", lossy(&body));
        assert!(
            !probe.refused || status.is_client_error(),
            "{what}: not refused"
        );
        for leak in LEAKS {
            assert!(!lossy(&body).contains(leak), "{what}: leaks a file");
        }
        let path = probe.uri.split('?').next().unwrap();
        let Some(template) = template_of(path) else {
            assert_eq!(status, StatusCode::NOT_FOUND, "{what}: an unknown path");
            self.check_error_body(&what, path, probe, status, &body, None);
            return status;
        };
        assert!(
            !self.fallbacks.contains(&body),
            "{what}: the fallback answered {template}"
        );
        let method = if probe.method == Method::HEAD {
            "get"
        } else {
            probe.method.as_str()
        };
        let Some(op) = self.doc["paths"][&template].get(method.to_lowercase()) else {
            self.check_method_not_allowed(&what, &template, status, &headers);
            self.check_error_body(&what, path, probe, status, &body, None);
            return status;
        };
        let responses = op["responses"].as_object().unwrap();
        let documented = responses
            .get(status.as_str())
            .unwrap_or_else(|| panic!("{what}: {status} is not documented for {template}"));
        let documented = resolve(&self.doc, documented);
        if let (Some(content), Some(got)) = (
            documented["content"].as_object(),
            headers.get(header::CONTENT_TYPE),
        ) {
            let got = media_type(got.to_str().unwrap());
            assert!(
                content.keys().any(|ct| media_type(ct) == got),
                "{what}: {got} is not documented"
            );
        }
        self.check_error_body(&what, path, probe, status, &body, Some(documented));
        status
    }

    /// A method the path does not answer: 405, `Allow` naming exactly the documented methods.
    fn check_method_not_allowed(
        &self,
        what: &str,
        template: &str,
        status: StatusCode,
        headers: &HeaderMap,
    ) {
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{what}");
        assert!(self.doc["components"]["responses"]["MethodNotAllowed"].is_object());
        let allow: BTreeSet<String> = headers[header::ALLOW]
            .to_str()
            .unwrap()
            .split(',')
            .map(|m| m.trim().to_string())
            .collect();
        assert_eq!(
            allow,
            documented_methods(&self.doc, template),
            "{what}: Allow"
        );
    }

    /// Under `/api/`, an error is `{"error": {"code", "message"}}` with a stable code of its
    /// status, named by the documented response when that response is the operation's own.
    fn check_error_body(
        &self,
        what: &str,
        path: &str,
        probe: &Probe,
        status: StatusCode,
        body: &Bytes,
        documented: Option<&Value>,
    ) {
        if !path.starts_with("/api/") || !status.is_client_error() || probe.method == Method::HEAD {
            return;
        }
        let json: Value = serde_json::from_slice(body)
            .unwrap_or_else(|e| panic!("{what}: the error is not JSON ({e}): {}", lossy(body)));
        let code = error_code(&json);
        let (_, statuses, _) = ERROR_CODES
            .iter()
            .find(|(c, _, _)| *c == code)
            .unwrap_or_else(|| panic!("{what}: `{code}` is not a stable code"));
        assert!(
            statuses.contains(&status.as_u16()),
            "{what}: `{code}` with {status}"
        );
        if let Some(description) = documented.and_then(|d| d["description"].as_str()) {
            let named = backticked_codes(description);
            assert!(
                named.contains(&code),
                "{what}: `{code}` is not among {named:?}"
            );
        }
    }
}

fn lossy(body: &[u8]) -> String {
    String::from_utf8_lossy(body).into_owned()
}

/// `uri` with `query` appended.
fn with_query(uri: &str, query: &str) -> String {
    let joiner = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{joiner}{query}")
}

#[tokio::test]
async fn malformed_query_strings_get_documented_answers_and_api_routes_refuse_them() {
    let contract = Contract::new().await;
    for (path, method, op) in operations(&contract.doc) {
        let base = example_uri(&path, op);
        let api = path.starts_with("/api/");
        let method: Method = method.to_uppercase().parse().unwrap();
        for query in MALFORMED_QUERIES {
            let uri = with_query(&base, query);
            let probe = Probe::new(method.clone(), uri, None, Bytes::new(), api);
            contract.check(&probe).await;
        }
    }
}

#[tokio::test]
async fn huge_values_for_every_documented_parameter_get_documented_answers() {
    let contract = Contract::new().await;
    let huge = "9".repeat(LONG_VALUE_BYTES);
    // Nine bytes a character once percent-encoded.
    let text = "附".repeat(LONG_VALUE_BYTES / 9);
    for (path, method, op) in operations(&contract.doc) {
        if method != "get" {
            continue;
        }
        let base = example_uri(&path, op);
        let (route, _) = base.split_once('?').unwrap_or((&base, ""));
        for param in op["parameters"].as_array().into_iter().flatten() {
            if param["in"] != "query" {
                continue;
            }
            let name = param["name"].as_str().unwrap();
            for value in [&huge, &text] {
                let encoded = percent_encoding::utf8_percent_encode(
                    value,
                    percent_encoding::NON_ALPHANUMERIC,
                );
                let uri = format!("{route}?{name}={encoded}");
                contract.check(&Probe::get(uri, false)).await;
            }
        }
        let long_query = format!("{base}{}", "&x".repeat(LONG_VALUE_BYTES / 2));
        contract
            .check(&Probe::get(long_query, path.starts_with("/api/")))
            .await;
    }
}

#[tokio::test]
async fn bad_path_segments_and_traversal_are_refused() {
    let contract = Contract::new().await;
    let long = "a".repeat(LONG_VALUE_BYTES);
    for route in talentdex::web::routes() {
        let params: Vec<&str> = route
            .path
            .split('/')
            .filter(|s| s.starts_with('{'))
            .collect();
        for param in params {
            for bad in BAD_SEGMENTS.iter().copied().chain([long.as_str()]) {
                let uri = route.path.replace(param, bad);
                let probe = Probe::new(route.method.clone(), uri, None, Bytes::new(), true);
                contract.check(&probe).await;
            }
        }
    }
    for uri in TRAVERSALS {
        contract.check(&Probe::get(uri.to_string(), true)).await;
    }
}
