//! Eligibility (model → eligibility → web/cli): the facts as flat query parameters, the nested ones
//! joined with dots (`founder.investment_usd=600000`, `meets.bj2022-a1/3.5=true`), turned into the
//! same JSON a body carries so both paths share one reader and one set of errors. The names and
//! their types are read from the `Facts` definition itself (its schema, which the compiler derives
//! from the field types), so a new fact cannot be forgotten here or given the wrong type.

use std::sync::LazyLock;

use serde_json::{Map, Value};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{AdditionalProperties, Schema, SchemaType, Type};
use utoipa::{PartialSchema, ToSchema};

use super::EligibilityError;
use super::facts::Facts;

/// Characters that separate several awards in one `awards` parameter.
pub const AWARD_SEPARATORS: [char; 3] = [',', '，', '、'];
/// How a map fact's key is written in the parameter list (`meets.{clause}`).
pub const MAP_KEY: &str = "{clause}";
/// The longest name quoted back in an error.
const MAX_QUOTED_NAME: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamType {
    Integer,
    Number,
    Bool,
    Text,
    List,
    /// An object of its own (`founder`): its fields are parameters `founder.<field>`.
    Nested,
    /// A map from clause ID to true/false (`meets`): parameters `meets.<clause id>`.
    BoolMap,
}

impl ParamType {
    /// Whether a parameter of this type carries a value (not an object of other parameters).
    pub(crate) fn is_value(self) -> bool {
        !matches!(self, ParamType::Nested | ParamType::BoolMap)
    }

    fn describe(self) -> &'static str {
        match self {
            ParamType::Integer => "a whole number",
            ParamType::Number => "a number",
            ParamType::Bool | ParamType::BoolMap => "true or false",
            ParamType::Text | ParamType::List | ParamType::Nested => "text",
        }
    }
}

/// Every fact and its type, in the order `Facts` declares them, nested ones flattened.
static PARAMS: LazyLock<Vec<(String, ParamType)>> = LazyLock::new(derive);

/// Every fact name accepted as a query parameter, nested ones flattened with dots and a map's key
/// written `{clause}` (`meets.{clause}`).
pub static FACT_PARAMS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    PARAMS
        .iter()
        .filter(|(_, t)| *t != ParamType::Nested)
        .map(|(n, t)| match t {
            ParamType::BoolMap => &*Box::leak(format!("{n}.{MAP_KEY}").into_boxed_str()),
            _ => n.as_str(),
        })
        .collect()
});

fn derive() -> Vec<(String, ParamType)> {
    let mut named = Vec::new();
    <Facts as ToSchema>::schemas(&mut named);
    let mut out = Vec::new();
    walk(&Facts::schema(), "", &named, &mut out);
    out
}

fn walk(
    schema: &RefOr<Schema>,
    prefix: &str,
    named: &[(String, RefOr<Schema>)],
    out: &mut Vec<(String, ParamType)>,
) {
    let Some(Schema::Object(object)) = resolve(schema, named) else {
        return;
    };
    for (field, property) in &object.properties {
        let name = format!("{prefix}{field}");
        let kind = kind_of(property, named);
        out.push((name.clone(), kind));
        if kind == ParamType::Nested {
            walk(property, &format!("{name}."), named, out);
        }
    }
}

/// The schema itself: a reference followed, `oneOf [null, X]` (an optional object) read as X.
fn resolve<'a>(
    schema: &'a RefOr<Schema>,
    named: &'a [(String, RefOr<Schema>)],
) -> Option<&'a Schema> {
    match schema {
        RefOr::Ref(r) => {
            let name = r.ref_location.rsplit('/').next()?;
            let (_, target) = named.iter().find(|(n, _)| n == name)?;
            resolve(target, named)
        }
        RefOr::T(Schema::OneOf(one)) => one
            .items
            .iter()
            .filter_map(|item| resolve(item, named))
            .find(|s| !is_null(s)),
        RefOr::T(s) => Some(s),
    }
}

fn is_null(schema: &Schema) -> bool {
    matches!(schema, Schema::Object(o) if o.schema_type == SchemaType::Type(Type::Null))
}

fn kind_of(schema: &RefOr<Schema>, named: &[(String, RefOr<Schema>)]) -> ParamType {
    match resolve(schema, named) {
        Some(Schema::Array(_)) => ParamType::List,
        Some(Schema::Object(o)) if !o.properties.is_empty() => ParamType::Nested,
        Some(Schema::Object(o)) if o.additional_properties.is_some() => {
            match o.additional_properties.as_deref() {
                Some(AdditionalProperties::RefOr(_)) => ParamType::BoolMap,
                _ => ParamType::Text,
            }
        }
        Some(Schema::Object(o)) => {
            let types: Vec<&Type> = match &o.schema_type {
                SchemaType::Type(t) => vec![t],
                SchemaType::Array(ts) => ts.iter().collect(),
                SchemaType::AnyValue => Vec::new(),
            };
            let has = |t: Type| types.iter().any(|x| **x == t);
            if has(Type::Integer) {
                ParamType::Integer
            } else if has(Type::Number) {
                ParamType::Number
            } else if has(Type::Boolean) {
                ParamType::Bool
            } else {
                ParamType::Text
            }
        }
        _ => ParamType::Text,
    }
}

/// Whether a JSON key at this dotted place holds an object of facts of its own.
pub(crate) fn is_nested(name: &str) -> bool {
    PARAMS
        .iter()
        .any(|(n, t)| n == name && *t == ParamType::Nested)
}

