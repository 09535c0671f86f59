//! Annex 2's posts in the model: the requirement parts of a post and the structured requirements
//! the program reads from their text (degree, majors, years, qualification, ability items), which
//! `eligibility` turns into verdicts.

use serde::Serialize;

use super::Bilingual;
pub use super::degree::Degree;
use super::post_text::{read_education, read_experience, split_items};

/// Which column of the catalogue a requirement part is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PostPartKind {
    /// `.1` 职业能力要求
    Ability,
    /// `.2` 专业学历要求
    Education,
    /// `.3` 从业经历要求
    Experience,
    /// `.4` 其他要求
    Other,
}

impl PostPartKind {
    /// The part number (the last segment of the part's clause ID) of each column.
    pub fn from_number(n: u32) -> Option<Self> {
        match n {
            1 => Some(Self::Ability),
            2 => Some(Self::Education),
            3 => Some(Self::Experience),
            4 => Some(Self::Other),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PostPart {
    pub id: String,
    pub part: PostPartKind,
    pub title: Bilingual,
    pub text: Bilingual,
}

/// The requirements of a post, read from the text of its parts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Requirements {
    /// Minimum degree (学士/硕士/博士 及以上).
    pub degree: Degree,
    /// "或相当学历": an equivalent qualification is accepted.
    pub equivalent_accepted: bool,
    /// The listed majors ("等相关专业" admits related ones too).
    pub majors: Vec<Bilingual>,
    /// Minimum years of experience ("2年及以上" includes 2).
    pub years_experience: u32,
    pub experience_field: Bilingual,
    /// `<field>相关工作` without 等: only work related to the field, worded so (absent when the
    /// text says `<field>等相关工作`, the field or related work).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub experience_field_only: bool,
    /// 具有相关职业资格.
    pub qualification_required: bool,
    pub abilities: Vec<Bilingual>,
    pub other: Vec<Bilingual>,
}

/// The kinds of check a post is assessed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    Degree,
    Major,
    Experience,
    Qualification,
    Ability,
    Other,
}

impl CheckKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckKind::Degree => "degree",
            CheckKind::Major => "major",
            CheckKind::Experience => "experience",
            CheckKind::Qualification => "qualification",
            CheckKind::Ability => "ability",
            CheckKind::Other => "other",
        }
    }

    /// Whether the check decides the post's own verdict (ability items and 其他要求 do not).
    pub fn decides_post(self) -> bool {
        matches!(
            self,
            CheckKind::Degree | CheckKind::Major | CheckKind::Experience | CheckKind::Qualification
        )
    }
}

/// A requirement to check, citing the clause it rests on. Eligibility adds the verdict.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    pub requirement: Bilingual,
}

/// A post's catalogue entry.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Post {
    pub number: u32,
    pub industry: Bilingual,
    pub name: Bilingual,
    pub parts: Vec<PostPart>,
    pub requirements: Requirements,
    pub checks: Vec<Check>,
}

impl Post {
    /// Build a post from its parts, reading the structured requirements from their text.
    /// The error says which part is malformed and how.
    pub fn from_parts(
        number: u32,
        industry: Bilingual,
        name: Bilingual,
        parts: Vec<PostPart>,
    ) -> Result<Post, String> {
        let find = |kind| parts.iter().find(|p| p.part == kind);
        let (Some(ability), Some(education), Some(experience)) = (
            find(PostPartKind::Ability),
            find(PostPartKind::Education),
            find(PostPartKind::Experience),
        ) else {
            let missing: Vec<&str> = [
                (PostPartKind::Ability, ".1 (ability)"),
                (PostPartKind::Education, ".2 (education)"),
                (PostPartKind::Experience, ".3 (experience)"),
            ]
            .into_iter()
            .filter(|(kind, _)| find(*kind).is_none())
            .map(|(_, name)| name)
            .collect();
            return Err(format!("missing its part {}", missing.join(", ")));
        };
        let abilities = split_items(&ability.text).map_err(|e| format!("{}: {e}", ability.id))?;
        let (degree, equivalent_accepted, majors) =
            read_education(&education.text).map_err(|e| format!("{}: {e}", education.id))?;
        let experience_req =
            read_experience(&experience.text).map_err(|e| format!("{}: {e}", experience.id))?;
        let other: Vec<Bilingual> = find(PostPartKind::Other)
            .map(|p| p.text.clone())
            .into_iter()
            .collect();
        let requirements = Requirements {
            degree,
            equivalent_accepted,
            majors,
            years_experience: experience_req.years,
            experience_field: experience_req.field,
            experience_field_only: experience_req.field_only,
            qualification_required: experience_req.qualification,
            abilities,
            other,
        };
        let checks = checks_for(&requirements, &parts);
        Ok(Post {
            number,
            industry,
            name,
            parts,
            requirements,
            checks,
        })
    }
}

/// The experience check's wording, as the post's `.3` words its field.
fn experience_requirement(req: &Requirements) -> Bilingual {
    let (years, field) = (req.years_experience, &req.experience_field);
    if req.experience_field_only {
        Bilingual::new(
            format!("{years}年及以上从事{}相关工作经历", field.zh),
            format!(
                "at least {years} years of experience in work related to {}",
                field.en
            ),
        )
    } else {
        Bilingual::new(
            format!("{years}年及以上从事{}等相关工作经历", field.zh),
            format!(
                "at least {years} years of experience in {} or related work",
                field.en
            ),
        )
    }
}

fn checks_for(req: &Requirements, parts: &[PostPart]) -> Vec<Check> {
    let id_of = |kind| {
        parts
            .iter()
            .find(|p| p.part == kind)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    };
    let education = id_of(PostPartKind::Education);
    let experience = id_of(PostPartKind::Experience);
    let degree = req.degree.names();
    let join = |sep: &str, f: fn(&Bilingual) -> &str| {
        req.majors.iter().map(f).collect::<Vec<_>>().join(sep)
    };
    let mut checks = vec![
        Check {
            id: education.clone(),
            kind: CheckKind::Degree,
            requirement: Bilingual::new(
                format!("{}及以上学位或相当学历", degree.zh),
                format!("a {} degree or above, or an equivalent", degree.en),
            ),
        },
        Check {
            id: education,
            kind: CheckKind::Major,
            requirement: Bilingual::new(
                format!("{}等相关专业", join("、", |m| &m.zh)),
                format!("{} or related fields", join(", ", |m| &m.en)),
            ),
        },
        Check {
            id: experience.clone(),
            kind: CheckKind::Experience,
            requirement: experience_requirement(req),
        },
    ];
    if req.qualification_required {
        checks.push(Check {
            id: experience,
            kind: CheckKind::Qualification,
            requirement: Bilingual::new(
                "具有相关职业资格",
                "a relevant professional qualification",
            ),
        });
    }
    let ability = id_of(PostPartKind::Ability);
    checks.extend(req.abilities.iter().map(|a| Check {
        id: ability.clone(),
        kind: CheckKind::Ability,
        requirement: a.clone(),
    }));
    let other = id_of(PostPartKind::Other);
    checks.extend(req.other.iter().map(|o| Check {
        id: other.clone(),
        kind: CheckKind::Other,
        requirement: o.clone(),
    }));
    checks
}
