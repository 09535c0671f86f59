//! MCP over streamable HTTP (`/mcp` on the router): stateless, one JSON answer per request, behind
//! the server's own layers (body limit, `Host` check for DNS rebinding) — driven with raw
//! JSON-RPC, as any client sends it.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

use crate::common::{app, send, state};

const PROTOCOL: &str = "2025-06-18";

fn rpc(body: &Value, host: &str) -> Request<Body> {
    Request::post("/mcp")
        .header(header::HOST, host)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json, text/event-stream")
        .header("mcp-protocol-version", PROTOCOL)
        .body(Body::from(body.to_string()))
        .unwrap()
}

async fn answer(body: Value) -> (StatusCode, Value) {
    let (status, headers, bytes) = send(app(), rpc(&body, "localhost:8080")).await;
    let content_type = headers[header::CONTENT_TYPE].to_str().unwrap().to_string();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    (status, serde_json::from_slice(&bytes).expect("JSON-RPC"))
}

#[tokio::test]
async fn initialise_then_call_a_tool_without_a_session() {
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": PROTOCOL, "capabilities": {},
        "clientInfo": {"name": "test", "version": "1"}}});
    let (status, body) = answer(init).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["result"]["serverInfo"]["name"], "talentdex");
    assert!(body["result"]["capabilities"]["tools"].is_object());
    let call = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
        "name": "get_clause", "arguments": {"id": "bj2022-a2/6"}}});
    let (status, body) = answer(call).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["result"]["structuredContent"]["id"], "bj2022-a2/6");
    let bad = json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {
        "name": "get_clause", "arguments": {"id": "nope"}}});
    let (_, body) = answer(bad).await;
    assert_eq!(body["result"]["isError"], true, "{body}");
    let text = body["result"]["content"][0]["text"].as_str().unwrap();
    assert!(text.contains("not_found"), "{text}");
}

#[tokio::test]
async fn other_hosts_and_methods_are_refused() {
    // DNS rebinding: a page on another name must not reach a local server's tools.
    let list = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"});
    let (status, _, _) = send(app(), rpc(&list, "evil.example")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Served on another address, any name may reach it.
    let open = talentdex::web::router(state().with_mcp_allowed_hosts(Vec::new()));
    let (status, _, _) = send(open, rpc(&list, "evil.example")).await;
    assert_eq!(status, StatusCode::OK);
    // Stateless: no event stream to open, no session to delete.
    for method in [Method::GET, Method::DELETE] {
        let request = Request::builder()
            .method(method.clone())
            .uri("/mcp")
            .header(header::HOST, "localhost")
            .header(header::ACCEPT, "text/event-stream")
            .body(Body::empty())
            .unwrap();
        let (status, _, _) = send(app(), request).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_before_the_mcp_service() {
    let limits = talentdex::web::Limits {
        max_body_bytes: 1024,
        ..Default::default()
    };
    let small = talentdex::web::router(state().with_limits(limits));
    let text = "附件1第二条第8项".repeat(200);
    let call = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
        "name": "link_citations", "arguments": {"text": text}}});
    let (status, _, body) = send(small, rpc(&call, "localhost")).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "body_too_large");
}
