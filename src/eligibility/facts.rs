//! Eligibility (model → eligibility → web/cli): the applicant's facts as the SPEC names them, read
//! from JSON (a body or a file) and checked value by value. Every error names the dotted field.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize};

use super::EligibilityError;
use super::params;
use crate::model::{Degree, beijing_today};

/// The longest text a fact may hold, in characters. The longest name in the catalogue (a major, a
/// field, an award) is under 40; ten times that is room for any real one, and keeps an answer's
/// size bounded (a fact's text is quoted once, in `facts`).
pub const MAX_TEXT_CHARS: usize = 400;
/// The most awards one applicant lists; more than the 2.1 and 2.2 lists hold together.
pub const MAX_AWARDS: usize = 40;
/// Words that, as the only entry of `awards`, say "none" (read as `[]`, never as an award).
pub const NONE_WORDS: [&str; 7] = ["none", "no", "n/a", "nil", "无", "没有", "暂无"];

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
    /// Awards held, in either language (see `corpus/awards.toml`). Absent: not stated; `[]` (or
    /// `["none"]`, `["无"]`): none held, so 2.1 and 2.2 are not met.
    #[serde(
        default,
        deserialize_with = "award_names",
        skip_serializing_if = "Option::is_none"
    )]
    pub awards: Option<Vec<String>>,
    /// Where the postdoctoral research is done: `university_abroad_high_level`,
    /// `university_abroad`, `university_china`, `research_institution`, `enterprise` or
    /// `medical_institution` (national item 5 admits fewer kinds than Beijing's 5.1).
    #[schema(value_type = Option<String>, examples("university_china"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postdoc_institution: Option<PostdocInstitution>,
    /// Answers to the criteria only the applicant can attest: clause ID → true/false
    /// (`{"bj2022-a1/3.5": true}`). An answer about a clause whose counterpart is unchanged
    /// answers that one too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub meets: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founder: Option<Founder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<Company>,
    /// Narrow the answer to this post of Annex 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<u32>,
}

/// Where postdoctoral research is done, in the words of bj2022-a1/5.1 and cn2017-a/5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PostdocInstitution {
    /// 国（境）外高水平大学: a high-level university abroad.
    UniversityAbroadHighLevel,
    /// A university abroad not known to be high-level.
    UniversityAbroad,
    /// 中国境内高校: a higher-education institution in China.
    UniversityChina,
    /// 科研机构: a research institution.
    ResearchInstitution,
    /// 企业: an enterprise.
    Enterprise,
    /// 医疗卫生机构: a medical and health institution.
    MedicalInstitution,
}

impl PostdocInstitution {
    pub const ALL: [PostdocInstitution; 6] = [
        Self::UniversityAbroadHighLevel,
        Self::UniversityAbroad,
        Self::UniversityChina,
        Self::ResearchInstitution,
        Self::Enterprise,
        Self::MedicalInstitution,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::UniversityAbroadHighLevel => "university_abroad_high_level",
            Self::UniversityAbroad => "university_abroad",
            Self::UniversityChina => "university_china",
            Self::ResearchInstitution => "research_institution",
            Self::Enterprise => "enterprise",
            Self::MedicalInstitution => "medical_institution",
        }
    }

    pub fn names(self) -> crate::model::Bilingual {
        let (zh, en) = match self {
            Self::UniversityAbroadHighLevel => {
                ("国（境）外高水平大学", "a high-level university abroad")
            }
            Self::UniversityAbroad => ("国（境）外大学", "a university abroad"),
            Self::UniversityChina => ("中国境内高校", "a higher-education institution in China"),
            Self::ResearchInstitution => ("科研机构", "a research institution"),
            Self::Enterprise => ("企业", "an enterprise"),
            Self::MedicalInstitution => ("医疗卫生机构", "a medical and health institution"),
        };
        crate::model::Bilingual::new(zh, en)
    }
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

fn degree_word<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Degree>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|w| Degree::parse(&w).map_err(serde::de::Error::custom))
        .transpose()
}

/// `awards`, with a list of nothing but words for "none" read as `[]`.
fn award_names<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let Some(names) = Option::<Vec<String>>::deserialize(d)? else {
        return Ok(None);
    };
    let is_none_word = |n: &String| NONE_WORDS.iter().any(|w| n.trim().eq_ignore_ascii_case(w));
    let none_words = names.iter().filter(|n| is_none_word(n)).count();
    if none_words == 0 {
        Ok(Some(names))
    } else if none_words == names.len() {
        Ok(Some(Vec::new()))
    } else {
        Err(serde::de::Error::custom(
            "lists awards and also says none; give the awards, or [] for none",
        ))
    }
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
        params::param_type(name).is_some_and(params::ParamType::is_value)
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
        let awards = self.awards.as_deref().unwrap_or_default();
        if awards.len() > MAX_AWARDS {
            return Err(EligibilityError::invalid(
                "awards",
                format!(
                    "{} awards are more than the {MAX_AWARDS} a list may hold",
                    awards.len()
                ),
            ));
        }
        for (i, award) in awards.iter().enumerate() {
            text(&format!("awards[{i}]"), Some(award))?;
        }
        for id in self.meets.keys() {
            if id.chars().count() > MAX_TEXT_CHARS {
                return Err(EligibilityError::invalid(
                    "meets",
                    "a key is not a clause ID",
                ));
            }
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

/// A text fact: not blank, and not longer than any real one (the error never quotes it).
fn text(field: &str, value: Option<&str>) -> Result<(), EligibilityError> {
    match value {
        Some(v) if v.trim().is_empty() => Err(EligibilityError::invalid(field, "is empty")),
        Some(v) if v.chars().count() > MAX_TEXT_CHARS => Err(EligibilityError::invalid(
            field,
            format!(
                "is {} characters long, more than the {MAX_TEXT_CHARS} any real one needs",
                v.chars().count()
            ),
        )),
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
        if params::is_nested(&name) {
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
