//! The MCP server (issue 16): a real MCP client (rmcp's, in process over a pipe) initialises,
//! lists the tools and resources, calls every tool with good arguments — each answers the same
//! JSON as the `/api` route it mirrors — and with bad ones, which are tool errors carrying the
//! API's code, never a protocol error or a dead session. `http` drives `/mcp` on the router.

mod http;

use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, CallToolResult, JsonObject, ReadResourceRequestParams};
use rmcp::service::{RoleClient, RunningService};
use serde_json::{Value, json};
use talentdex::mcp::Server;

use crate::common::{application, get_json, post_json};

/// A client connected to a server over the shared application.
async fn client() -> RunningService<RoleClient, ()> {
    let (server_io, client_io) = tokio::io::duplex(1 << 16);
    let server = Server::new(application().clone());
    tokio::spawn(async move {
        if let Ok(running) = server.serve(server_io).await {
            let _ = running.waiting().await;
        }
    });
    ().serve(client_io).await.expect("the client initialises")
}

fn arguments(value: Value) -> JsonObject {
    value.as_object().cloned().expect("an object")
}

async fn call(client: &RunningService<RoleClient, ()>, tool: &str, args: Value) -> CallToolResult {
    let params = CallToolRequestParams::new(tool.to_string()).with_arguments(arguments(args));
    client
        .call_tool(params)
        .await
        .unwrap_or_else(|e| panic!("{tool}: a tool answer, not a protocol error: {e}"))
}

/// The text of a result's first content block.
fn text(result: &CallToolResult) -> &str {
    result
        .content
        .first()
        .and_then(|c| c.as_text())
        .map(|t| t.text.as_str())
        .expect("a text block")
}

/// A tool error's code, from the API error body its text carries.
fn error_code(result: &CallToolResult) -> String {
    assert_eq!(result.is_error, Some(true), "an error: {result:?}");
    assert!(
        result.structured_content.is_none(),
        "errors carry no structured content"
    );
    let body: Value = serde_json::from_str(text(result)).expect("the API's error body");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
    body["error"]["code"].as_str().expect("a code").to_string()
}

fn structured(result: &CallToolResult) -> &Value {
    assert_ne!(result.is_error, Some(true), "{}", text(result));
    result
        .structured_content
        .as_ref()
        .expect("structured content")
}

