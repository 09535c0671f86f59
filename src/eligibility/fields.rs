//! Eligibility (model → eligibility → web/cli): whether the applicant's `experience_field` is a
//! post's field or a related one, in either language. Each post's field words come from the post
//! itself (its 从业经历 field, split into its parts), from the corpus's concept list
//! (`concepts.toml`: clause ID → words in both languages) and from the synonym table; the
//! activity words every field shares (研发, R&D, design …) are set aside, so "battery R&D" and
//! "chip design" do not meet on "R&D".

use std::collections::HashMap;

use crate::analysis::{Synonyms, key, occurrences};
use crate::model::{Clause, Corpus};

/// Words that say what kind of work, not what field: set aside before fields are compared.
const ACTIVITY_WORDS_ZH: [&str; 14] = [
    "研发", "开发", "研究", "应用", "设计", "工程", "技术", "管理", "生产", "运行", "制造", "服务",
    "项目", "相关",
];
const ACTIVITY_WORDS_EN: [&str; 22] = [
    "r",
    "d",
    "research",
    "development",
    "developing",
    "design",
    "engineering",
    "engineer",
    "technology",
    "technologies",
    "management",
    "production",
    "operation",
    "manufacturing",
    "services",
    "service",
    "projects",
    "project",
    "application",
    "and",
    "the",
    "of",
];
/// Separators between the parts of a field as the catalogue prints it.
const PART_SEPARATORS_ZH: [char; 3] = ['、', '及', '与'];
const PART_SEPARATORS_EN: [&str; 3] = [", ", " and ", " or "];

/// The field words of every post: clause ID → the cores of its words, in key form.
#[derive(Debug, Clone, Default)]
pub struct Concepts {
    by_clause: HashMap<String, Vec<String>>,
    /// The posts in catalogue order, for naming the post a field belongs to.
    posts: Vec<String>,
    synonyms: Synonyms,
}

/// How a stated field reads against one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldMatch {
    /// The post's field or a related one.
    Related,
    /// Not this post's, but clearly the field of the post with this clause ID.
    OtherPost(String),
    /// Not recognised as any post's field.
    Unrecognised,
}

impl Concepts {
    /// The field words of every post of the corpus.
    pub fn new(corpus: &Corpus, synonyms: &Synonyms) -> Concepts {
        let mut by_clause: HashMap<String, Vec<String>> = HashMap::new();
        let mut posts = Vec::new();
        for clause in corpus.posts() {
            let Some(post) = &clause.post else { continue };
            let field = &post.requirements.experience_field;
            let mut words: Vec<String> = field
                .zh
                .split(PART_SEPARATORS_ZH)
                .map(str::to_string)
                .collect();
            let mut en = vec![field.en.clone()];
            for sep in PART_SEPARATORS_EN {
                en = en
                    .iter()
                    .flat_map(|p| p.split(sep))
                    .map(str::to_string)
                    .collect();
            }
            words.extend(en);
            words.extend(concept_words(corpus, clause));
            by_clause.insert(clause.id.clone(), cores(&words, synonyms));
            posts.push(clause.id.clone());
        }
        Concepts {
            by_clause,
            posts,
            synonyms: synonyms.clone(),
        }
    }

    /// The cores of a post's field words (for tests and the docs).
    pub fn terms(&self, id: &str) -> &[String] {
        self.by_clause.get(id).map_or(&[], Vec::as_slice)
    }

    /// How the stated `field` reads against the post `id`.
    pub fn judge(&self, id: &str, field: &str) -> FieldMatch {
        let stated = cores(&[field.to_string()], &self.synonyms);
        if self.relates(id, &stated) {
            return FieldMatch::Related;
        }
        self.posts
            .iter()
            .find(|other| *other != id && self.relates(other, &stated))
            .map_or(FieldMatch::Unrecognised, |other| {
                FieldMatch::OtherPost(other.clone())
            })
    }

    fn relates(&self, id: &str, stated: &[String]) -> bool {
        let terms = self.terms(id);
        stated.iter().any(|s| {
            terms
                .iter()
                .any(|t| !occurrences(s, t).is_empty() || !occurrences(t, s).is_empty())
        })
    }
}

/// The words the concept list gives the post or any of its parts.
fn concept_words(corpus: &Corpus, post: &Clause) -> Vec<String> {
    corpus
        .concepts()
        .all()
        .iter()
        .filter(|c| {
            c.clauses
                .iter()
                .any(|id| *id == post.id || post.children.contains(id))
        })
        .flat_map(|c| c.zh.iter().chain(&c.en).cloned())
        .collect()
}

/// Each word and its synonyms, in key form, with the activity words set aside; empty cores
/// dropped.
fn cores(words: &[String], synonyms: &Synonyms) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let k = key(word);
        let mut forms = vec![k.clone()];
        forms.extend(synonyms.expand(&k).into_iter().map(key));
        for form in forms {
            let core = core(&form);
            if !core.is_empty() && !out.contains(&core) {
                out.push(core);
            }
        }
    }
    out
}

/// A key with its activity words removed: `"battery technology r d"` → `"battery"`,
/// `"电池技术研发"` → `"电池"`.
fn core(k: &str) -> String {
    k.split(' ')
        .filter(|w| !ACTIVITY_WORDS_EN.contains(w))
        .map(|w| {
            let mut w = w.to_string();
            for a in ACTIVITY_WORDS_ZH {
                w = w.replace(a, " ");
            }
            w
        })
        .flat_map(|w| {
            w.split(' ')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_words_are_set_aside() {
        assert_eq!(core(&key("battery technology R&D")), "battery");
        assert_eq!(core(&key("电池技术研发")), "电池");
        assert_eq!(core(&key("IT开发")), "it");
        assert_eq!(core(&key("research and development")), "");
    }
}
