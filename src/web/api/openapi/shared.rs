//! Web: what the OpenAPI document's operations share, added once utoipa has read the attributes —
//! the stable error codes on the `Error` schema, the generic answers (304, 405, 414, 500, 503) as
//! reusable responses referenced by every operation that can give them, and the applicant facts
//! as query parameters, from `FACT_PARAMS` (what the parser reads) and the `Facts` schema (their
//! types and descriptions), so the two cannot drift apart.

use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn, ParameterStyle};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{Schema, SchemaType, Type};
use utoipa::openapi::{Ref, RefOr, Required};
use utoipa::{Modify, PartialSchema};

use crate::eligibility::{Company, FACT_PARAMS, Facts, Founder};
use crate::web::http::error::ERROR_CODES;
use crate::web::http::layers::UNCACHED;

/// The routes that read the applicant facts from their query string.
const FACT_ROUTES: [&str; 3] = ["/api/search", "/eligibility", "/search"];
/// The name of the shared error schema.
const ERROR_SCHEMA: &str = "Error";

/// utoipa's modifier for `ApiDoc`.
pub struct Shared;

impl Modify for Shared {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        describe_error_codes(doc);
        add_generic_responses(doc);
        for path in FACT_ROUTES {
            if let Some(op) = doc.paths.paths.get_mut(path).and_then(|p| p.get.as_mut()) {
                op.parameters
                    .get_or_insert_with(Vec::new)
                    .extend(fact_params().into_iter().map(RefOr::T));
            }
        }
    }
}

/// List every stable code, with its status and meaning, in the `Error` schema's description.
fn describe_error_codes(doc: &mut utoipa::openapi::OpenApi) {
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    let Some(RefOr::T(Schema::Object(error))) = components.schemas.get_mut(ERROR_SCHEMA) else {
        return;
    };
    let mut text = error.description.take().unwrap_or_default();
    text.push_str("\n\nThe stable codes (status: when):\n");
    for (code, statuses, when) in ERROR_CODES {
        let statuses: Vec<String> = statuses.iter().map(u16::to_string).collect();
        text.push_str(&format!("\n- `{code}` ({}): {when}", statuses.join(", ")));
    }
    error.description = Some(text);
}

/// An answer any route may give whatever its input, kept once in `components.responses`.
struct Generic {
    name: &'static str,
    description: &'static str,
    /// A header it carries, and what it says.
    header: Option<(&'static str, &'static str)>,
    /// Whether its body can be the JSON `Error`, and whether an HTML page.
    json: bool,
    html: bool,
}

const GENERIC: [Generic; 5] = [
    Generic {
        name: "NotModified",
        description: "`If-None-Match` named the current `ETag` (the corpus hash and Beijing's date): \
            the copy the client holds is current.",
        header: None,
        json: false,
        html: false,
    },
    Generic {
        name: "MethodNotAllowed",
        description: "The path does not answer this method: `method_not_allowed` under `/api/`, \
            an HTML page elsewhere.",
        header: Some(("Allow", "The methods the path answers.")),
        json: true,
        html: true,
    },
    Generic {
        name: "UriTooLong",
        description: "The request target is longer than the HTTP server reads (65 534 bytes): \
            refused before routing, without a body.",
        header: None,
        json: false,
        html: false,
    },
    Generic {
        name: "Internal",
        description: "`internal`: the server failed. Never an answer to bad input; pages may \
            answer an HTML page instead.",
        header: None,
        json: true,
        html: true,
    },
    Generic {
        name: "Unavailable",
        description: "`overloaded` (too many requests in flight; retry after `Retry-After` \
            seconds) or `timeout` (the request took longer than the time limit).",
        header: Some((
            "Retry-After",
            "Seconds to wait before retrying (with `overloaded`).",
        )),
        json: true,
        html: false,
    },
];

