//! Analysis, recall helper: the synonym and alias table of `corpus/synonyms.toml` (see
//! `corpus/FORMAT.md`), applied to queries — "AI" is also searched as 人工智能, "Wolff" as
//! "Wolf Prize".

use serde::Deserialize;

use super::key;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    same: Vec<Same>,
    #[serde(default)]
    expand: Vec<Expand>,
}

/// Two-way: every term of the group is searched for any of the others.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Same {
    terms: Vec<String>,
}

/// One-way: a query containing one of `from` is also searched as each of `to`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expand {
    from: Vec<String>,
    to: Vec<String>,
}

/// One rule: when `from` (in key form) occurs in a query, also search for `to`.
#[derive(Debug, Clone)]
struct Rule {
    from: String,
    to: Vec<String>,
}

/// The loaded table.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    rules: Vec<Rule>,
}

impl Synonyms {
    /// Parse the TOML text of `synonyms.toml`; the error is a sentence naming what is wrong.
    pub fn parse(text: &str) -> Result<Synonyms, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut synonyms = Synonyms::default();
        for (i, group) in file.same.iter().enumerate() {
            if group.terms.len() < 2 {
                return Err(format!("[[same]] group {} needs two terms or more", i + 1));
            }
            for term in &group.terms {
                let others = group.terms.iter().filter(|t| *t != term).cloned();
                synonyms.add(term, others.collect())?;
            }
        }
        for (i, rule) in file.expand.iter().enumerate() {
            if rule.from.is_empty() || rule.to.is_empty() {
                return Err(format!("[[expand]] rule {} needs `from` and `to`", i + 1));
            }
            for from in &rule.from {
                synonyms.add(from, rule.to.clone())?;
            }
        }
        Ok(synonyms)
    }

    fn add(&mut self, from: &str, to: Vec<String>) -> Result<(), String> {
        let from = key(from);
        if from.is_empty() {
            return Err("a synonym term has no letters or characters".into());
        }
        match self.rules.iter_mut().find(|r| r.from == from) {
            Some(rule) => {
                for t in to {
                    if !rule.to.contains(&t) {
                        rule.to.push(t);
                    }
                }
            }
            None => self.rules.push(Rule { from, to }),
        }
        Ok(())
    }

    /// The other phrasings to search for a query already in key form (see [`key`]): the targets
    /// of every rule whose term occurs in it as whole words — except where a longer rule's term
    /// covers the same words (博士后 is postdoc, not also PhD) — and not those it already says.
    pub fn expand(&self, query_key: &str) -> Vec<&str> {
        let found: Vec<(std::ops::Range<usize>, &Rule)> = self
            .rules
            .iter()
            .flat_map(|rule| {
                occurrences(query_key, &rule.from)
                    .into_iter()
                    .map(move |span| (span, rule))
            })
            .collect();
        let covered = |span: &std::ops::Range<usize>| {
            found.iter().any(|(other, _)| {
                other.start <= span.start && span.end <= other.end && other != span
            })
        };
        let mut out: Vec<&str> = Vec::new();
        for (span, rule) in &found {
            if covered(span) {
                continue;
            }
            for target in &rule.to {
                let already = !occurrences(query_key, &key(target)).is_empty();
                if !already && !out.contains(&target.as_str()) {
                    out.push(target);
                }
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Where `needle` occurs in `haystack` without cutting a Latin word or number in two ("ai"
/// occurs in "ai 芯片" but not in "email"; Chinese has no such boundaries).
fn occurrences(haystack: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let cuts = |outside: Option<char>, edge: Option<char>| matches!((outside, edge), (Some(o), Some(e)) if o.is_ascii_alphanumeric() && e.is_ascii_alphanumeric());
    let first = needle.chars().next();
    let last = needle.chars().next_back();
    haystack
        .match_indices(needle)
        .map(|(at, _)| at..at + needle.len())
        .filter(|span| {
            let before = haystack[..span.start].chars().next_back();
            let after = haystack[span.end..].chars().next();
            !cuts(before, first) && !cuts(after, last)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = r#"
        [[same]]
        terms = ["AI", "人工智能", "artificial intelligence"]

        [[expand]]
        from = ["Wolff"]
        to = ["Wolf Prize"]
    "#;

    #[test]
    fn expands_both_ways_within_a_group_and_one_way_for_rules() {
        let s = Synonyms::parse(TABLE).unwrap();
        assert_eq!(
            s.expand(&key("AI 芯片")),
            vec!["人工智能", "artificial intelligence"]
        );
        assert_eq!(
            s.expand(&key("人工智能")),
            vec!["AI", "artificial intelligence"]
        );
        assert_eq!(s.expand(&key("Wolff")), vec!["Wolf Prize"]);
        assert!(s.expand(&key("Wolf Prize")).is_empty());
    }

    #[test]
    fn matches_whole_latin_words_only() {
        let s = Synonyms::parse(TABLE).unwrap();
        assert!(s.expand(&key("email")).is_empty());
        assert!(s.expand(&key("said")).is_empty());
        assert_eq!(s.expand(&key("AI算法")).len(), 2);
    }

    #[test]
    fn a_longer_term_hides_the_shorter_one_inside_it() {
        let s = Synonyms::parse(
            "[[same]]\nterms = [\"博士\", \"PhD\"]\n[[same]]\nterms = [\"博士后\", \"postdoc\"]",
        )
        .unwrap();
        assert_eq!(s.expand(&key("博士后")), vec!["postdoc"]);
        assert_eq!(s.expand(&key("博士 博士后")), vec!["PhD", "postdoc"]);
    }

    #[test]
    fn refuses_malformed_tables() {
        assert!(Synonyms::parse("[[same]]\nterms = [\"AI\"]").is_err());
        assert!(Synonyms::parse("[[expand]]\nfrom = [\"x\"]\nto = []").is_err());
        assert!(Synonyms::parse("[[colour]]\nterms = []").is_err());
        assert!(Synonyms::parse("[[same]]\nterms = [\"？\", \"x\"]").is_err());
    }
}
