//! Benchmark (corpus → model → eligibility): one full answer — a complete set of facts over all 25
//! posts and every Category A criterion — in process. The target is well under a millisecond.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use talentdex::eligibility::{Facts, evaluate};

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

fn eligibility(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = talentdex::corpus::load(&dir).expect("the corpus loads");
    let facts = Facts::from_json(FULL_FACTS).expect("the facts are valid");
    let answer = evaluate(&corpus, &facts).expect("the facts evaluate");
    assert_eq!(answer.posts.len(), 25);
    assert_eq!(answer.criteria.len(), 8);
    c.bench_function("evaluate full facts, 25 posts + 8 criteria", |b| {
        b.iter(|| evaluate(black_box(&corpus), black_box(&facts)))
    });
    c.bench_function("parse and evaluate full facts", |b| {
        b.iter(|| {
            let facts = Facts::from_json(black_box(FULL_FACTS)).expect("valid");
            evaluate(&corpus, &facts)
        })
    });
}

criterion_group!(benches, eligibility);
criterion_main!(benches);