/// Keep the generic answers as reusable responses and reference them from every operation.
fn add_generic_responses(doc: &mut utoipa::openapi::OpenApi) {
    let responses = GENERIC.iter().map(|g| {
        let mut response = ResponseBuilder::new().description(g.description);
        if let Some((name, description)) = g.header {
            let header = HeaderBuilder::new()
                .schema(Some(String::schema()))
                .description(Some(description));
            response = response.header(name, header.build());
        }
        if g.json {
            let error = ContentBuilder::new().schema(Some(Ref::from_schema_name(ERROR_SCHEMA)));
            response = response.content("application/json", error.build());
        }
        if g.html {
            let page = ContentBuilder::new().schema(Some(String::schema()));
            response = response.content("text/html", page.build());
        }
        (g.name, response.build())
    });
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, response) in responses {
        components
            .responses
            .insert(name.to_string(), RefOr::T(response));
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        let cached = !UNCACHED.contains(&path.as_str());
        if let Some(get) = item.get.as_mut() {
            add_refs(get, cached);
        }
        if let Some(post) = item.post.as_mut() {
            add_refs(post, false);
        }
    }
}

/// Reference the generic answers an operation can give; 304 only for cached reads that answer 200.
fn add_refs(op: &mut Operation, cached: bool) {
    let responses = &mut op.responses.responses;
    let mut generic = vec![
        ("414", "UriTooLong"),
        ("500", "Internal"),
        ("503", "Unavailable"),
    ];
    if cached && responses.contains_key("200") {
        generic.push(("304", "NotModified"));
    }
    for (status, name) in generic {
        responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
    }
}

/// One optional query parameter per applicant fact, typed and described as the `Facts` body field
/// of the same (dotted) name.
fn fact_params() -> Vec<utoipa::openapi::path::Parameter> {
    FACT_PARAMS
        .iter()
        .map(|name| {
            let field = fact_field(name);
            let description = field.as_ref().and_then(description_of);
            let list = matches!(&field, Some(RefOr::T(Schema::Array(_))));
            ParameterBuilder::new()
                .name(*name)
                .parameter_in(ParameterIn::Query)
                .required(Required::False)
                .description(Some(format!(
                    "Applicant fact `{name}` (as in the eligibility body{}).{}",
                    if list {
                        "; repeat it or separate names with `,` `，` `、`"
                    } else {
                        ""
                    },
                    description.map(|d| format!(" {d}")).unwrap_or_default(),
                )))
                .style(list.then_some(ParameterStyle::Form))
                .explode(list.then_some(true))
                .schema(field.map(without_null))
                .build()
        })
        .collect()
}

/// The schema of a fact's field in the `Facts` body: `founder.share_percent` is `share_percent`
/// of `Founder`.
fn fact_field(name: &str) -> Option<RefOr<Schema>> {
    let (object, field) = match name.split_once('.') {
        None => (Facts::schema(), name),
        Some(("founder", field)) => (Founder::schema(), field),
        Some(("company", field)) => (Company::schema(), field),
        Some(_) => return None,
    };
    match object {
        RefOr::T(Schema::Object(o)) => o.properties.get(field).cloned(),
        _ => None,
    }
}

fn description_of(schema: &RefOr<Schema>) -> Option<String> {
    match schema {
        RefOr::T(Schema::Object(o)) => o.description.clone(),
        RefOr::T(Schema::Array(a)) => a.description.clone(),
        _ => None,
    }
}

/// A query parameter is absent rather than null: drop `null` from an optional field's types (or
/// its `oneOf`), and the description the parameter already carries.
fn without_null(schema: RefOr<Schema>) -> RefOr<Schema> {
    match schema {
        RefOr::T(Schema::Object(mut o)) => {
            if let SchemaType::Array(types) = &o.schema_type {
                let mut kept: Vec<Type> = types
                    .iter()
                    .filter(|t| **t != Type::Null)
                    .cloned()
                    .collect();
                o.schema_type = match kept.len() {
                    1 => SchemaType::Type(kept.remove(0)),
                    _ => SchemaType::Array(kept),
                };
            }
            o.description = None;
            RefOr::T(Schema::Object(o))
        }
        RefOr::T(Schema::Array(mut a)) => {
            a.description = None;
            RefOr::T(Schema::Array(a))
        }
        RefOr::T(Schema::OneOf(mut one_of)) => {
            one_of.items.retain(|item| !is_null(item));
            match one_of.items.len() {
                1 => one_of.items.remove(0),
                _ => RefOr::T(Schema::OneOf(one_of)),
            }
        }
        other => other,
    }
}

fn is_null(schema: &RefOr<Schema>) -> bool {
    matches!(schema, RefOr::T(Schema::Object(o)) if o.schema_type == SchemaType::Type(Type::Null))
}
