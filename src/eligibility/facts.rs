//! Eligibility (model → eligibility → web/cli): the applicant's facts as the SPEC names them, read
//! from JSON (a body or a file) and checked value by value. Every error names the dotted field.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

use super::EligibilityError;
use super::params;
use crate::model::{Degree, beijing_today};

/// A work permit needs an applicant of at least 18 (外国人在中国就业管理规定 第八条).
pub const MIN_AGE: i64 = 18;
/// Older than anyone on record: an age above this is a typing mistake.
pub const MAX_AGE: i64 = 120;
/// The earliest doctorate year worth taking seriously.
pub const MIN_GRADUATION_YEAR: i64 = 1900;
/// Percentages are out of a hundred.
pub const MAX_PERCENT: f64 = 100.0;

/// What the applicant says about themselves. Every fact is optional; a fact not given leaves the
/// checks that need it `unknown`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The date the rules are read at (and "近五年" counted back from); today in Beijing if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
    /// The highest degree, or the level of an equivalent qualification ("或相当学历"): none,
    /// bachelor, master or doctorate (or 无, 学士, 硕士, 博士), in any case.
    #[schema(value_type = Option<String>, examples("doctorate", "博士"))]
    #[serde(
        default,
        deserialize_with = "degree_word",
        skip_serializing_if = "Option::is_none"
    )]
    pub degree: Option<Degree>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major: Option<String>,
    /// Years of relevant experience, as the applicant counts them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_experience: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience_field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub professional_qualification: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postdoc: Option<bool>,
    /// The doctorate is in a science, technology, engineering or mathematics field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stem: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phd_university_rank: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phd_graduation_year: Option<i64>,
    /// Annual pay over the region's average wage of the previous year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary_multiple: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Awards held, in either language (see `corpus/awards.toml`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founder: Option<Founder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<Company>,
    /// Narrow the answer to this post of Annex 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<u32>,
}

/// The founder of an enterprise (bj2022-a1/4.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Founder {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment_usd: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_percent: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years_stable: Option<f64>,
    /// The enterprise was funded with the applicant's own inventions, patents or proprietary technology.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_contribution: Option<bool>,
}

/// The head of an enterprise (bj2022-a1/4.2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Company {
    /// chairman, legal_representative, general_manager, chief_technical_expert (or the Chinese
    /// titles); any other role does not meet 4.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_sales_cny: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_tax_cny: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consecutive_years: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_contribution: Option<bool>,
}

/// The words `degree` accepts, each with its level: the SPEC's four and the Chinese degree names.
pub const DEGREE_WORDS: [(&str, Degree); 8] = [
    ("none", Degree::None),
    ("bachelor", Degree::Bachelor),
    ("master", Degree::Master),
    ("doctorate", Degree::Doctorate),
    ("无", Degree::None),
    ("学士", Degree::Bachelor),
    ("硕士", Degree::Master),
    ("博士", Degree::Doctorate),
];

/// Read a degree word (case-insensitive), or say which words there are.
pub fn parse_degree(word: &str) -> Result<Degree, String> {
    let w = word.trim().to_lowercase();
    DEGREE_WORDS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|&(_, d)| d)
        .ok_or_else(|| {
            let names: Vec<&str> = DEGREE_WORDS.iter().map(|(n, _)| *n).collect();
            format!("unknown degree `{word}`; use one of {}", names.join(", "))
        })
}

fn degree_word<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Degree>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|w| parse_degree(&w).map_err(serde::de::Error::custom))
        .transpose()
}

impl Facts {
    /// Read facts from JSON text (a file or a body), then validate them.
    pub fn from_json(text: &str) -> Result<Facts, EligibilityError> {
        if text.trim().is_empty() {
            return Ok(Facts::default());
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| EligibilityError::NotJson {
                problem: e.to_string(),
            })?;
        Facts::from_value(value)
    }

    /// Read facts from a parsed JSON value, rejecting unknown names, then validate them.
    pub fn from_value(value: serde_json::Value) -> Result<Facts, EligibilityError> {
        check_names(&value, "")?;
        let facts: Facts = serde_path_to_error::deserialize(value).map_err(|e| {
            let field = e.path().to_string();
            EligibilityError::invalid(field, e.into_inner().to_string())
        })?;
        facts.validate()?;
        Ok(facts)
    }

    /// Read facts from query parameters (`age=35&founder.share_percent=30&awards=图灵奖`).
    /// `awards` may repeat and each value may hold several names separated by `,`, `，` or `、`.
    pub fn from_query_pairs(pairs: &[(String, String)]) -> Result<Facts, EligibilityError> {
        Facts::from_value(params::pairs_to_json(pairs)?)
    }

    /// Whether `name` is a fact query parameter (so `/api/search` can tell them from its own).
    pub fn is_fact_param(name: &str) -> bool {
        params::param_type(name).is_some()
    }

