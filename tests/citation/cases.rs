//! The table of passages in `cases.toml`, written from how HR documents, consultants' letters and
//! English memos cite the rules: each passage is linked and its citations compared with the clause
//! IDs a reader expects. Prints the share right per kind on every run, and fails on any miss but
//! the ones listed in `KNOWN_MISSES` (none: all 182 right).

use std::collections::BTreeMap;

use serde::Deserialize;
use talentdex::citation::Status;

use crate::common::citations;

/// Passages still linked wrong, each with why. Any other miss fails the run; a listed one that
/// comes out right fails it too, so the list only shrinks.
const KNOWN_MISSES: &[&str] = &[];
/// The fewest cases the table holds (the issue asks for at least 150).
const MIN_CASES: usize = 150;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    kind: String,
    text: String,
    ids: Vec<String>,
}

/// The table the scanner was built against.
const CASES: &str = "cases.toml";
/// The probe: passages written later by someone who had not read `cases.toml`, to measure how
/// far the scanner generalises beyond the table it was built against.
const PROBE: &str = "probe.toml";

fn table(file: &str) -> Table {
    let path = format!("{}/tests/citation/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What `link` returned, in the table's terms: the ID of each found citation, or its status.
fn linked(text: &str) -> Vec<String> {
    let links = citations().link(text).expect("links");
    links
        .citations
        .iter()
        .map(|c| match (c.status, c.id) {
            (Status::Found, Some(id)) => id.to_string(),
            (status, _) => status.as_str().to_string(),
        })
        .collect()
}

/// Link every passage of a table, print the share right per kind, and return the passages
/// linked wrong.
fn score(file: &str) -> Vec<String> {
    let table = table(file);
    let mut kinds: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut missed = Vec::new();
    for case in &table.case {
        let got = linked(&case.text);
        let right = got == case.ids;
        let entry = kinds.entry(&case.kind).or_default();
        entry.0 += usize::from(right);
        entry.1 += 1;
        if !right {
            missed.push(case.text.clone());
            misses.push(format!(
                "[{}] {:?}: expected {:?}, got {got:?}",
                case.kind, case.text, case.ids
            ));
        }
    }
    let (right, total) = kinds
        .values()
        .fold((0, 0), |(r, t), (kr, kt)| (r + kr, t + kt));
    println!("{file}: citation passages right, per kind:");
    for (kind, (r, t)) in &kinds {
        println!("  {kind:<9} {r:>3}/{t:<3} {:>5.1}%", percent(*r, *t));
    }
    println!(
        "  {:<9} {right:>3}/{total:<3} {:>5.1}%",
        "all",
        percent(right, total)
    );
    for miss in &misses {
        println!("  miss {miss}");
    }
    missed
}

#[test]
fn the_passage_table_links_what_a_reader_expects() {
    assert!(table(CASES).case.len() >= MIN_CASES, "too few cases");
    let missed = score(CASES);
    let new: Vec<&String> = missed
        .iter()
        .filter(|m| !KNOWN_MISSES.contains(&m.as_str()))
        .collect();
    assert!(new.is_empty(), "passages linked wrong: {new:?}");
    let fixed: Vec<&&str> = KNOWN_MISSES
        .iter()
        .filter(|k| !missed.iter().any(|m| m == *k))
        .collect();
    assert!(
        fixed.is_empty(),
        "now right, remove from KNOWN_MISSES: {fixed:?}"
    );
}

#[test]
fn the_probe_passages_link_what_a_reader_expects() {
    let missed = score(PROBE);
    assert!(missed.is_empty(), "probe passages linked wrong: {missed:?}");
}

fn percent(right: usize, total: usize) -> f64 {
    if total == 0 {
        return 100.0;
    }
    100.0 * right as f64 / total as f64
}