/// The type of a fact parameter, or `None` for a name that is not a fact. `meets.<id>` is a
/// true/false answer; `meets` itself is the map.
pub(crate) fn param_type(name: &str) -> Option<ParamType> {
    if let Some((_, t)) = PARAMS.iter().find(|(n, _)| n == name) {
        return Some(*t);
    }
    let (outer, key) = name.split_once('.')?;
    let map = PARAMS
        .iter()
        .any(|(n, t)| n == outer && *t == ParamType::BoolMap);
    (map && !key.is_empty()).then_some(ParamType::Bool)
}

pub(crate) fn unknown(name: &str) -> EligibilityError {
    let quoted: String = name.chars().take(MAX_QUOTED_NAME).collect();
    let cut = if quoted.len() < name.len() { "…" } else { "" };
    EligibilityError::UnknownFact {
        name: format!("{quoted}{cut}"),
        known: FACT_PARAMS.join(", "),
    }
}

/// Build the JSON object the pairs describe, converting each value to its fact's type.
pub(crate) fn pairs_to_json(pairs: &[(String, String)]) -> Result<Value, EligibilityError> {
    let mut top = Map::new();
    for (name, raw) in pairs {
        let kind = param_type(name).ok_or_else(|| unknown(name))?;
        if !kind.is_value() {
            return Err(unknown(name));
        }
        let (object, key) = match name.split_once('.') {
            Some((outer, key)) => {
                let inner = top
                    .entry(outer)
                    .or_insert_with(|| Value::Object(Map::new()));
                let Value::Object(inner) = inner else {
                    return Err(unknown(outer));
                };
                (inner, key)
            }
            None => (&mut top, name.as_str()),
        };
        if kind == ParamType::List {
            let list = object
                .entry(key)
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.extend(
                    raw.split(AWARD_SEPARATORS)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| Value::String(s.to_string())),
                );
            }
            continue;
        }
        if object.contains_key(key) {
            return Err(EligibilityError::invalid(
                name,
                "is given more than once (only awards may repeat)",
            ));
        }
        object.insert(key.to_string(), typed(name, kind, raw)?);
    }
    Ok(Value::Object(top))
}

fn typed(name: &str, kind: ParamType, raw: &str) -> Result<Value, EligibilityError> {
    let bad = || EligibilityError::invalid(name, format!("the value is not {}", kind.describe()));
    let s = raw.trim();
    Ok(match kind {
        ParamType::Integer => Value::from(s.parse::<i64>().map_err(|_| bad())?),
        ParamType::Number => {
            let n: f64 = s.parse().map_err(|_| bad())?;
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(bad)?
        }
        ParamType::Bool | ParamType::BoolMap => Value::Bool(match s {
            "true" => true,
            "false" => false,
            _ => return Err(bad()),
        }),
        ParamType::Text | ParamType::List | ParamType::Nested => Value::String(raw.to_string()),
    })
}

/// Whether the schema marks a field required (none is: every fact is optional).
#[cfg(test)]
fn any_required() -> bool {
    match Facts::schema() {
        RefOr::T(Schema::Object(o)) => !o.required.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An example value of each type, as a query string writes it.
    fn example(kind: ParamType) -> &'static str {
        match kind {
            ParamType::Integer => "35",
            ParamType::Number => "6.5",
            ParamType::Bool | ParamType::BoolMap => "true",
            ParamType::Text | ParamType::List | ParamType::Nested => "x",
        }
    }

    // Regression (issue 10): the names and types were a hand-kept list beside `Facts`; a bool
    // fact missing from its type arm parsed as a number. Every derived parameter must now be
    // accepted by the `Facts` reader with a value of its derived type, and refused with a value
    // of another type (text facts take anything, so they are only checked for acceptance).
    #[test]
    fn every_derived_parameter_reads_with_its_type() {
        assert!(!any_required(), "every fact is optional");
        let params: Vec<(String, ParamType)> = PARAMS
            .iter()
            .filter(|(_, t)| *t != ParamType::Nested)
            .cloned()
            .collect();
        assert!(params.len() >= 26, "{params:?}");
        for (name, kind) in &params {
            let name = match kind {
                ParamType::BoolMap => format!("{name}.bj2022-a1/3.5"),
                _ => name.clone(),
            };
            let value = match name.as_str() {
                "as_of" => "2026-11-21",
                "degree" => "master",
                "postdoc_institution" => "enterprise",
                "post" => "3",
                "phd_graduation_year" => "2020",
                "phd_university_rank" => "50",
                _ => example(*kind),
            };
            let pairs = vec![(name.clone(), value.to_string())];
            let read = Facts::from_query_pairs(&pairs);
            assert!(read.is_ok(), "{name}={value}: {read:?}");
            if matches!(
                kind,
                ParamType::Integer | ParamType::Bool | ParamType::BoolMap
            ) {
                let wrong = vec![(name.clone(), "1.5x".to_string())];
                assert!(
                    Facts::from_query_pairs(&wrong).is_err(),
                    "{name} takes only its type"
                );
            }
        }
        let kinds: Vec<(&str, ParamType)> = PARAMS.iter().map(|(n, t)| (n.as_str(), *t)).collect();
        for (name, kind) in [
            ("postdoc", ParamType::Bool),
            ("founder.ip_contribution", ParamType::Bool),
            ("age", ParamType::Integer),
            ("salary_multiple", ParamType::Number),
            ("awards", ParamType::List),
            ("meets", ParamType::BoolMap),
            ("company", ParamType::Nested),
        ] {
            assert!(
                kinds.contains(&(name, kind)),
                "{name} is {kind:?}: {kinds:?}"
            );
        }
    }
}
