//! MCP: the resources — every clause at `talentdex://clause/{id}` (a resource template; the
//! documents themselves are listed), and the list of documents at `talentdex://documents`. Each
//! reads as the JSON its `/api` route returns.

use rmcp::ErrorData;
use rmcp::model::{ReadResourceResult, Resource, ResourceContents, ResourceTemplate};
use serde::Serialize;
use serde_json::json;

use crate::app::App;
use crate::model::beijing_today;

const CLAUSE_PREFIX: &str = "talentdex://clause/";
pub const CLAUSE_TEMPLATE: &str = "talentdex://clause/{id}";
pub const DOCUMENTS: &str = "talentdex://documents";
const JSON: &str = "application/json";

/// The documents list, and each document as a clause.
pub fn list(app: &App) -> Vec<Resource> {
    let mut resources = vec![
        Resource::new(DOCUMENTS, "documents")
            .with_title("The documents")
            .with_description(
                "Every document talentdex holds, with its titles, issuer, number, dates, \
                 whether its English is official, and whether it is in force today.",
            )
            .with_mime_type(JSON),
    ];
    resources.extend(app.corpus().documents().iter().map(|d| {
        Resource::new(format!("{CLAUSE_PREFIX}{}", d.id), d.id.clone())
            .with_title(format!("{} / {}", d.title.zh, d.title.en))
            .with_description("The whole document as a clause: its text and its children's IDs.")
            .with_mime_type(JSON)
    }));
    resources
}

pub fn templates() -> Vec<ResourceTemplate> {
    vec![
        ResourceTemplate::new(CLAUSE_TEMPLATE, "clause")
            .with_title("A clause by its ID")
            .with_description(
                "One clause as `/api/clauses/{id}` returns it: texts in Chinese (authoritative) \
                 and English, citations in both languages, page path, parent, children, \
                 breadcrumbs and related clauses. IDs look like bj2022-a1/2.8 or bj2022-a2/6.",
            )
            .with_mime_type(JSON),
    ]
}

/// The resource at `uri`; an unknown one is MCP's "resource not found", with the API's code.
pub fn read(app: &App, uri: &str) -> Result<ReadResourceResult, ErrorData> {
    if uri == DOCUMENTS {
        return contents(uri, &app.documents_view(beijing_today()));
    }
    let Some(id) = uri.strip_prefix(CLAUSE_PREFIX) else {
        return Err(not_found(format!(
            "no resource `{uri}`; resources are {DOCUMENTS} and {CLAUSE_TEMPLATE}"
        )));
    };
    let clause = app.clause(id).map_err(|e| not_found(e.to_string()))?;
    contents(uri, &app.clause_view(clause))
}

fn contents<T: Serialize>(uri: &str, value: &T) -> Result<ReadResourceResult, ErrorData> {
    let text = serde_json::to_string(value)
        .map_err(|e| ErrorData::internal_error(format!("cannot serialise: {e}"), None))?;
    Ok(ReadResourceResult::new(vec![
        ResourceContents::text(text, uri).with_mime_type(JSON),
    ]))
}

fn not_found(message: String) -> ErrorData {
    let data = json!({"code": crate::app::ErrorCode::NotFound.as_str()});
    ErrorData::resource_not_found(message, Some(data))
}
