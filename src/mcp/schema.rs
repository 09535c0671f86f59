//! MCP: the JSON Schemas of the tools, made from the same utoipa descriptions the OpenAPI
//! document is made of — a type's schema with every schema it refers to under `$defs` — so a
//! tool's output schema is the schema of the API answer it returns, never a second description.

use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use rmcp::model::JsonObject;

/// Where OpenAPI keeps named schemas, and where a standalone JSON Schema keeps them.
const OPENAPI_REFS: &str = "#/components/schemas/";
const JSON_SCHEMA_REFS: &str = "#/$defs/";

/// The JSON Schema of `T`: an object schema, with the schemas it refers to under `$defs`.
pub fn of<T: ToSchema>() -> JsonObject {
    let mut named = Vec::new();
    T::schemas(&mut named);
    let mut defs = Map::new();
    for (name, schema) in named {
        let mut schema = serde_json::to_value(schema).unwrap_or(Value::Null);
        rewrite_refs(&mut schema);
        defs.insert(name, schema);
    }
    let mut root = serde_json::to_value(T::schema()).unwrap_or(Value::Null);
    rewrite_refs(&mut root);
    let mut root = match root {
        Value::Object(object) if !object.contains_key("$ref") => object,
        // A root that only refers to a named schema: that schema's own body at the root.
        other => {
            let mut object = Map::new();
            object.insert("allOf".into(), json!([other]));
            object
        }
    };
    // MCP requires an object schema at the root of an input or output schema.
    root.entry("type").or_insert_with(|| json!("object"));
    if !defs.is_empty() {
        root.insert("$defs".into(), Value::Object(defs));
    }
    root
}

/// `#/components/schemas/X` becomes `#/$defs/X`, at any depth.
fn rewrite_refs(value: &mut Value) {
    match value {
        Value::Object(object) => {
            for (key, inner) in object.iter_mut() {
                match inner {
                    Value::String(target) if key == "$ref" => {
                        if let Some(name) = target.strip_prefix(OPENAPI_REFS) {
                            *target = format!("{JSON_SCHEMA_REFS}{name}");
                        }
                    }
                    _ => rewrite_refs(inner),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::views::ClauseView;
    use crate::search::Results;

    /// Every `$ref` target in `value`.
    fn refs(value: &Value) -> Vec<String> {
        let mut found = Vec::new();
        collect_refs(value, &mut found);
        found
    }

    fn collect_refs(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                for (key, inner) in object {
                    match inner {
                        Value::String(target) if key == "$ref" => found.push(target.clone()),
                        _ => collect_refs(inner, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| collect_refs(v, found)),
            _ => {}
        }
    }

    /// Every reference of a schema resolves inside it: a client validating against it needs
    /// nothing else.
    fn self_contained(schema: &JsonObject) {
        let value = Value::Object(schema.clone());
        for target in refs(&value) {
            let name = target
                .strip_prefix(JSON_SCHEMA_REFS)
                .unwrap_or_else(|| panic!("{target} is not a local reference"));
            assert!(
                schema["$defs"].get(name).is_some(),
                "{target} is not defined"
            );
        }
    }

    #[test]
    fn a_schema_carries_what_it_refers_to_under_defs() {
        let schema = of::<ClauseView<'static>>();
        assert_eq!(schema["type"], "object");
        assert!(schema["$defs"].get("Clause").is_some(), "{schema:?}");
        self_contained(&schema);
        let results = of::<Results<'static>>();
        assert!(results["properties"].get("hits").is_some());
        self_contained(&results);
    }
}
