//! Eligibility (model → eligibility → web/cli): matching the applicant's major against the majors
//! a post lists, in either language, case-, space- and punctuation-insensitive, with the common
//! other names of each listed major. A major not matched is never refused: "等相关专业" admits
//! related fields, which only the authority can judge.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::analysis::name_key;
use crate::model::Bilingual;

/// Names that mean the same major. Each group holds a major as the catalogue lists it (Chinese and
/// our English) and the other names applicants use for it.
pub const MAJOR_SYNONYMS: &[&[&str]] = &[
    &["物理学", "物理", "physics"],
    &[
        "计算机",
        "计算机科学",
        "计算机科学与技术",
        "computer science",
        "computing",
        "cs",
    ],
    &[
        "电子",
        "电子学",
        "electronics",
        "电子工程",
        "electronic engineering",
        "electronics engineering",
        "电子科学与技术",
        "electronic science and technology",
    ],
    &[
        "电气",
        "电气工程",
        "电气工程及其自动化",
        "electrical engineering",
    ],
    &[
        "通信",
        "通信工程",
        "communications",
        "communication engineering",
        "telecommunications",
    ],
    &["信号处理", "signal processing"],
    &["微电子", "微电子学", "microelectronics"],
    &["自动化", "automation", "automation engineering"],
    &["机械", "机械工程", "mechanical engineering"],
    &[
        "机电一体化",
        "机械电子工程",
        "mechatronics",
        "mechatronic engineering",
    ],
    &["化学", "chemistry"],
    &["医学", "临床医学", "medicine", "clinical medicine"],
    &["生命科学", "life sciences", "life science"],
    &["法律", "法学", "law", "laws", "legal studies"],
    &["金融", "金融学", "finance"],
    &[
        "国际贸易",
        "国际经济与贸易",
        "international trade",
        "international economics and trade",
    ],
    &["建筑", "建筑学", "architecture"],
    &["环保", "环境保护", "environmental protection"],
    &["信息技术", "information technology", "it"],
    &["密码学", "cryptography"],
    &["知识产权", "intellectual property"],
];

/// Each synonym's comparable key and its group, built once.
static GROUPS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    MAJOR_SYNONYMS
        .iter()
        .enumerate()
        .flat_map(|(i, group)| group.iter().map(move |name| (name_key(name), i)))
        .collect()
});

/// The listed major the applicant's major is, if any: equal to its Chinese or English name, or to
/// another name of the same major.
pub fn matching<'a>(applicant: &str, listed: &'a [Bilingual]) -> Option<&'a Bilingual> {
    let key = name_key(applicant);
    if key.is_empty() {
        return None;
    }
    let keys: Vec<(String, String)> = listed
        .iter()
        .map(|m| (name_key(&m.zh), name_key(&m.en)))
        .collect();
    if let Some(i) = keys.iter().position(|(zh, en)| *zh == key || *en == key) {
        return Some(&listed[i]);
    }
    let group = GROUPS.get(&key)?;
    keys.iter()
        .position(|(zh, en)| GROUPS.get(zh) == Some(group) || GROUPS.get(en) == Some(group))
        .map(|i| &listed[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::same_name;

    // Regression: a name must not sit in two groups, or a major would match unrelated posts.
    #[test]
    fn no_name_is_in_two_groups() {
        let mut seen: Vec<&str> = Vec::new();
        for group in MAJOR_SYNONYMS {
            for name in *group {
                assert!(
                    !seen.iter().any(|s| same_name(s, name)),
                    "{name} appears twice"
                );
                seen.push(name);
            }
        }
    }
}
