//! Experience in the field: years count only with a field that is the post's or a related one,
//! matched in either language through the post's own words, the synonym table and the corpus's
//! concept list (`concepts.toml`, read with the corpus, so `--corpus DIR` brings its own).

use std::path::Path;
use std::sync::Arc;

use serde_json::json;
use talentdex::analysis::Analyzer;
use talentdex::eligibility::{Eligibility, Outcome};

use super::{answer, check, facts, outcome, post};
use crate::common::corpus_dir;

// (post, years, field, expected, the reason says)
#[test]
fn experience_needs_years_and_a_related_field() {
    let rows: &[(u32, f64, Option<&str>, &str, &str)] = &[
        (13, 3.0, Some("区块链"), "met", "related"),
        (13, 3.0, Some("Blockchain R&D"), "met", "related"),
        (13, 3.0, Some("blockchain development"), "met", "related"),
        (6, 5.0, Some("芯片设计"), "met", "related"),
        (6, 5.0, Some("chip design"), "met", "related"),
        (6, 5.0, Some("chips"), "met", "related"),
        (3, 3.0, Some("quantum communication"), "met", "related"),
        (3, 3.0, Some("量子通信"), "met", "related"),
        (15, 2.0, Some("AI"), "met", "related"),
        (15, 2.0, Some("人工智能算法"), "met", "related"),
        (25, 2.0, Some("临床诊疗"), "met", "related"),
        // Issue 12: a battery engineer with five years was "met" for the chip design post.
        (
            6,
            5.0,
            Some("battery engineering"),
            "unknown",
            "bj2022-a2/16",
        ),
        (6, 5.0, Some("电池研发"), "unknown", "bj2022-a2/16"),
        (13, 3.0, Some("cloud computing"), "unknown", "bj2022-a2/2"),
        (13, 3.0, Some("basket weaving"), "unknown", "not recognised"),
        // Years without a field: say what to state.
        (13, 3.0, None, "unknown", "experience_field"),
        // Too few years is not met, whatever the field.
        (13, 1.0, Some("blockchain"), "not_met", "1 years"),
        (6, 1.0, Some("battery engineering"), "not_met", "1 years"),
    ];
    for (n, years, field, expected, says) in rows {
        let a = answer(json!({"years_experience": years, "experience_field": field, "post": n}));
        let v = check(post(&a, *n), "experience");
        assert_eq!(
            v.verdict,
            outcome(expected),
            "post {n}, {field:?}: {:?}",
            v.reason
        );
        assert!(
            v.reason.en.contains(says),
            "post {n}, {field:?}: {}",
            v.reason.en
        );
        // The stated text is quoted once, in `facts`, never in a reason.
        if let (Some(f), "unknown") = (field, *expected) {
            assert!(!v.reason.en.contains(f), "{f} quoted: {}", v.reason.en);
        }
    }
}

/// A copy of the real corpus in a temporary directory, with `extra` files written over it.
fn corpus_copy(extra: &[(&str, Option<&str>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(corpus_dir()).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    for (name, text) in extra {
        let path = dir.path().join(name);
        match text {
            Some(t) => std::fs::write(path, t).unwrap(),
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    dir
}

fn engine_over(dir: &Path) -> Eligibility {
    let corpus = talentdex::corpus::load(dir).expect("the copy loads");
    let analyzer = Analyzer::load(dir).expect("its search data loads");
    Eligibility::new(Arc::new(corpus), analyzer.synonyms())
}

const CONCEPTS: &str = r#"
[[concept]]
clauses = ["bj2022-a2/13"]
zh = ["区块链", "分布式账本"]
en = ["blockchain", "distributed ledger"]
"#;

// The concept list widens a post's field words in both languages, and it is the corpus
// directory's own: without it "distributed ledger" is not recognised for post 13.
#[test]
fn the_concept_list_is_read_with_the_corpus() {
    let f =
        facts(json!({"years_experience": 3, "experience_field": "distributed ledger", "post": 13}));
    let zh =
        facts(json!({"years_experience": 3, "experience_field": "分布式账本技术", "post": 13}));
    let with = corpus_copy(&[("concepts.toml", Some(CONCEPTS))]);
    let engine = engine_over(with.path());
    for facts in [&f, &zh] {
        let a = engine.evaluate(facts).unwrap();
        assert_eq!(
            check(post(&a, 13), "experience").verdict,
            Outcome::Met,
            "{facts:?}"
        );
    }
    let without = corpus_copy(&[("concepts.toml", None)]);
    let a = engine_over(without.path()).evaluate(&f).unwrap();
    assert_eq!(check(post(&a, 13), "experience").verdict, Outcome::Unknown);
    // A concept naming a clause the corpus lacks refuses the corpus, naming the file.
    let bad = corpus_copy(&[(
        "concepts.toml",
        Some("[[concept]]\nclauses = [\"bj2022-a2/99\"]\nen = [\"x\"]\n"),
    )]);
    let err = talentdex::corpus::load(bad.path()).unwrap_err().to_string();
    assert!(
        err.contains("concepts.toml") && err.contains("bj2022-a2/99"),
        "{err}"
    );
}

// Regression (issue 10): awards.toml was compiled in, so `--corpus DIR` did not change it. A
// corpus without it has no award list; one with its own list is judged by that list.
#[test]
fn the_award_list_is_read_with_the_corpus() {
    let f = facts(json!({"awards": ["Fields Medal"]}));
    let without = corpus_copy(&[("awards.toml", None)]);
    let a = engine_over(without.path())
        .evaluate(&facts(json!({"meets": {"bj2022-a1/2.2": true}})))
        .unwrap();
    let v = a.criteria.iter().find(|v| v.id == "bj2022-a1/2.2").unwrap();
    assert_eq!(
        v.verdict,
        Outcome::Met,
        "with no list, 2.2 is attested: {:?}",
        v.reason
    );
    let own = corpus_copy(&[(
        "awards.toml",
        Some("[[award]]\nclause = \"bj2022-a1/2.2\"\nzh = \"菲尔兹奖\"\nen = \"Fields Medal\"\n"),
    )]);
    let a = engine_over(own.path()).evaluate(&f).unwrap();
    let v = a.criteria.iter().find(|v| v.id == "bj2022-a1/2.2").unwrap();
    assert_eq!(v.verdict, Outcome::Met);
    let bad = corpus_copy(&[("awards.toml", Some("[[award]]\nclause = 3\n"))]);
    let err = talentdex::corpus::load(bad.path()).unwrap_err().to_string();
    assert!(err.contains("awards.toml"), "{err}");
}
