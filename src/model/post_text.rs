//! Model: reading a post's structured requirements from the text of its parts — the fixed
//! sentence patterns of `corpus/FORMAT.md` (majors, minimum degree, years, field, qualification,
//! ability items) — so they are derived from the corpus, never typed twice.

use super::Bilingual;
use super::degree::Degree;

/// Split 职业能力要求 into its items: `；` in Chinese, `; ` in English, the same count in both.
pub(super) fn split_items(text: &Bilingual) -> Result<Vec<Bilingual>, String> {
    let zh: Vec<&str> = text.zh.trim_end_matches('。').split('；').collect();
    let en: Vec<&str> = text.en.trim_end_matches('.').split("; ").collect();
    if zh.len() != en.len() {
        return Err(format!(
            "{} ability items in Chinese but {} in English",
            zh.len(),
            en.len()
        ));
    }
    Ok(zh
        .into_iter()
        .zip(en)
        .map(|(z, e)| Bilingual::new(z.trim(), e.trim()))
        .collect())
}

const MAJORS_END_ZH: &str = "等相关专业";
const MAJORS_START_EN: &str = " degree or above, or an equivalent qualification, in ";
const MAJORS_END_EN: &str = " or related fields.";

/// Read `<majors>等相关专业<学士|硕士|博士>及以上学位或相当学历。` and its English pattern.
pub(super) fn read_education(text: &Bilingual) -> Result<(Degree, bool, Vec<Bilingual>), String> {
    let (majors_zh, rest) = text
        .zh
        .split_once(MAJORS_END_ZH)
        .ok_or_else(|| format!("Chinese lacks \"{MAJORS_END_ZH}\""))?;
    let degree = [
        ("学士及以上", Degree::Bachelor),
        ("硕士及以上", Degree::Master),
        ("博士及以上", Degree::Doctorate),
    ]
    .into_iter()
    .find(|(word, _)| rest.starts_with(word))
    .map(|(_, d)| d)
    .ok_or("Chinese names no minimum degree (学士/硕士/博士及以上)")?;
    let equivalent = rest.contains("或相当学历");
    let en_degree = match degree {
        Degree::Bachelor => "A bachelor's",
        Degree::Master => "A master's",
        _ => "A doctoral",
    };
    let majors_en = text
        .en
        .strip_prefix(en_degree)
        .and_then(|s| s.strip_prefix(MAJORS_START_EN))
        .and_then(|s| s.strip_suffix(MAJORS_END_EN))
        .ok_or_else(|| {
            format!("English does not read \"{en_degree}{MAJORS_START_EN}<majors>{MAJORS_END_EN}\"")
        })?;
    let zh: Vec<&str> = majors_zh.split('、').collect();
    let en: Vec<&str> = majors_en.split(", ").collect();
    if zh.len() != en.len() {
        return Err(format!(
            "{} majors in Chinese but {} in English",
            zh.len(),
            en.len()
        ));
    }
    let majors = zh
        .into_iter()
        .zip(en)
        .map(|(z, e)| Bilingual::new(z, e))
        .collect();
    Ok((degree, equivalent, majors))
}

const QUALIFICATION_ZH: &str = "相关职业资格";
const QUALIFICATION_EN: &str = "A relevant professional qualification and at least ";
const YEARS_EN: &str = "At least ";
const FIELD_START_EN: &str = " years of experience in ";
/// After the field where the Chinese says `<field>等相关工作` (the field and work like it).
const FIELD_END_EN: &str = " or related work.";
/// Before the field where the Chinese says `<field>相关工作` without 等 (work about the field only).
const RELATED_TO_EN: &str = "work related to ";

/// What a post's `.3` part requires.
#[derive(Debug)]
pub(super) struct Experience {
    pub years: u32,
    pub field: Bilingual,
    /// No 等: only work related to the field counts, as the text words it.
    pub field_only: bool,
    pub qualification: bool,
}

