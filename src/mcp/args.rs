//! MCP: reading a tool's arguments as the API reads its requests. Arguments of the read tools
//! become the query pairs of the API route they mirror (`query` is search's `q`), so the same
//! parser answers with the same error codes; a failure is a `ToolError` with the API's code and
//! message, which the server returns as a tool error, never as a protocol error.

use rmcp::model::JsonObject;
use serde_json::{Value, json};

use crate::app::{AppError, ErrorBody, ErrorCode};

/// A tool call that failed: the code and message the HTTP API gives for the same mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolError {
    pub code: ErrorCode,
    pub message: String,
}

impl ToolError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ToolError {
            code,
            message: message.into(),
        }
    }

    /// The API's error body, `{"error": {"code", "message"}}` (an `internal` one without its
    /// details, which go to the log).
    pub fn body(&self) -> Value {
        if self.code == ErrorCode::Internal {
            tracing::error!(message = %self.message, "an MCP tool failed");
        }
        serde_json::to_value(ErrorBody::new(self.code, &self.message, None))
            .unwrap_or_else(|_| json!({"error": {"code": self.code.as_str()}}))
    }
}

impl<E: Into<AppError>> From<E> for ToolError {
    fn from(e: E) -> Self {
        let e = e.into();
        ToolError::new(e.code(), e.to_string())
    }
}

/// One argument of a read tool: its name, the API parameter it is, its JSON type in the input
/// schema, and what it means.
#[derive(Debug, Clone, Copy)]
pub struct Arg {
    pub name: &'static str,
    pub param: &'static str,
    pub kind: ArgKind,
    pub required: bool,
    pub description: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    String,
    /// A whole number; its allowed values, if they are fewer than all.
    Integer {
        maximum: Option<usize>,
    },
    /// One of a few strings.
    OneOf(&'static [&'static str]),
}

/// The input schema of a read tool's arguments.
pub fn input_schema(args: &[Arg]) -> JsonObject {
    let properties: serde_json::Map<String, Value> = args
        .iter()
        .map(|a| {
            let mut schema = match a.kind {
                ArgKind::String => json!({"type": "string"}),
                ArgKind::Integer { maximum } => {
                    let mut s = json!({"type": "integer", "minimum": 0});
                    if let Some(max) = maximum {
                        s["maximum"] = json!(max);
                    }
                    s
                }
                ArgKind::OneOf(values) => json!({"type": "string", "enum": values}),
            };
            schema["description"] = json!(a.description);
            (a.name.to_string(), schema)
        })
        .collect();
    let required: Vec<&str> = args.iter().filter(|a| a.required).map(|a| a.name).collect();
    let schema = json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    });
    match schema {
        Value::Object(object) => object,
        _ => JsonObject::new(),
    }
}

/// The arguments as the API's query pairs: each named as `args` names its parameter, a string
/// or a number as its text (as a query string carries it), `null` as absent. An argument the
/// tool does not take, or of another JSON type, is a `bad_query`.
pub fn pairs(
    tool: &str,
    arguments: Option<JsonObject>,
    args: &[Arg],
) -> Result<Vec<(String, String)>, ToolError> {
    let mut pairs = Vec::new();
    for (name, value) in arguments.unwrap_or_default() {
        let Some(arg) = args.iter().find(|a| a.name == name) else {
            let known: Vec<&str> = args.iter().map(|a| a.name).collect();
            return Err(ToolError::new(
                ErrorCode::BadQuery,
                format!(
                    "unknown argument `{name}`; {tool} takes {}",
                    known.join(", ")
                ),
            ));
        };
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            other => {
                return Err(ToolError::new(
                    ErrorCode::BadQuery,
                    format!(
                        "`{name}` must be a string or a number, not {}",
                        json_type(&other)
                    ),
                ));
            }
        };
        pairs.push((arg.param.to_string(), text));
    }
    Ok(pairs)
}

/// The value of one parameter among the pairs.
pub fn take(pairs: &mut Vec<(String, String)>, param: &str) -> Option<String> {
    let at = pairs.iter().position(|(n, _)| n == param)?;
    Some(pairs.remove(at).1)
}

/// What kind of JSON value this is, as an error names it.
pub fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARGS: &[Arg] = &[
        Arg {
            name: "query",
            param: "q",
            kind: ArgKind::String,
            required: true,
            description: "",
        },
        Arg {
            name: "limit",
            param: "limit",
            kind: ArgKind::Integer { maximum: Some(50) },
            required: false,
            description: "",
        },
    ];

    fn object(value: Value) -> Option<JsonObject> {
        value.as_object().cloned()
    }

    #[test]
    fn arguments_become_the_api_parameters() {
        let mut got = pairs("search", object(json!({"query": "芯片", "limit": 3})), ARGS).unwrap();
        got.sort();
        assert_eq!(
            got,
            vec![("limit".into(), "3".into()), ("q".into(), "芯片".into())]
        );
        let got = pairs("search", object(json!({"query": "x", "limit": null})), ARGS).unwrap();
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn unknown_and_mistyped_arguments_are_bad_queries() {
        let e = pairs("search", object(json!({"q": "x"})), ARGS).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadQuery);
        assert!(
            e.message.contains("search takes query, limit"),
            "{}",
            e.message
        );
        let e = pairs("search", object(json!({"query": ["x"]})), ARGS).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadQuery);
        assert!(e.message.contains("not an array"), "{}", e.message);
    }

    #[test]
    fn the_input_schema_names_every_argument() {
        let schema = input_schema(ARGS);
        assert_eq!(schema["required"], json!(["query"]));
        assert_eq!(schema["properties"]["limit"]["maximum"], 50);
        assert_eq!(schema["additionalProperties"], false);
    }
}
