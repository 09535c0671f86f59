//! Analysis, recall helper: the synonym and alias table of `corpus/synonyms.toml` (see
//! `corpus/FORMAT.md`), applied to queries — "AI" is also searched as 人工智能, "Wolff" as
//! "Wolf Prize".

use std::ops::Range;

use aho_corasick::AhoCorasick;
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
    to: Vec<Target>,
}

/// A phrasing to search for, with its key form (to tell whether the query already says it).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    text: String,
    key: String,
}

/// The loaded table: its rules and one automaton finding all their terms in a query at once.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    rules: Vec<Rule>,
    matcher: Option<AhoCorasick>,
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
        let keys = synonyms.rules.iter().map(|r| r.from.as_str());
        let matcher = AhoCorasick::new(keys).map_err(|e| format!("cannot index the terms: {e}"))?;
        synonyms.matcher = Some(matcher);
        Ok(synonyms)
    }

    fn add(&mut self, from: &str, to: Vec<String>) -> Result<(), String> {
        let from = key(from);
        if from.is_empty() {
            return Err("a synonym term has no letters or characters".into());
        }
        let to: Vec<Target> = to
            .into_iter()
            .map(|text| Target {
                key: key(&text),
                text,
            })
            .collect();
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
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let found: Vec<(Range<usize>, &Rule)> = matcher
            .find_overlapping_iter(query_key)
            .map(|m| (m.range(), &self.rules[m.pattern().as_usize()]))
            .filter(|(span, _)| whole_words(query_key, span))
            .collect();
        let covered = |span: &Range<usize>| {
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
                let already = !occurrences(query_key, &target.key).is_empty();
                if !already && !out.contains(&target.text.as_str()) {
                    out.push(&target.text);
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

/// Whether `span` of `haystack` does not cut a Latin word or number in two ("ai" is whole in
/// "ai 芯片" but not in "email"; Chinese has no such boundaries).
fn whole_words(haystack: &str, span: &Range<usize>) -> bool {
    let cuts = |outside: Option<char>, edge: Option<char>| matches!((outside, edge), (Some(o), Some(e)) if o.is_ascii_alphanumeric() && e.is_ascii_alphanumeric());
    let inside = &haystack[span.clone()];
    let before = haystack[..span.start].chars().next_back();
    let after = haystack[span.end..].chars().next();
    !cuts(before, inside.chars().next()) && !cuts(after, inside.chars().next_back())
}

/// Where `needle` occurs in `haystack` (both in key form) as whole words: Latin words are not cut
/// in two, Chinese matches anywhere.
pub fn occurrences(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    haystack
        .match_indices(needle)
        .map(|(at, _)| at..at + needle.len())
        .filter(|span| whole_words(haystack, span))
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