/// Read `具有[相关职业资格，]<N>年及以上从事<field>[等]相关工作经历。` and its English pattern:
/// `… in <field> or related work.` with 等, `… in work related to <field>.` without it — so the
/// English never widens the field where the Chinese does not.
pub(super) fn read_experience<'a>(text: &'a Bilingual) -> Result<Experience, String> {
    let zh = &text.zh;
    let years_at = zh.find("年及以上").ok_or("Chinese lacks \"<N>年及以上\"")?;
    let digits: String = zh[..years_at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let years: u32 = digits
        .parse()
        .map_err(|_| "no number of years before 年及以上".to_string())?;
    let after = &zh[years_at..];
    let field_zh = after
        .split_once("从事")
        .map(|(_, f)| f)
        .and_then(|f| f.split_once("相关工作经历").map(|(f, _)| f))
        .ok_or("Chinese lacks \"从事<field>相关工作经历\"")?;
    let (field_zh, or_related) = match field_zh.strip_suffix('等') {
        Some(f) => (f, true),
        None => (field_zh, false),
    };
    let qualification = zh.contains(QUALIFICATION_ZH);
    let en_rest = if qualification {
        text.en.strip_prefix(QUALIFICATION_EN)
    } else {
        text.en.strip_prefix(YEARS_EN)
    }
    .ok_or_else(|| {
        format!(
            "English does not open with \"{}\"",
            if qualification {
                QUALIFICATION_EN
            } else {
                YEARS_EN
            }
        )
    })?;
    let field_en = |f: &'a str| -> Option<&'a str> {
        if or_related {
            f.strip_suffix(FIELD_END_EN)
        } else {
            f.strip_prefix(RELATED_TO_EN)?.strip_suffix('.')
        }
    };
    let (en_years, field_en) = en_rest
        .split_once(FIELD_START_EN)
        .and_then(|(y, f)| Some((y, field_en(f)?)))
        .ok_or_else(|| {
            if or_related {
                format!("English does not read \"<N>{FIELD_START_EN}<field>{FIELD_END_EN}\"")
            } else {
                format!(
                    "the Chinese has no 等, so the English must read \"<N>{FIELD_START_EN}{RELATED_TO_EN}<field>.\""
                )
            }
        })?;
    if en_years.parse::<u32>() != Ok(years) {
        return Err(format!(
            "{years} years in Chinese but \"{en_years}\" in English"
        ));
    }
    Ok(Experience {
        years,
        field: Bilingual::new(field_zh, field_en),
        field_only: !or_related,
        qualification,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_education_and_experience_patterns() {
        let edu = Bilingual::new(
            "电子、计算机、自动化等相关专业学士及以上学位或相当学历。",
            "A bachelor's degree or above, or an equivalent qualification, in electronics, computer science, automation or related fields.",
        );
        let (degree, eq, majors) = read_education(&edu).unwrap();
        assert_eq!(degree, Degree::Bachelor);
        assert!(eq);
        assert_eq!(majors.len(), 3);
        assert_eq!(majors[2], Bilingual::new("自动化", "automation"));

        let exp = Bilingual::new(
            "具有相关职业资格，2年及以上从事临床诊疗相关工作经历。",
            "A relevant professional qualification and at least 2 years of experience in work related to clinical diagnosis and treatment.",
        );
        let e = read_experience(&exp).unwrap();
        assert_eq!((e.years, e.qualification, e.field_only), (2, true, true));
        assert_eq!(e.field.zh, "临床诊疗");
        assert_eq!(e.field.en, "clinical diagnosis and treatment");
        let exp = Bilingual::new(
            "具有2年及以上从事云计算等相关工作经历。",
            "At least 2 years of experience in cloud computing or related work.",
        );
        let e = read_experience(&exp).unwrap();
        assert_eq!((e.years, e.qualification, e.field_only), (2, false, false));
        assert_eq!(e.field.en, "cloud computing");
    }

    #[test]
    fn refuses_mismatched_languages() {
        let edu = Bilingual::new(
            "计算机等相关专业学士及以上学位或相当学历。",
            "A bachelor's degree or above, or an equivalent qualification, in computing, maths or related fields.",
        );
        assert!(
            read_education(&edu)
                .unwrap_err()
                .contains("1 majors in Chinese but 2")
        );
        let exp = Bilingual::new(
            "具有2年及以上从事云计算等相关工作经历。",
            "At least 3 years of experience in cloud computing or related work.",
        );
        assert!(
            read_experience(&exp)
                .unwrap_err()
                .contains("2 years in Chinese")
        );
        // "or related" widens a field the Chinese (no 等) does not, and the reverse.
        for (zh, en) in [
            (
                "具有2年及以上从事临床诊疗相关工作经历。",
                "At least 2 years of experience in clinical diagnosis and treatment or related work.",
            ),
            (
                "具有2年及以上从事云计算等相关工作经历。",
                "At least 2 years of experience in work related to cloud computing.",
            ),
        ] {
            assert!(read_experience(&Bilingual::new(zh, en)).is_err(), "{en}");
        }
    }
}
