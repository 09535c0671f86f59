//! Eligibility (model → eligibility → web/cli): the facts as flat query parameters, the nested ones
//! joined with dots (`founder.investment_usd=600000`), turned into the same JSON a body carries so
//! both paths share one reader and one set of errors.

use serde_json::{Map, Value};

use super::EligibilityError;

/// Every fact name accepted as a query parameter, nested ones flattened with dots.
pub const FACT_PARAMS: &[&str] = &[
    "as_of",
    "age",
    "degree",
    "major",
    "years_experience",
    "experience_field",
    "professional_qualification",
    "postdoc",
    "stem",
    "phd_university_rank",
    "phd_graduation_year",
    "salary_multiple",
    "points",
    "awards",
    "founder.investment_usd",
    "founder.share_percent",
    "founder.years_stable",
    "founder.ip_contribution",
    "company.role",
    "company.annual_sales_cny",
    "company.annual_tax_cny",
    "company.consecutive_years",
    "company.ip_contribution",
    "post",
];

/// The facts that are objects of their own in JSON.
pub(crate) const NESTED: [&str; 2] = ["founder", "company"];

/// Characters that separate several awards in one `awards` parameter.
pub const AWARD_SEPARATORS: [char; 3] = [',', '，', '、'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamType {
    Integer,
    Number,
    Bool,
    Text,
    List,
}

impl ParamType {
    fn describe(self) -> &'static str {
        match self {
            ParamType::Integer => "a whole number",
            ParamType::Number => "a number",
            ParamType::Bool => "true or false",
            ParamType::Text | ParamType::List => "text",
        }
    }
}

/// The type of a fact parameter, or `None` for a name that is not a fact.
pub(crate) fn param_type(name: &str) -> Option<ParamType> {
    use ParamType::*;
    FACT_PARAMS.contains(&name).then(|| match name {
        "age" | "phd_university_rank" | "phd_graduation_year" | "post" => Integer,
        "professional_qualification" | "postdoc" | "stem" => Bool,
        n if n.ends_with("ip_contribution") => Bool,
        "as_of" | "degree" | "major" | "experience_field" | "company.role" => Text,
        "awards" => List,
        _ => Number,
    })
}

pub(crate) fn unknown(name: &str) -> EligibilityError {
    EligibilityError::UnknownFact {
        name: name.to_string(),
        known: FACT_PARAMS.join(", "),
    }
}

/// Build the JSON object the pairs describe, converting each value to its fact's type.
pub(crate) fn pairs_to_json(pairs: &[(String, String)]) -> Result<Value, EligibilityError> {
    let mut top = Map::new();
    for (name, raw) in pairs {
        let kind = param_type(name).ok_or_else(|| unknown(name))?;
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
    let bad = || EligibilityError::invalid(name, format!("`{raw}` is not {}", kind.describe()));
    let s = raw.trim();
    Ok(match kind {
        ParamType::Integer => Value::from(s.parse::<i64>().map_err(|_| bad())?),
        ParamType::Number => {
            let n: f64 = s.parse().map_err(|_| bad())?;
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(bad)?
        }
        ParamType::Bool => Value::Bool(match s {
            "true" => true,
            "false" => false,
            _ => return Err(bad()),
        }),
        ParamType::Text | ParamType::List => Value::String(raw.to_string()),
    })
}
