//! Benchmark (corpus → model → eligibility): one full answer — a complete set of facts over all 25
//! posts and all 69 Category A criteria — in process, and the same for the largest facts the
//! reader allows (every text at its limit, every award slot used, every attested criterion
//! answered), printing that answer's size. The target is well under a millisecond.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use talentdex::analysis::Analyzer;
use talentdex::eligibility::{
    Decided, Eligibility, Facts, MAX_AWARDS, MAX_TEXT_CHARS, criterion_clauses,
};

/// Every fact the SPEC names, touching every check and criterion; no `post`, so all 25 posts.
const FULL_FACTS: &str = r#"{
  "as_of": "2026-11-21",
  "age": 35,
  "degree": "doctorate",
  "major": "physics",
  "years_experience": 3,
  "experience_field": "quantum communication",
  "professional_qualification": true,
  "postdoc": true,
  "postdoc_institution": "university_china",
  "stem": true,
  "phd_university_rank": 150,
  "phd_graduation_year": 2022,
  "salary_multiple": 6.2,
  "points": 86,
  "awards": ["Fields Medal", "图灵奖", "Crawford Award", "Pritzker Prize"],
  "founder": {"investment_usd": 600000, "share_percent": 35, "years_stable": 3, "ip_contribution": true},
  "company": {"role": "chairman", "annual_sales_cny": 12000000, "annual_tax_cny": 0,
              "consecutive_years": 3, "ip_contribution": true}
}"#;

/// The largest facts the reader accepts: every text fact at `MAX_TEXT_CHARS` (of a three-byte
/// character), `MAX_AWARDS` awards of that length, and an answer to every attested criterion.
fn largest_facts(engine: &Eligibility) -> serde_json::Value {
    let text = "量".repeat(MAX_TEXT_CHARS);
    let mut facts: serde_json::Value = serde_json::from_str(FULL_FACTS).unwrap();
    facts["major"] = text.clone().into();
    facts["experience_field"] = text.clone().into();
    facts["company"]["role"] = text.clone().into();
    facts["awards"] = vec![text; MAX_AWARDS].into();
    let meets: serde_json::Map<String, serde_json::Value> = criterion_clauses(engine.corpus())
        .filter(|c| matches!(engine.decided_by(&c.id), Decided::Attested))
        .map(|c| (c.id.clone(), true.into()))
        .collect();
    facts["meets"] = meets.into();
    facts
}

fn eligibility(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = talentdex::corpus::load(&dir).expect("the corpus loads");
    let analyzer = Analyzer::load(&dir).expect("the search data loads");
    let engine = Eligibility::new(Arc::new(corpus), analyzer.synonyms());
    let facts = Facts::from_json(FULL_FACTS).expect("the facts are valid");
    let answer = engine.evaluate(&facts).expect("the facts evaluate");
    assert_eq!(answer.posts.len(), 25);
    assert_eq!(answer.criteria.len(), 69);
    let largest = largest_facts(&engine);
    let largest_body = largest.to_string();
    let large = Facts::from_value(largest).expect("the largest facts are valid");
    let size = serde_json::to_vec(&engine.evaluate(&large).unwrap())
        .unwrap()
        .len();
    let typical = serde_json::to_vec(&answer).unwrap().len();
    println!(
        "answer size: {typical} bytes for the full facts; {size} bytes for the largest facts allowed ({} bytes of facts)",
        largest_body.len()
    );
    c.bench_function("evaluate full facts, 25 posts + 69 criteria", |b| {
        b.iter(|| engine.evaluate(black_box(&facts)))
    });
    c.bench_function("parse and evaluate full facts", |b| {
        b.iter(|| {
            let facts = Facts::from_json(black_box(FULL_FACTS)).expect("valid");
            engine.evaluate(&facts)
        })
    });
    c.bench_function("evaluate the largest facts allowed", |b| {
        b.iter(|| engine.evaluate(black_box(&large)))
    });
}

criterion_group!(benches, eligibility);
criterion_main!(benches);