#[tokio::test]
async fn the_six_tools_are_listed_with_their_schemas() {
    let client = client().await;
    let info = client.peer_info().expect("server info");
    assert_eq!(
        info.server_info.as_ref().map(|i| i.name.as_str()),
        Some("talentdex")
    );
    let tools = client.list_all_tools().await.unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
    assert_eq!(
        names,
        [
            "search",
            "get_clause",
            "resolve_citation",
            "link_citations",
            "check_eligibility",
            "list_posts"
        ]
    );
    for tool in &tools {
        assert_eq!(tool.input_schema["type"], "object", "{}", tool.name);
        let output = tool.output_schema.as_ref().expect("an output schema");
        assert_eq!(output["type"], "object", "{}", tool.name);
        let description = tool.description.as_deref().unwrap_or_default();
        assert!(
            description.len() > 200,
            "{}: a description for a model",
            tool.name
        );
    }
    let check = tools
        .iter()
        .find(|t| t.name == "check_eligibility")
        .unwrap();
    let description = check.description.as_deref().unwrap();
    assert!(description.contains("not an official determination"));
    assert!(description.contains("unofficial"));
    // The facts are the arguments: the eligibility body's schema.
    assert!(
        check.input_schema["properties"]
            .get("years_experience")
            .is_some()
    );
    let search = tools.iter().find(|t| t.name == "search").unwrap();
    assert_eq!(search.input_schema["required"], json!(["query"]));
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn each_tool_answers_the_json_of_its_api_route() {
    let client = client().await;
    let cases = [
        (
            "search",
            json!({"query": "芯片设计", "limit": 3}),
            "/api/search?q=%E8%8A%AF%E7%89%87%E8%AE%BE%E8%AE%A1&limit=3",
        ),
        (
            "get_clause",
            json!({"id": "bj2022-a2/6"}),
            "/api/clauses/bj2022-a2/6",
        ),
        (
            "resolve_citation",
            json!({"citation": "附件1第二条第8项"}),
            "/api/resolve?cite=%E9%99%84%E4%BB%B61%E7%AC%AC%E4%BA%8C%E6%9D%A1%E7%AC%AC8%E9%A1%B9",
        ),
        (
            "list_posts",
            json!({"industry": "Integrated Circuits"}),
            "/api/posts?industry=Integrated%20Circuits",
        ),
        ("list_posts", json!({}), "/api/posts"),
    ];
    for (tool, args, uri) in cases {
        let result = call(&client, tool, args).await;
        let (status, api) = get_json(uri).await;
        assert_eq!(status, 200, "{uri}");
        assert_eq!(structured(&result), &api, "{tool} and {uri} differ");
    }
    let text = "依据附件1第二条第8项和Annex 2, No. 6申请。";
    let result = call(&client, "link_citations", json!({"text": text})).await;
    let (_, api) = post_json("/api/link", json!({"text": text})).await;
    assert_eq!(structured(&result), &api);
    let facts = json!({"as_of": "2026-11-21", "age": 35, "degree": "doctorate", "post": 6});
    let result = call(&client, "check_eligibility", facts.clone()).await;
    let (_, api) = post_json("/api/eligibility", facts).await;
    assert_eq!(structured(&result), &api);
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn the_text_names_ids_citations_in_both_languages_and_pages() {
    let client = client().await;
    let result = call(&client, "get_clause", json!({"id": "bj2022-a1/2.8"})).await;
    let clause = structured(&result);
    let text = text(&result);
    for field in [
        &clause["id"],
        &clause["citation"]["zh"],
        &clause["citation"]["en"],
        &clause["url"],
    ] {
        let field = field.as_str().unwrap();
        assert!(text.contains(field), "{field} missing from:\n{text}");
    }
    assert!(text.contains("unofficial translation"), "{text}");
    let result = call(&client, "search", json!({"query": "chip design engineer"})).await;
    let first = &structured(&result)["hits"][0];
    assert!(text_of(&result).contains(first["id"].as_str().unwrap()));
    assert!(text_of(&result).contains(first["citation"]["en"].as_str().unwrap()));
    let result = call(&client, "check_eligibility", json!({"age": 35})).await;
    assert!(
        text_of(&result).contains("not an official determination"),
        "{}",
        text_of(&result)
    );
    client.cancel().await.unwrap();
}

fn text_of(result: &CallToolResult) -> String {
    text(result).to_string()
}

#[tokio::test]
async fn bad_arguments_are_tool_errors_with_the_api_codes() {
    let client = client().await;
    let cases = [
        ("get_clause", json!({"id": "bj2022-a9/1"}), "not_found"),
        ("get_clause", json!({"id": ["bj2022"]}), "bad_query"),
        ("search", json!({"query": "   "}), "empty_query"),
        ("search", json!({}), "empty_query"),
        (
            "search",
            json!({"query": "chip", "limit": 500}),
            "bad_limit",
        ),
        (
            "search",
            json!({"query": "chip", "limit": "ten"}),
            "bad_limit",
        ),
        ("search", json!({"query": "chip", "lang": "fr"}), "bad_lang"),
        (
            "search",
            json!({"query": "chip", "kind": "poem"}),
            "bad_kind",
        ),
        (
            "search",
            json!({"query": "chip", "doc": "nope"}),
            "unknown_document",
        ),
        (
            "search",
            json!({"query": "chip", "colour": "red"}),
            "bad_query",
        ),
        ("resolve_citation", json!({}), "missing_cite"),
        ("resolve_citation", json!({"citation": " "}), "missing_cite"),
        ("link_citations", json!({"text": 5}), "bad_body"),
        ("link_citations", json!({}), "bad_body"),
        ("check_eligibility", json!({"age": "old"}), "invalid_fact"),
        ("check_eligibility", json!({"height": 180}), "unknown_fact"),
        ("check_eligibility", json!({"post": 99}), "unknown_post"),
        (
            "list_posts",
            json!({"industry": "fishing"}),
            "unknown_industry",
        ),
    ];
    for (tool, args, code) in cases {
        let result = call(&client, tool, args.clone()).await;
        assert_eq!(error_code(&result), code, "{tool} {args}");
    }
    // The API says the same for the same mistake.
    let (_, api) = get_json("/api/clauses/bj2022-a9/1").await;
    let result = call(&client, "get_clause", json!({"id": "bj2022-a9/1"})).await;
    let body: Value = serde_json::from_str(text(&result)).unwrap();
    assert_eq!(body, api);
    // The session lives on after every refusal.
    assert_eq!(client.list_all_tools().await.unwrap().len(), 6);
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn an_unknown_tool_is_a_protocol_error_and_the_session_lives_on() {
    // MCP's own rule: a tool that does not exist is the request's error, not the tool's.
    let client = client().await;
    let params = CallToolRequestParams::new("delete_everything");
    assert!(client.call_tool(params).await.is_err());
    let result = call(&client, "get_clause", json!({"id": "bj2022"})).await;
    assert_eq!(structured(&result)["kind"], "document");
    client.cancel().await.unwrap();
}

#[tokio::test]
async fn clauses_and_documents_are_resources() {
    let client = client().await;
    let templates = client.list_all_resource_templates().await.unwrap();
    assert_eq!(templates[0].uri_template, "talentdex://clause/{id}");
    let resources = client.list_all_resources().await.unwrap();
    let uris: Vec<&str> = resources.iter().map(|r| r.uri.as_str()).collect();
    assert!(uris.contains(&"talentdex://documents"), "{uris:?}");
    assert!(uris.contains(&"talentdex://clause/bj2022-a2"), "{uris:?}");
    let read = |uri: &str| {
        let params = ReadResourceRequestParams::new(uri.to_string());
        client.read_resource(params)
    };
    let clause = read("talentdex://clause/bj2022-a1/2.8").await.unwrap();
    let rmcp::model::ResourceContents::TextResourceContents {
        text, mime_type, ..
    } = &clause.contents[0]
    else {
        panic!("text contents")
    };
    assert_eq!(mime_type.as_deref(), Some("application/json"));
    let (_, api) = get_json("/api/clauses/bj2022-a1/2.8").await;
    assert_eq!(serde_json::from_str::<Value>(text).unwrap(), api);
    let documents = read("talentdex://documents").await.unwrap();
    let rmcp::model::ResourceContents::TextResourceContents { text, .. } = &documents.contents[0]
    else {
        panic!("text contents")
    };
    let (_, api) = get_json("/api/documents").await;
    assert_eq!(serde_json::from_str::<Value>(text).unwrap(), api);
    assert!(read("talentdex://clause/bj2022-a9/1").await.is_err());
    assert!(read("https://example.com/").await.is_err());
    client.cancel().await.unwrap();
}