    /// The date the answer is for: `as_of`, or today in Beijing.
    pub fn as_of_or_today(&self) -> Date {
        self.as_of.unwrap_or_else(beijing_today)
    }

    /// Check every value; the first problem found names its field and what is wrong with it.
    pub fn validate(&self) -> Result<(), EligibilityError> {
        let as_of = self.as_of_or_today();
        if let Some(age) = self.age
            && !(MIN_AGE..=MAX_AGE).contains(&age)
        {
            return Err(EligibilityError::invalid(
                "age",
                format!("{age} is not a plausible applicant's age ({MIN_AGE}-{MAX_AGE})"),
            ));
        }
        text("major", self.major.as_deref())?;
        text("experience_field", self.experience_field.as_deref())?;
        amount("years_experience", self.years_experience)?;
        if let (Some(years), Some(age)) = (self.years_experience, self.age)
            && years > age as f64
        {
            return Err(EligibilityError::invalid(
                "years_experience",
                format!("{years} years of experience is more than the age {age}"),
            ));
        }
        if let Some(rank) = self.phd_university_rank
            && rank < 1
        {
            return Err(EligibilityError::invalid(
                "phd_university_rank",
                format!("{rank} is not a rank; ranks start at 1"),
            ));
        }
        if let Some(year) = self.phd_graduation_year
            && !(MIN_GRADUATION_YEAR..=i64::from(as_of.year())).contains(&year)
        {
            return Err(EligibilityError::invalid(
                "phd_graduation_year",
                format!(
                    "{year} is not a year between {MIN_GRADUATION_YEAR} and the as_of year {}",
                    as_of.year()
                ),
            ));
        }
        self.check_doctorate_consistency()?;
        amount("salary_multiple", self.salary_multiple)?;
        amount("points", self.points)?;
        for (i, award) in self.awards.iter().enumerate() {
            text(&format!("awards[{i}]"), Some(award))?;
        }
        if let Some(f) = &self.founder {
            amount("founder.investment_usd", f.investment_usd)?;
            percent("founder.share_percent", f.share_percent)?;
            amount("founder.years_stable", f.years_stable)?;
        }
        if let Some(c) = &self.company {
            text("company.role", c.role.as_deref())?;
            amount("company.annual_sales_cny", c.annual_sales_cny)?;
            amount("company.annual_tax_cny", c.annual_tax_cny)?;
            amount("company.consecutive_years", c.consecutive_years)?;
        }
        if self.post == Some(0) {
            return Err(EligibilityError::invalid(
                "post",
                "0 is not a post number; posts are numbered from 1",
            ));
        }
        Ok(())
    }

    /// A doctorate's rank or year with a lower degree stated contradicts itself.
    fn check_doctorate_consistency(&self) -> Result<(), EligibilityError> {
        let Some(degree) = self.degree.filter(|d| *d < Degree::Doctorate) else {
            return Ok(());
        };
        let field = if self.phd_university_rank.is_some() {
            "phd_university_rank"
        } else if self.phd_graduation_year.is_some() {
            "phd_graduation_year"
        } else {
            return Ok(());
        };
        Err(EligibilityError::invalid(
            field,
            format!(
                "a doctorate's {field} is given but degree is `{}`",
                degree.as_str()
            ),
        ))
    }
}

fn text(field: &str, value: Option<&str>) -> Result<(), EligibilityError> {
    match value {
        Some(v) if v.trim().is_empty() => Err(EligibilityError::invalid(field, "is empty")),
        _ => Ok(()),
    }
}

fn amount(field: &str, value: Option<f64>) -> Result<(), EligibilityError> {
    match value {
        Some(v) if !v.is_finite() => Err(EligibilityError::invalid(field, "is not a number")),
        Some(v) if v < 0.0 => Err(EligibilityError::invalid(field, format!("{v} is negative"))),
        _ => Ok(()),
    }
}

fn percent(field: &str, value: Option<f64>) -> Result<(), EligibilityError> {
    amount(field, value)?;
    match value {
        Some(v) if v > MAX_PERCENT => Err(EligibilityError::invalid(
            field,
            format!("{v} is more than {MAX_PERCENT}%"),
        )),
        _ => Ok(()),
    }
}

/// Reject any name the schema does not know, at the top level and inside `founder`/`company`.
fn check_names(value: &serde_json::Value, prefix: &str) -> Result<(), EligibilityError> {
    let serde_json::Value::Object(map) = value else {
        if prefix.is_empty() {
            return Err(EligibilityError::NotAnObject {
                found: json_kind(value),
            });
        }
        return Ok(());
    };
    for (key, inner) in map {
        let name = format!("{prefix}{key}");
        if params::NESTED.contains(&name.as_str()) {
            check_names(inner, &format!("{name}."))?;
        } else if params::param_type(&name).is_none() {
            return Err(params::unknown(&name));
        }
    }
    Ok(())
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}
