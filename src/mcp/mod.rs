//! MCP: a front end for AI assistants beside `web` and `cli` — the Model Context Protocol over
//! stdio (`talentdex mcp`) and over streamable HTTP (`/mcp` on the served port, mounted by
//! `web::routes`), through the official SDK `rmcp`. It depends on the application layer only:
//! a tool reads its arguments as the matching API route reads its request, asks the `App`, and
//! answers the API's JSON (see `tools`); clauses and the documents are resources (`resources`).

mod args;
mod resources;
mod schema;
mod text;
mod tools;

use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, Implementation,
    ListResourceTemplatesResult, ListResourcesResult, ListToolsResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt};

pub use args::ToolError;
pub use resources::{CLAUSE_TEMPLATE, DOCUMENTS};
pub use tools::Answered;

use crate::app::{App, ErrorCode};

/// What the server tells an assistant when it connects.
const INSTRUCTIONS: &str = "talentdex answers questions about the rules that define who counts \
    as a foreign high-end (Category A) or urgently needed talent in Beijing: the 2022 notice \
    国科办才〔2022〕177号, its Annex 1 (criteria) and Annex 2 (25 posts), and the national \
    Category A criteria. Search first, read clauses by ID, cite them as the answers cite them \
    (both languages), and check an applicant's facts with check_eligibility. The Chinese text is \
    authoritative and the English unofficial; verdicts are not an official determination.";

/// The MCP server over one application. Cheap to clone: each HTTP request gets its own.
#[derive(Debug, Clone)]
pub struct Server {
    app: Arc<App>,
}

impl Server {
    pub fn new(app: Arc<App>) -> Server {
        Server { app }
    }

    /// Run one tool off the async workers (search and eligibility are CPU work); a tool that
    /// fails, or panics, answers a tool error.
    pub async fn run_tool(
        &self,
        name: String,
        arguments: Option<rmcp::model::JsonObject>,
    ) -> Option<Result<Answered, ToolError>> {
        let app = Arc::clone(&self.app);
        let work = tokio::task::spawn_blocking(move || tools::call(&app, &name, arguments));
        match work.await {
            Ok(answer) => answer,
            Err(e) => Some(Err(ToolError::new(ErrorCode::Internal, e.to_string()))),
        }
    }
}

/// A tool's answer as MCP carries it: the API's JSON as structured content and the text
/// rendering; a failure as a tool error whose text is the API's error body.
fn tool_result(answer: Result<Answered, ToolError>) -> CallToolResult {
    match answer {
        Ok(Answered { structured, text }) => {
            let mut result = CallToolResult::structured(structured);
            // The text beside the JSON is a rendering for the model, not the JSON again.
            result.content = vec![ContentBlock::text(text)];
            result
        }
        Err(e) => CallToolResult::error(vec![ContentBlock::text(e.body().to_string())]),
    }
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        let capabilities = ServerCapabilities::builder()
            .enable_tools()
            .enable_resources()
            .build();
        ServerConfig::new(capabilities)
            .with_server_info(
                Implementation::new("talentdex", env!("CARGO_PKG_VERSION"))
                    .with_title("talentdex: Beijing foreign talent rules"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(tools::list().to_vec()))
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        let name = request.name.to_string();
        match self.run_tool(name.clone(), request.arguments).await {
            Some(answer) => Ok(tool_result(answer).into()),
            None => Err(ErrorData::invalid_params(
                format!("no tool `{name}`; tools/list names them"),
                None,
            )),
        }
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(resources::list(
            &self.app,
        )))
    }

    async fn list_resource_templates(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, ErrorData> {
        Ok(ListResourceTemplatesResult::with_all_items(
            resources::templates(),
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        resources::read(&self.app, &request.uri).map(Into::into)
    }
}

/// Speak MCP on stdin and stdout until the client closes stdin. Logs go to stderr only.
pub async fn serve_stdio(app: Arc<App>) -> std::io::Result<()> {
    let running = Server::new(app)
        .serve(rmcp::transport::stdio())
        .await
        .map_err(std::io::Error::other)?;
    running.waiting().await.map_err(std::io::Error::other)?;
    Ok(())
}

/// The streamable HTTP endpoint's settings.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Larger request bodies get a 413 (the server's own body limit).
    pub max_body_bytes: usize,
    /// The `Host` names accepted (DNS-rebinding protection); empty accepts any.
    pub allowed_hosts: Vec<String>,
}

/// The loopback names a local server accepts in `Host`.
pub const LOOPBACK_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "::1"];

/// The streamable HTTP service: stateless (no sessions to keep or expire) and answering each
/// request with one JSON response, so no event stream is left open and every request ends
/// within the server's time limit.
pub fn http_service(
    app: Arc<App>,
    options: HttpOptions,
) -> StreamableHttpService<Server, NeverSessionManager> {
    let config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(false)
        .with_json_response(true)
        .with_sse_keep_alive(None)
        .with_sse_retry(None)
        .with_max_request_body_bytes(options.max_body_bytes)
        .with_allowed_hosts(options.allowed_hosts);
    StreamableHttpService::new(
        move || Ok(Server::new(Arc::clone(&app))),
        Arc::new(NeverSessionManager::default()),
        config,
    )
}
