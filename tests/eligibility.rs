//! Eligibility: facts against every post and every decidable Category A criterion. Shared helpers
//! here; the tables live in the submodules.

mod api;
mod attested;
mod awards;
mod cli;
mod criteria;
mod facts;
mod fields;
mod interview;
mod posts;
mod summary;

use serde_json::{Value, json};
use talentdex::eligibility::{Answer, Eligibility, Facts, Outcome, PostVerdict, Verdict};

/// The eligibility engine of the shared application (the real corpus and its synonym table).
pub fn engine() -> &'static Eligibility {
    crate::common::application().eligibility()
}

/// Every test reads the rules on this date: after the trial period, so validity says so.
pub const AS_OF: &str = "2026-11-21";

/// Facts from JSON, with `as_of` fixed unless the test sets it.
pub fn facts(mut value: Value) -> Facts {
    if let Value::Object(map) = &mut value {
        map.entry("as_of").or_insert(json!(AS_OF));
    }
    Facts::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

pub fn answer(value: Value) -> Answer {
    engine()
        .evaluate(&facts(value))
        .expect("the facts evaluate")
}

pub fn criterion<'a>(answer: &'a Answer, id: &str) -> &'a Verdict {
    answer
        .criteria
        .iter()
        .find(|v| v.id == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))
}

pub fn post(answer: &Answer, n: u32) -> &PostVerdict {
    let id = format!("bj2022-a2/{n}");
    answer
        .posts
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no post {id}"))
}

/// The verdict of one check kind of a post (the first, for kinds that repeat).
pub fn check<'a>(post: &'a PostVerdict, kind: &str) -> &'a Verdict {
    post.checks
        .iter()
        .find(|c| serde_json::to_value(c.kind).unwrap() == kind)
        .unwrap_or_else(|| panic!("{} has no {kind} check", post.id))
}

/// Merge `extra` over `base` (one level deep for objects such as `founder`).
pub fn with(base: &Value, extra: Value) -> Value {
    let mut out = base.clone();
    if let (Value::Object(o), Value::Object(e)) = (&mut out, extra) {
        for (k, v) in e {
            match (o.get_mut(&k), v) {
                (Some(Value::Object(inner)), Value::Object(add)) => inner.extend(add),
                (_, v) => {
                    o.insert(k, v);
                }
            }
        }
    }
    out
}

pub fn outcome(s: &str) -> Outcome {
    match s {
        "met" => Outcome::Met,
        "not_met" => Outcome::NotMet,
        "unknown" => Outcome::Unknown,
        _ => panic!("no outcome {s}"),
    }
}
